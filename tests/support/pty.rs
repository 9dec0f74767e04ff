//! The real `cramp` on a pseudo-terminal, for tests/pty.rs: a [`Tui`] runs the binary on a pty of its
//! own, feeds everything it writes to a `vt100` screen emulator, and waits for what the screen shows.
//!
//! Every wait has a generous timeout that only bounds a failure: nothing sleeps to synchronise.
//! The output is read by a thread that blocks on the pty and hands chunks over a channel, rather
//! than through `Session::expect`: that one polls in a busy loop (a core per test on a loaded CI
//! machine) and matches raw bytes, while ratatui writes only the cells that changed, so a text on
//! screen is not always one run of bytes in the stream.
//!
//! The binary is started through `sh -c 'read -r go && stty echo && exec cramp …'`. The shell
//! waits for the line the test sends once the pty has its size, so the app's first size query
//! already sees its size and no SIGWINCH reaches it at start; echo goes on so that after the app
//! exits the pty's termios (read through the master) tells whether raw mode was undone. `exec`
//! keeps the process id, so signals and exit statuses are the binary's own.

use std::io::Read;
use std::num::NonZeroU16;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use cramp_coach::strings as s;
use expectrl::{Session, Signal, WaitStatus};

use super::home::{BIN, Home};

/// Bounds every wait; only a failing test ever reaches it.
pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const COLS: u16 = 100;
pub const ROWS: u16 = 30;

pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// The binary running on a pty, with a screen emulator fed with everything it wrote.
pub struct Tui {
    session: Session,
    chunks: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    /// Every byte read so far.
    raw: Vec<u8>,
    /// The pty reported end of file: the app and everything holding the terminal are gone.
    eof: bool,
}

pub fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a non-zero size")
}

impl Tui {
    /// Runs `cramp ARGS` on a 100×30 pty.
    pub fn spawn(home: &Home, args: &[&str]) -> Tui {
        Tui::spawn_sized(home, args, COLS, ROWS)
    }

    pub fn spawn_sized(home: &Home, args: &[&str], cols: u16, rows: u16) -> Tui {
        // The shell waits for a line from the test before it starts the app, so the pty has its
        // final size before the app's first size query, and no SIGWINCH reaches the app at start.
        let mut command = home.command("sh");
        command
            .arg("-c")
            .arg("read -r go && stty echo && exec \"$0\" \"$@\"")
            .arg(BIN)
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("COLUMNS")
            .env_remove("LINES");
        let mut session = Session::spawn(command).expect("spawn cramp on a pty");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("set the pty size");
        session.send("go\n").expect("start the app");
        let chunks = read_chunks(&session);
        Tui {
            session,
            chunks,
            parser: vt100::Parser::new(size(rows), size(cols), 0),
            raw: Vec::new(),
            eof: false,
        }
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    fn feed(&mut self, chunk: &[u8]) {
        self.raw.extend_from_slice(chunk);
        self.parser.process(chunk);
    }

    /// Takes in what has arrived, waiting at most until `deadline` for the first chunk.
    /// Returns false when nothing came before the deadline.
    fn pump(&mut self, deadline: Instant) -> bool {
        if self.eof {
            return false;
        }
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.chunks.recv_timeout(wait) {
            Ok(chunk) => self.feed(&chunk),
            Err(RecvTimeoutError::Timeout) => return false,
            Err(RecvTimeoutError::Disconnected) => {
                self.eof = true;
                return false;
            }
        }
        while let Ok(chunk) = self.chunks.try_recv() {
            self.feed(&chunk);
        }
        true
    }

    /// Waits until `ready` holds for the screen; fails the test with the screen after `TIMEOUT`.
    pub fn wait_for(&mut self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if ready(self.screen()) {
                return;
            }
            if !self.pump(deadline) {
                if ready(self.screen()) {
                    return;
                }
                let why = if self.eof {
                    "the app closed the terminal"
                } else {
                    "timed out"
                };
                panic!("waiting for {what}: {why}\n{}", self.dump());
            }
        }
    }

    /// Waits until `needle` is somewhere on the screen.
    pub fn wait_text(&mut self, needle: &str) {
        self.wait_for(&format!("{needle:?} on screen"), |screen| {
            rows(screen).iter().any(|r| r.contains(needle))
        });
    }

    /// Lets about `d` of real time pass while taking in whatever the app writes. Only for letting
    /// time pass (a frozen display must stay frozen); never a way to wait for the app.
    pub fn let_time_pass(&mut self, d: Duration) {
        let until = Instant::now() + d;
        while Instant::now() < until {
            if !self.pump(until) && self.eof {
                return;
            }
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys to the pty");
    }

    /// Resizes the pty (the app gets SIGWINCH) and the emulator with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.set_size(size(rows), size(cols));
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("resize the pty");
    }

    /// The app's process id (the shell `exec`s it, so the id stays).
    pub fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    pub fn signal(&mut self, signal: Signal) {
        self.session
            .get_process_mut()
            .kill(signal)
            .expect("signal the app");
    }

    /// Whether the pty echoes input: off in raw mode, on again once the app has restored the
    /// terminal (the tests turn it on before the app starts). Read through the master, which on
    /// Linux reports the terminal side's settings.
    pub fn echo(&self) -> bool {
        self.session
            .get_process()
            .get_echo()
            .expect("read the pty's termios")
    }

