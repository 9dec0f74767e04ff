//! `cramp insights`: raw counts over the last eight weeks with a caution, never a percentage, and
//! the frequent-cramps note as the app's own threshold.

use crate::support::home::Home;
use crate::{
    SETUP, assert_within_100_columns, back, comparison_entry, cramp_on, journal_text, tonight,
};

/// Tracked from 20 nights before tonight: stretch kept on the first ten (cramps on two of them), not
/// on the ten after (cramps on three); fluids (counted, target 6) never reaches its target.
fn insights_home() -> Home {
    let t = tonight();
    let mut nights = Vec::new();
    for n in (11..=20).rev() {
        nights.push(format!("night {} stretch fluids=2", back(t, n)));
    }
    let cramps: Vec<String> = [19, 14, 9, 5, 2]
        .iter()
        .map(|n| cramp_on(back(t, *n), "seconds=60 symptoms=no"))
        .collect();
    let home = Home::new(SETUP);
    home.write_journal(journal_text(&nights, &cramps));
    home
}

#[test]
fn insights_show_raw_counts_with_a_caution_and_never_a_percentage() {
    let home = insights_home();
    let out = home.run(&["insights"]);
    out.ok();
    let text = &out.stdout;
    assert!(!text.contains('%'), "a percentage:\n{text}");
    assert!(
        text.contains("Cramp nights per week, last 8 weeks"),
        "{text}"
    );
    assert!(
        text.contains("Cramp-free: 2 nights in a row")
            || text.contains("Cramp-free: 3 nights in a row"),
        "{text}"
    );
    assert!(text.contains("Habits kept per week"), "{text}");
    assert_within_100_columns(text);
    let stretch = comparison_entry(text, "stretch");
    // Ten kept nights with two cramps; ten (eleven, if the night rolled over during the test) not kept
    // with three.
    assert!(
        stretch.contains("cramps on 2 of 10 nights kept vs 3 of 10 nights not kept")
            || stretch.contains("cramps on 2 of 10 nights kept vs 3 of 11 nights not kept"),
        "{stretch}"
    );
    assert!(!stretch.contains("too few"), "{stretch}");
    // The caution may have a line of its own, under the comparison (100 columns).
    let fluids = comparison_entry(text, "fluids");
    assert!(fluids.contains("cramps on 0 of 0 nights kept"), "{fluids}");
    assert!(
        fluids.contains("too few nights on one side to compare"),
        "{fluids}"
    );
    assert!(text.contains("not proof"), "no claim of cause:\n{text}");
    assert!(
        !text.contains("frequent"),
        "five cramps in three weeks are not frequent:\n{text}"
    );
    assert!(!text.contains("warning sign"), "{text}");
}

#[test]
fn insights_note_frequent_cramps_as_the_apps_own_threshold() {
    let t = tonight();
    let cramps: Vec<String> = (1..=14)
        .map(|n| cramp_on(back(t, n), "seconds=60"))
        .collect();
    let home = Home::new(SETUP);
    home.write_journal(journal_text(&[], &cramps));
    let out = home.run(&["insights"]);
    out.ok();
    let text = &out.stdout;
    assert_within_100_columns(text);
    assert!(text.contains("Cramps have been frequent"), "{text}");
    assert!(
        text.contains("on 3 or more nights a week, 2 weeks running"),
        "the default threshold:\n{text}"
    );
    assert!(text.contains("cramp-coach's own"), "{text}");
    assert!(text.contains("not a clinical rule"), "{text}");
    assert!(!text.contains('%'), "{text}");
}

#[test]
fn insights_frequent_threshold_comes_from_the_content_file() {
    let content = "[guidance]\nfrequent_nights = 1\nfrequent_weeks = 1\n\
                   [[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n\
                   [[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull the toes.\"\nseconds = 5\n\
                   [[habit]]\nid = \"stretch\"\ntitle = \"Stretch\"\n";
    let t = tonight();
    let home = Home::new(SETUP);
    home.write_journal(journal_text(&[], &[cramp_on(back(t, 3), "")]));
    let file = home.file("content.toml", content);
    let out = home.run(&["--content", &file, "insights"]);
    out.ok();
    assert!(
        out.stdout
            .contains("on 1 or more nights a week, 1 week running"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("cramp-coach's own"), "{}", out.stdout);
    // The same journal with the built-in content: no note.
    let out = home.run(&["insights"]);
    out.ok();
    assert!(!out.stdout.contains("frequent"), "{}", out.stdout);
}

#[test]
fn insights_count_red_flag_episodes() {
    let t = tonight();
    let home = Home::new(SETUP);
    home.write_journal(journal_text(
        &[],
        &[
            cramp_on(back(t, 6), "symptoms=yes"),
            cramp_on(back(t, 5), "seconds=601"),
            cramp_on(back(t, 4), "seconds=600 symptoms=no"),
        ],
    ));
    let out = home.run(&["insights"]);
    out.ok();
    assert!(
        out.stdout
            .contains("2 of 3 cramps logged in these weeks reported a warning sign"),
        "{}",
        out.stdout
    );
}
