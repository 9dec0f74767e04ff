//! Nights, not calendar days: a tick at 00:30 belongs to the night that began the evening before.
//!
//! A night is named by the civil date of the evening it began. It ends at `day_starts_at` local time.
//! Everything takes the instant and the time zone as inputs; nothing here reads a clock.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::config::DayStart;

/// `YYYY-MM-DD`, strictly.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        b[r].iter().try_fold(0i32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// The first and last nights the journal keeps. Every date in between is written and read back
/// as it was (four-digit years, in any UTC offset); no diary needs more, and dates outside are
/// refused where they come in.
pub const FIRST_NIGHT: Date = jiff::civil::date(1900, 1, 1);
pub const LAST_NIGHT: Date = jiff::civil::date(2999, 12, 31);

/// Whether the journal keeps `night` (see [`FIRST_NIGHT`]).
pub fn in_range(night: Date) -> bool {
    (FIRST_NIGHT..=LAST_NIGHT).contains(&night)
}

/// "nights from 1900-01-01 to 2999-12-31", for messages and help.
pub fn range_text() -> String {
    format!("nights from {FIRST_NIGHT} to {LAST_NIGHT}")
}

fn boundary_time(day_start: DayStart) -> Time {
    Time::constant(day_start.hour as i8, day_start.minute as i8, 0, 0)
}

/// The instant the night named `date` begins: `day_starts_at` on that date, in the zone. Where that
/// wall-clock time does not exist (a clock jumps forward over it), the instant the clock lands after
/// the gap; where it happens twice, the first.
pub fn night_start(date: Date, tz: &TimeZone, day_start: DayStart) -> Option<Timestamp> {
    let local = date.to_datetime(boundary_time(day_start));
    tz.to_ambiguous_zoned(local)
        .compatible()
        .ok()
        .map(|z| z.timestamp())
}

/// The night an instant belongs to, in a time zone. Measured against the instants nights begin, so
/// the night never goes backwards when a clock is turned back over the boundary.
pub fn night_of(at: Timestamp, tz: &TimeZone, day_start: DayStart) -> Date {
    let candidate = night_of_civil(tz.to_datetime(at), day_start);
    let starts = |d: Option<Date>| d.and_then(|d| night_start(d, tz, day_start));
    if let Some(next) = candidate.tomorrow().ok()
        && starts(Some(next)).is_some_and(|s| at >= s)
    {
        return next;
    }
    if starts(Some(candidate)).is_some_and(|s| at < s)
        && let Ok(previous) = candidate.yesterday()
    {
        return previous;
    }
    candidate
}

/// The night a local wall-clock time belongs to.
pub fn night_of_civil(local: DateTime, day_start: DayStart) -> Date {
    if local.time() < boundary_time(day_start) {
        local.date().yesterday().unwrap_or(local.date())
    } else {
        local.date()
    }
}

/// The hour before which a cramp belongs to the night slept through.
pub const CRAMP_NIGHT_ENDS: Time = Time::constant(12, 0, 0, 0);

/// The night a cramp belongs to: one that began between midnight and noon, local time, woke the
/// person from the night that began the evening before (a cramp at 04:29 or at 06:00 is last
/// night's, whatever `day_starts_at` says for habits ticked by day); from noon on, the night that
/// begins that evening.
pub fn night_of_cramp(at: Timestamp, tz: &TimeZone) -> Date {
    let local = tz.to_datetime(at);
    if local.time() < CRAMP_NIGHT_ENDS {
        local.date().yesterday().unwrap_or(local.date())
    } else {
        local.date()
    }
}

