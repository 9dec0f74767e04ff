//! The command line, as clap reads it: commands, flags, and the parsers that refuse a value the
//! journal could not keep (naming the flag and the range).

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use cramp_coach::content::Muscle;
use cramp_coach::journal::LegSide;
use cramp_coach::night::{in_range, parse_date, range_text};
use cramp_coach::strings;

#[derive(Parser)]
#[command(name = "cramp", version, about = "A calm terminal coach for night-time leg cramps.", after_help = strings::cli::EXAMPLES)]
pub struct Cli {
    /// Content file (routines, habits, guidance) instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE", value_parser = non_empty_path)]
    pub content: Option<PathBuf>,
    /// Config file laid over the defaults.
    #[arg(long, global = true, value_name = "FILE", value_parser = non_empty_path)]
    pub config: Option<PathBuf>,
    /// Folder of the journal (habit ticks and the cramp diary) instead of $XDG_DATA_HOME/cramp-coach.
    #[arg(long, global = true, value_name = "DIR", value_parser = non_empty_path)]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run a routine: the TUI, or plain lines with --plain.
    #[command(
        after_help = "Examples:\n  cramp run calf\n  cramp run --plain --quiet bedtime | espeak-ng"
    )]
    Run {
        /// Line-by-line guidance without the TUI (screen readers, pipes, speech).
        #[arg(long)]
        plain: bool,
        /// With --plain: no terminal bell (the TUI's bell is set in config.toml).
        #[arg(long, requires = "plain")]
        quiet: bool,
        /// Routine id, as `cramp list` shows.
        routine: String,
    },
    /// List the routines: id, kind, length (m:ss), title.
    #[command(after_help = "Example:\n  cramp list | cut -d' ' -f1")]
    List,
    /// Check a content or config file (default: the content in use) and report every error as FILE:LINE:COL.
    #[command(
        after_help = "Examples:\n  cramp validate my-content.toml\n  cramp validate --config my-config.toml\n  cramp defaults content | cramp validate -\n  cramp validate          (the content in use)"
    )]
    Validate {
        /// The file to check, content or config (told apart by its keys); - reads standard input.
        /// Default: the content in use (with --config FILE: that config), which it names.
        file: Option<PathBuf>,
    },
    /// Tonight's habits (or night D's) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`.
    #[command(after_help = "Examples:\n  cramp habits\n  cramp habits --date 2026-11-20")]
    Habits {
        /// The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        date: Option<Date>,
    },
    /// Tick a habit for tonight (or night D); a counted habit gains one.
    #[command(
        after_help = "Examples:\n  cramp check stretch\n  cramp check fluids --date 2026-11-20 --undo"
    )]
    Check {
        /// Habit id, as `cramp habits` shows.
        habit: String,
        /// The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        date: Option<Date>,
        /// Untick instead (a counted habit loses one).
        #[arg(long)]
        undo: bool,
    },
    /// The cramp diary, newest first; `log add` and `log remove` change it.
    #[command(
        after_help = "Examples:\n  cramp log\n  cramp log --since 2026-11-01\n  cramp log add --muscle calf --side left --intensity 4 --minutes 3\n  cramp log remove kqmz"
    )]
    Log {
        /// Only cramps on nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        since: Option<Date>,
        #[command(subcommand)]
        action: Option<LogAction>,
    },
    /// Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not.
    #[command(after_help = "Example:\n  cramp insights")]
    Insights,
    /// Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary.
    #[command(
        after_help = "Examples:\n  cramp export --format csv > cramps.csv\n  cramp export --format markdown --since 2026-10-01 > for-my-doctor.md"
    )]
    Export {
        /// csv: every episode and night, one table; markdown: a one-page summary.
        #[arg(long, value_enum)]
        format: Format,
        /// Only nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        since: Option<Date>,
    },
    /// Skip a night that should not count (sick, away): no streak breaks, insights leave it out.
    #[command(
        after_help = "Examples:\n  cramp skip --reason \"flu\"\n  cramp skip --date 2026-11-20 --reason travelling\n  cramp skip --undo"
    )]
    Skip {
        /// The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        date: Option<Date>,
        /// Why (kept with the night, shown in the exports).
        #[arg(long, value_name = "TEXT", conflicts_with = "undo")]
        reason: Option<String>,
        /// Count the night again.
        #[arg(long)]
        undo: bool,
    },
    /// A note on tonight (or night D), for you and your clinician: `cramp log` and the exports show it.
    #[command(
        after_help = "Examples:\n  cramp note \"long walk, new shoes\"\n  cramp note --date 2026-11-20 \"started magnesium\"\n  cramp note --clear"
    )]
    Note {
        /// The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        date: Option<Date>,
        /// The note (one line, up to 200 characters); it replaces the night's note.
        #[arg(required_unless_present = "clear", conflicts_with = "clear")]
        text: Option<String>,
        /// Take the night's note away.
        #[arg(long)]
        clear: bool,
    },
    /// Fold other copies of the journal (from another machine, a sync conflict) into this one.
    #[command(
        after_help = "Examples:\n  cramp merge ~/Sync/laptop/journal.txt\n  cramp merge --dry-run journal.sync-conflict-*.txt\n\nAs git's merge driver for a data folder in git (see the README):\n  cramp merge --driver %O %A %B"
    )]
    Merge {
        /// Say what would change; write nothing.
        #[arg(long, conflicts_with = "driver")]
        dry_run: bool,
        /// git's merge driver: BASE OURS THEIRS (%O %A %B); OURS gets the merge.
        #[arg(long, num_args = 3, value_names = ["BASE", "OURS", "THEIRS"], conflicts_with = "files")]
        driver: Option<Vec<PathBuf>>,
        /// The copies to fold in.
        #[arg(value_name = "FILE", required_unless_present = "driver")]
        files: Vec<PathBuf>,
    },
    /// One short line for a prompt or status bar: tonight's stretch, habits kept, cramps this week.
    #[command(after_help = strings::cli::STATUS_HELP)]
    Status {
        /// The line's shape, with placeholders (see below).
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
        /// Reminder mode: exit 0 and print the reminder when a reminder habit is still open tonight
        /// and it is past remind_after; exit 1 otherwise.
        #[arg(long)]
        due: bool,
        /// Colour the marks (for prompts that pass colour through); plain text without it.
        #[arg(long)]
        color: bool,
    },
    /// Write your own commented content.toml and config.toml (every default) to the config folder.
    #[command(
        after_help = "Examples:\n  cramp init\n  cramp init --force    (keeps the old files as .bak)"
    )]
    Init {
        /// Replace files that are already there, keeping each old one as FILE.bak.
        #[arg(long)]
        force: bool,
    },
    /// Print a built-in file: the content (routines, habits, guidance) or the config.
    #[command(
        after_help = "Examples:\n  cramp defaults content > my-content.toml\n  cramp defaults config"
    )]
    Defaults {
        /// Which file.
        #[arg(value_enum)]
        which: DefaultsFile,
    },
    /// Where the content, config and journal are, where each choice came from, and whether it exists.
    #[command(after_help = "Example:\n  cramp paths")]
    Paths,
    /// A shell's completion script, to standard output (routine and habit ids complete in bash, zsh, fish).
    #[command(
        after_help = "Examples:\n  cramp completions bash > ~/.local/share/bash-completion/completions/cramp\n  cramp completions zsh > ~/.zfunc/_cramp\n  cramp completions fish > ~/.config/fish/completions/cramp.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// The manual page (roff), to standard output.
    #[command(after_help = "Example:\n  cramp man | man -l -")]
    Man,
}

