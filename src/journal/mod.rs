//! The journal: habit ticks by night and the cramp diary, in one small text file.
//!
//! Format (version 1), one record a line, nights sorted by date, then the diary:
//!
//! ```text
//! cramp-coach journal 1
//! # comments start with '#'
//! night 2026-11-26 bedding fluids=4 stretch
//! cramp 3 night=2026-11-27 at=2026-11-28T03:12:00+01:00 muscle=calf side=left intensity=4
//! ```
//!
//! `night DATE` names the night by the date of the evening it began; each habit kept that night follows,
//! a counted habit as `id=COUNT`. A habit not listed was not kept. `cramp ID` lines are the diary
//! ([`diary`]).
//!
//! This module holds the model ([`Journal`]); `parse` reads the text (a fast path for files as the app
//! writes them, a careful parser that names line and column otherwise); [`store`] is the only code that
//! touches the journal on disk: under an exclusive lock on a separate lock file, the journal is read
//! again, changed, written to a fresh temporary file in the same folder, flushed to disk, renamed over
//! the old one, and the folder flushed too. A journal that cannot be read or parsed is never written over.

pub mod diary;
mod parse;
pub mod store;

pub use diary::{Episode, LegSide};
pub use store::{LOCK_GIVE_UP, LOCK_NOTICE, Stamp, Store};

use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::text::sanitize;

pub const FORMAT_VERSION: u32 = 1;
pub const JOURNAL_FILE: &str = "journal.txt";
pub const LOCK_FILE: &str = "journal.lock";
const MAGIC: &str = "cramp-coach journal";
/// Highest count a counted habit keeps.
pub const MAX_COUNT: u32 = 999;
/// Largest journal read: decades of nights are a few megabytes.
pub const MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

const HEADER_COMMENT: &str = "\
# Written by cramp-coach; see its README for the format. One line a night:
#   night DATE HABIT HABIT=COUNT ...
# DATE is the evening the night began; a habit listed was kept (a counted one, COUNT times).
# Then one line a cramp: cramp ID night=DATE at=TIME [muscle= side= intensity= seconds= symptoms=
# routine= steps=].
";

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{}: cannot read: {source}", show(path))]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}:{column}: {message}", show(path))]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: written by a newer cramp-coach (journal version {version}; this one reads {FORMAT_VERSION}); left untouched",
        show(path)
    )]
    Newer { path: PathBuf, version: u64 },
    #[error("{}: cannot write: {source}", show(path))]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: cannot lock: {source}", show(path))]
    Lock { path: PathBuf, source: io::Error },
    #[error(
        "{}: another cramp held the journal for {seconds} s; gave up, nothing was written",
        show(path)
    )]
    Busy { path: PathBuf, seconds: u64 },
    #[error(
        "{}: {what}, not a regular file; cramp-coach opens only a regular file here",
        show(path)
    )]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}: {reason}; nothing was written there", show(path))]
    UnsafeFolder { path: PathBuf, reason: String },
}

fn show(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

impl JournalError {
    /// True when the journal itself could not be read or understood (exit code 3): it is left untouched.
    pub fn is_unreadable(&self) -> bool {
        matches!(
            self,
            JournalError::Read { .. } | JournalError::Parse { .. } | JournalError::Newer { .. }
        )
    }
}

/// Habit ticks by night, and the cramp diary.
///
/// Each night keeps its ticks as the journal line writes them, in one canonical form: habit ids in
/// byte order, each `id` or `id=COUNT` (COUNT 2 to 999). Reading years of nights then costs little
/// more than checking the text, and two journals are equal exactly when their ticks are.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    /// The tick texts of all nights, one after another (a night's text is a range of it).
    text: String,
    /// In date order, each night with at least one tick: its date and where its ticks are in `text`.
    nights: Vec<(Date, u32, u32)>,
    /// The cramp diary, by id.
    episodes: Vec<Episode>,
}

/// Where each night's ticks are in the text, and the diary, as the fast path reads them.
type CanonicalIndex = (Vec<(Date, u32, u32)>, Vec<Episode>);

/// Equal when the nights, their ticks and the diary are equal.
impl PartialEq for Journal {
    fn eq(&self, other: &Journal) -> bool {
        self.episodes == other.episodes
            && self.nights.len() == other.nights.len()
            && self
                .nights
                .iter()
                .zip(&other.nights)
                .all(|(a, b)| a.0 == b.0 && self.slice(a) == other.slice(b))
    }
}

impl Eq for Journal {}

