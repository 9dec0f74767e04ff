//! Black-box tests of `cramp` at home in the shell: first run and customising (`setup`: init,
//! defaults, paths), checking any file (`validate`: config files, standard input), completion
//! scripts tried in the shells themselves (`completions`: bash through `COMP_WORDS` and the script's
//! function, fish through `complete -C`, zsh by syntax) and the manual page (`man`, rendered by
//! man(1) when it is installed, as CI installs it).
//!
//! Each test runs the built binary in a fresh temporary home (see `tests/support/home.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

/// The command line's definition, as the binary has it.
#[path = "../../src/cli/args.rs"]
#[allow(dead_code)]
mod args;
mod completions;
mod generate;
mod man;
mod setup;
mod validate;

use support::home::{Home, Setup};

fn home() -> Home {
    Home::new(Setup::BASE)
}

/// `cramp list`'s ids, the routines in home order.
fn routine_ids(h: &Home) -> Vec<String> {
    let out = h.run(&["list"]);
    out.ok();
    out.stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}
