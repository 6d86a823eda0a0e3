//! Slips for division names at county level and above, anywhere in the country: a name
//! with a county-or-higher suffix that no division bears, one confusable substitution, one
//! dropped or one doubled character from a division name with the same suffix (`武候区` for
//! 武侯区, `呼和浩市` for 呼和浩特市, `张家家港市` for 张家港市).
//!
//! The 3,300 names of those levels (and the everyday short forms with a suffix, `麻阳县`)
//! are indexed on first use by every form one edit away: the stem with one character left
//! open, and the stem with one character dropped. A written name is then looked up in a
//! handful of probes, never compared with every name.
//!
//! This module knows nothing of drafts or rules.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::fuzzy::{confusable, Slip};
use super::matcher::FxHasher;
use super::short_forms::short_forms;
use super::{strip_suffix, suffix_of, Gazetteer, Level, NameRef, PlaceId};
use crate::text::CharSet;

/// Divisions of Taiwan and of Hong Kong that the statistics bureau's tables do not list
/// below the province or region: real names, never slips for a mainland one (`宜兰县` is no
/// 依兰县).
const BEYOND_THE_TABLES: [&str; 45] = [
    "台北市",
    "新北市",
    "桃园市",
    "台中市",
    "台南市",
    "高雄市",
    "基隆市",
    "新竹市",
    "嘉义市",
    "新竹县",
    "苗栗县",
    "彰化县",
    "南投县",
    "云林县",
    "嘉义县",
    "屏东县",
    "宜兰县",
    "花莲县",
    "台东县",
    "澎湖县",
    "金门县",
    "连江县",
    "台北县",
    "桃园县",
    "台中县",
    "台南县",
    "高雄县",
    "中西区",
    "湾仔区",
    "东区",
    "南区",
    "油尖旺区",
    "深水埗区",
    "九龙城区",
    "黄大仙区",
    "观塘区",
    "荃湾区",
    "屯门区",
    "元朗区",
    "北区",
    "大埔区",
    "西贡区",
    "沙田区",
    "葵青区",
    "离岛区",
];

/// Whether `name` is a division the built-in tables leave out ([`BEYOND_THE_TABLES`]).
pub fn is_beyond_the_tables(name: &str) -> bool {
    BEYOND_THE_TABLES.contains(&name)
}

/// The suffixes of county-level and higher divisions.
const UPPER_SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
];

/// Stems at most this long are looked up: longer ones are never a county-level name
/// written with one slip (the few longer names are autonomous divisions, written whole).
pub const MAX_STEM: usize = 6;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Whether `suffix` is one of a county-level or higher division.
pub fn is_upper_suffix(suffix: &str) -> bool {
    UPPER_SUFFIXES.contains(&suffix)
}

/// The index of county-level and higher names.
pub struct UpperNames {
    /// Each name (full or short form with a suffix) and its places.
    names: Vec<(String, Vec<PlaceId>)>,
    /// Stem with one character left open (hashed with the open position), and suffix →
    /// the names with the character at that position.
    open: FxMap<u64, Vec<(u32, char)>>,
    /// Stem with one character dropped, and suffix → the names and the dropped character.
    dropped: FxMap<u64, Vec<(u32, char)>>,
    /// Characters that end a stem, and characters just before the last.
    last: CharSet,
    penultimate: CharSet,
    /// Names of divisions made after the built-in list (the successors of the latest
    /// changes): real names the list lacks, never slips.
    newer: OnceLock<Vec<String>>,
}

/// A slip for a county-level or higher name: the name, its places, how it differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpperSlip<'a> {
    pub right: &'a str,
    pub places: &'a [PlaceId],
    pub slip: Slip,
    /// The difference is at the written name's first character (`与城市` for 禹城市): where
    /// the name starts inside a run of characters, that is as likely another word.
    pub at_start: bool,
}

