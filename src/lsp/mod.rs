//! The language server (`jiaodui lsp`): diagnostics as a reporter types, quick fixes, fix-all
//! and formatting, hover, outline, inlay hints and completion, over stdio.
//!
//! **Architecture Invariant:** this is the only module that knows the protocol's types
//! (`ls_types`, `lsp_server`). Everything below it speaks byte spans; `convert.rs` turns them
//! into lines and columns in the encoding negotiated in `capabilities.rs`.
//!
//! - `transport.rs`: stdio framing that survives bad input; `server.rs`: the one dispatcher —
//!   notifications in order on the loop, requests by their typed `METHOD` on worker threads —
//!   and the shared state and the work on snapshots (analyse, re-check, publish);
//! - `documents.rs`: ropes, versions and snapshots; `analysis.rs`: checking a snapshot;
//! - `incremental.rs`: re-checking only the articles an edit touched; `rendered.rs`: findings
//!   serialised once, re-used across edits;
//! - `convert.rs`: byte spans to lines and columns and back, findings to diagnostics;
//! - `memory.rs`: giving memory back to the system after large documents close;
//! - `workspace.rs`: the nearest `jiaodui.toml` per document, reloads, config errors, and the
//!   clock;
//! - `fuzzing.rs`: the document store without the protocol, for the fuzz target;
//! - `handlers/`: one file per feature (formatting shares `code_action.rs` with fix-all).

mod analysis;
mod capabilities;
mod convert;
mod documents;
#[doc(hidden)]
pub mod fuzzing;
mod handlers;
mod incremental;
mod memory;
mod rendered;
mod server;
mod transport;
mod workspace;

/// Runs the language server on stdin/stdout until the client exits.
pub fn run() -> anyhow::Result<()> {
    memory::keep_freed_pages();
    let out = transport::writer(std::io::stdout());
    let (events, incoming) = crossbeam_channel::unbounded();
    transport::reader(std::io::stdin(), events.clone(), out.clone());
    server::serve(incoming, events, out);
    Ok(())
}
