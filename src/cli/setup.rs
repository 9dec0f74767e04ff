//! First run and customising: `cramp init` (the user's own commented files), `cramp defaults
//! content|config` (a built-in file to standard output) and `cramp paths` (which files are in use).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use cramp_coach::config::locations::{
    CONFIG_ENV, CONFIG_FILE, CONTENT_ENV, CONTENT_FILE, DATA_DIR_ENV, Locations, Origin,
};
use cramp_coach::journal::JOURNAL_FILE;
use cramp_coach::journal::store::{FolderProblem, folder_problem, write_file_atomically};
use cramp_coach::text::sanitize;

use super::args::DefaultsFile;
use super::exit::{self, Failure};
use super::output::print;

/// The built-in text of `which`.
fn builtin(which: DefaultsFile) -> &'static str {
    match which {
        DefaultsFile::Content => cramp_coach::content::BUILTIN_TOML,
        DefaultsFile::Config => cramp_coach::config::DEFAULT_TOML,
    }
}

/// `cramp defaults content|config`: the built-in file, byte for byte.
pub fn defaults(which: DefaultsFile) -> exit::Result {
    print(builtin(which))
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// What `cramp init` did with one file.
enum Written {
    New(PathBuf),
    Replaced { path: PathBuf, backup: PathBuf },
}

/// `cramp init [--force]`: writes `content.toml` and `config.toml` (every default, commented) into
/// the config folder. A file already there is kept (exit 1, naming it) unless `--force`, which keeps
/// the old one beside it as `FILE.bak` (or `FILE.bak.2`, … : an older backup is never replaced). A
/// link, a folder or a FIFO in a file's place is never replaced.
pub fn init(locations: &Locations, force: bool) -> exit::Result {
    let Some(dir) = locations.config_dir.clone() else {
        return Err(Failure::io(
            "no config folder: neither XDG_CONFIG_HOME nor HOME is set".to_string(),
        ));
    };
    make_folder(&dir)?;
    let mut lines = Vec::new();
    let mut refused = Vec::new();
    for (file, which) in [
        (CONTENT_FILE, DefaultsFile::Content),
        (CONFIG_FILE, DefaultsFile::Config),
    ] {
        let path = dir.join(file);
        let text = format!(
            "# Written by `cramp init` (cramp-coach {}): every default, to change as you like.\n#\n{}",
            env!("CARGO_PKG_VERSION"),
            builtin(which)
        );
        match write_one(&path, &text, force) {
            Ok(Written::New(p)) => lines.push(format!("wrote {}", shown(&p))),
            Ok(Written::Replaced { path, backup }) => lines.push(format!(
                "wrote {} (the old one is {})",
                shown(&path),
                shown(&backup)
            )),
            Err(Refused::Exists) => refused.push(format!(
                "{}: already there, kept (cramp init --force replaces it, keeping a .bak)",
                shown(&path)
            )),
            Err(Refused::NotAFile(what)) => refused.push(format!(
                "{}: is {what}, not replaced (remove it, or edit what it points to)",
                shown(&path)
            )),
            Err(Refused::Io(e)) => {
                print(&lines.iter().map(|l| format!("{l}\n")).collect::<String>())?;
                return Err(Failure::io(format!("{}: {e}", shown(&path))));
            }
        }
    }
    print(&lines.iter().map(|l| format!("{l}\n")).collect::<String>())?;
    match refused.split_last() {
        None => Ok(()),
        Some((last, rest)) => {
            for line in rest {
                exit::fail(line);
            }
            Err(Failure::io(last.clone()))
        }
    }
}

enum Refused {
    Exists,
    NotAFile(&'static str),
    Io(io::Error),
}

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Refused {
        Refused::Io(e)
    }
}

/// The config folder, made (with its parents) if missing: private when made here; an existing one
/// is used as it is.
fn make_folder(dir: &Path) -> exit::Result {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| Failure::io(format!("{}: {e}", shown(dir))))?;
    match fs::metadata(dir) {
        // Files are written only into a folder of the user's own that nobody else can change.
        Ok(m) => match folder_problem(&m) {
            None => Ok(()),
            Some(problem) => {
                let fix = match problem {
                    FolderProblem::OthersCanWrite(_) => " (make it private with `chmod 700`)",
                    _ => "",
                };
                Err(Failure::io(format!(
                    "{}: {problem}; nothing written{fix}",
                    shown(dir)
                )))
            }
        },
        Err(e) => Err(Failure::io(format!("{}: {e}", shown(dir)))),
    }
}

