//! Noticing a change to the journal made elsewhere (another window, the shell, a sync tool): on
//! Linux an inotify watch on the journal's folder wakes the loop when a file there is written or
//! renamed into place, and only then (a still screen stays asleep). Elsewhere, and with the
//! `portable` feature, there is no watch: the journal is checked again at the next key.

use std::path::Path;

#[cfg(all(target_os = "linux", not(feature = "portable")))]
mod imp {
    use std::mem::MaybeUninit;
    use std::os::fd::OwnedFd;
    use std::path::{Path, PathBuf};

    use cramp_coach::journal::JOURNAL_FILE;
    use cramp_coach::journal::store::is_conflict_copy;
    use rustix::fs::inotify::{self, CreateFlags, WatchFlags};
    use tokio::io::unix::AsyncFd;

    pub struct Watch {
        dir: PathBuf,
        fd: Option<AsyncFd<OwnedFd>>,
    }

    impl Watch {
        pub fn new(dir: &Path) -> Watch {
            let mut w = Watch {
                dir: dir.to_path_buf(),
                fd: None,
            };
            w.ensure();
            w
        }

        /// Starts watching if the folder exists now (a fresh journal's folder is made by the
        /// first change).
        pub fn ensure(&mut self) {
            if self.fd.is_some() {
                return;
            }
            let Ok(fd) = inotify::init(CreateFlags::NONBLOCK | CreateFlags::CLOEXEC) else {
                return;
            };
            // A file written and closed, or renamed into place (never one still being written).
            let flags = WatchFlags::CLOSE_WRITE | WatchFlags::MOVED_TO;
            if inotify::add_watch(&fd, &self.dir, flags).is_err() {
                return;
            }
            // SAFETY: the AsyncFd owns the OwnedFd, so the descriptor stays open for as long as it
            // is registered, and is closed only after the AsyncFd deregisters it on drop.
            self.fd = unsafe { AsyncFd::register(fd) }.ok();
        }

        /// Waits until a file in the folder changes (never, without a watch). Cancel-safe.
        pub async fn changed(&mut self) {
            let Some(fd) = &self.fd else {
                return std::future::pending().await;
            };
            loop {
                let Ok(mut guard) = fd.readable().await else {
                    return std::future::pending().await;
                };
                let mut buf = [MaybeUninit::<u8>::uninit(); 4096];
                let mut reader = inotify::Reader::new(guard.get_inner(), &mut buf);
                let mut any = false;
                // Everything queued, without blocking: a burst of events is one wake-up.
                loop {
                    match reader.next() {
                        // Only the journal, or a conflict copy beside it: not the lock file
                        // closed after a change that changed nothing, not a temporary file.
                        Ok(event) => {
                            any |= event
                                .file_name()
                                .and_then(|n| n.to_str().ok())
                                .is_some_and(|n| n == JOURNAL_FILE || is_conflict_copy(n));
                        }
                        Err(rustix::io::Errno::AGAIN) => break,
                        Err(_) => return std::future::pending().await,
                    }
                }
                guard.clear_ready();
                if any {
                    return;
                }
            }
        }
    }
}

#[cfg(not(all(target_os = "linux", not(feature = "portable"))))]
mod imp {
    use std::path::Path;

    /// No watch here: the journal is checked again at the next key.
    pub struct Watch;

    impl Watch {
        pub fn new(_dir: &Path) -> Watch {
            Watch
        }

        pub fn ensure(&mut self) {}

        /// Never.
        pub async fn changed(&mut self) {
            std::future::pending().await
        }
    }
}

pub use imp::Watch;

/// A watch on `dir`, if there is a journal folder at all.
pub fn watch(dir: Option<&Path>) -> Option<Watch> {
    dir.map(Watch::new)
}
