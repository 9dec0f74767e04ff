//! End to end: the real `cramp` binary on a pseudo-terminal.
//!
//! Each test runs the binary on a pty of its own (100×30 unless it says otherwise), with HOME and
//! the XDG folders in a fresh temporary directory and the `CRAMP_*` and `NO_COLOR` variables
//! removed. Everything the app writes is fed to a `vt100` screen emulator, and the tests wait for
//! what the screen shows. Every wait has a generous timeout that only bounds a failure: no test
//! sleeps to synchronise, and none asserts on how long anything took.
//!
//! `expectrl` spawns the binary on the pty and sends it keys, resizes and signals; the harness is
//! `support::pty`. The app starts at its final size, so no SIGWINCH reaches it at start (see the
//! last test for why that matters), and after it exits the pty's termios tells whether raw mode
//! was undone.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::fs;
use std::process::Command;
use std::time::Duration;

use cramp_coach::strings as s;
use expectrl::{Signal, WaitStatus};

use support::home::{Home, Setup};
use support::pty::{
    COLS, ROWS, Tui, bottom_line, digit_rows, home_ready, is_selected, routine_row, rows,
    runner_ready, shows,
};

/// HOME and the XDG folders in a temporary folder named `cramp-pty…`; no `--data-dir`, no TZ.
const SETUP: Setup = Setup {
    prefix: "cramp-pty",
    ..Setup::BASE
};

// ---------------------------------------------------------------------------------------------
// 1–2. Home, and Enter starting calf relief
// ---------------------------------------------------------------------------------------------

#[test]
fn first_screen_is_home_with_calf_relief_selected_and_the_key_line() {
    let home = Home::new(SETUP);
    let mut tui = Tui::spawn(&home, &[]);
    // `home_ready` holds the checks: the "›" marker on calf relief's row, the key line at the
    // very bottom.
    tui.wait_for("the home screen", home_ready);
    let screen = tui.screen();
    let row = routine_row(screen, "Calf cramp").unwrap_or_default();
    assert!(
        row.trim_start().starts_with("› 1"),
        "calf relief is not the selected first row: {row:?}"
    );
    let marked = rows(screen)
        .iter()
        .filter(|r| r.trim_start().starts_with('›'))
        .count();
    assert_eq!(marked, 1, "exactly one row is selected\n{}", tui.dump());
    assert!(
        !tui.echo(),
        "the terminal is in raw mode while the app runs"
    );
    tui.send("q");
    tui.expect_exit(0);
}

#[test]
fn the_full_home_key_line_shows_on_a_100_column_terminal() {
    let home = Home::new(SETUP);
    let mut tui = Tui::spawn(&home, &[]);
    tui.wait_for("the home screen with the full key line", |screen| {
        is_selected(screen, "Calf cramp") && bottom_line(screen).contains(s::HOME_KEYS)
    });
    tui.send("q");
    tui.expect_exit(0);
}

#[test]
fn enter_starts_calf_relief_with_its_first_untimed_step() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let mut tui = Tui::spawn(&home, &["--config", &config]);
    tui.wait_for("the home screen", home_ready);
    tui.send("\r");
    tui.wait_for("the calf runner", |screen| {
        runner_ready(screen)
            && shows(screen, "Toe pull until it lets go")
            && shows(screen, "hold until it lets go")
    });
    let screen = tui.screen();
    assert!(
        shows(screen, "Calf cramp"),
        "the routine title is shown\n{}",
        tui.dump()
    );
    assert_eq!(
        digit_rows(screen).len(),
        3,
        "three rows of big digits\n{}",
        tui.dump()
    );
    tui.send("\x03");
    tui.expect_exit(0);
}

// ---------------------------------------------------------------------------------------------
// 3. Space freezes the countdown
// ---------------------------------------------------------------------------------------------

