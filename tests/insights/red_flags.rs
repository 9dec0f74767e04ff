//! Red flags: symptoms, or a cramp longer than ten minutes, counted once an episode.

use cramp_coach::insights;
use cramp_coach::journal::diary::Episode;
use jiff::civil::{Date, date};

use crate::{TONIGHT, content, cramp, tracked_journal, wrapped};

#[test]
fn red_flags_are_symptoms_or_longer_than_ten_minutes() {
    let with = |seconds: Option<u32>, symptoms: Option<bool>| Episode {
        seconds,
        symptoms,
        ..cramp(TONIGHT)
    };
    assert!(with(Some(600), Some(false)).red_flags().is_empty());
    assert_eq!(with(Some(601), Some(false)).red_flags().len(), 1);
    assert_eq!(with(Some(60), Some(true)).red_flags().len(), 1);
    assert_eq!(with(Some(900), Some(true)).red_flags().len(), 2);
    assert!(with(None, None).red_flags().is_empty());
}

#[test]
fn insights_count_episodes_with_a_red_flag_in_the_window() {
    let mut j = tracked_journal();
    let flagged = |d: Date, seconds: u32, symptoms: bool| Episode {
        seconds: Some(seconds),
        symptoms: Some(symptoms),
        ..cramp(d)
    };
    j.add_episode(flagged(date(2025, 6, 2), 60, true), 3001); // symptoms
    j.add_episode(flagged(date(2025, 6, 9), 601, false), 3102); // just over 10 minutes
    j.add_episode(flagged(date(2025, 6, 16), 900, true), 3203); // both: one episode
    j.add_episode(flagged(date(2025, 6, 23), 600, false), 3304); // exactly 10 minutes: none
    j.add_episode(flagged(date(2025, 6, 24), 60, false), 3405);
    j.add_episode(flagged(date(2025, 5, 4), 60, true), 3506); // before the window
    let c = content();
    let i = insights::compute(&c, &j, TONIGHT);
    assert_eq!((i.red_flag_episodes, i.episodes), (3, 5));
    let text = insights::to_text(&c, &i);
    // One sentence, word-wrapped at 100 columns.
    let rows = wrapped(
        &text,
        "3 of 5 cramps logged in these weeks reported a warning sign (weakness, numbness, \
         swelling, a skin change, or longer than 10 minutes): see a doctor.",
    );
    assert!(rows.len() > 1, "{rows:?}");
    assert!(!text.contains('%'), "{text}");

    // None flagged: no line.
    let mut j = tracked_journal();
    j.add_episode(flagged(date(2025, 6, 24), 600, false), 5107);
    let i = insights::compute(&c, &j, TONIGHT);
    assert_eq!(i.red_flag_episodes, 0);
    assert!(!insights::to_text(&c, &i).contains("warning sign"));
}
