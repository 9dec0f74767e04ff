//! Reading the journal's text: a fast path for files exactly as the app writes them (years of
//! nights in about a millisecond), and a careful parser for anything else that names the line and
//! column of the first problem.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::civil::Date;

use super::diary::{self, Episode};
use super::{
    FORMAT_VERSION, Journal, JournalError, MAGIC, MAX_COUNT, MAX_NOTE_READ_CHARS, Mark, Tick,
    clean_text, encode,
};
use crate::content::is_valid_id;
use crate::night::{in_range, parse_date, range_text};
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
        match Journal::index_canonical(&text, true) {
            Some(mut journal) => {
                journal.text = text;
                Ok(journal)
            }
            None => Journal::parse_careful(path, &text),
        }
    }

    #[cfg(test)]
    fn parse_canonical(text: &str) -> Option<Journal> {
        Journal::index_canonical(text, true).map(|mut journal| {
            journal.text = text.to_string();
            journal
        })
    }

    /// The nights only (ticks, skips and notes), for a reader that needs nothing of the diary
    /// (`cramp habits`): a file as the app writes it is read without parsing its diary lines
    /// (they are only checked to be printable ASCII); anything else goes through the careful
    /// parser, which reads everything. Every change reads the whole journal again first, so a
    /// diary line this passes over is still checked before anything is written.
    pub fn parse_nights(path: &Path, text: String) -> Result<Journal, JournalError> {
        match Journal::index_canonical(&text, false) {
            Some(mut journal) => {
                journal.text = text;
                Ok(journal)
            }
            None => Journal::parse_careful(path, &text),
        }
    }

    /// The nights from `since` on (with every skip and note, and the file's first night), read
    /// from the end of a file as the app writes it, for a reader that shows recent nights (`cramp
    /// habits`): years of older nights are not read. A file laid out otherwise, or any line this
    /// does not expect, is read whole by [`Journal::parse_nights`]. As there, lines not read are
    /// checked by every write, which parses the whole journal first.
    pub fn parse_recent(path: &Path, text: String, since: Date) -> Result<Journal, JournalError> {
        match Journal::index_recent(&text, since) {
            Some(mut journal) => {
                journal.text = text;
                Ok(journal)
            }
            None => Journal::parse_nights(path, text),
        }
    }

    fn index_recent(text: &str, since: Date) -> Option<Journal> {
        let body = text.strip_prefix("cramp-coach journal 2\n")?;
        let mut journal = Journal {
            version: 2,
            ..Journal::default()
        };
        let offset = |s: &str| (s.as_ptr() as usize - text.as_ptr() as usize) as u32;
        // From the end: removals, the diary, notes, skips, then the nights, newest first.
        let mut lines = body.strip_suffix('\n')?.rsplit('\n');
        let mut stage = 0; // 0 removed, 1 cramp, 2 note, 3 skip, 4 night
        let mut reached_since = false;
        for line in lines.by_ref() {
            let (word, rest) = line.split_once(' ')?;
            let at = match word {
                "removed" => 0,
                "cramp" => 1,
                "note" => 2,
                "skip" | "unskip" => 3,
                "night" => 4,
                "#" | "#:" => break,
                w if w.starts_with('#') => break,
                _ => return None,
            };
            if at < stage {
                return None;
            }
            stage = at;
            match at {
                0 | 1 => {
                    if !line.is_ascii() || line.bytes().any(|b| b < 0x20 || b == 0x7f) {
                        return None;
                    }
                }
                2 | 3 => {
                    let (night, mark) = fast_mark(word, rest)?;
                    let marks = if at == 2 {
                        &mut journal.notes
                    } else {
                        &mut journal.skips
                    };
                    if marks.last().is_some_and(|(later, _)| *later <= night) {
                        return None;
                    }
                    marks.push((night, mark));
                }
                _ => {
                    let (date, ticks) = rest.split_at_checked(10)?;
                    let date = parse_date(date).filter(|d| in_range(*d))?;
                    if journal
                        .nights
                        .last()
                        .is_some_and(|(later, _, _)| *later <= date)
                    {
                        return None;
                    }
                    let ticks = ticks.strip_prefix(' ')?;
                    if !canonical_ticks(ticks.as_bytes(), 2) {
                        return None;
                    }
                    journal
                        .nights
                        .push((date, offset(ticks), ticks.len() as u32));
                    if date < since {
                        reached_since = true;
                        break;
                    }
                }
            }
        }
        if reached_since {
            // The file's first night, for where streaks stop: the first night line after the
            // header's comments.
            let first = body
                .split('\n')
                .find(|l| !l.starts_with('#'))
                .and_then(|l| l.strip_prefix("night "))?;
            let (date, ticks) = first.split_at_checked(10)?;
            let date = parse_date(date).filter(|d| in_range(*d))?;
            let ticks = ticks.strip_prefix(' ')?;
            if journal.nights.last().is_some_and(|(d, _, _)| *d > date) {
                if !canonical_ticks(ticks.as_bytes(), 2) {
                    return None;
                }
                journal
                    .nights
                    .push((date, offset(ticks), ticks.len() as u32));
            }
        } else {
            // The whole file was read from the end: the rest must be the header's comments.
            if lines.any(|l| !l.starts_with('#') || l.contains(|c: char| c.is_control())) {
                return None;
            }
        }
        journal.nights.reverse();
        journal.skips.reverse();
        journal.notes.reverse();
        Some(journal)
    }

    /// The fast path: `None` at the first thing it does not expect, valid or not. The journal it
    /// returns has its nights as ranges of `text`, which the caller puts in. Without `diary`,
    /// diary lines are passed over (see [`Journal::parse_nights`]).
    fn index_canonical(text: &str, diary: bool) -> Option<Journal> {
        let mut lines = text.split('\n');
        let version = match lines.next()? {
            "cramp-coach journal 2" => 2,
            "cramp-coach journal 1" => 1,
            _ => return None,
        };
        // The ticks stay where they are in the file's text: each night is a range of it.
        let mut journal = Journal {
            version,
            ..Journal::default()
        };
        journal.nights.reserve(text.len() / 100);
        let mut fields: Vec<(usize, &str)> = Vec::with_capacity(12);
        // Version 1 numbered its entries in increasing order, each once.
        let mut last_number = 0u32;
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
                let date = parse_date(date).filter(|d| in_range(*d))?;
                // Nights in order, as the app writes them: so none is listed twice.
                if journal
                    .nights
                    .last()
                    .is_some_and(|(last, _, _)| *last >= date)
                {
                    return None;
                }
                let ticks = ticks.strip_prefix(' ')?;
                if !canonical_ticks(ticks.as_bytes(), version) {
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
                if !diary {
                    continue;
                }
                let (id, after) = rest.split_once(' ')?;
                let id = if version == 1 {
                    if id.is_empty()
                        || id.starts_with('0')
                        || !id.bytes().all(|b| b.is_ascii_digit())
                    {
                        return None;
                    }
                    let number: u32 = id.parse().ok().filter(|&n| n > last_number)?;
                    last_number = number;
                    diary::legacy_id(number, after)
                } else {
                    if !diary::is_episode_id(id) {
                        return None;
                    }
                    id.to_string()
                };
                fields.clear();
                for word in after.split(' ') {
                    if word.is_empty() {
                        return None;
                    }
                    fields.push((word.as_ptr() as usize - line.as_ptr() as usize, word));
                }
                let episode = Episode::parse(id, &fields, line.len()).ok()?;
                // Version 2 keeps the diary in time order (then id); version 1 in number order,
                // put in time order below.
                if version == 2
                    && journal
                        .episodes
                        .last()
                        .is_some_and(|e| (e.at, &e.id) >= (episode.at, &episode.id))
                {
                    return None;
                }
                journal.episodes.push(episode);
            } else if version == 2 {
                let (word, rest) = line.split_once(' ')?;
                match word {
                    "skip" | "unskip" | "note" => {
                        let (night, mark) = fast_mark(word, rest)?;
                        let marks = if word == "note" {
                            &mut journal.notes
                        } else {
                            &mut journal.skips
                        };
                        if marks.last().is_some_and(|(last, _)| *last >= night) {
                            return None;
                        }
                        marks.push((night, mark));
                    }
                    "removed" if !diary => {
                        if !diary::is_episode_id(rest) {
                            return None;
                        }
                    }
                    "removed" => {
                        if !diary::is_episode_id(rest)
                            || journal
                                .removed
                                .last()
                                .is_some_and(|last| last.as_str() >= rest)
                        {
                            return None;
                        }
                        journal.removed.push(rest.to_string());
                    }
                    _ => return None,
                }
            } else {
                return None;
            }
        }
        if version == 1 {
            journal
                .episodes
                .sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        }
        // Each id once (the careful parser names the line of a second one).
        let mut ids: Vec<&str> = journal.episodes.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return None;
        }
        if journal
            .episodes
            .iter()
            .any(|e| journal.removed.binary_search(&e.id).is_ok())
        {
            return None;
        }
        Some(journal)
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
        let mut skips: BTreeMap<Date, Mark> = BTreeMap::new();
        let mut notes: BTreeMap<Date, Mark> = BTreeMap::new();
        let mut removed: BTreeSet<String> = BTreeSet::new();
        let mut version = 0;
        let mut numbers: BTreeSet<u32> = BTreeSet::new();
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
            if version == 0 {
                let number = trimmed
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
                let number: u64 = number.trim().parse().map_err(|_| {
                    error(
                        line_no,
                        indent + MAGIC.len() + 2,
                        "journal version is not a number".to_string(),
                    )
                })?;
                if number > u64::from(FORMAT_VERSION) {
                    return Err(JournalError::Newer {
                        path: path.to_path_buf(),
                        version: number,
                    });
                }
                if number == 0 {
                    return Err(error(
                        line_no,
                        indent + MAGIC.len() + 2,
                        "journal version 0 does not exist".to_string(),
                    ));
                }
                version = number as u32;
                continue;
            }
            let mut words = WordIter {
                line: trimmed,
                offset: indent,
            };
            let (col, kind) = words.next().unwrap_or((indent, ""));
            let date_word = |words: &mut WordIter, what: &str| {
                let (dcol, word) = words.next().ok_or_else(|| {
                    error(
                        line_no,
                        column_of(line, col),
                        format!("{what} needs a date: {kind} YYYY-MM-DD"),
                    )
                })?;
                let (date, change) = match word.split_once('~') {
                    Some((d, c)) => (d, Some((dcol + d.len() + 1, c))),
                    None => (word, None),
                };
                let date = parse_date(date).ok_or_else(|| {
                    error(
                        line_no,
                        column_of(line, dcol),
                        format!("{:?} is not a date (YYYY-MM-DD)", sanitize(date)),
                    )
                })?;
                // Only the nights the journal keeps (a copy merged in could bring any other).
                if !in_range(date) {
                    return Err(error(
                        line_no,
                        column_of(line, dcol),
                        format!("night {date} is outside {}", range_text()),
                    ));
                }
                let change = match change {
                    None => None,
                    Some((ccol, c)) => Some(change_number(c).ok_or_else(|| {
                        error(
                            line_no,
                            column_of(line, ccol),
                            format!("change number {:?} must be 1 or more", sanitize(c)),
                        )
                    })?),
                };
                Ok((dcol, date, change))
            };
            match kind {
                "night" => {
                    let (dcol, date, change) = date_word(&mut words, "a night")?;
                    if change.is_some() {
                        return Err(error(
                            line_no,
                            column_of(line, dcol),
                            "a night's date takes no ~N (each habit has its own)".to_string(),
                        ));
                    }
                    if nights.contains_key(&date) {
                        return Err(error(
                            line_no,
                            column_of(line, dcol),
                            format!("night {date} is listed twice"),
                        ));
                    }
                    let mut ticks: Vec<Tick> = Vec::new();
                    for (tcol, word) in words {
                        let (word, change) = match word.split_once('~').filter(|_| version >= 2) {
                            Some((w, c)) => {
                                let at = tcol + w.len() + 1;
                                let c = change_number(c).ok_or_else(|| {
                                    error(
                                        line_no,
                                        column_of(line, at),
                                        format!(
                                            "change number {:?} must be 1 or more",
                                            sanitize(c)
                                        ),
                                    )
                                })?;
                                (w, Some(c))
                            }
                            None => (word, None),
                        };
                        let (id, count) = match word.split_once('=') {
                            Some((id, n)) => {
                                // Version 1 kept only habits kept; version 2 keeps a 0 too.
                                let least = if version >= 2 { 0 } else { 1 };
                                let digits = !n.is_empty()
                                    && (n == "0" || !n.starts_with('0'))
                                    && n.bytes().all(|b| b.is_ascii_digit());
                                let count = digits
                                    .then(|| n.parse::<u32>().ok())
                                    .flatten()
                                    .filter(|c| (least..=MAX_COUNT).contains(c))
                                    .ok_or_else(|| {
                                        error(
                                            line_no,
                                            column_of(line, tcol + id.len() + 1),
                                            format!(
                                                "count {:?} must be {least} to {MAX_COUNT}",
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
                        if ticks.iter().any(|t| t.habit == id) {
                            return Err(error(
                                line_no,
                                column_of(line, tcol),
                                format!("habit {id:?} is listed twice on one night"),
                            ));
                        }
                        ticks.push(Tick {
                            habit: id,
                            count,
                            change: change.unwrap_or(super::implicit_change(count)),
                        });
                    }
                    if !ticks.is_empty() {
                        nights.insert(date, encode(ticks));
                    }
                }
                "skip" | "unskip" | "note" if version >= 2 => {
                    let (dcol, date, change) = date_word(&mut words, "a record")?;
                    let rest = words.rest().trim();
                    let mark = match kind {
                        "skip" => Mark {
                            change: change.unwrap_or(1),
                            text: Some(clean_text(rest, MAX_NOTE_READ_CHARS).unwrap_or_default()),
                        },
                        "note" => Mark {
                            change: change.unwrap_or(1),
                            text: clean_text(rest, MAX_NOTE_READ_CHARS),
                        },
                        _ => Mark {
                            change: change.unwrap_or(1),
                            text: None,
                        },
                    };
                    let marks = if kind == "note" {
                        &mut notes
                    } else {
                        &mut skips
                    };
                    if marks.insert(date, mark).is_some() {
                        return Err(error(
                            line_no,
                            column_of(line, dcol),
                            format!(
                                "night {date} has two {} records",
                                if kind == "note" { "note" } else { "skip" }
                            ),
                        ));
                    }
                }
                "removed" if version >= 2 => {
                    let (icol, id) = words.next().ok_or_else(|| {
                        error(
                            line_no,
                            column_of(line, col),
                            "removed needs an entry id".to_string(),
                        )
                    })?;
                    if !diary::is_episode_id(id) {
                        return Err(error(
                            line_no,
                            column_of(line, icol),
                            format!("{:?} is not an entry id", sanitize(id)),
                        ));
                    }
                    removed.insert(id.to_string());
                }
                "cramp" => {
                    let (icol, word) = words.next().ok_or_else(|| {
                        error(
                            line_no,
                            column_of(line, col),
                            "a cramp needs an id: cramp ID ...".to_string(),
                        )
                    })?;
                    let fields: Vec<(usize, &str)> = words.collect();
                    let id = if version == 1 {
                        let number: u32 =
                            word.parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                                error(
                                    line_no,
                                    column_of(line, icol),
                                    format!("{:?} is not an episode id", sanitize(word)),
                                )
                            })?;
                        if !numbers.insert(number) {
                            return Err(error(
                                line_no,
                                column_of(line, icol),
                                format!("cramp {number} is listed twice"),
                            ));
                        }
                        let after: Vec<&str> = fields.iter().map(|(_, w)| *w).collect();
                        diary::legacy_id(number, &after.join(" "))
                    } else if diary::is_episode_id(word) {
                        word.to_string()
                    } else {
                        return Err(error(
                            line_no,
                            column_of(line, icol),
                            format!(
                                "{:?} is not an entry id (4 to 16 letters a-z)",
                                sanitize(word)
                            ),
                        ));
                    };
                    if journal.episodes.iter().any(|e| e.id == id) {
                        return Err(error(
                            line_no,
                            column_of(line, icol),
                            format!("cramp {} is listed twice", sanitize(word)),
                        ));
                    }
                    let episode = Episode::parse(id, &fields, line.len())
                        .map_err(|(at, message)| error(line_no, column_of(line, at), message))?;
                    journal.episodes.push(episode);
                }
                other => {
                    let expected = if version >= 2 {
                        "\"night\", \"skip\", \"unskip\", \"note\", \"cramp\" or \"removed\""
                    } else {
                        "\"night\" or \"cramp\""
                    };
                    return Err(error(
                        line_no,
                        column_of(line, col),
                        format!("unknown record {:?} (expected {expected})", sanitize(other)),
                    ));
                }
            }
        }
        if version == 0 {
            return Err(error(
                1,
                1,
                format!("not a cramp-coach journal (no \"{MAGIC} {FORMAT_VERSION}\" line)"),
            ));
        }
        journal.version = version;
        journal.episodes.retain(|e| !removed.contains(&e.id));
        journal
            .episodes
            .sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        for (date, ticks) in nights {
            let (start, len) = journal.store(&ticks);
            journal.nights.push((date, start, len));
        }
        journal.skips = skips.into_iter().collect();
        journal.notes = notes.into_iter().collect();
        journal.removed = removed.into_iter().collect();
        Ok(journal)
    }
}

/// A change number as written after `~`: 1 or more, no sign or leading zero.
fn change_number(s: &str) -> Option<u32> {
    (!s.is_empty() && !s.starts_with('0') && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A `skip`, `unskip` or `note` line after its first word, exactly as the app writes it.
fn fast_mark(word: &str, rest: &str) -> Option<(Date, Mark)> {
    let (date_word, text) = match rest.split_once(' ') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let (date, change) = match date_word.split_once('~') {
        Some((d, c)) => (d, Some(change_number(c).filter(|&c| c != 1)?)),
        None => (date_word, None),
    };
    let night = parse_date(date).filter(|d| in_range(*d))?;
    if let Some(t) = text
        && clean_text(t, MAX_NOTE_READ_CHARS).as_deref() != Some(t)
    {
        return None;
    }
    let mark = match word {
        "skip" => Mark {
            change: change.unwrap_or(1),
            text: Some(text.unwrap_or("").to_string()),
        },
        "note" => Mark {
            change: change.unwrap_or(1),
            text: text.map(str::to_string),
        },
        _ => Mark {
            change: change?,
            text: text.map_or(Some(None), |_| None)?,
        },
    };
    Some((night, mark))
}

/// A night's ticks exactly as the app writes them: ids of [a-z0-9-] in strictly increasing order
/// (so none twice), single spaces, counts 2 to 999 without sign or leading zero. One pass over the
/// bytes: this is most of the work of reading a journal.
fn canonical_ticks(t: &[u8], version: u32) -> bool {
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
        let mut count = 1u32;
        if i < n && t[i] == b'=' {
            i += 1;
            let count_start = i;
            while i < n && t[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &t[count_start..i];
            if digits == b"0" && version >= 2 {
                count = 0;
            } else if digits.is_empty() || digits.len() > 3 || digits[0] == b'0' || digits == b"1" {
                return false;
            } else {
                count = number(digits);
            }
        }
        if i < n && t[i] == b'~' && version >= 2 {
            i += 1;
            let change_start = i;
            while i < n && t[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &t[change_start..i];
            if digits.is_empty()
                || digits.len() > 9
                || digits[0] == b'0'
                || number(digits) == super::implicit_change(count)
            {
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

/// The value of at most nine ASCII digits.
fn number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
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

impl<'a> WordIter<'a> {
    /// What is left of the line, as it is.
    fn rest(&self) -> &'a str {
        self.line
    }
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

#[cfg(test)]
mod v2 {
    use super::*;
    use jiff::civil::date;

    const V1: &str = "cramp-coach journal 1
night 2026-11-26 bedding fluids=4 stretch
night 2026-11-27 fluids=6 stretch
cramp 1 night=2026-11-26 at=2026-11-27T02:10:00+01:00 muscle=foot
cramp 2 night=2026-11-27 at=2026-11-28T03:12:00+01:00 muscle=calf side=left intensity=4 seconds=95 symptoms=no routine=calf steps=1,2,3,4,5
";

    #[test]
    fn a_version_1_journal_reads_the_same_and_is_written_as_version_2() {
        let old = Journal::parse(Path::new("j"), V1).unwrap();
        assert_eq!(old.version(), 1);
        let careful = Journal::parse_careful(Path::new("j"), V1).unwrap();
        assert_eq!(old, careful, "both parsers give v1 entries the same ids");
        assert_eq!(old.count(date(2026, 11, 26), "fluids"), 4);
        assert_eq!(old.episodes().len(), 2);
        let text = old.to_text();
        assert!(text.starts_with("cramp-coach journal 2\n"));
        // The nights' lines are the same; the entries have letter ids now, the same every time.
        assert!(text.contains("\nnight 2026-11-26 bedding fluids=4 stretch\n"));
        let new = Journal::parse(Path::new("j"), &text).unwrap();
        assert_eq!(new.version(), 2);
        assert_eq!(new, old);
        let ids: Vec<&str> = new.episodes().iter().map(|e| e.id.as_str()).collect();
        let again = Journal::parse(Path::new("j"), V1).unwrap();
        let again: Vec<&str> = again.episodes().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, again);
        assert!(ids.iter().all(|id| diary::is_episode_id(id)));
    }

    #[test]
    fn every_change_counts_and_an_untick_is_kept() {
        let night = date(2026, 11, 30);
        let mut j = Journal::default();
        j.set(night, "stretch", 1);
        j.set(night, "stretch", 0);
        j.set(night, "fluids", 1);
        j.set(night, "fluids", 2);
        j.set(night, "fluids", 2);
        let text = j.to_text();
        assert!(
            text.contains("\nnight 2026-11-30 fluids=2 stretch=0~2\n"),
            "{text}"
        );
        j.set(night, "stretch", 1);
        assert!(j.to_text().contains(" stretch~3\n"), "{}", j.to_text());
        assert_eq!(j.ticks(night), [("fluids", 2), ("stretch", 1)]);
    }

    #[test]
    fn both_parsers_agree_on_every_record_of_version_2() {
        let mut j = Journal::default();
        let n = date(2026, 11, 20);
        j.set(n, "stretch", 1);
        j.set(n, "stretch", 0);
        j.set(n, "fluids", 5);
        j.set_skip(date(2026, 11, 21), Some("sick".into()));
        j.set_skip(date(2026, 11, 22), Some(String::new()));
        j.set_skip(date(2026, 11, 23), Some("away".into()));
        j.set_skip(date(2026, 11, 23), None);
        j.set_note(n, Some("long walk, new shoes".into()));
        j.set_note(date(2026, 11, 24), Some("x".into()));
        j.set_note(date(2026, 11, 24), None);
        let at = jiff::Timestamp::from_second(1_764_000_000).unwrap();
        let a = j.add_episode(Episode::begun(at, &jiff::tz::TimeZone::UTC), 11);
        j.add_episode(Episode::begun(at, &jiff::tz::TimeZone::UTC), 12);
        assert!(j.remove_episode(&a));
        let text = j.to_text();
        let fast = Journal::parse_canonical(&text);
        assert!(
            fast.is_some(),
            "the app's own file takes the fast path:\n{text}"
        );
        let careful = Journal::parse_careful(Path::new("j"), &text).ok();
        assert_eq!(fast, careful);
        assert_eq!(fast.as_ref(), Some(&j));
        assert_eq!(j.skipped(date(2026, 11, 21)), Some("sick"));
        assert_eq!(j.skipped(date(2026, 11, 22)), Some(""));
        assert_eq!(j.skipped(date(2026, 11, 23)), None);
        assert_eq!(j.note(date(2026, 11, 24)), None);
    }

    #[test]
    fn entries_are_found_by_any_unambiguous_start() {
        let mut j = Journal::default();
        let at = jiff::Timestamp::from_second(1_764_000_000).unwrap();
        let ids: Vec<String> = (0..40)
            .map(|s| j.add_episode(Episode::begun(at, &jiff::tz::TimeZone::UTC), s))
            .collect();
        for id in &ids {
            let short = j.short_id(id);
            assert!(short.len() >= 4);
            assert_eq!(j.find_episode(short), Ok(id.clone()));
            assert_eq!(j.find_episode(&format!("#{short}")), Ok(id.clone()));
        }
        assert_eq!(j.find_episode("zzzzzzzzz"), Err(vec![]));
        // One letter matches many.
        let first = &ids[0][..1];
        let many = ids.iter().filter(|i| i.starts_with(first)).count();
        if many > 1 {
            assert_eq!(j.find_episode(first).unwrap_err().len(), many);
        }
    }

    #[test]
    fn the_nights_alone_pass_over_the_diary_which_the_whole_parse_still_checks() {
        let text = "cramp-coach journal 2\nnight 2026-11-20 stretch\ncramp kqmzbwta night=2026-11-20 at=soon\n";
        let nights = Journal::parse_nights(Path::new("j"), text.to_string()).unwrap();
        assert_eq!(nights.count(date(2026, 11, 20), "stretch"), 1);
        assert!(nights.episodes().is_empty());
        assert!(Journal::parse(Path::new("j"), text).is_err());
        // A control character is caught either way.
        let text = "cramp-coach journal 2\ncramp kqmzbwta \u{1b}[2J\n";
        assert!(Journal::parse_nights(Path::new("j"), text.to_string()).is_err());
    }

    #[test]
    fn recent_nights_read_from_the_end_agree_with_the_whole_file() {
        let mut j = Journal::default();
        let mut night = date(2020, 1, 1);
        for n in 0u32..900 {
            if n % 3 != 0 {
                j.set(night, "stretch", 1);
            }
            j.set(night, "fluids", 1 + n % 4);
            if n % 97 == 0 {
                j.set_skip(night, Some("away".into()));
                j.set_note(night, Some("note".into()));
            }
            night = night.tomorrow().unwrap();
        }
        let at = jiff::Timestamp::from_second(1_600_000_000).unwrap();
        let id = j.add_episode(Episode::begun(at, &jiff::tz::TimeZone::UTC), 5);
        j.add_episode(Episode::begun(at, &jiff::tz::TimeZone::UTC), 6);
        j.remove_episode(&id);
        let text = j.to_text();
        let whole = Journal::parse_nights(Path::new("j"), text.clone()).unwrap();
        let since = date(2022, 3, 1);
        let recent = Journal::index_recent(&text, since).expect("the app's own file");
        let recent = Journal {
            text: text.clone(),
            ..recent
        };
        assert_eq!(recent.first_night(), whole.first_night());
        let mut d = since;
        while d < night {
            assert_eq!(recent.ticks(d), whole.ticks(d), "{d}");
            assert_eq!(recent.skipped(d), whole.skipped(d), "{d}");
            assert_eq!(recent.note(d), whole.note(d), "{d}");
            d = d.tomorrow().unwrap();
        }
        assert_eq!(
            recent.skipped_nights().count(),
            whole.skipped_nights().count()
        );
        // Laid out otherwise (a comment among the recent nights), it is not read from the end.
        let odd = text.replacen("night 2022-05-", "# moved\nnight 2022-05-", 1);
        assert!(Journal::index_recent(&odd, since).is_none());
        // Version 1 is not read from the end either.
        assert!(
            Journal::index_recent("cramp-coach journal 1\nnight 2026-11-20 a\n", since).is_none()
        );
    }

    #[test]
    fn a_newer_version_is_refused() {
        let e = Journal::parse(Path::new("j"), "cramp-coach journal 3\n").unwrap_err();
        assert!(matches!(e, JournalError::Newer { version: 3, .. }));
    }
}
