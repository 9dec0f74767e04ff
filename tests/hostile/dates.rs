//! Dates the journal cannot write back are refused at the door: before 1900 or after 2999, from
//! a flag or from the system clock.

use assert_cmd::Command;

use crate::support::home::Home;
use crate::support::{LOG_ADD, log_add};
use crate::{HANG_GUARD, READ_COMMANDS, SETUP};

#[test]
fn dates_outside_the_journal_s_years_are_refused_naming_the_field_and_the_range() {
    let home = Home::new(SETUP);
    let at = |when| [&LOG_ADD[..], &["--at", when]].concat();
    let cases: [Vec<&str>; 10] = [
        at("0000-01-01 00:00"),
        at("1899-12-31 23:00"),
        // The night before 1900-01-01 begins: 00:30 belongs to the evening of 1899-12-31.
        at("1900-01-01 00:30"),
        vec!["check", "fluids", "--date", "0000-01-01"],
        vec!["check", "fluids", "--date", "1899-12-31"],
        vec!["check", "fluids", "--date", "3000-01-01"],
        vec!["habits", "--date", "0001-01-01"],
        vec!["log", "--since", "0000-01-01"],
        vec!["export", "--format", "csv", "--since", "1899-12-31"],
        vec!["check", "stretch", "--date", "9999-12-31"],
    ];
    for args in &cases {
        let out = home.run(args);
        out.code(2).stderr_has("1900-01-01 to 2999-12-31");
        // The field at fault is the flag just before the date.
        out.stderr_has(args[args.len() - 2]);
        assert_eq!(home.journal_bytes(), None, "`cramp {}` wrote", out.args);
    }
    // The range is in the help.
    let help = home.run(&["--help"]);
    help.code(0);
    assert!(
        help.stdout.contains("1900-01-01 to 2999-12-31"),
        "{}",
        help.stdout
    );
}

#[test]
fn the_first_and_last_nights_of_the_range_are_kept_and_read_back_by_every_command() {
    let home = Home::new(SETUP);
    home.run(&["check", "fluids", "--date", "1900-01-01"])
        .code(0);
    home.run(&[&LOG_ADD[..], &["--at", "1900-01-01 23:00"]].concat())
        .code(0);
    for zone in [
        "UTC",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "Europe/Amsterdam",
    ] {
        // 1900 in Amsterdam was local mean time, an offset with seconds: written in whole minutes.
        let out = home.run_cmd(&["log", "add"], {
            let mut c = home.cramp();
            c.args(log_add("foot", "right", "2"))
                .args(["--at", "1900-01-02 12:00"])
                .env("TZ", zone);
            c
        });
        out.code(0);
        for args in READ_COMMANDS {
            let mut c = home.cramp();
            c.args(args).env("TZ", zone);
            home.run_cmd(args, c).code(0);
        }
    }
    let log = home.run(&["log"]);
    assert!(
        log.stdout.contains("night of Mon 1 Jan 1900"),
        "{}",
        log.stdout
    );
    let habits = home.run(&["habits", "--date", "1900-01-01"]);
    assert!(habits.stdout.contains("[1/6] fluids"), "{}", habits.stdout);
}

fn faketime_works() -> bool {
    std::process::Command::new("faketime")
        .args(["2001-01-01 00:00:00", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_clock_outside_the_journal_s_years_writes_nothing() {
    if !faketime_works() {
        // .ci/run installs faketime; a developer machine without it still runs everything else.
        eprintln!("skipped: faketime is not installed");
        return;
    }
    let home = Home::new(SETUP);
    for clock in ["1850-06-01 12:00:00", "1899-12-31 23:00:00"] {
        for args in [&["check", "fluids"][..], &LOG_ADD[..]] {
            let mut cmd = std::process::Command::new("faketime");
            cmd.arg(clock).arg(assert_cmd::cargo::cargo_bin!("cramp"));
            let mut cmd = Command::from_std(cmd);
            cmd.current_dir(home.path())
                .env("HOME", home.path())
                .env("TZ", "UTC")
                .timeout(HANG_GUARD)
                .arg("--data-dir")
                .arg(home.data())
                .args(args);
            let out = home.run_cmd(args, cmd);
            out.code(1).stderr_has("system clock").one_line();
            assert_eq!(
                home.journal_bytes(),
                None,
                "{clock}: `cramp {}` wrote",
                out.args
            );
        }
    }
}
