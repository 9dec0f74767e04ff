//! The step runner, driven through its public API with instants built from one `t0`.
//!
//! No test sleeps or reads the clock after `t0`: time moves only by adding `Duration`s.

use std::time::{Duration, Instant};

use cramp_coach::content::{Routine, RoutineKind, Side, Step};
use cramp_coach::runner::{ADD_TIME, Cue, Plan, Runner, Segment, SegmentKind};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

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

/// A small deterministic pseudo-random generator (PCG-style LCG), for late deliveries.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// The instant each segment of a fully timed plan ends, if it runs without pauses from `t0`.
fn segment_ends(plan: &Plan, t0: Instant) -> Vec<Instant> {
    let mut at = t0;
    plan.segments
        .iter()
        .map(|s| {
            at += s.duration.expect("a fully timed routine");
            at
        })
        .collect()
}

/// Drives a fully timed runner from `t0` to the end, one `next_wake` at a time: first to just
/// before the wake-up (nothing may change), then to the wake-up delivered 0..=15 ms late.
/// Checks every boundary's deadline against the drift-free schedule. Returns the cues in order.
fn drive_with_late_wakeups(runner: &mut Runner, t0: Instant, seed: u64) -> Vec<Cue> {
    let plan = runner.plan().clone();
    let ends = segment_ends(&plan, t0);
    let last_end = *ends.last().expect("a non-empty plan");
    assert_eq!(runner.deadline(), Some(ends[0]));

    let mut rng = Lcg(seed);
    let mut now = t0;
    let mut shown = runner.shown_seconds(now).expect("a countdown is shown");
    let mut cues = Vec::new();
    while !runner.is_done() {
        let deadline = runner
            .deadline()
            .expect("a running countdown has a deadline");
        let wake = runner.next_wake(now).expect("a running countdown wakes up");
        assert!(wake > now, "wake-up {wake:?} is not after now {now:?}");
        assert!(wake <= deadline, "wake-up after the deadline");

        let just_before = wake - Duration::from_nanos(1);
        assert_eq!(
            runner.advance(just_before),
            None,
            "nothing happens before the wake-up"
        );
        assert_eq!(
            runner.shown_seconds(just_before),
            Some(shown),
            "the number only changes at the wake-up"
        );

        let index = runner.index();
        now = wake + ms(rng.next() % 16);
        match runner.advance(now) {
            None => {
                assert_eq!(runner.index(), index);
                let next_shown = runner.shown_seconds(now).expect("still counting down");
                assert_eq!(
                    next_shown,
                    shown - 1,
                    "every whole second is shown, none skipped"
                );
                shown = next_shown;
            }
            Some(cue) => {
                cues.push(cue);
                assert_eq!(
                    wake, deadline,
                    "a boundary is crossed only at a deadline wake-up"
                );
                assert_eq!(deadline, ends[index], "boundary {index} is on schedule");
                if runner.is_done() {
                    assert_eq!(cue, Cue::Done);
                    assert_eq!(deadline, last_end);
                } else {
                    assert_eq!(runner.index(), index + 1);
                    assert_eq!(
                        runner.deadline(),
                        Some(ends[index + 1]),
                        "segment {} ends at t0 + lead-in + sum of earlier lengths, however late the wake-ups",
                        index + 1
                    );
                    let length = plan.segments[index + 1].duration.expect("timed");
                    shown = runner.shown_seconds(now).expect("a countdown is shown");
                    assert_eq!(
                        shown,
                        length.as_secs(),
                        "a new segment shows its full length"
                    );
                }
            }
        }
    }
    cues
}

// ---------------------------------------------------------------------------------------------
// Plan::build
// ---------------------------------------------------------------------------------------------

#[test]
fn plan_has_a_lead_in_only_when_lead_in_seconds_is_positive() {
    let r = routine(vec![timed(10), untimed()]);

    let without = Plan::build(&r, 0);
    assert_eq!(without.segments.len(), 2);
    assert!(
        without
            .segments
            .iter()
            .all(|s| s.kind != SegmentKind::LeadIn)
    );
    assert_eq!(
        without.segments[0],
        seg(SegmentKind::Step, 0, None, 1, 1, Some(10))
    );
    assert_eq!(without.total, secs(10));

    let with = Plan::build(&r, 5);
    assert_eq!(with.segments.len(), 3);
    assert_eq!(
        with.segments[0],
        seg(SegmentKind::LeadIn, 0, None, 1, 1, Some(5))
    );
    assert_eq!(
        with.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::LeadIn)
            .count(),
        1
    );
    assert_eq!(with.segments[1..], without.segments[..]);
    assert_eq!(with.total, secs(15));

    // A lead-in also comes before an untimed first step.
    let hold_first = Plan::build(&routine(vec![untimed()]), 3);
    assert_eq!(hold_first.segments[0].kind, SegmentKind::LeadIn);
    assert_eq!(
        hold_first.segments[1],
        seg(SegmentKind::Step, 0, None, 1, 1, None)
    );
    assert_eq!(hold_first.total, secs(3));
}

