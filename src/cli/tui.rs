//! The terminal edge: raw mode and the alternate screen, keys, signals, timers, the bell and speech.
//!
//! The loop sleeps until something happens: a key, a resize, a signal, or the instant the model says
//! the screen next changes by itself. A still screen causes no wake-ups at all.

use std::collections::VecDeque;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use futures_util::StreamExt;
use std::os::fd::OwnedFd;

use rustix::time::{
    Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec, timerfd_create,
    timerfd_settime,
};
use tokio::io::unix::AsyncFd;
use tokio::signal::unix::{SignalKind, signal};

use cramp_coach::app::{App, Effect, Key, LogPrompt, RING_GAP};
use cramp_coach::config::Config;
use cramp_coach::content::Content;
use cramp_coach::diary::{Episode, MAX_SECONDS};
use cramp_coach::habits;
use cramp_coach::journal::{Stamp, Store};
use cramp_coach::night::{next_rollover, night_of};
use cramp_coach::strings;
use cramp_coach::theme::Theme;
use cramp_coach::ui;
use ratatui::Terminal;

use super::screen::{self, CalmBackend};

use crate::{exit, fail};

/// Restores the terminal however the loop ends (return, error, or unwinding panic).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        screen::reset_attributes();
        ratatui::restore();
    }
}

/// Raw mode, the alternate screen, and a panic hook that gives the terminal back first: what
/// `ratatui::try_init` does, with the quieter backend.
fn open_terminal() -> std::io::Result<Terminal<CalmBackend>> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        screen::reset_attributes();
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
    let tonight = super::habits::tonight(&config);
    let mut app = App::new(content, config, warnings, tonight);
    let mut journal = JournalLink { store, stamp: None };
    runtime.block_on(event_loop(&mut app, &theme, routine, &mut journal))
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
        _ => return None,
    })
}

/// The journal on disk, as the TUI sees it: where it is, and how it looked when last read.
struct JournalLink {
    store: Option<Store>,
    stamp: Option<Stamp>,
}

impl JournalLink {
    /// Reads the journal into the app.
    fn load(&mut self, app: &mut App) {
        let Some(store) = &self.store else {
            app.journal_loaded(Err(strings::NO_DATA_DIR.to_string()));
            return;
        };
        self.stamp = store.stamp();
        app.journal_loaded(store.load().map_err(|e| e.to_string()));
    }

    /// Reads it again if someone else (another instance, `cramp check`) changed it.
    fn refresh(&mut self, app: &mut App) {
        if let Some(store) = &self.store
            && store.stamp() != self.stamp
        {
            self.load(app);
        }
    }

    /// Makes a change durable, then tells the app; on failure the app says so and the file is as it was.
    fn change(
        &mut self,
        app: &mut App,
        night: jiff::civil::Date,
        habit: &str,
        change: habits::Change,
    ) {
        let (Some(store), Some(h)) = (&self.store, app.content.habit(habit).cloned()) else {
            return;
        };
        match store.update(|j| habits::apply(j, &h, night, change)) {
            Ok((journal, _)) => {
                self.stamp = store.stamp();
                app.journal_saved(journal, habit, night);
            }
            Err(e) => app.journal_failed(e.to_string(), e.is_unreadable()),
        }
    }
}

impl JournalLink {
    /// Adds a cramp to the diary, durably, then tells the app.
    fn log(&mut self, app: &mut App, prompt: &LogPrompt, since_start: Duration) {
        let Some(store) = &self.store else {
            app.journal_failed(strings::NO_DATA_DIR.to_string(), false);
            return;
        };
        let tz = super::habits::local_zone();
        let now = jiff::Timestamp::now();
        let since = jiff::SignedDuration::try_from(since_start).unwrap_or_default();
        let at = now.checked_sub(since).unwrap_or(now);
        let episode = Episode {
            id: 0,
            night: night_of(at, &tz, app.config.day_starts_at),
            at,
            offset: tz.to_offset(at),
            muscle: prompt.muscle,
            side: prompt.side,
            intensity: prompt.intensity,
            seconds: Some(prompt.relief.as_secs().min(u64::from(MAX_SECONDS)) as u32),
            symptoms: prompt.symptoms,
            routine: Some(prompt.routine.clone()),
            steps: prompt.steps.clone(),
        };
        match store.update(|j| j.add_episode(episode.clone())) {
            Ok((journal, id)) => {
                self.stamp = store.stamp();
                app.episode_saved(journal, &Episode { id, ..episode });
            }
            Err(e) => app.journal_failed(e.to_string(), e.is_unreadable()),
        }
    }
}

