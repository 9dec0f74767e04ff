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
