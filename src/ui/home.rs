//! Home: the routines, the habits pane for the night shown, and the summary of what is selected.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::*;
use super::theme::Theme;
use crate::app::{App, Focus, JournalView, night_label};
use crate::content::RoutineKind;
use crate::habits::{self, Mark};
use crate::strings as s;

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let on_habits = app.focus == Focus::Habits && !app.content.habits.is_empty();
    let keys = if app.note_input.is_some() {
        s::NOTE_KEYS
    } else if on_habits {
        s::HABITS_KEYS
    } else {
        s::HOME_KEYS
    };
    let short = if app.note_input.is_some() {
        s::NOTE_KEYS_SHORT
    } else {
        s::HOME_KEYS_SHORT
    };
    let body = with_footer(frame, app, theme, area, keys, short);
    let width = body.width as usize;
    let routines = app.home_routines();
    let habit_rows = if app.content.habits.is_empty() {
        0
    } else {
        app.content.habits.len() + 2 + about_lines(app, width).len()
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
        let mut lines = habit_lines(app, theme, width, true);
        if lines.len() + 3 <= height {
            lines.extend(hint_lines(app, theme, width));
        }
        frame.render_widget(
            Paragraph::new(lines).scroll((scroll_for(focus_row(app, width), height), 0)),
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
        && !on_habits
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
        if on_habits && summary {
            lines.extend(hint_lines(app, theme, width));
        }
        frame.render_widget(Paragraph::new(lines), body);
    } else {
        // The habits do not fit beside the routines: one line says how tonight stands, and Tab
        // opens them.
        if habit_rows > 0 && lines.len() + 2 <= height {
            lines.push(Line::default());
            lines.push(Line::styled(fit(&habits_summary(app), width), theme.dim));
        }
        frame.render_widget(
            Paragraph::new(lines).scroll((scroll_for(selected_line, height), 0)),
            body,
        );
    }
}

/// "Habits · tonight · 2 of 7 kept · tab": the pane in one line.
fn habits_summary(app: &App) -> String {
    let night = app.shown_night();
    let label = night_label(night, app.tonight);
    let kept = match &app.journal {
        JournalView::Ready(j) => {
            let applies: Vec<_> = app
                .content
                .habits
                .iter()
                .filter(|h| !matches!(habits::mark(h, j, night), Mark::Off))
                .collect();
            let kept = applies
                .iter()
                .filter(|h| habits::mark(h, j, night) == Mark::Kept)
                .count();
            if j.skipped(night).is_some() {
                format!(" · {}", s::SKIPPED)
            } else {
                format!(" · {kept} of {} {}", applies.len(), s::KEPT)
            }
        }
        _ => String::new(),
    };
    format!(
        "{}{kept} · {}",
        format_args!("{} · {label}", s::HABITS_HEADING),
        s::TAB_TO_OPEN
    )
}

/// The focused habit's hint (what it rests on), two rows at most, after a blank one.
fn hint_lines<'a>(app: &'a App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let Some(hint) = app.selected_habit().and_then(|h| h.hint.as_deref()) else {
        return Vec::new();
    };
    let mut lines = vec![Line::default()];
    let rows = wrap(hint, width);
    let cut = rows.len() > 2;
    for (i, row) in rows.into_iter().take(2).enumerate() {
        let row = if cut && i == 1 {
            fit(&format!("{row} …"), width)
        } else {
            row
        };
        lines.push(Line::styled(row, theme.dim));
    }
    lines
}

/// The rows under the habits heading for the night shown: a note being typed (whole, wrapped,
/// the cursor after it), then the night's skip and its note; each with whether it is the input.
/// Counted for the layout and drawn by [`habit_lines`], from this one place.
fn about_lines(app: &App, width: usize) -> Vec<(String, bool)> {
    let night = app.shown_night();
    let mut rows = Vec::new();
    if let Some((for_night, text)) = &app.note_input {
        let label = night_label(*for_night, app.tonight);
        for row in wrap(&format!("{} {label}: {text}▏", s::NOTE_FOR), width) {
            rows.push((row, true));
        }
    }
    if let JournalView::Ready(j) = &app.journal {
        match j.skipped(night) {
            Some("") => rows.push((s::SKIPPED_NIGHT.to_string(), false)),
            Some(why) => rows.push((fit(&format!("{}: {why}", s::SKIPPED_NIGHT), width), false)),
            None => {}
        }
        if app.note_input.is_none()
            && let Some(note) = j.note(night)
        {
            rows.push((fit(&format!("{} {note}", s::NOTE_LABEL), width), false));
        }
    }
    rows
}

/// The row of the habits pane to keep in view: the end of a note being typed, else the selected
/// habit.
fn focus_row(app: &App, width: usize) -> usize {
    let about = about_lines(app, width);
    match about.iter().rposition(|(_, input)| *input) {
        Some(last) => last + 1,
        None => app.habit_selected + 1 + about.len(),
    }
}

/// The symbol for one night in a habit's strip.
fn mark_symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Kept => "■",
        Mark::Partial { .. } => "▪",
        Mark::Missed => "·",
        Mark::Off => " ",
        Mark::Skipped => "~",
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
    for (row, input) in about_lines(app, width) {
        let style = if input { theme.selected } else { theme.dim };
        lines.push(Line::styled(row, style));
    }
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
