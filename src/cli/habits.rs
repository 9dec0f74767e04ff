//! `cramp habits` and `cramp check`: the journal from the shell.

use std::io::Write;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use cramp_coach::config::Config;
use cramp_coach::content::{Content, Habit};
use cramp_coach::habits::{self, Change};
use cramp_coach::journal::{Journal, JournalError, Store};
use cramp_coach::locations::Locations;
use cramp_coach::night::night_of;
use cramp_coach::strings;
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

/// The journal's store for a command; without one, says why and gives the exit code.
pub fn command_store(locations: &Locations) -> Result<Store, u8> {
    store(locations).ok_or_else(|| {
        fail(strings::NO_DATA_DIR);
        exit::IO
    })
}

/// Says what went wrong with the journal and gives the exit code: 3 when it could not be read
/// (and was left untouched), 1 when it could not be written.
pub fn journal_error(e: &JournalError) -> u8 {
    fail(e);
    if e.is_unreadable() {
        exit::JOURNAL
    } else {
        exit::IO
    }
}

fn habit_line(habit: &Habit, journal: &Journal, night: Date) -> String {
    let state = habits::state_label(habit, journal, night);
    format!("[{state}] {}  {}", habit.id, habit.title)
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

pub fn show(content: &Content, config: &Config, locations: &Locations, date: Option<Date>) -> u8 {
    let night = match night_asked(config, date) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let store = match command_store(locations) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let journal = match store.load() {
        Ok(j) => j,
        Err(e) => {
            return journal_error(&e);
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
    let store = match command_store(locations) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let change = if undo { Change::Undo } else { Change::Check };
    match store.update(|journal| habits::apply(journal, habit, night, change)) {
        Ok((journal, _)) => {
            println!("{}  (night of {night})", habit_line(habit, &journal, night));
            exit::OK
        }
        Err(e) => journal_error(&e),
    }
}
