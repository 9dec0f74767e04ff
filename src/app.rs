//! The app model: what is on screen, and how keys and time change it. No terminal, no clock.
//!
//! `App::key` and `App::tick` take the instant as an input and return [`Effect`]s; the terminal
//! edge carries them out (ring the bell, speak, quit).

use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::config::Config;
use crate::config::keys::RunnerCommand;
use crate::content::{Content, Habit, Muscle, Routine, RoutineKind};
use crate::habits::{BACKFILL_NIGHTS, Change};
use crate::journal::Journal;
use crate::journal::diary::{Episode, LegSide};
use crate::runner::{ADD_TIME, Cue, Plan, Runner, SegmentKind};
use crate::strings;

pub use crate::config::keys::Key;

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

/// Something the terminal edge must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Bell(Bell),
    Speak(String),
    /// Change the journal (under its lock, durably); the result comes back through
    /// [`App::journal_saved`] or [`App::journal_failed`].
    Journal {
        night: Date,
        habit: String,
        change: Change,
    },
    /// Add a cramp to the diary; it began `since_start` ago. The result comes back through
    /// [`App::episode_saved`] or [`App::journal_failed`].
    LogEpisode {
        prompt: LogPrompt,
        since_start: Duration,
    },
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

/// The cramp-log prompt: single keys, anything left unset stays unset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogPrompt {
    pub routine: String,
    pub muscle: Option<Muscle>,
    pub side: Option<LegSide>,
    pub intensity: Option<u8>,
    pub symptoms: Option<bool>,
    /// When the session began (the episode's start).
    pub started_at: Instant,
    /// How long until it let go.
    pub relief: Duration,
    pub steps: Vec<u16>,
}

