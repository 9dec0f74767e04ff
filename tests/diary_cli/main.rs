//! Black-box tests of the cramp diary commands: `cramp log`, `log add`, `log remove` (`log`, and
//! `red_flags` for the advice after a warning sign), `insights` and `export`, their bad input
//! (`bad_input`), and the journal guarantees behind them (`unreadable`).
//!
//! Every run is isolated: `--data-dir HOME/data`, HOME and XDG_* in a fresh tempdir, the CRAMP_*
//! variables and NO_COLOR removed, TZ=UTC. Cramps are logged with `--at` in 2025 so nothing depends on
//! today, except in the tests about insights and the Markdown summary's weeks (which look back from
//! tonight) and about "now"; those build their journal relative to tonight and assert nothing that
//! would change if the night rolled over during the test.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod export;
mod insights;
mod log;
mod red_flags;
mod unreadable;

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use cramp_coach::config::DayStart;
use cramp_coach::content::Content;
use cramp_coach::night::{night_of, night_of_cramp};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use support::home::{Home, Setup};
use support::out::Out;

/// `--data-dir HOME/data`, every XDG folder in the home, TZ=UTC.
const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("UTC"),
    state_and_cache: true,
    ..Setup::BASE
};

/// Three cramps logged out of time order: the first at 23:00 on Mar 12 (the night of Mar 12), the
/// second at 00:30 on Mar 10 (the night of Mar 9, with symptoms), the third at 04:30 on Mar 11
/// (before noon: the night of Mar 10, 11 minutes). Returns the home and the ids `logged #ID` showed
/// for them, in the order logged.
///
/// Ids are random letters; in the rare home where two share their first four, `cramp log` shows
/// more letters than `logged` did, so the diary is seeded again in a fresh home.
fn seeded() -> (Home, [String; 3]) {
    loop {
        let home = Home::new(SETUP);
        let ids = [
            logged_id(&home.add("calf", "left", "3", "2025-03-12 23:00", &[])),
            logged_id(&home.add("foot", "right", "2", "2025-03-10 00:30", &["--symptoms"])),
            logged_id(&home.add(
                "thigh",
                "both",
                "5",
                "2025-03-11 04:30",
                &["--minutes", "11"],
            )),
        ];
        let mut starts: Vec<&str> = ids.iter().map(|id| &id[..4]).collect();
        starts.sort_unstable();
        starts.dedup();
        if starts.len() == ids.len() {
            return (home, ids);
        }
    }
}

/// `cramp log` of the seeded diary, newest first, with the ids [`seeded`] returned.
fn seeded_log(ids: &[String; 3]) -> [String; 3] {
    [
        format!(
            "#{}  Wed 12 Mar 2025 23:00  night of Wed 12 Mar 2025  calf  left  3/5  —",
            ids[0]
        ),
        format!(
            "#{}  Tue 11 Mar 2025 04:30  night of Mon 10 Mar 2025  thigh  both  5/5  11 min  warning: a cramp longer than 10 minutes",
            ids[2]
        ),
        format!(
            "#{}  Mon 10 Mar 2025 00:30  night of Sun 9 Mar 2025  foot  right  2/5  —  warning: weakness, numbness, swelling or skin change",
            ids[1]
        ),
    ]
}

/// The id `cramp log add` printed (`logged #ID  ...`): the short form, at least four letters a-z.
fn logged_id(out: &Out) -> String {
    let id: String = out
        .stdout
        .strip_prefix("logged #")
        .unwrap_or_else(|| panic!("`cramp {}`: no `logged #ID`: {:?}", out.args, out.stdout))
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    assert!(
        id.len() >= 4 && id.bytes().all(|b| b.is_ascii_lowercase()),
        "`cramp {}`: id {id:?} in {:?}",
        out.args,
        out.stdout
    );
    id
}

/// A short id that none of `ids` starts with: unknown in a diary of those entries.
fn unknown_id(ids: &[String]) -> String {
    let first = (b'a'..=b'z')
        .map(char::from)
        .find(|c| ids.iter().all(|id| !id.starts_with(*c)))
        .unwrap_or_else(|| panic!("every letter starts one of {ids:?}"));
    format!("{first}qqq")
}

