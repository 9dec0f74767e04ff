//! The runner: step and side, the instruction, the countdown, the gauges and what comes next.
//!
//! What matters most is never the part that disappears. The layout is chosen from the richest that
//! fits down to the plainest: blank lines go first, then the header and the step gauge, then the big
//! digits give way to a small clock line, then the routine gauge, then "next". The heading, the whole
//! instruction and the time stay; only when even those do not fit is the instruction scrolled (↑↓),
//! with a marker saying there is more.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::bigdigits;
use super::layout::*;
use super::theme::Theme;
use crate::app::App;
use crate::content::Routine;
use crate::runner::{Runner, Segment, SegmentKind};
use crate::strings as s;
use crate::text::clock;

/// Below this many rows the digits stay at their smallest size (the bytes a second they cost stay
/// small); above, they grow as far as the terminal allows, up to this scale.
const LARGE_DIGITS_FROM_ROWS: u16 = 40;
const MAX_DIGIT_SCALE: usize = 4;

/// Title and instruction of what is happening now: the step, "Get ready" (with the first step's
/// instruction, so the person can get into position) or "Rest" (with a line of its own).
fn segment_words<'a>(routine: &'a Routine, seg: &Segment) -> (&'a str, &'a str) {
    match seg.kind {
        SegmentKind::LeadIn => (
            s::GET_READY,
            routine.steps.first().map_or("", |st| st.text.as_str()),
        ),
        SegmentKind::Rest => (s::REST, s::REST_TEXT),
        // Moving into place: the instruction of the stretch to come.
        SegmentKind::Position => (
            s::POSITION_TITLE,
            routine
                .steps
                .get(seg.step)
                .map_or("", |st| st.text.as_str()),
        ),
        SegmentKind::Switch => (
            s::SWITCH_TITLE,
            routine
                .steps
                .get(seg.step)
                .map_or("", |st| st.text.as_str()),
        ),
        SegmentKind::Step => routine
            .steps
            .get(seg.step)
            .map_or(("", ""), |st| (&st.title, &st.text)),
    }
}

/// "next: …": the segment after this one with its side and repeat, a rest with its length.
fn next_words(routine: &Routine, runner: &Runner) -> String {
    let what = match runner.next_segment() {
        None => s::DONE_NEXT.to_string(),
        Some(n) => match n.kind {
            SegmentKind::Position => {
                let title = routine.steps.get(n.step).map_or("", |st| st.title.as_str());
                s::position_for(title).to_lowercase()
            }
            SegmentKind::Switch => match n.side {
                Some(side) => s::switch_to(side).to_lowercase(),
                None => s::SWITCH_TITLE.to_lowercase(),
            },
            SegmentKind::Rest | SegmentKind::LeadIn => {
                format!(
                    "{} {}",
                    s::REST_NEXT,
                    n.duration.map_or_else(String::new, |d| clock(d.as_secs()))
                )
            }
            SegmentKind::Step => {
                let mut t = routine
                    .steps
                    .get(n.step)
                    .map_or_else(String::new, |st| st.title.clone());
                if let Some(side) = n.side {
                    t.push_str(&format!(" · {}", s::side_label(side)));
                }
                if n.reps > 1 {
                    t.push_str(&format!(" {}/{}", n.rep, n.reps));
                }
                t
            }
        },
    };
    format!("{}: {what}", s::NEXT)
}

/// One way of laying the runner out: which parts it shows.
#[derive(Debug, Clone, Copy)]
struct Plan {
    /// Big digits at this scale, or the small clock line.
    digits: Option<usize>,
    spacers: bool,
    header: bool,
    step_gauge: bool,
    routine_gauge: bool,
    next: bool,
}

