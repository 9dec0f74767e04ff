//! The cramp diary: one episode a record, kept in the journal beside the habit ticks.
//!
//! In the journal file an episode is one line of `key=value` fields after its id:
//!
//! ```text
//! cramp kqmzbwta night=2026-11-27 at=2026-11-28T03:12:00+01:00 muscle=calf side=left intensity=4 seconds=95 symptoms=no routine=calf steps=1,2,5
//! ```
//!
//! Only `night` and `at` are always there; a field left unset at 3 a.m. is simply absent.
//!
//! An entry's id is eight random letters, so two machines never give the same id to different
//! cramps and a removed id is never given again; people use its first four or so letters
//! ([`crate::journal::Journal::short_id`]). A version 1 journal numbered its entries; each is read
//! under an id made from its number and its fields, the same on every machine that has it.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use crate::content::{Muscle, is_valid_id};
use crate::night::night_of_cramp;
use crate::night::parse_date;
use crate::text::sanitize;

/// Longest episode kept: a day.
pub const MAX_SECONDS: u32 = 24 * 3600;
/// A cramp longer than this is a reason to see a doctor (NHS).
pub const LONG_CRAMP_SECONDS: u32 = 10 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegSide {
    Left,
    Right,
    Both,
}

impl LegSide {
    pub const ALL: [LegSide; 3] = [LegSide::Left, LegSide::Right, LegSide::Both];

