//! `cramp run --plain`: the routine as lines of text, in real time, with no escape sequences.
//!
//! On a terminal the keys work as in the TUI, without echo: Enter lets an untimed step go, `q`
//! stops (a relief routine then offers the cramp log), Ctrl-C stops. After relief a line-by-line
//! log prompt asks its questions, one key each. Piped (no terminal on stdin) nobody can answer:
//! no prompt, untimed holds last 30 s. The bell rings only when stdout is a terminal. A routine
//! that completes a habit ticks it when it is finished, as in the TUI.

use std::io::{IsTerminal, Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use cramp_coach::app::{Bell, LogPrompt, RING_GAP};
use cramp_coach::config::Config;
use cramp_coach::content::{Content, Muscle, Routine, RoutineKind};
use cramp_coach::habits::{self, Change};
use cramp_coach::journal::{LegSide, Store};
use cramp_coach::night::in_range;
use cramp_coach::runner::{Cue, Plan, Runner, SegmentKind};
use cramp_coach::strings::{cli as cli_words, guide};

use super::exit::{self, Failure};

/// What the person pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Press {
    Enter,
    Quit,
    CtrlC,
    Char(char),
}

/// How a routine ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Finished,
    Stopped,
    Interrupted,
}

/// The terminal's settings while the guide runs: no echo, one key at a time, Ctrl-C as a key.
/// Restored on drop, and by the signal handlers if the process is told to stop.
struct Keys {
    presses: Receiver<Press>,
}

#[cfg(unix)]
static SAVED_TERMIOS: std::sync::OnceLock<libc::termios> = std::sync::OnceLock::new();

#[cfg(unix)]
extern "C" fn restore_and_exit(signal: libc::c_int) {
    if let Some(t) = SAVED_TERMIOS.get() {
        // SAFETY: tcsetattr and _exit are async-signal-safe; `t` is a plain copy of the settings.
        unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
        }
    }
    // SAFETY: _exit ends the process at once, as a signal death would.
    unsafe { libc::_exit(128 + signal) }
}

impl Keys {
    /// Quiet keys on the terminal on stdin; `None` when stdin is not a terminal.
    fn open() -> Option<Keys> {
        if !std::io::stdin().is_terminal() || !quiet_terminal() {
            return None;
        }
        let (tx, presses) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdin = std::io::stdin().lock();
            let mut byte = [0u8; 1];
            while let Ok(1) = stdin.read(&mut byte) {
                let press = match byte[0] {
                    b'\r' | b'\n' => Press::Enter,
                    b'q' | b'Q' | 0x1b => Press::Quit,
                    0x03 => Press::CtrlC,
                    b => Press::Char(char::from(b)),
                };
                if tx.send(press).is_err() {
                    return;
                }
            }
        });
        Some(Keys { presses })
    }

    /// The next press before `deadline` (`None`: no deadline), or `None` when it passed.
    fn until(&self, deadline: Option<Instant>) -> Option<Press> {
        match deadline {
            Some(t) => match self
                .presses
                .recv_timeout(t.saturating_duration_since(Instant::now()))
            {
                Ok(p) => Some(p),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    sleep_until(t);
                    None
                }
            },
            None => self.presses.recv().ok(),
        }
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// The terminal on stdin without echo, one key at a time, Ctrl-C as a key, with handlers that
/// put it back if the process is told to stop; false if it cannot be set so.
#[cfg(unix)]
fn quiet_terminal() -> bool {
    // SAFETY: termios is plain data; tcgetattr fills it for the terminal on stdin.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: a valid descriptor and a valid pointer.
    if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut t) } != 0 {
        return false;
    }
    let _ = SAVED_TERMIOS.set(t);
    let mut quiet = t;
    quiet.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG);
    quiet.c_cc[libc::VMIN] = 1;
    quiet.c_cc[libc::VTIME] = 0;
    // SAFETY: handlers that only restore the terminal and exit; settings applied to stdin.
    unsafe {
        for signal in [libc::SIGTERM, libc::SIGHUP] {
            libc::signal(signal, restore_and_exit as *const () as libc::sighandler_t);
        }
        libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &quiet);
    }
    true
}

#[cfg(unix)]
fn restore_terminal() {
    if let Some(t) = SAVED_TERMIOS.get() {
        // SAFETY: the settings saved when the guide began, back on stdin.
        unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
        }
    }
}

/// Elsewhere (Windows' console): raw input, which changes only how keys are read, not the output.
#[cfg(not(unix))]
fn quiet_terminal() -> bool {
    crossterm::terminal::enable_raw_mode().is_ok()
}

#[cfg(not(unix))]
fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
}

fn sleep_until(t: Instant) {
    let now = Instant::now();
    if t > now {
        std::thread::sleep(t - now);
    }
}

/// Where the guide may write what it saves: the journal and tonight's date.
pub struct Journal {
    pub store: Option<Store>,
    pub tonight: Date,
}

