//! Which file is read: `--content`/`--config` beat the environment, which beats the XDG place;
//! only the winner is read, a broken flag file is an error and a broken found file a warning.

use std::path::Path;

use crate::support::out::{Out, run};
use crate::{
    ONE, XDG_CONFIG, XDG_CONTENT, assert_refused, assert_terminal_safe, builtin_list, home, place,
    routine_file,
};

fn first_ids(out: &Out) -> Vec<String> {
    out.stdout
        .lines()
        .map(|l| l.split("  ").next().unwrap_or_default().to_string())
        .collect()
}

/// `list` succeeded, said nothing on stderr, and listed one routine: `id`.
fn assert_lists_only(out: &Out, id: &str) {
    assert_eq!(
        (out.code, first_ids(out), out.stderr.as_str()),
        (Some(0), vec![id.to_string()], "")
    );
}

#[test]
fn content_flag_beats_environment_beats_xdg() {
    let h = home();
    let builtin = builtin_list();
    let flag = h.write("flag.toml", routine_file("from-flag", "From flag"));
    let env = h.write("env.toml", routine_file("from-env", "From env"));

    h.cramp()
        .arg("list")
        .assert()
        .code(0)
        .stdout(builtin.clone());

    h.write(XDG_CONTENT, routine_file("from-xdg", "From XDG"));
    h.cramp()
        .arg("list")
        .assert()
        .code(0)
        .stdout("from-xdg  relief  0:05  From XDG\n")
        .stderr("");

    let out = run(h.cramp().arg("list").env("CRAMP_CONTENT", &env));
    assert_lists_only(&out, "from-env");

    let out = run(h
        .cramp()
        .arg("list")
        .arg("--content")
        .arg(&flag)
        .env("CRAMP_CONTENT", &env));
    assert_lists_only(&out, "from-flag");

    // An empty CRAMP_CONTENT is as good as none.
    let out = run(h.cramp().arg("list").env("CRAMP_CONTENT", ""));
    assert_eq!(
        (out.code, first_ids(&out)),
        (Some(0), vec!["from-xdg".to_string()]),
        "{}",
        out.stderr
    );

    // The winner is the only file read: broken losers say nothing.
    h.write(XDG_CONTENT, "broken =\n");
    let broken_env = h.write("broken-env.toml", "broken =\n");
    let out = run(h.cramp().arg("list").env("CRAMP_CONTENT", &env));
    assert_lists_only(&out, "from-env");
    let out = run(h
        .cramp()
        .arg("list")
        .arg("--content")
        .arg(&flag)
        .env("CRAMP_CONTENT", &broken_env));
    assert_lists_only(&out, "from-flag");
}

#[test]
fn broken_content_flag_is_an_error_with_its_place() {
    let h = home();
    let broken = h.write("broken.toml", format!("{ONE}seconds = 0\n"));
    let file = broken.display().to_string();
    for args in [
        &["list"][..],
        &["run", "--plain", "calf"][..],
        &["run", "calf"][..],
        &[][..],
    ] {
        let out = run(h.cramp().args(args).arg("--content").arg(&broken));
        assert_refused(&out, &file);
        assert_eq!(
            place(out.stderr_lines()[0], &file),
            Some((8, 11)),
            "{args:?}: {}",
            out.stderr
        );
    }
    // Even with a good file in the environment: the flag wins, and fails.
    let good = h.write("good.toml", routine_file("good", "Good"));
    let out = run(h
        .cramp()
        .arg("list")
        .arg("--content")
        .arg(&broken)
        .env("CRAMP_CONTENT", &good));
    assert_refused(&out, &file);
}

/// `list` on the built-in routines, exit 0, and exactly one warning line naming `file`.
fn assert_falls_back_with_one_warning(out: &Out, file: &Path, builtin: &str) {
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, builtin, "the built-in routines");
    let lines = out.stderr_lines();
    assert_eq!(lines.len(), 1, "one warning line: {lines:?}");
    assert!(
        lines[0].contains(&file.display().to_string()),
        "names the file: {lines:?}"
    );
    assert_terminal_safe("stderr", &out.raw_stderr, false);
}

/// [`assert_falls_back_with_one_warning`], the warning naming the place `LINE:COL` in `file`.
fn assert_falls_back_at(out: &Out, file: &Path, place: &str, builtin: &str) {
    assert_falls_back_with_one_warning(out, file, builtin);
    assert!(
        out.stderr
            .contains(&format!("{}:{place}: ", file.display())),
        "with its place: {}",
        out.stderr
    );
}

#[test]
fn broken_content_at_the_xdg_place_falls_back_with_a_warning() {
    let builtin = builtin_list();
    let h = home();
    let xdg = h.write(XDG_CONTENT, "[[routine]]\nid = \"calf\"\nkind = 7\n");
    let out = run(h.cramp().arg("list"));
    assert_falls_back_at(&out, &xdg, "3:8", &builtin);
}