    /// Waits for the app to close the terminal and exit; returns how it ended.
    pub fn wait_exit(&mut self) -> WaitStatus {
        let deadline = Instant::now() + TIMEOUT;
        while !self.eof {
            if !self.pump(deadline) && !self.eof {
                panic!("the app did not exit\n{}", self.dump());
            }
        }
        loop {
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                    // The terminal is closed; the exit itself is a moment away. A short pause
                    // between polls, not a synchronisation.
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(status) => return status,
                Err(e) => panic!("cannot collect the exit status: {e}"),
            }
        }
    }

    /// Waits for the exit and checks the status is `code` (not a death by signal).
    pub fn expect_exit(&mut self, code: i32) {
        let status = self.wait_exit();
        match status {
            WaitStatus::Exited(_, c) if c == code => {}
            other => panic!(
                "expected exit status {code}, got {other:?}\n{}",
                self.dump()
            ),
        }
    }

    /// The terminal is as the app found it: the alternate screen left, the cursor shown, raw
    /// mode off.
    pub fn assert_restored(&self) {
        let raw = &self.raw;
        let entered = rfind(raw, ENTER_ALT_SCREEN);
        assert!(
            entered.is_some(),
            "the app never entered the alternate screen\n{}",
            self.dump()
        );
        let left = rfind(raw, LEAVE_ALT_SCREEN);
        assert!(
            left > entered,
            "the output does not end outside the alternate screen\n{}",
            self.tail()
        );
        let hidden = rfind(raw, HIDE_CURSOR);
        let shown = rfind(raw, SHOW_CURSOR);
        assert!(
            hidden.is_none() || shown > hidden,
            "the output ends with the cursor hidden\n{}",
            self.tail()
        );
        assert!(
            !self.screen().alternate_screen(),
            "emulator still on the alternate screen"
        );
        assert!(
            !self.screen().hide_cursor(),
            "emulator's cursor still hidden"
        );
        assert!(
            self.echo(),
            "the pty is still in raw mode (echo off) after the app exited"
        );
    }

    pub fn dump(&self) -> String {
        let (r, c) = self.screen().size();
        let mut out = format!("--- screen {c}x{r} ---\n");
        for (i, row) in rows(self.screen()).iter().enumerate() {
            out.push_str(&format!("{i:2}|{}\n", row.trim_end()));
        }
        out.push_str(&format!(
            "--- {} bytes read, eof: {} ---",
            self.raw.len(),
            self.eof
        ));
        out
    }

    /// Every byte the app wrote so far.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// The last bytes written, escaped, for messages about escape sequences.
    pub fn tail(&self) -> String {
        let start = self.raw.len().saturating_sub(200);
        format!("last bytes: {}", self.raw[start..].escape_ascii())
    }
}

/// Everything the program on the pty writes, in chunks, from a thread that blocks on the pty (the
/// channel ends when the terminal side closes).
pub fn read_chunks(session: &Session) -> Receiver<Vec<u8>> {
    let mut reader = session
        .get_process()
        .get_raw_handle()
        .expect("a handle on the pty");
    let (tx, chunks) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match reader.read(&mut buf) {
                // Linux reports the terminal side's last close as EIO.
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    chunks
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The screen's rows as text.
pub fn rows(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).collect()
}

/// The last row that has any text.
pub fn bottom_line(screen: &vt100::Screen) -> String {
    rows(screen)
        .into_iter()
        .rev()
        .find(|r| !r.trim().is_empty())
        .unwrap_or_default()
}

/// The home row of routine `title`, if shown.
pub fn routine_row(screen: &vt100::Screen, title: &str) -> Option<String> {
    rows(screen).into_iter().find(|r| r.contains(title))
}

/// Whether the home row of `title` carries the selection marker.
pub fn is_selected(screen: &vt100::Screen, title: &str) -> bool {
    routine_row(screen, title).is_some_and(|r| r.trim_start().starts_with('›'))
}

/// The home screen, fully drawn at the terminal's size: calf relief selected, the key line at
/// the very bottom.
pub fn home_ready(screen: &vt100::Screen) -> bool {
    let (r, _) = screen.size();
    let last = rows(screen)
        .get(usize::from(r.get()) - 1)
        .cloned()
        .unwrap_or_default();
    is_selected(screen, "Calf cramp")
        && (last.contains(s::HOME_KEYS) || last.contains(s::HOME_KEYS_SHORT))
}

/// The runner, fully drawn at the terminal's size: its key line at the very bottom.
pub fn runner_ready(screen: &vt100::Screen) -> bool {
    let (r, _) = screen.size();
    let last = rows(screen)
        .get(usize::from(r.get()) - 1)
        .cloned()
        .unwrap_or_default();
    let keys = cramp_coach::config::keys::KeyMap::default();
    // The key line says what the keys do now: paused or not, an untimed step or a timed one.
    [(false, false), (false, true), (true, false), (true, true)]
        .into_iter()
        .map(|(paused, untimed)| s::RunnerKeyState { paused, untimed })
        .any(|state| {
            last.contains(&s::runner_keys(&keys, state))
                || last.contains(&s::runner_keys_short(&keys, state))
        })
}

/// The rows of the big countdown digits (half-block characters).
pub fn digit_rows(screen: &vt100::Screen) -> Vec<String> {
    rows(screen)
        .into_iter()
        .filter(|r| r.contains(['█', '▀', '▄']))
        .collect()
}

pub fn shows(screen: &vt100::Screen, needle: &str) -> bool {
    rows(screen).iter().any(|r| r.contains(needle))
}
