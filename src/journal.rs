//! The journal: habit ticks by night (and, later, the cramp diary), in one small text file.
//!
//! Format (version 1), one record a line, sorted by date:
//!
//! ```text
//! cramp-coach journal 1
//! # comments start with '#'
//! night 2026-11-26 bedding fluids=4 stretch
//! ```
//!
//! `night DATE` names the night by the date of the evening it began; each habit kept that night follows,
//! a counted habit as `id=COUNT`. A habit not listed was not kept.
//!
//! Every change is made by [`Store::update`]: under an exclusive lock on a separate lock file, the
//! journal is read again, changed, written to a temporary file in the same folder, flushed to disk,
//! renamed over the old one, and the folder flushed too. A journal that cannot be read or parsed is
//! never written over.

use std::collections::BTreeMap;
use std::fs::TryLockError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::content::is_valid_id;
use crate::diary::Episode;
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

    /// Parses the file text; `path` names the file in errors.
    ///
    /// Files as the app writes them take a fast path (years of nights are read in about a
    /// millisecond); anything else, or any error, goes through the careful parser, which names
    /// the line and column of the first problem.
    pub fn parse(path: &Path, text: &str) -> Result<Journal, JournalError> {
        Journal::parse_owned(path, text.to_string())
    }

    /// [`Journal::parse`] of text the journal may keep: a file the app wrote is not copied.
    pub fn parse_owned(path: &Path, text: String) -> Result<Journal, JournalError> {
        match Journal::index_canonical(&text) {
            Some((nights, episodes)) => Ok(Journal {
                text,
                nights,
                episodes,
            }),
            None => Journal::parse_careful(path, &text),
        }
    }

    #[cfg(test)]
    fn parse_canonical(text: &str) -> Option<Journal> {
        Journal::index_canonical(text).map(|(nights, episodes)| Journal {
            text: text.to_string(),
            nights,
            episodes,
        })
    }

    /// The fast path: `None` at the first thing it does not expect, valid or not.
    fn index_canonical(text: &str) -> Option<CanonicalIndex> {
        let mut lines = text.split('\n');
        if lines.next()? != "cramp-coach journal 1" {
            return None;
        }
        // The ticks stay where they are in the file's text: each night is a range of it.
        let mut journal = Journal::default();
        journal.nights.reserve(text.len() / 100);
        let mut fields: Vec<(usize, &str)> = Vec::with_capacity(12);
        for line in lines {
            let bytes = line.as_bytes();
            if bytes.is_empty() || bytes[0] == b'#' {
                if line.contains(|c: char| c.is_control()) {
                    return None;
                }
                continue;
            }
            if let Some(rest) = line.strip_prefix("night ") {
                let (date, ticks) = rest.split_at_checked(10)?;
                let date = parse_date(date)?;
                // Nights in order, as the app writes them: so none is listed twice.
                if journal
                    .nights
                    .last()
                    .is_some_and(|(last, _, _)| *last >= date)
                {
                    return None;
                }
                let ticks = ticks.strip_prefix(' ')?;
                if !canonical_ticks(ticks.as_bytes()) {
                    return None;
                }
                let start = ticks.as_ptr() as usize - text.as_ptr() as usize;
                journal
                    .nights
                    .push((date, start as u32, ticks.len() as u32));
            } else if let Some(rest) = line.strip_prefix("cramp ") {
                if !line.is_ascii() || line.bytes().any(|b| b < 0x20 || b == 0x7f) {
                    return None;
                }
                let mut words = rest.split(' ');
                let id = words.next()?;
                if id.is_empty() || id.starts_with('0') || !id.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let id: u32 = id.parse().ok().filter(|&n| n >= 1)?;
                if journal.episodes.last().is_some_and(|e| e.id >= id) {
                    return None;
                }
                fields.clear();
                for word in words {
                    if word.is_empty() {
                        return None;
                    }
                    fields.push((word.as_ptr() as usize - line.as_ptr() as usize, word));
                }
                journal
                    .episodes
                    .push(Episode::parse(id, &fields, line.len()).ok()?);
            } else {
                return None;
            }
        }
        Some((journal.nights, journal.episodes))
    }

    /// The careful parser: every error with its line and column.
    fn parse_careful(path: &Path, text: &str) -> Result<Journal, JournalError> {
        let error = |line: usize, column: usize, message: String| JournalError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
        };
        let mut journal = Journal::default();
        let mut nights: BTreeMap<Date, String> = BTreeMap::new();
        let mut seen_header = false;
        for (n, raw) in text.split('\n').enumerate() {
            let line_no = n + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if let Some(col) = line.find(|c: char| c.is_control() && c != '\t') {
                let column = line[..col].chars().count() + 1;
                return Err(error(
                    line_no,
                    column,
                    "control character in the journal".to_string(),
                ));
            }
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            if !seen_header {
                let version = trimmed
                    .strip_prefix(MAGIC)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .ok_or_else(|| {
                        error(
                            line_no,
                            indent + 1,
                            format!(
                                "not a cramp-coach journal (expected \"{MAGIC} {FORMAT_VERSION}\")"
                            ),
                        )
                    })?;
                let version: u64 = version.trim().parse().map_err(|_| {
                    error(
                        line_no,
                        indent + MAGIC.len() + 2,
                        "journal version is not a number".to_string(),
                    )
                })?;
                if version > u64::from(FORMAT_VERSION) {
                    return Err(JournalError::Newer {
                        path: path.to_path_buf(),
                        version,
                    });
                }
                if version == 0 {
                    return Err(error(
                        line_no,
                        indent + MAGIC.len() + 2,
                        "journal version 0 does not exist".to_string(),
                    ));
                }
                seen_header = true;
                continue;
            }
            let mut words = WordIter {
                line: trimmed,
                offset: indent,
            };
            let (col, kind) = words.next().unwrap_or((indent, ""));
            match kind {
                "night" => {
                    let (dcol, word) = words.next().ok_or_else(|| {
                        error(
                            line_no,
                            col + 1,
                            "a night needs a date: night YYYY-MM-DD".to_string(),
                        )
                    })?;
                    let date = parse_date(word).ok_or_else(|| {
                        error(
                            line_no,
                            column_of(line, dcol),
                            format!("{:?} is not a date (YYYY-MM-DD)", sanitize(word)),
                        )
                    })?;
                    if nights.contains_key(&date) {
                        return Err(error(
                            line_no,
                            column_of(line, dcol),
                            format!("night {date} is listed twice"),
                        ));
                    }
                    let mut ticks: Vec<(&str, u32)> = Vec::new();
                    for (tcol, word) in words {
                        let (id, count) = match word.split_once('=') {
                            Some((id, n)) => {
                                let digits = !n.is_empty()
                                    && !n.starts_with('0')
                                    && n.bytes().all(|b| b.is_ascii_digit());
                                let count = digits
                                    .then(|| n.parse::<u32>().ok())
                                    .flatten()
                                    .filter(|c| (1..=MAX_COUNT).contains(c))
                                    .ok_or_else(|| {
                                        error(
                                            line_no,
                                            column_of(line, tcol + id.len() + 1),
                                            format!(
                                                "count {:?} must be 1 to {MAX_COUNT}",
                                                sanitize(n)
                                            ),
                                        )
                                    })?;
                                (id, count)
                            }
                            None => (word, 1),
                        };
                        if !is_valid_id(id) {
                            return Err(error(
                                line_no,
                                column_of(line, tcol),
                                format!("{:?} is not a habit id", sanitize(id)),
                            ));
                        }
                        if ticks.iter().any(|(h, _)| *h == id) {
                            return Err(error(
                                line_no,
                                column_of(line, tcol),
                                format!("habit {id:?} is listed twice on one night"),
                            ));
                        }
                        ticks.push((id, count));
                    }
                    if !ticks.is_empty() {
                        nights.insert(date, encode(ticks));
                    }
                }
                "cramp" => {
                    let (icol, word) = words.next().ok_or_else(|| {
                        error(
                            line_no,
                            column_of(line, col),
                            "a cramp needs an id: cramp N ...".to_string(),
                        )
                    })?;
                    let id: u32 = word.parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                        error(
                            line_no,
                            column_of(line, icol),
                            format!("{:?} is not an episode id", sanitize(word)),
                        )
                    })?;
                    if journal.episodes.iter().any(|e| e.id == id) {
                        return Err(error(
                            line_no,
                            column_of(line, icol),
                            format!("cramp {id} is listed twice"),
                        ));
                    }
                    let fields: Vec<(usize, &str)> = words.collect();
                    let episode = Episode::parse(id, &fields, line.len())
                        .map_err(|(at, message)| error(line_no, column_of(line, at), message))?;
                    journal.episodes.push(episode);
                }
                other => {
                    return Err(error(
                        line_no,
                        column_of(line, col),
                        format!(
                            "unknown record {:?} (expected \"night\" or \"cramp\")",
                            sanitize(other)
                        ),
                    ));
                }
            }
        }
        journal.episodes.sort_by_key(|e| e.id);
        for (date, ticks) in nights {
            let (start, len) = journal.store(&ticks);
            journal.nights.push((date, start, len));
        }
        if !seen_header {
            return Err(error(
                1,
                1,
                format!("not a cramp-coach journal (no \"{MAGIC} {FORMAT_VERSION}\" line)"),
            ));
        }
        Ok(journal)
    }
}

