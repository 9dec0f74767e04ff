//! Folders the app did not create are not changed: refused when others can write them or
//! another user owns them, used as they are when private enough.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use crate::support::LOG_ADD;
use crate::support::home::{Home, mode, running_as_root};
use crate::{READ_COMMANDS, SETUP};

#[test]
fn a_folder_others_can_write_is_refused_for_writing_left_unchanged_and_warned_about_once() {
    for folder_mode in [0o1777, 0o777, 0o770, 0o775] {
        let home = Home::new(SETUP);
        fs::create_dir_all(home.data()).unwrap_or_else(|e| panic!("{e}"));
        fs::set_permissions(home.data(), fs::Permissions::from_mode(folder_mode))
            .unwrap_or_else(|e| panic!("{e}"));
        for args in [&["check", "fluids"][..], &LOG_ADD[..]] {
            home.run(args)
                .code(1)
                .stderr_has("others can change what is in it")
                .stderr_has("chmod 700")
                .one_line();
        }
        assert_eq!(mode(&home.data()), folder_mode, "the folder was chmod'ed");
        assert!(
            home.listing().is_empty(),
            "{folder_mode:o}: wrote {:?}",
            home.listing()
        );
        for args in READ_COMMANDS {
            let out = home.run(args);
            out.code(0);
            assert_eq!(out.stderr.matches("warning").count(), 1, "{}", out.stderr);
        }
    }
}

#[test]
fn an_existing_private_enough_folder_is_used_as_it_is() {
    let home = Home::new(SETUP);
    fs::create_dir_all(home.data()).unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(home.data(), fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("{e}"));
    home.run(&["check", "fluids"]).code(0);
    assert_eq!(mode(&home.data()), 0o755);
    assert_eq!(mode(&home.journal()), 0o600);
}

#[test]
fn a_folder_the_app_creates_is_private_and_its_parents_are_ordinary() {
    let home = Home::new(SETUP);
    let deep = home.path().join("a/b/data");
    let mut cmd = home.cramp();
    cmd.args(["check", "fluids"]).arg("--data-dir").arg(&deep);
    home.run_cmd(&["check", "fluids"], cmd).code(0);
    assert_eq!(mode(&deep), 0o700);
    assert_eq!(mode(&home.path().join("a")) & 0o700, 0o700);
}

#[test]
fn a_folder_owned_by_another_user_is_refused_and_not_chmod_ed() {
    if !running_as_root() {
        eprintln!("skipped: needs root to give a folder away");
        return;
    }
    let home = Home::new(SETUP);
    fs::create_dir_all(home.data()).unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(home.data(), fs::Permissions::from_mode(0o700))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::chown(home.data(), Some(65534), Some(65534))
        .unwrap_or_else(|e| panic!("{e}"));
    home.run(&["check", "fluids"])
        .code(1)
        .stderr_has("belongs to another user")
        .one_line();
    let m = fs::metadata(home.data()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((m.uid(), m.mode() & 0o7777), (65534, 0o700));
    assert!(home.listing().is_empty());
}
