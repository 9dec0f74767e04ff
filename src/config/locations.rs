//! Where the content, config and journal files are, and which one wins: flag, then environment,
//! then the XDG location, then the built-in default.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::{Content, LoadError};

pub const CONTENT_ENV: &str = "CRAMP_CONTENT";
pub const CONFIG_ENV: &str = "CRAMP_CONFIG";
pub const DATA_DIR_ENV: &str = "CRAMP_DATA_DIR";
pub const CONTENT_FILE: &str = "content.toml";
pub const CONFIG_FILE: &str = "config.toml";

/// Where a file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `--content` / `--config`: a broken file is a hard error.
    Flag(PathBuf),
    /// The environment variable: a broken file falls back with a warning.
    Env(PathBuf),
    /// The user's config folder: a broken file falls back with a warning.
    Xdg(PathBuf),
    Builtin,
}

impl Origin {
    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            Origin::Flag(p) | Origin::Env(p) | Origin::Xdg(p) => Some(p),
            Origin::Builtin => None,
        }
    }
}

/// The inputs that decide locations, gathered once at start-up (so tests can pass their own).
#[derive(Debug, Clone, Default)]
pub struct Locations {
    pub content_flag: Option<PathBuf>,
    pub config_flag: Option<PathBuf>,
    pub content_env: Option<PathBuf>,
    pub config_env: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME/cramp-coach`, if a home is known.
    pub config_dir: Option<PathBuf>,
    pub data_dir_flag: Option<PathBuf>,
    pub data_dir_env: Option<PathBuf>,
    /// `$XDG_DATA_HOME/cramp-coach`, if a home is known.
    pub xdg_data_dir: Option<PathBuf>,
}

fn non_empty(v: Option<std::ffi::OsString>) -> Option<PathBuf> {
    v.filter(|s| !s.is_empty()).map(PathBuf::from)
}

impl Locations {
    pub fn from_env(
        content_flag: Option<PathBuf>,
        config_flag: Option<PathBuf>,
        data_dir_flag: Option<PathBuf>,
    ) -> Locations {
        let dirs = directories::ProjectDirs::from("", "", "cramp-coach");
        Locations {
            content_flag,
            config_flag,
            content_env: non_empty(std::env::var_os(CONTENT_ENV)),
            config_env: non_empty(std::env::var_os(CONFIG_ENV)),
            config_dir: dirs.as_ref().map(|d| d.config_dir().to_path_buf()),
            data_dir_flag,
            data_dir_env: non_empty(std::env::var_os(DATA_DIR_ENV)),
            xdg_data_dir: dirs.map(|d| d.data_dir().to_path_buf()),
        }
    }

    /// The journal's folder: `--data-dir`, then `CRAMP_DATA_DIR`, then `$XDG_DATA_HOME/cramp-coach`.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.data_dir_flag
            .clone()
            .or_else(|| self.data_dir_env.clone())
            .or_else(|| self.xdg_data_dir.clone())
    }

    fn pick(&self, flag: &Option<PathBuf>, env: &Option<PathBuf>, file: &str) -> Origin {
        if let Some(p) = flag {
            return Origin::Flag(p.clone());
        }
        if let Some(p) = env {
            return Origin::Env(p.clone());
        }
        match &self.config_dir {
            Some(dir) if dir.join(file).exists() => Origin::Xdg(dir.join(file)),
            _ => Origin::Builtin,
        }
    }

    pub fn content_origin(&self) -> Origin {
        self.pick(&self.content_flag, &self.content_env, CONTENT_FILE)
    }

    pub fn config_origin(&self) -> Origin {
        self.pick(&self.config_flag, &self.config_env, CONFIG_FILE)
    }

    /// The content to use. A broken file named by a flag is an error; one found through the
    /// environment or the config folder gives way to the built-in content and a warning.
    pub fn content(&self) -> Result<(Content, Option<String>), LoadError> {
        load_from(
            self.content_origin(),
            Content::load,
            Content::builtin,
            "using the built-in routines",
        )
    }

    /// The config to use, with the same rules as [`Locations::content`].
    pub fn config(&self) -> Result<(Config, Option<String>), LoadError> {
        load_from(
            self.config_origin(),
            Config::load_over_default,
            Config::builtin,
            "using the default settings",
        )
    }
}

/// Loads what `origin` names, or the built-in value; a broken file not named by a flag gives way to
/// the built-in value and a one-line warning ending in `(note)`.
fn load_from<T>(
    origin: Origin,
    load: impl FnOnce(&Path) -> Result<T, LoadError>,
    builtin: impl FnOnce() -> T,
    note: &str,
) -> Result<(T, Option<String>), LoadError> {
    let Some(path) = origin.path() else {
        return Ok((builtin(), None));
    };
    match load(path) {
        Ok(value) => Ok((value, None)),
        Err(e) if matches!(origin, Origin::Flag(_)) => Err(e),
        Err(e) => Ok((builtin(), Some(format!("{} ({note})", e.first_line())))),
    }
}
