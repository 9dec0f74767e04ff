//! `cramp status`: tonight at a glance for a prompt or a status bar, and whether the reminder is due.
//!
//! Pure: the content, what the journal says of tonight and the last 7 nights ([`Seen`]), tonight's
//! date, the local time of day and the config come in; a [`Status`] comes out, and [`Format`] turns
//! it into the line. [`Seen::scan`] reads only the end of a journal's text (the diary lines and the
//! nights from tonight on), so a prompt does not parse ten years of nights every time it is drawn;
//! anything it does not expect sends the caller to the whole parser instead.

use jiff::civil::{Date, Time};

use crate::config::{Config, DayStart, TimeOfDay};
use crate::content::{Content, Habit, RoutineKind};
use crate::habits::{Mark, mark};
use crate::journal::{Episode, FORMAT_VERSION, Journal, MAX_COUNT};
use crate::night::parse_date;
use crate::strings::status as words;
use crate::text::sanitize;

/// Nights in "this week": tonight and the six before.
pub const WEEK_NIGHTS: i64 = 7;

/// The first night of the week that ends with `tonight`.
pub fn week_start(tonight: Date) -> Date {
    tonight
        .checked_sub(jiff::Span::new().days(WEEK_NIGHTS - 1))
        .unwrap_or(Date::MIN)
}

/// What status needs of the journal: tonight's ticks and the cramps of the last 7 nights.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// Tonight's ticks, as a journal that holds that night only.
    pub tonight: Journal,
    /// Cramps whose night is tonight or one of the six before.
    pub cramps_week: u32,
}

impl Seen {
    /// From a journal read whole.
    pub fn from_journal(journal: &Journal, tonight: Date) -> Seen {
        let mut seen = Seen::default();
        for (id, count) in journal.ticks(tonight) {
            seen.tonight.set(tonight, id, count);
        }
        if let Some(why) = journal.skipped(tonight) {
            seen.tonight.set_skip(tonight, Some(why.to_string()));
        }
        let week = week_start(tonight)..=tonight;
        seen.cramps_week = journal
            .episodes()
            .iter()
            .filter(|e| week.contains(&e.night))
            .count() as u32;
        seen
    }

    /// From the journal's text as the app writes it: see [`Scan`]. `None` at anything unusual.
    pub fn scan(text: &str, tonight: Date) -> Option<Seen> {
        let (first, body) = text.split_once('\n').unwrap_or((text, ""));
        if !Scan::is_header(first) {
            return None;
        }
        let mut scan = Scan::new(tonight);
        for line in body.split('\n').rev() {
            match scan.line(line) {
                Step::More => {}
                Step::Done => break,
                Step::Unusual => return None,
            }
        }
        Some(scan.seen)
    }
}

/// What [`Scan::line`] says of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Go on with the line before it.
    More,
    /// Enough is known: the lines before it are older nights.
    Done,
    /// Not as the app writes it (valid or not): parse the whole file instead.
    Unusual,
}

/// Reads a journal as the app writes it (header; nights in date order; skips and notes; the diary;
/// the ids of entries removed) from its end, a line at a time: the removed ids, the diary lines (the
/// night of each, and all of those that count), the skips and notes (a skip of tonight sends the
/// caller to the whole parser), and the night lines back to tonight. Older nights, and the other
/// fields of diary lines that do not count, are not looked at: a fault there shows only to the
/// commands that read everything, and a diary line moved by hand in among the nights is not counted.
#[derive(Debug, Clone)]
pub struct Scan {
    tonight: Date,
    week: std::ops::RangeInclusive<Date>,
    seen: Seen,
    /// The part of the file the lines read so far were in: lines come in this order from the end.
    part: Part,
    /// Ids of entries taken out of the diary.
    removed: Vec<String>,
    /// The night line read last (the one after this one in the file).
    later: Option<Date>,
}

/// The parts of a journal, from its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Removed,
    Diary,
    Marks,
    Nights,
}

impl Scan {
    pub fn new(tonight: Date) -> Scan {
        Scan {
            tonight,
            week: week_start(tonight)..=tonight,
            seen: Seen::default(),
            part: Part::Removed,
            removed: Vec::new(),
            later: None,
        }
    }

    /// Whether the first line is a journal's, in a version this app reads.
    pub fn is_header(line: &str) -> bool {
        line.strip_prefix(MAGIC)
            .is_some_and(|v| (1..=FORMAT_VERSION).any(|n| v == n.to_string()))
    }

