//! `cramp habits` and `cramp check`: the journal from the shell.

use std::io::Write;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use cramp_coach::config::Config;
use cramp_coach::content::{Content, Habit};
use cramp_coach::habits::{self, Change, Mark};
use cramp_coach::journal::{Journal, JournalError, Store};
use cramp_coach::locations::Locations;
use cramp_coach::night::night_of;
use cramp_coach::text::sanitize;

use crate::{exit, fail};

/// The local time zone. Without `TZ`, read straight from `/etc/localtime`: jiff's
/// `TimeZone::system` would first list the whole zoneinfo database (about a millisecond, and
/// a hundred system calls) just to name the zone, which nothing here needs.
pub fn local_zone() -> TimeZone {
    if std::env::var_os("TZ").is_none()
        && let Ok(bytes) = std::fs::read("/etc/localtime")
        && let Ok(tz) = TimeZone::tzif("localtime", &bytes)
    {
        return tz;
    }
    TimeZone::system()
}

/// Tonight, by the system clock and time zone and the configured end of a night.
pub fn tonight(config: &Config) -> Date {
    night_of(Timestamp::now(), &local_zone(), config.day_starts_at)
}

pub fn store(locations: &Locations) -> Option<Store> {
    locations.data_dir().map(Store::new)
}

fn journal_error_code(e: &JournalError) -> u8 {
    if e.is_unreadable() {
        exit::JOURNAL
    } else {
        exit::IO
    }
}

/// `[x]`, `[ ]`, `[-]` (does not apply that night) or `[3/6]`.
fn state_box(habit: &Habit, journal: &Journal, night: Date) -> String {
    let count = journal.count(night, &habit.id);
    match (habit.target, habits::mark(habit, journal, night)) {
        (Some(target), _) => format!("[{count}/{target}]"),
        (None, Mark::Kept) => "[x]".to_string(),
        (None, Mark::Off) => "[-]".to_string(),
        (None, _) => "[ ]".to_string(),
    }
}

fn habit_line(habit: &Habit, journal: &Journal, night: Date) -> String {
    format!(
        "{} {}  {}",
        state_box(habit, journal, night),
        habit.id,
        habit.title
    )
}

/// Resolves the night asked for: tonight, or a past night. A future night is bad usage.
fn night_asked(config: &Config, date: Option<Date>) -> Result<Date, u8> {
    let tonight = tonight(config);
    match date {
        Some(d) if d > tonight => {
            fail(format!(
                "{d} is in the future: tonight is the night of {tonight}"
            ));
            Err(exit::USAGE)
        }
        Some(d) => Ok(d),
        None => Ok(tonight),
    }
}

fn no_data_dir() -> u8 {
    fail("no folder for the journal: set --data-dir, CRAMP_DATA_DIR or HOME");
    exit::IO
}

pub fn show(content: &Content, config: &Config, locations: &Locations, date: Option<Date>) -> u8 {
    let night = match night_asked(config, date) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let Some(store) = store(locations) else {
        return no_data_dir();
    };
    let journal = match store.load() {
        Ok(j) => j,
        Err(e) => {
            fail(&e);
            return journal_error_code(&e);
        }
    };
    if content.habits.is_empty() {
        fail("the content file has no habits");
        return exit::OK;
    }
    let tonight = tonight(config);
    let mut out = String::new();
    for habit in &content.habits {
        out.push_str(&habit_line(habit, &journal, night));
        out.push('\n');
    }
    let streaks: Vec<String> = content
        .habits
        .iter()
        .map(|h| format!("{} {}", h.id, habits::streak(h, &journal, tonight)))
        .collect();
    out.push_str(&format!("\nstreaks: {}\n", streaks.join(", ")));
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => exit::OK,
        Err(_) => exit::IO,
    }
}

pub fn check(
    content: &Content,
    config: &Config,
    locations: &Locations,
    id: &str,
    date: Option<Date>,
    undo: bool,
) -> u8 {
    let Some(habit) = content.habit(id) else {
        let ids: Vec<&str> = content.habits.iter().map(|h| h.id.as_str()).collect();
        fail(format!(
            "no habit {:?}; habits: {}",
            sanitize(id),
            ids.join(", ")
        ));
        return exit::USAGE;
    };
    let night = match night_asked(config, date) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let Some(store) = store(locations) else {
        return no_data_dir();
    };
    let change = if undo { Change::Undo } else { Change::Check };
    match store.update(|journal| habits::apply(journal, habit, night, change)) {
        Ok((journal, _)) => {
            println!("{}  (night of {night})", habit_line(habit, &journal, night));
            exit::OK
        }
        Err(e) => {
            fail(&e);
            journal_error_code(&e)
        }
    }
}
