//! `cramp validate [FILE]`: checks a content file (by default the one in use) and lists every
//! problem as FILE:LINE:COL.

use std::path::PathBuf;

use cramp_coach::config::locations::{Locations, Origin};
use cramp_coach::content::Content;

use super::exit;
use super::output::print;

pub fn run(file: Option<&PathBuf>, locations: &Locations) -> exit::Result {
    let path = match file {
        Some(p) => p.clone(),
        None => match locations.content_origin() {
            Origin::Builtin => {
                let n = Content::builtin().routines.len();
                return print(&format!("ok: {n} routines\n"));
            }
            origin => origin.path().cloned().unwrap_or_default(),
        },
    };
    let content = Content::load(&path)?;
    print(&format!("ok: {} routines\n", content.routines.len()))
}
