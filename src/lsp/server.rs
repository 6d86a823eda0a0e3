//! The state shared by the main loop and the workers, and the work on a snapshot: analysing,
//! re-checking after edits, publishing (never an older result after a newer one).

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Instant;

use crossbeam_channel::Sender;
use ls_types::*;
use serde_json::json;

use super::analysis::{self, Analysed, Findings};
use super::capabilities::Negotiated;
use super::documents::{DocumentStore, Snapshot};
use super::handlers;
use super::incremental::{EditRange, Target};
use super::main_loop::Event;
use super::transport::Output;
use super::workspace::{today, Configs};

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
    pub fn new(out: Output, events: Sender<Event>) -> Shared {
        Shared {
            out,
            events,
            documents: DocumentStore::default(),
            negotiated: OnceLock::new(),
            configs: Mutex::new(Configs::new(std::env::current_dir().unwrap_or_default())),
            timing: std::env::var_os("JIAODUI_LSP_TIMING").map(|_| Mutex::default()),
        }
    }

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
        self.out.notify(
            "window/logMessage",
            json!({"type": typ, "message": message}),
        );
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
        let Snapshot {
            version,
            rope,
            path,
            ..
        } = self.documents.snapshot(uri)?;
        let generation = self.configs().generation();
        let (mut chunks, edits) = {
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
        let chunked = chunks.as_mut().and_then(|chunks| {
            let resolved = self.configs().resolve(path.as_deref());
            let encoding = self.negotiated().encoding;
            let target = Target {
                uri,
                path: path.as_deref(),
                resolved: &resolved,
                encoding,
            };
            let update = || chunks.update(&rope, version, &edits, &target, today());
            catch_unwind(AssertUnwindSafe(update)).ok().flatten()?;
            let json = chunks.render();
            Some(Findings {
                version,
                generation: resolved.generation,
                exact: false,
                json,
            })
        });
        let findings = match (chunked, chunks) {
            (Some(found), Some(chunks)) => {
                if let Some(document) = self.documents.lock().get_mut(uri) {
                    document.advance_chunks(chunks);
                }
                Arc::new(found)
            }
            _ => Arc::new(self.analysed(uri)?.findings()),
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
        if !self.negotiated().pull_diagnostics {
            self.publish(uri, &exact);
        } else if self.negotiated().diagnostic_refresh {
            self.out
                .request("workspace/diagnostic/refresh", serde_json::Value::Null);
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

    /// Queues a `textDocument/publishDiagnostics` notification (see [`publish_diagnostics`]).
    pub fn send_diagnostics(&self, uri: &Uri, diagnostics: &str, version: Option<i32>) {
        self.out
            .send(publish_diagnostics(uri, diagnostics, version));
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
                handlers::config_diagnostic(&path, &error, self.negotiated().encoding)
            });
            let json =
                diagnostic.map(|d| serde_json::to_string(&d).expect("a diagnostic serialises"));
            self.send_diagnostics(&uri, &json.unwrap_or_default(), None);
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
