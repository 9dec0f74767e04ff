//! Control characters never reach the terminal: from a file's text, its error messages or its
//! path, they are replaced.

use crate::list::list_fields;
use crate::support::home::fixture;
use crate::support::out::run;
use crate::{ONE, assert_refused, assert_terminal_safe, home, place, validate_source};

#[test]
fn list_replaces_control_characters_from_the_file() {
    let h = home();
    let out = run(h
        .cramp()
        .args(["list", "--content"])
        .arg(fixture("evil.toml")));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_terminal_safe("stdout", &out.raw_stdout, false);
    assert_terminal_safe("stderr", &out.raw_stderr, false);
    let lines = out.stdout_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let [id, kind, length, title] = list_fields(lines[0]);
    assert_eq!((id, kind, length), ("evil", "relief", "0:01"));
    assert!(
        title.starts_with("Evil") && title.ends_with(" end"),
        "the text around them stays: {title:?}"
    );
    assert!(
        title.contains("[2J title") && title.contains("reversed"),
        "{title:?}"
    );
}

#[test]
fn plain_run_replaces_control_characters_from_the_file() {
    let h = home();
    let out = run(h
        .cramp()
        .args(["run", "--plain", "--quiet", "evil", "--content"])
        .arg(fixture("evil.toml"))
        .arg("--config")
        .arg(fixture("lead-in-0.toml")));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_terminal_safe("stdout", &out.raw_stdout, false);
    assert_terminal_safe("stderr", &out.raw_stderr, false);
    assert!(out.stdout.contains("Step 1/1 · Step"), "{}", out.stdout);
    assert!(
        out.stdout.contains("pwned"),
        "the visible text stays: {}",
        out.stdout
    );
    assert!(
        out.stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("Done · Evil")),
        "{}",
        out.stdout
    );
}

#[test]
fn validate_messages_replace_control_characters_from_the_file() {
    let kind = ONE.replace(
        "\"relief\"",
        "\"\\u001b[2Jnap\\u009b31m\\u202e\\u0007\\u2066\"",
    );
    let key = format!("{ONE}\"\\u001b[31m\\u009b\" = 1\n");
    let sides = format!("{ONE}seconds = 5\nsides = [\"\\u001b]0;x\\u0007\"]\n");
    let id = ONE.replace("\"calf\"", "\"ca\\u001b[2Jlf\"");
    for (source, at) in [
        (kind, (4, 8)),
        (key, (8, 1)),
        (sides, (9, 10)),
        (id, (2, 6)),
    ] {
        let out = validate_source(&source);
        assert_refused(&out, "c.toml");
        assert_eq!(
            place(out.stderr_lines()[0], "c.toml"),
            Some(at),
            "{source:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn config_messages_replace_control_characters_from_the_file() {
    let h = home();
    let cfg = h.write("c.toml", "theme = \"\\u001b[2J\\u009b\\u202e\"\n");
    let out = run(h.cramp().args(["list", "--config"]).arg(&cfg));
    assert_refused(&out, &cfg.display().to_string());
    assert_eq!(
        place(out.stderr_lines()[0], &cfg.display().to_string()),
        Some((1, 9)),
        "{}",
        out.stderr
    );
}

#[test]
fn file_paths_with_control_characters_are_replaced_in_messages() {
    let h = home();
    let missing = "missing\u{1b}[31m\u{202e}\u{9b}.toml";
    for args in [
        &["validate", missing][..],
        &["list", "--content", missing][..],
    ] {
        let out = run(h.cramp().args(args));
        assert_eq!(out.code, Some(1), "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr_lines().len(), 1, "{}", out.stderr);
        assert!(
            out.stderr.contains("missing") && out.stderr.contains(".toml"),
            "{}",
            out.stderr
        );
        assert_terminal_safe("stderr", &out.raw_stderr, false);
    }

    let broken_name = "broken\u{1b}[2J\u{7}.toml";
    h.write(broken_name, "x =\n");
    for args in [
        &["validate", broken_name][..],
        &["list", "--content", broken_name][..],
    ] {
        let out = run(h.cramp().args(args));
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr_lines().len(), 1, "{}", out.stderr);
        assert!(
            out.stderr.starts_with("broken") && out.stderr.contains(".toml:1:"),
            "{}",
            out.stderr
        );
        assert_terminal_safe("stderr", &out.raw_stderr, false);
    }

    // Found through the environment: the one-line warning is clean too.
    let out = run(h
        .cramp()
        .arg("list")
        .env("CRAMP_CONTENT", h.path().join(broken_name)));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr_lines().len(), 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("broken") && out.stderr.contains(".toml:1:"),
        "{}",
        out.stderr
    );
    assert_terminal_safe("stderr", &out.raw_stderr, false);
}
