//! `cramp validate [FILE|-]`: checks a content or a config file (told apart by its keys; `-` reads
//! standard input) and lists every problem as FILE:LINE:COL. Without a file it checks the content in
//! use (and the config, with `--config`), naming each and where it was found.

use std::path::{Path, PathBuf};

use cramp_coach::config::Config;
use cramp_coach::config::locations::{Locations, Origin};
use cramp_coach::content::Content;
use cramp_coach::content::source::{LoadError, read_source, read_source_from};
use cramp_coach::text::sanitize;

use super::exit;
use super::output::print;

/// The name standard input goes by in messages.
const STDIN_NAME: &str = "<stdin>";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Content,
    Config,
}

/// "ok: 1 routine", "ok: 5 routines".
fn ok(content: &Content) -> String {
    let n = content.routines.len();
    format!("ok: {n} {}", if n == 1 { "routine" } else { "routines" })
}

/// Content or config, by the top-level keys: a content key (`routine`, `habit`, `guidance`) makes
/// it content; otherwise a config key makes it config; a file with neither, or one TOML cannot
/// read, is content unless its name says config.
fn kind_of(path: &Path, source: &str) -> Kind {
    let by_name = if path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().contains("config"))
    {
        Kind::Config
    } else {
        Kind::Content
    };
    let Ok(table) = toml::de::DeTable::parse(source) else {
        return by_name;
    };
    let has = |fields: &[cramp_coach::content::shape::Field]| {
        table
            .get_ref()
            .keys()
            .any(|k| fields.iter().any(|(name, _)| *name == k.get_ref().as_ref()))
    };
    if has(cramp_coach::content::SHAPE) {
        Kind::Content
    } else if has(cramp_coach::config::SHAPE) {
        Kind::Config
    } else {
        by_name
    }
}

/// Checks one file's text as `kind`; the `ok` line without a place.
fn check(path: &Path, source: &str, kind: Kind) -> Result<String, LoadError> {
    match kind {
        Kind::Content => Content::parse(path, source)
            .map(|c| ok(&c))
            .map_err(LoadError::Invalid),
        Kind::Config => Config::builtin()
            .merged(path, source)
            .map(|_| "ok: config".to_string())
            .map_err(LoadError::Invalid),
    }
}

/// A file named on the command line, or `-`.
fn check_named(file: &Path) -> Result<String, LoadError> {
    if file == Path::new("-") {
        let name = Path::new(STDIN_NAME);
        let source = read_source_from(name, std::io::stdin().lock())?;
        return check(name, &source, kind_of(name, &source));
    }
    let source = read_source(file)?;
    check(file, &source, kind_of(file, &source))
}

/// The file in use for `kind`, checked and named: "ok: 5 routines in the built-in content".
fn check_in_use(origin: Origin, kind: Kind) -> Result<String, LoadError> {
    let flag = match kind {
        Kind::Content => "--content",
        Kind::Config => "--config",
    };
    let Some(path) = origin.path().cloned() else {
        return Ok(match kind {
            Kind::Content => format!("{} in the built-in content", ok(&Content::builtin())),
            Kind::Config => "ok: config in the built-in defaults".to_string(),
        });
    };
    let from = match origin {
        Origin::Flag(_) => flag,
        Origin::Env(_) if kind == Kind::Content => "CRAMP_CONTENT",
        Origin::Env(_) => "CRAMP_CONFIG",
        _ => "your config folder",
    };
    let source = read_source(&path)?;
    let line = check(&path, &source, kind)?;
    Ok(format!(
        "{line} in {} (from {from})",
        sanitize(&path.display().to_string())
    ))
}

pub fn run(file: Option<&PathBuf>, locations: &Locations) -> exit::Result {
    if let Some(path) = file {
        let line = check_named(path)?;
        return print(&format!("{line}\n"));
    }
    // No file named: the content in use; `--config FILE` alone checks that file instead, and both
    // flags check both.
    let mut lines = Vec::new();
    let config_only = locations.config_flag.is_some() && locations.content_flag.is_none();
    if !config_only {
        lines.push(check_in_use(locations.content_origin(), Kind::Content)?);
    }
    if locations.config_flag.is_some() {
        lines.push(check_in_use(locations.config_origin(), Kind::Config)?);
    }
    print(&format!("{}\n", lines.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_keys() {
        let p = Path::new("x.toml");
        assert_eq!(kind_of(p, "[[routine]]\nid = \"a\"\n"), Kind::Content);
        assert_eq!(kind_of(p, "theme = \"night\"\n"), Kind::Config);
        assert_eq!(kind_of(p, "[keys]\npause = [\"space\"]\n"), Kind::Config);
        // Both kinds of keys: content (whose checker then names the stray key).
        assert_eq!(kind_of(p, "bell = true\n[[habit]]\n"), Kind::Content);
        // Neither, or not TOML: by the name.
        assert_eq!(kind_of(p, "nope = 1\n"), Kind::Content);
        assert_eq!(
            kind_of(Path::new("my-config.toml"), "nope = 1\n"),
            Kind::Config
        );
        assert_eq!(kind_of(Path::new("config.toml"), "= broken"), Kind::Config);
        assert_eq!(
            kind_of(
                cramp_coach::config::DEFAULT_NAME.as_ref(),
                cramp_coach::config::DEFAULT_TOML
            ),
            Kind::Config
        );
        assert_eq!(
            kind_of(p, cramp_coach::content::BUILTIN_TOML),
            Kind::Content
        );
    }
}
