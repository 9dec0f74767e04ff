//! `cramp export`: CSV (RFC 4180, a header, one row an episode and one a night) and a Markdown
//! summary, both limited by `--since`.

use jiff::civil::Date;

use crate::support::csv::{COLUMNS, parse_csv};
use crate::support::home::Home;
use crate::{seeded, shipped_content, tonight};

/// The seeded diary, one older cramp (night of Mar 5) and a few ticks.
fn export_home() -> Home {
    let home = seeded();
    home.add(
        "calf",
        "right",
        "2",
        "2025-03-05 22:00",
        &["--minutes", "3"],
    );
    for (habit, date) in [
        ("stretch", "2025-03-08"),
        ("stretch", "2025-03-09"),
        ("bedding", "2025-03-04"),
    ] {
        home.run(&["check", habit, "--date", date]).ok();
    }
    home
}

#[test]
fn export_csv_is_rfc_4180_with_a_header_and_since_limits_it() {
    // No free text reaches the CSV from the command line: habit and routine ids are [a-z0-9-], the
    // other cells are dates, numbers and fixed words. So this checks the structure; the quoting of a
    // comma or quote is tested through the library in tests/insights/exports.rs.
    let home = export_home();
    let out = home.run(&["export", "--format", "csv", "--since", "2025-03-08"]);
    out.ok();
    let text = &out.stdout;
    assert!(text.ends_with("\r\n"), "{text:?}");
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "CRLF line ends"
    );
    let rows = parse_csv(text);
    let header = &rows[0];
    assert_eq!(header[..10], COLUMNS);
    let habits: Vec<&str> = header[10..].iter().map(String::as_str).collect();
    let builtin: Vec<String> = shipped_content()
        .habits
        .iter()
        .map(|h| format!("habit:{}", h.id))
        .collect();
    assert_eq!(habits, builtin);
    for r in &rows {
        assert_eq!(r.len(), header.len(), "consistent column count: {r:?}");
        assert!(r[0] == "episode" || r[0] == "night" || r == header, "{r:?}");
    }
    let episodes: Vec<[&str; 8]> = rows
        .iter()
        .filter(|r| r[0] == "episode")
        .map(|r| [1, 2, 3, 4, 5, 6, 7, 0].map(|i| r[i].as_str()))
        .collect();
    assert_eq!(
        episodes,
        [
            [
                "2025-03-09",
                "2025-03-10 00:30",
                "foot",
                "right",
                "2",
                "",
                "yes",
                "episode"
            ],
            [
                "2025-03-11",
                "2025-03-11 04:30",
                "thigh",
                "both",
                "5",
                "11.0",
                "no",
                "episode"
            ],
            [
                "2025-03-12",
                "2025-03-12 23:00",
                "calf",
                "left",
                "3",
                "",
                "no",
                "episode"
            ],
        ],
        "the cramp of Mar 5 is before --since"
    );
    let nights: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "night").collect();
    assert_eq!(nights[0][1], "2025-03-08", "nights from --since");
    for pair in nights.windows(2) {
        let (a, b): (Date, Date) = (
            pair[0][1].parse().unwrap_or_else(|e| panic!("{e}")),
            pair[1][1].parse().unwrap_or_else(|e| panic!("{e}")),
        );
        assert_eq!(a.tomorrow().ok(), Some(b), "one row a night, in order");
    }
    let last: Date = nights[nights.len() - 1][1]
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        last == tonight() || last.tomorrow().ok() == Some(tonight()),
        "to tonight: {last}"
    );
    let stretch = 10
        + habits
            .iter()
            .position(|h| *h == "habit:stretch")
            .unwrap_or(0);
    assert_eq!(nights[0][stretch], "1");
    assert_eq!(nights[1][stretch], "1");
    assert_eq!(nights[2][stretch], "0");

    // Without --since: from the first night of the journal (the bedding tick of Mar 4).
    let out = home.run(&["export", "--format", "csv"]);
    out.ok();
    let rows = parse_csv(&out.stdout);
    assert_eq!(
        rows.iter().find(|r| r[0] == "night").map(|r| r[1].as_str()),
        Some("2025-03-04")
    );
    assert_eq!(rows.iter().filter(|r| r[0] == "episode").count(), 4);
}

#[test]
fn export_markdown_is_a_summary_with_its_sections_and_since_limits_it() {
    let home = export_home();
    let out = home.run(&["export", "--format", "markdown", "--since", "2025-03-08"]);
    out.ok();
    let md = &out.stdout;
    for needle in [
        "# Night leg cramps: summary",
        "- Period: nights of 2025-03-08 to ",
        "- Cramp nights: 3 of ",
        "- Episodes logged: 3\n",
        "- Episodes reporting a warning sign: 2\n",
        "## Episodes",
        "| began | muscle | side | intensity (1-5) | minutes |",
        "| 2025-03-10 00:30 | foot | right | 2 | – | yes |",
        "| 2025-03-11 04:30 | thigh | both | 5 | 11.0 | no |",
        "| 2025-03-12 23:00 | calf | left | 3 | – | no |",
        "## Habits kept per week",
        "| Bedtime stretch |",
        "## Warning signs reported",
        "- 2025-03-10 00:30: weakness, numbness, swelling or skin change",
        "- 2025-03-11 04:30: a cramp longer than 10 minutes",
        "not a diagnosis",
    ] {
        assert!(md.contains(needle), "no {needle:?} in:\n{md}");
    }
    assert!(!md.contains("2025-03-05"), "before --since:\n{md}");
    assert!(!md.contains('%'), "{md}");

    let out = home.run(&["export", "--format", "markdown"]);
    out.ok();
    assert!(
        out.stdout.contains("- Period: nights of 2025-03-04 to "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("- Episodes logged: 4\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("| 2025-03-05 22:00 | calf | right | 2 | 3.0 | no |"),
        "{}",
        out.stdout
    );
}
