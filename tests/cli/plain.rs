//! `cramp run --plain`: the guide as lines of text in real time, with the bell as the config says
//! (and only on a terminal: a BEL in a pipe or a file is a stray byte).

use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use expectrl::{Session, WaitStatus};

use crate::support::home::{BIN, HANG_GUARD, Home, fixture};
use crate::support::out::run;
use crate::{assert_terminal_safe, home};

const BEL: char = '\u{7}';

/// `run --plain ROUTINE --content CONTENT --config CONFIG`, then `extra`.
fn run_args(routine: &str, content: &Path, config: &Path, extra: &[&str]) -> Vec<OsString> {
    let mut args: Vec<OsString> = ["run", "--plain", routine, "--content"]
        .map(OsString::from)
        .to_vec();
    args.push(content.into());
    args.push("--config".into());
    args.push(config.into());
    args.extend(extra.iter().map(OsString::from));
    args
}

/// `run --plain ROUTINE` on `plain.toml` with the config `config`, then `extra`.
fn plain_args(routine: &str, config: &Path, extra: &[&str]) -> Vec<OsString> {
    run_args(routine, &fixture("plain.toml"), config, extra)
}

/// `cramp run --plain ROUTINE` on `plain.toml` with no lead-in, every stream a pipe.
fn plain(home: &Home, routine: &str) -> Command {
    let mut cmd = home.cramp();
    cmd.args(plain_args(routine, &fixture("lead-in-0.toml"), &[]));
    cmd
}

/// What a run on a terminal wrote: stdout and stderr, which share the terminal.
struct Terminal {
    code: i32,
    raw: Vec<u8>,
}

impl Terminal {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }
}

/// Runs `cramp ARGS` to the end with stdout and stderr on a pseudo-terminal of its own and stdin
/// from /dev/null: the bell can reach a person, but nobody can press a key (so no key handling
/// and no log prompt, as in a pipe). Output processing is off (`stty -onlcr`), so the bytes read
/// are the bytes the app wrote.
fn on_terminal(home: &Home, args: &[OsString]) -> Terminal {
    let mut command = home.command("sh");
    command
        .arg("-c")
        .arg("stty -onlcr && exec \"$0\" \"$@\" </dev/null")
        .arg(BIN)
        .args(args)
        .env("TERM", "xterm-256color");
    let mut session = Session::spawn(command).expect("spawn cramp on a pty");
    let chunks = crate::support::pty::read_chunks(&session);
    let deadline = Instant::now() + HANG_GUARD;
    let mut raw = Vec::new();
    loop {
        match chunks.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(chunk) => raw.extend_from_slice(&chunk),
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {
                let _ = session.get_process_mut().exit(true);
                panic!(
                    "cramp on a terminal hung: {:?}",
                    String::from_utf8_lossy(&raw)
                );
            }
        }
    }
    let status = session
        .get_process()
        .wait()
        .expect("collect the exit status");
    let WaitStatus::Exited(_, code) = status else {
        panic!(
            "cramp on a terminal did not exit: {status:?}: {:?}",
            String::from_utf8_lossy(&raw)
        )
    };
    Terminal { code, raw }
}

