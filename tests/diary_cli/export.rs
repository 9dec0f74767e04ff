//! `cramp export`: CSV (RFC 4180, a header, one row an episode and one a night, a column a habit
//! that says whether it holds 1/0 or a count) and a Markdown summary (the last 12 weeks by default,
//! cramp nights per week, the frequent-cramps note, the date the guidance was reviewed), both
//! limited by `--since`.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::support::csv::{COLUMNS, parse_csv};
use crate::support::home::Home;
use crate::{SETUP, back, cramp_on, journal_text, seeded, shipped_content, tonight};

/// The seeded diary, one older cramp (night of Mar 5) and a few ticks.
fn export_home() -> Home {
    let (home, _) = seeded();
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
    // One column a habit: `habit:ID:count` for a counted one, `habit:ID:kept` for the rest; then
    // the night's skip (whether, and why) and its note.
    let after = header.len() - 3;
    assert_eq!(header[after..], ["skipped", "skip_reason", "note"]);
    let habits: Vec<&str> = header[10..after].iter().map(String::as_str).collect();
    let builtin: Vec<String> = shipped_content()
        .habits
        .iter()
        .map(|h| {
            let holds = if h.target.is_some() { "count" } else { "kept" };
            format!("habit:{}:{holds}", h.id)
        })
        .collect();
    assert_eq!(habits, builtin);
    assert!(habits.contains(&"habit:stretch:kept"), "{habits:?}");
    assert!(habits.contains(&"habit:fluids:count"), "{habits:?}");
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
                "2025-03-10",
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
    let column = |name: &str| {
        10 + habits
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no {name} in {habits:?}"))
    };
    let stretch = column("habit:stretch:kept");
    assert_eq!(nights[0][stretch], "1");
    assert_eq!(nights[1][stretch], "1");
    assert_eq!(nights[2][stretch], "0");
    // Fluids never counted: 0 every night (it applies every night), not empty.
    let fluids = column("habit:fluids:count");
    assert!(nights.iter().all(|n| n[fluids] == "0"), "{nights:?}");
    // Nothing skipped or noted: those cells are empty, on nights and episodes alike.
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[after..].iter().all(String::is_empty)),
        "{rows:?}"
    );

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
        "## Cramp nights per week\n\nThe last 12 weeks of the period.\n\n| week ending | cramp nights |\n",
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
    assert!(
        !md.contains("frequent"),
        "three cramp nights in March 2025:\n{md}"
    );
    // Weeks ending tonight, oldest first, twelve of them at most.
    let weeks = week_rows(md);
    assert_eq!(weeks.len(), 12, "{md}");
    for pair in weeks.windows(2) {
        assert_eq!(
            pair[0].0.checked_add(7.days()).ok(),
            Some(pair[1].0),
            "{md}"
        );
    }
    assert_tonight(weeks[11].0);
    assert_reviewed_last(md);

    // Without --since: the last 12 weeks to tonight (84 nights); the journal's old ticks and
    // cramps do not stretch it.
    let out = home.run(&["export", "--format", "markdown"]);
    out.ok();
    let md = &out.stdout;
    let to = period_end(md);
    assert_tonight(to);
    let from = to.checked_sub(83.days()).unwrap_or_else(|e| panic!("{e}"));
    for needle in [
        format!("- Period: nights of {from} to {to} (84 nights)\n"),
        "- Cramp nights: 0 of 84\n".to_string(),
        "- Episodes logged: 0\n".to_string(),
        "## Episodes\n\nNone logged.\n".to_string(),
    ] {
        assert!(md.contains(&needle), "no {needle:?} in:\n{md}");
    }
    assert!(!md.contains("2025-03"), "{md}");
    let weeks = week_rows(md);
    assert_eq!(weeks.len(), 12, "{md}");
    assert_eq!(weeks[11], (to, 0), "{md}");
    assert_eq!(weeks[0].0, from.checked_add(6.days()).ok().unwrap_or(from));
    assert_reviewed_last(md);

    // A --since before the first night (the bedding tick of Mar 4) starts at the first night.
    let out = home.run(&["export", "--format", "markdown", "--since", "2025-03-01"]);
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

