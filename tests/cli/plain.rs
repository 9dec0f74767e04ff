//! `cramp run --plain`: the guide as lines of text in real time, with the bell as the config says.

use std::time::Duration;

use assert_cmd::Command;

use crate::support::home::{Home, fixture};
use crate::support::out::{Out, run};
use crate::{assert_terminal_safe, home};

fn plain(home: &Home, routine: &str) -> Command {
    let mut cmd = home.cramp();
    cmd.args(["run", "--plain", routine, "--content"])
        .arg(fixture("plain.toml"))
        .arg("--config")
        .arg(fixture("lead-in-0.toml"));
    cmd
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
fn plain_lines(out: &Out) -> Vec<String> {
    out.stdout
        .replace('\u{7}', "")
        .lines()
        .map(str::to_string)
        .collect()
}

/// The sided, repeated step of `plain.toml` as plain lines: left twice with a rest, switch, right twice.
fn assert_sided_step(lines: &[String], n: usize, m: usize) {
    let start = format!("Step {n}/{m} · Both legs · ");
    let at = lines
        .iter()
        .position(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("{start}: {lines:#?}"));
    let step =
        |side: &str, rep: usize| format!("{start}{side} · {rep} of 2 · 0:01 · Point and flex.");
    let rest = "Rest · 0:01".to_string();
    let expected = [
        step("left", 1),
        rest.clone(),
        step("left", 2),
        step("right", 1),
        rest,
        step("right", 2),
    ];
    let got: Vec<&String> = lines[at..]
        .iter()
        .filter(|l| !l.starts_with("  "))
        .take(expected.len())
        .collect();
    assert_eq!(got, expected.iter().collect::<Vec<_>>(), "{lines:#?}");
    let switch: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim() == "switch sides")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(switch.len(), 1, "one `switch sides` line: {lines:#?}");
    assert_eq!(
        lines[switch[0] - 1],
        expected[2],
        "switch after the left side: {lines:#?}"
    );
    assert_eq!(
        lines[switch[0] + 1],
        expected[3],
        "and before the right: {lines:#?}"
    );
    assert_eq!(
        lines.iter().filter(|l| **l == expected[1]).count(),
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
    assert_eq!(out.stderr, "");
    assert_terminal_safe("stdout", &out.raw_stdout, true);
    assert!(
        out.raw_stdout.contains(&0x07),
        "rings the bell without --quiet"
    );
    let lines = plain_lines(&out);
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
    assert!(
        lines[2].starts_with("Step 2/3 · Hold until it lets go · "),
        "{lines:#?}"
    );
    assert!(
        lines[2].ends_with(" · Pull the toes toward you."),
        "{lines:#?}"
    );
    assert!(
        lines[3].starts_with("  ") && lines[3].contains("30"),
        "says it holds for 30 s: {lines:#?}"
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
    let h = home();
    let out = run(plain(&h, "tiny").arg("--quiet"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert!(
        !out.raw_stdout.contains(&0x07),
        "--quiet: no BEL at all: {:?}",
        out.stdout
    );
    assert_terminal_safe("stdout", &out.raw_stdout, false);
    let lines = plain_lines(&out);
    assert!(
        lines[0].starts_with("Tiny routine") && lines[0].contains("2 steps"),
        "header: {lines:#?}"
    );
    assert!(
        lines[0].contains("0:07"),
        "header gives the length: {lines:#?}"
    );
    assert_eq!(
        lines[1], "Step 1/2 · Warm up · 0:01 · Wiggle the toes.",
        "{lines:#?}"
    );
    assert_sided_step(&lines, 2, 2);
    assert_done_line(&lines, "Tiny routine");
    assert_eq!(
        lines.len(),
        10,
        "header, 6 step or rest lines, switch sides, done: {lines:#?}"
    );
}

#[test]
fn plain_rings_the_bell_without_quiet() {
    let h = home();
    let out = run(&mut plain(&h, "one"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.raw_stdout.contains(&0x07),
        "at least one BEL: {:?}",
        out.stdout
    );
    assert_terminal_safe("stdout", &out.raw_stdout, true);
    let lines = plain_lines(&out);
    assert_eq!(
        lines[1], "Step 1/1 · Only step · 0:01 · Just one.",
        "{lines:#?}"
    );
    assert_done_line(&lines, "One step");
}

#[test]
fn plain_honours_bell_false_in_the_config() {
    let h = home();
    let cfg = h.write("quiet.toml", "lead_in_seconds = 0\nbell = false\n");
    let out = run(h
        .cramp()
        .args(["run", "--plain", "one", "--content"])
        .arg(fixture("plain.toml"))
        .arg("--config")
        .arg(&cfg));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        !out.raw_stdout.contains(&0x07),
        "bell = false: no BEL: {:?}",
        out.stdout
    );
}

#[test]
fn plain_bell_pattern_follows_the_config_documentation() {
    // Each line is followed by its bell: once for a step, twice on switching sides, three times when done.
    let h = home();
    let out = run(&mut plain(&h, "tiny"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("  switch sides\nStep 2/2 · Both legs · right · 1 of 2 · 0:01 · Point and flex.\n\u{7}\u{7}Rest"),
        "two bells to switch sides: {:?}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Step 1/2 · Warm up · 0:01 · Wiggle the toes.\n\u{7}Step"),
        "one bell for a step: {:?}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("\n\u{7}\u{7}\u{7}"),
        "three bells when done: {:?}",
        out.stdout
    );
}
