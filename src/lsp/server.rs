//! The server: one dispatcher and the state it shares with the workers. Notifications are
//! handled on the loop, in arrival order (edits never interleave); requests only read, each
//! on a worker thread under `catch_unwind` (a panic answers it with an internal error). The
//! work on a snapshot — analysing, re-checking after edits, publishing (never an older result
//! after a newer one) — is [`Shared`]'s. See ARCHITECTURE.md, "The language server".

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use ls_types::notification::{self as n, Notification as _};
use ls_types::request::{self as r, Request as _};
use ls_types::{MessageType, Uri};
use lsp_server::{Message, Notification, Request};
use serde_json::{json, Value};

use super::analysis::{self, Analysed, Findings};
use super::capabilities::{Negotiated, FIX_ALL_KIND};
use super::documents::{file_path, DocumentStore};
use super::handlers::{self, code_action};
use super::incremental::EditRange;
use super::transport::Output;
use super::workspace::{today, Configs, Settings};

/// How long typing must pause before a chunked result is followed by a full analysis.
const EXACT_AFTER: Duration = Duration::from_millis(300);
const WORKERS: usize = 4;

/// What the main loop waits for.
pub(crate) enum Event {
    Message(Message),
    /// Input ended: the client is gone.
    Closed,
    /// A chunked result was sent; check the page whole once typing pauses.
    CheckWhole(Uri, Arc<Findings>),
}

type Job = Box<dyn FnOnce() + Send>;
/// A deadline's work: a full check of a page after a chunked result.
type Timer = (Uri, Arc<Findings>);

