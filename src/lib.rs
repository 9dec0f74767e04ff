//! cramp-coach: the core of the `cramp` terminal app.
//!
//! Content, config, the step runner and the app model are plain Rust with no terminal code;
//! `ui` renders the model into a ratatui buffer. The binary (`src/main.rs`) owns the terminal.

pub mod app;
pub mod config;
pub mod content;
pub mod export;
pub mod guide;
pub mod habits;
pub mod insights;
pub mod journal;
pub mod night;
pub mod runner;
pub mod strings;
pub mod text;
pub mod ui;
pub mod zone;