/// The (id, count) pairs of a night's canonical tick text.
fn decode(ticks: &str) -> impl Iterator<Item = (&str, u32)> {
    ticks
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(|t| match t.split_once('=') {
            Some((id, n)) => (id, n.parse().unwrap_or(1)),
            None => (t, 1),
        })
}

/// The canonical tick text of (id, count) pairs: sorted by id, zero counts left out.
fn encode(mut ticks: Vec<(&str, u32)>) -> String {
    ticks.retain(|(_, n)| *n > 0);
    ticks.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = String::new();
    for (id, n) in ticks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(id);
        if n != 1 {
            out.push('=');
            out.push_str(&n.min(MAX_COUNT).to_string());
        }
    }
    out
}

impl Journal {
    fn slice(&self, &(_, start, len): &(Date, u32, u32)) -> &str {
        &self.text[start as usize..(start + len) as usize]
    }

    fn night(&self, night: Date) -> Option<&str> {
        let i = self
            .nights
            .binary_search_by_key(&night, |(d, _, _)| *d)
            .ok()?;
        Some(self.slice(&self.nights[i]))
    }

    /// Stores a night's tick text, returning where it is.
    fn store(&mut self, ticks: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(ticks);
        (start, ticks.len() as u32)
    }

    /// Replaces a night's ticks (empty text removes the night).
    fn put(&mut self, night: Date, ticks: String) {
        match self.nights.binary_search_by_key(&night, |(d, _, _)| *d) {
            Ok(i) if ticks.is_empty() => {
                self.nights.remove(i);
            }
            Ok(i) => {
                let (start, len) = self.store(&ticks);
                self.nights[i] = (night, start, len);
            }
            Err(_) if ticks.is_empty() => {}
            Err(i) => {
                let (start, len) = self.store(&ticks);
                self.nights.insert(i, (night, start, len));
            }
        }
    }

    /// How many times `habit` was ticked on `night` (0, 1 for a yes/no habit, or a count).
    pub fn count(&self, night: Date, habit: &str) -> u32 {
        self.night(night)
            .and_then(|t| decode(t).find(|(id, _)| *id == habit))
            .map_or(0, |(_, n)| n)
    }

    /// Sets the count of `habit` on `night` (0 removes it; counts stop at 999).
    pub fn set(&mut self, night: Date, habit: &str, count: u32) {
        let mut ticks: Vec<(&str, u32)> = self
            .night(night)
            .map(|t| decode(t).collect())
            .unwrap_or_default();
        ticks.retain(|(id, _)| *id != habit);
        ticks.push((habit, count.min(MAX_COUNT)));
        let text = encode(ticks);
        self.put(night, text);
    }

    /// Diary entries, oldest id first.
    pub fn episodes(&self) -> &[Episode] {
        &self.episodes
    }

    /// Adds an episode with the next free id; returns the id.
    pub fn add_episode(&mut self, mut episode: Episode) -> u32 {
        episode.id = self.episodes.iter().map(|e| e.id).max().unwrap_or(0) + 1;
        let id = episode.id;
        self.episodes.push(episode);
        id
    }

    /// Removes episode `id`; false if there is none.
    pub fn remove_episode(&mut self, id: u32) -> bool {
        let before = self.episodes.len();
        self.episodes.retain(|e| e.id != id);
        self.episodes.len() != before
    }

    /// The earliest night with anything recorded, ticks or cramps.
    pub fn first_night(&self) -> Option<Date> {
        let ticks = self.nights.first().map(|(d, _, _)| *d);
        let cramps = self.episodes.iter().map(|e| e.night).min();
        ticks.into_iter().chain(cramps).min()
    }

    /// Nights with at least one tick, oldest first.
    pub fn nights(&self) -> impl Iterator<Item = Date> + '_ {
        self.nights.iter().map(|(d, _, _)| *d)
    }

    pub fn is_empty(&self) -> bool {
        self.nights.is_empty() && self.episodes.is_empty()
    }

    /// The habits ticked on a night, with counts, sorted by id.
    pub fn ticks(&self, night: Date) -> Vec<(&str, u32)> {
        self.night(night)
            .map(|t| decode(t).collect())
            .unwrap_or_default()
    }

    /// The file text.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(
            256 + self.nights.iter().map(|n| n.2 as usize + 18).sum::<usize>(),
        );
        out.push_str(&format!("{MAGIC} {FORMAT_VERSION}\n{HEADER_COMMENT}"));
        for n in &self.nights {
            out.push_str("night ");
            out.push_str(&n.0.to_string());
            out.push(' ');
            out.push_str(self.slice(n));
            out.push('\n');
        }
        for e in &self.episodes {
            out.push_str(&format!("cramp {} {}\n", e.id, e.fields()));
        }
        out
    }
}
