//! The serde shapes of the content file: every value keeps its span, so the checker can name
//! the line and column of anything it refuses.

use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContent {
    #[serde(default)]
    pub routine: Vec<RawRoutine>,
    #[serde(default)]
    pub habit: Vec<RawHabit>,
    pub guidance: Option<S<RawGuidance>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoutine {
    pub id: S<String>,
    pub title: S<String>,
    pub kind: S<String>,
    pub summary: Option<S<String>>,
    pub muscle: Option<S<String>>,
    pub completes_habit: Option<S<String>>,
    #[serde(default)]
    pub step: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub title: S<String>,
    pub text: S<String>,
    pub seconds: Option<S<i64>>,
    pub sides: Option<S<Vec<S<String>>>>,
    pub repeat: Option<S<i64>>,
    pub rest_seconds: Option<S<i64>>,
    pub switch_seconds: Option<S<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHabit {
    pub id: S<String>,
    pub title: S<String>,
    pub hint: Option<S<String>>,
    pub target: Option<S<i64>>,
    pub days: Option<S<Vec<S<String>>>>,
    pub reminder: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuidance {
    pub disclaimer: Option<S<String>>,
    pub aftercare: Option<Vec<S<String>>>,
    pub bedtime_close: Option<Vec<S<String>>>,
    pub get_help_now: Option<Vec<S<String>>>,
    pub see_a_doctor: Option<Vec<S<String>>>,
    pub medicines: Option<S<String>>,
    pub supplements: Option<Vec<S<String>>>,
    pub reviewed: Option<S<String>>,
    pub sources: Option<Vec<S<String>>>,
    pub frequent_nights: Option<S<i64>>,
    pub frequent_weeks: Option<S<i64>>,
}

use super::shape::{Field, Kind};

const STEP: &[Field] = &[
    ("title", Kind::Str),
    ("text", Kind::Str),
    ("seconds", Kind::Int),
    ("sides", Kind::StrList),
    ("repeat", Kind::Int),
    ("rest_seconds", Kind::Int),
    ("switch_seconds", Kind::Int),
];
const ROUTINE: &[Field] = &[
    ("id", Kind::Str),
    ("title", Kind::Str),
    ("kind", Kind::Str),
    ("summary", Kind::Str),
    ("muscle", Kind::Str),
    ("completes_habit", Kind::Str),
    ("step", Kind::Tables(STEP)),
];
const HABIT: &[Field] = &[
    ("id", Kind::Str),
    ("title", Kind::Str),
    ("hint", Kind::Str),
    ("target", Kind::Int),
    ("days", Kind::StrList),
    ("reminder", Kind::Bool),
];
const GUIDANCE: &[Field] = &[
    ("disclaimer", Kind::Str),
    ("aftercare", Kind::StrList),
    ("bedtime_close", Kind::StrList),
    ("get_help_now", Kind::StrList),
    ("see_a_doctor", Kind::StrList),
    ("medicines", Kind::Str),
    ("supplements", Kind::StrList),
    ("reviewed", Kind::Str),
    ("sources", Kind::StrList),
    ("frequent_nights", Kind::Int),
    ("frequent_weeks", Kind::Int),
];
/// The content file's shape, for listing every unknown key and wrong type at once.
pub const CONTENT: &[Field] = &[
    ("routine", Kind::Tables(ROUTINE)),
    ("habit", Kind::Tables(HABIT)),
    ("guidance", Kind::Table(GUIDANCE)),
];
