//! Insights: plain counts from the journal. Cramp nights per week, the cramp-free run, habits kept per
//! week, and for each habit the cramp nights after nights it was kept against nights it was not.
//! No percentages, no claims of cause: only counts, with a caution when they are too few.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::content::Content;
use crate::habits::{Mark, kept_and_due, mark};
use crate::journal::Journal;

/// Weeks shown.
pub const WEEKS: usize = 8;
/// Fewer nights than this on either side of a comparison earns a caution.
pub const FEW_NIGHTS: u32 = 7;

/// One week of nights, ending on `last`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub first: Date,
    pub last: Date,
    /// Nights in the week since the journal began (and not after tonight).
    pub tracked: u32,
    pub cramp_nights: u32,
}

/// One habit's kept nights per week (kept, nights it applied and was tracked), oldest week first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adherence {
    pub habit: String,
    pub weeks: Vec<(u32, u32)>,
}

/// Cramp nights after nights a habit was kept, against nights it was not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub habit: String,
    pub kept_nights: u32,
    pub kept_cramp_nights: u32,
    pub missed_nights: u32,
    pub missed_cramp_nights: u32,
}

impl Comparison {
    /// Too few nights on one side to say anything.
    pub fn too_few(&self) -> bool {
        self.kept_nights < FEW_NIGHTS || self.missed_nights < FEW_NIGHTS
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insights {
    pub tonight: Date,
    /// Oldest first; the last ends tonight.
    pub weeks: Vec<Week>,
    /// Nights in a row without a cramp, up to tonight.
    pub cramp_free: u32,
    pub adherence: Vec<Adherence>,
    pub comparisons: Vec<Comparison>,
    /// The app's own threshold was met: (nights a week, weeks running).
    pub frequent: Option<(u32, u32)>,
    /// Episodes in the window that reported a red flag.
    pub red_flag_episodes: u32,
    pub episodes: u32,
    /// Nights skipped in the weeks shown: left out of the kept / not-kept counts.
    pub skipped: u32,
}

fn day(n: i64) -> jiff::Span {
    n.days()
}

/// The app's own "frequent cramps" threshold, met anywhere in these weekly counts of cramp
/// nights (oldest first): (nights a week, weeks running).
pub fn frequent(content: &Content, weekly: impl Iterator<Item = u32>) -> Option<(u32, u32)> {
    let (per_week, running) = (
        content.guidance.frequent_nights,
        content.guidance.frequent_weeks,
    );
    let mut run = 0;
    let mut met = false;
    for nights in weekly {
        run = if nights >= per_week { run + 1 } else { 0 };
        met |= run >= running;
    }
    met.then_some((per_week, running))
}

pub fn compute(content: &Content, journal: &Journal, tonight: Date) -> Insights {
    let cramp_nights: BTreeSet<Date> = journal.episodes().iter().map(|e| e.night).collect();
    let first = journal.first_night().unwrap_or(tonight);
    let tracked = |d: Date| d >= first && d <= tonight;
    let window_start = tonight
        .checked_sub(day(7 * WEEKS as i64 - 1))
        .unwrap_or(tonight);

    let weeks: Vec<Week> = (0..WEEKS)
        .rev()
        .map(|k| {
            let last = tonight.checked_sub(day(7 * k as i64)).unwrap_or(tonight);
            let first_night = last.checked_sub(day(6)).unwrap_or(last);
            let nights = first_night.series(1.day()).take(7);
            let (mut t, mut c) = (0, 0);
            for d in nights {
                if tracked(d) {
                    t += 1;
                    c += u32::from(cramp_nights.contains(&d));
                }
            }
            Week {
                first: first_night,
                last,
                tracked: t,
                cramp_nights: c,
            }
        })
        .collect();

    let mut cramp_free = 0;
    let mut d = tonight;
    while !journal.is_empty() && tracked(d) && !cramp_nights.contains(&d) {
        cramp_free += 1;
        match d.yesterday() {
            Ok(p) => d = p,
            Err(_) => break,
        }
    }

    let adherence = content
        .habits
        .iter()
        .map(|h| Adherence {
            habit: h.id.clone(),
            weeks: weeks
                .iter()
                .map(|w| {
                    kept_and_due(
                        h,
                        journal,
                        w.first.series(1.day()).take(7).filter(|d| tracked(*d)),
                    )
                })
                .collect(),
        })
        .collect();

    // Comparisons use finished nights only: tonight is still open.
    let last_night = tonight.yesterday().unwrap_or(tonight);
    let comparisons = content
        .habits
        .iter()
        .map(|h| {
            let mut c = Comparison {
                habit: h.id.clone(),
                kept_nights: 0,
                kept_cramp_nights: 0,
                missed_nights: 0,
                missed_cramp_nights: 0,
            };
            if last_night >= window_start {
                for d in window_start
                    .series(1.day())
                    .take_while(|d| *d <= last_night)
                    .filter(|d| tracked(*d) && journal.skipped(*d).is_none())
                {
                    let cramp = u32::from(cramp_nights.contains(&d));
                    match mark(h, journal, d) {
                        Mark::Off | Mark::Skipped => {}
                        Mark::Kept => {
                            c.kept_nights += 1;
                            c.kept_cramp_nights += cramp;
                        }
                        _ => {
                            c.missed_nights += 1;
                            c.missed_cramp_nights += cramp;
                        }
                    }
                }
            }
            c
        })
        .collect();

    let frequent = frequent(content, weeks.iter().map(|w| w.cramp_nights));

    let in_window = journal
        .episodes()
        .iter()
        .filter(|e| e.night >= window_start && e.night <= tonight);
    let (mut episodes, mut red_flag_episodes) = (0, 0);
    for e in in_window {
        episodes += 1;
        red_flag_episodes += u32::from(!e.red_flags().is_empty());
    }

    let skipped = journal
        .skipped_nights()
        .filter(|(d, _)| *d >= window_start && *d <= tonight)
        .count() as u32;
    Insights {
        skipped,
        tonight,
        weeks,
        cramp_free,
        adherence,
        comparisons,
        frequent,
        red_flag_episodes,
        episodes,
    }
}

// The words of insights (the plain text, comparisons, cautions) are in `strings::insights`; they
// are re-exported here so `insights::to_text` reads as it always has.
pub use crate::strings::insights::{
    FEW_NIGHTS_CAUTION, FEW_NIGHTS_SHORT, NO_CAUSE, comparison_short, comparison_text,
    frequent_text, to_text,
};
