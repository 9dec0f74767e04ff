//! `cramp habits` and `cramp check`: the journal from the shell.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::content::{Content, Habit};
use cramp_coach::habits::{self, Change};
use cramp_coach::journal::{Journal, JournalError, Store};
use cramp_coach::night::{in_range, night_of, range_text};
use cramp_coach::strings;
use cramp_coach::text::sanitize;

use crate::{exit, fail};

/// The local time zone and, once, why `TZ` could not be used (read once a process: the
/// environment does not change under it).
fn zone() -> &'static (TimeZone, Option<String>) {
    static ZONE: std::sync::OnceLock<(TimeZone, Option<String>)> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        let tz = std::env::var_os("TZ");
        let tz = tz.as_ref().map(|v| v.to_string_lossy());
        let tzdir = std::env::var_os("TZDIR").map(std::path::PathBuf::from);
        cramp_coach::zone::local_zone(tz.as_deref(), tzdir.as_deref())
    })
}

pub fn local_zone() -> TimeZone {
    zone().0.clone()
}

/// Why `TZ` was not used, if it was set and named no time zone.
pub fn zone_warning() -> Option<String> {
    zone().1.clone()
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

/// The journal for a command that only reads it; a folder that others could change is read
/// all the same, with one warning (writing there is refused).
pub fn read_journal(locations: &Locations) -> Result<Journal, u8> {
    let store = command_store(locations)?;
    if let Some(w) = store.folder_warning() {
        fail(format!("warning: {w}"));
    }
    store.load().map_err(|e| journal_error(&e))
}

/// What a command says, once, while another cramp holds the journal's lock.
pub fn say_waiting(store: &Store) -> impl FnOnce() + use<> {
    let lock = store.dir().join(cramp_coach::journal::LOCK_FILE);
    move || {
        fail(format!(
            "{} ({}; giving up after {} s)",
            strings::WAITING_FOR_LOCK,
            sanitize(&lock.display().to_string()),
            cramp_coach::journal::LOCK_GIVE_UP.as_secs()
        ));
    }
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

/// A clock outside the journal's years (a dead battery, a test clock) writes nothing: says so
/// and gives the exit code.
pub fn clock_out_of_range(night: Date) -> u8 {
    fail(format!(
        "the system clock says it is the night of {night}; the journal keeps {}, so nothing was written",
        range_text()
    ));
    exit::IO
}

/// Resolves the night asked for: tonight, or a past night. A future night is bad usage.
fn night_asked(config: &Config, date: Option<Date>) -> Result<Date, u8> {
    let tonight = tonight(config);
    if !in_range(tonight) && date.is_none() {
        return Err(clock_out_of_range(tonight));
    }
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
    let journal = match read_journal(locations) {
        Ok(j) => j,
        Err(code) => return code,
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
    super::output::print(&out)
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
    match store.update_waiting(say_waiting(&store), |journal| {
        habits::apply(journal, habit, night, change)
    }) {
        Ok((journal, _)) => super::output::print(&format!(
            "{}  (night of {night})\n",
            habit_line(habit, &journal, night)
        )),
        Err(e) => journal_error(&e),
    }
}
