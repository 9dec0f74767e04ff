//! The terminal edge: raw mode and the alternate screen, keys, signals, the timer, the bell and
//! speech. Everything that happens becomes a [`Msg`] for the model; everything the model asks for
//! is an [`Effect`](cramp_coach::app::Effect) carried out by [`cues`].
//!
//! The loop sleeps until something happens: a key, a resize, a signal, a journal report, or the
//! instant the model says the screen next changes by itself. A still screen causes no wake-ups.

mod alarm;
pub mod backend;
mod cues;
mod journal;
mod watch;

use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use futures_util::StreamExt;
use ratatui::Terminal;

use cramp_coach::app::{App, Key, Msg};
use cramp_coach::config::Config;
use cramp_coach::content::Content;
use cramp_coach::journal::Store;
use cramp_coach::night::next_rollover;
use cramp_coach::ui;
use cramp_coach::ui::theme::Theme;

use super::clock;
use super::exit::{self, fail};
use alarm::Alarm;
use backend::CalmBackend;
use cues::Cues;
use journal::JournalLink;

/// Restores the terminal however the loop ends (return, error, or unwinding panic).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        backend::reset_attributes();
        ratatui::restore();
    }
}

/// Raw mode, the alternate screen, and a panic hook that gives the terminal back first: what
/// `ratatui::try_init` does, with the quieter backend.
fn open_terminal() -> std::io::Result<Terminal<CalmBackend>> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        backend::reset_attributes();
        ratatui::restore();
        previous(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    Terminal::new(CalmBackend::new(std::io::stdout()))
}

pub fn run(
    content: Content,
    config: Config,
    warnings: Vec<String>,
    routine: Option<String>,
    store: Option<Store>,
) -> u8 {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            fail(format!("cannot start: {e}"));
            return exit::IO;
        }
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(config.theme, no_color);
    let tonight = clock::tonight(&config);
    let mut app = App::new(content, config, warnings, tonight);
    let mut journal = JournalLink::new(store);
    let code = runtime.block_on(event_loop(&mut app, &theme, routine, &mut journal));
    journal.finish();
    code
}

fn key_of(event: KeyEvent) -> Option<Key> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    Some(match event.code {
        KeyCode::Char('c') if event.modifiers.contains(KeyModifiers::CONTROL) => Key::CtrlC,
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Key::Char(c)
        }
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// The signals that end the loop, each with its exit status (128 + the signal's number).
#[cfg(unix)]
struct Stops {
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl Stops {
    fn new() -> std::io::Result<Stops> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Stops {
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
            int: signal(SignalKind::interrupt())?,
        })
    }

    /// The exit status of the next stopping signal. Cancel-safe.
    async fn next(&mut self) -> u8 {
        tokio::select! {
            _ = self.term.recv() => 128 + 15,
            _ = self.hup.recv() => 128 + 1,
            _ = self.int.recv() => 128 + 2,
        }
    }
}

/// Windows: Ctrl-C or Ctrl-Break outside raw mode (as SIGINT, 130), the console closing (as SIGHUP,
/// 129). In raw mode Ctrl-C arrives as a key.
#[cfg(windows)]
struct Stops {
    int: tokio::signal::windows::CtrlC,
    brk: tokio::signal::windows::CtrlBreak,
    close: tokio::signal::windows::CtrlClose,
}

#[cfg(windows)]
impl Stops {
    fn new() -> std::io::Result<Stops> {
        use tokio::signal::windows::{ctrl_break, ctrl_c, ctrl_close};
        Ok(Stops {
            int: ctrl_c()?,
            brk: ctrl_break()?,
            close: ctrl_close()?,
        })
    }

    /// The exit status of the next stopping signal. Cancel-safe.
    async fn next(&mut self) -> u8 {
        tokio::select! {
            _ = self.int.recv() => 128 + 2,
            _ = self.brk.recv() => 128 + 2,
            _ = self.close.recv() => 128 + 1,
        }
    }
}

/// When the night next changes, as a monotonic instant.
fn rollover_instant(app: &App) -> Instant {
    let now = jiff::Timestamp::now();
    let next = next_rollover(now, &clock::local_zone(), app.config.day_starts_at);
    let wait = next.duration_since(now).unsigned_abs();
    Instant::now() + wait.min(Duration::from_secs(26 * 3600))
}

