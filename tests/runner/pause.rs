//! Pause and resume: a paused countdown is frozen for any length of time, and paused time is left
//! out exactly.

use std::time::{Duration, Instant};

use cramp_coach::runner::Cue;

use crate::{ms, runner, secs, timed, untimed};

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