#[derive(Subcommand)]
pub enum LogAction {
    /// Add a cramp to the diary.
    #[command(
        after_help = "Example:\n  cramp log add --muscle calf --side left --intensity 4 --minutes 3 --at \"2026-11-28 03:10\""
    )]
    Add {
        /// Which muscle cramped.
        #[arg(long, value_enum)]
        muscle: MuscleArg,
        /// Which leg.
        #[arg(long, value_enum)]
        side: SideArg,
        /// How bad, 1 (mild) to 5 (worst).
        #[arg(long, value_name = "1-5", allow_negative_numbers = true, value_parser = parse_intensity)]
        intensity: u8,
        /// How long it lasted, in whole minutes (0 to 1440).
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parse_minutes)]
        minutes: Option<u32>,
        /// When it began, local time (default: now), from 1900-01-01 00:00 on.
        #[arg(long, value_name = "YYYY-MM-DD HH:MM", value_parser = parse_at_arg)]
        at: Option<jiff::civil::DateTime>,
        /// It came with weakness, numbness, swelling or a skin change.
        #[arg(long)]
        symptoms: bool,
    },
    /// Remove a cramp from the diary by its id.
    #[command(after_help = "Examples:\n  cramp log remove kqmz\n  cramp log remove '#kqmz'")]
    Remove {
        /// The cramp's id as `cramp log` shows it (with or without the #), or any start of it
        /// that no other entry shares.
        #[arg(value_parser = parse_id)]
        id: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Markdown,
}

