//! The loop's one timer, [`Alarm`]: armed for the instant the screen next changes, or disarmed (a
//! still screen), and awaited by the loop. Two ways to wait, one API:
//!
//! - on Linux, a timerfd: the process wakes once, exactly at each change, and never while the
//!   timer is disarmed;
//! - elsewhere, and on Linux with the cargo feature `portable` (so CI runs this path too), tokio's
//!   own timer (`tokio::time::sleep_until`). tokio rounds a deadline up to its next millisecond, so
//!   it never fires before the instant asked for (at most about 1 ms after it); a disarmed alarm
//!   holds no timer at all, so a still screen still causes no wake-ups. tokio's timer wheel files a
//!   deadline a second away in a 64 ms slot and wakes the process at the slot's start to file it
//!   again (and once more when the deadline crosses a 4.096 s boundary), so while counting the
//!   process wakes about 2.25 times a second; the loop itself still runs once a change.
//!
//! The loop arms the alarm for the next change and, when it fires, redraws only if that instant
//! has come; a wake before it would only re-arm the same instant, never spin.

#[cfg(all(target_os = "linux", not(feature = "portable")))]
pub use timerfd::Alarm;

#[cfg(any(not(target_os = "linux"), feature = "portable"))]
pub use portable::Alarm;

#[cfg(all(target_os = "linux", not(feature = "portable")))]
mod timerfd {
    use std::os::fd::OwnedFd;
    use std::time::{Duration, Instant};

    use rustix::time::{
        Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
        timerfd_settime,
    };
    use tokio::io::unix::AsyncFd;

    /// One timer for the loop: a timerfd, so the process wakes once, exactly when the screen next
    /// changes (tokio's timer wheel would wake it early for the wheel's slot, then again).
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
            // SAFETY: the AsyncFd owns the OwnedFd, so the descriptor stays open for as long as
            // it is registered, and is closed only after the AsyncFd deregisters it on drop.
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
}

#[cfg(any(not(target_os = "linux"), feature = "portable"))]
mod portable {
    use std::pin::Pin;
    use std::time::Instant;

    use tokio::time::Sleep;

    /// One timer for the loop, on tokio's clock. Disarmed, it holds no timer: nothing wakes the
    /// process. Must be used inside the loop's runtime (tokio's timers are the runtime's).
    pub struct Alarm {
        sleep: Option<Pin<Box<Sleep>>>,
        armed: Option<Instant>,
    }

    impl Alarm {
        pub fn new() -> std::io::Result<Alarm> {
            Ok(Alarm {
                sleep: None,
                armed: None,
            })
        }

        /// Arms the timer for `at`, or disarms it. tokio rounds the deadline up to its next
        /// millisecond: the timer never fires before `at`.
        pub fn set(&mut self, at: Option<Instant>) -> std::io::Result<()> {
            if self.armed == at {
                return Ok(());
            }
            // A new timer each time, the old one dropped: dropping takes a timer out of tokio's
            // wheel at once, whereas `Sleep::reset` to a later instant leaves it filed at the old
            // one and wakes the process there to refile it (a wake-up on a screen just paused).
            self.sleep = at.map(|t| Box::pin(tokio::time::sleep_until(t.into())));
            self.armed = at;
            Ok(())
        }

        /// Waits until the timer fires; never, while it is disarmed. Cancel-safe: dropped before
        /// it fires, the timer stays armed for the next wait.
        pub async fn wait(&mut self) {
            match (self.armed, self.sleep.as_mut()) {
                (Some(_), Some(sleep)) => {
                    sleep.as_mut().await;
                    self.armed = None;
                }
                _ => std::future::pending().await,
            }
        }
    }
}
