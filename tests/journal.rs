//! The journal: its text format through the library API, then the file on disk through the built
//! `cramp` binary: concurrent writers, SIGKILL at random instants, unreadable journals left
//! untouched, private permissions, `--undo` and counted habits, and the fsync/rename order.
//!
//! Every binary run is isolated (`Home::cmd`): `--data-dir` inside a fresh tempdir, HOME,
//! XDG_CONFIG_HOME and XDG_DATA_HOME inside it too, every `CRAMP_*` variable and NO_COLOR removed,
//! TZ=UTC, stdin closed. Dates are passed with `--date` and lie in the past, so nothing depends on
//! today.
//!
//! No sleep is used to wait for anything: processes are waited for, threads joined. The one
//! `thread::sleep` (in the SIGKILL test) only picks the random instant of a kill.
//!
//! How the durability tests were checked to be able to fail: each guarantee was removed in turn in
//! a scratch copy of the crate under /tmp (never in the working tree), and the test that guards it
//! was run against the broken binary; see the comment on each test.

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write as _};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use cramp_coach::journal::{JOURNAL_FILE, Journal, JournalError, LOCK_FILE, MAX_COUNT, Store};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const BIN: &str = env!("CARGO_BIN_EXE_cramp");

/// The habit ids of the built-in content (`assets/content.toml`), in file order.
const HABITS: [&str; 7] = [
    "stretch",
    "fluids",
    "bedding",
    "no-late-legs",
    "alcohol-caffeine",
    "footwear",
    "move",
];

/// A guard against a hung binary for single runs (assert_cmd kills it); not a timing assertion.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// A fresh home for one or more runs of the binary.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a tempdir"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The journal's folder (`--data-dir`); not created until the app creates it.
    fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    fn journal(&self) -> PathBuf {
        self.data().join(JOURNAL_FILE)
    }

    fn lock(&self) -> PathBuf {
        self.data().join(LOCK_FILE)
    }

    /// `program` with the isolated environment (program is the binary or `sh`).
    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("CRAMP_") {
                cmd.env_remove(key);
            }
        }
        cmd.env_remove("NO_COLOR")
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("xdg-data"))
            .env("TZ", "UTC")
            .current_dir(self.path())
            .stdin(Stdio::null());
        cmd
    }

    /// `cramp --data-dir DATA ARGS...`, not yet started.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.command(BIN);
        cmd.arg("--data-dir").arg(self.data()).args(args);
        cmd
    }

    /// Runs `cramp ARGS...` to the end.
    fn run(&self, args: &[&str]) -> Output {
        assert_cmd::Command::from_std(self.cmd(args))
            .timeout(HANG_GUARD)
            .output()
            .expect("cramp runs")
    }

    /// Runs `cramp ARGS...` under `umask MASK` (the shell sets it, then execs the binary).
    fn run_with_umask(&self, mask: &str, args: &[&str]) -> Output {
        let mut cmd = self.command("sh");
        cmd.arg("-c")
            .arg(format!("umask {mask}; exec \"$0\" \"$@\""))
            .arg(BIN)
            .arg("--data-dir")
            .arg(self.data())
            .args(args);
        assert_cmd::Command::from_std(cmd)
            .timeout(HANG_GUARD)
            .output()
            .expect("sh runs")
    }

    /// Writes a journal file by hand (the folder private, as the app would make it).
    fn put_journal(&self, bytes: &[u8]) {
        fs::create_dir_all(self.data()).unwrap();
        fs::set_permissions(self.data(), fs::Permissions::from_mode(0o700)).unwrap();
        fs::write(self.journal(), bytes).unwrap();
    }

    /// The journal on disk, parsed; panics (with the text) if it is not a valid journal.
    fn parsed(&self) -> Journal {
        let path = self.journal();
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = String::from_utf8(bytes).expect("journal is UTF-8");
        Journal::parse(&path, &text).unwrap_or_else(|e| panic!("{e}\n--- file ---\n{text}"))
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "expected exit {code}, got {:?}\n--- stdout ---\n{}--- stderr ---\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

/// Everything in the data folder, by name.
fn listing(dir: &Path) -> BTreeSet<String> {
    match fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) if e.kind() == ErrorKind::NotFound => BTreeSet::new(),
        Err(e) => panic!("{}: {e}", dir.display()),
    }
}

/// True when the tests run as root, judged by the owner of a file just created (no libc needed).
fn running_as_root() -> bool {
    let probe = tempfile::NamedTempFile::new().unwrap();
    fs::metadata(probe.path()).unwrap().uid() == 0
}

