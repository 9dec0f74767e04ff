//! Black-box tests of the cramp diary commands: `cramp log`, `log add`, `log remove`, `insights` and
//! `export`, their bad input, and the journal guarantees behind them.
//!
//! Every run is isolated: `--data-dir HOME/data`, HOME and XDG_* in a fresh tempdir, the CRAMP_*
//! variables and NO_COLOR removed, TZ=UTC. Cramps are logged with `--at` in 2025 so nothing depends on
//! today, except in the tests about insights (which look back from tonight) and about "now"; those
//! build their journal relative to tonight and assert nothing that would change if the night rolled
//! over during the test.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use tempfile::TempDir;

use cramp_coach::config::DayStart;
use cramp_coach::content::Content;
use cramp_coach::night::night_of;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A generous guard against a hung binary; not a timing assertion.
const HANG_GUARD: Duration = Duration::from_secs(60);

const OUR_VARS: [&str; 4] = [
    "CRAMP_CONTENT",
    "CRAMP_CONFIG",
    "CRAMP_DATA_DIR",
    "NO_COLOR",
];

struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a tempdir: {e}")),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    fn journal(&self) -> PathBuf {
        self.data().join("journal.txt")
    }

    fn journal_bytes(&self) -> Option<Vec<u8>> {
        std::fs::read(self.journal()).ok()
    }

    fn write_journal(&self, bytes: impl AsRef<[u8]>) {
        std::fs::create_dir_all(self.data()).unwrap_or_else(|e| panic!("mkdir data: {e}"));
        std::fs::write(self.journal(), bytes).unwrap_or_else(|e| panic!("write journal: {e}"));
    }

    /// A file of our own in the home, returned as a string for the command line.
    fn file(&self, name: &str, text: &str) -> String {
        let path = self.path().join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {name}: {e}"));
        path.to_string_lossy().into_owned()
    }

    /// `cramp --data-dir HOME/data` in a clean environment.
    fn cramp(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("cramp"));
        cmd.current_dir(self.path())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("xdg-data"))
            .env("XDG_STATE_HOME", self.path().join("state"))
            .env("XDG_CACHE_HOME", self.path().join("cache"))
            .env("TZ", "UTC")
            .timeout(HANG_GUARD)
            .arg("--data-dir")
            .arg(self.data());
        for var in OUR_VARS {
            cmd.env_remove(var);
        }
        cmd
    }

    fn run(&self, args: &[&str]) -> Out {
        let o = self
            .cramp()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run cramp: {e}"));
        Out {
            args: args.join(" "),
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// `cramp log add` with the given fields; must succeed.
    fn add(&self, muscle: &str, side: &str, intensity: &str, at: &str, extra: &[&str]) -> Out {
        let mut args = vec![
            "log",
            "add",
            "--muscle",
            muscle,
            "--side",
            side,
            "--intensity",
            intensity,
            "--at",
            at,
        ];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        out.ok();
        out
    }
}

struct Out {
    args: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Out {
    fn ok(&self) {
        assert_eq!(
            self.code,
            Some(0),
            "`cramp {}` failed:\n{}{}",
            self.args,
            self.stdout,
            self.stderr
        );
    }

    fn code(&self, want: i32) {
        assert_eq!(
            self.code,
            Some(want),
            "`cramp {}`: want exit {want}\nstdout: {}\nstderr: {}",
            self.args,
            self.stdout,
            self.stderr
        );
    }

    fn stderr_has(&self, needle: &str) {
        assert!(
            self.stderr.contains(needle),
            "`cramp {}`: stderr lacks {needle:?}:\n{}",
            self.args,
            self.stderr
        );
    }

    fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// Three cramps logged out of time order: #1 on the night of Mar 12, #2 at 00:30 on Mar 10 (the
/// night of Mar 9, with symptoms), #3 at 04:30 on Mar 11 (the night of Mar 11, 11 minutes).
fn seeded() -> Home {
    let home = Home::new();
    home.add("calf", "left", "3", "2025-03-12 23:00", &[]);
    home.add("foot", "right", "2", "2025-03-10 00:30", &["--symptoms"]);
    home.add(
        "thigh",
        "both",
        "5",
        "2025-03-11 04:30",
        &["--minutes", "11"],
    );
    home
}

const SEEDED_LOG: [&str; 3] = [
    "#1  2025-03-12 23:00  night 2025-03-12  calf  left  3/5  - min",
    "#3  2025-03-11 04:30  night 2025-03-11  thigh  both  5/5  11 min  warning: a cramp longer than 10 minutes",
    "#2  2025-03-10 00:30  night 2025-03-09  foot  right  2/5  - min  warning: weakness, numbness, swelling or skin change",
];

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

/// RFC 4180 records (see tests/insights.rs): panics on a bare LF, a stray quote or a missing CRLF.
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
// log, log add, log remove
// ---------------------------------------------------------------------------------------------

#[test]
fn log_lists_entries_newest_first_with_their_ids() {
    let home = seeded();
    let out = home.run(&["log"]);
    out.ok();
    assert_eq!(out.stdout_lines(), SEEDED_LOG);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn log_add_says_what_it_logged_and_where_it_belongs() {
    let home = Home::new();
    let out = home.add(
        "other",
        "both",
        "1",
        "2025-03-10 00:30",
        &["--minutes", "0"],
    );
    assert_eq!(
        out.stdout,
        "logged #1  2025-03-10 00:30  night 2025-03-09  other  both  1/5  0 min\n"
    );
    let out = home.add(
        "calf",
        "left",
        "5",
        "2025-03-10 04:30",
        &["--minutes", "1440"],
    );
    assert!(
        out.stdout.starts_with(
            "logged #2  2025-03-10 04:30  night 2025-03-10  calf  left  5/5  1440 min"
        ),
        "{}",
        out.stdout
    );
    let text = String::from_utf8(home.journal_bytes().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.contains(
            "cramp 1 night=2025-03-09 at=2025-03-10T00:30:00+00:00 muscle=other side=both intensity=1 seconds=0 symptoms=no\n"
        ),
        "{text}"
    );
    assert!(text.contains("cramp 2 night=2025-03-10 "), "{text}");
}

#[test]
fn log_since_keeps_nights_from_that_date() {
    let home = seeded();
    let out = home.run(&["log", "--since", "2025-03-11"]);
    out.ok();
    assert_eq!(out.stdout_lines(), SEEDED_LOG[..2]);
    // 00:30 on Mar 10 is the night of Mar 9: a --since of Mar 10 leaves it out.
    let out = home.run(&["log", "--since", "2025-03-10"]);
    out.ok();
    assert_eq!(out.stdout_lines(), SEEDED_LOG[..2]);
    let out = home.run(&["log", "--since", "2025-03-09"]);
    assert_eq!(out.stdout_lines(), SEEDED_LOG);
    let out = home.run(&["log", "--since", "2025-03-13"]);
    out.ok();
    assert_eq!(out.stdout, "");
}

#[test]
fn reading_commands_on_a_fresh_home_create_nothing() {
    let home = Home::new();
    for args in [
        &["log"][..],
        &["log", "--since", "2025-01-01"],
        &["insights"],
        &["export", "--format", "csv"],
        &["export", "--format", "markdown"],
    ] {
        let out = home.run(args);
        out.ok();
        assert_nothing_stored(&home, &out.args);
    }
    assert_eq!(home.run(&["log"]).stdout, "");
}

#[test]
fn log_remove_removes_by_id_and_leaves_the_rest() {
    let home = seeded();
    let out = home.run(&["log", "remove", "3"]);
    out.ok();
    assert_eq!(out.stdout, "removed #3\n");
    let out = home.run(&["log"]);
    assert_eq!(out.stdout_lines(), [SEEDED_LOG[0], SEEDED_LOG[2]]);
    let text = String::from_utf8(home.journal_bytes().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!text.contains("cramp 3 "), "{text}");
    assert!(
        text.contains("cramp 1 ") && text.contains("cramp 2 "),
        "{text}"
    );
}

#[test]
fn log_remove_of_an_unknown_id_exits_2_and_leaves_the_journal_byte_identical() {
    let home = seeded();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    for id in ["4", "0", "99999"] {
        let out = home.run(&["log", "remove", id]);
        out.code(2);
        out.stderr_has(&format!("#{id}"));
        assert_untouched(&home, &before, inode, &out.args);
    }
    // Removed once, unknown the second time.
    home.run(&["log", "remove", "2"]).ok();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    let out = home.run(&["log", "remove", "2"]);
    out.code(2);
    assert_untouched(&home, &before, inode, &out.args);
    for bad in ["abc", "-1", "1.5", ""] {
        let out = home.run(&["log", "remove", bad]);
        out.code(2);
        assert_untouched(&home, &before, inode, &out.args);
    }
}

#[test]
fn log_remove_of_an_unknown_id_on_a_fresh_home_stores_nothing() {
    let home = Home::new();
    let out = home.run(&["log", "remove", "1"]);
    out.code(2);
    assert_nothing_stored(&home, &out.args);
}

/// A valid `log add`, with `flag` set to `value` (added if absent).
fn add_args<'a>(flag: &'a str, value: &'a str) -> Vec<&'a str> {
    let mut args = vec![
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "3",
        "--at",
        "2025-03-14 02:00",
    ];
    match args.iter().position(|a| *a == flag) {
        Some(i) => args[i + 1] = value,
        None => args.extend([flag, value]),
    }
    args
}

/// Runs `args` on a fresh home (nothing may be stored) and on a seeded one (the journal stays byte
/// for byte); both must exit 2. Returns the output of the fresh run.
fn refused(args: &[&str]) -> Out {
    let fresh = Home::new();
    let out = fresh.run(args);
    out.code(2);
    assert_nothing_stored(&fresh, &out.args);

    let home = seeded();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    let again = home.run(args);
    again.code(2);
    assert_untouched(&home, &before, inode, &again.args);
    assert_eq!(home.run(&["log"]).stdout_lines(), SEEDED_LOG);
    out
}

#[test]
fn bad_muscle_exits_2_names_the_muscles_and_stores_nothing() {
    for bad in ["knee", "Calf", "calves", "", "calf,foot"] {
        let out = refused(&add_args("--muscle", bad));
        for m in ["calf", "foot", "thigh", "other"] {
            out.stderr_has(m);
        }
    }
}

#[test]
fn bad_side_exits_2_names_the_sides_and_stores_nothing() {
    for bad in ["up", "LEFT", "l", "", "left,right"] {
        let out = refused(&add_args("--side", bad));
        for s in ["left", "right", "both"] {
            out.stderr_has(s);
        }
    }
}

#[test]
fn intensity_out_of_range_exits_2_names_1_to_5_and_stores_nothing() {
    for bad in ["0", "6", "10", "255", "256"] {
        let out = refused(&add_args("--intensity", bad));
        out.stderr_has("--intensity");
        names_range(&out, 1, 5);
    }
}

#[test]
fn intensity_not_a_number_exits_2_and_stores_nothing() {
    for bad in ["x", "3.5", "-1", "", "three"] {
        let out = refused(&add_args("--intensity", bad));
        out.stderr_has("--intensity");
    }
}

#[test]
fn intensity_not_a_number_names_1_to_5() {
    for bad in ["x", "3.5", "-1"] {
        let out = refused(&add_args("--intensity", bad));
        names_range(&out, 1, 5);
    }
}

#[test]
fn minutes_out_of_range_exits_2_and_stores_nothing() {
    // `--minutes -1` as two words: clap reads "-1" as an unknown flag; still exit 2, nothing stored.
    let out = refused(&add_args("--minutes", "-1"));
    out.stderr_has("-1");
    for bad in ["--minutes=-1", "--minutes=1441", "--minutes=99999999999"] {
        let mut args = add_args("--at", "2025-03-14 02:00");
        args.push(bad);
        let out = refused(&args);
        out.stderr_has("--minutes");
        names_range(&out, 0, 1440);
    }
    for bad in ["x", "1.5", ""] {
        let out = refused(&add_args("--minutes", bad));
        out.stderr_has("--minutes");
    }
}

#[test]
fn minutes_not_a_whole_number_names_the_range() {
    for bad in ["-1", "x", "1.5"] {
        let out = refused(&add_args("--minutes", bad));
        names_range(&out, 0, 1440);
    }
}

#[test]
fn bad_at_formats_exit_2_name_the_format_and_store_nothing() {
    for bad in [
        "2025-03-14T02:00",
        "2025-03-14 02:00:00",
        "2025-03-14 2:00",
        "2025-03-14  02:00",
        " 2025-03-14 02:00",
        "2025-03-14 02:00 ",
        "2025-3-14 02:00",
        "14/03/2025 02:00",
        "2025-03-14",
        "02:00",
        "2025-02-30 02:00",
        "2025-13-01 02:00",
        "2025-03-14 24:00",
        "2025-03-14 02:60",
        "2025-03-14 -1:00",
        "yesterday",
        "",
    ] {
        let out = refused(&add_args("--at", bad));
        out.stderr_has("YYYY-MM-DD HH:MM");
    }
}

#[test]
fn at_with_signed_fields_is_refused() {
    for bad in ["2025-03-14 +2:00", "2025-03-14 02:+5", "2025-03-14 +2:+5"] {
        let out = refused(&add_args("--at", bad));
        out.stderr_has("YYYY-MM-DD HH:MM");
    }
}

#[test]
fn a_future_at_exits_2_and_stores_nothing() {
    let tomorrow = Timestamp::now()
        .to_zoned(TimeZone::UTC)
        .checked_add(1.day())
        .unwrap_or_else(|e| panic!("{e}"))
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    for future in ["2099-01-01 03:00", tomorrow.as_str()] {
        let out = refused(&add_args("--at", future));
        out.stderr_has("future");
    }
}

#[test]
fn missing_required_fields_exit_2_and_store_nothing() {
    let out = refused(&["log", "add", "--side", "left", "--intensity", "3"]);
    out.stderr_has("--muscle");
    let out = refused(&["log", "add", "--muscle", "calf", "--intensity", "3"]);
    out.stderr_has("--side");
    let out = refused(&["log", "add", "--muscle", "calf", "--side", "left"]);
    out.stderr_has("--intensity");
    let out = refused(&[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "3",
        "--bogus",
    ]);
    out.stderr_has("--bogus");
}

#[test]
fn bad_since_dates_exit_2_and_name_the_format() {
    for bad in [
        "2025-3-10",
        "2025-02-30",
        "10/03/2025",
        "yesterday",
        "",
        "2025-03-10 00:00",
    ] {
        for cmd in [
            &["log", "--since", bad][..],
            &["export", "--format", "csv", "--since", bad],
            &["export", "--format", "markdown", "--since", bad],
        ] {
            let out = refused(cmd);
            out.stderr_has("YYYY-MM-DD");
        }
    }
}

#[test]
fn export_since_in_the_future_or_a_bad_format_exits_2() {
    let out = refused(&["export", "--format", "csv", "--since", "2099-01-01"]);
    out.stderr_has("future");
    let out = refused(&["export", "--format", "pdf"]);
    out.stderr_has("csv");
    out.stderr_has("markdown");
    let out = refused(&["export"]);
    out.stderr_has("--format");
}

#[test]
fn log_add_without_at_logs_now_on_tonight() {
    let home = Home::new();
    let before = tonight();
    let out = home.run(&[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "2",
    ]);
    let after = tonight();
    out.ok();
    assert!(
        out.stdout.contains(&format!("night {before}"))
            || out.stdout.contains(&format!("night {after}")),
        "{}",
        out.stdout
    );
    // The journal is private.
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{e}"))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&home.journal()), 0o600);
    assert_eq!(mode(&home.data()), 0o700);
}

// ---------------------------------------------------------------------------------------------
// Red flags after log add
// ---------------------------------------------------------------------------------------------

fn assert_get_help_shown(out: &Out) {
    let g = shipped_content().guidance;
    for line in [&g.get_help_now[0], &g.see_a_doctor[1], &g.see_a_doctor[3]] {
        assert!(
            out.stdout.contains(line.as_str()),
            "`cramp {}` does not show {line:?}:\n{}",
            out.args,
            out.stdout
        );
    }
    assert!(out.stdout.contains("When to get help"), "{}", out.stdout);
}

fn assert_get_help_not_shown(out: &Out) {
    let g = shipped_content().guidance;
    assert!(
        !out.stdout.contains(g.get_help_now[0].as_str())
            && !out.stdout.contains("When to get help"),
        "`cramp {}` shows the red-flag advice:\n{}",
        out.args,
        out.stdout
    );
}

#[test]
fn log_add_with_symptoms_shows_when_to_get_help_at_once() {
    let home = Home::new();
    let out = home.add("calf", "left", "3", "2025-03-10 02:00", &["--symptoms"]);
    assert_get_help_shown(&out);
    assert!(
        out.stdout.starts_with("logged #1 "),
        "the entry is stored before the advice: {}",
        out.stdout
    );
}

#[test]
fn log_add_longer_than_10_minutes_shows_when_to_get_help() {
    let home = Home::new();
    let out = home.add(
        "calf",
        "left",
        "3",
        "2025-03-10 02:00",
        &["--minutes", "11"],
    );
    assert_get_help_shown(&out);
    let out = home.add(
        "thigh",
        "both",
        "5",
        "2025-03-10 03:00",
        &["--minutes", "1440", "--symptoms"],
    );
    assert_get_help_shown(&out);
}

#[test]
fn log_add_of_10_minutes_or_no_flag_shows_no_red_flag_advice() {
    let home = Home::new();
    for extra in [&["--minutes", "10"][..], &[], &["--minutes", "0"]] {
        let out = home.add("calf", "left", "4", "2025-03-10 02:00", extra);
        assert_get_help_not_shown(&out);
        assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    }
}

// ---------------------------------------------------------------------------------------------
// insights
// ---------------------------------------------------------------------------------------------

/// Tracked from 20 nights before tonight: stretch kept on the first ten (cramps on two of them), not
/// on the ten after (cramps on three); fluids (counted, target 6) never reaches its target.
fn insights_home() -> Home {
    let t = tonight();
    let mut nights = Vec::new();
    for n in (11..=20).rev() {
        nights.push(format!("night {} stretch fluids=2", back(t, n)));
    }
    let cramps: Vec<String> = [19, 14, 9, 5, 2]
        .iter()
        .map(|n| cramp_on(back(t, *n), "seconds=60 symptoms=no"))
        .collect();
    let home = Home::new();
    home.write_journal(journal_text(&nights, &cramps));
    home
}

#[test]
fn insights_show_raw_counts_with_a_caution_and_never_a_percentage() {
    let home = insights_home();
    let out = home.run(&["insights"]);
    out.ok();
    let text = &out.stdout;
    assert!(!text.contains('%'), "a percentage:\n{text}");
    assert!(
        text.contains("Cramp nights per week, last 8 weeks"),
        "{text}"
    );
    assert!(
        text.contains("Cramp-free: 2 nights in a row")
            || text.contains("Cramp-free: 3 nights in a row"),
        "{text}"
    );
    assert!(text.contains("Habits kept per week"), "{text}");
    let stretch = text
        .lines()
        .find(|l| l.trim_start().starts_with("stretch ") && l.contains("cramps on"))
        .unwrap_or_else(|| panic!("no stretch comparison:\n{text}"));
    // Ten kept nights with two cramps; ten (eleven, if the night rolled over during the test) not kept
    // with three.
    assert!(
        stretch.contains("cramps on 2 of 10 nights kept vs 3 of 10 nights not kept")
            || stretch.contains("cramps on 2 of 10 nights kept vs 3 of 11 nights not kept"),
        "{stretch}"
    );
    assert!(!stretch.contains("too few"), "{stretch}");
    let fluids = text
        .lines()
        .find(|l| l.trim_start().starts_with("fluids ") && l.contains("cramps on"))
        .unwrap_or_else(|| panic!("no fluids comparison:\n{text}"));
    assert!(fluids.contains("cramps on 0 of 0 nights kept"), "{fluids}");
    assert!(
        fluids.contains("too few nights on one side to compare"),
        "{fluids}"
    );
    assert!(text.contains("not proof"), "no claim of cause:\n{text}");
    assert!(
        !text.contains("frequent"),
        "five cramps in three weeks are not frequent:\n{text}"
    );
    assert!(!text.contains("warning sign"), "{text}");
}

#[test]
fn insights_note_frequent_cramps_as_the_apps_own_threshold() {
    let t = tonight();
    let cramps: Vec<String> = (1..=14)
        .map(|n| cramp_on(back(t, n), "seconds=60"))
        .collect();
    let home = Home::new();
    home.write_journal(journal_text(&[], &cramps));
    let out = home.run(&["insights"]);
    out.ok();
    let text = &out.stdout;
    assert!(text.contains("Cramps have been frequent"), "{text}");
    assert!(
        text.contains("on 3 or more nights a week, 2 weeks running"),
        "the default threshold:\n{text}"
    );
    assert!(text.contains("cramp-coach's own"), "{text}");
    assert!(text.contains("not a clinical rule"), "{text}");
    assert!(!text.contains('%'), "{text}");
}

#[test]
fn insights_frequent_threshold_comes_from_the_content_file() {
    let content = "[guidance]\nfrequent_nights = 1\nfrequent_weeks = 1\n\
                   [[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n\
                   [[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull the toes.\"\nseconds = 5\n\
                   [[habit]]\nid = \"stretch\"\ntitle = \"Stretch\"\n";
    let t = tonight();
    let home = Home::new();
    home.write_journal(journal_text(&[], &[cramp_on(back(t, 3), "")]));
    let file = home.file("content.toml", content);
    let out = home.run(&["--content", &file, "insights"]);
    out.ok();
    assert!(
        out.stdout
            .contains("on 1 or more nights a week, 1 week running"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("cramp-coach's own"), "{}", out.stdout);
    // The same journal with the built-in content: no note.
    let out = home.run(&["insights"]);
    out.ok();
    assert!(!out.stdout.contains("frequent"), "{}", out.stdout);
}

#[test]
fn insights_count_red_flag_episodes() {
    let t = tonight();
    let home = Home::new();
    home.write_journal(journal_text(
        &[],
        &[
            cramp_on(back(t, 6), "symptoms=yes"),
            cramp_on(back(t, 5), "seconds=601"),
            cramp_on(back(t, 4), "seconds=600 symptoms=no"),
        ],
    ));
    let out = home.run(&["insights"]);
    out.ok();
    assert!(
        out.stdout
            .contains("2 of 3 cramps logged in these weeks reported a warning sign"),
        "{}",
        out.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// export
// ---------------------------------------------------------------------------------------------

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
    // comma or quote is tested through the library in tests/insights.rs.
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
    assert_eq!(
        header[..10],
        [
            "record",
            "night",
            "began",
            "muscle",
            "side",
            "intensity",
            "minutes",
            "symptoms",
            "routine",
            "steps"
        ]
    );
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

// ---------------------------------------------------------------------------------------------
// An unreadable journal
// ---------------------------------------------------------------------------------------------

const EVERY_COMMAND: [&[&str]; 8] = [
    &["log"],
    &["log", "--since", "2025-01-01"],
    &["insights"],
    &["export", "--format", "csv"],
    &["export", "--format", "markdown", "--since", "2025-01-01"],
    &[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "3",
        "--at",
        "2025-03-14 02:00",
    ],
    &[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "3",
        "--symptoms",
    ],
    &["log", "remove", "1"],
];

#[test]
fn an_unreadable_journal_exits_3_and_is_left_byte_identical() {
    let valid_start = "cramp-coach journal 1\nnight 2025-03-01 stretch\n";
    let cases: [(&str, Vec<u8>); 7] = [
        ("garbage", b"garbage\n".to_vec()),
        ("binary", vec![0x00, 0xff, 0xfe, 0x01, b'\n', 0x80]),
        ("not UTF-8", [valid_start.as_bytes(), b"cramp 1 night=2025-03-01 at=\xff\n"].concat()),
        ("newer", b"cramp-coach journal 99\ncramp 1 future=yes\n".to_vec()),
        ("a cramp without its time", format!("{valid_start}cramp 1 night=2025-03-01\n").into_bytes()),
        ("a bad field", format!("{valid_start}cramp 1 night=2025-03-01 at=2025-03-02T02:00:00+00:00 muscle=knee\n").into_bytes()),
        ("an id twice", format!("{valid_start}cramp 1 night=2025-03-01 at=2025-03-02T02:00:00+00:00\ncramp 1 night=2025-03-02 at=2025-03-03T02:00:00+00:00\n").into_bytes()),
    ];
    for (what, bytes) in cases {
        let home = Home::new();
        home.write_journal(&bytes);
        let inode = inode_of(&home.journal());
        for args in EVERY_COMMAND {
            let out = home.run(args);
            out.code(3);
            out.stderr_has("journal.txt");
            assert!(
                out.stdout.is_empty(),
                "{what}: `cramp {}` printed {:?}",
                out.args,
                out.stdout
            );
            assert_untouched(
                &home,
                &bytes,
                inode,
                &format!("{what}: `cramp {}`", out.args),
            );
        }
    }
}

#[test]
fn a_journal_that_is_a_folder_exits_1_naming_it_and_is_left_alone() {
    let home = Home::new();
    std::fs::create_dir_all(home.journal()).unwrap_or_else(|e| panic!("{e}"));
    for args in EVERY_COMMAND {
        let out = home.run(args);
        out.code(1);
        out.stderr_has("journal.txt: a folder, not a regular file");
        assert!(
            home.journal().is_dir(),
            "`cramp {}` replaced the folder",
            out.args
        );
    }
}