    /// One line (without its line break), the last line first.
    pub fn line(&mut self, line: &str) -> Step {
        self.read(line).unwrap_or(Step::Unusual)
    }

    /// What was seen.
    pub fn seen(self) -> Seen {
        self.seen
    }

    /// Moves on to `part`; `None` if the line belongs to a part already passed.
    fn enter(&mut self, part: Part) -> Option<()> {
        if part < self.part {
            return None;
        }
        self.part = part;
        Some(())
    }

    fn read(&mut self, line: &str) -> Option<Step> {
        if line.is_empty() {
            return Some(Step::More);
        }
        if let Some(rest) = line.strip_prefix("cramp ") {
            self.enter(Part::Diary)?;
            let (id, night) = cramp_night(rest)?;
            if self.week.contains(&night) && !self.removed.iter().any(|r| r == id) {
                // One that counts is read in full, as the whole parser reads it.
                whole_cramp(line)?;
                self.seen.cramps_week += 1;
            }
            return Some(Step::More);
        }
        if line.chars().any(char::is_control) {
            return None;
        }
        if line.starts_with('#') {
            return Some(Step::More);
        }
        if let Some(id) = line.strip_prefix("removed ") {
            self.enter(Part::Removed)?;
            if !is_entry_id(id) {
                return None;
            }
            self.removed.push(id.to_string());
            return Some(Step::More);
        }
        for (word, about_tonight) in [("skip ", true), ("unskip ", true), ("note ", false)] {
            if let Some(rest) = line.strip_prefix(word) {
                self.enter(Part::Marks)?;
                let date = parse_date(rest.get(..10)?)?;
                // Whether tonight is skipped is the whole parser's to say.
                if about_tonight && date == self.tonight {
                    return None;
                }
                return Some(Step::More);
            }
        }
        let rest = line.strip_prefix("night ")?;
        self.enter(Part::Nights)?;
        let (date, ticks) = rest.split_at_checked(10)?;
        let date = parse_date(date)?;
        if self.later.is_some_and(|l| date >= l) {
            return None;
        }
        self.later = Some(date);
        let ticks = parse_ticks(ticks.strip_prefix(' ')?)?;
        if date == self.tonight {
            for (id, count) in ticks {
                if count > 0 {
                    self.seen.tonight.set(date, id, count);
                }
            }
        }
        Some(if date <= self.tonight {
            Step::Done
        } else {
            Step::More
        })
    }
}

/// The start of the journal's first line, before its version.
const MAGIC: &str = "cramp-coach journal ";

/// A diary id: letters and digits (numbers in version 1, letters since).
fn is_entry_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The id and night of a diary line (after `cramp `), as the app writes it: `ID night=DATE` first,
/// then the other fields (not read here: a diary of years has many lines, and status needs only
/// these).
fn cramp_night(rest: &str) -> Option<(&str, Date)> {
    let (id, rest) = rest.split_once(' ')?;
    if !is_entry_id(id) {
        return None;
    }
    let rest = rest.strip_prefix("night=")?;
    let (date, after) = rest.split_at_checked(10)?;
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some((id, parse_date(date)?))
}

/// A diary line read as the whole parser reads it, if it is sound.
fn whole_cramp(line: &str) -> Option<Episode> {
    if line.chars().any(char::is_control) {
        return None;
    }
    let mut words = line.split(' ').skip(1);
    let id = words.next()?.to_string();
    let mut fields = Vec::new();
    for word in words {
        fields.push((word.as_ptr() as usize - line.as_ptr() as usize, word));
    }
    Episode::parse(id, &fields, line.len()).ok()
}

/// A night's ticks as the app writes them: ids of [a-z0-9-] in increasing order, single spaces,
/// `id`, `id=COUNT` (0 to 999, no leading zero), each with `~N` (its change number) or not.
fn parse_ticks(ticks: &str) -> Option<Vec<(&str, u32)>> {
    let number = |n: &str| {
        let ok = !n.is_empty()
            && n.len() <= 9
            && n.bytes().all(|b| b.is_ascii_digit())
            && (n == "0" || !n.starts_with('0'));
        ok.then(|| n.parse::<u32>().ok()).flatten()
    };
    let mut out: Vec<(&str, u32)> = Vec::new();
    for tick in ticks.split(' ') {
        let tick = match tick.split_once('~') {
            Some((tick, change)) => {
                number(change)?;
                tick
            }
            None => tick,
        };
        let (id, count) = match tick.split_once('=') {
            Some((id, n)) => (id, number(n).filter(|&c| c <= MAX_COUNT)?),
            None => (tick, 1),
        };
        let id_ok = !id.is_empty()
            && id.len() <= 32
            && id
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'));
        if !id_ok || out.last().is_some_and(|(last, _)| *last >= id) {
            return None;
        }
        out.push((id, count));
    }
    Some(out)
}

