//! Times the built-in village table's lookups: what completion, hover and the place rules
//! ask of 620,573 villages.
//!
//! ```text
//! cargo run --release --example village_lookup            # warm: median of many calls
//! cargo run --release --example village_lookup -- --cold  # one call in a fresh process
//! ```
//!
//! `--cold` answers, in a process that has touched no village page yet, what a draft
//! naming a village costs first: the entries of `沙岭村` under 大同市 and the confusable
//! siblings of `福富苑社区` under 平城区 (printed in microseconds, to run in a loop).
//!
//! `--new-villages` takes every 62nd village (about 10,000) for one the gazetteer lacks,
//! written under its county, and counts how often the villages of that county hold exactly
//! one it is a likely slip for (what would be reported), or several.

use std::hint::black_box;
use std::time::{Duration, Instant};

use jiaodui::gazetteer::{describe_village, Gazetteer, PlaceId};

fn main() {
    let cold = std::env::args().any(|a| a == "--cold");
    let start = Instant::now();
    let g = Gazetteer::builtin();
    let v = g.villages();
    let datong = g.lookup("大同市")[0];
    let pingcheng = g.lookup("平城区")[0];
    if std::env::args().any(|a| a == "--new-villages") {
        new_villages(g);
        return;
    }
    if cold {
        let found = v.named_under(g, "沙岭村", datong).len();
        let slips = v.slips_under(g, "福富苑社区", pingcheng).len();
        println!(
            "cold: {} µs ({found} 沙岭村 under 大同市, {slips} sibling for 福富苑社区)",
            start.elapsed().as_micros()
        );
        return;
    }
    let shaling = v.named("沙岭村");
    let county_of = |id| g.ancestor_at(v.town(id), jiaodui::gazetteer::Level::County);
    let counties: Vec<PlaceId> = shaling.iter().filter_map(|&id| county_of(id)).collect();
    report("named(\"沙岭村\") (all entries)", || {
        v.named("沙岭村").len()
    });
    report("named(\"沙岭村村民委员会\")", || {
        v.named("沙岭村村民委员会").len()
    });
    report("named_under(\"沙岭村\", 大同市)", || {
        v.named_under(g, "沙岭村", datong).len()
    });
    report("names_with_prefix(\"沙\", 20)", || {
        v.names_with_prefix("沙", 20).len()
    });
    report("names_with_prefix(\"福寓\", 20)", || {
        v.names_with_prefix("福寓", 20).len()
    });
    report("get + path + describe (hover)", || {
        describe_village(g, shaling[0]).len()
    });
    report("by_code(140213052010)", || v.by_code(140213052010));
    report("slips_under(\"福富苑社区\", 平城区)", || {
        v.slips_under(g, "福富苑社区", pingcheng).len()
    });
    report(
        "slips_under(\"沙岭村\"-like, each county of 沙岭村)",
        || {
            counties
                .iter()
                .map(|&c| v.slips_under(g, "沙领村", c).len())
                .sum::<usize>()
        },
    );
    report("slips_under(\"福富苑社区\", 山西省)", || {
        v.slips_under(g, "福富苑社区", g.lookup("山西省")[0]).len()
    });
}

/// The median time of `f` over enough calls to fill about 200 ms.
fn report<T>(what: &str, mut f: impl FnMut() -> T) {
    let once = {
        let t = Instant::now();
        black_box(f());
        t.elapsed()
    };
    let runs = (Duration::from_millis(200).as_nanos() / once.as_nanos().max(1)).clamp(5, 10_000);
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{what}: median {:.1} µs, p95 {:.1} µs ({runs} runs)",
        times[times.len() / 2].as_nanos() as f64 / 1000.0,
        times[times.len() * 95 / 100].as_nanos() as f64 / 1000.0,
    );
}

/// Leave-one-out over a sample of villages: each taken as new, under its county and under
/// its town; a single likely slip is counted by its kind.
fn new_villages(g: &Gazetteer) {
    use jiaodui::confusable::Confusion as C;
    use jiaodui::gazetteer::fuzzy::{Confusion, Slip};
    let v = g.villages();
    let mut sampled = 0;
    // [county, town] × [sound, shape, missing character, several].
    let mut counts = [[0usize; 4]; 2];
    let mut name = String::new();
    for id in v.ids().step_by(62) {
        v.name_into(id, &mut name);
        let town = v.town(id);
        let Some(county) = g.ancestor_at(town, jiaodui::gazetteer::Level::County) else {
            continue;
        };
        // A name the county already holds elsewhere would be known, not new.
        if v.named_under(g, &name, county).len() > 1 || v.get(id).statistical {
            continue;
        }
        sampled += 1;
        for (scope, count) in [county, town].into_iter().zip(counts.iter_mut()) {
            match v.slips_under(g, &name, scope)[..] {
                [] => {}
                [(
                    _,
                    Slip::Replaced {
                        written,
                        right,
                        why,
                    },
                )] => {
                    let variant =
                        jiaodui::confusable::confusable(written, right) == Some(C::Variant);
                    count[usize::from(why == Confusion::Shape || variant)] += 1;
                }
                [(_, Slip::Truncated { .. })] => count[2] += 1,
                _ => count[3] += 1,
            }
        }
    }
    for (scope, count) in ["county", "town"].iter().zip(counts) {
        let pct = |n: usize| n as f64 * 100.0 / sampled as f64;
        println!(
            "{sampled} villages taken as new under their {scope}: exactly one likely slip for \
             {:.2} % (sound {:.2} %, shape or variant {:.2} %, a character missing {:.2} %), \
             several {:.2} %",
            pct(count[0] + count[1] + count[2]),
            pct(count[0]),
            pct(count[1]),
            pct(count[2]),
            pct(count[3]),
        );
    }
}
