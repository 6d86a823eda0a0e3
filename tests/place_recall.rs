//! Recall of the place rules by mutation, with a fixed seed: gazetteer names at every level,
//! each changed by one confusable character and written under its real parent, must be
//! found by `place/misspelled`; counties written under a wrong province by
//! `place/hierarchy`. The same names written right give no place finding at all. The found
//! rates are printed (`cargo test --test place_recall -- --nocapture`) and bounded below.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use jiaodui::config::LoadedConfig;
use jiaodui::diagnostic::Diagnostic;
use jiaodui::gazetteer::{strip_suffix, Gazetteer, Level, PlaceId, Villages};
use pinyin::ToPinyin;

/// A fixed sequence of pseudo-random numbers (xorshift64*), the same on every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as usize % n
    }
}

/// Characters confusable with a given one, among the characters of division names.
struct Confusables {
    pool: Vec<char>,
    /// The pool by first reading, tones aside.
    by_sound: HashMap<String, Vec<char>>,
    cache: HashMap<char, Vec<char>>,
}

impl Confusables {
    fn new(g: &Gazetteer) -> Confusables {
        let mut pool: HashSet<char> = HashSet::new();
        for place in g.places().iter() {
            pool.extend(place.name.chars());
        }
        let mut pool: Vec<char> = pool.into_iter().collect();
        pool.sort_unstable();
        let mut by_sound: HashMap<String, Vec<char>> = HashMap::new();
        for &c in &pool {
            if let Some(p) = c.to_pinyin() {
                by_sound.entry(p.plain().to_owned()).or_default().push(c);
            }
        }
        Confusables {
            pool,
            by_sound,
            cache: HashMap::new(),
        }
    }

    /// Characters `confusable` pairs with `c`: every one of the same sound (looked up by
    /// reading), and the similar shapes and variants among every fourth character of the
    /// pool (each is tested, which an unoptimised test build does slowly).
    fn of(&mut self, c: char) -> &[char] {
        let (pool, by_sound) = (&self.pool, &self.by_sound);
        self.cache.entry(c).or_insert_with(|| {
            let sound = c.to_pinyin().map(|p| p.plain());
            let mut out: Vec<char> = sound
                .and_then(|s| by_sound.get(s))
                .map_or(Vec::new(), |same| {
                    same.iter().copied().filter(|&x| x != c).collect()
                });
            let looks: Vec<char> = pool
                .iter()
                .step_by(4)
                .copied()
                .filter(|&x| {
                    x != c
                        && !out.contains(&x)
                        && (jiaodui::confusable::similar_shape(c, x)
                            || jiaodui::confusable::is_variant(c, x))
                })
                .collect();
            out.extend(looks);
            debug_assert!(out
                .iter()
                .all(|&x| jiaodui::confusable::confusable(c, x).is_some()));
            out
        })
    }
}

/// `name` with one character of its stem replaced by a confusable one, giving a name the
/// gazetteer does not know (`known` says which it knows); `None` after a few tries.
fn mutate(
    name: &str,
    rng: &mut Rng,
    confusables: &mut Confusables,
    known: impl Fn(&str) -> bool,
) -> Option<String> {
    let stem: Vec<char> = strip_suffix(name)?.chars().collect();
    let suffix = &name[stem.iter().map(|c| c.len_utf8()).sum::<usize>()..];
    for _ in 0..12 {
        let at = rng.below(stem.len());
        let choices = confusables.of(stem[at]);
        if choices.is_empty() {
            continue;
        }
        let mut changed = stem.clone();
        changed[at] = choices[rng.below(choices.len())];
        let written: String = changed.iter().collect::<String>() + suffix;
        if !known(&written) {
            return Some(written);
        }
    }
    None
}

fn findings(text: &str) -> Vec<Diagnostic> {
    static CONFIG: OnceLock<LoadedConfig> = OnceLock::new();
    let config = CONFIG.get_or_init(|| LoadedConfig::defaults(PathBuf::from(".")));
    common::analyse(text, None, config)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.starts_with("place/"))
        .collect()
}

/// Cases checked together: each is an item of its own (`本报讯（记者 王海）…`), so that
/// the article around a name is its own; a draft of many items costs far less to check
/// than as many drafts.
const BATCH: usize = 25;

/// The lines of a batch, one item each: `本报讯（记者 王海）{parent}{name}开展活动。`.
fn batch<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut lines = Vec::new();
    for (parent, name) in items {
        let start = text.len();
        text.push_str(&format!("本报讯（记者 王海）{parent}{name}开展活动。"));
        lines.push((start, text.len()));
        text.push_str("\n\n");
    }
    (text, lines)
}

