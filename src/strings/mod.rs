//! Every fixed string a person reads in the app, in one place.

pub mod cli;
pub mod guide;
pub mod insights;
pub mod status;

use crate::config::keys::{Key, KeyMap, RunnerCommand};

pub const APP_TITLE: &str = "cramp-coach";
pub const APP_TAGLINE: &str = "night leg cramps";
pub const RELIEF_HEADING: &str = "Relief";
pub const BEDTIME_HEADING: &str = "Bedtime";
pub const TOO_SMALL: &str = "terminal too small";
pub const GET_READY: &str = "Get ready";
pub const REST: &str = "Rest";
pub const REST_TEXT: &str = "Ease off and breathe. Let the leg go loose.";
pub const REST_NEXT: &str = "rest";
pub const STEP: &str = "step";
pub const MORE_BELOW: &str = "↓ more";
pub const MORE_ABOVE: &str = "↑ more";
pub const DONE_NEXT: &str = "done";
pub const PAUSED: &str = "paused";
pub const UNTIMED_HINT: &str = "hold until it lets go, then Enter";
pub const NEXT: &str = "next";
pub const LEFT: &str = "LEFT";
pub const RIGHT: &str = "RIGHT";
pub const SWITCH_SIDES: &str = "switch sides";
pub const DONE_TITLE: &str = "Done";
pub const AFTERCARE_HEADING: &str = "Afterwards";
pub const GET_HELP_TITLE: &str = "When to get help";
pub const GET_HELP_NOW: &str = "Get help now";
pub const SEE_A_DOCTOR: &str = "See a doctor if";
pub const SOURCES: &str = "Sources";
pub const HELP_TITLE: &str = "Keys";
pub const SPEECH_FAILED: &str = "speech unavailable";
pub const INSIGHTS_TITLE: &str = "Insights";
pub const INSIGHTS_KEYS: &str = "↑↓ pgup pgdn scroll · ! get help · q back";
pub const CRAMP_NIGHTS_PER_WEEK: &str = "Cramp nights per week";
pub const CRAMP_FREE: &str = "Cramp-free";
pub const KEPT_VS_NOT: &str = "Cramp nights out of nights each habit was kept and not (8 weeks)";
pub const CRAMP_LOGGED: &str = "cramp";
pub const RED_FLAG_NOTE: &str = "warning sign reported";
pub const LOG_PROMPT: &str = "Log this cramp? One key is enough: Enter saves, Esc skips.";
pub const LOG_MUSCLE: &str = "muscle";
pub const LOG_SIDE: &str = "side";
pub const LOG_INTENSITY: &str = "how bad";
pub const LOG_SYMPTOMS: &str = "weakness, numbness, swelling or skin change?";
pub const LEFT_MIDWAY: &str = "Stopped";
pub const PROMPT_KEYS: &str = "m muscle · l r b side · 1-5 how bad · y n · enter save · esc skip";
pub const PROMPT_KEYS_SHORT: &str = "⏎ save esc skip";
pub const NO_DATA_DIR: &str = "no folder for the journal: set --data-dir, CRAMP_DATA_DIR or HOME";
pub const HABITS_HEADING: &str = "Habits";
pub const STREAK: &str = "streak";
pub const TONIGHT: &str = "tonight";
pub const LAST_NIGHT: &str = "last night";
pub const NIGHTS_AGO: &str = "nights ago";
pub const SAVED: &str = "saved";
pub const NOT_SAVED: &str = "not saved";
pub const WAITING_FOR_LOCK: &str = "waiting for another cramp to finish with the journal…";
pub const TICKED: &str = "done";
pub const UNTICKED: &str = "not done";
pub const JOURNAL_UNREADABLE: &str =
    "The journal could not be read; it is left as it is, and nothing is written to it:";
pub const LOADING: &str = "…";
pub const HABITS_KEYS: &str =
    "space tick · - untick · ←→ night · s skip · n note · ? keys · q quit";
pub const NOTE_KEYS: &str = "enter save · esc cancel · backspace delete";
pub const NOTE_KEYS_SHORT: &str = "⏎ save esc cancel";
pub const SKIPPED: &str = "skipped";
pub const KEPT: &str = "kept";
/// After the one-line habits summary on a small home screen.
pub const TAB_TO_OPEN: &str = "tab";
pub const COUNTS_AGAIN: &str = "counts again";
pub const NOTE_ON: &str = "note on";
pub const NOTE_CLEARED: &str = "note cleared from";
/// Under the habits heading: the night shown is skipped, and its note.
pub const SKIPPED_NIGHT: &str = "skipped: does not count";
pub const NOTE_LABEL: &str = "note:";
/// The prompt while a note is typed, before the night's label.
pub const NOTE_FOR: &str = "note for";

