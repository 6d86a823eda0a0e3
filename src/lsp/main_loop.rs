//! The one dispatcher: notifications are handled here, in arrival order (edits never
//! interleave); requests only read, each on a worker thread under `catch_unwind` (a panic
//! answers it with an internal error). See ARCHITECTURE.md, "The language server".

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use ls_types::notification::{self as n, Notification as _};
use ls_types::request::{self as r, Request as _};
use ls_types::{CompletionResponse, DocumentSymbolResponse, MessageType, Uri};
use lsp_server::{Message, Notification, Request};
use serde_json::Value;

use super::analysis::Findings;
use super::capabilities::{Negotiated, FIX_ALL_KIND};
use super::documents::file_path;
use super::handlers::{self, code_action};
use super::server::Shared;
use super::transport::Output;
use super::workspace::Settings;

/// How long typing must pause before a chunked result is followed by a full analysis.
const EXACT_AFTER: Duration = Duration::from_millis(300);
/// How long after the last large document closed memory is given back (see `memory`).
const TRIM_AFTER: Duration = Duration::from_secs(1);
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
/// A deadline's work: a full check of a page after a chunked result, or (`None`) a trim.
type Timer = Option<(Uri, Arc<Findings>)>;

/// Serves until `exit` or the end of input.
pub(crate) fn serve(incoming: Receiver<Event>, events: Sender<Event>, out: Output) {
    let (jobs, queue) = crossbeam_channel::unbounded::<Job>();
    for _ in 0..WORKERS {
        let queue = queue.clone();
        // Requests catch their own panics; this keeps the thread for other work.
        std::thread::spawn(move || {
            queue
                .iter()
                .for_each(|job| drop(catch_unwind(AssertUnwindSafe(job))))
        });
    }
    let shared = Arc::new(Shared::new(out.clone(), events));
    let mut server = Server {
        shared,
        jobs,
        initialized: false,
        shut_down: false,
        timers: vec![],
    };
    loop {
        let event = match server.timers.iter().map(|(at, _)| *at).min() {
            Some(at) => incoming.recv_deadline(at),
            None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
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
                .push((Instant::now() + EXACT_AFTER, Some((uri, chunked)))),
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
                let actions = code_action::actions(&p, &analysed, s.negotiated());
                (!actions.is_empty()).then_some(actions)
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
                Some(DocumentSymbolResponse::Nested(handlers::symbols::symbols(
                    &analysed,
                )))
            })
            .on::<r::InlayHintRequest>(|s, p| {
                let analysed = s.analysed(&p.text_document.uri)?;
                Some(handlers::inlay_hints::hints(&analysed, p.range))
            })
            .on::<r::Completion>(|s, p| {
                let at = p.text_document_position;
                let analysed = s.analysed(&at.text_document.uri)?;
                let items =
                    handlers::completion::items(&analysed, at.position, s.negotiated().snippets);
                (!items.is_empty()).then_some(CompletionResponse::Array(items))
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
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "jiaodui", "version": env!("CARGO_PKG_VERSION")},
        })
    }

    fn notification(&mut self, Notification { method, params }: Notification) {
        let shared = self.shared.clone();
        match method.as_str() {
            n::Initialized::METHOD => shared.register_watchers(),
            n::DidOpenTextDocument::METHOD => self.on::<n::DidOpenTextDocument>(params, |s, p| {
                let doc = p.text_document;
                if (shared.documents).open(doc.uri.clone(), doc.version, &doc.text) {
                    s.trim_later();
                }
                s.spawn(move |s| s.on_change(&doc.uri, Some(doc.version)));
            }),
            n::DidChangeTextDocument::METHOD => {
                self.on::<n::DidChangeTextDocument>(params, |s, p| {
                    let (doc, changes) = (p.text_document, p.content_changes);
                    shared.note_arrival(&doc.uri, doc.version);
                    let encoding = shared.negotiated().encoding;
                    let changed =
                        (shared.documents).change(&doc.uri, doc.version, &changes, encoding);
                    if let Err(err) = changed {
                        shared.log(MessageType::WARNING, format!("{}: {err}", doc.uri.as_str()));
                    }
                    s.spawn(move |s| s.on_change(&doc.uri, Some(doc.version)));
                })
            }
            n::DidCloseTextDocument::METHOD => {
                self.on::<n::DidCloseTextDocument>(params, |s, p| {
                    if shared.documents.close(&p.text_document.uri) {
                        s.trim_later();
                    }
                    if !shared.negotiated().pull_diagnostics {
                        shared.send_diagnostics(&p.text_document.uri, "", None);
                    }
                })
            }
            n::DidChangeConfiguration::METHOD => {
                self.on::<n::DidChangeConfiguration>(params, |s, p| {
                    shared
                        .configs()
                        .set_settings(Settings::from_json(&p.settings));
                    s.refresh_all();
                })
            }
            n::DidChangeWatchedFiles::METHOD => {
                shared.configs().reload();
                self.refresh_all();
            }
            _ => {}
        }
    }

    /// Runs `handler` on a notification's params, if they parse.
    fn on<N: n::Notification>(
        &mut self,
        params: Value,
        handler: impl FnOnce(&mut Self, N::Params),
    ) {
        match serde_json::from_value(params) {
            Ok(params) => handler(self, params),
            Err(err) => eprintln!("jiaodui lsp: notification ignored: {err}"),
        }
    }

    /// Re-checks every open document after a configuration change: pushes, or asks a pulling
    /// client to pull again.
    fn refresh_all(&self) {
        let negotiated = self.shared.negotiated();
        if !negotiated.pull_diagnostics {
            for uri in self.shared.documents.uris() {
                self.spawn(move |s| s.on_change(&uri, None));
            }
        } else if negotiated.diagnostic_refresh {
            self.shared
                .out
                .request("workspace/diagnostic/refresh", Value::Null);
        }
        if negotiated.inlay_hint_refresh {
            self.shared
                .out
                .request("workspace/inlayHint/refresh", Value::Null);
        }
        self.spawn(|s| s.publish_config_reports());
    }

    /// Gives memory back a moment after the last large document closed (when analyses still
    /// running on it have finished); a later close postpones it.
    fn trim_later(&mut self) {
        self.timers.retain(|(_, timer)| timer.is_some());
        self.timers.push((Instant::now() + TRIM_AFTER, None));
    }

    fn fire_timers(&mut self) {
        let now = Instant::now();
        let (due, later) = std::mem::take(&mut self.timers)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.timers = later;
        for (_, timer) in due {
            match timer {
                Some((uri, chunked)) => self.spawn(move |s| s.check_whole(&uri, &chunked)),
                None => self.spawn(|_| super::memory::trim()),
            }
        }
    }
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
