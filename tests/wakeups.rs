//! Wake-ups, counted: the real `cramp` on a pseudo-terminal, its voluntary context switches (every
//! time one of its threads went to sleep and was woken: what `/proc/PID/task/*/status` counts, and
//! what BENCHMARKS.md measures as wake-ups) read before and after two windows of real time: while a
//! routine counts down and while the screen is still (paused). Each window begins once every
//! thread of the app sleeps.
//!
//! It asserts counts, not durations: while counting, at most one wake-up a change of the countdown
//! on Linux's timerfd and two on tokio's timer (the cargo feature `portable`, what macOS and
//! Windows use), and at least one a second less one (the loop is seen waking for the countdown);
//! on a still screen, none at all.
//!
//! Linux only (`/proc`); CI runs it on both timer paths.

#![cfg(target_os = "linux")]
// Tests assert by panicking: the denials in Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::time::{Duration, Instant};

use support::home::{Home, Setup};
use support::pty::{TIMEOUT, Tui, digit_rows, runner_ready, shows};

const SETUP: Setup = Setup {
    prefix: "cramp-wake",
    ..Setup::BASE
};

/// How long each window lets pass, in whole seconds.
const COUNTING_SECONDS: u64 = 4;
const STILL_SECONDS: u64 = 3;

/// The most wake-ups in a window of `seconds` while counting. The countdown changes at most
/// `seconds + 1` times in it. The timerfd wakes the process once a change. tokio's timer wakes it
/// twice: its wheel files a deadline a second away in a 64 ms slot, wakes at the slot's start to
/// refile it, then at the deadline; and once more when a deadline crosses one of the wheel's coarser
/// boundaries (every 4.096 s, 262 s…: at most twice in a window this short). One more for the
/// window's edge.
fn most_while_counting(seconds: u64) -> u64 {
    let changes = seconds + 1;
    let timer = if cfg!(feature = "portable") {
        2 * changes + 2
    } else {
        changes
    };
    timer + 1
}

/// Each of the app's threads' voluntary context switches so far, by thread id.
fn switches(pid: i32) -> BTreeMap<String, u64> {
    let tasks = fs::read_dir(format!("/proc/{pid}/task")).expect("the app's threads in /proc");
    tasks
        .flatten()
        .filter_map(|task| {
            let status = fs::read_to_string(task.path().join("status")).ok()?;
            let n = status
                .lines()
                .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))?
                .trim()
                .parse()
                .ok()?;
            Some((task.file_name().to_string_lossy().into_owned(), n))
        })
        .collect()
}

/// Wake-ups between two readings: what each thread there at the end did since the first (a thread
/// that ended in between is not counted; one that began, all of its own).
fn woken(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> u64 {
    after
        .iter()
        .map(|(tid, n)| n.saturating_sub(before.get(tid).copied().unwrap_or(0)))
        .sum()
}

/// Waits until every thread of the app sleeps (state `S`), so that a reading taken next counts
/// only wake-ups to come, not the end of what the app was doing when the screen changed.
fn settled(pid: i32) -> BTreeMap<String, u64> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let tasks = fs::read_dir(format!("/proc/{pid}/task")).expect("the app's threads in /proc");
        let asleep = tasks.flatten().all(|task| {
            fs::read_to_string(task.path().join("stat")).is_ok_and(|stat| {
                // `TID (NAME) STATE …`: the name may hold spaces and parentheses.
                stat.rsplit_once(") ")
                    .is_some_and(|(_, rest)| rest.starts_with('S'))
            })
        });
        if asleep {
            return switches(pid);
        }
        assert!(Instant::now() < deadline, "the app never went to sleep");
        // A short pause between polls, not a synchronisation.
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn the_app_wakes_once_a_change_while_counting_and_never_while_still() {
    let home = Home::new(SETUP);
    let config = home.quick_config();
    let mut tui = Tui::spawn(&home, &["--config", &config, "run", "bedtime"]);
    tui.wait_for("the bedtime runner counting", |screen| {
        runner_ready(screen) && shows(screen, "Calf stretch") && digit_rows(screen).len() == 3
    });
    // Past the first frames and the journal's first read: the countdown has moved by itself.
    let first = digit_rows(tui.screen());
    tui.wait_for("the countdown to move", |screen| {
        digit_rows(screen) != first
    });
    let pid = tui.pid();

    let before = settled(pid);
    tui.let_time_pass(Duration::from_secs(COUNTING_SECONDS));
    let counting = woken(&before, &switches(pid));

    tui.send(" ");
    tui.wait_text("paused");
    let before = settled(pid);
    tui.let_time_pass(Duration::from_secs(STILL_SECONDS));
    let still = woken(&before, &switches(pid));
    assert!(
        shows(tui.screen(), "paused"),
        "still paused\n{}",
        tui.dump()
    );

    tui.send("\x03");
    tui.expect_exit(0);

    let most = most_while_counting(COUNTING_SECONDS);
    let least = COUNTING_SECONDS - 1;
    let seen = format!(
        "{counting} wake-ups in {COUNTING_SECONDS} s of counting, {still} in {STILL_SECONDS} s \
         of a still screen"
    );
    assert!(
        counting <= most,
        "at most {most} wake-ups while counting: {seen}"
    );
    assert!(
        counting >= least,
        "the loop wakes for each change of the countdown: {seen}"
    );
    assert_eq!(still, 0, "no wake-up on a still screen: {seen}");
}
