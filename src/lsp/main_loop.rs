//! The one dispatcher: a synchronous loop over the client's messages, in `lsp-server`'s style
//! (as rust-analyzer and ruff run theirs).
//!
//! **Ordering.** Notifications are handled right here, one after the other, in arrival order:
//! `didOpen`, `didChange` and `didClose` change the document store before the next message is
//! even looked at. Nothing else writes documents, so edits can never interleave.
//!
//! **Concurrency.** Requests only read: each runs on a worker thread, on the document as it
//! was when the request arrived (later edits make a newer version, never a torn one), so a
//! slow formatting of one page does not hold up a hover on another.
//!
//! **Panics.** Each request runs under `catch_unwind`: a panic answers that request with an
//! internal error and the server goes on. A panicking notification is logged and skipped.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use ls_types::*;
use lsp_server::{Message, Notification, Request};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::analysis::Findings;
use super::capabilities::Negotiated;
use super::documents::file_path;
use super::handlers;
use super::server::Shared;
use super::transport::Output;
use super::workspace::Settings;

/// How long typing must pause before a chunked result is followed by a full analysis.
const EXACT_AFTER: Duration = Duration::from_millis(300);
/// How long after the last large document closed memory is given back (see `memory`).
const TRIM_AFTER: Duration = Duration::from_secs(1);
/// Threads that answer requests.
const WORKERS: usize = 4;

/// What the main loop waits for.
pub(crate) enum Event {
    Message(Message),
    /// Input ended: the client is gone.
    Closed,
    /// A chunked result was sent; check the page whole once typing pauses.
    CheckWhole(Uri, Arc<Findings>),
}

enum Timer {
    CheckWhole(Uri, Arc<Findings>),
    Trim,
}

type Job = Box<dyn FnOnce() + Send>;

