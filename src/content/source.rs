//! Reading a content or config file and pointing into it: the file is read within limits (size,
//! nesting, UTF-8, never waiting on a FIFO with no writer), parsed as TOML, and every problem is a
//! [`Diagnostic`] printed as `FILE:LINE:COL: message`. Shared by the content and the config.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::ops::Range;
#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::text::sanitize;

/// One problem at one place in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display().to_string();
        write!(
            f,
            "{}:{}:{}: {}",
            sanitize(&file),
            self.line,
            self.column,
            sanitize(&self.message)
        )
    }
}

/// Turns byte offsets in one source text into 1-based line and column (columns count characters).
pub struct SourceMap<'a> {
    file: &'a Path,
    source: &'a str,
}

impl<'a> SourceMap<'a> {
    pub fn new(file: &'a Path, source: &'a str) -> Self {
        Self { file, source }
    }

    pub fn file(&self) -> &Path {
        self.file
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.source[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    pub fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.position(span.start);
        Diagnostic {
            file: self.file.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A TOML syntax or type error; toml puts the place in its span and a first line of text in its message.
    pub fn toml_error(&self, err: &toml::de::Error) -> Diagnostic {
        let message = err
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .trim()
            .to_string();
        match err.span() {
            Some(span) => self.at(span, message),
            None => Diagnostic {
                file: self.file.to_path_buf(),
                line: 1,
                column: 1,
                message,
            },
        }
    }
}

/// Every problem found in one file, shown one a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl Diagnostics {
    pub fn first(&self) -> Option<&Diagnostic> {
        self.0.first()
    }
}

/// Largest content or config file read: real ones are a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Deepest nesting of arrays and inline tables accepted before the TOML parser sees a file.
pub const MAX_NESTING: usize = 32;

/// Finds the first place where brackets or braces nest deeper than `MAX_NESTING`, outside strings and
/// comments. The parser recurses on nesting, so hostile files are stopped here, cheaply and without recursion.
pub fn too_deep(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut at_line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                let triple = bytes[i..].starts_with(if b == b'"' { b"\"\"\"" } else { b"'''" });
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if b == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if bytes[i..].starts_with(if b == b'"' { b"\"\"\"" } else { b"'''" }) {
                            i += 3;
                            break;
                        }
                    } else if bytes[i] == b || bytes[i] == b'\n' {
                        i += 1;
                        break;
                    }
                    i += 1;
                }
                at_line_start = false;
                continue;
            }
            b'[' | b'{' => {
                // `[table]` and `[[array]]` headers at the start of a line are not nesting.
                if !(at_line_start && depth == 0 && b == b'[') {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(i);
                    }
                } else {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if b == b'\n' {
            at_line_start = true;
        } else if !b.is_ascii_whitespace() {
            at_line_start = false;
        }
        i += 1;
    }
    None
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {source}", sanitize(&path.display().to_string()))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(Diagnostics),
}

impl LoadError {
    /// The first line of the error, for a one-line warning.
    pub fn first_line(&self) -> String {
        match self {
            LoadError::Io { .. } => self.to_string(),
            LoadError::Invalid(d) => d.first().map(ToString::to_string).unwrap_or_default(),
        }
    }
}

/// Reads a TOML file with the limits every loader shares: size, nesting, UTF-8.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    match read_bounded(path, MAX_FILE_BYTES) {
        Ok(b) => decode_source(path, Some(b)),
        Err(BoundedError::Io(e)) => Err(LoadError::Io {
            path: path.to_path_buf(),
            source: e,
        }),
        Err(BoundedError::TooLarge) => decode_source(path, None),
    }
}

/// Reads TOML from `input` (standard input, say) with the same limits, naming it `name` in errors.
pub fn read_source_from(name: &Path, input: impl Read) -> Result<String, LoadError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: name.to_path_buf(),
            source,
        })?;
    let fits = bytes.len() as u64 <= MAX_FILE_BYTES;
    decode_source(name, fits.then_some(bytes))
}

/// The text of a file read whole (`None`: it was larger than the limit), or where it is not UTF-8.
fn decode_source(path: &Path, bytes: Option<Vec<u8>>) -> Result<String, LoadError> {
    let at = |line, column, message: String| {
        LoadError::Invalid(Diagnostics(vec![Diagnostic {
            file: path.to_path_buf(),
            line,
            column,
            message,
        }]))
    };
    let Some(bytes) = bytes else {
        return Err(at(
            1,
            1,
            format!("file is larger than {} KiB", MAX_FILE_BYTES / 1024),
        ));
    };
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let map = SourceMap::new(path, &text);
        let (line, column) = map.position(good.len());
        at(line, column, "file is not valid UTF-8".to_string())
    })
}

