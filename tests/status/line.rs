//! The line: empty without a journal, a marker for one that cannot be read, and tonight's counts
//! (agreeing with `cramp habits`) for an empty journal and one of ten years; placeholders, colour
//! only when asked, and nothing written, created or locked.

use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;

use cramp_coach::journal::Journal;
use jiff::civil::{Date, date};

use crate::support::home::Home;
use crate::support::home::running_as_root;
use crate::{HEADER, SETUP, at, no_faketime, tree};

/// Tuesday evening: tonight is the night of 2026-12-01.
const EVENING: &str = "2026-12-01 20:00:00";
const TONIGHT: Date = date(2026, 12, 1);

#[test]
fn without_a_journal_the_line_is_empty_and_nothing_is_created() {
    let home = Home::new(SETUP);
    let before = tree(home.path());
    for args in [
        &["status"][..],
        &["status", "--color"],
        &["status", "--format", "{stretch} {done}/{total}"],
    ] {
        let out = home.run(args);
        out.ok();
        assert_eq!(out.stdout, "\n", "`cramp {}`", out.args);
        assert_eq!(out.stderr, "", "`cramp {}`", out.args);
    }
    assert_eq!(tree(home.path()), before, "status created something");
    assert!(!home.data().exists());

    // Found through XDG_DATA_HOME, with no --data-dir: the folder is not made either.
    let xdg = Home::new(crate::support::home::Setup {
        data_dir: false,
        ..SETUP
    });
    let before = tree(xdg.path());
    let out = xdg.run(&["status"]);
    out.ok();
    assert_eq!(out.stdout, "\n");
    assert_eq!(tree(xdg.path()), before);
}

#[test]
fn an_empty_journal_shows_tonight_with_nothing_done() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal(HEADER);
    let out = at(&home, EVENING, &["status"]);
    out.ok();
    assert_eq!(out.stdout, "stretch ○ · 0/7 habits · 0 cramps this week\n");
    assert_eq!(out.stderr, "");
    assert_eq!(home.journal_bytes().unwrap(), HEADER.as_bytes());
    assert_eq!(
        home.listing(),
        ["journal.txt"],
        "no lock, no temporary file"
    );
}

#[test]
fn a_skipped_night_says_so_and_reminds_of_nothing() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal("cramp-coach journal 2\nnight 2026-12-01 stretch\nskip 2026-12-01 away\n");
    let out = at(&home, EVENING, &["status"]);
    out.ok();
    assert_eq!(out.stdout, "tonight skipped · 0 cramps this week\n");
    assert_eq!(out.stderr, "");
    let home = Home::new(SETUP);
    home.put_journal("cramp-coach journal 2\nskip 2026-12-01\n");
    let out = at(&home, "2026-12-01 22:30:00", &["status", "--due"]);
    out.code(1);
    assert_eq!(out.stdout, "");
}

/// Journals status cannot read, each as the test puts it in place.
/// A named way to put an unreadable journal in place.
type Case = (&'static str, Box<dyn Fn()>);

fn unreadable_journals(home: &Home) -> Vec<Case> {
    let journal = home.journal();
    let data = home.data();
    let mut cases: Vec<Case> = Vec::new();
    let put = |bytes: &'static [u8]| {
        let (j, d) = (journal.clone(), data.clone());
        Box::new(move || {
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(&j, bytes).unwrap();
        }) as Box<dyn Fn()>
    };
    cases.push(("garbage", put(b"hello, world\n")));
    cases.push((
        "a newer version",
        put(b"cramp-coach journal 3\nnight 2026-12-01 stretch\n"),
    ));
    cases.push((
        "not UTF-8",
        put(b"cramp-coach journal 1\nnight 2026-12-01 \xff\n"),
    ));
    cases.push((
        "a broken last line",
        put(b"cramp-coach journal 1\nnight 2026-11-30 stretch\nnight 2026-12-0x stretch\n"),
    ));
    cases.push((
        "a broken diary line",
        put(b"cramp-coach journal 1\nnight 2026-11-30 stretch\ncramp 1 night=2026-11-30 at=soon\n"),
    ));
    let j = journal.clone();
    cases.push((
        "a folder",
        Box::new(move || std::fs::create_dir_all(&j).unwrap()),
    ));
    let (j, d) = (journal.clone(), data.clone());
    cases.push((
        "a FIFO",
        Box::new(move || {
            std::fs::create_dir_all(&d).unwrap();
            let ok = std::process::Command::new("mkfifo")
                .arg(&j)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "mkfifo");
        }),
    ));
    if !running_as_root() {
        let (j, d) = (journal.clone(), data.clone());
        cases.push((
            "a file it may not read",
            Box::new(move || {
                std::fs::create_dir_all(&d).unwrap();
                std::fs::write(&j, HEADER).unwrap();
                std::fs::set_permissions(&j, std::fs::Permissions::from_mode(0o000)).unwrap();
            }),
        ));
    }
    cases
}

