//! `cramp merge [--dry-run] FILE…` folds other copies of the journal into this one, under the
//! lock, atomically; `cramp merge --driver BASE OURS THEIRS` is git's merge driver for a data
//! folder kept in git (OURS is written with the merge, nothing else is touched).

use std::path::{Path, PathBuf};

use cramp_coach::config::locations::Locations;
use cramp_coach::content::source::{BoundedError, read_bounded};
use cramp_coach::journal::merge::{changes, merge};
use cramp_coach::journal::store::write_file_atomically;
use cramp_coach::journal::{Journal, MAX_JOURNAL_BYTES};
use cramp_coach::text::sanitize;

use super::exit::{self, Failure};
use super::journal::command_store;
use super::output::print;

/// A copy of the journal named on the command line: read whole (bounded, never waiting on a
/// FIFO); not a journal, or a newer one, is exit 3.
fn read_copy(path: &Path) -> Result<Journal, Failure> {
    let bytes = match read_bounded(path, MAX_JOURNAL_BYTES) {
        Ok(b) => b,
        // A file that cannot be read is an input/output error (1), as anywhere.
        Err(BoundedError::Io(source)) => {
            return Err(Failure::io(format!(
                "{}: cannot read: {source}",
                sanitize(&path.display().to_string())
            )));
        }
        Err(BoundedError::TooLarge) => {
            return Err(Failure::Said {
                code: exit::JOURNAL,
                line: format!(
                    "{}: larger than {} MiB: not a journal",
                    sanitize(&path.display().to_string()),
                    MAX_JOURNAL_BYTES >> 20
                ),
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| Failure::Said {
        code: exit::JOURNAL,
        line: format!(
            "{}: not a cramp-coach journal (not UTF-8 text)",
            sanitize(&path.display().to_string())
        ),
    })?;
    Ok(Journal::parse_owned(path, text)?)
}

/// `cramp merge [--dry-run] FILE…`.
pub fn run(locations: &Locations, files: &[PathBuf], dry_run: bool) -> exit::Result {
    // Every copy is read before anything is written: one that is not a journal stops it all.
    let copies = files
        .iter()
        .map(|f| read_copy(f))
        .collect::<Result<Vec<Journal>, Failure>>()?;
    let store = command_store(locations)?;
    let fold = |j: &Journal| copies.iter().fold(j.clone(), |acc, c| merge(&acc, c));
    let (before, after) = if dry_run {
        // Conflict copies beside the journal are counted in, in memory: a dry run writes nothing.
        let ours = store.load_with_conflict_copies()?;
        for notice in &ours.notices {
            super::exit::fail(notice);
        }
        let merged = fold(&ours);
        (ours, merged)
    } else {
        // The journal as it was under the lock (with any conflict copies already folded in).
        let before = std::cell::RefCell::new(None);
        let (after, ()) = super::journal::update(&store, |j| {
            before.replace(Some(j.clone()));
            *j = fold(j);
        })?;
        (before.into_inner().unwrap_or_default(), after)
    };
    let said = changes(&before, &after);
    let mut out = String::new();
    for line in &said {
        out.push_str(&format!("{line}\n"));
    }
    let n = said.len();
    let summary = match (dry_run, n) {
        (true, 0) => "nothing would change".to_string(),
        (true, _) => format!("{n} {} would be made (dry run: nothing written)", plural(n)),
        (false, 0) => "nothing to merge: the journal already holds everything".to_string(),
        (false, _) => format!("merged: {n} {}", plural(n)),
    };
    out.push_str(&summary);
    out.push('\n');
    print(&out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "change" } else { "changes" }
}

/// `cramp merge --driver BASE OURS THEIRS`: git's merge driver. OURS gets the merge of OURS and
/// THEIRS (the base is checked to be a journal but adds nothing: every record carries what a
/// merge needs), written atomically; exit 0, or 3 when a file is not a journal (git then leaves
/// the conflict to you).
pub fn driver(paths: &[PathBuf]) -> exit::Result {
    let [base, ours, theirs] = paths else {
        return Err(Failure::usage("--driver takes three files: %O %A %B"));
    };
    // git gives an empty file for a side that had no journal (added on both branches, say).
    let side = |path: &Path| -> Result<Journal, Failure> {
        match std::fs::metadata(path) {
            Ok(m) if m.len() == 0 => Ok(Journal::default()),
            _ => read_copy(path),
        }
    };
    // OURS is replaced: only a regular file (a link is not written through, nor replaced).
    if std::fs::symlink_metadata(ours).is_ok_and(|m| !m.file_type().is_file()) {
        return Err(Failure::io(format!(
            "{}: not a regular file; nothing written",
            sanitize(&ours.display().to_string())
        )));
    }
    side(base)?;
    let merged = merge(&side(ours)?, &side(theirs)?);
    write_file_atomically(ours, &merged.to_text(), ".cramp-merge.", true).map_err(|e| {
        Failure::io(format!(
            "{}: cannot write: {e}",
            sanitize(&ours.display().to_string())
        ))
    })
}
