//! Screens at every size: big digits whenever they fit, no safety sentence cut silently, the keys
//! of where you are, bedtime's own close, why "When to get help" opened, the habit's hint.

use std::time::{Duration, Instant};

use cramp_coach::app::{App, Key, Msg, Screen};
use cramp_coach::config::{Config, ThemeName};
use cramp_coach::content::Content;
use cramp_coach::journal::{Episode, Journal};
use cramp_coach::strings as s;
use cramp_coach::ui;
use cramp_coach::ui::theme::Theme;
use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn tonight() -> Date {
    date(2026, 11, 28)
}

fn app(t0: Instant) -> App {
    let mut config = Config::builtin();
    config.lead_in_seconds = 0;
    let mut app = App::new(Content::builtin(), config, Vec::new(), tonight());
    app.update(Msg::JournalLoaded(Ok(Journal::default())), t0);
    app
}

fn key(app: &mut App, k: Key, now: Instant) {
    app.update(Msg::Key(k), now);
}

/// The screen as text, one row a line, trailing blanks kept.
fn render(app: &App, width: u16, height: u16, now: Instant) -> Vec<String> {
    let theme = Theme::new(ThemeName::Night, false);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, app, &theme, now)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer.cell((x, y)).map_or(" ", |c| c.symbol()))
                .collect()
        })
        .collect()
}

fn text(rows: &[String]) -> String {
    rows.join("\n")
}

/// Words of a sentence that a screen wraps over several rows are all there, in order.
fn shows_words(rows: &[String], sentence: &str) -> bool {
    let flat: Vec<&str> = rows.iter().flat_map(|r| r.split_whitespace()).collect();
    let want: Vec<&str> = sentence.split_whitespace().collect();
    flat.windows(want.len()).any(|w| w == want.as_slice())
}

/// Rows drawn with the big digits' half and full blocks.
fn digit_rows(rows: &[String]) -> usize {
    rows.iter()
        .filter(|r| r.contains('█') || r.contains('▀') || r.contains('▄'))
        .filter(|r| !r.contains('━') && !r.contains('─'))
        .count()
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn big_digits_show_whenever_they_fit_and_grow_on_a_large_terminal() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.update(Msg::Start("bedtime".to_string()), t0);
    // 60×15 once showed a small 0:08 and seven empty rows.
    for (w, h, min_rows) in [(40, 12, 3), (60, 15, 3), (80, 24, 3), (200, 60, 8)] {
        let rows = render(&app, w, h, t0 + secs(2));
        assert!(
            digit_rows(&rows) >= min_rows,
            "{w}×{h}: want ≥ {min_rows} digit rows\n{}",
            text(&rows)
        );
        assert!(
            shows_words(&rows, "lean in to a moderate stretch."),
            "{w}×{h}"
        );
    }
}

#[test]
fn the_instruction_is_never_cut_silently_and_scrolls_on_the_smallest_screen() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.update(Msg::Start("calf".to_string()), t0);
    key(&mut app, Key::Enter, t0 + secs(1)); // it let go: the timed "keep the toe pull"
    let safety = "never into sharp pain.";
    for (w, h) in [(40, 18), (60, 15), (80, 24), (100, 30)] {
        let rows = render(&app, w, h, t0 + secs(2));
        assert!(shows_words(&rows, safety), "{w}×{h}\n{}", text(&rows));
    }
    // 20×8: the first step's instruction does not fit; a marker says so and ↓ brings the rest.
    let mut app = self::app(t0);
    app.update(Msg::Start("calf".to_string()), t0);
    let rows = render(&app, 20, 8, t0 + secs(1));
    assert!(text(&rows).contains(s::MORE_BELOW), "{}", text(&rows));
    assert!(!text(&rows).contains("heel down."), "{}", text(&rows));
    let mut seen = rows.clone();
    for _ in 0..12 {
        key(&mut app, Key::Down, t0 + secs(1));
        seen.extend(render(&app, 20, 8, t0 + secs(1)));
    }
    assert!(text(&seen).contains("heel down."), "{}", text(&seen));
}

#[test]
fn the_log_prompt_and_aftercare_scroll_instead_of_losing_lines() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.update(Msg::Start("calf".to_string()), t0);
    key(&mut app, Key::Char('q'), t0 + secs(5));
    // 20×8 once lost the symptoms question; 60×15 stopped aftercare mid-sentence.
    for (w, h, needle) in [(20, 8, "weakness,"), (60, 15, "use machinery.")] {
        let mut seen = render(&app, w, h, t0 + secs(5));
        let first = text(&seen);
        assert!(first.contains(s::MORE_BELOW), "{w}×{h}\n{first}");
        for _ in 0..30 {
            key(&mut app, Key::Down, t0 + secs(5));
            seen.extend(render(&app, w, h, t0 + secs(5)));
        }
        assert!(
            text(&seen).contains(needle),
            "{w}×{h}: {needle}\n{}",
            text(&seen)
        );
        for _ in 0..30 {
            key(&mut app, Key::Up, t0 + secs(5));
        }
    }
}

#[test]
fn help_lists_the_keys_of_where_you_are_each_once() {
    let t0 = Instant::now();
    let mut app = app(t0);
    let help = |app: &mut App| {
        key(app, Key::Char('?'), t0);
        let rows = render(app, 100, 40, t0);
        key(app, Key::Esc, t0);
        text(&rows)
    };
    let home = help(&mut app);
    assert!(
        home.contains("choose a routine") && home.contains("choose a habit"),
        "{home}"
    );
    assert_eq!(
        home.matches("between routines and habits").count(),
        1,
        "tab once:\n{home}"
    );
    assert!(!home.contains("to the habits"), "{home}");
    app.update(Msg::Start("calf".to_string()), t0);
    key(&mut app, Key::Char('q'), t0);
    let prompt = help(&mut app);
    assert!(
        prompt.contains("how bad") && prompt.contains("skip"),
        "{prompt}"
    );
    assert!(!prompt.contains("choose a routine"), "{prompt}");
    key(&mut app, Key::Esc, t0); // skip the log
    let done = help(&mut app);
    assert!(done.contains("the same routine again"), "{done}");
    assert!(!done.contains("how bad"), "{done}");
}

