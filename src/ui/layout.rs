//! Shared layout helpers: the text column, notices and the key line at the bottom, word
//! wrapping and fitting, gauges, and how far to scroll to keep a line in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::content::Routine;
use crate::text::clock;

/// Widest the text column grows.
pub(super) const COLUMN: u16 = 72;
/// Widest the step gauge grows: a narrower bar moves fewer cells each second.
pub(super) const STEP_GAUGE: u16 = 18;

/// Warnings and the one-off status, newest last, wrapped to `width`, at most `max` rows in all.
pub(super) fn notices<'a>(app: &'a App, theme: &Theme, width: u16, max: usize) -> Vec<Line<'a>> {
    let mut rows: Vec<Line> = Vec::new();
    for notice in app.warnings.iter().chain(app.status.iter()) {
        for row in wrap(notice, width as usize) {
            rows.push(Line::styled(row, theme.warning));
        }
    }
    // Cut to the rows there are, with a mark where a notice goes on: never silently.
    if rows.len() > max {
        rows.truncate(max);
        if let Some(last) = rows.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let cut = fit(&format!("{text} …"), width as usize);
            *last = Line::styled(cut, theme.warning);
        }
    }
    rows
}

pub(super) use crate::text::wrap;

/// Splits `area` into a body and a bottom strip holding notices and the key line.
pub(super) fn with_footer<'a>(
    frame: &mut Frame,
    app: &'a App,
    theme: &Theme,
    area: Rect,
    keys: &'a str,
    short_keys: &'a str,
) -> Rect {
    let max_notices = if area.height >= 14 { 3 } else { 1 };
    let mut footer = notices(app, theme, area.width, max_notices);
    let fits = keys.chars().count() <= area.width as usize;
    footer.push(Line::styled(
        if fits { keys } else { short_keys },
        theme.dim,
    ));
    let [body, bottom] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer.len() as u16)])
            .areas(area);
    frame.render_widget(Paragraph::new(footer), bottom);
    body
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub(super) fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// `3:10`, with `+` when untimed steps add holding time.
pub(super) fn routine_length(r: &Routine) -> String {
    let plus = if r.has_untimed_steps() { "+" } else { "" };
    format!("{}{plus}", clock(r.total_seconds()))
}

/// Rows to scroll so that line `line` (0-based) is visible in `height` rows.
pub(super) fn scroll_for(line: usize, height: usize) -> u16 {
    (line + 1).saturating_sub(height) as u16
}

pub(super) fn gauge_line(ratio: f64, width: u16, theme: &Theme, label: &str) -> Line<'static> {
    let label_width = label.chars().count() as u16 + 1;
    let bar = width.saturating_sub(if label.is_empty() { 0 } else { label_width }) as usize;
    let filled = ((ratio.clamp(0.0, 1.0) * bar as f64).round() as usize).min(bar);
    let mut spans = vec![
        Span::styled("━".repeat(filled), theme.gauge),
        Span::styled("─".repeat(bar - filled), theme.dim),
    ];
    if !label.is_empty() {
        spans.push(Span::styled(format!(" {label}"), theme.dim));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_never_loses_one() {
        let text = "Stretch the calf until it lets go, never into sharp pain.";
        for width in 1..=60 {
            let rows = wrap(text, width);
            assert_eq!(rows.join(" "), text, "width {width}");
            for row in &rows {
                // A row is over the width only when one word alone is longer.
                assert!(
                    row.chars().count() <= width || !row.contains(' '),
                    "width {width}: {row:?}"
                );
            }
        }
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn fit_keeps_what_fits_and_marks_what_it_cuts() {
        assert_eq!(fit("Calf cramp", 10), "Calf cramp");
        assert_eq!(fit("Calf cramp", 9), "Calf cra…");
        assert_eq!(fit("Calf", 1), "…");
        assert_eq!(fit("Wädenkrampf", 6), "Wäden…");
    }

    #[test]
    fn scroll_for_keeps_the_line_in_view() {
        assert_eq!(scroll_for(0, 5), 0);
        assert_eq!(scroll_for(4, 5), 0);
        assert_eq!(scroll_for(5, 5), 1);
        assert_eq!(scroll_for(9, 3), 7);
    }

    #[test]
    fn a_gauge_fills_in_proportion_and_keeps_its_width() {
        let theme = Theme::new(crate::config::ThemeName::Night, false);
        for (ratio, filled) in [(0.0, 0), (0.5, 5), (1.0, 10), (2.0, 10), (-1.0, 0)] {
            let line = gauge_line(ratio, 10, &theme, "");
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert_eq!(text.chars().count(), 10);
            assert_eq!(
                text.chars().filter(|&c| c == '━').count(),
                filled,
                "{ratio}"
            );
        }
        let line = gauge_line(0.5, 14, &theme, "2/5");
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text.chars().count(), 14);
        assert!(text.ends_with(" 2/5"));
    }
}
