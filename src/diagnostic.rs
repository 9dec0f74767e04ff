//! Errors that point into a file: `FILE:LINE:COL: message`.

use std::fmt;
use std::ops::Range;
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