#[test]
fn plan_expands_sides_outer_repeats_inner_and_rests_only_between_repeats() {
    use SegmentKind::{LeadIn, Rest, Step};
    let (l, r) = (Some(Side::Left), Some(Side::Right));
    let rt = routine(vec![
        step(Some(10), &[Side::Left, Side::Right], 3, Some(5)),
        step(Some(20), &[], 2, Some(4)),
        step(Some(7), &[Side::Right], 1, Some(9)),
    ]);
    let plan = Plan::build(&rt, 3);
    let expected = vec![
        seg(LeadIn, 0, None, 1, 1, Some(3)),
        // Step 0: left side, three repeats, rests between them only.
        seg(Step, 0, l, 1, 3, Some(10)),
        seg(Rest, 0, l, 1, 3, Some(5)),
        seg(Step, 0, l, 2, 3, Some(10)),
        seg(Rest, 0, l, 2, 3, Some(5)),
        seg(Step, 0, l, 3, 3, Some(10)),
        // No rest between the sides.
        seg(Step, 0, r, 1, 3, Some(10)),
        seg(Rest, 0, r, 1, 3, Some(5)),
        seg(Step, 0, r, 2, 3, Some(10)),
        seg(Rest, 0, r, 2, 3, Some(5)),
        seg(Step, 0, r, 3, 3, Some(10)),
        // Step 1: no sides, two repeats; no rest after the last repeat.
        seg(Step, 1, None, 1, 2, Some(20)),
        seg(Rest, 1, None, 1, 2, Some(4)),
        seg(Step, 1, None, 2, 2, Some(20)),
        // Step 2: a single repeat never rests, even with rest_seconds set.
        seg(Step, 2, r, 1, 1, Some(7)),
    ];
    assert_eq!(plan.segments, expected);
    assert_eq!(plan.total, secs(3 + 6 * 10 + 4 * 5 + 2 * 20 + 4 + 7));
    assert_eq!(plan.total, secs(3 + rt.total_seconds()));
    assert_eq!(
        plan.segments.last().map(|s| s.kind),
        Some(Step),
        "a plan never ends on a rest"
    );
}

#[test]
fn plan_gives_an_untimed_step_one_segment_without_duration() {
    // Repeat and rest are meaningless without seconds: one segment, no duration.
    let plan = Plan::build(&routine(vec![step(None, &[], 3, Some(5)), timed(10)]), 0);
    assert_eq!(
        plan.segments,
        vec![
            seg(SegmentKind::Step, 0, None, 1, 1, None),
            seg(SegmentKind::Step, 1, None, 1, 1, Some(10))
        ]
    );
    assert_eq!(
        plan.total,
        secs(10),
        "untimed steps add nothing to the total"
    );

    // With sides: one untimed segment per side.
    let sided = Plan::build(
        &routine(vec![step(None, &[Side::Right, Side::Left], 2, None)]),
        0,
    );
    assert_eq!(
        sided.segments,
        vec![
            seg(SegmentKind::Step, 0, Some(Side::Right), 1, 1, None),
            seg(SegmentKind::Step, 0, Some(Side::Left), 1, 1, None),
        ]
    );
    assert_eq!(sided.total, Duration::ZERO);
}

#[test]
fn an_empty_routine_is_done_at_once() {
    let t0 = Instant::now();
    let plan = Plan::build(&routine(Vec::new()), 0);
    assert!(plan.segments.is_empty());
    assert_eq!(plan.total, Duration::ZERO);

    let mut r = Runner::new(plan, t0);
    assert!(r.is_done());
    assert_eq!(r.current(), None);
    assert_eq!(r.upcoming_step(), None);
    assert_eq!(r.shown_seconds(t0), None);
    assert_eq!(r.next_wake(t0), None);
    assert_eq!(r.advance(t0 + secs(60)), None);
    assert_eq!(r.next(t0), None);
    assert_eq!(r.previous(t0), None);
    assert_eq!(r.finish_untimed(t0), None);
    assert!(!r.add_time(t0, ADD_TIME));
    assert_close(r.routine_progress(t0), 1.0);
    r.restart(t0 + secs(1));
    assert!(r.is_done());
}

// ---------------------------------------------------------------------------------------------
// Countdown and cues
// ---------------------------------------------------------------------------------------------

#[test]
fn countdown_shows_whole_seconds_rounded_up() {
    let t0 = Instant::now();
    let r = runner(vec![timed(30), timed(20)], 0, t0);
    assert_eq!(r.index(), 0);
    assert_eq!(
        r.current(),
        Some(&seg(SegmentKind::Step, 0, None, 1, 1, Some(30)))
    );
    assert!(!r.is_paused());
    assert_eq!(r.started_at(), t0);
    assert_eq!(r.remaining(t0), Some(secs(30)));
    assert_eq!(r.elapsed(t0), None, "a countdown has no elapsed time");
    assert_eq!(r.shown_seconds(t0), Some(30));
    assert_eq!(r.shown_seconds(t0 + ms(500)), Some(30));
    assert_eq!(r.shown_seconds(t0 + secs(1)), Some(29));
    assert_eq!(r.shown_seconds(t0 + ms(29_000)), Some(1));
    assert_eq!(r.shown_seconds(t0 + ms(29_001)), Some(1));
    assert_eq!(
        r.shown_seconds(t0 + secs(30) - Duration::from_nanos(1)),
        Some(1),
        "0 is never shown mid-step"
    );
    assert_eq!(
        r.upcoming_step(),
        Some(&seg(SegmentKind::Step, 1, None, 1, 1, Some(20)))
    );
}

