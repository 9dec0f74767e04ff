//! Exports: the CSV (RFC 4180, a header, episodes, one row a night, a column a habit holding 1/0 or
//! a count) over the period from `--since` or the first night to tonight, and the Markdown summary
//! (the last 12 weeks by default, cramp nights per week, the frequent-cramps note, the date the
//! guidance was reviewed).

use std::path::Path;

use cramp_coach::content::{Content, Muscle};
use cramp_coach::journal::Journal;
use cramp_coach::journal::diary::{Episode, LegSide};
use cramp_coach::{export, insights};
use jiff::civil::date;

use crate::support::csv::{COLUMNS, parse_csv};
use crate::{CONTENT, TONIGHT, content, content_with, cramp, nights, utc, with_cramps};

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
    j.add_episode(
        Episode {
            at: utc(date(2025, 6, 27), 2, 15),
            seconds: None,
            symptoms: None,
            muscle: Some(Muscle::Thigh),
            side: Some(LegSide::Both),
            intensity: Some(5),
            ..cramp(date(2025, 6, 26))
        },
        2601,
    );
    j.add_episode(
        Episode {
            at: utc(date(2025, 6, 25), 0, 30),
            seconds: Some(90),
            symptoms: Some(true),
            ..cramp(date(2025, 6, 24))
        },
        3502,
    );
    j.add_episode(
        Episode {
            at: utc(date(2025, 6, 25), 4, 30),
            seconds: Some(660),
            muscle: Some(Muscle::Foot),
            side: Some(LegSide::Right),
            intensity: Some(1),
            ..cramp(date(2025, 6, 25))
        },
        4103,
    );
    // Before --since.
    j.add_episode(cramp(date(2025, 6, 21)), 5004);
    j
}

/// The CSV's header: the fixed columns, then one a habit of our content, saying what it holds: 1 or
/// 0 (`kept`), or the night's count for the counted habit (`count`); then the night's skip (whether,
/// and why) and its note.
fn header() -> Vec<&'static str> {
    [
        &COLUMNS[..],
        &[
            "habit:stretch:kept",
            "habit:fluids:count",
            "habit:weekdays:kept",
        ],
        &["skipped", "skip_reason", "note"],
    ]
    .concat()
}

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
    assert_eq!(rows[0], header(), "the header comes first");
    for r in &rows {
        assert_eq!(r.len(), header().len(), "{r:?}");
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
        assert_eq!(
            &row[10..],
            ["", "", "", "", "", ""],
            "habit, skip and note cells are for night rows"
        );
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
        // Nothing skipped or noted in this journal.
        assert!(r[13..].iter().all(String::is_empty), "{r:?}");
    }
    let habits: Vec<[&str; 3]> = night_rows
        .iter()
        .map(|r| [r[10].as_str(), r[11].as_str(), r[12].as_str()])
        .collect();
    assert_eq!(
        habits,
        [
            ["1", "3", "0"], // Mon 23: stretch, fluids 3 (its target)
            ["0", "2", "0"], // Tue 24: fluids 2, short of its target, is still counted
            ["0", "0", "1"], // Wed 25: fluids none is 0
            ["0", "0", "0"],
            ["0", "0", "0"],
            ["0", "0", "1"], // Sat 28: kept although it does not apply
            ["0", "0", ""],  // Sun 29: does not apply, nothing recorded
        ]
    );
}

#[test]
fn csv_counts_of_a_counted_habit_are_kept_on_nights_it_does_not_apply() {
    // A counted habit for the weekend: empty on a weekday only when nothing was recorded.
    let source = format!(
        "{CONTENT}\n[[habit]]\nid = \"weekend-water\"\ntitle = \"Weekend water\"\ntarget = 2\n\
         days = [\"sat\", \"sun\"]\n"
    );
    let c = Content::parse(Path::new("test-content.toml"), &source)
        .unwrap_or_else(|e| panic!("test content does not parse: {e}"));
    let mut j = Journal::default();
    j.set(date(2025, 6, 25), "weekend-water", 1); // Wednesday
    j.set(date(2025, 6, 29), "weekend-water", 3); // Sunday, past its target
    let rows = parse_csv(&export::csv(&c, &j, None, TONIGHT));
    assert_eq!(rows[0][13], "habit:weekend-water:count");
    let cells: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "night")
        .map(|r| (r[1].as_str(), r[13].as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("2025-06-25", "1"),
            ("2025-06-26", ""),
            ("2025-06-27", ""),
            ("2025-06-28", "0"),
            ("2025-06-29", "3"),
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
    j.add_episode(
        Episode {
            routine: Some("calf, \"toe pull\"".to_string()),
            steps: vec![1, 2, 10],
            ..cramp(date(2025, 6, 24))
        },
        20905,
    );
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
        assert_eq!(r.len(), header().len());
    }
}

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

