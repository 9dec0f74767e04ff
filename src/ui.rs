//! Views: the model drawn into a ratatui frame. Pure: no clock reads (the instant is an argument),
//! no I/O, no state changes.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Clear, Padding, Paragraph, Wrap};

use crate::app::{App, Focus, JournalView, LogPrompt, Overlay, Screen, night_label};
use crate::bigdigits;
use crate::content::Muscle;
use crate::content::{Routine, RoutineKind};
use crate::diary::LegSide;
use crate::habits::{self, Mark};
use crate::insights;
use crate::runner::{Runner, SegmentKind};
use crate::strings as s;
use crate::text::clock;
use crate::theme::Theme;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 8;
/// Widest the text column grows.
const COLUMN: u16 = 72;
/// Widest the step gauge grows: a narrower bar moves fewer cells each second.
const STEP_GAUGE: u16 = 36;
/// Rows the full runner layout takes (with big digits).
const RUNNER_ROWS: u16 = 15;

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
        Screen::Home => home(frame, app, theme, inner),
        Screen::Insights => insights_screen(frame, app, theme, inner),
        Screen::Running { routine, runner } => {
            if let Some(r) = app.routine(*routine) {
                running(frame, app, r, runner, theme, inner, now);
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
                done(frame, app, r, &summary, prompt.as_ref(), theme, inner);
            }
        }
    }
    if let Some(overlay) = app.overlay {
        draw_overlay(frame, app, overlay, theme, area);
    }
}

/// Warnings and the one-off status, newest last, wrapped to `width`, at most `max` rows in all.
fn notices<'a>(app: &'a App, theme: &Theme, width: u16, max: usize) -> Vec<Line<'a>> {
    let mut rows: Vec<Line> = Vec::new();
    for notice in app.warnings.iter().chain(app.status.iter()) {
        for row in wrap(notice, width as usize) {
            rows.push(Line::styled(row, theme.warning));
        }
    }
    rows.truncate(max);
    rows
}

/// Greedy word wrap by characters, for short one-off lines whose height must be known up front.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = vec![String::new()];
    for word in text.split(' ') {
        let last = rows.last_mut().map_or(0, |r| r.chars().count());
        if last > 0 && last + 1 + word.chars().count() > width {
            rows.push(String::new());
        }
        if let Some(row) = rows.last_mut() {
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(word);
        }
    }
    rows
}

/// Splits `area` into a body and a bottom strip holding notices and the key line.
fn with_footer<'a>(
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
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// `3:10`, with `+` when untimed steps add holding time.
fn routine_length(r: &Routine) -> String {
    let plus = if r.has_untimed_steps() { "+" } else { "" };
    format!("{}{plus}", clock(r.total_seconds()))
}

