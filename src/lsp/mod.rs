//! The language server (`jiaodui lsp`). The only module that knows the protocol's types.

/// Runs the language server on stdin/stdout until the client exits.
pub fn run() -> anyhow::Result<()> {
    anyhow::bail!("the language server is not built yet")
}