impl LogPrompt {
    fn key(&mut self, key: Key) -> bool {
        match key {
            Key::Char('m') => {
                let next = match self.muscle {
                    None => Muscle::Calf,
                    Some(m) => {
                        let i = Muscle::ALL.iter().position(|x| *x == m).unwrap_or(0);
                        Muscle::ALL[(i + 1) % Muscle::ALL.len()]
                    }
                };
                self.muscle = Some(next);
            }
            Key::Char('c') => self.muscle = Some(Muscle::Calf),
            Key::Char('f') => self.muscle = Some(Muscle::Foot),
            Key::Char('t') => self.muscle = Some(Muscle::Thigh),
            Key::Char('o') => self.muscle = Some(Muscle::Other),
            Key::Char('l') => self.side = Some(LegSide::Left),
            Key::Char('r') => self.side = Some(LegSide::Right),
            Key::Char('b') => self.side = Some(LegSide::Both),
            Key::Char(c @ '1'..='5') => self.intensity = Some(c as u8 - b'0'),
            Key::Char('y') => self.symptoms = Some(true),
            Key::Char('n') => self.symptoms = Some(false),
            _ => return false,
        }
        true
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub content: Content,
    pub config: Config,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: u16,
    /// Selected row on home, an index into `Content::routines_for_home`.
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
    /// Tonight, by the wall clock and `day_starts_at` (the edge keeps it current).
    pub tonight: Date,
    pub journal: JournalView,
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
            quit: false,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Routines in home order.
    pub fn home_routines(&self) -> Vec<&Routine> {
        self.content.routines_for_home()
    }

    pub fn routine(&self, index: usize) -> Option<&Routine> {
        self.content.routines.get(index)
    }

    /// Starts routine `id` (content order); `false` if there is none.
    pub fn start_by_id(&mut self, id: &str, now: Instant) -> Option<Vec<Effect>> {
        let index = self.content.routines.iter().position(|r| r.id == id)?;
        Some(self.start(index, now))
    }

    fn start(&mut self, index: usize, now: Instant) -> Vec<Effect> {
        let Some(routine) = self.content.routines.get(index) else {
            return Vec::new();
        };
        let runner = Runner::new(Plan::build(routine, self.config.lead_in_seconds), now);
        self.screen = Screen::Running {
            routine: index,
            runner,
        };
        self.overlay = None;
        self.cue_effects(Cue::Segment)
    }

    fn start_home_row(&mut self, row: usize, now: Instant) -> Vec<Effect> {
        let Some(id) = self.home_routines().get(row).map(|r| r.id.clone()) else {
            return Vec::new();
        };
        self.selected = row;
        self.start_by_id(&id, now).unwrap_or_default()
    }

    /// When the screen next changes by itself; `None` when nothing moves.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        match &self.screen {
            Screen::Running { runner, .. } => runner.next_wake(now),
            _ => None,
        }
    }

    /// Time passing: moves the runner past any deadline reached.
    pub fn tick(&mut self, now: Instant) -> Vec<Effect> {
        let Screen::Running { runner, .. } = &mut self.screen else {
            return Vec::new();
        };
        match runner.advance(now) {
            Some(cue) => self.after_cue(cue, now),
            None => Vec::new(),
        }
    }

    fn after_cue(&mut self, cue: Cue, now: Instant) -> Vec<Effect> {
        let mut effects = self.cue_effects(cue);
        if cue == Cue::Done
            && let Screen::Running { routine, runner } = &self.screen
        {
            // A routine that completes a habit (the bedtime stretch) ticks it for tonight.
            if let Some(habit) = self
                .content
                .routines
                .get(*routine)
                .and_then(|r| r.completes_habit.clone())
            {
                effects.push(Effect::Journal {
                    night: self.tonight,
                    habit,
                    change: Change::Check,
                });
            }
            self.screen = self.done_screen(*routine, runner, now, true);
        }
        effects
    }

    /// The done screen for a routine that ended (or was left midway) at `now`.
    fn done_screen(&self, routine: usize, runner: &Runner, now: Instant, finished: bool) -> Screen {
        let r = self.content.routines.get(routine);
        let prompt = r
            .filter(|r| r.kind == RoutineKind::Relief)
            .map(|r| LogPrompt {
                routine: r.id.clone(),
                muscle: r.muscle,
                side: None,
                intensity: None,
                symptoms: None,
                started_at: runner.started_at(),
                relief: runner
                    .released_at()
                    .unwrap_or(now)
                    .saturating_duration_since(runner.started_at()),
                steps: runner.completed_steps(),
            });
        Screen::Done {
            routine,
            took: now.saturating_duration_since(runner.started_at()),
            steps_done: runner.completed_steps().len(),
            finished,
            prompt,
        }
    }

    /// A cramp reached the diary on disk: `journal` is the journal as written.
    pub fn episode_saved(&mut self, journal: Journal, episode: &Episode) {
        self.journal = JournalView::Ready(journal);
        self.screen = Screen::Home;
        self.status = Some(format!(
            "{} · {} #{}",
            strings::SAVED,
            strings::CRAMP_LOGGED,
            episode.id
        ));
        if !episode.red_flags().is_empty() {
            self.status = Some(format!(
                "{} · {}",
                strings::RED_FLAG_NOTE,
                episode.red_flags().join(", ")
            ));
            self.open(Overlay::GetHelp);
        }
    }

    /// The bell and speech for a cue, as configured.
    fn cue_effects(&self, cue: Cue) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.config.bell {
            effects.push(Effect::Bell(match cue {
                Cue::Segment => Bell::Step,
                Cue::SwitchSide => Bell::SwitchSide,
                Cue::Done => Bell::Done,
            }));
        }
        if !self.config.speak_command.is_empty()
            && let Some(words) = self.spoken(cue)
        {
            effects.push(Effect::Speak(words));
        }
        effects
    }

    /// What speech says at a cue: the step title and side, "rest", or "done".
    fn spoken(&self, cue: Cue) -> Option<String> {
        let Screen::Running { routine, runner } = &self.screen else {
            return None;
        };
        let routine = self.content.routines.get(*routine)?;
        if cue == Cue::Done {
            return Some(format!("{}. {}", strings::DONE_TITLE, routine.title));
        }
        let seg = runner.current()?;
        let title = match seg.kind {
            SegmentKind::LeadIn => format!("{}. {}", strings::GET_READY, routine.title),
            SegmentKind::Rest => strings::REST.to_string(),
            SegmentKind::Step => routine.steps.get(seg.step)?.title.clone(),
        };
        Some(match seg.side {
            Some(side) if seg.kind == SegmentKind::Step => {
                format!("{title}, {} side", side.as_str())
            }
            _ => title,
        })
    }

    /// The night the habits pane shows.
    pub fn shown_night(&self) -> Date {
        self.tonight
            .checked_sub(jiff::Span::new().days(self.nights_back))
            .unwrap_or(self.tonight)
    }

    pub fn selected_habit(&self) -> Option<&Habit> {
        self.content.habits.get(self.habit_selected)
    }

    /// The clock passed the end of a night.
    pub fn set_tonight(&mut self, tonight: Date) {
        self.tonight = tonight;
    }

    /// The journal as read from disk (at start, or after someone else changed it).
    pub fn journal_loaded(&mut self, journal: Result<Journal, String>) {
        self.journal = match journal {
            Ok(j) => JournalView::Ready(j),
            Err(e) => JournalView::Unreadable(e),
        };
    }

    /// A change reached the disk: this is the journal as written.
    pub fn journal_saved(&mut self, journal: Journal, habit: &str, night: Date) {
        let state = match self.content.habit(habit) {
            Some(h) => {
                let count = journal.count(night, habit);
                match h.target {
                    Some(t) => format!("{count}/{t}"),
                    None if count > 0 => strings::TICKED.to_string(),
                    None => strings::UNTICKED.to_string(),
                }
            }
            None => String::new(),
        };
        self.status = Some(format!(
            "{} · {habit} {state} · {}",
            strings::SAVED,
            night_label(night, self.tonight)
        ));
        self.journal = JournalView::Ready(journal);
    }

    /// Another cramp holds the journal's lock: the change waits (relief goes on meanwhile).
    pub fn journal_waiting(&mut self) {
        self.status = Some(strings::WAITING_FOR_LOCK.to_string());
    }

    /// A change could not be made; the journal on disk is as it was.
    pub fn journal_failed(&mut self, error: String, unreadable: bool) {
        self.status = Some(format!("{}: {error}", strings::NOT_SAVED));
        if unreadable {
            self.journal = JournalView::Unreadable(error);
        }
    }

    pub fn key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        self.status = None;
        if key == Key::CtrlC {
            self.quit = true;
            return Vec::new();
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
            Screen::Insights => {
                if matches!(key, Key::Esc | Key::Char('q') | Key::Char('i') | Key::Enter) {
                    self.screen = Screen::Home;
                }
                Vec::new()
            }
            Screen::Done { routine, .. } => {
                let routine = *routine;
                match key {
                    Key::Char('r') => self.start(routine, now),
                    Key::Enter | Key::Char('q') | Key::Esc => {
                        self.screen = Screen::Home;
                        Vec::new()
                    }
                    _ => Vec::new(),
                }
            }
        }
    }

    fn prompt_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        let Screen::Done {
            prompt: Some(prompt),
            ..
        } = &mut self.screen
        else {
            return Vec::new();
        };
        if prompt.key(key) {
            return Vec::new();
        }
        match key {
            Key::Enter => {
                let since_start = now.saturating_duration_since(prompt.started_at);
                vec![Effect::LogEpisode {
                    prompt: prompt.clone(),
                    since_start,
                }]
            }
            Key::Esc | Key::Char('q') => {
                self.screen = Screen::Home;
                Vec::new()
            }
            _ => Vec::new(),
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
        }
        Vec::new()
    }

    fn home_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        let rows = self.home_routines().len();
        let habits = self.content.habits.len();
        let on_habits = self.focus == Focus::Habits && habits > 0;
        match key {
            Key::Tab | Key::BackTab if habits > 0 => {
                self.focus = if on_habits {
                    Focus::Routines
                } else {
                    Focus::Habits
                };
            }
            Key::Left | Key::Char('h') => {
                self.nights_back = (self.nights_back + 1).min(BACKFILL_NIGHTS);
            }
            Key::Right | Key::Char('l') => self.nights_back = (self.nights_back - 1).max(0),
            Key::Up | Key::Char('k') if on_habits => {
                self.habit_selected = self.habit_selected.saturating_sub(1);
            }
            Key::Down | Key::Char('j') if on_habits => {
                self.habit_selected = (self.habit_selected + 1).min(habits - 1);
            }
            Key::Char(' ') | Key::Enter if on_habits => return self.change_habit(Change::Toggle),
            Key::Char('-') | Key::Backspace if on_habits => {
                return self.change_habit(Change::Undo);
            }
            Key::Up | Key::Char('k') => self.selected = self.selected.saturating_sub(1),
            Key::Down | Key::Char('j') => {
                self.selected = (self.selected + 1).min(rows.saturating_sub(1));
            }
            Key::Enter => return self.start_home_row(self.selected, now),
            Key::Char(c @ '1'..='9') => return self.start_home_row(c as usize - '1' as usize, now),
            Key::Char('i') => self.screen = Screen::Insights,
            Key::Char('q') | Key::Esc => {
                self.quit = true;
                return Vec::new();
            }
            _ => {}
        }
        Vec::new()
    }

    fn change_habit(&mut self, change: Change) -> Vec<Effect> {
        if let JournalView::Unreadable(e) = &self.journal {
            self.status = Some(format!("{}: {e}", strings::NOT_SAVED));
            return Vec::new();
        }
        if self.journal == JournalView::Loading {
            return Vec::new();
        }
        let Some(habit) = self.selected_habit() else {
            return Vec::new();
        };
        vec![Effect::Journal {
            night: self.shown_night(),
            habit: habit.id.clone(),
            change,
        }]
    }

    fn runner_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        let Screen::Running { runner, .. } = &mut self.screen else {
            return Vec::new();
        };
        // Bring the runner up to date first, so a key acts on what is on screen now. If that ended
        // the routine, the key is not carried over to the done screen.
        let mut effects = Vec::new();
        if let Some(cue) = runner.advance(now) {
            effects = self.after_cue(cue, now);
        }
        let Screen::Running { runner, .. } = &mut self.screen else {
            return effects;
        };
        let cue = match (key, self.config.keys.command(key)) {
            (_, Some(RunnerCommand::Pause)) => {
                runner.toggle_pause(now);
                None
            }
            (_, Some(RunnerCommand::LetGo)) => runner.finish_untimed(now),
            (_, Some(RunnerCommand::Next)) => runner.next(now),
            (_, Some(RunnerCommand::Previous)) => runner.previous(now),
            (_, Some(RunnerCommand::AddTime)) => {
                runner.add_time(now, ADD_TIME);
                None
            }
            (_, Some(RunnerCommand::Restart)) => {
                runner.restart(now);
                Some(Cue::Segment)
            }
            (Key::Char('q') | Key::Esc, None) => {
                // Left midway: a relief routine still offers the cramp log.
                let Screen::Running { routine, runner } = &self.screen else {
                    return effects;
                };
                let left = self.done_screen(*routine, runner, now, false);
                let relief = matches!(
                    &left,
                    Screen::Done {
                        prompt: Some(_),
                        ..
                    }
                );
                self.screen = if relief { left } else { Screen::Home };
                None
            }
            _ => None,
        };
        if let Some(cue) = cue {
            effects.extend(self.after_cue(cue, now));
        }
        effects
    }
}

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
