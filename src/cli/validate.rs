//! `cramp validate [FILE]`: checks a content file (by default the one in use, which it names) and
//! lists every problem as FILE:LINE:COL.

use std::path::PathBuf;

use cramp_coach::config::locations::{Locations, Origin};
use cramp_coach::content::Content;
use cramp_coach::text::sanitize;

use super::exit;
use super::output::print;

/// "ok: 1 routine", "ok: 5 routines".
fn ok(content: &Content) -> String {
    let n = content.routines.len();
    format!("ok: {n} {}", if n == 1 { "routine" } else { "routines" })
}

pub fn run(file: Option<&PathBuf>, locations: &Locations) -> exit::Result {
    if let Some(path) = file {
        let content = Content::load(path)?;
        return print(&format!("{}\n", ok(&content)));
    }
    // No file named: say which one was checked, and where it was found.
    let origin = locations.content_origin();
    let (content, what) = match &origin {
        Origin::Builtin => (Content::builtin(), "the built-in content".to_string()),
        other => {
            let path = other.path().cloned().unwrap_or_default();
            let from = match other {
                Origin::Flag(_) => "--content",
                Origin::Env(_) => "CRAMP_CONTENT",
                _ => "your config folder",
            };
            (
                Content::load(&path)?,
                format!("{} (from {from})", sanitize(&path.display().to_string())),
            )
        }
    };
    print(&format!("{} in {what}\n", ok(&content)))
}
