//! `cramp status`: the words and marks of the status line and the reminder.

/// The line when the journal cannot be read: short, so a prompt stays whole.
pub const UNREADABLE: &str = "cramp ?";
/// A habit kept tonight.
pub const KEPT: &str = "●";
/// A habit still open tonight.
pub const OPEN: &str = "○";
/// A habit that does not apply tonight.
pub const OFF: &str = "-";
/// Between the parts of the default line.
pub const SEPARATOR: &str = " · ";
/// "2/7 habits".
pub const HABITS: &str = "habits";

/// "1 cramp this week", "0 cramps this week".
pub fn cramps_this_week(n: u32) -> String {
    format!("{n} {} this week", if n == 1 { "cramp" } else { "cramps" })
}

/// The reminder for an open habit: "Bedtime stretch not done yet: cramp run bedtime".
pub fn reminder(title: &str, how: &str) -> String {
    format!("{title} not done yet: {how}")
}

/// `--format`: a placeholder the line does not know.
pub fn unknown_placeholder(name: &str, known: &[&str]) -> String {
    let known: Vec<String> = known.iter().map(|k| format!("{{{k}}}")).collect();
    format!(
        "--format: unknown placeholder {{{name}}}; use {} (or {{{{ and }}}} for a brace)",
        known.join(", ")
    )
}

/// `--format`: a `{` without its `}`.
pub fn unclosed_brace(column: usize) -> String {
    format!("--format: the {{ at column {column} is not closed (write {{{{ for a brace)")
}

/// `--format`: a `}` without a `{`.
pub fn stray_brace(column: usize) -> String {
    format!("--format: the }} at column {column} closes nothing (write }}}} for a brace)")
}

/// The line when tonight is skipped.
pub const SKIPPED_TONIGHT: &str = "tonight skipped";
