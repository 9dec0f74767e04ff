//! `cramp list`: one routine a line, `id  kind  m:ss  title`, relief first.

use crate::support::home::fixture;
use crate::support::out::run;
use crate::{assert_terminal_safe, home};

/// `id  kind  m:ss  title`, exactly two spaces apart.
pub(crate) fn list_fields(line: &str) -> [&str; 4] {
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
    let out = run(h.cramp().arg("list"));
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
    assert_eq!(
        bedtime[2], "3:35",
        "the bedtime routine is 3:35: 200 s of holds and rests, 3 moments of 5 s to move"
    );
    let mut ids: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), rows.len(), "ids are unique: {rows:?}");
}

/// A routine with sides gets 5 s to change legs by default (`night`: 100 s + 5 s); one without
/// gets none.
#[test]
fn list_with_content_file_lists_that_file_relief_first() {
    let h = home();
    h.cramp()
        .args(["list", "--content"])
        .arg(fixture("order.toml"))
        .assert()
        .code(0)
        .stderr("")
        .stdout("toes  relief  1:15  Toe cramp\nshin  relief  0:45  Shin cramp\nnight  bedtime  1:45  Night stretch\n");
}

/// `tiny`: 1 s, then 5 s to get into position and both legs (2 × (1 + 1 + 1) s) with 5 s to
/// change legs between them; `hold`: the same around an untimed step, which counts nothing but
/// its 5 s to get into position.
#[test]
fn list_counts_sides_repeats_and_rests() {
    let h = home();
    h.cramp()
        .args(["list", "--content"])
        .arg(fixture("plain.toml"))
        .assert()
        .code(0)
        .stdout("tiny  relief  0:17  Tiny routine\none  relief  0:01  One step\nhold  bedtime  0:22  Hold routine\n");
}
