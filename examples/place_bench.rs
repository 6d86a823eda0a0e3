//! Measures what the gazetteer costs: parsing the built-in data, loading a newsroom
//! gazetteer, and the throughput of the name matcher and of the whole places recogniser.
//!
//! ```text
//! cargo run --release --example place_bench -- ../shared/data/news/sighan2005-pku-test/pku_test.utf8
//! ```

use std::path::PathBuf;
use std::time::Instant;

use jiaodui::config::LoadedConfig;
use jiaodui::gazetteer::{Gazetteer, NewsroomFile};

/// Time this thread has spent on a CPU, in milliseconds (Linux; 0 elsewhere): on a busy
/// machine wall-clock times say more about the neighbours than about the code.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e6)
}

fn main() {
    let started = Instant::now();
    let cpu = cpu_ms();
    let builtin = Gazetteer::builtin();
    let load = started.elapsed();
    println!(
        "built-in gazetteer: {} places, {} changes, parsed and indexed in {:.1} ms ({:.1} ms on CPU)",
        builtin.places().len(),
        builtin.changes().len(),
        load.as_secs_f64() * 1e3,
        cpu_ms() - cpu
    );
    let example = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/gazetteer/datong-towns-villages.csv"
    ));
    let started = Instant::now();
    let cpu = cpu_ms();
    let text = std::fs::read_to_string(&example).expect("example readable");
    let file = NewsroomFile {
        path: &example,
        text: &text,
    };
    let newsroom = Gazetteer::with_newsroom(&[file], None).expect("example loads");
    println!(
        "with the 大同 village list: {} places, loaded in {:.1} ms ({:.1} ms on CPU)",
        newsroom.places().len(),
        started.elapsed().as_secs_f64() * 1e3,
        cpu_ms() - cpu
    );
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 text");
        let mb = text.len() as f64 / 1e6;
        let rounds = 5;
        let cpu = cpu_ms();
        let mut found = 0;
        for _ in 0..rounds {
            found = builtin.matcher().find_all(&text).len();
        }
        let matcher = (cpu_ms() - cpu) / 1e3 / rounds as f64;
        let config = LoadedConfig::defaults(PathBuf::from("."));
        let draft = jiaodui::document::parse(&text, jiaodui::document::DraftKind::Text);
        let input = jiaodui::recognise::Input {
            text: &text,
            draft: &draft,
            issue_date: None,
            gazetteer: builtin,
            newsroom: jiaodui::lint::newsroom(&config.config),
        };
        let cpu = cpu_ms();
        let mut mentions = 0;
        for _ in 0..rounds {
            mentions = jiaodui::recognise::places::recognise(&input, &[])
                .mentions
                .len();
        }
        let recogniser = (cpu_ms() - cpu) / 1e3 / rounds as f64;
        let today = jiff::civil::date(2024, 1, 15);
        let cpu = cpu_ms();
        let mut findings = 0;
        for _ in 0..rounds {
            findings = jiaodui::lint::analyse(&text, None, &config, today)
                .diagnostics
                .len();
        }
        let analyse = (cpu_ms() - cpu) / 1e3 / rounds as f64;
        println!(
            "{path}: {:.2} MB, {found} names; CPU throughput: matcher {:.0} MB/s; places recogniser {:.0} MB/s \
             ({mentions} mentions); parse + all recognisers + all rules {:.0} MB/s ({findings} findings)",
            mb,
            mb / matcher,
            mb / recogniser,
            mb / analyse
        );
    }
}
