//! The language server: `impl LanguageServer`, thin, delegating to `handlers/`; and
//! [`Sequenced`], the service wrapper that applies document edits in arrival order.
//!
//! **Ordering.** tower-lsp runs handler futures concurrently, so two `didChange` handlers may
//! start in either order (ebkalderon/tower-lsp#284). `Sequenced::call` is invoked by the
//! transport once per message, in arrival order, synchronously: it applies `didOpen`,
//! `didChange` and `didClose` to the document store right there, under the store's lock,
//! before any future exists. The handlers then only analyse and publish, on a snapshot.
//!
//! **Staleness.** Publishing takes the document's publish lock and checks that the analysed
//! version is still the document's version and newer than what was published last, so an
//! older result never reaches the client after a newer one.
//!
//! **Panics.** Every handler future runs under `catch_unwind`; a panic becomes an internal
//! error response (or a log line, for notifications) and the server keeps serving.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::sync::mpsc::UnboundedSender;

use futures::future::BoxFuture;
use futures::FutureExt;
use tower::Service;
use tower_lsp_server::jsonrpc::{self, Request, Response};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, ExitedError, LanguageServer, LspService};

use super::analysis::{self, Analysed, Findings};
use super::capabilities::{Negotiated, FIX_ALL_KIND};
use super::convert::{self, Locate, Positions};
use super::documents::{file_path, DocumentStore};
use super::handlers;
use super::incremental::{Chunks, EditRange, Target};
use super::workspace::{Configs, Settings};
use crate::text::LineIndex;

/// How long typing must pause before a chunked result is followed by a full analysis.
const EXACT_AFTER: Duration = Duration::from_millis(300);

/// The server as tower-lsp sees it; the state lives in [`Shared`] so that background tasks
/// (the full analysis after a chunked one) can hold it.
pub(crate) struct Backend {
    shared: Arc<Shared>,
}

impl std::ops::Deref for Backend {
    type Target = Arc<Shared>;
    fn deref(&self) -> &Arc<Shared> {
        &self.shared
    }
}

impl Backend {
    pub fn new(client: Client, output: UnboundedSender<String>) -> Backend {
        let root = std::env::current_dir().unwrap_or_default();
        Backend {
            shared: Arc::new(Shared {
                client,
                documents: DocumentStore::default(),
                negotiated: OnceLock::new(),
                configs: Mutex::new(Configs::new(root, Settings::default())),
                timing: std::env::var_os("JIAODUI_LSP_TIMING").map(|_| Mutex::default()),
                output,
                shut_down: AtomicBool::new(false),
            }),
        }
    }
}

pub(crate) struct Shared {
    pub client: Client,
    pub documents: DocumentStore,
    negotiated: OnceLock<Negotiated>,
    configs: Mutex<Configs>,
    /// With `JIAODUI_LSP_TIMING` set: when each `didChange` arrived, to report on stderr how
    /// long its diagnostics took (the latency benchmark reads these lines).
    timing: Option<Mutex<HashMap<(Uri, i32), Instant>>>,
    /// The transport's outgoing queue: document diagnostics are serialized straight into it,
    /// without the copy and intermediate JSON tree tower-lsp's client would make (on a large
    /// page that is most of the time an edit costs).
    output: UnboundedSender<String>,
    /// Set when `shutdown` arrives; requests after it are left to the router, which refuses
    /// them.
    shut_down: AtomicBool,
}

impl Shared {
    pub fn negotiated(&self) -> &Negotiated {
        static DEFAULT: OnceLock<Negotiated> = OnceLock::new();
        self.negotiated
            .get()
            .unwrap_or_else(|| DEFAULT.get_or_init(Negotiated::default))
    }

