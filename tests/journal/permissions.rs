//! The journal, its lock and the folder the app makes are private under any umask; a folder the
//! user made is theirs.

use std::collections::BTreeSet;
use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::process::Output;

use cramp_coach::journal::{JOURNAL_FILE, LOCK_FILE};
use jiff::civil::date;

use crate::support::home::{BIN, HANG_GUARD, Home, mode};
use crate::{HEADER, SETUP, assert_exit, listing};

/// Runs `cramp ARGS...` under `umask MASK` (the shell sets it, then execs the binary).
fn run_with_umask(home: &Home, mask: &str, args: &[&str]) -> Output {
    let mut cmd = home.command("sh");
    cmd.arg("-c")
        .arg(format!("umask {mask}; exec \"$0\" \"$@\""))
        .arg(BIN)
        .arg("--data-dir")
        .arg(home.data())
        .args(args);
    assert_cmd::Command::from_std(cmd)
        .timeout(HANG_GUARD)
        .output()
        .expect("sh runs")
}

/// Checked to fail (scratch copy): without `.mode(0o600)` and the `set_permissions` on the temp
/// file the journal comes out 0644 under umask 022 and 0666 under 000; without the folder's
/// `.mode(0o700)` and chmod it comes out 0755 / 0777; without the lock file's `.mode(0o600)` the
/// lock is 0644 / 0666.
#[test]
fn files_are_private_under_any_umask() {
    for mask in ["022", "000", "002"] {
        let home = Home::new(SETUP);
        let out = run_with_umask(&home, mask, &["check", "stretch", "--date", "2025-01-01"]);
        assert_exit(&out, 0);
        assert_eq!(mode(&home.data()), 0o700, "umask {mask}: data folder");
        assert_eq!(mode(&home.journal()), 0o600, "umask {mask}: journal");
        assert_eq!(mode(&home.lock()), 0o600, "umask {mask}: lock file");
        let left: BTreeSet<String> = [JOURNAL_FILE, LOCK_FILE].map(String::from).into();
        assert_eq!(
            listing(&home.data()),
            left,
            "umask {mask}: no temp file left"
        );
        // A second write keeps it so.
        let out = run_with_umask(&home, mask, &["check", "move", "--date", "2025-01-01"]);
        assert_exit(&out, 0);
        assert_eq!(
            mode(&home.journal()),
            0o600,
            "umask {mask}: journal, rewritten"
        );
    }
}

#[test]
fn an_existing_open_journal_becomes_private_and_an_existing_folder_is_left_as_it_was() {
    for mask in ["022", "000"] {
        let home = Home::new(SETUP);
        fs::create_dir_all(home.data()).unwrap();
        fs::set_permissions(home.data(), fs::Permissions::from_mode(0o755)).unwrap();
        let mut f = OpenOptions::new()
            .create_new(true)
            .write(true)
            .mode(0o644)
            .open(home.journal())
            .unwrap();
        f.write_all(format!("{HEADER}night 2024-12-31 bedding\n").as_bytes())
            .unwrap();
        drop(f);
        fs::set_permissions(home.journal(), fs::Permissions::from_mode(0o644)).unwrap();
        let out = run_with_umask(&home, mask, &["check", "stretch", "--date", "2025-01-01"]);
        assert_exit(&out, 0);
        assert_eq!(mode(&home.journal()), 0o600, "umask {mask}: journal");
        // A folder the app did not create is not chmod'ed (it is the user's: 0755 is theirs to choose).
        assert_eq!(mode(&home.data()), 0o755, "umask {mask}: folder");
        let j = home.parsed();
        assert_eq!(
            j.count(date(2024, 12, 31), "bedding"),
            1,
            "kept what was there"
        );
        assert_eq!(j.count(date(2025, 1, 1), "stretch"), 1);
    }
}
