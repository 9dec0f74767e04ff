//! `cramp man`: one roff page for every command, the files, the environment and the exit codes,
//! rendered by man(1) without a warning.

use crate::home;

#[test]
fn the_man_page_covers_every_command_files_environment_and_exit_codes() {
    let h = home();
    let out = h.run(&["man"]);
    out.ok();
    let page = out.stdout;
    assert!(page.contains("\n.TH CRAMP 1 "), "{}", &page[..200]);
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
    ] {
        assert!(
            page.contains(&format!(".SH {section}\n"))
                || page.contains(&format!(".SH \"{section}\"\n")),
            "no {section} section"
        );
    }
    // Every command `cramp --help` lists has its own subsection.
    let help = h.run(&["--help"]).stdout;
    let commands: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 14, "{commands:?}");
    for c in &commands {
        assert!(
            page.contains(&format!(".SS\n\\fBcramp {c}\\fR")),
            "no subsection for {c}"
        );
    }
    for needle in [
        "CRAMP_DATA_DIR",
        "journal.txt",
        "remind_after",
        "128+N",
        "log add",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
}

#[test]
fn man_renders_the_page_without_warnings() {
    let h = home();
    let page = h.write("cramp.1", h.run(&["man"]).raw_stdout);
    let o = h
        .command("man")
        .args(["--warnings", "-l"])
        .arg(&page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("man (CI installs man-db)");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(stderr, "", "man warns");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("cramp status [--format FORMAT] [--due] [--color]"),
        "{text}"
    );
    assert!(text.contains("EXIT STATUS"));
}

/// The man page and completion scripts the binary prints (and the Debian package installs) are
/// what the clap definition makes today. `CRAMP_REGENERATE=1 cargo test --test shell` writes them
/// anew.
#[test]
fn the_shipped_files_are_current() {
    use clap_complete::Shell;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let regenerate = std::env::var_os("CRAMP_REGENERATE").is_some();
    let h = home();
    for (made, file, args) in [
        (
            crate::generate::man_page(),
            "assets/man/cramp.1",
            &["man"][..],
        ),
        (
            crate::generate::completion_script(Shell::Bash),
            "assets/completions/cramp.bash",
            &["completions", "bash"],
        ),
        (
            crate::generate::completion_script(Shell::Zsh),
            "assets/completions/_cramp",
            &["completions", "zsh"],
        ),
        (
            crate::generate::completion_script(Shell::Fish),
            "assets/completions/cramp.fish",
            &["completions", "fish"],
        ),
        (
            crate::generate::completion_script(Shell::Elvish),
            "assets/completions/cramp.elv",
            &["completions", "elvish"],
        ),
        (
            crate::generate::completion_script(Shell::PowerShell),
            "assets/completions/_cramp.ps1",
            &["completions", "powershell"],
        ),
    ] {
        if regenerate {
            std::fs::write(root.join(file), &made).unwrap();
            continue;
        }
        let kept = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(
            kept == made,
            "{file} is stale: run `CRAMP_REGENERATE=1 cargo test --test shell`, then rebuild"
        );
        // And it is what the binary prints.
        let out = h.run(args);
        out.ok();
        assert_eq!(out.stdout, kept, "cramp {}", args.join(" "));
    }
}