    pub fn configs(&self) -> MutexGuard<'_, Configs> {
        self.configs
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Applies a document notification to the store. Called synchronously, in arrival order,
    /// by [`Sequenced`]; nothing here awaits.
    fn apply_in_order(&self, request: &Request) {
        if request.method() == "shutdown" {
            self.shut_down.store(true, Ordering::SeqCst);
        }
        let Some(params) = request.params() else {
            return;
        };
        match request.method() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params.clone()) {
                    let doc = p.text_document;
                    self.documents.open(doc.uri, doc.version, &doc.text);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params.clone())
                {
                    let encoding = self.negotiated().encoding;
                    let uri = p.text_document.uri;
                    if let Some(timing) = &self.timing {
                        if let Ok(mut timing) = timing.lock() {
                            timing.insert((uri.clone(), p.text_document.version), Instant::now());
                        }
                    }
                    if let Err(err) = self.documents.change(
                        &uri,
                        p.text_document.version,
                        &p.content_changes,
                        encoding,
                    ) {
                        self.log_later(MessageType::WARNING, format!("{}: {err}", uri.as_str()));
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params.clone())
                {
                    self.documents.close(&p.text_document.uri);
                }
            }
            _ => {}
        }
    }

    /// Sends a log message without waiting (for code that must not await).
    fn log_later(&self, typ: MessageType, message: String) {
        let client = self.client.clone();
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move { client.log_message(typ, message).await });
        }
    }

    /// The analysis of a document's current version under the current configuration, from
    /// the cache or computed (off the transport's task).
    pub async fn analysed(&self, uri: &Uri) -> Option<Arc<Analysed>> {
        let analysing = self.documents.lock().get(uri)?.analysing.clone();
        let _analysing = analysing.lock().await;
        let snapshot = self.documents.snapshot(uri)?;
        let generation = self.configs().generation();
        if let Some(cached) = self.cached(uri, snapshot.version, generation) {
            return Some(cached);
        }
        let resolved = self.configs().resolve(snapshot.path.as_deref());
        let encoding = self.negotiated().encoding;
        let today = today();
        let analysed = tokio::task::spawn_blocking(move || {
            Arc::new(analysis::analyse(&snapshot, resolved, encoding, today))
        })
        .await
        .ok()?;
        if let Some(reason) = &analysed.skipped {
            self.client
                .log_message(MessageType::WARNING, format!("{}: {reason}", uri.as_str()))
                .await;
        }
        {
            let mut documents = self.documents.lock();
            if let Some(document) = documents.get_mut(uri) {
                let newer = document.analysis.as_ref().is_none_or(|old| {
                    (old.version, old.generation) < (analysed.version, analysed.generation)
                });
                if document.version == analysed.version && newer {
                    document.analysis = Some(analysed.clone());
                    if let Some(analysis) = &analysed.analysis {
                        document.chunks = Chunks::from_analysis(
                            analysis,
                            &analysed.diagnostics,
                            &analysed.text,
                            analysed.version,
                            analysed.generation,
                        );
                        if document.chunks.is_some() {
                            document.edit_log.clear();
                            document.log_floor = analysed.version;
                        }
                    }
                }
            }
        }
        self.publish_config_reports().await;
        Some(analysed)
    }

    /// The newest full analysis of a document, of whatever version.
    fn latest_analysed(&self, uri: &Uri) -> Option<Arc<Analysed>> {
        self.documents.lock().get(uri)?.analysis.clone()
    }

    fn cached(&self, uri: &Uri, version: i32, generation: u64) -> Option<Arc<Analysed>> {
        let documents = self.documents.lock();
        let analysis = documents.get(uri)?.analysis.as_ref()?;
        (analysis.version == version && analysis.generation == generation).then(|| analysis.clone())
    }

    /// The diagnostics of a document's current version: cached, or re-checked only where
    /// edits touched (then a full analysis follows once typing pauses), or checked whole.
    pub async fn findings(self: &Arc<Self>, uri: &Uri) -> Option<Arc<Findings>> {
        let (version, rope, path) = self.documents.rope(uri)?;
        let generation = self.configs().generation();
        let (chunks, edits) = {
            let documents = self.documents.lock();
            let document = documents.get(uri)?;
            if let Some(findings) = &document.findings {
                if (findings.version, findings.generation) == (version, generation) {
                    return Some(findings.clone());
                }
            }
            match &document.chunks {
                Some(chunks) if chunks.version() >= document.log_floor => {
                    let base = chunks.version();
                    let edits: Vec<EditRange> = document
                        .edit_log
                        .iter()
                        .filter(|(v, _)| *v > base && *v <= version)
                        .map(|(_, edit)| *edit)
                        .collect();
                    (Some(chunks.clone()), edits)
                }
                _ => (None, Vec::new()),
            }
        };
        let mut findings = None;
        if let Some(mut chunks) = chunks {
            let resolved = self.configs().resolve(path.as_deref());
            let encoding = self.negotiated().encoding;
            let today = today();
            let uri_for_task = uri.clone();
            let task = tokio::task::spawn_blocking(move || {
                let result = catch_unwind(AssertUnwindSafe(|| {
                    let target = Target {
                        uri: &uri_for_task,
                        encoding,
                    };
                    chunks.update(
                        &rope,
                        version,
                        &edits,
                        resolved.generation,
                        path.as_deref(),
                        &resolved.config,
                        today,
                        &target,
                    )?;
                    Some(Findings {
                        version,
                        generation: resolved.generation,
                        exact: false,
                        json: chunks.render(),
                    })
                }));
                (chunks, result.ok().flatten())
            });
            if let Ok((chunks, Some(found))) = task.await {
                let mut documents = self.documents.lock();
                if let Some(document) = documents.get_mut(uri) {
                    if document
                        .chunks
                        .as_ref()
                        .is_some_and(|c| c.version() < chunks.version())
                    {
                        let base = chunks.version();
                        document.edit_log.retain(|(v, _)| *v > base);
                        document.log_floor = base;
                        document.chunks = Some(chunks);
                    }
                }
                findings = Some(Arc::new(found));
            }
        }
        let findings = match findings {
            Some(findings) => {
                self.check_whole_later(uri.clone(), findings.clone());
                findings
            }
            None => Arc::new(self.analysed(uri).await?.findings()),
        };
        self.remember(uri, &findings);
        Some(findings)
    }

    fn remember(&self, uri: &Uri, findings: &Arc<Findings>) {
        let mut documents = self.documents.lock();
        if let Some(document) = documents.get_mut(uri) {
            let newer = document
                .findings
                .as_ref()
                .is_none_or(|old| old.rank() < findings.rank());
            if document.version == findings.version && newer {
                document.findings = Some(findings.clone());
            }
        }
    }

    /// After a chunked result, a full analysis once typing pauses; sent to the client only if
    /// it differs (a rule that compares articles may see more than the chunk did).
    fn check_whole_later(self: &Arc<Self>, uri: Uri, chunked: Arc<Findings>) {
        let shared = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(EXACT_AFTER).await;
            if shared.documents.version(&uri) != Some(chunked.version) {
                return;
            }
            let Some(analysed) = shared.analysed(&uri).await else {
                return;
            };
            if analysed.version != chunked.version {
                return;
            }
            let exact = Arc::new(analysed.findings());
            let differs = exact.json != chunked.json;
            shared.remember(&uri, &exact);
            if !differs {
                return;
            }
            if shared.negotiated().pull_diagnostics {
                if shared.negotiated().diagnostic_refresh {
                    let _ = shared.client.workspace_diagnostic_refresh().await;
                }
            } else {
                shared.publish(&uri, &exact).await;
            }
        });
    }

    /// Pushes diagnostics for a document after a change, unless the client pulls them, or a
    /// newer change has arrived meanwhile (its own handler publishes then).
    async fn on_change(self: &Arc<Self>, uri: &Uri, version: Option<i32>) {
        if self.negotiated().pull_diagnostics {
            return;
        }
        if version.is_some() && self.documents.version(uri) != version {
            return;
        }
        if let Some(findings) = self.findings(uri).await {
            self.publish(uri, &findings).await;
        }
    }

    /// Publishes one result, unless it is stale: an older version, configuration or
    /// precision than what was published last, or not the document's version any more.
    async fn publish(&self, uri: &Uri, findings: &Findings) {
        let lock = {
            let documents = self.documents.lock();
            match documents.get(uri) {
                Some(document) => document.published.clone(),
                None => return,
            }
        };
        let mut last = lock.lock().await;
        let this = findings.rank();
        if self.documents.version(uri) != Some(findings.version)
            || last.is_some_and(|last| last >= this)
        {
            return;
        }
        self.send_diagnostics(uri, &findings.json, Some(findings.version));
        *last = Some(this);
        if let Some(timing) = &self.timing {
            let arrived = timing
                .lock()
                .ok()
                .and_then(|mut t| t.remove(&(uri.clone(), findings.version)));
            if let Some(arrived) = arrived {
                eprintln!(
                    "jiaodui lsp timing: version {} published after {} us ({})",
                    findings.version,
                    arrived.elapsed().as_micros(),
                    if findings.exact { "full" } else { "chunked" }
                );
            }
        }
    }

    /// Queues a `textDocument/publishDiagnostics` notification; `diagnostics` are the members
    /// of its JSON array, serialised (see `rendered`).
    fn send_diagnostics(&self, uri: &Uri, diagnostics: &str, version: Option<i32>) {
        let uri = serde_json::to_string(uri).expect("a URI serialises");
        let mut body = String::with_capacity(diagnostics.len() + uri.len() + 128);
        body.push_str(
            r#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        );
        body.push_str(&uri);
        body.push_str(r#","diagnostics":["#);
        body.push_str(diagnostics);
        body.push(']');
        if let Some(version) = version {
            body.push_str(r#","version":"#);
            body.push_str(itoa::Buffer::new().format(version));
        }
        body.push_str("}}");
        let _ = self.output.send(body);
    }

    /// Re-checks every open document after a configuration change: pushes, or asks a pulling
    /// client to pull again.
    async fn refresh_all(self: &Arc<Self>) {
        let negotiated = self.negotiated().clone();
        if negotiated.pull_diagnostics {
            if negotiated.diagnostic_refresh {
                let _ = self.client.workspace_diagnostic_refresh().await;
            }
        } else {
            for uri in self.documents.uris() {
                self.on_change(&uri, None).await;
            }
        }
        if negotiated.inlay_hint_refresh {
            let _ = self.client.inlay_hint_refresh().await;
        }
        self.publish_config_reports().await;
    }

    /// Shows config errors on the config file (and clears them once fixed). These are always
    /// pushed: the config file is not a document the client pulls from this server.
    async fn publish_config_reports(&self) {
        let reports = self.configs().take_reports();
        for (path, error) in reports {
            let Some(uri) = Uri::from_file_path(&path) else {
                continue;
            };
            let diagnostics = match &error {
                Some(error) => {
                    if let Some(e) = Some(error) {
                        self.client
                            .log_message(MessageType::ERROR, format!("config error: {e}"))
                            .await;
                    }
                    vec![config_diagnostic(&path, error, self.negotiated())]
                }
                None => Vec::new(),
            };
            self.client
                .publish_diagnostics(uri, diagnostics, None)
                .await;
        }
    }

    async fn register_watchers(&self) {
        if !self.negotiated().watch_files {
            return;
        }
        let watchers = [
            "**/jiaodui.toml",
            "**/.jiaodui.toml",
            "**/*.toml",
            "**/*.csv",
        ]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.into()),
            kind: None,
        })
        .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "jiaodui-watch-config".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(err) = self.client.register_capability(vec![registration]).await {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!("cannot watch config files: {err}"),
                )
                .await;
        }
    }
}

