//! Generated-input (proptest) tests of everything that reads text it did not write, and of the
//! command line as a whole:
//!
//! 1. `Journal::parse` never panics, on any text. What it accepts it writes back (`to_text`) as
//!    text that parses to an equal journal, and `to_text` is then a fixed point. What it refuses,
//!    it refuses with a one-line message free of unsafe characters (C0, DEL, C1, bidi controls).
//! 2. `Content::parse` / `Content::load` and `Config::merged` / `Config::load_over_default` never
//!    panic. Every error line is `FILE:LINE:COL: message`, inside the file and free of unsafe
//!    characters; accepted content has at least one routine, and every routine at least one step.
//! 3. The `cramp` binary: after any write command it accepts (`check`, `log add`, `log remove`),
//!    every read command (`habits`, `habits --date` of each night written, `log`, `insights`,
//!    `export`) accepts the journal; a write command it refuses exits 1, 2 or 3 and leaves the
//!    journal byte for byte as it was.
//!
//! Inputs are arbitrary text, and "almost valid" documents built from each format's grammar (the
//! real keys, ids and values, with hostile edges) and then mutated: characters deleted, doubled or
//! inserted (controls, odd whitespace, unicode), lines swapped, doubled or dropped, numbers made
//! huge. Each property runs a bounded number of cases and writes no regression files.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::Config as ProptestConfig;

use cramp_coach::config::{Config, DEFAULT_TOML, MAX_LEAD_IN_SECONDS};
use cramp_coach::content::{BUILTIN_TOML, Content, LoadError};
use cramp_coach::journal::Journal;
use cramp_coach::night::parse_date;
use cramp_coach::text::{is_unsafe_char, sanitize};

use support::home::{Home, Setup};
use support::{HABIT_IDS, log_add};

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/// The routine ids of the built-in content.
const ROUTINE_IDS: [&str; 5] = ["calf", "foot", "thigh-back", "thigh-front", "bedtime"];

/// Years at the edges of what people, jiff and the format meet. The first is the benign one that
/// shrinking moves towards, so a minimal case keeps a hostile year only when it matters.
const YEARS: [i16; 12] = [
    2000, 0, 1, 1899, 1900, 1901, 1969, 1970, 2026, 2999, 3000, 9999,
];

/// Times of day around midnight and the default end of a night (04:00); benign first.
const TIMES: [&str; 6] = ["12:00", "00:00", "00:30", "03:59", "04:00", "23:59"];

/// Proptest settings: `cases` cases, no regression files in the source tree, bounded shrinking.
fn cases(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_time: 30_000,
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

/// `valid`; in a hostile document, one time in six `wild` instead.
fn valid_or<T: std::fmt::Debug + 'static>(
    hostile: bool,
    valid: BoxedStrategy<T>,
    wild: BoxedStrategy<T>,
) -> BoxedStrategy<T> {
    if hostile {
        prop_oneof![5 => valid, 1 => wild].boxed()
    } else {
        valid
    }
}

/// A year, mostly an edge one.
fn year() -> impl Strategy<Value = i16> {
    prop_oneof![3 => select(YEARS.to_vec()), 1 => 0i16..=9999]
}

/// A valid date in the year range the journal accepts (0000 to 9999).
fn valid_date() -> BoxedStrategy<String> {
    (year(), 1i8..=12, 1i8..=31)
        .prop_map(|(y, m, d)| {
            let last = jiff::civil::Date::new(y, m, 1).map_or(28, |first| first.days_in_month());
            format!("{y:04}-{m:02}-{:02}", d.min(last))
        })
        .boxed()
}

/// Characters that break parsers: controls, line and paragraph separators, bidi overrides, BOM,
/// wide and combining characters, and the format's own punctuation.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(vec![
            ' ', '\0', '\t', '\r', '\n', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}',
            '\u{a0}', '\u{ad}', '\u{200b}', '\u{200e}', '\u{202e}', '\u{2028}', '\u{2066}',
            '\u{3000}', '\u{feff}', '\u{fffd}', '\u{301}', 'é', 'ß', 'İ', '６', '🦵', '=', '#',
            '-', ':', ',', '0', '9', '"', '\'', '\\', '[', ']', '{', '}', '.', '+',
        ]),
        1 => any::<char>(),
    ]
}

/// Whitespace a hand-edited file may hold.
fn odd_whitespace() -> impl Strategy<Value = &'static str> {
    select(vec![
        " ", "  ", "\t", " \t", "\r", "\r\n", "\n\n", "\u{a0}", "\u{3000}", "\u{2028}", "\u{feff}",
        "\u{b}",
    ])
}

/// Numbers at and past the edges of every integer type the readers use.
fn huge_number() -> impl Strategy<Value = &'static str> {
    select(vec![
        "0",
        "00",
        "-1",
        "+1",
        "255",
        "256",
        "65535",
        "65536",
        "2147483648",
        "4294967295",
        "4294967296",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551616",
        "99999999999999999999999999999999",
        "1e9",
        "0x10",
        "١٢",
    ])
}

/// One random change to a text.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteChar(Index),
    DoubleChar(Index),
    InsertChar(Index, char),
    InsertWhitespace(Index, &'static str),
    SwapLines(Index, Index),
    DoubleLine(Index),
    DeleteLine(Index),
    /// Replaces the run of digits at or after the index (or inserts, if there is none).
    HugeNumber(Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteChar),
        any::<Index>().prop_map(Mutation::DoubleChar),
        (any::<Index>(), hostile_char()).prop_map(|(i, c)| Mutation::InsertChar(i, c)),
        (any::<Index>(), odd_whitespace()).prop_map(|(i, w)| Mutation::InsertWhitespace(i, w)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<Index>().prop_map(Mutation::DoubleLine),
        any::<Index>().prop_map(Mutation::DeleteLine),
        (any::<Index>(), huge_number()).prop_map(|(i, n)| Mutation::HugeNumber(i, n)),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(mutation(), 0..5)
}

/// `text` with every mutation applied in turn.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_string();
    for m in mutations {
        text = apply(&text, m);
    }
    text
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<&str> = text.split('\n').collect();
    let n = chars.len();
    match m {
        Mutation::DeleteChar(i) if n > 0 => {
            chars.remove(i.index(n));
        }
        Mutation::DoubleChar(i) if n > 0 => {
            let k = i.index(n);
            chars.insert(k, chars[k]);
        }
        Mutation::InsertChar(i, c) => chars.insert(i.index(n + 1), *c),
        Mutation::InsertWhitespace(i, w) => {
            let k = i.index(n + 1);
            chars.splice(k..k, w.chars());
        }
        Mutation::SwapLines(a, b) => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
            return lines.join("\n");
        }
        Mutation::DoubleLine(a) => {
            let a = a.index(lines.len());
            lines.insert(a, lines[a]);
            return lines.join("\n");
        }
        Mutation::DeleteLine(a) => {
            lines.remove(a.index(lines.len()));
            return lines.join("\n");
        }
        Mutation::HugeNumber(i, number) => {
            let k = i.index(n + 1);
            let start = (k..n).find(|&j| chars[j].is_ascii_digit()).unwrap_or(k);
            let end = (start..n)
                .find(|&j| !chars[j].is_ascii_digit())
                .unwrap_or(n);
            chars.splice(start..end, number.chars());
        }
        Mutation::DeleteChar(_) | Mutation::DoubleChar(_) => {}
    }
    chars.into_iter().collect()
}

