//! Bad input to `log add`, `log --since` and `export` exits 2, names what is wrong, and stores
//! nothing: no journal in a fresh home, the journal byte for byte as it was in a seeded one.

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::support::LOG_ADD;
use crate::support::home::Home;
use crate::support::out::Out;
use crate::{
    SETUP, assert_nothing_stored, assert_untouched, inode_of, names_range, seeded, seeded_log,
};

/// A valid `log add`, with `flag` set to `value` (added if absent).
fn add_args<'a>(flag: &'a str, value: &'a str) -> Vec<&'a str> {
    let mut args = [&LOG_ADD[..], &["--at", "2025-03-14 02:00"]].concat();
    match args.iter().position(|a| *a == flag) {
        Some(i) => args[i + 1] = value,
        None => args.extend([flag, value]),
    }
    args
}

/// Runs `args` on a fresh home (nothing may be stored) and on a seeded one (the journal stays byte
/// for byte); both must exit 2. Returns the output of the fresh run.
fn refused(args: &[&str]) -> Out {
    let fresh = Home::new(SETUP);
    let out = fresh.run(args);
    out.code(2);
    assert_nothing_stored(&fresh, &out.args);

    let (home, ids) = seeded();
    let before = home.journal_bytes().unwrap_or_default();
    let inode = inode_of(&home.journal());
    let again = home.run(args);
    again.code(2);
    assert_untouched(&home, &before, inode, &again.args);
    assert_eq!(home.run(&["log"]).stdout_lines(), seeded_log(&ids));
    out
}

#[test]
fn bad_muscle_exits_2_names_the_muscles_and_stores_nothing() {
    for bad in ["knee", "Calf", "calves", "", "calf,foot"] {
        let out = refused(&add_args("--muscle", bad));
        for m in ["calf", "foot", "thigh", "other"] {
            out.stderr_has(m);
        }
    }
}

#[test]
fn bad_side_exits_2_names_the_sides_and_stores_nothing() {
    for bad in ["up", "LEFT", "l", "", "left,right"] {
        let out = refused(&add_args("--side", bad));
        for s in ["left", "right", "both"] {
            out.stderr_has(s);
        }
    }
}

#[test]
fn intensity_out_of_range_exits_2_names_1_to_5_and_stores_nothing() {
    for bad in ["0", "6", "10", "255", "256"] {
        let out = refused(&add_args("--intensity", bad));
        out.stderr_has("--intensity");
        names_range(&out, 1, 5);
    }
}

#[test]
fn intensity_not_a_number_exits_2_and_stores_nothing() {
    for bad in ["x", "3.5", "-1", "", "three"] {
        let out = refused(&add_args("--intensity", bad));
        out.stderr_has("--intensity");
    }
}

#[test]
fn intensity_not_a_number_names_1_to_5() {
    for bad in ["x", "3.5", "-1"] {
        let out = refused(&add_args("--intensity", bad));
        names_range(&out, 1, 5);
    }
}

#[test]
fn minutes_out_of_range_exits_2_and_stores_nothing() {
    // `--minutes -1` as two words: clap reads "-1" as an unknown flag; still exit 2, nothing stored.
    let out = refused(&add_args("--minutes", "-1"));
    out.stderr_has("-1");
    for bad in ["--minutes=-1", "--minutes=1441", "--minutes=99999999999"] {
        let mut args = add_args("--at", "2025-03-14 02:00");
        args.push(bad);
        let out = refused(&args);
        out.stderr_has("--minutes");
        names_range(&out, 0, 1440);
    }
    for bad in ["x", "1.5", ""] {
        let out = refused(&add_args("--minutes", bad));
        out.stderr_has("--minutes");
    }
}

#[test]
fn minutes_not_a_whole_number_names_the_range() {
    for bad in ["-1", "x", "1.5"] {
        let out = refused(&add_args("--minutes", bad));
        names_range(&out, 0, 1440);
    }
}

#[test]
fn bad_at_formats_exit_2_name_the_format_and_store_nothing() {
    for bad in [
        "2025-03-14T02:00",
        "2025-03-14 02:00:00",
        "2025-03-14 2:00",
        "2025-03-14  02:00",
        " 2025-03-14 02:00",
        "2025-03-14 02:00 ",
        "2025-3-14 02:00",
        "14/03/2025 02:00",
        "2025-03-14",
        "02:00",
        "2025-02-30 02:00",
        "2025-13-01 02:00",
        "2025-03-14 24:00",
        "2025-03-14 02:60",
        "2025-03-14 -1:00",
        "yesterday",
        "",
    ] {
        let out = refused(&add_args("--at", bad));
        out.stderr_has("YYYY-MM-DD HH:MM");
    }
}

#[test]
fn at_with_signed_fields_is_refused() {
    for bad in ["2025-03-14 +2:00", "2025-03-14 02:+5", "2025-03-14 +2:+5"] {
        let out = refused(&add_args("--at", bad));
        out.stderr_has("YYYY-MM-DD HH:MM");
    }
}

#[test]
fn a_future_at_exits_2_and_stores_nothing() {
    let tomorrow = Timestamp::now()
        .to_zoned(TimeZone::UTC)
        .checked_add(1.day())
        .unwrap_or_else(|e| panic!("{e}"))
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    for future in ["2099-01-01 03:00", tomorrow.as_str()] {
        let out = refused(&add_args("--at", future));
        out.stderr_has("future");
    }
}

#[test]
fn missing_required_fields_exit_2_and_store_nothing() {
    let out = refused(&["log", "add", "--side", "left", "--intensity", "3"]);
    out.stderr_has("--muscle");
    let out = refused(&["log", "add", "--muscle", "calf", "--intensity", "3"]);
    out.stderr_has("--side");
    let out = refused(&["log", "add", "--muscle", "calf", "--side", "left"]);
    out.stderr_has("--intensity");
    let out = refused(&[&LOG_ADD[..], &["--bogus"]].concat());
    out.stderr_has("--bogus");
}

#[test]
fn bad_since_dates_exit_2_and_name_the_format() {
    for bad in [
        "2025-3-10",
        "2025-02-30",
        "10/03/2025",
        "yesterday",
        "",
        "2025-03-10 00:00",
    ] {
        for cmd in [
            &["log", "--since", bad][..],
            &["export", "--format", "csv", "--since", bad],
            &["export", "--format", "markdown", "--since", bad],
        ] {
            let out = refused(cmd);
            out.stderr_has("YYYY-MM-DD");
        }
    }
}

#[test]
fn export_since_in_the_future_or_a_bad_format_exits_2() {
    let out = refused(&["export", "--format", "csv", "--since", "2099-01-01"]);
    out.stderr_has("future");
    let out = refused(&["export", "--format", "pdf"]);
    out.stderr_has("csv");
    out.stderr_has("markdown");
    let out = refused(&["export"]);
    out.stderr_has("--format");
}
