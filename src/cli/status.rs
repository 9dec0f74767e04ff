//! `cramp status [--format F] [--due] [--color]`: one short line for a prompt or status bar.
//!
//! Read-only and quiet: it takes no lock, writes nothing and creates nothing. A missing journal
//! gives an empty line; one that cannot be read gives a short marker (`cramp ?`), exit 0, so a
//! prompt never breaks. Content or config broken in their usual place give way to the built-in
//! ones without a word; a broken `--content` / `--config` is still bad usage (exit 2). `--due`
//! exits 0 and prints the reminder when a reminder habit is still open tonight past
//! `remind_after`, 1 otherwise (also, without a word, when the journal cannot be read).

use std::io::Write;

use jiff::Timestamp;

use cramp_coach::config::locations::Locations;
use cramp_coach::journal::Journal;
use cramp_coach::night::night_of;
use cramp_coach::status::{Format, Seen, compute, default_line};
use cramp_coach::strings::status as words;

use super::clock;
use super::exit::{self, Failure};

pub struct Options {
    pub format: Option<String>,
    pub due: bool,
    pub color: bool,
}

/// What the journal gave.
enum Read {
    Missing,
    Seen(Seen),
    Unreadable,
}

/// The exit code: 0, or for `--due` 1 when nothing is due.
pub fn run(locations: &Locations, options: Options) -> Result<u8, exit::Failure> {
    let format = options
        .format
        .as_deref()
        .map(Format::parse)
        .transpose()
        .map_err(Failure::usage)?;
    // A file named by a flag must be valid; one found elsewhere gives way silently.
    let (config, _) = locations.config()?;
    let (content, _) = locations.content()?;
    let zone = clock::local_zone();
    let now = Timestamp::now();
    let tonight = night_of(now, &zone, config.day_starts_at);
    let read = read(locations, tonight);
    let seen = match &read {
        Read::Seen(seen) => seen.clone(),
        Read::Missing => Seen::default(),
        Read::Unreadable if options.due => return Ok(exit::IO),
        Read::Unreadable => {
            say(&format!("{}\n", words::UNREADABLE));
            return Ok(exit::OK);
        }
    };
    let status = compute(
        &content,
        &seen,
        tonight,
        zone.to_datetime(now).time(),
        &config,
    );
    if options.due {
        if status.due.is_empty() {
            return Ok(exit::IO);
        }
        say(&format!("{}\n", status.due.join("\n")));
        return Ok(exit::OK);
    }
    let line = match (&read, &format) {
        (Read::Missing, _) => String::new(),
        (_, Some(format)) => format.render(&status, options.color),
        (_, None) => default_line(&status, !content.habits.is_empty(), options.color),
    };
    say(&format!("{line}\n"));
    Ok(exit::OK)
}

/// The journal, as little of it as status needs: the end of the text, or the whole journal when
/// the end is not as the app writes it. Nothing is created, nothing is locked.
fn read(locations: &Locations, tonight: jiff::civil::Date) -> Read {
    let Some(store) = super::journal::store(locations) else {
        return Read::Missing;
    };
    match store.read_text() {
        Ok(None) => Read::Missing,
        Err(_) => Read::Unreadable,
        Ok(Some(text)) => {
            if let Some(seen) = Seen::scan(&text, tonight) {
                return Read::Seen(seen);
            }
            match Journal::parse_owned(&store.path(), text) {
                Ok(journal) => Read::Seen(Seen::from_journal(&journal, tonight)),
                Err(_) => Read::Unreadable,
            }
        }
    }
}

/// Writes the answer; a reader that went away changes nothing (the exit code is the answer).
fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
