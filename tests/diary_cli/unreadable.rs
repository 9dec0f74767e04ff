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
        vec!["log", "remove", "1"],
    ]
}

#[test]
fn an_unreadable_journal_exits_3_and_is_left_byte_identical() {
    let valid_start = "cramp-coach journal 1\nnight 2025-03-01 stretch\n";
    let cases: [(&str, Vec<u8>); 7] = [
        ("garbage", b"garbage\n".to_vec()),
        ("binary", vec![0x00, 0xff, 0xfe, 0x01, b'\n', 0x80]),
        ("not UTF-8", [valid_start.as_bytes(), b"cramp 1 night=2025-03-01 at=\xff\n"].concat()),
        ("newer", b"cramp-coach journal 99\ncramp 1 future=yes\n".to_vec()),
        ("a cramp without its time", format!("{valid_start}cramp 1 night=2025-03-01\n").into_bytes()),
        ("a bad field", format!("{valid_start}cramp 1 night=2025-03-01 at=2025-03-02T02:00:00+00:00 muscle=knee\n").into_bytes()),
        ("an id twice", format!("{valid_start}cramp 1 night=2025-03-01 at=2025-03-02T02:00:00+00:00\ncramp 1 night=2025-03-02 at=2025-03-03T02:00:00+00:00\n").into_bytes()),
    ];
    for (what, bytes) in cases {
        let home = Home::new(SETUP);
        home.write_journal(&bytes);
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
                &bytes,
                inode,
                &format!("{what}: `cramp {}`", out.args),
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
