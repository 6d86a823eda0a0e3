//! The built-in villages and communities (村级): NBS 2023, 620,573 rows, each under its town.
//!
//! They are not places of [`Gazetteer::places`]: a draft rarely names one, and 620,000
//! entries in the name matcher would cost every draft. The rules ask for them when a draft
//! names a place below town level — the villages of a town or a county, the entries of a
//! village name with their towns, the names under a place that a misspelled one is likely a
//! slip for. The tables (`village_table.rs` gives their layout) are read in place from the
//! binary: nothing is parsed or copied at start-up, and a lookup touches a few pages of them.
//!
//! Names are in the form papers print (`沙岭村`, `福寓苑社区`; see
//! [`super::fold_committee_suffix`]); the NBS form is [`Village::official`].
//!
//! This module knows nothing of drafts or rules.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use super::fuzzy::{likely_slip, Slip};
use super::village_table::{self, read_header, unpack, BLOCK, TAILS};
use super::{Gazetteer, Level, PlaceId};

mod data {
    include!(concat!(env!("OUT_DIR"), "/gazetteer_villages.rs"));
}

/// Index of a village in the built-in table, in code order.
pub type VillageId = u32;

/// One village or community.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Village {
    pub id: VillageId,
    /// The name in the form papers print: `沙岭村`, `福寓苑社区`.
    pub name: String,
    /// The name as NBS publishes it (`沙岭村村民委员会`), when it differs from `name`.
    pub official: Option<String>,
    /// The 12-digit NBS code.
    pub code: u64,
    /// The built-in town it lies in.
    pub town: PlaceId,
    /// An NBS quasi-unit (`…虚拟社区`, `…类似社区`): in the tree, never matched by name.
    pub statistical: bool,
}

impl Village {
    pub fn code_str(&self) -> String {
        format!("{:012}", self.code)
    }
}

/// The built-in village table. Every method reads the tables in place.
pub struct Villages {
    _private: (),
}

/// The longest name the table holds, in characters (`build.rs` checks that none is longer).
const MAX_NAME: usize = 64;

/// A name as the indexes of its characters in `CHARS`.
type Codes = ([u16; MAX_NAME], usize);

