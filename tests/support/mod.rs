//! What the integration tests share: a fresh home to run the built `cramp` in ([`home`]), what one
//! run gave ([`out`]), the RFC 4180 reader for exports ([`csv`]) and the pseudo-terminal harness
//! ([`pty`]).
//!
//! Each test crate takes it in with `mod support;` (a crate in a folder with
//! `#[path = "../support/mod.rs"] mod support;`) and uses what it needs.

// Each test crate compiles this module on its own and uses only part of it.
#![allow(dead_code)]

pub mod csv;
pub mod home;
pub mod out;
pub mod pty;

/// The arguments of `cramp log add` for a cramp of `muscle`, `side` and `intensity`, logged now
/// (add `--at` for another time).
pub const fn log_add<'a>(muscle: &'a str, side: &'a str, intensity: &'a str) -> [&'a str; 8] {
    [
        "log",
        "add",
        "--muscle",
        muscle,
        "--side",
        side,
        "--intensity",
        intensity,
    ]
}

/// The shortest valid `cramp log add`: a calf cramp on the left, intensity 3, now.
pub const LOG_ADD: [&str; 8] = log_add("calf", "left", "3");

/// The habit ids of the built-in content (`assets/content.toml`), in file order.
pub const HABIT_IDS: [&str; 7] = [
    "stretch",
    "fluids",
    "bedding",
    "no-late-legs",
    "alcohol-caffeine",
    "footwear",
    "move",
];
