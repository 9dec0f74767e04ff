//! `next`, `previous` and `restart`: rests and the lead-in are skipped, a paused runner stays paused.

use std::time::{Duration, Instant};

use cramp_coach::content::{Side, Step};
use cramp_coach::runner::{ADD_TIME, Cue, SegmentKind};

use crate::{assert_close, runner, secs, step, timed, untimed};

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
