//! Skipped nights and notes: `cramp skip` and `cramp note` from the shell, a skipped night that
//! keeps a streak whole across a change of the clocks, the insights leaving it out of their counts
//! and saying so, and notes in `cramp log` and both exports.
//!
//! Runs are in a fresh home with `--data-dir` and `TZ=Europe/London`; the clock is set with
//! `faketime` (installed by `.ci/run`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

use jiff::civil::date;

use cramp_coach::content::Content;
use support::home::{BIN, Home, Setup};
use support::out::Out;

const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("Europe/London"),
    ..Setup::BASE
};

/// `cramp --data-dir DATA ARGS...` with the wall clock at `clock` (local time).
fn at(h: &Home, clock: &str, args: &[&str]) -> Out {
    let mut cmd = h.command("faketime");
    cmd.arg(clock)
        .arg(BIN)
        .arg("--data-dir")
        .arg(h.data())
        .args(args);
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(support::home::HANG_GUARD);
    h.run_cmd(args, cmd)
}

/// After 21:00 on Tuesday 27 October 2026: two nights after the clocks went back (25 October).
const CLOCK: &str = "2026-10-27 21:00:00";

/// The stretch ticked every night from 19 to 27 October but the night of the 25th, when the
/// clocks went back and the person was away.
fn stretch_around_the_clock_change(h: &Home) {
    for d in 19..=27 {
        if d != 25 {
            at(
                h,
                CLOCK,
                &["check", "stretch", "--date", &format!("2026-10-{d}")],
            )
            .ok();
        }
    }
}

