//! `cramp log`, `cramp log add` and `cramp log remove`: the cramp diary from the shell.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::content::{Content, Muscle};
use cramp_coach::journal::diary::MAX_SECONDS;
use cramp_coach::journal::{Episode, Journal, LegSide};
use cramp_coach::night::{in_range, night_of, range_text};
use cramp_coach::strings::cli as s;

use super::clock;
use super::exit::{self, Failure};
use super::journal::{command_store, read};
use super::output::print;

/// One diary line: `#ID  Sat 28 Nov 03:12  night of Fri 27 Nov  muscle  side  N/5  M min
/// warning: ...`, with `—` for what was not given; the year only when it is not `today`'s.
pub fn episode_line(e: &Episode, short_id: &str, today: Date) -> String {
    let unknown = || cramp_coach::strings::UNKNOWN.to_string();
    let local = e.local();
    let mut parts = vec![
        format!("#{short_id}"),
        format!(
            "{} {}",
            cramp_coach::strings::day(local.date(), today),
            local.strftime("%H:%M")
        ),
        format!("night of {}", cramp_coach::strings::day(e.night, today)),
        e.muscle.map_or_else(unknown, |m| m.as_str().to_string()),
        e.side.map_or_else(unknown, |s| s.as_str().to_string()),
        e.intensity.map_or_else(unknown, |i| format!("{i}/5")),
        e.seconds
            .map_or_else(unknown, |s| format!("{} min", s.div_ceil(60))),
    ];
    if let Some(r) = &e.routine {
        parts.push(format!("routine {r}"));
    }
    let flags = e.red_flags();
    if !flags.is_empty() {
        parts.push(format!("{}: {}", s::WARNING, flags.join(", ")));
    }
    parts.join("  ")
}

/// An entry's line with the note on its night, if there is one.
fn with_note(line: String, journal: &Journal, night: Date) -> String {
    match journal.note(night) {
        Some(note) => format!("{line}  note: {note}"),
        None => line,
    }
}

pub fn list(config: &Config, locations: &Locations, since: Option<Date>) -> exit::Result {
    let tonight = clock::tonight(config);
    if since.is_some_and(|d| d > tonight) {
        return Err(Failure::usage(format!(
            "--since is in the future: tonight is the night of {tonight}"
        )));
    }
    let journal = read(locations)?;
    let mut episodes: Vec<&Episode> = journal
        .episodes()
        .iter()
        .filter(|e| since.is_none_or(|d| e.night >= d))
        .collect();
    episodes.sort_by(|a, b| (b.at, &b.id).cmp(&(a.at, &a.id)));
    if episodes.is_empty() {
        // Said to a person; a script reading stdout still gets nothing.
        super::output::say_empty(if since.is_some() {
            s::NO_CRAMPS_SINCE
        } else {
            s::NO_CRAMPS
        })?;
        return Ok(());
    }
    let mut out = String::new();
    for e in episodes {
        let line = episode_line(e, journal.short_id(&e.id), tonight);
        out.push_str(&with_note(line, &journal, e.night));
        out.push('\n');
    }
    print(&out)
}

/// What `cramp log add` was given.
pub struct NewEpisode {
    pub muscle: Muscle,
    pub side: LegSide,
    pub intensity: u8,
    pub minutes: Option<u32>,
    pub at: Option<DateTime>,
    pub symptoms: bool,
}

pub fn add(
    content: &Content,
    config: &Config,
    locations: &Locations,
    new: NewEpisode,
) -> exit::Result {
    let day_starts_at = config.day_starts_at;
    let tz = clock::local_zone();
    let now = Timestamp::now();
    let at = match new.at {
        Some(local) => tz
            .to_ambiguous_zoned(local)
            .compatible()
            .map_err(|e| Failure::usage(format!("--at {local}: {e}")))?
            .timestamp(),
        None => now,
    };
    if at > now {
        return Err(Failure::usage(format!(
            "--at {} is in the future",
            tz.to_datetime(at).strftime("%Y-%m-%d %H:%M")
        )));
    }
    let store = command_store(locations)?;
    let episode = Episode {
        muscle: Some(new.muscle),
        side: Some(new.side),
        intensity: Some(new.intensity),
        seconds: new.minutes.map(|m| (m * 60).min(MAX_SECONDS)),
        symptoms: Some(new.symptoms),
        ..Episode::begun(at, &tz)
    };
    if !in_range(episode.night) {
        return Err(match new.at {
            Some(local) => Failure::usage(format!(
                "--at {}: that is the night of {}; the journal keeps {}",
                local.strftime("%Y-%m-%d %H:%M"),
                episode.night,
                range_text()
            )),
            None => clock::out_of_range(episode.night),
        });
    }
    let entropy = super::journal::entropy();
    let (journal, id) =
        super::journal::update(&store, |j| j.add_episode(episode.clone(), entropy))?;
    let saved = Episode { id, ..episode };
    let mut out = format!(
        "{} {}\n",
        s::LOGGED,
        episode_line(
            &saved,
            journal.short_id(&saved.id),
            night_of(now, &tz, day_starts_at)
        )
    );
    if !saved.red_flags().is_empty() {
        out.push('\n');
        out.push_str(&s::get_help_text(&content.guidance));
    }
    print(&out)
}

/// `cramp log remove ID`: the entry whose id starts with ID (unambiguously), found and removed
/// under the lock.
pub fn remove(locations: &Locations, prefix: &str) -> exit::Result {
    let store = command_store(locations)?;
    let (journal, found) = super::journal::update(&store, |j| {
        let found = j.find_episode(prefix);
        if let Ok(id) = &found {
            j.remove_episode(id);
        }
        found
    })?;
    match found {
        Ok(id) => print(&format!("{} #{}\n", s::REMOVED, journal.short_id(&id))),
        Err(several) if several.len() > 1 => {
            let shown: Vec<String> = several
                .iter()
                .map(|id| format!("#{}", journal.short_id(id)))
                .collect();
            Err(Failure::usage(format!(
                "#{prefix} could be any of {}: give more letters",
                shown.join(", ")
            )))
        }
        Err(_) => Err(Failure::usage(format!(
            "no cramp #{prefix} in the diary (see `cramp log`)"
        ))),
    }
}
