//! Plain guidance, one line at a time, for screen readers, pipes and speech (`cramp run --plain`).
//! Only the wording and the milestones live here; the binary does the waiting and the writing.

use std::time::Duration;

use super as s;
use crate::content::Routine;
use crate::runner::{Segment, SegmentKind};
use crate::text::clock;

/// How long an untimed step holds when nobody can press Enter (stdin is not a terminal).
pub const UNATTENDED_HOLD: Duration = Duration::from_secs(30);

/// The opening line: what is about to run.
pub fn header(routine: &Routine) -> String {
    let plus = if routine.has_untimed_steps() {
        " plus holding time"
    } else {
        ""
    };
    let n = routine.steps.len();
    let steps = if n == 1 { "step" } else { "steps" };
    format!(
        "{}: {n} {steps}, {}{plus}",
        routine.title,
        clock(routine.total_seconds())
    )
}

/// The line that starts a segment.
pub fn segment_line(routine: &Routine, seg: &Segment) -> String {
    let total = routine.steps.len();
    match seg.kind {
        SegmentKind::LeadIn => {
            let first = routine.steps.first().map_or("", |st| st.title.as_str());
            format!("{} · {} · first: {first}", s::GET_READY, length(seg))
        }
        SegmentKind::Rest => format!("{} · {}", s::REST, length(seg)),
        SegmentKind::Position => {
            let title = routine
                .steps
                .get(seg.step)
                .map_or("", |st| st.title.as_str());
            format!("{} · {}", s::position_for(title), length(seg))
        }
        SegmentKind::Switch => match seg.side {
            Some(side) => format!("{} · {}", s::switch_to(side), length(seg)),
            None => format!("{} · {}", s::SWITCH_TITLE, length(seg)),
        },
        SegmentKind::Step => {
            let Some(step) = routine.steps.get(seg.step) else {
                return String::new();
            };
            let mut parts = vec![format!("Step {}/{total}", seg.step + 1), step.title.clone()];
            if let Some(side) = seg.side {
                parts.push(side.as_str().to_string());
            }
            if seg.reps > 1 {
                parts.push(format!("{} of {}", seg.rep, seg.reps));
            }
            // An untimed step's length is said once, by the line that follows ("press Enter when
            // it lets go"), not again here.
            if seg.duration.is_some() {
                parts.push(length(seg));
            }
            parts.push(step.text.clone());
            parts.join(" · ")
        }
    }
}

fn length(seg: &Segment) -> String {
    match seg.duration {
        Some(d) => clock(d.as_secs()),
        None => "until it lets go".to_string(),
    }
}

/// What to say while an untimed step waits.
pub fn untimed_prompt(interactive: bool) -> String {
    if interactive {
        "  press Enter when it lets go".to_string()
    } else {
        format!("  holding {} s", UNATTENDED_HOLD.as_secs())
    }
}

/// Remaining-time milestones, in seconds left, for a timed segment of `length`: a line each minute in
/// long steps, then at 30 and 10 seconds. Short holds (10 s or less) get none: their start line is enough.
pub fn milestones(length: Duration) -> Vec<u64> {
    let secs = length.as_secs();
    let mut marks: Vec<u64> = (1..).map(|m| m * 60).take_while(|&m| m < secs).collect();
    marks.reverse();
    marks.extend([30, 10].into_iter().filter(|&m| m < secs && secs > 10));
    marks.dedup();
    marks
}

pub fn milestone_line(seconds_left: u64) -> String {
    format!("  {} left", clock(seconds_left))
}

pub fn switch_sides_line() -> String {
    format!("  {}", s::SWITCH_SIDES)
}

pub fn stopped_line(routine: &Routine, took: Duration) -> String {
    format!(
        "{} · {} · {}",
        s::LEFT_MIDWAY,
        routine.title,
        clock(took.as_secs())
    )
}

/// The plain log prompt's questions: what each key means; Enter skips.
pub const LOG_INTRO: &str = "Log this cramp? One key a question, Enter skips it, q skips the rest.";
pub const LOG_MUSCLE: &str = "  muscle? c calf · f foot · t thigh · o other";
pub const LOG_SIDE: &str = "  side? l left · r right · b both";
pub const LOG_INTENSITY: &str = "  how bad? 1 (mild) to 5 (worst)";
pub const LOG_SYMPTOMS: &str = "  weakness, numbness, swelling or skin change? y · n";
pub const LOG_SKIPPED: &str = "  not logged";
pub const ANSWER_SKIPPED: &str = "    (skipped)";
/// Said once at the start on a terminal.
pub const KEYS_HINT: &str = "  keys: Enter when a hold lets go · q stops · Ctrl-C quits";

/// The answer just given, said back.
pub fn answer(word: &str) -> String {
    format!("    {word}")
}

/// After a routine that completes a habit.
pub fn habit_ticked(habit: &str) -> String {
    format!("  {} · {habit} ticked for tonight", s::SAVED)
}

/// After a cramp reached the diary.
pub fn cramp_logged(id: &str) -> String {
    format!("  {} · {} #{id}", s::SAVED, s::CRAMP_LOGGED)
}

pub fn done_line(routine: &Routine, took: Duration) -> String {
    format!(
        "{} · {} · {}",
        s::DONE_TITLE,
        routine.title,
        clock(took.as_secs())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_are_sensible() {
        assert_eq!(milestones(Duration::from_secs(10)), Vec::<u64>::new());
        assert_eq!(milestones(Duration::from_secs(30)), vec![10]);
        assert_eq!(milestones(Duration::from_secs(60)), vec![30, 10]);
        assert_eq!(milestones(Duration::from_secs(150)), vec![120, 60, 30, 10]);
    }
}
