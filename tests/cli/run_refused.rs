//! `cramp run` without a routine the content has, and the full-screen app without a terminal.

use crate::support::home::fixture;
use crate::support::out::run;
use crate::{assert_terminal_safe, home};

#[test]
fn run_unknown_routine_exits_2_naming_the_ids() {
    let h = home();
    for args in [&["run", "nosuch"][..], &["run", "--plain", "nosuch"][..]] {
        let out = run(h.cramp().args(args));
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{}", out.stdout);
        assert_eq!(out.stderr_lines().len(), 1, "{}", out.stderr);
        for word in ["nosuch", "calf", "bedtime", "foot"] {
            assert!(
                out.stderr.contains(word),
                "{args:?}: names {word}: {}",
                out.stderr
            );
        }
        assert_terminal_safe("stderr", &out.raw_stderr, false);
    }
    // The ids of the content in use.
    let out = run(h
        .cramp()
        .args(["run", "nosuch", "--content"])
        .arg(fixture("order.toml")));
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        ["toes", "shin", "night"]
            .iter()
            .all(|id| out.stderr.contains(id)),
        "{}",
        out.stderr
    );
}

#[test]
fn tui_without_a_terminal_exits_5_with_one_line() {
    let h = home();
    for args in [&["run", "calf"][..], &[][..], &["run", "bedtime"][..]] {
        let out = run(h.cramp().args(args));
        assert_eq!(out.code, Some(5), "cramp {args:?}: {}", out.stderr);
        assert_eq!(
            out.stderr_lines().len(),
            1,
            "cramp {args:?}: {:?}",
            out.stderr
        );
        assert!(out.stderr.ends_with('\n'));
        assert!(
            !out.raw_stdout.contains(&0x1b),
            "no escape sequence on stdout: {:?}",
            out.stdout
        );
        assert!(
            !out.raw_stderr.contains(&0x1b),
            "no escape sequence on stderr: {:?}",
            out.stderr
        );
        assert!(out.stdout.is_empty(), "cramp {args:?}: {:?}", out.stdout);
    }
}
