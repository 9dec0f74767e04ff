//! `cramp validate` on config files (named, detected, `--config`) and on standard input.

use std::io::Write;
use std::process::Stdio;

use crate::home;
use crate::support::home::Home;
use crate::support::out::Out;

/// `cramp validate ARGS` with `input` on standard input.
fn with_stdin(h: &Home, args: &[&str], input: &[u8]) -> Out {
    let mut cmd = h.std_cramp(args);
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut child = cmd.stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // A writer of its own: the binary may stop reading early (a file too large).
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Out::new(args, &o)
}

#[test]
fn a_config_file_is_checked_as_a_config_named_or_detected() {
    let h = home();
    let good = h.write(
        "mine.toml",
        "theme = \"contrast\"\nremind_after = \"22:00\"\n",
    );
    let good = good.to_str().unwrap();
    let out = h.run(&["validate", good]);
    out.ok();
    assert_eq!(out.stdout, "ok: config\n");
    let out = h.run(&["validate", "--config", good]);
    out.ok();
    assert_eq!(
        out.stdout,
        format!("ok: config in {good} (from --config)\n")
    );

    // Its errors are a config's, with line and column, exit 2.
    let bad = h.write("settings.toml", "bell = true\nlead_in_seconds = 99\n");
    let bad = bad.to_str().unwrap();
    for args in [&["validate", bad][..], &["validate", "--config", bad]] {
        let out = h.run(args);
        out.code(2);
        assert!(
            out.stderr
                .starts_with(&format!("{bad}:2:19: lead_in_seconds")),
            "{}",
            out.stderr
        );
        assert_eq!(out.stdout, "");
    }
    // Both flags: both files, one line each.
    let builtin = h.write("c.toml", cramp_coach::content::BUILTIN_TOML);
    let out = h.run(&[
        "validate",
        "--content",
        builtin.to_str().unwrap(),
        "--config",
        good,
    ]);
    out.ok();
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
}

#[test]
fn a_file_with_neither_kind_of_key_is_judged_by_its_name() {
    let h = home();
    let cfg = h.write("my-config.toml", "colour = \"red\"\n");
    let out = h.run(&["validate", cfg.to_str().unwrap()]);
    out.code(2);
    // A config's unknown key (the config's checker lists the config keys).
    assert!(
        out.stderr.contains(":1:1:") && out.stderr.contains("colour"),
        "{}",
        out.stderr
    );
    let content = h.write("routines.toml", "colour = \"red\"\n");
    let out = h.run(&["validate", content.to_str().unwrap()]);
    out.code(2);
    assert!(out.stderr.contains("colour"), "{}", out.stderr);
}

#[test]
fn a_dash_reads_standard_input_and_names_it() {
    let h = home();
    let content = h.run(&["defaults", "content"]).raw_stdout;
    let out = with_stdin(&h, &["validate", "-"], &content);
    out.ok();
    assert_eq!(out.stdout, "ok: 5 routines\n");
    let config = h.run(&["defaults", "config"]).raw_stdout;
    let out = with_stdin(&h, &["validate", "-"], &config);
    out.ok();
    assert_eq!(out.stdout, "ok: config\n");

    let out = with_stdin(&h, &["validate", "-"], b"theme = \"x\"\n");
    out.code(2);
    assert!(
        out.stderr.starts_with("<stdin>:1:9: unknown theme"),
        "{}",
        out.stderr
    );
    let out = with_stdin(&h, &["validate", "-"], b"[[routine]]\nid = \"a\"\n\xff\n");
    out.code(2);
    assert!(
        out.stderr
            .starts_with("<stdin>:3:1: file is not valid UTF-8"),
        "{}",
        out.stderr
    );
    // An endless input is cut at the size limit, not read for ever.
    let big = vec![b'#'; 2 * 1024 * 1024];
    let out = with_stdin(&h, &["validate", "-"], &big);
    out.code(2);
    assert!(
        out.stderr.contains("larger than 1024 KiB"),
        "{}",
        out.stderr
    );
    // Nothing at all: an empty content file (no routines).
    let out = with_stdin(&h, &["validate", "-"], b"");
    out.code(2);
}
