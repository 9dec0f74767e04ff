//! The terminal edge: raw mode and the alternate screen, keys, signals, timers, the bell and speech.
//!
//! The loop sleeps until something happens: a key, a resize, a signal, or the instant the model says
//! the screen next changes by itself. A still screen causes no wake-ups at all.

use std::collections::VecDeque;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use futures_util::StreamExt;
use tokio::signal::unix::{SignalKind, signal};

use cramp_coach::app::{App, Effect, Key};
use cramp_coach::config::Config;
use cramp_coach::content::Content;
use cramp_coach::strings;
use cramp_coach::theme::Theme;
use cramp_coach::ui;

use crate::{exit, fail};

/// Gap between the rings of one bell pattern.
const RING_GAP: Duration = Duration::from_millis(300);

/// Restores the terminal however the loop ends (return, error, or unwinding panic).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

pub fn run(content: Content, config: Config, warnings: Vec<String>, routine: Option<String>) -> u8 {
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
    let mut app = App::new(content, config, warnings);
    runtime.block_on(event_loop(&mut app, &theme, routine))
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

/// Effects that outlive one pass of the loop: rings still to sound, whether speech has failed.
#[derive(Default)]
struct Cues {
    rings: VecDeque<Instant>,
    speech_failed: bool,
}

impl Cues {
    fn apply(&mut self, effects: Vec<Effect>, app: &mut App, now: Instant) {
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
                Effect::Quit => {}
            }
        }
    }

    /// Rings every bell that is due; returns whether any rang.
    fn ring_due(&mut self, out: &mut impl Write, now: Instant) -> bool {
        let mut rang = false;
        while self.rings.front().is_some_and(|&t| t <= now) {
            self.rings.pop_front();
            rang = true;
        }
        if rang {
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
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

async fn event_loop(app: &mut App, theme: &Theme, routine: Option<String>) -> u8 {
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
    let mut terminal = match ratatui::try_init() {
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
        cues.apply(effects, app, now);
    }
    let mut dirty = true;
    loop {
        let now = Instant::now();
        let effects = app.tick(now);
        if !effects.is_empty() {
            dirty = true;
        }
        cues.apply(effects, app, now);
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
        }
        cues.ring_due(terminal.backend_mut(), now);
        let wake = [app.next_wake(now), cues.rings.front().copied()]
            .into_iter()
            .flatten()
            .min();
        let sleep = async {
            match wake {
                Some(t) => tokio::time::sleep_until(t.into()).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(k))) => {
                    if let Some(key) = key_of(k) {
                        let now = Instant::now();
                        let effects = app.key(key, now);
                        cues.apply(effects, app, now);
                        dirty = true;
                    }
                }
                Some(Ok(Event::Resize(..))) => dirty = true,
                Some(Ok(_)) => {}
                Some(Err(_)) | None => return exit::IO,
            },
            () = sleep => dirty = app.next_wake(now).is_some_and(|t| t <= Instant::now()) || dirty,
            _ = sigterm.recv() => return 128 + 15,
            _ = sighup.recv() => return 128 + 1,
            _ = sigint.recv() => return 128 + 2,
        }
    }
}
