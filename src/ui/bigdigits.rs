//! Countdown digits three text rows tall, drawn with half blocks.
//!
//! Each glyph is 3×5 pixels; a pixel is two columns wide and half a row tall, so a digit takes six
//! columns and three rows. Half blocks keep the digits large while a changing second rewrites few cells.

const GLYPHS: [[u8; 5]; 10] = [
    [0b111, 0b101, 0b101, 0b101, 0b111],
    [0b010, 0b110, 0b010, 0b010, 0b111],
    [0b111, 0b001, 0b111, 0b100, 0b111],
    [0b111, 0b001, 0b111, 0b001, 0b111],
    [0b101, 0b101, 0b111, 0b001, 0b001],
    [0b111, 0b100, 0b111, 0b001, 0b111],
    [0b111, 0b100, 0b111, 0b101, 0b111],
    [0b111, 0b001, 0b001, 0b001, 0b001],
    [0b111, 0b101, 0b111, 0b101, 0b111],
    [0b111, 0b101, 0b111, 0b001, 0b111],
];
const COLON: [u8; 5] = [0b0, 0b1, 0b0, 0b1, 0b0];

pub const ROWS: usize = 3;

fn cell(top: bool, bottom: bool) -> char {
    match (top, bottom) {
        (true, true) => '█',
        (true, false) => '▀',
        (false, true) => '▄',
        (false, false) => ' ',
    }
}

/// The three rows of `text` (digits and ':'; anything else is a blank), one column between glyphs.
pub fn render(text: &str) -> [String; ROWS] {
    let mut rows: [String; ROWS] = Default::default();
    for (i, c) in text.chars().enumerate() {
        let (glyph, width) = match c {
            '0'..='9' => (GLYPHS[c as usize - '0' as usize], 3),
            ':' => (COLON, 1),
            _ => ([0; 5], 3),
        };
        for (r, row) in rows.iter_mut().enumerate() {
            if i > 0 {
                row.push(' ');
            }
            let top = glyph[r * 2];
            let bottom = glyph.get(r * 2 + 1).copied().unwrap_or(0);
            for bit in (0..width).rev() {
                let ch = cell(top >> bit & 1 == 1, bottom >> bit & 1 == 1);
                row.push(ch);
                row.push(ch);
            }
        }
    }
    rows
}

/// Columns `render(text)` takes.
pub fn width(text: &str) -> usize {
    let n = text.chars().count();
    text.chars()
        .map(|c| if c == ':' { 2 } else { 6 })
        .sum::<usize>()
        + n.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_clock() {
        let rows = render("1:05");
        assert_eq!(rows[0], "▄▄██   ▄▄ ██▀▀██ ██▀▀▀▀");
        assert_eq!(rows[1], "  ██   ▄▄ ██  ██ ▀▀▀▀██");
        assert_eq!(rows[2], "▀▀▀▀▀▀    ▀▀▀▀▀▀ ▀▀▀▀▀▀");
        assert!(rows.iter().all(|r| r.chars().count() == width("1:05")));
    }
}
