//! Through the command line: an episode that began before noon belongs to the night that began the
//! evening before (across a change of the clocks too), whatever the config's `day_starts_at`, which
//! still decides "tonight" for habits; and what the CLI wrote feeds insights.

use cramp_coach::journal::{Journal, Store};
use cramp_coach::{export, insights};
use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::{Offset, TimeZone};

use crate::support::LOG_ADD;
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
fn cli_episodes_before_noon_belong_to_the_night_before() {
    let home = Home::new(SETUP);
    for at in [
        "2025-06-24 00:30",
        "2025-06-24 03:59",
        "2025-06-24 04:00",
        "2025-06-24 04:30",
        "2025-06-24 11:59",
        "2025-06-24 12:00",
        "2025-06-24 23:30",
    ] {
        log_at(&home, at, &[]);
    }
    let j = load(&home);
    // The diary in time order (ids are random letters now).
    let got: Vec<(u32, Date, Timestamp)> = j
        .episodes()
        .iter()
        .zip(1..)
        .map(|(e, n)| (n, e.night, e.at))
        .collect();
    let (jun23, jun24) = (date(2025, 6, 23), date(2025, 6, 24));
    assert_eq!(
        got,
        [
            (1, jun23, utc(jun24, 0, 30)),
            (2, jun23, utc(jun24, 3, 59)),
            (3, jun23, utc(jun24, 4, 0)),
            (4, jun23, utc(jun24, 4, 30)),
            (5, jun23, utc(jun24, 11, 59)),
            (6, jun24, utc(jun24, 12, 0)),
            (7, jun24, utc(jun24, 23, 30)),
        ]
    );
    assert!(j.episodes().iter().all(|e| e.offset == Offset::UTC));

    // Insights see two cramp nights, not seven episodes on one calendar day.
    let i = insights::compute(&content(), &j, TONIGHT);
    assert_eq!(i.weeks[7].cramp_nights, 2);
    assert_eq!(i.episodes, 7);
    // The night of Jun 23 began the week: tracked from Monday.
    assert_eq!(i.weeks[7].tracked, 7);
    assert_eq!(i.weeks[6].tracked, 0);
}

#[test]
fn cli_the_noon_rule_holds_on_the_nights_the_clocks_change() {
    // London: the clocks went forward at 01:00 GMT on 2025-03-30 (01:30 did not happen; it is read
    // as 02:30 BST) and back at 02:00 BST on 2025-10-26 (01:30 happened twice; the first is taken).
    let home = Home::new(Setup {
        tz: Some("Europe/London"),
        ..SETUP
    });
    let cases = [
        ("2025-03-30 00:30", date(2025, 3, 29), 0),
        ("2025-03-30 01:30", date(2025, 3, 29), 1),
        ("2025-03-30 11:59", date(2025, 3, 29), 1),
        ("2025-03-30 12:00", date(2025, 3, 30), 1),
        ("2025-10-26 01:30", date(2025, 10, 25), 1),
        ("2025-10-26 11:59", date(2025, 10, 25), 0),
        ("2025-10-26 12:00", date(2025, 10, 26), 0),
    ];
    for (at, _, _) in cases {
        log_at(&home, at, &[]);
    }
    let got: Vec<(Date, i32)> = load(&home)
        .episodes()
        .iter()
        .map(|e| (e.night, e.offset.seconds() / 3600))
        .collect();
    let want: Vec<(Date, i32)> = cases.iter().map(|(_, n, h)| (*n, *h)).collect();
    assert_eq!(got, want);
}

