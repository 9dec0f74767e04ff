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
    let rows = render_scaled(text, 1);
    std::array::from_fn(|i| rows.get(i).cloned().unwrap_or_default())
}

/// Columns `render(text)` takes.
pub fn width(text: &str) -> usize {
    width_scaled(text, 1)
}

/// Rows the digits take at `scale` (1: three rows; each step up, a pixel grows by half a row).
pub fn rows_scaled(scale: usize) -> usize {
    (5 * scale).div_ceil(2)
}

/// Columns the digits take at `scale`.
pub fn width_scaled(text: &str, scale: usize) -> usize {
    let n = text.chars().count();
    scale
        * (text
            .chars()
            .map(|c| if c == ':' { 2 } else { 6 })
            .sum::<usize>()
            + n.saturating_sub(1))
}

/// `text` at `scale`: each pixel `scale` half rows tall and `2 × scale` columns wide, `scale`
/// columns between glyphs. Scale 1 is [`render`].
pub fn render_scaled(text: &str, scale: usize) -> Vec<String> {
    let scale = scale.max(1);
    let half_rows = 5 * scale;
    // Whether half row `h` of a glyph (5 pixels tall) is lit in pixel column `bit`.
    let lit = |glyph: &[u8; 5], h: usize, bit: u32| -> bool {
        h < half_rows && glyph[h / scale] >> bit & 1 == 1
    };
    let mut rows = vec![String::new(); rows_scaled(scale)];
    for (i, c) in text.chars().enumerate() {
        let (glyph, width) = match c {
            '0'..='9' => (GLYPHS[c as usize - '0' as usize], 3),
            ':' => (COLON, 1),
            _ => ([0; 5], 3),
        };
        for (r, row) in rows.iter_mut().enumerate() {
            if i > 0 {
                row.push_str(&" ".repeat(scale));
            }
            for bit in (0..width).rev() {
                let ch = cell(lit(&glyph, r * 2, bit), lit(&glyph, r * 2 + 1, bit));
                for _ in 0..2 * scale {
                    row.push(ch);
                }
            }
        }
    }
    rows
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

    #[test]
    fn larger_scales_keep_the_shape_and_their_measure() {
        for scale in 1..=4 {
            let rows = render_scaled("12:34", scale);
            assert_eq!(rows.len(), rows_scaled(scale));
            for row in &rows {
                assert_eq!(row.chars().count(), width_scaled("12:34", scale));
            }
        }
        // Scale 2: the "1" is one pixel wide at the top (four columns), full rows of blocks.
        let two = render_scaled("1", 2);
        assert_eq!(two.len(), 5);
        assert_eq!(two[0], "    ████    ");
    }
}