#[test]
fn advance_at_exactly_the_deadline_starts_the_next_segment() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(30), timed(20)], 0, t0);
    assert_eq!(r.deadline(), Some(t0 + secs(30)));

    assert_eq!(r.advance(t0 + ms(29_999)), None);
    assert_eq!(r.advance(t0 + secs(30) - Duration::from_nanos(1)), None);
    assert_eq!(r.index(), 0);

    assert_eq!(r.advance(t0 + secs(30)), Some(Cue::Segment));
    assert_eq!(r.index(), 1);
    assert_eq!(
        r.current(),
        Some(&seg(SegmentKind::Step, 1, None, 1, 1, Some(20)))
    );
    assert_eq!(r.deadline(), Some(t0 + secs(50)));
    assert_eq!(r.shown_seconds(t0 + secs(30)), Some(20));
    assert_eq!(r.upcoming_step(), None);
    assert_eq!(r.advance(t0 + secs(30)), None, "a boundary is crossed once");
}

#[test]
fn the_end_gives_done_and_the_runner_stays_done() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(30), timed(20)], 0, t0);
    assert_eq!(r.advance(t0 + secs(30)), Some(Cue::Segment));
    assert_eq!(r.advance(t0 + secs(50)), Some(Cue::Done));
    assert!(r.is_done());
    assert_eq!(r.current(), None);
    assert_eq!(r.upcoming_step(), None);
    assert_eq!(r.shown_seconds(t0 + secs(50)), None);
    assert_eq!(r.remaining(t0 + secs(50)), None);
    assert_eq!(r.elapsed(t0 + secs(50)), None);
    assert_eq!(r.deadline(), None);
    assert_eq!(r.segment_progress(t0 + secs(50)), None);
    assert_eq!(r.next_wake(t0 + secs(50)), None);
    assert_close(r.routine_progress(t0 + secs(50)), 1.0);
    assert!(r.index() < r.plan().segments.len());
    assert_eq!(r.advance(t0 + secs(500)), None);
    assert_eq!(r.next(t0 + secs(500)), None);
    assert_eq!(r.finish_untimed(t0 + secs(500)), None);
    assert!(!r.add_time(t0 + secs(500), ADD_TIME));
    assert!(r.is_done());
}

#[test]
fn changing_side_gives_a_switch_side_cue() {
    let t0 = Instant::now();
    // Left 1 (0-10), rest (10-15), left 2 (15-25), right 1 (25-35), rest (35-40), right 2 (40-50).
    let mut r = runner(
        vec![step(Some(10), &[Side::Left, Side::Right], 2, Some(5))],
        0,
        t0,
    );
    let expected = [
        (10, Cue::Segment, SegmentKind::Rest, Side::Left),
        (15, Cue::Segment, SegmentKind::Step, Side::Left),
        (25, Cue::SwitchSide, SegmentKind::Step, Side::Right),
        (35, Cue::Segment, SegmentKind::Rest, Side::Right),
        (40, Cue::Segment, SegmentKind::Step, Side::Right),
    ];
    assert_eq!(r.current().and_then(|s| s.side), Some(Side::Left));
    for (at, cue, kind, side) in expected {
        assert_eq!(r.advance(t0 + secs(at)), Some(cue), "at {at} s");
        let current = r.current().expect("not done yet");
        assert_eq!(
            (current.kind, current.side),
            (kind, Some(side)),
            "at {at} s"
        );
    }
    assert_eq!(r.advance(t0 + secs(50)), Some(Cue::Done));
    assert!(r.is_done());
}

#[test]
fn switch_side_cue_also_comes_from_next_and_finish_untimed() {
    let t0 = Instant::now();
    let mut r = runner(
        vec![step(Some(10), &[Side::Left, Side::Right], 1, None)],
        0,
        t0,
    );
    assert_eq!(r.next(t0 + secs(2)), Some(Cue::SwitchSide));
    assert_eq!(r.current().and_then(|s| s.side), Some(Side::Right));

    let mut r = runner(vec![step(None, &[Side::Left, Side::Right], 1, None)], 0, t0);
    assert_eq!(r.finish_untimed(t0 + secs(4)), Some(Cue::SwitchSide));
    assert_eq!(r.current().and_then(|s| s.side), Some(Side::Right));
    assert_eq!(r.finish_untimed(t0 + secs(9)), Some(Cue::Done));
    assert!(r.is_done());
}

#[test]
fn a_lead_in_counts_down_then_the_first_step_starts() {
    let t0 = Instant::now();
    let mut r = runner(
        vec![step(Some(10), &[Side::Left, Side::Right], 1, None)],
        5,
        t0,
    );
    let lead_in = r.current().expect("lead-in");
    assert_eq!(lead_in.kind, SegmentKind::LeadIn);
    assert_eq!(r.shown_seconds(t0), Some(5));
    assert_eq!(
        r.upcoming_step().map(|s| (s.kind, s.side)),
        Some((SegmentKind::Step, Some(Side::Left)))
    );
    assert_eq!(
        r.advance(t0 + secs(5)),
        Some(Cue::Segment),
        "the lead-in has no side to switch from"
    );
    assert_eq!(
        r.current().map(|s| (s.kind, s.side)),
        Some((SegmentKind::Step, Some(Side::Left)))
    );
    assert_eq!(r.deadline(), Some(t0 + secs(15)));
}