impl Villages {
    /// The built-in table.
    pub fn builtin() -> &'static Villages {
        static VILLAGES: Villages = Villages { _private: () };
        &VILLAGES
    }

    pub fn len(&self) -> usize {
        data::RECORDS.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every village, in code order (`0..len`).
    pub fn ids(&self) -> Range<VillageId> {
        0..self.len() as VillageId
    }

    /// The village with every field filled in.
    pub fn get(&self, id: VillageId) -> Village {
        let name = self.name(id);
        Village {
            id,
            official: self.official_of(id, &name),
            code: self.code(id),
            town: self.town(id),
            statistical: village_table::is_quasi_unit(&name),
            name,
        }
    }

    /// The name papers print.
    pub fn name(&self, id: VillageId) -> String {
        let mut out = String::new();
        self.name_into(id, &mut out);
        out
    }

    /// The name papers print, written into `out` (cleared first): for comparing many names
    /// without an allocation each.
    pub fn name_into(&self, id: VillageId, out: &mut String) {
        out.clear();
        let (name, _, _) = unpack(record(id));
        let (codes, len) = decode_name(name as usize);
        out.extend(codes[..len].iter().map(|&c| char_at(c)));
    }

    /// The 12-digit code.
    pub fn code(&self, id: VillageId) -> u64 {
        let town = self.town(id);
        let town_code = Gazetteer::builtin().place(town).code.unwrap_or(0);
        town_code * 1000 + u64::from(unpack(record(id)).2)
    }

    /// The built-in town the village lies in.
    pub fn town(&self, id: VillageId) -> PlaceId {
        // The last town whose first village is at or before `id`.
        let towns = data::STARTS.len() / 4 - 1;
        let at = partition_point(towns, |t| start(t) <= id as usize);
        data::FIRST_TOWN + at as PlaceId - 1
    }

    /// The villages of a built-in town (empty for any other place).
    pub fn in_town(&self, town: PlaceId) -> Range<VillageId> {
        let towns = (data::STARTS.len() / 4).saturating_sub(1) as PlaceId;
        match town.checked_sub(data::FIRST_TOWN) {
            Some(t) if t < towns => {
                start(t as usize) as VillageId..start(t as usize + 1) as VillageId
            }
            _ => 0..0,
        }
    }

    /// The villages under `place`, one level down for a town, all of its towns' for a
    /// county, prefecture or province: one run of ids, since codes nest. A newsroom place
    /// counts by its NBS code, when it has one; other places hold no built-in villages.
    pub fn under(&self, g: &Gazetteer, place: PlaceId) -> Range<VillageId> {
        let entry = g.place(place);
        let Some(code) = entry.code else { return 0..0 };
        // The town codes of the place: nine digits, its own significant digits first.
        let (low, high) = match entry.level {
            Level::Town => {
                let town = Gazetteer::builtin().by_code(code);
                return town.map_or(0..0, |t| self.in_town(t));
            }
            Level::County => (code * 1000, (code + 1) * 1000),
            Level::Prefecture => (code / 100 * 100_000, (code / 100 + 1) * 100_000),
            Level::Province => (code / 10_000 * 10_000_000, (code / 10_000 + 1) * 10_000_000),
            Level::Village | Level::Landmark => return 0..0,
        };
        let towns = Gazetteer::builtin().builtin_ids_with_codes(low, high);
        if towns.is_empty() {
            return 0..0;
        }
        self.in_town(towns.start).start..self.in_town(towns.end - 1).end
    }

    /// The village with this 12-digit code.
    pub fn by_code(&self, code: u64) -> Option<VillageId> {
        let town = Gazetteer::builtin().by_code(code / 1000)?;
        let low = (code % 1000) as u16;
        self.in_town(town).find(|&id| unpack(record(id)).2 == low)
    }

    /// Every village named `name`, in the form papers print or in NBS's (`沙岭村`,
    /// `沙岭村村民委员会`), in code order. Quasi-units are never found.
    pub fn named(&self, name: &str) -> Vec<VillageId> {
        let folded = super::fold_committee_suffix(name);
        let name = folded.as_deref().unwrap_or(name);
        self.printed_as(name)
    }

    /// Whether some village is named `name` (as [`Villages::named`] reads it).
    pub fn is_name(&self, name: &str) -> bool {
        !self.named(name).is_empty()
    }

    /// The villages named `name` under `scope` (any level, as [`Villages::under`]).
    pub fn named_under(&self, g: &Gazetteer, name: &str, scope: PlaceId) -> Vec<VillageId> {
        let range = self.under(g, scope);
        let mut ids = self.named(name);
        ids.retain(|id| range.contains(id));
        ids
    }

    /// Up to `limit` distinct names that start with `prefix`, in character order: what a
    /// completion offers. Quasi-units are left out.
    pub fn names_with_prefix(&self, prefix: &str, limit: usize) -> Vec<String> {
        let mut out = Vec::new();
        let Some((want, want_len)) = encode(prefix) else {
            return out;
        };
        let want = &want[..want_len];
        let first = first_name_at_least(want);
        let block = first / BLOCK * BLOCK;
        for (codes, len) in names_from(block).skip(first - block) {
            if out.len() >= limit {
                break;
            }
            if !codes[..len].starts_with(want) {
                break;
            }
            let name: String = codes[..len].iter().map(|&c| char_at(c)).collect();
            if !village_table::is_quasi_unit(&name) {
                out.push(name);
            }
        }
        out
    }

    /// The full path: `山西省/大同市/平城区/新建南路街道/福寓苑社区`.
    pub fn path(&self, g: &Gazetteer, id: VillageId) -> String {
        format!("{}/{}", g.path(self.town(id)), self.name(id))
    }

    /// The villages under `scope` (as [`Villages::under`]) with their names, quasi-units
    /// left out, appended to `out`: for comparing many names with the same villages.
    pub fn names_under(&self, g: &Gazetteer, scope: PlaceId, out: &mut Vec<(VillageId, String)>) {
        let mut name = String::new();
        for id in self.under(g, scope) {
            self.name_into(id, &mut name);
            if !village_table::is_quasi_unit(&name) {
                out.push((id, name.clone()));
            }
        }
    }

    /// [`Villages::names_under`] shared: decoded once a run for each run of villages and
    /// kept, up to `SHARED_NAMES` names in all (past it the kept ones are forgotten at once).
    /// Drafts of one paper name the communities of the same few districts again and again,
    /// and decoding a county's hundreds of names cost more than checking a short draft.
    pub fn names_under_shared(&self, g: &Gazetteer, scope: PlaceId) -> Arc<[(VillageId, String)]> {
        type Kept = HashMap<(VillageId, VillageId), Arc<[(VillageId, String)]>>;
        static KEPT: Mutex<Option<(Kept, usize)>> = Mutex::new(None);
        const SHARED_NAMES: usize = 100_000;
        let range = self.under(g, scope);
        let key = (range.start, range.end);
        let lock = || KEPT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((kept, _)) = lock().as_ref() {
            if let Some(names) = kept.get(&key) {
                return names.clone();
            }
        }
        let mut names = Vec::new();
        self.names_under(g, scope, &mut names);
        let names: Arc<[(VillageId, String)]> = names.into();
        let mut guard = lock();
        let (kept, count) = guard.get_or_insert_with(Default::default);
        if *count + names.len() > SHARED_NAMES {
            kept.clear();
            *count = 0;
        }
        if kept.insert(key, names.clone()).is_none() {
            *count += names.len();
        }
        names
    }

    /// Every village whose printed name is exactly `name` (no NBS form folded), in code
    /// order; quasi-units are never found. The same as comparing `name` with each name of
    /// [`Villages::names_under`], without decoding them.
    pub fn printed_as(&self, name: &str) -> Vec<VillageId> {
        // Finding a name decodes a dozen names of the front-coded list; drafts of one paper
        // name the same communities again and again, so the answers are kept for the run
        // (up to `KEPT_NAMES` of them, then forgotten at once).
        type Kept = HashMap<Box<str>, Vec<VillageId>>;
        static KEPT: Mutex<Option<Kept>> = Mutex::new(None);
        const KEPT_NAMES: usize = 4096;
        let lock = || KEPT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ids) = lock().as_ref().and_then(|kept| kept.get(name)) {
            return ids.clone();
        }
        let ids = printed_as(name);
        let mut guard = lock();
        let kept = guard.get_or_insert_with(Kept::new);
        if kept.len() >= KEPT_NAMES {
            kept.clear();
        }
        kept.insert(name.into(), ids.clone());
        ids
    }

    /// The villages under `scope` (as [`Villages::under`]) that `written` — a name no
    /// village there bears — is likely a slip for ([`likely_slip`]), with how it differs.
    /// Several results mean no one of them is certain.
    pub fn slips_under(
        &self,
        g: &Gazetteer,
        written: &str,
        scope: PlaceId,
    ) -> Vec<(VillageId, Slip)> {
        let mut out = Vec::new();
        let mut name = String::new();
        for id in self.under(g, scope) {
            self.name_into(id, &mut name);
            if name == written || village_table::is_quasi_unit(&name) {
                continue;
            }
            if let Some(slip) = likely_slip(written, &name) {
                out.push((id, slip));
            }
        }
        out
    }

    fn official_of(&self, id: VillageId, name: &str) -> Option<String> {
        if let Ok(at) = data::EXCEPTIONS.binary_search_by_key(&id, |e| e.0) {
            return Some(data::EXCEPTIONS[at].1.to_owned());
        }
        let (_, tail, _) = unpack(record(id));
        let (strip, add) = TAILS[tail as usize];
        if tail == 0 {
            return None;
        }
        let stem = name.strip_suffix(strip).unwrap_or(name);
        Some(format!("{stem}{add}"))
    }
}

