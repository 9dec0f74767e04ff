//! The shape of a content or config file: which keys each table may hold and what kind of value
//! each is. Walked only when the deserializer has found something wrong, to list every unknown key
//! and value of the wrong kind at once instead of the first.

use super::source::{Diagnostic, SourceMap};
use crate::text::sanitize;

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Str,
    Int,
    Bool,
    /// An array of strings.
    StrList,
    /// A string "HH:MM" or a TOML time.
    Time,
    Table(&'static [Field]),
    /// An array of tables (`[[name]]`).
    Tables(&'static [Field]),
    /// A table whose keys are free and whose values are all of one kind.
    Map(&'static Kind),
}

/// One key of a table and what it holds.
pub type Field = (&'static str, Kind);

impl Kind {
    /// A value of this kind, to stand in for a wrong one while the rest of the file is read.
    fn placeholder(&self) -> &'static str {
        match self {
            Kind::Str => "\"?\"",
            Kind::Int => "1",
            Kind::Bool => "false",
            Kind::StrList => "[\"?\"]",
            Kind::Time => "\"04:00\"",
            Kind::Table(_) | Kind::Map(_) => "{}",
            Kind::Tables(_) => "[]",
        }
    }

    fn expected(&self) -> &'static str {
        match self {
            Kind::Str => "a string",
            Kind::Int => "an integer",
            Kind::Bool => "true or false",
            Kind::StrList => "an array of strings",
            Kind::Time => "a time like \"04:00\" or 04:00",
            Kind::Table(_) | Kind::Map(_) => "a table",
            Kind::Tables(_) => "an array of tables",
        }
    }
}

fn found(v: &toml::de::DeValue<'_>) -> String {
    use toml::de::DeValue;
    match v {
        DeValue::String(s) => format!("string {:?}", sanitize(s)),
        DeValue::Integer(i) => format!("integer {}", i.as_str()),
        DeValue::Float(_) => "a float".to_string(),
        DeValue::Boolean(b) => format!("boolean `{b}`"),
        DeValue::Datetime(_) => "a date or time".to_string(),
        DeValue::Array(_) => "an array".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

/// A part of the source to replace so that the rest of the file can still be read: an unknown
/// key with its value (by nothing), a value of the wrong kind (by one of the right kind).
pub(super) type Patch = (std::ops::Range<usize>, &'static str);

/// What a walk found: the problems, and how to patch them out.
#[derive(Default)]
pub(super) struct Found {
    pub errors: Vec<Diagnostic>,
    pub patches: Vec<Patch>,
}

pub(super) fn check_table(
    table: &toml::de::DeTable<'_>,
    fields: &'static [Field],
    map: &SourceMap<'_>,
    found_: &mut Found,
) {
    for (key, value) in table {
        let name = key.get_ref().as_ref();
        match fields.iter().find(|(f, _)| *f == name) {
            Some((_, kind)) => check_value(name, value, kind, map, found_),
            None => {
                let known: Vec<String> = fields.iter().map(|(f, _)| format!("`{f}`")).collect();
                found_
                    .patches
                    .push((key.span().start..value.span().end.max(key.span().end), ""));
                found_.errors.push(map.at(
                    key.span(),
                    format!(
                        "unknown field `{}`, expected one of {}",
                        sanitize(name),
                        known.join(", ")
                    ),
                ));
            }
        }
    }
}

fn check_value(
    name: &str,
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    kind: &Kind,
    map: &SourceMap<'_>,
    found_: &mut Found,
) {
    use toml::de::DeValue;
    let ok = match (kind, value.get_ref()) {
        (Kind::Str, DeValue::String(_))
        | (Kind::Int, DeValue::Integer(_))
        | (Kind::Bool, DeValue::Boolean(_))
        | (Kind::Time, DeValue::String(_) | DeValue::Datetime(_)) => true,
        (Kind::StrList, DeValue::Array(items)) => {
            for item in items {
                if !matches!(item.get_ref(), DeValue::String(_)) {
                    found_.patches.push((item.span(), "\"?\""));
                    found_.errors.push(map.at(
                        item.span(),
                        format!(
                            "{}: invalid type: {}, expected a string",
                            sanitize(name),
                            found(item.get_ref())
                        ),
                    ));
                }
            }
            true
        }
        (Kind::Table(fields), DeValue::Table(t)) => {
            check_table(t, fields, map, found_);
            true
        }
        (Kind::Tables(fields), DeValue::Array(items)) => {
            for item in items {
                match item.get_ref() {
                    DeValue::Table(t) => check_table(t, fields, map, found_),
                    other => {
                        found_.patches.push((item.span(), "{}"));
                        found_.errors.push(map.at(
                            item.span(),
                            format!(
                                "{}: invalid type: {}, expected a table",
                                sanitize(name),
                                found(other)
                            ),
                        ));
                    }
                }
            }
            true
        }
        (Kind::Map(inner), DeValue::Table(t)) => {
            for (k, v) in t {
                check_value(k.get_ref(), v, inner, map, found_);
            }
            true
        }
        _ => false,
    };
    if !ok {
        found_.patches.push((value.span(), kind.placeholder()));
        found_.errors.push(map.at(
            value.span(),
            format!(
                "{}: invalid type: {}, expected {}",
                sanitize(name),
                found(value.get_ref()),
                kind.expected()
            ),
        ));
    }
}

/// `source` with the patches applied: each range replaced, its line breaks kept, so every other
/// line keeps its number.
pub(super) fn patched(source: &str, patches: &[Patch]) -> String {
    let mut patches: Vec<&Patch> = patches.iter().collect();
    patches.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (range, with) in patches {
        if range.start < at || range.end > source.len() || range.start > range.end {
            continue;
        }
        out.push_str(&source[at..range.start]);
        out.push_str(with);
        for _ in source[range.clone()].matches('\n') {
            out.push('\n');
        }
        at = range.end;
    }
    out.push_str(&source[at..]);
    out
}
