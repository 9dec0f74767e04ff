//! The content file's types and their API: routines, their steps, habits and the guidance texts.
//!
//! `raw` holds the serde shapes the TOML is read into, `check` turns them into these types with
//! every problem named by FILE:LINE:COL, and `source` reads a file within limits and maps parser
//! errors to places (shared with the config).

mod check;
mod raw;
/// The content file's top-level shape (the keys a content file may hold).
pub use raw::CONTENT as SHAPE;
pub mod shape;
pub mod source;

use std::path::Path;

pub use check::is_valid_id;
pub use source::{Diagnostic, Diagnostics, LoadError};

use check::Checker;
use raw::RawContent;
use source::{SourceMap, parse_toml, read_source};

/// The built-in content, compiled in.
pub const BUILTIN_TOML: &str = include_str!("../../assets/content.toml");
/// How the built-in content is named in messages.
pub const BUILTIN_NAME: &str = "<built-in content>";

pub const MAX_STEP_SECONDS: i64 = 3600;
pub const MAX_REPEAT: i64 = 20;
pub const MAX_HABIT_TARGET: i64 = 50;
pub const MAX_SWITCH_SECONDS: i64 = 60;
/// Seconds to change legs or get into position, in a routine with sides, unless a step says.
pub const DEFAULT_SWITCH_SECONDS: u32 = 5;
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

    /// As a person reads it: "Mon".
    pub fn name(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
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
    /// Seconds to get into position before this step (when it is not the first) and to change
    /// legs between its sides; 0: none. Default 5 in a routine with sides, else 0.
    pub switch_seconds: u32,
}

impl Step {
    /// Timed seconds this step takes with its sides, repeats, rests and changes of leg (not the
    /// positioning before it: see [`Routine::total_seconds`]).
    pub fn total_seconds(&self) -> u64 {
        let Some(s) = self.seconds else { return 0 };
        let sides = self.sides.len().max(1) as u64;
        let reps = u64::from(self.repeat);
        let rest = u64::from(self.rest_seconds.unwrap_or(0));
        sides * (reps * u64::from(s) + (reps - 1) * rest)
            + (sides - 1) * u64::from(self.switch_seconds)
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
    /// Timed seconds in all, getting into position between steps included (untimed steps count
    /// nothing; the lead-in is not included).
    pub fn total_seconds(&self) -> u64 {
        let positioning: u64 = self
            .steps
            .iter()
            .skip(1)
            .map(|s| u64::from(s.switch_seconds))
            .sum();
        self.steps.iter().map(Step::total_seconds).sum::<u64>() + positioning
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
    /// `cramp status --due` reminds of it while it is open (default false; when no habit says,
    /// the habit a bedtime routine completes is the reminder).
    pub reminder: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guidance {
    pub disclaimer: String,
    /// After relief: what to do next (keep moving, warmth, wait before driving…).
    pub aftercare: Vec<String>,
    /// After the bedtime routine: a short close instead of cramp aftercare.
    pub bedtime_close: Vec<String>,
    pub get_help_now: Vec<String>,
    pub see_a_doctor: Vec<String>,
    pub medicines: String,
    /// Supplements, each with how good the evidence is, always "ask your clinician", never a dose.
    pub supplements: Vec<String>,
    pub sources: Vec<String>,
    /// When the guidance was last checked against its sources (`YYYY-MM-DD`), if the file says.
    pub reviewed: Option<jiff::civil::Date>,
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
            bedtime_close: Vec::new(),
            get_help_now: Vec::new(),
            see_a_doctor: Vec::new(),
            medicines: String::new(),
            supplements: Vec::new(),
            sources: Vec::new(),
            reviewed: None,
            frequent_nights: 3,
            frequent_weeks: 2,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    /// In home order: relief first, then bedtime, each in file order.
    pub routines: Vec<Routine>,
    pub habits: Vec<Habit>,
    pub guidance: Guidance,
}

impl Content {
    /// The compiled-in content. It is checked by the test suite, so failing here is a build defect.
    #[expect(
        clippy::expect_used,
        reason = "the compiled-in content.toml is checked by the test suite"
    )]
    pub fn builtin() -> Content {
        Content::parse(Path::new(BUILTIN_NAME), BUILTIN_TOML).expect("built-in content is valid")
    }

    /// The built-in habits and the bedtime routine alone: the end of the built-in file from its
    /// last routine on (the bedtime routine, then the habits), for `cramp status`, which needs
    /// nothing else and runs on every prompt. A test checks it against the whole file.
    pub fn builtin_habits() -> Content {
        BUILTIN_TOML
            .rfind("\n[[routine]]")
            .and_then(|at| Content::parse(Path::new(BUILTIN_NAME), &BUILTIN_TOML[at + 1..]).ok())
            .unwrap_or_else(Content::builtin)
    }

    pub fn load(path: &Path) -> Result<Content, LoadError> {
        let source = read_source(path)?;
        Content::parse(path, &source).map_err(LoadError::Invalid)
    }

    pub fn parse(path: &Path, source: &str) -> Result<Content, Diagnostics> {
        let (raw, shape_errors): (RawContent, _) = parse_toml(path, source, raw::CONTENT)?;
        let mut check = Checker {
            map: SourceMap::new(path, source),
            errors: Vec::new(),
        };
        let mut content = check.content(raw);
        check.errors = source::all_errors(shape_errors, check.errors);
        if check.errors.is_empty() {
            // Home order, once: relief first, then bedtime, each in file order. The home list,
            // the number keys and the runner then share one index.
            content
                .routines
                .sort_by_key(|r| r.kind == RoutineKind::Bedtime);
            Ok(content)
        } else {
            Err(Diagnostics(check.errors))
        }
    }

    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    pub fn habit(&self, id: &str) -> Option<&Habit> {
        self.habits.iter().find(|h| h.id == id)
    }
}
