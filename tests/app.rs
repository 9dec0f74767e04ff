//! Stories at the level of the model: keys and time in, effects and screens out.
//!
//! Each story drives an [`App`] the way the terminal edge does, through its one door,
//! `App::update(Msg::…, now)`, and checks what a person would: the screen the model is on, the
//! effects it asks the edge to carry out (the bell, a journal change, a cramp to log), the status
//! line, and where it helps, the text of a frame rendered into ratatui's `TestBackend`.
//!
//! There is no terminal, no sleeping and no clock read: each story takes one `t0 = Instant::now()`
//! at its start and moves time by adding durations to it, and tonight is a fixed date. The journal's
//! side of a save (what the edge's worker would write) is played by hand with `Journal::set` and
//! `Journal::add_episode`, and its answer comes back as a message.

use std::path::Path;
use std::time::{Duration, Instant};

use cramp_coach::app::{App, Bell, Effect, Focus, JournalView, Key, Msg, Overlay, Screen};
use cramp_coach::config::{Config, ThemeName};
use cramp_coach::content::Content;
use cramp_coach::habits::Change;
use cramp_coach::journal::Journal;
use cramp_coach::runner::{Runner, SegmentKind};
use cramp_coach::strings;
use cramp_coach::ui;
use cramp_coach::ui::theme::Theme;
use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Saturday 28 November 2026.
fn tonight() -> Date {
    date(2026, 11, 28)
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn millis(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// The built-in content and config (bell on, a 3-second lead-in), with `edit` applied to the
/// config, and an empty journal already read.
fn app_with(t0: Instant, edit: impl FnOnce(&mut Config)) -> App {
    let mut config = Config::builtin();
    edit(&mut config);
    let mut app = App::new(Content::builtin(), config, Vec::new(), tonight());
    app.update(Msg::JournalLoaded(Ok(Journal::default())), t0);
    app
}

fn app(t0: Instant) -> App {
    app_with(t0, |_| {})
}

/// No lead-in: the first step starts at `t0`, which keeps the arithmetic of a story plain.
fn app_without_lead_in(t0: Instant) -> App {
    app_with(t0, |c| c.lead_in_seconds = 0)
}

fn press(app: &mut App, key: Key, now: Instant) -> Vec<Effect> {
    app.update(Msg::Key(key), now)
}

fn tick(app: &mut App, now: Instant) -> Vec<Effect> {
    app.update(Msg::Tick, now)
}

fn start(app: &mut App, id: &str, now: Instant) -> Vec<Effect> {
    let effects = app.update(Msg::Start(id.to_string()), now);
    assert!(
        matches!(app.screen, Screen::Running { .. }),
        "{id} started: {:?}",
        app.screen
    );
    effects
}

/// The runner on screen; the story fails if the app is not running a routine.
#[expect(clippy::panic, reason = "a test helper: the story fails by panicking")]
fn runner(app: &App) -> &Runner {
    match &app.screen {
        Screen::Running { runner, .. } => runner,
        other => panic!("expected the runner, on {other:?}"),
    }
}

/// The id of the routine running.
#[expect(clippy::panic, reason = "a test helper: the story fails by panicking")]
fn running_id(app: &App) -> &str {
    match &app.screen {
        Screen::Running { routine, .. } => &app.content.routines[*routine].id,
        other => panic!("expected the runner, on {other:?}"),
    }
}

/// The title of the step on screen (for a rest or lead-in, of the step it belongs to).
#[expect(
    clippy::panic,
    clippy::expect_used,
    reason = "a test helper: the story fails by panicking"
)]
fn step_title(app: &App) -> &str {
    let Screen::Running { routine, runner } = &app.screen else {
        panic!("expected the runner, on {:?}", app.screen)
    };
    let seg = runner.current().expect("a segment on screen");
    &app.content.routines[*routine].steps[seg.step].title
}

/// The frame a person would see, as text.
fn render(app: &App, width: u16, height: u16, now: Instant) -> String {
    let theme = Theme::new(ThemeName::Night, false);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|f| ui::draw(f, app, &theme, now))
        .expect("drawn");
    terminal.backend().to_string()
}

fn journal_effect(night: Date, habit: &str, change: Change) -> Effect {
    Effect::Journal {
        night,
        habit: habit.to_string(),
        change,
    }
}

