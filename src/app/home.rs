//! Home: moving through the routines, starting one, and the habits pane (focus, ticks, nights).

use std::time::Instant;

use jiff::civil::Date;

use super::{App, Effect, Focus, JournalView, Key, Screen, night_label};
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
        self.journal = JournalView::Ready(journal);
    }
}
