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
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::content::is_valid_id;
use crate::diary::Episode;
use crate::text::sanitize;

pub const FORMAT_VERSION: u32 = 1;
pub const JOURNAL_FILE: &str = "journal.txt";
pub const LOCK_FILE: &str = "journal.lock";
const TEMP_FILE: &str = ".journal.txt.tmp";
const MAGIC: &str = "cramp-coach journal";
/// Most distinct habit ids a journal may name (content files hold at most 40).
pub const MAX_HABIT_IDS: usize = 4096;
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

/// Habit ticks by night. Habit ids are interned: a night holds (id index, count) pairs.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    ids: Vec<String>,
    nights: BTreeMap<Date, Vec<(u16, u32)>>,
    /// The cramp diary, by id.
    episodes: Vec<Episode>,
}

/// Equal when the ticks and the diary are equal, whatever order habit ids were first seen in.
impl PartialEq for Journal {
    fn eq(&self, other: &Journal) -> bool {
        self.episodes == other.episodes
            && self.nights.len() == other.nights.len()
            && self
                .nights
                .keys()
                .zip(other.nights.keys())
                .all(|(a, b)| a == b && self.ticks(*a) == other.ticks(*b))
    }
}

impl Eq for Journal {}

impl Journal {
    fn intern(&mut self, id: &str) -> u16 {
        if let Some(i) = self.ids.iter().position(|x| x == id) {
            return i as u16;
        }
        self.ids.push(id.to_string());
        (self.ids.len() - 1) as u16
    }

    fn index(&self, id: &str) -> Option<u16> {
        self.ids.iter().position(|x| x == id).map(|i| i as u16)
    }

    /// How many times `habit` was ticked on `night` (0, 1 for a yes/no habit, or a count).
    pub fn count(&self, night: Date, habit: &str) -> u32 {
        let Some(i) = self.index(habit) else { return 0 };
        self.nights
            .get(&night)
            .and_then(|t| t.iter().find(|(h, _)| *h == i))
            .map_or(0, |(_, n)| *n)
    }

    /// Sets the count of `habit` on `night` (0 removes it).
    pub fn set(&mut self, night: Date, habit: &str, count: u32) {
        let count = count.min(MAX_COUNT);
        if count == 0 {
            let Some(i) = self.index(habit) else { return };
            if let Some(ticks) = self.nights.get_mut(&night) {
                ticks.retain(|(h, _)| *h != i);
                if ticks.is_empty() {
                    self.nights.remove(&night);
                }
            }
            return;
        }
        let i = self.intern(habit);
        let ticks = self.nights.entry(night).or_default();
        match ticks.iter_mut().find(|(h, _)| *h == i) {
            Some(t) => t.1 = count,
            None => ticks.push((i, count)),
        }
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
        let ticks = self.nights.keys().next().copied();
        let cramps = self.episodes.iter().map(|e| e.night).min();
        ticks.into_iter().chain(cramps).min()
    }

