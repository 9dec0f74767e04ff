//! The journal for a command: where it is, read with a warning about a folder others can change,
//! and a notice while another cramp holds the lock.

use jiff::civil::Date;

use cramp_coach::config::locations::Locations;
use cramp_coach::journal::{Journal, LOCK_FILE, LOCK_GIVE_UP, Store};
use cramp_coach::strings;
use cramp_coach::text::sanitize;

use super::exit::{Failure, fail};

pub fn store(locations: &Locations) -> Option<Store> {
    locations.data_dir().map(Store::new)
}

/// The journal's store for a command, or why there is none.
pub fn command_store(locations: &Locations) -> Result<Store, Failure> {
    store(locations).ok_or_else(|| Failure::io(strings::NO_DATA_DIR))
}

/// The journal for a command that only reads it; a folder that others could change is read
/// all the same, with one warning (writing there is refused).
pub fn read(locations: &Locations) -> Result<Journal, Failure> {
    let store = command_store(locations)?;
    if let Some(w) = store.folder_warning() {
        fail(format!("warning: {w}"));
        return Ok(store.load()?);
    }
    // Conflict copies a sync tool left are merged in first (under the lock), and said so.
    if !store.conflict_copies().is_empty() {
        return update(&store, |_| ()).map(|(j, ())| j);
    }
    Ok(store.load()?)
}

/// [`read`] for a command that needs only the nights (`cramp habits`): the diary is not parsed,
/// and with `since`, only the nights from then on are read (see [`Journal::parse_recent`]).
pub fn read_nights(locations: &Locations, since: Option<Date>) -> Result<Journal, Failure> {
    let store = command_store(locations)?;
    if store.folder_warning().is_none() && !store.conflict_copies().is_empty() {
        return read(locations);
    }
    if let Some(w) = store.folder_warning() {
        fail(format!("warning: {w}"));
    }
    Ok(match since {
        Some(since) => store.load_recent(since)?,
        None => store.load_nights()?,
    })
}

/// A change to the journal for a command: under the lock (saying so while another cramp holds
/// it), with what the store did besides (conflict copies merged) said once on standard error.
pub fn update<R>(
    store: &Store,
    change: impl Fn(&mut Journal) -> R,
) -> Result<(Journal, R), Failure> {
    let (journal, result) = store.update_waiting(say_waiting(store), change)?;
    for notice in &journal.notices {
        fail(notice);
    }
    Ok((journal, result))
}

/// What a command says, once, while another cramp holds the journal's lock.
pub fn say_waiting(store: &Store) -> impl FnOnce() + use<> {
    let lock = store.dir().join(LOCK_FILE);
    move || {
        fail(format!(
            "{} ({}; giving up after {} s)",
            strings::WAITING_FOR_LOCK,
            sanitize(&lock.display().to_string()),
            LOCK_GIVE_UP.as_secs()
        ));
    }
}

/// Fresh randomness for a new diary id: the standard library's per-process random keys, mixed
/// with the time and the process id.
pub fn entropy() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}