/// [`Villages::printed_as`], looked up.
fn printed_as(name: &str) -> Vec<VillageId> {
    let Some(index) = find_name(name) else {
        return Vec::new();
    };
    let postings = data::POSTINGS.len() / 3;
    let first = partition_point(postings, |p| name_of(posting(p)) < index);
    (first..postings)
        .map(posting)
        .take_while(|&id| name_of(id) == index)
        .collect()
}

fn record(id: VillageId) -> u32 {
    let at = id as usize * 4;
    u32::from_le_bytes(data::RECORDS[at..at + 4].try_into().expect("4 bytes"))
}

fn name_of(id: VillageId) -> u32 {
    unpack(record(id)).0
}

fn start(town: usize) -> usize {
    let at = town * 4;
    u32::from_le_bytes(data::STARTS[at..at + 4].try_into().expect("4 bytes")) as usize
}

fn posting(i: usize) -> VillageId {
    let at = i * 3;
    let b = &data::POSTINGS[at..at + 3];
    u32::from_le_bytes([b[0], b[1], b[2], 0])
}

fn block_start(block: usize) -> usize {
    let at = block * 4;
    u32::from_le_bytes(data::BLOCKS[at..at + 4].try_into().expect("4 bytes")) as usize
}

fn char_at(code: u16) -> char {
    let at = usize::from(code) * 4;
    let c = u32::from_le_bytes(data::CHARS[at..at + 4].try_into().expect("4 bytes"));
    char::from_u32(c).unwrap_or('\u{FFFD}')
}

