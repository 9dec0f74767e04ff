//! Settings: the commented default `config.toml` compiled in, with a user's file laid over it.

pub mod keys;
pub mod locations;

use std::path::Path;

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::config::keys::{Key, KeyMap, RunnerCommand};
use crate::content::source::{
    Diagnostic, Diagnostics, LoadError, SourceMap, parse_toml, read_source,
};
use crate::text::sanitize;

pub const DEFAULT_TOML: &str = include_str!("../../config.toml");
pub const DEFAULT_NAME: &str = "<built-in config>";
pub const MAX_LEAD_IN_SECONDS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Night,
    Contrast,
    Terminal,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "night" => Some(ThemeName::Night),
            "contrast" => Some(ThemeName::Contrast),
            "terminal" => Some(ThemeName::Terminal),
            _ => None,
        }
    }
}

/// The hour and minute a night ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayStart {
    pub hour: u8,
    pub minute: u8,
}

impl DayStart {
    pub fn parse(s: &str) -> Option<DayStart> {
        let (h, m) = s.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let hour: u8 = h.parse().ok()?;
        let minute: u8 = m.parse().ok()?;
        (minute < 60 && (hour < 12 || (hour == 12 && minute == 0)))
            .then_some(DayStart { hour, minute })
    }
}

/// A time of day, "HH:MM" from 00:00 to 23:59: when the reminder starts (`remind_after`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
}

impl TimeOfDay {
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let (h, m) = s.split_once(':')?;
        if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let hour: u8 = h.parse().ok()?;
        let minute: u8 = m.parse().ok()?;
        (hour < 24 && minute < 60).then_some(TimeOfDay { hour, minute })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub bell: bool,
    pub speak_command: Vec<String>,
    pub lead_in_seconds: u32,
    pub day_starts_at: DayStart,
    /// When `cramp status --due` starts saying the stretch is due (in the night's sense: until
    /// `day_starts_at` the next morning).
    pub remind_after: TimeOfDay,
    /// The runner's key bindings.
    pub keys: KeyMap,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<Spanned<String>>,
    bell: Option<bool>,
    speak_command: Option<Vec<String>>,
    lead_in_seconds: Option<Spanned<i64>>,
    /// `"04:00"`, or a TOML time `04:00:00`.
    day_starts_at: Option<Spanned<toml::Value>>,
    /// `"21:30"`, or a TOML time `21:30:00`.
    remind_after: Option<Spanned<toml::Value>>,
    keys: Option<Spanned<RawKeys>>,
}

/// The config file's shape, for listing every unknown key and wrong type at once.
pub const SHAPE: &[crate::content::shape::Field] = {
    use crate::content::shape::Kind;
    &[
        ("theme", Kind::Str),
        ("bell", Kind::Bool),
        ("speak_command", Kind::StrList),
        ("lead_in_seconds", Kind::Int),
        ("day_starts_at", Kind::Time),
        ("remind_after", Kind::Time),
        ("keys", Kind::Map(&Kind::StrList)),
    ]
};

/// `[keys]`: command name to key names, each with its place in the file.
type RawKeys = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>;

impl Default for Config {
    fn default() -> Self {
        Config::builtin()
    }
}