impl UpperNames {
    /// The index of the built-in gazetteer, made on first use.
    pub fn builtin() -> &'static UpperNames {
        static INDEX: OnceLock<UpperNames> = OnceLock::new();
        INDEX.get_or_init(|| UpperNames::new(Gazetteer::builtin()))
    }

    fn new(g: &Gazetteer) -> UpperNames {
        let mut index = UpperNames {
            names: Vec::with_capacity(4_000),
            open: FxMap::default(),
            dropped: FxMap::default(),
            last: CharSet::EMPTY,
            penultimate: CharSet::EMPTY,
            newer: OnceLock::new(),
        };
        let mut by_name: FxMap<String, u32> = FxMap::default();
        // Places are in code order, counties and above before every town: the index reads
        // the first few thousand and never parses the towns.
        for id in 0..g.places().len() as PlaceId {
            let place = g.place(id);
            if place.level > Level::County {
                break;
            }
            if place.placeholder || place.statistical {
                continue;
            }
            let level = match place.level {
                Level::Province => "province",
                Level::Prefecture => "prefecture",
                _ => "county",
            };
            let shorts = short_forms(&place.name, level);
            let forms = std::iter::once(place.name.to_string())
                .chain(shorts.into_iter().filter(|s| suffix_of(s).is_some()));
            for name in forms {
                let at = *by_name.entry(name.clone()).or_insert_with(|| {
                    index.names.push((name, Vec::new()));
                    (index.names.len() - 1) as u32
                });
                index.names[at as usize].1.push(id);
            }
        }
        for at in 0..index.names.len() {
            index.add(at as u32);
        }
        index
    }

    fn add(&mut self, at: u32) {
        let name = self.names[at as usize].0.clone();
        let (Some(stem), Some(suffix)) = (strip_suffix(&name), suffix_of(&name)) else {
            return;
        };
        if !is_upper_suffix(suffix) {
            return;
        }
        let chars: Vec<char> = stem.chars().collect();
        if chars.len() < 2 || chars.len() > MAX_STEM + 1 {
            return;
        }
        for (i, &c) in chars.iter().enumerate() {
            if chars.len() <= MAX_STEM {
                self.open
                    .entry(hash_open(&chars, i, suffix))
                    .or_default()
                    .push((at, c));
            }
            // A written stem of two characters or more, with this one dropped.
            if chars.len() >= 3 {
                self.dropped
                    .entry(hash_without(&chars, i, suffix))
                    .or_default()
                    .push((at, c));
            }
        }
        for (set, back) in [(&mut self.last, 1), (&mut self.penultimate, 2)] {
            if let Some(&c) = chars.len().checked_sub(back).map(|i| &chars[i]) {
                if CharSet::can_hold(c) {
                    set.insert(c);
                }
            }
        }
    }

    /// Whether some name may be one edit from a stem ending in `penultimate` then `last`:
    /// `false` rules every stem with that ending out.
    pub fn may_fit(&self, penultimate: char, last: char) -> bool {
        self.last.contains(last)
            || self.penultimate.contains(last)
            || self.penultimate.contains(penultimate)
    }

    /// Whether `name` is the name of a division made after the built-in list: a successor
    /// in the history that no current place bears (`和安县`, 2024). Read from the history on
    /// first asked, which is when a slip is about to be reported.
    pub fn is_newer(&self, g: &Gazetteer, name: &str) -> bool {
        let newer = self.newer.get_or_init(|| {
            let mut newer = Vec::new();
            for change in g.changes().iter().filter(|c| c.old_code < 1_000_000) {
                for (name, place) in &change.successors {
                    if place.is_none() && g.lookup(name).is_empty() {
                        newer.push(name.to_string());
                    }
                }
            }
            newer
        });
        newer.iter().any(|n| n == name)
    }

    /// [`UpperNames::slips`] of the built-in index, remembered per thread when `g` is the
    /// built-in gazetteer: the place recogniser asks for every ending of every place-like
    /// run, and a page, like a corpus, writes the same few hundred (`全市`, `城区`) again and
    /// again. A newsroom gazetteer may know more names, so its answers are not kept.
    pub fn builtin_slips(g: &Gazetteer, written: &str) -> Vec<UpperSlip<'static>> {
        /// Entries a thread keeps before it starts afresh (some 80 bytes each).
        const KEPT: usize = 1 << 14;
        type Seen = FxMap<Box<str>, Vec<UpperSlip<'static>>>;
        thread_local! {
            static SEEN: RefCell<Seen> = RefCell::new(Seen::default());
        }
        let index = UpperNames::builtin();
        if !std::ptr::eq(g, Gazetteer::builtin()) {
            return index.slips(g, written);
        }
        SEEN.with(|seen| {
            if let Some(found) = seen.borrow().get(written) {
                return found.clone();
            }
            let found = index.slips(g, written);
            let mut seen = seen.borrow_mut();
            if seen.len() >= KEPT {
                seen.clear();
            }
            seen.insert(written.into(), found.clone());
            found
        })
    }

    /// Every name `written` (a name no division bears, with a county-level or higher
    /// suffix) is one edit from, with how it differs; several names of one spelling are
    /// one entry.
    pub fn slips<'a>(&'a self, g: &Gazetteer, written: &str) -> Vec<UpperSlip<'a>> {
        let mut out: Vec<UpperSlip<'a>> = Vec::new();
        let (Some(stem), Some(suffix)) = (strip_suffix(written), suffix_of(written)) else {
            return out;
        };
        if !is_upper_suffix(suffix) {
            return out;
        }
        let chars: Vec<char> = stem.chars().collect();
        if chars.len() < 2 || chars.len() > MAX_STEM {
            return out;
        }
        let mut push = |at: u32, slip: Slip, at_start: bool| {
            let (right, places) = &self.names[at as usize];
            if !out.iter().any(|s| s.right == right) {
                out.push(UpperSlip {
                    right,
                    places,
                    slip,
                    at_start,
                });
            }
        };
        for (i, &written_char) in chars.iter().enumerate() {
            let Some(found) = self.open.get(&hash_open(&chars, i, suffix)) else {
                continue;
            };
            for &(at, right_char) in found {
                if right_char == written_char || !self.same_open(at, &chars, i, suffix) {
                    continue;
                }
                if let Some(why) = confusable(written_char, right_char) {
                    let slip = Slip::Replaced {
                        written: written_char,
                        right: right_char,
                        why,
                    };
                    push(at, slip, i == 0);
                }
            }
        }
        if let Some(found) = self.dropped.get(&hash_all(&chars, suffix)) {
            for &(at, missing) in found {
                if let Some(position) = self.dropped_at(at, &chars, suffix, missing) {
                    push(at, Slip::Truncated { missing }, position == 0);
                }
            }
        }
        // Ex) 张家家港市: the stem with one of two equal neighbours taken out is a name.
        for i in 1..chars.len() {
            if chars[i] != chars[i - 1] {
                continue;
            }
            let mut right: String = chars[..i].iter().chain(&chars[i + 1..]).collect();
            right.push_str(suffix);
            let upper = g.matcher().refs(&right).iter().any(|r| match *r {
                NameRef::Place(p) | NameRef::Short(p) => g.place(p).level <= Level::County,
                _ => false,
            });
            if upper {
                if let Some(at) = self.names.iter().position(|(n, _)| *n == right) {
                    push(at as u32, Slip::Doubled { doubled: chars[i] }, i == 1);
                }
            }
        }
        out
    }

    /// Whether name `at` is `chars` + `suffix` but at position `open`.
    fn same_open(&self, at: u32, chars: &[char], open: usize, suffix: &str) -> bool {
        let name = &self.names[at as usize].0;
        let Some(stem) = name.strip_suffix(suffix) else {
            return false;
        };
        stem.chars().count() == chars.len()
            && stem
                .chars()
                .zip(chars)
                .enumerate()
                .all(|(i, (a, &b))| i == open || a == b)
    }

    /// Where name `at` is `chars` + `suffix` with `missing` put back, if it is.
    fn dropped_at(&self, at: u32, chars: &[char], suffix: &str, missing: char) -> Option<usize> {
        let name = &self.names[at as usize].0;
        let known: Vec<char> = name.strip_suffix(suffix)?.chars().collect();
        if known.len() != chars.len() + 1 {
            return None;
        }
        (0..known.len()).find(|&i| {
            known[i] == missing && known[..i] == chars[..i] && known[i + 1..] == chars[i..]
        })
    }
}

