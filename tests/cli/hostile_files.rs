//! Hostile content files (deep nesting, huge, invalid UTF-8, NUL bytes, the toml-test invalid
//! corpus) are refused with exit 2 and a clean `FILE:LINE:COL:` message, never a panic.

use std::path::PathBuf;

use crate::support::home::fixture;
use crate::support::out::run;
use crate::{ONE, assert_refused, assert_terminal_safe, home, place, routine_file};

/// A hostile content file: exit exactly 2, no panic, `FILE:LINE:COL:` errors, clean stderr, both through
/// `validate FILE` and through `list --content FILE`.
fn assert_hostile_refused(name: &str, bytes: &[u8]) -> Option<(usize, usize)> {
    let h = home();
    let path = h.write(name, bytes);
    let file = path.display().to_string();
    let out = run(h.cramp().arg("validate").arg(&path));
    assert_refused(&out, &file);
    let listed = run(h.cramp().arg("list").arg("--content").arg(&path));
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
        let out = run(h.cramp().arg("validate").arg(&path));
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
