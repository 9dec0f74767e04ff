//! Screens as a person sees them: the model rendered into ratatui's TestBackend, checked with insta.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use cramp_coach::app::{App, Effect, Focus, Key, Msg, Overlay, Screen};
use cramp_coach::config::{Config, ThemeName};
use cramp_coach::content::Content;
use cramp_coach::journal::{Episode, Journal};
use cramp_coach::ui;
use cramp_coach::ui::theme::Theme;
use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The stories below speak in keys, time and journal events; each goes through the model's one
/// door, `App::update`.
trait Drive {
    fn update_key(&mut self, key: Key, now: Instant) -> Vec<Effect>;
    fn tick(&mut self, now: Instant) -> Vec<Effect>;
    fn start_by_id(&mut self, id: &str, now: Instant) -> Option<Vec<Effect>>;
    fn journal_loaded(&mut self, journal: Result<Journal, String>);
    fn episode_saved(&mut self, journal: Journal, episode: &Episode);
}

impl Drive for App {
    fn update_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        self.update(Msg::Key(key), now)
    }

    fn tick(&mut self, now: Instant) -> Vec<Effect> {
        self.update(Msg::Tick, now)
    }

    fn start_by_id(&mut self, id: &str, now: Instant) -> Option<Vec<Effect>> {
        let effects = self.update(Msg::Start(id.to_string()), now);
        matches!(self.screen, Screen::Running { .. }).then_some(effects)
    }

    fn journal_loaded(&mut self, journal: Result<Journal, String>) {
        self.update(Msg::JournalLoaded(journal), Instant::now());
    }

    fn episode_saved(&mut self, journal: Journal, episode: &Episode) {
        self.update(
            Msg::EpisodeSaved {
                journal,
                episode: episode.clone(),
            },
            Instant::now(),
        );
    }
}

/// Saturday 28 November 2026: the night the screens show as tonight.
fn tonight() -> Date {
    date(2026, 11, 28)
}

/// A journal with a few nights of ticks before tonight.
fn journal() -> Journal {
    let mut j = Journal::default();
    for back in 1..=6 {
        let night = tonight() - jiff::Span::new().days(back);
        if back != 3 {
            j.set(night, "stretch", 1);
        }
        j.set(night, "fluids", (back as u32 % 4) + 3);
        if back % 2 == 0 {
            j.set(night, "bedding", 1);
        }
    }
    j.set(tonight(), "fluids", 2);
    j
}

fn app(lead_in: u32) -> App {
    let mut config = Config::builtin();
    config.lead_in_seconds = lead_in;
    let mut app = App::new(Content::builtin(), config, Vec::new(), tonight());
    app.journal_loaded(Ok(journal()));
    app
}

fn screen(app: &App, width: u16, height: u16, now: Instant) -> String {
    let theme = Theme::new(ThemeName::Night, false);
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| ui::draw(f, app, &theme, now))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().to_string()
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn started(id: &str, lead_in: u32, t0: Instant) -> App {
    let mut app = app(lead_in);
    app.start_by_id(id, t0)
        .unwrap_or_else(|| panic!("no routine {id}"));
    app
}

#[test]
fn home() {
    let t0 = Instant::now();
    insta::assert_snapshot!(screen(&app(3), 80, 24, t0));
}

#[test]
fn home_smallest() {
    let t0 = Instant::now();
    insta::assert_snapshot!(screen(&app(3), 20, 8, t0));
}

