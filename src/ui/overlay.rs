//! Overlays over any screen: the keys (`?`) and when to get help (`!`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use super::layout::*;
use super::theme::Theme;
use crate::app::{App, Overlay, Screen};
use crate::strings as s;

fn overlay_text<'a>(
    app: &'a App,
    overlay: Overlay,
    theme: &Theme,
    width: usize,
) -> (&'static str, Text<'a>) {
    let mut lines: Vec<Line> = Vec::new();
    match overlay {
        Overlay::Help => {
            let table = |lines: &mut Vec<Line<'a>>, rows: &[(&'static str, &'static str)]| {
                for (k, what) in rows {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{k:<10}"), theme.key),
                        Span::styled(*what, theme.base),
                    ]));
                }
            };
            // The keys of where the person is, each once, then the ones that work anywhere.
            let mut anywhere = s::HELP_ANYWHERE;
            match &app.screen {
                Screen::Home => {
                    table(&mut lines, s::HELP_HOME);
                    if !app.content.habits.is_empty() {
                        lines.push(Line::default());
                        table(&mut lines, s::HELP_HABITS);
                    }
                }
                Screen::Running { .. } => {
                    for (k, what) in s::runner_help(&app.config.keys) {
                        lines.push(Line::from(vec![
                            Span::styled(format!("{k:<10}"), theme.key),
                            Span::styled(what, theme.base),
                        ]));
                    }
                    table(&mut lines, &[s::HELP_RUNNER_SCROLL]);
                }
                Screen::Done {
                    prompt: Some(_), ..
                } => {
                    table(&mut lines, s::HELP_PROMPT);
                    anywhere = s::HELP_ANYWHERE_SHORT;
                }
                Screen::Done { .. } => {
                    table(&mut lines, s::HELP_DONE);
                    anywhere = s::HELP_ANYWHERE_SHORT;
                }
                Screen::Insights => table(&mut lines, s::HELP_INSIGHTS),
            }
            lines.push(Line::default());
            table(&mut lines, anywhere);
            (s::HELP_TITLE, Text::from(lines))
        }
        Overlay::GetHelp => {
            let g = &app.content.guidance;
            if let Some(why) = &app.get_help_reason {
                lines.push(Line::styled(why.as_str(), theme.warning));
                lines.push(Line::default());
            }
            let section = |lines: &mut Vec<Line<'a>>, title: &'static str, items: &'a [String]| {
                if items.is_empty() {
                    return;
                }
                lines.push(Line::styled(
                    title,
                    theme.accent.add_modifier(Modifier::BOLD),
                ));
                // Each point wrapped under its own first word, not under the dot.
                for item in items {
                    for (i, row) in wrap(item, width.saturating_sub(2).max(1))
                        .into_iter()
                        .enumerate()
                    {
                        // The indent is two no-break spaces: the paragraph trims plain ones.
                        let lead = if i == 0 { "· " } else { "\u{a0}\u{a0}" };
                        lines.push(Line::styled(format!("{lead}{row}"), theme.base));
                    }
                }
                lines.push(Line::default());
            };
            section(&mut lines, s::GET_HELP_NOW, &g.get_help_now);
            section(&mut lines, s::SEE_A_DOCTOR, &g.see_a_doctor);
            if !g.medicines.is_empty() {
                lines.push(Line::styled(g.medicines.as_str(), theme.base));
                lines.push(Line::default());
            }
            section(&mut lines, s::SUPPLEMENTS, &g.supplements);
            lines.push(Line::styled(g.disclaimer.as_str(), theme.dim));
            if let Some(reviewed) = g.reviewed {
                lines.push(Line::styled(
                    format!("{} {}", s::REVIEWED, s::date(reviewed)),
                    theme.dim,
                ));
            }
            if !g.sources.is_empty() {
                lines.push(Line::styled(
                    format!("{}: {}", s::SOURCES, g.sources.join("; ")),
                    theme.dim,
                ));
            }
            (s::GET_HELP_TITLE, Text::from(lines))
        }
    }
}

pub(super) fn draw(frame: &mut Frame, app: &App, overlay: Overlay, theme: &Theme, area: Rect) {
    let width = area.width.min(COLUMN + 4);
    // Wrapped height of the text inside the border and padding, so the box fits what it holds.
    let inner_width = width.saturating_sub(4).max(1) as usize;
    let (title, text) = overlay_text(app, overlay, theme, inner_width);
    let wrapped: usize = text
        .lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let height = area.height.min(wrapped as u16 + 2);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(theme.dim)
        .style(theme.base)
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Span::styled(format!(" {} ", s::OVERLAY_KEYS), theme.dim));
    let paragraph = Paragraph::new(text)
        .block(block)
        .wrap(Wrap { trim: true })
        .scroll((app.overlay_scroll, 0));
    frame.render_widget(paragraph, rect);
}