/// The first instant after `at` when the night changes.
pub fn next_rollover(at: Timestamp, tz: &TimeZone, day_start: DayStart) -> Timestamp {
    let mut date = night_of(at, tz, day_start);
    for _ in 0..4 {
        let Ok(next) = date.tomorrow() else { break };
        if let Some(start) = night_start(next, tz, day_start)
            && start > at
        {
            return start;
        }
        date = next;
    }
    at.checked_add(1.hour()).unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn at(tz: &TimeZone, y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
        let dt = jiff::civil::date(y, m, d).at(h, min, 0, 0);
        tz.to_ambiguous_zoned(dt)
            .compatible()
            .map(|z| z.timestamp())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    const FOUR: DayStart = DayStart { hour: 4, minute: 0 };

    #[test]
    fn a_cramp_before_noon_belongs_to_the_night_slept_through_across_dst() {
        // London, the night the clocks went back (2026-10-25, 02:00 BST → 01:00 GMT) and the
        // night they went forward (2026-03-29, 01:00 GMT → 02:00 BST); São Paulo, where one
        // midnight never happened (2018-11-04).
        for (name, y, m, d) in [
            ("Europe/London", 2026, 10, 25),
            ("Europe/London", 2026, 3, 29),
            ("America/Sao_Paulo", 2018, 11, 4),
            ("UTC", 2026, 12, 1),
        ] {
            let tz = zone(name);
            let day = jiff::civil::date(y, m, d);
            let before = day.yesterday().unwrap_or(day);
            for (h, min) in [(0, 30), (1, 30), (4, 29), (6, 0), (11, 59)] {
                let t = at(&tz, y, m, d, h, min);
                assert_eq!(night_of_cramp(t, &tz), before, "{name} {day} {h}:{min}");
            }
            for (h, min) in [(12, 0), (18, 0), (23, 59)] {
                let t = at(&tz, y, m, d, h, min);
                assert_eq!(night_of_cramp(t, &tz), day, "{name} {day} {h}:{min}");
            }
        }
    }

    #[test]
    fn after_midnight_belongs_to_the_evening_before() {
        let tz = zone("Europe/London");
        assert_eq!(
            night_of(at(&tz, 2026, 11, 28, 0, 30), &tz, FOUR),
            jiff::civil::date(2026, 11, 27)
        );
        assert_eq!(
            night_of(at(&tz, 2026, 11, 28, 3, 59), &tz, FOUR),
            jiff::civil::date(2026, 11, 27)
        );
        assert_eq!(
            night_of(at(&tz, 2026, 11, 28, 4, 0), &tz, FOUR),
            jiff::civil::date(2026, 11, 28)
        );
        assert_eq!(
            night_of(at(&tz, 2026, 11, 28, 22, 0), &tz, FOUR),
            jiff::civil::date(2026, 11, 28)
        );
        let midnight = DayStart { hour: 0, minute: 0 };
        assert_eq!(
            night_of(at(&tz, 2026, 11, 28, 0, 30), &tz, midnight),
            jiff::civil::date(2026, 11, 28)
        );
    }

    #[test]
    fn rollover_is_the_next_boundary() {
        let tz = zone("Europe/London");
        let now = at(&tz, 2026, 11, 27, 23, 0);
        assert_eq!(next_rollover(now, &tz, FOUR), at(&tz, 2026, 11, 28, 4, 0));
        let late = at(&tz, 2026, 11, 28, 4, 0);
        assert_eq!(next_rollover(late, &tz, FOUR), at(&tz, 2026, 11, 29, 4, 0));
    }

    #[test]
    fn sao_paulo_2018_11_04_has_no_midnight() {
        // Clocks went from 23:59:59 on the 3rd straight to 01:00 on the 4th.
        let tz = zone("America/Sao_Paulo");
        let midnight = DayStart { hour: 0, minute: 0 };
        let evening = at(&tz, 2018, 11, 3, 22, 0);
        let roll = next_rollover(evening, &tz, midnight);
        assert_eq!(
            tz.to_datetime(roll),
            jiff::civil::date(2018, 11, 4).at(1, 0, 0, 0)
        );
        assert_eq!(
            roll.duration_since(evening).as_secs(),
            2 * 3600,
            "23:59:59 jumps to 01:00"
        );
        assert_eq!(
            night_of(roll, &tz, midnight),
            jiff::civil::date(2018, 11, 4)
        );
        let just_before = Timestamp::from_second(roll.as_second() - 1).unwrap_or(roll);
        assert_eq!(
            night_of(just_before, &tz, midnight),
            jiff::civil::date(2018, 11, 3)
        );
        // With the usual 04:00 boundary the night of the 3rd is one hour shorter, and still one night.
        let four = next_rollover(evening, &tz, FOUR);
        assert_eq!(
            tz.to_datetime(four),
            jiff::civil::date(2018, 11, 4).at(4, 0, 0, 0)
        );
        assert_eq!(four.duration_since(evening).as_secs(), 5 * 3600);
    }

    #[test]
    fn amman_2021_10_29_has_two_midnights() {
        // Clocks went back from 01:00 to 00:00: the hour after midnight happened twice.
        let tz = zone("Asia/Amman");
        let half_past = DayStart {
            hour: 0,
            minute: 30,
        };
        let evening = at(&tz, 2021, 10, 28, 22, 0);
        let first = next_rollover(evening, &tz, half_past);
        let day = jiff::civil::date(2021, 10, 29);
        // The wall clock reads `h:m` on the 29th at `t`, and `t` is in the night of the 29th.
        let reads = |t: Timestamp, h: i8, m: i8| {
            assert_eq!(tz.to_datetime(t), day.at(h, m, 0, 0));
            assert_eq!(night_of(t, &tz, half_past), day);
        };
        reads(first, 0, 30);
        // An hour later the wall clock reads 00:30 again, but the night has already changed once.
        reads(first.checked_add(1.hour()).unwrap_or(first), 0, 30);
        // The second 00:15, after the clock went back, is still the new night: it never goes backwards.
        reads(first.checked_add(45.minutes()).unwrap_or(first), 0, 15);
        let next = next_rollover(first, &tz, half_past);
        assert_eq!(
            tz.to_datetime(next),
            jiff::civil::date(2021, 10, 30).at(0, 30, 0, 0)
        );
        // A 01:30 on that day is unambiguous and in the new night.
        assert_eq!(
            night_of(at(&tz, 2021, 10, 29, 1, 30), &tz, FOUR),
            jiff::civil::date(2021, 10, 28)
        );
    }

    #[test]
    fn a_change_of_time_zone_moves_the_night_not_the_journal() {
        // The same instant: 02:00 in Berlin (still the night of the 27th) is 20:00 the evening before
        // in New York, and 10:00 on the 28th in Tokyo.
        let berlin = zone("Europe/Berlin");
        let instant = at(&berlin, 2026, 11, 28, 2, 0);
        assert_eq!(
            night_of(instant, &berlin, FOUR),
            jiff::civil::date(2026, 11, 27)
        );
        assert_eq!(
            night_of(instant, &zone("America/New_York"), FOUR),
            jiff::civil::date(2026, 11, 27)
        );
        assert_eq!(
            night_of(instant, &zone("Asia/Tokyo"), FOUR),
            jiff::civil::date(2026, 11, 28)
        );
    }

    #[test]
    fn rollover_is_always_in_the_future_and_changes_the_night() {
        for name in [
            "America/Sao_Paulo",
            "Asia/Amman",
            "Europe/London",
            "Australia/Lord_Howe",
            "UTC",
        ] {
            let tz = zone(name);
            for day_start in [
                DayStart { hour: 0, minute: 0 },
                DayStart {
                    hour: 0,
                    minute: 30,
                },
                FOUR,
            ] {
                let mut t = at(&tz, 2018, 1, 1, 12, 0);
                let end = at(&tz, 2022, 1, 1, 12, 0);
                while t < end {
                    let night = night_of(t, &tz, day_start);
                    let next = next_rollover(t, &tz, day_start);
                    assert!(next > t, "{name}");
                    assert!(next.duration_since(t).as_hours() <= 26, "{name} {t}");
                    assert_eq!(
                        night_of(next, &tz, day_start),
                        night.tomorrow().unwrap_or(night),
                        "{name} {t}"
                    );
                    t = next;
                }
            }
        }
    }
}
