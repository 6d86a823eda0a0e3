//! The measurement behind the thresholds of [`super`]: the rate of confusable pairs among
//! real, distinct names of the gazetteer (towns of one county, villages of one town, one
//! character apart), and among the SIGHAN 2013 and pycorrector confusion pairs when the
//! shared research data is there (read in place, never copied; those tests skip without
//! it). The rates are printed and bounded, so a change of threshold that trades too much is
//! caught.

use std::collections::HashMap;
use std::path::PathBuf;

use super::confusable;
use crate::gazetteer::{Gazetteer, Level, PlaceId, Villages};

/// The differing characters of every two names of a group that have the same length and
/// differ in exactly one position.
fn differing_pairs(groups: impl Iterator<Item = Vec<String>>) -> Vec<(char, char)> {
    let mut out = Vec::new();
    for mut names in groups {
        names.sort_unstable();
        names.dedup();
        let names: Vec<Vec<char>> = names.iter().map(|n| n.chars().collect()).collect();
        for (k, a) in names.iter().enumerate() {
            for b in names[k + 1..].iter().filter(|b| b.len() == a.len()) {
                let mut differing = a.iter().zip(b).filter(|(x, y)| x != y);
                if let (Some((&x, &y)), None) = (differing.next(), differing.next()) {
                    out.push((x, y));
                }
            }
        }
    }
    out
}

fn town_pairs() -> Vec<(char, char)> {
    let g = Gazetteer::builtin();
    let mut by_county: HashMap<PlaceId, Vec<String>> = HashMap::new();
    for (id, place) in g.places().iter().enumerate() {
        if place.level == Level::Town {
            let county = g.parent(id as PlaceId).unwrap_or(0);
            by_county
                .entry(county)
                .or_default()
                .push(place.name.to_string());
        }
    }
    differing_pairs(by_county.into_values())
}

fn village_pairs() -> Vec<(char, char)> {
    let g = Gazetteer::builtin();
    let v = Villages::builtin();
    let towns = (0..g.places().len() as PlaceId).filter(|&t| !v.in_town(t).is_empty());
    let mut name = String::new();
    differing_pairs(towns.map(|t| {
        v.in_town(t)
            .filter_map(|id| {
                v.name_into(id, &mut name);
                (!name.ends_with("类似社区") && !name.ends_with("虚拟社区")).then(|| name.clone())
            })
            .collect()
    }))
}

/// The shares of `pairs` that [`confusable`] accepts: for any reason, as a sound pair, as a
/// shape pair, as variants.
fn rates(pairs: &[(char, char)]) -> [f64; 4] {
    let mut counts = [0usize; 4];
    for &(a, b) in pairs {
        if let Some(kind) = confusable(a, b) {
            counts[0] += 1;
            counts[1 + kind as usize] += 1;
        }
    }
    counts.map(|n| n as f64 / pairs.len().max(1) as f64)
}

fn report(set: &str, pairs: &[(char, char)]) -> f64 {
    let [any, sound, shape, variant] = rates(pairs).map(|r| r * 100.0);
    eprintln!(
        "{set}: {} pairs, {any:.2} % confusable ({sound:.2} % sound, {shape:.2} % shape, \
         {variant:.2} % variant)",
        pairs.len()
    );
    any / 100.0
}

#[test]
fn real_distinct_names_are_rarely_confusable() {
    let towns = town_pairs();
    let villages = village_pairs();
    let t = report("towns of one county one character apart", &towns);
    let v = report("villages of one town one character apart", &villages);
    assert!(towns.len() > 4_000 && villages.len() > 200_000);
    assert!(t < 0.008, "{t}");
    assert!(v < 0.005, "{v}");
}

/// [`super::radical_apart`] is asked of villages only, on top of [`confusable`]: the pairs
/// of real, distinct village names it adds are bounded here.
#[test]
fn a_radical_apart_is_rare_among_real_village_names() {
    let villages = village_pairs();
    let added = villages
        .iter()
        .filter(|&&(a, b)| confusable(a, b).is_none() && super::radical_apart(a, b))
        .count();
    let rate = added as f64 / villages.len() as f64;
    eprintln!(
        "villages of one town one character apart: {added} of {} more pairs a radical apart \
         ({:.3} %)",
        villages.len(),
        rate * 100.0
    );
    assert!(rate < 0.0005, "{added}");
    for (a, b) in [
        ('遭', '曹'),
        ('禁', '林'),
        ('桃', '兆'),
        ('徐', '余'),
        ('草', '早'),
        ('苏', '办'),
    ] {
        assert!(super::radical_apart(a, b), "{a}{b}");
    }
    for (a, b) in [
        ('银', '金'),
        ('潭', '水'),
        ('岭', '山'),
        ('二', '三'),
        ('苗', '田'),
    ] {
        assert!(!super::radical_apart(a, b), "{a}{b}");
    }
}

