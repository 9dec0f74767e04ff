//! Kept against not kept: raw counts of cramp nights on finished, tracked nights in the window,
//! with a caution under seven nights on either side and never a claim of cause.

use cramp_coach::insights::{self, Comparison, FEW_NIGHTS_CAUTION, NO_CAUSE};
use cramp_coach::journal::Journal;
use jiff::civil::date;

use crate::{
    TEXT_WIDTH, TONIGHT, adherence, back, comparison, comparison_entry, content, cramp, nights,
    with_cramps, wrapped,
};

/// Tracked from Jun 3 (26 finished nights to Jun 28). `stretch` kept Jun 3-16 (14 nights), not kept
/// Jun 17-28 (12); cramps on Jun 5 and 10 (kept side) and on six nights of the other side. `fluids`
/// kept (3 of 3) on Jun 3-8 only. `weekdays` never kept.
fn comparison_journal() -> Journal {
    let mut j = Journal::default();
    for d in nights(date(2025, 6, 3), date(2025, 6, 16)) {
        j.set(d, "stretch", 1);
    }
    for d in nights(date(2025, 6, 3), date(2025, 6, 8)) {
        j.set(d, "fluids", 3);
    }
    j.set(date(2025, 6, 9), "fluids", 2);
    with_cramps(
        &mut j,
        &[
            date(2025, 6, 5),
            date(2025, 6, 10),
            date(2025, 6, 18),
            date(2025, 6, 20),
            date(2025, 6, 22),
            date(2025, 6, 24),
            date(2025, 6, 26),
            date(2025, 6, 28),
        ],
    );
    j
}

#[test]
fn kept_against_not_kept_are_raw_counts_of_finished_tracked_nights() {
    let c = content();
    let i = insights::compute(&c, &comparison_journal(), TONIGHT);

    let s = comparison(&i, "stretch");
    assert_eq!(
        (
            s.kept_cramp_nights,
            s.kept_nights,
            s.missed_cramp_nights,
            s.missed_nights
        ),
        (2, 14, 6, 12)
    );
    assert!(!s.too_few());
    assert_eq!(
        insights::comparison_text(s),
        "cramps on 2 of 14 nights kept vs 6 of 12 nights not kept"
    );

    // A partial count (2 of 3) is not kept.
    let f = comparison(&i, "fluids");
    assert_eq!(
        (
            f.kept_cramp_nights,
            f.kept_nights,
            f.missed_cramp_nights,
            f.missed_nights
        ),
        (1, 6, 7, 20)
    );
    assert!(f.too_few(), "6 kept nights is fewer than 7");

    // Weekend nights do not apply to the weekday habit: 19 weekday nights from Jun 3 to Jun 28, and
    // the cramps of Sunday Jun 22 and Saturday Jun 28 are on neither side.
    let w = comparison(&i, "weekdays");
    assert_eq!(
        (
            w.kept_cramp_nights,
            w.kept_nights,
            w.missed_cramp_nights,
            w.missed_nights
        ),
        (0, 0, 6, 19)
    );
    assert!(w.too_few());

    let text = insights::to_text(&c, &i);
    let stretch = comparison_entry(&text, "stretch");
    assert!(
        stretch.contains("cramps on 2 of 14 nights kept vs 6 of 12 nights not kept"),
        "{stretch:?}"
    );
    assert!(
        !stretch.contains(FEW_NIGHTS_CAUTION),
        "14 and 12 need no caution: {stretch:?}"
    );
    // A caution would pass 100 columns on these lines: it goes under the comparison.
    let fluids = comparison_entry(&text, "fluids");
    assert!(
        fluids.contains("cramps on 1 of 6 nights kept vs 7 of 20 nights not kept"),
        "{fluids:?}"
    );
    assert!(fluids.contains(FEW_NIGHTS_CAUTION), "{fluids:?}");
    let weekdays = comparison_entry(&text, "weekdays");
    assert!(
        weekdays.contains("cramps on 0 of 0 nights kept"),
        "{weekdays:?}"
    );
    assert!(weekdays.contains(FEW_NIGHTS_CAUTION), "{weekdays:?}");
    // The claim-of-cause sentence, word-wrapped at 100 columns under the comparisons' indent.
    let rows = wrapped(&text, NO_CAUSE);
    assert!(
        rows.iter()
            .all(|r| r.starts_with("  ") && !r.starts_with("   ")),
        "{rows:?}"
    );
    assert!(
        text.lines().all(|l| l.chars().count() <= TEXT_WIDTH),
        "{text}"
    );
    assert!(!text.contains('%'), "no percentages: {text}");
}

