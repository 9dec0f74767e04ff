//! The arithmetic of insights and exports, through the library API on synthetic journals.
//!
//! Journals are built with `Journal::set` (habit ticks) and `Journal::add_episode` (cramps); the content
//! is a small TOML file of our own (`content_with`): a yes/no habit `stretch`, a counted habit `fluids`
//! (target 3) and a habit `weekdays` that applies Monday to Friday only. Tonight is fixed, never read
//! from a clock: `TONIGHT` is Sunday 2025-06-29, so the eight weeks insights show are Monday to Sunday
//! (the window starts on Monday 2025-05-05).
//!
//! The last tests run the built binary (`cramp log add --at ...` with TZ=UTC) to show where an episode
//! logged after midnight lands, then read the journal it wrote back through the library.

use std::path::Path;

use assert_cmd::Command;
use jiff::civil::{Date, Weekday, date};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use tempfile::TempDir;

use cramp_coach::content::{Content, Muscle};
use cramp_coach::export;
use cramp_coach::insights::{self, Comparison, FEW_NIGHTS_CAUTION, Insights, NO_CAUSE};
use cramp_coach::journal::diary::{Episode, LegSide};
use cramp_coach::journal::{Journal, Store};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const TONIGHT: Date = date(2025, 6, 29);

const CONTENT: &str = r#"
[[routine]]
id = "calf"
title = "Calf cramp"
kind = "relief"

[[routine.step]]
title = "Toe pull"
text = "Pull the toes toward you."
seconds = 10

[[habit]]
id = "stretch"
title = "Bedtime stretch"

[[habit]]
id = "fluids"
title = "Fluids | water"
target = 3

[[habit]]
id = "weekdays"
title = "Weekday habit"
days = ["mon", "tue", "wed", "thu", "fri"]
"#;

/// Our content with `guidance` (TOML lines, may be empty) as its `[guidance]` table.
fn content_with(guidance: &str) -> Content {
    let source = format!("[guidance]\n{guidance}\n{CONTENT}");
    Content::parse(Path::new("test-content.toml"), &source)
        .unwrap_or_else(|e| panic!("test content does not parse: {e}"))
}

fn content() -> Content {
    content_with("")
}

/// `n` nights before `d`.
fn back(d: Date, n: i64) -> Date {
    d.checked_sub(n.days())
        .unwrap_or_else(|e| panic!("{d} - {n}: {e}"))
}

/// Nights `from` to `to`, both included.
fn nights(from: Date, to: Date) -> Vec<Date> {
    from.series(1.day()).take_while(|d| *d <= to).collect()
}

fn utc(d: Date, hour: i8, minute: i8) -> Timestamp {
    d.at(hour, minute, 0, 0)
        .to_zoned(TimeZone::UTC)
        .unwrap_or_else(|e| panic!("{d} {hour}:{minute}: {e}"))
        .timestamp()
}

/// A plain cramp on `night`, logged at 23:00 UTC that evening.
fn cramp(night: Date) -> Episode {
    Episode {
        id: 0,
        night,
        at: utc(night, 23, 0),
        offset: Offset::UTC,
        muscle: Some(Muscle::Calf),
        side: Some(LegSide::Left),
        intensity: Some(3),
        seconds: Some(120),
        symptoms: Some(false),
        routine: None,
        steps: Vec::new(),
    }
}

fn with_cramps(journal: &mut Journal, list: &[Date]) {
    for d in list {
        journal.add_episode(cramp(*d));
    }
}

fn comparison<'a>(i: &'a Insights, habit: &str) -> &'a Comparison {
    i.comparisons
        .iter()
        .find(|c| c.habit == habit)
        .unwrap_or_else(|| panic!("no comparison for {habit}: {:?}", i.comparisons))
}

fn adherence(i: &Insights, habit: &str) -> Vec<(u32, u32)> {
    i.adherence
        .iter()
        .find(|a| a.habit == habit)
        .unwrap_or_else(|| panic!("no adherence for {habit}: {:?}", i.adherence))
        .weeks
        .clone()
}

/// The line of `text` that mentions `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
}

