//! The countdown: whole seconds rounded up, the next segment exactly at the deadline, a cue for each
//! change, and the routine's progress rising from zero to one.

use std::time::{Duration, Instant};

use cramp_coach::content::Side;
use cramp_coach::runner::{ADD_TIME, Cue, SegmentKind};

use crate::{assert_close, ms, runner, secs, seg, step, timed};

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
