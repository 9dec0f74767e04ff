//! Black-box tests of the `cramp` command line: exit codes, output forms, file precedence, hostile
//! input and terminal safety.
//!
//! Every test runs the built binary in a fresh temporary home (`cramp(&home)`): HOME, XDG_CONFIG_HOME and
//! XDG_DATA_HOME point into a tempdir, the CRAMP_* variables and NO_COLOR are removed, and the working
//! directory is the tempdir, so nothing depends on the developer's own files. stdin, stdout and stderr are
//! pipes (assert_cmd's default), so the binary never sees a terminal.
//!
//! `cramp run --plain` runs in real time: its tests use `tests/fixtures/plain.toml` (steps of 1 s) with
//! `tests/fixtures/lead-in-0.toml` (no lead-in). Only `plain_runs_an_untimed_routine_unattended_to_the_end`
//! has an untimed step, which holds for 30 s when nobody can press Enter.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Our environment variables: never inherited from whoever runs the tests.
const OUR_VARS: [&str; 4] = [
    "CRAMP_CONTENT",
    "CRAMP_CONFIG",
    "CRAMP_DATA_DIR",
    "NO_COLOR",
];

/// A generous guard against a hung binary; not a timing assertion.
const HANG_GUARD: Duration = Duration::from_secs(60);

fn home() -> TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a tempdir: {e}"))
}

/// `cramp` with a clean environment: everything under `home`, none of our variables set.
fn cramp(home: &TempDir) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("cramp"));
    cmd.current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .timeout(HANG_GUARD);
    for var in OUR_VARS {
        cmd.env_remove(var);
    }
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Writes `bytes` to `name` inside `home` and returns the full path.
fn write(home: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = home.path().join(name);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path
}

/// Where the user's own content file lives: `$XDG_CONFIG_HOME/cramp-coach/content.toml`.
const XDG_CONTENT: &str = "config/cramp-coach/content.toml";
const XDG_CONFIG: &str = "config/cramp-coach/config.toml";

/// What one run of the binary gave.
struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    raw_stdout: Vec<u8>,
    raw_stderr: Vec<u8>,
}

impl Out {
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

fn run(cmd: &mut Command) -> Out {
    let o = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run cramp: {e}"));
    Out {
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        raw_stdout: o.stdout,
        raw_stderr: o.stderr,
    }
}

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
    let out = run(cramp(&h).arg("list"));
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
    write(&h, "c.toml", source);
    run(cramp(&h).args(["validate", "c.toml"]))
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

// ---------------------------------------------------------------------------------------------
// --version, --help, bad usage
// ---------------------------------------------------------------------------------------------

#[test]
fn version_prints_the_version() {
    let h = home();
    cramp(&h)
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("cramp {}\n", env!("CARGO_PKG_VERSION")))
        .stderr("");
}