#[test]
fn space_freezes_the_digits_and_space_again_resumes() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let mut tui = Tui::spawn(&home, &["--config", &config, "run", "bedtime"]);
    tui.wait_for("the bedtime runner", |screen| {
        runner_ready(screen) && shows(screen, "Calf stretch") && digit_rows(screen).len() == 3
    });
    tui.send(" ");
    tui.wait_text("paused");
    let frozen = digit_rows(tui.screen());
    assert_eq!(frozen.len(), 3, "three rows of big digits\n{}", tui.dump());

    // A running countdown would change its digits at least once in this time.
    tui.let_time_pass(Duration::from_millis(2500));
    assert!(
        shows(tui.screen(), "paused"),
        "still paused\n{}",
        tui.dump()
    );
    assert_eq!(
        digit_rows(tui.screen()),
        frozen,
        "the digits moved while paused\n{}",
        tui.dump()
    );

    tui.send(" ");
    tui.wait_for("\"paused\" to go", |screen| !shows(screen, "paused"));
    tui.wait_for("the countdown to move again", |screen| {
        digit_rows(screen) != frozen
    });
    tui.send("\x03");
    tui.expect_exit(0);
}

// ---------------------------------------------------------------------------------------------
// 4. q
// ---------------------------------------------------------------------------------------------

#[test]
fn q_on_home_quits_with_status_0_and_restores_the_terminal() {
    let home = Home::new(SETUP);
    let mut tui = Tui::spawn(&home, &[]);
    tui.wait_for("the home screen", home_ready);
    tui.send("q");
    tui.expect_exit(0);
    tui.assert_restored();
}

#[test]
fn q_in_the_runner_goes_home_and_a_second_q_quits() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let mut tui = Tui::spawn(&home, &["--config", &config, "run", "bedtime"]);
    tui.wait_for("the bedtime runner", |screen| {
        runner_ready(screen) && shows(screen, "Calf stretch")
    });
    tui.send("q");
    tui.wait_for("home", |screen| {
        home_ready(screen) && !shows(screen, "Calf stretch")
    });
    tui.send("q");
    tui.expect_exit(0);
    tui.assert_restored();
}

/// Leaving a relief routine midway offers the cramp log first; `q` skips it.
#[test]
fn q_in_relief_offers_the_cramp_log_then_q_goes_home_and_q_quits() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let mut tui = Tui::spawn(&home, &["--config", &config]);
    tui.wait_for("the home screen", home_ready);
    tui.send("\r");
    tui.wait_for("the calf runner", |screen| {
        runner_ready(screen) && shows(screen, "Toe pull until it lets go")
    });
    tui.send("q");
    tui.wait_for("the cramp log prompt", |screen| {
        shows(screen, s::LOG_PROMPT) && !shows(screen, "Toe pull until it lets go")
    });
    // q skips the log: the done screen stays, with its own keys (r would start it again).
    tui.send("q");
    tui.wait_for("the done screen, prompt closed", |screen| {
        shows(screen, s::DONE_KEYS) && !shows(screen, s::LOG_PROMPT)
    });
    tui.send("q");
    tui.wait_for("home", |screen| {
        home_ready(screen) && !shows(screen, s::LOG_PROMPT)
    });
    tui.send("q");
    tui.expect_exit(0);
    tui.assert_restored();
}

// ---------------------------------------------------------------------------------------------
// 5. Signals: 128 + N, after restoring the terminal
// ---------------------------------------------------------------------------------------------

/// Where the app is when the signal comes.
#[derive(Clone, Copy, Debug)]
enum At {
    Home,
    /// `cramp run bedtime`: a timed step counting down.
    Counting,
    /// Calf relief's first step: untimed, the clock counting up.
    Untimed,
}

