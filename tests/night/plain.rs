//! `cramp run --plain` on a terminal: keys without echo, a log prompt after relief, bedtime ticks
//! its habit, Ctrl-C stops with 130 and gives the terminal back, the bell only on a terminal.

use support::home::{Home, Setup};
use support::pty::{Tui, shows};

use crate::support;

const SETUP: Setup = Setup {
    data_dir: true,
    tz: Some("UTC"),
    ..Setup::BASE
};

/// A relief routine that waits for "it let go", then holds 1 s; a bedtime routine of 1 s that
/// completes the `stretch` habit.
const CONTENT: &str = r#"
[[routine]]
id = "quick"
title = "Quick relief"
kind = "relief"
muscle = "foot"
[[routine.step]]
title = "Pull until it lets go"
text = "Pull the toes up."
[[routine.step]]
title = "Keep it"
text = "Hold a moment."
seconds = 1

[[routine]]
id = "bed"
title = "Short bedtime"
kind = "bedtime"
completes_habit = "stretch"
[[routine.step]]
title = "Lean"
text = "Lean on the wall."
seconds = 1

[[habit]]
id = "stretch"
title = "Bedtime stretch"
"#;

/// `cramp run --plain ROUTINE` on a 100-column pty `rows` tall, with the home's data folder.
fn plain(home: &Home, content: &str, config: &str, routine: &str, rows: u16) -> Tui {
    let data = home.data().to_string_lossy().into_owned();
    Tui::spawn_sized(
        home,
        &[
            "--data-dir",
            &data,
            "--content",
            content,
            "--config",
            config,
            "run",
            "--plain",
            routine,
        ],
        100,
        rows,
    )
}

fn setup() -> (Home, String) {
    let home = Home::new(SETUP);
    let content = home.file("content.toml", CONTENT);
    (home, content)
}

#[test]
fn relief_on_a_terminal_logs_the_cramp_with_single_keys_and_nothing_typed_echoes() {
    let (home, content) = setup();
    let config = home.file("config.toml", "lead_in_seconds = 0\nbell = true\n");
    let mut tui = plain(&home, &content, &config, "quick", 80);
    tui.wait_text("press Enter when it lets go");
    tui.send("xyz");
    tui.send("\r");
    tui.wait_text("Done · Quick relief");
    tui.wait_text("muscle?");
    tui.send("\r"); // keeps the routine's muscle, foot
    tui.wait_text("side?");
    tui.send("l");
    tui.wait_text("how bad?");
    tui.send("4");
    tui.wait_text("skin change?");
    tui.send("y");
    tui.wait_text("saved · cramp #");
    tui.wait_text("Shown because you logged");
    // The id shown: the first four letters of the entry's (the only one in the diary).
    let id = saved_id(&tui);
    tui.expect_exit(0);
    assert!(
        !shows(tui.screen(), "xyz"),
        "typed keys echoed:\n{}",
        tui.dump()
    );
    assert!(tui.echo(), "echo restored");
    // On a terminal the bell rings: once a step, three times at the end.
    let bells = tui.raw().iter().filter(|&&b| b == 0x07).count();
    assert!(bells >= 5, "{bells} rings\n{}", tui.dump());
    let log = home.run(&["log"]);
    log.ok();
    assert!(
        log.stdout.starts_with(&format!("#{id}  "))
            && log.stdout.contains("foot  left  4/5")
            && log.stdout.contains("routine quick"),
        "{}",
        log.stdout
    );
}

/// The id after `saved · cramp #` on the screen: four letters a-z.
fn saved_id(tui: &Tui) -> String {
    let rows = support::pty::rows(tui.screen());
    let id: String = rows
        .iter()
        .find_map(|r| {
            r.split_once("saved · cramp #")
                .map(|(_, id)| id.to_string())
        })
        .unwrap_or_else(|| panic!("no id on screen:\n{}", tui.dump()))
        .chars()
        .take_while(char::is_ascii_lowercase)
        .collect();
    assert_eq!(id.len(), 4, "{}", tui.dump());
    id
}

#[test]
fn q_stops_relief_and_q_again_skips_the_log() {
    let (home, content) = setup();
    let config = home.quick_config();
    let mut tui = plain(&home, &content, &config, "quick", 30);
    tui.wait_text("press Enter when it lets go");
    tui.send("q");
    tui.wait_text("Stopped · Quick relief");
    tui.wait_text("muscle?");
    tui.send("q");
    tui.wait_text("not logged");
    tui.expect_exit(0);
    assert_eq!(home.journal_bytes(), None, "nothing was logged");
}

#[test]
fn ctrl_c_stops_with_130_and_gives_the_terminal_back() {
    let (home, content) = setup();
    let config = home.quick_config();
    let mut tui = plain(&home, &content, &config, "quick", 30);
    tui.wait_text("press Enter when it lets go");
    tui.send("\x03");
    tui.expect_exit(130);
    assert!(tui.echo(), "echo restored");
    assert_eq!(home.journal_bytes(), None);
}

#[test]
fn finishing_bedtime_in_plain_mode_ticks_tonights_stretch() {
    let (home, content) = setup();
    let config = home.quick_config();
    let mut tui = plain(&home, &content, &config, "bed", 30);
    tui.wait_text("stretch ticked for tonight");
    tui.expect_exit(0);
    let habits = home.run(&["--content", &content, "habits"]);
    habits.ok();
    assert!(habits.stdout.contains("[x] stretch"), "{}", habits.stdout);
}

#[test]
fn sigterm_mid_guide_exits_143_and_gives_the_terminal_back() {
    let (home, content) = setup();
    let config = home.quick_config();
    let mut tui = plain(&home, &content, &config, "quick", 30);
    tui.wait_text("press Enter when it lets go");
    assert!(!tui.echo(), "the guide turned echo off");
    tui.signal(expectrl::Signal::SIGTERM);
    tui.expect_exit(143);
    assert!(tui.echo(), "echo restored by the signal handler");
}
