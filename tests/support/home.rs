//! A fresh home for each test: HOME, the XDG folders and the journal's folder inside a temporary
//! folder, and the built `cramp` run there in a clean environment, so nothing depends on the
//! developer's own files or variables.
//!
//! Test crates differ in a few details of that environment (a `--data-dir` or not, which TZ, a
//! hang guard); each states its own [`Setup`], built from [`Setup::BASE`].

use std::ffi::OsStr;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;
use std::{fs, io};

use cramp_coach::journal::{JOURNAL_FILE, Journal, LOCK_FILE};
use tempfile::TempDir;

use super::log_add;
use super::out::Out;

/// The built binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_cramp");

/// A generous guard against a hung binary; not a timing assertion.
pub const HANG_GUARD: Duration = Duration::from_secs(60);

/// Our environment variables: never inherited from whoever runs the tests.
pub const OUR_VARS: [&str; 4] = [
    "CRAMP_CONTENT",
    "CRAMP_CONFIG",
    "CRAMP_DATA_DIR",
    "NO_COLOR",
];

/// Settings that keep a run quiet and direct: no "get ready" segment, no bell.
pub const QUICK_CONFIG: &str = "lead_in_seconds = 0\nbell = false\n";

/// How a [`Home`] runs the binary. Every run gets HOME, XDG_CONFIG_HOME and XDG_DATA_HOME inside
/// the home, the home as its working folder, and none of [`OUR_VARS`]; the rest is chosen here.
#[derive(Clone, Copy, Debug)]
pub struct Setup {
    /// `--data-dir HOME/data` before the arguments of every run, XDG_DATA_HOME then being
    /// HOME/xdg-data. Without it the app finds its folder through XDG_DATA_HOME=HOME/data.
    pub data_dir: bool,
    /// The binary's TZ; `None` leaves the caller's.
    pub tz: Option<&'static str>,
    /// XDG_STATE_HOME and XDG_CACHE_HOME inside the home too.
    pub state_and_cache: bool,
    /// Also remove every other `CRAMP_*` variable the caller has.
    pub every_cramp_var: bool,
    /// Kills a run of [`Home::cramp`] (and what is built on it) that takes longer; `None`: none.
    pub hang_guard: Option<Duration>,
    /// Standard input closed for commands from [`Home::command`] and [`Home::std_cramp`].
    pub stdin_null: bool,
    /// The start of the temporary folder's name.
    pub prefix: &'static str,
}

impl Setup {
    /// The app's own places through XDG, the caller's TZ, [`HANG_GUARD`].
    pub const BASE: Setup = Setup {
        data_dir: false,
        tz: None,
        state_and_cache: false,
        every_cramp_var: false,
        hang_guard: Some(HANG_GUARD),
        stdin_null: false,
        prefix: ".tmp", // tempfile's own
    };
}

/// A temporary home, removed with it.
pub struct Home {
    dir: TempDir,
    setup: Setup,
}

impl Home {
    pub fn new(setup: Setup) -> Home {
        Home::try_new(setup).unwrap_or_else(|e| panic!("cannot make a tempdir: {e}"))
    }

    pub fn try_new(setup: Setup) -> io::Result<Home> {
        let dir = tempfile::Builder::new().prefix(setup.prefix).tempdir()?;
        Ok(Home { dir, setup })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// XDG_CONFIG_HOME.
    pub fn config_home(&self) -> PathBuf {
        self.path().join("config")
    }

    /// XDG_DATA_HOME.
    pub fn data_home(&self) -> PathBuf {
        if self.setup.data_dir {
            self.path().join("xdg-data")
        } else {
            self.path().join("data")
        }
    }

    /// The `--data-dir` folder (HOME/data); not created until the app or the test creates it.
    pub fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    /// The journal in the `--data-dir` folder.
    pub fn journal(&self) -> PathBuf {
        self.data().join(JOURNAL_FILE)
    }

    /// The journal's lock in the `--data-dir` folder.
    pub fn lock(&self) -> PathBuf {
        self.data().join(LOCK_FILE)
    }

    pub fn journal_bytes(&self) -> Option<Vec<u8>> {
        fs::read(self.journal()).ok()
    }

    /// Writes `bytes` to `name` inside the home (making its folders) and returns the full path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
        }
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// [`Home::write`], the path returned as a string for the command line.
    pub fn file(&self, name: &str, text: &str) -> String {
        self.write(name, text).to_string_lossy().into_owned()
    }

    /// A `--config` file with no lead-in and no bell ([`QUICK_CONFIG`]).
    pub fn quick_config(&self) -> String {
        self.file("quick.toml", QUICK_CONFIG)
    }

