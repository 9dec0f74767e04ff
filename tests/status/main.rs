//! `cramp status`: the line for a prompt or status bar (`line`) and the bedtime reminder of
//! `--due` (`due`), through the real binary.
//!
//! Every run has HOME and the XDG folders in a fresh temporary folder, `--data-dir` inside it and
//! `TZ=UTC`. Runs that need a time of day set the clock with `faketime` (installed by `.ci/run`);
//! without it those tests say they skipped.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod due;
mod line;

use std::path::Path;

use support::home::{BIN, Home, Setup};
use support::out::Out;

/// `--data-dir HOME/data`, TZ=UTC.
const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("UTC"),
    ..Setup::BASE
};

const HEADER: &str = "cramp-coach journal 1\n";

/// Whether `faketime` can set the clock here.
fn faketime_works() -> bool {
    std::process::Command::new("faketime")
        .args(["2001-01-01 00:00:00", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

/// Skips the calling test (returning true) when `faketime` is not installed.
fn no_faketime() -> bool {
    if faketime_works() {
        return false;
    }
    eprintln!("skipped: faketime is not installed");
    true
}

/// `cramp --data-dir DATA ARGS...` with the clock at `clock` ("YYYY-MM-DD HH:MM:SS", UTC).
fn at(home: &Home, clock: &str, args: &[&str]) -> Out {
    let mut cmd = home.command("faketime");
    cmd.arg(clock)
        .arg(BIN)
        .arg("--data-dir")
        .arg(home.data())
        .args(args);
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(support::home::HANG_GUARD);
    let mut shown = vec![clock];
    shown.extend_from_slice(args);
    home.run_cmd(&shown, cmd)
}

/// Every path under `dir`, relative to it, sorted: to show that a run created nothing.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            out.push(p.strip_prefix(dir).unwrap().display().to_string());
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                todo.push(p);
            }
        }
    }
    out.sort();
    out
}
