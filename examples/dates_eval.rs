//! Evaluation of the dates recogniser and rules on real newspaper text (not a test: the
//! corpora are research data read from outside the repository, never copied into it).
//!
//! ```text
//! cargo run --release --example dates_eval -- ../shared/data/news/sighan2005-pku-test/pku_test.utf8 2001-01-01
//! ```
//!
//! Prints recogniser throughput (MB/s over the file, best of 200 passes) and every
//! finding of a `date/` rule with its line, so false positives can be read and counted.

use std::time::Instant;

use jiaodui::config::LoadedConfig;
use jiaodui::document::{parse, DraftKind};
use jiaodui::recognise::{dates, Input};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: dates_eval FILE [ISSUE-DATE]");
    let issue: Option<jiff::civil::Date> = args.next().map(|d| d.parse().expect("date"));
    let bytes = std::fs::read(&path).expect("read");
    let text = clean(&raw_text(&bytes));
    let config = LoadedConfig::defaults(".".into());
    let draft = parse(&text, DraftKind::Text);
    let input = Input {
        text: &text,
        draft: &draft,
        issue_date: issue,
        gazetteer: jiaodui::gazetteer::Gazetteer::builtin(),
        newsroom: jiaodui::lint::newsroom(&config.config),
    };
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..200 {
        let start = Instant::now();
        let dates = dates::recognise(&input);
        best = best.min(start.elapsed().as_secs_f64());
        found = dates.len();
    }
    // JIAODUI_DUMP=1 lists every mention with its context, to read what was taken for a date.
    if std::env::var_os("JIAODUI_DUMP").is_some() {
        for m in dates::recognise(&input).iter() {
            let (s, e) = (m.span.start as usize, m.span.end as usize);
            let lo = text[..s].char_indices().rev().nth(6).map_or(0, |(i, _)| i);
            let hi = text[e..]
                .char_indices()
                .nth(6)
                .map_or(text.len(), |(i, _)| e + i);
            let kind = match &m.kind {
                dates::Mention::Date(_) => "date",
                dates::Mention::Range(_) => "range",
                dates::Mention::Relative(_) => "relative",
                dates::Mention::Weekday(_) => "weekday",
                dates::Mention::Time(_) => "time",
            };
            println!(
                "MENTION\t{kind}\t[{}]\t{:?}\t{}",
                &text[s..e],
                m.resolved,
                text[lo..hi].replace('\n', "⏎")
            );
        }
    }
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    println!(
        "{path}: {} bytes, {chars} chars, {found} mentions, recogniser {:.0} MB/s",
        text.len(),
        text.len() as f64 / best / 1e6
    );
    let today = jiff::civil::date(2026, 1, 1);
    // The date rules alone, over the recogniser's facts (best of 50 passes).
    let facts = jiaodui::recognise::Facts {
        dates: dates::recognise(&input),
        ..Default::default()
    };
    let house = jiaodui::lint::style::house(&config.config, &facts);
    let cx = jiaodui::rules::Context {
        text: &text,
        draft: &draft,
        facts: &facts,
        config: &config.config,
        issue_date: issue,
        today,
        path: None,
        gazetteer: jiaodui::gazetteer::Gazetteer::builtin(),
        house: &house,
    };
    let mut best = f64::MAX;
    for _ in 0..50 {
        let start = Instant::now();
        let mut acc = Vec::new();
        for rule in jiaodui::rules::ALL_RULES
            .iter()
            .filter(|r| r.meta.id.starts_with("date/"))
        {
            (rule.check)(&cx, &mut acc);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "seven date rules: {:.0} MB/s",
        text.len() as f64 / best / 1e6
    );
    let mut per_rule = std::collections::BTreeMap::<&str, usize>::new();
    for (issue, text) in drafts(&raw_text(&bytes), issue) {
        let config_text = issue.map_or(String::new(), |d| format!("[bulletin]\ndate = \"{d}\"\n"));
        let config = LoadedConfig::parse(
            &config_text,
            std::path::Path::new("jiaodui.toml"),
            jiaodui::lint::rule_ids(),
        )
        .unwrap();
        let analysis = jiaodui::lint::analyse(&text, None, &config, today);
        let index = jiaodui::text::LineIndex::new(&text);
        for d in analysis
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("date/"))
        {
            *per_rule.entry(d.rule).or_default() += 1;
            let line = index
                .line_col(&text, d.span.start, jiaodui::text::PositionEncoding::Utf8)
                .line
                + 1;
            let (s, e) = (d.span.start as usize, d.span.end as usize);
            let lo = text[..s].char_indices().rev().nth(8).map_or(0, |(i, _)| i);
            let hi = text[e..]
                .char_indices()
                .nth(8)
                .map_or(text.len(), |(i, _)| e + i);
            println!(
                "{}:{line}\t{}\t{}\t[{}]\t{}",
                issue.map_or("-".into(), |d| d.to_string()),
                d.rule,
                d.message,
                &text[s..e],
                text[lo..hi].replace('\n', "⏎")
            );
        }
    }
    for (rule, n) in per_rule {
        println!(
            "{rule}: {n} ({:.2} per 10k chars)",
            n as f64 * 10_000.0 / chars as f64
        );
    }
}

fn raw_text(bytes: &[u8]) -> String {
    jiaodui::text::decode(bytes).expect("decode").text
}

/// The drafts to lint: the PFR sample regrouped into one draft per day of January 1998
/// (each with that day as its issue date, paragraphs back in id order), anything else as one
/// draft with the issue date given.
fn drafts(
    text: &str,
    issue: Option<jiff::civil::Date>,
) -> Vec<(Option<jiff::civil::Date>, String)> {
    let is_pfr = text
        .lines()
        .next()
        .is_some_and(|l| l.len() > 19 && l.as_bytes()[8] == b'-');
    if !is_pfr {
        return vec![(issue, clean(text))];
    }
    let mut lines: Vec<&str> = text.lines().filter(|l| l.len() > 19).collect();
    lines.sort_by_key(|l| &l[..19]);
    let mut out: Vec<(Option<jiff::civil::Date>, String)> = Vec::new();
    let mut last_article = "";
    for line in lines {
        let day = &line[..8];
        let date = jiff::civil::Date::strptime("%Y%m%d", day).ok();
        if out.last().is_none_or(|(d, _)| *d != date) {
            out.push((date, String::new()));
        }
        let article = &line[..15];
        let draft = &mut out.last_mut().unwrap().1;
        if article != last_article && !draft.is_empty() {
            draft.push('\n');
        }
        last_article = article;
        draft.push_str(&clean(line));
    }
    out
}

/// Strips the corpora's annotation (`word/tag`, `[…]nt`, the PFR line ids) so the rules see
/// running text; plain corpora pass through.
fn clean(text: &str) -> String {
    let tagged = text.contains("/o ") || text.contains("/m  ");
    if !tagged {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        for token in line.split_whitespace() {
            let token = token.trim_start_matches('[');
            let word = match token.rfind('/') {
                Some(i) if i > 0 => &token[..i],
                _ => token,
            };
            // PFR line ids: 19980101-01-001-001
            if word.len() == 19 && word.as_bytes()[8] == b'-' {
                continue;
            }
            let word = strip_pinyin(word);
            out.push_str(&word);
        }
        out.push('\n');
    }
    out
}

/// `上{shang5}` → `上`.
fn strip_pinyin(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut skip = false;
    for c in word.chars() {
        match c {
            '{' => skip = true,
            '}' => skip = false,
            c if !skip => out.push(c),
            _ => {}
        }
    }
    out
}