/// The line of insights text comparing kept and not kept nights for `habit`.
fn comparison_line<'a>(text: &'a str, habit: &str) -> &'a str {
    text.lines()
        .find(|l| l.trim_start().starts_with(&format!("{habit} ")) && l.contains("cramps on"))
        .unwrap_or_else(|| panic!("no comparison line for {habit} in:\n{text}"))
}

/// A journal tracked from long before the eight-week window (a tick on 2025-01-01 of a habit the
/// content does not have, so it moves no count).
fn tracked_journal() -> Journal {
    let mut j = Journal::default();
    j.set(date(2025, 1, 1), "old-habit", 1);
    j
}

/// RFC 4180 records: fields separated by commas, records by CRLF, a quoted field may hold commas,
/// quotes (doubled) and line breaks. Panics on anything else, so a bare LF or a stray quote fails.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                        None => panic!("unterminated quoted field in {text:?}"),
                    }
                }
                match chars.peek() {
                    Some(',') | Some('\r') | None => {}
                    other => panic!("{other:?} after a closing quote in {text:?}"),
                }
                at_field_start = false;
            }
            '"' => panic!("a quote inside an unquoted field in {text:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF in {text:?}");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("a bare LF (records end in CRLF) in {text:?}"),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record does not end in CRLF: {text:?}"
    );
    records
}

