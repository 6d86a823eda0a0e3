//! jiaodui (校对) proofreads Chinese newspaper bulletin drafts: bylines, photo credits,
//! place names, dates, punctuation and paragraph structure.
//!
//! The pipeline, and the layers its modules form (ARCHITECTURE.md draws the allowed edges):
//!
//! ```text
//! text ─parse─▶ Draft ─recognise─▶ Facts ─rules─▶ Diagnostics (+ Fixes) ─▶ CLI report / LSP
//! ```
//!
//! - [`text`]: spans, line index, encodings, decoding — no knowledge of drafts.
//! - [`document`]: the draft model and its parser.
//! - `calendar`, [`gazetteer`]: calendar maths and Chinese numerals; place names, levels,
//!   parents and history, and the name matcher — data the recognisers consult.
//! - [`recognise`]: recognisers that run once per draft and yield facts.
//! - [`diagnostic`], [`fix`]: findings and their corrections.
//! - [`config`]: `jiaodui.toml` and the newsroom gazetteers it names.
//! - [`rules`]: the rule catalogue, one file per rule, docs in code.
//! - [`lint`]: runs the rules over a draft and fixes it to a fixpoint.
//! - [`report`], [`cli`]: the command line; [`lsp`]: the language server; [`clock`]: the
//!   date both take as today.

pub(crate) mod calendar;
pub mod cli;
pub mod clock;
pub mod config;
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