/// Arbitrary text: any `char`s, hostile ones, and arbitrary bytes read as lossy UTF-8.
fn arbitrary_text() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(hostile_char(), 0..80).prop_map(|c| c.into_iter().collect()),
        proptest::collection::vec(any::<u8>(), 0..300)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
    .boxed()
}

/// Checks one error line: `PREFIX` (the sanitized path and ':'), `LINE:COL: message`, the place
/// inside `source`, no unsafe character.
fn check_error_line(prefix: &str, source_lines: &[&str], line: &str) -> Result<(), TestCaseError> {
    if let Some(c) = line.chars().find(|&c| is_unsafe_char(c)) {
        return Err(fail(format!(
            "unsafe character {c:?} in the error line {line:?}"
        )));
    }
    let rest = line.strip_prefix(prefix).ok_or_else(|| {
        fail(format!(
            "error line {line:?} does not start with {prefix:?}"
        ))
    })?;
    let mut parts = rest.splitn(3, ':');
    let number = |s: Option<&str>| s.and_then(|s| s.parse::<usize>().ok());
    let (Some(l), Some(c), Some(message)) =
        (number(parts.next()), number(parts.next()), parts.next())
    else {
        return Err(fail(format!(
            "error line {line:?} is not FILE:LINE:COL: message"
        )));
    };
    prop_assert!(
        message.starts_with(' ') && message.trim().len() > 1,
        "no message in {:?}",
        line
    );
    prop_assert!(
        (1..=source_lines.len()).contains(&l),
        "line {} is outside the {} lines of the file: {:?}",
        l,
        source_lines.len(),
        line
    );
    let width = source_lines[l - 1].chars().count();
    prop_assert!(
        (1..=width + 1).contains(&c),
        "column {} is outside line {} ({} characters): {:?}",
        c,
        l,
        width,
        line
    );
    Ok(())
}

fn error_prefix(path: &Path) -> String {
    format!("{}:", sanitize(&path.display().to_string()))
}

// ---------------------------------------------------------------------------------------------
// 1. The journal reader
// ---------------------------------------------------------------------------------------------

/// The path errors name: with an escape, a line break and a bidi override, which must all be
/// made harmless in the message.
const JOURNAL_PATH: &str = "data\u{1b}[31m\nodd\u{202e}/journal.txt";

/// Parses `text`; an accepted journal must round-trip, a refusal must be one clean line.
fn check_journal(text: &str) -> Result<(), TestCaseError> {
    let path = Path::new(JOURNAL_PATH);
    match Journal::parse(path, text) {
        Ok(journal) => {
            let written = journal.to_text();
            let again = Journal::parse(path, &written).map_err(|e| {
                fail(format!(
                    "what to_text wrote does not parse: {e}\n--- read ---\n{text}\n--- written ---\n{written}"
                ))
            })?;
            if again != journal {
                return Err(fail(format!(
                    "parse(to_text(j)) != j\n--- read ---\n{text}\n--- written ---\n{written}\n\
                     --- episodes read ---\n{:#?}\n--- episodes read back ---\n{:#?}",
                    journal.episodes(),
                    again.episodes()
                )));
            }
            prop_assert_eq!(
                again.to_text(),
                written,
                "to_text is not a fixed point\n--- read ---\n{}",
                text
            );
        }
        Err(e) => {
            let message = e.to_string();
            prop_assert!(
                !message.contains('\n'),
                "error is more than one line: {:?}",
                message
            );
            if let Some(c) = message.chars().find(|&c| is_unsafe_char(c)) {
                return Err(fail(format!(
                    "unsafe character {c:?} in the error {message:?}"
                )));
            }
            prop_assert!(
                message.starts_with(error_prefix(path).trim_end_matches(':')),
                "error does not name the file: {:?}",
                message
            );
        }
    }
    Ok(())
}

fn journal_header(hostile: bool) -> BoxedStrategy<String> {
    let wild = select(vec![
        "cramp-coach journal 2",
        "cramp-coach journal 0",
        "cramp-coach journal 01",
        "cramp-coach journal  1",
        "cramp-coach journal\t1",
        " cramp-coach journal 1",
        "cramp-coach journal 1 ",
        "cramp-coach journal",
        "cramp-coach journal ",
        "cramp-coach journal -1",
        "cramp-coach journal 18446744073709551615",
        "cramp-coach journal 18446744073709551616",
        "Cramp-coach journal 1",
        "cramp-coach journal 1\u{feff}",
        "\u{feff}cramp-coach journal 1",
        "cramp-coach journal １",
    ]);
    valid_or(
        hostile,
        Just("cramp-coach journal 1".to_string()).boxed(),
        wild.prop_map(str::to_string).boxed(),
    )
}

fn journal_date(hostile: bool) -> BoxedStrategy<String> {
    let wild = prop_oneof![
        2 => (year(), 0i8..=13, 0i8..=32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => select(vec![
            "2026-1-1",
            "02026-01-01",
            "2026-01-01T",
            "-0001-12-31",
            "-000001-12-31",
            "+2026-01-01",
            "2026/01/01",
            "2026-02-29",
            "１９７０-01-01",
            "",
        ])
        .prop_map(str::to_string),
    ];
    valid_or(hostile, valid_date(), wild.boxed())
}

/// A habit id of the grammar ([a-z0-9-], 1 to 32), mostly a real one.
fn valid_habit_id() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(HABIT_IDS.to_vec()).prop_map(str::to_string),
        1 => "[a-z0-9-]{1,32}",
    ]
    .boxed()
}

/// The ticks of a night: distinct habits in any order, each kept once or counted.
fn ticks(hostile: bool) -> BoxedStrategy<Vec<String>> {
    let count = || proptest::option::weighted(0.3, 1u32..=999);
    let tick = (valid_habit_id(), count())
        .prop_map(|(id, n)| n.map_or(id.clone(), |n| format!("{id}={n}")));
    let valid = proptest::collection::btree_map(valid_habit_id(), count(), 0..6)
        .prop_map(|ticks| {
            ticks
                .into_iter()
                .map(|(id, n)| n.map_or(id.clone(), |n| format!("{id}={n}")))
                .collect::<Vec<_>>()
        })
        .prop_shuffle();
    let wild_id = prop_oneof![
        3 => valid_habit_id(),
        1 => "[a-z0-9-]{33,34}",
        1 => "[A-Za-z0-9_=é-]{0,6}",
    ];
    let wild_count = prop_oneof![
        1 => select(vec!["1", "0", "01", "999", "1000", ""]),
        1 => huge_number(),
    ];
    let wild_tick = prop_oneof![
        tick,
        wild_id.clone(),
        (wild_id, wild_count).prop_map(|(id, n)| format!("{id}={n}")),
    ];
    valid_or(
        hostile,
        valid.boxed(),
        proptest::collection::vec(wild_tick, 0..6).boxed(),
    )
}