#[expect(clippy::panic, reason = "a test helper: the story fails by panicking")]
fn ready_journal(app: &App) -> &Journal {
    match &app.journal {
        JournalView::Ready(j) => j,
        other => panic!("expected a journal read, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The runner: time, pause, +30 s
// ---------------------------------------------------------------------------------------------

#[test]
fn pausing_keeps_the_time_left_and_resuming_moves_the_deadline() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "bedtime", t0);
    // The first hold is 10 s; pause 4 s in.
    assert!(press(&mut app, Key::Char(' '), t0 + secs(4)).is_empty());
    assert!(runner(&app).is_paused());
    assert_eq!(runner(&app).remaining(t0 + secs(4)), Some(secs(6)));
    assert!(render(&app, 80, 24, t0 + secs(4)).contains(strings::PAUSED));

    // A long wait: the timer fires (or not) and nothing moves.
    let later = t0 + secs(600);
    assert!(tick(&mut app, later).is_empty());
    assert_eq!(runner(&app).index(), 0, "still the first hold");
    assert_eq!(runner(&app).remaining(later), Some(secs(6)));
    assert_eq!(
        render(&app, 80, 24, t0 + secs(5)),
        render(&app, 80, 24, later),
        "a paused screen does not change"
    );

    // Resume: the same 6 s left, counted from now.
    assert!(press(&mut app, Key::Char(' '), later).is_empty());
    assert!(!runner(&app).is_paused());
    assert_eq!(runner(&app).remaining(later), Some(secs(6)));
    assert_eq!(runner(&app).deadline(), Some(later + secs(6)));
    assert!(tick(&mut app, later + millis(5_999)).is_empty());
    assert_eq!(
        tick(&mut app, later + secs(6)),
        vec![Effect::Bell(Bell::Step)],
        "the hold ends 6 s after resuming"
    );
    assert_eq!(
        runner(&app).current().map(|s| s.kind),
        Some(SegmentKind::Rest)
    );
}

#[test]
fn plus_gives_the_step_thirty_seconds_more_and_the_routine_ends_thirty_seconds_later() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "bedtime", t0);
    // The first hold: 10 s. At 4 s, `+`.
    assert!(press(&mut app, Key::Char('+'), t0 + secs(4)).is_empty());
    assert_eq!(runner(&app).remaining(t0 + secs(4)), Some(secs(36)));
    assert_eq!(runner(&app).deadline(), Some(t0 + secs(40)));
    assert!(
        tick(&mut app, t0 + secs(10)).is_empty(),
        "the old deadline no longer ends the step"
    );
    assert_eq!(runner(&app).index(), 0);
    assert_eq!(
        tick(&mut app, t0 + secs(40)),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(runner(&app).index(), 1, "the rest, 30 s later than planned");
    assert_eq!(
        runner(&app).remaining(t0 + secs(40)),
        Some(secs(10)),
        "the added time does not carry over to the rest"
    );

    // The whole routine (215 s planned: 200 s of holds and rests, 15 s to change legs and
    // position) ends 30 s later too.
    let effects = tick(&mut app, t0 + millis(244_999));
    assert!(!effects.contains(&Effect::Bell(Bell::Done)), "{effects:?}");
    assert!(matches!(app.screen, Screen::Running { .. }));
    let effects = tick(&mut app, t0 + secs(245));
    assert!(effects.contains(&Effect::Bell(Bell::Done)), "{effects:?}");
    assert!(matches!(app.screen, Screen::Done { finished: true, .. }));
}

/// The time left on screen counts time added with `+`, not only the plan.
#[test]
fn plus_grows_the_routines_time_left_by_thirty_seconds() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "bedtime", t0);
    // Bedtime is 215 s: calf left 0-50 s, 5 s to change legs, calf right 55-105 s, 5 s into
    // position, hamstring left 110-160 s, 5 s to change legs, hamstring right 165-215 s. The
    // left hamstring's last hold runs from 150 s to 160 s; at its start 65 s are left.
    let now = t0 + secs(150);
    tick(&mut app, now);
    assert_eq!(step_title(&app), "Hamstring stretch");
    assert_eq!(runner(&app).current().map(|s| s.rep), Some(3));
    let before = render(&app, 80, 24, now);
    assert!(before.contains("1 min left"), "{before}");

    press(&mut app, Key::Char('+'), now);
    // 95 s of the routine are left now: the step ends at 190 s, the routine at 245 s.
    let after = render(&app, 80, 24, now);
    assert!(
        after.contains("2 min left"),
        "95 s to go after +30 s:\n{after}"
    );
    // 30 s into the lengthened hold, 65 s are left.
    let later = render(&app, 80, 24, now + secs(30));
    assert!(later.contains("1 min left"), "65 s to go:\n{later}");
    // And the routine ends when the time left says it will.
    let effects = tick(&mut app, now + secs(95));
    assert!(effects.contains(&Effect::Bell(Bell::Done)), "{effects:?}");
}

#[test]
fn an_untimed_step_waits_for_enter_then_the_timed_steps_follow() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "calf", t0);
    assert_eq!(step_title(&app), "Toe pull until it lets go");
    assert_eq!(runner(&app).deadline(), None, "no deadline: it waits");
    assert_eq!(
        app.next_wake(t0 + millis(2_500)),
        Some(t0 + secs(3)),
        "it only wakes to count the seconds up"
    );
    let screen = render(&app, 80, 24, t0 + secs(12));
    assert!(screen.contains(strings::UNTIMED_HINT), "{screen}");

    // Ten minutes pass: still holding, counting up.
    let later = t0 + secs(600);
    assert!(tick(&mut app, later).is_empty());
    assert_eq!(runner(&app).index(), 0);
    assert_eq!(runner(&app).shown_seconds(later), Some(600));

    // Enter: it let go. The next step is timed, 30 s from now.
    assert_eq!(
        press(&mut app, Key::Enter, later),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(step_title(&app), "Keep the toe pull");
    assert_eq!(runner(&app).deadline(), Some(later + secs(30)));
    assert_eq!(runner(&app).released_at(), Some(later));
    tick(&mut app, later + secs(30));
    assert_eq!(step_title(&app), "Heel walk");
    // Enter on a timed step does nothing.
    assert!(press(&mut app, Key::Enter, later + secs(31)).is_empty());
    assert_eq!(step_title(&app), "Heel walk");
}