/// Writes `text` at `path` atomically, keeping what was there as a backup (with `force`).
fn write_one(path: &Path, text: &str, force: bool) -> Result<Written, Refused> {
    let existing = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => true,
        Ok(m) if m.file_type().is_symlink() => return Err(Refused::NotAFile("a symbolic link")),
        Ok(m) if m.is_dir() => return Err(Refused::NotAFile("a folder")),
        Ok(_) => return Err(Refused::NotAFile("not a regular file")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(Refused::Io(e)),
    };
    if existing && !force {
        return Err(Refused::Exists);
    }
    let written = if existing {
        let backup = keep_backup(path)?;
        write_file_atomically(path, text, ".cramp-init.", true)?;
        Written::Replaced {
            path: path.to_path_buf(),
            backup,
        }
    } else {
        // Exclusive: a file that appeared since the check above is not replaced.
        write_file_atomically(path, text, ".cramp-init.", false).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                Refused::Exists
            } else {
                Refused::Io(e)
            }
        })?;
        Written::New(path.to_path_buf())
    };
    Ok(written)
}

/// A second name for the file at `path`: `FILE.bak`, or the first free `FILE.bak.N`.
fn keep_backup(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    for n in 1..1000 {
        let backup = if n == 1 {
            path.with_file_name(format!("{name}.bak"))
        } else {
            path.with_file_name(format!("{name}.bak.{n}"))
        };
        match fs::hard_link(path, &backup) {
            Ok(()) => return Ok(backup),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // A file system without hard links: a copy, made exclusively.
            Err(_) => {
                let mut out = match fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&backup)
                {
                    Ok(f) => f,
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                };
                out.write_all(&fs::read(path)?)?;
                out.sync_all()?;
                return Ok(backup);
            }
        }
    }
    Err(io::Error::other("too many backups already"))
}

/// `cramp paths`: one line for each of content, config and journal:
/// `NAME  ORIGIN  STATE  PATH`, ORIGIN one of `--content`/`--config`/`--data-dir`, the environment
/// variable's name, `xdg` or `built-in`; STATE `exists` or `missing`. The path comes last (it may
/// hold spaces); for the built-in content and config it is where your own file would go.
pub fn paths(locations: &Locations) -> exit::Result {
    let xdg = |file: &str| locations.config_dir.as_ref().map(|d| d.join(file));
    let file_line = |name: &str, origin: Origin, flag: &str, env: &str, file: &str| {
        let (from, path) = match origin {
            Origin::Flag(p) => (flag, Some(p)),
            Origin::Env(p) => (env, Some(p)),
            Origin::Xdg(p) => ("xdg", Some(p)),
            Origin::Builtin => ("built-in", xdg(file)),
        };
        line(name, from, path.as_deref())
    };
    let journal_from = if locations.data_dir_flag.is_some() {
        "--data-dir"
    } else if locations.data_dir_env.is_some() {
        DATA_DIR_ENV
    } else {
        "xdg"
    };
    let journal = locations.data_dir().map(|d| d.join(JOURNAL_FILE));
    let out = [
        file_line(
            "content",
            locations.content_origin(),
            "--content",
            CONTENT_ENV,
            CONTENT_FILE,
        ),
        file_line(
            "config",
            locations.config_origin(),
            "--config",
            CONFIG_ENV,
            CONFIG_FILE,
        ),
        line("journal", journal_from, journal.as_deref()),
    ]
    .concat();
    print(&out)
}

fn line(name: &str, from: &str, path: Option<&Path>) -> String {
    let state = match path {
        Some(p) if fs::symlink_metadata(p).is_ok() => "exists",
        _ => "missing",
    };
    let path = path.map_or_else(|| "-".to_string(), shown);
    format!("{name:<7}  {from:<14}  {state:<7}  {path}\n")
}
