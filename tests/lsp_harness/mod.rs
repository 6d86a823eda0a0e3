//! A small LSP client that drives the built `jiaodui lsp` binary over stdio with
//! Content-Length framing. Used by `tests/lsp.rs` and by the latency benchmark
//! (`examples/lsp-latency.rs`).
//!
//! Waiting is always for a specific message, with a timeout; nothing sleeps.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Server {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    incoming: Receiver<(Instant, Value)>,
    /// Messages received but not yet taken by a wait.
    pending: VecDeque<(Instant, Value)>,
    /// Every message received, in order, for assertions about what was (not) sent.
    pub log: Vec<Value>,
    stderr: Arc<Mutex<String>>,
    next_id: i64,
}

impl Server {
    /// Starts `binary lsp` with extra environment variables, in `cwd`.
    pub fn spawn(binary: &str, env: &[(&str, &str)], cwd: &Path) -> Server {
        let mut command = Command::new(binary);
        command
            .arg("lsp")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start jiaodui lsp");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let stderr_pipe = child.stderr.take().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        {
            let stderr = stderr.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stderr_pipe);
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap_or(0) > 0 {
                    stderr.lock().unwrap().push_str(&line);
                    line.clear();
                }
            });
        }
        let (tx, rx) = mpsc::channel();
        {
            let stdin = stdin.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stdout);
                while let Some((at, message)) = read_frame(&mut reader) {
                    // Answer the server's own requests (registerCapability, refresh) at once.
                    if message.get("id").is_some() && message.get("method").is_some() {
                        let reply = json!({"jsonrpc": "2.0", "id": message["id"], "result": null});
                        let _ = write_frame(&mut *stdin.lock().unwrap(), &reply.to_string());
                    }
                    if tx.send((at, message)).is_err() {
                        break;
                    }
                }
            });
        }
        Server {
            child,
            stdin,
            incoming: rx,
            pending: VecDeque::new(),
            log: Vec::new(),
            stderr,
            next_id: 1,
        }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The server's stderr as it keeps arriving (also after `shutdown`).
    pub fn stderr_handle(&self) -> Arc<Mutex<String>> {
        self.stderr.clone()
    }

    /// `initialize` + `initialized`; returns the `initialize` result.
    pub fn initialize(
        &mut self,
        capabilities: Value,
        root: Option<&Path>,
        options: Value,
    ) -> Value {
        let root_uri = root.map(file_uri);
        let folders = root.map(|r| json!([{"uri": file_uri(r), "name": "drafts"}]));
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": folders,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let mut stdin = self.stdin.lock().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub fn send(&mut self, message: &Value) {
        write_frame(&mut *self.stdin.lock().unwrap(), &message.to_string()).expect("write");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id without waiting.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response (the whole message).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        self.response(id)
    }

    pub fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("response to request {id}"), |m| {
            m.get("method").is_none() && m["id"] == json!(id)
        })
    }

    /// The first message, received or still to come, that satisfies `predicate`.
    pub fn wait_for(&mut self, what: &str, predicate: impl Fn(&Value) -> bool) -> Value {
        self.wait_for_timed(what, predicate).1
    }

    /// Like `wait_for`, with the instant the message was read.
    pub fn wait_for_timed(
        &mut self,
        what: &str,
        predicate: impl Fn(&Value) -> bool,
    ) -> (Instant, Value) {
        if let Some(i) = self.pending.iter().position(|(_, m)| predicate(m)) {
            return self.pending.remove(i).unwrap();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok((at, message)) => {
                    self.log.push(message.clone());
                    if predicate(&message) {
                        return (at, message);
                    }
                    self.pending.push_back((at, message));
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}\nstderr:\n{}", self.stderr())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "server closed its output waiting for {what}\nstderr:\n{}",
                        self.stderr()
                    )
                }
            }
        }
    }

    /// The server's process id, for reading its memory from `/proc`.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the server process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The next message, already received or arriving within `timeout`; not added to the log
    /// (a long run would keep every message). `None` on timeout or when output has ended.
    pub fn next_message(&mut self, timeout: Duration) -> Option<Value> {
        if let Some((_, message)) = self.pending.pop_front() {
            return Some(message);
        }
        self.incoming.recv_timeout(timeout).ok().map(|(_, m)| m)
    }

    /// Drains what has arrived so far into the log, without waiting.
    pub fn drain(&mut self) {
        while let Ok((at, message)) = self.incoming.try_recv() {
            self.log.push(message.clone());
            self.pending.push_back((at, message));
        }
    }

    /// The next `publishDiagnostics` for `uri` at `version`; returns its diagnostics.
    pub fn published(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics of {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Pulls diagnostics for `uri`.
    pub fn pull(&mut self, uri: &str) -> Vec<Value> {
        let response = self.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        );
        response["result"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// `shutdown` then `exit`; returns the exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn write_frame(out: &mut impl Write, body: &str) -> std::io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n{}", body.len(), body)?;
    out.flush()
}

/// Reads one frame; the instant is taken when its last byte is read, before parsing.
fn read_frame(reader: &mut impl BufRead) -> Option<(Instant, Value)> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    let at = Instant::now();
    Some((at, serde_json::from_slice(&body).ok()?))
}

pub fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for byte in path.to_str().expect("utf-8 path").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Capabilities of a client like VS Code: pulls diagnostics, UTF-16 only, versioned
/// workspace edits that may create files, snippets, file watching.
pub fn pulling_client() -> Value {
    json!({
        "textDocument": {
            "diagnostic": {"dynamicRegistration": false, "relatedDocumentSupport": false},
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true,
                                    "codeDescriptionSupport": true, "dataSupport": true},
            "completion": {"completionItem": {"snippetSupport": true}},
            "codeAction": {"isPreferredSupport": true},
        },
        "workspace": {
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]},
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "diagnostics": {"refreshSupport": true},
            "configuration": true,
        },
    })
}

