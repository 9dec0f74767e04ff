//! Reading files that a user or the environment names (content, config, `TZ`): never waiting on a
//! FIFO with no writer, never reading without bound.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Opens `path` for reading without blocking in `open` (a FIFO with no writer would wait for
/// ever), then makes reads blocking again, so a pipe that has a writer is read as usual.
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)?;
    set_blocking(&file)?;
    Ok(file)
}

fn set_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function's caller owns; F_GETFL/F_SETFL only read and
    // change the open file's status flags.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// What [`read_bounded`] can run into.
#[derive(Debug)]
pub enum BoundedError {
    Io(io::Error),
    /// More than the limit: the bytes are not kept.
    TooLarge,
}

/// Reads at most `limit` bytes of `path`; more is [`BoundedError::TooLarge`].
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedError> {
    let file = open_for_reading(path).map_err(BoundedError::Io)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(BoundedError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedError::TooLarge);
    }
    Ok(bytes)
}