/// What separates words: a space, or in a hostile document sometimes more, or a tab.
fn word_separator(hostile: bool) -> BoxedStrategy<&'static str> {
    valid_or(
        hostile,
        Just(" ").boxed(),
        select(vec!["  ", "\t", " \t "]).boxed(),
    )
}

fn night_line(hostile: bool) -> BoxedStrategy<String> {
    (
        proptest::collection::vec(word_separator(hostile), 8),
        journal_date(hostile),
        ticks(hostile),
    )
        .prop_map(|(seps, date, ticks)| {
            let mut line = format!("night{}{date}", seps[0]);
            for (i, t) in ticks.iter().enumerate() {
                line.push_str(seps[(i + 1) % seps.len()]);
                line.push_str(t);
            }
            line
        })
        .boxed()
}

/// An `at=` value: as the app writes it, or another RFC 3339 form the reader takes (`Z`, an
/// offset with seconds); in a hostile document also fractions, impossible offsets, other
/// separators.
fn at_text(hostile: bool) -> BoxedStrategy<String> {
    let hour = prop_oneof![3 => 0u8..=23, 1 => select(vec![0u8, 3, 4, 23])];
    let second = prop_oneof![4 => Just(0u8), 1 => 0u8..=59];
    let offset = prop_oneof![
        6 => select(vec![
            "+00:00", "+01:00", "-03:00", "+05:45", "+14:00", "-11:00", "-12:00", "+13:45",
        ]),
        1 => select(vec!["Z", "-00:00", "-00:01:15", "+12:37:12", "-03:06:28"]),
    ];
    let valid = (valid_date(), hour, 0u8..=59, second, offset)
        .prop_map(|(date, h, m, s, off)| format!("{date}T{h:02}:{m:02}:{s:02}{off}"));
    let wild = (
        valid_date(),
        select(vec!["T", "t", " ", "_"]),
        select(vec![0u8, 3, 4, 23, 24]),
        0u8..=60,
        select(vec!["", ".5", ".000000001", ".999999999", ".", ",5"]),
        select(vec![
            "+00:00",
            "z",
            "+01:00:30",
            "+23:59",
            "+25:59",
            "+24:00",
            "+0100",
            "+01",
            "+01:00[Europe/London]",
            "+00:00[UTC]",
            "",
        ]),
    )
        .prop_map(|(date, sep, h, s, frac, off)| format!("{date}{sep}{h:02}:00:{s:02}{frac}{off}"));
    valid_or(hostile, valid.boxed(), wild.boxed())
}

/// The optional fields of a cramp, each valid, at most once.
fn valid_cramp_fields() -> BoxedStrategy<Vec<String>> {
    let some = |p: f64, s: BoxedStrategy<String>, key: &'static str| {
        proptest::option::weighted(p, s).prop_map(move |v| v.map(|v| format!("{key}={v}")))
    };
    let steps = proptest::collection::vec(1u16..=999, 1..5)
        .prop_map(|s| s.iter().map(u16::to_string).collect::<Vec<_>>().join(","));
    (
        some(
            0.7,
            select(vec!["calf", "foot", "thigh", "other"])
                .prop_map(str::to_string)
                .boxed(),
            "muscle",
        ),
        some(
            0.7,
            select(vec!["left", "right", "both"])
                .prop_map(str::to_string)
                .boxed(),
            "side",
        ),
        some(
            0.7,
            (1u8..=5).prop_map(|n| n.to_string()).boxed(),
            "intensity",
        ),
        some(
            0.5,
            prop_oneof![0u32..=86_400, Just(86_400)]
                .prop_map(|n| n.to_string())
                .boxed(),
            "seconds",
        ),
        some(
            0.5,
            select(vec!["yes", "no"]).prop_map(str::to_string).boxed(),
            "symptoms",
        ),
        some(
            0.3,
            select(ROUTINE_IDS.to_vec())
                .prop_map(str::to_string)
                .boxed(),
            "routine",
        ),
        some(0.3, steps.boxed(), "steps"),
    )
        .prop_map(|(a, b, c, d, e, f, g)| [a, b, c, d, e, f, g].into_iter().flatten().collect())
        .boxed()
}

/// Any field, valid or not, known or not.
fn wild_cramp_field() -> BoxedStrategy<String> {
    let small = prop_oneof![
        3 => (0u32..=7).prop_map(|n| n.to_string()),
        1 => huge_number().prop_map(str::to_string),
    ];
    let seconds = prop_oneof![
        3 => (0u32..=90_000).prop_map(|n| n.to_string()),
        1 => select(vec!["86400", "86401", "-0", "+5"]).prop_map(str::to_string),
        1 => huge_number().prop_map(str::to_string),
    ];
    let steps = prop_oneof![
        3 => proptest::collection::vec(0u32..=1000, 1..5)
            .prop_map(|s| s.iter().map(u32::to_string).collect::<Vec<_>>().join(",")),
        1 => select(vec!["", ",", "1,,2", "1,", "65536", "1;2"]).prop_map(str::to_string),
    ];
    prop_oneof![
        select(vec!["calf", "Calf", "knee", ""]).prop_map(|v| format!("muscle={v}")),
        select(vec!["left", "LEFT", "middle", ""]).prop_map(|v| format!("side={v}")),
        small.prop_map(|v| format!("intensity={v}")),
        seconds.prop_map(|v| format!("seconds={v}")),
        select(vec!["yes", "YES", "maybe", ""]).prop_map(|v| format!("symptoms={v}")),
        prop_oneof![valid_habit_id(), "[A-Za-z_]{0,4}"].prop_map(|v| format!("routine={v}")),
        steps.prop_map(|v| format!("steps={v}")),
        journal_date(true).prop_map(|v| format!("night={v}")),
        at_text(true).prop_map(|v| format!("at={v}")),
        select(vec![
            "colour=red",
            "novalue",
            "=x",
            "night",
            "at=",
            "muscle==calf",
            "=",
            "x=y=z"
        ])
        .prop_map(str::to_string),
    ]
    .boxed()
}

/// The words of a cramp line after its id, in any order: `night` and `at`, then the others.
fn cramp_fields(hostile: bool) -> BoxedStrategy<Vec<String>> {
    let night = journal_date(hostile)
        .prop_map(|d| format!("night={d}"))
        .boxed();
    let at = at_text(hostile).prop_map(|a| format!("at={a}")).boxed();
    let others = valid_or(
        hostile,
        valid_cramp_fields(),
        proptest::collection::vec(wild_cramp_field(), 0..7).boxed(),
    );
    (
        valid_or(hostile, night, wild_cramp_field()),
        valid_or(hostile, at, wild_cramp_field()),
        others,
    )
        .prop_map(|(night, at, mut fields)| {
            fields.splice(0..0, [night, at]);
            fields
        })
        .prop_shuffle()
        .boxed()
}