/// [`super::radical_apart`] for towns of one county, on top of [`confusable`]: the pairs of
/// real, distinct town names it adds are bounded as the villages' are.
#[test]
fn a_radical_apart_is_rare_among_real_town_names() {
    let towns = town_pairs();
    let added: Vec<&(char, char)> = towns
        .iter()
        .filter(|&&(a, b)| confusable(a, b).is_none() && super::radical_apart(a, b))
        .collect();
    let rate = added.len() as f64 / towns.len() as f64;
    eprintln!(
        "towns of one county one character apart: {} of {} more pairs a radical apart \
         ({:.3} %): {added:?}",
        added.len(),
        towns.len(),
        rate * 100.0
    );
    assert!(rate < 0.0005, "{}", added.len());
    assert!(super::radical_apart('埠', '阜'));
}

/// The shared data folder, when it is there: `JIAODUI_SHARED_DATA`, else `shared/data`
/// beside the repository or beside the folder of worktrees it is in.
fn shared_data() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("JIAODUI_SHARED_DATA") {
        return Some(PathBuf::from(dir));
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    repo.ancestors()
        .skip(1)
        .take(2)
        .map(|up| up.join("shared/data"))
        .find(|dir| dir.join("confusables").is_dir())
}

/// Unordered pairs of different characters from lines of `key<sep>candidates…`.
fn pairs_of(text: &str, columns: impl Fn(&str) -> Option<(char, Vec<&str>)>) -> Vec<(char, char)> {
    let mut out: Vec<(char, char)> = Vec::new();
    for line in text.lines() {
        let Some((key, fields)) = columns(line) else {
            continue;
        };
        for field in fields {
            out.extend(
                field
                    .chars()
                    .filter(|&c| c != key)
                    .map(|c| (key.min(c), key.max(c))),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[test]
fn confusion_sets_are_mostly_found() {
    let Some(dir) = shared_data() else {
        eprintln!("skipped: no shared data (set JIAODUI_SHARED_DATA)");
        return;
    };
    let read = |path: &str| std::fs::read_to_string(dir.join(path)).ok();
    let (Some(sound), Some(shape), Some(stroke)) = (
        read("confusables/sighan2013-simplified/SimilarPronunciation_simplied.txt"),
        read("confusables/sighan2013-simplified/SimilarShape_simplied.txt"),
        read("confusables/pycorrector/same_stroke.txt"),
    ) else {
        eprintln!("skipped: the confusion sets are not in {}", dir.display());
        return;
    };
    // Columns 2 and 3: same syllable and tone, same syllable with another tone.
    let sound = pairs_of(&sound, |line| {
        let mut fields = line.split('\t');
        let key = fields.next()?.chars().next()?;
        Some((key, fields.take(2).collect()))
    });
    let shape = pairs_of(&shape, |line| {
        let (key, rest) = line.split_once(',')?;
        Some((key.chars().next()?, vec![rest]))
    });
    // Groups without a head: every member against every other.
    let mut stroke_pairs = Vec::new();
    for line in stroke.lines() {
        let group: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
        for (k, &a) in group.iter().enumerate() {
            stroke_pairs.extend(
                group[k + 1..]
                    .iter()
                    .filter(|&&b| b != a)
                    .map(|&b| (a.min(b), a.max(b))),
            );
        }
    }
    stroke_pairs.sort_unstable();
    stroke_pairs.dedup();
    // A pair of one set is found when it is confusable for any reason: a look-alike that
    // also sounds the same is reported as a sound pair.
    let rates = [
        report("SIGHAN sound pairs", &sound),
        report("SIGHAN shape pairs", &shape),
        report("same_stroke pairs", &stroke_pairs),
    ];
    assert!(rates[0] > 0.8, "{rates:?}");
    assert!(rates[1] > 0.14, "{rates:?}");
    assert!(rates[2] > 0.45, "{rates:?}");
}