/// The first index in `0..n` for which `pred` is false (`pred` true then false).
fn partition_point(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, n);
    while low < high {
        let mid = (low + high) / 2;
        if pred(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

/// `text` as character indexes, or `None` when a character is in no village name (or the
/// text is longer than any).
fn encode(text: &str) -> Option<Codes> {
    let mut out = [0u16; MAX_NAME];
    let mut len = 0;
    let chars = data::CHARS.len() / 4;
    for ch in text.chars() {
        if len == MAX_NAME {
            return None;
        }
        let at = partition_point(chars, |i| char_at(i as u16) < ch);
        if at == chars || char_at(at as u16) != ch {
            return None;
        }
        out[len] = at as u16;
        len += 1;
    }
    Some((out, len))
}

/// Name `index` of the sorted list, decoded from the start of its block.
fn decode_name(index: usize) -> Codes {
    let mut names = names_from(index / BLOCK * BLOCK);
    for _ in 0..index % BLOCK {
        names.next();
    }
    names.next().expect("an index below NAME_COUNT")
}

/// The names of the sorted list from `first`, the first name of a block, on.
fn names_from(first: usize) -> impl Iterator<Item = Codes> {
    debug_assert_eq!(first % BLOCK, 0);
    let mut at = if first < data::NAME_COUNT {
        block_start(first / BLOCK)
    } else {
        data::NAMES.len()
    };
    let mut codes = [0u16; MAX_NAME];
    std::iter::from_fn(move || {
        if at >= data::NAMES.len() {
            return None;
        }
        let (shared, rest, header) = read_header(&data::NAMES[at..]);
        at += header;
        for (k, code) in codes[shared..shared + rest].iter_mut().enumerate() {
            let b = at + k * 2;
            *code = u16::from_le_bytes([data::NAMES[b], data::NAMES[b + 1]]);
        }
        at += rest * 2;
        Some((codes, shared + rest))
    })
}

/// The index of the first name not less than `want` (`NAME_COUNT` when there is none).
fn first_name_at_least(want: &[u16]) -> usize {
    let blocks = data::NAME_COUNT.div_ceil(BLOCK);
    // The last block whose first name is less than `want`: the first name at least `want`
    // lies in it or starts the next.
    let block = partition_point(blocks, |b| {
        let (codes, len) = decode_name(b * BLOCK);
        codes[..len] < *want
    });
    let from = block.saturating_sub(1) * BLOCK;
    names_from(from)
        .position(|(codes, len)| codes[..len] >= *want)
        .map_or(data::NAME_COUNT, |k| from + k)
}

/// The index of `name` in the sorted list.
fn find_name(name: &str) -> Option<u32> {
    let (want, len) = encode(name)?;
    let index = first_name_at_least(&want[..len]);
    if index == data::NAME_COUNT {
        return None;
    }
    let (codes, found) = decode_name(index);
    (codes[..found] == want[..len]).then_some(index as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fuyuyuan() -> (VillageId, &'static Gazetteer) {
        let g = Gazetteer::builtin();
        let ids = Villages::builtin().named("福寓苑社区");
        assert_eq!(ids.len(), 1, "{ids:?}");
        (ids[0], g)
    }

    #[test]
    fn every_village_is_there() {
        let v = Villages::builtin();
        assert_eq!(v.len(), 620_573);
        assert_eq!(data::NAME_COUNT, 302_204);
    }

    #[test]
    fn a_village_has_its_code_town_path_and_official_name() {
        let (id, g) = fuyuyuan();
        let v = Villages::builtin();
        let village = v.get(id);
        assert_eq!(village.code_str(), "140213052010");
        assert_eq!(village.official.as_deref(), Some("福寓苑社区居民委员会"));
        // In 2021 the community lay in 新建南路街道; in the 2023 list its town (code
        // 140213052) is 新旺街道.
        assert_eq!(g.place(village.town).name, "新旺街道");
        assert_eq!(v.path(g, id), "山西省/大同市/平城区/新旺街道/福寓苑社区");
        assert_eq!(v.by_code(140213052010), Some(id));
        assert_eq!(v.by_code(140213052999), None);
        // The official form finds it too.
        assert_eq!(v.named("福寓苑社区居民委员会"), vec![id]);
        assert_eq!(v.named("福寓苑社区居委会"), vec![id]);
    }

    #[test]
    fn official_names_are_rebuilt_exactly() {
        let v = Villages::builtin();
        for (code, official) in [
            (110113006234, Some("沙岭村委会")),
            (140213052001, Some("和信社区居民委员会")),
            (110101001001, Some("多福巷社区居委会")),
        ] {
            let village = v.get(v.by_code(code).unwrap());
            assert_eq!(village.official.as_deref(), official, "{code}");
        }
        // Kept whole where no suffix kind rebuilds it.
        let id = v
            .named("东光村")
            .into_iter()
            .find(|&id| v.get(id).official.as_deref() == Some("东光村（天岗石材开发区）（省级）"));
        assert!(id.is_some());
        assert!(data::EXCEPTIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn names_repeat_and_scopes_narrow_them() {
        let g = Gazetteer::builtin();
        let v = Villages::builtin();
        let shaling = v.named("沙岭村");
        assert!(shaling.len() > 10, "{}", shaling.len());
        let datong = g.lookup("大同市")[0];
        let in_datong = v.named_under(g, "沙岭村", datong);
        assert_eq!(in_datong.len(), 3, "{in_datong:?}");
        let huquan = g
            .lookup("壶泉镇")
            .into_iter()
            .find(|&t| g.is_within(t, datong))
            .unwrap();
        let one = v.named_under(g, "沙岭村", huquan);
        assert_eq!(one.len(), 1);
        assert_eq!(v.town(one[0]), huquan);
        assert!(v.named("沙岭村村民委员会").len() == shaling.len());
        assert!(v.named("没有这个村").is_empty());
        assert!(v.named("").is_empty());
    }

    #[test]
    fn ranges_nest_by_code() {
        let g = Gazetteer::builtin();
        let v = Villages::builtin();
        let (id, _) = fuyuyuan();
        let town = v.town(id);
        let county = g.parent(town).unwrap();
        let city = g.parent(county).unwrap();
        let province = g.parent(city).unwrap();
        let ranges = [town, county, city, province].map(|p| v.under(g, p));
        for w in ranges.windows(2) {
            assert!(
                w[1].start <= w[0].start && w[0].end <= w[1].end,
                "{ranges:?}"
            );
        }
        assert!(ranges[0].contains(&id));
        // Every village of the county lies under one of its towns, and the other way round.
        let by_towns: usize = g.children(county).iter().map(|&t| v.in_town(t).len()).sum();
        assert_eq!(by_towns, ranges[1].len());
        assert!(ranges[1]
            .clone()
            .all(|i| g.parent(v.town(i)) == Some(county)));
        assert_eq!(v.under(g, g.lookup("北京市")[0]).start, 0);
    }

    #[test]
    fn every_town_and_code_round_trips() {
        let g = Gazetteer::builtin();
        let v = Villages::builtin();
        // A sample across the table: codes found back, towns holding their villages.
        for id in (0..v.len() as VillageId).step_by(997) {
            let code = v.code(id);
            assert_eq!(v.by_code(code), Some(id), "{code}");
            assert!(v.in_town(v.town(id)).contains(&id));
            assert_eq!(g.place(v.town(id)).level, Level::Town);
        }
        let last = v.len() as VillageId - 1;
        assert_eq!(v.by_code(v.code(last)), Some(last));
    }

    #[test]
    fn quasi_units_are_in_the_tree_but_not_names() {
        let v = Villages::builtin();
        let quasi = (0..v.len() as VillageId)
            .step_by(7)
            .map(|id| v.get(id))
            .find(|village| village.statistical)
            .expect("a quasi-unit");
        assert!(v.named(&quasi.name).is_empty(), "{}", quasi.name);
        assert!(v.in_town(quasi.town).contains(&quasi.id));
    }

    #[test]
    fn prefixes_are_bounded_and_sorted() {
        let v = Villages::builtin();
        let names = v.names_with_prefix("福寓", 50);
        assert!(names.iter().any(|n| n == "福寓苑社区"), "{names:?}");
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(names.iter().all(|n| n.starts_with("福寓")));
        assert_eq!(v.names_with_prefix("沙", 20).len(), 20);
        assert!(v.names_with_prefix("𠮷", 20).is_empty());
        // Every name of a block and across blocks is found by its own prefix.
        for id in (0..v.len() as VillageId).step_by(4999) {
            let name = v.name(id);
            if !village_table::is_quasi_unit(&name) {
                assert_eq!(v.names_with_prefix(&name, 1), vec![name.clone()]);
                assert!(v.named(&name).contains(&id), "{name}");
            }
        }
    }

    #[test]
    fn the_seed_page_slip_has_one_confusable_sibling() {
        let g = Gazetteer::builtin();
        let v = Villages::builtin();
        let (id, _) = fuyuyuan();
        let town = v.town(id);
        let county = g.parent(town).unwrap();
        assert!(v.named("福富苑社区").is_empty());
        for scope in [town, county] {
            let slips = v.slips_under(g, "福富苑社区", scope);
            assert_eq!(slips.len(), 1, "{slips:?}");
            assert_eq!(slips[0].0, id);
        }
    }
}
