//! The journal's text format through the public API: what is written reads back the same, and every
//! parse error names the path, line and column.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use cramp_coach::journal::{Journal, JournalError, MAX_COUNT, Store};
use jiff::civil::date;
use proptest::prelude::*;

use crate::support::HABIT_IDS;
use crate::{HEADER, plus_days, tick_set};

fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(HABIT_IDS.to_vec()).prop_map(str::to_string),
        "[a-z0-9-]{1,32}",
    ]
}

/// Random ticks over 1990-01-01..=2030-12-31, counts 1..=999, set in random order.
fn any_journal() -> impl Strategy<Value = Journal> {
    let span = date(1990, 1, 1)
        .until(date(2030, 12, 31))
        .unwrap()
        .get_days();
    proptest::collection::vec((0..=span, any_id(), 1..=MAX_COUNT), 0..40).prop_map(|ticks| {
        let mut j = Journal::default();
        for (day, id, count) in ticks {
            j.set(plus_days(date(1990, 1, 1), i64::from(day)), &id, count);
        }
        j
    })
}

proptest! {
    // No regression files: this suite writes nothing into the source tree.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// What is written reads back as the same ticks, and writing it again gives the same text.
    #[test]
    fn to_text_then_parse_gives_back_the_same_ticks(j in any_journal()) {
        let path = Path::new("journal.txt");
        let text = j.to_text();
        let back = Journal::parse(path, &text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(tick_set(&back), tick_set(&j), "{}", text);
        prop_assert_eq!(back.nights().collect::<Vec<_>>(), j.nights().collect::<Vec<_>>());
        prop_assert_eq!(back.to_text(), text, "to_text is stable");
    }

    /// The round trip as the brief states it: `parse(to_text(j)) == j`.
    #[test]
    fn parse_of_to_text_equals_the_journal(j in any_journal()) {
        let back = Journal::parse(Path::new("journal.txt"), &j.to_text()).unwrap();
        prop_assert_eq!(back, j);
    }
}

/// Equality does not depend on the order habits were first seen in.
#[test]
fn journals_with_the_same_ticks_are_equal() {
    let night = date(2025, 1, 1);
    let mut ba = Journal::default();
    ba.set(night, "bedding", 1);
    ba.set(night, "alcohol-caffeine", 1);
    let mut ab = Journal::default();
    ab.set(night, "alcohol-caffeine", 1);
    ab.set(night, "bedding", 1);
    assert_eq!(tick_set(&ab), tick_set(&ba));
    assert_eq!(ab, ba);
    let back = Journal::parse(Path::new("j"), &ba.to_text()).unwrap();
    assert_eq!(back, ba);
}

/// Parses `text` as `journal.txt` and expects a parse error at `line:column` whose message
/// contains `needle`; also checks the error's text is `path:line:column: ...`.
#[track_caller]
fn assert_parse_error(text: &str, line: usize, column: usize, needle: &str) {
    let path = Path::new("/some/where/journal.txt");
    match Journal::parse(path, text) {
        Err(e @ JournalError::Parse { .. }) => {
            let JournalError::Parse {
                line: l,
                column: c,
                ref message,
                ..
            } = e
            else {
                unreachable!()
            };
            assert_eq!((l, c), (line, column), "{e} for {text:?}");
            assert!(
                message.contains(needle),
                "{message:?} should contain {needle:?}"
            );
            let shown = e.to_string();
            let prefix = format!("/some/where/journal.txt:{line}:{column}: ");
            assert!(
                shown.starts_with(&prefix),
                "{shown:?} starts with {prefix:?}"
            );
            assert!(!shown.contains('\n'), "one line: {shown:?}");
            assert!(e.is_unreadable());
        }
        other => panic!("expected a parse error at {line}:{column} for {text:?}, got {other:?}"),
    }
}

#[test]
fn parse_errors_name_path_line_and_column() {
    let h = |rest: &str| format!("{HEADER}{rest}");
    // No header at all, or nothing but comments.
    assert_parse_error(
        "night 2025-01-01 stretch\n",
        1,
        1,
        "not a cramp-coach journal",
    );
    assert_parse_error("", 1, 1, "not a cramp-coach journal");
    assert_parse_error("# just a comment\n\n", 1, 1, "not a cramp-coach journal");
    // Garbage, a truncated header, a header without a version.
    assert_parse_error(
        "Dear diary, my calves hurt.\n",
        1,
        1,
        "not a cramp-coach journal",
    );
    assert_parse_error("cramp-coach jour", 1, 1, "not a cramp-coach journal");
    assert_parse_error("cramp-coach journal\n", 1, 1, "not a cramp-coach journal");
    assert_parse_error("cramp-coach journal one\n", 1, 21, "version");
    assert_parse_error("cramp-coach journal 0\n", 1, 21, "version 0");
    assert_parse_error(&h("hello world\n"), 2, 1, "unknown record \"hello\"");
    // Bad dates.
    assert_parse_error(&h("night 2025-13-01 stretch\n"), 2, 7, "not a date");
    assert_parse_error(&h("night 2025-02-30\n"), 2, 7, "not a date");
    assert_parse_error(&h("night 25-01-01\n"), 2, 7, "not a date");
    assert_parse_error(&h("  night 2025-13-01\n"), 2, 9, "not a date");
    assert_parse_error(&h("night\n"), 2, 1, "needs a date");
    // Duplicates.
    assert_parse_error(
        &h("night 2025-01-01 stretch\nnight 2025-01-02 move\nnight 2025-01-01 bedding\n"),
        4,
        7,
        "listed twice",
    );
    assert_parse_error(
        &h("night 2025-01-01 stretch bedding stretch\n"),
        2,
        34,
        "listed twice on one night",
    );
    assert_parse_error(
        &h("night 2025-01-01 fluids=2 fluids=3\n"),
        2,
        27,
        "listed twice on one night",
    );
    // Bad counts: the column is the count's.
    for bad in ["0", "abc", "1000", "", "-1", "4294967296"] {
        assert_parse_error(
            &h(&format!("night 2025-01-01 fluids={bad}\n")),
            2,
            25,
            "must be 1 to 999",
        );
    }
    // Bad ids and records.
    assert_parse_error(&h("night 2025-01-01 Stretch!\n"), 2, 18, "not a habit id");
    assert_parse_error(&h("night 2025-01-01 stretch =3\n"), 2, 26, "not a habit id");
    assert_parse_error(
        &h("foo 2025-01-01 stretch\n"),
        2,
        1,
        "unknown record \"foo\"",
    );
    // Tabs separate words too; the column counts characters.
    assert_parse_error(
        &h("night\t2025-01-01\tstretch\tFoo\n"),
        2,
        26,
        "not a habit id",
    );
    assert_parse_error(&h("# é\u{1}\n"), 2, 4, "control character");
    // Control characters: a NUL byte, a lone CR, an escape.
    assert_parse_error(
        &h("night 2025-01-01 stre\0tch\n"),
        2,
        22,
        "control character",
    );
    assert_parse_error(
        &h("night 2025-01-01\r stretch\n"),
        2,
        17,
        "control character",
    );
    assert_parse_error(&h("# \u{1b}[2J\n"), 2, 3, "control character");
    assert_parse_error(&"\0".repeat(4096), 1, 1, "control character");
}

#[test]
fn crlf_line_endings_comments_and_blank_lines_are_accepted() {
    let text = "# before the header\r\ncramp-coach journal 1\r\n\r\n# a note\r\nnight 2025-01-01 stretch fluids=3\r\n  night 2025-01-02\tmove\r\n";
    let j = Journal::parse(Path::new("journal.txt"), text).unwrap();
    assert_eq!(j.count(date(2025, 1, 1), "stretch"), 1);
    assert_eq!(j.count(date(2025, 1, 1), "fluids"), 3);
    assert_eq!(j.count(date(2025, 1, 2), "move"), 1);
    assert_eq!(j.nights().count(), 2);
    // And it is written back with plain line endings.
    assert!(!j.to_text().contains('\r'));
    // A night with no habits listed is nothing kept.
    let j = Journal::parse(Path::new("j"), &format!("{HEADER}night 2025-01-03\n")).unwrap();
    assert!(j.is_empty());
}

#[test]
fn a_newer_journal_version_is_its_own_error() {
    for (text, version) in [
        ("cramp-coach journal 3\n", 3),
        (
            "cramp-coach journal 99\nnight 2025-01-01 stretch\nsomething new\n",
            99,
        ),
    ] {
        match Journal::parse(Path::new("/x/journal.txt"), text) {
            Err(e @ JournalError::Newer { .. }) => {
                let JournalError::Newer { version: v, .. } = e else {
                    unreachable!()
                };
                assert_eq!(v, version);
                assert!(e.is_unreadable());
                let shown = e.to_string();
                assert!(shown.starts_with("/x/journal.txt: "), "{shown}");
                assert!(shown.contains("newer"), "{shown}");
            }
            other => panic!("expected Newer for {text:?}, got {other:?}"),
        }
    }
}

#[test]
fn store_load_reports_invalid_utf8_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    // Missing file: an empty journal.
    assert!(store.load().unwrap().is_empty());
    fs::write(
        store.path(),
        b"cramp-coach journal 1\nnight 2025-01-01 stretch\nnight 2025-01-02 str\xe9tch\n",
    )
    .unwrap();
    match store.load() {
        Err(e @ JournalError::Parse { .. }) => {
            let shown = e.to_string();
            let want = format!("{}:3:21: ", store.path().display());
            assert!(shown.starts_with(&want), "{shown:?} starts with {want:?}");
            assert!(shown.contains("UTF-8"), "{shown}");
            assert!(e.is_unreadable());
        }
        other => panic!("expected a UTF-8 parse error, got {other:?}"),
    }
    // A valid file loads.
    fs::write(store.path(), format!("{HEADER}night 2025-01-01 fluids=7\n")).unwrap();
    assert_eq!(store.load().unwrap().count(date(2025, 1, 1), "fluids"), 7);
}

