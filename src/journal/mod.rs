//! The journal: habit ticks by night, skipped nights and notes, and the cramp diary, in one small
//! text file.
//!
//! Format (version 2), one record a line: nights sorted by date, skips and notes, then the diary
//! and the ids of entries removed from it:
//!
//! ```text
//! cramp-coach journal 2
//! # comments start with '#'
//! night 2026-11-26 bedding fluids=4 stretch=0~2
//! skip 2026-11-29 travelling
//! note 2026-11-27 long walk
//! cramp kqmzbwta night=2026-11-27 at=2026-11-28T03:12:00+01:00 muscle=calf side=left intensity=4
//! removed pxnrtcae
//! ```
//!
//! `night DATE` names the night by the date of the evening it began; each habit with a record that
//! night follows, kept (`id`, a counted habit `id=COUNT`) or taken back (`id=0`), with `~N`, the
//! number of changes it has seen, when that is not its count. `cramp ID` lines are the diary
//! ([`diary`]), with ids unique across machines. Version 1 (numbered diary entries, no change
//! numbers, no skips or notes) is read as ever and written back as version 2. [`merge`] folds two
//! copies together without loss.
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

pub const FORMAT_VERSION: u32 = 2;
pub const JOURNAL_FILE: &str = "journal.txt";
pub const LOCK_FILE: &str = "journal.lock";
const MAGIC: &str = "cramp-coach journal";
/// Highest count a counted habit keeps.
pub const MAX_COUNT: u32 = 999;
/// Largest journal read: decades of nights are a few megabytes.
pub const MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

const HEADER_COMMENT: &str = "\
# Written by cramp-coach; see its README for the format. One line a night:
#   night DATE HABIT HABIT=COUNT ...   (~N: the habit's change number, when it is not its count)
# DATE is the evening the night began; a habit listed was kept (a counted one, COUNT times; =0 taken
# back). skip DATE [REASON] / unskip DATE~N: a night that does not count. note DATE TEXT: a note.
# One line a cramp: cramp ID night=DATE at=TIME [muscle= side= intensity= seconds= symptoms=
# routine= steps=]; removed ID: an entry taken out (so a merge does not bring it back).
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

/// Habit ticks by night, skipped nights, notes, and the cramp diary.
///
/// Each night keeps its ticks as the journal line writes them, in one canonical form: habit ids in
/// byte order, each `id`, `id=COUNT` (COUNT 0 or 2 to 999) and, when the habit's change number is
/// not its count (at least 1), `~CHANGE`. Reading years of nights then costs little more than
/// checking the text, and two journals are equal exactly when their records are.
///
/// The change numbers are what a merge goes by ([`merge`]): every change to a habit on a night
/// adds one, so of two copies the one that saw more changes wins; an untick stays as `id=0~N`, so a
/// stale copy cannot bring the tick back.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    /// The tick texts of all nights, one after another (a night's text is a range of it).
    text: String,
    /// In date order, each night with a tick record: its date and where its ticks are in `text`.
    nights: Vec<(Date, u32, u32)>,
    /// Skipped nights (text: the reason, maybe empty; `None`: no longer skipped), by date.
    skips: Vec<(Date, Mark)>,
    /// Notes on nights (`None`: cleared), by date.
    notes: Vec<(Date, Mark)>,
    /// The cramp diary, in the order of the file (oldest first).
    episodes: Vec<Episode>,
    /// Ids of diary entries removed, sorted: a merge never brings them back.
    removed: Vec<String>,
    /// The format version of the file read (0: nothing read yet).
    version: u32,
    /// What the store did besides the change asked for (conflict copies merged), to say once.
    /// Not part of the journal: not written, not compared.
    pub notices: Vec<String>,
}

/// A night's skip or note: its text (`None`: taken back) and how many changes it has seen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub change: u32,
    pub text: Option<String>,
}

