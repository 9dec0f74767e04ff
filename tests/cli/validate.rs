//! `cramp validate`: `ok` with the count, or every error as `FILE:LINE:COL: message` in file order.

use crate::support::home::fixture;
use crate::support::out::{Out, run};
use crate::{
    ONE, XDG_CONTENT, assert_refused, assert_terminal_safe, builtin_list, home, place,
    routine_file, validate_source,
};

#[test]
fn validate_valid_file_says_ok_with_the_count() {
    let h = home();
    for file in ["order.toml", "plain.toml"] {
        h.cramp()
            .arg("validate")
            .arg(fixture(file))
            .assert()
            .code(0)
            .stdout("ok: 3 routines\n")
            .stderr("");
    }
    // One routine, in the singular.
    let out = validate_source(ONE);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "ok: 1 routine\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn validate_without_file_checks_the_content_in_use() {
    // With no FILE, validate names what it checked and where that came from.
    let n = builtin_list().lines().count();
    let h = home();
    h.cramp()
        .arg("validate")
        .assert()
        .code(0)
        .stdout(format!("ok: {n} routines in the built-in content\n"))
        .stderr("");

    // The user's own file at the XDG place is the content in use.
    let xdg = h.write(
        XDG_CONTENT,
        format!("{}{}", routine_file("a", "A"), routine_file("b", "B")),
    );
    h.cramp()
        .arg("validate")
        .assert()
        .code(0)
        .stdout(format!(
            "ok: 2 routines in {} (from your config folder)\n",
            xdg.display()
        ))
        .stderr("");

    // CRAMP_CONTENT beats it; --content beats that.
    let order = fixture("order.toml");
    h.cramp()
        .arg("validate")
        .env("CRAMP_CONTENT", &order)
        .assert()
        .code(0)
        .stdout(format!(
            "ok: 3 routines in {} (from CRAMP_CONTENT)\n",
            order.display()
        ));
    let env_broken = h.write("broken.toml", "x =\n");
    h.cramp()
        .args(["validate", "--content"])
        .arg(&order)
        .env("CRAMP_CONTENT", &env_broken)
        .assert()
        .code(0)
        .stdout(format!(
            "ok: 3 routines in {} (from --content)\n",
            order.display()
        ));

    // A broken file in use fails validation loudly.
    let xdg = h.write(XDG_CONTENT, "[[routine]]\nid = \"x\"\nnope = 1\n");
    let out = run(h.cramp().arg("validate"));
    assert_refused(&out, &xdg.display().to_string());
    assert_eq!(
        place(out.stderr_lines()[0], &xdg.display().to_string()),
        Some((3, 1)),
        "{}",
        out.stderr
    );
}

/// Each crafted file gives exactly one error, at this line and column, mentioning these words.
#[test]
fn validate_errors_name_line_and_column() {
    let side = |v: &str| format!("{ONE}seconds = 5\nsides = {v}\n");
    let cases: Vec<(String, (usize, usize), &[&str])> = vec![
        (format!("{ONE}secs = 3\n"), (8, 1), &["secs"]),
        (format!("{ONE}seconds = \"30\"\n"), (8, 11), &[]),
        (format!("{ONE}seconds = 2.5\n"), (8, 11), &[]),
        (format!("{ONE}seconds = 0\n"), (8, 11), &["seconds", "0"]),
        (
            format!("{ONE}seconds = 99999\n"),
            (8, 11),
            &["seconds", "99999"],
        ),
        (format!("{ONE}seconds = -5\n"), (8, 11), &["seconds", "-5"]),
        (
            format!("{ONE}seconds = 5\nrepeat = 50\n"),
            (9, 10),
            &["repeat", "50"],
        ),
        (
            format!("{ONE}seconds = 5\nrepeat = 2\nrest_seconds = 0\n"),
            (10, 16),
            &["rest_seconds"],
        ),
        (format!("{ONE}repeat = 2\n"), (8, 10), &["repeat"]),
        (format!("{ONE}{ONE}"), (9, 6), &["duplicate", "calf"]),
        (ONE.replace("\"calf\"", "\"Calf!\""), (2, 6), &["Calf!"]),
        (
            ONE.replace("\"relief\"", "\"nap\""),
            (4, 8),
            &["kind", "nap"],
        ),
        (
            "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n".to_string(),
            (2, 6),
            &["calf", "steps"],
        ),
        (String::new(), (1, 1), &["routine"]),
        (
            "# only a habit\n[[habit]]\nid = \"water\"\ntitle = \"Water\"\n".to_string(),
            (1, 1),
            &["routine"],
        ),
        (side("[\"left\", \"up\"]"), (9, 18), &["side", "up"]),
        (side("[]"), (9, 9), &["sides"]),
        (side("[\"left\", \"left\"]"), (9, 18), &["left"]),
        (
            ONE.replace("title = \"Calf\"", "title = \"\""),
            (3, 9),
            &["title"],
        ),
        (
            ONE.replace("title = \"Calf\"", "title = \"   \""),
            (3, 9),
            &["title"],
        ),
        (
            ONE.replace("text = \"Pull the toes.\"", "text = \"\""),
            (7, 8),
            &["text"],
        ),
        (
            "[[routine]]\nid = \"calf\"\n".to_string(),
            (1, 1),
            &["title"],
        ),
    ];
    for (source, at, words) in cases {
        let out = validate_source(&source);
        assert_refused(&out, "c.toml");
        let lines = out.stderr_lines();
        assert_eq!(lines.len(), 1, "one error for {source:?}: {lines:?}");
        assert_eq!(
            place(lines[0], "c.toml"),
            Some(at),
            "place of the error in {source:?}: {lines:?}"
        );
        for word in words {
            assert!(
                lines[0].contains(word),
                "{:?} mentions {word:?} for {source:?}",
                lines[0]
            );
        }
    }
}

