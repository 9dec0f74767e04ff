//! The runner: starting a routine, time passing, the runner's keys, and the bell and speech at
//! each change. Finishing a routine that completes a habit (the bedtime stretch) ticks it.

use std::time::Instant;

use super::{App, Bell, Effect, Key, Screen};
use crate::config::keys::RunnerCommand;
use crate::habits::Change;
use crate::runner::{ADD_TIME, Cue, Plan, SegmentKind};
use crate::strings;

/// Most rows an instruction is ever scrolled by (a paragraph on a 20-column terminal).
const MAX_TEXT_SCROLL: usize = 60;

impl App {
    /// Starts routine `id`; nothing happens if there is none.
    pub(super) fn start_by_id(&mut self, id: &str, now: Instant) -> Vec<Effect> {
        match self.content.routines.iter().position(|r| r.id == id) {
            Some(index) => self.start(index, now),
            None => Vec::new(),
        }
    }

    pub(super) fn start(&mut self, index: usize, now: Instant) -> Vec<Effect> {
        let Some(routine) = self.content.routines.get(index) else {
            return Vec::new();
        };
        let runner =
            crate::runner::Runner::new(Plan::build(routine, self.config.lead_in_seconds), now);
        self.screen = Screen::Running {
            routine: index,
            runner,
        };
        self.overlay = None;
        self.runner_scroll = (0, 0);
        self.cue_effects(Cue::Segment)
    }

    /// Time passing: moves the runner past any deadline reached.
    pub(super) fn tick(&mut self, now: Instant) -> Vec<Effect> {
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
            // Done means every step ran to its end: skipping through with `n` is not the stretch
            // done, and is shown as stopped.
            let complete = self
                .content
                .routines
                .get(*routine)
                .is_some_and(|r| runner.completed_steps().len() >= r.steps.len());
            // A routine that completes a habit (the bedtime stretch) ticks it for tonight.
            if complete
                && let Some(habit) = self
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
            self.screen = self.done_screen(*routine, runner, now, complete);
            self.done_scroll = 0;
        }
        effects
    }

    pub(super) fn runner_key(&mut self, key: Key, now: Instant) -> Vec<Effect> {
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
                self.runner_scroll = (0, 0);
                Some(Cue::Segment)
            }
            (Key::Up | Key::Char('k'), None) => {
                self.runner_scroll = scrolled(self.runner_scroll, runner.index(), false);
                None
            }
            (Key::Down | Key::Char('j'), None) => {
                self.runner_scroll = scrolled(self.runner_scroll, runner.index(), true);
                None
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
                self.done_scroll = 0;
                None
            }
            _ => None,
        };
        if let Some(cue) = cue {
            effects.extend(self.after_cue(cue, now));
        }
        effects
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
            SegmentKind::Position => strings::position_for(&routine.steps.get(seg.step)?.title),
            SegmentKind::Switch => match seg.side {
                Some(side) => strings::switch_to(side),
                None => strings::SWITCH_TITLE.to_string(),
            },
            SegmentKind::Step => routine.steps.get(seg.step)?.title.clone(),
        };
        Some(match seg.side {
            Some(side) if seg.kind == SegmentKind::Step => {
                format!("{title}, {} side", side.as_str())
            }
            _ => title,
        })
    }
}

/// The instruction's scroll after ↑ or ↓ in segment `segment` (a new segment starts at the top;
/// the view stops at the last row, the model only keeps the count sane).
fn scrolled((at, rows): (usize, usize), segment: usize, down: bool) -> (usize, usize) {
    let rows = if at == segment { rows } else { 0 };
    let rows = if down {
        (rows + 1).min(MAX_TEXT_SCROLL)
    } else {
        rows.saturating_sub(1)
    };
    (segment, rows)
}
