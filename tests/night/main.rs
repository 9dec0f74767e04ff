//! The night, done right: every screen honest at every size, bedtime that flows, a plain mode
//! that can log, habits that respect their days, and messages that say what they mean.
//!
//! `screens` draws the model into a test terminal at the sizes a person uses (20×8 to 200×60) and
//! checks what matters is on screen; `cli` runs the real binary for the command line's words;
//! `plain` runs `cramp run --plain` on a pseudo-terminal, as a screen-reader user would.

// Tests assert by panicking, in their helpers as much as in #[test] functions: the denials in
// Cargo.toml's [lints.clippy] are for the app's own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod plain;
mod screens;