    /// Nights with at least one tick, oldest first.
    pub fn nights(&self) -> impl Iterator<Item = Date> + '_ {
        self.nights.keys().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.nights.is_empty() && self.episodes.is_empty()
    }

    /// The habits ticked on a night, with counts, sorted by id.
    pub fn ticks(&self, night: Date) -> Vec<(&str, u32)> {
        let mut ticks: Vec<(&str, u32)> = self
            .nights
            .get(&night)
            .map(|t| {
                t.iter()
                    .map(|(i, n)| (self.ids[*i as usize].as_str(), *n))
                    .collect()
            })
            .unwrap_or_default();
        ticks.sort_unstable();
        ticks
    }

    /// The file text.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(64 + self.nights.len() * 48);
        out.push_str(&format!("{MAGIC} {FORMAT_VERSION}\n{HEADER_COMMENT}"));
        for night in self.nights.keys() {
            out.push_str("night ");
            out.push_str(&night.to_string());
            for (id, n) in self.ticks(*night) {
                out.push(' ');
                out.push_str(id);
                if n != 1 {
                    out.push('=');
                    out.push_str(&n.to_string());
                }
            }
            out.push('\n');
        }
        for e in &self.episodes {
            out.push_str(&format!("cramp {} {}\n", e.id, e.fields()));
        }
        out
    }

    /// Parses the file text; `path` names the file in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Journal, JournalError> {
        let error = |line: usize, column: usize, message: String| JournalError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
        };
        let mut journal = Journal::default();
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
                    if journal.nights.contains_key(&date) {
                        return Err(error(
                            line_no,
                            column_of(line, dcol),
                            format!("night {date} is listed twice"),
                        ));
                    }
                    let mut ticks: Vec<(u16, u32)> = Vec::new();
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
                        if journal.ids.len() >= MAX_HABIT_IDS && journal.index(id).is_none() {
                            return Err(error(
                                line_no,
                                column_of(line, tcol),
                                format!("more than {MAX_HABIT_IDS} different habit ids"),
                            ));
                        }
                        let i = journal.intern(id);
                        if ticks.iter().any(|(h, _)| *h == i) {
                            return Err(error(
                                line_no,
                                column_of(line, tcol),
                                format!("habit {id:?} is listed twice on one night"),
                            ));
                        }
                        ticks.push((i, count));
                    }
                    if !ticks.is_empty() {
                        journal.nights.insert(date, ticks);
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
            Ok(Some(text)) => Journal::parse(&path, &text),
            Ok(None) => Ok(Journal::default()),
            Err(e) => Err(e),
        }
    }

    /// A fingerprint of the file as it is on disk, to notice changes made by someone else.
    pub fn stamp(&self) -> Option<(u64, u64, i64, i64)> {
        use std::os::unix::fs::MetadataExt;
        let m = fs::metadata(self.path()).ok()?;
        Some((m.ino(), m.len(), m.mtime(), m.mtime_nsec()))
    }

    /// Reads, changes and writes the journal under the lock. Returns the journal as written.
    /// Nothing is written if the journal cannot be read or parsed, or if `change` leaves it as it was.
    pub fn update<R>(
        &self,
        change: impl Fn(&mut Journal) -> R,
    ) -> Result<(Journal, R), JournalError> {
        // A change that does nothing to an empty journal (undo, removing what is not there) creates
        // nothing when there is no journal yet: not the folder, not the lock, not the file.
        if !self.path().exists() {
            let mut probe = Journal::default();
            let result = change(&mut probe);
            if probe.is_empty() {
                return Ok((probe, result));
            }
        }
        self.prepare_dir()?;
        let lock_path = self.dir.join(LOCK_FILE);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&lock_path)
            .map_err(|source| JournalError::Lock {
                path: lock_path.clone(),
                source,
            })?;
        lock.lock().map_err(|source| JournalError::Lock {
            path: lock_path.clone(),
            source,
        })?;
        let before = self.load()?;
        let mut journal = before.clone();
        let result = change(&mut journal);
        if journal != before {
            self.write(&journal.to_text())?;
        }
        drop(lock);
        Ok((journal, result))
    }

    /// The folder exists and is private.
    fn prepare_dir(&self) -> Result<(), JournalError> {
        let err = |source| JournalError::Write {
            path: self.dir.clone(),
            source,
        };
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)
            .map_err(err)?;
        let mode = fs::metadata(&self.dir).map_err(err)?.permissions().mode() & 0o777;
        if mode != 0o700 {
            fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o700)).map_err(err)?;
        }
        Ok(())
    }

    /// Atomic, durable replacement of the journal file.
    fn write(&self, text: &str) -> Result<(), JournalError> {
        let path = self.path();
        let temp = self.dir.join(TEMP_FILE);
        let err = |source| JournalError::Write {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .mode(0o600)
            .open(&temp)
            .map_err(err)?;
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(err)?;
        file.write_all(text.as_bytes()).map_err(err)?;
        file.sync_all().map_err(err)?;
        drop(file);
        fs::rename(&temp, &path).map_err(err)?;
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(err)?;
        Ok(())
    }
}

/// The file's text, `None` if it does not exist.
fn read_limited(path: &Path) -> Result<Option<String>, JournalError> {
    let err = |source| JournalError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(err(e)),
    };
    let mut bytes = Vec::new();
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
