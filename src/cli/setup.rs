//! First run and customising: `cramp init`, `cramp defaults content|config`, `cramp paths`.

use cramp_coach::config::locations::Locations;

use super::args::DefaultsFile;
use super::exit;

pub fn init(_locations: &Locations, _force: bool) -> exit::Result {
    Ok(())
}

pub fn defaults(_which: DefaultsFile) -> exit::Result {
    Ok(())
}

pub fn paths(_locations: &Locations) -> exit::Result {
    Ok(())
}
