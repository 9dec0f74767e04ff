//! The binary's edge: everything that touches the outside. Arguments (`args`), the clock and the
//! time zone (`clock`, `zone`), the journal for a command (`journal`), standard output (`output`),
//! how commands end (`exit`), one file a command, and the TUI (`tui`: the loop, the effect runner,
//! the timer, the terminal backend).

pub mod args;
pub mod clock;
pub mod exit;
pub mod export;
pub mod habits;
pub mod insights;
pub mod journal;
pub mod list;
pub mod log;
pub mod merge;
pub mod nights;
pub mod output;
pub mod plain;
pub mod setup;
pub mod shell;
pub mod status;
pub mod tui;
pub mod validate;
pub mod zone;
