//! The effect runner: carries out what the model asked for (rings, speech, journal changes) and
//! keeps the rings still to sound.

use std::collections::VecDeque;
use std::process::{Command, Stdio};
use std::time::Instant;

use cramp_coach::app::{App, Effect, Msg, RING_GAP};

use super::backend::CalmBackend;
use super::journal::JournalLink;

/// Rings still to sound.
#[derive(Default)]
pub struct Cues {
    pub rings: VecDeque<Instant>,
}

impl Cues {
    /// Carries out `effects`; returns what came of them, as messages for the model.
    pub fn apply(
        &mut self,
        effects: Vec<Effect>,
        app: &App,
        journal: &mut JournalLink,
        now: Instant,
    ) -> Vec<Msg> {
        let mut msgs = Vec::new();
        for effect in effects {
            let msg = match effect {
                Effect::Bell(pattern) => {
                    self.rings.clear();
                    self.rings
                        .extend((0..pattern.rings()).map(|i| now + RING_GAP * i));
                    None
                }
                Effect::Speak(words) => speak(&app.config.speak_command, &words).err().map(|e| {
                    let program = app.config.speak_command.first().map_or(String::new(), |p| {
                        cramp_coach::text::sanitize(p).into_owned()
                    });
                    Msg::SpeechFailed(format!("{program}: {e}"))
                }),
                Effect::Journal {
                    night,
                    habit,
                    change,
                } => journal.change(app, night, &habit, change),
                Effect::LogEpisode {
                    prompt,
                    since_start,
                } => journal.log(&prompt, since_start),
                Effect::Night { night, change } => journal.night(night, change),
            };
            msgs.extend(msg);
        }
        msgs
    }

    /// Rings every bell that is due; returns whether any rang.
    pub fn ring_due(&mut self, out: &mut CalmBackend, now: Instant) -> bool {
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