/// The habit the bedtime routine completes (the first bedtime routine that completes one), and
/// that routine's id.
pub fn stretch_habit(content: &Content) -> Option<(&Habit, &str)> {
    content
        .routines
        .iter()
        .filter(|r| r.kind == RoutineKind::Bedtime)
        .find_map(|r| {
            let id = r.completes_habit.as_deref()?;
            Some((content.habit(id)?, r.id.as_str()))
        })
}

/// The habits `--due` reminds of: those marked `reminder = true`, or else the stretch habit.
pub fn reminder_habits(content: &Content) -> Vec<&Habit> {
    let marked: Vec<&Habit> = content.habits.iter().filter(|h| h.reminder).collect();
    if marked.is_empty() {
        stretch_habit(content).map(|(h, _)| h).into_iter().collect()
    } else {
        marked
    }
}

/// Whether `now` is past `remind_after` in the night's sense: the night runs from `day_starts_at`
/// to `day_starts_at` the next morning, so with 21:30 and 04:00, 23:00 and 02:00 are past and
/// 04:00 (a new night) and 21:29 are not.
pub fn past_remind_after(now: Time, remind_after: TimeOfDay, day_start: DayStart) -> bool {
    const DAY: i32 = 24 * 60;
    let start = i32::from(day_start.hour) * 60 + i32::from(day_start.minute);
    let into_night = |minutes: i32| (minutes - start).rem_euclid(DAY);
    let now = i32::from(now.hour()) * 60 + i32::from(now.minute());
    let remind = i32::from(remind_after.hour) * 60 + i32::from(remind_after.minute);
    into_night(now) >= into_night(remind)
}

/// Tonight at a glance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub night: Date,
    /// The stretch habit's id and its mark tonight; `None` when no bedtime routine completes one.
    pub stretch: Option<(String, Mark)>,
    /// Habits kept tonight (a counted one: at its target).
    pub done: u32,
    /// Habits that apply tonight (and any kept although it does not).
    pub total: u32,
    pub cramps_week: u32,
    /// The first open habit tonight, in content order: its id and title (sanitised).
    pub next: Option<(String, String)>,
    /// The reminder, one line an open reminder habit, when it is past `remind_after`; empty when
    /// nothing is due.
    pub due: Vec<String>,
    /// Tonight is skipped: nothing is due, and the line says so.
    pub skipped: bool,
}

/// Tonight's status from the content, what the journal says ([`Seen`]), tonight's date, the local
/// time of day and the config.
pub fn compute(
    content: &Content,
    seen: &Seen,
    tonight: Date,
    now: Time,
    config: &Config,
) -> Status {
    let marks: Vec<(&Habit, Mark)> = content
        .habits
        .iter()
        .map(|h| (h, mark(h, &seen.tonight, tonight)))
        .collect();
    let open = |m: Mark| matches!(m, Mark::Missed | Mark::Partial { .. });
    let done = marks.iter().filter(|(_, m)| *m == Mark::Kept).count() as u32;
    let total = marks
        .iter()
        .filter(|(_, m)| !matches!(m, Mark::Off | Mark::Skipped))
        .count() as u32;
    let next = marks
        .iter()
        .find(|(_, m)| open(*m))
        .map(|(h, _)| (h.id.clone(), sanitize(&h.title).into_owned()));
    let stretch =
        stretch_habit(content).map(|(h, _)| (h.id.clone(), mark(h, &seen.tonight, tonight)));
    let skipped = seen.tonight.skipped(tonight).is_some();
    let mut due = Vec::new();
    if !skipped && past_remind_after(now, config.remind_after, config.day_starts_at) {
        for habit in reminder_habits(content) {
            if !open(mark(habit, &seen.tonight, tonight)) {
                continue;
            }
            let routine = content
                .routines
                .iter()
                .find(|r| r.completes_habit.as_deref() == Some(habit.id.as_str()));
            let how = match routine {
                Some(r) => format!("cramp run {}", r.id),
                None => format!("cramp check {}", habit.id),
            };
            due.push(words::reminder(&sanitize(&habit.title), &how));
        }
    }
    Status {
        skipped,
        night: tonight,
        stretch,
        done,
        total,
        cramps_week: seen.cramps_week,
        next,
        due,
    }
}

