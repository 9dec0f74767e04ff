//! `cramp init`, `cramp defaults content|config`, `cramp paths`.

use std::fs;
use std::os::unix::fs::symlink;

use cramp_coach::config::DEFAULT_TOML;
use cramp_coach::content::BUILTIN_TOML;

use crate::support::home::mode;
use crate::{home, routine_ids};

#[test]
fn defaults_print_the_built_in_files_byte_for_byte() {
    let h = home();
    let content = h.run(&["defaults", "content"]);
    content.ok();
    assert_eq!(content.raw_stdout, BUILTIN_TOML.as_bytes());
    let config = h.run(&["defaults", "config"]);
    config.ok();
    assert_eq!(config.raw_stdout, DEFAULT_TOML.as_bytes());

    // What it prints is a file the app takes: `cramp defaults content > my.toml` works.
    let mine = h.write("my.toml", &content.raw_stdout);
    let listed = h.run(&["--content", mine.to_str().unwrap(), "list"]);
    listed.ok();
    assert_eq!(listed.stdout, h.run(&["list"]).stdout);
    let cfg = h.write("my-config.toml", &config.raw_stdout);
    h.run(&["validate", "--config", cfg.to_str().unwrap()]).ok();

    // Anything else is a usage error that lists the choices.
    let bad = h.run(&["defaults", "journal"]);
    bad.code(2);
    assert!(
        bad.stderr.contains("content") && bad.stderr.contains("config"),
        "{}",
        bad.stderr
    );
}

#[test]
fn init_writes_both_files_commented_with_every_default_and_names_them() {
    let h = home();
    let dir = h.config_home().join("cramp-coach");
    let out = h.run(&["init"]);
    out.ok();
    let content = dir.join("content.toml");
    let config = dir.join("config.toml");
    assert_eq!(
        out.stdout_lines(),
        [
            format!("wrote {}", content.display()),
            format!("wrote {}", config.display())
        ]
    );
    // The built-in files under a first line that says where they came from.
    let written = fs::read_to_string(&content).unwrap();
    assert!(
        written.starts_with("# Written by `cramp init`"),
        "{written}"
    );
    assert!(written.ends_with(BUILTIN_TOML));
    let written = fs::read_to_string(&config).unwrap();
    assert!(written.ends_with(DEFAULT_TOML));
    assert!(written.lines().filter(|l| l.starts_with('#')).count() > 10);
    // A folder the app made is private.
    assert_eq!(mode(&dir), 0o700);

    // The app now uses them, and they say the same as the built-in ones.
    let paths = h.run(&["paths"]);
    paths.ok();
    assert!(
        paths
            .stdout
            .lines()
            .all(|l| !l.starts_with("journal") || l.contains("missing"))
    );
    for (line, path) in paths.stdout.lines().zip([&content, &config]) {
        assert!(
            line.contains(" xdg ") && line.contains(" exists "),
            "{line}"
        );
        assert!(line.ends_with(&path.display().to_string()), "{line}");
    }
    let validated = h.run(&["validate"]);
    validated.ok();
    assert!(
        validated.stdout.contains("(from your config folder)"),
        "{}",
        validated.stdout
    );
    assert_eq!(
        routine_ids(&h),
        ["calf", "foot", "thigh-back", "thigh-front", "bedtime"]
    );
}

#[test]
fn init_never_overwrites_without_force_and_force_keeps_every_old_file() {
    let h = home();
    h.run(&["init"]).ok();
    let dir = h.config_home().join("cramp-coach");
    let content = dir.join("content.toml");
    let config = dir.join("config.toml");
    fs::write(&config, "theme = \"contrast\"\n").unwrap();
    fs::write(&content, "# mine\n").unwrap();

    // Again: both are kept as they are, each named, exit 1, nothing on stdout.
    let out = h.run(&["init"]);
    out.code(1);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr.lines().count(), 2, "{}", out.stderr);
    assert!(out.stderr.contains(&content.display().to_string()));
    assert!(out.stderr.contains(&config.display().to_string()));
    assert!(out.stderr.contains("--force"));
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        "theme = \"contrast\"\n"
    );
    assert_eq!(fs::read_to_string(&content).unwrap(), "# mine\n");

    // --force: the old one is kept as .bak, and said so.
    let out = h.run(&["init", "--force"]);
    out.ok();
    assert!(
        out.stdout.contains(&format!("{}.bak", config.display())),
        "{}",
        out.stdout
    );
    assert_eq!(
        fs::read_to_string(dir.join("config.toml.bak")).unwrap(),
        "theme = \"contrast\"\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("content.toml.bak")).unwrap(),
        "# mine\n"
    );
    assert!(fs::read_to_string(&config).unwrap().ends_with(DEFAULT_TOML));

    // A second --force never replaces the first backup.
    fs::write(&config, "bell = false\n").unwrap();
    h.run(&["init", "--force"]).ok();
    assert_eq!(
        fs::read_to_string(dir.join("config.toml.bak")).unwrap(),
        "theme = \"contrast\"\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("config.toml.bak.2")).unwrap(),
        "bell = false\n"
    );
    // No temporary file is left behind.
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "config.toml",
            "config.toml.bak",
            "config.toml.bak.2",
            "content.toml",
            "content.toml.bak",
            "content.toml.bak.2"
        ]
    );
}

