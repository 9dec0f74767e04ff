//! `cramp check`: `--undo`, counted habits, a kept habit ticked again, and refused commands that
//! write nothing.

use std::fs;

use jiff::civil::date;

use crate::support::HABIT_IDS;
use crate::support::home::Home;
use crate::{SETUP, assert_exit, fingerprint, plus_days, stderr, stdout, tick_set};

fn habits_line(home: &Home, night: &str, habit: &str) -> String {
    let out = home.output(&["habits", "--date", night]);
    assert_exit(&out, 0);
    stdout(&out)
        .lines()
        .find(|l| {
            l.split_once("] ")
                .and_then(|(_, rest)| rest.split(' ').next())
                == Some(habit)
        })
        .unwrap_or_else(|| panic!("no {habit} line in:\n{}", stdout(&out)))
        .to_string()
}

#[test]
fn counted_habit_counts_up_and_undo_counts_down() {
    let home = Home::new(SETUP);
    let night = "2025-02-10";
    for n in 1..=3 {
        let out = home.output(&["check", "fluids", "--date", night]);
        assert_exit(&out, 0);
        assert!(
            stdout(&out).starts_with(&format!("[{n}/6] fluids ")),
            "{}",
            stdout(&out)
        );
    }
    let out = home.output(&["check", "fluids", "--date", night, "--undo"]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).starts_with("[2/6] fluids "),
        "{}",
        stdout(&out)
    );
    assert!(habits_line(&home, night, "fluids").starts_with("[2/6] fluids "));
    assert!(habits_line(&home, night, "stretch").starts_with("[ ] stretch "));
    assert_eq!(home.parsed().count(date(2025, 2, 10), "fluids"), 2);
    // Count 2 after four changes (three up, one down): the change number is written after `~`.
    let text = fs::read_to_string(home.journal()).unwrap();
    assert!(text.starts_with("cramp-coach journal 2\n"), "{text}");
    assert!(text.contains("\nnight 2025-02-10 fluids=2~4\n"), "{text}");
    // Down to nothing: nothing kept, the night stays in the file as taken back (`=0`), six
    // changes on, so a copy that saw fewer changes cannot bring a count back in a merge.
    for _ in 0..2 {
        assert_exit(
            &home.output(&["check", "fluids", "--date", night, "--undo"]),
            0,
        );
    }
    assert!(home.parsed().is_empty());
    assert_eq!(home.parsed().nights().count(), 0);
    let text = fs::read_to_string(home.journal()).unwrap();
    assert!(text.contains("\nnight 2025-02-10 fluids=0~6\n"), "{text}");
    assert!(habits_line(&home, night, "fluids").starts_with("[0/6] fluids "));
    // Another undo at zero changes nothing, not even the file.
    let before = fingerprint(&home.journal());
    assert_exit(
        &home.output(&["check", "fluids", "--date", night, "--undo"]),
        0,
    );
    assert_eq!(fingerprint(&home.journal()), before);
}

#[test]
fn undo_on_an_unticked_night_adds_nothing() {
    let home = Home::new(SETUP);
    assert_exit(
        &home.output(&["check", "stretch", "--date", "2025-01-02"]),
        0,
    );
    let out = home.output(&["check", "stretch", "--date", "2025-01-01", "--undo"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).starts_with("[ ] stretch "), "{}", stdout(&out));
    let text = fs::read_to_string(home.journal()).unwrap();
    assert!(!text.contains("2025-01-01"), "{text}");
    let j = home.parsed();
    assert_eq!(
        tick_set(&j),
        [(date(2025, 1, 2), "stretch".to_string(), 1)].into()
    );
    // Undo of a tick that is there removes that night.
    assert_exit(
        &home.output(&["check", "stretch", "--date", "2025-01-02", "--undo"]),
        0,
    );
    assert!(home.parsed().is_empty());
    // In a fresh home, undo leaves no night either (a file, if any, is an empty journal).
    let fresh = Home::new(SETUP);
    assert_exit(
        &fresh.output(&["check", "fluids", "--date", "2025-01-01", "--undo"]),
        0,
    );
    if fresh.journal().exists() {
        assert!(fresh.parsed().is_empty());
    }
}

#[test]
fn ticking_a_kept_habit_again_does_not_rewrite_the_file() {
    let home = Home::new(SETUP);
    assert_exit(
        &home.output(&["check", "bedding", "--date", "2025-01-01"]),
        0,
    );
    let before = fingerprint(&home.journal());
    let out = home.output(&["check", "bedding", "--date", "2025-01-01"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).starts_with("[x] bedding "), "{}", stdout(&out));
    assert_eq!(fingerprint(&home.journal()), before);
}

#[test]
fn a_future_night_is_refused_and_nothing_is_written() {
    // Two days after today in UTC is after tonight whatever the hour (the binary runs with TZ=UTC).
    let soon = plus_days(
        jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date(),
        2,
    );
    for night in [soon.to_string(), "2099-12-31".to_string()] {
        let home = Home::new(SETUP);
        for args in [
            &["check", "stretch", "--date", night.as_str()][..],
            &["check", "fluids", "--date", night.as_str(), "--undo"],
        ] {
            let out = home.output(args);
            assert_exit(&out, 2);
            assert!(stderr(&out).contains("in the future"), "{}", stderr(&out));
            assert!(
                !home.data().exists(),
                "{args:?} created {}",
                home.data().display()
            );
        }
    }
}

#[test]
fn an_unknown_habit_is_refused_with_the_list_and_nothing_is_written() {
    let home = Home::new(SETUP);
    let out = home.output(&["check", "hydration", "--date", "2025-01-01"]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("\"hydration\""), "{err}");
    for id in HABIT_IDS {
        assert!(err.contains(id), "{err} lists {id}");
    }
    assert!(!home.data().exists());
    // With a journal there: not touched.
    assert_exit(
        &home.output(&["check", "stretch", "--date", "2025-01-01"]),
        0,
    );
    let before = fingerprint(&home.journal());
    assert_exit(
        &home.output(&["check", "Stretch", "--date", "2025-01-01"]),
        2,
    );
    assert_exit(
        &home.output(&["check", "stretch", "--date", "2025-13-01"]),
        2,
    );
    assert_eq!(fingerprint(&home.journal()), before);
}