pub fn run(
    content: &Content,
    config: &Config,
    id: &str,
    quiet: bool,
    journal: &Journal,
) -> exit::Result {
    let Some(routine) = content.routine(id) else {
        return Err(Failure::Quiet(exit::USAGE));
    };
    let keys = Keys::open();
    // A bell only reaches a person on a terminal; in a file or a pipe it is a stray byte.
    let bell = config.bell && !quiet && std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    let start = Instant::now();
    let (ending, runner) = guide(routine, config, keys.as_ref(), bell, &mut out, start)
        .map_err(|e| super::output::write_failed(&e))?;
    let took = Instant::now() - start;
    let line = match ending {
        Ending::Finished => guide::done_line(routine, took),
        Ending::Stopped | Ending::Interrupted => guide::stopped_line(routine, took),
    };
    let said = writeln!(out, "{line}").and_then(|()| {
        if ending == Ending::Finished {
            ring(&mut out, bell, Bell::Done)
        } else {
            out.flush()
        }
    });
    said.map_err(|e| super::output::write_failed(&e))?;
    if ending == Ending::Interrupted {
        drop(keys);
        return Err(Failure::Quiet(128 + 2));
    }
    if ending == Ending::Finished
        && let Some(habit) = routine.completes_habit.as_deref()
    {
        tick(content, habit, journal, &mut out)?;
    }
    if routine.kind == RoutineKind::Relief
        && let Some(keys) = &keys
    {
        log_prompt(content, routine, &runner, keys, journal, &mut out, start)?;
    }
    Ok(())
}

/// The routine, line by line, until it ends or the person stops it.
fn guide(
    routine: &Routine,
    config: &Config,
    keys: Option<&Keys>,
    bell: bool,
    out: &mut impl Write,
    start: Instant,
) -> std::io::Result<(Ending, Runner)> {
    let mut runner = Runner::new(Plan::build(routine, config.lead_in_seconds), start);
    writeln!(out, "{}", guide::header(routine))?;
    if keys.is_some() {
        writeln!(out, "{}", guide::KEYS_HINT)?;
    }
    let mut cue = Some(Cue::Segment);
    loop {
        if runner.is_done() {
            return Ok((Ending::Finished, runner));
        }
        let Some(seg) = runner.current().cloned() else {
            return Ok((Ending::Finished, runner));
        };
        if let Some(c) = cue.take() {
            // A change of legs with a moment of its own says so itself.
            if c == Cue::SwitchSide && seg.kind != SegmentKind::Switch {
                writeln!(out, "{}", guide::switch_sides_line())?;
            }
            writeln!(out, "{}", guide::segment_line(routine, &seg))?;
            ring(
                out,
                bell,
                if c == Cue::SwitchSide {
                    Bell::SwitchSide
                } else {
                    Bell::Step
                },
            )?;
        }
        match (seg.duration, runner.deadline()) {
            (Some(length), Some(deadline)) => {
                out.flush()?;
                let mut marks = guide::milestones(length).into_iter().peekable();
                loop {
                    let next_mark = marks
                        .peek()
                        .map(|&left| deadline - Duration::from_secs(left));
                    let wake = next_mark.unwrap_or(deadline);
                    let press = match keys {
                        Some(k) => k.until(Some(wake)),
                        None => {
                            sleep_until(wake);
                            None
                        }
                    };
                    match press {
                        Some(Press::Quit) => return Ok((Ending::Stopped, runner)),
                        Some(Press::CtrlC) => return Ok((Ending::Interrupted, runner)),
                        Some(_) => continue,
                        None => {}
                    }
                    match marks.next() {
                        Some(left) => {
                            writeln!(out, "{}", guide::milestone_line(left))?;
                            out.flush()?;
                        }
                        None => break,
                    }
                }
                // Exactly one boundary at a time: if the process fell behind, every skipped
                // step still gets its line.
                cue = runner.advance(deadline);
            }
            _ => {
                writeln!(out, "{}", guide::untimed_prompt(keys.is_some()))?;
                out.flush()?;
                match keys {
                    Some(k) => loop {
                        match k.until(None) {
                            Some(Press::Enter) | None => break,
                            Some(Press::Quit) => return Ok((Ending::Stopped, runner)),
                            Some(Press::CtrlC) => return Ok((Ending::Interrupted, runner)),
                            Some(Press::Char(_)) => {}
                        }
                    },
                    None => sleep_until(Instant::now() + guide::UNATTENDED_HOLD),
                }
                cue = runner.finish_untimed(Instant::now());
            }
        }
    }
}

/// Ticks the habit the routine completes, for tonight, and says so.
fn tick(content: &Content, habit: &str, journal: &Journal, out: &mut impl Write) -> exit::Result {
    let (Some(store), Some(h)) = (&journal.store, content.habit(habit)) else {
        return Ok(());
    };
    if !in_range(journal.tonight) {
        return Err(super::clock::out_of_range(journal.tonight));
    }
    super::journal::update(store, |j| {
        habits::apply(j, h, journal.tonight, Change::Check)
    })?;
    writeln!(out, "{}", guide::habit_ticked(habit))
        .and_then(|()| out.flush())
        .map_err(|e| super::output::write_failed(&e))
}

