//! Many writer processes at once: the lock makes every read-modify-write whole, so no night and
//! no count is lost.

use std::collections::BTreeSet;
use std::process::{Command, Output, Stdio};

use jiff::civil::{Date, date};

use crate::support::HABIT_IDS;
use crate::support::home::Home;
use crate::{SETUP, assert_exit, plus_days, stdout, tick_set};

/// Starts every command, then waits for them all; returns their outputs in order.
fn spawn_all_then_wait(cmds: Vec<Command>) -> Vec<Output> {
    let children: Vec<_> = cmds
        .into_iter()
        .map(|mut c| {
            c.stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn cramp")
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait cramp"))
        .collect()
}

/// Guards the lock. Checked to fail (scratch copy, 5 runs each): with `lock.lock()` removed from
/// `Store::update`, writers fail renaming the shared temporary file away under each other (exit 1);
/// with the lock removed and a temporary file per process, round 0 already ends with 3 to 6 of the
/// 20 nights (each read-modify-write overwrote the others').
#[test]
fn twenty_writer_processes_at_once_lose_no_night() {
    const ROUNDS: usize = 5;
    const WRITERS: i64 = 20;
    for round in 0..ROUNDS {
        // A fresh home each round: the first writers also race to create the folder and file.
        let home = Home::new(SETUP);
        let nights: Vec<Date> = (0..WRITERS)
            .map(|i| plus_days(date(2025, 1, 1), i))
            .collect();
        let outs = spawn_all_then_wait(
            nights
                .iter()
                .map(|n| home.std_cramp(&["check", "stretch", "--date", &n.to_string()]))
                .collect(),
        );
        for (night, out) in nights.iter().zip(&outs) {
            assert_exit(out, 0);
            assert!(
                stdout(out).contains(&format!(
                    "[x] stretch  Bedtime stretch  (night of {})",
                    night.strftime("%a %-d %b %Y")
                )),
                "round {round}: {}",
                stdout(out)
            );
        }
        let j = home.parsed();
        let want: BTreeSet<_> = nights
            .iter()
            .map(|n| (*n, "stretch".to_string(), 1))
            .collect();
        assert_eq!(
            tick_set(&j),
            want,
            "round {round}: every night, nothing else"
        );
        for night in &nights {
            let out = home.output(&["habits", "--date", &night.to_string()]);
            assert_exit(&out, 0);
            assert!(
                stdout(&out).lines().any(|l| l.starts_with("[x] stretch ")),
                "round {round}, {night}:\n{}",
                stdout(&out)
            );
        }
    }
}

/// The same night from many processes: every `fluids` tick counts, and the yes/no habits ticked
/// alongside all land. Without the lock (and a temporary file per process) the count came out
/// 1 to 5 instead of 10 in every run.
#[test]
fn concurrent_ticks_on_one_night_all_count() {
    for round in 0..3 {
        let home = Home::new(SETUP);
        let night = "2025-03-14";
        let mut cmds: Vec<Command> = (0..10)
            .map(|_| home.std_cramp(&["check", "fluids", "--date", night]))
            .collect();
        // The other six habits, interleaved with the fluids writers.
        for (i, habit) in HABIT_IDS.iter().filter(|h| **h != "fluids").enumerate() {
            cmds.insert(
                i * 2 + 1,
                home.std_cramp(&["check", habit, "--date", night]),
            );
        }
        for out in spawn_all_then_wait(cmds) {
            assert_exit(&out, 0);
        }
        let j = home.parsed();
        assert_eq!(j.count(date(2025, 3, 14), "fluids"), 10, "round {round}");
        for habit in HABIT_IDS.iter().filter(|h| **h != "fluids") {
            assert_eq!(
                j.count(date(2025, 3, 14), habit),
                1,
                "round {round}: {habit}"
            );
        }
        let out = home.output(&["habits", "--date", night]);
        assert_exit(&out, 0);
        assert!(
            stdout(&out)
                .lines()
                .any(|l| l.starts_with("[10/6] fluids ")),
            "{}",
            stdout(&out)
        );
    }
}
