//! Text that came from a file on its way to a terminal: control characters out, widths measured.

use std::borrow::Cow;

/// True for characters that must never reach a terminal from a file: C0 controls, DEL, C1 controls
/// (which include the 8-bit CSI), and the Unicode bidirectional controls that can reorder what is shown.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0000}'..='\u{001F}'
        | '\u{007F}'..='\u{009F}'
        | '\u{061C}'
        | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
    )
}

/// Replaces every unsafe character: tabs and line breaks become a space, anything else U+FFFD.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => ' ',
                c if is_unsafe_char(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// Like [`sanitize`] but keeps line breaks (for multi-line messages printed to a stream).
pub fn sanitize_keep_lines(s: &str) -> String {
    s.split('\n')
        .map(|l| sanitize(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `m:ss`, or `h:mm:ss` past an hour.
pub fn clock(total_seconds: u64) -> String {
    let h = total_seconds / 3600;
    let m = (total_seconds % 3600) / 60;
    let s = total_seconds % 60;
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Greedy word wrap by characters: rows of at most `width` characters (a longer word has a row of
/// its own), for text whose height must be known up front.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = vec![String::new()];
    for word in text.split(' ') {
        let last = rows.last_mut().map_or(0, |r| r.chars().count());
        if last > 0 && last + 1 + word.chars().count() > width {
            rows.push(String::new());
        }
        if let Some(row) = rows.last_mut() {
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(word);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_are_replaced() {
        let s = "a\u{1b}[2Jb\u{9b}c\u{202e}d\u{7}e\u{0}";
        let out = sanitize(s);
        assert!(!out.chars().any(is_unsafe_char), "{out:?}");
        assert_eq!(out, "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}");
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces() {
        assert_eq!(sanitize("one\ntwo\tthree\r"), "one two three ");
        assert_eq!(sanitize_keep_lines("one\ntwo\u{1b}"), "one\ntwo\u{FFFD}");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("Toe pull – gently"), Cow::Borrowed(_)));
    }

    #[test]
    fn clock_formats() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(3600), "1:00:00");
        assert_eq!(clock(3725), "1:02:05");
    }
}
