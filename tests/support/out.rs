//! What one run of the binary gave, and the assertions the command-line tests make on it.

use std::process::Output;

/// What one run of the binary gave.
pub struct Out {
    /// The arguments, as the failure messages show them (`cramp {args}`).
    pub args: String,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
    pub raw_stderr: Vec<u8>,
}

impl Out {
    pub fn new(args: &[&str], o: &Output) -> Out {
        Out {
            args: args.join(" "),
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            raw_stdout: o.stdout.clone(),
            raw_stderr: o.stderr.clone(),
        }
    }

    /// Exit 0.
    pub fn ok(&self) {
        assert_eq!(
            self.code,
            Some(0),
            "`cramp {}` failed:\n{}{}",
            self.args,
            self.stdout,
            self.stderr
        );
    }

    pub fn code(&self, want: i32) -> &Out {
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

    pub fn stderr_has(&self, needle: &str) -> &Out {
        assert!(
            self.stderr.contains(needle),
            "`cramp {}`: stderr lacks {needle:?}:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    /// Exactly one line on standard error.
    pub fn one_line(&self) -> &Out {
        assert_eq!(
            self.stderr.lines().count(),
            1,
            "`cramp {}`: want one line on stderr:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    pub fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

/// Runs a prepared `cramp` command to the end.
pub fn run(cmd: &mut assert_cmd::Command) -> Out {
    let o = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run cramp: {e}"));
    Out::new(&[], &o)
}

/// A pipe whose reading end is already closed: a write to it fails with EPIPE, every time.
pub fn closed_pipe() -> std::os::fd::OwnedFd {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe fills two fresh descriptors, which are owned from here on.
    let rc = unsafe { libc::pipe(fds.as_mut_ptr()) };
    assert_eq!(rc, 0, "pipe");
    // SAFETY: both descriptors were just created and are owned by nothing else.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    write
}
