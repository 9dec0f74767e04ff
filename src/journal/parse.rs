//! Reading the journal's text: a fast path for files exactly as the app writes them (years of
//! nights in about a millisecond), and a careful parser for anything else that names the line and
//! column of the first problem.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;

use super::diary::Episode;
use super::{CanonicalIndex, FORMAT_VERSION, Journal, JournalError, MAGIC, MAX_COUNT, encode};
use crate::content::is_valid_id;
use crate::night::parse_date;
use crate::text::sanitize;

impl Journal {
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
