//! Saved means on disk: fsync of the new file, the rename, fsync of the folder, and only then
//! the confirmation, seen through strace.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use cramp_coach::journal::JOURNAL_FILE;

use crate::support::home::{BIN, HANG_GUARD, Home};
use crate::{SETUP, assert_exit};

/// True when `strace` can trace here (installed, and ptrace allowed).
fn strace_works() -> bool {
    Command::new("strace")
        .args(["-qq", "-e", "trace=none", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// One traced system call: name and its argument text (with `-y`, fds carry their paths).
fn syscalls(trace: &str) -> Vec<(String, String)> {
    trace
        .lines()
        // `-f -o FILE` prefixes each line with the pid.
        .map(|l| {
            l.trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start()
        })
        .filter(|l| !l.starts_with("+++") && !l.starts_with("---"))
        .filter_map(|l| {
            let (name, rest) = l.split_once('(')?;
            Some((name.to_string(), rest.to_string()))
        })
        .collect()
}

/// Saved means on disk: fsync of the new file, then the rename over the journal, then fsync of the
/// folder, and only then the confirmation on stdout. Needs `strace` (apt-get install -y strace).
///
/// Checked to fail (scratch copy): removing `file.sync_all()`, removing the folder's
/// `sync_all()`, or printing the confirmation before `Store::update` each fail this test.
#[test]
fn saved_is_said_only_after_fsync_rename_and_folder_fsync() {
    if !strace_works() {
        // CI installs strace; elsewhere say so loudly rather than fail.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have strace: apt-get install -y strace"
        );
        eprintln!("skipped: strace not installed or not allowed to trace here");
        return;
    }
    for existing in [false, true] {
        let home = Home::new(SETUP);
        if existing {
            assert_exit(&home.output(&["check", "move", "--date", "2025-01-01"]), 0);
        }
        let trace_file = home.path().join("trace.txt");
        let mut cmd = home.command("strace");
        cmd.args(["-f", "-y", "-qq", "-s", "64", "-o"])
            .arg(&trace_file)
            .args([
                "-e",
                "trace=fsync,fdatasync,rename,renameat,renameat2,write",
            ])
            .arg(BIN)
            .arg("--data-dir")
            .arg(home.data())
            .args(["check", "stretch", "--date", "2025-01-01"]);
        let out = assert_cmd::Command::from_std(cmd)
            .timeout(HANG_GUARD)
            .output()
            .unwrap();
        assert_exit(&out, 0);
        let trace = fs::read_to_string(&trace_file).unwrap();
        let calls = syscalls(&trace);
        // Paths as the binary names them (in rename), and as `-y` shows fds (resolved).
        let journal_arg = home.journal().display().to_string();
        let data_real = fs::canonicalize(home.data()).unwrap();
        let data = data_real.display().to_string();
        let journal = data_real.join(JOURNAL_FILE).display().to_string();

        // The rename onto the journal, and the file it came from.
        let (rename_at, temp) = calls
            .iter()
            .enumerate()
            .find_map(|(i, (name, args))| {
                if !name.starts_with("rename") || !args.contains(&format!("\"{journal_arg}\"")) {
                    return None;
                }
                let from = Path::new(args.split('"').nth(1)?).file_name()?.to_owned();
                Some((i, data_real.join(from).display().to_string()))
            })
            .unwrap_or_else(|| panic!("no rename onto {journal_arg}:\n{trace}"));
        assert_ne!(temp, journal);
        let is_sync = |name: &str| name == "fsync" || name == "fdatasync";
        let on = |args: &str, path: &str| args.contains(&format!("<{path}>"));
        let temp_sync = calls
            .iter()
            .position(|(n, a)| is_sync(n) && on(a, &temp))
            .unwrap_or_else(|| panic!("no fsync of {temp}:\n{trace}"));
        let last_temp_write = calls
            .iter()
            .rposition(|(n, a)| n == "write" && on(a, &temp))
            .unwrap_or_else(|| panic!("no write to {temp}:\n{trace}"));
        let dir_sync = calls
            .iter()
            .rposition(|(n, a)| is_sync(n) && on(a, &data))
            .unwrap_or_else(|| panic!("no fsync of {data}:\n{trace}"));
        let said = calls
            .iter()
            .position(|(n, a)| n == "write" && a.starts_with("1<") && a.contains("[x] stretch"))
            .unwrap_or_else(|| panic!("no confirmation on stdout:\n{trace}"));
        assert!(
            last_temp_write < temp_sync,
            "all written before the fsync:\n{trace}"
        );
        assert!(temp_sync < rename_at, "fsync before rename:\n{trace}");
        assert!(rename_at < dir_sync, "rename before folder fsync:\n{trace}");
        assert!(dir_sync < said, "folder fsync before saying so:\n{trace}");
        assert!(
            !calls.iter().any(|(n, a)| n == "write" && on(a, &journal)),
            "the journal itself is never written in place:\n{trace}"
        );
    }
}
