//! The app model: what is on screen, and how messages change it. No terminal, no clock.
//!
//! Everything reaches the model through one door, [`App::update`]: a [`Msg`] (a key, time passing,
//! the journal read or saved, a new night…) and the instant it happened. It returns the
//! [`Effect`]s the terminal edge must carry out (ring the bell, speak, change the journal); their
//! results come back as messages. The edge reads the model to draw it and never writes it.
//!
//! `home` holds the home screen's keys and the habits pane, `running` the runner's keys and cues,
//! `done` the done screen, and `prompt` the cramp-log prompt.

mod done;
mod home;
mod prompt;
mod running;

use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::config::Config;
use crate::content::{Content, Habit, Routine};
use crate::habits::Change;
use crate::journal::Episode;
use crate::journal::Journal;
use crate::runner::Runner;
use crate::strings;

pub use crate::config::keys::Key;
pub use prompt::LogPrompt;

/// How the bell rings: a different pattern for each kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bell {
    Step,
    SwitchSide,
    Done,
}

/// Gap between the rings of one bell pattern.
pub const RING_GAP: Duration = Duration::from_millis(300);

impl Bell {
    /// How many rings, spaced apart.
    pub fn rings(self) -> u32 {
        match self {
            Bell::Step => 1,
            Bell::SwitchSide => 2,
            Bell::Done => 3,
        }
    }
}

/// Everything that can happen to the model, from the terminal, the clock or the journal.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key, as the edge translated the terminal's event.
    Key(Key),
    /// Time passed (the timer fired): the runner moves past any deadline reached.
    Tick,
    /// Straight into a routine by id (`cramp run ID`).
    Start(String),
    /// The clock passed the end of a night: this is the night now.
    NewNight(Date),
    /// The journal as read from disk (at start, or after someone else changed it), or why not.
    JournalLoaded(Result<Journal, String>),
    /// A habit change reached the disk: `journal` is the journal as written.
    JournalSaved {
        journal: Journal,
        habit: String,
        night: Date,
    },
    /// A cramp reached the diary on disk, with the id it was given.
    EpisodeSaved { journal: Journal, episode: Episode },
    /// A night's skip or note reached the disk: `journal` is the journal as written.
    NightSaved {
        journal: Journal,
        night: Date,
        change: NightChange,
    },
    /// Another cramp holds the journal's lock: the change waits (relief goes on meanwhile).
    JournalWaiting,
    /// A change could not be made; the journal on disk is as it was.
    JournalFailed { error: String, unreadable: bool },
    /// The speech program could not be started: said once, then speech stays quiet about it.
    SpeechFailed(String),
    /// A one-off line for the status line (a data folder others can write, say).
    Notice(String),
}

/// Something the terminal edge must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Bell(Bell),
    Speak(String),
    /// Change the journal (under its lock, durably); the result comes back as
    /// [`Msg::JournalSaved`] or [`Msg::JournalFailed`].
    Journal {
        night: Date,
        habit: String,
        change: Change,
    },
    /// Skip a night, count it again, or set its note (under the lock, durably); the result comes
    /// back as [`Msg::NightSaved`] or [`Msg::JournalFailed`].
    Night {
        night: Date,
        change: NightChange,
    },
    /// Add a cramp to the diary; it began `since_start` ago (the edge builds the episode with
    /// [`LogPrompt::episode`]). The result comes back as [`Msg::EpisodeSaved`] or
    /// [`Msg::JournalFailed`].
    LogEpisode {
        prompt: LogPrompt,
        since_start: Duration,
    },
}

/// A change to a night as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NightChange {
    /// It does not count (no reason given from the pane).
    Skip,
    /// It counts again.
    Unskip,
    /// Its note (`None`: taken away).
    Note(Option<String>),
}

impl NightChange {
    /// Makes the change; false if the night already was so.
    pub fn apply(&self, journal: &mut Journal, night: Date) -> bool {
        match self {
            NightChange::Skip => journal.set_skip(night, Some(String::new())),
            NightChange::Unskip => journal.set_skip(night, None),
            NightChange::Note(text) => journal.set_note(night, text.clone()),
        }
    }
}

/// Which list on home the arrow keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Routines,
    Habits,
}

/// The journal as the habits pane knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalView {
    /// Not read yet (it is read just after the first frame).
    Loading,
    Ready(Journal),
    /// Could not be read or parsed: one line naming the file; nothing will be written to it.
    Unreadable(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    GetHelp,
}