/// A night's ticks exactly as the app writes them: ids of [a-z0-9-] in strictly increasing order
/// (so none twice), single spaces, counts 2 to 999 without sign or leading zero. One pass over the
/// bytes: this is most of the work of reading a journal.
fn canonical_ticks(t: &[u8]) -> bool {
    let n = t.len();
    let mut i = 0;
    let mut previous: &[u8] = &[];
    loop {
        let start = i;
        while i < n && ID_BYTE[t[i] as usize] {
            i += 1;
        }
        let id = &t[start..i];
        if id.is_empty() || id.len() > 32 || !greater(id, previous) {
            return false;
        }
        previous = id;
        if i < n && t[i] == b'=' {
            i += 1;
            let count_start = i;
            while i < n && t[i].is_ascii_digit() {
                i += 1;
            }
            let count = &t[count_start..i];
            if count.is_empty() || count.len() > 3 || count[0] == b'0' || count == b"1" {
                return false;
            }
        }
        if i == n {
            return true;
        }
        if t[i] != b' ' {
            return false;
        }
        i += 1;
    }
}

/// Bytes an id may hold: a-z, 0-9, '-'.
const ID_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'a'..=b'z' | b'0'..=b'9' | b'-');
        b += 1;
    }
    table
};

/// `a > b` for short byte strings, compared in place (no call to memcmp for a few bytes).
fn greater(a: &[u8], b: &[u8]) -> bool {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x > y;
        }
    }
    a.len() > b.len()
}

