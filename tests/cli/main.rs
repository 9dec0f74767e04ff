//! Black-box tests of the `cramp` command line: exit codes and usage (`usage`), output forms
//! (`list`, `validate`, `run_refused`, `plain`), file precedence (`precedence`), hostile input
//! (`hostile_files`) and terminal safety (`control_chars`).
//!
//! Every test runs the built binary in a fresh temporary home (`home()`, then `h.cramp()`): HOME,
//! XDG_CONFIG_HOME and XDG_DATA_HOME point into a tempdir, the CRAMP_* variables and NO_COLOR are
//! removed, and the working directory is the tempdir, so nothing depends on the developer's own
//! files. stdin, stdout and stderr are pipes (assert_cmd's default), so the binary never sees a
//! terminal; the one exception is the bell, which rings only when stdout is a terminal: the
//! `plain` tests about it run the binary with stdout and stderr on a pseudo-terminal (stdin still
//! not one).
//!
//! `cramp run --plain` runs in real time: its tests use `tests/fixtures/plain.toml` (steps of 1 s,
//! 5 s to get into position and to change legs) with `tests/fixtures/lead-in-0.toml` (no lead-in).
//! Only `plain_runs_an_untimed_routine_unattended_to_the_end` has an untimed step, which holds for
//! 30 s when nobody can press Enter.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod control_chars;
mod hostile_files;
mod list;
mod plain;
mod precedence;
mod run_refused;
mod usage;
mod validate;

use support::home::{Home, Setup};
use support::out::{Out, run};

/// A fresh home: the app's places through XDG, the caller's TZ, the hang guard.
fn home() -> Home {
    Home::new(Setup::BASE)
}

/// Where the user's own content file lives: `$XDG_CONFIG_HOME/cramp-coach/content.toml`.
const XDG_CONTENT: &str = "config/cramp-coach/content.toml";
const XDG_CONFIG: &str = "config/cramp-coach/config.toml";

/// Characters that must never reach a terminal from a file: every control character (C0, DEL, C1)
/// except the line feed, and the bidirectional overrides and isolates.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The stream is UTF-8 with no ESC byte and no unsafe character (BEL too, unless `allow_bel`).
fn assert_terminal_safe(what: &str, bytes: &[u8], allow_bel: bool) {
    assert!(
        !bytes.contains(&0x1b),
        "{what} contains an ESC byte: {:?}",
        String::from_utf8_lossy(bytes)
    );
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| {
        panic!(
            "{what} is not UTF-8 ({e}): {:?}",
            String::from_utf8_lossy(bytes)
        )
    });
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| is_unsafe(c) && !(allow_bel && c == '\u{7}'))
        .collect();
    assert!(
        bad.is_empty(),
        "{what} contains unsafe characters {bad:?}: {text:?}"
    );
}

/// `(line, column)` if `line` is `FILE:LINE:COL: message` for this `file`.
fn place(line: &str, file: &str) -> Option<(usize, usize)> {
    let rest = line.strip_prefix(file)?.strip_prefix(':')?;
    let mut parts = rest.splitn(3, ':');
    let l = parts.next()?.parse().ok()?;
    let c = parts.next()?.parse().ok()?;
    let message = parts.next()?;
    (message.starts_with(' ') && message.len() > 1).then_some((l, c))
}

/// The built-in routines as `cramp list` prints them in a clean home.
fn builtin_list() -> String {
    let h = home();
    let out = run(h.cramp().arg("list"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout
}

/// A minimal valid content file of one relief routine with one untimed step: lines 1 to 7.
const ONE: &str = "[[routine]]\n\
                   id = \"calf\"\n\
                   title = \"Calf\"\n\
                   kind = \"relief\"\n\
                   [[routine.step]]\n\
                   title = \"Pull\"\n\
                   text = \"Pull the toes.\"\n";

/// Runs `cramp validate c.toml` on `source` in a fresh home.
fn validate_source(source: &str) -> Out {
    let h = home();
    h.write("c.toml", source);
    run(h.cramp().args(["validate", "c.toml"]))
}

/// One content file with a `name` and a single five-second relief routine `id`.
fn routine_file(id: &str, title: &str) -> String {
    format!(
        "[[routine]]\nid = \"{id}\"\ntitle = \"{title}\"\nkind = \"relief\"\n\
         [[routine.step]]\ntitle = \"Step\"\ntext = \"Do it.\"\nseconds = 5\n"
    )
}

/// A failed load of `file`: exit 2, nothing on stdout, every stderr line `FILE:LINE:COL: ...`.
fn assert_refused(out: &Out, file: &str) {
    assert_eq!(
        out.code,
        Some(2),
        "stdout: {:?}\nstderr: {:?}",
        out.stdout,
        out.stderr
    );
    assert!(
        out.raw_stdout.is_empty(),
        "nothing on stdout: {:?}",
        out.stdout
    );
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let lines = out.stderr_lines();
    assert!(!lines.is_empty(), "an error on stderr");
    for line in &lines {
        assert!(
            place(line, file).is_some(),
            "not `{file}:LINE:COL: message`: {line:?}"
        );
    }
    assert_terminal_safe("stderr", &out.raw_stderr, false);
}