/// One line of a generated journal.
#[derive(Debug, Clone)]
enum JournalLine {
    /// A cramp; without an id, it takes the next free one when the journal is put together.
    Cramp {
        separator: &'static str,
        id: Option<String>,
        fields: Vec<String>,
    },
    Text(String),
}

fn journal_line(hostile: bool) -> BoxedStrategy<JournalLine> {
    let wild_id = prop_oneof![
        2 => (1u32..=12).prop_map(|n| n.to_string()),
        1 => select(vec!["0", "01", "+1", "-1", "x", "1.0"]).prop_map(str::to_string),
        1 => huge_number().prop_map(str::to_string),
    ];
    let id = valid_or(hostile, Just(None).boxed(), wild_id.prop_map(Some).boxed());
    let cramp =
        (word_separator(hostile), id, cramp_fields(hostile)).prop_map(|(separator, id, fields)| {
            JournalLine::Cramp {
                separator,
                id,
                fields,
            }
        });
    let text = |s: BoxedStrategy<String>| s.prop_map(JournalLine::Text);
    let valid = prop_oneof![
        5 => text(night_line(hostile)),
        4 => cramp,
        1 => text("[ \t]{0,2}#[ -~]{0,30}".boxed()),
        1 => text(select(vec!["", " ", "\t"]).prop_map(str::to_string).boxed()),
    ];
    let wild = prop_oneof![
        text("[ \t]{0,2}#[^\n]{0,30}".boxed()),
        text(journal_header(true)),
        text("[^\n]{0,30}".boxed()),
    ];
    valid_or(hostile, valid.boxed(), wild.boxed())
}

/// A journal as a person or an older app might have left it: comments, the header, nights,
/// cramps, comments and blank lines, each line ending in LF or CRLF. Clean documents follow the
/// grammar (and are mostly accepted); hostile ones stray from it now and then at every level.
fn almost_journal(hostile: bool) -> BoxedStrategy<String> {
    (
        proptest::collection::vec("#[ -~]{0,10}", 0..2),
        journal_header(hostile),
        proptest::collection::vec((journal_line(hostile), prop::bool::weighted(0.15)), 0..12),
        any::<bool>(),
    )
        .prop_map(|(before, header, lines, final_newline)| {
            let mut text = String::new();
            for l in before {
                text.push_str(&l);
                text.push('\n');
            }
            text.push_str(&header);
            let mut next_id = 1;
            for (line, crlf) in lines {
                text.push_str(if crlf { "\r\n" } else { "\n" });
                match line {
                    JournalLine::Cramp {
                        separator,
                        id,
                        fields,
                    } => {
                        let id = id.unwrap_or_else(|| {
                            next_id += 1;
                            (next_id - 1).to_string()
                        });
                        text.push_str(&format!("cramp{separator}{id} {}", fields.join(" ")));
                    }
                    JournalLine::Text(t) => text.push_str(&t),
                }
            }
            if final_newline {
                text.push('\n');
            }
            text
        })
        .boxed()
}

fn any_journal() -> BoxedStrategy<String> {
    prop_oneof![almost_journal(false), almost_journal(true)].boxed()
}

proptest! {
    #![proptest_config(cases(2_000))]

    /// Arbitrary text, and arbitrary text after a valid header.
    #[test]
    fn journal_reader_takes_any_text(text in arbitrary_text(), after_header in any::<bool>()) {
        if after_header {
            check_journal(&format!("cramp-coach journal 1\n{text}"))?;
        } else {
            check_journal(&text)?;
        }
    }

    /// Almost valid journals, mutated; and, when one is accepted, the journal the app would
    /// write from it, mutated the same way (that text takes the reader's fast path).
    #[test]
    fn journal_reader_takes_almost_valid_journals(
        text in any_journal(),
        changes in mutations(),
    ) {
        check_journal(&text)?;
        check_journal(&mutate(&text, &changes))?;
        if let Ok(journal) = Journal::parse(Path::new(JOURNAL_PATH), &text) {
            check_journal(&mutate(&journal.to_text(), &changes))?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The content and config loaders
// ---------------------------------------------------------------------------------------------

/// The path parse errors name (made harmless in messages, like the journal's).
const CONTENT_PATH: &str = "conf\u{1b}[2J\n\u{9b}dir/content.toml";
const CONFIG_PATH: &str = "conf\u{1b}[2J\n\u{9b}dir/config.toml";
/// The file name `load` reads from, inside a tempdir.
const FILE_NAME: &str = "odd \u{1b}]0;title\u{7} name.toml";

/// A TOML basic string holding `s`, escaped as TOML wants.
fn basic_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML string value: well quoted; in a hostile document now and then literal, multi-line, or
/// not quoted right.
fn quoted(hostile: bool, text: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    // Rarely, even in a hostile document: one broken string hides every other problem of a file.
    let how = if hostile {
        prop_oneof![19 => Just(0u8), 1 => 1u8..=4].boxed()
    } else {
        Just(0u8).boxed()
    };
    (text, how)
        .prop_map(|(s, how)| match how {
            1 => format!("'{s}'"),
            2 => format!("\"\"\"\n{s}\"\"\""),
            3 => format!("\"{s}\""),
            4 => s,
            _ => basic_string(&s),
        })
        .boxed()
}

/// Text for titles and guidance; in a hostile document also controls, escapes, blank or too long.
fn text_value(hostile: bool) -> BoxedStrategy<String> {
    let valid = prop_oneof![
        4 => "[A-Za-z][ -~]{0,30}",
        1 => "[A-Za-zé🦵][^\\p{C}]{0,20}",
    ];
    let wild = prop_oneof![
        "\\PC{0,20}",
        proptest::collection::vec(hostile_char(), 0..12).prop_map(|c| c.into_iter().collect()),
        select(vec!["", "   ", "\u{1b}[2J", "\u{202e}", "\u{fffd}"]).prop_map(str::to_string),
        (79usize..=82).prop_map(|n| "t".repeat(n)),
        (599usize..=601).prop_map(|n| "x".repeat(n)),
    ];
    valid_or(hostile, valid.boxed(), wild.boxed())
}

/// One of the given words, or in a hostile document a near miss.
fn word(
    hostile: bool,
    valid: &'static [&'static str],
    wild: &'static [&'static str],
) -> BoxedStrategy<String> {
    valid_or(
        hostile,
        select(valid.to_vec()).prop_map(str::to_string).boxed(),
        select(wild.to_vec()).prop_map(str::to_string).boxed(),
    )
}

/// An integer in `lo..=hi`, or in a hostile document anything TOML or not.
fn int_value(hostile: bool, lo: i64, hi: i64) -> BoxedStrategy<String> {
    let wild = prop_oneof![
        2 => prop_oneof![Just(lo - 1), Just(hi + 1), -5i64..=4000].prop_map(|n| n.to_string()),
        1 => select(vec![
            "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "2.5", "1e3", "0x10", "0o7", "0b1", "+3", "1_000", "inf", "nan", "\"30\"", "true",
            "[]", "{}", "1979-05-27", "",
        ])
        .prop_map(str::to_string),
    ];
    valid_or(
        hostile,
        (lo..=hi).prop_map(|n| n.to_string()).boxed(),
        wild.boxed(),
    )
}

/// A TOML array of string values; in a hostile document with trailing commas and any length.
fn string_array(
    hostile: bool,
    items: impl Strategy<Value = Vec<String>> + 'static,
) -> BoxedStrategy<String> {
    (items, any::<bool>())
        .prop_map(move |(items, trailing)| {
            let items: Vec<String> = items.iter().map(|s| basic_string(s)).collect();
            let comma = if hostile && trailing && !items.is_empty() {
                ","
            } else {
                ""
            };
            format!("[{}{comma}]", items.join(", "))
        })
        .boxed()
}

/// A list of `n` items from `item`.
fn list(item: BoxedStrategy<String>, n: std::ops::Range<usize>) -> BoxedStrategy<Vec<String>> {
    proptest::collection::vec(item, n).boxed()
}

/// Some of `words`, each at most once, in any order (in a hostile document: any of them, even none
/// or twice, or a near miss).
fn word_set(
    hostile: bool,
    words: &'static [&'static str],
    wild: &'static [&'static str],
) -> BoxedStrategy<Vec<String>> {
    let valid = proptest::sample::subsequence(words.to_vec(), 1..=words.len())
        .prop_shuffle()
        .prop_map(|w| w.into_iter().map(str::to_string).collect());
    let any_word = prop_oneof![
        3 => select(words.to_vec()).prop_map(str::to_string),
        1 => select(wild.to_vec()).prop_map(str::to_string),
    ];
    valid_or(hostile, valid.boxed(), list(any_word.boxed(), 0..4))
}

