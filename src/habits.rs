//! Habit states, the strip of recent nights, and streaks: pure functions of content and journal.

use jiff::civil::Date;

use crate::content::{Habit, Weekday};
use crate::journal::{Journal, MAX_COUNT};

/// How far back the habits pane lets a person fill in.
pub const BACKFILL_NIGHTS: i32 = 30;
/// Nights in the strip.
pub const STRIP_NIGHTS: usize = 7;

/// One habit on one night.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Kept (a counted habit: reached its target).
    Kept,
    /// A counted habit partly done.
    Partial {
        count: u32,
        target: u32,
    },
    Missed,
    /// The habit does not apply that night.
    Off,
    /// The night was skipped (sick, away): it does not count, kept or not.
    Skipped,
}

fn weekday(date: Date) -> Weekday {
    Weekday::ALL[date.weekday().to_monday_zero_offset() as usize]
}

pub fn applies(habit: &Habit, night: Date) -> bool {
    habit
        .days
        .as_ref()
        .is_none_or(|days| days.contains(&weekday(night)))
}

pub fn mark(habit: &Habit, journal: &Journal, night: Date) -> Mark {
    let count = journal.count(night, &habit.id);
    let target = habit.target.unwrap_or(1);
    if count >= target {
        Mark::Kept
    } else if !applies(habit, night) {
        Mark::Off
    } else if journal.skipped(night).is_some() {
        Mark::Skipped
    } else if count > 0 {
        Mark::Partial { count, target }
    } else {
        Mark::Missed
    }
}

/// The last `STRIP_NIGHTS` nights ending with `last`, oldest first.
pub fn strip(habit: &Habit, journal: &Journal, last: Date) -> Vec<(Date, Mark)> {
    let mut nights: Vec<(Date, Mark)> = Vec::with_capacity(STRIP_NIGHTS);
    let mut night = last;
    for _ in 0..STRIP_NIGHTS {
        // A skipped night shows as skipped, kept or not: as the streak passes over it.
        let m = if journal.skipped(night).is_some() {
            Mark::Skipped
        } else {
            mark(habit, journal, night)
        };
        nights.push((night, m));
        match night.yesterday() {
            Ok(d) => night = d,
            Err(_) => break,
        }
    }
    nights.reverse();
    nights
}

/// A habit's state on a night as the pane and `cramp habits` show it, inside the brackets:
/// `x` kept, ` ` not, `-` does not apply that night, `3/6` for a counted habit. On a skipped night
/// what was ticked is shown as it is (the night as a whole is said to be skipped).
pub fn state_label(habit: &Habit, journal: &Journal, night: Date) -> String {
    match (habit.target, mark(habit, journal, night)) {
        (_, Mark::Off) => "-".to_string(),
        (Some(target), _) => format!("{}/{target}", journal.count(night, &habit.id)),
        (None, Mark::Kept) => "x".to_string(),
        (None, _) => " ".to_string(),
    }
}

/// Over some nights: how many the habit was kept, and how many it applied (kept ones always
/// count); skipped nights are left out.
pub fn kept_and_due(
    habit: &Habit,
    journal: &Journal,
    nights: impl Iterator<Item = Date>,
) -> (u32, u32) {
    let (mut kept, mut due) = (0, 0);
    // A skipped night does not count, kept or not.
    for night in nights.filter(|n| journal.skipped(*n).is_none()) {
        match mark(habit, journal, night) {
            Mark::Off | Mark::Skipped => {}
            Mark::Kept => {
                kept += 1;
                due += 1;
            }
            Mark::Missed | Mark::Partial { .. } => due += 1,
        }
    }
    (kept, due)
}

/// Kept nights in a row up to `tonight`. Nights the habit does not apply, and nights skipped, are
/// passed over; tonight, while it is still open, does not break the streak.
pub fn streak(habit: &Habit, journal: &Journal, tonight: Date) -> u32 {
    streak_back_to(habit, journal, tonight).0
}

/// [`streak`], and the earliest night it looked at (where the walk back stopped): a reader that
/// holds only recent nights knows from it whether it held enough.
pub fn streak_back_to(habit: &Habit, journal: &Journal, tonight: Date) -> (u32, Date) {
    let Some(first) = journal.first_night() else {
        return (0, tonight);
    };
    let mut count = 0;
    let mut night = tonight;
    while night >= first {
        match mark(habit, journal, night) {
            // A skipped night is passed over, kept or not.
            _ if journal.skipped(night).is_some() => {}
            Mark::Kept => count += 1,
            Mark::Off | Mark::Skipped => {}
            Mark::Missed | Mark::Partial { .. } if night == tonight => {}
            Mark::Missed | Mark::Partial { .. } => return (count, night),
        }
        match night.yesterday() {
            Ok(d) => night = d,
            Err(_) => break,
        }
    }
    (count, night)
}

/// The nights a habit applies, as a person reads them ("Mon, Wed and Fri"), if it does not apply
/// every night.
pub fn applies_on(habit: &Habit) -> Option<String> {
    let days = habit.days.as_ref()?;
    let names: Vec<&str> = Weekday::ALL
        .iter()
        .filter(|d| days.contains(d))
        .map(|d| d.name())
        .collect();
    Some(match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    })
}

