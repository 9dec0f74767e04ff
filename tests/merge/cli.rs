//! `cramp merge`, the git merge driver, and conflict copies left by a sync tool.

use std::fs;
use std::process::Command;

use crate::support::home::{BIN, Home, Setup, mode};

pub fn home() -> Home {
    Home::new(Setup {
        data_dir: true,
        ..Setup::BASE
    })
}

/// Two homes whose journals share a start and then went their own ways (laptop, desktop).
fn diverged() -> (Home, Home) {
    let laptop = home();
    laptop
        .run(&["check", "stretch", "--date", "2026-11-20"])
        .ok();
    laptop.add("calf", "left", "3", "2026-11-21 03:10", &[]);
    let desktop = home();
    desktop.put_journal(laptop.journal_bytes().unwrap());
    laptop
        .run(&["check", "stretch", "--date", "2026-11-20", "--undo"])
        .ok();
    laptop
        .run(&["skip", "--date", "2026-11-24", "--reason", "travelling"])
        .ok();
    laptop.add("foot", "right", "2", "2026-11-25 02:00", &[]);
    desktop
        .run(&["check", "fluids", "--date", "2026-11-20"])
        .ok();
    desktop
        .run(&["note", "--date", "2026-11-22", "new shoes"])
        .ok();
    let first = desktop.run(&["log"]).stdout;
    let id = first
        .split_whitespace()
        .next()
        .unwrap()
        .trim_start_matches('#')
        .to_string();
    desktop.run(&["log", "remove", &id]).ok();
    (laptop, desktop)
}

