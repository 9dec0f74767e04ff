//! Random routines and random actions never break the runner's invariants.

use proptest::prelude::*;
use std::time::{Duration, Instant};

use cramp_coach::content::{Side, Step};
use cramp_coach::runner::{ADD_TIME, Cue};

use crate::{ms, runner, step};

#[derive(Debug, Clone)]
enum Action {
    Advance(u64),
    TogglePause,
    Next,
    Previous,
    AddTime,
    FinishUntimed,
    Restart,
}

fn step_strategy() -> impl Strategy<Value = Step> {
    let sides = prop_oneof![
        Just(Vec::new()),
        Just(vec![Side::Left]),
        Just(vec![Side::Right]),
        Just(vec![Side::Left, Side::Right]),
        Just(vec![Side::Right, Side::Left]),
    ];
    (
        prop::option::of(1u32..60),
        sides,
        1u32..4,
        prop::option::of(1u32..60),
    )
        .prop_map(|(seconds, sides, repeat, rest)| step(seconds, &sides, repeat, rest))
}

fn action_strategy() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => (0u64..3_000).prop_map(Action::Advance),
        2 => (0u64..200_000).prop_map(Action::Advance),
        2 => Just(Action::TogglePause),
        1 => Just(Action::Next),
        1 => Just(Action::Previous),
        1 => Just(Action::AddTime),
        1 => Just(Action::FinishUntimed),
        1 => Just(Action::Restart),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_routines_and_actions_keep_the_runner_sane(
        steps in prop::collection::vec(step_strategy(), 1..6),
        lead_in in 0u32..6,
        actions in prop::collection::vec(action_strategy(), 0..120),
    ) {
        let t0 = Instant::now();
        let mut r = runner(steps, lead_in, t0);
        let len = r.plan().segments.len();
        prop_assert!(len > 0);
        let mut now = t0;
        // Time added to the current segment since it began.
        let mut added = Duration::ZERO;

        for action in actions {
            let was_done = r.is_done();
            let cue = match action {
                Action::Advance(n) => {
                    now += ms(n);
                    r.advance(now)
                }
                Action::TogglePause => {
                    r.toggle_pause(now);
                    None
                }
                Action::Next => r.next(now),
                Action::Previous => r.previous(now),
                Action::AddTime => {
                    let timed = !r.is_done() && r.current().and_then(|s| s.duration).is_some();
                    let ok = r.add_time(now, ADD_TIME);
                    prop_assert_eq!(ok, timed, "add_time works exactly on timed segments");
                    if ok {
                        added += ADD_TIME;
                    }
                    None
                }
                Action::FinishUntimed => {
                    let untimed = !r.is_done() && r.current().is_some_and(|s| s.duration.is_none());
                    let cue = r.finish_untimed(now);
                    prop_assert_eq!(cue.is_some(), untimed, "finish_untimed works exactly on untimed steps");
                    cue
                }
                Action::Restart => {
                    r.restart(now);
                    added = Duration::ZERO;
                    prop_assert_eq!(r.index(), 0);
                    prop_assert!(!r.is_done() && !r.is_paused());
                    None
                }
            };
            if cue.is_some() {
                added = Duration::ZERO;
            }
            prop_assert_eq!(cue == Some(Cue::Done), !was_done && r.is_done(), "Done is cued exactly on finishing");

            prop_assert!(r.index() < len, "index {} outside a plan of {}", r.index(), len);
            let progress = r.routine_progress(now);
            prop_assert!((0.0..=1.0).contains(&progress), "routine progress {}", progress);
            if let Some(p) = r.segment_progress(now) {
                prop_assert!((0.0..=1.0).contains(&p), "segment progress {}", p);
            }
            let _ = r.upcoming_step();
            let wake = r.next_wake(now);

            if r.is_done() {
                prop_assert_eq!(r.current(), None);
                prop_assert_eq!(r.shown_seconds(now), None);
                prop_assert_eq!(wake, None);
                continue;
            }
            let current = r.current().cloned();
            prop_assert!(current.is_some());
            if r.is_paused() {
                prop_assert_eq!(wake, None);
            } else {
                let wake = wake.expect("a running segment wakes up");
                prop_assert!(wake > now, "wake-up not after now");
                if let Some(deadline) = r.deadline() {
                    prop_assert!(wake <= deadline);
                }
            }
            let shown = r.shown_seconds(now).expect("a segment shows a number");
            if let Some(length) = current.and_then(|s| s.duration) {
                let limit = (length + added).as_secs();
                prop_assert!(shown <= limit, "shown {} s in a segment of {} s", shown, limit);
                prop_assert!(shown >= 1, "0 shown mid-step");
            }
        }
    }
}
