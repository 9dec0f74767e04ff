//! The merge is a join: idempotent, commutative and associative, byte for byte; nothing either
//! side holds is lost; a removed entry stays removed. Journals are made by random changes to a
//! shared start, as two or three machines would make them.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use proptest::prelude::*;

use cramp_coach::journal::merge::merge;
use cramp_coach::journal::{Episode, Journal};

const HABITS: [&str; 4] = ["stretch", "fluids", "bedding", "move"];

/// One change a person could make.
#[derive(Debug, Clone)]
enum Op {
    Set {
        night: u8,
        habit: u8,
        count: u8,
    },
    Skip {
        night: u8,
        reason: Option<u8>,
    },
    Note {
        night: u8,
        text: Option<u8>,
    },
    Add {
        night: u8,
        seed: u64,
    },
    /// Removes the entry at this index (modulo the diary's length), if any.
    Remove {
        index: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..12, 0u8..4, 0u8..4).prop_map(|(night, habit, count)| Op::Set { night, habit, count }),
        1 => (0u8..12, proptest::option::of(0u8..3)).prop_map(|(night, reason)| Op::Skip { night, reason }),
        1 => (0u8..12, proptest::option::of(0u8..3)).prop_map(|(night, text)| Op::Note { night, text }),
        2 => (0u8..12, any::<u64>()).prop_map(|(night, seed)| Op::Add { night, seed }),
        1 => any::<u8>().prop_map(|index| Op::Remove { index }),
    ]
}

fn night(n: u8) -> Date {
    date(2026, 11, 1)
        .checked_add(jiff::Span::new().days(i64::from(n)))
        .unwrap()
}

fn apply(j: &mut Journal, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Set {
                night: n,
                habit,
                count,
            } => {
                j.set(night(*n), HABITS[*habit as usize], u32::from(*count));
            }
            Op::Skip { night: n, reason } => {
                j.set_skip(
                    night(*n),
                    reason.map(|r| ["", "sick", "away"][r as usize].to_string()),
                );
            }
            Op::Note { night: n, text } => {
                j.set_note(
                    night(*n),
                    text.map(|t| ["long walk", "new shoes", "magnesium"][t as usize].to_string()),
                );
            }
            Op::Add { night: n, seed } => {
                let at = night(*n)
                    .to_datetime(jiff::civil::time(23, (*seed % 60) as i8, 0, 0))
                    .to_zoned(TimeZone::UTC)
                    .unwrap()
                    .timestamp();
                j.add_episode(Episode::begun(at, &TimeZone::UTC), *seed);
            }
            Op::Remove { index } => {
                let ids: Vec<String> = j.episodes().iter().map(|e| e.id.clone()).collect();
                if !ids.is_empty() {
                    let id = ids[*index as usize % ids.len()].clone();
                    j.remove_episode(&id);
                }
            }
        }
    }
}

/// A shared start and up to three copies that went their own ways.
fn copies() -> impl Strategy<Value = (Journal, Journal, Journal)> {
    (
        proptest::collection::vec(op(), 0..25),
        proptest::collection::vec(op(), 0..25),
        proptest::collection::vec(op(), 0..25),
        proptest::collection::vec(op(), 0..25),
    )
        .prop_map(|(start, a, b, c)| {
            let mut base = Journal::default();
            apply(&mut base, &start);
            let (mut ja, mut jb, mut jc) = (base.clone(), base.clone(), base);
            apply(&mut ja, &a);
            apply(&mut jb, &b);
            apply(&mut jc, &c);
            (ja, jb, jc)
        })
}

/// Every record of `part` is in `whole` at least as far along (more changes seen).
fn holds_everything_of(whole: &Journal, part: &Journal) -> Result<(), TestCaseError> {
    for n in 0..12 {
        let d = night(n);
        for r in part.records(d) {
            let w = whole.records(d);
            let got = w.iter().find(|x| x.habit == r.habit);
            prop_assert!(
                got.is_some_and(|g| (g.change, g.count) >= (r.change, r.count)),
                "{} on {d}: {:?} lost in {:?}",
                r.habit,
                r,
                got
            );
        }
    }
    for e in part.episodes() {
        let removed = whole.removed().contains(&e.id);
        prop_assert!(
            removed || whole.episodes().iter().any(|w| w == e),
            "entry {} lost",
            e.id
        );
    }
    for id in part.removed() {
        prop_assert!(whole.removed().contains(id), "removal of {id} lost");
        prop_assert!(
            !whole.episodes().iter().any(|e| &e.id == id),
            "{id} came back"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn merging_is_a_join((a, b, c) in copies()) {
        let ab = merge(&a, &b);
        // Idempotent, commutative, associative: byte for byte.
        prop_assert_eq!(merge(&a, &a).to_text(), a.to_text());
        prop_assert_eq!(merge(&ab, &b).to_text(), ab.to_text());
        prop_assert_eq!(ab.to_text(), merge(&b, &a).to_text());
        prop_assert_eq!(
            merge(&ab, &c).to_text(),
            merge(&a, &merge(&b, &c)).to_text()
        );
        // Nothing either side held is lost; removals hold.
        holds_everything_of(&ab, &a)?;
        holds_everything_of(&ab, &b)?;
        // What is written reads back as the same journal.
        let again = Journal::parse(Path::new("merged"), &ab.to_text()).unwrap();
        prop_assert_eq!(&again, &ab);
        prop_assert_eq!(again.to_text(), ab.to_text());
    }

    /// A change made after a merge wins over the copies merged: the later change wins.
    #[test]
    fn a_change_after_seeing_the_other_side_wins((a, b, _c) in copies(), n in 0u8..12, h in 0u8..4, count in 0u8..4) {
        let mut later = merge(&a, &b);
        later.set(night(n), HABITS[h as usize], u32::from(count));
        let merged = merge(&later, &a);
        prop_assert_eq!(
            merged.count(night(n), HABITS[h as usize]),
            later.count(night(n), HABITS[h as usize])
        );
    }
}

#[test]
fn the_same_entry_on_two_machines_is_one_entry() {
    let mut a = Journal::default();
    let at = Timestamp::from_second(1_796_000_000).unwrap();
    a.add_episode(Episode::begun(at, &TimeZone::UTC), 42);
    let b = a.clone();
    assert_eq!(merge(&a, &b).episodes().len(), 1);
}