/// Whether `rules` flag `written` on `line` of `text` with a fix that writes `right`
/// there, or, for a child whose name several places bear, with no fix at all.
fn found_on(
    text: &str,
    line: (usize, usize),
    found: &[Diagnostic],
    rules: &[&str],
    written: &str,
    right: &str,
) -> bool {
    let at = line.0
        + text[line.0..line.1]
            .find(written)
            .expect("the name is written");
    let want = format!(
        "{}{right}{}",
        &text[line.0..at],
        &text[at + written.len()..line.1]
    );
    found
        .iter()
        .filter(|d| rules.contains(&d.rule) && d.span.start as usize >= line.0)
        .filter(|d| (d.span.end as usize) <= line.1)
        .any(|d| {
            d.fixes.is_empty() && d.rule == "place/hierarchy"
                || d.fixes.iter().any(|fix| {
                    let mut fixed = text[..line.1].to_owned();
                    for edit in fix.edits.iter().rev() {
                        fixed.replace_range(edit.span.range(), &edit.replacement);
                    }
                    fixed[line.0..] == want
                })
        })
}

/// The place findings on `line` of `text`, rendered.
fn on_line(text: &str, line: (usize, usize), found: &[Diagnostic]) -> Option<String> {
    let here: Vec<Diagnostic> = found
        .iter()
        .filter(|d| d.span.start as usize >= line.0 && d.span.end as usize <= line.1)
        .cloned()
        .collect();
    (!here.is_empty()).then(|| common::render(text, &here))
}

/// One case: the parent written before the name, the right name, the written one.
struct Case {
    parent: String,
    right: String,
    written: String,
}

/// Runs the cases: the share `rules` find (the slip, or the wrong parent, fixed), and the
/// controls — the right names, written the same way — that gave any place finding.
fn run(cases: &[Case], rules: &[&str], slip_in_parent: bool) -> (f64, Vec<String>) {
    let mut found = 0;
    let mut false_alarms = Vec::new();
    for chunk in cases.chunks(BATCH) {
        let (text, lines) = batch(
            chunk
                .iter()
                .map(|c| (c.parent.as_str(), c.written.as_str())),
        );
        let flagged = findings(&text);
        for (case, &line) in chunk.iter().zip(&lines) {
            let hit = if slip_in_parent {
                found_on(&text, line, &flagged, rules, &case.parent, &case.right)
            } else {
                found_on(&text, line, &flagged, rules, &case.written, &case.right)
            };
            found += usize::from(hit);
        }
        let (control, lines) = if slip_in_parent {
            batch(chunk.iter().map(|c| (c.right.as_str(), c.written.as_str())))
        } else {
            batch(chunk.iter().map(|c| (c.parent.as_str(), c.right.as_str())))
        };
        let flagged = findings(&control);
        false_alarms.extend(lines.iter().filter_map(|&l| on_line(&control, l, &flagged)));
    }
    (found as f64 / cases.len() as f64, false_alarms)
}

fn place_cases(level: Level, want: usize, rng: &mut Rng) -> Vec<Case> {
    let g = Gazetteer::builtin();
    let mut confusables = Confusables::new(g);
    let ids: Vec<PlaceId> = (0..g.places().len() as PlaceId)
        .filter(|&id| {
            let p = g.place(id);
            p.level == level && !p.statistical && !p.placeholder
        })
        .collect();
    let known = |name: &str| !g.matcher().refs(name).is_empty();
    let mut cases: Vec<Case> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for _ in 0..want * 20 {
        if cases.len() == want {
            break;
        }
        let id = ids[rng.below(ids.len())];
        let right = g.place(id).name.to_string();
        let Some(written) = mutate(&right, rng, &mut confusables, known) else {
            continue;
        };
        if seen.insert(written.clone()) {
            let parent = g.parent(id).map(|p| g.place(p).name.to_string());
            cases.push(Case {
                parent: parent.unwrap_or_default(),
                right,
                written,
            });
        }
    }
    cases
}

fn village_cases(want: usize, rng: &mut Rng) -> Vec<Case> {
    let g = Gazetteer::builtin();
    let v = Villages::builtin();
    let mut confusables = Confusables::new(g);
    let known = |name: &str| v.is_name(name) || !g.matcher().refs(name).is_empty();
    let mut cases = Vec::new();
    while cases.len() < want {
        let id = rng.below(v.len()) as u32;
        let village = v.get(id);
        if village.statistical {
            continue;
        }
        if let Some(written) = mutate(&village.name, rng, &mut confusables, known) {
            cases.push(Case {
                parent: g.place(village.town).name.to_string(),
                right: village.name,
                written,
            });
        }
    }
    cases
}