#[test]
fn an_unreadable_journal_gives_a_short_marker_exit_0_and_is_left_as_it_is() {
    let probe = Home::new(SETUP);
    let names: Vec<&str> = unreadable_journals(&probe).iter().map(|c| c.0).collect();
    for (i, name) in names.iter().enumerate() {
        let home = Home::new(SETUP);
        (unreadable_journals(&home)[i].1)();
        let before = tree(home.path());
        // (A FIFO is not read: that would wait for a writer.)
        let bytes = || {
            std::fs::symlink_metadata(home.journal())
                .is_ok_and(|m| m.is_file())
                .then(|| home.journal_bytes())
        };
        let before_bytes = bytes();
        for args in [&["status"][..], &["status", "--format", "{done}"]] {
            let out = home.run(args);
            out.ok();
            assert_eq!(out.stdout, "cramp ?\n", "{name}: `cramp {}`", out.args);
            assert_eq!(out.stderr, "", "{name}: a prompt gets no error text");
        }
        // --due cannot know: not due, without a word.
        let out = home.run(&["status", "--due"]);
        out.code(1);
        assert_eq!(
            (out.stdout.as_str(), out.stderr.as_str()),
            ("", ""),
            "{name}"
        );
        assert_eq!(bytes(), before_bytes, "{name}: the journal changed");
        assert_eq!(tree(home.path()), before, "{name}: something was created");
        // A command that reads the whole journal says what is wrong.
        let log = home.run(&["log"]);
        assert!(
            matches!(log.code, Some(1 | 3)) && !log.stderr.is_empty(),
            "{name}: `cramp log` said {:?}",
            log.code
        );
    }
}

/// Ten years of nights for the built-in habits, ending tonight, and a cramp every fifth night.
fn ten_years() -> (String, u32) {
    let mut j = Journal::default();
    let first = date(2016, 12, 2);
    let mut night = first;
    let mut n = 0u32;
    let mut cramp_nights = Vec::new();
    while night <= TONIGHT {
        if !n.is_multiple_of(3) {
            j.set(night, "stretch", 1);
        }
        j.set(night, "fluids", n % 8);
        if n.is_multiple_of(2) {
            j.set(night, "bedding", 1);
        }
        if n % 5 == 1 {
            j.set(night, "move", 1);
        }
        if n.is_multiple_of(5) {
            cramp_nights.push(night);
        }
        night = night.tomorrow().unwrap();
        n += 1;
    }
    let mut text = j.to_text();
    let week = date(2026, 11, 25)..=TONIGHT;
    let mut in_week = 0;
    for (i, night) in cramp_nights.iter().enumerate() {
        let next = night.tomorrow().unwrap();
        // Ids of eight letters, as the app makes them.
        let id: String = (0..8)
            .map(|k| char::from(b'a' + ((i / 26usize.pow(k)) % 26) as u8))
            .collect();
        text.push_str(&format!(
            "cramp {id} night={night} at={next}T03:10:00+00:00 muscle=calf side=left intensity=3 seconds=60\n"
        ));
        in_week += u32::from(week.contains(night));
    }
    (text, in_week)
}

