//! Views: the model drawn into a ratatui frame, one file a screen. Pure: no clock reads (the
//! instant is an argument), no I/O, no state changes. Colours come from [`theme`], the shared
//! measuring and wrapping from `layout`, every word from [`crate::strings`].

pub mod bigdigits;
mod done;
mod home;
mod insights;
mod layout;
mod overlay;
mod running;
pub mod theme;

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::{App, Screen};
use crate::strings as s;

use done::DoneSummary;
use layout::*;
use theme::Theme;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 8;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, now: Instant) {
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let line = Line::styled(s::TOO_SMALL, theme.warning);
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), area);
        return;
    }
    // One calm column: at most COLUMN wide, centred, one cell of margin on narrow terminals.
    let width = (area.width - 2).min(COLUMN);
    let inner = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    };
    match &app.screen {
        Screen::Home => home::draw(frame, app, theme, inner),
        Screen::Insights => insights::draw(frame, app, theme, inner),
        Screen::Running { routine, runner } => {
            if let Some(r) = app.routine(*routine) {
                // Big digits may use the whole width, less a margin.
                let wide = Rect {
                    x: area.x + 1,
                    width: area.width - 2,
                    ..area
                };
                running::draw(frame, app, r, runner, theme, inner, wide, now);
            }
        }
        Screen::Done {
            routine,
            took,
            steps_done,
            finished,
            prompt,
        } => {
            if let Some(r) = app.routine(*routine) {
                let summary = DoneSummary {
                    took: took.as_secs(),
                    steps_done: *steps_done,
                    finished: *finished,
                };
                done::draw(frame, app, r, &summary, prompt.as_ref(), theme, inner);
            }
        }
    }
    if let Some(overlay) = app.overlay {
        overlay::draw(frame, app, overlay, theme, area);
    }
}
