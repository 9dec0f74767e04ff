//! Exports: the CSV (RFC 4180, a header, episodes, one row a night) and the Markdown summary, over
//! the period from `--since` or the first night to tonight.

use cramp_coach::content::Muscle;
use cramp_coach::export;
use cramp_coach::journal::Journal;
use cramp_coach::journal::diary::{Episode, LegSide};
use jiff::civil::date;

use crate::support::csv::{COLUMNS, parse_csv};
use crate::{TONIGHT, content, cramp, nights, utc};

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

/// The CSV's header: the fixed columns, then one a habit of our content.
fn header() -> Vec<&'static str> {
    [
        &COLUMNS[..],
        &["habit:stretch", "habit:fluids", "habit:weekdays"],
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
