//! The content checker: turns the raw shapes into [`Content`], collecting every problem with
//! its place rather than stopping at the first.

use std::collections::HashSet;
use std::path::Path;

use super::raw::*;
use super::source::{Diagnostic, SourceMap};
use super::*;
use crate::text::sanitize;

pub(super) struct Checker<'a> {
    pub(super) map: SourceMap<'a>,
    pub(super) errors: Vec<Diagnostic>,
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Checker<'_> {
    fn error<T>(&mut self, at: &S<T>, message: impl Into<String>) {
        self.errors.push(self.map.at(at.span(), message));
    }

    fn text(&mut self, s: &S<String>, what: &str, max: usize) -> String {
        let clean = sanitize(s.get_ref().trim()).into_owned();
        if clean.chars().all(|c| c == '\u{FFFD}' || c.is_whitespace()) {
            self.error(s, format!("{what} must not be empty"));
        } else if clean.chars().count() > max {
            self.error(s, format!("{what} is longer than {max} characters"));
        }
        clean
    }

    fn id(&mut self, s: &S<String>, what: &str, seen: &mut HashSet<String>) -> String {
        let id = s.get_ref().clone();
        if !is_valid_id(&id) {
            self.error(
                s,
                format!(
                    "{what} id {:?} must be 1 to 32 lowercase letters, digits or '-'",
                    sanitize(&id)
                ),
            );
        } else if !seen.insert(id.clone()) {
            self.error(s, format!("duplicate {what} id {id:?}"));
        }
        id
    }

    fn number(&mut self, n: &S<i64>, what: &str, min: i64, max: i64) -> u32 {
        let v = *n.get_ref();
        if v < min || v > max {
            self.error(
                n,
                format!("{what} must be a whole number from {min} to {max}, not {v}"),
            );
            return min as u32;
        }
        v as u32
    }

    pub(super) fn content(&mut self, raw: RawContent) -> Content {
        let mut habit_ids = HashSet::new();
        if raw.habit.len() > MAX_HABITS {
            self.error(
                &raw.habit[MAX_HABITS].id,
                format!("more than {MAX_HABITS} habits"),
            );
        }
        let habits: Vec<Habit> = raw
            .habit
            .iter()
            .map(|h| self.habit(h, &mut habit_ids))
            .collect();
        if raw.routine.len() > MAX_ROUTINES {
            self.error(
                &raw.routine[MAX_ROUTINES].id,
                format!("more than {MAX_ROUTINES} routines"),
            );
        }
        let mut routine_ids = HashSet::new();
        let routines: Vec<Routine> = raw
            .routine
            .iter()
            .map(|r| self.routine(r, &mut routine_ids, &habit_ids))
            .collect();
        if routines.is_empty() {
            self.errors.push(self.map.at(
                0..0,
                "no routines: add at least one [[routine]] with a [[routine.step]]",
            ));
        }
        let guidance = self.guidance(raw.guidance);
        Content {
            routines,
            habits,
            guidance,
        }
    }

    fn routine(
        &mut self,
        r: &RawRoutine,
        seen: &mut HashSet<String>,
        habits: &HashSet<String>,
    ) -> Routine {
        let id = self.id(&r.id, "routine", seen);
        let title = self.text(&r.title, "title", MAX_TITLE_CHARS);
        let kind = match r.kind.get_ref().as_str() {
            "relief" => RoutineKind::Relief,
            "bedtime" => RoutineKind::Bedtime,
            other => {
                self.error(
                    &r.kind,
                    format!(
                        "unknown kind {:?}: use \"relief\" or \"bedtime\"",
                        sanitize(other)
                    ),
                );
                RoutineKind::Relief
            }
        };
        let summary = r
            .summary
            .as_ref()
            .map(|s| self.text(s, "summary", MAX_TEXT_CHARS));
        let muscle = r.muscle.as_ref().and_then(|m| {
            let parsed = Muscle::parse(m.get_ref());
            if parsed.is_none() {
                self.error(
                    m,
                    format!(
                        "unknown muscle {:?}: use calf, foot, thigh or other",
                        sanitize(m.get_ref())
                    ),
                );
            }
            parsed
        });
        let completes_habit = r.completes_habit.as_ref().map(|h| {
            if !habits.contains(h.get_ref()) {
                self.error(
                    h,
                    format!(
                        "completes_habit {:?} names no [[habit]] in this file",
                        sanitize(h.get_ref())
                    ),
                );
            }
            h.get_ref().clone()
        });
        if r.step.is_empty() {
            self.error(
                &r.id,
                format!(
                    "routine {:?} has no steps: add at least one [[routine.step]]",
                    sanitize(&id)
                ),
            );
        } else if r.step.len() > MAX_STEPS {
            self.error(
                &r.step[MAX_STEPS].title,
                format!("more than {MAX_STEPS} steps in one routine"),
            );
        }
        let mut steps: Vec<Step> = r.step.iter().map(|s| self.step(s)).collect();
        // Changing legs and changing stretches get a moment of their own in a routine with
        // sides, unless a step says otherwise (0 turns it off).
        let default_switch = if steps.iter().any(|s| s.sides.len() > 1) {
            DEFAULT_SWITCH_SECONDS
        } else {
            0
        };
        for (step, raw) in steps.iter_mut().zip(&r.step) {
            step.switch_seconds = raw.switch_seconds.as_ref().map_or(default_switch, |n| {
                self.number(n, "switch_seconds", 0, MAX_SWITCH_SECONDS)
            });
        }
        Routine {
            id,
            title,
            kind,
            summary,
            muscle,
            completes_habit,
            steps,
        }
    }

    fn step(&mut self, s: &RawStep) -> Step {
        let title = self.text(&s.title, "title", MAX_TITLE_CHARS);
        let text = self.text(&s.text, "text", MAX_TEXT_CHARS);
        let seconds = s
            .seconds
            .as_ref()
            .map(|n| self.number(n, "seconds", 1, MAX_STEP_SECONDS));
        let repeat = s
            .repeat
            .as_ref()
            .map_or(1, |n| self.number(n, "repeat", 1, MAX_REPEAT));
        let rest_seconds = s
            .rest_seconds
            .as_ref()
            .map(|n| self.number(n, "rest_seconds", 1, MAX_STEP_SECONDS));
        if seconds.is_none() {
            if let Some(n) = &s.repeat {
                self.error(
                    n,
                    "repeat needs seconds: an untimed step runs once, until Enter",
                );
            }
            if let Some(n) = &s.rest_seconds {
                self.error(
                    n,
                    "rest_seconds needs seconds: an untimed step has no rests",
                );
            }
        }
        let mut sides = Vec::new();
        if let Some(list) = &s.sides {
            if list.get_ref().is_empty() {
                self.error(
                    list,
                    "sides must not be empty: leave it out, or use [\"left\", \"right\"]",
                );
            }
            for side in list.get_ref() {
                let parsed = match side.get_ref().as_str() {
                    "left" => Side::Left,
                    "right" => Side::Right,
                    other => {
                        self.error(
                            side,
                            format!(
                                "unknown side {:?}: use \"left\" or \"right\"",
                                sanitize(other)
                            ),
                        );
                        continue;
                    }
                };
                if sides.contains(&parsed) {
                    self.error(side, format!("side {:?} is listed twice", parsed.as_str()));
                } else {
                    sides.push(parsed);
                }
            }
        }
        Step {
            title,
            text,
            seconds,
            sides,
            repeat,
            rest_seconds,
            switch_seconds: 0,
        }
    }

    fn habit(&mut self, h: &RawHabit, seen: &mut HashSet<String>) -> Habit {
        let id = self.id(&h.id, "habit", seen);
        let title = self.text(&h.title, "title", MAX_TITLE_CHARS);
        let hint = h
            .hint
            .as_ref()
            .map(|s| self.text(s, "hint", MAX_TEXT_CHARS));
        let target = h
            .target
            .as_ref()
            .map(|n| self.number(n, "target", 1, MAX_HABIT_TARGET));
        let days = h.days.as_ref().map(|list| {
            if list.get_ref().is_empty() {
                self.error(list, "days must not be empty: leave it out for every night");
            }
            let mut days = Vec::new();
            for d in list.get_ref() {
                match Weekday::ALL.into_iter().find(|w| w.as_str() == d.get_ref()) {
                    Some(w) if days.contains(&w) => {
                        self.error(d, format!("day {:?} is listed twice", w.as_str()))
                    }
                    Some(w) => days.push(w),
                    None => self.error(
                        d,
                        format!(
                            "unknown day {:?}: use mon tue wed thu fri sat sun",
                            sanitize(d.get_ref())
                        ),
                    ),
                }
            }
            days.sort();
            days
        });
        Habit {
            id,
            title,
            hint,
            target,
            days,
            reminder: h.reminder.unwrap_or(false),
        }
    }

    /// [`Checker::lines`], or `fallback` where the file has none (or they are wrong).
    fn lines_or(
        &mut self,
        v: &Option<Vec<S<String>>>,
        what: &str,
        fallback: Vec<String>,
    ) -> Vec<String> {
        self.lines(v, what).unwrap_or(fallback)
    }

    fn lines(&mut self, list: &Option<Vec<S<String>>>, what: &str) -> Option<Vec<String>> {
        list.as_ref().map(|l| {
            l.iter()
                .map(|s| self.text(s, what, MAX_TEXT_CHARS))
                .collect()
        })
    }

    fn guidance(&mut self, raw: Option<S<RawGuidance>>) -> Guidance {
        let fallback = if self.map_is_builtin() {
            Guidance::default()
        } else {
            Content::builtin().guidance
        };
        let Some(raw) = raw else { return fallback };
        let g = raw.into_inner();
        Guidance {
            disclaimer: g.disclaimer.as_ref().map_or(fallback.disclaimer, |s| {
                self.text(s, "disclaimer", MAX_TEXT_CHARS)
            }),
            aftercare: self.lines_or(&g.aftercare, "aftercare", fallback.aftercare),
            bedtime_close: self.lines_or(&g.bedtime_close, "bedtime_close", fallback.bedtime_close),
            get_help_now: self.lines_or(&g.get_help_now, "get_help_now", fallback.get_help_now),
            see_a_doctor: self.lines_or(&g.see_a_doctor, "see_a_doctor", fallback.see_a_doctor),
            medicines: g.medicines.as_ref().map_or(fallback.medicines, |s| {
                self.text(s, "medicines", MAX_TEXT_CHARS)
            }),
            supplements: self.lines_or(&g.supplements, "supplements", fallback.supplements),
            sources: self.lines_or(&g.sources, "sources", fallback.sources),
            reviewed: match &g.reviewed {
                Some(d) => self.date(d, "reviewed"),
                None => fallback.reviewed,
            },
            frequent_nights: g
                .frequent_nights
                .as_ref()
                .map_or(fallback.frequent_nights, |n| {
                    self.number(n, "frequent_nights", 1, 7)
                }),
            frequent_weeks: g
                .frequent_weeks
                .as_ref()
                .map_or(fallback.frequent_weeks, |n| {
                    self.number(n, "frequent_weeks", 1, 8)
                }),
        }
    }

    /// A `YYYY-MM-DD` date.
    fn date(&mut self, s: &S<String>, what: &str) -> Option<jiff::civil::Date> {
        let date = crate::night::parse_date(s.get_ref());
        if date.is_none() {
            self.error(
                s,
                format!(
                    "{what} {:?} must be a date YYYY-MM-DD",
                    sanitize(s.get_ref())
                ),
            );
        }
        date
    }

    fn map_is_builtin(&self) -> bool {
        self.map.file() == Path::new(BUILTIN_NAME)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(src: &str) -> Vec<String> {
        match Content::parse(Path::new("c.toml"), src) {
            Ok(_) => Vec::new(),
            Err(d) => d.0.iter().map(ToString::to_string).collect(),
        }
    }

    const ONE: &str = "[[routine]]\nid = \"calf\"\ntitle = \"Calf\"\nkind = \"relief\"\n[[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull the toes.\"\n";

    #[test]
    fn builtin_content_meets_the_brief() {
        let c = Content::builtin();
        let relief: Vec<_> = c
            .routines
            .iter()
            .filter(|r| r.kind == RoutineKind::Relief)
            .collect();
        assert!(relief.len() >= 3);
        assert_eq!(relief[0].id, "calf");
        for r in &relief {
            assert_eq!(
                r.steps[0].seconds, None,
                "{} starts with a hold-until-it-lets-go step",
                r.id
            );
        }
        let bedtime = c.routines.iter().find(|r| r.kind == RoutineKind::Bedtime);
        let bedtime = bedtime.unwrap_or_else(|| panic!("a bedtime routine"));
        for step in &bedtime.steps {
            assert_eq!(
                (step.seconds, step.repeat, step.rest_seconds),
                (Some(10), 3, Some(10))
            );
            assert_eq!(step.sides, vec![Side::Left, Side::Right]);
        }
        assert!(c.habits.len() >= 6);
        assert!(!c.guidance.see_a_doctor.is_empty() && !c.guidance.get_help_now.is_empty());
    }

    #[test]
    fn minimal_file_loads_with_builtin_guidance() {
        let c = Content::parse(Path::new("c.toml"), ONE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.routines[0].steps[0].seconds, None);
        assert!(c.habits.is_empty());
        assert_eq!(c.guidance, Content::builtin().guidance);
    }

    #[test]
    fn semantic_errors_carry_line_and_column() {
        let src = ONE
            .replace("kind = \"relief\"", "kind = \"nap\"")
            .replace("id = \"calf\"", "id = \"Calf!\"")
            + "seconds = 0\n";
        assert_eq!(
            errors(&src),
            vec![
                "c.toml:2:6: routine id \"Calf!\" must be 1 to 32 lowercase letters, digits or '-'",
                "c.toml:4:8: unknown kind \"nap\": use \"relief\" or \"bedtime\"",
                "c.toml:8:11: seconds must be a whole number from 1 to 3600, not 0",
            ]
        );
    }

    #[test]
    fn duplicates_absurd_values_and_empty_routines() {
        let src = format!(
            "{ONE}seconds = 99999\nrepeat = 0\n{ONE}[[routine]]\nid = \"x\"\ntitle = \"X\"\nkind = \"bedtime\"\n"
        );
        let e = errors(&src);
        assert_eq!(e.len(), 4, "{e:#?}");
        assert!(e[0].starts_with("c.toml:8:11: seconds must be a whole number from 1 to 3600"));
        assert!(e[1].starts_with("c.toml:9:10: repeat must be"));
        assert_eq!(e[2], "c.toml:11:6: duplicate routine id \"calf\"");
        assert_eq!(
            e[3],
            "c.toml:18:6: routine \"x\" has no steps: add at least one [[routine.step]]"
        );
    }

    #[test]
    fn unknown_keys_and_types_are_toml_errors_with_places() {
        let e = errors(&format!("{ONE}secs = 3\n"));
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("c.toml:8:1: unknown field `secs`"),
            "{e:?}"
        );
        let e = errors(&format!("{ONE}seconds = \"30\"\n"));
        assert!(e[0].starts_with("c.toml:8:11: "), "{e:?}");
        let e = errors(&format!("{ONE}seconds = -5\n"));
        assert!(e[0].starts_with("c.toml:8:11: seconds must be"), "{e:?}");
        let e = errors(&format!("{ONE}seconds = 2.5\n"));
        assert!(e[0].starts_with("c.toml:8:11: "), "{e:?}");
    }

    #[test]
    fn no_routines_is_an_error() {
        assert_eq!(
            errors(""),
            vec!["c.toml:1:1: no routines: add at least one [[routine]] with a [[routine.step]]"]
        );
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let src = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = errors(&src);
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("c.toml:1:"), "{e:?}");
        assert!(e[0].contains("nested deeper"), "{e:?}");
    }

    #[test]
    fn control_characters_in_text_are_replaced() {
        let src = ONE.replace("Pull the toes.", "Pull\\u001b[2J the\\u202e toes.");
        let c = Content::parse(Path::new("c.toml"), &src).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.routines[0].steps[0].text,
            "Pull\u{FFFD}[2J the\u{FFFD} toes."
        );
    }

    #[test]
    fn totals_count_sides_repeats_rests_and_changes_of_position() {
        let c = Content::builtin();
        let bedtime = c.routines.iter().find(|r| r.kind == RoutineKind::Bedtime);
        // The trial's holds and rests: 2 stretches × 2 legs × (3 × 10 s + 2 × 10 s) = 200 s; and
        // 5 s each to change legs (twice) and to get into the hamstring stretch (once).
        assert_eq!(bedtime.map(Routine::total_seconds), Some(200 + 3 * 5));
        // A routine without sides has no changes of position by default; 0 turns them off.
        let calf = c.routines.iter().find(|r| r.id == "calf");
        assert!(calf.is_some_and(|r| r.steps.iter().all(|s| s.switch_seconds == 0)));
        let off: String = BUILTIN_TOML
            .lines()
            .map(|l| match l {
                "sides = [\"left\", \"right\"]" => format!("{l}\nswitch_seconds = 0\n"),
                _ => format!("{l}\n"),
            })
            .collect();
        let c = Content::parse(Path::new("c.toml"), &off).unwrap_or_else(|e| panic!("{e}"));
        let bedtime = c.routines.iter().find(|r| r.kind == RoutineKind::Bedtime);
        assert_eq!(bedtime.map(Routine::total_seconds), Some(200));
    }
}
