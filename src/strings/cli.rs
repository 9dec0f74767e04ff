//! Words the command line prints: the examples under `--help`, the diary's lines and the
//! when-to-get-help text.

use crate::content::Guidance;

pub const EXAMPLES: &str = "\
Examples:
  cramp                         open the coach; Enter starts calf relief
  cramp run calf                straight into calf relief
  cramp run --plain bedtime     the bedtime stretch as plain lines (screen readers, speech)
  cramp list                    routines: id, kind, length, title
  cramp validate my.toml        check a content file
  cramp habits                  tonight's habits and streaks
  cramp check stretch           tick tonight's bedtime stretch
  cramp check fluids --date 2026-11-20 --undo
  cramp log add --muscle calf --side left --intensity 4 --minutes 3
  cramp insights                cramp nights against habits kept, in counts
  cramp export --format markdown --since 2026-10-01 > for-my-doctor.md
  cramp status                  one line for a prompt: stretch ○ · 2/7 habits · …
  cramp init                    your own content.toml and config.toml, to edit
  cramp paths                   which files are in use, and where

Dates: nights from 1900-01-01 to 2999-12-31 (--date, --since, --at).
Files: content and config in $XDG_CONFIG_HOME/cramp-coach/ (content.toml, config.toml).
Journal: $XDG_DATA_HOME/cramp-coach/journal.txt.
Environment: CRAMP_CONTENT, CRAMP_CONFIG, CRAMP_DATA_DIR (flags win over environment).
Exit codes: 0 ok, 1 input/output error, 2 bad usage, content or config, 3 journal unreadable (left
untouched), 5 needs a terminal.
Self-care guidance, not medical advice: press ! in the app for when to get help.";

/// `cramp status --help`: the placeholders and the exit codes of `--due`.
pub const STATUS_HELP: &str = "\
Without --format: `stretch ○ · 2/7 habits · 1 cramp this week`. With no journal yet, an empty
line; with one that cannot be read, `cramp ?` (exit 0 all the same, so a prompt never breaks).
It reads the journal only, never writes, never waits for the lock.

Placeholders for --format ({{ and }} for a brace; any other {name} is refused, exit 2):
  {stretch}      ● when tonight's bedtime stretch is done, ○ when not, - when it does not apply
  {done}         habits kept tonight
  {total}        habits that apply tonight
  {open}         habits still open tonight (total - done)
  {cramps_week}  cramps logged in the last 7 nights (tonight's included)
  {next}         the id of the first open habit tonight, or nothing
  {next_title}   its title

--due: exit 0 and print the reminder when the bedtime stretch (or a habit with reminder = true in
the content) is not done tonight and it is past remind_after (config, default 21:30) and before
day_starts_at next morning; exit 1 without a word otherwise, or when the journal cannot be read.

Examples:
  cramp status
  cramp status --format '{stretch} {done}/{total}'
  cramp status --due && notify-send \"cramp-coach\" \"$(cramp status --due)\"";

pub const NEEDS_TERMINAL: &str =
    "the coach needs a terminal (try `cramp run --plain ROUTINE` or `cramp list`)";
pub const NO_HABITS: &str = "the content file has no habits";
pub const LOGGED: &str = "logged";
pub const REMOVED: &str = "removed";
pub const WARNING: &str = "warning";
pub const NO_CRAMPS: &str = "no cramps logged yet (after relief, or: cramp log add --help)";
pub const NO_CRAMPS_SINCE: &str = "no cramps logged since then";
pub const NO_INSIGHTS: &str = "nothing to show yet: tick habits (cramp check) and log cramps (cramp log add), then look again";

/// The when-to-get-help advice, as plain lines.
pub fn get_help_text(g: &Guidance) -> String {
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
    if !g.supplements.is_empty() {
        out.push_str("Supplements:\n");
        for line in &g.supplements {
            out.push_str(&format!("  - {line}\n"));
        }
    }
    out.push_str(&format!("{}\n", g.disclaimer));
    if !g.sources.is_empty() {
        out.push_str(&format!("Sources: {}\n", g.sources.join("; ")));
    }
    if let Some(reviewed) = g.reviewed {
        out.push_str(&format!("{} {}\n", super::REVIEWED, super::date(reviewed)));
    }
    out
}
