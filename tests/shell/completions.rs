//! `cramp completions SHELL`, tried in the shells: the script is sourced and asked to complete, as
//! a TAB would (bash through its completion function and `COMP_WORDS`, fish with `complete -C`),
//! and routine and habit ids come from the content in use.

use std::os::unix::fs::symlink;
use std::path::Path;

use crate::support::HABIT_IDS;
use crate::support::home::{BIN, Home};
use crate::{home, routine_ids};

/// A folder holding `cramp` (a link to the built binary), to put first on PATH as an installed
/// `cramp` would be.
fn bin_dir(h: &Home) -> std::path::PathBuf {
    let dir = h.path().join("bin");
    if !dir.exists() {
        std::fs::create_dir(&dir).unwrap();
        symlink(BIN, dir.join("cramp")).unwrap();
    }
    dir
}

fn path_with(dir: &Path) -> String {
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// What bash's completion for `cramp` offers for `line` (the cursor at its end).
fn bash_complete(h: &Home, script: &Path, line: &str, env: &[(&str, &Path)]) -> Vec<String> {
    let program = r#"
source "$1"
line="$2"
read -ra COMP_WORDS <<< "$line"
[[ "$line" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$line"
COMP_POINT=${#line}
# The function `complete -p cramp` names, called as bash calls it: command, word, previous word.
fn=$(complete -p cramp | sed -E 's/.*-F ([^ ]+).*/\1/')
"$fn" cramp "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let mut cmd = h.command("bash");
    cmd.args(["--norc", "--noprofile", "-c", program, "bash"])
        .arg(script)
        .arg(line)
        .env("PATH", path_with(&bin_dir(h)));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn script(h: &Home, shell: &str) -> std::path::PathBuf {
    let out = h.run(&["completions", shell]);
    out.ok();
    assert!(out.stdout.lines().count() > 50, "{shell}: {}", out.stdout);
    h.write(&format!("cramp.{shell}"), &out.raw_stdout)
}

#[test]
fn every_shell_gets_a_script_and_others_are_refused() {
    let h = home();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = h.run(&["completions", shell]);
        out.ok();
        assert!(out.stdout.contains("cramp"), "{shell}");
        assert!(
            out.stdout.contains("status"),
            "{shell}: every command is there"
        );
        // The completion helper is nobody's command.
        assert!(!out.stdout.contains("__complete-ids\""), "{shell}");
    }
    let out = h.run(&["completions", "tcsh"]);
    out.code(2);
    assert!(out.stderr.contains("bash"), "{}", out.stderr);
}

#[test]
fn bash_completes_commands_flags_and_the_ids_in_use() {
    let h = home();
    let script = script(&h, "bash");
    assert_eq!(bash_complete(&h, &script, "cramp ru", &[]), ["run"]);
    assert_eq!(
        bash_complete(&h, &script, "cramp run --pl", &[]),
        ["--plain"]
    );
    // `cramp check <TAB>` offers every habit id (then the flags).
    let offered = bash_complete(&h, &script, "cramp check ", &[]);
    assert_eq!(offered[..HABIT_IDS.len()], HABIT_IDS);
    assert_eq!(
        bash_complete(&h, &script, "cramp check st", &[]),
        ["stretch"]
    );
    let offered = bash_complete(&h, &script, "cramp run ", &[]);
    let routines = routine_ids(&h);
    assert_eq!(offered[..routines.len()], routines[..]);
    assert_eq!(
        bash_complete(&h, &script, "cramp run th", &[]),
        ["thigh-back", "thigh-front"]
    );

    // The content in use decides: CRAMP_CONTENT, or the user's own file.
    let mine = h.write(
        "mine.toml",
        "[[routine]]\nid = \"toes\"\ntitle = \"Toes\"\nkind = \"relief\"\n[[routine.step]]\ntitle = \"Pull\"\ntext = \"Pull.\"\nseconds = 5\n[[habit]]\nid = \"water\"\ntitle = \"Water\"\n",
    );
    let env = [("CRAMP_CONTENT", mine.as_path())];
    assert_eq!(bash_complete(&h, &script, "cramp run t", &env), ["toes"]);
    assert_eq!(bash_complete(&h, &script, "cramp check w", &env), ["water"]);
    // A broken file in use: the built-in ids, and not a word on the terminal.
    let broken = h.write("broken.toml", "[[routine]\n");
    let env = [("CRAMP_CONTENT", broken.as_path())];
    assert_eq!(
        bash_complete(&h, &script, "cramp check st", &env),
        ["stretch"]
    );
}

#[test]
fn fish_completes_the_ids_in_use() {
    let h = home();
    let script = script(&h, "fish");
    let complete = |line: &str| -> Vec<String> {
        let o = h
            .command("fish")
            .args(["--no-config", "-c"])
            .arg(format!("source {}; complete -C '{line}'", script.display()))
            .env("PATH", path_with(&bin_dir(&h)))
            .output()
            .expect("fish (CI installs it)");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    let mut routines = routine_ids(&h);
    routines.sort();
    assert_eq!(complete("cramp run "), routines);
    assert_eq!(complete("cramp check f"), ["fluids", "footwear"]);
    assert_eq!(complete("cramp ru"), ["run"]);
}

#[test]
fn the_zsh_script_is_valid_and_asks_for_the_ids() {
    let h = home();
    let script = script(&h, "zsh");
    let text = std::fs::read_to_string(&script).unwrap();
    assert!(text.contains("__complete-ids routines"));
    assert!(text.contains("__complete-ids habits"));
    let o = h
        .command("zsh")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("zsh (CI installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_id_helper_lists_ids_and_nothing_else() {
    let h = home();
    let out = h.run(&["__complete-ids", "routines"]);
    out.ok();
    assert_eq!(out.stdout_lines(), routine_ids(&h));
    let out = h.run(&["__complete-ids", "habits"]);
    out.ok();
    assert_eq!(out.stdout_lines(), HABIT_IDS);
    let out = h.run(&["__complete-ids", "nights"]);
    out.code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "");
    // Under a TAB key nothing may reach the terminal: a reader that went away is exit 1, silently.
    let o = h
        .command("sh")
        .args(["-c", "cramp __complete-ids habits | true"])
        .env("PATH", path_with(&bin_dir(&h)))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}