// ---------------------------------------------------------------------------------------------
// Pause and resume
// ---------------------------------------------------------------------------------------------

#[test]
fn pausing_freezes_the_countdown_for_any_length_of_time() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(30), timed(20)], 0, t0);
    let paused_at = t0 + ms(10_250);
    r.toggle_pause(paused_at);
    assert!(r.is_paused());
    assert_eq!(r.deadline(), None);
    assert_eq!(r.remaining(paused_at), Some(ms(19_750)));
    assert_eq!(r.shown_seconds(paused_at), Some(20));
    assert_eq!(r.next_wake(paused_at), None, "nothing moves while paused");

    for later in [ms(1), secs(20), secs(30), secs(3600), secs(86_400)] {
        let now = paused_at + later;
        assert_eq!(r.advance(now), None, "no deadline passes while paused");
        assert_eq!(r.index(), 0);
        assert_eq!(r.remaining(now), Some(ms(19_750)));
        assert_eq!(r.shown_seconds(now), Some(20));
        assert_eq!(r.next_wake(now), None);
    }

    let resumed_at = paused_at + secs(3600);
    r.toggle_pause(resumed_at);
    assert!(!r.is_paused());
    assert_eq!(
        r.deadline(),
        Some(resumed_at + ms(19_750)),
        "a fresh deadline: resume instant + remaining"
    );
    assert_eq!(r.remaining(resumed_at), Some(ms(19_750)));
    assert_eq!(
        r.deadline(),
        Some(t0 + secs(30) + secs(3600)),
        "exactly the paused hour later"
    );

    assert_eq!(r.advance(resumed_at + ms(19_749)), None);
    assert_eq!(r.advance(resumed_at + ms(19_750)), Some(Cue::Segment));
    assert_eq!(r.deadline(), Some(t0 + secs(3600) + secs(50)));
}

#[test]
fn paused_time_is_excluded_exactly_over_several_pauses() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(30), timed(20)], 0, t0);
    let pauses = [
        (ms(1_234), Duration::from_nanos(987_654_321)),
        (ms(7_001), secs(3600)),
        (Duration::from_nanos(3), ms(42)),
        (ms(20_000), Duration::from_nanos(1)),
    ];
    let mut now = t0;
    let mut paused_total = Duration::ZERO;
    for (run, pause) in pauses {
        now += run;
        assert_eq!(r.advance(now), None);
        r.toggle_pause(now);
        let remaining = r.remaining(now).expect("timed");
        now += pause;
        paused_total += pause;
        assert_eq!(r.remaining(now), Some(remaining));
        r.toggle_pause(now);
        assert_eq!(r.deadline(), Some(now + remaining));
        assert_eq!(r.deadline(), Some(t0 + secs(30) + paused_total));
    }
    assert_eq!(r.advance(t0 + secs(30) + paused_total), Some(Cue::Segment));
    assert_eq!(r.deadline(), Some(t0 + secs(50) + paused_total));
}

#[test]
fn next_wake_is_none_while_paused_and_when_done() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(10), untimed()], 0, t0);
    assert!(r.next_wake(t0).is_some());
    r.toggle_pause(t0 + secs(1));
    assert_eq!(r.next_wake(t0 + secs(1)), None);
    r.toggle_pause(t0 + secs(2));
    assert_eq!(r.next_wake(t0 + secs(2)), Some(t0 + secs(3)));
    assert_eq!(r.advance(t0 + secs(11)), Some(Cue::Segment));
    assert!(
        r.next_wake(t0 + secs(11)).is_some(),
        "an untimed step counts up"
    );
    r.toggle_pause(t0 + secs(12));
    assert_eq!(
        r.next_wake(t0 + secs(12)),
        None,
        "a held untimed step does not move"
    );
    r.toggle_pause(t0 + secs(13));
    assert_eq!(r.finish_untimed(t0 + secs(14)), Some(Cue::Done));
    assert_eq!(r.next_wake(t0 + secs(14)), None);
}

// ---------------------------------------------------------------------------------------------
// Untimed steps
// ---------------------------------------------------------------------------------------------

