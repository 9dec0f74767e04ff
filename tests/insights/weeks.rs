//! The eight weeks insights show: seven nights each ending tonight, counted only from the first
//! night of the journal; the cramp-free run; habits kept per week.

use cramp_coach::insights;
use cramp_coach::journal::Journal;
use jiff::civil::{Weekday, date};

use crate::{
    TONIGHT, adherence, back, comparison, content, line_with, nights, tracked_journal, with_cramps,
};

#[test]
fn the_fixed_tonight_is_a_sunday() {
    assert_eq!(TONIGHT.weekday(), Weekday::Sunday);
    assert_eq!(back(TONIGHT, 55).weekday(), Weekday::Monday);
}

#[test]
fn eight_weeks_of_seven_nights_end_tonight_and_count_cramp_nights_not_episodes() {
    let mut j = tracked_journal();
    // Week 7 (Jun 23-29): three episodes on one night, one on another, one tonight.
    with_cramps(
        &mut j,
        &[
            date(2025, 6, 24),
            date(2025, 6, 24),
            date(2025, 6, 24),
            date(2025, 6, 26),
            TONIGHT,
        ],
    );
    // Week 0 (May 5-11): its first and last night.
    with_cramps(&mut j, &[date(2025, 5, 5), date(2025, 5, 11)]);
    // The night before the window: in no week.
    with_cramps(&mut j, &[date(2025, 5, 4)]);
    let i = insights::compute(&content(), &j, TONIGHT);

    assert_eq!(i.tonight, TONIGHT);
    assert_eq!(i.weeks.len(), insights::WEEKS);
    assert_eq!(insights::WEEKS, 8);
    for (k, w) in i.weeks.iter().enumerate() {
        let last = back(TONIGHT, 7 * (7 - k as i64));
        assert_eq!(w.last, last, "week {k}");
        assert_eq!(w.first, back(last, 6), "week {k}");
        assert_eq!(w.tracked, 7, "week {k}: all tracked");
    }
    let counts: Vec<u32> = i.weeks.iter().map(|w| w.cramp_nights).collect();
    assert_eq!(counts, [2, 0, 0, 0, 0, 0, 0, 3]);
    // Episodes in the window: 5 in the last week, 2 in the first; the one before is out.
    assert_eq!(i.episodes, 7);
}

#[test]
fn nights_before_the_first_journal_night_are_not_tracked() {
    // The journal begins with one tick nine nights before tonight: Friday Jun 20.
    let first = back(TONIGHT, 9);
    assert_eq!(first, date(2025, 6, 20));
    let mut j = Journal::default();
    j.set(first, "stretch", 1);
    let c = content();
    let i = insights::compute(&c, &j, TONIGHT);

    let tracked: Vec<u32> = i.weeks.iter().map(|w| w.tracked).collect();
    assert_eq!(tracked, [0, 0, 0, 0, 0, 0, 3, 7]);
    // Adherence counts only tracked nights: Jun 20-22 in week 6, of which the weekday habit
    // applies on Friday only.
    assert_eq!(adherence(&i, "stretch")[6], (1, 3));
    assert_eq!(adherence(&i, "stretch")[5], (0, 0));
    assert_eq!(adherence(&i, "weekdays")[6], (0, 1));
    assert_eq!(adherence(&i, "weekdays")[7], (0, 5));
    // Comparisons likewise: Jun 20 to Jun 28 are the finished tracked nights.
    let s = comparison(&i, "stretch");
    assert_eq!((s.kept_nights, s.missed_nights), (1, 8));
    // The cramp-free run stops at the first night too.
    assert_eq!(i.cramp_free, 10);

    let text = insights::to_text(&c, &i);
    assert!(
        line_with(&text, "Mon 16 Jun – Sun 22 Jun").contains("(3 of 7 nights tracked)"),
        "{text}"
    );
    assert!(
        line_with(&text, "Mon 5 May  – Sun 11 May").contains("(0 of 7 nights tracked)"),
        "{text}"
    );
    assert!(
        !line_with(&text, "Mon 23 Jun – Sun 29 Jun").contains("tracked"),
        "a full week says nothing: {text}"
    );
}