/// Tonight as `cramp habits` prints it: habits kept, habits that apply, the first open one, and
/// whether the stretch is kept.
fn habits_say(stdout: &str) -> (u32, u32, String, bool) {
    let (mut done, mut total, mut next, mut stretch) = (0, 0, String::new(), false);
    for line in stdout.lines().take_while(|l| l.starts_with('[')) {
        let close = line.find(']').unwrap();
        let state = &line[1..close];
        let id = line[close + 1..].split_whitespace().next().unwrap();
        let kept = match state.split_once('/') {
            Some((n, target)) => n.parse::<u32>().unwrap() >= target.parse().unwrap(),
            None => state == "x",
        };
        if state != "-" {
            total += 1;
            if !kept && next.is_empty() {
                next = id.to_string();
            }
        }
        done += u32::from(kept);
        if id == "stretch" {
            stretch = kept;
        }
    }
    (done, total, next, stretch)
}

#[test]
fn a_ten_year_journal_agrees_with_cramp_habits() {
    if no_faketime() {
        return;
    }
    let (text, in_week) = ten_years();
    assert!(text.len() > 200_000, "ten years: {} bytes", text.len());
    // As the app writes it (read from its end), and the same with Windows line breaks and a
    // comment (read whole).
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(50, "# a note added by hand");
    let unusual = format!("{}\r\n", lines.join("\r\n"));
    for (what, journal) in [("as written", &text), ("rearranged", &unusual)] {
        let home = Home::new(SETUP);
        home.put_journal(journal);
        let habits = at(&home, EVENING, &["habits"]);
        habits.ok();
        let (done, total, next, stretch) = habits_say(&habits.stdout);
        assert_eq!(total, 7, "{what}: {}", habits.stdout);
        assert!(
            done > 0 && done < 7,
            "{what}: a night with some done: {}",
            habits.stdout
        );
        let mark = if stretch { "●" } else { "○" };
        let out = at(
            &home,
            EVENING,
            &[
                "status",
                "--format",
                "{done}/{total} {cramps_week} {stretch} {next}",
            ],
        );
        out.ok();
        assert_eq!(
            out.stdout,
            format!("{done}/{total} {in_week} {mark} {next}\n"),
            "{what}: habits said\n{}",
            habits.stdout
        );
        let line = at(&home, EVENING, &["status"]);
        assert_eq!(
            line.stdout,
            format!(
                "stretch {mark} · {done}/{total} habits · {in_week} {} this week\n",
                if in_week == 1 { "cramp" } else { "cramps" }
            ),
            "{what}"
        );
        assert_eq!(home.journal_bytes().unwrap(), journal.as_bytes(), "{what}");
        assert_eq!(home.listing(), ["journal.txt"], "{what}: no lock taken");
        // Two nights later the week holds fewer cramps and tonight nothing is done.
        let later = at(&home, "2026-12-03 20:00:00", &["status"]);
        assert!(
            later.stdout.starts_with("stretch ○ · 0/7 habits · "),
            "{what}: {}",
            later.stdout
        );
    }
}

#[test]
fn placeholders_braces_and_an_unknown_placeholder() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal(format!(
        "{HEADER}night 2026-11-30 stretch\nnight 2026-12-01 bedding fluids=2\n\
         cramp 1 night=2026-11-30 at=2026-12-01T03:00:00+00:00 muscle=calf\n\
         cramp 2 night=2026-11-20 at=2026-11-21T03:00:00+00:00\n"
    ));
    let out = at(
        &home,
        EVENING,
        &[
            "status",
            "--format",
            "{{{stretch}}} {done}/{total} open {open} · {cramps_week} · {next}: {next_title} }}",
        ],
    );
    out.ok();
    assert_eq!(
        out.stdout,
        "{○} 1/7 open 6 · 1 · stretch: Bedtime stretch }\n"
    );
    // Tonight all done: {next} is empty.
    let all = "alcohol-caffeine bedding fluids=6 footwear move no-late-legs stretch";
    home.put_journal(format!("{HEADER}night 2026-12-01 {all}\n"));
    let out = at(
        &home,
        EVENING,
        &["status", "--format", "[{next}] {done}/{total}"],
    );
    assert_eq!(out.stdout, "[] 7/7\n");

    for (format, says) in [
        ("{strech} {done}", "unknown placeholder {strech}"),
        ("{done", "not closed"),
        ("done}", "closes nothing"),
    ] {
        let out = home.run(&["status", "--format", format]);
        out.code(2).stderr_has(says).one_line();
        assert_eq!(out.stdout, "", "{format}");
    }
    // Refused before anything is read, journal or not.
    let fresh = Home::new(SETUP);
    fresh
        .run(&["status", "--format", "{nope}"])
        .code(2)
        .stderr_has("{stretch}");
}