/// The shells `cramp completions` has a script for.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Elvish,
    Fish,
    Powershell,
    Zsh,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DefaultsFile {
    /// The routines, habits and guidance (assets/content.toml).
    Content,
    /// The settings (config.toml).
    Config,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum MuscleArg {
    Calf,
    Foot,
    Thigh,
    Other,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum SideArg {
    Left,
    Right,
    Both,
}

/// A diary id or the start of one, as `cramp log` shows it: `kqmz` or `#kqmz`.
fn parse_id(s: &str) -> Result<String, String> {
    let id = s.strip_prefix('#').unwrap_or(s);
    if id.is_empty() || id.len() > 16 || !id.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(format!(
            "{s:?} is not a cramp id: use the letters `cramp log` shows (as kqmz or #kqmz)"
        ));
    }
    Ok(id.to_string())
}

/// A path given on the command line: an empty one names nothing (and would mean "here").
fn non_empty_path(s: &str) -> Result<PathBuf, String> {
    if s.is_empty() {
        return Err("an empty path names no file or folder".to_string());
    }
    Ok(PathBuf::from(s))
}

/// A whole number in `range`, or a message naming the range.
fn whole_number(s: &str, range: std::ops::RangeInclusive<u32>) -> Result<u32, String> {
    let bad = || {
        format!(
            "{s:?}: use a whole number from {} to {}",
            range.start(),
            range.end()
        )
    };
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    s.parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(bad)
}

fn parse_intensity(s: &str) -> Result<u8, String> {
    whole_number(s, 1..=5).map(|n| n as u8)
}

fn parse_minutes(s: &str) -> Result<u32, String> {
    whole_number(s, 0..=1440)
}

fn parse_at_arg(s: &str) -> Result<jiff::civil::DateTime, String> {
    let bad = || format!("{s:?} is not a time: use \"YYYY-MM-DD HH:MM\"");
    let (d, t) = s.split_once(' ').ok_or_else(bad)?;
    let date = parse_date(d).ok_or_else(bad)?;
    if !in_range(date) {
        return Err(format!("the journal keeps {}", range_text()));
    }
    let (h, m) = t.split_once(':').ok_or_else(bad)?;
    let two_digits = |x: &str| x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(h) || !two_digits(m) {
        return Err(bad());
    }
    let (h, m): (i8, i8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let time = jiff::civil::Time::new(h, m, 0, 0).map_err(|_| bad())?;
    Ok(date.to_datetime(time))
}

fn parse_date_arg(s: &str) -> Result<Date, String> {
    let date = parse_date(s).ok_or_else(|| format!("{s:?} is not a date: use YYYY-MM-DD"))?;
    if !in_range(date) {
        return Err(format!("the journal keeps {}", range_text()));
    }
    Ok(date)
}

impl From<MuscleArg> for Muscle {
    fn from(m: MuscleArg) -> Muscle {
        match m {
            MuscleArg::Calf => Muscle::Calf,
            MuscleArg::Foot => Muscle::Foot,
            MuscleArg::Thigh => Muscle::Thigh,
            MuscleArg::Other => Muscle::Other,
        }
    }
}

impl From<SideArg> for LegSide {
    fn from(s: SideArg) -> LegSide {
        match s {
            SideArg::Left => LegSide::Left,
            SideArg::Right => LegSide::Right,
            SideArg::Both => LegSide::Both,
        }
    }
}
