//! The wall clock and the local time zone: read here, at the edge, and handed to the core as
//! values.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use cramp_coach::config::Config;
use cramp_coach::night::{in_range, night_of, range_text};

use super::exit::Failure;

/// The local time zone and, once, why `TZ` could not be used (read once a process: the
/// environment does not change under it).
fn zone() -> &'static (TimeZone, Option<String>) {
    static ZONE: std::sync::OnceLock<(TimeZone, Option<String>)> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        let tz = std::env::var_os("TZ");
        let tz = tz.as_ref().map(|v| v.to_string_lossy());
        let tzdir = std::env::var_os("TZDIR").map(std::path::PathBuf::from);
        super::zone::local_zone(tz.as_deref(), tzdir.as_deref())
    })
}

pub fn local_zone() -> TimeZone {
    zone().0.clone()
}

/// Why `TZ` was not used, if it was set and named no time zone.
pub fn zone_warning() -> Option<String> {
    zone().1.clone()
}

/// Tonight, by the system clock and time zone and the configured end of a night.
pub fn tonight(config: &Config) -> Date {
    night_of(Timestamp::now(), &local_zone(), config.day_starts_at)
}

/// A clock outside the journal's years (a dead battery, a test clock) writes nothing.
pub fn out_of_range(night: Date) -> Failure {
    Failure::io(format!(
        "the system clock says it is the night of {night}; the journal keeps {}, so nothing was written",
        range_text()
    ))
}

/// Tonight, if the journal can keep it.
pub fn tonight_in_range(config: &Config) -> Result<Date, Failure> {
    let tonight = tonight(config);
    if in_range(tonight) {
        Ok(tonight)
    } else {
        Err(out_of_range(tonight))
    }
}