/// The hash of a stem with position `open` left open, and its suffix.
fn hash_open(chars: &[char], open: usize, suffix: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write_u32(0x4F50_454E);
    for (i, &c) in chars.iter().enumerate() {
        h.write_u32(if i == open { u32::MAX } else { u32::from(c) });
    }
    h.write(suffix.as_bytes());
    h.finish()
}

/// The hash of a stem with position `dropped` left out, and its suffix: the same as
/// [`hash_all`] of the shorter stem.
fn hash_without(chars: &[char], dropped: usize, suffix: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write_u32(0x414C_4C00);
    for (i, &c) in chars.iter().enumerate() {
        if i != dropped {
            h.write_u32(u32::from(c));
        }
    }
    h.write(suffix.as_bytes());
    h.finish()
}

fn hash_all(chars: &[char], suffix: &str) -> u64 {
    hash_without(chars, usize::MAX, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rights(written: &str) -> Vec<String> {
        let g = Gazetteer::builtin();
        UpperNames::builtin()
            .slips(g, written)
            .iter()
            .map(|s| s.right.to_string())
            .collect()
    }

    #[test]
    fn one_edit_from_a_division_anywhere() {
        assert_eq!(rights("武候区"), ["武侯区"]);
        assert_eq!(rights("平成区"), ["平城区"]);
        assert_eq!(rights("呼和浩市"), ["呼和浩特市"]);
        assert_eq!(rights("张家家港市"), ["张家港市"]);
        assert_eq!(rights("闫良区"), ["阎良区"]);
        assert_eq!(rights("麻扬县"), ["麻阳县"]);
        // Not one edit from any, or not confusable.
        assert!(rights("范家庄区").is_empty());
        assert!(rights("平城镇").is_empty());
    }

    #[test]
    fn newer_divisions_are_names() {
        let g = Gazetteer::builtin();
        assert!(UpperNames::builtin().is_newer(g, "和安县"));
        assert!(!UpperNames::builtin().is_newer(g, "平城区"));
    }
}
