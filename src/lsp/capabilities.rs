//! What the client can do and what the server offers in return: position encoding, pull or
//! push diagnostics, snippets, workspace edits that create files.

use tower_lsp_server::ls_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    CompletionOptions, DiagnosticOptions, DiagnosticServerCapabilities, HoverProviderCapability,
    InitializeParams, OneOf, PositionEncodingKind, ResourceOperationKind, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

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
        Negotiated {
            encoding: PositionEncoding::Utf16,
            pull_diagnostics: false,
            diagnostic_refresh: false,
            snippets: false,
            document_changes: false,
            create_files: false,
            watch_files: false,
            inlay_hint_refresh: false,
        }
    }
}

impl Negotiated {
    pub fn from_params(params: &InitializeParams) -> Negotiated {
        let caps: &ClientCapabilities = &params.capabilities;
        let text = caps.text_document.as_ref();
        let workspace = caps.workspace.as_ref();
        let edit = workspace.and_then(|w| w.workspace_edit.as_ref());
        Negotiated {
            encoding: best_encoding(caps),
            pull_diagnostics: text.is_some_and(|t| t.diagnostic.is_some()),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            snippets: text
                .and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|i| i.snippet_support)
                .unwrap_or(false),
            document_changes: edit.and_then(|e| e.document_changes).unwrap_or(false),
            create_files: edit
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create)),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            inlay_hint_refresh: workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|i| i.refresh_support)
                .unwrap_or(false),
        }
    }

    /// The capabilities announced in the `initialize` result.
    pub fn server_capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(encoding_kind(self.encoding)),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    will_save: None,
                    will_save_wait_until: None,
                    save: Some(TextDocumentSyncSaveOptions::Supported(false)),
                },
            )),
            diagnostic_provider: self.pull_diagnostics.then(|| {
                DiagnosticServerCapabilities::Options(DiagnosticOptions {
                    identifier: Some("jiaodui".into()),
                    inter_file_dependencies: false,
                    workspace_diagnostics: false,
                    work_done_progress_options: Default::default(),
                })
            }),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::new(FIX_ALL_KIND),
                ]),
                work_done_progress_options: Default::default(),
                resolve_provider: Some(false),
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            document_formatting_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            inlay_hint_provider: Some(OneOf::Left(true)),
            completion_provider: Some(CompletionOptions {
                // A space or the opening parenthesis after a role word asks for names.
                trigger_characters: Some(vec![" ".into(), "（".into(), "(".into()]),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// UTF-8 when the client offers it (no conversion at all), else UTF-16, which every client
/// must support; UTF-32 only when it is the only other choice offered.
fn best_encoding(caps: &ClientCapabilities) -> PositionEncoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    let Some(offered) = offered else {
        return PositionEncoding::Utf16;
    };
    let has = |kind: PositionEncodingKind| offered.contains(&kind);
    if has(PositionEncodingKind::UTF8) {
        PositionEncoding::Utf8
    } else {
        PositionEncoding::Utf16
    }
}

pub(crate) fn encoding_kind(encoding: PositionEncoding) -> PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
    }
}