#[test]
fn broken_content_from_the_environment_falls_back_with_a_warning() {
    let builtin = builtin_list();
    let h = home();
    let env = h.write("env.toml", format!("{ONE}seconds = 99999\n"));
    let out = run(h.cramp().arg("list").env("CRAMP_CONTENT", &env));
    assert_falls_back_at(&out, &env, "8:11", &builtin);
}

#[test]
fn broken_config_flag_is_an_error_with_its_place() {
    let h = home();
    let broken = h.write("broken.toml", "bell = true\nlead_in_seconds = \n");
    let file = broken.display().to_string();
    let out = run(h.cramp().arg("list").arg("--config").arg(&broken));
    assert_refused(&out, &file);
    assert_eq!(
        place(out.stderr_lines()[0], &file).map(|p| p.0),
        Some(2),
        "{}",
        out.stderr
    );

    // Beats a good file in the environment.
    let good = h.write("good.toml", "bell = false\n");
    let out = run(h
        .cramp()
        .arg("list")
        .arg("--config")
        .arg(&broken)
        .env("CRAMP_CONFIG", &good));
    assert_refused(&out, &file);

    let out = run(h
        .cramp()
        .args(["run", "--plain", "calf", "--config"])
        .arg(&broken));
    assert_refused(&out, &file);
}

#[test]
fn unknown_config_key_exits_2() {
    let h = home();
    let cfg = h.write("c.toml", "bell = true\ncolour = \"red\"\n");
    let out = run(h.cramp().arg("list").arg("--config").arg(&cfg));
    assert_refused(&out, &cfg.display().to_string());
    let first = out.stderr_lines()[0];
    assert_eq!(
        place(first, &cfg.display().to_string()),
        Some((2, 1)),
        "{first}"
    );
    assert!(first.contains("colour"), "{first}");
}

#[test]
fn bad_theme_names_line_1_column_9() {
    let h = home();
    let cfg = h.write("c.toml", "theme = \"pink\"\n");
    let file = cfg.display().to_string();
    let out = run(h.cramp().arg("list").arg("--config").arg(&cfg));
    assert_refused(&out, &file);
    let lines = out.stderr_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(place(lines[0], &file), Some((1, 9)), "{lines:?}");
    assert!(lines[0].contains("pink"), "{lines:?}");
}

#[test]
fn other_bad_config_values_name_their_place() {
    let h = home();
    for (source, at) in [
        ("lead_in_seconds = 31\n", (1, 19)),
        ("lead_in_seconds = -1\n", (1, 19)),
        ("day_starts_at = \"13:00\"\n", (1, 17)),
        ("bell = \"yes\"\n", (1, 8)),
        ("\n\ntheme = 3\n", (3, 9)),
    ] {
        let cfg = h.write("c.toml", source);
        let file = cfg.display().to_string();
        let out = run(h.cramp().arg("list").arg("--config").arg(&cfg));
        assert_refused(&out, &file);
        assert_eq!(
            place(out.stderr_lines()[0], &file),
            Some(at),
            "{source:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn broken_config_at_the_xdg_place_or_from_the_environment_falls_back_with_a_warning() {
    let builtin = builtin_list();
    let h = home();
    let xdg = h.write(XDG_CONFIG, "theme = \"pink\"\n");
    let out = run(h.cramp().arg("list"));
    assert_falls_back_at(&out, &xdg, "1:9", &builtin);

    let env = h.write("env.toml", "colour = 1\n");
    let out = run(h.cramp().arg("list").env("CRAMP_CONFIG", &env));
    assert_falls_back_at(&out, &env, "1:1", &builtin);
}

#[test]
fn config_flag_beats_environment_beats_xdg() {
    let builtin = builtin_list();
    let h = home();
    // Only the winning file is read, so a broken loser stays silent and a broken winner speaks.
    let xdg = h.write(XDG_CONFIG, "theme = \"pink\"\n");
    let good = h.write("good.toml", "theme = \"contrast\"\n");
    let broken_env = h.write("broken-env.toml", "colour = 1\n");

    h.cramp()
        .arg("list")
        .env("CRAMP_CONFIG", &good)
        .assert()
        .code(0)
        .stdout(builtin.clone())
        .stderr("");

    let out = run(h.cramp().arg("list").env("CRAMP_CONFIG", &broken_env));
    assert_falls_back_with_one_warning(&out, &broken_env, &builtin);
    assert!(
        !out.stderr.contains(&xdg.display().to_string()),
        "the XDG file is not read: {}",
        out.stderr
    );

    h.cramp()
        .arg("list")
        .arg("--config")
        .arg(&good)
        .env("CRAMP_CONFIG", &broken_env)
        .assert()
        .code(0)
        .stdout(builtin)
        .stderr("");
}
