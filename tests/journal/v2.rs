//! Journal format version 2 through the binary: a version 1 journal reads the same before and after
//! its first write upgrades it (kept once as `journal.v1.bak`, byte for byte, private, never
//! replaced, and gone again if the write fails); `cramp log remove` by any unambiguous prefix of the
//! letters, an ambiguous one naming the candidates, numbers refused; a removed entry's id is never
//! given again.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use cramp_coach::journal::{Episode, Journal};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::support::home::{BIN, HANG_GUARD, Home, mode};
use crate::support::out::Out;
use crate::support::{LOG_ADD, log_add};
use crate::{SETUP, fingerprint};

const BACKUP: &str = "journal.v1.bak";

/// A version 1 journal, what to read from it, and a write that upgrades it.
struct Fixture {
    what: &'static str,
    v1: &'static str,
    /// Nights for `cramp habits --date`.
    nights: [&'static str; 3],
    /// A night and a habit not kept that night: `cramp check` then `--undo` of it.
    night: &'static str,
    habit: &'static str,
}

/// Version 1 journals as the app wrote them (or a person might have): nights with yes/no and
/// counted habits, cramps with every field (symptoms, routine and steps among them), numbers with
/// gaps and out of time order, CRLF line ends, comments and blank lines, a night with nothing kept.
/// Each with the nights to ask `cramp habits --date` about, and a night and habit not kept there,
/// for the check (and undo) that upgrades it.
const FIXTURES: [Fixture; 4] = [
    Fixture {
        what: "nights, counted habits and cramps with every field",
        v1: "cramp-coach journal 1\n\
         # kept since the new year\n\
         night 2025-01-01 bedding fluids=4 stretch\n\
         night 2025-01-02 fluids=2\n\
         night 2025-01-04 move no-late-legs stretch\n\
         night 2025-01-05 alcohol-caffeine fluids=999 footwear\n\
         cramp 1 night=2025-01-01 at=2025-01-02T03:12:00+01:00 muscle=calf side=left intensity=4 seconds=95 symptoms=no routine=calf steps=1,2,5\n\
         cramp 2 night=2025-01-02 at=2025-01-02T23:40:00+00:00 muscle=foot side=both intensity=2 symptoms=yes\n\
         cramp 3 night=2025-01-04 at=2025-01-05T02:00:00+00:00 seconds=700 routine=thigh-back steps=3\n",
        nights: ["2025-01-01", "2025-01-03", "2025-01-05"],
        night: "2025-01-01",
        habit: "footwear",
    },
    Fixture {
        what: "cramps only, numbers with gaps and out of time order, CRLF, a comment before the header",
        v1: "# copied from the old laptop\r\n\
         cramp-coach journal 1\r\n\
         cramp 4 night=2025-02-10 at=2025-02-11T01:00:00-05:00 muscle=thigh side=right intensity=5 seconds=86400 symptoms=yes\r\n\
         cramp 7 night=2025-02-08 at=2025-02-09T04:30:00+00:00 muscle=other\r\n\
         cramp 9 night=2025-02-10 at=2025-02-10T22:15:00+00:00 side=left steps=1 routine=foot\r\n",
        nights: ["2025-02-08", "2025-02-09", "2025-02-10"],
        night: "2025-02-10",
        habit: "stretch",
    },
    Fixture {
        what: "nights only, a blank line and a night with nothing kept",
        v1: "cramp-coach journal 1\n\
         \n\
         night 2025-03-01 fluids=6\n\
         night 2025-03-02 bedding stretch\n\
         night 2025-03-03\n\
         night 2025-03-05 fluids=3 move\n",
        nights: ["2025-03-02", "2025-03-03", "2025-03-05"],
        night: "2025-03-03",
        habit: "fluids",
    },
    Fixture {
        what: "one night and one cramp, the same night",
        v1: "cramp-coach journal 1\n\
         night 2025-04-07 stretch\n\
         cramp 1 night=2025-04-07 at=2025-04-08T05:59:59+02:00 muscle=calf side=right intensity=1 seconds=0 symptoms=no\n",
        nights: ["2025-04-06", "2025-04-07", "2025-04-08"],
        night: "2025-04-07",
        habit: "move",
    },
];

/// What a person reads from the journal: the diary, the nights asked about, and the CSV export.
fn everything_read(home: &Home, nights: &[&str]) -> Vec<String> {
    let mut args: Vec<Vec<&str>> = vec![vec!["log"], vec!["export", "--format", "csv"]];
    for night in nights {
        args.push(vec!["habits", "--date", night]);
    }
    args.iter()
        .map(|a| {
            let out = home.run(a);
            out.ok();
            format!("$ cramp {}\n{}{}", out.args, out.stdout, out.stderr)
        })
        .collect()
}

fn backup(home: &Home) -> PathBuf {
    home.data().join(BACKUP)
}

fn text_of(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `cramp --data-dir DATA ARGS...` under umask 000 (the shell sets it, then execs the binary).
fn run_under_umask_000(home: &Home, args: &[&str]) -> Out {
    let mut cmd = home.command("sh");
    cmd.arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(BIN)
        .arg("--data-dir")
        .arg(home.data())
        .args(args);
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(HANG_GUARD);
    home.run_cmd(args, cmd)
}

#[test]
fn a_version_1_journal_reads_the_same_before_and_after_its_upgrade_and_is_kept_once() {
    for Fixture {
        what,
        v1,
        nights,
        night,
        habit,
    } in FIXTURES
    {
        let home = Home::new(SETUP);
        home.put_journal(v1);
        let before = everything_read(&home, &nights);
        // Read as ever, the same each time, and reading writes nothing.
        assert_eq!(everything_read(&home, &nights), before, "{what}");
        assert_eq!(
            home.journal_bytes().as_deref(),
            Some(v1.as_bytes()),
            "{what}"
        );
        assert_eq!(
            home.listing(),
            ["journal.txt"],
            "{what}: reading made files"
        );
        let read_v1 = home.parsed();
        assert_eq!(read_v1.version(), 1, "{what}");

        // The first write upgrades it (under umask 000: the backup is private all the same).
        let out = run_under_umask_000(&home, &["check", habit, "--date", night]);
        out.ok();
        let text = text_of(&home.journal());
        assert!(
            text.starts_with("cramp-coach journal 2\n"),
            "{what}:\n{text}"
        );
        assert_eq!(
            home.listing(),
            ["journal.lock", "journal.txt", BACKUP],
            "{what}"
        );
        assert_eq!(
            text_of(&backup(&home)),
            v1,
            "{what}: the backup is the v1 file"
        );
        assert_eq!(mode(&backup(&home)), 0o600, "{what}: backup mode");
        assert_eq!(mode(&home.journal()), 0o600, "{what}: journal mode");
        let kept = fingerprint(&backup(&home));

        // A second write: version 2 stays, the backup is not touched.
        home.run(&["check", habit, "--date", night, "--undo"]).ok();
        assert_eq!(fingerprint(&backup(&home)), kept, "{what}: second write");
        assert_eq!(
            home.listing(),
            ["journal.lock", "journal.txt", BACKUP],
            "{what}"
        );

        // Everything reads as it did: the diary with the same ids, the nights, the export.
        let after = everything_read(&home, &nights);
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(a, b, "{what}: read after the upgrade");
        }
        let read_v2 = home.parsed();
        assert_eq!(read_v2.version(), 2, "{what}");
        assert_eq!(
            read_v2.episodes(),
            read_v1.episodes(),
            "{what}: ids and fields"
        );
        assert!(read_v2.removed().is_empty(), "{what}");
        let v2 = text_of(&home.journal());
        for e in read_v1.episodes() {
            assert!(
                v2.contains(&format!("\ncramp {} night=", e.id)),
                "{what}: {} not kept under its id:\n{v2}",
                e.id
            );
        }

        // A third write (the diary this time) leaves the backup alone too.
        home.add("calf", "left", "2", "2025-06-01 02:00", &[]);
        assert_eq!(fingerprint(&backup(&home)), kept, "{what}: third write");
    }
}

#[test]
fn a_version_1_journal_that_fails_to_be_written_keeps_no_backup_and_is_upgraded_later() {
    let Fixture {
        v1, night, habit, ..
    } = FIXTURES[0];
    let home = Home::new(SETUP);
    home.put_journal(v1);
    // Files at most as large as the version 1 journal: the backup can be written, the longer
    // version 2 journal cannot.
    let limit = v1.len() as u64;
    let args = ["check", habit, "--date", night];
    let mut cmd = home.std_cramp(&args);
    // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let rl = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &rl) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(HANG_GUARD);
    let out = home.run_cmd(&args, cmd);
    out.code(1).stderr_has("journal.txt: cannot write");
    assert_eq!(home.journal_bytes().as_deref(), Some(v1.as_bytes()));
    assert_eq!(
        home.listing(),
        ["journal.lock", "journal.txt"],
        "the backup made for the upgrade is removed with it"
    );
    // Without the limit the upgrade goes through, and keeps the version 1 file then.
    home.run(&args).ok();
    assert_eq!(text_of(&backup(&home)), v1);
    assert!(text_of(&home.journal()).starts_with("cramp-coach journal 2\n"));
}

#[test]
fn a_version_1_journal_is_not_upgraded_by_a_refused_command() {
    let v1 = FIXTURES[0].v1;
    let home = Home::new(SETUP);
    home.put_journal(v1);
    let inode = fs::metadata(home.journal()).map(|m| m.ino()).ok();
    // Its entries were numbered; numbers are no ids now. Nor is an unknown id removed.
    for args in [
        &["log", "remove", "1"][..],
        &["log", "remove", "#2"],
        &["log", "remove", "qqqqqqqq"],
    ] {
        let out = home.run(args);
        out.code(2);
        assert_eq!(home.journal_bytes().as_deref(), Some(v1.as_bytes()));
        assert_eq!(fs::metadata(home.journal()).map(|m| m.ino()).ok(), inode);
        assert!(
            !backup(&home).exists(),
            "`cramp {}` made a backup",
            out.args
        );
    }
    // The id `cramp log` shows does it, and upgrades the journal.
    let log = home.run(&["log"]);
    let newest = log.stdout.lines().next().unwrap_or_default();
    let shown = newest.split("  ").next().unwrap_or_default();
    assert!(shown.starts_with('#') && shown.len() >= 5, "{}", log.stdout);
    let out = home.run(&["log", "remove", shown]);
    out.ok();
    assert_eq!(out.stdout, format!("removed {shown}\n"));
    assert_eq!(text_of(&backup(&home)), v1);
    let j = home.parsed();
    assert_eq!(j.episodes().len(), 2);
    assert_eq!(j.removed().len(), 1);
    assert!(j.removed()[0].starts_with(&shown[1..]), "{:?}", j.removed());
}

/// A version 2 journal written by hand: four entries, two of them alike in their first four
/// letters, a third in its first two.
const PREFIXES: &str = "cramp-coach journal 2\n\
    cramp kqmzbwta night=2025-03-01 at=2025-03-02T02:00:00+00:00 muscle=calf\n\
    cramp kqmzxyzw night=2025-03-02 at=2025-03-03T02:00:00+00:00 muscle=foot\n\
    cramp kqpaaaaa night=2025-03-03 at=2025-03-04T02:00:00+00:00 muscle=thigh\n\
    cramp zzzzzzzz night=2025-03-04 at=2025-03-05T02:00:00+00:00 muscle=other\n";

/// The ids `cramp log` shows, newest first.
fn shown_ids(home: &Home) -> Vec<String> {
    let out = home.run(&["log"]);
    out.ok();
    out.stdout
        .lines()
        .map(|l| l.split("  ").next().unwrap_or_default().to_string())
        .collect()
}

/// Runs `log remove ID`, which must be refused with exit 2 and leave the journal as it was.
fn refused(home: &Home, id: &str) -> Out {
    let before = fingerprint(&home.journal());
    let out = home.run(&["log", "remove", id]);
    out.code(2);
    assert_eq!(out.stdout, "", "`cramp {}`", out.args);
    assert_eq!(fingerprint(&home.journal()), before, "`cramp {}`", out.args);
    out
}

#[test]
fn log_remove_takes_any_unambiguous_prefix_names_the_candidates_and_refuses_numbers() {
    let home = Home::new(SETUP);
    home.put_journal(PREFIXES);
    // The shortest start of at least four letters that tells each from the others.
    assert_eq!(shown_ids(&home), ["#zzzz", "#kqpa", "#kqmzx", "#kqmzb"]);

    // Ambiguous: exit 2, every candidate named as `cramp log` shows it.
    let out = refused(&home, "kqmz");
    out.one_line().stderr_has("#kqmzb").stderr_has("#kqmzx");
    assert!(!out.stderr.contains("#kqpa"), "{}", out.stderr);
    for prefix in ["k", "#kq"] {
        refused(&home, prefix)
            .one_line()
            .stderr_has("#kqmzb")
            .stderr_has("#kqmzx")
            .stderr_has("#kqpa");
    }
    // Numbers, the old ids, are no ids: a usage error.
    for number in ["1", "#1", "4", "12345678"] {
        refused(&home, number).stderr_has("is not a cramp id");
    }
    // Unknown.
    refused(&home, "kqmzq").one_line().stderr_has("#kqmzq");
    refused(&home, "kqmzbwtaa");

    // Any unambiguous prefix, with or without `#`, shorter than shown or the whole id.
    let out = home.run(&["log", "remove", "kqp"]);
    out.ok();
    assert_eq!(out.stdout, "removed #kqpa\n");
    let out = home.run(&["log", "remove", "#kqmzx"]);
    out.ok();
    assert_eq!(out.stdout, "removed #kqmzx\n");
    let out = home.run(&["log", "remove", "z"]);
    out.ok();
    assert_eq!(out.stdout, "removed #zzzz\n");
    let left = shown_ids(&home);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].starts_with("#kqmz"), "{left:?}");

    // Removed ones are gone, remembered as removed; what is left is found by `kqmz` now.
    refused(&home, "kqpa").stderr_has("#kqpa");
    let text = text_of(&home.journal());
    for id in ["kqmzxyzw", "kqpaaaaa", "zzzzzzzz"] {
        assert!(text.contains(&format!("\nremoved {id}\n")), "{text}");
        assert!(!text.contains(&format!("cramp {id}")), "{text}");
    }
    assert!(
        text.contains("\ncramp kqmzbwta night=2025-03-01 "),
        "{text}"
    );
    let out = home.run(&["log", "remove", "kqmz"]);
    out.ok();
    assert!(out.stdout.starts_with("removed #kqmz"), "{}", out.stdout);
    assert!(home.parsed().episodes().is_empty());
    assert_eq!(
        home.parsed().removed(),
        ["kqmzbwta", "kqmzxyzw", "kqpaaaaa", "zzzzzzzz"]
    );
}

