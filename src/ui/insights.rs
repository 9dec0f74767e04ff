//! Insights: cramp nights per week as a chart, with plain counts and their cautions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::layout::*;
use super::theme::Theme;
use crate::app::{App, JournalView};
use crate::insights;
use crate::strings as s;

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let body = with_footer(frame, app, theme, area, s::INSIGHTS_KEYS, s::INSIGHTS_KEYS);
    let journal = match &app.journal {
        JournalView::Ready(j) => j,
        JournalView::Loading => return,
        JournalView::Unreadable(e) => {
            let text: Vec<Line> = wrap(
                &format!("{} {e}", s::JOURNAL_UNREADABLE),
                body.width as usize,
            )
            .into_iter()
            .map(|r| Line::styled(r, theme.warning))
            .collect();
            frame.render_widget(Paragraph::new(text), body);
            return;
        }
    };
    let i = insights::compute(&app.content, journal, app.tonight);
    let chart_rows: u16 = if body.height >= 24 { 8 } else { 0 };
    let [head, chart, rest] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(chart_rows),
        Constraint::Fill(1),
    ])
    .areas(body);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(s::INSIGHTS_TITLE, theme.title.add_modifier(Modifier::BOLD)),
                Span::styled(format!(" · {}", s::CRAMP_NIGHTS_PER_WEEK), theme.dim),
                Span::styled(
                    format!(" · {} {}", s::CRAMP_FREE, s::nights(i.cramp_free)),
                    theme.dim,
                ),
            ]),
            Line::default(),
        ]),
        head,
    );
    if chart_rows > 0 {
        let bars: Vec<Bar> = i
            .weeks
            .iter()
            .map(|w| {
                Bar::default()
                    .value(u64::from(w.cramp_nights))
                    .text_value(w.cramp_nights.to_string())
                    .label(Line::from(w.last.strftime("%d %b").to_string()))
                    .style(theme.gauge)
                    .value_style(theme.selected)
            })
            .collect();
        let bar_chart = BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(6)
            .bar_gap(2)
            .max(7)
            .style(theme.base)
            .label_style(theme.dim);
        frame.render_widget(
            bar_chart,
            Rect {
                height: chart_rows - 1,
                ..chart
            },
        );
    }
    let mut lines: Vec<Line> = Vec::new();
    if let Some((n, w)) = i.frequent {
        for row in wrap(&insights::frequent_text(n, w), rest.width as usize) {
            lines.push(Line::styled(row, theme.warning));
        }
        lines.push(Line::default());
    }
    if !app.content.habits.is_empty() {
        lines.push(Line::styled(s::KEPT_VS_NOT, theme.accent));
        let width = app
            .content
            .habits
            .iter()
            .map(|h| h.id.len())
            .max()
            .unwrap_or(0);
        for c in &i.comparisons {
            let style = if c.too_few() { theme.dim } else { theme.base };
            let mut text = format!("{:<width$}  {}", c.habit, insights::comparison_short(c));
            if c.too_few() {
                text.push_str(&format!(" ({})", insights::FEW_NIGHTS_SHORT));
            }
            for (n, row) in wrap(
                &text,
                rest.width.saturating_sub(width as u16 + 2) as usize + width + 2,
            )
            .into_iter()
            .enumerate()
            {
                let indent = if n == 0 {
                    String::new()
                } else {
                    " ".repeat(width + 2)
                };
                lines.push(Line::styled(format!("{indent}{row}"), style));
            }
        }
        for row in wrap(insights::NO_CAUSE, rest.width as usize) {
            lines.push(Line::styled(row, theme.dim));
        }
    }
    if i.red_flag_episodes > 0 {
        lines.push(Line::default());
        lines.push(Line::styled(
            s::warning_signs(i.red_flag_episodes, i.episodes),
            theme.warning,
        ));
    }
    frame.render_widget(Paragraph::new(lines), rest);
}