#[test]
fn set_clamps_counts_and_zero_removes() {
    let night = date(2025, 1, 1);
    let mut j = Journal::default();
    j.set(night, "fluids", 5000);
    assert_eq!(j.count(night, "fluids"), MAX_COUNT);
    j.set(night, "fluids", 0);
    assert_eq!(j.count(night, "fluids"), 0);
    assert!(j.is_empty());
    assert_eq!(
        tick_set(&Journal::parse(Path::new("j"), &j.to_text()).unwrap()),
        BTreeSet::new()
    );
}

/// A journal with more than 65,536 distinct habit ids (hostile or corrupted, up to the 64 MiB limit)
/// must be refused or read right, never read as different ticks. Slow (~30 s in a debug build: the
/// interning is a linear search per id).
#[test]
fn more_than_65536_distinct_ids_are_not_misattributed() {
    let n: i64 = 65_537;
    let first = date(1800, 1, 1);
    let mut text = String::from(HEADER);
    for i in 0..n {
        text.push_str(&format!("night {} h{i}\n", plus_days(first, i)));
    }
    if let Ok(j) = Journal::parse(Path::new("journal.txt"), &text) {
        let last = plus_days(first, n - 1);
        assert_eq!(j.ticks(last), vec![(format!("h{}", n - 1).as_str(), 1)]);
        assert_eq!(j.count(first, "h0"), 1);
        assert_eq!(j.count(last, "h0"), 0);
    }
}