#[test]
fn n_and_p_move_between_steps_skipping_rests_and_the_lead_in() {
    let t0 = Instant::now();
    let mut app = app(t0);
    start(&mut app, "bedtime", t0);
    assert_eq!(
        runner(&app).current().map(|s| s.kind),
        Some(SegmentKind::LeadIn)
    );
    let at = |n: u64| t0 + millis(n);

    assert_eq!(
        press(&mut app, Key::Char('n'), at(500)),
        vec![Effect::Bell(Bell::Step)]
    );
    let seg = runner(&app).current().cloned().expect("a step");
    assert_eq!((seg.kind, seg.rep), (SegmentKind::Step, 1));
    assert_eq!(runner(&app).deadline(), Some(at(500) + secs(10)));

    press(&mut app, Key::Char('n'), at(600));
    let seg = runner(&app).current().cloned().expect("a step");
    assert_eq!((seg.kind, seg.rep), (SegmentKind::Step, 2), "past the rest");

    press(&mut app, Key::Char('p'), at(700));
    assert_eq!(runner(&app).current().map(|s| s.rep), Some(1));
    press(&mut app, Key::Char('p'), at(800));
    let seg = runner(&app).current().cloned().expect("a step");
    assert_eq!(
        (seg.kind, seg.rep),
        (SegmentKind::Step, 1),
        "from the first step, that step again (not the lead-in)"
    );

    // Through the left side's repeats to the right side: the bell rings twice for the switch.
    press(&mut app, Key::Char('n'), at(900));
    press(&mut app, Key::Char('n'), at(1_000));
    assert_eq!(
        press(&mut app, Key::Right, at(1_100)),
        vec![Effect::Bell(Bell::SwitchSide)]
    );
    let screen = render(&app, 80, 24, at(1_100));
    assert!(screen.contains("Calf stretch  RIGHT  1/3"), "{screen}");
}

#[test]
fn r_restarts_the_routine_from_the_top() {
    let t0 = Instant::now();
    let mut app = app(t0);
    start(&mut app, "bedtime", t0);
    tick(&mut app, t0 + secs(60));
    assert_ne!(runner(&app).index(), 0);

    let again = t0 + secs(61);
    assert_eq!(
        press(&mut app, Key::Char('r'), again),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(runner(&app).index(), 0);
    assert_eq!(
        runner(&app).current().map(|s| s.kind),
        Some(SegmentKind::LeadIn)
    );
    assert_eq!(runner(&app).started_at(), again);
    assert_eq!(runner(&app).deadline(), Some(again + secs(3)));
    assert!(runner(&app).completed_steps().is_empty());
}

#[test]
fn a_key_pressed_exactly_at_a_deadline_acts_on_the_next_step() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "bedtime", t0);
    // The first hold ends at 10 s. No tick has come yet when Space arrives at exactly 10 s: the
    // runner is brought up to date first, so the bell for the rest rings and the rest is paused.
    let effects = press(&mut app, Key::Char(' '), t0 + secs(10));
    assert_eq!(effects, vec![Effect::Bell(Bell::Step)]);
    assert_eq!(runner(&app).index(), 1);
    assert_eq!(
        runner(&app).current().map(|s| s.kind),
        Some(SegmentKind::Rest)
    );
    assert!(runner(&app).is_paused());
    assert_eq!(
        runner(&app).remaining(t0 + secs(99)),
        Some(secs(10)),
        "the whole rest is kept"
    );
}