fn killed_by(signal: Signal, at: At, code: i32) {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let mut tui = match at {
        At::Home | At::Untimed => Tui::spawn(&home, &["--config", &config]),
        At::Counting => Tui::spawn(&home, &["--config", &config, "run", "bedtime"]),
    };
    match at {
        At::Home => tui.wait_for("the home screen", home_ready),
        At::Counting => tui.wait_for("the bedtime runner", |screen| {
            runner_ready(screen) && shows(screen, "Calf stretch")
        }),
        At::Untimed => {
            tui.wait_for("the home screen", home_ready);
            tui.send("\r");
            tui.wait_for("the calf runner", |screen| {
                runner_ready(screen) && shows(screen, "hold until it lets go")
            });
        }
    }
    tui.signal(signal);
    let status = tui.wait_exit();
    match status {
        WaitStatus::Exited(_, c) if c == code => {}
        other => panic!(
            "{signal:?} at {at:?}: expected exit status {code}, got {other:?}\n{}",
            tui.dump()
        ),
    }
    tui.assert_restored();
}

#[test]
fn sigterm_on_home_exits_143_and_restores_the_terminal() {
    killed_by(Signal::SIGTERM, At::Home, 143);
}

#[test]
fn sigterm_while_counting_down_exits_143_and_restores_the_terminal() {
    killed_by(Signal::SIGTERM, At::Counting, 143);
}

#[test]
fn sighup_exits_129_and_restores_the_terminal() {
    killed_by(Signal::SIGHUP, At::Home, 129);
    killed_by(Signal::SIGHUP, At::Counting, 129);
}

#[test]
fn sigint_exits_130_and_restores_the_terminal() {
    killed_by(Signal::SIGINT, At::Home, 130);
    killed_by(Signal::SIGINT, At::Untimed, 130);
}

// ---------------------------------------------------------------------------------------------
// 6. A tiny terminal, then a resize
// ---------------------------------------------------------------------------------------------

#[test]
fn a_tiny_terminal_says_too_small_then_a_resize_brings_home() {
    let home = Home::new(SETUP);
    let mut tui = Tui::spawn_sized(&home, &[], 15, 5);
    // 15 columns hold only the start of the notice (see the ignored test below).
    tui.wait_text("terminal too");
    assert!(
        !shows(tui.screen(), "Calf cramp"),
        "nothing else is drawn\n{}",
        tui.dump()
    );
    tui.resize(COLS, ROWS);
    tui.wait_for("the home screen after the resize", home_ready);
    assert!(
        !shows(tui.screen(), "terminal too"),
        "the notice is gone\n{}",
        tui.dump()
    );
    // And back down: no panic on the way. (The notice shows only once the app has taken the
    // Resize event, so the `q` below cannot meet the held-key bug at the end of this file.)
    tui.resize(15, 5);
    tui.wait_for("the notice again", |screen| {
        shows(screen, "terminal too") && !shows(screen, "Calf cramp")
    });
    tui.send("q");
    tui.expect_exit(0);
    tui.assert_restored();
}

#[test]
fn a_tiny_terminal_shows_the_whole_too_small_notice() {
    let home = Home::new(SETUP);
    let mut tui = Tui::spawn_sized(&home, &[], 15, 5);
    // Read as words, so a notice wrapped over two rows counts.
    tui.wait_for("the whole notice", |screen| {
        let words: Vec<String> = rows(screen)
            .iter()
            .flat_map(|r| r.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .collect();
        words.join(" ") == "terminal too small"
    });
    tui.send("q");
    tui.expect_exit(0);
}

// ---------------------------------------------------------------------------------------------
// 7. A broken content file in its usual place
// ---------------------------------------------------------------------------------------------

#[test]
fn a_broken_content_file_warns_once_and_relief_still_starts() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    home.write(
        "config/cramp-coach/content.toml",
        "[[routine]]\nid = \"calf\"\ntitle = = \"Broken\"\nkind = \"relief\"\n",
    );
    let mut tui = Tui::spawn(&home, &["--config", &config]);
    tui.wait_for("the home screen", home_ready);
    let screen = tui.screen();
    assert!(
        shows(screen, "Bedtime stretch"),
        "the built-in routines are shown\n{}",
        tui.dump()
    );
    assert!(
        !shows(screen, "Broken"),
        "nothing from the broken file is shown\n{}",
        tui.dump()
    );
    let warnings: Vec<String> = rows(screen)
        .into_iter()
        .filter(|r| r.contains("content.toml"))
        .collect();
    assert_eq!(
        warnings.len(),
        1,
        "one warning line naming the file\n{}",
        tui.dump()
    );
    let warning = warnings[0].trim();
    let after = warning.split("content.toml:").nth(1).unwrap_or_default();
    let mut parts = after.splitn(3, ':');
    let line = parts.next().unwrap_or_default();
    let col = parts.next().unwrap_or_default();
    assert_eq!(line, "3", "the warning names the line: {warning:?}");
    assert!(
        !col.is_empty() && col.chars().all(|c| c.is_ascii_digit()),
        "the warning names the column: {warning:?}"
    );
    assert!(
        warning.contains("cramp-coach/content.toml"),
        "the warning names the file: {warning:?}"
    );

    tui.send("\r");
    tui.wait_for("the calf runner", |screen| {
        runner_ready(screen) && shows(screen, "Toe pull until it lets go")
    });
    tui.send("\x03");
    tui.expect_exit(0);
}