#[test]
fn bedtime_ends_with_its_own_close_not_cramp_aftercare() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.update(Msg::Start("bedtime".to_string()), t0);
    app.update(Msg::Tick, t0 + secs(215));
    assert!(matches!(app.screen, Screen::Done { prompt: None, .. }));
    let done = text(&render(&app, 80, 24, t0 + secs(215)));
    assert!(done.contains(s::BEDTIME_CLOSE_HEADING), "{done}");
    assert!(
        !done.contains("drive") && !done.contains("Painkillers"),
        "{done}"
    );
}

#[test]
fn when_to_get_help_says_why_it_opened() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.update(Msg::Start("calf".to_string()), t0);
    key(&mut app, Key::Char('q'), t0 + secs(5));
    let episode = Episode {
        id: "kqmzbwta".to_string(),
        seconds: Some(11 * 60),
        ..Episode::begun(jiff::Timestamp::UNIX_EPOCH, &jiff::tz::TimeZone::UTC)
    };
    app.update(
        Msg::EpisodeSaved {
            journal: Journal::default(),
            episode,
        },
        t0 + secs(6),
    );
    let rows = render(&app, 80, 30, t0 + secs(6));
    assert!(
        shows_words(
            &rows,
            "Shown because you logged a cramp longer than 10 minutes."
        ),
        "{}",
        text(&rows)
    );
}

#[test]
fn the_focused_habit_shows_its_hint_and_a_night_it_does_not_apply_is_refused() {
    let t0 = Instant::now();
    let content = Content::parse(
        std::path::Path::new("c.toml"),
        &format!(
            "{}\n[[habit]]\nid = \"bike\"\ntitle = \"Stationary bike\"\nhint = \"A few minutes before bed; expert advice.\"\ntarget = 2\ndays = [\"mon\"]\n",
            cramp_coach::content::BUILTIN_TOML
        ),
    )
    .unwrap();
    let mut app = App::new(content, Config::builtin(), Vec::new(), tonight());
    app.update(Msg::JournalLoaded(Ok(Journal::default())), t0);
    key(&mut app, Key::Tab, t0);
    let rows = text(&render(&app, 80, 30, t0));
    let stretch_hint = app.selected_habit().and_then(|h| h.hint.clone()).unwrap();
    assert!(rows.contains(&stretch_hint[..20]), "{rows}");
    // The counted habit on a Saturday it does not apply: [-], and Space says why.
    for _ in 0..7 {
        key(&mut app, Key::Down, t0);
    }
    assert_eq!(app.selected_habit().map(|h| h.id.as_str()), Some("bike"));
    let rows = text(&render(&app, 80, 30, t0));
    assert!(rows.contains("[-]   Stationary bike"), "{rows}");
    let effects = app.update(Msg::Key(Key::Char(' ')), t0);
    assert!(effects.is_empty());
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("applies on Mon nights"), "{status}");
}

#[test]
fn insights_fit_80_by_24_with_the_chart_and_scroll_to_the_end() {
    let t0 = Instant::now();
    let mut journal = Journal::default();
    for back in 0..40 {
        let night = tonight() - jiff::Span::new().days(back * 2);
        journal.add_episode(
            Episode {
                night,
                ..Episode::begun(jiff::Timestamp::UNIX_EPOCH, &jiff::tz::TimeZone::UTC)
            },
            25601,
        );
    }
    let mut app = App::new(Content::builtin(), Config::builtin(), Vec::new(), tonight());
    app.update(Msg::JournalLoaded(Ok(journal)), t0);
    key(&mut app, Key::Char('i'), t0);
    let first = render(&app, 80, 24, t0);
    assert!(
        text(&first).contains("28 Nov"),
        "the chart's last week:\n{}",
        text(&first)
    );
    assert!(text(&first).contains(s::MORE_BELOW), "{}", text(&first));
    key(&mut app, Key::End, t0);
    let last = text(&render(&app, 80, 24, t0));
    assert!(last.contains("not show it prevented them."), "{last}");
    key(&mut app, Key::Home, t0);
    assert_eq!(render(&app, 80, 24, t0), first);
}

#[test]
fn a_new_run_starts_its_instruction_at_the_top() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.update(Msg::Start("calf".to_string()), t0);
    for _ in 0..3 {
        key(&mut app, Key::Down, t0);
    }
    assert!(!text(&render(&app, 20, 8, t0)).contains("Leg straight"));
    key(&mut app, Key::Char('q'), t0);
    key(&mut app, Key::Esc, t0);
    key(&mut app, Key::Enter, t0);
    key(&mut app, Key::Enter, t0 + secs(1));
    let rows = text(&render(&app, 20, 8, t0 + secs(1)));
    assert!(rows.contains("Leg straight"), "{rows}");
}

#[test]
fn a_notice_cut_to_the_rows_there_are_says_so() {
    let t0 = Instant::now();
    let mut app = app(t0);
    app.update(
        Msg::Notice(
            "/tmp/shared: others can change what is in it (mode 0777); make it private with \
             `chmod 700` or choose another folder with --data-dir; the journal is read but will \
             not be written there"
                .to_string(),
        ),
        t0,
    );
    let rows = text(&render(&app, 40, 12, t0));
    assert!(rows.contains('…'), "{rows}");
}