fn home(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let on_habits = app.focus == Focus::Habits && !app.content.habits.is_empty();
    let keys = if on_habits {
        s::HABITS_KEYS
    } else {
        s::HOME_KEYS
    };
    let body = with_footer(frame, app, theme, area, keys, s::HOME_KEYS_SHORT);
    let width = body.width as usize;
    let routines = app.home_routines();
    let habit_rows = if app.content.habits.is_empty() {
        0
    } else {
        app.content.habits.len() + 2
    };
    let height = body.height as usize;
    // What fits, most important first: the routines (relief is never crowded out), then the habits,
    // then headings, the title and the summary. When the two lists cannot share the screen, the
    // focused one has it.
    let both = habit_rows > 0 && routines.len() + habit_rows <= height;
    let headings = routines.len() + 2 + habit_rows <= height;
    let titled = routines.len() + 4 + habit_rows <= height;
    let summary = routines.len() + 6 + habit_rows <= height;

    if on_habits && !both {
        let lines = habit_lines(app, theme, width, true);
        frame.render_widget(
            Paragraph::new(lines).scroll((scroll_for(app.habit_selected + 1, height), 0)),
            body,
        );
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    if titled {
        lines.push(Line::from(vec![
            Span::styled(s::APP_TITLE, theme.title),
            Span::styled(format!(" · {}", s::APP_TAGLINE), theme.dim),
        ]));
        lines.push(Line::default());
    }
    let mut selected_line = 0;
    let mut kind = None;
    for (i, r) in routines.iter().enumerate() {
        if headings && kind != Some(r.kind) {
            kind = Some(r.kind);
            let heading = if r.kind == RoutineKind::Relief {
                s::RELIEF_HEADING
            } else {
                s::BEDTIME_HEADING
            };
            lines.push(Line::styled(heading, theme.dim));
        }
        let selected = i == app.selected;
        if selected {
            selected_line = lines.len();
        }
        let number = if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".to_string()
        };
        let marker = if selected { "›" } else { " " };
        let prefix = format!("{marker} {number}  ");
        let mut length = routine_length(r);
        let mut room = width.saturating_sub(prefix.chars().count() + length.chars().count() + 2);
        if room < 8 {
            length.clear();
            room = width.saturating_sub(prefix.chars().count());
        }
        let title = fit(&r.title, room);
        let pad = width.saturating_sub(
            prefix.chars().count() + title.chars().count() + length.chars().count() + 1,
        );
        let style = if selected && !on_habits {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(
            format!("{prefix}{title}{}{length} ", " ".repeat(pad)),
            style,
        ));
    }
    if summary
        && let Some(text) = routines
            .get(app.selected)
            .and_then(|r| r.summary.as_deref())
    {
        lines.push(Line::default());
        for row in wrap(text, width).into_iter().take(2) {
            lines.push(Line::styled(row, theme.dim));
        }
    }
    if both {
        lines.push(Line::default());
        lines.extend(habit_lines(app, theme, width, on_habits));
        frame.render_widget(Paragraph::new(lines), body);
    } else {
        frame.render_widget(
            Paragraph::new(lines).scroll((scroll_for(selected_line, height), 0)),
            body,
        );
    }
}

/// Rows to scroll so that line `line` (0-based) is visible in `height` rows.
fn scroll_for(line: usize, height: usize) -> u16 {
    (line + 1).saturating_sub(height) as u16
}

/// The symbol for one night in a habit's strip.
fn mark_symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Kept => "■",
        Mark::Partial { .. } => "▪",
        Mark::Missed => "·",
        Mark::Off => " ",
    }
}

/// The habits pane: a heading naming the night shown, then one row a habit with its state, the last
/// seven nights and the streak.
fn habit_lines<'a>(app: &'a App, theme: &Theme, width: usize, focused: bool) -> Vec<Line<'a>> {
    let night = app.shown_night();
    let label = night_label(night, app.tonight);
    let heading_style = if focused { theme.title } else { theme.dim };
    let mut lines = vec![Line::from(vec![
        Span::styled(s::HABITS_HEADING, heading_style),
        Span::styled(format!(" · {label}"), theme.dim),
    ])];
    let journal = match &app.journal {
        JournalView::Ready(j) => j,
        JournalView::Loading => {
            lines.push(Line::styled(s::LOADING, theme.dim));
            return lines;
        }
        JournalView::Unreadable(error) => {
            for row in wrap(&format!("{} {error}", s::JOURNAL_UNREADABLE), width) {
                lines.push(Line::styled(row, theme.warning));
            }
            return lines;
        }
    };
    let show_strip = width >= 40;
    let tail = if show_strip {
        habits::STRIP_NIGHTS + 5
    } else {
        4
    };
    for (i, habit) in app.content.habits.iter().enumerate() {
        let state = habits::state_label(habit, journal, night);
        let selected = focused && i == app.habit_selected;
        let marker = if selected { "›" } else { " " };
        let prefix = format!("{marker} {:<6}", format!("[{state}]"));
        let room = width.saturating_sub(prefix.chars().count() + tail);
        let title = fit(&habit.title, room);
        let pad = width.saturating_sub(prefix.chars().count() + title.chars().count() + tail);
        let style = if selected { theme.selected } else { theme.base };
        let mut spans = vec![Span::styled(
            format!("{prefix}{title}{}", " ".repeat(pad)),
            style,
        )];
        if show_strip {
            let strip: String = habits::strip(habit, journal, night)
                .iter()
                .map(|(_, m)| mark_symbol(*m))
                .collect();
            spans.push(Span::styled(format!(" {strip}"), theme.gauge));
        }
        let streak = habits::streak(habit, journal, app.tonight);
        spans.push(Span::styled(format!(" {streak:>3}"), theme.dim));
        lines.push(Line::from(spans));
    }
    lines
}

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

