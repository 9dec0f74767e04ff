//! Folding copies of the journal together without loss: the union of everything either holds,
//! where both hold a record the one that saw more changes wins (a tie goes to the larger value, so
//! the result does not depend on the order), and a removed diary entry stays removed.
//!
//! The merge is a join: idempotent (`a ∪ a = a`), commutative and associative, so copies can be
//! folded in any order, any number of times, and give the same journal, byte for byte.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{Journal, Mark, Tick, encode};

/// `a` and `b` folded together.
pub fn merge(a: &Journal, b: &Journal) -> Journal {
    let mut out = Journal {
        version: a.version.max(b.version),
        ..Journal::default()
    };
    // Nights: per habit, the record with the higher (change, count).
    let mut nights: BTreeMap<Date, Vec<Tick>> = BTreeMap::new();
    for j in [a, b] {
        for n in &j.nights {
            let records = nights.entry(n.0).or_default();
            for t in super::decode(j.slice(n)) {
                match records.iter_mut().find(|r| r.habit == t.habit) {
                    Some(r) => {
                        if (t.change, t.count) > (r.change, r.count) {
                            *r = t;
                        }
                    }
                    None => records.push(t),
                }
            }
        }
    }
    let texts: Vec<(Date, String)> = nights
        .into_iter()
        .map(|(d, ticks)| (d, encode(ticks)))
        .collect();
    for (d, text) in texts {
        let (start, len) = out.store(&text);
        out.nights.push((d, start, len));
    }
    out.skips = merge_marks(&a.skips, &b.skips);
    out.notes = merge_marks(&a.notes, &b.notes);
    // Removals: every one either side made.
    let mut removed = a.removed.clone();
    removed.extend(b.removed.iter().cloned());
    removed.sort_unstable();
    removed.dedup();
    // The diary: every entry either side holds, unless removed; the same id twice is one entry
    // (should two copies differ, the larger line wins, whichever side it is on).
    let mut by_id: BTreeMap<&str, &super::Episode> = BTreeMap::new();
    for e in a.episodes.iter().chain(&b.episodes) {
        if removed.binary_search(&e.id).is_ok() {
            continue;
        }
        match by_id.get(e.id.as_str()) {
            Some(kept) if kept.fields() >= e.fields() => {}
            _ => {
                by_id.insert(&e.id, e);
            }
        }
    }
    let mut episodes: Vec<super::Episode> = by_id.into_values().cloned().collect();
    episodes.sort_by(|x, y| (x.at, &x.id).cmp(&(y.at, &y.id)));
    out.episodes = episodes;
    out.removed = removed;
    out
}

/// Skips or notes: per night, the mark that saw more changes; two texts written apart (the same
/// change number, different words) are both kept, joined by " · " in a fixed order, so no note is
/// lost and the result does not depend on which side is which.
fn merge_marks(a: &[(Date, Mark)], b: &[(Date, Mark)]) -> Vec<(Date, Mark)> {
    let mut all: BTreeMap<Date, Mark> = BTreeMap::new();
    for (d, m) in a.iter().chain(b) {
        let merged = match all.get(d) {
            None => m.clone(),
            Some(kept) if kept.change != m.change => {
                if kept.change > m.change {
                    kept.clone()
                } else {
                    m.clone()
                }
            }
            Some(kept) => Mark {
                change: m.change,
                text: join_texts(kept.text.as_deref(), m.text.as_deref()),
            },
        };
        all.insert(*d, merged);
    }
    all.into_iter().collect()
}

/// Both texts' parts (split at " · "), each once, sorted, joined; `None` only when both are.
fn join_texts(a: Option<&str>, b: Option<&str>) -> Option<String> {
    if a.is_none() && b.is_none() {
        return None;
    }
    let mut parts: Vec<&str> = a
        .into_iter()
        .chain(b)
        .flat_map(|t| t.split(NOTE_JOIN))
        .filter(|p| !p.is_empty())
        .collect();
    parts.sort_unstable();
    parts.dedup();
    // Within what the journal reads back: parts past it (in that order) are left out.
    let mut joined = String::new();
    for part in parts {
        let more = if joined.is_empty() {
            0
        } else {
            NOTE_JOIN.chars().count()
        };
        if joined.chars().count() + more + part.chars().count() > super::MAX_NOTE_READ_CHARS {
            break;
        }
        if !joined.is_empty() {
            joined.push_str(NOTE_JOIN);
        }
        joined.push_str(part);
    }
    Some(joined)
}