// ---------------------------------------------------------------------------------------------
// Weeks and tracked nights
// ---------------------------------------------------------------------------------------------

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
        line_with(&text, "Jun 16 – Jun 22").contains("(3 of 7 nights tracked)"),
        "{text}"
    );
    assert!(
        line_with(&text, "May 05 – May 11").contains("(0 of 7 nights tracked)"),
        "{text}"
    );
    assert!(
        !line_with(&text, "Jun 23 – Jun 29").contains("tracked"),
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

// ---------------------------------------------------------------------------------------------
// The cramp-free run
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Habits kept per week
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Kept against not kept
// ---------------------------------------------------------------------------------------------

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
    let stretch = comparison_line(&text, "stretch");
    assert!(
        stretch.contains("cramps on 2 of 14 nights kept vs 6 of 12 nights not kept"),
        "{stretch:?}"
    );
    assert!(
        !stretch.contains(FEW_NIGHTS_CAUTION),
        "14 and 12 need no caution: {stretch:?}"
    );
    let fluids = line_with(&text, "cramps on 1 of 6 nights kept");
    assert!(fluids.contains(FEW_NIGHTS_CAUTION), "{fluids:?}");
    assert!(
        line_with(&text, "cramps on 0 of 0 nights kept").contains(FEW_NIGHTS_CAUTION),
        "{text}"
    );
    assert!(text.contains(NO_CAUSE), "{text}");
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
    let line = comparison_line(&insights::to_text(&c, &i), "stretch").to_string();
    assert!(!line.contains(FEW_NIGHTS_CAUTION), "{line:?}");

    // One night fewer on the kept side earns it.
    j.set(date(2025, 6, 21), "stretch", 0);
    let i = insights::compute(&c, &j, TONIGHT);
    let s = comparison(&i, "stretch");
    assert_eq!((s.kept_nights, s.missed_nights), (6, 8));
    let line = comparison_line(&insights::to_text(&c, &i), "stretch").to_string();
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
            j.add_episode(cramp(d));
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

// ---------------------------------------------------------------------------------------------
// The frequent-cramps note
// ---------------------------------------------------------------------------------------------

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
    assert!(text.contains(&insights::frequent_text(3, 2)), "{text}");
    assert!(text.contains("cramp-coach's own"), "{text}");
    assert!(text.contains("not a clinical rule"), "{text}");

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
    assert!(text.contains(&insights::frequent_text(2, 3)), "{text}");
    assert!(
        text.contains("on 2 or more nights a week, 3 weeks running"),
        "{text}"
    );
    assert!(text.contains("cramp-coach's own"), "{text}");
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

// ---------------------------------------------------------------------------------------------
// Red flags
// ---------------------------------------------------------------------------------------------

#[test]
fn red_flags_are_symptoms_or_longer_than_ten_minutes() {
    let with = |seconds: Option<u32>, symptoms: Option<bool>| Episode {
        seconds,
        symptoms,
        ..cramp(TONIGHT)
    };
    assert!(with(Some(600), Some(false)).red_flags().is_empty());
    assert_eq!(with(Some(601), Some(false)).red_flags().len(), 1);
    assert_eq!(with(Some(60), Some(true)).red_flags().len(), 1);
    assert_eq!(with(Some(900), Some(true)).red_flags().len(), 2);
    assert!(with(None, None).red_flags().is_empty());
}

#[test]
fn insights_count_episodes_with_a_red_flag_in_the_window() {
    let mut j = tracked_journal();
    let flagged = |d: Date, seconds: u32, symptoms: bool| Episode {
        seconds: Some(seconds),
        symptoms: Some(symptoms),
        ..cramp(d)
    };
    j.add_episode(flagged(date(2025, 6, 2), 60, true)); // symptoms
    j.add_episode(flagged(date(2025, 6, 9), 601, false)); // just over 10 minutes
    j.add_episode(flagged(date(2025, 6, 16), 900, true)); // both: one episode
    j.add_episode(flagged(date(2025, 6, 23), 600, false)); // exactly 10 minutes: none
    j.add_episode(flagged(date(2025, 6, 24), 60, false));
    j.add_episode(flagged(date(2025, 5, 4), 60, true)); // before the window
    let c = content();
    let i = insights::compute(&c, &j, TONIGHT);
    assert_eq!((i.red_flag_episodes, i.episodes), (3, 5));
    let text = insights::to_text(&c, &i);
    assert!(
        text.contains("3 of 5 cramps logged in these weeks reported a warning sign"),
        "{text}"
    );
    assert!(!text.contains('%'), "{text}");

    // None flagged: no line.
    let mut j = tracked_journal();
    j.add_episode(flagged(date(2025, 6, 24), 600, false));
    let i = insights::compute(&c, &j, TONIGHT);
    assert_eq!(i.red_flag_episodes, 0);
    assert!(!insights::to_text(&c, &i).contains("warning sign"));
}

// ---------------------------------------------------------------------------------------------
// Export: CSV
// ---------------------------------------------------------------------------------------------

/// Ticks and cramps around the week of Jun 23-29.
fn export_journal() -> Journal {
    let mut j = Journal::default();
    j.set(date(2025, 6, 20), "stretch", 1);
    j.set(date(2025, 6, 23), "stretch", 1);
    j.set(date(2025, 6, 23), "fluids", 3);
    j.set(date(2025, 6, 24), "fluids", 2);
    j.set(date(2025, 6, 25), "weekdays", 1);
    j.set(date(2025, 6, 28), "weekdays", 1); // Saturday: kept on a night it does not apply
    // Logged out of time order: exports sort by when it began.
    j.add_episode(Episode {
        at: utc(date(2025, 6, 27), 2, 15),
        seconds: None,
        symptoms: None,
        muscle: Some(Muscle::Thigh),
        side: Some(LegSide::Both),
        intensity: Some(5),
        ..cramp(date(2025, 6, 26))
    });
    j.add_episode(Episode {
        at: utc(date(2025, 6, 25), 0, 30),
        seconds: Some(90),
        symptoms: Some(true),
        ..cramp(date(2025, 6, 24))
    });
    j.add_episode(Episode {
        at: utc(date(2025, 6, 25), 4, 30),
        seconds: Some(660),
        muscle: Some(Muscle::Foot),
        side: Some(LegSide::Right),
        intensity: Some(1),
        ..cramp(date(2025, 6, 25))
    });
    // Before --since.
    j.add_episode(cramp(date(2025, 6, 21)));
    j
}

const HEADER: [&str; 13] = [
    "record",
    "night",
    "began",
    "muscle",
    "side",
    "intensity",
    "minutes",
    "symptoms",
    "routine",
    "steps",
    "habit:stretch",
    "habit:fluids",
    "habit:weekdays",
];

#[test]
fn csv_is_rfc_4180_with_a_header_episodes_and_one_row_a_night() {
    let c = content();
    let text = export::csv(&c, &export_journal(), Some(date(2025, 6, 23)), TONIGHT);
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "every line ends in CRLF"
    );
    let rows = parse_csv(&text);
    assert_eq!(rows[0], HEADER, "the header comes first");
    for r in &rows {
        assert_eq!(r.len(), HEADER.len(), "{r:?}");
    }

    let episodes: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "episode").collect();
    let expected: [[&str; 10]; 3] = [
        [
            "episode",
            "2025-06-24",
            "2025-06-25 00:30",
            "calf",
            "left",
            "3",
            "1.5",
            "yes",
            "",
            "",
        ],
        [
            "episode",
            "2025-06-25",
            "2025-06-25 04:30",
            "foot",
            "right",
            "1",
            "11.0",
            "no",
            "",
            "",
        ],
        [
            "episode",
            "2025-06-26",
            "2025-06-27 02:15",
            "thigh",
            "both",
            "5",
            "",
            "",
            "",
            "",
        ],
    ];
    assert_eq!(episodes.len(), 3, "the cramp of Jun 21 is before --since");
    for (row, want) in episodes.iter().zip(expected) {
        assert_eq!(&row[..10], want);
        assert_eq!(&row[10..], ["", "", ""], "habit cells are for night rows");
    }

    let night_rows: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "night").collect();
    assert_eq!(rows.len(), 1 + 3 + 7, "header, episodes, nights");
    let dates: Vec<String> = night_rows.iter().map(|r| r[1].clone()).collect();
    let want: Vec<String> = nights(date(2025, 6, 23), TONIGHT)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(dates, want, "one row a night, from --since to tonight");
    for r in &night_rows {
        assert!(r[2..10].iter().all(String::is_empty), "{r:?}");
    }
    let habits: Vec<[&str; 3]> = night_rows
        .iter()
        .map(|r| [r[10].as_str(), r[11].as_str(), r[12].as_str()])
        .collect();
    assert_eq!(
        habits,
        [
            ["1", "1", "0"], // Mon 23: stretch, fluids 3 of 3
            ["0", "0", "0"], // Tue 24: fluids 2 of 3 is not kept
            ["0", "0", "1"], // Wed 25
            ["0", "0", "0"],
            ["0", "0", "0"],
            ["0", "0", "1"], // Sat 28: kept although it does not apply
            ["0", "0", ""],  // Sun 29: does not apply
        ]
    );
}