/// Serves until `exit` or the end of input.
pub(crate) fn serve(incoming: Receiver<Event>, events: Sender<Event>, out: Output) {
    let (jobs, queue) = crossbeam_channel::unbounded::<Job>();
    for _ in 0..WORKERS {
        let queue = queue.clone();
        // Requests catch their own panics; this keeps the thread for other work.
        std::thread::spawn(move || {
            let mut worked = false;
            loop {
                let job = match worked {
                    true => queue.recv_timeout(super::memory::IDLE),
                    false => queue.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                worked = job.is_ok();
                match job {
                    Ok(job) => drop(catch_unwind(AssertUnwindSafe(job))),
                    Err(RecvTimeoutError::Timeout) => super::memory::collect_idle(),
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
        });
    }
    let shared = Shared {
        out: out.clone(),
        events,
        documents: DocumentStore::default(),
        negotiated: OnceLock::new(),
        configs: Mutex::new(Configs::new(std::env::current_dir().unwrap_or_default())),
        timing: std::env::var_os("JIAODUI_LSP_TIMING").map(|_| Mutex::default()),
    };
    let mut server = Server {
        shared: Arc::new(shared),
        jobs,
        initialized: false,
        shut_down: false,
        timers: vec![],
    };
    // When the loop, idle since its last event, gives back memory (see `memory`).
    let mut idle_at = None;
    loop {
        let event = match server.timers.iter().map(|(at, _)| *at).chain(idle_at).min() {
            Some(at) => incoming.recv_deadline(at),
            None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        if event.is_ok() {
            idle_at = Some(Instant::now() + super::memory::IDLE);
        } else if idle_at.is_some_and(|at| at <= Instant::now()) {
            idle_at = None;
            super::memory::trim();
        }
        match event {
            Ok(Event::Message(Message::Request(request))) => server.request(request),
            Ok(Event::Message(Message::Notification(n))) if n.method == n::Exit::METHOD => break,
            Ok(Event::Message(Message::Notification(notification))) => {
                let method = notification.method.clone();
                if catch_unwind(AssertUnwindSafe(|| server.notification(notification))).is_err() {
                    eprintln!("jiaodui lsp: panic while handling {method}; still serving");
                }
            }
            // Answers to the server's own requests: nothing waits for them.
            Ok(Event::Message(Message::Response(_))) => {}
            Ok(Event::CheckWhole(uri, chunked)) => server
                .timers
                .push((Instant::now() + EXACT_AFTER, (uri, chunked))),
            Err(RecvTimeoutError::Timeout) => server.fire_timers(),
            Ok(Event::Closed) | Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    // Everything already queued (responses, diagnostics) is written before the process ends.
    out.flush(Duration::from_secs(1));
}

struct Server {
    shared: Arc<Shared>,
    jobs: Sender<Job>,
    initialized: bool,
    shut_down: bool,
    timers: Vec<(Instant, Timer)>,
}

impl Server {
    fn spawn(&self, job: impl FnOnce(&Arc<Shared>) + Send + 'static) {
        let shared = self.shared.clone();
        let _ = self.jobs.send(Box::new(move || job(&shared)));
    }

    fn request(&mut self, request: Request) {
        let (out, id) = (self.shared.out.clone(), &request.id);
        match request.method.as_str() {
            r::Initialize::METHOD if self.initialized => {
                out.error(id, -32600, "already initialized")
            }
            r::Initialize::METHOD => {
                self.initialized = true;
                out.respond(id, &self.initialize(&request.params).to_string());
            }
            _ if !self.initialized => out.error(id, -32002, "server not initialized"),
            _ if self.shut_down => out.error(id, -32600, "server is shutting down"),
            r::Shutdown::METHOD => {
                self.shut_down = true;
                out.respond(id, "null");
            }
            _ => Dispatch {
                server: self,
                request: Some(request),
            }
            .raw::<r::DocumentDiagnosticRequest>(|s, p| {
                let uri = &p.text_document.uri;
                let findings = s.findings(uri);
                let previous = p.previous_result_id.as_deref();
                let report = handlers::diagnostics::report(findings.as_deref(), previous);
                if let Some(findings) = &findings {
                    s.check_later(uri, findings);
                }
                report
            })
            .on::<r::CodeActionRequest>(|s, p| {
                // Quick fixes come from the diagnostics' data; the analysis is needed only for
                // the config file and the front matter (the latest will do) and for fix-all.
                let uri = &p.text_document.uri;
                let fix_all = (p.context.only.iter().flatten())
                    .any(|k| !k.as_str().is_empty() && FIX_ALL_KIND.starts_with(k.as_str()));
                let latest = (!fix_all).then(|| s.documents.lock().get(uri)?.analysis.clone());
                let analysed = latest.flatten().or_else(|| s.analysed(uri))?;
                code_action::actions(&p, &analysed, s.negotiated())
            })
            .on::<r::CodeActionResolveRequest>(|s, action| {
                let uri = code_action::deferred_fix_all(&action);
                let fixed = uri.and_then(|uri| {
                    code_action::fix_all_action(&uri, &*s.analysed(&uri)?, s.negotiated())
                });
                fixed.unwrap_or(action)
            })
            .on::<r::Formatting>(|s, p| {
                let analysed = s.analysed(&p.text_document.uri)?;
                Some(code_action::safe_fix_edits(&analysed))
            })
            .on::<r::HoverRequest>(|s, p| {
                let at = p.text_document_position_params;
                let analysed = s.analysed(&at.text_document.uri)?;
                handlers::hover::hover(&analysed, at.position)
            })
            .on::<r::DocumentSymbolRequest>(|s, p| {
                let analysed = s.analysed(&p.text_document.uri)?;
                Some(handlers::symbols::symbols(&analysed))
            })
            .on::<r::InlayHintRequest>(|s, p| {
                let analysed = s.analysed(&p.text_document.uri)?;
                Some(handlers::inlay_hints::hints(&analysed, p.range))
            })
            .on::<r::Completion>(|s, p| {
                let at = p.text_document_position;
                let analysed = s.analysed(&at.text_document.uri)?;
                handlers::completion::items(&analysed, at.position, s.negotiated().snippets)
            })
            .finish(),
        }
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let negotiated = Negotiated::from_params(params);
        let capabilities = negotiated.server_capabilities();
        let _ = self.shared.negotiated.set(negotiated);
        let folder = (params.pointer("/workspaceFolders/0/uri")).or_else(|| params.get("rootUri"));
        let root = folder
            .and_then(|uri| serde_json::from_value::<Uri>(uri.clone()).ok())
            .and_then(|uri| file_path(&uri));
        let settings = params.get("initializationOptions").map(Settings::from_json);
        let settings = settings.unwrap_or_default();
        self.shared.configs().restart(root, settings);
        json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "jiaodui", "version": env!("CARGO_PKG_VERSION")},
        })
    }

    fn notification(&mut self, Notification { method, params }: Notification) -> Option<()> {
        let shared = self.shared.clone();
        match method.as_str() {
            n::Initialized::METHOD => shared.register_watchers(),
            n::DidOpenTextDocument::METHOD => {
                let doc = parse::<n::DidOpenTextDocument>(params)?.text_document;
                (shared.documents).open(doc.uri.clone(), doc.version, &doc.text);
                self.spawn(move |s| s.on_change(&doc.uri, Some(doc.version)));
            }
            n::DidChangeTextDocument::METHOD => {
                let p = parse::<n::DidChangeTextDocument>(params)?;
                let (doc, changes) = (p.text_document, p.content_changes);
                shared.note_arrival(&doc.uri, doc.version);
                let encoding = shared.negotiated().encoding;
                let changed = (shared.documents).change(&doc.uri, doc.version, &changes, encoding);
                if let Err(err) = changed {
                    shared.log(MessageType::WARNING, format!("{}: {err}", doc.uri.as_str()));
                }
                self.spawn(move |s| s.on_change(&doc.uri, Some(doc.version)));
            }
            n::DidCloseTextDocument::METHOD => {
                let uri = parse::<n::DidCloseTextDocument>(params)?.text_document.uri;
                shared.documents.close(&uri);
                if !shared.negotiated().pull_diagnostics {
                    (shared.out).send(publish_diagnostics(&uri, "", None));
                }
            }
            n::DidChangeConfiguration::METHOD => {
                let settings = parse::<n::DidChangeConfiguration>(params)?.settings;
                shared
                    .configs()
                    .set_settings(Settings::from_json(&settings));
                self.refresh_all();
            }
            n::DidChangeWatchedFiles::METHOD => {
                shared.configs().reload();
                self.refresh_all();
            }
            _ => {}
        }
        Some(())
    }

    /// Re-checks every open document after a configuration change: pushes, or asks a pulling
    /// client to pull again.
    fn refresh_all(&self) {
        let negotiated = self.shared.negotiated();
        if !negotiated.pull_diagnostics {
            for uri in self.shared.documents.uris() {
                self.spawn(move |s| s.on_change(&uri, None));
            }
        } else {
            self.shared.ask_to_pull();
        }
        if negotiated.inlay_hint_refresh {
            self.shared
                .out
                .request("workspace/inlayHint/refresh", Value::Null);
        }
        self.spawn(|s| s.publish_config_reports());
    }

    fn fire_timers(&mut self) {
        let now = Instant::now();
        let (due, later) = std::mem::take(&mut self.timers)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.timers = later;
        for (_, (uri, chunked)) in due {
            self.spawn(move |s| s.check_whole(&uri, &chunked));
        }
    }
}

/// A notification's params, if they parse.
fn parse<N: n::Notification>(params: Value) -> Option<N::Params> {
    let parsed = serde_json::from_value(params);
    parsed
        .inspect_err(|err| eprintln!("jiaodui lsp: notification ignored: {err}"))
        .ok()
}

/// Hands a request to the first handler registered for its method, as rust-analyzer's
/// `RequestDispatcher` does; `finish` answers one nobody took.
struct Dispatch<'a> {
    server: &'a Server,
    request: Option<Request>,
}

impl Dispatch<'_> {
    fn on<R: r::Request>(self, handler: fn(&Shared, R::Params) -> R::Result) -> Self {
        self.raw::<R>(move |shared, params| {
            serde_json::to_string(&handler(shared, params)).unwrap_or_else(|_| "null".into())
        })
    }

    /// Reads the params here, in order, and answers on a worker thread with what `handler`
    /// returns (JSON text); a panic there answers with an internal error.
    fn raw<R: r::Request>(
        mut self,
        handler: impl FnOnce(&Shared, R::Params) -> String + Send + 'static,
    ) -> Self {
        let Some(Request { id, method, params }) = self.request.take_if(|r| r.method == R::METHOD)
        else {
            return self;
        };
        let out = &self.server.shared.out;
        match serde_json::from_value::<R::Params>(params) {
            Err(err) => out.error(&id, -32602, &format!("invalid params: {err}")),
            Ok(params) => self.server.spawn(move |shared| {
                match catch_unwind(AssertUnwindSafe(|| handler(shared, params))) {
                    Ok(result) => shared.out.respond(&id, &result),
                    Err(_) => {
                        eprintln!("jiaodui lsp: panic while handling {method}; still serving");
                        shared.out.error(&id, -32603, "internal error");
                    }
                }
            }),
        }
        self
    }

    fn finish(self) {
        if let Some(request) = self.request {
            self.server
                .shared
                .out
                .error(&request.id, -32601, "method not found");
        }
    }
}

pub(crate) struct Shared {
    pub out: Output,
    events: Sender<Event>,
    pub documents: DocumentStore,
    pub negotiated: OnceLock<Negotiated>,
    configs: Mutex<Configs>,
    /// With `JIAODUI_LSP_TIMING` set: when each `didChange` arrived, to report on stderr how
    /// long its diagnostics took (the latency benchmark reads these lines).
    timing: Option<Mutex<HashMap<(Uri, i32), Instant>>>,
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while a lock was held leaves the data whole (every change under these locks is
    // completed or not started), so a poisoned lock is still usable.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub fn negotiated(&self) -> &Negotiated {
        static DEFAULT: OnceLock<Negotiated> = OnceLock::new();
        self.negotiated
            .get()
            .unwrap_or_else(|| DEFAULT.get_or_init(Negotiated::default))
    }

    pub fn configs(&self) -> MutexGuard<'_, Configs> {
        lock(&self.configs)
    }

    pub fn log(&self, typ: MessageType, message: String) {
        let params = json!({"type": typ, "message": message});
        let log = json!({"jsonrpc": "2.0", "method": "window/logMessage", "params": params});
        self.out.send(log.to_string());
    }

    pub fn note_arrival(&self, uri: &Uri, version: i32) {
        if let Some(timing) = &self.timing {
            lock(timing).insert((uri.clone(), version), Instant::now());
        }
    }

    /// The analysis of a document's current version under the current configuration, from
    /// the cache or computed. Requests arriving meanwhile wait for it and share it.
    pub fn analysed(&self, uri: &Uri) -> Option<Arc<Analysed>> {
        let analysing = self.documents.lock().get(uri)?.analysing.clone();
        let _analysing = lock(&analysing);
        let snapshot = self.documents.snapshot(uri)?;
        let generation = self.configs().generation();
        if let Some(analysed) = self.documents.lock().get(uri)?.analysis.clone() {
            if (analysed.version, analysed.generation) == (snapshot.version, generation) {
                return Some(analysed);
            }
        }
        let resolved = self.configs().resolve(snapshot.path.as_deref());
        let encoding = self.negotiated().encoding;
        let analysed = Arc::new(analysis::analyse(&snapshot, resolved, encoding, today()));
        if let Some(reason) = &analysed.skipped {
            self.log(MessageType::WARNING, format!("{}: {reason}", uri.as_str()));
        }
        if let Some(document) = self.documents.lock().get_mut(uri) {
            document.remember_analysis(&analysed);
        }
        self.publish_config_reports();
        Some(analysed)
    }

    /// The diagnostics of a document's current version: cached, or re-checked only where
    /// edits touched (see [`Shared::check_later`]), or checked whole.
    pub fn findings(&self, uri: &Uri) -> Option<Arc<Findings>> {
        let page = self.documents.snapshot(uri)?;
        let version = page.version;
        let generation = self.configs().generation();
        let (chunks, edits) = {
            let documents = self.documents.lock();
            let document = documents.get(uri)?;
            if let Some(findings) = document.findings.as_ref() {
                if (findings.version, findings.generation) == (version, generation) {
                    return Some(findings.clone());
                }
            }
            let chunks = (document.chunks.clone()).filter(|c| c.version() >= document.log_floor);
            let base = chunks.as_ref().map_or(i32::MAX, |c| c.version());
            let edits: Vec<EditRange> = (document.edit_log.iter())
                .filter(|(v, _)| *v > base && *v <= version)
                .map(|(_, edit)| *edit)
                .collect();
            (chunks, edits)
        };
        let chunked = chunks.and_then(|mut chunks| {
            let resolved = self.configs().resolve(page.path.as_deref());
            let encoding = self.negotiated().encoding;
            let update = || chunks.update(&page, &edits, &resolved, encoding, today());
            catch_unwind(AssertUnwindSafe(update)).ok().flatten()?;
            let json = chunks.render();
            if let Some(document) = self.documents.lock().get_mut(uri) {
                document.advance_chunks(chunks);
            }
            Some(Findings {
                version,
                generation: resolved.generation,
                exact: false,
                json,
            })
        });
        let findings = match chunked {
            Some(chunked) => Arc::new(chunked),
            None => Arc::new(self.analysed(uri)?.findings()),
        };
        self.remember(uri, &findings);
        Some(findings)
    }

    fn remember(&self, uri: &Uri, findings: &Arc<Findings>) {
        if let Some(document) = self.documents.lock().get_mut(uri) {
            let newer = document
                .findings
                .as_ref()
                .is_none_or(|old| old.rank() < findings.rank());
            if document.version == findings.version && newer {
                document.findings = Some(findings.clone());
            }
        }
    }

    /// Has a chunked result followed by a full analysis once typing pauses. Called after the
    /// result is on its way, so that waking the main loop does not delay it.
    pub fn check_later(&self, uri: &Uri, findings: &Arc<Findings>) {
        if !findings.exact {
            let _ = (self.events).send(Event::CheckWhole(uri.clone(), findings.clone()));
        }
    }

    /// After a chunked result, once typing has paused: the full analysis, sent to the client
    /// only if it differs (a rule that compares articles may see more than the chunk did).
    pub fn check_whole(&self, uri: &Uri, chunked: &Findings) {
        if self.documents.version(uri) != Some(chunked.version) {
            return;
        }
        let analysed = self.analysed(uri).filter(|a| a.version == chunked.version);
        let Some(analysed) = analysed else { return };
        let exact = Arc::new(analysed.findings());
        self.remember(uri, &exact);
        if exact.json == chunked.json {
            return;
        }
        match self.negotiated().pull_diagnostics {
            false => self.publish(uri, &exact),
            true => self.ask_to_pull(),
        }
    }

    /// Has a pulling client pull diagnostics again, if it can be asked.
    fn ask_to_pull(&self) {
        if self.negotiated().diagnostic_refresh {
            (self.out).request("workspace/diagnostic/refresh", Value::Null);
        }
    }

    /// Pushes diagnostics for a document after a change, unless the client pulls them, or a
    /// newer change has arrived meanwhile (its own job publishes then).
    pub fn on_change(&self, uri: &Uri, version: Option<i32>) {
        if self.negotiated().pull_diagnostics
            || version.is_some() && self.documents.version(uri) != version
        {
            return;
        }
        if let Some(findings) = self.findings(uri) {
            self.publish(uri, &findings);
            self.check_later(uri, &findings);
        }
    }

    /// Publishes one result, unless it is stale: an older version, configuration or
    /// precision than what was published last, or not the document's version any more.
    fn publish(&self, uri: &Uri, findings: &Findings) {
        let Some(published) = self.documents.lock().get(uri).map(|d| d.published.clone()) else {
            return;
        };
        let mut last = lock(&published);
        let this = findings.rank();
        if self.documents.version(uri) != Some(findings.version) || last.is_some_and(|l| l >= this)
        {
            return;
        }
        let body = publish_diagnostics(uri, &findings.json, Some(findings.version));
        // Timed when the message is ready, before the writer thread is woken: it may take the
        // core from this thread for as long as the client needs to read megabytes.
        let arrived = self
            .timing
            .as_ref()
            .and_then(|t| lock(t).remove(&(uri.clone(), findings.version)));
        let took = arrived.map(|arrived| arrived.elapsed());
        self.out.send(body);
        *last = Some(this);
        if let Some(took) = took {
            eprintln!(
                "jiaodui lsp timing: version {} published after {} us ({})",
                findings.version,
                took.as_micros(),
                if findings.exact { "full" } else { "chunked" }
            );
        }
    }

    /// Shows config errors on the config file (and clears them once fixed). These are always
    /// pushed: the config file is not a document the client pulls from this server.
    pub fn publish_config_reports(&self) {
        let reports = self.configs().take_reports();
        for (path, error) in reports {
            let Some(uri) = Uri::from_file_path(&path) else {
                continue;
            };
            let diagnostic = error.map(|error| {
                self.log(MessageType::ERROR, format!("config error: {error}"));
                handlers::diagnostics::config_diagnostic(&path, &error, self.negotiated().encoding)
            });
            let json =
                diagnostic.map(|d| serde_json::to_string(&d).expect("a diagnostic serialises"));
            (self.out).send(publish_diagnostics(&uri, &json.unwrap_or_default(), None));
        }
    }

    /// Asks the client to report changes to config and gazetteer files.
    pub fn register_watchers(&self) {
        if self.negotiated().watch_files {
            let globs = [
                "**/jiaodui.toml",
                "**/.jiaodui.toml",
                "**/*.toml",
                "**/*.csv",
            ];
            let watchers: Vec<_> = globs.map(|glob| json!({"globPattern": glob})).into();
            let registration = json!({"id": "jiaodui-watch-config",
                "method": "workspace/didChangeWatchedFiles", "registerOptions": {"watchers": watchers}});
            (self.out).request(
                "client/registerCapability",
                json!({"registrations": [registration]}),
            );
        }
    }
}

/// A `textDocument/publishDiagnostics` notification; `diagnostics` are the members of its JSON
/// array, serialised (see `rendered`).
fn publish_diagnostics(uri: &Uri, diagnostics: &str, version: Option<i32>) -> String {
    let uri = serde_json::to_string(uri).expect("a URI serialises");
    let version = version.map(|v| format!(r#","version":{v}"#));
    // One allocation of the right size: a page's findings run to megabytes.
    [
        r#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        &uri,
        r#","diagnostics":["#,
        diagnostics,
        "]",
        version.as_deref().unwrap_or_default(),
        "}}",
    ]
    .concat()
}
