//! The journal: its text format through the library API (`format`), then the file on disk through
//! the built `cramp` binary: concurrent writers (`writers`), SIGKILL at random instants (`sigkill`),
//! unreadable journals left untouched (`unreadable`), private permissions (`permissions`), `--undo`
//! and counted habits (`check`), the fsync/rename order (`durability`), and format version 2: the
//! upgrade of a version 1 journal and diary ids by prefix (`v2`).
//!
//! Every binary run is isolated (`SETUP`): `--data-dir` inside a fresh tempdir, HOME,
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

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod check;
mod durability;
mod format;
mod permissions;
mod sigkill;
mod unreadable;
mod v2;
mod writers;

use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Output;

use cramp_coach::journal::Journal;
use jiff::civil::Date;
use support::home::Setup;

/// `--data-dir HOME/data`, TZ=UTC, every `CRAMP_*` variable removed, stdin closed.
const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("UTC"),
    every_cramp_var: true,
    stdin_null: true,
    ..Setup::BASE
};

const HEADER: &str = "cramp-coach journal 1\n";

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