/// The whole id of the diary's newest entry, which must start with the id `logged` showed.
fn newest_id(home: &Home, logged: &Out) -> String {
    let shown: String = logged
        .stdout
        .strip_prefix("logged #")
        .unwrap_or_else(|| panic!("{:?}", logged.stdout))
        .chars()
        .take_while(char::is_ascii_lowercase)
        .collect();
    let j = home.parsed();
    let newest = j
        .episodes()
        .iter()
        .max_by_key(|e| e.at)
        .unwrap_or_else(|| panic!("an empty diary"));
    assert!(newest.id.starts_with(&shown), "#{shown} is {}", newest.id);
    newest.id.clone()
}

#[test]
fn removing_the_newest_entry_then_logging_another_never_gives_its_id_again() {
    let home = Home::new(SETUP);
    let mut gone: Vec<String> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for round in 0..6 {
        // Logged now: each is the newest.
        let out = home.run(&LOG_ADD);
        out.ok();
        let id = newest_id(&home, &out);
        assert!(
            !ids.contains(&id),
            "round {round}: {id} again, after {ids:?}"
        );
        ids.push(id.clone());
        let removed = home.run(&["log", "remove", &id]);
        removed.ok();
        gone.push(id);
        let text = text_of(&home.journal());
        for g in &gone {
            assert!(text.contains(&format!("\nremoved {g}\n")), "{text}");
            assert!(!text.contains(&format!("cramp {g} ")), "{text}");
        }
    }
    // Another one stays, under a fresh id.
    let out = home.run(&log_add("foot", "right", "2"));
    out.ok();
    let last = newest_id(&home, &out);
    assert!(!gone.contains(&last), "{last} in {gone:?}");
    let j = home.parsed();
    assert_eq!(j.episodes().len(), 1);
    let mut removed = gone.clone();
    removed.sort();
    assert_eq!(j.removed(), removed);
}

