//! Hostile ground: dates (`dates`), links (`links`), other people's folders (`folders`), closed or
//! full output (`output`), FIFOs, a held lock and time zones (`bounded`), a full disk and file-size
//! limits (`disk`), and escape sequences in arguments (`arguments`). Each test is a case that once
//! hurt the journal or the system (issue 7); each fails without the guard it names.
//!
//! Every command runs the real binary with HOME and the XDG folders in a fresh temporary folder,
//! `--data-dir` inside it, `TZ=UTC` unless the test says otherwise, and a hang guard: a command
//! that waits for ever fails the test instead of stalling the suite.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod arguments;
mod bounded;
mod dates;
mod disk;
mod folders;
mod links;
mod output;

use std::time::Duration;

use support::home::{Home, Setup};

/// Bounds a command that would otherwise hang; far longer than the 10 s lock limit.
const HANG_GUARD: Duration = Duration::from_secs(40);

/// `--data-dir HOME/data`, TZ=UTC, and the hang guard above.
const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("UTC"),
    hang_guard: Some(HANG_GUARD),
    ..Setup::BASE
};

const HEADER: &str = "cramp-coach journal 1\n";

/// Every command that reads the journal, and what a user reads it with.
const READ_COMMANDS: [&[&str]; 6] = [
    &["habits"],
    &["log"],
    &["insights"],
    &["export", "--format", "csv"],
    &["export", "--format", "markdown"],
    &["habits", "--date", "1900-01-01"],
];

/// Every command that opens the journal ([`READ_COMMANDS`] and a write) exits 1 with one line on
/// standard error saying `why`.
fn refused_by_every_command(home: &Home, why: &str) {
    for args in READ_COMMANDS
        .iter()
        .copied()
        .chain([&["check", "fluids"][..]])
    {
        home.run(args).code(1).stderr_has(why).one_line();
    }
}