#[test]
fn csv_without_since_starts_at_the_first_journal_night() {
    let text = export::csv(&content(), &export_journal(), None, TONIGHT);
    let rows = parse_csv(&text);
    let first_night = rows
        .iter()
        .find(|r| r[0] == "night")
        .map(|r| r[1].clone())
        .unwrap_or_default();
    assert_eq!(first_night, "2025-06-20");
    assert_eq!(rows.iter().filter(|r| r[0] == "night").count(), 10);
    assert_eq!(rows.iter().filter(|r| r[0] == "episode").count(), 4);
}

#[test]
fn csv_quotes_a_field_with_a_comma_or_a_quote() {
    // Through the journal file and the command line no free text reaches the CSV: habit and routine
    // ids are [a-z0-9-], the other cells are dates, numbers and fixed words. The library takes any
    // Episode, so a routine name with a comma and a quote shows the quoting itself.
    let mut j = Journal::default();
    j.add_episode(Episode {
        routine: Some("calf, \"toe pull\"".to_string()),
        steps: vec![1, 2, 10],
        ..cramp(date(2025, 6, 24))
    });
    let text = export::csv(&content(), &j, None, TONIGHT);
    assert!(
        text.contains(",\"calf, \"\"toe pull\"\"\",1 2 10,"),
        "quoted with doubled quotes: {text:?}"
    );
    let rows = parse_csv(&text);
    let episode = rows
        .iter()
        .find(|r| r[0] == "episode")
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(episode[8], "calf, \"toe pull\"");
    assert_eq!(episode[9], "1 2 10");
    for r in &rows {
        assert_eq!(r.len(), HEADER.len());
    }
}

// ---------------------------------------------------------------------------------------------
// Export: Markdown
// ---------------------------------------------------------------------------------------------