/// Capabilities of a push-only client; `encodings` goes to `general.positionEncodings`.
pub fn pushing_client(encodings: Option<&[&str]>) -> Value {
    let mut caps = json!({
        "textDocument": {
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true,
                                    "codeDescriptionSupport": true, "dataSupport": true},
        },
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
    });
    if let Some(encodings) = encodings {
        caps["general"] = json!({"positionEncodings": encodings});
    }
    caps
}

/// Offset → (line, column) in `encoding` ("utf-8" or "utf-16"), counting lines at `\n`.
pub fn position(text: &str, offset: usize, encoding: &str) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col_text = &before[line_start..];
    let character = match encoding {
        "utf-8" => col_text.len(),
        _ => col_text.encode_utf16().count(),
    };
    json!({"line": line, "character": character})
}

/// (line, column) in `encoding` → offset, the inverse of `position`.
pub fn offset(text: &str, position: &Value, encoding: &str) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    for _ in 0..line {
        start += text[start..]
            .find('\n')
            .map_or(text.len() - start, |i| i + 1);
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, ch) in text[start..line_end].char_indices() {
        if units >= character {
            return start + i;
        }
        units += if encoding == "utf-8" {
            ch.len_utf8()
        } else {
            ch.len_utf16()
        };
    }
    line_end
}

/// Applies LSP text edits (non-overlapping, against `text`) and returns the new text.
pub fn apply_edits(text: &str, edits: &[Value], encoding: &str) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|edit| {
            (
                offset(text, &edit["range"]["start"], encoding),
                offset(text, &edit["range"]["end"], encoding),
                edit["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|(start, end, _)| (*start, *end));
    let mut out = String::new();
    let mut cursor = 0;
    for (start, end, new_text) in spans {
        assert!(start >= cursor, "overlapping edits");
        out.push_str(&text[cursor..start]);
        out.push_str(&new_text);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// A diagnostic reduced to what the protocol tests compare: rule, start and end position.
pub type Finding = (String, Value, Value);

/// What the library itself finds in `text` under the default configuration rooted at `root`,
/// on `today`, with positions in `encoding`: what the server must report for that text.
pub fn library_findings(
    text: &str,
    path: Option<&Path>,
    root: &Path,
    encoding: &str,
    today: &str,
) -> Vec<Finding> {
    let config = jiaodui::config::LoadedConfig::defaults(root.to_path_buf());
    let today = today.parse().expect("a date");
    jiaodui::lint::analyse(text, path, &config, today)
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.to_owned(),
                position(text, d.span.start as usize, encoding),
                position(text, d.span.end as usize, encoding),
            )
        })
        .collect()
}

/// The same reduction of diagnostics the server sent.
pub fn sent_findings(diagnostics: &[Value]) -> Vec<Finding> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["range"]["start"].clone(),
                d["range"]["end"].clone(),
            )
        })
        .collect()
}
