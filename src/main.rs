//! `cramp`: the command line. Parses arguments, loads content and config, then hands over to the
//! TUI (`tui`), the plain guide (`plain`) or a one-shot command.

mod cli;

use cli::{diary, habits, plain, tui};

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use cramp_coach::content::Muscle;
use cramp_coach::journal::diary::LegSide;

use cramp_coach::config::Config;
use cramp_coach::config::locations::{Locations, Origin};
use cramp_coach::content::{Content, LoadError};
use cramp_coach::night::{in_range, range_text};
use cramp_coach::text::{clock, sanitize, sanitize_keep_lines};

/// Exit codes (PRODUCT.md).
pub mod exit {
    pub const OK: u8 = 0;
    pub const IO: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const JOURNAL: u8 = 3;
    pub const NEEDS_TERMINAL: u8 = 5;
}

const EXAMPLES: &str = "\
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

Dates: nights from 1900-01-01 to 2999-12-31 (--date, --since, --at).
Files: content and config in $XDG_CONFIG_HOME/cramp-coach/ (content.toml, config.toml).
Journal: $XDG_DATA_HOME/cramp-coach/journal.txt.
Environment: CRAMP_CONTENT, CRAMP_CONFIG, CRAMP_DATA_DIR (flags win over environment).
Exit codes: 0 ok, 1 input/output error, 2 bad usage, content or config, 3 journal unreadable (left
untouched), 5 needs a terminal.
Self-care guidance, not medical advice: press ! in the app for when to get help.";

#[derive(Parser)]
#[command(name = "cramp", version, about = "A calm terminal coach for night-time leg cramps.", after_help = EXAMPLES)]
struct Cli {
    /// Content file (routines, habits, guidance) instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE", value_parser = non_empty_path)]
    content: Option<PathBuf>,
    /// Config file laid over the defaults.
    #[arg(long, global = true, value_name = "FILE", value_parser = non_empty_path)]
    config: Option<PathBuf>,
    /// Folder of the journal (habit ticks) instead of $XDG_DATA_HOME/cramp-coach.
    #[arg(long, global = true, value_name = "DIR", value_parser = non_empty_path)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a routine: the TUI, or plain lines with --plain.
    Run {
        /// Line-by-line guidance without the TUI (screen readers, pipes, speech).
        #[arg(long)]
        plain: bool,
        /// With --plain: no terminal bell.
        #[arg(long)]
        quiet: bool,
        /// Routine id, as `cramp list` shows.
        routine: String,
    },
    /// List the routines: id, kind, length (m:ss), title.
    List,
    /// Check a content file (default: the one in use) and report every error as FILE:LINE:COL.
    Validate {
        /// The content file to check.
        file: Option<PathBuf>,
    },
    /// Tonight's habits (or night D's) and their streaks: `[x] id  title`, `[ ]`, counted `[3/6]`.
    Habits {
        /// The night that began on this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31) instead of tonight.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        date: Option<Date>,
    },
    /// Tick a habit for tonight (or night D); a counted habit gains one.
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
    Log {
        /// Only cramps on nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        since: Option<Date>,
        #[command(subcommand)]
        action: Option<LogAction>,
    },
    /// Cramp nights per week, the cramp-free run, habits kept, and cramp nights after habits kept or not.
    Insights,
    /// Episodes and nightly habits for a clinician: CSV (RFC 4180) or a one-page Markdown summary.
    Export {
        #[arg(long, value_enum)]
        format: diary::Format,
        /// Only nights from this date (YYYY-MM-DD, 1900-01-01 to 2999-12-31).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
        since: Option<Date>,
    },
}

