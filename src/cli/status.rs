//! `cramp status [--format F] [--due] [--color]`: one short line for a prompt or status bar.
//!
//! Read-only and quiet: it takes no lock, writes nothing and creates nothing. A missing journal
//! gives an empty line; one that cannot be read gives a short marker (`cramp ?`), exit 0, so a
//! prompt never breaks. Content or config broken in their usual place give way to the built-in
//! ones without a word; a broken `--content` / `--config` is still bad usage (exit 2). `--due`
//! exits 0 and prints the reminder when a reminder habit is still open tonight past
//! `remind_after`, 1 otherwise (also, without a word, when the journal cannot be read).

use std::fs::File;
use std::io::{self, Write};

use jiff::Timestamp;
use jiff::civil::Date;

use cramp_coach::config::locations::Locations;
use cramp_coach::content::Content;
use cramp_coach::night::night_of;
use cramp_coach::status::{Format, Scan, Seen, Step, compute, default_line};
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
    // The built-in content is read from its end only: the habits and the bedtime routine.
    let content = match locations.content_origin() {
        cramp_coach::config::locations::Origin::Builtin => Content::builtin_habits(),
        _ => locations.content()?.0,
    };
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

/// The journal, as little of it as status needs: its end, read backwards (the diary and the nights
/// back to tonight), or the whole journal when the end is not as the app writes it. Nothing is
/// created, nothing is locked.
fn read(locations: &Locations, tonight: Date) -> Read {
    let Some(store) = super::journal::store(locations) else {
        return Read::Missing;
    };
    match store.open_to_read() {
        Ok(None) => return Read::Missing,
        Err(_) => return Read::Unreadable,
        Ok(Some(file)) => {
            if let Ok(Some(seen)) = scan_end(&file, tonight) {
                return Read::Seen(seen);
            }
        }
    }
    match store.load() {
        Ok(journal) => Read::Seen(Seen::from_journal(&journal, tonight)),
        Err(_) => Read::Unreadable,
    }
}

/// Bytes read at a time from the end of the journal.
const CHUNK: u64 = 32 * 1024;

/// The journal's header, then its lines from the last one back, through [`Scan`], a chunk at a
/// time from the end; `None` when the scan finds something unusual.
fn scan_end(file: &File, tonight: Date) -> io::Result<Option<Seen>> {
    let len = file.metadata()?.len();
    // Larger than the journal may be: the whole parser refuses it.
    if len > cramp_coach::journal::MAX_JOURNAL_BYTES {
        return Ok(None);
    }
    let mut head = [0u8; 64];
    let n = read_at(file, &mut head, 0)?;
    let (first, body_start) = match head[..n].iter().position(|&b| b == b'\n') {
        Some(i) => (&head[..i], i as u64 + 1),
        None => (&head[..n], len),
    };
    if !std::str::from_utf8(first).is_ok_and(Scan::is_header) {
        return Ok(None);
    }
    let mut scan = Scan::new(tonight);
    // `carry`: the end of a line whose start is in the chunk before the one just read.
    let mut carry: Vec<u8> = Vec::new();
    let mut end = len;
    while end > body_start {
        let from = end.saturating_sub(CHUNK).max(body_start);
        let mut buf = vec![0u8; (end - from) as usize];
        if read_at(file, &mut buf, from)? != buf.len() {
            // The file shrank under us: let the whole parser read what is there now.
            return Ok(None);
        }
        buf.extend_from_slice(&carry);
        // Whole lines: from the first line break on, or all of it at the start of the body.
        let whole = if from == body_start {
            0
        } else {
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => i + 1,
                // No line the app writes is this long: the whole parser judges (and bounds) it.
                None if buf.len() as u64 > 2 * CHUNK => return Ok(None),
                None => {
                    carry = buf;
                    end = from;
                    continue;
                }
            }
        };
        let Ok(lines) = std::str::from_utf8(&buf[whole..]) else {
            return Ok(None);
        };
        for line in lines.rsplit('\n') {
            match scan.line(line) {
                Step::More => {}
                Step::Done => return Ok(Some(scan.seen())),
                Step::Unusual => return Ok(None),
            }
        }
        buf.truncate(whole.saturating_sub(1));
        carry = buf;
        end = from;
    }
    Ok(Some(scan.seen()))
}

/// Fills as much of `buf` as the file has from `offset` (a seek, then reads: the same on every
/// platform).
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Writes the answer; a reader that went away changes nothing (the exit code is the answer).
fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
