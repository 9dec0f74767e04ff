//! Standard output for the commands: every write is checked, and a failure is an I/O error
//! (exit 1): one line on standard error, or nothing at all for a closed pipe, as coreutils do.

use std::io::{self, Write};

use crate::{exit, fail};

/// Says why standard output could not be written (silently for a reader that went away) and
/// gives the exit code.
pub fn write_failed(e: &io::Error) -> u8 {
    if e.kind() != io::ErrorKind::BrokenPipe {
        fail(format!("cannot write to standard output: {e}"));
    }
    exit::IO
}

/// Writes `text` to standard output and flushes it.
pub fn print(text: &str) -> u8 {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        Err(e) => write_failed(&e),
    }
}