/// Today's date from the clock both faces share. `main` checked a pinned date before the
/// server started, so reading it cannot fail here.
fn today() -> jiff::civil::Date {
    crate::clock::today().expect("the pinned date was checked before the server started")
}

fn config_diagnostic(
    path: &std::path::Path,
    error: &crate::config::ConfigError,
    negotiated: &Negotiated,
) -> Diagnostic {
    let source = std::fs::read_to_string(path).unwrap_or_default();
    let index = LineIndex::new(&source);
    let line = error.line.map_or(0, |l| l.saturating_sub(1));
    let at = Positions {
        text: &source,
        index: &index,
        encoding: negotiated.encoding,
    };
    let start = index.line_start(line).unwrap_or(0);
    let end = if line < index.line_count() {
        index.line_content_end(&source, line)
    } else {
        start
    };
    let message = match &error.key {
        Some(key) => format!("`{key}`: {}", error.message),
        None => error.message.clone(),
    };
    Diagnostic {
        range: at.range(crate::text::Span::new(start, end.max(start))),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config".into())),
        source: Some(convert::SOURCE.into()),
        message,
        ..Default::default()
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let negotiated = Negotiated::from_params(&params);
        let capabilities = negotiated.server_capabilities();
        let _ = self.negotiated.set(negotiated);
        #[allow(deprecated)]
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first())
            .and_then(|folder| file_path(&folder.uri))
            .or_else(|| params.root_uri.as_ref().and_then(file_path));
        let settings = params
            .initialization_options
            .as_ref()
            .map(Settings::from_json)
            .unwrap_or_default();
        {
            let mut configs = self.configs();
            let root: PathBuf = root.unwrap_or_else(|| configs.root().to_path_buf());
            *configs = Configs::new(root, settings);
        }
        Ok(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "jiaodui".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.register_watchers().await;
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.on_change(&doc.uri, Some(doc.version)).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let doc = params.text_document;
        self.on_change(&doc.uri, Some(doc.version)).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        if !self.negotiated().pull_diagnostics {
            self.send_diagnostics(&params.text_document.uri, "", None);
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let settings = Settings::from_json(&params.settings);
        self.configs().set_settings(settings);
        self.refresh_all().await;
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.configs().reload();
        self.refresh_all().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> jsonrpc::Result<DocumentDiagnosticReportResult> {
        let findings = self.findings(&params.text_document.uri).await;
        Ok(handlers::diagnostics::report(
            findings.as_deref(),
            params.previous_result_id.as_deref(),
        ))
    }

    async fn code_action(
        &self,
        params: CodeActionParams,
    ) -> jsonrpc::Result<Option<CodeActionResponse>> {
        // Quick fixes come from the diagnostics' data; the analysis is needed only for the
        // config file and the draft's front matter (the latest one will do) and for fix-all.
        let uri = &params.text_document.uri;
        let wants_fix_all = params.context.only.as_ref().is_some_and(|only| {
            only.iter()
                .any(|k| FIX_ALL_KIND.starts_with(k.as_str()) && k.as_str() != "")
        });
        let analysed = if wants_fix_all {
            self.analysed(uri).await
        } else {
            match self.latest_analysed(uri) {
                Some(analysed) => Some(analysed),
                None => self.analysed(uri).await,
            }
        };
        let Some(analysed) = analysed else {
            return Ok(None);
        };
        let negotiated = self.negotiated().clone();
        let path = self
            .documents
            .snapshot(&params.text_document.uri)
            .and_then(|s| s.path);
        let today = today();
        let actions = tokio::task::spawn_blocking(move || {
            handlers::code_action::actions(&params, &analysed, path.as_deref(), &negotiated, today)
        })
        .await
        .unwrap_or_default();
        Ok((!actions.is_empty()).then_some(actions))
    }

    async fn code_action_resolve(&self, action: CodeAction) -> jsonrpc::Result<CodeAction> {
        let Some(uri) = handlers::code_action::deferred_fix_all(&action) else {
            return Ok(action);
        };
        let Some(analysed) = self.analysed(&uri).await else {
            return Ok(action);
        };
        let negotiated = self.negotiated().clone();
        let path = file_path(&uri);
        let today = today();
        let resolved = tokio::task::spawn_blocking(move || {
            handlers::code_action::fix_all_action(
                &uri,
                &analysed,
                path.as_deref(),
                &negotiated,
                today,
            )
        })
        .await
        .ok()
        .flatten();
        Ok(resolved.unwrap_or(action))
    }

    async fn formatting(
        &self,
        params: DocumentFormattingParams,
    ) -> jsonrpc::Result<Option<Vec<TextEdit>>> {
        let Some(analysed) = self.analysed(&params.text_document.uri).await else {
            return Ok(None);
        };
        let path = self
            .documents
            .snapshot(&params.text_document.uri)
            .and_then(|s| s.path);
        let today = today();
        let edits = tokio::task::spawn_blocking(move || {
            handlers::formatting::safe_fix_edits(&analysed, path.as_deref(), today)
        })
        .await
        .unwrap_or_default();
        Ok(Some(edits))
    }

    async fn hover(&self, params: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let Some(analysed) = self.analysed(&position.text_document.uri).await else {
            return Ok(None);
        };
        Ok(handlers::hover::hover(&analysed, position.position))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        let Some(analysed) = self.analysed(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(DocumentSymbolResponse::Nested(
            handlers::symbols::symbols(&analysed),
        )))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> jsonrpc::Result<Option<Vec<InlayHint>>> {
        let Some(analysed) = self.analysed(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(handlers::inlay_hints::hints(&analysed, params.range)))
    }

    async fn completion(
        &self,
        params: CompletionParams,
    ) -> jsonrpc::Result<Option<CompletionResponse>> {
        let position = params.text_document_position;
        let Some(analysed) = self.analysed(&position.text_document.uri).await else {
            return Ok(None);
        };
        let items =
            handlers::completion::items(&analysed, position.position, self.negotiated().snippets);
        Ok((!items.is_empty()).then_some(CompletionResponse::Array(items)))
    }
}

/// The service the transport drives: applies document notifications in arrival order (see
/// the module docs), then hands every message to tower-lsp's router, with panics caught.
pub(crate) struct Sequenced {
    inner: LspService<Backend>,
}

impl Sequenced {
    pub fn new(inner: LspService<Backend>) -> Sequenced {
        Sequenced { inner }
    }

    /// `textDocument/diagnostic` answered without the router, the report written straight
    /// from the serialised findings (the router would first turn thousands of diagnostics
    /// into a tree of JSON values): the future gives the response's body. `None` leaves the
    /// request to the router: before `initialize`, after `shutdown`, or with params it
    /// cannot read.
    pub fn answer_directly(&self, request: &Request) -> Option<BoxFuture<'static, String>> {
        if request.method() != "textDocument/diagnostic" {
            return None;
        }
        let shared = self.inner.inner().shared.clone();
        if shared.negotiated.get().is_none() || shared.shut_down.load(Ordering::SeqCst) {
            return None;
        }
        let id = request.id()?.clone();
        let params: DocumentDiagnosticParams =
            serde_json::from_value(request.params()?.clone()).ok()?;
        let answer = {
            let id = id.clone();
            async move {
                let findings = shared.findings(&params.text_document.uri).await;
                handlers::diagnostics::response_json(
                    &id,
                    findings.as_deref(),
                    params.previous_result_id.as_deref(),
                )
            }
        };
        Some(
            AssertUnwindSafe(answer)
                .catch_unwind()
                .map(move |result| {
                    result.unwrap_or_else(|_| {
                        eprintln!("jiaodui lsp: panic while pulling diagnostics; still serving");
                        let error = Response::from_error(id, jsonrpc::Error::internal_error());
                        serde_json::to_string(&error).unwrap_or_default()
                    })
                })
                .boxed(),
        )
    }
}

impl Service<Request> for Sequenced {
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = BoxFuture<'static, Result<Option<Response>, ExitedError>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), ExitedError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let id = request.id().cloned();
        let method = request.method().to_owned();
        let backend = self.inner.inner();
        if catch_unwind(AssertUnwindSafe(|| backend.apply_in_order(&request))).is_err() {
            eprintln!("jiaodui lsp: panic while applying {method}; the document is unchanged");
        }
        let future = self.inner.call(request);
        AssertUnwindSafe(future)
            .catch_unwind()
            .map(move |result| match result {
                Ok(response) => response,
                Err(_) => {
                    eprintln!("jiaodui lsp: panic while handling {method}; still serving");
                    Ok(id.map(|id| Response::from_error(id, jsonrpc::Error::internal_error())))
                }
            })
            .boxed()
    }
}