/// One question: the key pressed among `choices` (key, value, word said back), `None` for Enter
/// (skip); `Err(())` for q or Ctrl-C (skip the rest). The answer is said back, for a screen reader.
fn ask<T: Copy>(
    keys: &Keys,
    out: &mut impl Write,
    question: &str,
    choices: &[(char, T, &str)],
) -> std::io::Result<Result<Option<T>, ()>> {
    writeln!(out, "{question}")?;
    out.flush()?;
    loop {
        match keys.until(None) {
            Some(Press::Enter) => {
                writeln!(out, "{}", guide::ANSWER_SKIPPED)?;
                return Ok(Ok(None));
            }
            Some(Press::Quit | Press::CtrlC) | None => return Ok(Err(())),
            Some(Press::Char(c)) => {
                if let Some((_, v, word)) = choices
                    .iter()
                    .find(|(k, _, _)| *k == c.to_ascii_lowercase())
                {
                    writeln!(out, "{}", guide::answer(word))?;
                    out.flush()?;
                    return Ok(Ok(Some(*v)));
                }
            }
        }
    }
}

/// The cramp-log prompt, line by line: each question one key, Enter skips it, q skips the rest.
fn log_prompt(
    content: &Content,
    routine: &Routine,
    runner: &Runner,
    keys: &Keys,
    journal: &Journal,
    out: &mut impl Write,
    start: Instant,
) -> exit::Result {
    let io = |e: std::io::Error| super::output::write_failed(&e);
    writeln!(out, "{}", guide::LOG_INTRO).map_err(io)?;
    let mut prompt = LogPrompt {
        routine: routine.id.clone(),
        muscle: routine.muscle,
        side: None,
        intensity: None,
        symptoms: None,
        started_at: start,
        relief: runner
            .released_at()
            .unwrap_or_else(Instant::now)
            .saturating_duration_since(start),
        steps: runner.completed_steps(),
    };
    let answered = (|| -> std::io::Result<Result<(), ()>> {
        use Muscle::*;
        let muscle = [
            ('c', Calf, "calf"),
            ('f', Foot, "foot"),
            ('t', Thigh, "thigh"),
            ('o', Other, "other"),
        ];
        match ask(keys, out, guide::LOG_MUSCLE, &muscle)? {
            Ok(m) => prompt.muscle = m.or(prompt.muscle),
            Err(()) => return Ok(Err(())),
        }
        let sides = [
            ('l', LegSide::Left, "left"),
            ('r', LegSide::Right, "right"),
            ('b', LegSide::Both, "both"),
        ];
        match ask(keys, out, guide::LOG_SIDE, &sides)? {
            Ok(s) => prompt.side = s,
            Err(()) => return Ok(Err(())),
        }
        const LEVELS: [&str; 5] = ["1", "2", "3", "4", "5"];
        let levels: Vec<(char, u8, &str)> = (1..=5u8)
            .map(|i| (char::from(b'0' + i), i, LEVELS[usize::from(i - 1)]))
            .collect();
        match ask(keys, out, guide::LOG_INTENSITY, &levels)? {
            Ok(i) => prompt.intensity = i,
            Err(()) => return Ok(Err(())),
        }
        match ask(
            keys,
            out,
            guide::LOG_SYMPTOMS,
            &[('y', true, "yes"), ('n', false, "no")],
        )? {
            Ok(s) => prompt.symptoms = s,
            Err(()) => return Ok(Err(())),
        }
        Ok(Ok(()))
    })()
    .map_err(io)?;
    if answered.is_err() {
        return writeln!(out, "{}", guide::LOG_SKIPPED)
            .and_then(|()| out.flush())
            .map_err(io);
    }
    let Some(store) = &journal.store else {
        return Err(Failure::io(cramp_coach::strings::NO_DATA_DIR));
    };
    let now = jiff::Timestamp::now();
    let since = jiff::SignedDuration::try_from(Instant::now().saturating_duration_since(start))
        .unwrap_or_default();
    let episode = prompt.episode(
        now.checked_sub(since).unwrap_or(now),
        &super::clock::local_zone(),
    );
    if !in_range(episode.night) {
        return Err(super::clock::out_of_range(episode.night));
    }
    let entropy = super::journal::entropy();
    let (journal, id) = super::journal::update(store, |j| j.add_episode(episode.clone(), entropy))?;
    let mut said = format!("{}\n", guide::cramp_logged(journal.short_id(&id)));
    let flags = episode.red_flags();
    if !flags.is_empty() {
        said.push('\n');
        said.push_str(&cramp_coach::strings::get_help_because(&flags));
        said.push('\n');
        said.push_str(&cli_words::get_help_text(&content.guidance));
    }
    out.write_all(said.as_bytes())
        .and_then(|()| out.flush())
        .map_err(io)
}

/// The bell pattern for a change, as in the TUI: one ring, two to switch sides, three when done.
fn ring(out: &mut impl Write, bell: bool, pattern: Bell) -> std::io::Result<()> {
    if !bell {
        return out.flush();
    }
    for i in 0..pattern.rings() {
        if i > 0 {
            std::thread::sleep(RING_GAP);
        }
        out.write_all(b"\x07")?;
        out.flush()?;
    }
    Ok(())
}