/// Routines are named by their index in `content.routines`, which is in home order (relief first,
/// then bedtime), so the home list, the number keys and the runner share one index.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    /// Insights (`i` on home).
    Insights,
    Running {
        routine: usize,
        runner: Runner,
    },
    Done {
        routine: usize,
        took: Duration,
        /// Steps that ran to their end.
        steps_done: usize,
        /// False when the routine was left midway.
        finished: bool,
        /// The cramp-log prompt, open after a relief routine until saved or skipped.
        prompt: Option<LogPrompt>,
    },
}

/// The model. Its fields are public for the views to read; only [`App::update`] changes them.
#[derive(Debug, Clone)]
pub struct App {
    pub content: Content,
    pub config: Config,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: u16,
    /// Selected row on home, an index into `content.routines`.
    pub selected: usize,
    /// Lasting warnings (a broken file), one line each.
    pub warnings: Vec<String>,
    /// A one-off message for the status line, cleared by the next key.
    pub status: Option<String>,
    pub focus: Focus,
    /// Selected habit in the pane, an index into `content.habits`.
    pub habit_selected: usize,
    /// The night the habits pane shows: tonight minus this many nights.
    pub nights_back: i32,
    /// Tonight, by the wall clock and `day_starts_at` (the edge says when it changes).
    pub tonight: Date,
    pub journal: JournalView,
    /// How far the runner's instruction is scrolled (↑↓) when it does not fit, and in which
    /// segment: a new segment starts at the top.
    runner_scroll: (usize, usize),
    /// How far the done screen is scrolled (↑↓) when it does not fit.
    pub done_scroll: u16,
    /// How far insights are scrolled (↑↓, PgUp/PgDn, Home/End) when they do not fit.
    pub insights_scroll: u16,
    /// Why "When to get help" opened by itself (a logged cramp's warning signs), for its first line.
    pub get_help_reason: Option<String>,
    /// Speech failed once already: not said again.
    speech_failed: bool,
    /// A note being typed (`n` in the habits pane): the night it is for (the one shown when `n`
    /// was pressed) and its text so far.
    pub note_input: Option<(Date, String)>,
    quit: bool,
}

impl App {
    pub fn new(content: Content, config: Config, warnings: Vec<String>, tonight: Date) -> App {
        App {
            focus: Focus::Routines,
            habit_selected: 0,
            nights_back: 0,
            tonight,
            journal: JournalView::Loading,
            content,
            config,
            screen: Screen::Home,
            overlay: None,
            overlay_scroll: 0,
            selected: 0,
            warnings,
            status: None,
            runner_scroll: (0, 0),
            done_scroll: 0,
            insights_scroll: 0,
            get_help_reason: None,
            speech_failed: false,
            note_input: None,
            quit: false,
        }
    }

