//! At home in the shell: `cramp completions SHELL`, `cramp man`, and the ids the completion
//! scripts ask for (`cramp __complete-ids routines|habits`).

use cramp_coach::config::locations::Locations;

use super::args::IdKind;
use super::exit;

pub fn completions(_shell: clap_complete::Shell) -> exit::Result {
    Ok(())
}

pub fn man() -> exit::Result {
    Ok(())
}

pub fn ids(_locations: &Locations, _what: IdKind) -> exit::Result {
    Ok(())
}
