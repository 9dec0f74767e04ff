//! `cramp skip` and `cramp note`: a night that should not count (sick, away), and a note on a
//! night, for the person and their clinician.

use jiff::civil::Date;

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::journal::clean_note;
use cramp_coach::strings::day;

use super::clock;
use super::exit::{self, Failure};
use super::journal::command_store;
use super::output::print;

/// `cramp skip [--date D] [--reason TEXT] [--undo]`.
pub fn skip(
    config: &Config,
    locations: &Locations,
    date: Option<Date>,
    reason: Option<String>,
    undo: bool,
) -> exit::Result {
    let night = super::habits::night_asked(config, date)?;
    let tonight = clock::tonight(config);
    let shown = day(night, tonight);
    let store = command_store(locations)?;
    let wanted = (!undo).then(|| reason.clone().unwrap_or_default());
    let (journal, changed) = super::journal::update(&store, |j| j.set_skip(night, wanted.clone()))?;
    let line = match (undo, journal.skipped(night)) {
        (true, _) if changed => format!("the night of {shown} counts again"),
        (true, _) => format!("the night of {shown} was not skipped"),
        (false, Some("")) => format!("skipped the night of {shown}"),
        (false, Some(why)) => format!("skipped the night of {shown} ({why})"),
        (false, None) => format!("the night of {shown} counts"),
    };
    print(&format!("{line}\n"))
}

/// `cramp note [--date D] TEXT` and `cramp note [--date D] --clear`.
pub fn note(
    config: &Config,
    locations: &Locations,
    date: Option<Date>,
    text: Option<String>,
    clear: bool,
) -> exit::Result {
    let night = super::habits::night_asked(config, date)?;
    let text = if clear {
        None
    } else {
        let cleaned = text.as_deref().and_then(clean_note);
        if cleaned.is_none() {
            return Err(Failure::usage(
                "the note is empty: give its text, or --clear to take a note away",
            ));
        }
        cleaned
    };
    let shown = day(night, clock::tonight(config));
    let store = command_store(locations)?;
    let (journal, changed) = super::journal::update(&store, |j| j.set_note(night, text.clone()))?;
    let line = match journal.note(night) {
        Some(t) => format!("note on the night of {shown}: {t}"),
        None if changed => format!("note cleared from the night of {shown}"),
        None => format!("the night of {shown} has no note"),
    };
    print(&format!("{line}\n"))
}
