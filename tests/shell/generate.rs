//! Makes the completion scripts and the manual page from the clap definition (`src/cli/args.rs`,
//! compiled into this test), as `assets/completions/` and `assets/man/cramp.1` hold them: the
//! binary prints those files (so it carries no generator), and `the_shipped_files_are_current`
//! checks they are what the definition makes today.
//!
//! The scripts are clap_complete's, with one addition for bash, zsh and fish: the routine id of
//! `cramp run` and the habit id of `cramp check` complete from the content in use, through
//! `cramp __complete-ids routines|habits`.

use clap::{Arg, CommandFactory};
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::args::Cli;

/// The shell commands that list the ids, as the scripts call them.
const ROUTINE_IDS: &str = "cramp __complete-ids routines 2>/dev/null";
const HABIT_IDS: &str = "cramp __complete-ids habits 2>/dev/null";

/// The completion script for `shell`.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    use clap_complete::Shell;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cramp", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    match shell {
        Shell::Bash => with_bash_ids(script),
        Shell::Zsh => with_zsh_ids(script),
        Shell::Fish => with_fish_ids(script),
        _ => script,
    }
}

/// bash: the ids join the words offered for `cramp run` and `cramp check` (compgen filters them
/// by what is typed, as it does the flags).
fn with_bash_ids(script: String) -> String {
    let mut out = String::with_capacity(script.len() + 200);
    let mut case = "";
    for line in script.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("cramp__subcmd__") && trimmed.ends_with(')') {
            case = trimmed;
        }
        let ids = match case {
            "cramp__subcmd__run)" => Some(ROUTINE_IDS),
            "cramp__subcmd__check)" => Some(HABIT_IDS),
            _ => None,
        };
        match (ids, line.find("opts=\"")) {
            (Some(ids), Some(at)) => {
                let (head, tail) = line.split_at(at + "opts=\"".len());
                out.push_str(head);
                out.push_str(&format!("$({ids}) "));
                out.push_str(tail);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// zsh: the positional's action, `_default` in clap's script, lists the ids instead.
fn with_zsh_ids(script: String) -> String {
    let action = |ids: &str| format!(":{{compadd -- ${{(f)\"$({ids})\"}}}}' \\", ids = ids);
    script
        .lines()
        .map(|line| {
            let t = line.trim_start();
            if t.starts_with("':routine -- ") && line.ends_with(":_default' \\") {
                line.replace(":_default' \\", &action(ROUTINE_IDS))
            } else if t.starts_with("':habit -- ") && line.ends_with(":_default' \\") {
                line.replace(":_default' \\", &action(HABIT_IDS))
            } else {
                line.to_string()
            }
        })
        .map(|l| l + "\n")
        .collect()
}

/// fish: two more `complete` lines.
fn with_fish_ids(mut script: String) -> String {
    for (sub, ids) in [("run", ROUTINE_IDS), ("check", HABIT_IDS)] {
        let ids = ids.replace(" 2>/dev/null", "");
        script.push_str(&format!(
            "complete -c cramp -n \"__fish_cramp_using_subcommand {sub}\" -f -a \"({ids} 2>/dev/null)\"\n"
        ));
    }
    script
}

/// The manual page, roff.
pub fn man_page() -> String {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone())
        .title("CRAMP")
        .section("1")
        .source(format!("cramp-coach {}", env!("CARGO_PKG_VERSION")))
        .manual("User Commands");
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    roff.text(synopsis(&cmd, "cramp"));
    roff.control("SH", ["DESCRIPTION"]);
    for paragraph in DESCRIPTION {
        roff.control("PP", []).text([roman(*paragraph)]);
    }
    roff.control("SH", ["OPTIONS"]);
    roff.text([roman(
        "These work with every command, before or after its name:",
    )]);
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        option(&mut roff, arg);
    }
    roff.control("SH", ["COMMANDS"]);
    roff.control("TP", []).text([bold("cramp")]);
    roff.text([roman(
        "Opens the coach: routines, relief first, and tonight's habits. Keys: press ? in the app.",
    )]);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        command(&mut roff, sub, &format!("cramp {}", sub.get_name()));
    }
    for (title, lines) in SECTIONS {
        roff.control("SH", [*title]);
        for (i, (term, text)) in lines.iter().enumerate() {
            if term.is_empty() {
                if i > 0 {
                    roff.control("PP", []);
                }
                roff.text([roman(*text)]);
            } else {
                roff.control("TP", []).text([bold(*term)]);
                roff.text([roman(*text)]);
            }
        }
    }
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(&roff.to_roff());
    page
}

