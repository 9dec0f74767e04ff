//! `cramp log` lists the diary newest first, `log add` says what it logged and on which night,
//! `log remove` removes by id; reading commands create nothing.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::home::Home;
use crate::{
    SEEDED_LOG, SETUP, assert_nothing_stored, assert_untouched, cramp_night_now, inode_of, seeded,
};

#[test]
fn log_lists_entries_newest_first_with_their_ids() {
    let home = seeded();
    let out = home.run(&["log"]);
    out.ok();
    assert_eq!(out.stdout_lines(), SEEDED_LOG);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn log_add_says_what_it_logged_and_where_it_belongs() {
    let home = Home::new(SETUP);
    let out = home.add(
        "other",
        "both",
        "1",
        "2025-03-10 00:30",
        &["--minutes", "0"],
    );
    assert_eq!(
        out.stdout,
        "logged #1  Mon 10 Mar 2025 00:30  night of Sun 9 Mar 2025  other  both  1/5  0 min\n"
    );
    let out = home.add(
        "calf",
        "left",
        "5",
        "2025-03-10 04:30",
        &["--minutes", "1440"],
    );
    // Before noon a cramp woke the person from the night that began the evening before, past the
    // 04:00 that ends "tonight" for habits.
    assert!(
        out.stdout.starts_with(
            "logged #2  Mon 10 Mar 2025 04:30  night of Sun 9 Mar 2025  calf  left  5/5  1440 min"
        ),
        "{}",
        out.stdout
    );
    // From noon on, the night that begins that evening.
    let out = home.add("foot", "right", "2", "2025-03-10 12:00", &[]);
    assert_eq!(
        out.stdout,
        "logged #3  Mon 10 Mar 2025 12:00  night of Mon 10 Mar 2025  foot  right  2/5  —\n"
    );
    let text = String::from_utf8(home.journal_bytes().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.contains(
            "cramp 1 night=2025-03-09 at=2025-03-10T00:30:00+00:00 muscle=other side=both intensity=1 seconds=0 symptoms=no\n"
        ),
        "{text}"
    );
    assert!(text.contains("cramp 2 night=2025-03-09 "), "{text}");
    assert!(text.contains("cramp 3 night=2025-03-10 "), "{text}");
}

#[test]
fn log_since_keeps_nights_from_that_date() {
    let home = seeded();
    // 04:30 on Mar 11 is the night of Mar 10: a --since of Mar 11 leaves it out.
    let out = home.run(&["log", "--since", "2025-03-11"]);
    out.ok();
    assert_eq!(out.stdout_lines(), SEEDED_LOG[..1]);
    // 00:30 on Mar 10 is the night of Mar 9: a --since of Mar 10 leaves it out.
    let out = home.run(&["log", "--since", "2025-03-10"]);
    out.ok();
    assert_eq!(out.stdout_lines(), SEEDED_LOG[..2]);
    let out = home.run(&["log", "--since", "2025-03-09"]);
    assert_eq!(out.stdout_lines(), SEEDED_LOG);
    // Nothing since then: said on stderr (stdout is not a terminal), nothing on stdout.
    let out = home.run(&["log", "--since", "2025-03-13"]);
    out.ok();
    assert_eq!(out.stdout, "");
    out.one_line()
        .stderr_has("cramp: no cramps logged since then");
}

#[test]
fn reading_commands_on_a_fresh_home_create_nothing() {
    let home = Home::new(SETUP);
    for args in [
        &["log"][..],
        &["log", "--since", "2025-01-01"],
        &["insights"],
        &["export", "--format", "csv"],
        &["export", "--format", "markdown"],
    ] {
        let out = home.run(args);
        out.ok();
        assert_nothing_stored(&home, &out.args);
    }
    // With nothing recorded, log and insights say so in one line on stderr (stdout is not a
    // terminal) and print nothing on stdout.
    for (args, said) in [
        (&["log"][..], "cramp: no cramps logged yet"),
        (&["insights"], "cramp: nothing to show yet: "),
    ] {
        let out = home.run(args);
        out.ok();
        assert_eq!(out.stdout, "", "`cramp {}`", out.args);
        out.one_line();
        assert!(
            out.stderr.starts_with(said),
            "`cramp {}`: {:?}",
            out.args,
            out.stderr
        );
    }
}

#[test]
fn log_remove_removes_by_id_and_leaves_the_rest() {
    let home = seeded();
    let out = home.run(&["log", "remove", "3"]);
    out.ok();
    assert_eq!(out.stdout, "removed #3\n");
    let out = home.run(&["log"]);
    assert_eq!(out.stdout_lines(), [SEEDED_LOG[0], SEEDED_LOG[2]]);
    let text = String::from_utf8(home.journal_bytes().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!text.contains("cramp 3 "), "{text}");
    assert!(
        text.contains("cramp 1 ") && text.contains("cramp 2 "),
        "{text}"
    );
}

#[test]
fn log_remove_takes_the_id_as_the_log_shows_it() {
    let home = seeded();
    let out = home.run(&["log", "remove", "#3"]);
    out.ok();
    assert_eq!(out.stdout, "removed #3\n");
    assert_eq!(
        home.run(&["log"]).stdout_lines(),
        [SEEDED_LOG[0], SEEDED_LOG[2]]
    );
    // Once gone, `#3` is an unknown id like `3`, and `##1` is no id at all: exit 2, nothing changed.
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    for bad in ["#3", "##1", "#"] {
        let out = home.run(&["log", "remove", bad]);
        out.code(2);
        assert_untouched(&home, &before, inode, &out.args);
    }
}

#[test]
fn log_remove_of_an_unknown_id_exits_2_and_leaves_the_journal_byte_identical() {
    let home = seeded();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    for id in ["4", "0", "99999"] {
        let out = home.run(&["log", "remove", id]);
        out.code(2);
        out.stderr_has(&format!("#{id}"));
        assert_untouched(&home, &before, inode, &out.args);
    }
    // Removed once, unknown the second time.
    home.run(&["log", "remove", "2"]).ok();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    let out = home.run(&["log", "remove", "2"]);
    out.code(2);
    assert_untouched(&home, &before, inode, &out.args);
    for bad in ["abc", "-1", "1.5", ""] {
        let out = home.run(&["log", "remove", bad]);
        out.code(2);
        assert_untouched(&home, &before, inode, &out.args);
    }
}

#[test]
fn log_remove_of_an_unknown_id_on_a_fresh_home_stores_nothing() {
    let home = Home::new(SETUP);
    let out = home.run(&["log", "remove", "1"]);
    out.code(2);
    assert_nothing_stored(&home, &out.args);
}

#[test]
fn log_add_without_at_logs_now_on_the_night_of_the_cramp() {
    let home = Home::new(SETUP);
    // The night of a cramp, not "tonight" for habits: they differ from 04:00 to noon.
    let before = cramp_night_now();
    let out = home.run(&[
        "log",
        "add",
        "--muscle",
        "calf",
        "--side",
        "left",
        "--intensity",
        "2",
    ]);
    let after = cramp_night_now();
    out.ok();
    assert!(
        out.stdout
            .contains(&format!("night of {}", before.strftime("%a %-d %b")))
            || out
                .stdout
                .contains(&format!("night of {}", after.strftime("%a %-d %b"))),
        "{}",
        out.stdout
    );
    // The journal is private.
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{e}"))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&home.journal()), 0o600);
    assert_eq!(mode(&home.data()), 0o700);
}
