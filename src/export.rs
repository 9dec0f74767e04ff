//! Exports for a clinician: CSV (RFC 4180) and a one-page Markdown summary.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::content::Content;
use crate::habits::{Mark, kept_and_due, mark};
use crate::journal::Journal;
use crate::journal::diary::Episode;

/// The nights an export covers: from `since` to tonight, but never before the journal's first night
/// (nights before anything was recorded were not tracked, not "not kept").
pub fn period(journal: &Journal, since: Option<Date>, tonight: Date) -> (Date, Date) {
    let first = journal.first_night().unwrap_or(tonight);
    let from = since.map_or(first, |s| s.max(first)).min(tonight);
    (from, tonight)
}

/// Weeks in the Markdown table of habits: one page.
pub const SUMMARY_WEEKS: usize = 12;

/// The nights the Markdown summary covers: by default the last [`SUMMARY_WEEKS`] weeks to tonight
/// (or from the first tracked night, if later); from `since` when given. One tick backfilled a year
/// ago does not stretch it.
pub fn summary_period(journal: &Journal, since: Option<Date>, tonight: Date) -> (Date, Date) {
    let weeks_back = tonight
        .checked_sub((7 * SUMMARY_WEEKS as i64 - 1).days())
        .unwrap_or(tonight);
    period(journal, Some(since.unwrap_or(weeks_back)), tonight)
}

fn episodes_in(journal: &Journal, from: Date, to: Date) -> Vec<&Episode> {
    let mut v: Vec<&Episode> = journal
        .episodes()
        .iter()
        .filter(|e| e.night >= from && e.night <= to)
        .collect();
    v.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    v
}

/// One CSV field, quoted when it must be (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn minutes(seconds: Option<u32>) -> String {
    seconds
        .map(|s| format!("{:.1}", f64::from(s) / 60.0))
        .unwrap_or_default()
}