/// `key = value` for a key a table needs: in a hostile document sometimes missing.
fn key(hostile: bool, name: &'static str, value: BoxedStrategy<String>) -> BoxedStrategy<String> {
    let line = move |v: String| format!("{name} = {v}\n");
    if hostile {
        opt_key(0.9, name, value)
    } else {
        value.prop_map(line).boxed()
    }
}

/// `key = value` for an optional key, there with probability `p`.
fn opt_key(p: f64, name: &'static str, value: BoxedStrategy<String>) -> BoxedStrategy<String> {
    proptest::option::weighted(p, value)
        .prop_map(move |v| v.map_or(String::new(), |v| format!("{name} = {v}\n")))
        .boxed()
}

/// In a hostile document, now and then a key the loaders do not know (they refuse those).
fn stray_key(hostile: bool) -> BoxedStrategy<String> {
    if !hostile {
        return Just(String::new()).boxed();
    }
    let stray = select(vec![
        "secs = 3",
        "colour = \"red\"",
        "id = \"again\"",
        "steps = []",
    ]);
    proptest::option::weighted(0.1, stray)
        .prop_map(|k| k.map_or(String::new(), |k| format!("{k}\n")))
        .boxed()
}

const SIDES: &[&str] = &["left", "right"];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A `[[routine.step]]`. Repeats and rests only with seconds, unless the document is hostile.
fn step_block(hostile: bool) -> BoxedStrategy<String> {
    let h = hostile;
    let timing = (
        int_value(h, 1, 3600),
        opt_key(0.3, "repeat", int_value(h, 1, 20)),
        opt_key(0.3, "rest_seconds", int_value(h, 1, 3600)),
    )
        .prop_map(|(s, repeat, rest)| format!("seconds = {s}\n{repeat}{rest}"));
    let untimed = if hostile {
        (
            opt_key(0.2, "repeat", int_value(h, 1, 20)),
            opt_key(0.2, "rest_seconds", int_value(h, 1, 3600)),
        )
            .prop_map(|(a, b)| format!("{a}{b}"))
            .boxed()
    } else {
        Just(String::new()).boxed()
    };
    (
        key(h, "title", quoted(h, text_value(h))),
        key(h, "text", quoted(h, text_value(h))),
        prop_oneof![7 => timing, 3 => untimed],
        opt_key(
            0.4,
            "sides",
            string_array(h, word_set(h, SIDES, &["Left", "up", ""])),
        ),
        stray_key(h),
    )
        .prop_map(|(a, b, c, d, e)| format!("\n[[routine.step]]\n{a}{b}{c}{d}{e}"))
        .boxed()
}

/// The keys of a `[[routine]]` after its id and before its steps.
fn routine_keys(hostile: bool) -> BoxedStrategy<String> {
    let h = hostile;
    (
        key(h, "title", quoted(h, text_value(h))),
        key(
            h,
            "kind",
            quoted(h, word(h, &["relief", "bedtime"], &["nap", "Relief", ""])),
        ),
        opt_key(0.5, "summary", quoted(h, text_value(h))),
        opt_key(
            0.5,
            "muscle",
            quoted(
                h,
                word(h, &["calf", "foot", "thigh", "other"], &["knee", "Calf"]),
            ),
        ),
        stray_key(h),
    )
        .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}"))
        .boxed()
}

/// The keys of a `[[habit]]` after its id.
fn habit_keys(hostile: bool) -> BoxedStrategy<String> {
    let h = hostile;
    (
        key(h, "title", quoted(h, text_value(h))),
        opt_key(0.6, "hint", quoted(h, text_value(h))),
        opt_key(0.3, "target", int_value(h, 1, 50)),
        opt_key(
            0.3,
            "days",
            string_array(h, word_set(h, DAYS, &["Mon", "monday", ""])),
        ),
        stray_key(h),
    )
        .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}"))
        .boxed()
}

fn guidance_block(hostile: bool) -> BoxedStrategy<String> {
    let h = hostile;
    let lines = move || string_array(h, list(text_value(h), 0..4));
    (
        opt_key(0.7, "disclaimer", quoted(h, text_value(h))),
        opt_key(0.5, "aftercare", lines()),
        opt_key(0.5, "get_help_now", lines()),
        opt_key(0.5, "see_a_doctor", lines()),
        opt_key(0.5, "medicines", quoted(h, text_value(h))),
        opt_key(0.5, "sources", lines()),
        opt_key(0.5, "frequent_nights", int_value(h, 1, 7)),
        opt_key(0.5, "frequent_weeks", int_value(h, 1, 8)),
        stray_key(h),
    )
        .prop_map(|(a, b, c, d, e, f, g, i, j)| format!("[guidance]\n{a}{b}{c}{d}{e}{f}{g}{i}{j}"))
        .boxed()
}