    /// The one way in: what happened, and when.
    pub fn update(&mut self, msg: Msg, now: Instant) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => return self.key(key, now),
            Msg::Tick => return self.tick(now),
            Msg::Start(id) => return self.start_by_id(&id, now),
            Msg::NewNight(tonight) => self.tonight = tonight,
            Msg::JournalLoaded(journal) => {
                self.journal = match journal {
                    Ok(j) => {
                        self.say_notices(&j);
                        JournalView::Ready(j)
                    }
                    Err(e) => JournalView::Unreadable(e),
                };
            }
            Msg::NightSaved {
                journal,
                night,
                change,
            } => self.night_saved(journal, night, &change),
            Msg::JournalSaved {
                journal,
                habit,
                night,
            } => self.journal_saved(journal, &habit, night),
            Msg::EpisodeSaved { journal, episode } => self.episode_saved(journal, &episode),
            Msg::JournalWaiting => self.status = Some(strings::WAITING_FOR_LOCK.to_string()),
            Msg::JournalFailed { error, unreadable } => {
                self.status = Some(format!("{}: {error}", strings::NOT_SAVED));
                if unreadable {
                    self.journal = JournalView::Unreadable(error);
                    // Saving again cannot work: the log prompt closes, the done screen's keys
                    // (Enter home, r again) take over.
                    self.close_prompt();
                }
            }
            Msg::SpeechFailed(why) => {
                if !self.speech_failed {
                    self.speech_failed = true;
                    self.status = Some(format!("{}: {why}", strings::SPEECH_FAILED));
                }
            }
            Msg::Notice(line) => self.status = Some(line),
        }
        Vec::new()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Routines in home order.
    pub fn home_routines(&self) -> &[Routine] {
        &self.content.routines
    }

    pub fn routine(&self, index: usize) -> Option<&Routine> {
        self.content.routines.get(index)
    }

    /// When the screen next changes by itself; `None` when nothing moves.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        match &self.screen {
            Screen::Running { runner, .. } => runner.next_wake(now),
            _ => None,
        }
    }

    /// The night the habits pane shows.
    pub fn shown_night(&self) -> Date {
        self.tonight
            .checked_sub(jiff::Span::new().days(self.nights_back))
            .unwrap_or(self.tonight)
    }

    /// Rows the runner's instruction is scrolled by, in the segment on screen.
    pub fn runner_text_scroll(&self, runner: &Runner) -> usize {
        match self.runner_scroll {
            (segment, rows) if segment == runner.index() => rows,
            _ => 0,
        }
    }

    pub fn selected_habit(&self) -> Option<&Habit> {
        self.content.habits.get(self.habit_selected)
    }

    fn key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        self.status = None;
        if key == Key::CtrlC {
            self.quit = true;
            return Vec::new();
        }
        if self.note_input.is_some() {
            return self.note_key(key);
        }
        if self.overlay.is_some() {
            return self.overlay_key(key);
        }
        match key {
            Key::Char('?') => return self.open(Overlay::Help),
            Key::Char('!') => return self.open(Overlay::GetHelp),
            _ => {}
        }
        match &self.screen {
            Screen::Home => self.home_key(key, now),
            Screen::Running { .. } => self.runner_key(key, now),
            Screen::Done {
                prompt: Some(_), ..
            } => self.prompt_key(key, now),
            Screen::Done { .. } => self.done_key(key, now),
            Screen::Insights => {
                // The view stops at the end; a page is taken as 10 rows, the end as far as it goes.
                let s = &mut self.insights_scroll;
                match key {
                    Key::Esc | Key::Char('q') | Key::Char('i') | Key::Enter => {
                        self.screen = Screen::Home;
                    }
                    Key::Up | Key::Char('k') => *s = s.saturating_sub(1),
                    Key::Down | Key::Char('j') => *s = s.saturating_add(1).min(MAX_SCROLL),
                    Key::PageUp => *s = s.saturating_sub(PAGE),
                    Key::PageDown => *s = s.saturating_add(PAGE).min(MAX_SCROLL),
                    Key::Home => *s = 0,
                    Key::End => *s = MAX_SCROLL,
                    _ => {}
                }
                Vec::new()
            }
        }
    }

    fn open(&mut self, overlay: Overlay) -> Vec<Effect> {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
        Vec::new()
    }

    fn overlay_key(&mut self, key: Key) -> Vec<Effect> {
        match key {
            Key::Up | Key::Char('k') => self.overlay_scroll = self.overlay_scroll.saturating_sub(1),
            Key::Down | Key::Char('j') => {
                self.overlay_scroll = self.overlay_scroll.saturating_add(1).min(200)
            }
            Key::Char('?') => {
                self.overlay = (self.overlay != Some(Overlay::Help)).then_some(Overlay::Help)
            }
            Key::Char('!') => {
                self.overlay = (self.overlay != Some(Overlay::GetHelp)).then_some(Overlay::GetHelp)
            }
            Key::Esc | Key::Char('q') | Key::Enter => self.overlay = None,
            _ => {}
        }
        if self.overlay.is_none() {
            self.overlay_scroll = 0;
            self.get_help_reason = None;
        }
        Vec::new()
    }
}

/// Rows a page key scrolls by, and the most any screen is scrolled by (the views stop at the end).
const PAGE: u16 = 10;
const MAX_SCROLL: u16 = 500;

/// "tonight", "last night", or the weekday and date.
pub fn night_label(night: Date, tonight: Date) -> String {
    let back = (tonight - night).get_days();
    match back {
        0 => strings::TONIGHT.to_string(),
        1 => strings::LAST_NIGHT.to_string(),
        _ => format!(
            "{} {}",
            &night.strftime("%a %-d %b").to_string(),
            format_args!("({back} {})", strings::NIGHTS_AGO)
        ),
    }
}
