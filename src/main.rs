//! `cramp`: parses the arguments, loads the content and config, then hands over to the TUI, the
//! plain guide or a one-shot command. Every failure is printed once, here, with its exit code.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use cramp_coach::config::Config;
use cramp_coach::config::locations::Locations;
use cramp_coach::content::Content;
use cramp_coach::journal::Store;
use cramp_coach::strings;
use cramp_coach::text::{sanitize, sanitize_keep_lines};

use cli::args::{Cli, Command, LogAction};
use cli::exit::{self, Failure, warn_all};

fn main() -> ExitCode {
    // A write past the file-size limit fails as an error (EFBIG) the store reports and cleans up
    // after, instead of killing the process halfway (Unix: elsewhere there is no such signal).
    // SAFETY: setting a signal's disposition to SIG_IGN at start-up, before any thread exists.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // The completion scripts' question, kept out of clap so that no shell offers it.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == cli::shell::IDS_COMMAND)
    {
        return ExitCode::from(cli::shell::ids(std::env::args_os().nth(2)));
    }
    // `cramp` alone, as at 3 a.m.: nothing to parse, so the command line's definition (every
    // command and its help) is not built before the first frame.
    let parsed = if std::env::args_os().len() <= 1 {
        Ok(Cli {
            content: None,
            config: None,
            data_dir: None,
            command: None,
        })
    } else {
        Cli::try_parse()
    };
    let code = match parsed {
        Ok(cli) => run(cli).unwrap_or_else(|failure| {
            failure.print();
            failure.code()
        }),
        Err(e) => usage(&e),
    };
    ExitCode::from(code)
}

/// Help and version go to standard output; usage errors go to standard error through the same
/// sanitiser as every other message (an argument may hold escape sequences).
fn usage(e: &clap::Error) -> u8 {
    let text = sanitize_keep_lines(&e.render().to_string());
    if e.use_stderr() {
        let _ = std::io::stderr().write_all(text.as_bytes());
        return exit::USAGE;
    }
    match cli::output::print(&text) {
        Ok(()) => exit::OK,
        Err(failure) => {
            failure.print();
            failure.code()
        }
    }
}

/// Runs the command; the exit code when it ends by itself (the TUI's may be 128+N).
fn run(cli: Cli) -> Result<u8, Failure> {
    let locations = Locations::from_env(
        cli.content.clone(),
        cli.config.clone(),
        cli.data_dir.clone(),
    );
    // Commands that need neither the content nor the config loaded (or load them their own way).
    match &cli.command {
        Some(Command::Validate { file }) => {
            cli::validate::run(file.as_ref(), &locations)?;
            return Ok(exit::OK);
        }
        Some(Command::Init { force }) => {
            cli::setup::init(&locations, *force)?;
            return Ok(exit::OK);
        }
        Some(Command::Defaults { which }) => {
            cli::setup::defaults(*which)?;
            return Ok(exit::OK);
        }
        Some(Command::Paths) => {
            cli::setup::paths(&locations)?;
            return Ok(exit::OK);
        }
        Some(Command::Completions { shell }) => {
            cli::shell::completions(*shell)?;
            return Ok(exit::OK);
        }
        Some(Command::Man) => {
            cli::shell::man()?;
            return Ok(exit::OK);
        }
        Some(Command::Status { format, due, color }) => {
            let options = cli::status::Options {
                format: format.clone(),
                due: *due,
                color: *color,
            };
            return cli::status::run(&locations, options);
        }
        _ => {}
    }
    let (content, content_warning) = locations.content()?;
    let (config, config_warning) = locations.config()?;
    let mut warnings: Vec<String> = content_warning.into_iter().chain(config_warning).collect();
    // Only what reads the clock says why TZ was not used.
    if !matches!(cli.command, Some(Command::List)) {
        warnings.extend(cli::clock::zone_warning());
    }
    let store = cli::journal::store(&locations);
    match cli.command {
        None => return tui_or_exit(content, config, warnings, None, store),
        Some(Command::Run {
            plain,
            quiet,
            routine,
        }) => {
            if content.routine(&routine).is_none() {
                return Err(unknown_routine(&routine, &content));
            }
            if !plain {
                return tui_or_exit(content, config, warnings, Some(routine), store);
            }
            warn_all(&warnings);
            let journal = cli::plain::Journal {
                store,
                tonight: cli::clock::tonight(&config),
            };
            cli::plain::run(&content, &config, &routine, quiet, &journal)?;
        }
        Some(command) => {
            warn_all(&warnings);
            match command {
                Command::List => cli::list::run(&content)?,
                Command::Habits { date } => cli::habits::show(&content, &config, &locations, date)?,
                Command::Check { habit, date, undo } => {
                    cli::habits::check(&content, &config, &locations, &habit, date, undo)?
                }
                Command::Log { since, action } => match action {
                    None => cli::log::list(&config, &locations, since)?,
                    Some(LogAction::Add {
                        muscle,
                        side,
                        intensity,
                        minutes,
                        at,
                        symptoms,
                    }) => {
                        let new = cli::log::NewEpisode {
                            muscle: muscle.into(),
                            side: side.into(),
                            intensity,
                            minutes,
                            at,
                            symptoms,
                        };
                        cli::log::add(&content, &config, &locations, new)?
                    }
                    Some(LogAction::Remove { id }) => cli::log::remove(&locations, &id)?,
                },
                Command::Insights => cli::insights::show(&content, &config, &locations)?,
                Command::Skip { date, reason, undo } => {
                    cli::nights::skip(&config, &locations, date, reason, undo)?
                }
                Command::Note { date, text, clear } => {
                    cli::nights::note(&config, &locations, date, text, clear)?
                }
                Command::Merge {
                    dry_run,
                    driver,
                    files,
                } => match driver {
                    Some(paths) => cli::merge::driver(&paths)?,
                    None => cli::merge::run(&locations, &files, dry_run)?,
                },
                Command::Export { format, since } => {
                    cli::export::run(&content, &config, &locations, format, since)?
                }
                Command::Validate { .. }
                | Command::Run { .. }
                | Command::Init { .. }
                | Command::Defaults { .. }
                | Command::Paths
                | Command::Status { .. }
                | Command::Completions { .. }
                | Command::Man => {}
            }
        }
    }
    Ok(exit::OK)
}

fn unknown_routine(id: &str, content: &Content) -> Failure {
    let ids: Vec<&str> = content.routines.iter().map(|r| r.id.as_str()).collect();
    Failure::usage(format!(
        "no routine {:?}; routines: {}",
        sanitize(id),
        ids.join(", ")
    ))
}

fn tui_or_exit(
    content: Content,
    config: Config,
    warnings: Vec<String>,
    routine: Option<String>,
    store: Option<Store>,
) -> Result<u8, Failure> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::Said {
            code: exit::NEEDS_TERMINAL,
            line: strings::cli::NEEDS_TERMINAL.to_string(),
        });
    }
    Ok(cli::tui::run(content, config, warnings, routine, store))
}