/// `m:ss`.
fn is_clock(s: &str) -> bool {
    s.split_once(':').is_some_and(|(m, s)| {
        !m.is_empty()
            && m.bytes().all(|b| b.is_ascii_digit())
            && s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The lines of a plain run with the bells taken out.
fn plain_lines(text: &str) -> Vec<String> {
    text.replace(BEL, "").lines().map(str::to_string).collect()
}

/// Each line of a plain run with the number of bells that follow it; a bell anywhere but right
/// after a line fails the test.
fn rings_after_lines(text: &str) -> Vec<(String, usize)> {
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut rest = text;
    loop {
        let bells = rest.len() - rest.trim_start_matches(BEL).len();
        match lines.last_mut() {
            Some(last) => last.1 = bells,
            None => assert_eq!(bells, 0, "no bell before the first line: {text:?}"),
        }
        rest = &rest[bells..];
        if rest.is_empty() {
            return lines;
        }
        let (line, after) = rest
            .split_once('\n')
            .unwrap_or_else(|| panic!("every line ends with a newline: {text:?}"));
        assert!(
            !line.contains(BEL),
            "a bell only right after a line: {text:?}"
        );
        lines.push((line.to_string(), 0));
        rest = after;
    }
}

/// The sided, repeated step of `plain.toml` as plain lines: when it is not the first step, a
/// moment to get into position; then left twice with a rest, a moment to change legs, right
/// twice with a rest.
fn assert_sided_step(lines: &[String], n: usize, m: usize) {
    let start = format!("Step {n}/{m} · Both legs · ");
    let at = lines
        .iter()
        .position(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("{start}: {lines:#?}"));
    if n > 1 {
        assert_eq!(
            lines[at - 1],
            "Get into position: Both legs · 0:05",
            "a moment to get into position before the step: {lines:#?}"
        );
    }
    let step =
        |side: &str, rep: usize| format!("{start}{side} · {rep} of 2 · 0:01 · Point and flex.");
    let rest = "Rest · 0:01".to_string();
    let expected = [
        step("left", 1),
        rest.clone(),
        step("left", 2),
        "Switch to the right leg · 0:05".to_string(),
        step("right", 1),
        rest.clone(),
        step("right", 2),
    ];
    assert!(lines.len() >= at + expected.len(), "{lines:#?}");
    assert_eq!(
        lines[at..at + expected.len()],
        expected,
        "left, a moment to change legs, right: {lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.trim() == "switch sides"),
        "the change of legs has a line of its own, not a second one: {lines:#?}"
    );
    assert_eq!(
        lines.iter().filter(|l| **l == rest).count(),
        2,
        "{lines:#?}"
    );
}

fn assert_done_line(lines: &[String], title: &str) {
    let last = lines.last().unwrap_or_else(|| panic!("no output"));
    let rest = last
        .strip_prefix(&format!("Done · {title} · "))
        .unwrap_or_else(|| panic!("{last:?}"));
    assert!(is_clock(rest), "Done line ends with m:ss: {last:?}");
}

/// The one plain test with an untimed step: it holds 30 s, since nobody can press Enter.
#[test]
fn plain_runs_an_untimed_routine_unattended_to_the_end() {
    let h = home();
    let out = run(plain(&h, "hold").timeout(Duration::from_secs(180)));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "", "asks nothing");
    assert_terminal_safe("stdout", &out.raw_stdout, false);
    assert!(
        !out.raw_stdout.contains(&0x07),
        "stdout is a pipe: no BEL, even without --quiet: {:?}",
        out.stdout
    );
    let lines = plain_lines(&out.stdout);
    assert!(
        lines[0].starts_with("Hold routine") && lines[0].contains("3 steps"),
        "header: {lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.starts_with("Get ready")),
        "lead-in 0: no get ready: {lines:#?}"
    );
    assert_eq!(
        lines[1], "Step 1/3 · Warm up · 0:01 · Wiggle the toes.",
        "{lines:#?}"
    );
    assert_eq!(
        lines[2], "Get into position: Hold until it lets go · 0:05",
        "{lines:#?}"
    );
    assert_eq!(
        lines[3], "Step 2/3 · Hold until it lets go · Pull the toes toward you.",
        "an untimed step's length is not repeated on its line: {lines:#?}"
    );
    assert!(
        lines[4].starts_with("  ") && lines[4].contains("30"),
        "says it holds for 30 s: {lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains(" · until it lets go")),
        "said once, on the line after: {lines:#?}"
    );
    assert_sided_step(&lines, 3, 3);
    let steps: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("Step "))
        .map(|l| &l[..3])
        .collect();
    assert_eq!(
        steps,
        ["1/3", "2/3", "3/3", "3/3", "3/3", "3/3"],
        "{lines:#?}"
    );
    assert_done_line(&lines, "Hold routine");
}

#[test]
fn plain_quiet_runs_to_the_end_without_a_bell() {
    // On a terminal, where the bell would ring without --quiet.
    let h = home();
    let out = on_terminal(
        &h,
        &plain_args("tiny", &fixture("lead-in-0.toml"), &["--quiet"]),
    );
    assert_eq!(out.code, 0, "{}", out.text());
    assert!(
        !out.raw.contains(&0x07),
        "--quiet: no BEL at all: {:?}",
        out.text()
    );
    assert_terminal_safe("the terminal", &out.raw, false);
    let lines = plain_lines(&out.text());
    assert!(
        lines[0].starts_with("Tiny routine") && lines[0].contains("2 steps"),
        "header: {lines:#?}"
    );
    assert!(
        lines[0].contains("0:17"),
        "header gives the length, moments to move included: {lines:#?}"
    );
    assert_eq!(
        lines[1], "Step 1/2 · Warm up · 0:01 · Wiggle the toes.",
        "{lines:#?}"
    );
    assert_sided_step(&lines, 2, 2);
    assert_done_line(&lines, "Tiny routine");
    assert_eq!(
        lines.len(),
        11,
        "header, step, get into position, 6 step or rest lines, switch, done (nothing on stderr): \
         {lines:#?}"
    );
}

#[test]
fn plain_rings_the_bell_without_quiet() {
    let h = home();
    let config = fixture("lead-in-0.toml");
    let out = on_terminal(&h, &plain_args("one", &config, &[]));
    assert_eq!(out.code, 0, "{}", out.text());
    assert!(
        out.raw.contains(&0x07),
        "at least one BEL: {:?}",
        out.text()
    );
    assert_terminal_safe("the terminal", &out.raw, true);
    let lines = plain_lines(&out.text());
    assert_eq!(
        lines[1], "Step 1/1 · Only step · 0:01 · Just one.",
        "{lines:#?}"
    );
    assert_done_line(&lines, "One step");

    // The same run into a pipe: the same lines, and no BEL.
    let piped = run(&mut plain(&h, "one"));
    assert_eq!(piped.code, Some(0), "{}", piped.stderr);
    assert_eq!(piped.stderr, "");
    assert!(
        !piped.raw_stdout.contains(&0x07),
        "stdout is a pipe: no BEL: {:?}",
        piped.stdout
    );
    assert_terminal_safe("stdout", &piped.raw_stdout, false);
    let piped_lines = plain_lines(&piped.stdout);
    assert_eq!(piped_lines[..2], lines[..2], "{piped_lines:#?}");
    assert_done_line(&piped_lines, "One step");
    assert_eq!(piped_lines.len(), lines.len(), "{piped_lines:#?}");
}

#[test]
fn plain_honours_bell_false_in_the_config() {
    // On a terminal, where the bell would ring with the default `bell = true`.
    let h = home();
    let cfg = h.write("quiet.toml", "lead_in_seconds = 0\nbell = false\n");
    let out = on_terminal(&h, &plain_args("one", &cfg, &[]));
    assert_eq!(out.code, 0, "{}", out.text());
    assert!(
        !out.raw.contains(&0x07),
        "bell = false: no BEL: {:?}",
        out.text()
    );
    assert_done_line(&plain_lines(&out.text()), "One step");
}

#[test]
fn plain_bell_pattern_follows_the_config_documentation() {
    // README, config.toml: `bell = true  # a ring for a new step, two to switch sides, three when
    // done`. On a terminal each line is followed by its bell: once for a step, a rest or a moment
    // to get into position, twice on switching sides, three times when done.
    let h = home();
    let out = on_terminal(&h, &plain_args("tiny", &fixture("lead-in-0.toml"), &[]));
    assert_eq!(out.code, 0, "{}", out.text());
    assert_terminal_safe("the terminal", &out.raw, true);
    let text = out.text();
    let mut got = rings_after_lines(&text);
    let done = got.pop().unwrap_or_else(|| panic!("no output: {text:?}"));
    assert!(done.0.starts_with("Done · Tiny routine · "), "{text:?}");
    assert_eq!(done.1, 3, "three bells when done: {text:?}");
    let step = |side: &str, rep: usize| {
        format!("Step 2/2 · Both legs · {side} · {rep} of 2 · 0:01 · Point and flex.")
    };
    let expected: Vec<(String, usize)> = vec![
        ("Tiny routine: 2 steps, 0:17".into(), 0),
        ("Step 1/2 · Warm up · 0:01 · Wiggle the toes.".into(), 1),
        ("Get into position: Both legs · 0:05".into(), 1),
        (step("left", 1), 1),
        ("Rest · 0:01".into(), 1),
        (step("left", 2), 1),
        ("Switch to the right leg · 0:05".into(), 2),
        (step("right", 1), 1),
        ("Rest · 0:01".into(), 1),
        (step("right", 2), 1),
    ];
    assert_eq!(
        got, expected,
        "one bell for a step, two to switch sides: {text:?}"
    );
}

#[test]
fn plain_without_a_moment_to_change_legs_says_switch_sides() {
    // `switch_seconds = 0`: no segment to change legs, so a line says so, and the first step on
    // the other side rings twice.
    let h = home();
    let content = h.write(
        "content.toml",
        "[[routine]]\nid = \"tiny\"\ntitle = \"Tiny routine\"\nkind = \"relief\"\n\
         [[routine.step]]\ntitle = \"Warm up\"\ntext = \"Wiggle the toes.\"\nseconds = 1\n\
         [[routine.step]]\ntitle = \"Both legs\"\ntext = \"Point and flex.\"\nseconds = 1\n\
         sides = [\"left\", \"right\"]\nrepeat = 2\nrest_seconds = 1\nswitch_seconds = 0\n",
    );
    let out = on_terminal(
        &h,
        &run_args("tiny", &content, &fixture("lead-in-0.toml"), &[]),
    );
    assert_eq!(out.code, 0, "{}", out.text());
    let text = out.text();
    assert!(
        text.starts_with("Tiny routine: 2 steps, 0:07\n"),
        "no moments to move in the length: {text:?}"
    );
    assert!(
        text.contains(
            "Step 2/2 · Both legs · left · 2 of 2 · 0:01 · Point and flex.\n\u{7}  switch sides\n\
             Step 2/2 · Both legs · right · 1 of 2 · 0:01 · Point and flex.\n\u{7}\u{7}Rest"
        ),
        "two bells to switch sides: {text:?}"
    );
    let lines = plain_lines(&text);
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("Get into position") || l.starts_with("Switch to")),
        "{lines:#?}"
    );
    assert_done_line(&lines, "Tiny routine");
}
