//! Live in every window: an open coach shows a change made from the shell, and merges a conflict
//! copy a sync tool leaves, without a key being pressed. (With the `portable` feature there is no
//! watch: the change shows at the next key, which `tests/pty.rs` covers.)

#![cfg(not(feature = "portable"))]

use std::fs;

use crate::cli::home;
use crate::support::pty::{Tui, home_ready, rows};

fn habit_row(screen: &vt100::Screen, title: &str) -> String {
    rows(screen)
        .into_iter()
        .find(|r| r.contains(title))
        .unwrap_or_default()
}

#[test]
fn a_tick_from_the_shell_shows_in_the_open_window_without_a_key() {
    let h = home();
    h.run(&["check", "stretch"]).ok();
    let data = h.data();
    let mut tui = Tui::spawn(&h, &["--data-dir", data.to_str().unwrap()]);
    tui.wait_for("home with the habits", |s| {
        home_ready(s) && habit_row(s, "Loose covers").contains("[ ]")
    });
    h.run(&["check", "bedding"]).ok();
    tui.wait_for("the shell's tick in the pane", |s| {
        habit_row(s, "Loose covers").contains("[x]")
    });
    // A conflict copy from a sync tool: merged, put away, said in the status line.
    let name = "journal.sync-conflict-20261201-031500-ABCDEFG.txt";
    let copy = "cramp-coach journal 2\nnight 2026-11-01 move\n";
    let temp = data.join(".incoming");
    fs::write(&temp, copy).unwrap();
    fs::rename(&temp, data.join(name)).unwrap();
    tui.wait_text("merged");
    assert!(data.join("merged").join(name).exists(), "{}", tui.dump());
    tui.send("q");
    tui.expect_exit(0);
}