#[test]
fn a_rebound_key_in_the_config_drives_the_runner() {
    let t0 = Instant::now();
    let config = Config::builtin()
        .merged(
            Path::new("keys.toml"),
            "lead_in_seconds = 0\n[keys]\nlet_go = [\"g\"]\nadd_time = [\"a\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Content::builtin(), config, Vec::new(), tonight());
    start(&mut app, "calf", t0);
    // The key line names the key bound now.
    let screen = render(&app, 80, 24, t0 + secs(5));
    assert!(screen.contains("g let go"), "{screen}");
    assert!(!screen.contains("enter let go"), "{screen}");

    assert!(
        press(&mut app, Key::Enter, t0 + secs(5)).is_empty(),
        "Enter no longer lets go"
    );
    assert_eq!(runner(&app).index(), 0);
    assert_eq!(
        press(&mut app, Key::Char('g'), t0 + secs(6)),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(step_title(&app), "Keep the toe pull");

    press(&mut app, Key::Char('+'), t0 + secs(6));
    assert_eq!(
        runner(&app).remaining(t0 + secs(6)),
        Some(secs(30)),
        "+ is no longer bound"
    );
    press(&mut app, Key::Char('a'), t0 + secs(6));
    assert_eq!(runner(&app).remaining(t0 + secs(6)), Some(secs(60)));
    assert_eq!(runner(&app).deadline(), Some(t0 + secs(66)));
}

#[test]
fn the_app_sleeps_on_a_still_screen_and_wakes_while_counting() {
    let t0 = Instant::now();
    let mut app = app(t0);
    assert_eq!(app.next_wake(t0), None, "home does not move");

    start(&mut app, "bedtime", t0);
    // 3 s of lead-in: the digits change at 1 s, 2 s and 3 s.
    assert_eq!(app.next_wake(t0), Some(t0 + secs(1)));
    assert_eq!(app.next_wake(t0 + millis(1_200)), Some(t0 + secs(2)));

    press(&mut app, Key::Char(' '), t0 + millis(1_500));
    assert_eq!(app.next_wake(t0 + millis(1_500)), None, "paused");
    assert_eq!(app.next_wake(t0 + secs(100)), None);

    // Resumed with 1.5 s left: the shown 2 turns to 1 in half a second.
    let resumed = t0 + secs(100);
    press(&mut app, Key::Char(' '), resumed);
    assert_eq!(app.next_wake(resumed), Some(resumed + millis(500)));

    // Done: still again.
    tick(&mut app, resumed + secs(300));
    assert!(matches!(app.screen, Screen::Done { .. }));
    assert_eq!(app.next_wake(resumed + secs(300)), None);
}

// ---------------------------------------------------------------------------------------------
// Home: starting routines
// ---------------------------------------------------------------------------------------------

#[test]
fn enter_on_home_starts_the_selected_routine_with_a_bell() {
    let t0 = Instant::now();
    let mut app = app(t0);
    assert_eq!(app.screen, Screen::Home);
    assert!(press(&mut app, Key::Down, t0).is_empty());
    assert_eq!(app.selected, 1);
    assert_eq!(
        press(&mut app, Key::Enter, t0),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(running_id(&app), "foot");
    let screen = render(&app, 80, 24, t0 + millis(500));
    assert!(screen.contains(strings::GET_READY), "{screen}");
    assert!(screen.contains("Foot or sole cramp"), "{screen}");
}

#[test]
fn with_the_bell_off_starting_a_routine_asks_the_edge_for_nothing() {
    let t0 = Instant::now();
    let mut app = app_with(t0, |c| c.bell = false);
    assert!(press(&mut app, Key::Enter, t0).is_empty());
    assert_eq!(running_id(&app), "calf", "Enter starts the first relief");
    // Nor at any change after.
    assert!(tick(&mut app, t0 + secs(3)).is_empty());
    assert_eq!(step_title(&app), "Toe pull until it lets go");
    assert_eq!(
        runner(&app).current().map(|s| s.kind),
        Some(SegmentKind::Step)
    );
}

#[test]
fn number_keys_start_routines_in_home_order() {
    let t0 = Instant::now();
    let ids: Vec<String> = app(t0)
        .home_routines()
        .iter()
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(
        ids,
        ["calf", "foot", "thigh-back", "thigh-front", "bedtime"],
        "relief first, then bedtime"
    );
    for (n, id) in ('1'..='5').zip(&ids) {
        let mut app = app(t0);
        assert_eq!(
            press(&mut app, Key::Char(n), t0),
            vec![Effect::Bell(Bell::Step)]
        );
        assert_eq!(running_id(&app), id, "key {n}");
    }
    // There is no sixth routine: 6 and 9 do nothing.
    let mut app = app(t0);
    for n in ['6', '9'] {
        assert!(press(&mut app, Key::Char(n), t0).is_empty());
        assert_eq!(app.screen, Screen::Home);
    }
}

#[test]
fn starting_an_unknown_routine_by_id_does_nothing() {
    let t0 = Instant::now();
    let mut app = app(t0);
    assert!(app.update(Msg::Start("nope".to_string()), t0).is_empty());
    assert_eq!(app.screen, Screen::Home);
    assert!(!app.should_quit());
    // A known one does start.
    assert_eq!(
        app.update(Msg::Start("thigh-front".to_string()), t0),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(running_id(&app), "thigh-front");
}

// ---------------------------------------------------------------------------------------------
// Finishing and leaving
// ---------------------------------------------------------------------------------------------

#[test]
fn finishing_the_bedtime_stretch_ticks_tonights_stretch_habit() {
    let t0 = Instant::now();
    let mut app = app(t0);
    start(&mut app, "bedtime", t0);
    // 3 s of lead-in, then 200 s of holds and rests and 15 s to change legs and position.
    tick(&mut app, t0 + millis(217_999));
    assert!(matches!(app.screen, Screen::Running { .. }));
    let effects = tick(&mut app, t0 + secs(218));
    assert_eq!(
        effects,
        vec![
            Effect::Bell(Bell::Done),
            journal_effect(tonight(), "stretch", Change::Check)
        ]
    );
    assert!(matches!(
        app.screen,
        Screen::Done {
            finished: true,
            prompt: None,
            steps_done: 2,
            ..
        }
    ));
    let screen = render(&app, 80, 24, t0 + secs(203));
    assert!(screen.contains("Done · Bedtime stretch"), "{screen}");

    // The save comes back: the status says so, and the pane shows it ticked.
    let mut journal = Journal::default();
    journal.set(tonight(), "stretch", 1);
    app.update(
        Msg::JournalSaved {
            journal,
            habit: "stretch".to_string(),
            night: tonight(),
        },
        t0 + secs(204),
    );
    assert_eq!(
        app.status.as_deref(),
        Some("saved · stretch done · tonight")
    );
    press(&mut app, Key::Enter, t0 + secs(205));
    assert_eq!(app.screen, Screen::Home);
    let screen = render(&app, 80, 26, t0 + secs(205));
    assert!(screen.contains("[x]   Bedtime stretch"), "{screen}");
}

#[test]
fn a_finished_relief_routine_ticks_no_habit() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "thigh-back", t0);
    press(&mut app, Key::Enter, t0 + secs(30));
    let effects = tick(&mut app, t0 + secs(150));
    assert_eq!(effects, vec![Effect::Bell(Bell::Done)]);
    assert!(matches!(
        app.screen,
        Screen::Done {
            finished: true,
            prompt: Some(_),
            ..
        }
    ));
}

#[test]
fn reporting_symptoms_after_relief_opens_when_to_get_help() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "calf", t0);
    // It lets go after 20 s; the timed steps (30 + 40 + 60 + 60 s) then run out.
    press(&mut app, Key::Enter, t0 + secs(20));
    assert_eq!(
        tick(&mut app, t0 + secs(210)),
        vec![Effect::Bell(Bell::Done)]
    );
    let screen = render(&app, 80, 26, t0 + secs(210));
    assert!(screen.contains("Log this cramp?"), "{screen}");

    // `y`: weakness, numbness, swelling or skin change. Then Enter saves.
    assert!(press(&mut app, Key::Char('y'), t0 + secs(211)).is_empty());
    let effects = press(&mut app, Key::Enter, t0 + secs(212));
    let [
        Effect::LogEpisode {
            prompt,
            since_start,
        },
    ] = effects.as_slice()
    else {
        panic!("Enter logs the cramp: {effects:?}");
    };
    assert_eq!(prompt.symptoms, Some(true));
    assert_eq!(prompt.routine, "calf");
    assert_eq!(prompt.relief, secs(20), "until it let go");
    assert_eq!(*since_start, secs(212));

    // The edge writes it and hands back the journal as written.
    let began = jiff::Timestamp::from_second(1_795_832_000).expect("a time");
    let mut journal = Journal::default();
    let mut episode = prompt.episode(began, &jiff::tz::TimeZone::UTC);
    episode.id = journal.add_episode(episode.clone(), 62401);
    assert_eq!(episode.symptoms, Some(true));
    app.update(Msg::EpisodeSaved { journal, episode }, t0 + secs(213));

    assert_eq!(app.overlay, Some(Overlay::GetHelp));
    assert!(
        matches!(app.screen, Screen::Done { prompt: None, .. }),
        "the prompt closes; the done screen stays under the overlay: {:?}",
        app.screen
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with(strings::RED_FLAG_NOTE), "{status}");
    assert!(
        status.contains("weakness, numbness, swelling or skin change"),
        "{status}"
    );
    assert_eq!(ready_journal(&app).episodes().len(), 1);
    let screen = render(&app, 80, 30, t0 + secs(213));
    assert!(screen.contains(strings::GET_HELP_TITLE), "{screen}");
}

