//! Home: moving through the routines, starting one, and the habits pane (focus, ticks, nights).

use std::time::Instant;

use jiff::civil::Date;

use super::{App, Effect, Focus, JournalView, Key, NightChange, Screen, night_label};
use crate::habits::{self, BACKFILL_NIGHTS, Change};
use crate::journal::Journal;
use crate::strings;

impl App {
    pub(super) fn home_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
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
            // Enter always starts the selected routine, from either list: at 3 a.m. a stray Tab
            // must not turn Enter into a change of the journal. Space ticks.
            Key::Char(' ') if on_habits => return self.change_habit(Change::Toggle),
            Key::Char('-') | Key::Backspace if on_habits => {
                return self.change_habit(Change::Undo);
            }
            Key::Char('s') if on_habits => return self.toggle_skip(),
            Key::Char('n') if on_habits => {
                let night = self.shown_night();
                match &self.journal {
                    JournalView::Ready(j) => {
                        self.note_input =
                            Some((night, j.note(night).unwrap_or_default().to_string()));
                    }
                    JournalView::Unreadable(e) => {
                        self.status = Some(format!("{}: {e}", strings::NOT_SAVED));
                    }
                    JournalView::Loading => {}
                }
            }
            Key::Up | Key::Char('k') => self.selected = self.selected.saturating_sub(1),
            Key::Down | Key::Char('j') => {
                self.selected = (self.selected + 1).min(rows.saturating_sub(1));
            }
            Key::Enter => return self.start_home_row(self.selected, now),
            Key::Char(c @ '1'..='9') => return self.start_home_row(c as usize - '1' as usize, now),
            Key::Char('i') => {
                self.screen = Screen::Insights;
                self.insights_scroll = 0;
            }
            Key::Char('q') | Key::Esc => {
                self.quit = true;
                return Vec::new();
            }
            _ => {}
        }
        Vec::new()
    }

    fn start_home_row(&mut self, row: usize, now: Instant) -> Vec<Effect> {
        if row >= self.home_routines().len() {
            return Vec::new();
        }
        self.selected = row;
        self.start(row, now)
    }

    fn change_habit(&mut self, change: Change) -> Vec<Effect> {
        if let JournalView::Unreadable(e) = &self.journal {
            self.status = Some(format!("{}: {e}", strings::NOT_SAVED));
            return Vec::new();
        }
        let (JournalView::Ready(journal), Some(habit)) = (&self.journal, self.selected_habit())
        else {
            return Vec::new();
        };
        if let Some(why) = habits::refused(journal, habit, self.shown_night(), change) {
            self.status = Some(why);
            return Vec::new();
        }
        vec![Effect::Journal {
            night: self.shown_night(),
            habit: habit.id.clone(),
            change,
        }]
    }

    /// `s` in the habits pane: the night shown is skipped, or counts again.
    fn toggle_skip(&mut self) -> Vec<Effect> {
        let JournalView::Ready(journal) = &self.journal else {
            if let JournalView::Unreadable(e) = &self.journal {
                self.status = Some(format!("{}: {e}", strings::NOT_SAVED));
            }
            return Vec::new();
        };
        let night = self.shown_night();
        let change = if journal.skipped(night).is_some() {
            NightChange::Unskip
        } else {
            NightChange::Skip
        };
        vec![Effect::Night { night, change }]
    }

    /// A key while a note is typed: letters go in, Enter saves, Esc leaves it as it was.
    pub(super) fn note_key(&mut self, key: Key) -> Vec<Effect> {
        let Some((night, text)) = &mut self.note_input else {
            return Vec::new();
        };
        match key {
            Key::Enter => {
                let (night, text) = (*night, std::mem::take(text));
                self.note_input = None;
                let note = crate::journal::clean_note(&text);
                return vec![Effect::Night {
                    night,
                    change: NightChange::Note(note),
                }];
            }
            Key::Esc => self.note_input = None,
            Key::Backspace => {
                text.pop();
            }
            Key::Char(c)
                if !c.is_control() && text.chars().count() < crate::journal::MAX_NOTE_CHARS =>
            {
                text.push(c);
            }
            _ => {}
        }
        Vec::new()
    }

    /// A skip or note reached the disk: this is the journal as written.
    pub(super) fn night_saved(&mut self, journal: Journal, night: Date, change: &NightChange) {
        let label = night_label(night, self.tonight);
        let what = match change {
            NightChange::Skip => format!("{label} {}", strings::SKIPPED),
            NightChange::Unskip => format!("{label} {}", strings::COUNTS_AGAIN),
            NightChange::Note(Some(_)) => format!("{} {label}", strings::NOTE_ON),
            NightChange::Note(None) => format!("{} {label}", strings::NOTE_CLEARED),
        };
        self.status = Some(format!("{} · {what}", strings::SAVED));
        self.say_notices(&journal);
        self.journal = JournalView::Ready(journal);
    }

    /// What the store did besides (conflict copies merged), added to the status line.
    pub(super) fn say_notices(&mut self, journal: &Journal) {
        if journal.notices.is_empty() {
            return;
        }
        let mut said: Vec<String> = self.status.take().into_iter().collect();
        said.extend(journal.notices.iter().cloned());
        self.status = Some(said.join(" · "));
    }

    /// A habit change reached the disk: this is the journal as written.
    pub(super) fn journal_saved(&mut self, journal: Journal, habit: &str, night: Date) {
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
        self.say_notices(&journal);
        self.journal = JournalView::Ready(journal);
    }
}
