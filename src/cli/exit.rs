//! How a command ends: the exit codes of PRODUCT.md, and [`Failure`], an error that knows its exit
//! code and what to say. Commands return `Result<(), Failure>` and use `?`; `main` prints the
//! failure once.

use std::io::Write;

use cramp_coach::content::LoadError;
use cramp_coach::journal::JournalError;
use cramp_coach::text::sanitize_keep_lines;

pub const OK: u8 = 0;
pub const IO: u8 = 1;
pub const USAGE: u8 = 2;
pub const JOURNAL: u8 = 3;
pub const NEEDS_TERMINAL: u8 = 5;

/// Why a command stopped, and with which exit code.
#[derive(Debug)]
pub enum Failure {
    /// One line, said as `cramp: LINE`.
    Said { code: u8, line: String },
    /// Lines that name their own place (`FILE:LINE:COL: message`), said as they are.
    Diagnostics { code: u8, lines: Vec<String> },
    /// Nothing to say: the reader of standard output went away.
    Quiet(u8),
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

impl Failure {
    /// Bad usage (exit 2).
    pub fn usage(line: impl Into<String>) -> Failure {
        Failure::Said {
            code: USAGE,
            line: line.into(),
        }
    }

    /// An input/output error (exit 1).
    pub fn io(line: impl Into<String>) -> Failure {
        Failure::Said {
            code: IO,
            line: line.into(),
        }
    }

    pub fn code(&self) -> u8 {
        match self {
            Failure::Said { code, .. }
            | Failure::Diagnostics { code, .. }
            | Failure::Quiet(code) => *code,
        }
    }

    /// Says it on standard error, through the sanitiser.
    pub fn print(&self) {
        match self {
            Failure::Said { line, .. } => fail(line),
            Failure::Diagnostics { lines, .. } => {
                let mut err = std::io::stderr().lock();
                for line in lines {
                    let _ = writeln!(err, "{}", sanitize_keep_lines(line));
                }
            }
            Failure::Quiet(_) => {}
        }
    }
}

/// The journal could not be read (3: left untouched) or written (1).
impl From<JournalError> for Failure {
    fn from(e: JournalError) -> Failure {
        Failure::Said {
            code: if e.is_unreadable() { JOURNAL } else { IO },
            line: e.to_string(),
        }
    }
}

/// A content or config file could not be read (1) or is invalid (2, every problem with its place).
impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Failure {
        match e {
            LoadError::Io { .. } => Failure::io(e.to_string()),
            LoadError::Invalid(d) => Failure::Diagnostics {
                code: USAGE,
                lines: d.0.iter().map(ToString::to_string).collect(),
            },
        }
    }
}

/// One line on standard error, `cramp: ` first, control characters replaced.
pub fn fail(message: impl std::fmt::Display) {
    let text = sanitize_keep_lines(&message.to_string());
    let _ = writeln!(std::io::stderr(), "cramp: {text}");
}

/// Warnings that do not stop the command (a broken file not named by a flag, a `TZ` not used).
pub fn warn_all(warnings: &[String]) {
    for w in warnings {
        fail(w);
    }
}
