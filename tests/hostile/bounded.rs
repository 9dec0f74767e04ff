//! Nothing waits for ever: a FIFO as the journal, lock, content or config, a lock held by
//! someone else, and a TZ that names an endless, huge or malformed zone.

use std::fs::File;
use std::path::Path;
use std::process::Stdio;

use crate::support::home::Home;
use crate::{HEADER, SETUP, refused_by_every_command};

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(status.success());
}

#[test]
fn a_fifo_as_the_journal_or_the_lock_is_refused_at_once() {
    let home = Home::new(SETUP);
    home.make_data();
    mkfifo(&home.journal());
    refused_by_every_command(&home, "journal.txt: a FIFO, not a regular file");
    let home = Home::new(SETUP);
    home.make_data();
    mkfifo(&home.lock());
    home.run(&["check", "fluids"])
        .code(1)
        .stderr_has("journal.lock: a FIFO, not a regular file")
        .one_line();
    assert_eq!(home.journal_bytes(), None);
}

#[test]
fn a_fifo_as_the_content_or_config_file_does_not_hang() {
    let home = Home::new(SETUP);
    let fifo = home.path().join("content.fifo");
    mkfifo(&fifo);
    let fifo = fifo.to_string_lossy().into_owned();
    for args in [
        &["validate", fifo.as_str()][..],
        &["--content", fifo.as_str(), "list"][..],
    ] {
        home.run(args).code(2).stderr_has("content.fifo");
    }
    // An empty config is all defaults: what matters is that nothing waited for a writer.
    home.run(&["--config", fifo.as_str(), "list"]).code(0);
}

/// Holds the journal's lock, as another cramp in the middle of a change would.
fn hold_lock(home: &Home) -> File {
    home.make_data();
    let f = File::create(home.lock()).unwrap_or_else(|e| panic!("{e}"));
    f.lock().unwrap_or_else(|e| panic!("{e}"));
    f
}

#[test]
fn a_lock_held_by_someone_else_is_waited_on_visibly_then_given_up_with_nothing_written() {
    let home = Home::new(SETUP);
    home.put_journal(format!("{HEADER}night 2025-01-01 fluids=2\n"));
    let before = home.journal_bytes();
    let held = hold_lock(&home);
    home.run(&["check", "fluids"])
        .code(1)
        .stderr_has("waiting for another cramp")
        .stderr_has("gave up, nothing was written");
    assert_eq!(home.journal_bytes(), before);
    drop(held);
    home.run(&["check", "fluids"]).code(0);
}

#[test]
fn a_lock_released_while_waiting_lets_the_change_through() {
    let home = Home::new(SETUP);
    let held = hold_lock(&home);
    let mut child = home
        .std_cramp(&["check", "fluids"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    // The notice comes after a second; reading it is how the test knows the writer is waiting.
    let mut stderr = child.stderr.take().unwrap_or_else(|| panic!("stderr"));
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("waiting for another cramp") {
        let n = std::io::Read::read(&mut stderr, &mut buf).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            n > 0,
            "stderr closed before the notice: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    drop(held);
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.code(), Some(0));
    let habits = home.run(&["habits"]);
    assert!(habits.stdout.contains("[1/6] fluids"), "{}", habits.stdout);
}

#[test]
fn a_tz_that_names_an_endless_huge_fifo_or_malformed_zone_gives_utc_and_one_warning() {
    let home = Home::new(SETUP);
    let huge = home.path().join("huge-zone");
    let f = File::create(&huge).unwrap_or_else(|e| panic!("{e}"));
    f.set_len(3 << 30).unwrap_or_else(|e| panic!("{e}"));
    let fifo = home.path().join("zone.fifo");
    mkfifo(&fifo);
    for tz in [
        "/dev/zero".to_string(),
        ":/dev/urandom".to_string(),
        huge.to_string_lossy().into_owned(),
        fifo.to_string_lossy().into_owned(),
        "Nowhere/Atlantis".to_string(),
        "../../../../dev/zero".to_string(),
        "\u{1b}[6n".to_string(),
    ] {
        for args in [&["habits"][..], &["check", "fluids"][..]] {
            let mut cmd = home.cramp();
            cmd.args(args).env("TZ", &tz);
            let out = home.run_cmd(args, cmd);
            out.code(0);
            assert_eq!(out.stderr.lines().count(), 1, "TZ={tz:?}: {}", out.stderr);
            out.stderr_has("using UTC");
            assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
        }
    }
}