#[test]
fn cli_day_starts_at_moves_tonight_for_habits_but_not_a_cramps_night() {
    // A zone where it is now between 08:00 and 09:00, hours from any boundary: "tonight" for
    // habits is today's night with day_starts_at 00:00 (and 04:00), yesterday's with 12:00; a cramp
    // now is last night's whatever the config says.
    let now = Timestamp::now();
    let utc_hour = i64::from(now.to_zoned(TimeZone::UTC).hour());
    let ahead = (8 - utc_hour + 36) % 24 - 12; // hours ahead of UTC, -12 to +11
    // A POSIX rule, as TZ takes it: "LCL-7" is seven hours ahead of UTC.
    let rule: &'static str = Box::leak(format!("LCL{}", -ahead).into_boxed_str());
    let zone = TimeZone::posix(rule).unwrap_or_else(|e| panic!("{rule}: {e}"));
    let local = now.to_zoned(zone);
    assert_eq!(local.hour(), 8, "{rule}: {local}");
    let today = local.date();
    let yesterday = today.yesterday().unwrap_or_else(|e| panic!("{e}"));

    let home = Home::new(Setup {
        tz: Some(rule),
        ..SETUP
    });
    let config = |name: &str, at: &str| home.file(name, &format!("day_starts_at = \"{at}\"\n"));
    let (midnight, noon) = (
        config("midnight.toml", "00:00"),
        config("noon.toml", "12:00"),
    );
    let check = |habit: &str, config: &[&str]| {
        let args = [&["check", habit][..], config].concat();
        home.run(&args).ok();
    };
    check("stretch", &["--config", &midnight]);
    check("bedding", &["--config", &noon]);
    check("move", &[]);
    let j = load(&home);
    let ticked = |habit: &str| {
        [yesterday, today]
            .into_iter()
            .filter(|d| j.count(*d, habit) > 0)
            .collect::<Vec<Date>>()
    };
    assert_eq!(ticked("stretch"), [today], "day_starts_at 00:00");
    assert_eq!(ticked("bedding"), [yesterday], "day_starts_at 12:00");
    assert_eq!(ticked("move"), [today], "the default, 04:00");

    // Cramps under either config: before noon, last night's; day_starts_at 00:00 does not make
    // 00:30 today's night.
    let early = today.strftime("%Y-%m-%d 00:30").to_string();
    let jun23 = date(2025, 6, 23);
    let mut want = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    // The whole id of the entry a `log add` just made: the one new in the journal, which starts
    // with the id `logged` showed.
    let mut added = |out: &crate::support::out::Out| {
        out.ok();
        let shown = logged_id(out);
        let new: Vec<String> = load(&home)
            .episodes()
            .iter()
            .map(|e| e.id.clone())
            .filter(|id| !ids.contains(id))
            .collect();
        assert_eq!(new.len(), 1, "{new:?}");
        assert!(new[0].starts_with(&shown), "#{shown} is {}", new[0]);
        ids.push(new[0].clone());
    };
    for config in [&midnight, &noon] {
        let with = ["--config", config.as_str()];
        added(&home.add("calf", "left", "3", &early, &with));
        added(&home.run(&[&LOG_ADD[..], &with].concat())); // now, between 08:00 and 09:00
        added(&home.add("calf", "left", "3", "2025-06-24 00:30", &with));
        added(&home.add("calf", "left", "3", "2025-06-23 23:59", &with));
        want.extend([yesterday, yesterday, jun23, jun23]);
    }
    // The diary keeps entries in time order; each is found by its id.
    let j = load(&home);
    assert!(
        j.episodes().windows(2).all(|w| w[0].at <= w[1].at),
        "{:?}",
        j.episodes()
    );
    let nights: Vec<Date> = ids
        .iter()
        .map(|id| {
            j.episodes()
                .iter()
                .find(|e| e.id == *id)
                .unwrap_or_else(|| panic!("#{id} in {:?}", j.episodes()))
                .night
        })
        .collect();
    assert_eq!(nights, want);
}

/// The id `cramp log add` printed (`logged #ID  ...`).
fn logged_id(out: &crate::support::out::Out) -> String {
    let id: String = out
        .stdout
        .strip_prefix("logged #")
        .unwrap_or_else(|| panic!("`cramp {}`: {:?}", out.args, out.stdout))
        .chars()
        .take_while(char::is_ascii_lowercase)
        .collect();
    assert!(id.len() >= 4, "{:?}", out.stdout);
    id
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
