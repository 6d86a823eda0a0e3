//! The stdio transport: Content-Length framing, in-order dispatch, and survival.
//!
//! tower-lsp's own transport stops reading for good after the first message it cannot decode
//! (its framed reader ends the stream on a decoder error), so one malformed message would end
//! the session and lose every open document. This loop reads frames itself: a body that is
//! not JSON gets a `-32700` parse error, JSON that is not JSON-RPC a `-32600`, a frame without
//! a usable `Content-Length` is logged and skipped, and reading goes on.
//!
//! Messages go to the service strictly in arrival order (`Sequenced::call` applies document
//! edits synchronously there); each handler's future then runs as its own task. A diagnostics
//! pull skips the router (`Sequenced::answer_directly`): its report is written straight from
//! the serialised findings. `initialize`
//! is awaited before anything else is read, so every later message sees the negotiated
//! position encoding.

use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower::Service;
use tower_lsp_server::jsonrpc::{Error, Request, Response};
use tower_lsp_server::ClientSocket;

use super::server::Sequenced;

/// Largest message body accepted; anything larger is read and dropped with an error.
const MAX_BODY_BYTES: usize = 256 * 1024 * 1024;

/// Serialized messages on their way to the client, in order.
pub(crate) type Outgoing = (
    mpsc::UnboundedSender<String>,
    mpsc::UnboundedReceiver<String>,
);

/// Serves until `exit` or the end of input. `outgoing` is the queue every message to the
/// client goes through (the server also writes diagnostics to it directly).
pub(crate) async fn serve<I, O>(
    (input, output): (I, O),
    mut service: Sequenced,
    socket: ClientSocket,
    outgoing: Outgoing,
) where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (out_tx, out_rx) = outgoing;
    let writer = tokio::spawn(write_frames(output, out_rx));
    let (mut server_requests, mut client_responses) = socket.split();
    {
        let out_tx = out_tx.clone();
        tokio::spawn(async move {
            while let Some(request) = server_requests.next().await {
                if let Ok(body) = serde_json::to_string(&request) {
                    let _ = out_tx.send(body);
                }
            }
        });
    }
    let mut input = BufReader::new(input);
    loop {
        let body = match read_frame(&mut input).await {
            Frame::Body(body) => body,
            Frame::Bad(reason) => {
                eprintln!("jiaodui lsp: {reason}");
                continue;
            }
            Frame::Eof => break,
        };
        let reply_error = |id: Value, code: i64, message: &str| {
            let error = json!({"jsonrpc": "2.0", "id": id,
                               "error": {"code": code, "message": message}});
            let _ = out_tx.send(error.to_string());
        };
        let value: Value = match serde_json::from_slice(&body) {
            Ok(value) => value,
            Err(err) => {
                eprintln!("jiaodui lsp: message is not JSON: {err}");
                reply_error(Value::Null, -32700, "Parse error");
                continue;
            }
        };
        let id = value.get("id").cloned().unwrap_or(Value::Null);
        if value.get("method").is_some_and(Value::is_string) {
            let request: Request = match serde_json::from_value(value) {
                Ok(request) => request,
                Err(err) => {
                    eprintln!("jiaodui lsp: invalid request: {err}");
                    reply_error(id, -32600, "Invalid request");
                    continue;
                }
            };
            let request_id = request.id().cloned();
            let is_initialize = request.method() == "initialize";
            let is_exit = request.method() == "exit";
            if futures::future::poll_fn(|cx| service.poll_ready(cx))
                .await
                .is_err()
            {
                break;
            }
            if let Some(answer) = service.answer_directly(&request) {
                let out_tx = out_tx.clone();
                tokio::spawn(async move {
                    let _ = out_tx.send(answer.await);
                });
                continue;
            }
            let future = service.call(request);
            let out_tx = out_tx.clone();
            let respond = async move {
                let response = match (future.await, request_id) {
                    (Ok(Some(response)), _) => response,
                    // tower-lsp answers nothing to a request for an unknown `$/` method; the
                    // protocol asks for "method not found", and the client waits for it.
                    (Ok(None), Some(id)) => Response::from_error(id, Error::method_not_found()),
                    _ => return,
                };
                if let Ok(body) = serde_json::to_string(&response) {
                    let _ = out_tx.send(body);
                }
            };
            if is_initialize {
                respond.await;
            } else {
                tokio::spawn(respond);
            }
            if is_exit {
                break;
            }
        } else if value.get("id").is_some()
            && (value.get("result").is_some() || value.get("error").is_some())
        {
            match serde_json::from_value::<Response>(value) {
                Ok(response) => {
                    let _ = client_responses.send(response).await;
                }
                Err(err) => eprintln!("jiaodui lsp: invalid response: {err}"),
            }
        } else {
            eprintln!("jiaodui lsp: message is neither a request nor a response");
            reply_error(id, -32600, "Invalid request");
        }
    }
    drop(out_tx);
    drop(service);
    // Everything already queued (responses, diagnostics) is written before returning; handler
    // tasks still running hold their own senders and are abandoned with the runtime.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(1), writer).await;
}