#[test]
fn an_untimed_step_counts_up_and_waits_for_finish() {
    let t0 = Instant::now();
    let mut r = runner(vec![untimed(), timed(10)], 0, t0);
    assert_eq!(r.current().and_then(|s| s.duration), None);
    assert_eq!(r.elapsed(t0), Some(Duration::ZERO));
    assert_eq!(r.shown_seconds(t0), Some(0));
    assert_eq!(r.remaining(t0), None);
    assert_eq!(r.deadline(), None);
    assert_eq!(r.segment_progress(t0), None);
    assert_eq!(r.elapsed(t0 + ms(2_700)), Some(ms(2_700)));
    assert_eq!(
        r.shown_seconds(t0 + ms(2_700)),
        Some(2),
        "counting up rounds down"
    );
    assert_eq!(r.shown_seconds(t0 + ms(2_999)), Some(2));
    assert_eq!(r.shown_seconds(t0 + secs(3)), Some(3));

    // Time alone never leaves an untimed step.
    for later in [secs(1), secs(60), secs(86_400)] {
        assert_eq!(r.advance(t0 + later), None);
        assert_eq!(r.index(), 0);
        assert!(!r.is_done());
    }
    assert!(
        !r.add_time(t0 + secs(5), ADD_TIME),
        "no time to add to an untimed step"
    );
    assert_eq!(r.index(), 0);
    assert_eq!(r.deadline(), None);

    // Pausing holds the elapsed time.
    let paused_at = t0 + secs(5);
    r.toggle_pause(paused_at);
    assert!(r.is_paused());
    assert_eq!(r.elapsed(paused_at), Some(secs(5)));
    assert_eq!(r.elapsed(paused_at + secs(3600)), Some(secs(5)));
    assert_eq!(r.shown_seconds(paused_at + secs(3600)), Some(5));
    let resumed_at = paused_at + secs(3600);
    r.toggle_pause(resumed_at);
    assert!(!r.is_paused());
    assert_eq!(r.elapsed(resumed_at), Some(secs(5)));
    assert_eq!(
        r.elapsed(resumed_at + ms(1_500)),
        Some(ms(6_500)),
        "paused time excluded exactly"
    );

    // finish_untimed moves on, starting the next segment from that instant.
    let finished_at = resumed_at + secs(2);
    assert_eq!(r.finish_untimed(finished_at), Some(Cue::Segment));
    assert_eq!(r.index(), 1);
    assert_eq!(r.deadline(), Some(finished_at + secs(10)));
    assert_eq!(r.shown_seconds(finished_at), Some(10));

    // On a timed step it does nothing.
    assert_eq!(r.finish_untimed(finished_at + secs(1)), None);
    assert_eq!(r.index(), 1);
    assert_eq!(r.deadline(), Some(finished_at + secs(10)));
}

#[test]
fn an_untimed_step_entered_at_a_deadline_counts_from_that_deadline() {
    let t0 = Instant::now();
    let mut r = runner(vec![untimed()], 5, t0);
    // The wake-up for the lead-in's end arrives 40 ms late; the hold still counts from t0 + 5 s.
    assert_eq!(r.advance(t0 + ms(5_040)), Some(Cue::Segment));
    assert_eq!(r.elapsed(t0 + ms(5_040)), Some(ms(40)));
    assert_eq!(r.elapsed(t0 + secs(8)), Some(secs(3)));
    assert_eq!(r.next_wake(t0 + ms(5_040)), Some(t0 + secs(6)));
}

// ---------------------------------------------------------------------------------------------
// next / previous
// ---------------------------------------------------------------------------------------------

/// Lead-in (0), step 0 rep 1 (1), rest (2), step 0 rep 2 (3), untimed step 1 (4),
/// step 2 left (5), step 2 right (6).
fn navigation_routine() -> Vec<Step> {
    vec![
        step(Some(10), &[], 2, Some(5)),
        untimed(),
        step(Some(20), &[Side::Left, Side::Right], 1, None),
    ]
}

#[test]
fn next_skips_rests_and_the_lead_in_and_finishes_past_the_last_step() {
    let t0 = Instant::now();
    let mut r = runner(navigation_routine(), 5, t0);
    assert_eq!(r.plan().segments[2].kind, SegmentKind::Rest);
    assert_eq!(r.current().map(|s| s.kind), Some(SegmentKind::LeadIn));

    let now = t0 + secs(1);
    assert_eq!(r.next(now), Some(Cue::Segment));
    assert_eq!(r.index(), 1);
    assert_eq!(
        r.deadline(),
        Some(now + secs(10)),
        "next starts the step afresh from now"
    );
    assert_eq!(r.next(now), Some(Cue::Segment));
    assert_eq!(r.index(), 3, "the rest is skipped");
    assert_eq!(r.current().map(|s| s.rep), Some(2));
    assert_eq!(r.next(now), Some(Cue::Segment));
    assert_eq!(r.index(), 4);
    assert_eq!(r.elapsed(now), Some(Duration::ZERO));
    assert_eq!(r.next(now), Some(Cue::Segment));
    assert_eq!(r.index(), 5);
    assert_eq!(r.next(now), Some(Cue::SwitchSide));
    assert_eq!(r.index(), 6);
    assert_eq!(r.next(now), Some(Cue::Done));
    assert!(r.is_done());
    assert_eq!(r.current(), None);
    assert_eq!(r.next(now), None);

    // From a rest, next goes on to the next repeat.
    let mut r = runner(navigation_routine(), 5, t0);
    assert_eq!(r.advance(t0 + secs(15)), Some(Cue::Segment));
    assert_eq!(r.current().map(|s| s.kind), Some(SegmentKind::Rest));
    assert_eq!(r.next(t0 + secs(16)), Some(Cue::Segment));
    assert_eq!(r.index(), 3);
}

