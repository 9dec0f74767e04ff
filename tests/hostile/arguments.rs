//! Argument errors pass through the sanitiser, and a `--data-dir` that is a file or empty is
//! refused.

use std::fs;

use assert_cmd::Command;

use crate::support::home::Home;
use crate::{HANG_GUARD, SETUP};

#[test]
fn usage_errors_never_echo_control_or_bidi_characters() {
    let home = Home::new(SETUP);
    for args in [
        &["\u{1b}[6n"][..],
        &["check", "\u{1b}]0;owned\u{7}"][..],
        &["run", "\u{202e}fac"][..],
        &["habits", "--date", "\u{1b}[2J"][..],
        &["log", "add", "--muscle", "\u{9b}31m"][..],
        &["--\u{1b}[31mcolour"][..],
    ] {
        let out = home.run(args);
        out.code(2);
        for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
            assert!(
                !out.stderr.contains(bad),
                "`cramp {:?}` echoed {bad:?}: {:?}",
                args,
                out.stderr
            );
        }
    }
}

#[test]
fn a_data_dir_that_is_a_file_or_empty_is_refused_and_nothing_is_written() {
    let home = Home::new(SETUP);
    fs::write(home.data(), "mine\n").unwrap_or_else(|e| panic!("{e}"));
    for args in [&["habits"][..], &["check", "fluids"][..]] {
        home.run(args).code(1).stderr_has("not a folder").one_line();
    }
    assert_eq!(
        fs::read_to_string(home.data()).ok().as_deref(),
        Some("mine\n")
    );
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("cramp"));
    cmd.current_dir(home.path())
        .env("HOME", home.path())
        .timeout(HANG_GUARD)
        .args(["--data-dir", "", "check", "fluids"]);
    home.run_cmd(&["--data-dir", "", "check", "fluids"], cmd)
        .code(2)
        .stderr_has("--data-dir");
    assert!(!home.path().join("journal.txt").exists());
}
