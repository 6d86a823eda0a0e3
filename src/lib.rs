//! jiaodui (校对) proofreads Chinese newspaper bulletin drafts: bylines, photo credits,
//! place names, dates, punctuation and paragraph structure.
//!
//! The pipeline (see ARCHITECTURE.md):
//!
//! ```text
//! text ─parse─▶ Draft ─recognise─▶ Facts ─rules─▶ Diagnostics (+ Fixes) ─▶ CLI report / LSP
//! ```
//!
//! - [`text`]: spans, line index, encodings, decoding — no knowledge of drafts.
//! - [`document`]: the draft model and its parser.
//! - [`dates`]: calendar maths and Chinese date numerals, no I/O and no clock.
//! - [`recognise`]: recognisers that run once per draft and yield facts.
//! - [`dates`], [`gazetteer`]: calendar maths and place data the recognisers consult.
//! - [`rules`]: the rule catalogue, one file per rule, docs in code.
//! - [`diagnostic`], [`fix`]: findings and their corrections.
//! - [`gazetteer`]: place names, levels, parents and history; the name matcher.
//! - [`lint`]: runs rules over a draft; [`config`]: `jiaodui.toml`.
//! - [`report`], [`cli`]: the command line; [`lsp`]: the language server.

pub mod cli;
pub mod config;
pub mod confusable;
pub mod dates;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod gazetteer;
pub mod lint;
pub mod lsp;
pub mod recognise;
pub mod report;
pub mod rules;
pub mod text;
