//! Standard output for the commands: every write is checked, and a failure is an I/O error
//! (exit 1): one line on standard error, or nothing at all for a closed pipe, as coreutils do.

use std::io::{self, Write};

use super::exit::{self, Failure};

/// Why standard output could not be written (silently for a reader that went away).
pub fn write_failed(e: &io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::Quiet(exit::IO)
    } else {
        Failure::io(format!("cannot write to standard output: {e}"))
    }
}

/// Writes `text` to standard output and flushes it.
pub fn print(text: &str) -> exit::Result {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_failed(&e))
}

/// An empty result said in one line: on standard output when it is a terminal, else on standard
/// error, so a script reading standard output gets nothing.
pub fn say_empty(line: &str) -> exit::Result {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        print(&format!("{line}\n"))
    } else {
        super::exit::fail(line);
        Ok(())
    }
}
