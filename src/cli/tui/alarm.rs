//! The loop's one timer: a timerfd, so the process wakes once, exactly when the screen next
//! changes, and never while it is disarmed (a still screen).

use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
    timerfd_settime,
};
use tokio::io::unix::AsyncFd;

/// One timer for the loop: a timerfd, so the process wakes once, exactly when the screen next changes
/// (tokio's timer wheel would wake it early for the wheel's slot, then again).
pub struct Alarm {
    fd: AsyncFd<OwnedFd>,
    armed: Option<Instant>,
}

impl Alarm {
    pub fn new() -> std::io::Result<Alarm> {
        let fd = timerfd_create(
            TimerfdClockId::Monotonic,
            TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC,
        )?;
        // SAFETY: the AsyncFd owns the OwnedFd, so the descriptor stays open for as long as it is
        // registered, and is closed only after the AsyncFd deregisters it on drop.
        let fd = unsafe { AsyncFd::register(fd) }.map_err(|e| e.into_parts().1)?;
        Ok(Alarm { fd, armed: None })
    }

    /// Arms the timer for `at` (relative to now), or disarms it.
    pub fn set(&mut self, at: Option<Instant>) -> std::io::Result<()> {
        if self.armed == at {
            return Ok(());
        }
        let zero = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        let value = match at {
            Some(t) => {
                let d = t
                    .saturating_duration_since(Instant::now())
                    .max(Duration::from_nanos(1));
                Timespec {
                    tv_sec: d.as_secs() as _,
                    tv_nsec: d.subsec_nanos() as _,
                }
            }
            None => zero,
        };
        timerfd_settime(
            self.fd.get_ref(),
            TimerfdTimerFlags::empty(),
            &Itimerspec {
                it_interval: zero,
                it_value: value,
            },
        )?;
        self.armed = at;
        Ok(())
    }

    /// Waits until the timer fires; never, while it is disarmed.
    pub async fn wait(&mut self) {
        if self.armed.is_none() {
            return std::future::pending().await;
        }
        loop {
            let Ok(mut guard) = self.fd.readable().await else {
                return std::future::pending().await;
            };
            let mut expirations = [0u8; 8];
            match rustix::io::read(guard.get_inner(), &mut expirations) {
                Ok(_) => {
                    self.armed = None;
                    return;
                }
                Err(rustix::io::Errno::AGAIN) => guard.clear_ready(),
                Err(_) => return std::future::pending().await,
            }
        }
    }
}
