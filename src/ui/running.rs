//! The runner: step and side, the instruction, big countdown digits, the gauges and what comes next.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::bigdigits;
use super::layout::*;
use super::theme::Theme;
use crate::app::App;
use crate::content::Routine;
use crate::runner::{Runner, SegmentKind};
use crate::strings as s;
use crate::text::clock;

/// Title of what is happening now: the step, "Get ready" or "Rest".
fn segment_title<'a>(routine: &'a Routine, runner: &Runner) -> (&'a str, &'a str) {
    match runner.current() {
        Some(seg) => match seg.kind {
            SegmentKind::LeadIn => (
                s::GET_READY,
                routine.steps.first().map_or("", |st| st.title.as_str()),
            ),
            // A rest keeps the step's instruction on screen: it is what comes again next, and the
            // screen changes by one line instead of a paragraph.
            SegmentKind::Rest => (
                s::REST,
                routine
                    .steps
                    .get(seg.step)
                    .map_or(s::REST_TEXT, |st| st.text.as_str()),
            ),
            SegmentKind::Step => routine
                .steps
                .get(seg.step)
                .map_or(("", ""), |st| (&st.title, &st.text)),
        },
        None => ("", ""),
    }
}

pub(super) fn draw(
    frame: &mut Frame,
    app: &App,
    routine: &Routine,
    runner: &Runner,
    theme: &Theme,
    area: Rect,
    now: Instant,
) {
    let body = with_footer(
        frame,
        app,
        theme,
        area,
        &s::runner_keys(&app.config.keys),
        &s::runner_keys_short(&app.config.keys),
    );
    let Some(seg) = runner.current() else { return };
    let (title, text) = segment_title(routine, runner);
    let step_count = routine.steps.len();

    let mut heading = vec![Span::styled(
        title,
        theme.title.add_modifier(Modifier::BOLD),
    )];
    if let Some(side) = seg.side.filter(|_| seg.kind != SegmentKind::LeadIn) {
        heading.push(Span::styled(
            format!("  {}", s::side_label(side)),
            theme.accent.add_modifier(Modifier::BOLD),
        ));
    }
    if seg.reps > 1 {
        heading.push(Span::styled(
            format!("  {}/{}", seg.rep, seg.reps),
            theme.dim,
        ));
    }
    let seconds = runner.shown_seconds(now).unwrap_or(0);
    let time = clock(seconds);
    let note = if runner.is_paused() {
        s::PAUSED
    } else if runner.remaining(now).is_none() {
        s::UNTIMED_HINT
    } else {
        ""
    };
    let next = match runner.upcoming_step() {
        Some(n) => {
            let t = routine.steps.get(n.step).map_or("", |st| st.title.as_str());
            let side = match (n.side, seg.side) {
                (Some(a), Some(b)) if a != b => format!(" · {}", s::SWITCH_SIDES),
                _ => String::new(),
            };
            format!("{}: {t}{side}", s::NEXT)
        }
        None => format!("{}: {}", s::NEXT, s::LAST_STEP),
    };
    let step_label = format!("{}/{}", (seg.step + 1).min(step_count), step_count);
    // Whole minutes: the line changes once a minute, not every second.
    let left_secs = runner.plan().total.as_secs().saturating_sub(
        (runner.routine_progress(now) * runner.plan().total.as_secs_f64()).round() as u64,
    );
    let left = s::time_left(left_secs);
    let big = body.height > RUNNER_ROWS && body.width as usize >= bigdigits::width(&time).max(30);

    if big {
        let top = (body.height - RUNNER_ROWS) / 3;
        let body = Rect {
            y: body.y + top,
            height: RUNNER_ROWS,
            ..body
        };
        let [
            header,
            _,
            head,
            text_area,
            _,
            digits,
            note_area,
            _,
            gauge1,
            gauge2,
            _,
            next_area,
        ] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Max(3),
            Constraint::Length(1),
            Constraint::Length(bigdigits::ROWS as u16),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(body);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(routine.title.as_str(), theme.dim),
                Span::styled(format!(" · step {step_label}"), theme.dim),
            ])),
            header,
        );
        frame.render_widget(Paragraph::new(Line::from(heading)), head);
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.base)).wrap(Wrap { trim: true }),
            text_area,
        );
        let rows = bigdigits::render(&time);
        let digits_text: Vec<Line> = rows
            .into_iter()
            .map(|r| Line::styled(r, theme.digits))
            .collect();
        frame.render_widget(
            Paragraph::new(digits_text).alignment(Alignment::Center),
            digits,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(note, theme.accent)).alignment(Alignment::Center),
            note_area,
        );
        let step_ratio = runner.segment_progress(now).unwrap_or(0.0);
        frame.render_widget(
            Paragraph::new(gauge_line(
                step_ratio,
                gauge1.width.min(STEP_GAUGE),
                theme,
                "",
            )),
            gauge1,
        );
        frame.render_widget(
            Paragraph::new(gauge_line(
                runner.routine_progress(now),
                gauge2.width,
                theme,
                &format!("{left} left"),
            )),
            gauge2,
        );
        frame.render_widget(Paragraph::new(Line::styled(next, theme.dim)), next_area);
    } else {
        let with_header = body.height >= 9;
        let [header, head, text_area, time_area, gauge_area, next_area] = Layout::vertical([
            Constraint::Length(u16::from(with_header)),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(body);
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("{} · {step_label}", routine.title),
                theme.dim,
            )),
            header,
        );
        frame.render_widget(Paragraph::new(Line::from(heading)), head);
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.base)).wrap(Wrap { trim: true }),
            text_area,
        );
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(time, theme.digits.add_modifier(Modifier::BOLD)),
                Span::styled(format!("  {note}"), theme.accent),
            ])),
            time_area,
        );
        let step_ratio = runner.segment_progress(now).unwrap_or(0.0);
        frame.render_widget(
            Paragraph::new(gauge_line(step_ratio, gauge_area.width, theme, "")),
            gauge_area,
        );
        frame.render_widget(Paragraph::new(Line::styled(next, theme.dim)), next_area);
    }
}