/// The options and arguments a command has of its own (not the global ones, not help or version).
fn own_args(cmd: &clap::Command) -> Vec<&Arg> {
    cmd.get_arguments()
        .filter(|a| {
            !a.is_hide_set()
                && a.get_id() != "help"
                && a.get_id() != "version"
                && (cmd.get_name() == "cramp" || !a.is_global_set())
        })
        .collect()
}

/// `name [--flag VALUE] [--switch] ARG [COMMAND]`, options in brackets unless required.
fn synopsis(cmd: &clap::Command, name: &str) -> Vec<clap_mangen::roff::Inline> {
    let mut line = vec![bold(name)];
    let own = own_args(cmd);
    for arg in own.iter().filter(|a| !a.is_positional()) {
        let required = arg.is_required_set();
        line.push(roman(if required { " " } else { " [" }));
        line.push(bold(format!("--{}", arg.get_long().unwrap_or_default())));
        if arg.get_action().takes_values() {
            line.push(roman(" "));
            line.push(italic(value_name(arg)));
        }
        if !required {
            line.push(roman("]"));
        }
    }
    for arg in own.iter().filter(|a| a.is_positional()) {
        let required = arg.is_required_set();
        line.push(roman(if required { " " } else { " [" }));
        line.push(italic(value_name(arg)));
        if !required {
            line.push(roman("]"));
        }
    }
    if cmd.has_subcommands() {
        line.push(roman(" ["));
        line.push(italic("COMMAND"));
        line.push(roman("]"));
    }
    line
}

/// One command (and its own subcommands): the synopsis, what it does, its options.
fn command(roff: &mut Roff, cmd: &clap::Command, name: &str) {
    roff.control("SS", []).text(synopsis(cmd, name));
    if let Some(about) = cmd.get_about() {
        roff.text([roman(sentence(&about.to_string()))]);
    }
    for arg in own_args(cmd) {
        option(roff, arg);
    }
    // The placeholders of `status --format` (its help's own text).
    if cmd.get_name() == "status" {
        // One line each, wrapped by man where a terminal is narrow.
        roff.control("PP", []);
        for line in cramp_coach::strings::cli::STATUS_HELP.lines() {
            if line.trim().is_empty() {
                roff.control("PP", []);
            } else {
                roff.text([roman(line.trim())]).control("br", []);
            }
        }
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() != "help" {
            command(roff, sub, &format!("{name} {}", sub.get_name()));
        }
    }
}

/// `FILE`, `BASE OURS THEIRS` for an option of several values, `FILE…` for an argument that takes
/// any number.
fn value_name(arg: &Arg) -> String {
    let names: Vec<String> = arg
        .get_value_names()
        .map(|v| v.iter().map(ToString::to_string).collect())
        .unwrap_or_else(|| vec![arg.get_id().as_str().to_uppercase()]);
    let many = arg
        .get_num_args()
        .is_some_and(|n| n.max_values() > names.len().max(1));
    let mut text = names.join(" ");
    if many {
        text.push('…');
    }
    text
}

/// One option or argument as a tagged paragraph, with its possible values.
fn option(roff: &mut Roff, arg: &Arg) {
    let mut term = Vec::new();
    if arg.is_positional() {
        term.push(italic(value_name(arg)));
    } else {
        if let Some(short) = arg.get_short() {
            term.push(bold(format!("-{short}")));
            term.push(roman(", "));
        }
        term.push(bold(format!("--{}", arg.get_long().unwrap_or_default())));
        if arg.get_action().takes_values() {
            term.push(roman(" "));
            term.push(italic(value_name(arg)));
        }
    }
    roff.control("TP", []).text(term);
    let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    help = sentence(&help);
    if !values.is_empty() && arg.get_action().takes_values() {
        help.push_str(&format!(" One of: {}.", values.join(", ")));
    }
    roff.text([roman(help)]);
}

