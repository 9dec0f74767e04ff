//! Untimed steps count up and wait for `finish_untimed`.

use std::time::{Duration, Instant};

use cramp_coach::runner::{ADD_TIME, Cue};

use crate::{ms, runner, secs, timed, untimed};

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
