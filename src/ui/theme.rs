//! Every colour the app uses, by theme. Views ask for a role (text, dim, digits, …), never a colour.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Background and ordinary text.
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub digits: Style,
    pub selected: Style,
    pub warning: Style,
    pub gauge: Style,
    pub key: Style,
}

// Night: 256-colour indexes, so terminals without true colour show the same dim tones.
const BLACK: Color = Color::Indexed(16);
const AMBER_DIM: Color = Color::Indexed(130);
const AMBER: Color = Color::Indexed(136);
const BROWN: Color = Color::Indexed(94);
const RED: Color = Color::Indexed(124);
const EMBER: Color = Color::Indexed(52);

impl Theme {
    /// `no_color`: `NO_COLOR` is set, so no colour at all, whatever the theme; emphasis only.
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match name {
            ThemeName::Night => {
                let base = Style::new().fg(AMBER_DIM).bg(BLACK);
                Theme {
                    base,
                    dim: base.fg(BROWN),
                    title: base.fg(AMBER),
                    accent: base.fg(RED),
                    digits: base.fg(AMBER_DIM),
                    selected: Style::new().fg(AMBER).bg(EMBER),
                    warning: base.fg(RED),
                    // The same colour as the digits: what changes each second needs no colour change.
                    gauge: Style::new().fg(AMBER_DIM).bg(BLACK),
                    key: base.fg(AMBER),
                }
            }
            ThemeName::Contrast => {
                let base = Style::new().fg(Color::White).bg(Color::Black);
                Theme {
                    base,
                    dim: base.fg(Color::Gray),
                    title: base.add_modifier(Modifier::BOLD),
                    accent: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
                    digits: base.add_modifier(Modifier::BOLD),
                    selected: Style::new().fg(Color::Black).bg(Color::LightYellow),
                    warning: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
                    gauge: Style::new().fg(Color::LightYellow).bg(Color::Black),
                    key: base.fg(Color::LightYellow),
                }
            }
            ThemeName::Terminal => {
                let base = Style::new();
                Theme {
                    base,
                    dim: base.fg(Color::DarkGray),
                    title: base.add_modifier(Modifier::BOLD),
                    accent: base.fg(Color::Yellow),
                    digits: base,
                    selected: base.add_modifier(Modifier::REVERSED),
                    warning: base.fg(Color::Red),
                    gauge: base.fg(Color::Yellow),
                    key: base.add_modifier(Modifier::BOLD),
                }
            }
        }
    }

    fn monochrome() -> Theme {
        let base = Style::new();
        Theme {
            base,
            dim: base,
            title: base.add_modifier(Modifier::BOLD),
            accent: base.add_modifier(Modifier::BOLD),
            digits: base,
            selected: base.add_modifier(Modifier::REVERSED),
            warning: base.add_modifier(Modifier::BOLD),
            gauge: base,
            key: base.add_modifier(Modifier::BOLD),
        }
    }

    /// Every style a theme holds, for checks across all of them.
    pub fn styles(&self) -> [Style; 9] {
        [
            self.base,
            self.dim,
            self.title,
            self.accent,
            self.digits,
            self.selected,
            self.warning,
            self.gauge,
            self.key,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_whitish(c: Color) -> bool {
        match c {
            Color::White | Color::Gray | Color::LightYellow | Color::Reset => true,
            Color::Indexed(i @ 16..=231) => {
                let (r, g, b) = ((i - 16) / 36, ((i - 16) / 6) % 6, (i - 16) % 6);
                r >= 4 && g >= 4 && b >= 4
            }
            Color::Indexed(i) => i == 7 || i == 15 || i >= 250,
            Color::Rgb(r, g, b) => r > 200 && g > 200 && b > 200,
            _ => false,
        }
    }

    #[test]
    fn night_is_dark_without_white_or_blinking() {
        for style in Theme::new(ThemeName::Night, false).styles() {
            assert!(style.fg.is_some_and(|c| !is_whitish(c)), "{style:?}");
            assert!(
                style.bg.is_some_and(|c| c == BLACK || c == EMBER),
                "{style:?}"
            );
            assert!(
                !style
                    .add_modifier
                    .intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK)
            );
        }
    }

    #[test]
    fn no_color_means_no_colour_in_any_theme() {
        for name in [ThemeName::Night, ThemeName::Contrast, ThemeName::Terminal] {
            for style in Theme::new(name, true).styles() {
                assert_eq!((style.fg, style.bg), (None, None));
            }
        }
    }
}
