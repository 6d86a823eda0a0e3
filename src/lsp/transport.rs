//! Frames in, frames out, on two threads, around `lsp-server`'s message types. Unlike its own
//! stdio reader, a frame that cannot be read costs only itself: a body that is not JSON gets
//! a `-32700`, JSON that is not JSON-RPC 2.0 a `-32600`, a frame without a usable
//! `Content-Length` is logged and skipped. The writer takes finished JSON bodies, so that
//! diagnostics serialised once (see `rendered`) go out as they are.

use std::io::{BufRead, BufReader, Read, Write};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossbeam_channel::Sender;
use lsp_server::{Message, RequestId};
use serde_json::{json, Value};

use super::server::Event;

/// Largest message body accepted; anything larger is read and dropped.
const MAX_BODY_BYTES: usize = 256 * 1024 * 1024;

/// The way out: every message to the client, in the order it was handed over.
#[derive(Clone)]
pub(crate) struct Output {
    tx: Sender<Out>,
    next_id: Arc<AtomicI32>,
}

enum Out {
    Body(String),
    Flushed(Sender<()>),
}

impl Output {
    /// Queues one message body (JSON, without the header).
    pub fn send(&self, body: String) {
        let _ = self.tx.send(Out::Body(body));
    }

    /// Answers request `id` with `result`, which is JSON text (in one allocation of the right
    /// size: a pulled page's findings run to megabytes).
    pub fn respond(&self, id: &RequestId, result: &str) {
        let id = serde_json::to_string(id).unwrap_or_else(|_| "null".into());
        self.send(
            [
                r#"{"jsonrpc":"2.0","id":"#,
                &id,
                r#","result":"#,
                result,
                "}",
            ]
            .concat(),
        );
    }

    /// Answers request `id` (any JSON: what the client sent, if it cannot be read) with an
    /// error.
    pub fn error(&self, id: impl serde::Serialize, code: i32, message: &str) {
        self.send(
            json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
                .to_string(),
        );
    }

    /// Sends a request to the client; nothing waits for its answer.
    pub fn request(&self, method: &str, params: Value) {
        let id = format!("jiaodui-{}", self.next_id.fetch_add(1, Ordering::Relaxed));
        self.send(
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string(),
        );
    }

    /// Waits (up to `timeout`) until everything queued so far is written.
    pub fn flush(&self, timeout: Duration) {
        let (done, flushed) = crossbeam_channel::bounded(1);
        if self.tx.send(Out::Flushed(done)).is_ok() {
            let _ = flushed.recv_timeout(timeout);
        }
    }
}

/// Starts the writer thread on `output`.
pub(crate) fn writer(mut output: impl Write + Send + 'static) -> Output {
    let (tx, rx) = crossbeam_channel::unbounded::<Out>();
    std::thread::spawn(move || {
        for out in &rx {
            let mut written = match out {
                Out::Body(body) => write!(output, "Content-Length: {}\r\n\r\n{body}", body.len()),
                Out::Flushed(done) => output.flush().map(|()| {
                    let _ = done.try_send(());
                }),
            };
            // Flush when nothing else waits, so that bursts go out in one write.
            if rx.is_empty() {
                written = written.and_then(|()| output.flush());
            }
            if written.is_err() {
                return;
            }
        }
    });
    Output {
        tx,
        next_id: Arc::default(),
    }
}

/// Starts the reader thread on `input`: messages go to `events`, answers to unreadable ones
/// to `out`; [`Event::Closed`] when input ends.
pub(crate) fn reader(input: impl Read + Send + 'static, events: Sender<Event>, out: Output) {
    std::thread::spawn(move || {
        let mut input = BufReader::new(input);
        loop {
            let body = match read_frame(&mut input) {
                Frame::Body(body) => body,
                Frame::Bad(reason) => {
                    eprintln!("jiaodui lsp: {reason}");
                    continue;
                }
                Frame::Eof => break,
            };
            if let Some(message) = decode(&body, &out) {
                if events.send(Event::Message(message)).is_err() {
                    return;
                }
            }
        }
        let _ = events.send(Event::Closed);
    });
}

/// A frame's body as a message, or `None` after answering it with an error.
fn decode(body: &[u8], out: &Output) -> Option<Message> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(err) => {
            eprintln!("jiaodui lsp: message is not JSON: {err}");
            out.error(Value::Null, -32700, "Parse error");
            return None;
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    // `lsp-server` reads ids as i32 or string and does not look at `jsonrpc`; anything else
    // would pass as a notification or fail without an id to answer to.
    let usable_id =
        id.is_null() || id.is_string() || id.as_i64().is_some_and(|n| n as i32 as i64 == n);
    let message = (value.get("jsonrpc") == Some(&json!("2.0")) && usable_id)
        .then(|| serde_json::from_value::<Message>(value).ok())
        .flatten();
    if message.is_none() {
        eprintln!("jiaodui lsp: not a JSON-RPC 2.0 message");
        out.error(id, -32600, "Invalid request");
    }
    message
}

enum Frame {
    Body(Vec<u8>),
    Bad(String),
    Eof,
}

/// Reads one frame: header lines up to an empty line, then `Content-Length` bytes.
///
/// A line that is not a header is skipped. When such a line has a `Content-Length:` inside it,
/// reading restarts there: that is the rest of a body the previous frame's length did not cover
/// (or a body sent without a header), run into the next frame's header. Without this, one bad
/// frame would shift every later frame and the session would never read a message again.
fn read_frame(input: &mut impl BufRead) -> Frame {
    let (mut length, mut bad, mut saw_header) = (None, None, false);
    let mut line = Vec::new();
    loop {
        line.clear();
        if !matches!(input.read_until(b'\n', &mut line), Ok(1..)) {
            return Frame::Eof;
        }
        let text = String::from_utf8_lossy(&line);
        let mut text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        // ASCII lowercasing keeps byte offsets; a header always starts its line.
        if let Some(at) = text
            .to_ascii_lowercase()
            .rfind("content-length:")
            .filter(|&at| at > 0)
        {
            eprintln!("jiaodui lsp: skipped {at} bytes of junk before a header");
            text = &text[at..];
            (length, bad) = (None, None);
        }
        let Some((name, value)) = text
            .split_once(':')
            .filter(|(name, _)| is_header_name(name))
        else {
            eprintln!("jiaodui lsp: skipped a line that is not a header: {text:.80}");
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(n) => length = Some(n),
                Err(_) => bad = Some(format!("bad Content-Length: {text:.80}")),
            }
        }
    }
    let length = match (bad, length) {
        (Some(reason), _) => return Frame::Bad(reason),
        (None, None) => return Frame::Bad("frame without Content-Length".into()),
        (None, Some(length)) => length,
    };
    if length > MAX_BODY_BYTES {
        let _ = std::io::copy(&mut input.take(length as u64), &mut std::io::sink());
        return Frame::Bad(format!("message of {length} bytes is too large; dropped"));
    }
    let mut body = vec![0; length];
    match input.read_exact(&mut body) {
        Ok(()) => Frame::Body(body),
        Err(_) => Frame::Eof,
    }
}

/// A header field name: a non-empty token (RFC 9110), so that a line of JSON is not one.
fn is_header_name(name: &str) -> bool {
    let name = name.trim_end();
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
