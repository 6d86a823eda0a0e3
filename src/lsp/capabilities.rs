//! What the client can do and what the server offers in return: position encoding, pull or
//! push diagnostics, snippets, workspace edits that create files.

use serde_json::{json, Value};

use crate::text::PositionEncoding;

/// The code action kind of "apply every safe fix".
pub(crate) const FIX_ALL_KIND: &str = "source.fixAll.jiaodui";

/// What was agreed with the client at `initialize`.
#[derive(Clone, Debug)]
pub(crate) struct Negotiated {
    pub encoding: PositionEncoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`); the server then never pushes
    /// them for documents, or clients that do both show every finding twice.
    pub pull_diagnostics: bool,
    /// The client re-pulls on `workspace/diagnostic/refresh`.
    pub diagnostic_refresh: bool,
    pub snippets: bool,
    /// Workspace edits may use `documentChanges` (versioned edits).
    pub document_changes: bool,
    /// Workspace edits may create files (a `jiaodui.toml` where there is none).
    pub create_files: bool,
    /// File watchers may be registered at run time.
    pub watch_files: bool,
    pub inlay_hint_refresh: bool,
}

impl Default for Negotiated {
    fn default() -> Negotiated {
        Negotiated::from_params(&Value::Null)
    }
}

impl Negotiated {
    /// Reads the client's capabilities from `initialize`'s params; whatever is missing or
    /// malformed counts as not supported.
    pub fn from_params(params: &Value) -> Negotiated {
        let caps = &params["capabilities"];
        let has = |path: &str| caps.pointer(path).is_some_and(|v| !v.is_null());
        let flag = |path: &str| caps.pointer(path).and_then(Value::as_bool).unwrap_or(false);
        let offers = |path: &str, what: &str| {
            let list = caps.pointer(path).and_then(Value::as_array);
            list.is_some_and(|list| list.iter().any(|v| v == what))
        };
        Negotiated {
            // UTF-8 when the client offers it (no conversion at all), else UTF-16, which every
            // client must support.
            encoding: if offers("/general/positionEncodings", "utf-8") {
                PositionEncoding::Utf8
            } else {
                PositionEncoding::Utf16
            },
            pull_diagnostics: has("/textDocument/diagnostic"),
            diagnostic_refresh: flag("/workspace/diagnostics/refreshSupport"),
            snippets: flag("/textDocument/completion/completionItem/snippetSupport"),
            document_changes: flag("/workspace/workspaceEdit/documentChanges"),
            create_files: offers("/workspace/workspaceEdit/resourceOperations", "create"),
            watch_files: flag("/workspace/didChangeWatchedFiles/dynamicRegistration"),
            inlay_hint_refresh: flag("/workspace/inlayHint/refreshSupport"),
        }
    }

    /// The capabilities announced in the `initialize` result.
    pub fn server_capabilities(&self) -> Value {
        let encoding = match self.encoding {
            PositionEncoding::Utf8 => "utf-8",
            PositionEncoding::Utf16 => "utf-16",
            PositionEncoding::Utf32 => "utf-32",
        };
        let mut caps = json!({
            "positionEncoding": encoding,
            // Incremental changes; no `didSave`.
            "textDocumentSync": {"openClose": true, "change": 2, "save": false},
            "codeActionProvider": {"codeActionKinds": ["quickfix", FIX_ALL_KIND],
                                   "resolveProvider": false},
            "hoverProvider": true,
            "documentFormattingProvider": true,
            "documentSymbolProvider": true,
            "inlayHintProvider": true,
            // A space or the opening parenthesis after a role word asks for names.
            "completionProvider": {"triggerCharacters": [" ", "（", "("]},
        });
        if self.pull_diagnostics {
            caps["diagnosticProvider"] = json!({"identifier": "jiaodui",
                "interFileDependencies": false, "workspaceDiagnostics": false});
        }
        caps
    }
}