/// 1-based character column of byte offset `at` in `line`.
fn column_of(line: &str, at: usize) -> usize {
    line.get(..at).map_or(at, |s| s.chars().count()) + 1
}

/// Words separated by spaces or tabs, with their byte offsets in the line.
struct WordIter<'a> {
    line: &'a str,
    offset: usize,
}

impl<'a> Iterator for WordIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.line.trim_start_matches([' ', '\t']);
        self.offset += self.line.len() - rest.len();
        if rest.is_empty() {
            return None;
        }
        let end = rest.find([' ', '\t']).unwrap_or(rest.len());
        let word = &rest[..end];
        let at = self.offset;
        self.line = &rest[end..];
        self.offset += end;
        Some((at, word))
    }
}

/// `YYYY-MM-DD`, strictly.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        b[r].iter().try_fold(0i32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// What identifies one version of the journal file on disk: inode, length, modification time.
pub type Stamp = (u64, u64, i64, i64);

/// How long a change waits for another cramp's lock before it says so, and before it gives up.
pub const LOCK_NOTICE: Duration = Duration::from_secs(1);
pub const LOCK_GIVE_UP: Duration = Duration::from_secs(10);
const LOCK_POLL: Duration = Duration::from_millis(50);

/// The journal's folder and the way every change reaches the disk.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(JOURNAL_FILE)
    }

    /// Reads the journal; a missing file is an empty journal.
    pub fn load(&self) -> Result<Journal, JournalError> {
        let path = self.path();
        match read_limited(&path) {
            Ok(Some(text)) => Journal::parse_owned(&path, text),
            Ok(None) => Ok(Journal::default()),
            Err(e) => Err(e),
        }
    }

    /// A fingerprint of the file as it is on disk, to notice changes made by someone else.
    pub fn stamp(&self) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let m = fs::symlink_metadata(self.path()).ok()?;
        Some((m.ino(), m.len(), m.mtime(), m.mtime_nsec()))
    }

    /// Why the folder would be refused for writing, if it exists and is not private: for read-only
    /// commands to warn about once.
    pub fn folder_warning(&self) -> Option<String> {
        let m = fs::metadata(&self.dir).ok().filter(fs::Metadata::is_dir)?;
        match check_folder(&self.dir, &m) {
            Err(JournalError::UnsafeFolder { path, reason }) => Some(format!(
                "{}: {reason}; the journal is read but will not be written there",
                show(&path)
            )),
            _ => None,
        }
    }

    /// Reads, changes and writes the journal under the lock. Returns the journal as written.
    /// Nothing is written if the journal cannot be read or parsed, or if `change` leaves it as it was.
    pub fn update<R>(
        &self,
        change: impl Fn(&mut Journal) -> R,
    ) -> Result<(Journal, R), JournalError> {
        self.update_waiting(|| {}, change)
    }

    /// [`Store::update`], calling `waiting` once if another cramp has held the lock for
    /// [`LOCK_NOTICE`]; after [`LOCK_GIVE_UP`] it gives up with [`JournalError::Busy`].
    pub fn update_waiting<R>(
        &self,
        waiting: impl FnOnce(),
        change: impl Fn(&mut Journal) -> R,
    ) -> Result<(Journal, R), JournalError> {
        // A change that does nothing to an empty journal (undo, removing what is not there) creates
        // nothing when there is no journal yet: not the folder, not the lock, not the file.
        if matches!(fs::symlink_metadata(self.path()), Err(e) if e.kind() == io::ErrorKind::NotFound)
        {
            let mut probe = Journal::default();
            let result = change(&mut probe);
            if probe.is_empty() {
                return Ok((probe, result));
            }
        }
        self.prepare_dir()?;
        let lock = self.lock(waiting)?;
        let before = self.load()?;
        let mut journal = before.clone();
        let result = change(&mut journal);
        if journal != before {
            self.remove_leftovers();
            self.write(&journal.to_text())?;
        }
        drop(lock);
        Ok((journal, result))
    }

    /// The lock file, opened without following a link, and locked: waits for another cramp, says
    /// so once, and gives up after [`LOCK_GIVE_UP`].
    fn lock(&self, waiting: impl FnOnce()) -> Result<File, JournalError> {
        let path = self.dir.join(LOCK_FILE);
        let err = |source| JournalError::Lock {
            path: path.clone(),
            source,
        };
        let lock = open_regular(
            &path,
            OpenOptions::new().create(true).truncate(false).write(true),
        )
        .map_err(|e| match e {
            Opened::Io(source) => err(source),
            Opened::NotAFile(what) => JournalError::NotAFile {
                path: path.clone(),
                what,
            },
        })?;
        let started = Instant::now();
        let mut waiting = Some(waiting);
        loop {
            match lock.try_lock() {
                Ok(()) => return Ok(lock),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(source)) => return Err(err(source)),
            }
            let waited = started.elapsed();
            if waited >= LOCK_GIVE_UP {
                return Err(JournalError::Busy {
                    path,
                    seconds: LOCK_GIVE_UP.as_secs(),
                });
            }
            if waited >= LOCK_NOTICE
                && let Some(w) = waiting.take()
            {
                w();
            }
            std::thread::sleep(LOCK_POLL);
        }
    }

    /// The folder exists: created private (0700) if the app makes it; used as it is if it was
    /// there, unless others could change what is in it (then nothing is written).
    fn prepare_dir(&self) -> Result<(), JournalError> {
        let err = |source| JournalError::Write {
            path: self.dir.clone(),
            source,
        };
        if let Some(parent) = self.dir.parent()
            && !parent.as_os_str().is_empty()
        {
            fs::create_dir_all(parent).map_err(err)?;
        }
        match fs::DirBuilder::new().mode(0o700).create(&self.dir) {
            // Made here: private whatever the umask (the umask can only take bits away).
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(err(e)),
        }
        let meta = fs::metadata(&self.dir).map_err(err)?;
        check_folder(&self.dir, &meta)
    }

    /// Removes temporary files left by a cramp killed while writing (called under the lock, so
    /// no other cramp is writing one now). Only plain files of this user's are removed.
    fn remove_leftovers(&self) {
        use std::os::unix::fs::MetadataExt;
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let me = current_user();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
                continue;
            }
            if let Ok(m) = fs::symlink_metadata(entry.path())
                && m.file_type().is_file()
                && m.uid() == me
            {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Atomic, durable replacement of the journal file: a fresh temporary file (unpredictable
    /// name, created exclusively, 0600), flushed, renamed over the journal, the folder flushed.
    /// On any error the temporary file is removed and the journal is as it was.
    fn write(&self, text: &str) -> Result<(), JournalError> {
        let path = self.path();
        let err = |source| JournalError::Write {
            path: path.clone(),
            source,
        };
        // A link, a folder or a FIFO where the journal should be is not replaced.
        match fs::symlink_metadata(&path) {
            Ok(m) if !m.file_type().is_file() => {
                return Err(JournalError::NotAFile {
                    path: path.clone(),
                    what: kind_of(&m.file_type()),
                });
            }
            _ => {}
        }
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(10)
            .permissions(fs::Permissions::from_mode(0o600))
            .tempfile_in(&self.dir)
            .map_err(err)?;
        // 0600 whatever the umask: this is a file the app itself just created.
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(err)?;
        temp.as_file_mut().write_all(text.as_bytes()).map_err(err)?;
        temp.as_file().sync_all().map_err(err)?;
        temp.persist(&path).map_err(|e| err(e.error))?;
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(err)?;
        Ok(())
    }
}

const TEMP_PREFIX: &str = ".journal.txt.";
const TEMP_SUFFIX: &str = ".tmp";

fn current_user() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The folder may hold the journal only if nobody else can change what is in it.
fn check_folder(dir: &Path, meta: &fs::Metadata) -> Result<(), JournalError> {
    use std::os::unix::fs::MetadataExt;
    let unsafe_folder = |reason: String| {
        Err(JournalError::UnsafeFolder {
            path: dir.to_path_buf(),
            reason,
        })
    };
    if !meta.is_dir() {
        return unsafe_folder("not a folder".to_string());
    }
    if meta.uid() != current_user() {
        return unsafe_folder(format!(
            "belongs to another user (uid {}); choose a folder of your own with --data-dir",
            meta.uid()
        ));
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o022 != 0 {
        return unsafe_folder(format!(
            "others can change what is in it (mode {mode:04o}); make it private with \
             `chmod 700` or choose another folder with --data-dir"
        ));
    }
    Ok(())
}

fn kind_of(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// Why a file could not be opened as a regular file.
pub(crate) enum Opened {
    Io(io::Error),
    NotAFile(&'static str),
}

/// Opens `path` as a regular file, never following a link and never waiting on a FIFO or a
/// device: a link is refused, anything but a regular file is refused after opening.
pub(crate) fn open_regular(path: &Path, options: &mut OpenOptions) -> Result<File, Opened> {
    // Named first, so that a FIFO opened for writing does not fail as "no such device".
    if let Ok(m) = fs::symlink_metadata(path)
        && !m.file_type().is_file()
    {
        return Err(Opened::NotAFile(kind_of(&m.file_type())));
    }
    let file = match options
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(Opened::NotAFile("a symbolic link"));
        }
        Err(e) => return Err(Opened::Io(e)),
    };
    let meta = file.metadata().map_err(Opened::Io)?;
    if !meta.file_type().is_file() {
        return Err(Opened::NotAFile(kind_of(&meta.file_type())));
    }
    Ok(file)
}

/// The file's text, `None` if it does not exist.
fn read_limited(path: &Path) -> Result<Option<String>, JournalError> {
    let err = |source| JournalError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = match open_regular(path, OpenOptions::new().read(true)) {
        Ok(f) => f,
        Err(Opened::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(Opened::Io(e)) if e.kind() == io::ErrorKind::NotADirectory => {
            return Err(JournalError::UnsafeFolder {
                path: path.parent().unwrap_or(path).to_path_buf(),
                reason: "not a folder".to_string(),
            });
        }
        Err(Opened::Io(e)) => return Err(err(e)),
        Err(Opened::NotAFile(what)) => {
            return Err(JournalError::NotAFile {
                path: path.to_path_buf(),
                what,
            });
        }
    };
    // Sized from the file's length, so a large journal is read in one go, not by doubling.
    let size = file
        .metadata()
        .map_or(0, |m| m.len().min(MAX_JOURNAL_BYTES + 1));
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_JOURNAL_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(err)?;
    if bytes.len() as u64 > MAX_JOURNAL_BYTES {
        return Err(JournalError::Parse {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("larger than {} MiB", MAX_JOURNAL_BYTES >> 20),
        });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
            Err(JournalError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: "not valid UTF-8".to_string(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path and the careful parser read a file the app wrote the same way.
    #[test]
    fn both_parsers_agree_on_what_the_app_writes() {
        let mut j = Journal::default();
        let ids = ["stretch", "fluids", "bedding", "no-late-legs", "h1", "h2"];
        let mut night = jiff::civil::date(2016, 2, 27);
        for n in 0u32..1000 {
            for (k, id) in ids.iter().enumerate() {
                if (n * 7 + k as u32 * 3) % 5 < 3 {
                    j.set(night, id, 1 + (n + k as u32) % 4);
                }
            }
            night = night.tomorrow().unwrap_or(night);
        }
        let text = j.to_text();
        let fast = Journal::parse_canonical(&text);
        assert!(fast.is_some(), "the app's own file takes the fast path");
        let careful = Journal::parse_careful(Path::new("j"), &text).ok();
        assert_eq!(fast, careful);
        assert_eq!(fast.as_ref(), Some(&j));
    }

    #[test]
    fn ids_compare_as_bytes() {
        for (a, b) in [
            ("b", "a"),
            ("ab", "a"),
            ("a-", "a"),
            ("h02", "h01"),
            ("long-habit-id-2", "long-habit-id-1"),
        ] {
            assert!(greater(a.as_bytes(), b.as_bytes()), "{a} > {b}");
            assert!(!greater(b.as_bytes(), a.as_bytes()), "not {b} > {a}");
        }
        assert!(!greater(b"same-long-habit", b"same-long-habit"));
        assert!(!greater(b"same", b"same"));
        assert!(greater(b"a", b""));
    }

    #[test]
    fn anything_unusual_leaves_the_fast_path() {
        for text in [
            "cramp-coach journal 1\nnight 2025-01-02 a\nnight 2025-01-01 b\n",
            "cramp-coach journal 1\nnight 2025-01-01 a  b\n",
            "cramp-coach journal 1\nnight 2025-01-01 a=01\n",
            "cramp-coach journal 1\r\nnight 2025-01-01 a\r\n",
            "cramp-coach journal 1\nnight 2025-01-01 a a\n",
            "# a comment first\ncramp-coach journal 1\n",
        ] {
            assert_eq!(Journal::parse_canonical(text), None, "{text:?}");
        }
    }
}