#[test]
fn a_cramp_logged_without_symptoms_just_says_saved() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "foot", t0);
    press(&mut app, Key::Char('q'), t0 + secs(40));
    press(&mut app, Key::Char('n'), t0 + secs(41));
    let effects = press(&mut app, Key::Enter, t0 + secs(42));
    let [Effect::LogEpisode { prompt, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let began = jiff::Timestamp::from_second(1_795_832_000).expect("a time");
    let mut journal = Journal::default();
    let mut episode = prompt.episode(began, &jiff::tz::TimeZone::UTC);
    episode.id = journal.add_episode(episode.clone(), 65902);
    // The id is eight letters; the status shows its first four (the only entry shares none).
    assert_eq!(episode.id.len(), 8, "{}", episode.id);
    assert!(
        episode.id.bytes().all(|b| b.is_ascii_lowercase()),
        "{}",
        episode.id
    );
    let want = format!("saved · cramp #{}", &episode.id[..4]);
    app.update(Msg::EpisodeSaved { journal, episode }, t0 + secs(43));
    assert_eq!(app.overlay, None);
    assert!(matches!(app.screen, Screen::Done { prompt: None, .. }));
    assert_eq!(app.status.as_deref(), Some(want.as_str()));
    // Enter goes home from there.
    press(&mut app, Key::Enter, t0 + secs(44));
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn leaving_relief_midway_offers_the_log_and_esc_skips_it_quietly() {
    let t0 = Instant::now();
    let mut app = app(t0);
    start(&mut app, "foot", t0);
    tick(&mut app, t0 + secs(3));
    assert!(press(&mut app, Key::Char('q'), t0 + secs(20)).is_empty());
    assert!(matches!(
        app.screen,
        Screen::Done {
            finished: false,
            prompt: Some(_),
            ..
        }
    ));
    let screen = render(&app, 80, 24, t0 + secs(20));
    assert!(screen.contains("Stopped · Foot or sole cramp"), "{screen}");
    assert!(press(&mut app, Key::Esc, t0 + secs(21)).is_empty());
    assert!(
        matches!(
            app.screen,
            Screen::Done {
                finished: false,
                prompt: None,
                ..
            }
        ),
        "the prompt is skipped; the done screen stays: {:?}",
        app.screen
    );
    assert_eq!(app.status, None);
    assert!(press(&mut app, Key::Enter, t0 + secs(22)).is_empty());
    assert_eq!(app.screen, Screen::Home);
    assert!(!app.should_quit());
}

#[test]
fn leaving_bedtime_midway_goes_straight_home_without_a_tick() {
    let t0 = Instant::now();
    let mut app = app(t0);
    start(&mut app, "bedtime", t0);
    tick(&mut app, t0 + secs(100));
    assert!(press(&mut app, Key::Char('q'), t0 + secs(101)).is_empty());
    assert_eq!(app.screen, Screen::Home);
    assert!(!app.should_quit(), "q leaves the routine, not the app");
}

#[test]
fn the_done_screen_starts_again_with_r_and_goes_home_with_enter() {
    let t0 = Instant::now();
    let mut app = app(t0);
    start(&mut app, "bedtime", t0);
    tick(&mut app, t0 + secs(218));
    assert!(matches!(app.screen, Screen::Done { .. }));
    assert_eq!(
        press(&mut app, Key::Char('r'), t0 + secs(220)),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(running_id(&app), "bedtime");
    assert_eq!(runner(&app).started_at(), t0 + secs(220));
    tick(&mut app, t0 + secs(220 + 218));
    assert!(matches!(app.screen, Screen::Done { .. }));
    assert!(press(&mut app, Key::Enter, t0 + secs(440)).is_empty());
    assert_eq!(app.screen, Screen::Home);
}

// ---------------------------------------------------------------------------------------------
// Overlays and quitting
// ---------------------------------------------------------------------------------------------

#[test]
fn overlays_open_and_close_and_keep_keys_from_the_runner() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "bedtime", t0);

    press(&mut app, Key::Char('?'), t0 + secs(1));
    assert_eq!(app.overlay, Some(Overlay::Help));
    let screen = render(&app, 80, 24, t0 + secs(1));
    assert!(screen.contains(strings::HELP_TITLE), "{screen}");
    assert!(screen.contains("pause / resume"), "{screen}");

    // Under the overlay, runner keys do nothing: no pause, no skip, no leaving.
    for key in [
        Key::Char(' '),
        Key::Char('n'),
        Key::Char('+'),
        Key::Char('r'),
    ] {
        assert!(press(&mut app, key, t0 + secs(2)).is_empty());
    }
    assert!(!runner(&app).is_paused());
    assert_eq!(runner(&app).index(), 0);
    assert_eq!(runner(&app).deadline(), Some(t0 + secs(10)));

    // `!` swaps to when to get help, and `!` again closes it.
    press(&mut app, Key::Char('!'), t0 + secs(3));
    assert_eq!(app.overlay, Some(Overlay::GetHelp));
    let screen = render(&app, 80, 30, t0 + secs(3));
    assert!(screen.contains(strings::GET_HELP_TITLE), "{screen}");
    press(&mut app, Key::Char('!'), t0 + secs(4));
    assert_eq!(app.overlay, None);

    // `q` under an overlay closes it; it does not leave the routine.
    press(&mut app, Key::Char('?'), t0 + secs(5));
    press(&mut app, Key::Char('q'), t0 + secs(5));
    assert_eq!(app.overlay, None);
    assert!(matches!(app.screen, Screen::Running { .. }));
    press(&mut app, Key::Char('?'), t0 + secs(6));
    press(&mut app, Key::Esc, t0 + secs(6));
    assert_eq!(app.overlay, None);

    // Time goes on under an overlay.
    press(&mut app, Key::Char('?'), t0 + secs(7));
    assert_eq!(
        tick(&mut app, t0 + secs(10)),
        vec![Effect::Bell(Bell::Step)]
    );
    assert_eq!(runner(&app).index(), 1);
    assert_eq!(app.overlay, Some(Overlay::Help));
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let t0 = Instant::now();
    let mut running = app(t0);
    start(&mut running, "bedtime", t0);
    let mut paused = running.clone();
    press(&mut paused, Key::Char(' '), t0 + secs(1));
    let mut helped = running.clone();
    press(&mut helped, Key::Char('?'), t0 + secs(1));
    let mut prompt = app(t0);
    start(&mut prompt, "calf", t0);
    press(&mut prompt, Key::Char('q'), t0 + secs(1));
    let mut insights = app(t0);
    press(&mut insights, Key::Char('i'), t0);
    assert_eq!(insights.screen, Screen::Insights);
    let mut habits = app(t0);
    press(&mut habits, Key::Tab, t0);
    let places = [
        ("home", app(t0)),
        ("the runner", running),
        ("a paused runner", paused),
        ("an overlay", helped),
        ("the log prompt", prompt),
        ("insights", insights),
        ("the habits pane", habits),
    ];

    for (place, mut app) in places {
        assert!(!app.should_quit(), "{place}");
        assert!(press(&mut app, Key::CtrlC, t0 + secs(2)).is_empty());
        assert!(app.should_quit(), "Ctrl-C quits from {place}");
    }
}

// ---------------------------------------------------------------------------------------------
// The habits pane and the journal
// ---------------------------------------------------------------------------------------------

#[test]
fn a_new_night_rolls_the_habits_pane_over() {
    let t0 = Instant::now();
    let mut journal = Journal::default();
    journal.set(tonight(), "stretch", 1);
    journal.set(tonight(), "fluids", 4);
    let mut app = app(t0);
    app.update(Msg::JournalLoaded(Ok(journal)), t0);
    let screen = render(&app, 80, 26, t0);
    assert!(screen.contains("Habits · tonight"), "{screen}");
    assert!(screen.contains("[x]   Bedtime stretch"), "{screen}");
    assert!(screen.contains("[4/6] Drink enough"), "{screen}");

    let next = date(2026, 11, 29);
    assert!(app.update(Msg::NewNight(next), t0 + secs(1)).is_empty());
    assert_eq!(app.tonight, next);
    assert_eq!(app.shown_night(), next);
    let screen = render(&app, 80, 26, t0 + secs(1));
    assert!(screen.contains("Habits · tonight"), "{screen}");
    assert!(
        screen.contains("[ ]   Bedtime stretch"),
        "a fresh night: {screen}"
    );
    assert!(screen.contains("[0/6] Drink enough"), "{screen}");

    // The night before is last night now, with its ticks.
    press(&mut app, Key::Left, t0 + secs(2));
    assert_eq!(app.shown_night(), tonight());
    let screen = render(&app, 80, 26, t0 + secs(2));
    assert!(screen.contains("Habits · last night"), "{screen}");
    assert!(screen.contains("[x]   Bedtime stretch"), "{screen}");

    // And a tick made on tonight goes to the new night.
    press(&mut app, Key::Right, t0 + secs(3));
    press(&mut app, Key::Tab, t0 + secs(3));
    assert_eq!(
        press(&mut app, Key::Char(' '), t0 + secs(3)),
        vec![journal_effect(next, "stretch", Change::Toggle)]
    );
}

#[test]
fn a_tick_that_reaches_the_disk_is_shown_in_the_pane_and_the_status() {
    let t0 = Instant::now();
    let mut app = app(t0);
    press(&mut app, Key::Tab, t0);
    assert_eq!(app.focus, Focus::Habits);
    press(&mut app, Key::Down, t0);
    assert_eq!(app.selected_habit().map(|h| h.id.as_str()), Some("fluids"));
    let effects = press(&mut app, Key::Char(' '), t0);
    assert_eq!(
        effects,
        vec![journal_effect(tonight(), "fluids", Change::Toggle)]
    );
    assert_eq!(
        ready_journal(&app).count(tonight(), "fluids"),
        0,
        "not in the model until it is on disk"
    );

    let mut journal = Journal::default();
    journal.set(tonight(), "fluids", 1);
    app.update(
        Msg::JournalSaved {
            journal,
            habit: "fluids".to_string(),
            night: tonight(),
        },
        t0 + secs(1),
    );
    assert_eq!(app.status.as_deref(), Some("saved · fluids 1/6 · tonight"));
    assert_eq!(ready_journal(&app).count(tonight(), "fluids"), 1);
    let screen = render(&app, 80, 26, t0 + secs(1));
    assert!(screen.contains("[1/6] Drink enough"), "{screen}");
    assert!(screen.contains("saved · fluids 1/6 · tonight"), "{screen}");

    // `-` takes one back.
    assert_eq!(
        press(&mut app, Key::Char('-'), t0 + secs(2)),
        vec![journal_effect(tonight(), "fluids", Change::Undo)]
    );
}

#[test]
fn a_failed_save_leaves_the_tick_unsaved_and_says_so() {
    let t0 = Instant::now();
    let mut app = app(t0);
    press(&mut app, Key::Tab, t0);
    assert_eq!(
        press(&mut app, Key::Char(' '), t0),
        vec![journal_effect(tonight(), "stretch", Change::Toggle)]
    );
    let error = "/data/journal.txt: cannot write: No space left on device".to_string();
    app.update(
        Msg::JournalFailed {
            error: error.clone(),
            unreadable: false,
        },
        t0 + secs(1),
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with(strings::NOT_SAVED), "{status}");
    assert!(status.ends_with("No space left on device"), "{status}");
    assert_eq!(ready_journal(&app).count(tonight(), "stretch"), 0);
    let screen = render(&app, 80, 26, t0 + secs(1));
    assert!(screen.contains("not saved: /data/journal.txt"), "{screen}");
    assert!(screen.contains("[ ]   Bedtime stretch"), "{screen}");

    // The journal can still be read: the next tick is tried again, and clears the status.
    assert_eq!(
        press(&mut app, Key::Char(' '), t0 + secs(2)),
        vec![journal_effect(tonight(), "stretch", Change::Toggle)]
    );
    assert_eq!(app.status, None);
}

#[test]
fn a_journal_found_unreadable_on_saving_refuses_further_ticks() {
    let t0 = Instant::now();
    let mut app = app(t0);
    press(&mut app, Key::Tab, t0);
    press(&mut app, Key::Char(' '), t0);
    let error = "/data/journal.txt:3:7: \"2025-13-01\" is not a date (YYYY-MM-DD)".to_string();
    app.update(
        Msg::JournalFailed {
            error: error.clone(),
            unreadable: true,
        },
        t0 + secs(1),
    );
    assert_eq!(app.journal, JournalView::Unreadable(error.clone()));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.starts_with(strings::NOT_SAVED))
    );
    let screen = render(&app, 80, 26, t0 + secs(1));
    assert!(screen.contains("The journal could not be read"), "{screen}");

    // Another tick is refused, and says why.
    for key in [Key::Char(' '), Key::Char('-')] {
        assert!(press(&mut app, key, t0 + secs(2)).is_empty());
        assert_eq!(
            app.status.as_deref(),
            Some(format!("{}: {error}", strings::NOT_SAVED).as_str())
        );
    }
    // Relief still starts.
    press(&mut app, Key::Tab, t0 + secs(3));
    press(&mut app, Key::Char('1'), t0 + secs(3));
    assert_eq!(running_id(&app), "calf");
}