/// `night + n days`.
fn plus_days(night: Date, n: i64) -> Date {
    night
        .checked_add(jiff::Span::new().days(n))
        .expect("date in range")
}

/// All ticks of a journal, as comparable values.
fn tick_set(j: &Journal) -> BTreeSet<(Date, String, u32)> {
    j.nights()
        .flat_map(|night| {
            j.ticks(night)
                .into_iter()
                .map(move |(id, n)| (night, id.to_string(), n))
        })
        .collect()
}

/// A small deterministic PRNG (splitmix64): the kill test's randomness, reproducible from a seed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

// ---------------------------------------------------------------------------------------------
// 1. The format, through the public API
// ---------------------------------------------------------------------------------------------

fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(HABITS.to_vec()).prop_map(str::to_string),
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

const HEADER: &str = "cramp-coach journal 1\n";

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
        ("cramp-coach journal 2\n", 2),
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

// ---------------------------------------------------------------------------------------------
// 2. Many writer processes at once
// ---------------------------------------------------------------------------------------------

/// Starts every command, then waits for them all; returns their outputs in order.
fn spawn_all_then_wait(cmds: Vec<Command>) -> Vec<Output> {
    let children: Vec<_> = cmds
        .into_iter()
        .map(|mut c| {
            c.stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn cramp")
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait cramp"))
        .collect()
}

/// Guards the lock. Checked to fail (scratch copy, 5 runs each): with `lock.lock()` removed from
/// `Store::update`, writers fail renaming the shared temporary file away under each other (exit 1);
/// with the lock removed and a temporary file per process, round 0 already ends with 3 to 6 of the
/// 20 nights (each read-modify-write overwrote the others').
#[test]
fn twenty_writer_processes_at_once_lose_no_night() {
    const ROUNDS: usize = 5;
    const WRITERS: i64 = 20;
    for round in 0..ROUNDS {
        // A fresh home each round: the first writers also race to create the folder and file.
        let home = Home::new();
        let nights: Vec<Date> = (0..WRITERS)
            .map(|i| plus_days(date(2025, 1, 1), i))
            .collect();
        let outs = spawn_all_then_wait(
            nights
                .iter()
                .map(|n| home.cmd(&["check", "stretch", "--date", &n.to_string()]))
                .collect(),
        );
        for (night, out) in nights.iter().zip(&outs) {
            assert_exit(out, 0);
            assert!(
                stdout(out).contains(&format!("[x] stretch  Bedtime stretch  (night of {night})")),
                "round {round}: {}",
                stdout(out)
            );
        }
        let j = home.parsed();
        let want: BTreeSet<_> = nights
            .iter()
            .map(|n| (*n, "stretch".to_string(), 1))
            .collect();
        assert_eq!(
            tick_set(&j),
            want,
            "round {round}: every night, nothing else"
        );
        for night in &nights {
            let out = home.run(&["habits", "--date", &night.to_string()]);
            assert_exit(&out, 0);
            assert!(
                stdout(&out).lines().any(|l| l.starts_with("[x] stretch ")),
                "round {round}, {night}:\n{}",
                stdout(&out)
            );
        }
    }
}

/// The same night from many processes: every `fluids` tick counts, and the yes/no habits ticked
/// alongside all land. Without the lock (and a temporary file per process) the count came out
/// 1 to 5 instead of 10 in every run.
#[test]
fn concurrent_ticks_on_one_night_all_count() {
    for round in 0..3 {
        let home = Home::new();
        let night = "2025-03-14";
        let mut cmds: Vec<Command> = (0..10)
            .map(|_| home.cmd(&["check", "fluids", "--date", night]))
            .collect();
        // The other six habits, interleaved with the fluids writers.
        for (i, habit) in HABITS.iter().filter(|h| **h != "fluids").enumerate() {
            cmds.insert(i * 2 + 1, home.cmd(&["check", habit, "--date", night]));
        }
        for out in spawn_all_then_wait(cmds) {
            assert_exit(&out, 0);
        }
        let j = home.parsed();
        assert_eq!(j.count(date(2025, 3, 14), "fluids"), 10, "round {round}");
        for habit in HABITS.iter().filter(|h| **h != "fluids") {
            assert_eq!(
                j.count(date(2025, 3, 14), habit),
                1,
                "round {round}: {habit}"
            );
        }
        let out = home.run(&["habits", "--date", night]);
        assert_exit(&out, 0);
        assert!(
            stdout(&out)
                .lines()
                .any(|l| l.starts_with("[10/6] fluids ")),
            "{}",
            stdout(&out)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 3. SIGKILL at random instants
// ---------------------------------------------------------------------------------------------

/// Where a kill landed, judged right after the killed writer was reaped, with the journal lock held
/// by the test (so no other writer is part-way through its write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Landed {
    /// The writer exited 0 before the kill: its change is acknowledged.
    Finished,
    /// Killed, its change on disk: after the rename (during the folder fsync or the reply).
    AfterRename,
    /// Killed, a temporary file holding its change left behind: after writing it, before the rename.
    MidWrite,
    /// Killed, nothing of its change to be seen (starting up, waiting for the lock, reading,
    /// or a temporary file another writer has already replaced).
    Early,
}

struct KillRun {
    night: Date,
    habit: &'static str,
    kill: bool,
    landed: Landed,
}

/// Reads the journal without the lock (as `cramp habits` does) and checks it is a whole journal
/// whose ticks only ever grow. `Ok(None)`: not written yet.
fn read_whole(path: &Path) -> Result<Option<Journal>, String> {
    match fs::read(path) {
        Ok(bytes) => {
            let text =
                String::from_utf8(bytes).map_err(|e| format!("torn journal: not UTF-8: {e}"))?;
            Journal::parse(path, &text)
                .map(Some)
                .map_err(|e| format!("torn journal: {e}\n--- file ---\n{text}"))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Once the journal exists it never disappears, is never torn, and never loses a tick.
#[derive(Default)]
struct History {
    last: Option<BTreeSet<(Date, String, u32)>>,
}

impl History {
    fn observe(&mut self, seen: Result<Option<Journal>, String>, who: &str) -> Result<(), String> {
        match (seen.map_err(|e| format!("{who}: {e}"))?, &self.last) {
            (None, None) => Ok(()),
            (None, Some(_)) => Err(format!("{who}: the journal disappeared")),
            (Some(j), last) => {
                let now = tick_set(&j);
                if let Some(last) = last
                    && !last.is_subset(&now)
                {
                    let lost: Vec<_> = last.difference(&now).collect();
                    return Err(format!("{who}: ticks lost: {lost:?}"));
                }
                self.last = Some(now);
                Ok(())
            }
        }
    }
}

/// Classifies a finished writer; takes the journal lock to look at the folder undisturbed.
fn landed(home: &Home, run_night: Date, habit: &str, out: &Output) -> Result<Landed, String> {
    if out.status.code() == Some(0) {
        return Ok(Landed::Finished);
    }
    if out.status.signal() != Some(9) {
        return Err(format!(
            "{habit} {run_night}: neither finished nor killed: {:?}: {}",
            out.status,
            stderr(out)
        ));
    }
    let lock = OpenOptions::new().write(true).open(home.lock());
    let _guard = match lock {
        Ok(f) => {
            f.lock().map_err(|e| format!("test cannot lock: {e}"))?;
            Some(f)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(format!("test cannot open the lock: {e}")),
    };
    let on_disk = read_whole(&home.journal())?;
    if on_disk.is_some_and(|j| j.count(run_night, habit) > 0) {
        return Ok(Landed::AfterRename);
    }
    let mark = format!("night {run_night} ");
    for name in listing(&home.data()) {
        if name == JOURNAL_FILE || name == LOCK_FILE {
            continue;
        }
        if fs::read_to_string(home.data().join(&name)).is_ok_and(|t| t.contains(&mark)) {
            return Ok(Landed::MidWrite);
        }
    }
    Ok(Landed::Early)
}

/// Guards atomicity and acknowledged durability. Each writer ticks one habit on its own night;
/// most are sent SIGKILL after a random 0–8 ms, the rest run to the end. After each writer is
/// reaped, and continuously from a reader thread, the journal must be a whole journal (or absent
/// before the first write) whose ticks never shrink; at the end every acknowledged change (exit 0)
/// is there, and nothing that no writer asked for.
///
/// Checked to fail (scratch copy, 5+ runs each, every run failed): writing the journal in place
/// (truncate, write, fsync; no temp + rename) leaves an empty journal after some killed writer, seen
/// within the first ~15 writers even with batches of 1 and the reader thread off; removing the
/// lock (with a temporary file per process) is caught as ticks lost between two snapshots.
#[test]
fn sigkill_at_random_instants_never_tears_the_journal_nor_loses_an_acknowledged_change() {
    const WRITERS: usize = 440;
    const BATCH: usize = 4;
    const KILL_PERCENT: u64 = 85;
    const MAX_DELAY_MICROS: u64 = 8_000;

    let seed = std::env::var("JOURNAL_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("sigkill test: seed {seed} (set JOURNAL_KILL_SEED to replay the plan)");
    let mut rng = SplitMix(seed);
    let plan: Vec<(Date, &'static str, Option<Duration>)> = (0..WRITERS)
        .map(|i| {
            let night = plus_days(date(2023, 1, 1), i as i64);
            let habit = HABITS[i % HABITS.len()];
            let delay = (rng.below(100) < KILL_PERCENT)
                .then(|| Duration::from_micros(rng.below(MAX_DELAY_MICROS)));
            (night, habit, delay)
        })
        .collect();
    let kills_sent = plan.iter().filter(|p| p.2.is_some()).count();
    assert!(kills_sent >= 300, "plan sends {kills_sent} kills");

    let home = Home::new();
    let started = Instant::now();

    // The reader: reads the journal as fast as it can while the writers run.
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let stop = Arc::clone(&stop);
        let path = home.journal();
        thread::spawn(move || -> Result<usize, String> {
            let mut history = History::default();
            let mut reads = 0;
            while !stop.load(Ordering::Relaxed) {
                history.observe(read_whole(&path), "reader")?;
                reads += 1;
                thread::yield_now();
            }
            Ok(reads)
        })
    };

    let history = Mutex::new(History::default());
    let mut runs: Vec<KillRun> = Vec::with_capacity(WRITERS);
    for batch in plan.chunks(BATCH) {
        let results: Vec<Result<KillRun, String>> = thread::scope(|s| {
            let handles: Vec<_> = batch
                .iter()
                .map(|&(night, habit, delay)| {
                    let home = &home;
                    let history = &history;
                    s.spawn(move || -> Result<KillRun, String> {
                        let mut child = home
                            .cmd(&["check", habit, "--date", &night.to_string()])
                            .stdout(Stdio::null())
                            .stderr(Stdio::piped())
                            .spawn()
                            .map_err(|e| format!("spawn: {e}"))?;
                        if let Some(delay) = delay {
                            // The random instant of the kill; not a wait for anything.
                            thread::sleep(delay);
                            // Not yet reaped, so this pid is still our child (maybe a zombie).
                            child.kill().map_err(|e| format!("kill: {e}"))?;
                        }
                        let out = child.wait_with_output().map_err(|e| format!("wait: {e}"))?;
                        let who = format!("after {habit} {night} ({:?})", out.status);
                        history
                            .lock()
                            .unwrap()
                            .observe(read_whole(&home.journal()), &who)?;
                        Ok(KillRun {
                            night,
                            habit,
                            kill: delay.is_some(),
                            landed: landed(home, night, habit, &out)?,
                        })
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for r in results {
            match r {
                Ok(run) => runs.push(run),
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    panic!("{e}");
                }
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let reads = reader.join().unwrap().unwrap_or_else(|e| panic!("{e}"));

    // The end state.
    let j = home.parsed();
    for run in &runs {
        if run.landed == Landed::Finished {
            assert_eq!(
                j.count(run.night, run.habit),
                1,
                "acknowledged {} {} is missing",
                run.habit,
                run.night
            );
        }
    }
    let asked: BTreeSet<_> = runs
        .iter()
        .map(|r| (r.night, r.habit.to_string(), 1))
        .collect();
    let present = tick_set(&j);
    assert!(
        present.is_subset(&asked),
        "ticks nobody asked for: {:?}",
        present.difference(&asked).collect::<Vec<_>>()
    );
    let after_rename = runs.iter().filter(|r| r.landed == Landed::AfterRename);
    for run in after_rename {
        assert_eq!(j.count(run.night, run.habit), 1, "a renamed change stays");
    }
    // And the next writer copes with whatever a killed one left behind.
    let out = home.run(&["check", "stretch", "--date", "2025-06-01"]);
    assert_exit(&out, 0);
    assert_eq!(home.parsed().count(date(2025, 6, 1), "stretch"), 1);

    let count = |l: Landed| runs.iter().filter(|r| r.landed == l).count();
    let finished_despite_kill = runs
        .iter()
        .filter(|r| r.kill && r.landed == Landed::Finished)
        .count();
    let landed_mid_run = runs.len() - count(Landed::Finished);
    eprintln!(
        "sigkill test: {} writers, {kills_sent} kills sent, {landed_mid_run} landed mid-run \
         ({} early, {} mid-write before the rename, {} after the rename), \
         {finished_despite_kill} too late (already exited), {} acknowledged, {reads} lock-free reads, {:.1} s",
        runs.len(),
        count(Landed::Early),
        count(Landed::MidWrite),
        count(Landed::AfterRename),
        count(Landed::Finished),
        started.elapsed().as_secs_f64()
    );
    // If the binary ever got so fast that kills stopped landing, this test would prove nothing.
    assert!(
        landed_mid_run >= 100,
        "only {landed_mid_run} kills landed mid-run"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Unreadable journals are never touched
// ---------------------------------------------------------------------------------------------

/// Everything about a file that a write (in place or by rename) would change.
#[derive(Debug, PartialEq, Eq)]
struct Fingerprint {
    bytes: Vec<u8>,
    ino: u64,
    mtime: (i64, i64),
    mode: u32,
}

fn fingerprint(path: &Path) -> Fingerprint {
    let m = fs::metadata(path).unwrap();
    Fingerprint {
        bytes: fs::read(path).unwrap_or_default(),
        ino: m.ino(),
        mtime: (m.mtime(), m.mtime_nsec()),
        mode: m.mode() & 0o7777,
    }
}

/// Puts `bytes` as the journal with an old mtime (so any write shows), runs `check` and
/// `habits`, and expects exit 3, one stderr line naming `path[:line:col]` and `needle`, and the
/// file exactly as it was.
///
/// Checked to fail (scratch copy): making `Store::update` start from an empty journal when the
/// file cannot be parsed (`self.load().unwrap_or_default()`) makes `check` exit 0 and overwrite
/// every one of these files.
fn assert_left_untouched(case: &str, bytes: &[u8], position: Option<(usize, usize)>, needle: &str) {
    let home = Home::new();
    home.put_journal(bytes);
    let file = File::options().write(true).open(home.journal()).unwrap();
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(978_307_200))
        .unwrap();
    drop(file);
    let before = fingerprint(&home.journal());
    let path = home.journal().display().to_string();
    for args in [
        &["check", "stretch", "--date", "2025-01-01"][..],
        &["check", "fluids", "--date", "2025-01-01", "--undo"],
        &["habits", "--date", "2025-01-01"],
        &["habits"],
    ] {
        let out = home.run(args);
        assert_exit(&out, 3);
        let err = stderr(&out);
        assert_eq!(
            err.lines().count(),
            1,
            "{case}: {args:?}: one line: {err:?}"
        );
        assert!(err.starts_with("cramp: "), "{case}: {args:?}: {err:?}");
        let want = match position {
            Some((line, col)) => format!("{path}:{line}:{col}: "),
            None => format!("{path}: "),
        };
        assert!(
            err.contains(&want),
            "{case}: {args:?}: {err:?} names {want:?}"
        );
        assert!(
            err.contains(needle),
            "{case}: {args:?}: {err:?} says {needle:?}"
        );
        assert!(
            stdout(&out).is_empty(),
            "{case}: {args:?}: {}",
            stdout(&out)
        );
        assert_eq!(
            fingerprint(&home.journal()),
            before,
            "{case}: {args:?} touched it"
        );
    }
    let left: BTreeSet<String> = [JOURNAL_FILE, LOCK_FILE].map(String::from).into();
    assert!(
        listing(&home.data()).is_subset(&left),
        "{case}: {:?}",
        listing(&home.data())
    );
}

#[test]
fn unreadable_journals_are_left_byte_for_byte_untouched() {
    assert_left_untouched(
        "garbage",
        b"Dear diary, my calves hurt.\nnight 2025-01-01 stretch\n",
        Some((1, 1)),
        "not a cramp-coach journal",
    );
    assert_left_untouched("zeros", &[0u8; 4096], Some((1, 1)), "control character");
    assert_left_untouched(
        "truncated header",
        b"cramp-coach jour",
        Some((1, 1)),
        "not a",
    );
    assert_left_untouched(
        "truncated mid-night",
        b"cramp-coach journal 1\nnight 2025-01-01 stretch\nnight 2025-01-0",
        Some((3, 7)),
        "not a date",
    );
    assert_left_untouched(
        "newer version",
        b"cramp-coach journal 99\nnight 2025-01-01 stretch\nmood 2025-01-01 calm\n",
        None,
        "newer",
    );
    assert_left_untouched(
        "invalid UTF-8",
        b"cramp-coach journal 1\nnight 2025-01-01 stretch\nnight 2025-01-02 str\xe9tch\n",
        Some((3, 21)),
        "UTF-8",
    );
    assert_left_untouched(
        "one bad line in the middle",
        b"cramp-coach journal 1\nnight 2025-01-01 stretch\nnight 2025-01-02 fluids=abc\nnight 2025-01-03 bedding\n",
        Some((3, 25)),
        "must be 1 to 999",
    );
}

#[test]
fn a_journal_without_read_permission_is_left_untouched() {
    // Root reads a mode-000 file anyway, so there is nothing to test as root (CI containers).
    if running_as_root() {
        eprintln!("skipped: running as root, where chmod 000 does not block reading");
        return;
    }
    let home = Home::new();
    home.put_journal(format!("{HEADER}night 2025-01-01 stretch\n").as_bytes());
    fs::set_permissions(home.journal(), fs::Permissions::from_mode(0o000)).unwrap();
    let before = fingerprint(&home.journal());
    for args in [
        &["check", "stretch", "--date", "2025-01-02"][..],
        &["habits", "--date", "2025-01-01"],
    ] {
        let out = home.run(args);
        assert_exit(&out, 3);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err:?}");
        assert!(
            err.contains(&format!("{}: cannot read", home.journal().display())),
            "{err}"
        );
        assert_eq!(fingerprint(&home.journal()), before);
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Permissions
// ---------------------------------------------------------------------------------------------

/// Checked to fail (scratch copy): without `.mode(0o600)` and the `set_permissions` on the temp
/// file the journal comes out 0644 under umask 022 and 0666 under 000; without the folder's
/// `.mode(0o700)` and chmod it comes out 0755 / 0777; without the lock file's `.mode(0o600)` the
/// lock is 0644 / 0666.
#[test]
fn files_are_private_under_any_umask() {
    for mask in ["022", "000", "002"] {
        let home = Home::new();
        let out = home.run_with_umask(mask, &["check", "stretch", "--date", "2025-01-01"]);
        assert_exit(&out, 0);
        assert_eq!(mode(&home.data()), 0o700, "umask {mask}: data folder");
        assert_eq!(mode(&home.journal()), 0o600, "umask {mask}: journal");
        assert_eq!(mode(&home.lock()), 0o600, "umask {mask}: lock file");
        let left: BTreeSet<String> = [JOURNAL_FILE, LOCK_FILE].map(String::from).into();
        assert_eq!(
            listing(&home.data()),
            left,
            "umask {mask}: no temp file left"
        );
        // A second write keeps it so.
        let out = home.run_with_umask(mask, &["check", "move", "--date", "2025-01-01"]);
        assert_exit(&out, 0);
        assert_eq!(
            mode(&home.journal()),
            0o600,
            "umask {mask}: journal, rewritten"
        );
    }
}

#[test]
fn an_existing_open_journal_becomes_private_and_an_existing_folder_is_left_as_it_was() {
    for mask in ["022", "000"] {
        let home = Home::new();
        fs::create_dir_all(home.data()).unwrap();
        fs::set_permissions(home.data(), fs::Permissions::from_mode(0o755)).unwrap();
        let mut f = OpenOptions::new()
            .create_new(true)
            .write(true)
            .mode(0o644)
            .open(home.journal())
            .unwrap();
        f.write_all(format!("{HEADER}night 2024-12-31 bedding\n").as_bytes())
            .unwrap();
        drop(f);
        fs::set_permissions(home.journal(), fs::Permissions::from_mode(0o644)).unwrap();
        let out = home.run_with_umask(mask, &["check", "stretch", "--date", "2025-01-01"]);
        assert_exit(&out, 0);
        assert_eq!(mode(&home.journal()), 0o600, "umask {mask}: journal");
        // A folder the app did not create is not chmod'ed (it is the user's: 0755 is theirs to choose).
        assert_eq!(mode(&home.data()), 0o755, "umask {mask}: folder");
        let j = home.parsed();
        assert_eq!(
            j.count(date(2024, 12, 31), "bedding"),
            1,
            "kept what was there"
        );
        assert_eq!(j.count(date(2025, 1, 1), "stretch"), 1);
    }
}

// ---------------------------------------------------------------------------------------------
// 6. --undo, counted habits, refused commands
// ---------------------------------------------------------------------------------------------

fn habits_line(home: &Home, night: &str, habit: &str) -> String {
    let out = home.run(&["habits", "--date", night]);
    assert_exit(&out, 0);
    stdout(&out)
        .lines()
        .find(|l| {
            l.split_once("] ")
                .and_then(|(_, rest)| rest.split(' ').next())
                == Some(habit)
        })
        .unwrap_or_else(|| panic!("no {habit} line in:\n{}", stdout(&out)))
        .to_string()
}

#[test]
fn counted_habit_counts_up_and_undo_counts_down() {
    let home = Home::new();
    let night = "2025-02-10";
    for n in 1..=3 {
        let out = home.run(&["check", "fluids", "--date", night]);
        assert_exit(&out, 0);
        assert!(
            stdout(&out).starts_with(&format!("[{n}/6] fluids ")),
            "{}",
            stdout(&out)
        );
    }
    let out = home.run(&["check", "fluids", "--date", night, "--undo"]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).starts_with("[2/6] fluids "),
        "{}",
        stdout(&out)
    );
    assert!(habits_line(&home, night, "fluids").starts_with("[2/6] fluids "));
    assert!(habits_line(&home, night, "stretch").starts_with("[ ] stretch "));
    assert_eq!(home.parsed().count(date(2025, 2, 10), "fluids"), 2);
    assert!(
        fs::read_to_string(home.journal())
            .unwrap()
            .contains("\nnight 2025-02-10 fluids=2\n")
    );
    // Down to nothing: the night goes from the file.
    for _ in 0..2 {
        assert_exit(
            &home.run(&["check", "fluids", "--date", night, "--undo"]),
            0,
        );
    }
    assert!(home.parsed().is_empty());
    assert!(habits_line(&home, night, "fluids").starts_with("[0/6] fluids "));
}

#[test]
fn undo_on_an_unticked_night_adds_nothing() {
    let home = Home::new();
    assert_exit(&home.run(&["check", "stretch", "--date", "2025-01-02"]), 0);
    let out = home.run(&["check", "stretch", "--date", "2025-01-01", "--undo"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).starts_with("[ ] stretch "), "{}", stdout(&out));
    let text = fs::read_to_string(home.journal()).unwrap();
    assert!(!text.contains("2025-01-01"), "{text}");
    let j = home.parsed();
    assert_eq!(
        tick_set(&j),
        [(date(2025, 1, 2), "stretch".to_string(), 1)].into()
    );
    // Undo of a tick that is there removes that night.
    assert_exit(
        &home.run(&["check", "stretch", "--date", "2025-01-02", "--undo"]),
        0,
    );
    assert!(home.parsed().is_empty());
    // In a fresh home, undo leaves no night either (a file, if any, is an empty journal).
    let fresh = Home::new();
    assert_exit(
        &fresh.run(&["check", "fluids", "--date", "2025-01-01", "--undo"]),
        0,
    );
    if fresh.journal().exists() {
        assert!(fresh.parsed().is_empty());
    }
}

#[test]
fn ticking_a_kept_habit_again_does_not_rewrite_the_file() {
    let home = Home::new();
    assert_exit(&home.run(&["check", "bedding", "--date", "2025-01-01"]), 0);
    let before = fingerprint(&home.journal());
    let out = home.run(&["check", "bedding", "--date", "2025-01-01"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).starts_with("[x] bedding "), "{}", stdout(&out));
    assert_eq!(fingerprint(&home.journal()), before);
}

#[test]
fn a_future_night_is_refused_and_nothing_is_written() {
    // Two days after today in UTC is after tonight whatever the hour (the binary runs with TZ=UTC).
    let soon = plus_days(
        jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date(),
        2,
    );
    for night in [soon.to_string(), "2099-12-31".to_string()] {
        let home = Home::new();
        for args in [
            &["check", "stretch", "--date", night.as_str()][..],
            &["check", "fluids", "--date", night.as_str(), "--undo"],
        ] {
            let out = home.run(args);
            assert_exit(&out, 2);
            assert!(stderr(&out).contains("in the future"), "{}", stderr(&out));
            assert!(
                !home.data().exists(),
                "{args:?} created {}",
                home.data().display()
            );
        }
    }
}

#[test]
fn an_unknown_habit_is_refused_with_the_list_and_nothing_is_written() {
    let home = Home::new();
    let out = home.run(&["check", "hydration", "--date", "2025-01-01"]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("\"hydration\""), "{err}");
    for id in HABITS {
        assert!(err.contains(id), "{err} lists {id}");
    }
    assert!(!home.data().exists());
    // With a journal there: not touched.
    assert_exit(&home.run(&["check", "stretch", "--date", "2025-01-01"]), 0);
    let before = fingerprint(&home.journal());
    assert_exit(&home.run(&["check", "Stretch", "--date", "2025-01-01"]), 2);
    assert_exit(&home.run(&["check", "stretch", "--date", "2025-13-01"]), 2);
    assert_eq!(fingerprint(&home.journal()), before);
}

// ---------------------------------------------------------------------------------------------
// 7. Durability order, seen through strace
// ---------------------------------------------------------------------------------------------

/// True when `strace` can trace here (installed, and ptrace allowed).
fn strace_works() -> bool {
    Command::new("strace")
        .args(["-qq", "-e", "trace=none", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// One traced system call: name and its argument text (with `-y`, fds carry their paths).
fn syscalls(trace: &str) -> Vec<(String, String)> {
    trace
        .lines()
        // `-f -o FILE` prefixes each line with the pid.
        .map(|l| {
            l.trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start()
        })
        .filter(|l| !l.starts_with("+++") && !l.starts_with("---"))
        .filter_map(|l| {
            let (name, rest) = l.split_once('(')?;
            Some((name.to_string(), rest.to_string()))
        })
        .collect()
}

/// Saved means on disk: fsync of the new file, then the rename over the journal, then fsync of the
/// folder, and only then the confirmation on stdout. Needs `strace` (apt-get install -y strace).
///
/// Checked to fail (scratch copy): removing `file.sync_all()`, removing the folder's
/// `sync_all()`, or printing the confirmation before `Store::update` each fail this test.
#[test]
fn saved_is_said_only_after_fsync_rename_and_folder_fsync() {
    if !strace_works() {
        // CI installs strace; elsewhere say so loudly rather than fail.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have strace: apt-get install -y strace"
        );
        eprintln!("skipped: strace not installed or not allowed to trace here");
        return;
    }
    for existing in [false, true] {
        let home = Home::new();
        if existing {
            assert_exit(&home.run(&["check", "move", "--date", "2025-01-01"]), 0);
        }
        let trace_file = home.path().join("trace.txt");
        let mut cmd = home.command("strace");
        cmd.args(["-f", "-y", "-qq", "-s", "64", "-o"])
            .arg(&trace_file)
            .args([
                "-e",
                "trace=fsync,fdatasync,rename,renameat,renameat2,write",
            ])
            .arg(BIN)
            .arg("--data-dir")
            .arg(home.data())
            .args(["check", "stretch", "--date", "2025-01-01"]);
        let out = assert_cmd::Command::from_std(cmd)
            .timeout(HANG_GUARD)
            .output()
            .unwrap();
        assert_exit(&out, 0);
        let trace = fs::read_to_string(&trace_file).unwrap();
        let calls = syscalls(&trace);
        // Paths as the binary names them (in rename), and as `-y` shows fds (resolved).
        let journal_arg = home.journal().display().to_string();
        let data_real = fs::canonicalize(home.data()).unwrap();
        let data = data_real.display().to_string();
        let journal = data_real.join(JOURNAL_FILE).display().to_string();

        // The rename onto the journal, and the file it came from.
        let (rename_at, temp) = calls
            .iter()
            .enumerate()
            .find_map(|(i, (name, args))| {
                if !name.starts_with("rename") || !args.contains(&format!("\"{journal_arg}\"")) {
                    return None;
                }
                let from = Path::new(args.split('"').nth(1)?).file_name()?.to_owned();
                Some((i, data_real.join(from).display().to_string()))
            })
            .unwrap_or_else(|| panic!("no rename onto {journal_arg}:\n{trace}"));
        assert_ne!(temp, journal);
        let is_sync = |name: &str| name == "fsync" || name == "fdatasync";
        let on = |args: &str, path: &str| args.contains(&format!("<{path}>"));
        let temp_sync = calls
            .iter()
            .position(|(n, a)| is_sync(n) && on(a, &temp))
            .unwrap_or_else(|| panic!("no fsync of {temp}:\n{trace}"));
        let last_temp_write = calls
            .iter()
            .rposition(|(n, a)| n == "write" && on(a, &temp))
            .unwrap_or_else(|| panic!("no write to {temp}:\n{trace}"));
        let dir_sync = calls
            .iter()
            .rposition(|(n, a)| is_sync(n) && on(a, &data))
            .unwrap_or_else(|| panic!("no fsync of {data}:\n{trace}"));
        let said = calls
            .iter()
            .position(|(n, a)| n == "write" && a.starts_with("1<") && a.contains("[x] stretch"))
            .unwrap_or_else(|| panic!("no confirmation on stdout:\n{trace}"));
        assert!(
            last_temp_write < temp_sync,
            "all written before the fsync:\n{trace}"
        );
        assert!(temp_sync < rename_at, "fsync before rename:\n{trace}");
        assert!(rename_at < dir_sync, "rename before folder fsync:\n{trace}");
        assert!(dir_sync < said, "folder fsync before saying so:\n{trace}");
        assert!(
            !calls.iter().any(|(n, a)| n == "write" && on(a, &journal)),
            "the journal itself is never written in place:\n{trace}"
        );
    }
}