#[test]
fn a_journal_of_cramps_only_is_tracked_from_its_first_cramp() {
    let mut j = Journal::default();
    with_cramps(&mut j, &[date(2025, 6, 25)]);
    let i = insights::compute(&content(), &j, TONIGHT);
    let tracked: Vec<u32> = i.weeks.iter().map(|w| w.tracked).collect();
    assert_eq!(tracked, [0, 0, 0, 0, 0, 0, 0, 5]);
    assert_eq!(i.weeks[7].cramp_nights, 1);
}

#[test]
fn cramp_free_counts_back_from_tonight_to_the_last_cramp_night() {
    let mut j = tracked_journal();
    with_cramps(&mut j, &[back(TONIGHT, 5), back(TONIGHT, 2)]);
    let i = insights::compute(&content(), &j, TONIGHT);
    // Tonight and last night: no cramp logged.
    assert_eq!(i.cramp_free, 2);
    assert!(
        insights::to_text(&content(), &i).contains("Cramp-free: 2 nights in a row"),
        "{}",
        insights::to_text(&content(), &i)
    );

    with_cramps(&mut j, &[TONIGHT]);
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!(i.cramp_free, 0, "a cramp tonight ends the run");

    let mut j = tracked_journal();
    with_cramps(&mut j, &[back(TONIGHT, 1)]);
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!(i.cramp_free, 1);
    assert!(insights::to_text(&content(), &i).contains("Cramp-free: 1 night in a row"));
}

#[test]
fn cramp_free_is_not_bounded_by_the_eight_weeks_but_by_the_journal() {
    let mut j = Journal::default();
    j.set(back(TONIGHT, 99), "stretch", 1);
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!(i.cramp_free, 100);
}

#[test]
fn adherence_counts_kept_over_nights_the_habit_applied() {
    let mut j = tracked_journal();
    // Week 7: Mon Jun 23 to Sun Jun 29 (tonight).
    for d in [date(2025, 6, 23), date(2025, 6, 24), date(2025, 6, 25)] {
        j.set(d, "stretch", 1);
    }
    j.set(TONIGHT, "stretch", 1); // tonight counts in the weekly table
    // Counted habit, target 3: 3 and 5 are kept; 2 and 1 are partial, which is not kept.
    j.set(date(2025, 6, 23), "fluids", 3);
    j.set(date(2025, 6, 24), "fluids", 2);
    j.set(date(2025, 6, 25), "fluids", 5);
    j.set(date(2025, 6, 26), "fluids", 1);
    // Monday to Friday habit: kept Monday, and kept on Saturday when it did not apply.
    j.set(date(2025, 6, 23), "weekdays", 1);
    j.set(date(2025, 6, 28), "weekdays", 1);
    // Week 6 (Jun 16-22): the weekday habit kept on its five nights.
    for d in nights(date(2025, 6, 16), date(2025, 6, 20)) {
        j.set(d, "weekdays", 1);
    }
    let c = content();
    let i = insights::compute(&c, &j, TONIGHT);

    assert_eq!(adherence(&i, "stretch"), {
        let mut v = vec![(0, 7); 7];
        v.push((4, 7));
        v
    });
    assert_eq!(adherence(&i, "fluids")[7], (2, 7));
    assert_eq!(adherence(&i, "fluids")[6], (0, 7));
    // Off nights are not due; a tick on an off night is kept (and so due).
    assert_eq!(adherence(&i, "weekdays")[7], (2, 6));
    assert_eq!(adherence(&i, "weekdays")[6], (5, 5));
    assert_eq!(adherence(&i, "weekdays")[0], (0, 5));

    let text = insights::to_text(&c, &i);
    let row = line_with(&text, "  fluids ");
    assert!(row.trim_end().ends_with("0/7  2/7"), "{row:?}");
    let row = line_with(&text, "  weekdays ");
    assert!(row.trim_end().ends_with("5/5  2/6"), "{row:?}");
}
