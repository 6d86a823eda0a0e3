//! Measures how long `jiaodui lsp` takes to answer a diagnostics pull after a one-character
//! edit (the budget: < 5 ms p95 for a 1 MB draft, < 1 ms for 10 KB):
//!
//! ```text
//! cargo build --release && cargo run --release --example lsp-pull-latency -- --size 1MB --edits 200
//! ```
//!
//! It starts the release binary next to this example (`target/release/jiaodui`, or
//! `--server PATH`) on stdio, opens one generated draft of `--size` bytes (pages from
//! `benches/support/corpus.rs` run together), then alternately inserts and deletes one
//! character in the middle of the draft. After each `didChange` it pulls diagnostics and
//! times the round trip from sending the change to reading the response: the server's work
//! plus JSON-RPC framing over a pipe, so an upper bound of the server-side latency. The
//! client only frames responses and finds their `id` (it never parses a diagnostics list
//! in the timed path), so it may be built without optimisation:
//! `cargo run --example lsp-pull-latency -- --server target/release/jiaodui`.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use clap::Parser;
use serde_json::{json, Value};

#[path = "../benches/support/corpus.rs"]
mod corpus;

#[derive(Parser)]
#[command(about = "Time diagnostics after one-character edits in jiaodui lsp")]
struct Args {
    /// Size of the draft: bytes, or with a KB/MB suffix (decimal).
    #[arg(long, default_value = "1MB")]
    size: String,
    /// Edits to time (after 5 untimed warm-up edits).
    #[arg(long, default_value_t = 100)]
    edits: usize,
    /// The jiaodui binary (default: next to this example's folder).
    #[arg(long)]
    server: Option<PathBuf>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let size = parse_size(&args.size)?;
    let server = match args.server {
        Some(path) => path,
        None => std::env::current_exe()?
            .parent()
            .and_then(|examples| examples.parent())
            .context("no target folder")?
            .join("jiaodui"),
    };
    let text = draft(size);
    let lines: Vec<&str> = text.split('\n').collect();
    let edit_line = lines.len() / 2;

    let mut child = Command::new(&server)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot start {}", server.display()))?;
    let mut stdin = child.stdin.take().context("no stdin")?;
    let messages = reader(child.stdout.take().context("no stdout")?);
    let mut client = Client {
        stdin: &mut stdin,
        messages,
        next_id: 1,
    };

    let init = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {
                "general": {"positionEncodings": ["utf-8", "utf-16"]},
                "textDocument": {"diagnostic": {"dynamicRegistration": false}},
            },
        }),
    )?;
    let encoding = init["result"]["capabilities"]["positionEncoding"]
        .as_str()
        .unwrap_or("utf-16")
        .to_owned();
    client.notify("initialized", json!({}))?;
    // The folder names the issue date, as in a newsroom repository.
    let uri = "file:///tmp/jiaodui-lsp-latency/2023-03-14/page.txt";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    )?;
    let first = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    )?;
    let findings = first["result"]["items"].as_array().map_or(0, Vec::len);

    // `的` is one character: one UTF-16 unit, three UTF-8 bytes.
    let width = if encoding == "utf-8" { 3 } else { 1 };
    let mut version = 1;
    let mut times = Vec::with_capacity(args.edits);
    for i in 0..args.edits + 5 {
        version += 1;
        let change = if i % 2 == 0 {
            json!({"range": {"start": {"line": edit_line, "character": 0},
                             "end": {"line": edit_line, "character": 0}}, "text": "的"})
        } else {
            json!({"range": {"start": {"line": edit_line, "character": 0},
                             "end": {"line": edit_line, "character": width}}, "text": ""})
        };
        let started = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        )?;
        let response = client.request_raw(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        )?;
        let elapsed = started.elapsed();
        if response.contains("\"error\":{") {
            bail!("diagnostic request failed: {response}");
        }
        if i >= 5 {
            times.push(elapsed);
        }
    }
    let _ = client.request("shutdown", Value::Null);
    let _ = client.notify("exit", Value::Null);
    let _ = child.wait();

    times.sort();
    let pick = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "draft {} bytes, {} lines, {findings} findings, encoding {encoding}, {} edits: \
         p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        text.len(),
        lines.len(),
        times.len(),
        ms(pick(0.5)),
        ms(pick(0.95)),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
    );
    Ok(())
}

/// Pages of the benchmark corpus run together up to `size` bytes.
fn draft(size: u64) -> String {
    let mut generator = corpus::Generator::new(corpus::Options {
        markdown_per_mille: 0,
        ..corpus::Options::default()
    });
    let mut text = String::new();
    while (text.len() as u64) < size {
        let page = generator.next_page().text;
        let mut room = (size as usize - text.len()).min(page.len());
        while !page.is_char_boundary(room) {
            room -= 1;
        }
        if page.len() > room && !text.is_empty() {
            // Cut the last page at a line end so the draft stays well formed.
            let cut = page[..room].rfind('\n').map_or(0, |i| i + 1);
            text.push_str(&page[..cut]);
            break;
        }
        text.push_str(&page);
        text.push('\n');
    }
    text
}

struct Client<'a> {
    stdin: &'a mut ChildStdin,
    messages: Receiver<String>,
    next_id: u64,
}

impl Client<'_> {
    fn send(&mut self, message: &Value) -> Result<()> {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.stdin.flush()?;
        Ok(())
    }

    fn notify(&mut self, method: &str, params: Value) -> Result<()> {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    /// Sends a request and waits for its response, answering the server's own requests
    /// (registrations, configuration) on the way. The response is returned unparsed.
    fn request_raw(&mut self, method: &str, params: Value) -> Result<String> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))?;
        loop {
            let body = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .context("the server stopped answering")?;
            if !body.contains("\"method\"") {
                // A response: its own `id` is the last one in the body.
                let answered = body
                    .rfind("\"id\":")
                    .map(|at| &body[at + 5..])
                    .map(|rest| rest.trim_start())
                    .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|digits| digits.parse::<u64>().ok());
                if answered == Some(id) {
                    return Ok(body);
                }
                continue;
            }
            let message: Value = serde_json::from_str(&body)?;
            if let (Some(server_id), Some(server_method)) =
                (message.get("id"), message["method"].as_str())
            {
                let result = if server_method == "workspace/configuration" {
                    let items = message["params"]["items"].as_array().map_or(0, Vec::len);
                    Value::Array(vec![Value::Null; items])
                } else {
                    Value::Null
                };
                let reply = json!({"jsonrpc": "2.0", "id": server_id, "result": result});
                self.send(&reply)?;
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Result<Value> {
        Ok(serde_json::from_str(&self.request_raw(method, params)?)?)
    }
}

/// Reads Content-Length framed messages on a thread.
fn reader(stdout: impl Read + Send + 'static) -> Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut stdout = BufReader::new(stdout);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.parse::<usize>().ok();
                }
            }
            let Some(length) = length else { return };
            let mut body = vec![0; length];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            let Ok(message) = String::from_utf8(body) else {
                return;
            };
            if sender.send(message).is_err() {
                return;
            }
        }
    });
    receiver
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn parse_size(text: &str) -> Result<u64> {
    let upper = text.trim().to_ascii_uppercase();
    let (digits, factor) = if let Some(n) = upper.strip_suffix("MB") {
        (n, 1_000_000)
    } else if let Some(n) = upper.strip_suffix("KB") {
        (n, 1_000)
    } else {
        (upper.as_str(), 1)
    };
    Ok(digits
        .trim()
        .parse::<u64>()
        .with_context(|| format!("bad size `{text}`"))?
        * factor)
}
