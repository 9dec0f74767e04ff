//! Done: what was completed, the keys that start it again or go home, and what happens once a
//! cramp is in the diary.

use std::time::Instant;

use super::{App, Effect, JournalView, Key, LogPrompt, Overlay, Screen};
use crate::content::RoutineKind;
use crate::journal::{Episode, Journal};
use crate::runner::Runner;
use crate::strings;

impl App {
    /// The done screen for a routine that ended (or was left midway) at `now`.
    pub(super) fn done_screen(
        &self,
        routine: usize,
        runner: &Runner,
        now: Instant,
        finished: bool,
    ) -> Screen {
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

    /// Keys on the done screen once the prompt is saved or skipped (or after bedtime).
    pub(super) fn done_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        let Screen::Done { routine, .. } = &self.screen else {
            return Vec::new();
        };
        let routine = *routine;
        if self.scroll_done(key) {
            return Vec::new();
        }
        match key {
            Key::Char('r') => self.start(routine, now),
            Key::Enter | Key::Char('q') | Key::Esc => {
                self.screen = Screen::Home;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// ↑↓ move a done screen that does not fit; true if `key` was one of them.
    fn scroll_done(&mut self, key: Key) -> bool {
        match key {
            Key::Up => self.done_scroll = self.done_scroll.saturating_sub(1),
            Key::Down => self.done_scroll = (self.done_scroll + 1).min(MAX_DONE_SCROLL),
            _ => return false,
        }
        true
    }

    /// Closes the log prompt: the done screen stays, with its own keys (Enter home, r again).
    pub(super) fn close_prompt(&mut self) {
        if let Screen::Done { prompt, .. } = &mut self.screen {
            *prompt = None;
        }
        self.done_scroll = 0;
    }

    pub(super) fn prompt_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
        if self.scroll_done(key) {
            return Vec::new();
        }
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
                self.close_prompt();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// A cramp reached the diary on disk: `journal` is the journal as written. The done screen
    /// stays (its prompt closed); warning signs open "When to get help", saying why.
    pub(super) fn episode_saved(&mut self, journal: Journal, episode: &Episode) {
        self.status = Some(format!(
            "{} · {} #{}",
            strings::SAVED,
            strings::CRAMP_LOGGED,
            journal.short_id(&episode.id)
        ));
        self.journal = JournalView::Ready(journal);
        self.close_prompt();
        let flags = episode.red_flags();
        if !flags.is_empty() {
            self.status = Some(format!("{} · {}", strings::RED_FLAG_NOTE, flags.join(", ")));
            self.open(Overlay::GetHelp);
            self.get_help_reason = Some(strings::get_help_because(&flags));
        }
    }
}

/// Most rows a done screen is ever scrolled by.
const MAX_DONE_SCROLL: u16 = 60;
