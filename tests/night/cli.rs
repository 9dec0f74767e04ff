//! The command line's words: empty states, a habit on a night it does not apply, '#5', --quiet,
//! help with examples, the CSV's counts, no bell in a pipe.

use support::home::{Home, Setup};

use crate::support;

const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("UTC"),
    stdin_null: true,
    ..Setup::BASE
};

#[test]
fn an_empty_diary_and_empty_insights_say_so_on_stderr_when_piped() {
    let home = Home::new(SETUP);
    let log = home.run(&["log"]);
    log.ok();
    assert_eq!(log.stdout, "");
    assert!(
        log.stderr.contains("no cramps logged yet"),
        "{}",
        log.stderr
    );
    let insights = home.run(&["insights"]);
    insights.ok();
    assert_eq!(insights.stdout, "");
    assert!(
        insights.stderr.contains("nothing to show yet"),
        "{}",
        insights.stderr
    );
}

#[test]
fn a_habit_cannot_be_ticked_on_a_night_it_does_not_apply() {
    let home = Home::new(SETUP);
    let content = home.file(
        "content.toml",
        &format!(
            "{}\n[[habit]]\nid = \"bike\"\ntitle = \"Stationary bike\"\ntarget = 2\ndays = [\"mon\", \"wed\"]\n",
            cramp_coach::content::BUILTIN_TOML
        ),
    );
    // 2026-11-28 was a Saturday.
    let out = home.run(&[
        "--content",
        &content,
        "check",
        "bike",
        "--date",
        "2026-11-28",
    ]);
    out.code(2)
        .stderr_has("bike applies on Mon and Wed nights; 2026-11-28 is a Sat");
    assert_eq!(home.journal_bytes(), None);
    let habits = home.run(&["--content", &content, "habits", "--date", "2026-11-28"]);
    habits.ok();
    assert!(
        habits.stdout.contains("[-] bike"),
        "counted too:\n{}",
        habits.stdout
    );
    home.run(&[
        "--content",
        &content,
        "check",
        "bike",
        "--date",
        "2026-11-30",
    ])
    .ok();
}

#[test]
fn log_remove_takes_the_id_as_log_shows_it() {
    let home = Home::new(SETUP);
    let added = home.run(&support::LOG_ADD);
    added.ok();
    // `logged #ID  ...`, and `cramp log` shows the same `#ID` first on the line.
    let shown: String = added
        .stdout
        .strip_prefix("logged ")
        .and_then(|rest| rest.split("  ").next())
        .unwrap_or_else(|| panic!("{:?}", added.stdout))
        .to_string();
    assert!(shown.starts_with('#') && shown.len() >= 5, "{shown:?}");
    let log = home.run(&["log"]);
    assert!(
        log.stdout.starts_with(&format!("{shown}  ")),
        "{}",
        log.stdout
    );
    let out = home.run(&["log", "remove", &shown]);
    out.ok();
    assert_eq!(out.stdout, format!("removed {shown}\n"));
    // The version 1 form, a number, is no id now.
    home.run(&support::LOG_ADD).ok();
    home.run(&["log", "remove", "1"])
        .code(2)
        .stderr_has("is not a cramp id");
}

#[test]
fn quiet_without_plain_is_refused() {
    let home = Home::new(SETUP);
    let out = home.run(&["run", "--quiet", "calf"]);
    out.code(2).stderr_has("--plain");
}

#[test]
fn every_subcommand_s_help_has_an_example_and_describes_its_arguments() {
    let home = Home::new(SETUP);
    for args in [
        &["run", "--help"][..],
        &["list", "--help"],
        &["validate", "--help"],
        &["habits", "--help"],
        &["check", "--help"],
        &["log", "--help"],
        &["log", "add", "--help"],
        &["log", "remove", "--help"],
        &["insights", "--help"],
        &["export", "--help"],
    ] {
        let out = home.run(args);
        out.ok();
        assert!(out.stdout.contains("Example"), "{args:?}:\n{}", out.stdout);
    }
    let remove = home.run(&["log", "remove", "--help"]);
    assert!(
        remove.stdout.contains("<ID>  The cramp's id"),
        "{}",
        remove.stdout
    );
    let top = home.run(&["--help"]);
    assert!(
        top.stdout.contains("the cramp diary"),
        "--data-dir: {}",
        top.stdout
    );
}

#[test]
fn the_plain_guide_rings_no_bell_into_a_pipe() {
    let home = Home::new(SETUP);
    let content = home.file(
        "content.toml",
        "[[routine]]\nid = \"r\"\ntitle = \"R\"\nkind = \"relief\"\n[[routine.step]]\ntitle = \"S\"\ntext = \"T\"\nseconds = 1\n",
    );
    let config = home.file("config.toml", "bell = true\nlead_in_seconds = 0\n");
    let out = home.run(&[
        "--content",
        &content,
        "--config",
        &config,
        "run",
        "--plain",
        "r",
    ]);
    out.ok();
    assert!(!out.stdout.contains('\u{7}'), "{:?}", out.stdout);
    assert!(out.stdout.contains("Done · R"), "{}", out.stdout);
}

#[test]
fn log_since_in_the_future_is_refused_like_export_since() {
    let home = Home::new(SETUP);
    for args in [
        &["log", "--since", "2999-01-01"][..],
        &["export", "--format", "csv", "--since", "2999-01-01"],
    ] {
        home.run(args)
            .code(2)
            .stderr_has("--since is in the future");
    }
}

#[test]
fn people_read_one_date_style_and_files_keep_iso() {
    let home = Home::new(SETUP);
    let added = home.add("calf", "left", "3", "2025-03-10 12:00", &[]);
    let id: String = added
        .stdout
        .strip_prefix("logged #")
        .unwrap_or_else(|| panic!("{:?}", added.stdout))
        .chars()
        .take_while(char::is_ascii_lowercase)
        .collect();
    assert_eq!(id.len(), 4, "{:?}", added.stdout);
    let log = home.run(&["log"]);
    log.ok();
    assert_eq!(
        log.stdout,
        format!("#{id}  Mon 10 Mar 2025 12:00  night of Mon 10 Mar 2025  calf  left  3/5  —\n")
    );
    let check = home.run(&["check", "fluids", "--date", "2025-03-10"]);
    assert!(
        check.stdout.ends_with("(night of Mon 10 Mar 2025)\n"),
        "{}",
        check.stdout
    );
    let csv = home.run(&["export", "--format", "csv"]);
    assert!(
        csv.stdout.contains("episode,2025-03-10,2025-03-10 12:00,"),
        "{}",
        csv.stdout
    );
    let journal = String::from_utf8(home.journal_bytes().unwrap()).unwrap();
    assert!(journal.contains("night=2025-03-10"), "{journal}");
}

#[test]
fn validate_lists_every_error_even_beside_an_unknown_key() {
    let home = Home::new(SETUP);
    let bad = home.file(
        "bad.toml",
        "[[routine]]\nid = \"Bad Id\"\ntitle = \"x\"\nkind = \"nope\"\nwat = 1\n[[routine.step]]\ntitle = \"a\"\ntext = \"b\"\nseconds = 0\n\n[[habit]]\nid = \"h\"\ntitle = \"H\"\ndays = [\"funday\"]\n",
    );
    let out = home.run(&["validate", &bad]);
    out.code(2);
    let places: Vec<&str> = out
        .stderr
        .lines()
        .map(|l| l.trim_start_matches(bad.as_str()))
        .map(|l| l.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        places,
        [":2:6", ":4:8", ":5:1", ":9:4", ":14:2"],
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("unknown field `wat`"), "{}", out.stderr);
}