#[test]
fn the_caution_is_for_fewer_than_seven_nights_on_either_side() {
    let c = |kept, missed| Comparison {
        habit: "stretch".to_string(),
        kept_nights: kept,
        kept_cramp_nights: 0,
        missed_nights: missed,
        missed_cramp_nights: 0,
    };
    assert!(!c(7, 7).too_few());
    assert!(c(6, 7).too_few());
    assert!(c(7, 6).too_few());
    assert!(c(0, 40).too_few());
    assert_eq!(insights::FEW_NIGHTS, 7);
}

#[test]
fn a_comparison_with_exactly_seven_nights_a_side_has_no_caution() {
    // Tracked from Jun 15: 14 finished nights to Jun 28, stretch kept on the first seven.
    let mut j = Journal::default();
    for d in nights(date(2025, 6, 15), date(2025, 6, 21)) {
        j.set(d, "stretch", 1);
    }
    let c = content();
    let i = insights::compute(&c, &j, TONIGHT);
    let s = comparison(&i, "stretch");
    assert_eq!((s.kept_nights, s.missed_nights), (7, 7));
    let line = comparison_entry(&insights::to_text(&c, &i), "stretch");
    assert!(!line.contains(FEW_NIGHTS_CAUTION), "{line:?}");

    // One night fewer on the kept side earns it.
    j.set(date(2025, 6, 21), "stretch", 0);
    let i = insights::compute(&c, &j, TONIGHT);
    let s = comparison(&i, "stretch");
    assert_eq!((s.kept_nights, s.missed_nights), (6, 8));
    let line = comparison_entry(&insights::to_text(&c, &i), "stretch");
    assert!(line.contains(FEW_NIGHTS_CAUTION), "{line:?}");
}

#[test]
fn tonight_is_left_out_of_comparisons_but_not_out_of_the_weeks() {
    let c = content();
    let before = insights::compute(&c, &comparison_journal(), TONIGHT);
    let mut j = comparison_journal();
    j.set(TONIGHT, "stretch", 1);
    j.set(TONIGHT, "fluids", 3);
    with_cramps(&mut j, &[TONIGHT]);
    let after = insights::compute(&c, &j, TONIGHT);

    assert_eq!(after.comparisons, before.comparisons);
    assert_eq!(
        after.weeks[7].cramp_nights,
        before.weeks[7].cramp_nights + 1
    );
    assert_eq!(after.cramp_free, 0);
    assert_eq!(adherence(&after, "stretch")[7].0, 1);
}

#[test]
fn comparisons_cover_only_the_eight_week_window() {
    let mut j = Journal::default();
    // Kept every night since January, with a cramp every other night.
    for (n, d) in nights(date(2025, 1, 1), TONIGHT).into_iter().enumerate() {
        j.set(d, "stretch", 1);
        if n % 2 == 0 {
            j.add_episode(cramp(d), 19001);
        }
    }
    let i = insights::compute(&content(), &j, TONIGHT);
    let s = comparison(&i, "stretch");
    // May 5 to Jun 28: 55 finished nights.
    assert_eq!(s.kept_nights + s.missed_nights, 55);
    assert_eq!(s.missed_nights, 0);
    let expected = nights(back(TONIGHT, 55), back(TONIGHT, 1))
        .into_iter()
        .filter(|d| (*d - date(2025, 1, 1)).get_days() % 2 == 0)
        .count() as u32;
    assert_eq!(s.kept_cramp_nights, expected);
}

#[test]
fn an_empty_journal_has_nothing_to_compare() {
    let c = content();
    let i = insights::compute(&c, &Journal::default(), TONIGHT);
    for cmp in &i.comparisons {
        assert_eq!(
            (cmp.kept_nights, cmp.missed_nights),
            (0, 0),
            "tonight is the only tracked night and it is still open"
        );
    }
    assert_eq!(i.frequent, None);
    assert_eq!((i.episodes, i.red_flag_episodes), (0, 0));
    let text = insights::to_text(&c, &i);
    assert!(!text.contains('%'));
}
