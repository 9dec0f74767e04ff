//! The binary's edges: the TUI event loop, the plain guide, and the journal commands.

pub mod diary;
pub mod habits;
pub mod output;
pub mod plain;
pub mod screen;
pub mod tui;