#[test]
fn merge_folds_a_copy_in_says_what_changed_and_is_idempotent() {
    let (laptop, desktop) = diverged();
    let copy = laptop.write("desktop.txt", desktop.journal_bytes().unwrap());
    let out = laptop.run(&["merge", copy.to_str().unwrap()]);
    out.ok();
    assert!(
        out.stdout.contains("night 2026-11-20: fluids 0 → 1"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("night 2026-11-22: note: new shoes"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("removed"), "{}", out.stdout);
    assert!(out.stdout.ends_with("changes\n"), "{}", out.stdout);
    let j = laptop.parsed();
    let n20 = jiff::civil::date(2026, 11, 20);
    assert_eq!(
        j.count(n20, "stretch"),
        0,
        "the laptop's untick came later than the desktop's copy"
    );
    assert_eq!(j.count(n20, "fluids"), 1);
    assert_eq!(
        j.skipped(jiff::civil::date(2026, 11, 24)),
        Some("travelling")
    );
    assert_eq!(
        j.episodes().len(),
        1,
        "the desktop removed the shared cramp; the foot cramp stays"
    );
    assert_eq!(mode(&laptop.journal()), 0o600);
    // Again: nothing changes, not a byte.
    let before = laptop.journal_bytes();
    let out = laptop.run(&["merge", copy.to_str().unwrap()]);
    out.ok();
    assert_eq!(
        out.stdout,
        "nothing to merge: the journal already holds everything\n"
    );
    assert_eq!(laptop.journal_bytes(), before);
}

#[test]
fn a_into_b_equals_b_into_a_byte_for_byte() {
    let (laptop, desktop) = diverged();
    let from_desktop = laptop.write("other.txt", desktop.journal_bytes().unwrap());
    let from_laptop = desktop.write("other.txt", laptop.journal_bytes().unwrap());
    laptop.run(&["merge", from_desktop.to_str().unwrap()]).ok();
    desktop.run(&["merge", from_laptop.to_str().unwrap()]).ok();
    assert_eq!(laptop.journal_bytes(), desktop.journal_bytes());
}

#[test]
fn dry_run_says_what_would_change_and_writes_nothing() {
    let (laptop, desktop) = diverged();
    let copy = laptop.write("desktop.txt", desktop.journal_bytes().unwrap());
    let before = laptop.journal_bytes();
    let out = laptop.run(&["merge", "--dry-run", copy.to_str().unwrap()]);
    out.ok();
    assert!(out.stdout.contains("fluids 0 → 1"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("would be made (dry run: nothing written)"),
        "{}",
        out.stdout
    );
    assert_eq!(laptop.journal_bytes(), before);
}

#[test]
fn merge_refuses_what_is_not_a_journal_or_is_newer_and_writes_nothing() {
    let (laptop, _) = diverged();
    let before = laptop.journal_bytes();
    for (name, text) in [
        ("notes.txt", "shopping: milk\n"),
        ("newer.txt", "cramp-coach journal 3\n"),
        ("broken.txt", "cramp-coach journal 2\nnight 2026-13-01 a\n"),
    ] {
        let file = laptop.write(name, text);
        let out = laptop.run(&["merge", file.to_str().unwrap()]);
        out.code(3).one_line();
        assert!(out.stderr.contains(name), "{}", out.stderr);
        assert_eq!(laptop.journal_bytes(), before, "{name}");
    }
    // One bad file among good ones: nothing is merged at all.
    let good = laptop.write("good.txt", "cramp-coach journal 2\nnight 2026-11-29 move\n");
    let bad = laptop.write("bad.txt", "hello\n");
    laptop
        .run(&["merge", good.to_str().unwrap(), bad.to_str().unwrap()])
        .code(3);
    assert_eq!(laptop.journal_bytes(), before);
    // A FIFO is not waited on.
    let fifo = laptop.path().join("fifo.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = laptop.run(&["merge", fifo.to_str().unwrap()]);
    assert_ne!(out.code, Some(0));
}

fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "git {args:?}: {text}");
    text
}

#[test]
fn git_pull_merges_journals_with_the_driver_and_no_conflict_markers() {
    let h = home();
    let repo = h.data();
    fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    // The two lines the README gives.
    fs::write(repo.join(".gitattributes"), "journal.txt merge=cramp\n").unwrap();
    git(
        &repo,
        &["config", "merge.cramp.name", "cramp-coach journal"],
    );
    git(
        &repo,
        &[
            "config",
            "merge.cramp.driver",
            &format!("{BIN} merge --driver %O %A %B"),
        ],
    );
    h.run(&["check", "stretch", "--date", "2026-11-20"]).ok();
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "start"]);
    git(&repo, &["checkout", "-qb", "laptop"]);
    h.run(&["check", "fluids", "--date", "2026-11-20"]).ok();
    h.run(&["note", "--date", "2026-11-20", "long walk"]).ok();
    git(&repo, &["commit", "-qam", "laptop"]);
    git(&repo, &["checkout", "-q", "main"]);
    h.run(&["check", "bedding", "--date", "2026-11-21"]).ok();
    h.run(&["check", "stretch", "--date", "2026-11-20", "--undo"])
        .ok();
    git(&repo, &["commit", "-qam", "desktop"]);
    git(&repo, &["merge", "-q", "--no-edit", "laptop"]);
    let text = fs::read_to_string(h.journal()).unwrap();
    assert!(
        !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
        "{text}"
    );
    let j = h.parsed();
    let (n20, n21) = (
        jiff::civil::date(2026, 11, 20),
        jiff::civil::date(2026, 11, 21),
    );
    assert_eq!(j.count(n20, "fluids"), 1);
    assert_eq!(j.count(n21, "bedding"), 1);
    assert_eq!(j.count(n20, "stretch"), 0);
    assert_eq!(j.note(n20), Some("long walk"));
    // The merge was made by the driver: a merge commit, nothing left to resolve.
    assert!(git(&repo, &["log", "--oneline", "-1"]).contains("Merge branch"));
    assert!(!git(&repo, &["status", "--porcelain"]).contains("UU"));
}

