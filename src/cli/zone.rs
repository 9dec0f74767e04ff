//! The local time zone: `TZ` if it names one, else `/etc/localtime` (Unix; elsewhere the system's
//! own setting, through jiff), else UTC.
//!
//! Everything is read with a bound and without waiting on a FIFO: `TZ=/dev/zero` or a
//! multi-gigabyte file gives UTC and one warning, never a hang. A `TZ` that names no zone (a
//! typo, a missing file, a malformed rule) also gives UTC with one warning, as the C library
//! gives UTC (silently) for a `TZ` it cannot use.

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;

use cramp_coach::content::source::{BoundedError, read_bounded};
use cramp_coach::text::sanitize;

/// Largest zone file read: real ones are a few kilobytes.
pub const MAX_ZONE_BYTES: u64 = 256 * 1024;
#[cfg(unix)]
const LOCALTIME: &str = "/etc/localtime";
const ZONEINFO: &str = "/usr/share/zoneinfo";

/// The local time zone, and a warning line when `TZ` was set but could not be used.
pub fn local_zone(tz: Option<&str>, tzdir: Option<&Path>) -> (TimeZone, Option<String>) {
    let Some(value) = tz else {
        // As the C library: no TZ means the system's zone, and UTC when it has none.
        #[cfg(unix)]
        let system = zone_file(Path::new(LOCALTIME), "localtime").ok();
        #[cfg(not(unix))]
        let system = TimeZone::try_system().ok();
        return (system.unwrap_or(TimeZone::UTC), None);
    };
    let name = value.strip_prefix(':').unwrap_or(value);
    if name.is_empty() || name == "UTC" || name == "UTC0" {
        return (TimeZone::UTC, None);
    }
    match zone_named(name, tzdir) {
        Ok(tz) => (tz, None),
        Err(why) => (
            TimeZone::UTC,
            Some(format!(
                "TZ={:?}: {why}; using UTC",
                sanitize(&truncate(value, 80))
            )),
        ),
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn zone_named(name: &str, tzdir: Option<&Path>) -> Result<TimeZone, String> {
    if name.starts_with('/') {
        return zone_file(Path::new(name), name);
    }
    if is_zone_name(name) {
        let dir = tzdir.map_or_else(|| PathBuf::from(ZONEINFO), Path::to_path_buf);
        if let Ok(tz) = zone_file(&dir.join(name), name) {
            return Ok(tz);
        }
        // Other systems' zone folders (only where TZDIR does not point somewhere of its own).
        if tzdir.is_none()
            && let Ok(tz) = jiff::tz::db().get(name)
        {
            return Ok(tz);
        }
    }
    TimeZone::posix(name).map_err(|_| "not a time zone name, zone file or POSIX rule".to_string())
}

/// `Europe/Paris`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`: no way out of the zone folder.
fn is_zone_name(name: &str) -> bool {
    name.len() <= 100
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
}

fn zone_file(path: &Path, name: &str) -> Result<TimeZone, String> {
    let bytes = read_bounded(path, MAX_ZONE_BYTES).map_err(|e| match e {
        BoundedError::Io(e) => {
            format!("cannot read {}: {e}", sanitize(&path.display().to_string()))
        }
        BoundedError::TooLarge => format!(
            "{} is larger than {} KiB",
            sanitize(&path.display().to_string()),
            MAX_ZONE_BYTES / 1024
        ),
    })?;
    TimeZone::tzif(name, &bytes).map_err(|_| {
        format!(
            "{} is not a zone file",
            sanitize(&path.display().to_string())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_leave_the_zone_folder() {
        assert!(is_zone_name("Europe/Paris"));
        assert!(is_zone_name("Etc/GMT+5"));
        assert!(!is_zone_name("../../dev/zero"));
        assert!(!is_zone_name("Europe/../../etc/passwd"));
        assert!(!is_zone_name("Europe//Paris"));
    }

    #[test]
    fn endless_and_malformed_zones_give_utc_and_one_warning() {
        for tz in [
            "/dev/zero",
            "Nowhere/Atlantis",
            "/nonexistent/zone",
            "<<bad",
        ] {
            let (zone, warning) = local_zone(Some(tz), None);
            assert_eq!(zone, TimeZone::UTC, "{tz}");
            let w = warning.unwrap_or_default();
            assert!(w.contains("using UTC") && !w.contains('\n'), "{tz}: {w}");
        }
    }

    #[test]
    fn posix_rules_and_empty_tz_are_understood() {
        let (zone, warning) = local_zone(Some("EST5EDT,M3.2.0,M11.1.0"), None);
        assert!(warning.is_none());
        assert_ne!(zone, TimeZone::UTC);
        assert_eq!(local_zone(Some(""), None), (TimeZone::UTC, None));
    }
}