#[test]
fn one_confusable_character_is_found_at_every_level() {
    let mut rng = Rng(0x6A69_616F_6475_6932);
    let levels: [(&str, Vec<Case>, f64); 5] = [
        (
            "province",
            place_cases(Level::Province, 500, &mut rng),
            0.95,
        ),
        (
            "prefecture",
            place_cases(Level::Prefecture, 500, &mut rng),
            0.9,
        ),
        ("county", place_cases(Level::County, 500, &mut rng), 0.9),
        ("town", place_cases(Level::Town, 500, &mut rng), 0.85),
        ("village", village_cases(500, &mut rng), 0.85),
    ];
    let mut failures = Vec::new();
    for (level, cases, bound) in &levels {
        let (rate, false_alarms) = run(cases, &["place/misspelled", "place/inconsistent"], false);
        println!(
            "{level}: {} mutated names, {:.1} % found, {} controls flagged",
            cases.len(),
            rate * 100.0,
            false_alarms.len()
        );
        if cases.len() < 500 || rate < *bound || !false_alarms.is_empty() {
            failures.push(format!(
                "{level}: {} cases, {:.1} % found (bound {:.0} %), controls flagged:\n{}",
                cases.len(),
                rate * 100.0,
                bound * 100.0,
                false_alarms.join("")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_county_under_a_wrong_province_is_found() {
    let g = Gazetteer::builtin();
    let mut rng = Rng(0x6A69_616F_6475_6933);
    let provinces: Vec<PlaceId> = (0..g.places().len() as PlaceId)
        .filter(|&id| g.place(id).level == Level::Province)
        .collect();
    let counties: Vec<PlaceId> = (0..g.places().len() as PlaceId)
        .filter(|&id| {
            let p = g.place(id);
            p.level == Level::County && !p.statistical && !p.placeholder
        })
        .collect();
    let short = |name: &str| jiaodui::gazetteer::short_forms::short_forms(name, "province");
    let mut cases = Vec::new();
    while cases.len() < 240 {
        let county = counties[rng.below(counties.len())];
        let name = g.place(county).name.to_string();
        let Some(right) = g.ancestors(county).last() else {
            continue;
        };
        let wrong = provinces[rng.below(provinces.len())];
        // A county of the same name under the wrong province would make it right.
        if g.lookup(&name).iter().any(|&p| g.is_within(p, wrong)) {
            continue;
        }
        // Half in full (`河北省张家港市`), half in the short form (`河北张家港市`).
        let full = cases.len() % 2 == 0;
        let form = |p: PlaceId| {
            let name = g.place(p).name.to_string();
            if full {
                name
            } else {
                short(&name).into_iter().next().unwrap_or(name)
            }
        };
        // The parent is what is wrong: `parent` is written, `right` is the fix.
        cases.push(Case {
            parent: form(wrong),
            right: form(right),
            written: name,
        });
    }
    let (rate, false_alarms) = run(&cases, &["place/hierarchy"], true);
    println!(
        "counties under a wrong province: {} cases, {:.1} % found, {} controls flagged",
        cases.len(),
        rate * 100.0,
        false_alarms.len()
    );
    // The misses are counties with a one-character stem (`单县`, `应县`): after a province
    // that does not hold them they are read as words (`应` should, `单` single).
    assert!(rate >= 0.95, "{:.1} % found", rate * 100.0);
    assert!(false_alarms.is_empty(), "{}", false_alarms.join(""));
}

#[test]
fn a_county_by_its_stem_under_a_wrong_province_is_found() {
    let g = Gazetteer::builtin();
    let mut rng = Rng(0x7374_656D_7331_3233);
    let provinces: Vec<PlaceId> = (0..g.places().len() as PlaceId)
        .filter(|&id| g.place(id).level == Level::Province)
        .collect();
    let short = |name: &str, level: &str| {
        jiaodui::gazetteer::short_forms::short_forms(name, level)
            .into_iter()
            .next()
            .unwrap_or_else(|| name.to_owned())
    };
    let stems: Vec<(String, PlaceId)> = (0..g.places().len() as PlaceId)
        .filter_map(|id| {
            let p = g.place(id);
            if p.level != Level::County || p.statistical || p.placeholder {
                return None;
            }
            let name = short(&p.name, "county");
            let stem = strip_suffix(&name)?;
            (stem.chars().count() >= 2).then(|| (stem.to_owned(), id))
        })
        .collect();
    let mut cases = Vec::new();
    let mut tried = 0;
    while cases.len() < 240 {
        let (stem, county) = &stems[rng.below(stems.len())];
        let Some(right) = g.ancestors(*county).last() else {
            continue;
        };
        let wrong = provinces[rng.below(provinces.len())];
        // `陕西平遥的客商`: a stem that no county of the wrong province bears.
        if g.counties_by_stem(stem).any(|c| g.is_within(c, wrong)) {
            continue;
        }
        tried += 1;
        let province = |p: PlaceId| short(&g.place(p).name, "province");
        cases.push(Case {
            parent: province(wrong),
            right: province(right),
            written: format!("{stem}的客商"),
        });
    }
    let (rate, false_alarms) = run(&cases, &["place/hierarchy"], true);
    println!(
        "county stems under a wrong province: {tried} cases, {:.1} % found, {} controls flagged",
        rate * 100.0,
        false_alarms.len()
    );
    // The misses, by design: stems that are everyday words too (`南部`, `和平`), that
    // counties of several provinces share (`新华`, `城关`), that name a lake, a mountain or a
    // river as well (`太湖`, `巫山`: only `巫山人`, `巫山籍` count), or that a place of the
    // written province starts with (`北京沙河` is 沙河镇).
    assert!(rate >= 0.75, "{:.1} % found", rate * 100.0);
    assert!(false_alarms.is_empty(), "{}", false_alarms.join(""));
}