/// The rows of the summary's `## Cramp nights per week` table, as written.
fn week_rows(md: &str) -> Vec<&str> {
    md.split("## Cramp nights per week\n\n| week ending | cramp nights |\n|---|---|\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no table of cramp nights per week in:\n{md}"))
        .lines()
        .take_while(|l| l.starts_with("| "))
        .collect()
}

#[test]
fn markdown_counts_cramp_nights_per_week_and_ends_with_the_review_date() {
    let c = content_with("reviewed = \"2025-06-01\"");
    let md = export::markdown(&c, &export_journal(), Some(date(2025, 6, 23)), TONIGHT);
    // Three cramp nights (Jun 24, 25, 26) in the one week of the period.
    assert_eq!(week_rows(&md), ["| 2025-06-29 | 3 |"], "{md}");
    assert!(
        md.find("## Cramp nights per week") < md.find("## Episodes"),
        "{md}"
    );
    assert_eq!(
        md.lines().last(),
        Some("Guidance last reviewed 2025-06-01."),
        "{md}"
    );
    // Three cramp nights in one week is not two weeks running: no note.
    assert!(!md.contains("frequent"), "{md}");

    // Weeks end tonight, oldest first; the first is cut at the period's start (Jun 20, the first
    // night), so the cramp of Jun 21 is in a week of three nights.
    let md = export::markdown(&c, &export_journal(), Some(date(2025, 6, 10)), TONIGHT);
    assert_eq!(
        week_rows(&md),
        ["| 2025-06-22 | 1 |", "| 2025-06-29 | 3 |"],
        "{md}"
    );

    // The content's threshold met in those weeks: its note, between the table and the episodes.
    let eager = content_with("frequent_nights = 3\nfrequent_weeks = 1");
    let md = export::markdown(&eager, &export_journal(), Some(date(2025, 6, 23)), TONIGHT);
    let note = insights::frequent_text(3, 1);
    let at = md
        .lines()
        .position(|l| l == note)
        .unwrap_or_else(|| panic!("no {note:?} in:\n{md}"));
    let line = |s: &str| md.lines().position(|l| l == s).unwrap_or(0);
    assert!(
        line("| 2025-06-29 | 3 |") < at && at < line("## Episodes"),
        "{md}"
    );
    assert!(!md.contains('%'), "{md}");
}

#[test]
fn markdown_covers_the_last_twelve_weeks_by_default() {
    // One tick long ago does not stretch the summary: 84 nights, Apr 7 to Jun 29.
    let mut j = Journal::default();
    j.set(date(2025, 1, 1), "stretch", 1);
    with_cramps(
        &mut j,
        &[date(2025, 4, 6), date(2025, 4, 7), date(2025, 6, 24)],
    );
    let first = date(2025, 4, 7);
    assert_eq!(export::summary_period(&j, None, TONIGHT), (first, TONIGHT));
    let md = export::markdown(&content(), &j, None, TONIGHT);
    for line in [
        "- Period: nights of 2025-04-07 to 2025-06-29 (84 nights)",
        "- Cramp nights: 2 of 84",
        "- Episodes logged: 2",
    ] {
        assert!(md.lines().any(|l| l == line), "no line {line:?} in:\n{md}");
    }
    assert!(!md.contains("2025-04-06"), "before the 12 weeks: {md}");
    let weeks = week_rows(&md);
    assert_eq!(weeks.len(), export::SUMMARY_WEEKS, "{md}");
    assert_eq!(weeks[0], "| 2025-04-13 | 1 |", "{md}");
    assert_eq!(weeks[11], "| 2025-06-29 | 1 |", "{md}");
    assert!(
        weeks[1..11].iter().all(|w| w.ends_with(" | 0 |")),
        "{weeks:?}"
    );
    assert!(
        !md.contains("The last 12 weeks of the period."),
        "the period is 12 weeks: {md}"
    );

    // --since changes it, never to before the first night.
    assert_eq!(
        export::summary_period(&j, Some(date(2025, 3, 1)), TONIGHT),
        (date(2025, 3, 1), TONIGHT)
    );
    assert_eq!(
        export::summary_period(&j, Some(date(2024, 12, 1)), TONIGHT),
        (date(2025, 1, 1), TONIGHT)
    );
    let md = export::markdown(&content(), &j, Some(date(2025, 3, 1)), TONIGHT);
    assert!(
        md.lines().any(|l| l == "- Episodes logged: 3"),
        "the cramp of Apr 6 is in the period: {md}"
    );
    // A journal that began later than 12 weeks ago: from its first night.
    assert_eq!(
        export::summary_period(&export_journal(), None, TONIGHT),
        (date(2025, 6, 20), TONIGHT)
    );
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