/// Episodes and nightly habit adherence in one table: a `record` column says which a row is.
/// Episode rows fill the episode columns; night rows give each habit's column as its header says:
/// `habit:ID:kept` is 1 (kept) or 0 (not), `habit:ID:count` the count that night (0 when none);
/// empty where the habit does not apply that night. Lines end in CRLF.
pub fn csv(content: &Content, journal: &Journal, since: Option<Date>, tonight: Date) -> String {
    let (from, to) = period(journal, since, tonight);
    let mut header: Vec<String> = [
        "record",
        "night",
        "began",
        "muscle",
        "side",
        "intensity",
        "minutes",
        "symptoms",
        "routine",
        "steps",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // The header says what a habit's column holds: a count, or 1/0.
    header.extend(content.habits.iter().map(|h| match h.target {
        Some(_) => format!("habit:{}:count", h.id),
        None => format!("habit:{}:kept", h.id),
    }));
    // A night's skip (yes, and why) and note, last.
    header.extend(["skipped", "skip_reason", "note"].map(String::from));
    let columns = header.len();
    let mut out = String::new();
    let mut row = |cells: Vec<String>| {
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    row(header);
    for e in episodes_in(journal, from, to) {
        let mut cells = vec![
            "episode".to_string(),
            e.night.to_string(),
            e.local().strftime("%Y-%m-%d %H:%M").to_string(),
            opt(e.muscle.map(|m| m.as_str())),
            opt(e.side.map(|s| s.as_str())),
            opt(e.intensity),
            minutes(e.seconds),
            opt(e.symptoms.map(|s| if s { "yes" } else { "no" })),
            e.routine.clone().unwrap_or_default(),
            e.steps
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        ];
        cells.resize(columns, String::new());
        row(cells);
    }
    for night in from.series(1.day()).take_while(|d| *d <= to) {
        let mut cells = vec!["night".to_string(), night.to_string()];
        cells.resize(10, String::new());
        for h in &content.habits {
            let count = journal.count(night, &h.id);
            cells.push(match (h.target, mark(h, journal, night)) {
                (_, Mark::Off | Mark::Skipped) if count == 0 => String::new(),
                (Some(_), _) => count.to_string(),
                (None, Mark::Kept) => "1".to_string(),
                (None, _) => "0".to_string(),
            });
        }
        let skipped = journal.skipped(night);
        cells.push(if skipped.is_some() { "yes" } else { "" }.to_string());
        cells.push(skipped.unwrap_or_default().to_string());
        cells.push(journal.note(night).unwrap_or_default().to_string());
        row(cells);
    }
    out
}

/// A one-page summary a clinician can read.
pub fn markdown(
    content: &Content,
    journal: &Journal,
    since: Option<Date>,
    tonight: Date,
) -> String {
    let (from, to) = summary_period(journal, since, tonight);
    let episodes = episodes_in(journal, from, to);
    let nights = (to - from).get_days() + 1;
    let cramp_nights: BTreeSet<Date> = episodes.iter().map(|e| e.night).collect();
    let mut out = String::new();
    out.push_str("# Night leg cramps: summary\n\n");
    let s = if nights == 1 { "" } else { "s" };
    out.push_str(&format!(
        "- Period: nights of {from} to {to} ({nights} night{s})\n"
    ));
    out.push_str(&format!(
        "- Cramp nights: {} of {nights}\n",
        cramp_nights.len()
    ));
    out.push_str(&format!("- Episodes logged: {}\n", episodes.len()));
    let in_period = |d: &Date| *d >= from && *d <= to;
    let skipped: Vec<(Date, &str)> = journal
        .skipped_nights()
        .filter(|(d, _)| in_period(d))
        .collect();
    let notes: Vec<(Date, &str)> = journal.notes().filter(|(d, _)| in_period(d)).collect();
    if !skipped.is_empty() {
        out.push_str(&format!(
            "- Nights skipped (left out of the habit counts): {}\n",
            skipped.len()
        ));
    }
    let flagged: Vec<&&Episode> = episodes
        .iter()
        .filter(|e| !e.red_flags().is_empty())
        .collect();
    out.push_str(&format!(
        "- Episodes reporting a warning sign: {}\n",
        flagged.len()
    ));
    // Cramp nights per week, weeks ending tonight, oldest first.
    let mut week_ends: Vec<Date> = Vec::new();
    let mut end = to;
    while end >= from && week_ends.len() < SUMMARY_WEEKS {
        week_ends.push(end);
        match end.checked_sub(7.days()) {
            Ok(d) => end = d,
            Err(_) => break,
        }
    }
    week_ends.reverse();
    let week_start = |w: Date| w.checked_sub(6.days()).unwrap_or(w).max(from);
    let weekly: Vec<u32> = week_ends
        .iter()
        .map(|&w| {
            cramp_nights
                .iter()
                .filter(|&&n| n >= week_start(w) && n <= w)
                .count() as u32
        })
        .collect();
    out.push_str("\n## Cramp nights per week\n\n");
    if (to - from).get_days() + 1 > 7 * SUMMARY_WEEKS as i32 {
        out.push_str(&format!(
            "The last {SUMMARY_WEEKS} weeks of the period.\n\n"
        ));
    }
    out.push_str("| week ending | cramp nights |\n|---|---|\n");
    for (w, n) in week_ends.iter().zip(&weekly) {
        out.push_str(&format!("| {w} | {n} |\n"));
    }
    if let Some((per_week, weeks)) = crate::insights::frequent(content, weekly.iter().copied()) {
        out.push_str(&format!(
            "\n{}\n",
            crate::strings::insights::frequent_text(per_week, weeks)
        ));
    }
    out.push_str("\n## Episodes\n\n");
    if episodes.is_empty() {
        out.push_str("None logged.\n");
    } else {
        out.push_str("| began | muscle | side | intensity (1-5) | minutes | weakness, numbness, swelling or skin change |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for e in &episodes {
            let dash = |s: String| if s.is_empty() { "–".to_string() } else { s };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                e.local().strftime("%Y-%m-%d %H:%M"),
                dash(opt(e.muscle.map(|m| m.as_str()))),
                dash(opt(e.side.map(|s| s.as_str()))),
                dash(opt(e.intensity)),
                dash(minutes(e.seconds)),
                dash(opt(e.symptoms.map(|s| if s { "yes" } else { "no" }))),
            ));
        }
    }
    if !content.habits.is_empty() {
        out.push_str("\n## Habits kept per week\n\nKept / nights the habit applied, weeks ending on the date shown.\n\n");
        let mut week_ends: Vec<Date> = Vec::new();
        let mut end = to;
        while end >= from {
            week_ends.push(end);
            match end.checked_sub(7.days()) {
                Ok(d) => end = d,
                Err(_) => break,
            }
        }
        let cut = week_ends.len() > SUMMARY_WEEKS;
        week_ends.truncate(SUMMARY_WEEKS);
        week_ends.reverse();
        if cut {
            out.push_str(&format!(
                "The last {SUMMARY_WEEKS} weeks of the period.\n\n"
            ));
        }
        out.push_str("| habit |");
        for w in &week_ends {
            out.push_str(&format!(" {} |", w.strftime("%b %d")));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(week_ends.len()));
        out.push('\n');
        for h in &content.habits {
            out.push_str(&format!("| {} |", h.title.replace('|', "/")));
            for w in &week_ends {
                let start = w.checked_sub(6.days()).unwrap_or(*w).max(from);
                let (kept, due) =
                    kept_and_due(h, journal, start.series(1.day()).take_while(|d| d <= w));
                out.push_str(&format!(" {kept}/{due} |"));
            }
            out.push('\n');
        }
    }
    if !skipped.is_empty() || !notes.is_empty() {
        out.push_str(
            "\n## Notes and nights skipped\n\n| night | skipped | note |\n|---|---|---|\n",
        );
        let mut nights: Vec<Date> = skipped.iter().chain(&notes).map(|(d, _)| *d).collect();
        nights.sort_unstable();
        nights.dedup();
        let cell = |t: &str| t.replace('|', "/");
        for d in nights {
            let skip = match journal.skipped(d) {
                Some("") => "yes".to_string(),
                Some(why) => format!("yes: {}", cell(why)),
                None => String::new(),
            };
            out.push_str(&format!(
                "| {d} | {skip} | {} |\n",
                cell(journal.note(d).unwrap_or_default())
            ));
        }
    }
    out.push_str("\n## Warning signs reported\n\n");
    if flagged.is_empty() {
        out.push_str("None.\n");
    } else {
        for e in flagged {
            out.push_str(&format!(
                "- {}: {}\n",
                e.local().strftime("%Y-%m-%d %H:%M"),
                e.red_flags().join("; ")
            ));
        }
    }
    out.push_str(&format!(
        "\n---\nKept by the person in cramp-coach (self-reported; not a diagnosis). {}\n",
        content.guidance.disclaimer
    ));
    if let Some(reviewed) = content.guidance.reviewed {
        out.push_str(&format!("{} {reviewed}.\n", crate::strings::REVIEWED));
    }
    out
}
