//! Disk full and file-size limit: exit 1 with the old journal intact and no temporary file.

use std::fs;

use assert_cmd::Command;

use crate::support::home::{Home, running_as_root};
use crate::{HANG_GUARD, HEADER, SETUP};

/// A journal of some kilobytes, larger than a one-block file-size limit.
fn big_journal() -> String {
    let mut text = HEADER.to_string();
    for day in 1..=28 {
        for month in 1..=12 {
            text.push_str(&format!(
                "night 2024-{month:02}-{day:02} bedding fluids=3 stretch\n"
            ));
        }
    }
    text
}

#[test]
fn a_file_size_limit_is_exit_1_with_the_old_journal_intact_and_no_temporary_file() {
    let home = Home::new(SETUP);
    home.put_journal(big_journal());
    let before = home.journal_bytes();
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -f 4 && exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin!("cramp"));
    let mut cmd = Command::from_std(cmd);
    cmd.current_dir(home.path())
        .env("HOME", home.path())
        .env("TZ", "UTC")
        .timeout(HANG_GUARD)
        .args(["--data-dir"])
        .arg(home.data())
        .args(["check", "move"]);
    let out = home.run_cmd(&["check", "move"], cmd);
    out.code(1)
        .stderr_has("journal.txt: cannot write")
        .one_line();
    assert_eq!(home.journal_bytes(), before);
    assert_eq!(home.listing(), ["journal.lock", "journal.txt"]);
}

#[test]
fn a_full_disk_is_exit_1_with_the_old_journal_intact_and_no_temporary_file() {
    if !running_as_root() {
        eprintln!("skipped: needs root for a small private tmpfs");
        return;
    }
    // A private mount namespace: the small tmpfs vanishes with the shell, whatever happens.
    let home = Home::new(SETUP);
    let journal = big_journal();
    fs::write(home.path().join("journal.seed"), &journal).unwrap_or_else(|e| panic!("{e}"));
    let script = r#"
        set -e
        mount -t tmpfs -o size=64k,mode=0700 tmpfs "$DISK"
        cp "$SEED" "$DISK/journal.txt"
        # Fill what is left, so the new journal cannot be written.
        dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null || true
        set +e
        "$CRAMP" --data-dir "$DISK" check move
        echo "rc=$?"
        cmp "$SEED" "$DISK/journal.txt" && echo "journal intact"
        ls -A "$DISK"
    "#;
    let disk = home.path().join("disk");
    fs::create_dir_all(&disk).unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", script])
        .env("DISK", &disk)
        .env("SEED", home.path().join("journal.seed"))
        .env("CRAMP", assert_cmd::cargo::cargo_bin!("cramp"))
        .env("TZ", "UTC")
        .env("HOME", home.path())
        .output();
    let Ok(out) = out else {
        eprintln!("skipped: unshare is not available");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("mount:") || stderr.contains("unshare:") {
        eprintln!("skipped: this machine does not allow a private tmpfs: {stderr}");
        return;
    }
    assert!(stdout.contains("rc=1"), "{stdout}{stderr}");
    assert!(stdout.contains("journal intact"), "{stdout}{stderr}");
    assert!(stderr.contains("journal.txt: cannot write"), "{stderr}");
    let files: Vec<&str> = stdout
        .lines()
        .skip_while(|l| *l != "journal intact")
        .skip(1)
        .collect();
    assert_eq!(files, ["filler", "journal.lock", "journal.txt"], "{stdout}");
}
