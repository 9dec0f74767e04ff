//! Merging copies of the journal: the merge's laws on generated journals (`laws`), and
//! `cramp merge`, the git merge driver and sync-conflict copies as a person meets them (`cli`),
//! including writers running while a merge runs and a merge killed halfway (`hostile`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod hostile;
mod laws;
mod live;
