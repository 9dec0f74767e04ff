//! Hostile ground: dates, links, FIFOs, other people's folders, a held lock, time zones, closed
//! or full output, file-size limits and escape sequences in arguments. Each test is a case that
//! once hurt the journal or the system (issue 7); each fails without the guard it names.
//!
//! Every command runs the real binary with HOME and the XDG folders in a fresh temporary folder,
//! `--data-dir` inside it, `TZ=UTC` unless the test says otherwise, and a hang guard: a command
//! that waits for ever fails the test instead of stalling the suite.

use std::fs::{self, File};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

/// Bounds a command that would otherwise hang; far longer than the 10 s lock limit.
const HANG_GUARD: Duration = Duration::from_secs(40);

const HEADER: &str = "cramp-coach journal 1\n";

struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}")),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    fn journal(&self) -> PathBuf {
        self.data().join("journal.txt")
    }

    fn lock(&self) -> PathBuf {
        self.data().join("journal.lock")
    }

    /// The data folder, made private as the app would make it.
    fn make_data(&self) {
        fs::create_dir_all(self.data()).unwrap_or_else(|e| panic!("mkdir: {e}"));
        fs::set_permissions(self.data(), fs::Permissions::from_mode(0o700))
            .unwrap_or_else(|e| panic!("chmod: {e}"));
    }

    fn put_journal(&self, text: &str) {
        self.make_data();
        fs::write(self.journal(), text).unwrap_or_else(|e| panic!("write journal: {e}"));
    }

    fn journal_bytes(&self) -> Option<Vec<u8>> {
        fs::read(self.journal()).ok()
    }

    /// `cramp ARGS` in a clean environment, with `--data-dir HOME/data`, as a std command.
    fn std_cramp(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cramp"));
        cmd.current_dir(self.path())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("xdg-data"))
            .env("TZ", "UTC")
            .env_remove("CRAMP_CONTENT")
            .env_remove("CRAMP_CONFIG")
            .env_remove("CRAMP_DATA_DIR")
            .env_remove("NO_COLOR")
            .arg("--data-dir")
            .arg(self.data())
            .args(args);
        cmd
    }

    /// [`Home::std_cramp`] with the hang guard.
    fn cramp(&self, args: &[&str]) -> Command {
        let mut cmd = Command::from_std(self.std_cramp(args));
        cmd.timeout(HANG_GUARD);
        cmd
    }

    fn run(&self, args: &[&str]) -> Out {
        self.run_cmd(args, self.cramp(args))
    }

    /// Runs a std command (whose stdout the test chose) under the hang guard.
    fn run_std(&self, args: &[&str], mut cmd: std::process::Command) -> Out {
        let child = cmd
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(child.wait_with_output()));
        let o = rx
            .recv_timeout(HANG_GUARD)
            .unwrap_or_else(|_| panic!("`cramp {}` hung", args.join(" ")))
            .unwrap_or_else(|e| panic!("`cramp {}`: {e}", args.join(" ")));
        Out::new(args, &o)
    }

    fn run_cmd(&self, args: &[&str], mut cmd: Command) -> Out {
        let o = cmd
            .output()
            .unwrap_or_else(|e| panic!("`cramp {}` did not finish: {e}", args.join(" ")));
        Out::new(args, &o)
    }

    fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.data())
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