#[test]
fn the_same_entropy_after_a_removal_gives_a_new_id_even_across_a_write_and_a_read() {
    let at = Timestamp::from_second(1_741_572_000).unwrap_or_else(|e| panic!("{e}"));
    let episode = Episode::begun(at, &TimeZone::UTC);
    let path = Path::new("journal.txt");
    for seed in [0, 1, 42, u64::MAX] {
        let mut j = Journal::default();
        let first = j.add_episode(episode.clone(), seed);
        // Deterministic for a seed: a fresh journal gives the same id.
        assert_eq!(Journal::default().add_episode(episode.clone(), seed), first);
        assert!(first.len() == 8 && first.bytes().all(|b| b.is_ascii_lowercase()));
        assert!(j.remove_episode(&first));
        let second = j.add_episode(episode.clone(), seed);
        assert_ne!(second, first, "seed {seed}");
        // Written and read back, the removal is still remembered.
        let mut j = Journal::parse(path, &j.to_text()).unwrap_or_else(|e| panic!("{e}"));
        assert!(j.to_text().contains(&format!("\nremoved {first}\n")));
        assert!(j.remove_episode(&second));
        let third = j.add_episode(episode.clone(), seed);
        assert!(third != first && third != second, "seed {seed}");
        // And a present entry's id is not given twice either.
        let fourth = j.add_episode(episode.clone(), seed);
        assert!(![&first, &second, &third].contains(&&fourth), "seed {seed}");
        assert_eq!(j.episodes().len(), 2);
        assert_eq!(j.removed(), {
            let mut r = vec![first.clone(), second.clone()];
            r.sort();
            r
        });
    }
}
