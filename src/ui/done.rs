//! Done: what was completed, the aftercare and the cramp-log prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::*;
use super::theme::Theme;
use crate::app::{App, LogPrompt};
use crate::content::Muscle;
use crate::content::Routine;
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
        (s::DONE_KEYS, s::DONE_KEYS)
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
    let prompt_rows = if prompt.is_some() { 6 } else { 0 };
    let room = (body.height as usize).saturating_sub(lines.len() + prompt_rows);
    let mut care: Vec<Line> = Vec::new();
    if !app.content.guidance.aftercare.is_empty() {
        care.push(Line::styled(s::AFTERCARE_HEADING, theme.accent));
        for item in &app.content.guidance.aftercare {
            for (i, row) in wrap(item, body.width.saturating_sub(2) as usize)
                .into_iter()
                .enumerate()
            {
                let bullet = if i == 0 { "· " } else { "  " };
                care.push(Line::styled(format!("{bullet}{row}"), theme.base));
            }
        }
        care.push(Line::default());
    }
    if prompt.is_none() {
        for row in wrap(&app.content.guidance.disclaimer, body.width as usize) {
            care.push(Line::styled(row, theme.dim));
        }
    }
    care.truncate(room);
    lines.extend(care);
    if let Some(p) = prompt {
        lines.extend(prompt_lines(p, theme));
    }
    frame.render_widget(Paragraph::new(lines), body);
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