impl Config {
    /// The compiled-in defaults. Checked by the test suite, so failing here is a build defect.
    #[expect(
        clippy::expect_used,
        reason = "the compiled-in config.toml is checked by the test suite"
    )]
    pub fn builtin() -> Config {
        let base = Config {
            theme: ThemeName::Night,
            bell: true,
            speak_command: Vec::new(),
            lead_in_seconds: 3,
            day_starts_at: DayStart { hour: 4, minute: 0 },
            remind_after: TimeOfDay {
                hour: 21,
                minute: 30,
            },
            keys: KeyMap::default(),
        };
        base.merged(Path::new(DEFAULT_NAME), DEFAULT_TOML)
            .expect("built-in config is valid")
    }

    pub fn load_over_default(path: &Path) -> Result<Config, LoadError> {
        let source = read_source(path)?;
        Config::builtin()
            .merged(path, &source)
            .map_err(LoadError::Invalid)
    }

    /// This config with the keys present in `source` laid over it.
    pub fn merged(mut self, path: &Path, source: &str) -> Result<Config, Diagnostics> {
        let (raw, shape_errors): (RawConfig, _) = parse_toml(path, source, SHAPE)?;
        let map = SourceMap::new(path, source);
        let mut errors: Vec<Diagnostic> = Vec::new();
        if let Some(t) = raw.theme {
            match ThemeName::parse(t.get_ref()) {
                Some(theme) => self.theme = theme,
                None => errors.push(map.at(
                    t.span(),
                    format!(
                        "unknown theme {:?}: use \"night\", \"contrast\" or \"terminal\"",
                        sanitize(t.get_ref())
                    ),
                )),
            }
        }
        if let Some(b) = raw.bell {
            self.bell = b;
        }
        if let Some(cmd) = raw.speak_command {
            self.speak_command = cmd;
        }
        if let Some(n) = raw.lead_in_seconds {
            match u32::try_from(*n.get_ref()) {
                Ok(v) if i64::from(v) <= MAX_LEAD_IN_SECONDS => self.lead_in_seconds = v,
                _ => errors.push(map.at(
                    n.span(),
                    format!("lead_in_seconds must be a whole number from 0 to {MAX_LEAD_IN_SECONDS}, not {}", n.get_ref()),
                )),
            }
        }
        if let Some(d) = raw.day_starts_at {
            match time_text(d.get_ref()).as_deref().and_then(DayStart::parse) {
                Some(v) => self.day_starts_at = v,
                None => errors.push(map.at(
                    d.span(),
                    format!(
                        "day_starts_at {} must be a time from 00:00 to 12:00, as \"04:00\" or 04:00",
                        found_time(d.get_ref())
                    ),
                )),
            }
        }
        if let Some(r) = raw.remind_after {
            match time_text(r.get_ref()).as_deref().and_then(TimeOfDay::parse) {
                Some(v) => self.remind_after = v,
                None => errors.push(map.at(
                    r.span(),
                    format!(
                        "remind_after {} must be a time from 00:00 to 23:59, as \"21:30\" or 21:30",
                        found_time(r.get_ref())
                    ),
                )),
            }
        }
        if let Some(table) = raw.keys {
            let mut keys = self.keys.clone();
            // Each key this file binds, to what, and where: a conflict names the later place.
            let mut written: Vec<(Key, RunnerCommand, std::ops::Range<usize>)> = Vec::new();
            for (name, list) in table.get_ref() {
                let Some(command) = RunnerCommand::parse(name.get_ref()) else {
                    let names: Vec<&str> = RunnerCommand::ALL.iter().map(|c| c.name()).collect();
                    errors.push(map.at(
                        name.span(),
                        format!(
                            "unknown command {:?} in [keys]: use {}",
                            sanitize(name.get_ref()),
                            names.join(", ")
                        ),
                    ));
                    continue;
                };
                let mut bound = Vec::new();
                for k in list.get_ref() {
                    match Key::parse(k.get_ref()) {
                        Some(key) => {
                            bound.push(key);
                            written.push((key, command, k.span()));
                        }
                        None => errors.push(map.at(
                            k.span(),
                            format!(
                                "key {:?} cannot be bound: use one character (not q ? !) or space, enter, tab, \
                                 backspace, up, down, left, right",
                                sanitize(k.get_ref())
                            ),
                        )),
                    }
                }
                if bound.is_empty() && list.get_ref().is_empty() {
                    errors.push(map.at(
                        list.span(),
                        format!("{} needs at least one key", command.name()),
                    ));
                }
                keys.bind(command, bound);
            }
            if let Some((key, a, b)) = keys.conflict() {
                let span = written
                    .iter()
                    .filter(|(k, c, _)| *k == key && (*c == a || *c == b))
                    .map(|(_, _, span)| span.clone())
                    .max_by_key(|span| span.start)
                    .unwrap_or_else(|| table.span());
                errors.push(map.at(
                    span,
                    format!(
                        "{:?} is bound to both {} and {}",
                        crate::strings::key_name(key, false),
                        a.name(),
                        b.name()
                    ),
                ));
            }
            self.keys = keys;
        }
        let errors = crate::content::source::all_errors(shape_errors, errors);
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(Diagnostics(errors))
        }
    }
}