/// 40×12: the habits do not fit beside the routines; one line says how tonight stands.
#[test]
fn home_small_with_the_habits_in_one_line() {
    let t0 = Instant::now();
    let mut app = app(3);
    let mut journal = cramp_coach::journal::Journal::default();
    journal.set(app.tonight, "stretch", 1);
    journal.set(app.tonight, "bedding", 1);
    app.update(Msg::JournalLoaded(Ok(journal)), t0);
    let shown = screen(&app, 40, 12, t0);
    assert!(
        shown.contains("Habits · tonight · 2 of 7 kept · tab"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn home_with_a_broken_file_warning() {
    let t0 = Instant::now();
    let warning = "/home/u/.config/cramp-coach/content.toml:3:9: unknown kind \"nap\" (using the built-in routines)";
    let mut app = App::new(
        Content::builtin(),
        Config::builtin(),
        vec![warning.to_string()],
        tonight(),
    );
    app.journal_loaded(Ok(journal()));
    insta::assert_snapshot!(screen(&app, 80, 24, t0));
}

#[test]
fn lead_in() {
    let t0 = Instant::now();
    let app = started("calf", 3, t0);
    insta::assert_snapshot!(screen(&app, 80, 24, t0 + Duration::from_millis(1500)));
}

#[test]
fn runner_untimed_counts_up() {
    let t0 = Instant::now();
    let app = started("calf", 0, t0);
    insta::assert_snapshot!(screen(&app, 80, 24, t0 + secs(12)));
}

#[test]
fn runner_timed() {
    let t0 = Instant::now();
    let mut app = started("calf", 0, t0);
    app.update_key(Key::Enter, t0 + secs(20));
    app.tick(t0 + secs(31));
    insta::assert_snapshot!(screen(&app, 80, 24, t0 + Duration::from_millis(31_500)));
}

#[test]
fn runner_sides_and_repeats() {
    let t0 = Instant::now();
    let mut app = started("bedtime", 0, t0);
    // Left: hold 10, rest 10, hold 10, rest 10, hold 10; then the right side starts at 50 s.
    let now = t0 + secs(54);
    app.tick(now);
    insta::assert_snapshot!(screen(&app, 80, 24, now));
}

#[test]
fn runner_rest() {
    let t0 = Instant::now();
    let mut app = started("bedtime", 0, t0);
    let now = t0 + secs(13);
    app.tick(now);
    insta::assert_snapshot!(screen(&app, 80, 24, now));
}

#[test]
fn runner_paused_keeps_its_digits() {
    let t0 = Instant::now();
    let mut app = started("bedtime", 0, t0);
    app.update_key(Key::Char(' '), t0 + secs(4));
    let a = screen(&app, 80, 24, t0 + secs(5));
    let b = screen(&app, 80, 24, t0 + secs(500));
    assert_eq!(a, b, "nothing moves while paused");
    insta::assert_snapshot!(a);
}

#[test]
fn runner_compact() {
    let t0 = Instant::now();
    let app = started("bedtime", 0, t0);
    insta::assert_snapshot!(screen(&app, 40, 12, t0 + secs(3)));
}

#[test]
fn runner_smallest() {
    let t0 = Instant::now();
    let app = started("calf", 0, t0);
    insta::assert_snapshot!(screen(&app, 20, 8, t0 + secs(3)));
}

#[test]
fn done() {
    let t0 = Instant::now();
    let mut app = started("thigh-back", 0, t0);
    app.update_key(Key::Enter, t0 + secs(40));
    let end = t0 + secs(40 + 120);
    app.tick(end);
    assert!(matches!(app.screen, Screen::Done { .. }));
    insta::assert_snapshot!(screen(&app, 80, 24, end));
}

#[test]
fn help_overlay() {
    let t0 = Instant::now();
    let mut app = started("bedtime", 0, t0);
    app.update_key(Key::Char('?'), t0);
    assert_eq!(app.overlay, Some(Overlay::Help));
    insta::assert_snapshot!(screen(&app, 80, 24, t0 + secs(2)));
}

#[test]
fn when_to_get_help() {
    let t0 = Instant::now();
    let mut app = app(3);
    app.update_key(Key::Char('!'), t0);
    insta::assert_snapshot!(screen(&app, 80, 30, t0));
}

#[test]
fn too_small() {
    let t0 = Instant::now();
    insta::assert_snapshot!(screen(&app(3), 19, 7, t0));
    let tiny = screen(&app(3), 1, 1, t0);
    assert_eq!(tiny.lines().count(), 1);
}

#[test]
fn every_size_renders_without_panic() {
    let t0 = Instant::now();
    let mut apps = vec![app(3), started("calf", 3, t0), started("bedtime", 0, t0)];
    let mut helped = app(3);
    helped.update_key(Key::Char('!'), t0);
    apps.push(helped);
    for app in &apps {
        for w in [0, 1, 5, 19, 20, 21, 33, 40, 72, 75, 200] {
            for h in [0, 1, 7, 8, 9, 12, 15, 16, 17, 30, 60] {
                let theme = Theme::new(ThemeName::Night, false);
                let mut terminal =
                    Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
                terminal
                    .draw(|f| ui::draw(f, app, &theme, t0 + secs(7)))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}

#[test]
fn habits_pane_focused() {
    let t0 = Instant::now();
    let mut app = app(3);
    app.update_key(Key::Tab, t0);
    app.update_key(Key::Down, t0);
    assert_eq!(app.focus, Focus::Habits);
    insta::assert_snapshot!(screen(&app, 80, 26, t0));
}

#[test]
fn habits_pane_backfilling() {
    let t0 = Instant::now();
    let mut app = app(3);
    app.update_key(Key::Tab, t0);
    for _ in 0..3 {
        app.update_key(Key::Left, t0);
    }
    assert_eq!(app.shown_night(), date(2026, 11, 25));
    insta::assert_snapshot!(screen(&app, 80, 26, t0));
}

#[test]
fn habits_pane_cannot_go_past_thirty_nights_or_into_the_future() {
    let t0 = Instant::now();
    let mut app = app(3);
    app.update_key(Key::Right, t0);
    assert_eq!(app.shown_night(), tonight());
    for _ in 0..40 {
        app.update_key(Key::Left, t0);
    }
    assert_eq!(app.shown_night(), date(2026, 10, 29));
}

#[test]
fn habits_pane_with_an_unreadable_journal() {
    let t0 = Instant::now();
    let mut app = app(3);
    app.journal_loaded(Err("/home/u/.local/share/cramp-coach/journal.txt:3:7: \"2025-13-01\" is not a date (YYYY-MM-DD)".to_string()));
    app.update_key(Key::Tab, t0);
    let effects = app.update_key(Key::Char(' '), t0);
    assert!(
        effects.is_empty(),
        "nothing is written to a journal that could not be read"
    );
    insta::assert_snapshot!(screen(&app, 80, 24, t0));
    // Relief still starts.
    app.update_key(Key::Char('1'), t0);
    assert!(matches!(app.screen, Screen::Running { .. }));
}

#[test]
fn home_focused_on_habits_in_a_small_terminal_shows_the_habits() {
    let t0 = Instant::now();
    let mut app = app(3);
    app.update_key(Key::Tab, t0);
    insta::assert_snapshot!(screen(&app, 40, 10, t0));
}

#[test]
fn finishing_the_bedtime_routine_ticks_tonights_stretch() {
    let t0 = Instant::now();
    let mut app = started("bedtime", 0, t0);
    // 200 s of holds and rests, and 15 s to change legs and position.
    let effects = app.tick(t0 + secs(215));
    assert!(matches!(app.screen, Screen::Done { .. }));
    let tick = cramp_coach::app::Effect::Journal {
        night: tonight(),
        habit: "stretch".to_string(),
        change: cramp_coach::habits::Change::Check,
    };
    assert!(effects.contains(&tick), "{effects:?}");
    // A relief routine ticks nothing.
    let mut relief = started("thigh-back", 0, t0);
    relief.update_key(Key::Enter, t0);
    let effects = relief.tick(t0 + secs(120));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, cramp_coach::app::Effect::Journal { .. }))
    );
}

#[test]
fn log_prompt_after_relief_with_keys_chosen() {
    let t0 = Instant::now();
    let mut app = started("calf", 0, t0);
    // "It let go" after 50 s, then the timed steps run out.
    app.update_key(Key::Enter, t0 + secs(50));
    app.tick(t0 + secs(50 + 190));
    for c in ['r', '4', 'y'] {
        app.update_key(Key::Char(c), t0 + secs(241));
    }
    insta::assert_snapshot!(screen(&app, 80, 26, t0 + secs(241)));
    let effects = app.update_key(Key::Enter, t0 + secs(242));
    let Some(cramp_coach::app::Effect::LogEpisode {
        prompt,
        since_start,
    }) = effects.first()
    else {
        panic!("Enter saves: {effects:?}");
    };
    assert_eq!(*since_start, secs(242));
    assert_eq!(prompt.routine, "calf");
    assert_eq!(
        prompt.muscle,
        Some(cramp_coach::content::Muscle::Calf),
        "pre-filled from the routine"
    );
    assert_eq!(
        prompt.side,
        Some(cramp_coach::journal::diary::LegSide::Right)
    );
    assert_eq!(prompt.intensity, Some(4));
    assert_eq!(prompt.symptoms, Some(true));
    assert_eq!(prompt.relief, secs(50), "until it let go");
    assert_eq!(prompt.steps, vec![1, 2, 3, 4, 5]);
}

#[test]
fn one_key_is_enough_and_esc_skips() {
    let t0 = Instant::now();
    let mut app = started("foot", 0, t0);
    app.update_key(Key::Char('q'), t0 + secs(20));
    assert!(
        matches!(
            app.screen,
            Screen::Done {
                finished: false,
                prompt: Some(_),
                ..
            }
        ),
        "left midway: still offered"
    );
    insta::assert_snapshot!(screen(&app, 80, 24, t0 + secs(20)));
    let effects = app.update_key(Key::Enter, t0 + secs(21));
    let Some(cramp_coach::app::Effect::LogEpisode { prompt, .. }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        (prompt.side, prompt.intensity, prompt.symptoms),
        (None, None, None),
        "the rest stays unset"
    );
    assert_eq!(
        prompt.relief,
        secs(20),
        "never let go: the time until it was left"
    );
    assert!(prompt.steps.is_empty());
    let mut skip = started("foot", 0, t0);
    skip.update_key(Key::Char('q'), t0);
    assert!(skip.update_key(Key::Esc, t0).is_empty());
    // Skipped: the done screen stays, its prompt closed, so `r` means "again", not "right leg".
    assert!(matches!(skip.screen, Screen::Done { prompt: None, .. }));
    skip.update_key(Key::Char('r'), t0 + secs(1));
    assert!(matches!(skip.screen, Screen::Running { .. }), "r again");
    // The bedtime routine is not a cramp: leaving it goes home.
    let mut bed = started("bedtime", 0, t0);
    bed.update_key(Key::Char('q'), t0);
    assert_eq!(bed.screen, Screen::Home);
}

#[test]
fn a_red_flag_shows_when_to_get_help_at_once() {
    let t0 = Instant::now();
    let mut app = started("calf", 0, t0);
    app.update_key(Key::Char('q'), t0 + secs(5));
    app.update_key(Key::Char('y'), t0 + secs(5));
    let episode = cramp_coach::journal::diary::Episode {
        id: "gqmzbwta".to_string(),
        night: tonight(),
        at: jiff::Timestamp::UNIX_EPOCH,
        offset: jiff::tz::Offset::UTC,
        muscle: None,
        side: None,
        intensity: None,
        seconds: Some(5),
        symptoms: Some(true),
        routine: Some("calf".to_string()),
        steps: Vec::new(),
    };
    app.episode_saved(journal(), &episode);
    assert_eq!(app.overlay, Some(Overlay::GetHelp));
    let mut calm = app.clone();
    calm.overlay = None;
    calm.episode_saved(
        journal(),
        &cramp_coach::journal::diary::Episode {
            symptoms: Some(false),
            id: "hqmzbwta".to_string(),
            ..episode
        },
    );
    assert_eq!(calm.overlay, None);
}

#[test]
fn insights() {
    let t0 = Instant::now();
    let mut journal = journal();
    for back in [0, 2, 3, 5, 8, 9, 10, 16, 30, 31, 45] {
        let night = tonight() - jiff::Span::new().days(back);
        journal.add_episode(
            cramp_coach::journal::diary::Episode {
                id: String::new(),
                night,
                at: jiff::Timestamp::UNIX_EPOCH,
                offset: jiff::tz::Offset::UTC,
                muscle: Some(cramp_coach::content::Muscle::Calf),
                side: None,
                intensity: Some(3),
                seconds: Some(if back == 9 { 900 } else { 90 }),
                symptoms: None,
                routine: None,
                steps: Vec::new(),
            },
            46201,
        );
        journal.set(night, "move", 1);
    }
    let mut app = app(3);
    app.journal_loaded(Ok(journal));
    app.update_key(Key::Char('i'), t0);
    assert_eq!(app.screen, Screen::Insights);
    insta::assert_snapshot!(screen(&app, 80, 30, t0));
}

#[test]
fn a_key_pressed_as_a_step_ends_still_counts() {
    let t0 = Instant::now();
    let mut app = started("bedtime", 0, t0);
    // The first hold ends at 10 s; q pressed 50 ms later, before the loop has woken, still leaves.
    app.update_key(Key::Char('q'), t0 + Duration::from_millis(10_050));
    assert_eq!(app.screen, Screen::Home);
    let mut app = started("bedtime", 0, t0);
    app.update_key(Key::Char(' '), t0 + Duration::from_millis(10_050));
    let Screen::Running { runner, .. } = &app.screen else {
        panic!("still running")
    };
    assert!(
        runner.is_paused(),
        "Space acts on the rest that began at 10 s"
    );
    assert_eq!(runner.index(), 1);
}

#[test]
fn rebound_runner_keys_act_and_show() {
    let t0 = Instant::now();
    let config = Config::builtin()
        .merged(
            std::path::Path::new("u.toml"),
            "[keys]\npause = [\"x\"]\nnext = [\"j\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Content::builtin(), config, Vec::new(), tonight());
    app.start_by_id("bedtime", t0);
    app.update_key(Key::Char('x'), t0 + secs(1));
    let Screen::Running { runner, .. } = &app.screen else {
        panic!("running")
    };
    assert!(runner.is_paused(), "x pauses");
    app.update_key(Key::Char(' '), t0 + secs(2));
    let Screen::Running { runner, .. } = &app.screen else {
        panic!("running")
    };
    assert!(runner.is_paused(), "space is no longer bound");
    let shown = screen(&app, 80, 24, t0 + secs(2));
    assert!(
        shown.contains("x resume · j next · p back · + add 30 s"),
        "{shown}"
    );
}

#[test]
fn cues_ring_a_pattern_for_each_kind_of_change_and_speak_title_and_side() {
    use cramp_coach::app::{Bell, Effect};
    let t0 = Instant::now();
    let mut config = Config::builtin();
    config.lead_in_seconds = 0;
    config.speak_command = vec!["say".to_string()];
    let mut app = App::new(Content::builtin(), config, Vec::new(), tonight());
    let start = app.start_by_id("bedtime", t0).unwrap_or_default();
    assert_eq!(
        start,
        vec![
            Effect::Bell(Bell::Step),
            Effect::Speak("Calf stretch, left side".to_string())
        ]
    );
    assert_eq!(
        app.tick(t0 + secs(10)),
        vec![Effect::Bell(Bell::Step), Effect::Speak("Rest".to_string())]
    );
    // Left: hold, rest, hold, rest, hold (50 s); then 5 s to change legs, then the right side.
    let switch = app.tick(t0 + secs(50));
    assert_eq!(
        switch,
        vec![
            Effect::Bell(Bell::SwitchSide),
            Effect::Speak("Switch to the right leg".to_string())
        ]
    );
    assert_eq!(
        app.tick(t0 + secs(55)),
        vec![
            Effect::Bell(Bell::Step),
            Effect::Speak("Calf stretch, right side".to_string())
        ]
    );
    let done = app.tick(t0 + secs(215));
    assert_eq!(done[0], Effect::Bell(Bell::Done));
    assert_eq!(done[1], Effect::Speak("Done. Bedtime stretch".to_string()));
    assert_eq!(
        (
            Bell::Step.rings(),
            Bell::SwitchSide.rings(),
            Bell::Done.rings()
        ),
        (1, 2, 3)
    );

    let mut quiet = Config::builtin();
    quiet.bell = false;
    let mut app = App::new(Content::builtin(), quiet, Vec::new(), tonight());
    assert_eq!(
        app.start_by_id("calf", t0),
        Some(Vec::new()),
        "no bell, no speech: nothing to do"
    );
}

/// A note being typed stays in view at 20×8, even with the last habit selected; it is saved to
/// the night shown when `n` was pressed, whatever the clock does meanwhile.
#[test]
fn a_note_being_typed_stays_in_view_and_keeps_its_night() {
    let t0 = Instant::now();
    let mut app = app(3);
    app.update(Msg::JournalLoaded(Ok(Journal::default())), t0);
    app.update(Msg::Key(Key::Tab), t0);
    for _ in 0..10 {
        app.update(Msg::Key(Key::Down), t0);
    }
    let night = app.tonight;
    app.update(Msg::Key(Key::Char('n')), t0);
    for c in "walk".chars() {
        app.update(Msg::Key(Key::Char(c)), t0);
    }
    let shown = screen(&app, 20, 8, t0);
    assert!(shown.contains("walk▏"), "{shown}");
    let next = night.tomorrow().unwrap();
    app.update(Msg::NewNight(next), t0);
    let effects = app.update(Msg::Key(Key::Enter), t0);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Night { night: n, .. } if *n == night)),
        "{effects:?}"
    );
}
