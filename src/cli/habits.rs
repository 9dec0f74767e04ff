//! `cramp habits` and `cramp check`: the habits from the shell.

use jiff::civil::Date;

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::content::{Content, Habit};
use cramp_coach::habits::{self, Change};
use cramp_coach::journal::Journal;
use cramp_coach::text::sanitize;

use super::clock;
use super::exit::{self, Failure, fail};
use super::journal::command_store;
use super::output::print;

fn habit_line(habit: &Habit, journal: &Journal, night: Date) -> String {
    let state = habits::state_label(habit, journal, night);
    format!("[{state}] {}  {}", habit.id, habit.title)
}

/// Nights `cramp habits` reads back from the night it shows, unless a streak goes further.
const RECENT_NIGHTS: i64 = 62;

/// Resolves the night asked for: tonight, or a past night. A future night is bad usage.
pub fn night_asked(config: &Config, date: Option<Date>) -> Result<Date, Failure> {
    let tonight = clock::tonight(config);
    match date {
        Some(d) if d > tonight => Err(Failure::usage(format!(
            "{d} is in the future: tonight is the night of {tonight}"
        ))),
        Some(d) => Ok(d),
        None => clock::tonight_in_range(config),
    }
}

pub fn show(
    content: &Content,
    config: &Config,
    locations: &Locations,
    date: Option<Date>,
) -> exit::Result {
    let night = night_asked(config, date)?;
    let tonight = clock::tonight(config);
    // Habits need nothing of the diary, and mostly recent nights: years of either are not read
    // for them unless a streak goes back further than the nights read.
    let since = night
        .min(tonight)
        .checked_sub(jiff::Span::new().days(RECENT_NIGHTS))
        .ok();
    let mut journal = super::journal::read_nights(locations, since)?;
    if let Some(since) = since
        && content
            .habits
            .iter()
            .any(|h| habits::streak_back_to(h, &journal, tonight).1 <= since)
    {
        journal = super::journal::read_nights(locations, None)?;
    }
    if content.habits.is_empty() {
        fail("the content file has no habits");
        return Ok(());
    }
    let mut out = String::new();
    for habit in &content.habits {
        out.push_str(&habit_line(habit, &journal, night));
        out.push('\n');
    }
    // The night's skip and note, after a blank line.
    let shown = cramp_coach::strings::day(night, tonight);
    let mut about = Vec::new();
    match journal.skipped(night) {
        Some("") => about.push(format!("the night of {shown} is skipped")),
        Some(why) => about.push(format!("the night of {shown} is skipped: {why}")),
        None => {}
    }
    if let Some(note) = journal.note(night) {
        about.push(format!("note: {note}"));
    }
    if !about.is_empty() {
        out.push('\n');
        for line in about {
            out.push_str(&line);
            out.push('\n');
        }
    }
    let streaks: Vec<String> = content
        .habits
        .iter()
        .map(|h| format!("{} {}", h.id, habits::streak(h, &journal, tonight)))
        .collect();
    out.push_str(&format!("\nstreaks: {}\n", streaks.join(", ")));
    print(&out)
}

pub fn check(
    content: &Content,
    config: &Config,
    locations: &Locations,
    id: &str,
    date: Option<Date>,
    undo: bool,
) -> exit::Result {
    let Some(habit) = content.habit(id) else {
        let ids: Vec<&str> = content.habits.iter().map(|h| h.id.as_str()).collect();
        return Err(Failure::usage(format!(
            "no habit {:?}; habits: {}",
            sanitize(id),
            ids.join(", ")
        )));
    };
    let night = night_asked(config, date)?;
    let change = if undo { Change::Undo } else { Change::Check };
    let store = command_store(locations)?;
    // The rule is checked where the change is made, on the journal as read under the lock.
    let (journal, refusal) = super::journal::update(&store, |journal| {
        let why = habits::refused(journal, habit, night, change);
        if why.is_none() {
            habits::apply(journal, habit, night, change);
        }
        why
    })?;
    if let Some(why) = refusal {
        return Err(Failure::usage(why));
    }
    print(&format!(
        "{}  (night of {})\n",
        habit_line(habit, &journal, night),
        cramp_coach::strings::day(night, clock::tonight(config))
    ))
}