fn gauge_line(ratio: f64, width: u16, theme: &Theme, label: &str) -> Line<'static> {
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

fn running(
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
    let left = if left_secs >= 60 {
        format!("{} min", left_secs.div_ceil(60))
    } else {
        "under a minute".to_string()
    };
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

fn insights_screen(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
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
                    format!(" · {} {}", s::CRAMP_FREE, plural(i.cramp_free, "night")),
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
            format!(
                "{} of {} cramps reported a warning sign: press ! for when to get help",
                i.red_flag_episodes, i.episodes
            ),
            theme.warning,
        ));
    }
    frame.render_widget(Paragraph::new(lines), rest);
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What the done screen says about the session.
struct DoneSummary {
    took: u64,
    steps_done: usize,
    finished: bool,
}

fn done(
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
            format!(
                "{} of {steps} steps in {}",
                summary.steps_done,
                clock(summary.took)
            ),
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
    let muscles: Vec<Span> = Muscle::ALL
        .iter()
        .flat_map(|m| {
            [
                choice(m.as_str().to_string(), p.muscle == Some(*m)),
                Span::raw(" "),
            ]
        })
        .collect();
    let sides: Vec<Span> = LegSide::ALL
        .iter()
        .flat_map(|x| {
            [
                choice(x.as_str().to_string(), p.side == Some(*x)),
                Span::raw(" "),
            ]
        })
        .collect();
    let levels: Vec<Span> = (1..=5u8)
        .flat_map(|i| {
            [
                choice(format!("{i}"), p.intensity == Some(i)),
                Span::raw(" "),
            ]
        })
        .collect();
    vec![
        Line::styled(s::LOG_PROMPT, theme.accent),
        row(s::LOG_MUSCLE, muscles),
        row(s::LOG_SIDE, sides),
        row(s::LOG_INTENSITY, levels),
        Line::from(vec![
            Span::styled(format!("{} ", s::LOG_SYMPTOMS), theme.base),
            choice("yes".to_string(), p.symptoms == Some(true)),
            choice("no".to_string(), p.symptoms == Some(false)),
        ]),
    ]
}

fn overlay_text<'a>(app: &'a App, overlay: Overlay, theme: &Theme) -> (&'static str, Text<'a>) {
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
            if matches!(app.screen, Screen::Home) {
                table(&mut lines, s::HELP_HOME);
                if !app.content.habits.is_empty() {
                    lines.push(Line::default());
                    table(&mut lines, s::HELP_HABITS);
                }
            } else {
                for (k, what) in s::runner_help(&app.config.keys) {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{k:<10}"), theme.key),
                        Span::styled(what, theme.base),
                    ]));
                }
            }
            lines.push(Line::default());
            table(&mut lines, s::HELP_ANYWHERE);
            (s::HELP_TITLE, Text::from(lines))
        }
        Overlay::GetHelp => {
            let g = &app.content.guidance;
            let mut section = |title: &'static str, items: &'a [String]| {
                if items.is_empty() {
                    return;
                }
                lines.push(Line::styled(
                    title,
                    theme.accent.add_modifier(Modifier::BOLD),
                ));
                for item in items {
                    lines.push(Line::styled(format!("· {item}"), theme.base));
                }
                lines.push(Line::default());
            };
            section(s::GET_HELP_NOW, &g.get_help_now);
            section(s::SEE_A_DOCTOR, &g.see_a_doctor);
            if !g.medicines.is_empty() {
                lines.push(Line::styled(g.medicines.as_str(), theme.base));
                lines.push(Line::default());
            }
            lines.push(Line::styled(g.disclaimer.as_str(), theme.dim));
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

fn draw_overlay(frame: &mut Frame, app: &App, overlay: Overlay, theme: &Theme, area: Rect) {
    let (title, text) = overlay_text(app, overlay, theme);
    let width = area.width.min(COLUMN + 4);
    // Wrapped height of the text inside the border and padding, so the box fits what it holds.
    let inner_width = width.saturating_sub(4).max(1) as usize;
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