/// Effects that outlive one pass of the loop: rings still to sound, whether speech has failed.
#[derive(Default)]
struct Cues {
    rings: VecDeque<Instant>,
    speech_failed: bool,
}

impl Cues {
    fn apply(
        &mut self,
        effects: Vec<Effect>,
        app: &mut App,
        journal: &mut JournalLink,
        now: Instant,
    ) {
        for effect in effects {
            match effect {
                Effect::Bell(pattern) => {
                    self.rings.clear();
                    self.rings
                        .extend((0..pattern.rings()).map(|i| now + RING_GAP * i));
                }
                Effect::Speak(words) => {
                    if let Err(e) = speak(&app.config.speak_command, &words)
                        && !self.speech_failed
                    {
                        self.speech_failed = true;
                        app.status = Some(format!("{}: {e}", strings::SPEECH_FAILED));
                    }
                }
                Effect::Journal {
                    night,
                    habit,
                    change,
                } => journal.change(app, night, &habit, change),
                Effect::LogEpisode {
                    prompt,
                    since_start,
                } => journal.log(app, &prompt, since_start),
            }
        }
    }

    /// Rings every bell that is due; returns whether any rang.
    fn ring_due(&mut self, out: &mut CalmBackend, now: Instant) -> bool {
        let mut rang = false;
        while self.rings.front().is_some_and(|&t| t <= now) {
            self.rings.pop_front();
            rang = true;
        }
        if rang {
            let _ = out.bell();
        }
        rang
    }
}

/// Starts the speech program without waiting for it; its output goes nowhere near the screen.
fn speak(command: &[String], words: &str) -> std::io::Result<()> {
    let Some((program, args)) = command.split_first() else {
        return Ok(());
    };
    let mut child = Command::new(program)
        .args(args)
        .arg(words)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// One timer for the loop: a timerfd, so the process wakes once, exactly when the screen next changes
/// (tokio's timer wheel would wake it early for the wheel's slot, then again).
struct Alarm {
    fd: AsyncFd<OwnedFd>,
    armed: Option<Instant>,
}

impl Alarm {
    fn new() -> std::io::Result<Alarm> {
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
    fn set(&mut self, at: Option<Instant>) -> std::io::Result<()> {
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
    async fn wait(&mut self) {
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

/// When the night next changes, as a monotonic instant.
fn rollover_instant(app: &App) -> Instant {
    let now = jiff::Timestamp::now();
    let next = next_rollover(now, &super::habits::local_zone(), app.config.day_starts_at);
    let wait = next.duration_since(now).unsigned_abs();
    Instant::now() + wait.min(Duration::from_secs(26 * 3600))
}

async fn event_loop(
    app: &mut App,
    theme: &Theme,
    routine: Option<String>,
    journal: &mut JournalLink,
) -> u8 {
    let (mut sigterm, mut sighup, mut sigint) = match (
        signal(SignalKind::terminate()),
        signal(SignalKind::hangup()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        _ => {
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
        let now = Instant::now();
        let effects = app.start_by_id(&id, now).unwrap_or_default();
        cues.apply(effects, app, journal, now);
    }
    let mut alarm = match Alarm::new() {
        Ok(a) => a,
        Err(e) => {
            drop(_restore);
            fail(format!("cannot create a timer: {e}"));
            return exit::IO;
        }
    };
    let mut dirty = true;
    let mut first_frame = true;
    let mut rollover = rollover_instant(app);
    loop {
        let now = Instant::now();
        if now >= rollover {
            app.set_tonight(super::habits::tonight(&app.config));
            rollover = rollover_instant(app);
            dirty = true;
        }
        let effects = app.tick(now);
        if !effects.is_empty() {
            dirty = true;
        }
        cues.apply(effects, app, journal, now);
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
                journal.load(app);
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
                        journal.refresh(app);
                        let now = Instant::now();
                        let effects = app.key(key, now);
                        cues.apply(effects, app, journal, now);
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
            _ = sigterm.recv() => return 128 + 15,
            _ = sighup.recv() => return 128 + 1,
            _ = sigint.recv() => return 128 + 2,
        }
    }
}