#[test]
fn enter_on_the_habits_pane_starts_the_selected_routine_and_never_ticks() {
    // At 3 a.m. a stray Tab must not turn Enter into a change of the journal.
    let t0 = Instant::now();
    let mut app = App::new(Content::builtin(), Config::builtin(), Vec::new(), tonight());
    app.update(Msg::JournalLoaded(Ok(Journal::default())), t0);
    press(&mut app, Key::Tab, t0);
    assert_eq!(app.focus, Focus::Habits);
    let effects = press(&mut app, Key::Enter, t0);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Journal { .. })),
        "{effects:?}"
    );
    assert_eq!(running_id(&app), "calf");
}

#[test]
fn skipping_through_bedtime_is_not_the_stretch_done() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "bedtime", t0);
    let mut effects = Vec::new();
    for i in 0..20 {
        effects.extend(press(&mut app, Key::Char('n'), t0 + secs(i)));
    }
    assert!(
        matches!(
            app.screen,
            Screen::Done {
                finished: false,
                ..
            }
        ),
        "shown as stopped"
    );
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Journal { .. })),
        "{effects:?}"
    );
}

#[test]
fn a_journal_found_unreadable_while_logging_closes_the_prompt() {
    let t0 = Instant::now();
    let mut app = app_without_lead_in(t0);
    start(&mut app, "calf", t0);
    press(&mut app, Key::Char('q'), t0 + secs(5));
    assert!(matches!(
        app.screen,
        Screen::Done {
            prompt: Some(_),
            ..
        }
    ));
    assert!(!press(&mut app, Key::Enter, t0 + secs(6)).is_empty());
    app.update(
        Msg::JournalFailed {
            error: "journal.txt:3:7: not a date".to_string(),
            unreadable: true,
        },
        t0 + secs(6),
    );
    assert!(
        matches!(app.screen, Screen::Done { prompt: None, .. }),
        "Enter would only fail again"
    );
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.starts_with("not saved"))
    );
}