/// Ids for up to `n` tables: distinct, at least `at_least`, mostly the real ones, in any order; in
/// a hostile document, anything, repeats included.
fn table_ids(
    hostile: bool,
    known: &'static [&'static str],
    at_least: usize,
    n: usize,
) -> BoxedStrategy<Vec<String>> {
    let valid = (
        proptest::sample::subsequence(known.to_vec(), at_least..=known.len()),
        proptest::collection::btree_set("[a-z][a-z0-9-]{2,31}", 0..3),
    )
        .prop_map(|(known, more)| {
            let mut ids: Vec<String> = known.into_iter().map(str::to_string).collect();
            for m in more {
                if !ids.contains(&m) {
                    ids.push(m);
                }
            }
            ids
        })
        .prop_shuffle();
    let wild_id = prop_oneof![
        3 => select(known.to_vec()).prop_map(str::to_string),
        1 => "[a-z0-9-]{1,34}",
        1 => select(vec!["", "Calf!", "calf ", "ca\u{301}lf"]).prop_map(str::to_string),
    ];
    valid_or(hostile, valid.boxed(), list(wild_id.boxed(), 0..n))
}

/// A content file from the real grammar: guidance, routines with their steps, habits, either
/// first. In a clean document ids are distinct, each routine has a step and `completes_habit`
/// names a habit of the file; a hostile one strays from the grammar now and then at every level.
fn almost_content(hostile: bool) -> BoxedStrategy<String> {
    let h = hostile;
    let routine = (
        routine_keys(h),
        any::<Option<Index>>(),
        proptest::collection::vec(step_block(h), if h { 0..4 } else { 1..4 }),
    );
    (
        proptest::option::of(guidance_block(h)),
        table_ids(h, &HABIT_IDS, 0, 9),
        proptest::collection::vec(habit_keys(h), 9),
        table_ids(h, &ROUTINE_IDS, 1, 7),
        proptest::collection::vec(routine, 7),
        any::<bool>(),
        quoted(h, "[a-z0-9-]{1,34}"),
    )
        .prop_map(
            move |(guidance, habit_ids, habits, routine_ids, routines, habits_first, stray)| {
                let habits: String = habit_ids
                    .iter()
                    .zip(&habits)
                    .map(|(id, keys)| format!("\n[[habit]]\nid = {}\n{keys}", basic_string(id)))
                    .collect();
                let routines: String = routine_ids
                    .iter()
                    .zip(&routines)
                    .map(|(id, (keys, completes, steps))| {
                        // A habit of the file; in a hostile document, maybe any id at all.
                        let completes = completes.map_or(String::new(), |i| {
                            let target = if h && (habit_ids.is_empty() || i.index(5) == 0) {
                                stray.clone()
                            } else if habit_ids.is_empty() {
                                return String::new();
                            } else {
                                basic_string(i.get::<String>(&habit_ids))
                            };
                            format!("completes_habit = {target}\n")
                        });
                        let id = basic_string(id);
                        format!(
                            "\n[[routine]]\nid = {id}\n{keys}{completes}{}",
                            steps.concat()
                        )
                    })
                    .collect();
                let body = if habits_first {
                    format!("{habits}{routines}")
                } else {
                    format!("{routines}{habits}")
                };
                format!("{}{body}", guidance.unwrap_or_default())
            },
        )
        .boxed()
}

fn any_content() -> BoxedStrategy<String> {
    prop_oneof![almost_content(false), almost_content(true)].boxed()
}

/// Keys no default binding uses, so binding them never conflicts.
const FREE_KEYS: &[&str] = &[
    "a",
    "b",
    "c",
    "j",
    "k",
    "x",
    "z",
    "0",
    "9",
    "*",
    "tab",
    "backspace",
    "up",
    "down",
];

/// A config file from the real grammar: the top-level settings and a `[keys]` table. In a clean
/// document each command rebound takes its own free key; a hostile one strays now and then.
fn almost_config(hostile: bool) -> BoxedStrategy<String> {
    let h = hostile;
    let commands: &'static [&'static str] =
        &["pause", "let_go", "next", "previous", "add_time", "restart"];
    let valid_keys = (
        proptest::sample::subsequence(commands.to_vec(), 0..=commands.len()),
        Just(FREE_KEYS.to_vec()).prop_shuffle(),
    )
        .prop_map(|(commands, keys)| {
            commands
                .iter()
                .zip(keys)
                .map(|(c, k)| (c.to_string(), format!("[{}]", basic_string(k))))
                .collect::<Vec<_>>()
        });
    let key_name = prop_oneof![
        3 => select(vec![
            "space", "enter", "tab", "backspace", "up", "down", "left", "right", "n", "p", "r",
            "+", "=", "j", "k", "q", "?", "!", "esc", "ab", "", " ", "\u{1b}", "é", "🦵",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,2}",
    ];
    let wild_keys = proptest::collection::vec(
        (
            select(vec![
                "pause", "let_go", "next", "previous", "add_time", "restart", "quit", "Pause",
            ])
            .prop_map(str::to_string),
            string_array(true, list(key_name.boxed(), 0..3)),
        ),
        0..5,
    );
    let keys = valid_or(h, valid_keys.boxed(), wild_keys.boxed()).prop_map(|bindings| {
        let mut s = String::from("\n[keys]\n");
        for (command, keys) in bindings {
            s.push_str(&format!("{command} = {keys}\n"));
        }
        s
    });
    let day_start = valid_or(
        h,
        prop_oneof![
            (0u8..=11, 0u8..=59).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
            Just("12:00".to_string()),
        ]
        .boxed(),
        prop_oneof![
            2 => select(vec![
                "12:01", "4:00", "24:00", "04:60", "aa:bb", "", "04:00:00", "-1:00", "+4:00",
                "０4:00",
            ])
            .prop_map(str::to_string),
            1 => "[0-9]{2}:[0-9]{2}",
        ]
        .boxed(),
    );
    let command_word = valid_or(h, "[a-z-]{1,10}".boxed(), text_value(true));
    (
        opt_key(
            0.5,
            "theme",
            quoted(
                h,
                word(
                    h,
                    &["night", "contrast", "terminal"],
                    &["pink", "Night", ""],
                ),
            ),
        ),
        opt_key(
            0.5,
            "bell",
            word(h, &["true", "false"], &["\"yes\"", "1", "True"]),
        ),
        opt_key(
            0.3,
            "speak_command",
            string_array(h, list(command_word, 0..4)),
        ),
        opt_key(0.5, "lead_in_seconds", int_value(h, 0, 30)),
        opt_key(0.5, "day_starts_at", quoted(h, day_start)),
        stray_key(h),
        proptest::option::weighted(0.4, keys),
    )
        .prop_map(|(a, b, c, d, e, f, keys)| {
            format!("{a}{b}{c}{d}{e}{f}{}", keys.unwrap_or_default())
        })
        .boxed()
}

