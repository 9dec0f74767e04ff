//! Through the command line: an episode logged after midnight belongs to the night before until
//! the day starts (04:00, or the config's `day_starts_at`), and what the CLI wrote feeds insights.

use cramp_coach::journal::{Journal, Store};
use cramp_coach::{export, insights};
use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::Offset;

use crate::support::home::{Home, Setup};
use crate::{TONIGHT, content, utc};

/// `--data-dir HOME/data`, every XDG folder in the home, TZ=UTC; no hang guard.
const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("UTC"),
    state_and_cache: true,
    hang_guard: None,
    ..Setup::BASE
};

/// `cramp log add` of a calf cramp at `at` (with `extra` flags); must succeed.
fn log_at(home: &Home, at: &str, extra: &[&str]) {
    home.add("calf", "left", "3", at, extra);
}

fn load(home: &Home) -> Journal {
    Store::new(home.data())
        .load()
        .unwrap_or_else(|e| panic!("the journal the CLI wrote does not load: {e}"))
}

#[test]
fn cli_episodes_after_midnight_belong_to_the_night_before_until_four() {
    let home = Home::new(SETUP);
    log_at(&home, "2025-06-24 00:30", &[]);
    log_at(&home, "2025-06-24 03:59", &[]);
    log_at(&home, "2025-06-24 04:00", &[]);
    log_at(&home, "2025-06-24 04:30", &[]);
    log_at(&home, "2025-06-24 23:30", &[]);
    let j = load(&home);
    let got: Vec<(u32, Date, Timestamp)> =
        j.episodes().iter().map(|e| (e.id, e.night, e.at)).collect();
    assert_eq!(
        got,
        [
            (1, date(2025, 6, 23), utc(date(2025, 6, 24), 0, 30)),
            (2, date(2025, 6, 23), utc(date(2025, 6, 24), 3, 59)),
            (3, date(2025, 6, 24), utc(date(2025, 6, 24), 4, 0)),
            (4, date(2025, 6, 24), utc(date(2025, 6, 24), 4, 30)),
            (5, date(2025, 6, 24), utc(date(2025, 6, 24), 23, 30)),
        ]
    );
    assert!(j.episodes().iter().all(|e| e.offset == Offset::UTC));

    // Insights see two cramp nights, not five episodes on two calendar days.
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!(i.weeks[7].cramp_nights, 2);
    assert_eq!(i.episodes, 5);
    // The night of Jun 23 began the week: tracked from Monday.
    assert_eq!(i.weeks[7].tracked, 7);
    assert_eq!(i.weeks[6].tracked, 0);
}

#[test]
fn cli_night_boundary_follows_day_starts_at_from_the_config() {
    let home = Home::new(SETUP);
    let config = home.path().join("config.toml");
    std::fs::write(&config, "day_starts_at = \"00:00\"\n")
        .unwrap_or_else(|e| panic!("write config: {e}"));
    let config = config.to_string_lossy().into_owned();
    log_at(&home, "2025-06-24 00:30", &["--config", &config]);
    log_at(&home, "2025-06-23 23:59", &["--config", &config]);
    let nights: Vec<Date> = load(&home).episodes().iter().map(|e| e.night).collect();
    assert_eq!(nights, [date(2025, 6, 24), date(2025, 6, 23)]);
}

#[test]
fn cli_episodes_feed_insights_and_red_flag_counts() {
    let home = Home::new(SETUP);
    log_at(&home, "2025-06-24 00:30", &["--symptoms"]);
    log_at(&home, "2025-06-25 02:00", &["--minutes", "11"]);
    log_at(&home, "2025-06-26 02:00", &["--minutes", "10"]);
    let j = load(&home);
    let seconds: Vec<Option<u32>> = j.episodes().iter().map(|e| e.seconds).collect();
    assert_eq!(seconds, [None, Some(660), Some(600)]);
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!((i.red_flag_episodes, i.episodes), (2, 3));
    let md = export::markdown(&content(), &j, None, TONIGHT);
    assert!(
        md.contains("- Episodes reporting a warning sign: 2"),
        "{md}"
    );
    assert!(md.contains("- Period: nights of 2025-06-23 to 2025-06-29 (7 nights)"));
}