#[test]
fn ticking_a_habit_before_the_journal_is_read_does_nothing() {
    let t0 = Instant::now();
    let mut app = App::new(Content::builtin(), Config::builtin(), Vec::new(), tonight());
    assert_eq!(app.journal, JournalView::Loading);
    press(&mut app, Key::Tab, t0);
    assert_eq!(app.focus, Focus::Habits);
    for key in [Key::Char(' '), Key::Char('-'), Key::Backspace] {
        assert!(press(&mut app, key, t0).is_empty(), "{key:?}");
    }
    assert_eq!(app.status, None);
    let screen = render(&app, 80, 26, t0);
    assert!(screen.contains("Habits · tonight"), "{screen}");
    assert!(!screen.contains("Drink enough"), "no rows yet: {screen}");

    // Once read, the same key asks for the tick.
    app.update(Msg::JournalLoaded(Ok(Journal::default())), t0 + secs(1));
    assert_eq!(
        press(&mut app, Key::Char(' '), t0 + secs(1)),
        vec![journal_effect(tonight(), "stretch", Change::Toggle)]
    );
}

#[test]
fn waiting_for_the_journal_lock_is_shown_until_the_next_key() {
    let t0 = Instant::now();
    let mut app = app(t0);
    start(&mut app, "calf", t0);
    assert!(app.update(Msg::JournalWaiting, t0 + secs(1)).is_empty());
    assert_eq!(app.status.as_deref(), Some(strings::WAITING_FOR_LOCK));
    let screen = render(&app, 80, 24, t0 + secs(1));
    assert!(
        screen.contains("waiting for another cramp to finish with the journal"),
        "{screen}"
    );
    // Relief goes on meanwhile, and the next key clears the line.
    press(&mut app, Key::Enter, t0 + secs(10));
    assert_eq!(app.status, None);
    assert_eq!(step_title(&app), "Keep the toe pull");
    let screen = render(&app, 80, 24, t0 + secs(10));
    assert!(!screen.contains("waiting for another cramp"), "{screen}");
}

#[test]
fn speech_failing_is_said_only_once() {
    let t0 = Instant::now();
    let mut app = app_with(t0, |c| c.speak_command = vec!["espeak-ng".to_string()]);
    let effects = start(&mut app, "bedtime", t0);
    assert_eq!(
        effects,
        vec![
            Effect::Bell(Bell::Step),
            Effect::Speak("Get ready. Bedtime stretch".to_string())
        ]
    );
    let why = "espeak-ng: No such file or directory";
    app.update(Msg::SpeechFailed(why.to_string()), t0);
    assert_eq!(
        app.status.as_deref(),
        Some(format!("{}: {why}", strings::SPEECH_FAILED).as_str())
    );
    press(&mut app, Key::Char('+'), t0 + secs(1));
    assert_eq!(app.status, None, "a key clears it");
    app.update(Msg::SpeechFailed(why.to_string()), t0 + secs(3));
    assert_eq!(app.status, None, "not said twice");
}