    /// The data folder, made private as the app would make it.
    pub fn make_data(&self) {
        fs::create_dir_all(self.data()).unwrap_or_else(|e| panic!("mkdir: {e}"));
        fs::set_permissions(self.data(), fs::Permissions::from_mode(0o700))
            .unwrap_or_else(|e| panic!("chmod: {e}"));
    }

    /// Writes a journal file by hand, in a private folder as the app would make it.
    pub fn put_journal(&self, bytes: impl AsRef<[u8]>) {
        self.make_data();
        fs::write(self.journal(), bytes).unwrap_or_else(|e| panic!("write journal: {e}"));
    }

    /// Writes a journal file by hand, in a folder made with the umask's mode.
    pub fn write_journal(&self, bytes: impl AsRef<[u8]>) {
        fs::create_dir_all(self.data()).unwrap_or_else(|e| panic!("mkdir data: {e}"));
        fs::write(self.journal(), bytes).unwrap_or_else(|e| panic!("write journal: {e}"));
    }

    /// The journal on disk, parsed; panics (with the text) if it is not a valid journal.
    pub fn parsed(&self) -> Journal {
        let path = self.journal();
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = String::from_utf8(bytes).expect("journal is UTF-8");
        Journal::parse(&path, &text).unwrap_or_else(|e| panic!("{e}\n--- file ---\n{text}"))
    }

    /// The names in the data folder, sorted; none if it cannot be read.
    pub fn listing(&self) -> Vec<String> {
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

    /// `program` (the binary, `sh`, `strace`...) in the home's clean environment, not started.
    pub fn command(&self, program: impl AsRef<OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        cmd.current_dir(self.path())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("XDG_DATA_HOME", self.data_home());
        if self.setup.state_and_cache {
            cmd.env("XDG_STATE_HOME", self.path().join("state"))
                .env("XDG_CACHE_HOME", self.path().join("cache"));
        }
        if let Some(tz) = self.setup.tz {
            cmd.env("TZ", tz);
        }
        for var in OUR_VARS {
            cmd.env_remove(var);
        }
        if self.setup.every_cramp_var {
            for (key, _) in std::env::vars_os() {
                if key.to_string_lossy().starts_with("CRAMP_") {
                    cmd.env_remove(key);
                }
            }
        }
        if self.setup.stdin_null {
            cmd.stdin(Stdio::null());
        }
        cmd
    }

    /// `cramp [--data-dir DATA] ARGS...` as a std command, not started: to spawn, or to choose
    /// where its output goes. No hang guard.
    pub fn std_cramp(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = self.command(BIN);
        if self.setup.data_dir {
            cmd.arg("--data-dir").arg(self.data());
        }
        cmd.args(args);
        cmd
    }

    /// `cramp [--data-dir DATA]` with the hang guard; the test adds the arguments.
    pub fn cramp(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.std_cramp(&[]));
        if let Some(guard) = self.setup.hang_guard {
            cmd.timeout(guard);
        }
        cmd
    }

    /// Runs `cramp ARGS...` to the end.
    pub fn output(&self, args: &[&str]) -> Output {
        self.cramp()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run `cramp {}`: {e}", args.join(" ")))
    }

    /// Runs `cramp ARGS...` to the end, for the assertions of [`Out`].
    pub fn run(&self, args: &[&str]) -> Out {
        Out::new(args, &self.output(args))
    }

    /// Runs a prepared command (`args` for the messages) to the end.
    pub fn run_cmd(&self, args: &[&str], mut cmd: assert_cmd::Command) -> Out {
        let o = cmd
            .output()
            .unwrap_or_else(|e| panic!("`cramp {}` did not finish: {e}", args.join(" ")));
        Out::new(args, &o)
    }

    /// Runs a std command (whose stdout the test chose) under the hang guard.
    pub fn run_std(&self, args: &[&str], mut cmd: std::process::Command) -> Out {
        let child = cmd
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(child.wait_with_output()));
        let guard = self.setup.hang_guard.unwrap_or(Duration::MAX);
        let o = rx
            .recv_timeout(guard)
            .unwrap_or_else(|_| panic!("`cramp {}` hung", args.join(" ")))
            .unwrap_or_else(|e| panic!("`cramp {}`: {e}", args.join(" ")));
        Out::new(args, &o)
    }

    /// `cramp log add` with the given fields; must succeed.
    pub fn add(&self, muscle: &str, side: &str, intensity: &str, at: &str, extra: &[&str]) -> Out {
        let mut args = log_add(muscle, side, intensity).to_vec();
        args.extend(["--at", at]);
        args.extend_from_slice(extra);
        let out = self.run(&args);
        out.ok();
        out
    }
}

/// A file of `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The permission bits of `path` (with setuid, setgid and sticky).
pub fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .map(|m| m.mode() & 0o7777)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// True when the tests run as root (where permissions do not stop reading, and chown works).
pub fn running_as_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}
