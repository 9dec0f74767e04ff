//! `log add` of a cramp with symptoms or longer than 10 minutes shows when to get help at once.

use crate::support::home::Home;
use crate::support::out::Out;
use crate::{SETUP, shipped_content};

fn assert_get_help_shown(out: &Out) {
    let g = shipped_content().guidance;
    for line in [&g.get_help_now[0], &g.see_a_doctor[1], &g.see_a_doctor[3]] {
        assert!(
            out.stdout.contains(line.as_str()),
            "`cramp {}` does not show {line:?}:\n{}",
            out.args,
            out.stdout
        );
    }
    assert!(out.stdout.contains("When to get help"), "{}", out.stdout);
}

fn assert_get_help_not_shown(out: &Out) {
    let g = shipped_content().guidance;
    assert!(
        !out.stdout.contains(g.get_help_now[0].as_str())
            && !out.stdout.contains("When to get help"),
        "`cramp {}` shows the red-flag advice:\n{}",
        out.args,
        out.stdout
    );
}

#[test]
fn log_add_with_symptoms_shows_when_to_get_help_at_once() {
    let home = Home::new(SETUP);
    let out = home.add("calf", "left", "3", "2025-03-10 02:00", &["--symptoms"]);
    assert_get_help_shown(&out);
    let id = crate::logged_id(&out);
    assert!(
        out.stdout.starts_with(&format!("logged #{id}  ")),
        "the entry is stored before the advice: {}",
        out.stdout
    );
    let stored = home.parsed();
    assert!(
        stored.episodes().iter().any(|e| e.id.starts_with(&id)),
        "#{id} not in {:?}",
        stored.episodes()
    );
}

#[test]
fn log_add_longer_than_10_minutes_shows_when_to_get_help() {
    let home = Home::new(SETUP);
    let out = home.add(
        "calf",
        "left",
        "3",
        "2025-03-10 02:00",
        &["--minutes", "11"],
    );
    assert_get_help_shown(&out);
    let out = home.add(
        "thigh",
        "both",
        "5",
        "2025-03-10 03:00",
        &["--minutes", "1440", "--symptoms"],
    );
    assert_get_help_shown(&out);
}

#[test]
fn log_add_of_10_minutes_or_no_flag_shows_no_red_flag_advice() {
    let home = Home::new(SETUP);
    for extra in [&["--minutes", "10"][..], &[], &["--minutes", "0"]] {
        let out = home.add("calf", "left", "4", "2025-03-10 02:00", extra);
        assert_get_help_not_shown(&out);
        assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    }
}
