//! Per-draft cost of each stage of the pipeline on a ~4 KB generated page (see
//! `benches/support/corpus.rs`): parsing, each recogniser, each rule, and the whole of
//! `lint::analyse`. Run with `cargo bench --bench pipeline`; figures are per draft, with
//! throughput in bytes and the allocations counted (divan's `AllocProfiler`), so a
//! per-character allocation shows up as an allocation count that grows with the text.
//! `one_kind_of_line` checks whole pages of one kind of line at two sizes, for the cost of
//! a page's lines compared with one another.
//!
//! Whole-corpus figures (files in parallel, peak memory, the peer) come from
//! `scripts/bench-check.sh`, not from here.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, AllocProfiler, Bencher};
use jiaodui::config::LoadedConfig;
use jiaodui::document::{self, Draft, DraftKind};
use jiaodui::lint;
use jiaodui::recognise::{self, Facts, Input};
use jiaodui::rules::{Context, ALL_RULES};

#[path = "support/corpus.rs"]
mod corpus;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

/// One page, its path (the folder names the issue date, as in the corpora) and the default
/// configuration, built once for every bench.
struct Fixture {
    text: String,
    path: PathBuf,
    config: LoadedConfig,
    today: jiff::civil::Date,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| Fixture {
        // `JIAODUI_BENCH_PAGE=FILE` measures a page of one's own (a draft of a corpus).
        text: match std::env::var_os("JIAODUI_BENCH_PAGE") {
            Some(file) => std::fs::read_to_string(file).expect("JIAODUI_BENCH_PAGE is readable"),
            None => corpus::sample_draft(7),
        },
        path: PathBuf::from("2023-03-14/page-01.txt"),
        config: LoadedConfig::defaults(PathBuf::from(".")),
        today: jiff::civil::date(2023, 3, 14),
    })
}

impl Fixture {
    fn bytes(&self) -> BytesCount {
        BytesCount::of_str(&self.text)
    }

    fn draft(&self) -> Draft {
        document::parse(&self.text, DraftKind::Text)
    }

    fn input<'a>(&'a self, draft: &'a Draft) -> Input<'a> {
        Input {
            text: &self.text,
            draft,
            issue_date: document::resolve_issue_date(
                &draft.front_matter,
                Some(Path::new(&self.path)),
                None,
            ),
            gazetteer: self.config.gazetteer(),
            newsroom: lint::newsroom(&self.config.config),
        }
    }
}

/// Text to `Draft`: blocks, headlines, articles, captions.
#[divan::bench]
fn parse(bencher: Bencher) {
    let f = fixture();
    bencher
        .counter(f.bytes())
        .bench(|| document::parse(black_box(&f.text), DraftKind::Text));
}

/// Every recogniser together, as `lint::analyse` runs them.
#[divan::bench]
fn recognise_all(bencher: Bencher) {
    let f = fixture();
    let draft = f.draft();
    let input = f.input(&draft);
    bencher
        .counter(f.bytes())
        .bench(|| Facts::recognise(black_box(&input)));
}

/// Each recogniser alone.
#[divan::bench(args = ["bylines", "dates", "places", "persons", "punct_pairs"])]
fn recogniser(bencher: Bencher, name: &str) {
    let f = fixture();
    let draft = f.draft();
    let input = f.input(&draft);
    let bylines = recognise::bylines::recognise(&input);
    let bencher = bencher.counter(f.bytes());
    match name {
        "bylines" => bencher.bench(|| recognise::bylines::recognise(black_box(&input))),
        "dates" => bencher.bench(|| recognise::dates::recognise(black_box(&input))),
        "places" => bencher.bench(|| recognise::places::recognise(black_box(&input), &[])),
        "persons" => bencher.bench(|| recognise::persons::recognise(black_box(&input), &bylines)),
        "punct_pairs" => bencher.bench(|| recognise::punct_pairs::recognise(black_box(&input))),
        _ => unreachable!("unknown recogniser {name}"),
    }
}

fn rule_ids() -> impl Iterator<Item = &'static str> {
    ALL_RULES.iter().map(|rule| rule.meta.id)
}

/// Each rule alone, over facts recognised beforehand.
#[divan::bench(args = rule_ids())]
fn rule(bencher: Bencher, id: &str) {
    let f = fixture();
    let draft = f.draft();
    let input = f.input(&draft);
    let facts = Facts::recognise(&input);
    let house = jiaodui::lint::style::house(&f.config.config, &facts);
    let cx = Context {
        text: &f.text,
        draft: &draft,
        facts: &facts,
        config: &f.config.config,
        issue_date: input.issue_date,
        today: f.today,
        path: Some(&f.path),
        gazetteer: f.config.gazetteer(),
        house: &house,
    };
    let rule = ALL_RULES
        .iter()
        .find(|rule| rule.meta.id == id)
        .expect("registered rule");
    bencher.counter(f.bytes()).bench(|| {
        let mut found = Vec::new();
        (rule.check)(black_box(&cx), &mut found);
        found
    });
}

/// The whole pipeline for one draft: parse, recognise, every rule, severities and dedup.
#[divan::bench]
fn analyse(bencher: Bencher) {
    let f = fixture();
    bencher
        .counter(f.bytes())
        .bench(|| lint::analyse(black_box(&f.text), Some(&f.path), &f.config, f.today));
}

/// Pages of one kind of line by the thousand, each line a block of its own (`|` in an
/// argument starts a new line): the same throughput at 64 KB and 256 KB says a page is read
/// in proportion to its size, however its lines compare with one another.
#[divan::bench(
    consts = [64, 256],
    args = ["标题", "（王海 李敏）", "本报记者 王海", "楼道亮了，|电梯来了", "本报讯 8日，红旗社区举办读书会。"],
    sample_count = 10
)]
fn one_kind_of_line<const KB: usize>(bencher: Bencher, line: &str) {
    let f = fixture();
    let line = format!("{}\n", line.replace('|', "\n"));
    let text = line.repeat(KB * 1024 / line.len());
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| lint::analyse(black_box(&text), Some(&f.path), &f.config, f.today));
}
