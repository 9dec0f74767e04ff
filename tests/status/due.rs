//! `--due`: exit 0 and the reminder while tonight's stretch (or a habit marked `reminder = true`)
//! is open past `remind_after`, until `day_starts_at` the next morning; exit 1 and nothing
//! otherwise. Each boundary is tried on both sides.

use crate::support::home::Home;
use crate::support::out::Out;
use crate::{HEADER, SETUP, at, no_faketime, tree};

const REMINDER: &str = "Bedtime stretch not done yet: cramp run bedtime\n";

fn due(out: &Out) {
    out.ok();
    assert_eq!(out.stdout, REMINDER, "`cramp {}`", out.args);
    assert_eq!(out.stderr, "", "`cramp {}`", out.args);
}

fn not_due(out: &Out) {
    out.code(1);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str()),
        ("", ""),
        "`cramp {}`",
        out.args
    );
}

#[test]
fn both_sides_of_remind_after_and_of_day_starts_at() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    // Nov 30's stretch was done; Dec 1's is not.
    home.put_journal(format!("{HEADER}night 2026-11-30 stretch\n"));
    let run = |clock: &str| at(&home, clock, &["status", "--due"]);
    not_due(&run("2026-12-01 12:00:00"));
    not_due(&run("2026-12-01 21:29:59"));
    due(&run("2026-12-01 21:30:00"));
    due(&run("2026-12-01 23:59:00"));
    // After midnight it is still the night of Dec 1, still not done.
    due(&run("2026-12-02 00:00:00"));
    due(&run("2026-12-02 02:00:00"));
    due(&run("2026-12-02 03:59:59"));
    // 04:00: a new night, and too early for its reminder.
    not_due(&run("2026-12-02 04:00:00"));
    // Before 04:00 on Dec 1 it was the night of Nov 30, which was done.
    not_due(&run("2026-12-01 03:59:59"));
    not_due(&run("2026-12-01 02:00:00"));
}

#[test]
fn a_done_stretch_is_not_due_all_night() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal(format!("{HEADER}night 2026-12-01 stretch\n"));
    for clock in [
        "2026-12-01 21:30:00",
        "2026-12-01 23:00:00",
        "2026-12-02 02:00:00",
    ] {
        not_due(&at(&home, clock, &["status", "--due"]));
    }
    // The next night it is due again.
    due(&at(&home, "2026-12-02 22:00:00", &["status", "--due"]));
    // Ticked from the command line, it stops.
    at(&home, "2026-12-02 22:01:00", &["check", "stretch"]).ok();
    not_due(&at(&home, "2026-12-02 22:02:00", &["status", "--due"]));
}

#[test]
fn remind_after_and_day_starts_at_come_from_the_config() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal(HEADER);
    let late = home.file("late.toml", "remind_after = \"23:00\"\n");
    let run =
        |config: &str, clock: &str| at(&home, clock, &["--config", config, "status", "--due"]);
    not_due(&run(&late, "2026-12-01 22:59:00"));
    due(&run(&late, "2026-12-01 23:00:00"));
    // A reminder after midnight.
    let small_hours = home.file("small.toml", "remind_after = 00:30\n");
    not_due(&run(&small_hours, "2026-12-01 23:00:00"));
    not_due(&run(&small_hours, "2026-12-02 00:29:00"));
    due(&run(&small_hours, "2026-12-02 00:30:00"));
    // Nights that end at 06:00: 05:59 is still the night before; 06:00 is a new night.
    let six = home.file("six.toml", "day_starts_at = \"06:00\"\n");
    due(&run(&six, "2026-12-02 05:59:00"));
    not_due(&run(&six, "2026-12-02 06:00:00"));
    let four = home.file("four.toml", "day_starts_at = \"04:00\"\n");
    not_due(&run(&four, "2026-12-02 05:59:00"));
}

#[test]
fn without_a_journal_the_stretch_is_due_and_nothing_is_created() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    let before = tree(home.path());
    due(&at(&home, "2026-12-01 22:00:00", &["status", "--due"]));
    not_due(&at(&home, "2026-12-01 20:00:00", &["status", "--due"]));
    assert_eq!(tree(home.path()), before);
}

#[test]
fn habits_marked_as_reminders_replace_the_stretch() {
    if no_faketime() {
        return;
    }
    let home = Home::new(SETUP);
    home.put_journal(format!("{HEADER}night 2026-12-01 water=2\n"));
    let content = home.file(
        "c.toml",
        "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n\
         [[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull the toes.\"\nseconds = 30\n\
         [[habit]]\nid = \"pills\"\ntitle = \"Evening pills\"\nreminder = true\n\
         [[habit]]\nid = \"water\"\ntitle = \"Water\"\ntarget = 2\nreminder = true\n\
         [[habit]]\nid = \"walk\"\ntitle = \"Walk\"\n",
    );
    let out = at(
        &home,
        "2026-12-01 22:00:00",
        &["--content", &content, "status", "--due"],
    );
    out.ok();
    assert_eq!(
        out.stdout,
        "Evening pills not done yet: cramp check pills\n"
    );
    // Without a bedtime routine there is no stretch in the line.
    let line = at(
        &home,
        "2026-12-01 22:00:00",
        &["--content", &content, "status"],
    );
    assert_eq!(line.stdout, "1/3 habits · 0 cramps this week\n");
}
