//! Measures the byline, photo and person rules on real newspaper text, for tuning their
//! precision. Research corpora are read from where they lie and never copied:
//!
//! ```text
//! cargo run --release --example measure -- DATA_DIR/news [OUT_DIR]
//! ```
//!
//! Each corpus is turned back into plain paragraphs (tags, brackets and pinyin removed),
//! checked with the built-in house style and with the reported house style of 人民日报, and
//! every finding of the seven rules is written to `OUT_DIR/<corpus>-<style>.txt` with the
//! text around it, for reading by hand.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiaodui::config::LoadedConfig;
use jiaodui::lint;
use jiaodui::text::decode;

const RULES: [&str; 7] = [
    "byline/format",
    "byline/missing",
    "byline/position",
    "byline/unknown-reporter",
    "person/variant",
    "photo/credit-format",
    "photo/credit-missing",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let news = PathBuf::from(args.next().expect("usage: measure NEWS_DIR [OUT_DIR]"));
    let out_dir = PathBuf::from(args.next().unwrap_or_else(|| "target/measure".to_owned()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let corpora = [
        ("pku", pku(&news.join("sighan2005-pku-test/pku_test.txt"))),
        ("msra", msra(&news.join("msra-ner-test/testright1.txt"))),
        ("pfr", pfr(&news.join("pfr-199801-sample/test.txt"))),
    ];
    let styles = [
        ("default", ""),
        (
            "reported",
            "[byline]\nform = \"reported\"\nseparator = \"、\"\n",
        ),
    ];
    name_precision(&news);
    variant_recall(&news);
    let today = jiff::civil::date(2001, 1, 2);
    for (style, source) in styles {
        let config =
            LoadedConfig::parse(source, Path::new("jiaodui.toml"), jiaodui::lint::rule_ids())
                .unwrap();
        for (name, text) in &corpora {
            let started = std::time::Instant::now();
            let analysis = lint::analyse(text, None, &config, today);
            let elapsed = started.elapsed();
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            let mut dump = String::new();
            for d in &analysis.diagnostics {
                *counts.entry(d.rule).or_default() += 1;
                if !RULES.contains(&d.rule) {
                    continue;
                }
                let block = analysis
                    .draft
                    .block_at(d.span.start)
                    .map(|b| analysis.draft.blocks[b].span)
                    .unwrap_or(d.span);
                let context: String = text[block.range()].chars().take(90).collect();
                let _ = writeln!(
                    dump,
                    "{} | {} | 「{}」 | {}",
                    d.rule,
                    d.message,
                    &text[d.span.range()],
                    context
                );
                for fix in &d.fixes {
                    let _ = writeln!(dump, "    → [{}] {}", fix.applicability.as_str(), fix.title);
                }
            }
            let bylines = &analysis.facts.bylines;
            println!(
                "{name:5} {style:9} {} chars, {} articles, {} bylines ({} with names), {} photo credits, {} name mentions, {:?}",
                text.chars().count(),
                analysis.draft.articles.len(),
                bylines.bylines.len(),
                bylines.bylines.iter().filter(|b| b.has_names()).count(),
                bylines.photo_credits.len(),
                analysis.facts.persons.mentions.len(),
                elapsed
            );
            for rule in RULES {
                println!("    {rule:26} {}", counts.get(rule).copied().unwrap_or(0));
            }
            std::fs::write(out_dir.join(format!("{name}-{style}.txt")), dump).unwrap();
        }
    }
}

/// 人民日报 2001, raw text in GB2312 with CRLF: decoded as `jiaodui check` would.
fn pku(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    // One stray blank line would make the rest of the file one block: drop it, so that
    // each line is a block as in the rest of the file.
    decode(&bytes).unwrap().text.replace("\r\n\r\n", "\r\n")
}

/// `text/tag` chunks separated by spaces, one paragraph per line.
fn msra(path: &Path) -> String {
    msra_with_names(path).0
}

/// The MSRA text and the byte spans of its hand-tagged person names (`/nr`).
fn msra_with_names(path: &Path) -> (String, Vec<std::ops::Range<usize>>) {
    let raw = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut names = Vec::new();
    for line in raw.lines() {
        for chunk in line.split(' ') {
            let (word, tag) = chunk.rsplit_once('/').unwrap_or((chunk, ""));
            let start = out.len();
            out.push_str(word);
            if tag == "nr" {
                names.push(start..out.len());
            }
        }
        out.push('\n');
    }
    (out, names)
}

/// Recall of `person/variant` on injected slips: the MSRA text is cut into drafts of ten
/// paragraphs; in each where a three-character name is printed twice or more and once
/// beside a cue word, that printing is changed in its last character.
fn variant_recall(news: &Path) {
    let (text, _) = msra_with_names(&news.join("msra-ner-test/testright1.txt"));
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let today = jiff::civil::date(1998, 1, 1);
    let (mut tried, mut found, mut clean_flagged) = (0, 0, 0);
    let lines: Vec<&str> = text.lines().collect();
    let windows: Vec<String> = lines.chunks(10).map(|c| c.join("\n\n")).collect();
    for line in &windows {
        let line = line.as_str();
        let analysis = lint::analyse(line, None, &config, today);
        if analysis
            .diagnostics
            .iter()
            .any(|d| d.rule == "person/variant")
        {
            clean_flagged += 1;
        }
        let persons = &analysis.facts.persons;
        let Some(mention) = persons
            .mentions
            .iter()
            .find(|m| m.name.chars().count() == 3 && persons.count(&m.name) >= 2)
        else {
            continue;
        };
        let last = mention.name.chars().last().unwrap();
        let replacement = ['华', '明', '英', '芳', '军']
            .into_iter()
            .find(|&c| c != last && !line.contains(&format!("{}{c}", &mention.name[..6])))
            .unwrap();
        let slipped_name = format!("{}{replacement}", &mention.name[..6]);
        let mut slipped = line.to_owned();
        slipped.replace_range(mention.span.range(), &slipped_name);
        tried += 1;
        let analysis = lint::analyse(&slipped, None, &config, today);
        if analysis.diagnostics.iter().any(|d| {
            d.rule == "person/variant"
                && (d.span.start == mention.span.start
                    || d.related.iter().any(|r| r.span.start == mention.span.start))
        }) {
            found += 1;
        }
    }
    println!(
        "variant recall: {found} of {tried} injected slips found; untouched paragraphs flagged: {clean_flagged}"
    );
}

/// How many cue-word name mentions the person recogniser finds in the MSRA text, and how
/// many of them are exactly a hand-tagged person name.
fn name_precision(news: &Path) {
    let (text, gold) = msra_with_names(&news.join("msra-ner-test/testright1.txt"));
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let analysis = lint::analyse(&text, None, &config, jiff::civil::date(1998, 1, 1));
    let gold: std::collections::HashSet<(usize, usize)> =
        gold.iter().map(|r| (r.start, r.end)).collect();
    let mut by_length: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for mention in &analysis.facts.persons.mentions {
        if mention.source != jiaodui::recognise::persons::MentionSource::Text {
            continue;
        }
        let n = mention.name.chars().count();
        let entry = by_length.entry(n).or_default();
        entry.0 += 1;
        let span = (mention.span.start as usize, mention.span.end as usize);
        if gold.contains(&span) {
            entry.1 += 1;
        } else {
            wrong.push(format!("{}+{}", mention.cue, mention.name));
        }
    }
    for (n, (all, right)) in by_length {
        println!("msra names of {n} chars: {all} cue mentions, {right} exactly a tagged name");
    }
    println!("not a tagged name: {}", wrong.join(" "));
}

/// Shuffled POS-tagged paragraphs: put back in order, one block per paragraph, a blank line
/// between paragraphs.
fn pfr(path: &Path) -> String {
    let raw = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<(String, String)> = Vec::new();
    for line in raw.lines() {
        let mut tokens = line.split("  ").filter(|t| !t.is_empty());
        let Some(id) = tokens.next() else { continue };
        let mut text = String::new();
        for token in tokens {
            let token = token.trim_start_matches('[');
            let word = token.rsplit_once('/').map_or(token, |(w, _)| w);
            let word = match word.find(']') {
                Some(i) => &word[..i],
                None => word,
            };
            let mut plain = String::new();
            let mut skip = false;
            for c in word.chars() {
                match c {
                    '{' => skip = true,
                    '}' => skip = false,
                    _ if !skip => plain.push(c),
                    _ => {}
                }
            }
            text.push_str(&plain);
        }
        lines.push((id.to_owned(), text));
    }
    lines.sort();
    let mut out = String::new();
    for (_, text) in lines {
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}