#[test]
fn markdown_summary_has_period_counts_episodes_habits_and_red_flags() {
    let c = content();
    let md = export::markdown(&c, &export_journal(), Some(date(2025, 6, 23)), TONIGHT);
    for line in [
        "# Night leg cramps: summary",
        "- Period: nights of 2025-06-23 to 2025-06-29 (7 nights)",
        "- Cramp nights: 3 of 7",
        "- Episodes logged: 3",
        "- Episodes reporting a warning sign: 2",
        "## Episodes",
        "| 2025-06-25 00:30 | calf | left | 3 | 1.5 | yes |",
        "| 2025-06-25 04:30 | foot | right | 1 | 11.0 | no |",
        "| 2025-06-27 02:15 | thigh | both | 5 | – | – |",
        "## Habits kept per week",
        "| habit | Jun 29 |",
        "| Bedtime stretch | 1/7 |",
        "| Fluids / water | 1/7 |",
        "| Weekday habit | 2/6 |",
        "## Warning signs reported",
        "- 2025-06-25 00:30: weakness, numbness, swelling or skin change",
        "- 2025-06-25 04:30: a cramp longer than 10 minutes",
    ] {
        assert!(md.lines().any(|l| l == line), "no line {line:?} in:\n{md}");
    }
    // Episodes in the order they began, whatever order they were logged in.
    let p = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(p("| 2025-06-25 00:30") < p("| 2025-06-25 04:30"));
    assert!(p("| 2025-06-25 04:30") < p("| 2025-06-27 02:15"));
    assert!(!md.contains("2025-06-21"), "before --since: {md}");
    assert!(md.contains(&c.guidance.disclaimer));
    assert!(!md.contains('%'));
}

#[test]
fn markdown_weeks_end_on_tonight_and_the_first_is_cut_at_the_period_start() {
    // --since before the journal's first night (Jun 20): the period starts at Jun 20, since nights
    // before anything was recorded were not tracked.
    let c = content();
    let md = export::markdown(&c, &export_journal(), Some(date(2025, 6, 10)), TONIGHT);
    assert!(
        md.lines().any(|l| l == "| habit | Jun 22 | Jun 29 |"),
        "{md}"
    );
    // Jun 20-22 is three nights; Jun 20 (Fri) is a stretch night.
    assert!(
        md.lines().any(|l| l == "| Bedtime stretch | 1/3 | 1/7 |"),
        "{md}"
    );
    assert!(
        md.lines().any(|l| l == "| Weekday habit | 0/1 | 2/6 |"),
        "{md}"
    );
    assert!(
        md.contains("- Period: nights of 2025-06-20 to 2025-06-29 (10 nights)"),
        "{md}"
    );
    assert!(md.contains("- Cramp nights: 4 of 10"), "{md}");
}

#[test]
fn markdown_with_nothing_logged_says_so() {
    let md = export::markdown(&content(), &Journal::default(), None, TONIGHT);
    assert!(
        md.contains("- Period: nights of 2025-06-29 to 2025-06-29"),
        "{md}"
    );
    assert!(md.contains("- Cramp nights: 0 of 1"), "{md}");
    assert!(md.contains("## Episodes\n\nNone logged."), "{md}");
    assert!(md.contains("## Warning signs reported\n\nNone."), "{md}");
}

#[test]
fn export_period_runs_from_since_or_the_first_night_to_tonight() {
    let j = export_journal();
    assert_eq!(
        export::period(&j, None, TONIGHT),
        (date(2025, 6, 20), TONIGHT)
    );
    assert_eq!(
        export::period(&j, Some(date(2025, 6, 1)), TONIGHT),
        (date(2025, 6, 20), TONIGHT),
        "never before the first night recorded"
    );
    assert_eq!(
        export::period(&j, Some(date(2025, 6, 24)), TONIGHT),
        (date(2025, 6, 24), TONIGHT)
    );
    assert_eq!(
        export::period(&Journal::default(), None, TONIGHT),
        (TONIGHT, TONIGHT)
    );
}

// ---------------------------------------------------------------------------------------------
// The night boundary, through the command line
// ---------------------------------------------------------------------------------------------

