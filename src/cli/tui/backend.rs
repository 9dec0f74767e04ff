//! The terminal as the TUI draws on it: ratatui's crossterm backend with a quieter `draw`.
//!
//! ratatui's crossterm backend ends every frame by resetting colours and attributes and hiding the
//! cursor again, and starts every frame assuming default colours: about 45 bytes a frame that change
//! nothing on screen. While a countdown runs that is most of what is written each second. This
//! backend remembers the colours and attributes the terminal is left in from one frame to the next,
//! writes only what changes, and hides the cursor once. The terminal's attributes are reset before
//! it is handed back (see [`reset_attributes`]).

use std::io::{self, Stdout, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use crossterm::style::{Attribute, Print, SetAttribute, SetBackgroundColor, SetForegroundColor};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

pub struct CalmBackend {
    inner: CrosstermBackend<Stdout>,
    /// What the terminal is set to now; `None` until first set.
    fg: Option<Color>,
    bg: Option<Color>,
    modifier: Option<Modifier>,
    cursor_hidden: bool,
}

impl CalmBackend {
    pub fn new(out: Stdout) -> CalmBackend {
        CalmBackend {
            inner: CrosstermBackend::new(out),
            fg: None,
            bg: None,
            modifier: None,
            cursor_hidden: false,
        }
    }

    /// Writes the terminal bell.
    pub fn bell(&mut self) -> io::Result<()> {
        self.inner.write_all(b"\x07")?;
        Write::flush(&mut self.inner)
    }

    fn set_modifier(&mut self, to: Modifier) -> io::Result<()> {
        // SGR 0 clears colours too: they are set again for the next cell.
        queue!(self.inner, SetAttribute(Attribute::Reset))?;
        self.fg = None;
        self.bg = None;
        for (m, a) in [
            (Modifier::BOLD, Attribute::Bold),
            (Modifier::DIM, Attribute::Dim),
            (Modifier::ITALIC, Attribute::Italic),
            (Modifier::UNDERLINED, Attribute::Underlined),
            (Modifier::REVERSED, Attribute::Reverse),
            (Modifier::HIDDEN, Attribute::Hidden),
            (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        ] {
            if to.contains(m) {
                queue!(self.inner, SetAttribute(a))?;
            }
        }
        self.modifier = Some(to);
        Ok(())
    }
}

/// Resets colours and attributes: before the terminal goes back to the shell.
pub fn reset_attributes() {
    let mut out = io::stdout();
    let _ = out.write_all(b"\x1b[0m").and_then(|()| out.flush());
}

impl Backend for CalmBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
                queue!(self.inner, MoveTo(x, y))?;
            }
            last = Some((x, y));
            if self.modifier != Some(cell.modifier) {
                self.set_modifier(cell.modifier)?;
            }
            if self.fg != Some(cell.fg) {
                queue!(self.inner, SetForegroundColor(cell.fg.into_crossterm()))?;
                self.fg = Some(cell.fg);
            }
            if self.bg != Some(cell.bg) {
                queue!(self.inner, SetBackgroundColor(cell.bg.into_crossterm()))?;
                self.bg = Some(cell.bg);
            }
            queue!(self.inner, Print(cell.symbol()))?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_hidden {
            self.inner.hide_cursor()?;
            self.cursor_hidden = true;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}