// ---------------------------------------------------------------------------------------------
// 8. Ctrl-C
// ---------------------------------------------------------------------------------------------

#[test]
fn ctrl_c_quits_with_status_0_and_restores_the_terminal() {
    for args in [&[][..], &["run", "bedtime"][..]] {
        let home = Home::new(SETUP);
        let config = home.quick_config();
        let mut all = vec!["--config", config.as_str()];
        all.extend_from_slice(args);
        let mut tui = Tui::spawn(&home, &all);
        tui.wait_for("the first screen", |screen| {
            home_ready(screen) || runner_ready(screen)
        });
        tui.send("\x03");
        tui.expect_exit(0);
        tui.assert_restored();
    }
}

// ---------------------------------------------------------------------------------------------
// Found while writing these: a key that comes with a resize is held back
// ---------------------------------------------------------------------------------------------
//
// crossterm 0.29's Unix event source (mio, edge-triggered epoll) returns the Resize for SIGWINCH
// and drops the tty's readiness reported in the same batch; the key's bytes stay in the tty's
// input queue until another key arrives. The other tests keep clear of it: the app gets no
// SIGWINCH at start, and after a resize they wait for the redraw (on an idle screen only the
// Resize event causes one) before they press anything.

#[test]
fn a_key_pressed_as_the_terminal_resizes_is_not_held_back() {
    let home = Home::new(SETUP);
    let mut tui = Tui::spawn(&home, &[]);
    tui.wait_for("the home screen", home_ready);
    // Each round: a resize and a key at once, then the key's effect must show (without another
    // key to push it through). One round in five or so loses on this machine; twenty rounds.
    for round in 0..20 {
        let (cols, key, row) = if round % 2 == 0 {
            (COLS - 1, "j", "Foot or sole cramp")
        } else {
            (COLS, "k", "Calf cramp")
        };
        tui.resize(cols, ROWS);
        tui.send(key);
        tui.wait_for(
            &format!(
                "round {round}: {key:?} sent with a resize to {cols} columns to select {row:?}"
            ),
            |screen| is_selected(screen, row),
        );
    }
    tui.send("q");
    tui.expect_exit(0);
}

// ---------------------------------------------------------------------------------------------
// The cramp diary, from keys to exports
// ---------------------------------------------------------------------------------------------

/// A relief routine short enough to run to its end: a hold until it lets go, then one timed step.
const SHORT_RELIEF: &str = r#"
[[routine]]
id = "short"
title = "Short relief"
kind = "relief"
muscle = "foot"

[[routine.step]]
title = "Hold until it lets go"
text = "Pull the toes back."

[[routine.step]]
title = "Walk it off"
text = "A few slow steps."
seconds = 1
"#;

