//! cramp-coach: the core of the `cramp` terminal app.
//!
//! # Module map
//!
//! The core reads no clock and touches no terminal: time comes in as a value (`now: Instant`,
//! tonight's date), and the views draw into a ratatui buffer. Only two places in the library touch
//! files: [`content::source`] reads content and config files, and [`journal::store`] reads and
//! writes the journal. Everything else that touches the outside (the terminal, the clock, the time
//! zone, standard output, signals) is in the binary's `src/cli/`.
//!
//! | module | owns |
//! |---|---|
//! | [`content`] | routines, steps, habits and guidance: the types, the raw TOML shapes, the checker, and reading a source file into FILE:LINE:COL diagnostics |
//! | [`config`] | settings laid over the built-in `config.toml`, key bindings ([`config::keys`]), and which file is used from where ([`config::locations`]) |
//! | [`night`] | civil nights in a time zone, `day_starts_at`, date parsing and the journal's range of years |
//! | [`runner`] | the step state machine: deadlines per segment, pause, `+30 s`, untimed holds |
//! | [`journal`] | habit ticks and the cramp diary: the model, the parser, the diary's lines, the store (lock, atomic durable write) |
//! | [`habits`] | a habit's state on a night, strips and streaks, ticks and unticks |
//! | [`status`] | `cramp status`: tonight at a glance from the end of the journal, the `--format` line and whether the reminder is due |
//! | [`insights`], [`export`] | looking back: counts by week and habit, CSV and Markdown for a clinician |
//! | [`app`] | the model: [`app::App::update`] takes a [`app::Msg`] and the instant, returns [`app::Effect`]s |
//! | [`ui`] | the views, one file a screen, the theme and the big digits: pure functions of the model |
//! | [`strings`] | every fixed string a person reads: the screens', the command line's, the insights' and the plain guide's |
//! | [`text`] | the sanitiser for text from files, and `m:ss` |

pub mod app;
pub mod config;
pub mod content;
pub mod export;
pub mod habits;
pub mod insights;
pub mod journal;
pub mod night;
pub mod runner;
pub mod status;
pub mod strings;
pub mod text;
pub mod ui;
