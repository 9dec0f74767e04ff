//! `cramp status [--format F] [--due] [--color]`: one short line for a prompt or status bar.

use cramp_coach::config::locations::Locations;

use super::exit;

pub struct Options {
    pub format: Option<String>,
    pub due: bool,
    pub color: bool,
}

/// The exit code: 0, or for `--due` 1 when nothing is due.
pub fn run(_locations: &Locations, _options: Options) -> Result<u8, exit::Failure> {
    Ok(exit::OK)
}
