//! The words of the insights: the plain text of `cramp insights`, the comparisons and their
//! cautions, and the frequent-cramps note.

use jiff::civil::Date;

use crate::content::Content;
use crate::insights::{Comparison, Insights, WEEKS};

/// "2 of 14 nights kept vs 6 of 12 not kept".
pub fn comparison_text(c: &Comparison) -> String {
    format!(
        "cramps on {} of {} nights kept vs {} of {} nights not kept",
        c.kept_cramp_nights, c.kept_nights, c.missed_cramp_nights, c.missed_nights
    )
}

/// The same in few words, under a heading that says what is counted: "2 of 14 kept · 6 of 12 not kept".
pub fn comparison_short(c: &Comparison) -> String {
    format!(
        "{} of {} kept · {} of {} not kept",
        c.kept_cramp_nights, c.kept_nights, c.missed_cramp_nights, c.missed_nights
    )
}

pub const FEW_NIGHTS_SHORT: &str = "too few to compare";
pub const FEW_NIGHTS_CAUTION: &str = "too few nights on one side to compare";
pub const NO_CAUSE: &str = "These are counts, not proof: a habit kept on nights without cramps does not show it prevented them.";

/// The frequent-cramps note, naming the threshold as the app's own.
pub fn frequent_text(per_week: u32, weeks: u32) -> String {
    let running = if weeks == 1 {
        "1 week running".to_string()
    } else {
        format!("{weeks} weeks running")
    };
    format!(
        "Cramps have been frequent: on {per_week} or more nights a week, {running}. This threshold is \
         cramp-coach's own (set in the content file), not a clinical rule; frequent cramps are a reason to see a doctor."
    )
}

/// The whole of insights as plain text, for `cramp insights`.
pub fn to_text(content: &Content, i: &Insights) -> String {
    let mut out = String::new();
    // The same width every row, so the bars line up: "Mon 5 Oct" and "Mon 12 Oct".
    let fmt = |d: Date| format!("{:<10}", super::day(d, i.tonight));
    out.push_str(&format!(
        "Cramp nights per week, last {WEEKS} weeks (to tonight, {})\n",
        super::day(i.tonight, i.tonight)
    ));
    for w in &i.weeks {
        let bar = "█".repeat(w.cramp_nights as usize);
        let untracked = if w.tracked < 7 {
            format!("  ({} of 7 nights tracked)", w.tracked)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  {} – {}  {:<7} {}{untracked}\n",
            fmt(w.first),
            fmt(w.last),
            bar,
            w.cramp_nights
        ));
    }
    out.push_str(&format!(
        "\nCramp-free: {} night{} in a row\n",
        i.cramp_free,
        if i.cramp_free == 1 { "" } else { "s" }
    ));
    if !content.habits.is_empty() {
        out.push_str("\nHabits kept per week (kept/nights it applied), oldest week first\n");
        let width = content.habits.iter().map(|h| h.id.len()).max().unwrap_or(0);
        for a in &i.adherence {
            let cells: Vec<String> = a.weeks.iter().map(|(k, d)| format!("{k}/{d}")).collect();
            out.push_str(&format!("  {:<width$}  {}\n", a.habit, cells.join("  ")));
        }
        out.push_str(&format!("\nCramp nights after nights each habit was kept or not (last {WEEKS} weeks, tonight left out)\n"));
        for c in &i.comparisons {
            let line = format!("  {:<width$}  {}", c.habit, comparison_text(c));
            let caution = format!("  ({FEW_NIGHTS_CAUTION})");
            // Within 100 columns: a caution that does not fit goes on the next line.
            if !c.too_few() {
                out.push_str(&format!("{line}\n"));
            } else if line.chars().count() + caution.chars().count() <= TEXT_WIDTH {
                out.push_str(&format!("{line}{caution}\n"));
            } else {
                out.push_str(&format!("{line}\n  {:width$}{caution}\n", ""));
            }
        }
        push_wrapped(&mut out, NO_CAUSE, "  ");
    }
    if i.skipped > 0 {
        out.push('\n');
        push_wrapped(
            &mut out,
            &format!("{}.", crate::strings::nights_skipped(i.skipped)),
            "",
        );
    }
    if i.red_flag_episodes > 0 {
        out.push('\n');
        push_wrapped(
            &mut out,
            &format!(
                "{} of {} cramps logged in these weeks reported a warning sign (weakness, numbness, swelling, a skin change, or longer than 10 minutes): see a doctor.",
                i.red_flag_episodes, i.episodes
            ),
            "",
        );
    }
    if let Some((n, w)) = i.frequent {
        out.push('\n');
        push_wrapped(&mut out, &frequent_text(n, w), "");
    }
    out
}

/// Widest line of `cramp insights`.
pub const TEXT_WIDTH: usize = 100;

/// `text` wrapped to [`TEXT_WIDTH`], each row after `indent`.
fn push_wrapped(out: &mut String, text: &str, indent: &str) {
    for row in crate::text::wrap(text, TEXT_WIDTH - indent.len()) {
        out.push_str(indent);
        out.push_str(&row);
        out.push('\n');
    }
}
