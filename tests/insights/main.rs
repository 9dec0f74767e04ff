//! The arithmetic of insights and exports, through the library API on synthetic journals: the weeks
//! and tracked nights (`weeks`), kept against not kept (`comparisons`), the frequent-cramps note
//! (`frequent`), red flags (`red_flags`), the CSV and Markdown exports (`exports`).
//!
//! Journals are built with `Journal::set` (habit ticks) and `Journal::add_episode` (cramps); the content
//! is a small TOML file of our own (`content_with`): a yes/no habit `stretch`, a counted habit `fluids`
//! (target 3) and a habit `weekdays` that applies Monday to Friday only. Tonight is fixed, never read
//! from a clock: `TONIGHT` is Sunday 2025-06-29, so the eight weeks insights show are Monday to Sunday
//! (the window starts on Monday 2025-05-05).
//!
//! The last tests (`night_boundary`) run the built binary (`cramp log add --at ...` with TZ=UTC) to
//! show where an episode logged after midnight lands, then read the journal it wrote back through the
//! library.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod comparisons;
mod exports;
mod frequent;
mod night_boundary;
mod red_flags;
mod weeks;

use std::path::Path;

use cramp_coach::content::{Content, Muscle};
use cramp_coach::insights::{Comparison, Insights};
use cramp_coach::journal::Journal;
use cramp_coach::journal::diary::{Episode, LegSide};
use cramp_coach::strings::insights::TEXT_WIDTH;
use jiff::civil::{Date, date};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};

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
        id: String::new(),
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
        journal.add_episode(cramp(*d), 11501);
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

/// The comparison for `habit` in insights text with its caution, if it has one: on the same line,
/// or, where that would pass [`TEXT_WIDTH`], alone on the next line and indented under the
/// comparison (joined back on here after two spaces).
fn comparison_entry(text: &str, habit: &str) -> String {
    let line = comparison_line(text, habit);
    let mut rest = text.lines().skip_while(|l| *l != line).skip(1);
    let Some(next) = rest.next().filter(|l| l.trim_start().starts_with('(')) else {
        return line.to_string();
    };
    assert_eq!(
        next.len() - next.trim_start().len(),
        line.find("cramps on").unwrap_or(0),
        "the caution is not indented under the comparison:\n{line}\n{next}"
    );
    assert!(
        line.chars().count() + next.trim_start().chars().count() + 2 > TEXT_WIDTH,
        "the caution had room on its line:\n{line}\n{next}"
    );
    format!("{line}  {}", next.trim_start())
}

/// The rows of `text` that hold `sentence` word-wrapped at [`TEXT_WIDTH`]: consecutive lines with
/// one indent whose words, joined by single spaces, are the sentence, none wider than
/// [`TEXT_WIDTH`], each as full as it can be (the next row's first word would not have fitted).
/// Panics if there are none.
fn wrapped<'a>(text: &'a str, sentence: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    for start in 0..lines.len() {
        let indent = indent_of(lines[start]);
        let mut joined = String::new();
        for end in start..lines.len() {
            let row = lines[end].trim_start();
            if row.is_empty() || indent_of(lines[end]) != indent {
                break;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(row);
            if !sentence.starts_with(joined.as_str()) {
                break;
            }
            if joined == sentence {
                let rows = &lines[start..=end];
                for (k, row) in rows.iter().enumerate() {
                    let width = row.chars().count();
                    assert!(width <= TEXT_WIDTH, "{width} columns: {row:?}");
                    if let Some(next) = rows.get(k + 1) {
                        let word = next.trim_start().split(' ').next().unwrap_or("");
                        assert!(
                            width + 1 + word.chars().count() > TEXT_WIDTH,
                            "{word:?} would have fitted on {row:?}"
                        );
                    }
                }
                return rows.to_vec();
            }
        }
    }
    panic!("{sentence:?} is not in the text, wrapped or not:\n{text}")
}

/// A journal tracked from long before the eight-week window (a tick on 2025-01-01 of a habit the
/// content does not have, so it moves no count).
fn tracked_journal() -> Journal {
    let mut j = Journal::default();
    j.set(date(2025, 1, 1), "old-habit", 1);
    j
}
