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
use cramp_coach::content::Habit;
use cramp_coach::habits;
use cramp_coach::journal::diary::{Episode, MAX_SECONDS};
use cramp_coach::journal::{Journal, JournalError, Stamp, Store};
use cramp_coach::night::{in_range, next_rollover, range_text};
use cramp_coach::strings;
use cramp_coach::ui;
use cramp_coach::ui::theme::Theme;
use jiff::civil::Date;
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
        _ => return None,
    })
}

/// A change for the journal worker.
enum Job {
    Habit {
        habit: Habit,
        night: Date,
        change: habits::Change,
    },
    Cramp(Episode),
}

/// What the journal worker reports back.
enum Report {
    /// Another cramp has held the lock for a moment.
    Waiting,
    Habit {
        result: Result<Journal, JournalError>,
        habit: String,
        night: Date,
        stamp: Option<Stamp>,
    },
    Cramp {
        result: Result<(Journal, u32), JournalError>,
        episode: Episode,
        stamp: Option<Stamp>,
    },
}

/// The journal on disk, as the TUI sees it: where it is, and how it looked when last read.
///
/// Changes are made on a worker thread, one at a time, so that a lock held by another cramp
/// (waited on for up to ten seconds) never holds up the countdown; the results come back to the
/// loop as [`Report`]s.
struct JournalLink {
    store: Option<Store>,
    stamp: Option<Stamp>,
    jobs: Option<std::sync::mpsc::Sender<Job>>,
    worker: Option<std::thread::JoinHandle<()>>,
    reports_tx: tokio::sync::mpsc::UnboundedSender<Report>,
    reports: tokio::sync::mpsc::UnboundedReceiver<Report>,
}

impl JournalLink {
    fn new(store: Option<Store>) -> JournalLink {
        let (reports_tx, reports) = tokio::sync::mpsc::unbounded_channel();
        JournalLink {
            store,
            stamp: None,
            jobs: None,
            worker: None,
            reports_tx,
            reports,
        }
    }

    /// Reads the journal into the app.
    fn load(&mut self, app: &mut App) {
        let Some(store) = &self.store else {
            app.journal_loaded(Err(strings::NO_DATA_DIR.to_string()));
            return;
        };
        self.stamp = store.stamp();
        app.journal_loaded(store.load().map_err(|e| e.to_string()));
        if let Some(w) = store.folder_warning() {
            app.status = Some(w);
        }
    }

    /// Reads it again if someone else (another instance, `cramp check`) changed it.
    fn refresh(&mut self, app: &mut App) {
        if let Some(store) = &self.store
            && store.stamp() != self.stamp
        {
            self.load(app);
        }
    }

    /// Hands a change to the worker (started on the first change).
    fn send(&mut self, app: &mut App, job: Job) {
        let Some(store) = &self.store else {
            app.journal_failed(strings::NO_DATA_DIR.to_string(), false);
            return;
        };
        let worker = &mut self.worker;
        let jobs = self.jobs.get_or_insert_with(|| {
            let (tx, rx) = std::sync::mpsc::channel::<Job>();
            let store = store.clone();
            let reports = self.reports_tx.clone();
            *worker = Some(std::thread::spawn(move || {
                for job in rx {
                    let report = work(&store, job, &reports);
                    // The loop may have ended: the change is on disk all the same.
                    let _ = reports.send(report);
                }
            }));
            tx
        });
        if jobs.send(job).is_err() {
            app.journal_failed("the journal worker stopped".to_string(), false);
        }
    }

    /// Lets changes already asked for reach the disk before the process ends.
    fn finish(&mut self) {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }

    /// Makes a habit change durable; the app hears of it when the worker reports.
    fn change(&mut self, app: &mut App, night: Date, habit: &str, change: habits::Change) {
        let Some(h) = app.content.habit(habit).cloned() else {
            return;
        };
        if !in_range(night) {
            app.journal_failed(clock_message(night), false);
            return;
        }
        self.send(
            app,
            Job::Habit {
                habit: h,
                night,
                change,
            },
        );
    }

    /// Adds a cramp to the diary, durably; the app hears of it when the worker reports.
    fn log(&mut self, app: &mut App, prompt: &LogPrompt, since_start: Duration) {
        let tz = super::habits::local_zone();
        let now = jiff::Timestamp::now();
        let since = jiff::SignedDuration::try_from(since_start).unwrap_or_default();
        let at = now.checked_sub(since).unwrap_or(now);
        let episode = Episode {
            muscle: prompt.muscle,
            side: prompt.side,
            intensity: prompt.intensity,
            seconds: Some(prompt.relief.as_secs().min(u64::from(MAX_SECONDS)) as u32),
            symptoms: prompt.symptoms,
            routine: Some(prompt.routine.clone()),
            steps: prompt.steps.clone(),
            ..Episode::begun(at, &tz, app.config.day_starts_at)
        };
        if !in_range(episode.night) {
            app.journal_failed(clock_message(episode.night), false);
            return;
        }
        self.send(app, Job::Cramp(episode));
    }

    /// Tells the app what the worker reported.
    fn report(&mut self, app: &mut App, report: Report) {
        match report {
            Report::Waiting => app.journal_waiting(),
            Report::Habit {
                result,
                habit,
                night,
                stamp,
            } => match result {
                Ok(journal) => {
                    self.stamp = stamp;
                    app.journal_saved(journal, &habit, night);
                }
                Err(e) => app.journal_failed(e.to_string(), e.is_unreadable()),
            },
            Report::Cramp {
                result,
                episode,
                stamp,
            } => match result {
                Ok((journal, id)) => {
                    self.stamp = stamp;
                    app.episode_saved(journal, &Episode { id, ..episode });
                }
                Err(e) => app.journal_failed(e.to_string(), e.is_unreadable()),
            },
        }
    }
}

fn clock_message(night: Date) -> String {
    format!(
        "the clock says it is the night of {night}; the journal keeps {}",
        range_text()
    )
}

/// One change, on the worker thread.
fn work(store: &Store, job: Job, reports: &tokio::sync::mpsc::UnboundedSender<Report>) -> Report {
    let waiting = || {
        let _ = reports.send(Report::Waiting);
    };
    match job {
        Job::Habit {
            habit,
            night,
            change,
        } => {
            let result = store
                .update_waiting(waiting, |j| habits::apply(j, &habit, night, change))
                .map(|(journal, _)| journal);
            Report::Habit {
                result,
                habit: habit.id,
                night,
                stamp: store.stamp(),
            }
        }
        Job::Cramp(episode) => {
            let result = store.update_waiting(waiting, |j| j.add_episode(episode.clone()));
            Report::Cramp {
                result,
                episode,
                stamp: store.stamp(),
            }
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
            Some(report) = journal.reports.recv() => {
                journal.report(app, report);
                dirty = true;
            }
            _ = sigterm.recv() => return 128 + 15,
            _ = sighup.recv() => return 128 + 1,
            _ = sigint.recv() => return 128 + 2,
        }
    }
}
