//! Insights: cramp nights per week as a chart, with plain counts and their cautions.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
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
    let [head, rest] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
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
    // The chart first, then the counts and their cautions; all of it scrolls as one when it does
    // not fit, with a marker saying there is more.
    let mut lines = chart_lines(&i, theme, rest.width);
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
    if i.skipped > 0 {
        lines.push(Line::default());
        for row in wrap(&s::nights_skipped(i.skipped), rest.width as usize) {
            lines.push(Line::styled(row, theme.dim));
        }
    }
    if i.red_flag_episodes > 0 {
        lines.push(Line::default());
        for row in wrap(
            &s::warning_signs(i.red_flag_episodes, i.episodes),
            rest.width as usize,
        ) {
            lines.push(Line::styled(row, theme.warning));
        }
    }
    let height = rest.height as usize;
    if lines.len() <= height {
        frame.render_widget(Paragraph::new(lines), rest);
        return;
    }
    let view = height.saturating_sub(1).max(1);
    let scroll = usize::from(app.insights_scroll).min(lines.len() - view);
    let more = if scroll + view < lines.len() {
        s::MORE_BELOW
    } else {
        s::MORE_ABOVE
    };
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(view).collect();
    shown.push(Line::styled(more, theme.accent));
    frame.render_widget(Paragraph::new(shown), rest);
}

/// Rows the weekly chart takes: seven for the bars and values, one for the labels, one blank.
const CHART_ROWS: u16 = 9;

/// The chart of cramp nights per week, drawn into lines so that it scrolls with the text.
fn chart_lines(i: &insights::Insights, theme: &Theme, width: u16) -> Vec<Line<'static>> {
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
    // Eight weeks in the width there is: bars of 6 with gaps of 2, narrower on small terminals.
    let bar_width = (width.saturating_sub(8) / 8).clamp(1, 6);
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(if bar_width >= 4 { 2 } else { 1 })
        .max(7)
        .style(theme.base)
        .label_style(theme.dim);
    let area = Rect::new(0, 0, width, CHART_ROWS - 1);
    let mut buffer = Buffer::empty(area);
    chart.render(area, &mut buffer);
    let mut lines: Vec<Line<'static>> = (0..area.height)
        .map(|y| {
            let spans: Vec<Span<'static>> = (0..area.width)
                .filter_map(|x| buffer.cell((x, y)))
                .map(|c| Span::styled(c.symbol().to_string(), c.style()))
                .collect();
            Line::from(spans)
        })
        .collect();
    lines.push(Line::default());
    lines
}