impl Plan {
    fn rows(&self, text_rows: usize) -> usize {
        let time = match self.digits {
            Some(scale) => bigdigits::rows_scaled(scale) + 1,
            None => 1,
        };
        let spacers = if self.spacers { 4 } else { 0 };
        1 + text_rows
            + time
            + spacers
            + usize::from(self.header)
            + usize::from(self.step_gauge)
            + usize::from(self.routine_gauge)
            + usize::from(self.next)
    }
}

/// The richest plan that shows the whole instruction in `height` rows, or the plainest one.
fn choose(text_rows: usize, height: usize, width: usize, wide: usize, time: &str) -> Plan {
    let scales: Vec<usize> = if height >= usize::from(LARGE_DIGITS_FROM_ROWS) {
        (1..=MAX_DIGIT_SCALE).rev().collect()
    } else {
        vec![1]
    };
    let full = Plan {
        digits: None,
        spacers: true,
        header: true,
        step_gauge: true,
        routine_gauge: true,
        next: true,
    };
    let shapes = [
        full,
        Plan {
            spacers: false,
            ..full
        },
        Plan {
            spacers: false,
            header: false,
            step_gauge: false,
            ..full
        },
    ];
    for &scale in &scales {
        if bigdigits::width_scaled(time, scale) > wide || (scale == 1 && width < 30) {
            continue;
        }
        for shape in shapes {
            let plan = Plan {
                digits: Some(scale),
                ..shape
            };
            if plan.rows(text_rows) <= height {
                return plan;
            }
        }
    }
    // The small clock: first without the header and step gauge, then without the routine gauge,
    // then without "next"; the last one is what is left whatever the height.
    let bare = Plan {
        digits: None,
        spacers: false,
        header: false,
        step_gauge: false,
        routine_gauge: false,
        next: false,
    };
    let small = [
        Plan {
            spacers: false,
            ..full
        },
        Plan {
            routine_gauge: true,
            next: true,
            ..bare
        },
        Plan { next: true, ..bare },
    ];
    small
        .into_iter()
        .find(|plan| plan.rows(text_rows) <= height)
        .unwrap_or(bare)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn draw(
    frame: &mut Frame,
    app: &App,
    routine: &Routine,
    runner: &Runner,
    theme: &Theme,
    area: Rect,
    wide: Rect,
    now: Instant,
) {
    let Some(seg) = runner.current() else { return };
    let untimed = seg.duration.is_none();
    let state = s::RunnerKeyState {
        paused: runner.is_paused(),
        untimed,
    };
    let body = with_footer(
        frame,
        app,
        theme,
        area,
        &s::runner_keys(&app.config.keys, state),
        &s::runner_keys_short(&app.config.keys, state),
    );
    let (title, text) = segment_words(routine, seg);
    let step_count = routine.steps.len();

    // The side and repeat stay whole; a title too long for what is left of the row is marked as
    // cut, never silently (the instruction below says it all).
    let side = seg
        .side
        .filter(|_| matches!(seg.kind, SegmentKind::Step | SegmentKind::Switch))
        .map(|side| format!("  {}", s::side_label(side)));
    let rep = (seg.reps > 1 && seg.kind == SegmentKind::Step)
        .then(|| format!("  {}/{}", seg.rep, seg.reps));
    let extra = side.as_ref().map_or(0, |t| t.chars().count())
        + rep.as_ref().map_or(0, |t| t.chars().count());
    let mut heading = vec![Span::styled(
        fit(title, (area.width as usize).saturating_sub(extra).max(4)),
        theme.title.add_modifier(Modifier::BOLD),
    )];
    if let Some(side) = side {
        heading.push(Span::styled(
            side,
            theme.accent.add_modifier(Modifier::BOLD),
        ));
    }
    if let Some(rep) = rep {
        heading.push(Span::styled(rep, theme.dim));
    }
    let time = clock(runner.shown_seconds(now).unwrap_or(0));
    let note = if runner.is_paused() {
        s::PAUSED
    } else if untimed {
        s::UNTIMED_HINT
    } else {
        ""
    };
    let step_label = format!("{}/{}", (seg.step + 1).min(step_count), step_count);
    // Whole minutes: the line changes once a minute, not every second.
    let left = s::time_left(runner.time_left(now).as_secs());
    let next = next_words(routine, runner);

    let width = body.width as usize;
    let text_lines = wrap(text, width);
    let plan = choose(
        text_lines.len(),
        body.height as usize,
        width,
        wide.width as usize,
        &time,
    );
    // Rows left for the instruction once everything else of the plan has its place.
    let fixed = plan.rows(0);
    let text_rows = (body.height as usize).saturating_sub(fixed).max(1);
    let mut lines: Vec<(Line, Alignment)> = Vec::new();
    let left_line = |l: Line<'static>| (l, Alignment::Left);
    if plan.header {
        lines.push(left_line(Line::styled(
            format!("{} · {} {step_label}", routine.title, s::STEP),
            theme.dim,
        )));
    }
    if plan.spacers {
        lines.push(left_line(Line::default()));
    }
    lines.push((Line::from(heading), Alignment::Left));
    // The instruction, whole if it fits; otherwise scrolled, with what is above and below marked.
    if text_lines.len() <= text_rows {
        for row in text_lines {
            lines.push(left_line(Line::styled(row, theme.base)));
        }
    } else {
        let shown = text_rows.max(1);
        let max_scroll = text_lines.len().saturating_sub(shown.saturating_sub(1));
        let scroll = app.runner_text_scroll(runner).min(max_scroll);
        let end = (scroll + shown.saturating_sub(1)).min(text_lines.len());
        for row in &text_lines[scroll..end] {
            lines.push(left_line(Line::styled(row.clone(), theme.base)));
        }
        let marker = if end < text_lines.len() {
            s::MORE_BELOW
        } else {
            s::MORE_ABOVE
        };
        lines.push(left_line(Line::styled(marker, theme.accent)));
    }
    if plan.spacers {
        lines.push(left_line(Line::default()));
    }
    match plan.digits {
        Some(scale) => {
            for row in bigdigits::render_scaled(&time, scale) {
                lines.push((Line::styled(row, theme.digits), Alignment::Center));
            }
            lines.push((Line::styled(note, theme.accent), Alignment::Center));
        }
        None => lines.push(left_line(Line::from(vec![
            Span::styled(time.clone(), theme.digits.add_modifier(Modifier::BOLD)),
            Span::styled(
                fit(
                    &format!("  {note}"),
                    width.saturating_sub(time.chars().count()),
                ),
                theme.accent,
            ),
        ]))),
    }
    if plan.spacers {
        lines.push(left_line(Line::default()));
    }
    if plan.step_gauge
        && let Some(ratio) = runner.segment_progress(now)
    {
        lines.push(left_line(gauge_line(
            ratio,
            body.width.min(STEP_GAUGE),
            theme,
            "",
        )));
    } else if plan.step_gauge {
        lines.push(left_line(Line::default()));
    }
    if plan.routine_gauge {
        lines.push(left_line(gauge_line(
            runner.routine_progress(now),
            body.width,
            theme,
            &left,
        )));
    }
    if plan.spacers {
        lines.push(left_line(Line::default()));
    }
    if plan.next {
        lines.push(left_line(Line::styled(fit(&next, width), theme.dim)));
    }
    // Vertically: a third of the spare rows above, the rest below. Big digits centre on the whole
    // width of the terminal, everything else stays in the text column.
    let spare = (body.height as usize).saturating_sub(lines.len());
    let top = body.y + (spare / 3) as u16;
    for (y, (line, alignment)) in (top..body.y + body.height).zip(lines) {
        let row = if alignment == Alignment::Center {
            Rect {
                x: wide.x,
                width: wide.width,
                y,
                height: 1,
            }
        } else {
            Rect {
                y,
                height: 1,
                ..body
            }
        };
        frame.render_widget(Paragraph::new(line).alignment(alignment), row);
    }
}