#[test]
fn previous_skips_rests_and_never_returns_to_the_lead_in() {
    let t0 = Instant::now();
    let mut r = runner(navigation_routine(), 5, t0);
    let now = t0 + secs(1);
    while !r.is_done() {
        r.next(now);
    }

    let back = t0 + secs(2);
    assert_eq!(r.previous(back), Some(Cue::Segment));
    assert!(!r.is_done());
    assert_eq!(r.index(), 6, "from done, the last segment");
    assert!(!r.is_paused());
    assert_eq!(r.deadline(), Some(back + secs(20)));
    assert_eq!(r.shown_seconds(back), Some(20));

    for expected in [5, 4, 3, 1] {
        assert_eq!(r.previous(back), Some(Cue::Segment));
        assert_eq!(r.index(), expected);
    }
    // From the first step: that step again, not the lead-in.
    assert_eq!(r.previous(back + secs(3)), Some(Cue::Segment));
    assert_eq!(r.index(), 1);
    assert_eq!(
        r.deadline(),
        Some(back + secs(13)),
        "the first step starts over"
    );

    // From a rest: the repeat before it.
    let mut r = runner(navigation_routine(), 5, t0);
    assert_eq!(r.advance(t0 + secs(15)), Some(Cue::Segment));
    assert_eq!(r.index(), 2);
    assert_eq!(r.previous(t0 + secs(16)), Some(Cue::Segment));
    assert_eq!(r.index(), 1);
    assert_eq!(r.deadline(), Some(t0 + secs(26)));
}

#[test]
fn next_and_previous_keep_a_paused_runner_paused() {
    let t0 = Instant::now();
    let mut r = runner(navigation_routine(), 5, t0);
    assert_eq!(r.advance(t0 + secs(5)), Some(Cue::Segment));
    r.toggle_pause(t0 + secs(7));
    assert!(r.is_paused());

    let now = t0 + secs(100);
    assert_eq!(r.next(now), Some(Cue::Segment));
    assert_eq!(r.index(), 3);
    assert!(r.is_paused());
    assert_eq!(r.deadline(), None);
    assert_eq!(r.next_wake(now), None);
    assert_eq!(
        r.remaining(now + secs(60)),
        Some(secs(10)),
        "the full step waits, frozen"
    );

    assert_eq!(r.next(now), Some(Cue::Segment));
    assert_eq!(r.index(), 4);
    assert!(r.is_paused());
    assert_eq!(
        r.elapsed(now + secs(60)),
        Some(Duration::ZERO),
        "the untimed step is held at zero"
    );

    assert_eq!(r.previous(now), Some(Cue::Segment));
    assert_eq!(r.index(), 3);
    assert!(r.is_paused());
    assert_eq!(r.remaining(now + secs(60)), Some(secs(10)));

    let resumed_at = now + secs(61);
    r.toggle_pause(resumed_at);
    assert!(!r.is_paused());
    assert_eq!(r.deadline(), Some(resumed_at + secs(10)));
}

// ---------------------------------------------------------------------------------------------
// Adding time
// ---------------------------------------------------------------------------------------------

#[test]
fn add_time_extends_a_running_countdown() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(60), timed(10)], 0, t0);
    assert_close(r.segment_progress(t0).expect("timed"), 0.0);
    let now = t0 + secs(20);
    let before = r.segment_progress(now).expect("timed");
    assert_close(before, 1.0 / 3.0);

    assert!(r.add_time(now, ADD_TIME));
    assert_eq!(ADD_TIME, secs(30));
    assert_eq!(r.deadline(), Some(t0 + secs(90)));
    assert_eq!(r.remaining(now), Some(secs(70)));
    assert_eq!(r.shown_seconds(now), Some(70));
    let after = r.segment_progress(now).expect("timed");
    assert!((0.0..=1.0).contains(&after));
    assert!(
        after < before,
        "progress drops after adding time ({after} vs {before})"
    );
    assert_close(after, 20.0 / 90.0);

    // Twice.
    assert!(r.add_time(now, ADD_TIME));
    assert_eq!(r.deadline(), Some(t0 + secs(120)));
    assert_close(r.segment_progress(now).expect("timed"), 20.0 / 120.0);

    // Progress still reaches 1 at the new deadline, and the next segment starts there.
    assert_close(r.segment_progress(t0 + secs(120)).expect("timed"), 1.0);
    assert_eq!(
        r.advance(t0 + secs(60)),
        None,
        "the old deadline no longer ends the step"
    );
    assert_eq!(r.advance(t0 + secs(120)), Some(Cue::Segment));
    assert_eq!(r.deadline(), Some(t0 + secs(130)));
    assert_eq!(
        r.shown_seconds(t0 + secs(120)),
        Some(10),
        "added time does not carry over"
    );
}

#[test]
fn add_time_extends_a_paused_countdown() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(60)], 0, t0);
    let paused_at = t0 + secs(30);
    r.toggle_pause(paused_at);
    let before = r.segment_progress(paused_at).expect("timed");
    assert_close(before, 0.5);

    assert!(r.add_time(paused_at + secs(5), ADD_TIME));
    assert!(r.is_paused());
    assert_eq!(r.deadline(), None);
    assert_eq!(
        r.remaining(paused_at + secs(100)),
        Some(secs(60) + ADD_TIME - secs(30))
    );
    assert_eq!(r.shown_seconds(paused_at + secs(100)), Some(60));
    let after = r.segment_progress(paused_at + secs(100)).expect("timed");
    assert!((0.0..=1.0).contains(&after));
    assert!(after < before);
    assert_close(after, 0.5 * 60.0 / 90.0);

    let resumed_at = paused_at + secs(100);
    r.toggle_pause(resumed_at);
    assert_eq!(r.deadline(), Some(resumed_at + secs(60)));
    assert_eq!(r.advance(resumed_at + secs(60)), Some(Cue::Done));
}

