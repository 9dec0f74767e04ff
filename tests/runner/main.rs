//! The step runner, driven through its public API with instants built from one `t0`: the plan
//! (`plan`), the countdown and its cues (`countdown`), pause (`pause`), untimed steps (`untimed`),
//! next, previous and restart (`navigation`), adding time (`add_time`), no drift (`drift`), and
//! random routines and actions (`property`).
//!
//! No test sleeps or reads the clock after `t0`: time moves only by adding `Duration`s.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod add_time;
mod countdown;
mod drift;
mod navigation;
mod pause;
mod plan;
mod property;
mod untimed;

use std::time::{Duration, Instant};

use cramp_coach::content::{Routine, RoutineKind, Side, Step};
use cramp_coach::runner::{Plan, Runner, Segment, SegmentKind};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn step(seconds: Option<u32>, sides: &[Side], repeat: u32, rest_seconds: Option<u32>) -> Step {
    Step {
        title: "Stretch".to_string(),
        text: "Hold it gently.".to_string(),
        seconds,
        sides: sides.to_vec(),
        repeat,
        rest_seconds,
        switch_seconds: 0,
    }
}

fn timed(seconds: u32) -> Step {
    step(Some(seconds), &[], 1, None)
}

fn untimed() -> Step {
    step(None, &[], 1, None)
}

fn routine(steps: Vec<Step>) -> Routine {
    Routine {
        id: "test".to_string(),
        title: "Test routine".to_string(),
        kind: RoutineKind::Bedtime,
        summary: None,
        muscle: None,
        completes_habit: None,
        steps,
    }
}

fn runner(steps: Vec<Step>, lead_in_seconds: u32, t0: Instant) -> Runner {
    Runner::new(Plan::build(&routine(steps), lead_in_seconds), t0)
}

fn seg(
    kind: SegmentKind,
    step: usize,
    side: Option<Side>,
    rep: u32,
    reps: u32,
    seconds: Option<u64>,
) -> Segment {
    Segment {
        kind,
        step,
        side,
        rep,
        reps,
        duration: seconds.map(secs),
    }
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}
