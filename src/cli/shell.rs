//! At home in the shell: `cramp completions SHELL` and `cramp man` print the files the package
//! installs (`assets/completions/`, `assets/man/cramp.1`, made from the clap definition by
//! `tests/shell/generate.rs`, which checks they are current), and the ids the completion scripts
//! ask for (`cramp __complete-ids routines|habits`, kept out of clap so no shell offers it).

use cramp_coach::config::locations::Locations;
use cramp_coach::content::Content;

use super::args::Shell;
use super::exit;
use super::output::print;

/// The hidden command the completion scripts run: `cramp __complete-ids routines|habits`.
pub const IDS_COMMAND: &str = "__complete-ids";

/// `cramp completions SHELL`: the script, on standard output.
pub fn completions(shell: Shell) -> exit::Result {
    print(match shell {
        Shell::Bash => include_str!("../../assets/completions/cramp.bash"),
        Shell::Zsh => include_str!("../../assets/completions/_cramp"),
        Shell::Fish => include_str!("../../assets/completions/cramp.fish"),
        Shell::Elvish => include_str!("../../assets/completions/cramp.elv"),
        Shell::Powershell => include_str!("../../assets/completions/_cramp.ps1"),
    })
}

/// `cramp man`: one page for every command, with the files, the environment and the exit codes.
pub fn man() -> exit::Result {
    print(include_str!("../../assets/man/cramp.1"))
}

/// `cramp __complete-ids routines|habits`: one id a line, from the content in use (the built-in
/// content when that cannot be read). Says nothing on standard error: it runs under a TAB key.
pub fn ids(what: Option<std::ffi::OsString>) -> u8 {
    let locations = Locations::from_env(None, None, None);
    let content = locations
        .content()
        .map(|(c, _)| c)
        .unwrap_or_else(|_| Content::builtin());
    let ids: Vec<&str> = match what.as_ref().and_then(|w| w.to_str()) {
        Some("routines") => content.routines.iter().map(|r| r.id.as_str()).collect(),
        Some("habits") => content.habits.iter().map(|h| h.id.as_str()).collect(),
        _ => return exit::USAGE,
    };
    let text: String = ids.iter().map(|id| format!("{id}\n")).collect();
    match print(&text) {
        Ok(()) => exit::OK,
        Err(f) => f.code(),
    }
}
