//! `cramp log` lists the diary newest first, `log add` says what it logged and on which night,
//! `log remove` removes by id; reading commands create nothing.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::home::Home;
use crate::{
    SETUP, assert_nothing_stored, assert_untouched, cramp_night_now, inode_of, journal_string,
    logged_id, seeded, seeded_log, unknown_id,
};

#[test]
fn log_lists_entries_newest_first_with_their_ids() {
    let (home, ids) = seeded();
    let out = home.run(&["log"]);
    out.ok();
    assert_eq!(out.stdout_lines(), seeded_log(&ids));
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
    let first = logged_id(&out);
    // The only entry: its first four letters tell it apart.
    assert_eq!(first.len(), 4, "{}", out.stdout);
    assert_eq!(
        out.stdout,
        format!(
            "logged #{first}  Mon 10 Mar 2025 00:30  night of Sun 9 Mar 2025  other  both  1/5  0 min\n"
        )
    );
    let out = home.add(
        "calf",
        "left",
        "5",
        "2025-03-10 04:30",
        &["--minutes", "1440"],
    );
    let second = logged_id(&out);
    // Before noon a cramp woke the person from the night that began the evening before, past the
    // 04:00 that ends "tonight" for habits.
    assert!(
        out.stdout.starts_with(&format!(
            "logged #{second}  Mon 10 Mar 2025 04:30  night of Sun 9 Mar 2025  calf  left  5/5  1440 min"
        )),
        "{}",
        out.stdout
    );
    // From noon on, the night that begins that evening.
    let out = home.add("foot", "right", "2", "2025-03-10 12:00", &[]);
    let third = logged_id(&out);
    assert_eq!(
        out.stdout,
        format!(
            "logged #{third}  Mon 10 Mar 2025 12:00  night of Mon 10 Mar 2025  foot  right  2/5  —\n"
        )
    );
    let text = journal_string(&home);
    assert!(text.starts_with("cramp-coach journal 2\n"), "{text}");
    // Each entry is stored under its whole id: eight letters, starting with what was shown.
    let line = |short: &str| -> String {
        let found: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with(&format!("cramp {short}")))
            .collect();
        assert_eq!(found.len(), 1, "#{short} in:\n{text}");
        let (id, fields) = found[0]["cramp ".len()..]
            .split_once(' ')
            .unwrap_or_else(|| panic!("{}", found[0]));
        assert!(
            id.len() == 8 && id.bytes().all(|b| b.is_ascii_lowercase()),
            "{id:?}"
        );
        fields.to_string()
    };
    assert_eq!(
        line(&first),
        "night=2025-03-09 at=2025-03-10T00:30:00+00:00 muscle=other side=both intensity=1 seconds=0 symptoms=no"
    );
    assert!(line(&second).starts_with("night=2025-03-09 "), "{text}");
    assert!(line(&third).starts_with("night=2025-03-10 "), "{text}");
    assert!(!text.contains("\nremoved "), "{text}");
}

#[test]
fn log_since_keeps_nights_from_that_date() {
    let (home, ids) = seeded();
    let log = seeded_log(&ids);
    // 04:30 on Mar 11 is the night of Mar 10: a --since of Mar 11 leaves it out.
    let out = home.run(&["log", "--since", "2025-03-11"]);
    out.ok();
    assert_eq!(out.stdout_lines(), log[..1]);
    // 00:30 on Mar 10 is the night of Mar 9: a --since of Mar 10 leaves it out.
    let out = home.run(&["log", "--since", "2025-03-10"]);
    out.ok();
    assert_eq!(out.stdout_lines(), log[..2]);
    let out = home.run(&["log", "--since", "2025-03-09"]);
    assert_eq!(out.stdout_lines(), log);
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
    let (home, ids) = seeded();
    let log = seeded_log(&ids);
    let out = home.run(&["log", "remove", &ids[2]]);
    out.ok();
    assert_eq!(out.stdout, format!("removed #{}\n", ids[2]));
    let out = home.run(&["log"]);
    assert_eq!(out.stdout_lines(), [log[0].as_str(), log[2].as_str()]);
    let text = journal_string(&home);
    // Gone from the diary, and remembered as removed (a tombstone, so a merge keeps it out).
    let starts =
        |word: &str, id: &str| text.lines().any(|l| l.starts_with(&format!("{word} {id}")));
    assert!(!starts("cramp", &ids[2]), "{text}");
    assert!(starts("removed", &ids[2]), "{text}");
    assert!(
        starts("cramp", &ids[0]) && starts("cramp", &ids[1]),
        "{text}"
    );
    assert!(
        !starts("removed", &ids[0]) && !starts("removed", &ids[1]),
        "{text}"
    );
}

#[test]
fn log_remove_takes_the_id_as_the_log_shows_it() {
    let (home, ids) = seeded();
    let log = seeded_log(&ids);
    let shown = format!("#{}", ids[2]);
    let out = home.run(&["log", "remove", &shown]);
    out.ok();
    assert_eq!(out.stdout, format!("removed {shown}\n"));
    assert_eq!(
        home.run(&["log"]).stdout_lines(),
        [log[0].as_str(), log[2].as_str()]
    );
    // Once gone, its id is unknown with or without the `#`; `##ID`, `#` and numbers are no id at
    // all: exit 2, nothing changed.
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    let hash_hash = format!("##{}", ids[0]);
    for bad in [
        shown.as_str(),
        ids[2].as_str(),
        hash_hash.as_str(),
        "#",
        "#1",
        "1",
    ] {
        let out = home.run(&["log", "remove", bad]);
        out.code(2);
        assert_untouched(&home, &before, inode, &out.args);
    }
    assert_eq!(
        home.run(&["log"]).stdout_lines(),
        [log[0].as_str(), log[2].as_str()]
    );
}

#[test]
fn log_remove_of_an_unknown_id_exits_2_and_leaves_the_journal_byte_identical() {
    let (home, ids) = seeded();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    let unknown = unknown_id(&ids);
    let out = home.run(&["log", "remove", &unknown]);
    out.code(2);
    out.stderr_has(&format!("#{unknown}"));
    assert_untouched(&home, &before, inode, &out.args);
    // Numbers were the ids of journal version 1; now they are no id at all.
    for id in ["4", "0", "99999"] {
        let out = home.run(&["log", "remove", id]);
        out.code(2);
        out.stderr_has(&format!("{id:?} is not a cramp id"));
        assert_untouched(&home, &before, inode, &out.args);
    }
    // Removed once, unknown the second time.
    home.run(&["log", "remove", &ids[1]]).ok();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    let out = home.run(&["log", "remove", &ids[1]]);
    out.code(2);
    out.stderr_has(&format!("#{}", ids[1]));
    assert_untouched(&home, &before, inode, &out.args);
    for bad in ["ABCD", "-1", "1.5", "", "kqmz1", "kq mz"] {
        let out = home.run(&["log", "remove", bad]);
        out.code(2);
        assert_untouched(&home, &before, inode, &out.args);
    }
}

#[test]
fn log_remove_of_an_unknown_id_on_a_fresh_home_stores_nothing() {
    let home = Home::new(SETUP);
    for id in ["kqmz", "1"] {
        let out = home.run(&["log", "remove", id]);
        out.code(2);
        assert_nothing_stored(&home, &out.args);
    }
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