/// Runs `cramp ARGS` (not on a pty) in the same home and returns its standard output.
fn cramp_output(home: &Home, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cramp"))
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.config_home())
        .env("XDG_DATA_HOME", home.data_home())
        .env_remove("CRAMP_CONTENT")
        .env_remove("CRAMP_CONFIG")
        .env_remove("CRAMP_DATA_DIR")
        .output()
        .expect("run cramp");
    assert!(
        out.status.success(),
        "cramp {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn a_relief_routine_run_to_its_end_and_logged_with_keys_reaches_the_diary_and_both_exports() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let content = home
        .write("short.toml", SHORT_RELIEF)
        .to_string_lossy()
        .into_owned();
    let mut tui = Tui::spawn(
        &home,
        &["--config", &config, "--content", &content, "run", "short"],
    );
    tui.wait_text("Hold until it lets go");
    tui.send("\r"); // it let go
    // The muscle comes pre-filled from the routine (a frame may arrive in pieces: wait for all of it).
    tui.wait_for("the log prompt, muscle pre-filled", |screen| {
        shows(screen, "Log this cramp?") && shows(screen, "[foot]")
    });
    tui.send("l");
    tui.send("3");
    tui.send("n");
    tui.wait_for("the choices shown", |screen| {
        shows(screen, "[left]") && shows(screen, "[3]") && shows(screen, "[no]")
    });
    tui.send("\r");
    // Saved: the done screen stays (Enter home, r again) and says so.
    tui.wait_for("saved, on the done screen", |screen| {
        shows(screen, "saved · cramp #") && shows(screen, s::DONE_KEYS)
    });
    // The id shown: the first four letters of the entry's (the only one in the diary).
    let id: String = rows(tui.screen())
        .iter()
        .find_map(|r| {
            r.split_once("saved · cramp #")
                .map(|(_, id)| id.to_string())
        })
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_lowercase)
        .collect();
    assert_eq!(id.len(), 4, "{}", tui.dump());
    tui.send("\r");
    tui.wait_for("home", |screen| is_selected(screen, "Short relief"));
    tui.send("q");
    tui.expect_exit(0);
    tui.assert_restored();

    let args = |rest: &[&'static str]| -> Vec<&str> {
        let mut all = vec!["--content", content.as_str()];
        all.extend_from_slice(rest);
        all
    };
    let log = cramp_output(&home, &args(&["log"]));
    let line = log.lines().next().unwrap_or_default();
    assert!(line.starts_with(&format!("#{id}  ")), "{log}");
    for part in ["  foot  left  3/5  ", "routine short"] {
        assert!(line.contains(part), "{part:?} in {line:?}");
    }
    let csv = cramp_output(&home, &args(&["export", "--format", "csv"]));
    let episode = csv
        .lines()
        .find(|l| l.starts_with("episode,"))
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(episode.contains(",foot,left,3,"), "{episode}");
    assert!(episode.contains(",no,short,"), "{episode}");
    let markdown = cramp_output(&home, &args(&["export", "--format", "markdown"]));
    assert!(markdown.contains("- Episodes logged: 1"), "{markdown}");
    assert!(
        markdown
            .lines()
            .any(|l| l.contains("| foot | left | 3 |") && l.ends_with("| no |")),
        "{markdown}"
    );
}

#[test]
fn a_tick_made_from_the_shell_shows_in_the_open_app_at_the_next_key() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let mut tui = Tui::spawn(&home, &["--config", &config]);
    tui.wait_for("the habits pane", |screen| {
        shows(screen, "[ ]   Bedtime stretch")
    });
    // Another process ticks tonight's stretch while the app is open.
    let out = cramp_output(&home, &["check", "stretch"]);
    assert!(out.starts_with("[x] stretch"), "{out}");
    // Nothing polls: the app notices at the next key (a harmless one: move down the list).
    tui.send("j");
    tui.wait_for("the outside tick", |screen| {
        shows(screen, "[x]   Bedtime stretch")
    });
    // And a tick from the app keeps it: Tab to the habits, Space on the second one.
    tui.send("\t");
    tui.send("j");
    tui.send(" ");
    tui.wait_for("saved", |screen| shows(screen, "saved · fluids 1/6"));
    let habits = cramp_output(&home, &["habits"]);
    assert!(habits.contains("[x] stretch"), "{habits}");
    assert!(habits.contains("[1/6] fluids"), "{habits}");
    tui.send("q");
    tui.expect_exit(0);
}