/// Equal when the nights, their ticks, skips, notes, the diary and its removals are equal.
impl PartialEq for Journal {
    fn eq(&self, other: &Journal) -> bool {
        self.episodes == other.episodes
            && self.skips == other.skips
            && self.notes == other.notes
            && self.removed == other.removed
            && self.nights.len() == other.nights.len()
            && self
                .nights
                .iter()
                .zip(&other.nights)
                .all(|(a, b)| a.0 == b.0 && self.slice(a) == other.slice(b))
    }
}

impl Eq for Journal {}

/// One habit's record on a night: its count (0: not kept) and its change number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick<'a> {
    pub habit: &'a str,
    pub count: u32,
    pub change: u32,
}

/// The change number a record has when none is written: its count, at least 1.
const fn implicit_change(count: u32) -> u32 {
    if count == 0 { 1 } else { count }
}

/// The records of a night's canonical tick text.
fn decode(ticks: &str) -> impl Iterator<Item = Tick<'_>> {
    ticks.split(' ').filter(|t| !t.is_empty()).map(|t| {
        let (t, change) = match t.split_once('~') {
            Some((t, c)) => (t, c.parse().ok()),
            None => (t, None),
        };
        let (habit, count) = match t.split_once('=') {
            Some((id, n)) => (id, n.parse().unwrap_or(1)),
            None => (t, 1),
        };
        Tick {
            habit,
            count,
            change: change.unwrap_or(implicit_change(count)),
        }
    })
}

/// The canonical tick text of records: sorted by id, each written as short as it reads back.
fn encode(mut ticks: Vec<Tick<'_>>) -> String {
    ticks.sort_unstable_by(|a, b| a.habit.cmp(b.habit));
    let mut out = String::new();
    for t in ticks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.habit);
        if t.count != 1 {
            out.push('=');
            out.push_str(&t.count.min(MAX_COUNT).to_string());
        }
        if t.change != implicit_change(t.count) {
            out.push('~');
            out.push_str(&t.change.to_string());
        }
    }
    out
}

/// Longest text of a skip's reason or a note, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// A skip reason or note as a person gives it: one line, no control characters, spaces made single,
/// trimmed, at most [`MAX_NOTE_CHARS`]; `None` when nothing is left.
pub fn clean_note(text: &str) -> Option<String> {
    clean_text(text, MAX_NOTE_CHARS)
}

/// Longest note or reason the journal reads back: two notes written apart on two machines are both
/// kept by a merge, which may make one longer than a person types.
pub const MAX_NOTE_READ_CHARS: usize = 2000;