/// Parses TOML into `T` after the nesting check, mapping errors to places.
/// Parses TOML into `T`, mapping errors to places. An unknown key or a value of the wrong kind does
/// not hide the rest: they are all listed, patched out, and the rest of the file is read too; the
/// caller adds the errors of its own checks (returned here with `T`) and reports them all.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    source: &str,
    schema: &'static [super::shape::Field],
) -> Result<(T, Vec<Diagnostic>), Diagnostics> {
    let map = SourceMap::new(path, source);
    if let Some(offset) = too_deep(source) {
        return Err(Diagnostics(vec![map.at(
            offset..offset,
            format!("arrays or tables nested deeper than {MAX_NESTING} levels"),
        )]));
    }
    let first = match toml::from_str(source) {
        Ok(value) => return Ok((value, Vec::new())),
        Err(e) => map.toml_error(&e),
    };
    // The deserializer stops at the first unknown key or value of the wrong kind: walk the file
    // against its shape to list every one of them (only when something is wrong, so a valid file
    // is parsed once).
    let Ok(table) = toml::de::DeTable::parse(source) else {
        return Err(Diagnostics(vec![first]));
    };
    let mut found = super::shape::Found::default();
    super::shape::check_table(table.get_ref(), schema, &map, &mut found);
    if found.errors.is_empty() {
        return Err(Diagnostics(vec![first]));
    }
    found
        .errors
        .sort_by_key(|d: &Diagnostic| (d.line, d.column));
    match toml::from_str(&super::shape::patched(source, &found.patches)) {
        Ok(value) => Ok((value, found.errors)),
        Err(_) => Err(Diagnostics(found.errors)),
    }
}

/// The errors of a file: those of its shape, then those of the checks on what could be read, in
/// file order (a check's error on a line the shape already named is left out: it is the same one).
pub fn all_errors(shape: Vec<Diagnostic>, checks: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let lines: Vec<usize> = shape.iter().map(|d| d.line).collect();
    let mut all = shape;
    all.extend(checks.into_iter().filter(|d| !lines.contains(&d.line)));
    all.sort_by_key(|d| (d.line, d.column));
    all
}

// ---------------------------------------------------------------------------------------------
// Bounded reads
// ---------------------------------------------------------------------------------------------

/// Opens `path` for reading without blocking in `open` (a FIFO with no writer would wait for
/// ever), then makes reads blocking again, so a pipe that has a writer is read as usual.
#[cfg(unix)]
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)?;
    set_blocking(&file)?;
    Ok(file)
}

/// Opens `path` for reading (no FIFOs to wait on here).
#[cfg(not(unix))]
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(unix)]
fn set_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function's caller owns; F_GETFL/F_SETFL only read and
    // change the open file's status flags.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// What [`read_bounded`] can run into.
#[derive(Debug)]
pub enum BoundedError {
    Io(io::Error),
    /// More than the limit: the bytes are not kept.
    TooLarge,
}

/// Reads at most `limit` bytes of `path`; more is [`BoundedError::TooLarge`].
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedError> {
    let file = open_for_reading(path).map_err(BoundedError::Io)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(BoundedError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedError::TooLarge);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let src = "a = 1\nbé = 2\n";
        let map = SourceMap::new(Path::new("f.toml"), src);
        assert_eq!(map.position(0), (1, 1));
        assert_eq!(map.position(6), (2, 1));
        let after_e = src.find(" = 2").unwrap_or(0);
        assert_eq!(map.position(after_e), (2, 3));
    }

    #[test]
    fn nesting_is_measured_outside_strings() {
        let deep = format!("a = {}{}", "[".repeat(100), "]".repeat(100));
        assert!(too_deep(&deep).is_some());
        let quoted = format!("a = \"{}\"", "[".repeat(100));
        assert_eq!(too_deep(&quoted), None);
        assert_eq!(
            too_deep("[[routine]]\n[[routine.step]]\na = [[1], [2]]\n"),
            None
        );
    }

    #[test]
    fn display_is_file_line_col_message() {
        let map = SourceMap::new(Path::new("c.toml"), "x\ny");
        assert_eq!(
            map.at(2..3, "bad \u{1b}[31m").to_string(),
            "c.toml:2:1: bad \u{FFFD}[31m"
        );
    }
}
