//! A journal the app cannot read (garbage, binary, a newer version, a bad field, a folder) fails
//! every command and is left byte for byte as it was.

use crate::support::LOG_ADD;
use crate::support::home::Home;
use crate::{SETUP, assert_untouched, inode_of};

/// Every diary command, the ones that read and the ones that write.
fn every_command() -> [Vec<&'static str>; 8] {
    let add = |more: &[&'static str]| [&LOG_ADD[..], more].concat();
    [
        vec!["log"],
        vec!["log", "--since", "2025-01-01"],
        vec!["insights"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "markdown", "--since", "2025-01-01"],
        add(&["--at", "2025-03-14 02:00"]),
        add(&["--symptoms"]),
        vec!["log", "remove", "kqmz"],
    ]
}

#[test]
fn an_unreadable_journal_exits_3_and_is_left_byte_identical() {
    let valid_start = "cramp-coach journal 1\nnight 2025-03-01 stretch\n";
    let v2 = "cramp-coach journal 2\nnight 2025-03-01 stretch\n";
    let cases: [(&str, Vec<u8>); 10] = [
        ("garbage", b"garbage\n".to_vec()),
        ("binary", vec![0x00, 0xff, 0xfe, 0x01, b'\n', 0x80]),
        ("not UTF-8", [valid_start.as_bytes(), b"cramp 1 night=2025-03-01 at=\xff\n"].concat()),
        ("newer", b"cramp-coach journal 99\ncramp 1 future=yes\n".to_vec()),
        ("a cramp without its time", format!("{valid_start}cramp 1 night=2025-03-01\n").into_bytes()),
        ("a bad field", format!("{valid_start}cramp 1 night=2025-03-01 at=2025-03-02T02:00:00+00:00 muscle=knee\n").into_bytes()),
        ("one version newer", b"cramp-coach journal 3\nnight 2025-03-01 stretch\n".to_vec()),
        ("version 2, an id twice, out of time order", format!("{v2}cramp kqmzbwta night=2025-03-02 at=2025-03-03T02:00:00+00:00\ncramp kqmzbwta night=2025-03-01 at=2025-03-02T02:00:00+00:00\n").into_bytes()),
        ("version 2, a numbered entry", format!("{v2}cramp 1 night=2025-03-01 at=2025-03-02T02:00:00+00:00\n").into_bytes()),
        ("version 2, a bad change number", format!("{v2}night 2025-03-02 stretch~x\n").into_bytes()),
    ];
    assert_every_command_refuses(&cases);
}

/// A journal that gives two entries one id is refused, whatever the order of its lines: a version
/// 1 journal numbering two entries alike, as before (each entry's id is made from its number and
/// its fields, so the number must be checked itself; the same line twice gives two entries one id,
/// and a journal written back that way can no longer be read), and a version 2 journal listing an
/// id twice in time order (refused out of time order already).
#[test]
fn a_journal_with_an_entry_id_twice_is_refused_in_any_order() {
    let valid_start = "cramp-coach journal 1\nnight 2025-03-01 stretch\n";
    let v2 = "cramp-coach journal 2\nnight 2025-03-01 stretch\n";
    let entry = "cramp 1 night=2025-03-01 at=2025-03-02T02:00:00+00:00\n";
    let cases: [(&str, Vec<u8>); 3] = [
        ("an id twice", format!("{valid_start}{entry}cramp 1 night=2025-03-02 at=2025-03-03T02:00:00+00:00\n").into_bytes()),
        ("the same entry twice", format!("{valid_start}{entry}{entry}").into_bytes()),
        ("version 2, an id twice in time order", format!("{v2}cramp kqmzbwta night=2025-03-01 at=2025-03-02T02:00:00+00:00\ncramp kqmzbwta night=2025-03-02 at=2025-03-03T02:00:00+00:00\n").into_bytes()),
    ];
    assert_every_command_refuses(&cases);
}

/// Every command exits 3 on each journal, naming it, printing nothing, leaving it as it was.
fn assert_every_command_refuses(cases: &[(&str, Vec<u8>)]) {
    for (what, bytes) in cases {
        let home = Home::new(SETUP);
        home.write_journal(bytes);
        let inode = inode_of(&home.journal());
        for args in &every_command() {
            let out = home.run(args);
            out.code(3);
            out.stderr_has("journal.txt");
            assert!(
                out.stdout.is_empty(),
                "{what}: `cramp {}` printed {:?}",
                out.args,
                out.stdout
            );
            assert_untouched(
                &home,
                bytes,
                inode,
                &format!("{what}: `cramp {}`", out.args),
            );
            // Not upgraded either: no copy kept as for a version 1 journal written as version 2.
            assert!(
                !home.data().join("journal.v1.bak").exists(),
                "{what}: `cramp {}` made journal.v1.bak",
                out.args
            );
        }
    }
}

#[test]
fn a_journal_that_is_a_folder_exits_1_naming_it_and_is_left_alone() {
    let home = Home::new(SETUP);
    std::fs::create_dir_all(home.journal()).unwrap_or_else(|e| panic!("{e}"));
    for args in &every_command() {
        let out = home.run(args);
        out.code(1);
        out.stderr_has("journal.txt: a folder, not a regular file");
        assert!(
            home.journal().is_dir(),
            "`cramp {}` replaced the folder",
            out.args
        );
    }
}