/// The journal file's text.
fn journal_string(home: &Home) -> String {
    String::from_utf8(home.journal_bytes().unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"))
}

/// No journal, and no data folder either: the command stored nothing.
fn assert_nothing_stored(home: &Home, what: &str) {
    assert!(
        !home.journal().exists(),
        "{what}: a journal was created: {:?}",
        home.journal_bytes()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    );
}

/// The journal is byte for byte as it was, the same file (not replaced), and no temporary is left.
fn assert_untouched(home: &Home, before: &[u8], inode: u64, what: &str) {
    let after = home
        .journal_bytes()
        .unwrap_or_else(|| panic!("{what}: the journal is gone"));
    assert!(
        after == before,
        "{what}: the journal changed:\nbefore: {:?}\nafter:  {:?}",
        String::from_utf8_lossy(before),
        String::from_utf8_lossy(&after)
    );
    assert_eq!(
        inode_of(&home.journal()),
        inode,
        "{what}: the journal was replaced"
    );
    assert!(
        !home.data().join(".journal.txt.tmp").exists(),
        "{what}: a temporary file was left"
    );
}

fn inode_of(path: &Path) -> u64 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .ino()
}

/// The message names the range `lo` to `hi` in some plain form.
fn names_range(out: &Out, lo: u32, hi: u32) {
    let forms = [
        format!("{lo}..={hi}"),
        format!("{lo} to {hi}"),
        format!("{lo}-{hi}"),
        format!("{lo}–{hi}"),
    ];
    assert!(
        forms.iter().any(|f| out.stderr.contains(f.as_str())),
        "`cramp {}`: stderr does not name {lo} to {hi}:\n{}",
        out.args,
        out.stderr
    );
}

/// Tonight by the clock, as the binary sees it with TZ=UTC and the default end of night (04:00).
fn tonight() -> Date {
    night_of(
        Timestamp::now(),
        &TimeZone::UTC,
        DayStart { hour: 4, minute: 0 },
    )
}

/// The night of a cramp that begins now, as the binary sees it with TZ=UTC: before noon, the night
/// that began the evening before; whatever `day_starts_at` says for habits.
fn cramp_night_now() -> Date {
    night_of_cramp(Timestamp::now(), &TimeZone::UTC)
}

/// The comparison of `habit` in the text of `cramp insights`, with its caution when it has one: on
/// the same line, or, where the line would pass 100 columns, alone on the next line and indented
/// under the comparison (there it is joined back on, after two spaces).
fn comparison_entry(text: &str, habit: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&format!("{habit} ")) && l.contains("cramps on"))
        .unwrap_or_else(|| panic!("no comparison for {habit}:\n{text}"));
    let line = lines[i];
    let Some(next) = lines.get(i + 1).filter(|l| l.trim_start().starts_with('(')) else {
        return line.to_string();
    };
    let under = line.find("cramps on").unwrap_or(0);
    assert_eq!(
        next.len() - next.trim_start().len(),
        under,
        "the caution of {habit} is not indented under its comparison:\n{line}\n{next}"
    );
    format!("{line}  {}", next.trim_start())
}

/// Every line of `text` within 100 columns.
fn assert_within_100_columns(text: &str) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= 100,
            "{} columns: {line:?}",
            line.chars().count()
        );
    }
}

fn back(d: Date, n: i64) -> Date {
    d.checked_sub(n.days())
        .unwrap_or_else(|e| panic!("{d} - {n}: {e}"))
}

/// A journal in the documented format, written by hand.
fn journal_text(nights: &[String], cramps: &[String]) -> String {
    let mut text = String::from("cramp-coach journal 1\n");
    for n in nights {
        text.push_str(n);
        text.push('\n');
    }
    for (i, c) in cramps.iter().enumerate() {
        text.push_str(&format!("cramp {} {c}\n", i + 1));
    }
    text
}

/// `night=D at=D+1T02:00 ...`: a cramp in the small hours after the evening of `d`.
fn cramp_on(d: Date, extra: &str) -> String {
    let next = d.tomorrow().unwrap_or_else(|e| panic!("{e}"));
    format!("night={d} at={next}T02:00:00+00:00 muscle=calf side=left intensity=3 {extra}")
}

/// The built-in content file, as shipped.
fn shipped_content() -> Content {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    Content::parse(&path, &text).unwrap_or_else(|e| panic!("{e}"))
}
