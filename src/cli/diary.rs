//! `cramp log`, `cramp insights` and `cramp export`: the cramp diary from the shell.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::content::{Content, Muscle};
use cramp_coach::journal::Journal;
use cramp_coach::journal::diary::{Episode, LegSide, MAX_SECONDS};
use cramp_coach::night::{in_range, range_text};
use cramp_coach::{export, insights};

use super::habits::{command_store, journal_error, read_journal, say_waiting, tonight};
use crate::{exit, fail};

fn load(locations: &Locations) -> Result<Journal, u8> {
    read_journal(locations)
}

use super::output::print;

/// One diary line: `#ID  YYYY-MM-DD HH:MM  night DATE  muscle  side  N/5  M min  warning: ...`.
pub fn episode_line(e: &Episode) -> String {
    let mut parts = vec![
        format!("#{}", e.id),
        e.local().strftime("%Y-%m-%d %H:%M").to_string(),
        format!("night {}", e.night),
        e.muscle.map_or("-", |m| m.as_str()).to_string(),
        e.side.map_or("-", |s| s.as_str()).to_string(),
        e.intensity.map_or("-/5".to_string(), |i| format!("{i}/5")),
        e.seconds
            .map_or("- min".to_string(), |s| format!("{} min", s.div_ceil(60))),
    ];
    if let Some(r) = &e.routine {
        parts.push(format!("routine {r}"));
    }
    let flags = e.red_flags();
    if !flags.is_empty() {
        parts.push(format!("warning: {}", flags.join(", ")));
    }
    parts.join("  ")
}

pub fn list(locations: &Locations, since: Option<Date>) -> u8 {
    let journal = match load(locations) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let mut episodes: Vec<&Episode> = journal
        .episodes()
        .iter()
        .filter(|e| since.is_none_or(|d| e.night >= d))
        .collect();
    episodes.sort_by_key(|e| std::cmp::Reverse((e.at, e.id)));
    let mut out = String::new();
    for e in episodes {
        out.push_str(&episode_line(e));
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

/// The when-to-get-help advice, as plain lines.
pub fn get_help_text(content: &Content) -> String {
    let g = &content.guidance;
    let mut out = String::from("When to get help\n");
    for line in &g.get_help_now {
        out.push_str(&format!("  ! {line}\n"));
    }
    out.push_str("See a doctor if:\n");
    for line in &g.see_a_doctor {
        out.push_str(&format!("  - {line}\n"));
    }
    if !g.medicines.is_empty() {
        out.push_str(&format!("{}\n", g.medicines));
    }
    out.push_str(&format!("{}\n", g.disclaimer));
    if !g.sources.is_empty() {
        out.push_str(&format!("Sources: {}\n", g.sources.join("; ")));
    }
    out
}

pub fn add(content: &Content, config: &Config, locations: &Locations, new: NewEpisode) -> u8 {
    let tz = super::habits::local_zone();
    let now = Timestamp::now();
    let at = match new.at {
        Some(local) => match tz.to_ambiguous_zoned(local).compatible() {
            Ok(z) => z.timestamp(),
            Err(e) => {
                fail(format!("--at {local}: {e}"));
                return exit::USAGE;
            }
        },
        None => now,
    };
    if at > now {
        fail(format!(
            "--at {} is in the future",
            tz.to_datetime(at).strftime("%Y-%m-%d %H:%M")
        ));
        return exit::USAGE;
    }
    let store = match command_store(locations) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let episode = Episode {
        muscle: Some(new.muscle),
        side: Some(new.side),
        intensity: Some(new.intensity),
        seconds: new.minutes.map(|m| (m * 60).min(MAX_SECONDS)),
        symptoms: Some(new.symptoms),
        ..Episode::begun(at, &tz, config.day_starts_at)
    };
    if !in_range(episode.night) {
        return match new.at {
            Some(local) => {
                fail(format!(
                    "--at {}: that is the night of {}; the journal keeps {}",
                    local.strftime("%Y-%m-%d %H:%M"),
                    episode.night,
                    range_text()
                ));
                exit::USAGE
            }
            None => super::habits::clock_out_of_range(episode.night),
        };
    }
    match store.update_waiting(say_waiting(&store), |j| j.add_episode(episode.clone())) {
        Ok((_, id)) => {
            let saved = Episode { id, ..episode };
            let mut out = format!("logged {}\n", episode_line(&saved));
            if !saved.red_flags().is_empty() {
                out.push('\n');
                out.push_str(&get_help_text(content));
            }
            print(&out)
        }
        Err(e) => journal_error(&e),
    }
}

pub fn remove(locations: &Locations, id: u32) -> u8 {
    let store = match command_store(locations) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match store.update_waiting(say_waiting(&store), |j| j.remove_episode(id)) {
        Ok((_, true)) => print(&format!("removed #{id}\n")),
        Ok((_, false)) => {
            fail(format!("no cramp #{id} in the diary (see `cramp log`)"));
            exit::USAGE
        }
        Err(e) => journal_error(&e),
    }
}

pub fn show_insights(content: &Content, config: &Config, locations: &Locations) -> u8 {
    let journal = match load(locations) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let i = insights::compute(content, &journal, tonight(config));
    print(&insights::to_text(content, &i))
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Markdown,
}

pub fn export(
    content: &Content,
    config: &Config,
    locations: &Locations,
    format: Format,
    since: Option<Date>,
) -> u8 {
    let journal = match load(locations) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let tonight = tonight(config);
    if since.is_some_and(|d| d > tonight) {
        fail(format!(
            "--since is in the future: tonight is the night of {tonight}"
        ));
        return exit::USAGE;
    }
    let text = match format {
        Format::Csv => export::csv(content, &journal, since, tonight),
        Format::Markdown => export::markdown(content, &journal, since, tonight),
    };
    print(&text)
}