fn tempdir() -> TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a tempdir: {e}"))
}

/// `cramp --data-dir HOME/data ...` in a clean UTC environment.
fn cramp_cli(home: &TempDir) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("cramp"));
    cmd.current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("xdg-data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("TZ", "UTC")
        .env_remove("CRAMP_CONTENT")
        .env_remove("CRAMP_CONFIG")
        .env_remove("CRAMP_DATA_DIR")
        .env_remove("NO_COLOR")
        .arg("--data-dir")
        .arg(home.path().join("data"));
    cmd
}

fn log_at(home: &TempDir, at: &str, extra: &[&str]) {
    cramp_cli(home)
        .args([
            "log",
            "add",
            "--muscle",
            "calf",
            "--side",
            "left",
            "--intensity",
            "3",
            "--at",
            at,
        ])
        .args(extra)
        .assert()
        .success();
}

fn load(home: &TempDir) -> Journal {
    Store::new(home.path().join("data"))
        .load()
        .unwrap_or_else(|e| panic!("the journal the CLI wrote does not load: {e}"))
}

#[test]
fn cli_episodes_after_midnight_belong_to_the_night_before_until_four() {
    let home = tempdir();
    log_at(&home, "2025-06-24 00:30", &[]);
    log_at(&home, "2025-06-24 03:59", &[]);
    log_at(&home, "2025-06-24 04:00", &[]);
    log_at(&home, "2025-06-24 04:30", &[]);
    log_at(&home, "2025-06-24 23:30", &[]);
    let j = load(&home);
    let got: Vec<(u32, Date, Timestamp)> =
        j.episodes().iter().map(|e| (e.id, e.night, e.at)).collect();
    assert_eq!(
        got,
        [
            (1, date(2025, 6, 23), utc(date(2025, 6, 24), 0, 30)),
            (2, date(2025, 6, 23), utc(date(2025, 6, 24), 3, 59)),
            (3, date(2025, 6, 24), utc(date(2025, 6, 24), 4, 0)),
            (4, date(2025, 6, 24), utc(date(2025, 6, 24), 4, 30)),
            (5, date(2025, 6, 24), utc(date(2025, 6, 24), 23, 30)),
        ]
    );
    assert!(j.episodes().iter().all(|e| e.offset == Offset::UTC));

    // Insights see two cramp nights, not five episodes on two calendar days.
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!(i.weeks[7].cramp_nights, 2);
    assert_eq!(i.episodes, 5);
    // The night of Jun 23 began the week: tracked from Monday.
    assert_eq!(i.weeks[7].tracked, 7);
    assert_eq!(i.weeks[6].tracked, 0);
}

#[test]
fn cli_night_boundary_follows_day_starts_at_from_the_config() {
    let home = tempdir();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "day_starts_at = \"00:00\"\n")
        .unwrap_or_else(|e| panic!("write config: {e}"));
    let config = config.to_string_lossy().into_owned();
    log_at(&home, "2025-06-24 00:30", &["--config", &config]);
    log_at(&home, "2025-06-23 23:59", &["--config", &config]);
    let nights: Vec<Date> = load(&home).episodes().iter().map(|e| e.night).collect();
    assert_eq!(nights, [date(2025, 6, 24), date(2025, 6, 23)]);
}

#[test]
fn cli_episodes_feed_insights_and_red_flag_counts() {
    let home = tempdir();
    log_at(&home, "2025-06-24 00:30", &["--symptoms"]);
    log_at(&home, "2025-06-25 02:00", &["--minutes", "11"]);
    log_at(&home, "2025-06-26 02:00", &["--minutes", "10"]);
    let j = load(&home);
    let seconds: Vec<Option<u32>> = j.episodes().iter().map(|e| e.seconds).collect();
    assert_eq!(seconds, [None, Some(660), Some(600)]);
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!((i.red_flag_episodes, i.episodes), (2, 3));
    let md = export::markdown(&content(), &j, None, TONIGHT);
    assert!(
        md.contains("- Episodes reporting a warning sign: 2"),
        "{md}"
    );
    assert!(md.contains("- Period: nights of 2025-06-23 to 2025-06-29 (7 nights)"));
}