enum Frame {
    Body(Vec<u8>),
    Bad(String),
    Eof,
}

/// Reads one frame: header lines up to an empty line, then `Content-Length` bytes.
///
/// A line that is not a header is skipped. When such a line has a `Content-Length:` inside
/// it, reading restarts there: that is the rest of a body the previous frame's length did not
/// cover (or a body sent without a header), run into the next frame's header, which has no
/// line break before it. Without this, one bad frame would shift every later frame and the
/// session would never read a message again.
async fn read_frame<I: AsyncRead + Unpin>(input: &mut BufReader<I>) -> Frame {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut saw_header = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return Frame::Eof,
            Ok(_) => {}
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
        // ASCII lowercasing keeps byte offsets. A `Content-Length:` after the start of the
        // line ends a run of junk: a header always starts its line.
        if let Some(at) = text
            .to_ascii_lowercase()
            .rfind("content-length:")
            .filter(|&at| at > 0)
        {
            eprintln!("jiaodui lsp: skipped {at} bytes of junk before a header");
            text = &text[at..];
            length = None;
            bad_header = None;
        }
        let Some((name, value)) = text
            .split_once(':')
            .filter(|(name, _)| is_header_name(name.trim_end()))
        else {
            eprintln!("jiaodui lsp: skipped a line that is not a header: {text:.80}");
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(n) => length = Some(n),
                Err(_) => bad_header = Some(format!("bad Content-Length: {text:.80}")),
            }
        }
    }
    if let Some(reason) = bad_header {
        return Frame::Bad(reason);
    }
    let Some(length) = length else {
        return Frame::Bad("frame without Content-Length".into());
    };
    if length > MAX_BODY_BYTES {
        let mut rest = (&mut *input).take(length as u64);
        let _ = tokio::io::copy(&mut rest, &mut tokio::io::sink()).await;
        return Frame::Bad(format!("message of {length} bytes is too large; dropped"));
    }
    let mut body = vec![0; length];
    match input.read_exact(&mut body).await {
        Ok(_) => Frame::Body(body),
        Err(_) => Frame::Eof,
    }
}

/// A header field name: a non-empty token (RFC 9110), so that a line of JSON is not one.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

async fn write_frames<O: AsyncWrite + Unpin>(
    mut output: O,
    mut rx: mpsc::UnboundedReceiver<String>,
) {
    while let Some(body) = rx.recv().await {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        if output.write_all(header.as_bytes()).await.is_err()
            || output.write_all(body.as_bytes()).await.is_err()
        {
            return;
        }
        // Flush when nothing else is waiting, so bursts go out in one write.
        if rx.is_empty() && output.flush().await.is_err() {
            return;
        }
    }
    let _ = output.flush().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frames `read_frame` finds in `input`: bodies as text, `!` for a bad frame.
    fn frames(input: &[u8]) -> Vec<String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut input = BufReader::new(input);
            let mut out = Vec::new();
            loop {
                match read_frame(&mut input).await {
                    Frame::Body(body) => out.push(String::from_utf8(body).unwrap()),
                    Frame::Bad(_) => out.push("!".into()),
                    Frame::Eof => return out,
                }
            }
        })
    }

    #[test]
    fn a_broken_frame_costs_only_itself() {
        let good = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
        let body = r#"{"jsonrpc":"2.0","method":"x"}"#;
        // A Content-Length that is not a number: the frame is bad, its body is skipped.
        let input = format!("Content-Length: abc\r\n\r\n{body}{}", good("1"));
        assert_eq!(frames(input.as_bytes()), ["!", "1"]);
        // A Content-Length shorter than the body: the rest of the body is skipped.
        let input = format!("Content-Length: 5\r\n\r\n{body}{}", good("2"));
        assert_eq!(frames(input.as_bytes()), [&body[..5], "2"]);
        // No header at all, or no Content-Length.
        let input = format!("{body}{}", good("3"));
        assert_eq!(frames(input.as_bytes()), ["3"]);
        let input = format!("Content-Type: x\r\n\r\n{body}{}", good("4"));
        assert_eq!(frames(input.as_bytes()), ["!", "4"]);
        // A line that is not a header before a good one: skipped, the frame is read.
        let input = format!("no colon here\r\n{}{}", good("5"), good("6"));
        assert_eq!(frames(input.as_bytes()), ["5", "6"]);
        // The rest of a cut body that reads like the start of a header (`le:///x.txt"}…`)
        // before the next frame's header: the junk is skipped, the frame is read.
        let uri_body = r#"{"uri":"file:///x.txt"}"#;
        let input = format!("Content-Length: 10\r\n\r\n{uri_body}{}", good("8"));
        assert_eq!(frames(input.as_bytes()), [&uri_body[..10], "8"]);
        // Header names are case-insensitive; other headers are ignored.
        let input = "content-length: 1\r\nContent-Type: utf-8\r\n\r\n7";
        assert_eq!(frames(input.as_bytes()), ["7"]);
    }
}