/// Whether `change` would tick `habit` on `night` (keep or raise its count), as [`apply`] makes
/// it: Space on a kept yes/no habit unticks it.
fn ticks(journal: &Journal, habit: &Habit, night: Date, change: Change) -> bool {
    match change {
        Change::Undo => false,
        Change::Check => true,
        Change::Toggle => habit.target.is_some() || journal.count(night, &habit.id) == 0,
    }
}

/// Why `change` cannot be made to `habit` on `night`: a tick on a night it does not apply.
/// Unticking is always allowed (a tick made before its days changed can be taken back).
pub fn refused(journal: &Journal, habit: &Habit, night: Date, change: Change) -> Option<String> {
    if !ticks(journal, habit, night, change) || applies(habit, night) {
        return None;
    }
    Some(format!(
        "{} applies on {} nights; {night} is a {}",
        habit.id,
        applies_on(habit).unwrap_or_default(),
        weekday(night).name()
    ))
}

/// A change a person asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Space in the pane: a yes/no habit flips; a counted one gains one.
    Toggle,
    /// `cramp check`: a yes/no habit is kept; a counted one gains one.
    Check,
    /// `-` in the pane, `cramp check --undo`: a yes/no habit is unticked; a counted one loses one.
    Undo,
}

/// Applies `change` to `habit` on `night`; returns the new count.
pub fn apply(journal: &mut Journal, habit: &Habit, night: Date, change: Change) -> u32 {
    let count = journal.count(night, &habit.id);
    let counted = habit.target.is_some();
    let new = match (change, counted) {
        (Change::Toggle, false) => u32::from(count == 0),
        (Change::Check, false) => 1,
        (Change::Toggle | Change::Check, true) => (count + 1).min(MAX_COUNT),
        (Change::Undo, _) => count
            .saturating_sub(1)
            .min(if counted { MAX_COUNT } else { 0 }),
    };
    journal.set(night, &habit.id, new);
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn habit(id: &str, target: Option<u32>, days: Option<Vec<Weekday>>) -> Habit {
        Habit {
            id: id.to_string(),
            title: id.to_string(),
            hint: None,
            target,
            days,
            reminder: false,
        }
    }

    #[test]
    fn streak_counts_back_from_tonight_and_tonight_stays_open() {
        let h = habit("stretch", None, None);
        let mut j = Journal::default();
        for d in [date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 26)] {
            j.set(d, "stretch", 1);
        }
        assert_eq!(
            streak(&h, &j, date(2026, 11, 27)),
            3,
            "tonight not yet ticked"
        );
        j.set(date(2026, 11, 27), "stretch", 1);
        assert_eq!(streak(&h, &j, date(2026, 11, 27)), 4);
        assert_eq!(streak(&h, &j, date(2026, 11, 28)), 4);
        assert_eq!(
            streak(&h, &j, date(2026, 11, 29)),
            0,
            "a missed night breaks it"
        );
    }

    #[test]
    fn nights_a_habit_does_not_apply_do_not_break_its_streak() {
        // Applies Monday to Friday only. 2026-11-27 is a Friday, 11-30 the Monday after.
        let weekdays = vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ];
        let h = habit("no-late-legs", None, Some(weekdays));
        let mut j = Journal::default();
        j.set(date(2026, 11, 26), "no-late-legs", 1);
        j.set(date(2026, 11, 27), "no-late-legs", 1);
        j.set(date(2026, 11, 30), "no-late-legs", 1);
        assert_eq!(mark(&h, &j, date(2026, 11, 28)), Mark::Off);
        assert_eq!(streak(&h, &j, date(2026, 11, 30)), 3);
    }

    #[test]
    fn counted_habits_keep_at_their_target() {
        let h = habit("fluids", Some(6), None);
        let mut j = Journal::default();
        let night = date(2026, 11, 27);
        for _ in 0..5 {
            apply(&mut j, &h, night, Change::Toggle);
        }
        assert_eq!(
            mark(&h, &j, night),
            Mark::Partial {
                count: 5,
                target: 6
            }
        );
        apply(&mut j, &h, night, Change::Check);
        assert_eq!(mark(&h, &j, night), Mark::Kept);
        apply(&mut j, &h, night, Change::Undo);
        assert_eq!(j.count(night, "fluids"), 5);
    }

    #[test]
    fn yes_no_habits_toggle_check_and_undo() {
        let h = habit("bedding", None, None);
        let mut j = Journal::default();
        let night = date(2026, 11, 27);
        assert_eq!(apply(&mut j, &h, night, Change::Toggle), 1);
        assert_eq!(apply(&mut j, &h, night, Change::Check), 1);
        assert_eq!(apply(&mut j, &h, night, Change::Toggle), 0);
        assert_eq!(apply(&mut j, &h, night, Change::Undo), 0);
        assert!(j.is_empty());
    }

    #[test]
    fn strip_is_seven_nights_oldest_first() {
        let h = habit("stretch", None, None);
        let mut j = Journal::default();
        j.set(date(2026, 11, 27), "stretch", 1);
        let s = strip(&h, &j, date(2026, 11, 27));
        assert_eq!(s.len(), 7);
        assert_eq!(s[0].0, date(2026, 11, 21));
        assert_eq!(s[6], (date(2026, 11, 27), Mark::Kept));
        assert_eq!(s[5].1, Mark::Missed);
    }
}