pub const HOME_KEYS: &str = "enter start · ↑↓ move · tab habits · i insights · ? keys · q quit";
pub const HOME_KEYS_SHORT: &str = "⏎ go ? help q quit";
pub const DONE_KEYS: &str = "enter home · r again · ! get help · q home";
pub const DONE_KEYS_SHORT: &str = "⏎ home r again";
pub const OVERLAY_KEYS: &str = "↑↓ scroll · esc close";

/// Help overlay: (keys, what they do), by screen.
pub const HELP_ANYWHERE: &[(&str, &str)] = &[
    ("q  esc", "back, or quit from home"),
    ("ctrl-c", "quit"),
    ("?", "this help"),
    ("!", "when to get help"),
];
pub const HELP_HOME: &[(&str, &str)] = &[
    ("↑ ↓  j k", "choose a routine"),
    ("enter", "start it"),
    ("1 - 9", "start routine N"),
    ("i", "insights: cramp nights and habits, in counts"),
];
pub const HELP_RUNNER_SCROLL: (&str, &str) = ("↑ ↓", "the rest of a long instruction");
pub const HELP_PROMPT: &[(&str, &str)] = &[
    (
        "m",
        "muscle: the next one (c f t o: calf, foot, thigh, other)",
    ),
    ("l r b", "side: left, right, both"),
    ("1 - 5", "how bad"),
    ("y n", "weakness, numbness, swelling or skin change?"),
    ("enter", "save (one key is enough; the rest stays unset)"),
    ("esc  q", "skip: nothing is logged"),
    ("↑ ↓", "scroll when it does not fit"),
];
pub const HELP_DONE: &[(&str, &str)] = &[
    ("enter  q", "home"),
    ("r", "the same routine again"),
    ("↑ ↓", "scroll when it does not fit"),
];
pub const HELP_INSIGHTS: &[(&str, &str)] = &[
    ("↑ ↓  j k", "scroll a line"),
    ("pgup pgdn", "scroll a page"),
    ("home end", "to the top, to the end"),
    ("enter  i  q", "home"),
];
/// Back and quit, as they work anywhere but on a prompt.
pub const HELP_ANYWHERE_SHORT: &[(&str, &str)] = &[
    ("ctrl-c", "quit"),
    ("?", "this help"),
    ("!", "when to get help"),
];
pub const HELP_HABITS: &[(&str, &str)] = &[
    ("tab", "between routines and habits"),
    ("↑ ↓  j k", "choose a habit"),
    ("space", "tick / untick (counted: one more)"),
    ("-", "take one back"),
    ("← →  h l", "the night shown: back up to 30 nights"),
    ("s", "skip the night shown (sick, away) / count it again"),
    ("n", "a note on the night shown (enter saves, empty clears)"),
];
/// What each runner command does, for the help overlay.
pub fn runner_command_help(command: RunnerCommand) -> &'static str {
    match command {
        RunnerCommand::Pause => "pause / resume",
        RunnerCommand::LetGo => "it let go: finish an untimed step",
        RunnerCommand::Next => "next step",
        RunnerCommand::Previous => "previous step",
        RunnerCommand::AddTime => "30 seconds more",
        RunnerCommand::Restart => "restart the routine",
    }
}

/// A key as the help and key lines show it.
pub fn key_name(key: Key, short: bool) -> String {
    match key {
        Key::Char(' ') if short => "␣".to_string(),
        Key::Char(' ') => "space".to_string(),
        Key::Enter if short => "⏎".to_string(),
        Key::Enter => "enter".to_string(),
        Key::Left => "←".to_string(),
        Key::Right => "→".to_string(),
        Key::Up => "↑".to_string(),
        Key::Down => "↓".to_string(),
        Key::Tab | Key::BackTab => "tab".to_string(),
        Key::Backspace => "⌫".to_string(),
        Key::PageUp => "pgup".to_string(),
        Key::PageDown => "pgdn".to_string(),
        Key::Home => "home".to_string(),
        Key::End => "end".to_string(),
        Key::Esc => "esc".to_string(),
        Key::CtrlC => "ctrl-c".to_string(),
        Key::Char(c) => c.to_string(),
    }
}

fn first_key(map: &KeyMap, command: RunnerCommand, short: bool) -> String {
    map.keys(command)
        .first()
        .map_or_else(String::new, |k| key_name(*k, short))
}

/// What the runner's key line depends on besides the bindings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunnerKeyState {
    pub paused: bool,
    /// The step waits for "it let go".
    pub untimed: bool,
}

/// The runner's key line, from the bindings in force and what the keys would do now: `resume`
/// while paused, `let go` only on an untimed step, `add 30 s` only on a timed one.
pub fn runner_keys(map: &KeyMap, state: RunnerKeyState) -> String {
    use RunnerCommand::*;
    let k = |c| first_key(map, c, false);
    let mut parts = vec![format!(
        "{} {}",
        k(Pause),
        if state.paused { "resume" } else { "pause" }
    )];
    if state.untimed {
        parts.push(format!("{} let go", k(LetGo)));
    }
    parts.push(format!("{} next", k(Next)));
    parts.push(format!("{} back", k(Previous)));
    if !state.untimed {
        parts.push(format!("{} add 30 s", k(AddTime)));
    }
    parts.push("q home".to_string());
    parts.join(" · ")
}

