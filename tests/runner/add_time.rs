//! Adding time to a running or paused countdown, and the segment's progress with it.

use std::time::Instant;

use cramp_coach::runner::{ADD_TIME, Cue};

use crate::{assert_close, runner, secs, timed};

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
