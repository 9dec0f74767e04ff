//! No link is followed on the way to the journal: not as the temporary file, the lock or the
//! journal itself; a killed writer's temporary file is cleaned up.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};

use crate::support::home::Home;
use crate::{HEADER, SETUP, refused_by_every_command};

#[test]
fn a_link_planted_as_the_temporary_file_is_not_followed() {
    let home = Home::new(SETUP);
    home.make_data();
    let victim = home.path().join("victim.txt");
    fs::write(&victim, "precious\n").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o644))
        .unwrap_or_else(|e| panic!("{e}"));
    // The old fixed name, and names of the new shape: none of them may be written through.
    for name in [".journal.txt.tmp", ".journal.txt.AAAAAAAAAA.tmp"] {
        symlink(&victim, home.data().join(name)).unwrap_or_else(|e| panic!("{e}"));
    }
    home.run(&["check", "fluids"]).code(0);
    home.run(&["check", "stretch"]).code(0);
    assert_eq!(
        fs::read_to_string(&victim).ok().as_deref(),
        Some("precious\n")
    );
    assert_eq!(
        fs::metadata(&victim).map(|m| m.mode() & 0o777).ok(),
        Some(0o644)
    );
    // The links are the user's business: left as they were.
    for name in [".journal.txt.tmp", ".journal.txt.AAAAAAAAAA.tmp"] {
        let m = fs::symlink_metadata(home.data().join(name)).unwrap_or_else(|e| panic!("{e}"));
        assert!(m.file_type().is_symlink(), "{name}");
    }
    let habits = home.run(&["habits"]);
    assert!(habits.stdout.contains("[x] stretch"), "{}", habits.stdout);
}

#[test]
fn a_link_as_the_lock_file_is_refused_and_its_target_is_not_created() {
    let home = Home::new(SETUP);
    home.make_data();
    let target = home.path().join("made-through-the-link");
    symlink(&target, home.lock()).unwrap_or_else(|e| panic!("{e}"));
    home.run(&["check", "fluids"])
        .code(1)
        .stderr_has("journal.lock: a symbolic link")
        .one_line();
    assert!(!target.exists(), "the lock's link target was created");
    assert_eq!(home.journal_bytes(), None);
}

#[test]
fn a_journal_that_is_a_link_is_refused_for_reading_and_writing_and_never_replaced() {
    let home = Home::new(SETUP);
    home.make_data();
    let elsewhere = home.path().join("elsewhere.txt");
    let text = format!("{HEADER}night 2025-01-01 fluids=2\n");
    fs::write(&elsewhere, &text).unwrap_or_else(|e| panic!("{e}"));
    symlink(&elsewhere, home.journal()).unwrap_or_else(|e| panic!("{e}"));
    refused_by_every_command(&home, "journal.txt: a symbolic link, not a regular file");
    assert_eq!(fs::read_to_string(&elsewhere).ok(), Some(text));
    assert!(fs::symlink_metadata(home.journal()).is_ok_and(|m| m.file_type().is_symlink()));
}

#[test]
fn a_temporary_file_left_by_a_killed_writer_is_cleaned_up_on_the_next_write() {
    let home = Home::new(SETUP);
    let v1 = format!("{HEADER}night 2025-01-01 fluids=2\n");
    home.put_journal(&v1);
    for name in [".journal.txt.tmp", ".journal.txt.k1ll3dH4lf.tmp"] {
        fs::write(home.data().join(name), "cramp-coach journal 1\nnight 20")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    // A file of someone's own that only looks alike is left.
    fs::write(home.data().join("journal.txt.tmp.mine"), "keep").unwrap_or_else(|e| panic!("{e}"));
    home.run(&["check", "fluids"]).code(0);
    // The version 1 journal, written as version 2, is kept once beside it as it was.
    assert_eq!(
        home.listing(),
        [
            "journal.lock",
            "journal.txt",
            "journal.txt.tmp.mine",
            "journal.v1.bak"
        ]
    );
    let backup = home.data().join("journal.v1.bak");
    assert_eq!(fs::read_to_string(&backup).ok(), Some(v1));
    assert_eq!(
        fs::metadata(&backup).map(|m| m.mode() & 0o777).ok(),
        Some(0o600)
    );
    assert_eq!(
        fs::read_to_string(home.data().join("journal.txt.tmp.mine"))
            .ok()
            .as_deref(),
        Some("keep")
    );
}
