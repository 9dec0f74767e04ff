//! The content file: routines, their steps, habits and the guidance texts, checked with places.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{
    Diagnostic, Diagnostics, MAX_FILE_BYTES, MAX_NESTING, SourceMap, too_deep,
};
use crate::text::sanitize;

/// The built-in content, compiled in.
pub const BUILTIN_TOML: &str = include_str!("../assets/content.toml");
/// How the built-in content is named in messages.
pub const BUILTIN_NAME: &str = "<built-in content>";

pub const MAX_STEP_SECONDS: i64 = 3600;
pub const MAX_REPEAT: i64 = 20;
pub const MAX_HABIT_TARGET: i64 = 50;
const MAX_TITLE_CHARS: usize = 80;
const MAX_TEXT_CHARS: usize = 600;
const MAX_ROUTINES: usize = 99;
const MAX_STEPS: usize = 60;
const MAX_HABITS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutineKind {
    Relief,
    Bedtime,
}

impl RoutineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RoutineKind::Relief => "relief",
            RoutineKind::Bedtime => "bedtime",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Muscle {
    Calf,
    Foot,
    Thigh,
    Other,
}

impl Muscle {
    pub const ALL: [Muscle; 4] = [Muscle::Calf, Muscle::Foot, Muscle::Thigh, Muscle::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Muscle::Calf => "calf",
            Muscle::Foot => "foot",
            Muscle::Thigh => "thigh",
            Muscle::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Muscle> {
        Muscle::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn as_str(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: String,
    pub text: String,
    /// `None`: untimed, waits for Enter.
    pub seconds: Option<u32>,
    /// Empty: no sides.
    pub sides: Vec<Side>,
    pub repeat: u32,
    pub rest_seconds: Option<u32>,
}

impl Step {
    /// Timed seconds this step takes with its sides, repeats and rests.
    pub fn total_seconds(&self) -> u64 {
        let Some(s) = self.seconds else { return 0 };
        let sides = self.sides.len().max(1) as u64;
        let reps = u64::from(self.repeat);
        let rest = u64::from(self.rest_seconds.unwrap_or(0));
        sides * (reps * u64::from(s) + (reps - 1) * rest)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routine {
    pub id: String,
    pub title: String,
    pub kind: RoutineKind,
    pub summary: Option<String>,
    pub muscle: Option<Muscle>,
    pub completes_habit: Option<String>,
    pub steps: Vec<Step>,
}

impl Routine {
    /// Timed seconds in all (untimed steps count nothing; lead-in not included).
    pub fn total_seconds(&self) -> u64 {
        self.steps.iter().map(Step::total_seconds).sum()
    }

    pub fn has_untimed_steps(&self) -> bool {
        self.steps.iter().any(|s| s.seconds.is_none())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Habit {
    pub id: String,
    pub title: String,
    pub hint: Option<String>,
    /// Counted habits: how many make the night kept.
    pub target: Option<u32>,
    /// `None`: every night.
    pub days: Option<Vec<Weekday>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guidance {
    pub disclaimer: String,
    pub aftercare: Vec<String>,
    pub get_help_now: Vec<String>,
    pub see_a_doctor: Vec<String>,
    pub medicines: String,
    pub sources: Vec<String>,
    /// The app's own "frequent cramps" threshold: cramps on this many nights a week or more...
    pub frequent_nights: u32,
    /// ...this many weeks running.
    pub frequent_weeks: u32,
}

impl Default for Guidance {
    fn default() -> Self {
        Guidance {
            disclaimer: String::new(),
            aftercare: Vec::new(),
            get_help_now: Vec::new(),
            see_a_doctor: Vec::new(),
            medicines: String::new(),
            sources: Vec::new(),
            frequent_nights: 3,
            frequent_weeks: 2,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub routines: Vec<Routine>,
    pub habits: Vec<Habit>,
    pub guidance: Guidance,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {source}", crate::text::sanitize(&path.display().to_string()))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(Diagnostics),
}

impl LoadError {
    /// The first line of the error, for a one-line warning.
    pub fn first_line(&self) -> String {
        match self {
            LoadError::Io { .. } => self.to_string(),
            LoadError::Invalid(d) => d.first().map(ToString::to_string).unwrap_or_default(),
        }
    }
}

/// Reads a TOML file with the limits every loader shares: size, nesting, UTF-8.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = match crate::fsread::read_bounded(path, MAX_FILE_BYTES) {
        Ok(b) => Some(b),
        Err(crate::fsread::BoundedError::Io(e)) => return Err(io(e)),
        Err(crate::fsread::BoundedError::TooLarge) => None,
    };
    let at = |line, column, message: String| {
        LoadError::Invalid(Diagnostics(vec![Diagnostic {
            file: path.to_path_buf(),
            line,
            column,
            message,
        }]))
    };
    let Some(bytes) = bytes else {
        return Err(at(
            1,
            1,
            format!("file is larger than {} KiB", MAX_FILE_BYTES / 1024),
        ));
    };
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let map = SourceMap::new(path, &text);
        let (line, column) = map.position(good.len());
        at(line, column, "file is not valid UTF-8".to_string())
    })
}

/// Parses TOML into `T` after the nesting check, mapping errors to places.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    source: &str,
) -> Result<T, Diagnostic> {
    let map = SourceMap::new(path, source);
    if let Some(offset) = too_deep(source) {
        return Err(map.at(
            offset..offset,
            format!("arrays or tables nested deeper than {MAX_NESTING} levels"),
        ));
    }
    toml::from_str(source).map_err(|e| map.toml_error(&e))
}

impl Content {
    /// The compiled-in content. It is checked by the test suite, so failing here is a build defect.
    #[allow(clippy::expect_used)]
    pub fn builtin() -> Content {
        Content::parse(Path::new(BUILTIN_NAME), BUILTIN_TOML).expect("built-in content is valid")
    }

    pub fn load(path: &Path) -> Result<Content, LoadError> {
        let source = read_source(path)?;
        Content::parse(path, &source).map_err(LoadError::Invalid)
    }

    pub fn parse(path: &Path, source: &str) -> Result<Content, Diagnostics> {
        let raw: RawContent = parse_toml(path, source).map_err(|d| Diagnostics(vec![d]))?;
        let mut check = Checker {
            map: SourceMap::new(path, source),
            errors: Vec::new(),
        };
        let content = check.content(raw);
        if check.errors.is_empty() {
            Ok(content)
        } else {
            // Reported in file order, whatever order the checks ran in.
            check.errors.sort_by_key(|d| (d.line, d.column));
            Err(Diagnostics(check.errors))
        }
    }

    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    pub fn habit(&self, id: &str) -> Option<&Habit> {
        self.habits.iter().find(|h| h.id == id)
    }

    /// Routines in the order the home screen shows them: relief first, then bedtime, each in file order.
    pub fn routines_for_home(&self) -> Vec<&Routine> {
        let relief = self
            .routines
            .iter()
            .filter(|r| r.kind == RoutineKind::Relief);
        let bedtime = self
            .routines
            .iter()
            .filter(|r| r.kind == RoutineKind::Bedtime);
        relief.chain(bedtime).collect()
    }
}

type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContent {
    #[serde(default)]
    routine: Vec<RawRoutine>,
    #[serde(default)]
    habit: Vec<RawHabit>,
    guidance: Option<S<RawGuidance>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutine {
    id: S<String>,
    title: S<String>,
    kind: S<String>,
    summary: Option<S<String>>,
    muscle: Option<S<String>>,
    completes_habit: Option<S<String>>,
    #[serde(default)]
    step: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    title: S<String>,
    text: S<String>,
    seconds: Option<S<i64>>,
    sides: Option<S<Vec<S<String>>>>,
    repeat: Option<S<i64>>,
    rest_seconds: Option<S<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHabit {
    id: S<String>,
    title: S<String>,
    hint: Option<S<String>>,
    target: Option<S<i64>>,
    days: Option<S<Vec<S<String>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuidance {
    disclaimer: Option<S<String>>,
    aftercare: Option<Vec<S<String>>>,
    get_help_now: Option<Vec<S<String>>>,
    see_a_doctor: Option<Vec<S<String>>>,
    medicines: Option<S<String>>,
    sources: Option<Vec<S<String>>>,
    frequent_nights: Option<S<i64>>,
    frequent_weeks: Option<S<i64>>,
}

struct Checker<'a> {
    map: SourceMap<'a>,
    errors: Vec<Diagnostic>,
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Checker<'_> {
    fn error<T>(&mut self, at: &S<T>, message: impl Into<String>) {
        self.errors.push(self.map.at(at.span(), message));
    }

    fn text(&mut self, s: &S<String>, what: &str, max: usize) -> String {
        let clean = sanitize(s.get_ref().trim()).into_owned();
        if clean.chars().all(|c| c == '\u{FFFD}' || c.is_whitespace()) {
            self.error(s, format!("{what} must not be empty"));
        } else if clean.chars().count() > max {
            self.error(s, format!("{what} is longer than {max} characters"));
        }
        clean
    }

    fn id(&mut self, s: &S<String>, what: &str, seen: &mut HashSet<String>) -> String {
        let id = s.get_ref().clone();
        if !is_valid_id(&id) {
            self.error(
                s,
                format!(
                    "{what} id {:?} must be 1 to 32 lowercase letters, digits or '-'",
                    sanitize(&id)
                ),
            );
        } else if !seen.insert(id.clone()) {
            self.error(s, format!("duplicate {what} id {id:?}"));
        }
        id
    }

    fn number(&mut self, n: &S<i64>, what: &str, min: i64, max: i64) -> u32 {
        let v = *n.get_ref();
        if v < min || v > max {
            self.error(
                n,
                format!("{what} must be a whole number from {min} to {max}, not {v}"),
            );
            return min as u32;
        }
        v as u32
    }

    fn content(&mut self, raw: RawContent) -> Content {
        let mut habit_ids = HashSet::new();
        if raw.habit.len() > MAX_HABITS {
            self.error(
                &raw.habit[MAX_HABITS].id,
                format!("more than {MAX_HABITS} habits"),
            );
        }
        let habits: Vec<Habit> = raw
            .habit
            .iter()
            .map(|h| self.habit(h, &mut habit_ids))
            .collect();
        if raw.routine.len() > MAX_ROUTINES {
            self.error(
                &raw.routine[MAX_ROUTINES].id,
                format!("more than {MAX_ROUTINES} routines"),
            );
        }
        let mut routine_ids = HashSet::new();
        let routines: Vec<Routine> = raw
            .routine
            .iter()
            .map(|r| self.routine(r, &mut routine_ids, &habit_ids))
            .collect();
        if routines.is_empty() {
            self.errors.push(self.map.at(
                0..0,
                "no routines: add at least one [[routine]] with a [[routine.step]]",
            ));
        }
        let guidance = self.guidance(raw.guidance);
        Content {
            routines,
            habits,
            guidance,
        }
    }

    fn routine(
        &mut self,
        r: &RawRoutine,
        seen: &mut HashSet<String>,
        habits: &HashSet<String>,
    ) -> Routine {
        let id = self.id(&r.id, "routine", seen);
        let title = self.text(&r.title, "title", MAX_TITLE_CHARS);
        let kind = match r.kind.get_ref().as_str() {
            "relief" => RoutineKind::Relief,
            "bedtime" => RoutineKind::Bedtime,
            other => {
                self.error(
                    &r.kind,
                    format!(
                        "unknown kind {:?}: use \"relief\" or \"bedtime\"",
                        sanitize(other)
                    ),
                );
                RoutineKind::Relief
            }
        };
        let summary = r
            .summary
            .as_ref()
            .map(|s| self.text(s, "summary", MAX_TEXT_CHARS));
        let muscle = r.muscle.as_ref().and_then(|m| {
            let parsed = Muscle::parse(m.get_ref());
            if parsed.is_none() {
                self.error(
                    m,
                    format!(
                        "unknown muscle {:?}: use calf, foot, thigh or other",
                        sanitize(m.get_ref())
                    ),
                );
            }
            parsed
        });
        let completes_habit = r.completes_habit.as_ref().map(|h| {
            if !habits.contains(h.get_ref()) {
                self.error(
                    h,
                    format!(
                        "completes_habit {:?} names no [[habit]] in this file",
                        sanitize(h.get_ref())
                    ),
                );
            }
            h.get_ref().clone()
        });
        if r.step.is_empty() {
            self.error(
                &r.id,
                format!(
                    "routine {:?} has no steps: add at least one [[routine.step]]",
                    sanitize(&id)
                ),
            );
        } else if r.step.len() > MAX_STEPS {
            self.error(
                &r.step[MAX_STEPS].title,
                format!("more than {MAX_STEPS} steps in one routine"),
            );
        }
        let steps = r.step.iter().map(|s| self.step(s)).collect();
        Routine {
            id,
            title,
            kind,
            summary,
            muscle,
            completes_habit,
            steps,
        }
    }

    fn step(&mut self, s: &RawStep) -> Step {
        let title = self.text(&s.title, "title", MAX_TITLE_CHARS);
        let text = self.text(&s.text, "text", MAX_TEXT_CHARS);
        let seconds = s
            .seconds
            .as_ref()
            .map(|n| self.number(n, "seconds", 1, MAX_STEP_SECONDS));
        let repeat = s
            .repeat
            .as_ref()
            .map_or(1, |n| self.number(n, "repeat", 1, MAX_REPEAT));
        let rest_seconds = s
            .rest_seconds
            .as_ref()
            .map(|n| self.number(n, "rest_seconds", 1, MAX_STEP_SECONDS));
        if seconds.is_none() {
            if let Some(n) = &s.repeat {
                self.error(
                    n,
                    "repeat needs seconds: an untimed step runs once, until Enter",
                );
            }
            if let Some(n) = &s.rest_seconds {
                self.error(
                    n,
                    "rest_seconds needs seconds: an untimed step has no rests",
                );
            }
        }
        let mut sides = Vec::new();
        if let Some(list) = &s.sides {
            if list.get_ref().is_empty() {
                self.error(
                    list,
                    "sides must not be empty: leave it out, or use [\"left\", \"right\"]",
                );
            }
            for side in list.get_ref() {
                let parsed = match side.get_ref().as_str() {
                    "left" => Side::Left,
                    "right" => Side::Right,
                    other => {
                        self.error(
                            side,
                            format!(
                                "unknown side {:?}: use \"left\" or \"right\"",
                                sanitize(other)
                            ),
                        );
                        continue;
                    }
                };
                if sides.contains(&parsed) {
                    self.error(side, format!("side {:?} is listed twice", parsed.as_str()));
                } else {
                    sides.push(parsed);
                }
            }
        }
        Step {
            title,
            text,
            seconds,
            sides,
            repeat,
            rest_seconds,
        }
    }

    fn habit(&mut self, h: &RawHabit, seen: &mut HashSet<String>) -> Habit {
        let id = self.id(&h.id, "habit", seen);
        let title = self.text(&h.title, "title", MAX_TITLE_CHARS);
        let hint = h
            .hint
            .as_ref()
            .map(|s| self.text(s, "hint", MAX_TEXT_CHARS));
        let target = h
            .target
            .as_ref()
            .map(|n| self.number(n, "target", 1, MAX_HABIT_TARGET));
        let days = h.days.as_ref().map(|list| {
            if list.get_ref().is_empty() {
                self.error(list, "days must not be empty: leave it out for every night");
            }
            let mut days = Vec::new();
            for d in list.get_ref() {
                match Weekday::ALL.into_iter().find(|w| w.as_str() == d.get_ref()) {
                    Some(w) if days.contains(&w) => {
                        self.error(d, format!("day {:?} is listed twice", w.as_str()))
                    }
                    Some(w) => days.push(w),
                    None => self.error(
                        d,
                        format!(
                            "unknown day {:?}: use mon tue wed thu fri sat sun",
                            sanitize(d.get_ref())
                        ),
                    ),
                }
            }
            days.sort();
            days
        });
        Habit {
            id,
            title,
            hint,
            target,
            days,
        }
    }

    fn lines(&mut self, list: &Option<Vec<S<String>>>, what: &str) -> Option<Vec<String>> {
        list.as_ref().map(|l| {
            l.iter()
                .map(|s| self.text(s, what, MAX_TEXT_CHARS))
                .collect()
        })
    }

    fn guidance(&mut self, raw: Option<S<RawGuidance>>) -> Guidance {
        let fallback = if self.map_is_builtin() {
            Guidance::default()
        } else {
            Content::builtin().guidance
        };
        let Some(raw) = raw else { return fallback };
        let g = raw.into_inner();
        Guidance {
            disclaimer: g.disclaimer.as_ref().map_or(fallback.disclaimer, |s| {
                self.text(s, "disclaimer", MAX_TEXT_CHARS)
            }),
            aftercare: self
                .lines(&g.aftercare, "aftercare")
                .unwrap_or(fallback.aftercare),
            get_help_now: self
                .lines(&g.get_help_now, "get_help_now")
                .unwrap_or(fallback.get_help_now),
            see_a_doctor: self
                .lines(&g.see_a_doctor, "see_a_doctor")
                .unwrap_or(fallback.see_a_doctor),
            medicines: g.medicines.as_ref().map_or(fallback.medicines, |s| {
                self.text(s, "medicines", MAX_TEXT_CHARS)
            }),
            sources: self
                .lines(&g.sources, "sources")
                .unwrap_or(fallback.sources),
            frequent_nights: g
                .frequent_nights
                .as_ref()
                .map_or(fallback.frequent_nights, |n| {
                    self.number(n, "frequent_nights", 1, 7)
                }),
            frequent_weeks: g
                .frequent_weeks
                .as_ref()
                .map_or(fallback.frequent_weeks, |n| {
                    self.number(n, "frequent_weeks", 1, 8)
                }),
        }
    }

    fn map_is_builtin(&self) -> bool {
        self.map.file() == Path::new(BUILTIN_NAME)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(src: &str) -> Vec<String> {
        match Content::parse(Path::new("c.toml"), src) {
            Ok(_) => Vec::new(),
            Err(d) => d.0.iter().map(ToString::to_string).collect(),
        }
    }

    const ONE: &str = "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n[[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull the toes.\"\n";

    #[test]
    fn builtin_content_meets_the_brief() {
        let c = Content::builtin();
        let relief: Vec<_> = c
            .routines
            .iter()
            .filter(|r| r.kind == RoutineKind::Relief)
            .collect();
        assert!(relief.len() >= 3);
        assert_eq!(relief[0].id, "calf");
        for r in &relief {
            assert_eq!(
                r.steps[0].seconds, None,
                "{} starts with a hold-until-it-lets-go step",
                r.id
            );
        }
        let bedtime = c.routines.iter().find(|r| r.kind == RoutineKind::Bedtime);
        let bedtime = bedtime.unwrap_or_else(|| panic!("a bedtime routine"));
        for step in &bedtime.steps {
            assert_eq!(
                (step.seconds, step.repeat, step.rest_seconds),
                (Some(10), 3, Some(10))
            );
            assert_eq!(step.sides, vec![Side::Left, Side::Right]);
        }
        assert!(c.habits.len() >= 6);
        assert!(!c.guidance.see_a_doctor.is_empty() && !c.guidance.get_help_now.is_empty());
    }

    #[test]
    fn minimal_file_loads_with_builtin_guidance() {
        let c = Content::parse(Path::new("c.toml"), ONE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.routines[0].steps[0].seconds, None);
        assert!(c.habits.is_empty());
        assert_eq!(c.guidance, Content::builtin().guidance);
    }

    #[test]
    fn semantic_errors_carry_line_and_column() {
        let src = ONE
            .replace("kind = \"relief\"", "kind = \"nap\"")
            .replace("id = \"calf\"", "id = \"Calf!\"")
            + "seconds = 0\n";
        assert_eq!(
            errors(&src),
            vec![
                "c.toml:2:6: routine id \"Calf!\" must be 1 to 32 lowercase letters, digits or '-'",
                "c.toml:4:8: unknown kind \"nap\": use \"relief\" or \"bedtime\"",
                "c.toml:8:11: seconds must be a whole number from 1 to 3600, not 0",
            ]
        );
    }

    #[test]
    fn duplicates_absurd_values_and_empty_routines() {
        let src = format!(
            "{ONE}seconds = 99999\nrepeat = 0\n{ONE}[[routine]]\nid = \"x\"\ntitle = \"X\"\nkind = \"bedtime\"\n"
        );
        let e = errors(&src);
        assert_eq!(e.len(), 4, "{e:#?}");
        assert!(e[0].starts_with("c.toml:8:11: seconds must be a whole number from 1 to 3600"));
        assert!(e[1].starts_with("c.toml:9:10: repeat must be"));
        assert_eq!(e[2], "c.toml:11:6: duplicate routine id \"calf\"");
        assert_eq!(
            e[3],
            "c.toml:18:6: routine \"x\" has no steps: add at least one [[routine.step]]"
        );
    }

    #[test]
    fn unknown_keys_and_types_are_toml_errors_with_places() {
        let e = errors(&format!("{ONE}secs = 3\n"));
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("c.toml:8:1: unknown field `secs`"),
            "{e:?}"
        );
        let e = errors(&format!("{ONE}seconds = \"30\"\n"));
        assert!(e[0].starts_with("c.toml:8:11: "), "{e:?}");
        let e = errors(&format!("{ONE}seconds = -5\n"));
        assert!(e[0].starts_with("c.toml:8:11: seconds must be"), "{e:?}");
        let e = errors(&format!("{ONE}seconds = 2.5\n"));
        assert!(e[0].starts_with("c.toml:8:11: "), "{e:?}");
    }

    #[test]
    fn no_routines_is_an_error() {
        assert_eq!(
            errors(""),
            vec!["c.toml:1:1: no routines: add at least one [[routine]] with a [[routine.step]]"]
        );
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let src = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = errors(&src);
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("c.toml:1:"), "{e:?}");
        assert!(e[0].contains("nested deeper"), "{e:?}");
    }

    #[test]
    fn control_characters_in_text_are_replaced() {
        let src = ONE.replace("Pull the toes.", "Pull\\u001b[2J the\\u202e toes.");
        let c = Content::parse(Path::new("c.toml"), &src).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.routines[0].steps[0].text,
            "Pull\u{FFFD}[2J the\u{FFFD} toes."
        );
    }

    #[test]
    fn totals_count_sides_repeats_and_rests() {
        let c = Content::builtin();
        let bedtime = c.routines.iter().find(|r| r.kind == RoutineKind::Bedtime);
        assert_eq!(bedtime.map(Routine::total_seconds), Some(200));
    }
}
