//! Merging on hostile ground: writers running while a merge runs lose nothing; a merge killed at
//! any instant leaves the old journal or the new one, never a torn one.

use std::process::Stdio;
use std::time::Duration;

use crate::cli::home;
use crate::support::home::BIN;

/// A journal of `nights` nights with a few habits each, as version 2 text.
fn big_journal(nights: u32, salt: u32) -> String {
    let mut text = String::from("cramp-coach journal 2\n");
    let mut d = jiff::civil::date(2000, 1, 1);
    for n in 0..nights {
        let mut ticks = Vec::new();
        for (k, h) in ["bedding", "fluids", "move", "stretch"].iter().enumerate() {
            if (n * 7 + k as u32 * 3 + salt) % 5 < 3 {
                ticks.push(h.to_string());
            }
        }
        if !ticks.is_empty() {
            text.push_str(&format!("night {d} {}\n", ticks.join(" ")));
        }
        d = d.tomorrow().unwrap();
    }
    text
}

#[test]
fn writers_and_a_merge_at_once_lose_nothing() {
    let h = home();
    h.run(&["check", "stretch", "--date", "2026-11-01"]).ok();
    let other = h.write("other.txt", big_journal(400, 1));
    let mut writers = Vec::new();
    for (k, habit) in ["fluids", "move"].iter().enumerate() {
        let script_nights: Vec<String> = (1..=12)
            .map(|d| format!("2026-10-{:02}", d + k as u32 * 12))
            .collect();
        // Each writer ticks its habit on twelve nights, one process each.
        writers.push(std::thread::spawn({
            let nights = script_nights.clone();
            let habit = habit.to_string();
            let data = h.data();
            let path = h.path().to_path_buf();
            move || {
                for night in nights {
                    let o = std::process::Command::new(BIN)
                        .args(["--data-dir"])
                        .arg(&data)
                        .args(["check", &habit, "--date", &night])
                        .current_dir(&path)
                        .env("HOME", &path)
                        .output()
                        .unwrap();
                    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                }
            }
        }));
    }
    for _ in 0..6 {
        h.run(&["merge", other.to_str().unwrap()]).ok();
    }
    for w in writers {
        w.join().unwrap();
    }
    let j = h.parsed();
    for d in 1..=12 {
        assert_eq!(
            j.count(jiff::civil::date(2026, 10, d), "fluids"),
            1,
            "fluids on {d}"
        );
        assert_eq!(
            j.count(jiff::civil::date(2026, 10, d + 12), "move"),
            1,
            "move on {}",
            d + 12
        );
    }
    assert_eq!(j.count(jiff::civil::date(2026, 11, 1), "stretch"), 1);
    let theirs =
        cramp_coach::journal::Journal::parse(std::path::Path::new("o"), &big_journal(400, 1))
            .unwrap();
    let merged = cramp_coach::journal::merge::merge(&j, &theirs);
    assert_eq!(
        merged.to_text(),
        j.to_text(),
        "everything of the other copy is in"
    );
}

#[test]
fn a_merge_killed_at_any_instant_leaves_the_old_or_the_new_journal() {
    let h = home();
    h.put_journal(big_journal(3000, 0));
    let old = h.journal_bytes().unwrap();
    let other = h.write("other.txt", big_journal(3000, 2));
    // What a finished merge writes.
    let expected = {
        let a = cramp_coach::journal::Journal::parse(
            std::path::Path::new("a"),
            std::str::from_utf8(&old).unwrap(),
        )
        .unwrap();
        let b =
            cramp_coach::journal::Journal::parse(std::path::Path::new("b"), &big_journal(3000, 2))
                .unwrap();
        cramp_coach::journal::merge::merge(&a, &b)
            .to_text()
            .into_bytes()
    };
    for delay_us in [
        0u64, 200, 500, 1000, 2000, 3000, 5000, 8000, 12000, 20000, 40000,
    ] {
        let mut child = h
            .std_cramp(&["merge", other.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(delay_us));
        let _ = child.kill();
        let _ = child.wait();
        let now = h.journal_bytes().unwrap();
        assert!(
            now == old || now == expected,
            "torn journal after {delay_us} µs"
        );
        if now == expected {
            // Back to the old one for the next round.
            h.put_journal(&old);
        }
    }
    // No temporary file is left for long: the next write removes what a killed writer left.
    h.run(&["check", "move"]).ok();
    let names = h.listing();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}