/// Help text as a sentence: ending in a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', ')', '!', '?']) && !text.ends_with("shows)") {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

const DESCRIPTION: &[&str] = &[
    "cramp coaches you through a night-time leg cramp, step by step with countdowns (a toe pull, \
     a heel walk, a massage), runs a guided bedtime stretch, and keeps the few habits that make the \
     next cramp less likely. It keeps a journal of habits kept and cramps logged, on this machine \
     only, for you and for a clinician.",
    "Without a command it opens the coach in the terminal; Enter starts calf relief. Every command \
     below also works in scripts: plain text, no colour when standard output is not a terminal.",
    "Self-care guidance, not medical advice: press ! in the app for when to get help.",
];

type Section = (&'static str, &'static [(&'static str, &'static str)]);

const SECTIONS: &[Section] = &[
    (
        "FILES",
        &[
            (
                "$XDG_CONFIG_HOME/cramp-coach/content.toml",
                "Your own routines, habits and guidance, replacing the built-in content as a whole \
                 (cramp init writes a copy of the built-in one; cramp defaults content prints it). \
                 Usually ~/.config/cramp-coach/content.toml.",
            ),
            (
                "$XDG_CONFIG_HOME/cramp-coach/config.toml",
                "Your settings, laid over the defaults: theme, bell, speech command, lead-in \
                 seconds, day_starts_at (when a night ends), remind_after (when cramp status --due \
                 starts reminding), runner keys.",
            ),
            (
                "$XDG_DATA_HOME/cramp-coach/journal.txt",
                "The journal: habit ticks and the cramp diary, one line a record, private (0600 in a \
                 0700 folder). Every change is durable before it is reported, atomic, and made under \
                 journal.lock. A journal that cannot be read is never overwritten. Usually \
                 ~/.local/share/cramp-coach/journal.txt.",
            ),
            (
                "",
                "cramp paths prints which of these are in use, where each choice came from and \
                 whether it exists.",
            ),
        ],
    ),
    (
        "ENVIRONMENT",
        &[
            (
                "CRAMP_CONTENT, CRAMP_CONFIG, CRAMP_DATA_DIR",
                "A content file, a config file, the journal's folder. The flags --content, --config \
                 and --data-dir win over these; these win over the XDG places.",
            ),
            (
                "XDG_CONFIG_HOME, XDG_DATA_HOME, HOME",
                "Where the XDG places are (~/.config and ~/.local/share when unset).",
            ),
            (
                "TZ",
                "The time zone for nights and times (else /etc/localtime, else UTC).",
            ),
            ("NO_COLOR", "Set and not empty: no colour in the coach."),
        ],
    ),
    (
        "EXIT STATUS",
        &[
            ("0", "Done (for status --due: a reminder is due)."),
            (
                "1",
                "An input or output error (for status --due: nothing is due).",
            ),
            ("2", "Bad usage, or an invalid content or config file."),
            ("3", "The journal could not be read; it is left untouched."),
            (
                "5",
                "The coach needs a terminal (try cramp run --plain ROUTINE).",
            ),
            (
                "128+N",
                "Stopped by signal N, after giving the terminal back.",
            ),
        ],
    ),
    (
        "EXAMPLES",
        &[
            ("cramp run calf", "Straight into calf relief."),
            (
                "cramp run --plain --quiet bedtime | espeak-ng",
                "The bedtime stretch, spoken.",
            ),
            ("cramp check stretch", "Tick tonight's bedtime stretch."),
            (
                "cramp log add --muscle calf --side left --intensity 4 --minutes 3",
                "Log a cramp.",
            ),
            (
                "cramp export --format markdown --since 2026-10-01 > for-my-doctor.md",
                "A one-page summary for a clinician.",
            ),
            (
                "cramp status --due && notify-send cramp-coach \"$(cramp status --due)\"",
                "A bedtime reminder, for a timer or a prompt.",
            ),
        ],
    ),
];