/// [`clean_note`] with another limit.
pub fn clean_text(text: &str, max: usize) -> Option<String> {
    let one_line: String = text
        .chars()
        .map(|c| {
            if c.is_control() || crate::text::is_unsafe_char(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = one_line.split_whitespace().collect();
    let joined = words.join(" ");
    let cut: String = joined.chars().take(max).collect();
    let cut = cut.trim_end().to_string();
    (!cut.is_empty()).then_some(cut)
}

/// Sets the mark of `night` in a date-sorted list to `text`, counting a change; false if it was so.
fn set_mark(marks: &mut Vec<(Date, Mark)>, night: Date, text: Option<String>) -> bool {
    match marks.binary_search_by_key(&night, |(d, _)| *d) {
        Ok(i) => {
            if marks[i].1.text == text {
                return false;
            }
            marks[i].1 = Mark {
                change: marks[i].1.change.saturating_add(1),
                text,
            };
            true
        }
        Err(_) if text.is_none() => false,
        Err(i) => {
            marks.insert(i, (night, Mark { change: 1, text }));
            true
        }
    }
}

fn mark_of(marks: &[(Date, Mark)], night: Date) -> Option<&str> {
    let i = marks.binary_search_by_key(&night, |(d, _)| *d).ok()?;
    marks[i].1.text.as_deref()
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

    /// The format version of the file this journal was read from (0 when made in memory).
    pub fn version(&self) -> u32 {
        self.version
    }

    /// How many times `habit` was ticked on `night` (0, 1 for a yes/no habit, or a count).
    pub fn count(&self, night: Date, habit: &str) -> u32 {
        self.night(night)
            .and_then(|t| decode(t).find(|t| t.habit == habit))
            .map_or(0, |t| t.count)
    }

    /// Sets the count of `habit` on `night` (0 unticks it; counts stop at 999). A real change
    /// adds one to the habit's change number that night; setting what is there changes nothing.
    pub fn set(&mut self, night: Date, habit: &str, count: u32) {
        let count = count.min(MAX_COUNT);
        let mut ticks: Vec<Tick> = self
            .night(night)
            .map(|t| decode(t).collect())
            .unwrap_or_default();
        let old = ticks.iter().position(|t| t.habit == habit);
        let change = match old {
            Some(i) if ticks[i].count == count => return,
            Some(i) => ticks.remove(i).change.saturating_add(1),
            None if count == 0 => return,
            None => 1,
        };
        ticks.push(Tick {
            habit,
            count,
            change,
        });
        let text = encode(ticks);
        self.put(night, text);
    }

    /// Every record of a night, kept or taken back, sorted by habit id.
    pub fn records(&self, night: Date) -> Vec<Tick<'_>> {
        self.night(night)
            .map(|t| decode(t).collect())
            .unwrap_or_default()
    }

    /// Diary entries, oldest first.
    pub fn episodes(&self) -> &[Episode] {
        &self.episodes
    }

    /// Ids of removed diary entries, sorted.
    pub fn removed(&self) -> &[String] {
        &self.removed
    }

    /// Adds an episode under a new id made from `entropy` (one that no entry, present or removed,
    /// has); returns the id.
    pub fn add_episode(&mut self, mut episode: Episode, entropy: u64) -> String {
        let mut seed = entropy;
        let id = loop {
            let id = diary::id_from(seed);
            if !self.has_id(&id) {
                break id;
            }
            seed = diary::mix(seed.wrapping_add(1));
        };
        episode.id = id.clone();
        let at = self
            .episodes
            .partition_point(|e| (e.at, e.id.as_str()) <= (episode.at, id.as_str()));
        self.episodes.insert(at, episode);
        id
    }

    fn has_id(&self, id: &str) -> bool {
        self.episodes.iter().any(|e| e.id == id)
            || self
                .removed
                .binary_search_by(|r| r.as_str().cmp(id))
                .is_ok()
    }

    /// Removes episode `id`, leaving a record that it was removed; false if there is none.
    pub fn remove_episode(&mut self, id: &str) -> bool {
        let before = self.episodes.len();
        self.episodes.retain(|e| e.id != id);
        if self.episodes.len() == before {
            return false;
        }
        if let Err(i) = self.removed.binary_search_by(|r| r.as_str().cmp(id)) {
            self.removed.insert(i, id.to_string());
        }
        true
    }

    /// The entry whose id starts with `prefix` (with or without `#`): `Ok(id)`, or the ids it could
    /// be (none: no such entry; several: ambiguous).
    pub fn find_episode(&self, prefix: &str) -> Result<String, Vec<String>> {
        let prefix = prefix.strip_prefix('#').unwrap_or(prefix);
        let found: Vec<String> = self
            .episodes
            .iter()
            .filter(|e| !prefix.is_empty() && e.id.starts_with(prefix))
            .map(|e| e.id.clone())
            .collect();
        match found.as_slice() {
            [one] => Ok(one.clone()),
            _ => Err(found),
        }
    }

    /// The shortest start of `id` (at least 4 letters) that no other entry, present or removed,
    /// shares: what `cramp log` shows and `log remove` takes.
    pub fn short_id<'a>(&self, id: &'a str) -> &'a str {
        let shared = self
            .episodes
            .iter()
            .map(|e| e.id.as_str())
            .chain(self.removed.iter().map(String::as_str))
            .filter(|other| *other != id)
            .map(|other| {
                other
                    .bytes()
                    .zip(id.bytes())
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .max()
            .unwrap_or(0);
        let n = (shared + 1).max(diary::SHORT_ID).min(id.len());
        &id[..n]
    }

    /// The reason night `night` was skipped (maybe empty), or `None` when it counts as usual.
    pub fn skipped(&self, night: Date) -> Option<&str> {
        mark_of(&self.skips, night)
    }

    /// Skips `night` (with a reason, maybe empty) or, with `None`, counts it again; false if it
    /// already was so.
    pub fn set_skip(&mut self, night: Date, reason: Option<String>) -> bool {
        let reason = reason.map(|r| clean_note(&r).unwrap_or_default());
        set_mark(&mut self.skips, night, reason)
    }

    /// Nights skipped, oldest first, with their reasons.
    pub fn skipped_nights(&self) -> impl Iterator<Item = (Date, &str)> + '_ {
        self.skips
            .iter()
            .filter_map(|(d, m)| m.text.as_deref().map(|t| (*d, t)))
    }

    /// The note on `night`.
    pub fn note(&self, night: Date) -> Option<&str> {
        mark_of(&self.notes, night)
    }

    /// Sets (or, with `None` or an empty text, clears) the note on `night`; false if it was so.
    pub fn set_note(&mut self, night: Date, text: Option<String>) -> bool {
        let text = text.and_then(|t| clean_note(&t));
        set_mark(&mut self.notes, night, text)
    }

    /// Notes, oldest night first.
    pub fn notes(&self) -> impl Iterator<Item = (Date, &str)> + '_ {
        self.notes
            .iter()
            .filter_map(|(d, m)| m.text.as_deref().map(|t| (*d, t)))
    }

    /// The earliest night with anything recorded: a kept habit, a skip, a note or a cramp.
    pub fn first_night(&self) -> Option<Date> {
        let ticks = self.nights().next();
        let cramps = self.episodes.iter().map(|e| e.night).min();
        let skips = self.skipped_nights().next().map(|(d, _)| d);
        let notes = self.notes().next().map(|(d, _)| d);
        [ticks, cramps, skips, notes].into_iter().flatten().min()
    }

    /// Nights with at least one habit kept, oldest first.
    pub fn nights(&self) -> impl Iterator<Item = Date> + '_ {
        self.nights
            .iter()
            .filter(|n| decode(self.slice(n)).any(|t| t.count > 0))
            .map(|(d, _, _)| *d)
    }

    /// Nothing kept, skipped, noted or logged.
    pub fn is_empty(&self) -> bool {
        self.nights().next().is_none()
            && self.episodes.is_empty()
            && self.skipped_nights().next().is_none()
            && self.notes().next().is_none()
    }

    /// The habits kept on a night, with counts, sorted by id.
    pub fn ticks(&self, night: Date) -> Vec<(&str, u32)> {
        self.night(night)
            .map(|t| {
                decode(t)
                    .filter(|t| t.count > 0)
                    .map(|t| (t.habit, t.count))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The file text, in the current format.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(
            256 + self.nights.iter().map(|n| n.2 as usize + 18).sum::<usize>()
                + self.episodes.len() * 140,
        );
        out.push_str(&format!("{MAGIC} {FORMAT_VERSION}\n{HEADER_COMMENT}"));
        for n in &self.nights {
            out.push_str("night ");
            out.push_str(&n.0.to_string());
            out.push(' ');
            out.push_str(self.slice(n));
            out.push('\n');
        }
        for (word, undo, marks) in [
            ("skip", "unskip", &self.skips),
            ("note", "note", &self.notes),
        ] {
            for (night, mark) in marks {
                let change = |implicit: u32| {
                    if mark.change == implicit {
                        String::new()
                    } else {
                        format!("~{}", mark.change)
                    }
                };
                match &mark.text {
                    Some(t) if t.is_empty() => {
                        out.push_str(&format!("{word} {night}{}\n", change(1)))
                    }
                    Some(t) => out.push_str(&format!("{word} {night}{} {t}\n", change(1))),
                    None => out.push_str(&format!("{undo} {night}~{}\n", mark.change)),
                }
            }
        }
        for e in &self.episodes {
            out.push_str(&format!("cramp {} {}\n", e.id, e.fields()));
        }
        for id in &self.removed {
            out.push_str(&format!("removed {id}\n"));
        }
        out
    }
}

pub mod merge;
