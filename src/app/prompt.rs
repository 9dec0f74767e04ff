//! The cramp-log prompt after relief: single keys, anything left unset stays unset, and the
//! episode it becomes.

use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::Key;
use crate::content::Muscle;
use crate::journal::diary::MAX_SECONDS;
use crate::journal::{Episode, LegSide};

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
    /// Takes a choice key; false if `key` is not one.
    pub(super) fn key(&mut self, key: Key) -> bool {
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

    /// The diary entry for what was chosen, for a cramp that began at `began` (the wall clock when
    /// the session started) in zone `tz`.
    pub fn episode(&self, began: Timestamp, tz: &TimeZone) -> Episode {
        Episode {
            muscle: self.muscle,
            side: self.side,
            intensity: self.intensity,
            seconds: Some(self.relief.as_secs().min(u64::from(MAX_SECONDS)) as u32),
            symptoms: self.symptoms,
            routine: Some(self.routine.clone()),
            steps: self.steps.clone(),
            ..Episode::begun(began, tz)
        }
    }
}