#[test]
fn a_sync_conflict_copy_is_merged_at_the_next_command_and_put_away() {
    let (laptop, desktop) = diverged();
    let name = "journal.sync-conflict-20261201-031500-ABCDEFG.txt";
    fs::write(laptop.data().join(name), desktop.journal_bytes().unwrap()).unwrap();
    // A read command finds it too.
    let out = laptop.run(&["habits", "--date", "2026-11-20"]);
    out.ok();
    assert!(
        out.stderr.contains(name) && out.stderr.contains("merged/"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(!laptop.data().join(name).exists());
    let kept = laptop.data().join("merged").join(name);
    assert_eq!(
        fs::read(&kept).unwrap(),
        desktop.journal_bytes().unwrap(),
        "never deleted"
    );
    assert_eq!(
        laptop
            .parsed()
            .count(jiff::civil::date(2026, 11, 20), "fluids"),
        1
    );
    // Said once: the next command says nothing.
    let out = laptop.run(&["habits"]);
    assert_eq!(out.stderr, "");

    // A copy that cannot be read is left where it is, and said so.
    let bad = "journal.sync-conflict-20261201-040000-XYZ.txt";
    fs::write(laptop.data().join(bad), "not a journal\n").unwrap();
    let out = laptop.run(&["check", "move"]);
    out.ok();
    assert!(
        out.stderr.contains(bad) && out.stderr.contains("not merged"),
        "{}",
        out.stderr
    );
    assert!(laptop.data().join(bad).exists());
}

#[test]
fn a_version_1_journal_is_upgraded_by_a_merge_and_kept_once() {
    let h = home();
    let v1 = "cramp-coach journal 1\nnight 2026-11-20 stretch\ncramp 1 night=2026-11-20 at=2026-11-21T03:00:00+00:00 muscle=calf\n";
    h.put_journal(v1);
    let other = h.write(
        "other.txt",
        "cramp-coach journal 2\nnight 2026-11-21 move\n",
    );
    h.run(&["merge", other.to_str().unwrap()]).ok();
    assert_eq!(
        fs::read_to_string(h.data().join("journal.v1.bak")).unwrap(),
        v1
    );
    let text = fs::read_to_string(h.journal()).unwrap();
    assert!(text.starts_with("cramp-coach journal 2\n"));
    assert_eq!(h.parsed().episodes().len(), 1);
}

#[test]
fn the_driver_takes_an_empty_side_as_an_empty_journal_and_an_unreadable_file_is_exit_1() {
    let h = home();
    let empty = h.write("base.txt", "");
    let ours = h.write(
        "ours.txt",
        "cramp-coach journal 2\nnight 2026-11-20 stretch\n",
    );
    let theirs = h.write(
        "theirs.txt",
        "cramp-coach journal 2\nnight 2026-11-20 fluids=2\n",
    );
    let out = h.run(&[
        "merge",
        "--driver",
        empty.to_str().unwrap(),
        ours.to_str().unwrap(),
        theirs.to_str().unwrap(),
    ]);
    out.ok();
    let text = fs::read_to_string(&ours).unwrap();
    assert!(
        text.contains("\nnight 2026-11-20 fluids=2 stretch\n"),
        "{text}"
    );
    // A file that cannot be read is an input/output error, not an unreadable journal.
    let out = h.run(&["merge", "/nonexistent/journal.txt"]);
    out.code(1).one_line();
}

#[test]
fn git_merges_a_journal_both_branches_added() {
    let h = home();
    let repo = h.data();
    fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    fs::write(repo.join(".gitattributes"), "journal.txt merge=cramp\n").unwrap();
    fs::write(repo.join(".gitignore"), "journal.lock\n").unwrap();
    git(
        &repo,
        &[
            "config",
            "merge.cramp.driver",
            &format!("{BIN} merge --driver %O %A %B"),
        ],
    );
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "setup"]);
    git(&repo, &["checkout", "-qb", "laptop"]);
    h.run(&["check", "stretch", "--date", "2026-11-20"]).ok();
    git(&repo, &["add", "journal.txt"]);
    git(&repo, &["commit", "-qm", "laptop"]);
    git(&repo, &["checkout", "-q", "main"]);
    h.run(&["check", "fluids", "--date", "2026-11-20"]).ok();
    git(&repo, &["add", "journal.txt"]);
    git(&repo, &["commit", "-qm", "main"]);
    git(&repo, &["merge", "-q", "--no-edit", "laptop"]);
    let j = h.parsed();
    let n20 = jiff::civil::date(2026, 11, 20);
    assert_eq!((j.count(n20, "stretch"), j.count(n20, "fluids")), (1, 1));
}