/// What joins two notes (or skip reasons) kept by a merge.
const NOTE_JOIN: &str = " · ";

/// What folding `other` into `base` would change, one line each, for `cramp merge --dry-run`.
pub fn changes(base: &Journal, merged: &Journal) -> Vec<String> {
    let mut out = Vec::new();
    let dates: std::collections::BTreeSet<Date> = base
        .nights
        .iter()
        .chain(&merged.nights)
        .map(|n| n.0)
        .collect();
    for d in dates {
        let before = base.records(d);
        for t in merged.records(d) {
            let old = before.iter().find(|b| b.habit == t.habit);
            if old.map(|o| (o.count, o.change)) == Some((t.count, t.change)) {
                continue;
            }
            let was = old.map_or(0, |o| o.count);
            if was != t.count {
                out.push(format!("night {d}: {} {} → {}", t.habit, was, t.count));
            }
        }
    }
    for (what, old, new) in [
        ("skipped", &base.skips, &merged.skips),
        ("note", &base.notes, &merged.notes),
    ] {
        for (d, m) in new {
            let before = old
                .iter()
                .find(|(od, _)| od == d)
                .and_then(|(_, m)| m.text.clone());
            if before != m.text {
                out.push(match &m.text {
                    Some(t) if t.is_empty() => format!("night {d}: {what}"),
                    Some(t) => format!("night {d}: {what}: {t}"),
                    None => format!("night {d}: no longer {what}"),
                });
            }
        }
    }
    for e in &merged.episodes {
        if !base.episodes.iter().any(|b| b.id == e.id) {
            out.push(format!("cramp {} added (night {})", e.id, e.night));
        }
    }
    for e in &base.episodes {
        if !merged.episodes.iter().any(|m| m.id == e.id) {
            out.push(format!("cramp {} removed", e.id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Episode;
    use jiff::Timestamp;
    use jiff::civil::date;
    use jiff::tz::TimeZone;

    fn cramp(j: &mut Journal, hour: i64, seed: u64) -> String {
        let at = Timestamp::from_second(1_796_083_200 + hour * 3600).unwrap();
        j.add_episode(Episode::begun(at, &TimeZone::UTC), seed)
    }

    #[test]
    fn the_later_change_wins_and_an_untick_stays_unticked() {
        let night = date(2026, 11, 30);
        let mut base = Journal::default();
        base.set(night, "stretch", 1);
        base.set(night, "fluids", 2);
        // Laptop: unticks the stretch. Desktop: one more glass, and a new habit.
        let mut laptop = base.clone();
        laptop.set(night, "stretch", 0);
        let mut desktop = base.clone();
        desktop.set(night, "fluids", 3);
        desktop.set(night, "bedding", 1);
        let merged = merge(&laptop, &desktop);
        assert_eq!(
            merged.count(night, "stretch"),
            0,
            "the untick is not undone"
        );
        assert_eq!(merged.count(night, "fluids"), 3);
        assert_eq!(merged.count(night, "bedding"), 1);
        assert_eq!(merged.to_text(), merge(&desktop, &laptop).to_text());
        assert_eq!(merge(&merged, &laptop), merged);
        assert_eq!(merge(&merged, &merged), merged);
    }

    #[test]
    fn removed_entries_stay_removed_and_new_ones_are_kept() {
        let mut base = Journal::default();
        let a = cramp(&mut base, 0, 1);
        let mut laptop = base.clone();
        assert!(laptop.remove_episode(&a));
        let mut desktop = base.clone();
        let b = cramp(&mut desktop, 5, 2);
        let merged = merge(&laptop, &desktop);
        let ids: Vec<&str> = merged.episodes().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, [b.as_str()]);
        assert_eq!(merged.removed(), [a]);
        assert_eq!(merge(&desktop, &laptop).to_text(), merged.to_text());
    }

    #[test]
    fn skips_and_notes_merge_by_their_changes() {
        let night = date(2026, 11, 29);
        let mut a = Journal::default();
        a.set_skip(night, Some("travelling".into()));
        let mut b = a.clone();
        b.set_skip(night, None);
        b.set_note(night, Some("back home early".into()));
        let merged = merge(&a, &b);
        assert_eq!(
            merged.skipped(night),
            None,
            "the unskip came after the skip"
        );
        assert_eq!(merged.note(night), Some("back home early"));
        let text = merged.to_text();
        assert!(text.contains("\nunskip 2026-11-29~2\n"), "{text}");
        assert!(
            text.contains("\nnote 2026-11-29 back home early\n"),
            "{text}"
        );
        let again = Journal::parse(std::path::Path::new("j"), &text).unwrap();
        assert_eq!(again, merged);
    }

    #[test]
    fn two_notes_written_apart_are_both_kept() {
        let night = date(2026, 11, 27);
        let mut a = Journal::default();
        a.set_note(night, Some("A's note".into()));
        let mut b = Journal::default();
        b.set_note(night, Some("B's note".into()));
        let ab = merge(&a, &b);
        assert_eq!(ab.note(night), Some("A's note · B's note"));
        assert_eq!(ab.to_text(), merge(&b, &a).to_text());
        assert_eq!(merge(&ab, &a), ab);
        // A third, then back through text.
        let mut c = Journal::default();
        c.set_note(night, Some("C".into()));
        assert_eq!(merge(&merge(&ab, &c), &b), merge(&ab, &merge(&c, &b)));
        let text = merge(&ab, &c).to_text();
        let again = Journal::parse(std::path::Path::new("j"), &text).unwrap();
        assert_eq!(again.to_text(), text);
        // Skipped with a reason on one side, without on the other: skipped, with the reason.
        let mut s1 = Journal::default();
        s1.set_skip(night, Some("flu".into()));
        let mut s2 = Journal::default();
        s2.set_skip(night, Some(String::new()));
        assert_eq!(merge(&s1, &s2).skipped(night), Some("flu"));
    }

    #[test]
    fn notes_joined_by_a_merge_stay_within_what_the_journal_reads_back() {
        let night = date(2026, 11, 27);
        let mut all = Journal::default();
        for k in 0..20 {
            let mut j = Journal::default();
            j.set_note(night, Some(format!("{k:02} {}", "x".repeat(190))));
            all = merge(&all, &j);
        }
        let note = all.note(night).unwrap_or_default();
        assert!(note.chars().count() <= crate::journal::MAX_NOTE_READ_CHARS);
        let text = all.to_text();
        let again = Journal::parse(std::path::Path::new("j"), &text).unwrap();
        assert_eq!(again.to_text(), text, "read back as written, nothing cut");
    }

    #[test]
    fn a_note_never_holds_a_direction_override() {
        let mut j = Journal::default();
        j.set_note(date(2026, 11, 27), Some("evil\u{202e}txt.exe".into()));
        assert_eq!(j.note(date(2026, 11, 27)), Some("evil txt.exe"));
    }

    #[test]
    fn changes_say_what_a_merge_would_do() {
        let night = date(2026, 11, 30);
        let mut ours = Journal::default();
        ours.set(night, "stretch", 1);
        let mut theirs = ours.clone();
        theirs.set(night, "fluids", 4);
        theirs.set_note(night, Some("new medicine".into()));
        let id = cramp(&mut theirs, 2, 7);
        let merged = merge(&ours, &theirs);
        let said = changes(&ours, &merged);
        assert_eq!(
            said,
            [
                "night 2026-11-30: fluids 0 → 4".to_string(),
                "night 2026-11-30: note: new medicine".to_string(),
                format!("cramp {id} added (night 2026-11-30)"),
            ]
        );
        assert!(changes(&merged, &merge(&merged, &ours)).is_empty());
    }
}