/// Serves until `exit` or the end of input.
pub(crate) fn serve(incoming: Receiver<Event>, events: Sender<Event>, out: Output) {
    let (jobs, queue) = crossbeam_channel::unbounded::<Job>();
    for _ in 0..WORKERS {
        let queue = queue.clone();
        std::thread::spawn(move || {
            for job in queue {
                // Requests catch their own panics; this keeps the thread for other work.
                let _ = catch_unwind(AssertUnwindSafe(job));
            }
        });
    }
    let mut server = Server {
        shared: Arc::new(Shared::new(out.clone(), events)),
        jobs,
        initialized: false,
        shut_down: false,
        timers: Vec::new(),
    };
    loop {
        let event = match server.timers.iter().map(|(at, _)| *at).min() {
            Some(at) => incoming.recv_deadline(at),
            None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match event {
            Ok(Event::Message(Message::Request(request))) => server.request(request),
            Ok(Event::Message(Message::Notification(n))) if n.method == "exit" => break,
            Ok(Event::Message(Message::Notification(notification))) => {
                let method = notification.method.clone();
                if catch_unwind(AssertUnwindSafe(|| server.notification(notification))).is_err() {
                    eprintln!("jiaodui lsp: panic while handling {method}; still serving");
                }
            }
            // Answers to the server's own requests: nothing waits for them.
            Ok(Event::Message(Message::Response(_))) => {}
            Ok(Event::CheckWhole(uri, chunked)) => server.timers.push((
                Instant::now() + EXACT_AFTER,
                Timer::CheckWhole(uri, chunked),
            )),
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
        let out = self.shared.out.clone();
        let id = request.id.clone();
        let refuse = |code: i32, message: &str| out.error(&id, code, message);
        match request.method.as_str() {
            "initialize" if self.initialized => refuse(-32600, "already initialized"),
            "initialize" => {
                self.initialized = true;
                let result = self.initialize(&request.params);
                out.respond(&id, &result.to_string());
            }
            _ if !self.initialized => refuse(-32002, "server not initialized"),
            _ if self.shut_down => refuse(-32600, "server is shutting down"),
            "shutdown" => {
                self.shut_down = true;
                out.respond(&id, "null");
            }
            "textDocument/diagnostic" => self.run(request, |s, p: DocumentDiagnosticParams| {
                let uri = &p.text_document.uri;
                let findings = s.findings(uri);
                let report = handlers::diagnostics::report(
                    findings.as_deref(),
                    p.previous_result_id.as_deref(),
                );
                if let Some(findings) = &findings {
                    s.check_later(uri, findings);
                }
                report
            }),
            "textDocument/codeAction" => self.run(request, |s, p| json(s.code_actions(p))),
            "codeAction/resolve" => self.run(request, |s, p| json(s.resolve_fix_all(p))),
            "textDocument/formatting" => self.run(request, |s, p: DocumentFormattingParams| {
                json(s.formatting(&p.text_document.uri))
            }),
            "textDocument/hover" => self.run(request, |s, p: HoverParams| {
                let at = p.text_document_position_params;
                json(
                    s.analysed(&at.text_document.uri)
                        .and_then(|a| handlers::hover::hover(&a, at.position)),
                )
            }),
            "textDocument/documentSymbol" => self.run(request, |s, p: DocumentSymbolParams| {
                json(
                    s.analysed(&p.text_document.uri)
                        .map(|a| handlers::symbols::symbols(&a)),
                )
            }),
            "textDocument/inlayHint" => self.run(request, |s, p: InlayHintParams| {
                json(
                    s.analysed(&p.text_document.uri)
                        .map(|a| handlers::inlay_hints::hints(&a, p.range)),
                )
            }),
            "textDocument/completion" => self.run(request, |s, p: CompletionParams| {
                let at = p.text_document_position;
                let snippets = s.negotiated().snippets;
                let items = s
                    .analysed(&at.text_document.uri)
                    .map(|a| handlers::completion::items(&a, at.position, snippets));
                json(items.filter(|items| !items.is_empty()))
            }),
            _ => refuse(-32601, "method not found"),
        }
    }

    /// Reads a request's params here, in order, and answers it on a worker thread with what
    /// `handler` returns (JSON text); a panic there answers with an internal error.
    fn run<P: DeserializeOwned + Send + 'static>(
        &self,
        request: Request,
        handler: impl FnOnce(&Arc<Shared>, P) -> String + Send + 'static,
    ) {
        let Request { id, method, params } = request;
        let params = match serde_json::from_value::<P>(params) {
            Ok(params) => params,
            Err(err) => {
                let message = format!("invalid params: {err}");
                return self.shared.out.error(&id, -32602, &message);
            }
        };
        self.spawn(move |shared| {
            match catch_unwind(AssertUnwindSafe(|| handler(shared, params))) {
                Ok(result) => shared.out.respond(&id, &result),
                Err(_) => {
                    eprintln!("jiaodui lsp: panic while handling {method}; still serving");
                    shared.out.error(&id, -32603, "internal error");
                }
            }
        });
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let negotiated = Negotiated::from_params(params);
        let capabilities = negotiated.server_capabilities();
        let _ = self.shared.negotiated.set(negotiated);
        let folder = params
            .pointer("/workspaceFolders/0/uri")
            .or_else(|| params.get("rootUri"));
        let root = folder
            .and_then(|uri| serde_json::from_value::<Uri>(uri.clone()).ok())
            .and_then(|uri| file_path(&uri));
        let settings = params
            .get("initializationOptions")
            .map(Settings::from_json)
            .unwrap_or_default();
        self.shared.configs().restart(root, settings);
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "jiaodui", "version": env!("CARGO_PKG_VERSION")},
        })
    }

    fn notification(&mut self, notification: Notification) {
        let shared = self.shared.clone();
        let Notification { method, params } = notification;
        match method.as_str() {
            "initialized" => shared.register_watchers(),
            "textDocument/didOpen" => {
                let Some(p) = parse::<DidOpenTextDocumentParams>(params) else {
                    return;
                };
                let doc = p.text_document;
                if shared
                    .documents
                    .open(doc.uri.clone(), doc.version, &doc.text)
                {
                    self.trim_later();
                }
                self.spawn(move |s| s.on_change(&doc.uri, Some(doc.version)));
            }
            "textDocument/didChange" => {
                let Some(p) = parse::<DidChangeTextDocumentParams>(params) else {
                    return;
                };
                let doc = p.text_document;
                shared.note_arrival(&doc.uri, doc.version);
                let encoding = shared.negotiated().encoding;
                if let Err(err) =
                    shared
                        .documents
                        .change(&doc.uri, doc.version, &p.content_changes, encoding)
                {
                    shared.log(MessageType::WARNING, format!("{}: {err}", doc.uri.as_str()));
                }
                self.spawn(move |s| s.on_change(&doc.uri, Some(doc.version)));
            }
            "textDocument/didClose" => {
                let Some(p) = parse::<DidCloseTextDocumentParams>(params) else {
                    return;
                };
                if shared.documents.close(&p.text_document.uri) {
                    self.trim_later();
                }
                if !shared.negotiated().pull_diagnostics {
                    shared.send_diagnostics(&p.text_document.uri, "", None);
                }
            }
            "workspace/didChangeConfiguration" => {
                let Some(p) = parse::<DidChangeConfigurationParams>(params) else {
                    return;
                };
                shared
                    .configs()
                    .set_settings(Settings::from_json(&p.settings));
                self.refresh_all();
            }
            "workspace/didChangeWatchedFiles" => {
                shared.configs().reload();
                self.refresh_all();
            }
            _ => {}
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
        self.timers
            .retain(|(_, timer)| !matches!(timer, Timer::Trim));
        self.timers.push((Instant::now() + TRIM_AFTER, Timer::Trim));
    }

    fn fire_timers(&mut self) {
        let now = Instant::now();
        let (due, later) = std::mem::take(&mut self.timers)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.timers = later;
        for (_, timer) in due {
            match timer {
                Timer::CheckWhole(uri, chunked) => {
                    self.spawn(move |s| s.check_whole(&uri, &chunked))
                }
                Timer::Trim => self.spawn(|_| super::memory::trim()),
            }
        }
    }
}

fn parse<P: DeserializeOwned>(params: Value) -> Option<P> {
    serde_json::from_value(params)
        .map_err(|err| eprintln!("jiaodui lsp: notification ignored: {err}"))
        .ok()
}

/// A result as JSON text.
fn json(result: impl Serialize) -> String {
    serde_json::to_string(&result).unwrap_or_else(|_| "null".into())
}
