//! Done: what was completed, the aftercare and the cramp-log prompt.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::layout::*;
use super::theme::Theme;
use crate::app::{App, LogPrompt};
use crate::content::Muscle;
use crate::content::{Routine, RoutineKind};
use crate::journal::diary::LegSide;
use crate::strings as s;
use crate::text::clock;

/// What the done screen says about the session.
pub(super) struct DoneSummary {
    pub(super) took: u64,
    pub(super) steps_done: usize,
    pub(super) finished: bool,
}

pub(super) fn draw(
    frame: &mut Frame,
    app: &App,
    routine: &Routine,
    summary: &DoneSummary,
    prompt: Option<&LogPrompt>,
    theme: &Theme,
    area: Rect,
) {
    let (keys, short) = if prompt.is_some() {
        (s::PROMPT_KEYS, s::PROMPT_KEYS_SHORT)
    } else {
        (s::DONE_KEYS, s::DONE_KEYS_SHORT)
    };
    let body = with_footer(frame, app, theme, area, keys, short);
    let title = if summary.finished {
        s::DONE_TITLE
    } else {
        s::LEFT_MIDWAY
    };
    let steps = routine.steps.len();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(title, theme.title.add_modifier(Modifier::BOLD)),
            Span::styled(format!(" · {}", routine.title), theme.title),
        ]),
        Line::styled(
            s::steps_done(summary.steps_done, steps, &clock(summary.took)),
            theme.dim,
        ),
        Line::default(),
    ];
    // The prompt first (one key is enough at 3 a.m.), then what to do next, then the disclaimer.
    // Nothing is cut: what does not fit scrolls (↑↓), with a marker saying there is more.
    if let Some(p) = prompt {
        lines.extend(prompt_lines(p, theme));
        lines.push(Line::default());
    }
    let bedtime = routine.kind == RoutineKind::Bedtime;
    let (heading, items) = if bedtime {
        (
            s::BEDTIME_CLOSE_HEADING,
            &app.content.guidance.bedtime_close,
        )
    } else {
        (s::AFTERCARE_HEADING, &app.content.guidance.aftercare)
    };
    let width = body.width as usize;
    if !items.is_empty() {
        lines.push(Line::styled(heading, theme.accent));
        for item in items {
            for (i, row) in wrap(item, width.saturating_sub(2)).into_iter().enumerate() {
                let bullet = if i == 0 { "· " } else { "  " };
                lines.push(Line::styled(format!("{bullet}{row}"), theme.base));
            }
        }
        lines.push(Line::default());
    }
    for row in wrap(&app.content.guidance.disclaimer, width) {
        lines.push(Line::styled(row, theme.dim));
    }
    // Rows each line takes once wrapped (the prompt's rows may wrap on a narrow terminal).
    let rows: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(width.max(1)))
        .sum();
    let height = body.height as usize;
    if rows <= height {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        return;
    }
    // One row for the marker; the scroll stops where the last row shows.
    let view = height.saturating_sub(1).max(1);
    let scroll = usize::from(app.done_scroll).min(rows.saturating_sub(view));
    let [text, marker] =
        Layout::vertical([Constraint::Length(view as u16), Constraint::Length(1)]).areas(body);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll as u16, 0)),
        text,
    );
    let more = if scroll + view < rows {
        s::MORE_BELOW
    } else {
        s::MORE_ABOVE
    };
    frame.render_widget(Paragraph::new(Line::styled(more, theme.accent)), marker);
}

/// The cramp-log prompt: each choice with its keys, what is chosen shown selected.
fn prompt_lines<'a>(p: &LogPrompt, theme: &Theme) -> Vec<Line<'a>> {
    // Brackets as well as colour, so the choice shows without colour too.
    let choice = |label: String, chosen: bool| {
        if chosen {
            Span::styled(format!("[{label}]"), theme.selected)
        } else {
            Span::styled(format!(" {label} "), theme.dim)
        }
    };
    let row = |name: &str, spans: Vec<Span<'a>>| {
        let mut all = vec![Span::styled(format!("{name:<9}"), theme.base)];
        all.extend(spans);
        Line::from(all)
    };
    // Each choice of a row, the chosen one marked, a space after each.
    let choices = |items: Vec<(String, bool)>| -> Vec<Span<'a>> {
        items
            .into_iter()
            .flat_map(|(label, chosen)| [choice(label, chosen), Span::raw(" ")])
            .collect()
    };
    let muscles = choices(
        Muscle::ALL
            .iter()
            .map(|m| (m.as_str().to_string(), p.muscle == Some(*m)))
            .collect(),
    );
    let sides = choices(
        LegSide::ALL
            .iter()
            .map(|x| (x.as_str().to_string(), p.side == Some(*x)))
            .collect(),
    );
    let levels = choices(
        (1..=5u8)
            .map(|i| (i.to_string(), p.intensity == Some(i)))
            .collect(),
    );
    vec![
        Line::styled(s::LOG_PROMPT, theme.accent),
        row(s::LOG_MUSCLE, muscles),
        row(s::LOG_SIDE, sides),
        row(s::LOG_INTENSITY, levels),
        Line::from(vec![
            Span::styled(format!("{} ", s::LOG_SYMPTOMS), theme.base),
            choice(s::YES.to_string(), p.symptoms == Some(true)),
            choice(s::NO.to_string(), p.symptoms == Some(false)),
        ]),
    ]
}