/// A time value as "HH:MM" text: a string as it is, or a TOML time (04:00 or 04:00:00, unquoted)
/// without seconds; `None` for anything else.
fn time_text(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Datetime(t) => match (t.date, t.time, t.offset) {
            (None, Some(time), None)
                if time.second.unwrap_or(0) == 0 && time.nanosecond.unwrap_or(0) == 0 =>
            {
                Some(format!("{:02}:{:02}", time.hour, time.minute))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A refused time value as an error message shows it: `"25:00"`, `(a date or seconds)`, `(an integer)`.
fn found_time(value: &toml::Value) -> String {
    match (value, time_text(value)) {
        (_, Some(t)) => format!("{:?}", sanitize(&t)),
        (toml::Value::Datetime(_), None) => "(a date or seconds)".to_string(),
        (other, None) => {
            let kind = other.type_str();
            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("({article} {kind})")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_defaults() {
        let c = Config::builtin();
        assert_eq!(c.theme, ThemeName::Night);
        assert!(c.bell);
        assert_eq!(c.lead_in_seconds, 3);
        assert_eq!(c.day_starts_at, DayStart { hour: 4, minute: 0 });
    }

    #[test]
    fn user_keys_are_laid_over_defaults() {
        let c = Config::builtin().merged(
            Path::new("u.toml"),
            "theme = \"contrast\"\nlead_in_seconds = 0\n",
        );
        let c = c.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.theme, ThemeName::Contrast);
        assert_eq!(c.lead_in_seconds, 0);
        assert!(c.bell, "keys not given keep their default");
    }

    #[test]
    fn bad_values_name_their_place() {
        let err = Config::builtin()
            .merged(
                Path::new("u.toml"),
                "bell = true\ntheme = \"pink\"\nlead_in_seconds = -1\n",
            )
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "u.toml:2:9: unknown theme \"pink\": use \"night\", \"contrast\" or \"terminal\"\n\
                 u.toml:3:19: lead_in_seconds must be a whole number from 0 to 30, not -1"
            )
        );
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_errors() {
        let e = Config::builtin()
            .merged(Path::new("u.toml"), "\nthem = \"night\"\n")
            .err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("u.toml:2:1: unknown field `them`"), "{e}");
        let e = Config::builtin()
            .merged(Path::new("u.toml"), "bell = \"yes\"\n")
            .err();
        let e = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("u.toml:1:8: "), "{e}");
    }

    #[test]
    fn runner_keys_can_be_bound() {
        let src = "[keys]\npause = [\"p\", \"space\"]\nprevious = [\"b\"]\n";
        let c = Config::builtin()
            .merged(Path::new("u.toml"), src)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.keys.command(Key::Char('p')), Some(RunnerCommand::Pause));
        assert_eq!(
            c.keys.command(Key::Char('b')),
            Some(RunnerCommand::Previous)
        );
        assert_eq!(
            c.keys.command(Key::Char('n')),
            Some(RunnerCommand::Next),
            "others keep their defaults"
        );
    }

    #[test]
    fn bad_bindings_name_their_place() {
        let err = |src: &str| {
            Config::builtin()
                .merged(Path::new("u.toml"), src)
                .err()
                .map(|e| e.to_string())
        };
        let e = err("[keys]\nsnooze = [\"z\"]\n").unwrap_or_default();
        assert!(
            e.starts_with("u.toml:2:1: unknown command \"snooze\""),
            "{e}"
        );
        let e = err("[keys]\npause = [\"q\"]\n").unwrap_or_default();
        assert!(
            e.starts_with("u.toml:2:10: key \"q\" cannot be bound"),
            "{e}"
        );
        let e = err("[keys]\npause = [\"n\"]\n").unwrap_or_default();
        assert!(e.contains("bound to both pause and next"), "{e}");
        // The place is the second binding, the key as a person writes it.
        let e = err("[keys]\npause = [\"space\"]\nprevious = [\"b\"]\nrestart = [\"n\"]\n")
            .unwrap_or_default();
        assert_eq!(e, "u.toml:4:12: \"n\" is bound to both next and restart");
        let e = err("[keys]\npause = [\"x\"]\nnext = [\"space\"]\n").unwrap_or_default();
        assert_eq!(e, "");
        let e = err("[keys]\npause = [\"x\"]\nnext = [\"x\"]\n").unwrap_or_default();
        assert_eq!(e, "u.toml:3:9: \"x\" is bound to both pause and next");
    }

    #[test]
    fn any_one_character_is_a_key_and_a_toml_time_is_a_time() {
        let ok = |src: &str| {
            Config::builtin()
                .merged(Path::new("u.toml"), src)
                .unwrap_or_else(|e| panic!("{src}: {e}"))
        };
        let c = ok("[keys]\npause = [\"é\"]\n");
        assert_eq!(c.keys.command(Key::Char('é')), Some(RunnerCommand::Pause));
        assert_eq!(
            ok("day_starts_at = 04:30:00\n").day_starts_at,
            DayStart {
                hour: 4,
                minute: 30
            }
        );
        assert_eq!(
            ok("day_starts_at = 05:00\n").day_starts_at,
            DayStart { hour: 5, minute: 0 }
        );
        let e = Config::builtin()
            .merged(Path::new("u.toml"), "day_starts_at = 4\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            e,
            "u.toml:1:17: day_starts_at (an integer) must be a time from 00:00 to 12:00, as \"04:00\" or 04:00"
        );
    }

    #[test]
    fn remind_after_takes_any_time_of_day_and_names_its_place() {
        assert_eq!(
            Config::builtin().remind_after,
            TimeOfDay {
                hour: 21,
                minute: 30
            }
        );
        let merged = |src: &str| {
            Config::builtin()
                .merged(Path::new("u.toml"), src)
                .map(|c| c.remind_after)
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            merged("remind_after = \"23:45\"\n"),
            Ok(TimeOfDay {
                hour: 23,
                minute: 45
            })
        );
        assert_eq!(
            merged("remind_after = 00:30\n"),
            Ok(TimeOfDay {
                hour: 0,
                minute: 30
            })
        );
        assert_eq!(
            merged("bell = true\nremind_after = \"24:00\"\n"),
            Err("u.toml:2:16: remind_after \"24:00\" must be a time from 00:00 to 23:59, as \"21:30\" or 21:30".to_string())
        );
        assert_eq!(
            merged("remind_after = 21\n"),
            Err("u.toml:1:16: remind_after (an integer) must be a time from 00:00 to 23:59, as \"21:30\" or 21:30".to_string())
        );
        let e = merged("remind_after = [1]\n").err().unwrap_or_default();
        assert!(e.starts_with("u.toml:1:16: "), "{e}");
        for bad in ["9:30", "21:3", "+1:30", "21:60", "21-30", ""] {
            assert_eq!(TimeOfDay::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn day_start_bounds() {
        assert_eq!(
            DayStart::parse("00:00"),
            Some(DayStart { hour: 0, minute: 0 })
        );
        assert_eq!(
            DayStart::parse("12:00"),
            Some(DayStart {
                hour: 12,
                minute: 0
            })
        );
        assert_eq!(DayStart::parse("12:01"), None);
        assert_eq!(DayStart::parse("4:00"), None);
        assert_eq!(DayStart::parse("04:60"), None);
    }
}