#[test]
fn help_shows_the_examples() {
    let h = home();
    cramp(&h).arg("--help").assert().code(0).stdout(
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
        &["validate", "a.toml", "b.toml"],
        &["list", "--content"],
        &["list", "extra"],
    ];
    for args in cases {
        let out = run(cramp(&h).args(*args));
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

// ---------------------------------------------------------------------------------------------
// cramp list
// ---------------------------------------------------------------------------------------------

/// `id  kind  m:ss  title`, exactly two spaces apart.
fn list_fields(line: &str) -> [&str; 4] {
    let fields: Vec<&str> = line.splitn(4, "  ").collect();
    let [id, kind, length, title] = fields[..] else {
        panic!("not `id  kind  m:ss  title`: {line:?}")
    };
    for field in [id, kind, length, title] {
        assert!(
            !field.is_empty() && field.trim() == field,
            "fields are two spaces apart: {line:?}"
        );
    }
    assert!(!id.contains(' ') && !kind.contains(' '), "{line:?}");
    let (m, s) = length
        .split_once(':')
        .unwrap_or_else(|| panic!("length is m:ss: {line:?}"));
    assert!(
        !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()),
        "length is m:ss: {line:?}"
    );
    assert!(
        s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s < "60",
        "length is m:ss: {line:?}"
    );
    assert!(kind == "relief" || kind == "bedtime", "{line:?}");
    [id, kind, length, title]
}

#[test]
fn list_builtin_routines_relief_first() {
    let h = home();
    let out = run(cramp(&h).arg("list"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_terminal_safe("stdout", &out.raw_stdout, false);
    assert!(out.stdout.ends_with('\n'));
    let rows: Vec<[&str; 4]> = out.stdout_lines().into_iter().map(list_fields).collect();
    assert_eq!(rows[0][0], "calf", "calf relief comes first");
    assert_eq!(rows[0][1], "relief");
    let relief = rows.iter().take_while(|r| r[1] == "relief").count();
    assert!(relief >= 3, "at least 3 relief routines: {rows:?}");
    assert!(
        rows[relief..].iter().all(|r| r[1] == "bedtime"),
        "relief first, then bedtime: {rows:?}"
    );
    let bedtime = rows.iter().find(|r| r[0] == "bedtime");
    let bedtime = bedtime.unwrap_or_else(|| panic!("a `bedtime` routine: {rows:?}"));
    assert_eq!(bedtime[1], "bedtime");
    assert_eq!(bedtime[2], "3:20", "the bedtime routine is 3:20");
    let mut ids: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), rows.len(), "ids are unique: {rows:?}");
}

#[test]
fn list_with_content_file_lists_that_file_relief_first() {
    let h = home();
    cramp(&h)
        .args(["list", "--content"])
        .arg(fixture("order.toml"))
        .assert()
        .code(0)
        .stderr("")
        .stdout("toes  relief  1:15  Toe cramp\nshin  relief  0:45  Shin cramp\nnight  bedtime  1:40  Night stretch\n");
}

#[test]
fn list_counts_sides_repeats_and_rests() {
    let h = home();
    cramp(&h)
        .args(["list", "--content"])
        .arg(fixture("plain.toml"))
        .assert()
        .code(0)
        .stdout("tiny  relief  0:07  Tiny routine\none  relief  0:01  One step\nhold  bedtime  0:07  Hold routine\n");
}

// ---------------------------------------------------------------------------------------------
// cramp validate
// ---------------------------------------------------------------------------------------------

#[test]
fn validate_valid_file_says_ok_with_the_count() {
    let h = home();
    cramp(&h)
        .arg("validate")
        .arg(fixture("order.toml"))
        .assert()
        .code(0)
        .stdout("ok: 3 routines\n")
        .stderr("");
    cramp(&h)
        .arg("validate")
        .arg(fixture("plain.toml"))
        .assert()
        .code(0)
        .stdout("ok: 3 routines\n")
        .stderr("");
}

#[test]
fn validate_without_file_checks_the_content_in_use() {
    let n = builtin_list().lines().count();
    let h = home();
    cramp(&h)
        .arg("validate")
        .assert()
        .code(0)
        .stdout(format!("ok: {n} routines\n"))
        .stderr("");

    // The user's own file at the XDG place is the content in use.
    write(
        &h,
        XDG_CONTENT,
        format!("{}{}", routine_file("a", "A"), routine_file("b", "B")),
    );
    cramp(&h)
        .arg("validate")
        .assert()
        .code(0)
        .stdout("ok: 2 routines\n")
        .stderr("");

    // CRAMP_CONTENT beats it; --content beats that.
    cramp(&h)
        .arg("validate")
        .env("CRAMP_CONTENT", fixture("order.toml"))
        .assert()
        .code(0)
        .stdout("ok: 3 routines\n");
    let env_broken = write(&h, "broken.toml", "x =\n");
    cramp(&h)
        .args(["validate", "--content"])
        .arg(fixture("order.toml"))
        .env("CRAMP_CONTENT", &env_broken)
        .assert()
        .code(0)
        .stdout("ok: 3 routines\n");

    // A broken file in use fails validation loudly.
    let xdg = write(&h, XDG_CONTENT, "[[routine]]\nid = \"x\"\nnope = 1\n");
    let out = run(cramp(&h).arg("validate"));
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
    let places: Vec<Option<(usize, usize)>> = out
        .stderr_lines()
        .iter()
        .map(|l| place(l, "c.toml"))
        .collect();
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
        let places: Vec<Option<(usize, usize)>> = out
            .stderr_lines()
            .iter()
            .map(|l| place(l, "c.toml"))
            .collect();
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
    let out = run(cramp(&h).args(["validate", "no-such-file.toml"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let lines = out.stderr_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("no-such-file.toml"), "{lines:?}");
    assert_terminal_safe("stderr", &out.raw_stderr, false);

    // The same through --content: an input/output error, not a usage error.
    let out = run(cramp(&h).args(["list", "--content", "no-such-file.toml"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr_lines().len(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("no-such-file.toml"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// Hostile input
// ---------------------------------------------------------------------------------------------

/// A hostile content file: exit exactly 2, no panic, `FILE:LINE:COL:` errors, clean stderr, both through
/// `validate FILE` and through `list --content FILE`.
fn assert_hostile_refused(name: &str, bytes: &[u8]) -> Option<(usize, usize)> {
    let h = home();
    let path = write(&h, name, bytes);
    let file = path.display().to_string();
    let out = run(cramp(&h).arg("validate").arg(&path));
    assert_refused(&out, &file);
    let listed = run(cramp(&h).arg("list").arg("--content").arg(&path));
    assert_refused(&listed, &file);
    place(out.stderr_lines()[0], &file)
}

const DEEP: usize = 100_000;

#[test]
fn hostile_arrays_nested_100000_deep() {
    let src = format!("x = {}{}\n", "[".repeat(DEEP), "]".repeat(DEEP));
    assert_hostile_refused("arrays.toml", src.as_bytes());
}

#[test]
fn hostile_inline_tables_nested_100000_deep() {
    let src = format!("x = {}1{}\n", "{a = ".repeat(DEEP), "}".repeat(DEEP));
    assert_hostile_refused("tables.toml", src.as_bytes());
}

#[test]
fn hostile_mixed_nesting_over_many_lines() {
    let src = format!("x = [\n{}\n", "[{a = \n".repeat(DEEP / 10));
    assert_hostile_refused("mixed.toml", src.as_bytes());
}

#[test]
fn hostile_dotted_key_100000_segments() {
    let key = vec!["a"; DEEP].join(".");
    assert_hostile_refused("dotted.toml", format!("{key} = 1\n").as_bytes());
    assert_hostile_refused("header.toml", format!("[{key}]\n").as_bytes());
    assert_hostile_refused("array-header.toml", format!("[[{key}]]\n").as_bytes());
    assert_hostile_refused("inline.toml", format!("x = {{{key} = 1}}\n").as_bytes());
}

#[test]
fn hostile_5_mb_file() {
    let mut src = routine_file("big", "Big").into_bytes();
    while src.len() < 5 * 1024 * 1024 {
        src.extend_from_slice(
            b"# padding padding padding padding padding padding padding padding padding\n",
        );
    }
    assert_hostile_refused("big.toml", &src);
}

#[test]
fn hostile_invalid_utf8() {
    let at = assert_hostile_refused("utf8.toml", b"[[routine]]\nid = \"c\xff\xfe\"\n");
    assert_eq!(at, Some((2, 8)), "the first bad byte");
    assert_hostile_refused("utf8-start.toml", b"\xc3\x28 = 1\n");
    assert_hostile_refused("utf16.toml", b"\xff\xfe[\x00[\x00r\x00");
}

#[test]
fn hostile_nul_byte() {
    let at = assert_hostile_refused("nul.toml", b"[[routine]]\nid = \"c\x00\"\n");
    assert_eq!(at, Some((2, 8)), "the NUL byte");
    assert_hostile_refused("nul-bare.toml", b"\x00\n");
    assert_hostile_refused("nul-comment.toml", b"# a \x00 comment\nx = 1\n");
}

#[test]
fn hostile_routine_header_repeated_100000_times() {
    assert_hostile_refused("headers.toml", "[[routine]]\n".repeat(DEEP).as_bytes());
    // Just under the size limit, so the parser and checker see it all.
    assert_hostile_refused(
        "headers-80k.toml",
        "[[routine]]\n".repeat(80_000).as_bytes(),
    );
    let many_steps = format!(
        "{ONE}{}",
        "[[routine.step]]\ntitle = \"t\"\ntext = \"x\"\nseconds = 1\n".repeat(20_000)
    );
    assert_hostile_refused("steps.toml", many_steps.as_bytes());
}

#[test]
fn toml_test_invalid_corpus_is_refused_cleanly() {
    let dir = fixture("toml-invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "the corpus sample is there: {files:?}");
    let h = home();
    for path in files {
        let file = path.display().to_string();
        let out = run(cramp(&h).arg("validate").arg(&path));
        assert!(
            matches!(out.code, Some(1 | 2)),
            "{file}: exit {:?}: {}",
            out.code,
            out.stderr
        );
        assert!(out.raw_stdout.is_empty(), "{file}: stdout {:?}", out.stdout);
        assert!(!out.stderr.contains("panicked"), "{file}: {}", out.stderr);
        let first = out.stderr_lines().first().copied().unwrap_or_default();
        assert!(
            place(first, &file).is_some(),
            "{file}: first line not FILE:LINE:COL: {first:?}"
        );
        assert_terminal_safe(&format!("stderr for {file}"), &out.raw_stderr, false);
    }
}

// ---------------------------------------------------------------------------------------------
// Control characters never reach the terminal
// ---------------------------------------------------------------------------------------------

#[test]
fn list_replaces_control_characters_from_the_file() {
    let h = home();
    let out = run(cramp(&h)
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
    let out = run(cramp(&h)
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
    let cfg = write(&h, "c.toml", "theme = \"\\u001b[2J\\u009b\\u202e\"\n");
    let out = run(cramp(&h).args(["list", "--config"]).arg(&cfg));
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
        let out = run(cramp(&h).args(args));
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
    write(&h, broken_name, "x =\n");
    for args in [
        &["validate", broken_name][..],
        &["list", "--content", broken_name][..],
    ] {
        let out = run(cramp(&h).args(args));
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
    let out = run(cramp(&h)
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

// ---------------------------------------------------------------------------------------------
// cramp run, and cramp without a terminal
// ---------------------------------------------------------------------------------------------

#[test]
fn run_unknown_routine_exits_2_naming_the_ids() {
    let h = home();
    for args in [&["run", "nosuch"][..], &["run", "--plain", "nosuch"][..]] {
        let out = run(cramp(&h).args(args));
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
    let out = run(cramp(&h)
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
        let out = run(cramp(&h).args(args));
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

// ---------------------------------------------------------------------------------------------
// cramp run --plain
// ---------------------------------------------------------------------------------------------

fn plain(home: &TempDir, routine: &str) -> Command {
    let mut cmd = cramp(home);
    cmd.args(["run", "--plain", routine, "--content"])
        .arg(fixture("plain.toml"))
        .arg("--config")
        .arg(fixture("lead-in-0.toml"));
    cmd
}

/// `m:ss`.
fn is_clock(s: &str) -> bool {
    s.split_once(':').is_some_and(|(m, s)| {
        !m.is_empty()
            && m.bytes().all(|b| b.is_ascii_digit())
            && s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The lines of a plain run with the bells taken out.
fn plain_lines(out: &Out) -> Vec<String> {
    out.stdout
        .replace('\u{7}', "")
        .lines()
        .map(str::to_string)
        .collect()
}

/// The sided, repeated step of `plain.toml` as plain lines: left twice with a rest, switch, right twice.
fn assert_sided_step(lines: &[String], n: usize, m: usize) {
    let start = format!("Step {n}/{m} · Both legs · ");
    let at = lines
        .iter()
        .position(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("{start}: {lines:#?}"));
    let step =
        |side: &str, rep: usize| format!("{start}{side} · {rep} of 2 · 0:01 · Point and flex.");
    let rest = "Rest · 0:01".to_string();
    let expected = [
        step("left", 1),
        rest.clone(),
        step("left", 2),
        step("right", 1),
        rest,
        step("right", 2),
    ];
    let got: Vec<&String> = lines[at..]
        .iter()
        .filter(|l| !l.starts_with("  "))
        .take(expected.len())
        .collect();
    assert_eq!(got, expected.iter().collect::<Vec<_>>(), "{lines:#?}");
    let switch: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim() == "switch sides")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(switch.len(), 1, "one `switch sides` line: {lines:#?}");
    assert_eq!(
        lines[switch[0] - 1],
        expected[2],
        "switch after the left side: {lines:#?}"
    );
    assert_eq!(
        lines[switch[0] + 1],
        expected[3],
        "and before the right: {lines:#?}"
    );
    assert_eq!(
        lines.iter().filter(|l| **l == expected[1]).count(),
        2,
        "{lines:#?}"
    );
}

fn assert_done_line(lines: &[String], title: &str) {
    let last = lines.last().unwrap_or_else(|| panic!("no output"));
    let rest = last
        .strip_prefix(&format!("Done · {title} · "))
        .unwrap_or_else(|| panic!("{last:?}"));
    assert!(is_clock(rest), "Done line ends with m:ss: {last:?}");
}

/// The one plain test with an untimed step: it holds 30 s, since nobody can press Enter.
#[test]
fn plain_runs_an_untimed_routine_unattended_to_the_end() {
    let h = home();
    let out = run(plain(&h, "hold").timeout(Duration::from_secs(180)));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_terminal_safe("stdout", &out.raw_stdout, true);
    assert!(
        out.raw_stdout.contains(&0x07),
        "rings the bell without --quiet"
    );
    let lines = plain_lines(&out);
    assert!(
        lines[0].starts_with("Hold routine") && lines[0].contains("3 steps"),
        "header: {lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.starts_with("Get ready")),
        "lead-in 0: no get ready: {lines:#?}"
    );
    assert_eq!(
        lines[1], "Step 1/3 · Warm up · 0:01 · Wiggle the toes.",
        "{lines:#?}"
    );
    assert!(
        lines[2].starts_with("Step 2/3 · Hold until it lets go · "),
        "{lines:#?}"
    );
    assert!(
        lines[2].ends_with(" · Pull the toes toward you."),
        "{lines:#?}"
    );
    assert!(
        lines[3].starts_with("  ") && lines[3].contains("30"),
        "says it holds for 30 s: {lines:#?}"
    );
    assert_sided_step(&lines, 3, 3);
    let steps: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("Step "))
        .map(|l| &l[..3])
        .collect();
    assert_eq!(
        steps,
        ["1/3", "2/3", "3/3", "3/3", "3/3", "3/3"],
        "{lines:#?}"
    );
    assert_done_line(&lines, "Hold routine");
}

#[test]
fn plain_quiet_runs_to_the_end_without_a_bell() {
    let h = home();
    let out = run(plain(&h, "tiny").arg("--quiet"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert!(
        !out.raw_stdout.contains(&0x07),
        "--quiet: no BEL at all: {:?}",
        out.stdout
    );
    assert_terminal_safe("stdout", &out.raw_stdout, false);
    let lines = plain_lines(&out);
    assert!(
        lines[0].starts_with("Tiny routine") && lines[0].contains("2 steps"),
        "header: {lines:#?}"
    );
    assert!(
        lines[0].contains("0:07"),
        "header gives the length: {lines:#?}"
    );
    assert_eq!(
        lines[1], "Step 1/2 · Warm up · 0:01 · Wiggle the toes.",
        "{lines:#?}"
    );
    assert_sided_step(&lines, 2, 2);
    assert_done_line(&lines, "Tiny routine");
    assert_eq!(
        lines.len(),
        10,
        "header, 6 step or rest lines, switch sides, done: {lines:#?}"
    );
}

#[test]
fn plain_rings_the_bell_without_quiet() {
    let h = home();
    let out = run(&mut plain(&h, "one"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.raw_stdout.contains(&0x07),
        "at least one BEL: {:?}",
        out.stdout
    );
    assert_terminal_safe("stdout", &out.raw_stdout, true);
    let lines = plain_lines(&out);
    assert_eq!(
        lines[1], "Step 1/1 · Only step · 0:01 · Just one.",
        "{lines:#?}"
    );
    assert_done_line(&lines, "One step");
}

#[test]
fn plain_honours_bell_false_in_the_config() {
    let h = home();
    let cfg = write(&h, "quiet.toml", "lead_in_seconds = 0\nbell = false\n");
    let out = run(cramp(&h)
        .args(["run", "--plain", "one", "--content"])
        .arg(fixture("plain.toml"))
        .arg("--config")
        .arg(&cfg));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        !out.raw_stdout.contains(&0x07),
        "bell = false: no BEL: {:?}",
        out.stdout
    );
}

#[test]
fn plain_bell_pattern_follows_the_config_documentation() {
    // Each line is followed by its bell: once for a step, twice on switching sides, three times when done.
    let h = home();
    let out = run(&mut plain(&h, "tiny"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("  switch sides\nStep 2/2 · Both legs · right · 1 of 2 · 0:01 · Point and flex.\n\u{7}\u{7}Rest"),
        "two bells to switch sides: {:?}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Step 1/2 · Warm up · 0:01 · Wiggle the toes.\n\u{7}Step"),
        "one bell for a step: {:?}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("\n\u{7}\u{7}\u{7}"),
        "three bells when done: {:?}",
        out.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// Flags vs environment vs XDG
// ---------------------------------------------------------------------------------------------

fn first_ids(out: &Out) -> Vec<String> {
    out.stdout
        .lines()
        .map(|l| l.split("  ").next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn content_flag_beats_environment_beats_xdg() {
    let h = home();
    let builtin = builtin_list();
    let flag = write(&h, "flag.toml", routine_file("from-flag", "From flag"));
    let env = write(&h, "env.toml", routine_file("from-env", "From env"));

    cramp(&h)
        .arg("list")
        .assert()
        .code(0)
        .stdout(builtin.clone());

    write(&h, XDG_CONTENT, routine_file("from-xdg", "From XDG"));
    cramp(&h)
        .arg("list")
        .assert()
        .code(0)
        .stdout("from-xdg  relief  0:05  From XDG\n")
        .stderr("");

    let out = run(cramp(&h).arg("list").env("CRAMP_CONTENT", &env));
    assert_eq!(
        (out.code, first_ids(&out), out.stderr.as_str()),
        (Some(0), vec!["from-env".to_string()], "")
    );

    let out = run(cramp(&h)
        .arg("list")
        .arg("--content")
        .arg(&flag)
        .env("CRAMP_CONTENT", &env));
    assert_eq!(
        (out.code, first_ids(&out), out.stderr.as_str()),
        (Some(0), vec!["from-flag".to_string()], "")
    );

    // An empty CRAMP_CONTENT is as good as none.
    let out = run(cramp(&h).arg("list").env("CRAMP_CONTENT", ""));
    assert_eq!(
        (out.code, first_ids(&out)),
        (Some(0), vec!["from-xdg".to_string()]),
        "{}",
        out.stderr
    );

    // The winner is the only file read: broken losers say nothing.
    write(&h, XDG_CONTENT, "broken =\n");
    let broken_env = write(&h, "broken-env.toml", "broken =\n");
    let out = run(cramp(&h).arg("list").env("CRAMP_CONTENT", &env));
    assert_eq!(
        (out.code, first_ids(&out), out.stderr.as_str()),
        (Some(0), vec!["from-env".to_string()], "")
    );
    let out = run(cramp(&h)
        .arg("list")
        .arg("--content")
        .arg(&flag)
        .env("CRAMP_CONTENT", &broken_env));
    assert_eq!(
        (out.code, first_ids(&out), out.stderr.as_str()),
        (Some(0), vec!["from-flag".to_string()], "")
    );
}

#[test]
fn broken_content_flag_is_an_error_with_its_place() {
    let h = home();
    let broken = write(&h, "broken.toml", format!("{ONE}seconds = 0\n"));
    let file = broken.display().to_string();
    for args in [
        &["list"][..],
        &["run", "--plain", "calf"][..],
        &["run", "calf"][..],
        &[][..],
    ] {
        let out = run(cramp(&h).args(args).arg("--content").arg(&broken));
        assert_refused(&out, &file);
        assert_eq!(
            place(out.stderr_lines()[0], &file),
            Some((8, 11)),
            "{args:?}: {}",
            out.stderr
        );
    }
    // Even with a good file in the environment: the flag wins, and fails.
    let good = write(&h, "good.toml", routine_file("good", "Good"));
    let out = run(cramp(&h)
        .arg("list")
        .arg("--content")
        .arg(&broken)
        .env("CRAMP_CONTENT", &good));
    assert_refused(&out, &file);
}

/// `list` on the built-in routines, exit 0, and exactly one warning line naming `file`.
fn assert_falls_back_with_one_warning(out: &Out, file: &Path, builtin: &str) {
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, builtin, "the built-in routines");
    let lines = out.stderr_lines();
    assert_eq!(lines.len(), 1, "one warning line: {lines:?}");
    assert!(
        lines[0].contains(&file.display().to_string()),
        "names the file: {lines:?}"
    );
    assert_terminal_safe("stderr", &out.raw_stderr, false);
}

#[test]
fn broken_content_at_the_xdg_place_falls_back_with_a_warning() {
    let builtin = builtin_list();
    let h = home();
    let xdg = write(&h, XDG_CONTENT, "[[routine]]\nid = \"calf\"\nkind = 7\n");
    let out = run(cramp(&h).arg("list"));
    assert_falls_back_with_one_warning(&out, &xdg, &builtin);
    assert!(
        out.stderr.contains(&format!("{}:3:8: ", xdg.display())),
        "with its place: {}",
        out.stderr
    );
}

#[test]
fn broken_content_from_the_environment_falls_back_with_a_warning() {
    let builtin = builtin_list();
    let h = home();
    let env = write(&h, "env.toml", format!("{ONE}seconds = 99999\n"));
    let out = run(cramp(&h).arg("list").env("CRAMP_CONTENT", &env));
    assert_falls_back_with_one_warning(&out, &env, &builtin);
    assert!(
        out.stderr.contains(&format!("{}:8:11: ", env.display())),
        "with its place: {}",
        out.stderr
    );
}

#[test]
fn broken_config_flag_is_an_error_with_its_place() {
    let h = home();
    let broken = write(&h, "broken.toml", "bell = true\nlead_in_seconds = \n");
    let file = broken.display().to_string();
    let out = run(cramp(&h).arg("list").arg("--config").arg(&broken));
    assert_refused(&out, &file);
    assert_eq!(
        place(out.stderr_lines()[0], &file).map(|p| p.0),
        Some(2),
        "{}",
        out.stderr
    );

    // Beats a good file in the environment.
    let good = write(&h, "good.toml", "bell = false\n");
    let out = run(cramp(&h)
        .arg("list")
        .arg("--config")
        .arg(&broken)
        .env("CRAMP_CONFIG", &good));
    assert_refused(&out, &file);

    let out = run(cramp(&h)
        .args(["run", "--plain", "calf", "--config"])
        .arg(&broken));
    assert_refused(&out, &file);
}

#[test]
fn unknown_config_key_exits_2() {
    let h = home();
    let cfg = write(&h, "c.toml", "bell = true\ncolour = \"red\"\n");
    let out = run(cramp(&h).arg("list").arg("--config").arg(&cfg));
    assert_refused(&out, &cfg.display().to_string());
    let first = out.stderr_lines()[0];
    assert_eq!(
        place(first, &cfg.display().to_string()),
        Some((2, 1)),
        "{first}"
    );
    assert!(first.contains("colour"), "{first}");
}

#[test]
fn bad_theme_names_line_1_column_9() {
    let h = home();
    let cfg = write(&h, "c.toml", "theme = \"pink\"\n");
    let file = cfg.display().to_string();
    let out = run(cramp(&h).arg("list").arg("--config").arg(&cfg));
    assert_refused(&out, &file);
    let lines = out.stderr_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(place(lines[0], &file), Some((1, 9)), "{lines:?}");
    assert!(lines[0].contains("pink"), "{lines:?}");
}

#[test]
fn other_bad_config_values_name_their_place() {
    let h = home();
    for (source, at) in [
        ("lead_in_seconds = 31\n", (1, 19)),
        ("lead_in_seconds = -1\n", (1, 19)),
        ("day_starts_at = \"13:00\"\n", (1, 17)),
        ("bell = \"yes\"\n", (1, 8)),
        ("\n\ntheme = 3\n", (3, 9)),
    ] {
        let cfg = write(&h, "c.toml", source);
        let file = cfg.display().to_string();
        let out = run(cramp(&h).arg("list").arg("--config").arg(&cfg));
        assert_refused(&out, &file);
        assert_eq!(
            place(out.stderr_lines()[0], &file),
            Some(at),
            "{source:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn broken_config_at_the_xdg_place_or_from_the_environment_falls_back_with_a_warning() {
    let builtin = builtin_list();
    let h = home();
    let xdg = write(&h, XDG_CONFIG, "theme = \"pink\"\n");
    let out = run(cramp(&h).arg("list"));
    assert_falls_back_with_one_warning(&out, &xdg, &builtin);
    assert!(
        out.stderr.contains(&format!("{}:1:9: ", xdg.display())),
        "{}",
        out.stderr
    );

    let env = write(&h, "env.toml", "colour = 1\n");
    let out = run(cramp(&h).arg("list").env("CRAMP_CONFIG", &env));
    assert_falls_back_with_one_warning(&out, &env, &builtin);
    assert!(
        out.stderr.contains(&format!("{}:1:1: ", env.display())),
        "{}",
        out.stderr
    );
}

#[test]
fn config_flag_beats_environment_beats_xdg() {
    let builtin = builtin_list();
    let h = home();
    // Only the winning file is read, so a broken loser stays silent and a broken winner speaks.
    let xdg = write(&h, XDG_CONFIG, "theme = \"pink\"\n");
    let good = write(&h, "good.toml", "theme = \"contrast\"\n");
    let broken_env = write(&h, "broken-env.toml", "colour = 1\n");

    cramp(&h)
        .arg("list")
        .env("CRAMP_CONFIG", &good)
        .assert()
        .code(0)
        .stdout(builtin.clone())
        .stderr("");

    let out = run(cramp(&h).arg("list").env("CRAMP_CONFIG", &broken_env));
    assert_falls_back_with_one_warning(&out, &broken_env, &builtin);
    assert!(
        !out.stderr.contains(&xdg.display().to_string()),
        "the XDG file is not read: {}",
        out.stderr
    );

    cramp(&h)
        .arg("list")
        .arg("--config")
        .arg(&good)
        .env("CRAMP_CONFIG", &broken_env)
        .assert()
        .code(0)
        .stdout(builtin)
        .stderr("");
}
