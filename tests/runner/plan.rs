//! `Plan::build`: a lead-in only when asked for, sides outside repeats, rests only between repeats,
//! one segment without a duration for an untimed step.

use std::time::{Duration, Instant};

use cramp_coach::content::Side;
use cramp_coach::runner::{ADD_TIME, Plan, Runner, SegmentKind};

use crate::{assert_close, routine, secs, seg, step, timed, untimed};

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
