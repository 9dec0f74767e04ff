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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub bell: bool,
    pub speak_command: Vec<String>,
    pub lead_in_seconds: u32,
    pub day_starts_at: DayStart,
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
    keys: Option<Spanned<RawKeys>>,
}

/// The config file's shape, for listing every unknown key and wrong type at once.
const SHAPE: &[crate::content::shape::Field] = {
    use crate::content::shape::Kind;
    &[
        ("theme", Kind::Str),
        ("bell", Kind::Bool),
        ("speak_command", Kind::StrList),
        ("lead_in_seconds", Kind::Int),
        ("day_starts_at", Kind::Time),
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
            // A TOML time (04:00 or 04:00:00, unquoted) is read as the same "HH:MM".
            let text = match d.get_ref() {
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
            };
            match text.as_deref().and_then(DayStart::parse) {
                Some(v) => self.day_starts_at = v,
                None => {
                    let found = match (d.get_ref(), &text) {
                        (_, Some(t)) => format!("{:?}", sanitize(t)),
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
                    };
                    errors.push(map.at(
                        d.span(),
                        format!(
                            "day_starts_at {found} must be a time from 00:00 to 12:00, as \"04:00\" or 04:00"
                        ),
                    ));
                }
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