/// A placeholder of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Stretch,
    Done,
    Total,
    Open,
    CrampsWeek,
    Next,
    NextTitle,
}

/// The placeholders, by name, in the order the help lists them.
pub const FIELDS: [(&str, Field); 7] = [
    ("stretch", Field::Stretch),
    ("done", Field::Done),
    ("total", Field::Total),
    ("open", Field::Open),
    ("cramps_week", Field::CrampsWeek),
    ("next", Field::Next),
    ("next_title", Field::NextTitle),
];

/// A piece of a `--format`: text as it is, or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Field(Field),
}

/// A parsed `--format`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Format(pub Vec<Piece>);

/// SGR colours for `--color`: kept green, open yellow, then back to the terminal's own.
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

/// The stretch mark: ● kept, ○ open, - not tonight; coloured when asked.
fn stretch_mark(mark: Mark, color: bool) -> String {
    let (text, paint) = match mark {
        Mark::Kept => (words::KEPT, GREEN),
        Mark::Off | Mark::Skipped => (words::OFF, ""),
        Mark::Missed | Mark::Partial { .. } => (words::OPEN, YELLOW),
    };
    if color && !paint.is_empty() {
        format!("{paint}{text}{RESET}")
    } else {
        text.to_string()
    }
}

impl Format {
    /// Parses a `--format`: `{name}` placeholders, `{{` and `}}` for braces. An unknown
    /// placeholder or a lone brace is refused, with the message to show.
    pub fn parse(format: &str) -> Result<Format, String> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut chars = format.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().is_some_and(|(_, c)| *c == '{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek().is_some_and(|(_, c)| *c == '}') => {
                    chars.next();
                    text.push('}');
                }
                '}' => return Err(words::stray_brace(i + 1)),
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some((_, '}')) => break,
                            Some((_, '{')) | None => return Err(words::unclosed_brace(i + 1)),
                            Some((_, c)) => name.push(c),
                        }
                    }
                    let Some((_, field)) = FIELDS.iter().find(|(n, _)| *n == name) else {
                        let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                        return Err(words::unknown_placeholder(&sanitize(&name), &known));
                    };
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Field(*field));
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Format(pieces))
    }

    /// The line for `status`; with `color`, the stretch mark is coloured.
    pub fn render(&self, status: &Status, color: bool) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Field(f) => out.push_str(&field(status, *f, color)),
            }
        }
        out
    }
}

/// One placeholder's value: numbers as digits, the stretch mark, the next habit or nothing.
fn field(status: &Status, f: Field, color: bool) -> String {
    match f {
        Field::Stretch => status
            .stretch
            .as_ref()
            .map(|(_, m)| stretch_mark(*m, color))
            .unwrap_or_default(),
        Field::Done => status.done.to_string(),
        Field::Total => status.total.to_string(),
        Field::Open => (status.total.saturating_sub(status.done)).to_string(),
        Field::CrampsWeek => status.cramps_week.to_string(),
        Field::Next => status
            .next
            .as_ref()
            .map(|(id, _)| id.clone())
            .unwrap_or_default(),
        Field::NextTitle => status
            .next
            .as_ref()
            .map(|(_, title)| title.clone())
            .unwrap_or_default(),
    }
}