#[test]
fn export_markdown_counts_cramp_nights_per_week_and_notes_frequent_cramps() {
    // A cramp on each of the 14 nights before tonight: 6 or 7 cramp nights a week, two weeks
    // running, and the journal begins with the first of them.
    let t = tonight();
    let cramp_nights: Vec<Date> = (1..=14).map(|n| back(t, n)).collect();
    let cramps: Vec<String> = cramp_nights
        .iter()
        .map(|d| cramp_on(*d, "seconds=60"))
        .collect();
    let home = Home::new(SETUP);
    home.write_journal(journal_text(&[], &cramps));
    let out = home.run(&["export", "--format", "markdown"]);
    out.ok();
    let md = &out.stdout;
    // The night may have rolled over since `t`: the summary's own tonight decides its weeks.
    let to = period_end(md);
    assert!(to == t || t.tomorrow().ok() == Some(to), "{md}");
    let first = back(t, 14);
    assert!(
        md.contains(&format!("- Period: nights of {first} to {to} ")),
        "from the first night, later than 12 weeks back:\n{md}"
    );
    // Weeks ending tonight, oldest first, the first cut at the first night.
    let mut want = Vec::new();
    let mut end = to;
    while end >= first {
        let start = back(end, 6).max(first);
        let n = cramp_nights
            .iter()
            .filter(|d| **d >= start && **d <= end)
            .count() as u32;
        want.push((end, n));
        end = back(end, 7);
    }
    want.reverse();
    assert_eq!(week_rows(md), want, "{md}");
    let note = cramp_coach::insights::frequent_text(3, 2);
    assert!(md.lines().any(|l| l == note), "no {note:?} in:\n{md}");
    assert!(!md.contains('%'), "{md}");
    assert_reviewed_last(md);

    // The same journal under a content file that asks for more: no note.
    let content = "[guidance]\nfrequent_nights = 7\nfrequent_weeks = 2\n\
                   [[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n\
                   [[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull the toes.\"\nseconds = 5\n\
                   [[habit]]\nid = \"stretch\"\ntitle = \"Stretch\"\n";
    let file = home.file("content.toml", content);
    let out = home.run(&["--content", &file, "export", "--format", "markdown"]);
    out.ok();
    assert!(!out.stdout.contains("frequent"), "{}", out.stdout);
}

/// The rows of the summary's `## Cramp nights per week` table: (week ending, cramp nights).
fn week_rows(md: &str) -> Vec<(Date, u32)> {
    let table = md
        .split("## Cramp nights per week\n\n")
        .nth(1)
        .and_then(|rest| {
            rest.split("| week ending | cramp nights |\n|---|---|\n")
                .nth(1)
        })
        .unwrap_or_else(|| panic!("no table of cramp nights per week in:\n{md}"));
    table
        .lines()
        .take_while(|l| l.starts_with("| "))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 2, "{l:?}");
            (
                cells[0].parse().unwrap_or_else(|e| panic!("{l:?}: {e}")),
                cells[1].parse().unwrap_or_else(|e| panic!("{l:?}: {e}")),
            )
        })
        .collect()
}

/// The last night of the summary's period (`- Period: nights of A to B (N nights)`).
fn period_end(md: &str) -> Date {
    let line = md
        .lines()
        .find(|l| l.starts_with("- Period: nights of "))
        .unwrap_or_else(|| panic!("no period in:\n{md}"));
    line.split(" to ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("{line:?}"))
        .parse()
        .unwrap_or_else(|e| panic!("{line:?}: {e}"))
}

/// `d` is tonight, or last night if the night rolled over during the test.
fn assert_tonight(d: Date) {
    let now = tonight();
    assert!(
        d == now || d.tomorrow().ok() == Some(now),
        "{d} is not tonight ({now})"
    );
}

/// The summary ends with the date the guidance was last reviewed.
fn assert_reviewed_last(md: &str) {
    let reviewed = shipped_content()
        .guidance
        .reviewed
        .unwrap_or_else(|| panic!("the shipped guidance has no reviewed date"));
    assert_eq!(
        md.lines().last(),
        Some(format!("Guidance last reviewed {reviewed}.").as_str()),
        "{md}"
    );
}
