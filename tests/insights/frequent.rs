//! The frequent-cramps note: three cramp nights in each of two weeks running, by default, or the
//! content's own threshold.

use std::path::Path;

use cramp_coach::content::Content;
use cramp_coach::insights;
use jiff::civil::date;

use crate::{CONTENT, TONIGHT, back, content, content_with, tracked_journal, with_cramps, wrapped};
use jiff::ToSpan;

#[test]
fn frequent_needs_three_cramp_nights_in_each_of_two_weeks_running() {
    let c = content();
    assert_eq!(
        (c.guidance.frequent_nights, c.guidance.frequent_weeks),
        (3, 2),
        "the default threshold"
    );
    let week6 = [date(2025, 6, 16), date(2025, 6, 18), date(2025, 6, 20)];
    let week7 = [date(2025, 6, 23), date(2025, 6, 25), date(2025, 6, 27)];

    let mut j = tracked_journal();
    with_cramps(&mut j, &week6);
    with_cramps(&mut j, &week7);
    let i = insights::compute(&c, &j, TONIGHT);
    assert_eq!(i.frequent, Some((3, 2)));
    let text = insights::to_text(&c, &i);
    // The note, word-wrapped at 100 columns from the margin.
    let rows = wrapped(&text, &insights::frequent_text(3, 2));
    assert!(rows.len() > 1, "{rows:?}");
    assert!(rows.iter().all(|r| !r.starts_with(' ')), "{rows:?}");
    let joined = rows.join(" ");
    assert!(joined.contains("cramp-coach's own"), "{text}");
    assert!(joined.contains("not a clinical rule"), "{text}");

    // Three and then two: not met.
    let mut j = tracked_journal();
    with_cramps(&mut j, &week6);
    with_cramps(&mut j, &week7[..2]);
    let i = insights::compute(&c, &j, TONIGHT);
    assert_eq!(i.frequent, None);
    assert!(!insights::to_text(&c, &i).contains("frequent"));

    // Three, two, three: not running.
    let mut j = tracked_journal();
    with_cramps(
        &mut j,
        &[date(2025, 6, 9), date(2025, 6, 11), date(2025, 6, 13)],
    );
    with_cramps(&mut j, &week6[..2]);
    with_cramps(&mut j, &week7);
    assert_eq!(insights::compute(&c, &j, TONIGHT).frequent, None);

    // Six episodes on two nights of a week are two cramp nights.
    let mut j = tracked_journal();
    with_cramps(&mut j, &week6);
    with_cramps(&mut j, &[week7[0], week7[0], week7[0], week7[1], week7[1]]);
    assert_eq!(insights::compute(&c, &j, TONIGHT).frequent, None);
}

#[test]
fn frequent_weeks_are_the_seven_night_runs_ending_tonight_not_calendar_weeks() {
    // Same cramps as the "met" case above, seen from Wednesday Jul 2: the weeks are now Jun 26 - Jul 2
    // (one cramp night), Jun 19-25 (three) and Jun 12-18 (two).
    let mut j = tracked_journal();
    with_cramps(
        &mut j,
        &[
            date(2025, 6, 16),
            date(2025, 6, 18),
            date(2025, 6, 20),
            date(2025, 6, 23),
            date(2025, 6, 25),
            date(2025, 6, 27),
        ],
    );
    let i = insights::compute(&content(), &j, date(2025, 7, 2));
    let last3: Vec<u32> = i.weeks[5..].iter().map(|w| w.cramp_nights).collect();
    assert_eq!(last3, [2, 3, 1]);
    assert_eq!(i.frequent, None);
}

#[test]
fn frequent_runs_anywhere_in_the_eight_weeks_count() {
    // Weeks 1 and 2 (May 12-25) had three cramp nights each; none since.
    let mut j = tracked_journal();
    with_cramps(
        &mut j,
        &[
            date(2025, 5, 12),
            date(2025, 5, 14),
            date(2025, 5, 16),
            date(2025, 5, 19),
            date(2025, 5, 21),
            date(2025, 5, 23),
        ],
    );
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!(i.frequent, Some((3, 2)));
}

#[test]
fn frequent_threshold_comes_from_the_content() {
    let custom = content_with("frequent_nights = 2\nfrequent_weeks = 3");
    assert_eq!(
        (
            custom.guidance.frequent_nights,
            custom.guidance.frequent_weeks
        ),
        (2, 3)
    );
    let two_a_week = |weeks: &[i64]| {
        let mut j = tracked_journal();
        for w in weeks {
            // Monday and Wednesday of week `w` (0 = May 5-11).
            let monday = date(2025, 5, 5)
                .checked_add((7 * w).days())
                .unwrap_or_else(|e| panic!("{e}"));
            with_cramps(&mut j, &[monday, back(monday, -2)]);
        }
        j
    };

    let j = two_a_week(&[5, 6, 7]);
    let i = insights::compute(&custom, &j, TONIGHT);
    assert_eq!(i.frequent, Some((2, 3)));
    let text = insights::to_text(&custom, &i);
    let note = wrapped(&text, &insights::frequent_text(2, 3)).join(" ");
    assert!(
        note.contains("on 2 or more nights a week, 3 weeks running"),
        "{text}"
    );
    assert!(note.contains("cramp-coach's own"), "{text}");
    // The default threshold (3 a week) is not met by the same journal.
    assert_eq!(insights::compute(&content(), &j, TONIGHT).frequent, None);

    // Two weeks running is not three.
    let j = two_a_week(&[4, 6, 7]);
    assert_eq!(insights::compute(&custom, &j, TONIGHT).frequent, None);

    // One night a week, one week: a single cramp is enough.
    let eager = content_with("frequent_nights = 1\nfrequent_weeks = 1");
    let mut j = tracked_journal();
    with_cramps(&mut j, &[date(2025, 5, 6)]);
    assert_eq!(
        insights::compute(&eager, &j, TONIGHT).frequent,
        Some((1, 1))
    );
}

#[test]
fn a_threshold_out_of_range_is_a_content_error() {
    for bad in [
        "frequent_nights = 0",
        "frequent_nights = 8",
        "frequent_weeks = 0",
        "frequent_weeks = 9",
    ] {
        let source = format!("[guidance]\n{bad}\n{CONTENT}");
        let e = Content::parse(Path::new("t.toml"), &source)
            .err()
            .unwrap_or_else(|| panic!("{bad} was accepted"));
        let message = e.to_string();
        assert!(message.contains("t.toml:2:"), "{bad}: {message}");
    }
}