    pub fn as_str(self) -> &'static str {
        match self {
            LegSide::Left => "left",
            LegSide::Right => "right",
            LegSide::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<LegSide> {
        LegSide::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Letters in an entry's id.
pub const ID_LETTERS: usize = 8;
/// Letters of an id shown at least, even when fewer would tell it from the others.
pub const SHORT_ID: usize = 4;

/// A well-mixed 64-bit value (splitmix64's finaliser).
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Eight letters a-z from `seed`.
pub fn id_from(seed: u64) -> String {
    let mut x = mix(seed);
    (0..ID_LETTERS)
        .map(|_| {
            let letter = char::from(b'a' + (x % 26) as u8);
            x /= 26;
            letter
        })
        .collect()
}

/// The id of a version 1 entry: made from its number and fields (FNV-1a), so every machine that
/// has the entry gives it the same id.
pub fn legacy_id(number: u32, fields: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in number
        .to_string()
        .bytes()
        .chain([b' '])
        .chain(fields.bytes())
    {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    id_from(hash)
}

/// An id as the journal writes it: 4 to 16 letters a-z.
pub fn is_episode_id(id: &str) -> bool {
    (SHORT_ID..=16).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase())
}

/// One cramp, as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Episode {
    pub id: String,
    /// The night it belongs to (by `day_starts_at` when it was logged).
    pub night: Date,
    /// When it began, and the UTC offset of the wall clock it was logged by.
    pub at: Timestamp,
    pub offset: Offset,
    pub muscle: Option<Muscle>,
    pub side: Option<LegSide>,
    /// 1 (mild) to 5 (worst).
    pub intensity: Option<u8>,
    /// How long until it let go.
    pub seconds: Option<u32>,
    /// Weakness, numbness, swelling or a skin change.
    pub symptoms: Option<bool>,
    /// The relief routine used.
    pub routine: Option<String>,
    /// Steps of that routine done, 1-based.
    pub steps: Vec<u16>,
}

impl Episode {
    /// Reasons this episode calls for a clinician: reported symptoms, or a cramp over 10 minutes.
    pub fn red_flags(&self) -> Vec<&'static str> {
        let mut flags = Vec::new();
        if self.symptoms == Some(true) {
            flags.push("weakness, numbness, swelling or skin change");
        }
        if self.seconds.is_some_and(|s| s > LONG_CRAMP_SECONDS) {
            flags.push("a cramp longer than 10 minutes");
        }
        flags
    }

    /// The fields after `cramp ID` in the journal.
    pub fn fields(&self) -> String {
        let mut out = format!(
            "night={} at={}",
            self.night,
            format_at(self.at, self.offset)
        );
        if let Some(m) = self.muscle {
            let _ = write!(out, " muscle={}", m.as_str());
        }
        if let Some(s) = self.side {
            let _ = write!(out, " side={}", s.as_str());
        }
        if let Some(i) = self.intensity {
            let _ = write!(out, " intensity={i}");
        }
        if let Some(s) = self.seconds {
            let _ = write!(out, " seconds={s}");
        }
        if let Some(s) = self.symptoms {
            let _ = write!(out, " symptoms={}", if s { "yes" } else { "no" });
        }
        if let Some(r) = &self.routine {
            let _ = write!(out, " routine={r}");
        }
        if !self.steps.is_empty() {
            let steps: Vec<String> = self.steps.iter().map(u16::to_string).collect();
            let _ = write!(out, " steps={}", steps.join(","));
        }
        out
    }

    /// Parses the `key=value` words of a record; errors carry the byte offset of the word at fault.
    pub fn parse(
        id: String,
        words: &[(usize, &str)],
        at_end: usize,
    ) -> Result<Episode, (usize, String)> {
        let mut night = None;
        let mut at = None;
        let mut e = Episode {
            id,
            ..Episode::only_when(Date::default(), Timestamp::UNIX_EPOCH, Offset::UTC)
        };
        const KEYS: [&str; 9] = [
            "night",
            "at",
            "muscle",
            "side",
            "intensity",
            "seconds",
            "symptoms",
            "routine",
            "steps",
        ];
        let mut seen = 0u16;
        for &(offset, word) in words {
            let Some((key, value)) = word.split_once('=') else {
                return Err((offset, format!("{:?} is not key=value", sanitize(word))));
            };
            if let Some(k) = KEYS.iter().position(|k| *k == key) {
                if seen & (1 << k) != 0 {
                    return Err((offset, format!("{key} is given twice")));
                }
                seen |= 1 << k;
            }
            let bad = |what: &str| {
                (
                    offset + key.len() + 1,
                    format!("{key} {:?}: {what}", sanitize(value)),
                )
            };
            match key {
                "night" => {
                    night = Some(
                        parse_date(value)
                            .ok_or_else(|| bad("not a date (YYYY-MM-DD)"))
                            .and_then(|d| {
                                if crate::night::in_range(d) {
                                    Ok(d)
                                } else {
                                    Err(bad(&format!("outside {}", crate::night::range_text())))
                                }
                            })?,
                    )
                }
                "at" => {
                    at = Some(
                        parse_at(value)
                            .ok_or_else(|| bad("not a time (YYYY-MM-DDTHH:MM:SS+HH:MM)"))?,
                    )
                }
                "muscle" => {
                    e.muscle = Some(
                        Muscle::parse(value)
                            .ok_or_else(|| bad("use calf, foot, thigh or other"))?,
                    )
                }
                "side" => {
                    e.side =
                        Some(LegSide::parse(value).ok_or_else(|| bad("use left, right or both"))?)
                }
                "intensity" => {
                    e.intensity = Some(
                        value
                            .parse()
                            .ok()
                            .filter(|i| (1..=5).contains(i))
                            .ok_or_else(|| bad("use 1 to 5"))?,
                    );
                }
                "seconds" => {
                    e.seconds = Some(
                        value
                            .parse()
                            .ok()
                            .filter(|s| *s <= MAX_SECONDS)
                            .ok_or_else(|| bad("use 0 to 86400"))?,
                    );
                }
                "symptoms" => {
                    e.symptoms = Some(match value {
                        "yes" => true,
                        "no" => false,
                        _ => return Err(bad("use yes or no")),
                    });
                }
                "routine" => {
                    if !is_valid_id(value) {
                        return Err(bad("not a routine id"));
                    }
                    e.routine = Some(value.to_string());
                }
                "steps" => {
                    e.steps = value
                        .split(',')
                        .map(|s| s.parse::<u16>().ok().filter(|n| (1..=999).contains(n)))
                        .collect::<Option<Vec<u16>>>()
                        .ok_or_else(|| bad("use step numbers like 1,2,3"))?;
                }
                _ => return Err((offset, format!("unknown field {:?}", sanitize(key)))),
            }
        }
        e.night = night.ok_or((at_end, "an episode needs night=YYYY-MM-DD".to_string()))?;
        (e.at, e.offset) = at.ok_or((
            at_end,
            "an episode needs at=YYYY-MM-DDTHH:MM:SS+HH:MM".to_string(),
        ))?;
        Ok(e)
    }
}

impl Episode {
    /// A cramp that began at `at` by the wall clock of `tz`, with nothing else known yet: the
    /// night it belongs to ([`night_of_cramp`]: before noon, the night slept through), and the instant and UTC offset exactly as the journal writes them
    /// (whole seconds; whole minutes of offset, as zones before 1900s standard time had seconds).
    pub fn begun(at: Timestamp, tz: &TimeZone) -> Episode {
        let at = Timestamp::from_second(at.as_second()).unwrap_or(at);
        let offset = tz.to_offset(at);
        let offset = Offset::from_seconds(offset.seconds() / 60 * 60).unwrap_or(offset);
        Episode::only_when(night_of_cramp(at, tz), at, offset)
    }

