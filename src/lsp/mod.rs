//! The language server (`jiaodui lsp`): diagnostics as a reporter types, quick fixes, fix-all
//! and formatting, hover, outline, inlay hints and completion, over stdio.
//!
//! **Architecture Invariant:** this is the only module that knows the protocol's types
//! (`ls_types`). Everything below it speaks byte spans; `convert.rs` turns them into lines
//! and columns in the encoding negotiated in `capabilities.rs`.
//!
//! - `transport.rs`: stdio framing that survives bad input, dispatch in arrival order;
//! - `server.rs`: `impl LanguageServer` (thin) and the wrapper that applies edits in order;
//! - `documents.rs`: ropes, versions and snapshots; `analysis.rs`: checking a snapshot;
//! - `incremental.rs`: re-checking only the articles an edit touched; `rendered.rs`: findings
//!   serialised once, re-used across edits;
//! - `memory.rs`: giving memory back to the system after large documents close;
//! - `workspace.rs`: the nearest `jiaodui.toml` per document, reloads, config errors;
//! - `handlers/`: one file per feature.

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

use tower_lsp_server::LspService;

/// Runs the language server on stdin/stdout until the client exits.
pub fn run() -> anyhow::Result<()> {
    memory::release_eagerly();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (output, outgoing) = tokio::sync::mpsc::unbounded_channel();
        let (service, socket) =
            LspService::new(|client| server::Backend::new(client, output.clone()));
        let service = server::Sequenced::new(service);
        let stdio = (tokio::io::stdin(), tokio::io::stdout());
        transport::serve(stdio, service, socket, (output, outgoing)).await;
    });
    // The transport's reader may still be blocked on stdin; do not wait for it.
    runtime.shutdown_background();
    Ok(())
}
