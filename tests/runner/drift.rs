//! No drift: however late the wake-ups, every segment ends at `t0` plus the lengths before it, and
//! `next_wake` is exactly when the shown number changes.

use std::time::{Duration, Instant};

use cramp_coach::content::{Side, Step};
use cramp_coach::runner::{Cue, Plan, Runner};

use crate::{ms, runner, secs, step, timed, untimed};

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