#[test]
fn a_skipped_night_keeps_the_streak_whole_across_the_clock_change() {
    let h = Home::new(SETUP);
    stretch_around_the_clock_change(&h);
    let streak = |h: &Home| {
        let out = at(h, CLOCK, &["habits"]);
        out.ok();
        out.stdout
            .lines()
            .find(|l| l.starts_with("streaks:"))
            .unwrap()
            .split(", ")
            .find_map(|p| {
                p.strip_prefix("streaks: stretch ")
                    .or(p.strip_prefix("stretch "))
            })
            .unwrap()
            .parse::<u32>()
            .unwrap()
    };
    assert_eq!(streak(&h), 2, "the missed night breaks it");
    let out = at(
        &h,
        CLOCK,
        &["skip", "--date", "2026-10-25", "--reason", "away"],
    );
    out.ok();
    assert_eq!(out.stdout, "skipped the night of Sun 25 Oct (away)\n");
    assert_eq!(streak(&h), 8, "a skipped night is passed over");
    // The night shows as skipped (what was ticked is shown as it is).
    let out = at(&h, CLOCK, &["habits", "--date", "2026-10-25"]);
    assert!(out.stdout.contains("[ ] stretch"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("the night of Sun 25 Oct is skipped: away"),
        "{}",
        out.stdout
    );
    // And back.
    let out = at(&h, CLOCK, &["skip", "--date", "2026-10-25", "--undo"]);
    assert_eq!(out.stdout, "the night of Sun 25 Oct counts again\n");
    assert_eq!(streak(&h), 2);
    let out = at(&h, CLOCK, &["skip", "--date", "2026-10-25", "--undo"]);
    assert_eq!(out.stdout, "the night of Sun 25 Oct was not skipped\n");
    // Not a future night.
    at(&h, CLOCK, &["skip", "--date", "2026-10-29"]).code(2);
}

#[test]
fn insights_leave_skipped_nights_out_of_their_counts_and_say_how_many() {
    let h = Home::new(SETUP);
    stretch_around_the_clock_change(&h);
    at(&h, CLOCK, &["skip", "--date", "2026-10-25"]).ok();
    at(
        &h,
        CLOCK,
        &["skip", "--date", "2026-10-22", "--reason", "flu"],
    )
    .ok();
    let out = at(&h, CLOCK, &["insights"]);
    out.ok();
    assert!(out.stdout.contains("2 nights skipped"), "{}", out.stdout);
    // Kept / due: the skipped nights are neither.
    let j = h.parsed();
    let content = Content::builtin();
    let i = cramp_coach::insights::compute(&content, &j, date(2026, 10, 27));
    assert_eq!(i.skipped, 2);
    let stretch = i.adherence.iter().find(|a| a.habit == "stretch").unwrap();
    let (kept, due): (u32, u32) = stretch
        .weeks
        .iter()
        .fold((0, 0), |(k, d), (wk, wd)| (k + wk, d + wd));
    assert_eq!(
        (kept, due),
        (7, 7),
        "8 nights tracked from the 19th, less the 22nd and the 25th, all kept... "
    );
    let c = i.comparisons.iter().find(|c| c.habit == "stretch").unwrap();
    assert_eq!(c.missed_nights, 0, "a skipped night is not a missed one");
}

#[test]
fn notes_show_in_the_log_and_both_exports() {
    let h = Home::new(SETUP);
    at(
        &h,
        CLOCK,
        &[
            "log",
            "add",
            "--muscle",
            "calf",
            "--side",
            "left",
            "--intensity",
            "3",
            "--at",
            "2026-10-26 03:00",
        ],
    )
    .ok();
    let out = at(
        &h,
        CLOCK,
        &[
            "note",
            "--date",
            "2026-10-25",
            "new medicine, started today",
        ],
    );
    out.ok();
    assert_eq!(
        out.stdout,
        "note on the night of Sun 25 Oct: new medicine, started today\n"
    );
    let log = at(&h, CLOCK, &["log"]);
    assert!(
        log.stdout
            .trim_end()
            .ends_with("note: new medicine, started today"),
        "{}",
        log.stdout
    );
    let csv = at(&h, CLOCK, &["export", "--format", "csv"]).stdout;
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",skipped,skip_reason,note"), "{header}");
    let row = csv
        .lines()
        .find(|l| l.starts_with("night,2026-10-25,"))
        .unwrap();
    assert!(row.ends_with(",\"new medicine, started today\""), "{row}");
    let md = at(&h, CLOCK, &["export", "--format", "markdown"]).stdout;
    assert!(
        md.contains("| 2026-10-25 |  | new medicine, started today |"),
        "{md}"
    );
    // A note replaces the night's note; --clear takes it away; an empty one is refused.
    at(
        &h,
        CLOCK,
        &["note", "--date", "2026-10-25", "second thought"],
    )
    .ok();
    assert_eq!(h.parsed().note(date(2026, 10, 25)), Some("second thought"));
    at(&h, CLOCK, &["note", "--date", "2026-10-25", "  "]).code(2);
    let out = at(&h, CLOCK, &["note", "--date", "2026-10-25", "--clear"]);
    assert_eq!(out.stdout, "note cleared from the night of Sun 25 Oct\n");
    assert_eq!(h.parsed().note(date(2026, 10, 25)), None);
    // Text from the command line never brings control characters into the journal.
    at(
        &h,
        CLOCK,
        &["note", "--date", "2026-10-24", "bad\u{1b}[31m\u{7}line"],
    )
    .ok();
    let text = std::fs::read_to_string(h.journal()).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
}

/// `cramp habits` reads recent nights from the end of the journal; a streak longer than that
/// window is still counted whole (the whole journal is read then).
#[test]
fn a_streak_longer_than_the_recent_nights_read_is_counted_whole() {
    let h = Home::new(SETUP);
    let mut text = String::from("cramp-coach journal 2\n");
    let mut d = date(2026, 3, 1);
    let mut nights = 0;
    while d <= date(2026, 10, 27) {
        text.push_str(&format!("night {d} fluids=2 stretch\n"));
        nights += 1;
        d = d.tomorrow().unwrap();
    }
    h.put_journal(&text);
    let out = at(&h, CLOCK, &["habits"]);
    out.ok();
    assert!(
        out.stdout
            .contains(&format!("streaks: stretch {nights}, fluids 0")),
        "{}",
        out.stdout
    );
    // An old night is shown as it is.
    let out = at(&h, CLOCK, &["habits", "--date", "2026-03-02"]);
    assert!(out.stdout.starts_with("[x] stretch"), "{}", out.stdout);
}