#[test]
fn init_writes_what_is_missing_and_keeps_what_is_there() {
    let h = home();
    let dir = h.config_home().join("cramp-coach");
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    fs::write(dir.join("content.toml"), "# mine\n").unwrap();
    let out = h.run(&["init"]);
    out.code(1);
    assert_eq!(
        out.stdout,
        format!("wrote {}\n", dir.join("config.toml").display())
    );
    assert_eq!(
        fs::read_to_string(dir.join("content.toml")).unwrap(),
        "# mine\n"
    );
    // An existing folder is used as it is (its mode is the user's business).
    assert_eq!(mode(&dir), 0o755);
}

#[test]
fn init_never_replaces_a_link_a_folder_or_a_fifo_even_with_force() {
    let h = home();
    let dir = h.config_home().join("cramp-coach");
    fs::create_dir_all(&dir).unwrap();
    // A dotfiles-style link to a file elsewhere, and a folder in the other's place.
    let elsewhere = h.write("dotfiles-config.toml", "bell = false\n");
    symlink(&elsewhere, dir.join("config.toml")).unwrap();
    fs::create_dir(dir.join("content.toml")).unwrap();
    for args in [&["init"][..], &["init", "--force"]] {
        let out = h.run(args);
        out.code(1);
        assert!(out.stderr.contains("symbolic link"), "{}", out.stderr);
        assert!(out.stderr.contains("a folder"), "{}", out.stderr);
    }
    assert!(
        fs::symlink_metadata(dir.join("config.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "bell = false\n");
    assert!(dir.join("content.toml").is_dir());
    assert!(!dir.join("config.toml.bak").exists());

    // A FIFO: refused at once (never opened, so nothing waits for a writer).
    let h = home();
    let dir = h.config_home().join("cramp-coach");
    fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("config.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = h.run(&["init", "--force"]);
    out.code(1);
    assert!(out.stderr.contains("not a regular file"), "{}", out.stderr);
    assert!(
        dir.join("content.toml").is_file(),
        "the other file is still written"
    );
}

#[test]
fn paths_says_where_each_file_is_and_where_that_choice_came_from() {
    let h = home();
    let config_dir = h.config_home().join("cramp-coach");
    let journal = h.data_home().join("cramp-coach").join("journal.txt");
    let out = h.run(&["paths"]);
    out.ok();
    assert_eq!(
        out.stdout_lines(),
        [
            format!(
                "content  built-in        missing  {}",
                config_dir.join("content.toml").display()
            ),
            format!(
                "config   built-in        missing  {}",
                config_dir.join("config.toml").display()
            ),
            format!("journal  xdg             missing  {}", journal.display()),
        ]
    );
    // Environment, then flags, win; an existing journal exists.
    h.run(&["check", "fluids"]).ok();
    let env_content = h.write("env content.toml", "");
    let flag_config = h.write("flag.toml", "");
    let out = h.run_cmd(&["paths"], {
        let mut c = h.cramp();
        c.env("CRAMP_CONTENT", &env_content)
            .env("CRAMP_DATA_DIR", h.data_home().join("cramp-coach"))
            .args(["--config", flag_config.to_str().unwrap(), "paths"]);
        c
    });
    out.ok();
    assert_eq!(
        out.stdout_lines(),
        [
            format!(
                "content  CRAMP_CONTENT   exists   {}",
                env_content.display()
            ),
            format!(
                "config   --config        exists   {}",
                flag_config.display()
            ),
            format!("journal  CRAMP_DATA_DIR  exists   {}", journal.display()),
        ]
    );
    let out = h.run(&["--data-dir", "elsewhere", "paths"]);
    assert!(
        out.stdout.lines().nth(2).unwrap()
            == "journal  --data-dir      missing  elsewhere/journal.txt",
        "{}",
        out.stdout
    );
}

#[test]
fn paths_never_prints_control_characters_from_a_path() {
    let h = home();
    let mut c = h.cramp();
    c.env("CRAMP_CONTENT", "/tmp/\u{1b}[2Jevil\u{7}.toml")
        .arg("paths");
    let out = h.run_cmd(&["paths"], c);
    out.ok();
    assert!(
        !out.stdout.contains('\u{1b}') && !out.stdout.contains('\u{7}'),
        "{:?}",
        out.stdout
    );
    assert!(out.stdout.contains("evil"));
}

#[test]
fn init_writes_nothing_into_a_folder_others_can_change_or_own() {
    let h = home();
    let dir = h.config_home().join("cramp-coach");
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    let out = h.run(&["init"]);
    out.code(1).one_line();
    assert!(out.stderr.contains("others can change"), "{}", out.stderr);
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
    assert_eq!(mode(&dir), 0o777, "the user's folder is left as it is");

    // Another user's folder (needs root to make one).
    if !crate::support::home::running_as_root() {
        eprintln!("skipped: another user's folder needs root");
        return;
    }
    fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
    let out = h.run(&["init"]);
    out.code(1).one_line();
    assert!(
        out.stderr.contains("belongs to another user"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
}