/// The same for the smallest terminals.
pub fn runner_keys_short(map: &KeyMap, state: RunnerKeyState) -> String {
    use RunnerCommand::*;
    let k = |c| first_key(map, c, true);
    let mut parts = vec![format!(
        "{} {}",
        k(Pause),
        if state.paused { "resume" } else { "pause" }
    )];
    parts.push(k(if state.untimed { LetGo } else { AddTime }));
    parts.push(k(Next));
    parts.push("q".to_string());
    parts.join(" ")
}

/// Help rows for the runner: each command's keys and what it does.
pub fn runner_help(map: &KeyMap) -> Vec<(String, &'static str)> {
    RunnerCommand::ALL
        .iter()
        .map(|&c| {
            let keys: Vec<String> = map.keys(c).iter().map(|k| key_name(*k, false)).collect();
            (keys.join("  "), runner_command_help(c))
        })
        .collect()
}

pub fn side_label(side: crate::content::Side) -> &'static str {
    match side {
        crate::content::Side::Left => LEFT,
        crate::content::Side::Right => RIGHT,
    }
}

pub const YES: &str = "yes";
pub const NO: &str = "no";

/// "3 of 5 steps in 2:40".
pub fn steps_done(done: usize, steps: usize, took: &str) -> String {
    format!("{done} of {steps} steps in {took}")
}

/// What is left of a routine, to the nearest minute: "3 min left" for 3:20, "under a minute left".
pub fn time_left(seconds: u64) -> String {
    if seconds >= 60 {
        format!("{} min left", (seconds + 30) / 60)
    } else {
        "under a minute left".to_string()
    }
}

/// "1 night", "3 nights".
pub fn nights(n: u32) -> String {
    if n == 1 {
        format!("{n} night")
    } else {
        format!("{n} nights")
    }
}

/// The insights screen's note on logged cramps with a warning sign.
/// Insights: nights skipped in the weeks shown.
pub fn nights_skipped(n: u32) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} night{s} skipped (sick, away): left out of the habit counts")
}

pub fn warning_signs(flagged: u32, of: u32) -> String {
    format!("{flagged} of {of} cramps reported a warning sign: press ! for when to get help")
}

/// The first line of "When to get help" when a logged cramp opened it.
pub fn get_help_because(flags: &[&str]) -> String {
    format!("Shown because you logged {}.", flags.join(" and "))
}

pub const BEDTIME_CLOSE_HEADING: &str = "Tonight";
pub const SUPPLEMENTS: &str = "Supplements";
pub const REVIEWED: &str = "Guidance last reviewed";

/// A date as people read it in the app and the CLI's text: "Mon 30 Nov 2026".
pub fn date(d: jiff::civil::Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

pub const POSITION_TITLE: &str = "Get into position";
pub const SWITCH_TITLE: &str = "Switch legs";

/// "Switch to the right leg".
pub fn switch_to(side: crate::content::Side) -> String {
    format!("Switch to the {} leg", side.as_str())
}

/// "Get into position: Hamstring stretch".
pub fn position_for(step_title: &str) -> String {
    format!("{POSITION_TITLE}: {step_title}")
}

/// A day as people read it in the app and the command line's text: "Mon 30 Nov", with the year
/// when it is not this one ("Fri 27 Nov 2025"). CSV, the journal and the Markdown keep ISO dates.
pub fn day(d: jiff::civil::Date, today: jiff::civil::Date) -> String {
    if d.year() == today.year() {
        d.strftime("%a %-d %b").to_string()
    } else {
        d.strftime("%a %-d %b %Y").to_string()
    }
}

/// What is not known (a duration, a side left unset).
pub const UNKNOWN: &str = "—";

#[cfg(test)]
mod tests {
    use super::*;

    /// Key lines are shown whole in the text column (72 wide) or swapped for their short form, which
    /// fits the smallest usable terminal (20 columns less a margin each side).
    #[test]
    fn key_lines_fit() {
        for keys in [
            HOME_KEYS,
            HABITS_KEYS,
            &runner_keys(&KeyMap::default(), RunnerKeyState::default()),
            &runner_keys(
                &KeyMap::default(),
                RunnerKeyState {
                    paused: true,
                    untimed: true,
                },
            ),
            DONE_KEYS,
            PROMPT_KEYS,
            INSIGHTS_KEYS,
            NOTE_KEYS,
        ] {
            assert!(keys.chars().count() <= 72, "{keys}");
        }
        for keys in [
            HOME_KEYS_SHORT,
            NOTE_KEYS_SHORT,
            &runner_keys_short(&KeyMap::default(), RunnerKeyState::default()),
            PROMPT_KEYS_SHORT,
        ] {
            assert!(keys.chars().count() <= 18, "{keys}");
        }
    }
}