#[test]
fn a_dry_run_with_a_conflict_copy_beside_the_journal_writes_and_moves_nothing() {
    let (laptop, desktop) = diverged();
    let name = "journal.sync-conflict-20261201-031500-ABCDEFG.txt";
    fs::write(laptop.data().join(name), desktop.journal_bytes().unwrap()).unwrap();
    let other = laptop.write("empty.txt", "cramp-coach journal 2\n");
    let before = laptop.journal_bytes();
    let listing = laptop.listing();
    let out = laptop.run(&["merge", "--dry-run", other.to_str().unwrap()]);
    out.ok();
    assert_eq!(laptop.journal_bytes(), before);
    assert_eq!(laptop.listing(), listing);
    assert!(laptop.data().join(name).exists());
}

#[test]
fn a_merged_folder_that_is_a_link_or_a_copy_that_is_a_link_is_not_used() {
    let (laptop, desktop) = diverged();
    // merged/ a link to a folder elsewhere: the copy is merged but stays where it is.
    let elsewhere = laptop.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, laptop.data().join("merged")).unwrap();
    let name = "journal.sync-conflict-20261201-031500-ABCDEFG.txt";
    fs::write(laptop.data().join(name), desktop.journal_bytes().unwrap()).unwrap();
    let out = laptop.run(&["check", "move"]);
    out.ok();
    assert!(out.stderr.contains("stays where it is"), "{}", out.stderr);
    assert!(laptop.data().join(name).exists());
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    // A copy that is a link is not followed, and it is said.
    let target = laptop.write("secret.txt", desktop.journal_bytes().unwrap());
    let link = "journal.sync-conflict-20261201-050000-LINK.txt";
    std::os::unix::fs::symlink(&target, laptop.data().join(link)).unwrap();
    let out = laptop.run(&["check", "bedding"]);
    out.ok();
    assert!(
        out.stderr.contains(link) && out.stderr.contains("symbolic link"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_copy_with_a_night_the_journal_cannot_keep_is_refused() {
    let h = home();
    h.run(&["check", "stretch", "--date", "2026-11-20"]).ok();
    let before = h.journal_bytes();
    for text in [
        "cramp-coach journal 2\nnight 0500-01-01 stretch\n",
        "cramp-coach journal 2\nskip 3000-01-01\n",
        "cramp-coach journal 2\ncramp kqmzbwta night=1899-12-31 at=1900-01-01T00:30:00+00:00\n",
    ] {
        let file = h.write("old.txt", text);
        let out = h.run(&["merge", file.to_str().unwrap()]);
        out.code(3).one_line();
        assert!(
            out.stderr.contains("1900-01-01 to 2999-12-31"),
            "{}",
            out.stderr
        );
        assert_eq!(h.journal_bytes(), before, "{text}");
    }
}

#[test]
fn the_driver_does_not_write_through_a_link() {
    let h = home();
    let real = h.write(
        "real.txt",
        "cramp-coach journal 2\nnight 2026-11-20 stretch\n",
    );
    let ours = h.path().join("ours.txt");
    std::os::unix::fs::symlink(&real, &ours).unwrap();
    let theirs = h.write(
        "theirs.txt",
        "cramp-coach journal 2\nnight 2026-11-21 move\n",
    );
    let base = h.write("base.txt", "");
    let out = h.run(&[
        "merge",
        "--driver",
        base.to_str().unwrap(),
        ours.to_str().unwrap(),
        theirs.to_str().unwrap(),
    ]);
    out.code(1).one_line();
    assert!(
        fs::symlink_metadata(&ours)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        "cramp-coach journal 2\nnight 2026-11-20 stretch\n"
    );
}