    /// An episode with only its night and time known (no id until the journal gives it one).
    fn only_when(night: Date, at: Timestamp, offset: Offset) -> Episode {
        Episode {
            id: String::new(),
            night,
            at,
            offset,
            muscle: None,
            side: None,
            intensity: None,
            seconds: None,
            symptoms: None,
            routine: None,
            steps: Vec::new(),
        }
    }

    /// The wall-clock time it began, as the clock it was logged by read.
    pub fn local(&self) -> DateTime {
        self.offset.to_datetime(self.at)
    }
}

/// `2026-11-28T03:12:00+01:00`: the instant, in the offset it was logged with.
pub fn format_at(at: Timestamp, offset: Offset) -> String {
    at.to_zoned(TimeZone::fixed(offset))
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Parses what [`format_at`] writes: the instant and its offset.
pub fn parse_at(s: &str) -> Option<(Timestamp, Offset)> {
    parse_at_canonical(s).or_else(|| parse_at_general(s))
}

/// `YYYY-MM-DDTHH:MM:SS+HH:MM` exactly, as [`format_at`] writes it: digits read directly.
fn parse_at_canonical(s: &str) -> Option<(Timestamp, Offset)> {
    let b = s.as_bytes();
    if b.len() != 25
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[22] != b':'
    {
        return None;
    }
    let num = |i: usize, n: usize| -> Option<i32> {
        b[i..i + n].iter().try_fold(0i32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
        })
    };
    let sign = match b[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let local = DateTime::new(
        i16::try_from(num(0, 4)?).ok()?,
        i8::try_from(num(5, 2)?).ok()?,
        i8::try_from(num(8, 2)?).ok()?,
        i8::try_from(num(11, 2)?).ok()?,
        i8::try_from(num(14, 2)?).ok()?,
        i8::try_from(num(17, 2)?).ok()?,
        0,
    )
    .ok()?;
    let offset = Offset::from_seconds(sign * (num(20, 2)? * 3600 + num(23, 2)? * 60)).ok()?;
    let at = offset.to_timestamp(local).ok()?;
    Some((at, offset))
}

/// Any RFC 3339 time the app could write back exactly: whole seconds, an offset of whole minutes.
fn parse_at_general(s: &str) -> Option<(Timestamp, Offset)> {
    if s.len() > 40 || s.len() < 20 || !s.is_char_boundary(19) || s.contains(['.', ',']) {
        return None;
    }
    let at: Timestamp = s.parse().ok()?;
    let local: DateTime = s[..19].parse().ok()?;
    let as_utc = local.to_zoned(TimeZone::UTC).ok()?.timestamp();
    let seconds = as_utc.as_second().checked_sub(at.as_second())?;
    let offset = Offset::from_seconds(i32::try_from(seconds).ok()?).ok()?;
    (offset.seconds() % 60 == 0).then_some((at, offset))
}