struct Out {
    args: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Out {
    fn new(args: &[&str], o: &Output) -> Out {
        Out {
            args: args.join(" "),
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    fn code(&self, want: i32) -> &Out {
        assert_eq!(
            self.code,
            Some(want),
            "`cramp {}`: want exit {want}\nstdout: {}\nstderr: {}",
            self.args,
            self.stdout,
            self.stderr
        );
        self
    }

    fn stderr_has(&self, needle: &str) -> &Out {
        assert!(
            self.stderr.contains(needle),
            "`cramp {}`: stderr lacks {needle:?}:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    /// Exactly one line on standard error.
    fn one_line(&self) -> &Out {
        assert_eq!(
            self.stderr.lines().count(),
            1,
            "`cramp {}`: want one line on stderr:\n{}",
            self.args,
            self.stderr
        );
        self
    }
}

fn running_as_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Every command that reads the journal, and what a user reads it with.
const READ_COMMANDS: [&[&str]; 6] = [
    &["habits"],
    &["log"],
    &["insights"],
    &["export", "--format", "csv"],
    &["export", "--format", "markdown"],
    &["habits", "--date", "1900-01-01"],
];

// ---------------------------------------------------------------------------------------------
// 1. Dates the journal cannot write back are refused at the door
// ---------------------------------------------------------------------------------------------

#[test]
fn dates_outside_the_journal_s_years_are_refused_naming_the_field_and_the_range() {
    let home = Home::new();
    let cases: [&[&str]; 10] = [
        &[
            "log",
            "add",
            "--muscle",
            "calf",
            "--side",
            "left",
            "--intensity",
            "3",
            "--at",
            "0000-01-01 00:00",
        ],
        &[
            "log",
            "add",
            "--muscle",
            "calf",
            "--side",
            "left",
            "--intensity",
            "3",
            "--at",
            "1899-12-31 23:00",
        ],
        // The night before 1900-01-01 begins: 00:30 belongs to the evening of 1899-12-31.
        &[
            "log",
            "add",
            "--muscle",
            "calf",
            "--side",
            "left",
            "--intensity",
            "3",
            "--at",
            "1900-01-01 00:30",
        ],
        &["check", "fluids", "--date", "0000-01-01"],
        &["check", "fluids", "--date", "1899-12-31"],
        &["check", "fluids", "--date", "3000-01-01"],
        &["habits", "--date", "0001-01-01"],
        &["log", "--since", "0000-01-01"],
        &["export", "--format", "csv", "--since", "1899-12-31"],
        &["check", "stretch", "--date", "9999-12-31"],
    ];
    for args in cases {
        let out = home.run(args);
        out.code(2).stderr_has("1900-01-01 to 2999-12-31");
        // The field at fault is the flag just before the date.
        out.stderr_has(args[args.len() - 2]);
        assert_eq!(home.journal_bytes(), None, "`cramp {}` wrote", out.args);
    }
    // The range is in the help.
    let help = home.run(&["--help"]);
    help.code(0);
    assert!(
        help.stdout.contains("1900-01-01 to 2999-12-31"),
        "{}",
        help.stdout
    );
}

#[test]
fn the_first_and_last_nights_of_the_range_are_kept_and_read_back_by_every_command() {
    let home = Home::new();
    home.run(&["check", "fluids", "--date", "1900-01-01"])
        .code(0);
    home.run(&[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "3",
        "--at",
        "1900-01-01 23:00",
    ])
    .code(0);
    for zone in [
        "UTC",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "Europe/Amsterdam",
    ] {
        // 1900 in Amsterdam was local mean time, an offset with seconds: written in whole minutes.
        let out = home.run_cmd(&["log", "add"], {
            let mut c = home.cramp(&[
                "log",
                "add",
                "--muscle",
                "foot",
                "--side",
                "right",
                "--intensity",
                "2",
                "--at",
                "1900-01-02 12:00",
            ]);
            c.env("TZ", zone);
            c
        });
        out.code(0);
        for args in READ_COMMANDS {
            let mut c = home.cramp(args);
            c.env("TZ", zone);
            home.run_cmd(args, c).code(0);
        }
    }
    let log = home.run(&["log"]);
    assert!(log.stdout.contains("night 1900-01-01"), "{}", log.stdout);
    let habits = home.run(&["habits", "--date", "1900-01-01"]);
    assert!(habits.stdout.contains("[1/6] fluids"), "{}", habits.stdout);
}

fn faketime_works() -> bool {
    std::process::Command::new("faketime")
        .args(["2001-01-01 00:00:00", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_clock_outside_the_journal_s_years_writes_nothing() {
    if !faketime_works() {
        // .ci/run installs faketime; a developer machine without it still runs everything else.
        eprintln!("skipped: faketime is not installed");
        return;
    }
    let home = Home::new();
    for clock in ["1850-06-01 12:00:00", "1899-12-31 23:00:00"] {
        for args in [
            &["check", "fluids"][..],
            &[
                "log",
                "add",
                "--muscle",
                "calf",
                "--side",
                "left",
                "--intensity",
                "3",
            ][..],
        ] {
            let mut cmd = std::process::Command::new("faketime");
            cmd.arg(clock).arg(assert_cmd::cargo::cargo_bin!("cramp"));
            let mut cmd = Command::from_std(cmd);
            cmd.current_dir(home.path())
                .env("HOME", home.path())
                .env("TZ", "UTC")
                .timeout(HANG_GUARD)
                .arg("--data-dir")
                .arg(home.data())
                .args(args);
            let out = home.run_cmd(args, cmd);
            out.code(1).stderr_has("system clock").one_line();
            assert_eq!(
                home.journal_bytes(),
                None,
                "{clock}: `cramp {}` wrote",
                out.args
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. No link is followed on the way to the journal
// ---------------------------------------------------------------------------------------------

#[test]
fn a_link_planted_as_the_temporary_file_is_not_followed() {
    let home = Home::new();
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
    let home = Home::new();
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
    let home = Home::new();
    home.make_data();
    let elsewhere = home.path().join("elsewhere.txt");
    let text = format!("{HEADER}night 2025-01-01 fluids=2\n");
    fs::write(&elsewhere, &text).unwrap_or_else(|e| panic!("{e}"));
    symlink(&elsewhere, home.journal()).unwrap_or_else(|e| panic!("{e}"));
    for args in READ_COMMANDS
        .iter()
        .copied()
        .chain([&["check", "fluids"][..]])
    {
        home.run(args)
            .code(1)
            .stderr_has("journal.txt: a symbolic link, not a regular file")
            .one_line();
    }
    assert_eq!(fs::read_to_string(&elsewhere).ok(), Some(text));
    assert!(fs::symlink_metadata(home.journal()).is_ok_and(|m| m.file_type().is_symlink()));
}

#[test]
fn a_temporary_file_left_by_a_killed_writer_is_cleaned_up_on_the_next_write() {
    let home = Home::new();
    home.put_journal(&format!("{HEADER}night 2025-01-01 fluids=2\n"));
    for name in [".journal.txt.tmp", ".journal.txt.k1ll3dH4lf.tmp"] {
        fs::write(home.data().join(name), "cramp-coach journal 1\nnight 20")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    // A file of someone's own that only looks alike is left.
    fs::write(home.data().join("journal.txt.tmp.mine"), "keep").unwrap_or_else(|e| panic!("{e}"));
    home.run(&["check", "fluids"]).code(0);
    assert_eq!(
        home.listing(),
        ["journal.lock", "journal.txt", "journal.txt.tmp.mine"]
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Folders the app did not create are not changed
// ---------------------------------------------------------------------------------------------

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .map(|m| m.mode() & 0o7777)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_folder_others_can_write_is_refused_for_writing_left_unchanged_and_warned_about_once() {
    for folder_mode in [0o1777, 0o777, 0o770, 0o775] {
        let home = Home::new();
        fs::create_dir_all(home.data()).unwrap_or_else(|e| panic!("{e}"));
        fs::set_permissions(home.data(), fs::Permissions::from_mode(folder_mode))
            .unwrap_or_else(|e| panic!("{e}"));
        for args in [
            &["check", "fluids"][..],
            &[
                "log",
                "add",
                "--muscle",
                "calf",
                "--side",
                "left",
                "--intensity",
                "3",
            ][..],
        ] {
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
    let home = Home::new();
    fs::create_dir_all(home.data()).unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(home.data(), fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("{e}"));
    home.run(&["check", "fluids"]).code(0);
    assert_eq!(mode(&home.data()), 0o755);
    assert_eq!(mode(&home.journal()), 0o600);
}

#[test]
fn a_folder_the_app_creates_is_private_and_its_parents_are_ordinary() {
    let home = Home::new();
    let deep = home.path().join("a/b/data");
    let mut cmd = home.cramp(&["check", "fluids"]);
    cmd.arg("--data-dir").arg(&deep);
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
    let home = Home::new();
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

// ---------------------------------------------------------------------------------------------
// 4. Output errors are I/O errors
// ---------------------------------------------------------------------------------------------

/// Every command that prints to standard output.
const PRINTING: [&[&str]; 11] = [
    &["validate", "assets/content.toml"],
    &["validate"],
    &["list"],
    &["habits"],
    &["check", "fluids"],
    &["log"],
    &["insights"],
    &["export", "--format", "csv"],
    &["export", "--format", "markdown"],
    &["--help"],
    &["--version"],
];

/// A pipe whose reading end is already closed: a write to it fails with EPIPE, every time.
fn closed_pipe() -> OwnedFd {
    let mut fds = [0; 2];
    // SAFETY: pipe fills two fresh descriptors, which are owned from here on.
    let rc = unsafe { libc::pipe(fds.as_mut_ptr()) };
    assert_eq!(rc, 0, "pipe");
    // SAFETY: both descriptors were just created and are owned by nothing else.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    write
}

fn with_repo_files(home: &Home, args: &[&str]) -> std::process::Command {
    let mut cmd = home.std_cramp(args);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn a_closed_pipe_is_exit_1_and_silent() {
    let home = Home::new();
    home.run(&[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "3",
    ])
    .code(0);
    for args in PRINTING {
        let mut cmd = with_repo_files(&home, args);
        cmd.stdout(Stdio::from(closed_pipe()));
        let out = home.run_std(args, cmd);
        out.code(1);
        assert_eq!(
            out.stderr, "",
            "`cramp {}`: a closed pipe is silent",
            out.args
        );
    }
}

#[test]
fn a_full_disk_on_stdout_is_exit_1_with_one_line() {
    let home = Home::new();
    home.run(&[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "3",
    ])
    .code(0);
    for args in PRINTING {
        let mut cmd = with_repo_files(&home, args);
        cmd.stdout(Stdio::from(
            File::create("/dev/full").unwrap_or_else(|e| panic!("{e}")),
        ));
        home.run_std(args, cmd)
            .code(1)
            .stderr_has("cannot write to standard output")
            .one_line();
    }
}

#[test]
fn the_plain_guide_stops_with_exit_1_when_its_reader_goes_away() {
    let home = Home::new();
    let args = ["run", "--plain", "--quiet", "calf"];
    let mut cmd = home.std_cramp(&args);
    cmd.stdout(Stdio::from(closed_pipe()));
    let out = home.run_std(&args, cmd);
    out.code(1);
    assert_eq!(out.stderr, "");
}

// ---------------------------------------------------------------------------------------------
// 5. Nothing waits for ever
// ---------------------------------------------------------------------------------------------

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(status.success());
}

#[test]
fn a_fifo_as_the_journal_or_the_lock_is_refused_at_once() {
    let home = Home::new();
    home.make_data();
    mkfifo(&home.journal());
    for args in READ_COMMANDS
        .iter()
        .copied()
        .chain([&["check", "fluids"][..]])
    {
        home.run(args)
            .code(1)
            .stderr_has("journal.txt: a FIFO, not a regular file")
            .one_line();
    }
    let home = Home::new();
    home.make_data();
    mkfifo(&home.lock());
    home.run(&["check", "fluids"])
        .code(1)
        .stderr_has("journal.lock: a FIFO, not a regular file")
        .one_line();
    assert_eq!(home.journal_bytes(), None);
}

#[test]
fn a_fifo_as_the_content_or_config_file_does_not_hang() {
    let home = Home::new();
    let fifo = home.path().join("content.fifo");
    mkfifo(&fifo);
    let fifo = fifo.to_string_lossy().into_owned();
    for args in [
        &["validate", fifo.as_str()][..],
        &["--content", fifo.as_str(), "list"][..],
    ] {
        home.run(args).code(2).stderr_has("content.fifo");
    }
    // An empty config is all defaults: what matters is that nothing waited for a writer.
    home.run(&["--config", fifo.as_str(), "list"]).code(0);
}

/// Holds the journal's lock, as another cramp in the middle of a change would.
fn hold_lock(home: &Home) -> File {
    home.make_data();
    let f = File::create(home.lock()).unwrap_or_else(|e| panic!("{e}"));
    f.lock().unwrap_or_else(|e| panic!("{e}"));
    f
}

#[test]
fn a_lock_held_by_someone_else_is_waited_on_visibly_then_given_up_with_nothing_written() {
    let home = Home::new();
    home.put_journal(&format!("{HEADER}night 2025-01-01 fluids=2\n"));
    let before = home.journal_bytes();
    let held = hold_lock(&home);
    home.run(&["check", "fluids"])
        .code(1)
        .stderr_has("waiting for another cramp")
        .stderr_has("gave up, nothing was written");
    assert_eq!(home.journal_bytes(), before);
    drop(held);
    home.run(&["check", "fluids"]).code(0);
}

#[test]
fn a_lock_released_while_waiting_lets_the_change_through() {
    let home = Home::new();
    let held = hold_lock(&home);
    let mut child = home
        .std_cramp(&["check", "fluids"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    // The notice comes after a second; reading it is how the test knows the writer is waiting.
    let mut stderr = child.stderr.take().unwrap_or_else(|| panic!("stderr"));
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("waiting for another cramp") {
        let n = std::io::Read::read(&mut stderr, &mut buf).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            n > 0,
            "stderr closed before the notice: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    drop(held);
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.code(), Some(0));
    let habits = home.run(&["habits"]);
    assert!(habits.stdout.contains("[1/6] fluids"), "{}", habits.stdout);
}

// ---------------------------------------------------------------------------------------------
// 6. Bounded reads of the environment
// ---------------------------------------------------------------------------------------------

#[test]
fn a_tz_that_names_an_endless_huge_fifo_or_malformed_zone_gives_utc_and_one_warning() {
    let home = Home::new();
    let huge = home.path().join("huge-zone");
    let f = File::create(&huge).unwrap_or_else(|e| panic!("{e}"));
    f.set_len(3 << 30).unwrap_or_else(|e| panic!("{e}"));
    let fifo = home.path().join("zone.fifo");
    mkfifo(&fifo);
    for tz in [
        "/dev/zero".to_string(),
        ":/dev/urandom".to_string(),
        huge.to_string_lossy().into_owned(),
        fifo.to_string_lossy().into_owned(),
        "Nowhere/Atlantis".to_string(),
        "../../../../dev/zero".to_string(),
        "\u{1b}[6n".to_string(),
    ] {
        for args in [&["habits"][..], &["check", "fluids"][..]] {
            let mut cmd = home.cramp(args);
            cmd.env("TZ", &tz);
            let out = home.run_cmd(args, cmd);
            out.code(0);
            assert_eq!(out.stderr.lines().count(), 1, "TZ={tz:?}: {}", out.stderr);
            out.stderr_has("using UTC");
            assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Disk full and file-size limit
// ---------------------------------------------------------------------------------------------

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
    let home = Home::new();
    home.put_journal(&big_journal());
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
    let home = Home::new();
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

// ---------------------------------------------------------------------------------------------
// 8. Argument errors pass through the sanitiser
// ---------------------------------------------------------------------------------------------

#[test]
fn usage_errors_never_echo_control_or_bidi_characters() {
    let home = Home::new();
    for args in [
        &["\u{1b}[6n"][..],
        &["check", "\u{1b}]0;owned\u{7}"][..],
        &["run", "\u{202e}fac"][..],
        &["habits", "--date", "\u{1b}[2J"][..],
        &["log", "add", "--muscle", "\u{9b}31m"][..],
        &["--\u{1b}[31mcolour"][..],
    ] {
        let out = home.run(args);
        out.code(2);
        for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
            assert!(
                !out.stderr.contains(bad),
                "`cramp {:?}` echoed {bad:?}: {:?}",
                args,
                out.stderr
            );
        }
    }
}

#[test]
fn a_data_dir_that_is_a_file_or_empty_is_refused_and_nothing_is_written() {
    let home = Home::new();
    fs::write(home.data(), "mine\n").unwrap_or_else(|e| panic!("{e}"));
    for args in [&["habits"][..], &["check", "fluids"][..]] {
        home.run(args).code(1).stderr_has("not a folder").one_line();
    }
    assert_eq!(
        fs::read_to_string(home.data()).ok().as_deref(),
        Some("mine\n")
    );
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("cramp"));
    cmd.current_dir(home.path())
        .env("HOME", home.path())
        .timeout(HANG_GUARD)
        .args(["--data-dir", "", "check", "fluids"]);
    home.run_cmd(&["--data-dir", "", "check", "fluids"], cmd)
        .code(2)
        .stderr_has("--data-dir");
    assert!(!home.path().join("journal.txt").exists());
}