#[test]
fn a_speech_program_that_cannot_start_is_reported_once_and_relief_goes_on() {
    let home = Home::new(SETUP);
    let config = home.write(
        "speech.toml",
        "lead_in_seconds = 0\nbell = false\nspeak_command = [\"/nonexistent/cramp-speaker\"]\n",
    );
    let config = config.to_string_lossy().into_owned();
    let mut tui = Tui::spawn(&home, &["--config", &config, "run", "bedtime"]);
    tui.wait_for("the runner with the speech warning", |screen| {
        runner_ready(screen) && shows(screen, s::SPEECH_FAILED)
    });
    assert!(
        shows(tui.screen(), "cramp-speaker"),
        "the warning names the program:\n{}",
        tui.dump()
    );
    // The next key clears it, and later steps (each trying to speak again) do not bring it back.
    tui.send("n");
    tui.wait_for("the second hold, warning gone", |screen| {
        shows(screen, "2/3") && !shows(screen, s::SPEECH_FAILED)
    });
    tui.send("n");
    tui.wait_for("the third hold, still no warning", |screen| {
        shows(screen, "3/3") && !shows(screen, s::SPEECH_FAILED)
    });
    tui.signal(Signal::SIGTERM);
    tui.expect_exit(143);
}

#[test]
fn a_held_lock_is_shown_while_relief_goes_on_and_the_tick_lands_when_it_is_released() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    // Another cramp in the middle of a change holds the journal's lock.
    let data = home.data_home().join("cramp-coach");
    fs::create_dir_all(&data).expect("data folder");
    let lock = fs::File::create(data.join("journal.lock")).expect("lock file");
    lock.lock().expect("hold the lock");
    let mut tui = Tui::spawn(&home, &["--config", &config]);
    tui.wait_for("the habits pane", |screen| {
        shows(screen, "[ ]   Bedtime stretch")
    });
    tui.send("\t");
    tui.send(" ");
    tui.wait_for("the waiting notice", |screen| {
        shows(screen, s::WAITING_FOR_LOCK)
    });
    // The loop is not frozen: calf relief starts and counts while the change waits.
    tui.send("\t");
    tui.send("\r");
    tui.wait_for("the runner", runner_ready);
    drop(lock);
    tui.send("q");
    tui.wait_for("the log prompt", |screen| shows(screen, "Log this cramp"));
    tui.send("\x1b");
    tui.wait_for("the done screen", |screen| shows(screen, s::DONE_KEYS));
    tui.send("\r");
    tui.wait_for("home with tonight's stretch ticked", |screen| {
        shows(screen, "[x]   Bedtime stretch")
    });
    tui.send("q");
    tui.expect_exit(0);
}

#[test]
fn quitting_waits_for_a_change_still_on_its_way_to_the_journal() {
    // The change runs on the journal worker. Another cramp holds the lock, so the change waits;
    // q gives the terminal back at once, but the process stays until the change is on disk.
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let data = home.data_home().join("cramp-coach");
    fs::create_dir_all(&data).expect("data folder");
    let lock = fs::File::create(data.join("journal.lock")).expect("lock file");
    lock.lock().expect("hold the lock");
    let mut tui = Tui::spawn(&home, &["--config", &config]);
    tui.wait_for("the habits pane", |screen| {
        shows(screen, "[ ]   Bedtime stretch")
    });
    tui.send("\t");
    tui.send(" ");
    tui.wait_for("the waiting notice", |screen| {
        shows(screen, s::WAITING_FOR_LOCK)
    });
    tui.send("q");
    tui.wait_for("the terminal given back", |screen| {
        !shows(screen, "Bedtime stretch")
    });
    drop(lock);
    tui.expect_exit(0);
    let habits = cramp_output(&home, &["habits"]);
    assert!(habits.contains("[x] stretch"), "{habits}");
}
