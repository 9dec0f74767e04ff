//! `--version`, `--help`, and bad usage: exit 2 with a word on what is wrong.

use predicates::prelude::*;

use crate::home;
use crate::support::out::run;

#[test]
fn version_prints_the_version() {
    let h = home();
    h.cramp()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("cramp {}\n", env!("CARGO_PKG_VERSION")))
        .stderr("");
}

#[test]
fn help_shows_the_examples() {
    let h = home();
    h.cramp().arg("--help").assert().code(0).stdout(
        predicate::str::contains("Examples:")
            .and(predicate::str::contains("cramp run calf"))
            .and(predicate::str::contains("cramp run --plain bedtime"))
            .and(predicate::str::contains("cramp list"))
            .and(predicate::str::contains("cramp validate"))
            .and(predicate::str::contains("Exit codes")),
    );
}

#[test]
fn bad_usage_exits_2() {
    let h = home();
    let cases: &[&[&str]] = &[
        &["bogus"],
        &["--bogus"],
        &["list", "--bogus"],
        &["run"],
        &["run", "--plain"],
        // --quiet silences the plain guide's bell: without --plain it means nothing.
        &["run", "--quiet", "calf"],
        &["validate", "a.toml", "b.toml"],
        &["list", "--content"],
        &["list", "extra"],
    ];
    for args in cases {
        let out = run(h.cramp().args(*args));
        assert_eq!(out.code, Some(2), "cramp {args:?}: {}", out.stderr);
        assert!(
            out.stdout.is_empty(),
            "cramp {args:?}: stdout {:?}",
            out.stdout
        );
        assert!(
            !out.stderr.trim().is_empty(),
            "cramp {args:?}: says what is wrong"
        );
        assert!(
            !out.stderr.contains("panicked"),
            "cramp {args:?}: {}",
            out.stderr
        );
    }
}
