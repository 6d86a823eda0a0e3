//! Measures what the gazetteer costs: parsing the built-in data, loading a newsroom
//! gazetteer, and the throughput of the name matcher and of the whole places recogniser.
//!
//! ```text
//! cargo run --release --example place_bench -- ../shared/data/news/sighan2005-pku-test/pku_test.utf8
//! ```

use std::path::PathBuf;
use std::time::Instant;

use jiaodui::config::LoadedConfig;
use jiaodui::gazetteer::Gazetteer;

fn main() {
    let started = Instant::now();
    let builtin = Gazetteer::builtin();
    let load = started.elapsed();
    println!(
        "built-in gazetteer: {} places, {} changes, parsed and indexed in {:.1} ms",
        builtin.places().len(),
        builtin.changes().len(),
        load.as_secs_f64() * 1e3
    );
    let example = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/gazetteer/datong-towns-villages.csv"
    ));
    let started = Instant::now();
    let newsroom = Gazetteer::with_newsroom(&[example], None).expect("example loads");
    println!(
        "with the 大同 village list: {} places, loaded in {:.1} ms",
        newsroom.places().len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 text");
        let mb = text.len() as f64 / 1e6;
        let rounds = 5;
        let started = Instant::now();
        let mut found = 0;
        for _ in 0..rounds {
            found = builtin.matcher().find_all(&text).len();
        }
        let matcher = started.elapsed().as_secs_f64() / rounds as f64;
        let config = LoadedConfig::defaults(PathBuf::from("."));
        let today = jiff::civil::date(2024, 1, 15);
        let started = Instant::now();
        let mut findings = 0;
        for _ in 0..rounds {
            findings = jiaodui::lint::analyse(&text, None, &config, today)
                .diagnostics
                .len();
        }
        let analyse = started.elapsed().as_secs_f64() / rounds as f64;
        println!(
            "{path}: {:.2} MB, {found} names; matcher {:.0} MB/s; all rules {:.0} MB/s ({findings} findings)",
            mb,
            mb / matcher,
            mb / analyse
        );
    }
}