/// Where each error line about `c.toml` says it is.
fn places(out: &Out) -> Vec<Option<(usize, usize)>> {
    out.stderr_lines()
        .iter()
        .map(|l| place(l, "c.toml"))
        .collect()
}

#[test]
fn validate_reports_every_semantic_error_in_file_order() {
    let source = "[[routine]]\n\
                  id = \"Calf!\"\n\
                  title = \"\"\n\
                  kind = \"nap\"\n\
                  [[routine.step]]\n\
                  title = \"Pull\"\n\
                  text = \"Pull.\"\n\
                  seconds = 0\n\
                  repeat = 50\n\
                  sides = [\"up\"]\n\
                  [[routine]]\n\
                  id = \"ok\"\n\
                  title = \"OK\"\n\
                  kind = \"bedtime\"\n\
                  [[routine.step]]\n\
                  title = \"S\"\n\
                  text = \"T\"\n\
                  seconds = 99999\n\
                  [[routine]]\n\
                  id = \"ok\"\n\
                  title = \"Again\"\n\
                  kind = \"relief\"\n\
                  [[routine.step]]\n\
                  title = \"S\"\n\
                  text = \"T\"\n";
    let out = validate_source(source);
    assert_refused(&out, "c.toml");
    let places = places(&out);
    let expected = [
        (2, 6),
        (3, 9),
        (4, 8),
        (8, 11),
        (9, 10),
        (10, 10),
        (18, 11),
        (20, 6),
    ];
    assert_eq!(places, expected.map(Some).to_vec(), "{}", out.stderr);
}

/// What a file holds, the file, and where its two errors are, in file order.
type OrderCase = (&'static str, &'static str, [(usize, usize); 2]);

/// The file-order promise where the checker's own order differs from the file's.
#[test]
fn validate_reports_errors_in_file_order_whatever_the_layout() {
    let cases: [OrderCase; 4] = [
        (
            "a [[habit]] after the routines",
            "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"nap\"\n[[routine.step]]\ntitle = \"P\"\ntext = \"T\"\n\
             seconds = 5\n\n[[habit]]\nid = \"Bad!\"\ntitle = \"X\"\n",
            [(4, 8), (11, 6)],
        ),
        (
            "[guidance] first, as in the built-in file",
            "[guidance]\ndisclaimer = \"\"\n[[routine]]\nid = \"Calf!\"\ntitle = \"Calf\"\nkind = \"relief\"\n\
             [[routine.step]]\ntitle = \"P\"\ntext = \"T\"\n",
            [(2, 14), (4, 6)],
        ),
        (
            "a routine with no steps and a bad kind",
            "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"nap\"\n",
            [(2, 6), (4, 8)],
        ),
        (
            "sides written before seconds",
            "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n[[routine.step]]\nsides = [\"up\"]\n\
             seconds = 0\ntitle = \"P\"\ntext = \"T\"\n",
            [(6, 10), (7, 11)],
        ),
    ];
    let mut wrong = Vec::new();
    for (what, source, expected) in cases {
        let out = validate_source(source);
        assert_refused(&out, "c.toml");
        let places = places(&out);
        if places != expected.map(Some).to_vec() {
            wrong.push(format!(
                "{what}: expected {expected:?}, got\n{}",
                out.stderr
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "errors out of file order:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn validate_missing_file_exits_1_with_one_line_naming_it() {
    let h = home();
    let out = run(h.cramp().args(["validate", "no-such-file.toml"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let lines = out.stderr_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("no-such-file.toml"), "{lines:?}");
    assert_terminal_safe("stderr", &out.raw_stderr, false);

    // The same through --content: an input/output error, not a usage error.
    let out = run(h.cramp().args(["list", "--content", "no-such-file.toml"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr_lines().len(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("no-such-file.toml"), "{}", out.stderr);
}