#[test]
fn colour_only_when_asked() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal(format!("{HEADER}night 2026-11-30 stretch\n"));
    let plain = at(&home, EVENING, &["status"]);
    assert!(!plain.stdout.contains('\x1b'), "{:?}", plain.stdout);
    let open = at(&home, EVENING, &["status", "--color"]);
    assert_eq!(
        open.stdout,
        "stretch \x1b[33m○\x1b[0m · 0/7 habits · 0 cramps this week\n"
    );
    let kept = at(
        &home,
        "2026-12-01 03:00:00",
        &["status", "--color", "--format", "{stretch}"],
    );
    assert_eq!(
        kept.stdout, "\x1b[32m●\x1b[0m\n",
        "03:00 is still the night of Nov 30"
    );
}

#[test]
fn a_closed_pipe_changes_nothing_and_says_nothing() {
    let home = Home::new(SETUP);
    home.put_journal(format!("{HEADER}night 2026-11-30 stretch\n"));
    for args in [&["status"][..], &["status", "--format", "{done}"]] {
        let mut cmd = home.std_cramp(args);
        cmd.stdout(Stdio::from(crate::support::out::closed_pipe()));
        let out = home.run_std(args, cmd);
        out.ok();
        assert_eq!(out.stderr, "", "`cramp {}`", out.args);
    }
}

#[test]
fn a_held_lock_does_not_hold_status_up() {
    let home = Home::new(SETUP);
    home.put_journal(format!("{HEADER}night 2026-11-30 stretch\n"));
    let lock = std::fs::File::create(home.lock()).unwrap();
    lock.lock().unwrap();
    let out = home.run(&["status"]);
    out.ok();
    assert!(out.stdout.contains("habits"), "{}", out.stdout);
    assert_eq!(out.stderr, "");
}

#[test]
fn broken_files_in_their_usual_place_give_way_silently_but_a_flag_must_be_right() {
    let home = Home::new(SETUP);
    home.put_journal(HEADER);
    home.write(
        "config/cramp-coach/config.toml",
        "remind_after = \"25:00\"\n",
    );
    home.write("config/cramp-coach/content.toml", "[[habit]]\nid = \"x\"\n");
    let out = home.run(&["status"]);
    out.ok();
    assert!(
        out.stdout.starts_with("stretch ○ · 0/7 habits"),
        "{}",
        out.stdout
    );
    assert_eq!(out.stderr, "", "a prompt gets no warnings");

    let bad = home.file("bad.toml", "remind_after = \"25:00\"\n");
    home.run(&["--config", &bad, "status"])
        .code(2)
        .stderr_has("bad.toml:1:16: remind_after \"25:00\"");
    let bad = home.file(
        "bad-content.toml",
        "[[habit]]\nid = \"x\"\nreminder = \"yes\"\n",
    );
    home.run(&["--content", &bad, "status"])
        .code(2)
        .stderr_has("bad-content.toml:3:12");
}

#[test]
fn titles_from_a_content_file_are_sanitised() {
    let home = Home::new(SETUP);
    home.put_journal(HEADER);
    let content = home.file(
        "c.toml",
        "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n\
         [[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull the toes.\"\nseconds = 30\n\
         [[habit]]\nid = \"tea\"\ntitle = \"Tea \\u001b[31mred\"\n",
    );
    let out = home.run(&["--content", &content, "status", "--format", "{next_title}"]);
    out.ok();
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
    assert!(out.stdout.starts_with("Tea "), "{:?}", out.stdout);
}