#[derive(Subcommand)]
enum LogAction {
    /// Add a cramp to the diary.
    Add {
        #[arg(long, value_enum)]
        muscle: MuscleArg,
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
    /// Remove a cramp from the diary by its id (as `cramp log` shows, without the #).
    Remove { id: u32 },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum MuscleArg {
    Calf,
    Foot,
    Thigh,
    Other,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SideArg {
    Left,
    Right,
    Both,
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
    let date = cramp_coach::night::parse_date(d).ok_or_else(bad)?;
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
    let date = cramp_coach::night::parse_date(s)
        .ok_or_else(|| format!("{s:?} is not a date: use YYYY-MM-DD"))?;
    if !in_range(date) {
        return Err(format!("the journal keeps {}", range_text()));
    }
    Ok(date)
}

fn main() -> ExitCode {
    // A write past the file-size limit fails as an error (EFBIG) the store reports and cleans up
    // after, instead of killing the process halfway.
    // SAFETY: setting a signal's disposition to SIG_IGN at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(usage(&e)),
    };
    ExitCode::from(run(cli))
}

/// Help and version go to standard output; usage errors go to standard error through the same
/// sanitiser as every other message (an argument may hold escape sequences).
fn usage(e: &clap::Error) -> u8 {
    let text = sanitize_keep_lines(&e.render().to_string());
    if e.use_stderr() {
        let _ = std::io::stderr().write_all(text.as_bytes());
        exit::USAGE
    } else {
        cli::output::print(&text)
    }
}

fn fail(message: impl std::fmt::Display) {
    let text = cramp_coach::text::sanitize_keep_lines(&message.to_string());
    let _ = writeln!(std::io::stderr(), "cramp: {text}");
}

fn load_error_code(e: &LoadError) -> u8 {
    match e {
        LoadError::Io { .. } => exit::IO,
        LoadError::Invalid(_) => exit::USAGE,
    }
}

fn run(cli: Cli) -> u8 {
    let locations = Locations::from_env(
        cli.content.clone(),
        cli.config.clone(),
        cli.data_dir.clone(),
    );
    if let Some(Command::Validate { file }) = &cli.command {
        return validate(file.as_ref(), &locations);
    }
    let loaded = locations
        .content()
        .and_then(|content| Ok((content, locations.config()?)));
    let ((content, content_warning), (config, config_warning)) = match loaded {
        Ok(both) => both,
        Err(e) => {
            print_load_error(&e);
            return load_error_code(&e);
        }
    };
    let mut warnings: Vec<String> = content_warning.into_iter().chain(config_warning).collect();
    // Only what reads the clock says why TZ was not used.
    if !matches!(
        cli.command,
        Some(Command::List | Command::Run { plain: true, .. })
    ) {
        warnings.extend(habits::zone_warning());
    }
    match cli.command {
        None => tui_or_exit(content, config, warnings, None, habits::store(&locations)),
        Some(Command::Run {
            plain,
            quiet,
            routine,
        }) => {
            if content.routine(&routine).is_none() {
                return unknown_routine(&routine, &content);
            }
            if plain {
                warn_all(&warnings);
                plain::run(&content, &config, &routine, quiet)
            } else {
                tui_or_exit(
                    content,
                    config,
                    warnings,
                    Some(routine),
                    habits::store(&locations),
                )
            }
        }
        Some(Command::List) => {
            warn_all(&warnings);
            list(&content)
        }
        Some(Command::Validate { .. }) => exit::OK,
        Some(Command::Habits { date }) => {
            warn_all(&warnings);
            habits::show(&content, &config, &locations, date)
        }
        Some(Command::Check { habit, date, undo }) => {
            warn_all(&warnings);
            habits::check(&content, &config, &locations, &habit, date, undo)
        }
        Some(Command::Log { since, action }) => {
            warn_all(&warnings);
            match action {
                None => diary::list(&locations, since),
                Some(LogAction::Add {
                    muscle,
                    side,
                    intensity,
                    minutes,
                    at,
                    symptoms,
                }) => {
                    let muscle = match muscle {
                        MuscleArg::Calf => Muscle::Calf,
                        MuscleArg::Foot => Muscle::Foot,
                        MuscleArg::Thigh => Muscle::Thigh,
                        MuscleArg::Other => Muscle::Other,
                    };
                    let side = match side {
                        SideArg::Left => LegSide::Left,
                        SideArg::Right => LegSide::Right,
                        SideArg::Both => LegSide::Both,
                    };
                    let new = diary::NewEpisode {
                        muscle,
                        side,
                        intensity,
                        minutes,
                        at,
                        symptoms,
                    };
                    diary::add(&content, &config, &locations, new)
                }
                Some(LogAction::Remove { id }) => diary::remove(&locations, id),
            }
        }
        Some(Command::Insights) => {
            warn_all(&warnings);
            diary::show_insights(&content, &config, &locations)
        }
        Some(Command::Export { format, since }) => {
            warn_all(&warnings);
            diary::export(&content, &config, &locations, format, since)
        }
    }
}

fn print_load_error(e: &LoadError) {
    match e {
        LoadError::Io { .. } => fail(e),
        LoadError::Invalid(d) => {
            for line in &d.0 {
                let _ = writeln!(std::io::stderr(), "{line}");
            }
        }
    }
}

fn warn_all(warnings: &[String]) {
    for w in warnings {
        fail(w);
    }
}

fn unknown_routine(id: &str, content: &Content) -> u8 {
    let ids: Vec<&str> = content
        .routines_for_home()
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    fail(format!(
        "no routine {:?}; routines: {}",
        sanitize(id),
        ids.join(", ")
    ));
    exit::USAGE
}

fn tui_or_exit(
    content: Content,
    config: Config,
    warnings: Vec<String>,
    routine: Option<String>,
    store: Option<cramp_coach::journal::Store>,
) -> u8 {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        fail("the coach needs a terminal (try `cramp run --plain ROUTINE` or `cramp list`)");
        return exit::NEEDS_TERMINAL;
    }
    tui::run(content, config, warnings, routine, store)
}

fn list(content: &Content) -> u8 {
    let mut out = String::new();
    for r in content.routines_for_home() {
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            r.id,
            r.kind.as_str(),
            clock(r.total_seconds()),
            r.title
        ));
    }
    cli::output::print(&out)
}

fn validate(file: Option<&PathBuf>, locations: &Locations) -> u8 {
    let path = match file {
        Some(p) => p.clone(),
        None => match locations.content_origin() {
            Origin::Builtin => {
                let n = Content::builtin().routines.len();
                return cli::output::print(&format!("ok: {n} routines\n"));
            }
            origin => origin.path().cloned().unwrap_or_default(),
        },
    };
    match Content::load(&path) {
        Ok(c) => cli::output::print(&format!("ok: {} routines\n", c.routines.len())),
        Err(e) => {
            print_load_error(&e);
            load_error_code(&e)
        }
    }
}