#[test]
fn add_time_at_the_very_start_keeps_progress_at_zero() {
    let t0 = Instant::now();
    let mut r = runner(vec![timed(10)], 0, t0);
    assert!(r.add_time(t0, ADD_TIME));
    assert_eq!(r.shown_seconds(t0), Some(40));
    assert_close(r.segment_progress(t0).expect("timed"), 0.0);
    assert_close(r.segment_progress(t0 + secs(20)).expect("timed"), 0.5);
}

// ---------------------------------------------------------------------------------------------
// Restart
// ---------------------------------------------------------------------------------------------

#[test]
fn restart_goes_back_to_the_first_segment_running() {
    let t0 = Instant::now();
    let mut r = runner(navigation_routine(), 5, t0);
    assert_eq!(r.advance(t0 + secs(16)), Some(Cue::Segment));
    r.toggle_pause(t0 + secs(17));
    assert!(r.add_time(t0 + secs(17), ADD_TIME));

    let again = t0 + secs(40);
    r.restart(again);
    assert_eq!(r.index(), 0);
    assert!(!r.is_done());
    assert!(!r.is_paused());
    assert_eq!(r.current().map(|s| s.kind), Some(SegmentKind::LeadIn));
    assert_eq!(r.started_at(), again);
    assert_eq!(r.deadline(), Some(again + secs(5)));
    assert_eq!(r.shown_seconds(again), Some(5));
    assert_close(r.routine_progress(again), 0.0);

    // From done, too.
    while !r.is_done() {
        r.next(again);
    }
    let again = again + secs(1);
    r.restart(again);
    assert_eq!(r.index(), 0);
    assert!(!r.is_done());
    assert!(!r.is_paused());
    assert_eq!(r.deadline(), Some(again + secs(5)));

    // An untimed first step restarts counting from zero.
    let mut r = runner(vec![untimed(), timed(5)], 0, t0);
    assert_eq!(r.finish_untimed(t0 + secs(8)), Some(Cue::Segment));
    r.restart(t0 + secs(9));
    assert_eq!(r.index(), 0);
    assert!(!r.is_paused());
    assert_eq!(r.elapsed(t0 + secs(9)), Some(Duration::ZERO));
    assert_eq!(r.elapsed(t0 + secs(11)), Some(secs(2)));
}

// ---------------------------------------------------------------------------------------------
// No drift
// ---------------------------------------------------------------------------------------------

#[test]
fn a_ten_minute_routine_does_not_drift_with_late_wakeups() {
    let t0 = Instant::now();
    let steps = vec![
        step(Some(30), &[Side::Left, Side::Right], 3, Some(10)), // 2 × (90 + 20) = 220
        step(Some(45), &[], 4, Some(15)),                        // 180 + 45 = 225
        step(Some(145), &[], 1, None),                           // 145
    ];
    let mut r = runner(steps, 10, t0);
    assert_eq!(r.plan().total, secs(600));
    let segments = r.plan().segments.len();

    let cues = drive_with_late_wakeups(&mut r, t0, 0x5eed);
    assert_eq!(cues.len(), segments, "one cue per boundary");
    assert_eq!(cues.last(), Some(&Cue::Done));
    assert_eq!(cues.iter().filter(|c| **c == Cue::SwitchSide).count(), 1);
    assert!(r.is_done());
}

#[test]
fn twenty_steps_repeated_twenty_times_do_not_drift() {
    let t0 = Instant::now();
    let steps: Vec<Step> = (0..20u32)
        .map(|i| {
            let sides: &[Side] = if i % 5 == 0 {
                &[Side::Left, Side::Right]
            } else {
                &[]
            };
            step(
                Some(1 + i % 4),
                sides,
                20,
                if i % 3 == 0 { None } else { Some(1 + i % 2) },
            )
        })
        .collect();
    let mut r = runner(steps, 3, t0);
    let segments = r.plan().segments.len();
    assert!(segments > 700, "{segments} segments");

    let cues = drive_with_late_wakeups(&mut r, t0, 20 * 20);
    assert_eq!(cues.len(), segments);
    assert_eq!(cues.last(), Some(&Cue::Done));
    assert_eq!(cues.iter().filter(|c| **c == Cue::SwitchSide).count(), 4);
}

