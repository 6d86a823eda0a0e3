//! Latency of `jiaodui lsp` after one-character edits (the budget: diagnostics for a 10 KB
//! page in < 1 ms and for a 1 MB page in < 5 ms, p95, server side).
//!
//! Drives the built release binary over stdio as a push-diagnostics client would: opens a
//! page, then makes one-character edits (a comma typed in the middle of the page, then
//! deleted again), each time measuring from writing `didChange` to reading the
//! `publishDiagnostics` for that version. Each edit waits for its diagnostics, so none is
//! coalesced with the next. The time includes the pipe both ways, so it bounds the server's
//! own time from above.
//!
//! ```text
//! cargo build --release && cargo run --release --example lsp-latency
//! ```
//!
//! The server runs with `JIAODUI_LSP_TIMING` set, so it also reports its own time from
//! reading each `didChange` to handing the diagnostics to the writer: the "server" columns.
//!
//! `JIAODUI_BIN` overrides the binary; `LSP_LATENCY_EDITS` the number of measured edits.

#[path = "../tests/lsp_harness/mod.rs"]
mod lsp_harness;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_harness::{file_uri, position, pushing_client, Server};
use serde_json::json;

fn main() {
    let binary = std::env::var("JIAODUI_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            let exe = std::env::current_exe().expect("current exe");
            // target/release/examples/lsp-latency → target/release/jiaodui
            exe.parent()
                .and_then(|p| p.parent())
                .expect("target dir")
                .join("jiaodui")
        });
    assert!(
        binary.is_file(),
        "{} not found: run `cargo build --release` first (or set JIAODUI_BIN)",
        binary.display()
    );
    let edits: usize = std::env::var("LSP_LATENCY_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    println!("binary: {}", binary.display());
    println!(
        "{:>6} {:>6} {:>8} | {:>21} {:>9} | {:>21} {:>9}",
        "page", "edits", "findings", "server p50 / p95", "max", "round trip p50 / p95", "max"
    );
    for (label, size) in [("10 KB", 10 * 1024), ("1 MB", 1024 * 1024)] {
        let page = page(size);
        let (findings, mut round_trip, mut server) = measure(&binary, &page, edits);
        round_trip.sort();
        server.sort();
        if server.is_empty() {
            server.push(Duration::ZERO);
        }
        println!(
            "{label:>6} {:>6} {findings:>8} | {:>10} / {:>8} {:>9} | {:>10} / {:>8} {:>9}",
            round_trip.len(),
            fmt(pct(&server, 0.50)),
            fmt(pct(&server, 0.95)),
            fmt(*server.last().unwrap()),
            fmt(pct(&round_trip, 0.50)),
            fmt(pct(&round_trip, 0.95)),
            fmt(*round_trip.last().unwrap()),
        );
    }
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn fmt(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// Times `edits` one-character edits on `page`; returns the number of findings on the page,
/// the round-trip times and the server's own times.
fn measure(
    binary: &std::path::Path,
    page: &str,
    edits: usize,
) -> (usize, Vec<Duration>, Vec<Duration>) {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn(
        binary.to_str().unwrap(),
        &[("JIAODUI_LSP_TIMING", "1")],
        dir.path(),
    );
    server.initialize(
        pushing_client(Some(&["utf-16"])),
        Some(dir.path()),
        json!(null),
    );
    let uri = file_uri(&dir.path().join("page.txt"));
    server.open(&uri, "plaintext", 1, page);
    let findings = server.published(&uri, 1).len();
    // The point of the edits: the middle of a body paragraph.
    let half = (page.len() / 2..)
        .find(|&i| page.is_char_boundary(i))
        .unwrap();
    let middle = page[half..].find("，").map(|i| half + i).expect("a comma");
    let at = position(page, middle, "utf-16");
    let after = json!({"line": at["line"], "character": at["character"].as_u64().unwrap() + 1});
    let mut version = 1;
    let mut times = Vec::with_capacity(edits);
    let warmup = 20;
    for i in 0..edits + warmup {
        version += 1;
        let change = if i % 2 == 0 {
            json!([{"range": {"start": at, "end": at}, "text": ","}])
        } else {
            json!([{"range": {"start": at, "end": after}, "text": ""}])
        };
        let sent = Instant::now();
        server.change(&uri, version, change);
        let (received, _) = server.wait_for_timed("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["version"] == json!(version)
        });
        if i >= warmup {
            times.push(received - sent);
        }
    }
    let stderr = server.stderr_handle();
    assert!(server.shutdown().success());
    let first_measured = 2 + warmup as i64;
    let deadline = Instant::now() + Duration::from_secs(2);
    // Edits answered by checking the whole page rather than the touched articles.
    let whole = std::cell::Cell::new(0usize);
    let server_times = loop {
        whole.set(0);
        let times: Vec<Duration> = stderr
            .lock()
            .unwrap()
            .lines()
            .filter_map(|line| {
                let rest = line.strip_prefix("jiaodui lsp timing: version ")?;
                let (version, rest) = rest.split_once(" published after ")?;
                let (micros, kind) = rest.split_once(" us")?;
                let version: i64 = version.parse().ok()?;
                let micros: u64 = micros.parse().ok()?;
                if version < first_measured {
                    return None;
                }
                if !kind.contains("chunked") {
                    whole.set(whole.get() + 1);
                }
                Some(Duration::from_micros(micros))
            })
            .collect();
        if times.len() >= edits || Instant::now() > deadline {
            break times;
        }
        std::thread::yield_now();
    };
    if whole.get() > 0 {
        println!(
            "  ({} of {} measured edits were answered by checking the whole page)",
            whole.get(),
            server_times.len()
        );
    }
    (findings, times, server_times)
}

/// A page of about `size` bytes of bulletin articles, with a finding rate near the 3 per
/// 10,000 characters newspapers are held to: one half-width comma every ten articles.
fn page(size: usize) -> String {
    const STREETS: [&str; 6] = [
        "新开街道",
        "北关街道",
        "南关街道",
        "西街街道",
        "向阳里街道",
        "老城街道",
    ];
    const COMMUNITIES: [&str; 5] = ["红旗社区", "永安社区", "和平社区", "幸福社区", "文化社区"];
    const REPORTERS: [&str; 4] = ["王海", "李敏", "张晓东", "刘畅"];
    let mut out = String::with_capacity(size + 1024);
    let mut i = 0usize;
    while out.len() < size {
        let street = STREETS[i % STREETS.len()];
        let community = COMMUNITIES[i % COMMUNITIES.len()];
        let reporter = REPORTERS[i % REPORTERS.len()];
        let day = i % 28 + 1;
        let comma = if i % 10 == 7 { "," } else { "，" };
        out.push_str(&format!(
            "{street}推进老旧小区改造第{i}期\n\n\
             本报讯（记者 {reporter}）{day}日，{street}启动老旧小区改造工程，涉及{community}等{n}个小区共{h}户居民。\
             街道负责人介绍，改造将更换供水管网、铺设步道{comma}并新建健身广场和停车位。\n\n\
             {community}居民代表说：“改造前我们征求了每一户的意见，大家都很支持。”据了解，工程计划在年底前完工。\n\n\
             居民在新建的健身广场锻炼\n\n",
            n = i % 9 + 2,
            h = 300 + i % 700,
        ));
        i += 1;
    }
    out
}
