//! Output errors are I/O errors: a closed pipe is exit 1 and silent, a full disk on stdout
//! exit 1 with one line.

use std::fs::File;
use std::process::Stdio;

use crate::SETUP;
use crate::support::LOG_ADD;
use crate::support::home::Home;

/// Every command that prints to standard output.
const PRINTING: [&[&str]; 16] = [
    &["validate", "assets/content.toml"],
    &["defaults", "content"],
    &["defaults", "config"],
    &["paths"],
    &["completions", "bash"],
    &["man"],
    &["validate"],
    &["list"],
    &["habits"],
    &["check", "fluids"],
    &["log"],
    &["insights"],
    &["export", "--format", "csv"],
    &["export", "--format", "markdown"],
    &["--help"],
    &["--version"],
];

fn with_repo_files(home: &Home, args: &[&str]) -> std::process::Command {
    let mut cmd = home.std_cramp(args);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn a_closed_pipe_is_exit_1_and_silent() {
    let home = Home::new(SETUP);
    home.run(&LOG_ADD).code(0);
    for args in PRINTING {
        let mut cmd = with_repo_files(&home, args);
        cmd.stdout(Stdio::from(crate::support::out::closed_pipe()));
        let out = home.run_std(args, cmd);
        out.code(1);
        assert_eq!(
            out.stderr, "",
            "`cramp {}`: a closed pipe is silent",
            out.args
        );
    }
}

#[test]
fn a_full_disk_on_stdout_is_exit_1_with_one_line() {
    let home = Home::new(SETUP);
    home.run(&LOG_ADD).code(0);
    for args in PRINTING {
        let mut cmd = with_repo_files(&home, args);
        cmd.stdout(Stdio::from(
            File::create("/dev/full").unwrap_or_else(|e| panic!("{e}")),
        ));
        home.run_std(args, cmd)
            .code(1)
            .stderr_has("cannot write to standard output")
            .one_line();
    }
}

#[test]
fn the_plain_guide_stops_with_exit_1_when_its_reader_goes_away() {
    let home = Home::new(SETUP);
    let args = ["run", "--plain", "--quiet", "calf"];
    let mut cmd = home.std_cramp(&args);
    cmd.stdout(Stdio::from(crate::support::out::closed_pipe()));
    let out = home.run_std(&args, cmd);
    out.code(1);
    assert_eq!(out.stderr, "");
}