fn any_config() -> BoxedStrategy<String> {
    prop_oneof![almost_config(false), almost_config(true)].boxed()
}

/// Parses `source` as content; checks the result.
fn check_content(source: &str) -> Result<(), TestCaseError> {
    let path = Path::new(CONTENT_PATH);
    match Content::parse(path, source) {
        Ok(content) => check_accepted_content(&content, source),
        Err(d) => {
            let text = d.to_string();
            check_error_text(path, source, &text, d.0.len())
        }
    }
}

fn check_accepted_content(content: &Content, source: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !content.routines.is_empty(),
        "content with no routine accepted:\n{}",
        source
    );
    for r in &content.routines {
        prop_assert!(
            !r.steps.is_empty(),
            "routine {:?} with no step accepted:\n{}",
            r.id,
            source
        );
    }
    Ok(())
}

/// Parses `source` as a config laid over the defaults; checks the result.
fn check_config(source: &str) -> Result<(), TestCaseError> {
    let path = Path::new(CONFIG_PATH);
    match Config::builtin().merged(path, source) {
        Ok(config) => check_accepted_config(&config, source),
        Err(d) => {
            let text = d.to_string();
            check_error_text(path, source, &text, d.0.len())
        }
    }
}

fn check_accepted_config(config: &Config, source: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        i64::from(config.lead_in_seconds) <= MAX_LEAD_IN_SECONDS,
        "lead_in_seconds {} accepted:\n{}",
        config.lead_in_seconds,
        source
    );
    let d = config.day_starts_at;
    prop_assert!(
        d.minute < 60 && (d.hour < 12 || (d.hour, d.minute) == (12, 0)),
        "day_starts_at {:?} accepted:\n{}",
        d,
        source
    );
    Ok(())
}

/// All the lines of an error (`count` diagnostics, one a line) about `source`, read from `path`.
fn check_error_text(
    path: &Path,
    source: &str,
    text: &str,
    count: usize,
) -> Result<(), TestCaseError> {
    prop_assert!(count > 0, "an error without diagnostics");
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert_eq!(
        lines.len(),
        count,
        "{} diagnostics shown as {} lines: {:?}",
        count,
        lines.len(),
        text
    );
    let source_lines: Vec<&str> = source.split('\n').collect();
    let prefix = error_prefix(path);
    for line in lines {
        check_error_line(&prefix, &source_lines, line)
            .map_err(|e| fail(format!("{e}\n--- source ---\n{source}")))?;
    }
    Ok(())
}

/// Writes `bytes` to a file and loads it with both loaders, as the app does.
fn check_files(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().map_err(|e| fail(format!("tempdir: {e}")))?;
    let path = dir.path().join(FILE_NAME);
    std::fs::write(&path, bytes).map_err(|e| fail(format!("write: {e}")))?;
    let lossy = String::from_utf8_lossy(bytes);
    match Content::load(&path) {
        Ok(content) => check_accepted_content(&content, &lossy)?,
        Err(e) => check_load_error(&path, &lossy, e)?,
    }
    match Config::load_over_default(&path) {
        Ok(config) => check_accepted_config(&config, &lossy),
        Err(e) => check_load_error(&path, &lossy, e),
    }
}

fn check_load_error(path: &Path, source: &str, e: LoadError) -> Result<(), TestCaseError> {
    match e {
        LoadError::Invalid(d) => check_error_text(path, source, &d.to_string(), d.0.len()),
        e @ LoadError::Io { .. } => Err(fail(format!("cannot read a file just written: {e}"))),
    }
}

proptest! {
    #![proptest_config(cases(300))]

    /// Arbitrary text and bytes, through `parse` and through the file loaders.
    #[test]
    fn loaders_take_any_text(text in arbitrary_text(), bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check_content(&text)?;
        check_config(&text)?;
        check_files(&bytes)?;
        check_files(text.as_bytes())?;
    }

    /// Content files from the grammar, and the built-in file, mutated.
    #[test]
    fn content_loader_takes_almost_valid_files(
        source in any_content(),
        changes in mutations(),
        builtin_changes in mutations(),
    ) {
        check_content(&source)?;
        let mutated = mutate(&source, &changes);
        check_content(&mutated)?;
        check_content(&mutate(BUILTIN_TOML, &builtin_changes))?;
        check_files(mutated.as_bytes())?;
    }

    /// Config files from the grammar, and the default file, mutated.
    #[test]
    fn config_loader_takes_almost_valid_files(
        source in any_config(),
        changes in mutations(),
        default_changes in mutations(),
    ) {
        check_config(&source)?;
        let mutated = mutate(&source, &changes);
        check_config(&mutated)?;
        check_config(&mutate(DEFAULT_TOML, &default_changes))?;
        check_files(mutated.as_bytes())?;
    }
}

// ---------------------------------------------------------------------------------------------
// 3. The binary: accepted writes leave a readable journal, refused ones leave it as it was
// ---------------------------------------------------------------------------------------------

/// Time zones with offsets of +14, -11, an old LMT (Europe/London, -00:01:15 before 1847) and
/// past daylight saving at midnight (America/Sao_Paulo).
const ZONES: [&str; 5] = [
    "UTC",
    "Europe/London",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/Sao_Paulo",
];

/// One write command.
#[derive(Debug, Clone)]
enum WriteCommand {
    Check {
        habit: &'static str,
        date: Option<String>,
        undo: bool,
    },
    Add {
        muscle: &'static str,
        side: &'static str,
        intensity: &'static str,
        minutes: Option<String>,
        at: Option<String>,
        symptoms: bool,
    },
    Remove {
        id: String,
    },
}

impl WriteCommand {
    fn args(&self) -> Vec<String> {
        let mut args: Vec<String> = Vec::new();
        match self {
            WriteCommand::Check { habit, date, undo } => {
                args.extend(["check".to_string(), habit.to_string()]);
                if let Some(d) = date {
                    args.extend(["--date".to_string(), d.clone()]);
                }
                if *undo {
                    args.push("--undo".to_string());
                }
            }
            WriteCommand::Add {
                muscle,
                side,
                intensity,
                minutes,
                at,
                symptoms,
            } => {
                for a in log_add(muscle, side, intensity) {
                    args.push(a.to_string());
                }
                if let Some(m) = minutes {
                    args.extend(["--minutes".to_string(), m.clone()]);
                }
                if let Some(at) = at {
                    args.extend(["--at".to_string(), at.clone()]);
                }
                if *symptoms {
                    args.push("--symptoms".to_string());
                }
            }
            WriteCommand::Remove { id } => {
                args.extend(["log".to_string(), "remove".to_string(), id.clone()]);
            }
        }
        args
    }
}