/// Hands `msgs` to the model, carries out what it asks for, and so on until nothing is left.
fn deliver(
    app: &mut App,
    msgs: Vec<Msg>,
    cues: &mut Cues,
    journal: &mut JournalLink,
    now: Instant,
) {
    let mut queue: std::collections::VecDeque<Msg> = msgs.into();
    while let Some(msg) = queue.pop_front() {
        let effects = app.update(msg, now);
        queue.extend(cues.apply(effects, app, journal, now));
    }
}

async fn event_loop(
    app: &mut App,
    theme: &Theme,
    routine: Option<String>,
    journal: &mut JournalLink,
) -> u8 {
    let mut stops = match Stops::new() {
        Ok(s) => s,
        Err(_) => {
            fail("cannot listen for signals");
            return exit::IO;
        }
    };
    let mut terminal = match open_terminal() {
        Ok(t) => t,
        Err(e) => {
            fail(format!("cannot open the terminal: {e}"));
            return exit::IO;
        }
    };
    let _restore = Restore;
    let mut events = EventStream::new();
    let mut cues = Cues::default();
    if let Some(id) = routine {
        deliver(
            app,
            vec![Msg::Start(id)],
            &mut cues,
            journal,
            Instant::now(),
        );
    }
    let mut alarm = match Alarm::new() {
        Ok(a) => a,
        Err(e) => {
            drop(_restore);
            fail(format!("cannot create a timer: {e}"));
            return exit::IO;
        }
    };
    let mut watch = watch::watch(journal.dir().as_deref());
    let mut dirty = true;
    let mut first_frame = true;
    let mut rollover = rollover_instant(app);
    loop {
        let now = Instant::now();
        if now >= rollover {
            deliver(
                app,
                vec![Msg::NewNight(clock::tonight(&app.config))],
                &mut cues,
                journal,
                now,
            );
            rollover = rollover_instant(app);
            dirty = true;
        }
        let effects = app.update(Msg::Tick, now);
        if !effects.is_empty() {
            dirty = true;
            let msgs = cues.apply(effects, app, journal, now);
            deliver(app, msgs, &mut cues, journal, now);
        }
        if app.should_quit() {
            return exit::OK;
        }
        if dirty {
            if let Err(e) = terminal.draw(|frame| ui::draw(frame, app, theme, now)) {
                drop(_restore);
                fail(format!("cannot draw: {e}"));
                return exit::IO;
            }
            dirty = false;
            if first_frame {
                // The journal is read after the first frame: relief never waits for it.
                first_frame = false;
                let msgs = journal.load();
                deliver(app, msgs, &mut cues, journal, now);
                dirty = true;
                continue;
            }
        }
        cues.ring_due(terminal.backend_mut(), now);
        let wake = [
            app.next_wake(now),
            cues.rings.front().copied(),
            Some(rollover),
        ]
        .into_iter()
        .flatten()
        .min();
        if let Err(e) = alarm.set(wake) {
            drop(_restore);
            fail(format!("cannot set a timer: {e}"));
            return exit::IO;
        }
        let sleep = alarm.wait();
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(k))) => {
                    if let Some(key) = key_of(k) {
                        let mut msgs = journal.refresh();
                        msgs.push(Msg::Key(key));
                        deliver(app, msgs, &mut cues, journal, Instant::now());
                        dirty = true;
                    }
                }
                Some(Ok(Event::Resize(..))) => dirty = true,
                Some(Ok(_)) => {}
                Some(Err(_)) | None => return exit::IO,
            },
            () = sleep => {
                let woke = Instant::now();
                dirty |= app.next_wake(now).is_some_and(|t| t <= woke) || woke >= rollover;
            }
            Some(report) = journal.reports.recv() => {
                let msg = journal.report(report);
                deliver(app, vec![msg], &mut cues, journal, Instant::now());
                dirty = true;
                // The first change makes the folder: watch it from now on.
                if let Some(w) = &mut watch {
                    w.ensure();
                }
            }
            () = async {
                match &mut watch {
                    Some(w) => w.changed().await,
                    None => std::future::pending().await,
                }
            } => {
                // Someone else changed the journal (or left a conflict copy): read it again.
                let msgs = journal.refresh();
                if !msgs.is_empty() {
                    deliver(app, msgs, &mut cues, journal, Instant::now());
                    dirty = true;
                }
            }
            code = stops.next() => return code,
        }
    }
}