/// The line without `--format`: `stretch ○ · 2/7 habits · 1 cramp this week` (the stretch part
/// only when a bedtime routine completes a habit, the habits part only when there are habits).
pub fn default_line(status: &Status, has_habits: bool, color: bool) -> String {
    let mut parts = Vec::new();
    if status.skipped {
        parts.push(words::SKIPPED_TONIGHT.to_string());
        parts.push(words::cramps_this_week(status.cramps_week));
        return parts.join(words::SEPARATOR);
    }
    if let Some((id, m)) = &status.stretch {
        parts.push(format!("{id} {}", stretch_mark(*m, color)));
    }
    if has_habits {
        parts.push(format!(
            "{}/{} {}",
            status.done,
            status.total,
            words::HABITS
        ));
    }
    parts.push(words::cramps_this_week(status.cramps_week));
    parts.join(words::SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What status reads of the built-in content (its end) is what the whole file says.
    #[test]
    fn the_built_in_habits_read_alone_are_the_whole_file_s() {
        let whole = Content::builtin();
        let lean = Content::builtin_habits();
        assert_eq!(lean.habits, whole.habits);
        assert_eq!(
            stretch_habit(&lean).map(|(h, r)| (h.id.clone(), r.to_string())),
            stretch_habit(&whole).map(|(h, r)| (h.id.clone(), r.to_string()))
        );
        let ids = |c: &Content| -> Vec<String> {
            reminder_habits(c).iter().map(|h| h.id.clone()).collect()
        };
        assert_eq!(ids(&lean), ids(&whole));
        assert!(stretch_habit(&lean).is_some());
    }
    use crate::content::Weekday;
    use jiff::civil::{date, time};

    fn ds(hour: u8, minute: u8) -> DayStart {
        DayStart { hour, minute }
    }

    fn at(hour: u8, minute: u8) -> TimeOfDay {
        TimeOfDay { hour, minute }
    }

    #[test]
    fn the_header_is_the_journal_s() {
        let text = Journal::default().to_text();
        let first = text.lines().next().unwrap_or_default();
        assert_eq!(first, format!("{MAGIC}{FORMAT_VERSION}"));
        assert!(Scan::is_header(first), "{first}");
        assert!(Scan::is_header("cramp-coach journal 1"));
        for bad in [
            "cramp-coach journal 0",
            "cramp-coach journal 9",
            "cramp-coach journal 1 ",
            "cramp-coach journal +1",
        ] {
            assert!(!Scan::is_header(bad), "{bad}");
        }
    }

    #[test]
    fn past_remind_after_counts_in_the_night_s_sense() {
        let (r, d) = (at(21, 30), ds(4, 0));
        for (h, m, past) in [
            (21, 29, false),
            (21, 30, true),
            (23, 59, true),
            (0, 0, true),
            (2, 0, true),
            (3, 59, true),
            (4, 0, false),
            (12, 0, false),
            (18, 0, false),
        ] {
            assert_eq!(
                past_remind_after(time(h, m, 0, 0), r, d),
                past,
                "{h:02}:{m:02}"
            );
        }
        // A reminder after midnight: from 01:00 to the end of the night.
        assert!(!past_remind_after(time(23, 0, 0, 0), at(1, 0), d));
        assert!(past_remind_after(time(1, 0, 0, 0), at(1, 0), d));
        assert!(!past_remind_after(time(4, 0, 0, 0), at(1, 0), d));
        // Nights that end at midnight.
        assert!(past_remind_after(time(23, 0, 0, 0), r, ds(0, 0)));
        assert!(!past_remind_after(time(0, 30, 0, 0), r, ds(0, 0)));
    }

    #[test]
    fn the_help_lists_every_placeholder() {
        for (name, _) in FIELDS {
            assert!(
                crate::strings::cli::STATUS_HELP.contains(&format!("  {{{name}}} ")),
                "{name}"
            );
        }
    }

    #[test]
    fn formats_parse_and_refuse_what_they_do_not_know() {
        let f = Format::parse("{stretch} {done}/{total} {{x}}").map_err(|e| e.to_string());
        assert_eq!(
            f,
            Ok(Format(vec![
                Piece::Field(Field::Stretch),
                Piece::Text(" ".into()),
                Piece::Field(Field::Done),
                Piece::Text("/".into()),
                Piece::Field(Field::Total),
                Piece::Text(" {x}".into()),
            ]))
        );
        let e = Format::parse("a {strech}").err().unwrap_or_default();
        assert!(e.contains("unknown placeholder {strech}"), "{e}");
        assert!(
            e.contains("{stretch}") && e.contains("{cramps_week}"),
            "{e}"
        );
        assert_eq!(
            Format::parse("ab {done").err(),
            Some(words::unclosed_brace(4))
        );
        assert_eq!(Format::parse("x } y").err(), Some(words::stray_brace(3)));
        assert_eq!(Format::parse("{a{b}").err(), Some(words::unclosed_brace(1)));
        assert_eq!(Format::parse("").ok(), Some(Format(vec![])));
        let e = Format::parse("{\u{1b}[31m}").err().unwrap_or_default();
        assert!(!e.contains('\u{1b}'), "{e:?}");
    }

    fn habit(id: &str, target: Option<u32>, days: Option<Vec<Weekday>>, reminder: bool) -> Habit {
        Habit {
            id: id.to_string(),
            title: format!("Title of {id}"),
            hint: None,
            target,
            days,
            reminder,
        }
    }

    fn content(habits: Vec<Habit>) -> Content {
        let mut c = Content::builtin();
        c.habits = habits;
        c
    }

    #[test]
    fn counts_marks_and_the_next_open_habit() {
        // 2026-12-01 is a Tuesday.
        let tonight = date(2026, 12, 1);
        let c = content(vec![
            habit("stretch", None, None, false),
            habit("fluids", Some(6), None, false),
            habit("bedding", None, Some(vec![Weekday::Sat]), false),
            habit("move", None, None, false),
        ]);
        let mut seen = Seen::default();
        seen.tonight.set(tonight, "stretch", 1);
        seen.tonight.set(tonight, "fluids", 3);
        seen.cramps_week = 1;
        let config = Config::builtin();
        let s = compute(&c, &seen, tonight, time(20, 0, 0, 0), &config);
        assert_eq!(s.stretch, Some(("stretch".to_string(), Mark::Kept)));
        assert_eq!((s.done, s.total), (1, 3));
        assert_eq!(
            s.next,
            Some(("fluids".to_string(), "Title of fluids".to_string()))
        );
        assert!(s.due.is_empty());
        assert_eq!(
            default_line(&s, true, false),
            "stretch ● · 1/3 habits · 1 cramp this week"
        );
        let f = Format::parse("{stretch}|{done}|{total}|{open}|{cramps_week}|{next}|{next_title}");
        let f = f.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.render(&s, false), "●|1|3|2|1|fluids|Title of fluids");
        assert_eq!(
            f.render(&s, true),
            "\x1b[32m●\x1b[0m|1|3|2|1|fluids|Title of fluids"
        );
    }

    #[test]
    fn the_reminder_names_the_open_reminder_habits() {
        let tonight = date(2026, 12, 1);
        let config = Config::builtin();
        let late = time(22, 0, 0, 0);
        // Built in: the stretch is marked, and the bedtime routine completes it.
        let builtin = Content::builtin();
        let s = compute(&builtin, &Seen::default(), tonight, late, &config);
        assert_eq!(s.due, ["Bedtime stretch not done yet: cramp run bedtime"]);
        assert_eq!(
            default_line(&s, true, false),
            "stretch ○ · 0/7 habits · 0 cramps this week"
        );
        let early = compute(
            &builtin,
            &Seen::default(),
            tonight,
            time(21, 29, 0, 0),
            &config,
        );
        assert!(early.due.is_empty());
        // Marked habits replace the stretch; a habit no routine completes is checked by hand.
        let c = content(vec![
            habit("stretch", None, None, false),
            habit("pills", None, None, true),
            habit("water", Some(2), None, true),
        ]);
        let mut seen = Seen::default();
        seen.tonight.set(tonight, "water", 2);
        let s = compute(&c, &seen, tonight, late, &config);
        assert_eq!(s.due, ["Title of pills not done yet: cramp check pills"]);
        // No bedtime routine completing a habit: no stretch, and nothing to remind of unless marked.
        let mut c = content(vec![habit("fluids", None, None, false)]);
        c.routines.retain(|r| r.kind != RoutineKind::Bedtime);
        let s = compute(&c, &Seen::default(), tonight, late, &config);
        assert_eq!(s.stretch, None);
        assert!(s.due.is_empty());
        assert_eq!(
            default_line(&s, true, false),
            "0/1 habits · 0 cramps this week"
        );
        // A reminder habit that does not apply tonight is not due.
        let c = content(vec![habit("x", None, Some(vec![Weekday::Sun]), true)]);
        assert!(
            compute(&c, &Seen::default(), tonight, late, &config)
                .due
                .is_empty()
        );
    }

    fn journal_text(nights: &[(Date, &[(&str, u32)])], cramps: &[(&str, Date)]) -> String {
        let mut j = Journal::default();
        for (night, ticks) in nights {
            for (id, n) in *ticks {
                j.set(*night, id, *n);
            }
        }
        let mut text = j.to_text();
        for (id, night) in cramps {
            let next = night.tomorrow().unwrap_or(*night);
            text.push_str(&format!(
                "cramp {id} night={night} at={next}T03:00:00+00:00 muscle=calf side=left intensity=3\n"
            ));
        }
        text
    }

    #[test]
    fn the_scan_agrees_with_the_whole_journal() {
        let tonight = date(2026, 12, 1);
        let d = |n: i64| {
            tonight
                .checked_add(jiff::Span::new().days(n))
                .unwrap_or(tonight)
        };
        let nights: Vec<(Date, &[(&str, u32)])> = vec![
            (d(-400), &[("stretch", 1)]),
            (d(-7), &[("fluids", 6)]),
            (d(-1), &[("bedding", 1), ("stretch", 1)]),
            (d(0), &[("fluids", 3), ("stretch", 1)]),
            (d(2), &[("stretch", 1)]),
        ];
        let cramps = [
            ("aaaaaaaa", d(-400)),
            ("bbbbbbbb", d(-7)),
            ("cccccccc", d(-6)),
            ("dddddddd", d(0)),
            ("eeeeeeee", d(-2)),
            ("ffffffff", d(1)),
        ];
        let mut text = journal_text(&nights, &cramps);
        // A diary entry taken out does not count.
        text.push_str("removed dddddddd\n");
        let whole =
            Journal::parse(std::path::Path::new("j"), &text).unwrap_or_else(|e| panic!("{e}"));
        for night in [d(-400), d(-7), d(-6), d(-1), d(0), d(1), d(2), d(3)] {
            let scanned = Seen::scan(&text, night);
            assert_eq!(
                scanned,
                Some(Seen::from_journal(&whole, night)),
                "night {night}"
            );
        }
        let s = Seen::scan(&text, tonight).unwrap_or_default();
        assert_eq!(
            s.cramps_week, 2,
            "nights -6 and -2 (the one of night 0 was removed)"
        );
        assert_eq!(s.tonight.count(tonight, "fluids"), 3);
        // An empty journal, and one without a final newline.
        let empty = Journal::default().to_text();
        assert_eq!(Seen::scan(&empty, tonight), Some(Seen::default()));
        assert_eq!(
            Seen::scan(text.trim_end(), tonight),
            Seen::scan(&text, tonight)
        );
    }

    #[test]
    fn the_scan_leaves_anything_unusual_to_the_parser() {
        let tonight = date(2026, 12, 1);
        for text in [
            "cramp-coach journal 3\n",
            "cramp-coach journal 2\nnight 2026-11-30 a\nskip 2026-12-01 away\n",
            "cramp-coach journal 2\nnight 2026-11-30 a\nunskip 2026-12-01~2\n",
            "cramp-coach journal 2\nskip 2026-11-20\nnight 2026-12-02 a\n",
            "cramp-coach journal 2\nremoved abcdefgh\ncramp abcdefgh night=2026-12-01\n",
            "cramp-coach journal 2\nnight 2026-12-01 a~x\n",
            "cramp-coach journal 1 \n",
            "# first\ncramp-coach journal 1\n",
            "cramp-coach journal 1\r\nnight 2026-12-01 a\r\n",
            "cramp-coach journal 1\nnight 2026-12-01 b a\n",
            "cramp-coach journal 1\nnight 2026-12-01 a=01\n",
            "cramp-coach journal 1\nnight 2026-12-01 a  b\n",
            "cramp-coach journal 1\nnight 2026-12-01 A\n",
            "cramp-coach journal 1\nnight 2026-12-01 a\nnight 2026-12-02 a\nnight 2026-12-02 b\n",
            "cramp-coach journal 1\nnight 2026-12-01 a\ncramp 1 at=x\n",
            "cramp-coach journal 1\ncramp 1 night=2026-12-01 at=soon\n",
            "cramp-coach journal 1\ncramp 1 night=2026-12-01 at=2026-12-02T03:00:00+00:00 side=up\n",
            "cramp-coach journal 1\ncramp 1 night=2026-12-01\nnight 2026-12-02 a\n",
            "cramp-coach journal 1\nnight 2026-12-01\n",
            "cramp-coach journal 1\nnight 2026-13-01 a\n",
            "cramp-coach journal 1\nhello\n",
            "cramp-coach journal 1\n# \u{1b}[31m\n",
            "cramp-coach journal 1\n\tnight 2026-12-01 a\n",
        ] {
            assert_eq!(Seen::scan(text, tonight), None, "{text:?}");
        }
    }
}