/// A date for `--date` or `--at`: mostly the first or last day of an edge year (where the night
/// before, or an offset, crosses into another year), often the first and last days `YYYY` can
/// write, else another edge day of an edge year (leap days included, valid or not), any valid
/// date, or the days around today (where "in the future" is decided).
fn cli_date() -> BoxedStrategy<String> {
    let today = jiff::Zoned::now().date();
    let near: Vec<String> = (-2i64..=2)
        .filter_map(|n| today.checked_add(jiff::Span::new().days(n)).ok())
        .map(|d| d.to_string())
        .collect();
    let year_ends = select(vec![(1i8, 1i8), (12, 31)]);
    let other_days = select(vec![(6i8, 15i8), (2, 28), (2, 29), (3, 31)]);
    let edge = |(y, (m, d)): (i16, (i8, i8))| format!("{y:04}-{m:02}-{d:02}");
    prop_oneof![
        6 => (select(YEARS.to_vec()), year_ends).prop_map(edge),
        2 => select(vec!["0000-01-01", "9999-12-31"]).prop_map(str::to_string),
        2 => (select(YEARS.to_vec()), other_days).prop_map(edge),
        2 => valid_date(),
        1 => select(near),
    ]
    .boxed()
}

fn cli_time() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(TIMES.to_vec()).prop_map(str::to_string),
        1 => (0u8..=23, 0u8..=59).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
    ]
    .boxed()
}

fn write_command() -> impl Strategy<Value = WriteCommand> {
    let habit = prop_oneof![8 => select(HABIT_IDS.to_vec()), 1 => Just("nap")];
    let check = (
        habit,
        proptest::option::weighted(0.8, cli_date()),
        prop::bool::weighted(0.3),
    )
        .prop_map(|(habit, date, undo)| WriteCommand::Check { habit, date, undo });
    let intensity = prop_oneof![
        8 => select(vec!["3", "1", "2", "4", "5"]),
        1 => select(vec!["0", "6"]),
    ];
    let minutes = prop_oneof![
        4 => (0u32..=30).prop_map(|n| n.to_string()),
        1 => select(vec!["0", "10", "11", "1440", "1441"]).prop_map(str::to_string),
    ];
    let add = (
        select(vec!["calf", "foot", "thigh", "other"]),
        select(vec!["left", "right", "both"]),
        intensity,
        proptest::option::weighted(0.5, minutes),
        proptest::option::weighted(
            0.85,
            (cli_date(), cli_time()).prop_map(|(d, t)| format!("{d} {t}")),
        ),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(muscle, side, intensity, minutes, at, symptoms)| WriteCommand::Add {
                muscle,
                side,
                intensity,
                minutes,
                at,
                symptoms,
            },
        );
    let remove = prop_oneof![
        4 => (1u32..=4).prop_map(|n| n.to_string()),
        1 => select(vec!["0", "4294967295", "4294967296"]).prop_map(str::to_string),
    ]
    .prop_map(|id| WriteCommand::Remove { id });
    prop_oneof![3 => check, 4 => add, 1 => remove]
}

/// A fresh home for one case: `--data-dir` and every XDG folder inside a tempdir, one time zone.
struct Sandbox {
    home: Home,
    tz: &'static str,
}

/// What one run of the binary did.
struct Run {
    command: String,
    code: Option<i32>,
    stderr: String,
}

impl Sandbox {
    fn new(tz: &'static str) -> Result<Sandbox, TestCaseError> {
        let setup = Setup {
            data_dir: true,
            tz: Some(tz),
            state_and_cache: true,
            ..Setup::BASE
        };
        let home = Home::try_new(setup).map_err(|e| fail(format!("tempdir: {e}")))?;
        Ok(Sandbox { home, tz })
    }

    fn journal_text(&self) -> String {
        self.home.journal_bytes().map_or_else(
            || "(no journal file)".to_string(),
            |b| String::from_utf8_lossy(&b).into_owned(),
        )
    }

    fn run(&self, args: &[String]) -> Result<Run, TestCaseError> {
        let out = self
            .home
            .cramp()
            .args(args)
            .output()
            .map_err(|e| fail(format!("cannot run cramp: {e}")))?;
        Ok(Run {
            command: format!("TZ={} cramp {}", self.tz, shell_words(args)),
            code: out.status.code(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }
}

/// Arguments as one would type them.
fn shell_words(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            if a.contains(' ') || a.is_empty() {
                format!("{a:?}")
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every night the journal holds (ticks and cramps), read from the file the writes left.
fn nights_written(journal: Option<Vec<u8>>) -> Vec<String> {
    let Some(bytes) = journal else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&bytes);
    let Ok(j) = Journal::parse(Path::new("journal.txt"), &text) else {
        return Vec::new();
    };
    j.nights()
        .chain(j.episodes().iter().map(|e| e.night))
        .filter(|d| parse_date(&d.to_string()).is_some())
        .map(|d| d.to_string())
        .collect()
}

/// The read commands, with `habits --date D` for each night written so far.
fn read_commands(nights: &BTreeSet<String>) -> Vec<Vec<String>> {
    let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
    let mut reads = vec![
        words("habits"),
        words("log"),
        words("insights"),
        words("export --format csv"),
        words("export --format markdown"),
    ];
    for d in nights {
        reads.push(vec!["habits".to_string(), "--date".to_string(), d.clone()]);
    }
    reads
}

proptest! {
    #![proptest_config(ProptestConfig { max_shrink_iters: 300, ..cases(64) })]

    #[test]
    fn accepted_writes_leave_a_journal_every_read_accepts(
        tz in select(ZONES.to_vec()),
        writes in proptest::collection::vec(write_command(), 1..=4),
    ) {
        let sandbox = Sandbox::new(tz)?;
        let mut history: Vec<String> = Vec::new();
        let mut nights: BTreeSet<String> = BTreeSet::new();
        for write in &writes {
            let before = sandbox.home.journal_bytes();
            let run = sandbox.run(&write.args())?;
            history.push(format!("{}  -> exit {:?}", run.command, run.code));
            if run.code == Some(0) {
                nights.extend(nights_written(sandbox.home.journal_bytes()));
                for read in read_commands(&nights) {
                    let r = sandbox.run(&read)?;
                    prop_assert_eq!(
                        r.code,
                        Some(0),
                        "`{}` refused the journal left by accepted writes:\n{}\n--- stderr ---\n{}--- journal ---\n{}",
                        r.command,
                        history.join("\n"),
                        r.stderr,
                        sandbox.journal_text()
                    );
                }
            } else {
                prop_assert!(
                    matches!(run.code, Some(1..=3)),
                    "`{}` failed with {:?} (not 1, 2 or 3):\n{}\n--- stderr ---\n{}",
                    run.command,
                    run.code,
                    history.join("\n"),
                    run.stderr
                );
                let after = sandbox.home.journal_bytes();
                prop_assert!(
                    after == before,
                    "refused `{}` changed the journal:\n{}\n--- stderr ---\n{}--- before ---\n{}\n--- after ---\n{}",
                    run.command,
                    history.join("\n"),
                    run.stderr,
                    before.as_deref().map_or("(no journal file)".into(), String::from_utf8_lossy),
                    sandbox.journal_text()
                );
            }
        }
    }
}