#[test]
fn advance_far_past_several_deadlines_jumps_with_one_cue() {
    let t0 = Instant::now();
    let steps = vec![
        step(Some(10), &[Side::Left, Side::Right], 1, None),
        timed(10),
        timed(10),
    ];

    // Across a side switch only: that cue.
    let mut r = runner(steps.clone(), 0, t0);
    assert_eq!(r.advance(t0 + secs(15)), Some(Cue::SwitchSide));
    assert_eq!(r.index(), 1);

    // Across three boundaries: one cue, for the last one, and the deadline stays on schedule.
    let mut r = runner(steps.clone(), 0, t0);
    assert_eq!(r.advance(t0 + secs(35)), Some(Cue::Segment));
    assert_eq!(r.index(), 3);
    assert_eq!(r.deadline(), Some(t0 + secs(40)));
    assert_eq!(r.shown_seconds(t0 + secs(35)), Some(5));

    // Past the end: just Done.
    let mut r = runner(steps, 0, t0);
    assert_eq!(r.advance(t0 + secs(3600)), Some(Cue::Done));
    assert!(r.is_done());

    // A jump stops at an untimed step, which counts from its own start.
    let mut r = runner(vec![timed(10), timed(10), untimed(), timed(10)], 0, t0);
    assert_eq!(r.advance(t0 + secs(3600)), Some(Cue::Segment));
    assert_eq!(r.index(), 2);
    assert_eq!(r.elapsed(t0 + secs(3600)), Some(secs(3580)));
}

// ---------------------------------------------------------------------------------------------
// next_wake
// ---------------------------------------------------------------------------------------------

#[test]
fn next_wake_is_when_the_shown_number_changes() {
    let t0 = Instant::now();
    let r = runner(vec![timed(30)], 0, t0);
    assert_eq!(r.next_wake(t0), Some(t0 + secs(1)));
    assert_eq!(r.next_wake(t0 + ms(300)), Some(t0 + secs(1)));
    assert_eq!(r.next_wake(t0 + secs(1)), Some(t0 + secs(2)));
    assert_eq!(r.next_wake(t0 + ms(28_999)), Some(t0 + secs(29)));
    assert_eq!(r.next_wake(t0 + ms(29_500)), Some(t0 + secs(30)));

    // Sampled across the segment: the wake-up is after now, never after the deadline, and the shown
    // number holds until it and changes at it.
    let deadline = t0 + secs(30);
    let mut offset = Duration::ZERO;
    while offset < secs(30) {
        let now = t0 + offset;
        let wake = r.next_wake(now).expect("running");
        assert!(wake > now && wake <= deadline, "at {offset:?}: {wake:?}");
        let shown = r.shown_seconds(now).expect("timed");
        assert_eq!(r.shown_seconds(wake - Duration::from_nanos(1)), Some(shown));
        assert_eq!(r.shown_seconds(wake), Some(shown - 1));
        offset += Duration::from_micros(137_321);
    }

    // Resumed mid-second, the wake-ups follow the new deadline's seconds.
    let mut r = runner(vec![timed(30)], 0, t0);
    r.toggle_pause(t0 + ms(300));
    let resumed_at = t0 + secs(100);
    r.toggle_pause(resumed_at);
    assert_eq!(r.next_wake(resumed_at), Some(resumed_at + ms(700)));
}

#[test]
fn next_wake_while_counting_up_is_the_next_whole_second() {
    let t0 = Instant::now();
    let mut r = runner(vec![untimed()], 0, t0);
    assert_eq!(r.next_wake(t0), Some(t0 + secs(1)));
    assert_eq!(r.next_wake(t0 + ms(2_300)), Some(t0 + secs(3)));
    assert_eq!(r.next_wake(t0 + secs(3)), Some(t0 + secs(4)));

    // After a pause of 0.4 s at 1.2 s, the seconds tick 0.4 s later.
    r.toggle_pause(t0 + ms(1_200));
    r.toggle_pause(t0 + ms(1_600));
    assert_eq!(r.next_wake(t0 + ms(1_600)), Some(t0 + ms(2_400)));
    assert_eq!(r.shown_seconds(t0 + ms(2_399)), Some(1));
    assert_eq!(r.shown_seconds(t0 + ms(2_400)), Some(2));
}

// ---------------------------------------------------------------------------------------------
// Routine progress
// ---------------------------------------------------------------------------------------------

#[test]
fn routine_progress_rises_monotonically_from_zero_to_one() {
    let t0 = Instant::now();
    let steps = vec![
        step(Some(10), &[Side::Left, Side::Right], 2, Some(5)),
        timed(20),
    ];
    let mut r = runner(steps, 5, t0);
    let total = r.plan().total;
    assert_eq!(total, secs(5 + 2 * 25 + 20));
    assert_close(r.routine_progress(t0), 0.0);
    let mut halfway = r.clone();
    halfway.advance(t0 + total / 2);
    assert_close(halfway.routine_progress(t0 + total / 2), 0.5);

    let mut last = 0.0;
    let mut now = t0;
    while !r.is_done() {
        now += ms(250);
        r.advance(now);
        let p = r.routine_progress(now);
        assert!((0.0..=1.0).contains(&p), "{p}");
        assert!(p >= last, "progress went back from {last} to {p}");
        if !r.is_done() {
            let elapsed = now.duration_since(t0);
            assert_close(p, elapsed.as_secs_f64() / total.as_secs_f64());
        }
        last = p;
    }
    assert_eq!(now, t0 + total);
    assert_close(last, 1.0);
}

// ---------------------------------------------------------------------------------------------
// Property: random routines and actions never break the runner
// ---------------------------------------------------------------------------------------------

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
