//! The gazetteer: China's administrative divisions with their parents, codes, aliases and
//! change history, plus whatever a newsroom adds.
//!
//! The built-in part ([`Gazetteer::builtin`]) is compiled into the binary and read once,
//! on first use; a newsroom gazetteer is a layer over it with the entries of the files named
//! in `[places] gazetteers` ([`Gazetteer::with_newsroom`], from the text configuration
//! read). Name lookup in text goes through [`matcher::Matcher`]; the "likely slip" test of
//! `place/misspelled` is in [`fuzzy`].
//!
//! This module knows nothing of drafts, rules or configuration, and reads no files.

mod builtin;
mod describe;
pub mod fuzzy;
mod load;
pub mod matcher;
pub mod short_forms;
mod stems;
mod table;
pub mod upper;
// The writing half of the layout is `build.rs`'s.
#[allow(dead_code)]
mod village_table;
pub mod villages;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use jiff::civil::Date;

pub use describe::{
    describe_change, describe_name, describe_place, describe_under, describe_village,
};
pub use load::{GazetteerError, NewsroomFile};
pub use matcher::{Match, Matcher, NameRef};
pub use villages::{Village, VillageId, Villages};

/// A name: borrowed from the built-in table, or owned when a newsroom file gives it.
pub type Name = Cow<'static, str>;

/// Index of a place in [`Gazetteer::places`].
pub type PlaceId = u32;
/// Index of a change in [`Gazetteer::changes`].
pub type ChangeId = u32;

/// The administrative level of a place, from the top down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 省级: 省, 自治区, 直辖市.
    Province,
    /// 地级: 地级市, 地区, 自治州, 盟.
    Prefecture,
    /// 县级: 区, 县, 县级市, 旗.
    County,
    /// 乡级: 乡, 镇, 街道, 苏木.
    Town,
    /// 村级: 村, 社区, 居委会. The built-in ones are in [`Villages`], not among the places;
    /// newsroom gazetteers add theirs as places.
    Village,
    /// Estates, schools, parks and other named places a newsroom adds.
    Landmark,
}

impl Level {
    /// The Chinese name of the level, as a hover shows it.
    pub fn label_zh(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::Prefecture => "地级",
            Level::County => "县级",
            Level::Town => "乡级",
            Level::Village => "村级",
            Level::Landmark => "地标",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        Some(match text {
            "province" => Level::Province,
            "prefecture" => Level::Prefecture,
            "county" => Level::County,
            "town" => Level::Town,
            "village" => Level::Village,
            "landmark" => Level::Landmark,
            _ => return None,
        })
    }

    /// How many digits an NBS code of this level has.
    fn code_width(self) -> usize {
        match self {
            Level::Province | Level::Prefecture | Level::County => 6,
            Level::Town => 9,
            Level::Village | Level::Landmark => 12,
        }
    }
}

/// Where an entry comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The built-in NBS 2023 data.
    Builtin,
    /// A newsroom gazetteer file, with the line the entry starts on.
    Newsroom { file: String, line: u32 },
}

/// One place.
#[derive(Clone, Debug)]
pub struct Place {
    /// The name in the form papers print (`永安社区`, not `永安社区居民委员会`).
    pub name: Name,
    /// The name as NBS publishes it, when it differs from `name`.
    pub official: Option<Name>,
    /// NBS code, when the place has one.
    pub code: Option<u64>,
    pub level: Level,
    pub parent: Option<PlaceId>,
    /// Other names that mean this place (newsroom gazetteers).
    pub aliases: Vec<Name>,
    /// Names this place had before, from newsroom gazetteers (`former = [{ name, until }]`);
    /// the built-in history is in [`Gazetteer::changes`].
    pub former: Vec<(Name, Date)>,
    /// An NBS statistical unit, not a legal division (开发区, 农场, …): never anchors a
    /// hierarchy error.
    pub statistical: bool,
    /// An NBS placeholder that is no place at all (`市辖区`, `县`, `省直辖县级行政区划`):
    /// kept for the tree, never matched in text and left out of paths.
    pub placeholder: bool,
    pub origin: Origin,
}

impl Place {
    /// The code with the digits its level has (`140213`, `140213066`).
    pub fn code_str(&self) -> Option<String> {
        self.code
            .map(|code| format!("{code:0width$}", width = self.level.code_width()))
    }
}

/// When a change happened: a day, or only a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeDate {
    Day(Date),
    Year(i16),
}

impl ChangeDate {
    /// Whether the change certainly lies before `date`: a year-only change counts only from
    /// the next year on, since its day is unknown.
    pub fn is_before(self, date: Date) -> bool {
        match self {
            ChangeDate::Day(day) => day < date,
            ChangeDate::Year(year) => year < date.year(),
        }
    }

    /// For ordering changes: a year-only change as if on its last day.
    pub fn key(self) -> (i16, i8, i8) {
        match self {
            ChangeDate::Day(d) => (d.year(), d.month(), d.day()),
            ChangeDate::Year(y) => (y, 12, 31),
        }
    }
}

impl fmt::Display for ChangeDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeDate::Day(day) => write!(f, "{}年{}月{}日", day.year(), day.month(), day.day()),
            ChangeDate::Year(year) => write!(f, "{year}年"),
        }
    }
}

/// One change of the history: an old unit and the units that received its area.
#[derive(Clone, Debug)]
pub struct Change {
    pub date: ChangeDate,
    pub old_code: u64,
    pub old_name: Name,
    /// The current place of the same prefecture (county-level changes) or county (town-level
    /// changes) the old unit lay in, when it still exists: where the old name is looked for.
    pub area: Option<PlaceId>,
    /// `(name, current place)` for each successor; the place is `None` when it no longer
    /// exists under that name.
    pub successors: Vec<(Name, Option<PlaceId>)>,
    /// `撤县设区`, `更名`, `撤乡设镇`, …
    pub kind: Name,
    /// The approving document (`国函〔2018〕22号`), when known.
    pub document: Name,
    /// Whether the old name went out of use with this change (the unit was renamed,
    /// abolished or merged, and no current place of that area bears the name).
    pub name_ceased: bool,
}

/// All places and their history, with the name matcher.
///
/// The built-in gazetteer is one layer. A newsroom gazetteer is a second layer over it: the
/// places it adds (numbered after the built-in ones), the built-in places it gives aliases or
/// former names, and its names; everything else is read from the built-in layer, so loading
/// one copies and rebuilds nothing of the built-in data.
pub struct Gazetteer {
    /// The built-in layer under a newsroom layer.
    base: Option<&'static Gazetteer>,
    /// The built-in layer's tables, read on demand (`None` in a newsroom layer).
    builtin: Option<builtin::Tables>,
    /// The id of a newsroom layer's first place: the number of built-in places.
    first: PlaceId,
    /// A newsroom layer's own places.
    places: Vec<Place>,
    /// Built-in places with the aliases and former names a newsroom layer gives them, by id.
    patched: Vec<(PlaceId, Place)>,
    /// Built on first use.
    children: OnceLock<Children>,
    matcher: Matcher,
    /// Codes of a newsroom layer's places that are not built-in codes, first place of each.
    by_code: CodeIndex,
}

type CodeIndex = HashMap<u64, PlaceId, BuildHasherDefault<matcher::FxHasher>>;

/// Children lists of one layer: for the layer's own places, all of them in one array; in a
/// newsroom layer, for built-in places that have children in it, the built-in children
/// followed by those.
struct Children {
    /// `ids[starts[i]..starts[i + 1]]` are the children of the layer's place `first + i`.
    starts: Vec<u32>,
    ids: Vec<PlaceId>,
    /// Built-in places with children in this layer, by id, with all their children.
    extended: Vec<(PlaceId, Vec<PlaceId>)>,
}

impl Children {
    /// Children lists from each place's parent, in id order (`parents[i]` is the parent of
    /// place `first + i`); parents below `first` belong to `base`.
    fn new(
        first: PlaceId,
        count: usize,
        parents: impl Iterator<Item = Option<PlaceId>> + Clone,
        base: Option<&'static Gazetteer>,
    ) -> Children {
        let mut starts = vec![0u32; count + 1];
        for parent in parents.clone().flatten().filter(|&p| p >= first) {
            starts[(parent - first) as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut ids = vec![0; starts[count] as usize];
        let mut filled = starts.clone();
        let mut extended: Vec<(PlaceId, Vec<PlaceId>)> = Vec::new();
        for (i, parent) in parents.enumerate() {
            let id = first + i as PlaceId;
            match (parent, base) {
                (Some(parent), Some(base)) if parent < first => {
                    match extended.binary_search_by_key(&parent, |e| e.0) {
                        Ok(at) => extended[at].1.push(id),
                        Err(at) => {
                            let mut all = base.children(parent).to_vec();
                            all.push(id);
                            extended.insert(at, (parent, all));
                        }
                    }
                }
                (Some(parent), _) => {
                    let slot = &mut filled[(parent - first) as usize];
                    ids[*slot as usize] = id;
                    *slot += 1;
                }
                (None, _) => {}
            }
        }
        Children {
            starts,
            ids,
            extended,
        }
    }
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places().len())
            .field("changes", &self.changes().len())
            .finish()
    }
}

/// Every place of a gazetteer, built-in and newsroom, in id order.
#[derive(Clone, Copy)]
pub struct Places<'g> {
    g: &'g Gazetteer,
}

impl<'g> Places<'g> {
    pub fn len(&self) -> usize {
        match &self.g.builtin {
            Some(tables) => tables.len(),
            None => self.g.first as usize + self.g.places.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The places in id order: `enumerate()` gives their ids.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'g Place> + 'g {
        let g = self.g;
        (0..self.len() as PlaceId).map(move |id| g.place(id))
    }
}

impl Gazetteer {
    /// The built-in gazetteer, set up on first use and shared for the life of the process.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(builtin::load)
    }

    /// A layer: the built-in one (`tables`, no `base`) or a newsroom one over it (`base`;
    /// `places` are the added places, `patched` the built-in places it extends, sorted by
    /// id). `matcher` is built by the caller, from the build-time table or from the layer's
    /// names; children lists are built on first use.
    fn layer(
        base: Option<&'static Gazetteer>,
        places: Vec<Place>,
        patched: Vec<(PlaceId, Place)>,
        tables: Option<builtin::Tables>,
        matcher: Matcher,
    ) -> Gazetteer {
        let first = base.map_or(0, |b| b.places().len() as PlaceId);
        let mut by_code = CodeIndex::default();
        if let Some(base) = base {
            for (i, place) in places.iter().enumerate() {
                if let Some(code) = place.code.filter(|&c| base.by_code(c).is_none()) {
                    by_code.entry(code).or_insert(first + i as PlaceId);
                }
            }
        }
        Gazetteer {
            base,
            builtin: tables,
            first,
            places,
            patched,
            children: OnceLock::new(),
            matcher,
            by_code,
        }
    }

    /// Every place, built-in and newsroom, in id order.
    pub fn places(&self) -> Places<'_> {
        Places { g: self }
    }

    pub fn place(&self, id: PlaceId) -> &Place {
        if let Some(tables) = &self.builtin {
            return tables.place(id);
        }
        if id >= self.first {
            return &self.places[(id - self.first) as usize];
        }
        if !self.patched.is_empty() {
            if let Ok(at) = self.patched.binary_search_by_key(&id, |p| p.0) {
                return &self.patched[at].1;
            }
        }
        self.base.expect("a newsroom layer has a base").place(id)
    }

    pub fn changes(&self) -> &[Change] {
        match (&self.builtin, self.base) {
            (Some(tables), _) => tables.changes(),
            (None, Some(base)) => base.changes(),
            (None, None) => &[],
        }
    }

    pub fn change(&self, id: ChangeId) -> &Change {
        &self.changes()[id as usize]
    }

    pub fn children(&self, id: PlaceId) -> &[PlaceId] {
        let c = self.children.get_or_init(|| match &self.builtin {
            Some(tables) => Children::new(0, tables.len(), tables.parents(), None),
            None => Children::new(
                self.first,
                self.places.len(),
                self.places.iter().map(|p| p.parent),
                self.base,
            ),
        });
        if id >= self.first {
            let i = (id - self.first) as usize;
            return &c.ids[c.starts[i] as usize..c.starts[i + 1] as usize];
        }
        match c.extended.binary_search_by_key(&id, |e| e.0) {
            Ok(at) => &c.extended[at].1,
            Err(_) => self.base.expect("a newsroom layer has a base").children(id),
        }
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The built-in villages and communities, under the built-in towns (a newsroom layer
    /// shares them: its places are numbered after the built-in ones).
    pub fn villages(&self) -> &'static Villages {
        Villages::builtin()
    }

    /// The built-in places whose codes lie in `low..high`: one run of ids, since places are
    /// in code order.
    pub(crate) fn builtin_ids_with_codes(&self, low: u64, high: u64) -> std::ops::Range<PlaceId> {
        match &Gazetteer::builtin().builtin {
            Some(tables) => tables.ids_with_codes(low, high),
            None => 0..0,
        }
    }

    /// The first place with NBS code `code`.
    pub fn by_code(&self, code: u64) -> Option<PlaceId> {
        if let Some(tables) = &self.builtin {
            return tables.by_code(code);
        }
        self.base
            .and_then(|base| base.by_code(code))
            .or_else(|| self.by_code.get(&code).copied())
    }

    /// The place's parent, skipping placeholders (`市辖区`).
    pub fn parent(&self, id: PlaceId) -> Option<PlaceId> {
        let mut parent = self.place(id).parent;
        while let Some(p) = parent {
            if !self.place(p).placeholder {
                return Some(p);
            }
            parent = self.place(p).parent;
        }
        None
    }

    /// The place's ancestors, nearest first, without placeholders.
    pub fn ancestors(&self, id: PlaceId) -> impl Iterator<Item = PlaceId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    pub fn is_within(&self, id: PlaceId, ancestor: PlaceId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// The ancestor of `id` at `level`, if any.
    pub fn ancestor_at(&self, id: PlaceId, level: Level) -> Option<PlaceId> {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .find(|&a| self.place(a).level == level)
    }

    /// The full path, top down: `山西省/大同市/平城区/水泊寺街道`.
    pub fn path(&self, id: PlaceId) -> String {
        let mut names: Vec<&str> = self.ancestors(id).map(|a| &*self.place(a).name).collect();
        names.reverse();
        names.push(&self.place(id).name);
        names.join("/")
    }

    /// Every place named `name` (by its name, official name or an alias).
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        let mut ids: Vec<PlaceId> = self
            .matcher
            .refs(name)
            .iter()
            .filter_map(|r| match *r {
                NameRef::Place(id) | NameRef::Alias(id) | NameRef::Short(id) => Some(id),
                NameRef::Former(_) | NameRef::NewsroomFormer(..) => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The changes that name `name` as the old unit.
    pub fn changes_named(&self, name: &str) -> Vec<ChangeId> {
        self.matcher
            .refs(name)
            .iter()
            .filter_map(|r| match *r {
                NameRef::Former(id) => Some(id),
                _ => None,
            })
            .collect()
    }

    /// The changes in which the place (by code, or by name within its county) was the new
    /// unit or the old one: its history, for hover and `jiaodui place`.
    pub fn history_of(&self, id: PlaceId) -> Vec<ChangeId> {
        let place = self.place(id);
        let mut out = Vec::new();
        for (i, change) in self.changes().iter().enumerate() {
            let successor = change.successors.iter().any(|(_, p)| *p == Some(id));
            let old = match place.level {
                Level::Province | Level::Prefecture | Level::County => {
                    place.code == Some(change.old_code) && *change.old_name == *place.name
                }
                _ => {
                    *change.old_name == *place.name
                        && change
                            .area
                            .is_some_and(|area| self.parent(id) == Some(area))
                }
            };
            if successor || old {
                out.push(i as ChangeId);
            }
        }
        out
    }

    /// The current places a change's area went to, following later renames: the names to
    /// suggest for a former name.
    pub fn current_successors(&self, change: ChangeId) -> Vec<PlaceId> {
        let mut out: Vec<PlaceId> = Vec::new();
        self.successors_into(change, &mut out, 0);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The current successors of `change` onto `out`; a successor gone since is followed
    /// through the later change of its name in the same area (`吴县` → 吴县市 in 1995 →
    /// 吴中区 and 相城区 in 2000), a few steps at most.
    fn successors_into(&self, change: ChangeId, out: &mut Vec<PlaceId>, depth: u8) {
        let record = self.change(change);
        for (name, place) in &record.successors {
            match place {
                Some(place) => out.push(*place),
                None if depth < 4 => {
                    for next in self.changes_named(name) {
                        let later = self.change(next);
                        if later.area == record.area && later.date.key() >= record.date.key() {
                            self.successors_into(next, out, depth + 1);
                        }
                    }
                }
                None => {}
            }
        }
    }

    /// Resolves a region like `山西省大同市平城区` to the deepest place its names chain to.
    pub fn resolve_region(&self, region: &str) -> Option<PlaceId> {
        let mut current: Option<PlaceId> = None;
        for m in self.matcher.find_all(region) {
            let ids: Vec<PlaceId> = m
                .refs
                .iter()
                .filter_map(|r| match *r {
                    NameRef::Place(id) | NameRef::Alias(id) | NameRef::Short(id) => Some(id),
                    _ => None,
                })
                .filter(|&id| current.is_none_or(|c| self.is_within(id, c)))
                .collect();
            if let [only] = ids[..] {
                current = Some(only);
            } else if let Some(&first) = ids.first() {
                // Several places of that name under the region so far: keep the shallowest.
                current = Some(
                    ids.iter()
                        .copied()
                        .min_by_key(|&id| (self.place(id).level, id))
                        .unwrap_or(first),
                );
            }
        }
        current
    }
}

/// NBS committee suffixes fold to the forms papers print: `沙岭村村民委员会`, `沙岭村村委会`
/// → `沙岭村`; `永安社区居民委员会`, `永安社区居委会` → `永安社区`; `柴庄居民委员会` →
/// `柴庄居委会`; trailing notes in parentheses and the source's slips (`沙洛社区居委会会`)
/// go. Returns `None` when the name is already in that form.
pub fn fold_committee_suffix(name: &str) -> Option<String> {
    village_table::news_form(name)
}

/// The administrative suffixes a place-like name ends with, longest first.
pub const SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "居委会",
    "街道",
    "苏木",
    "社区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "乡",
    "镇",
    "村",
];

/// The name without its administrative suffix (`平城区` → `平城`), when something is left.
pub fn strip_suffix(name: &str) -> Option<&str> {
    suffix_of(name)
        .map(|s| &name[..name.len() - s.len()])
        .filter(|stem| !stem.is_empty())
}

/// The first of [`SUFFIXES`] (so the longest) that `name` ends with.
pub fn suffix_of(name: &str) -> Option<&'static str> {
    // The last character picks the few suffixes that may fit, in `SUFFIXES` order (a test
    // checks this against `SUFFIXES`): names are checked by the thousand.
    let candidates: &[&'static str] = match name.chars().next_back()? {
        '区' => &["特别行政区", "自治区", "社区", "地区", "区"],
        '州' => &["自治州"],
        '县' => &["自治县", "县"],
        '旗' => &["自治旗", "旗"],
        '会' => &["居委会"],
        '道' => &["街道"],
        '木' => &["苏木"],
        '省' => &["省"],
        '市' => &["市"],
        '盟' => &["盟"],
        '乡' => &["乡"],
        '镇' => &["镇"],
        '村' => &["村"],
        _ => return None,
    };
    // The last character is the same: compare what comes before it, byte by byte (the
    // suffixes are a few bytes long; a call to compare them would cost more).
    let bytes = name.as_bytes();
    candidates.iter().copied().find(|s| {
        let s = s.as_bytes();
        bytes.len() >= s.len()
            && bytes[bytes.len() - s.len()..bytes.len() - 3]
                .iter()
                .zip(&s[..s.len() - 3])
                .all(|(a, b)| a == b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_committee_suffixes() {
        assert_eq!(
            fold_committee_suffix("沙岭村村民委员会").as_deref(),
            Some("沙岭村")
        );
        assert_eq!(
            fold_committee_suffix("李大头窑村村委会").as_deref(),
            Some("李大头窑村")
        );
        assert_eq!(
            fold_committee_suffix("永安社区居民委员会").as_deref(),
            Some("永安社区")
        );
        assert_eq!(
            fold_committee_suffix("永安社区居委会").as_deref(),
            Some("永安社区")
        );
        assert_eq!(
            fold_committee_suffix("马脊梁社区居委会区").as_deref(),
            Some("马脊梁社区")
        );
        assert_eq!(fold_committee_suffix("永安社区"), None);
        // 村 doubled: the NBS name may or may not repeat it.
        assert_eq!(
            fold_committee_suffix("新村村民委员会").as_deref(),
            Some("新村")
        );
        assert_eq!(
            fold_committee_suffix("沙岭村民委员会").as_deref(),
            Some("沙岭村")
        );
        // A residents' committee without 社区 keeps the short form papers print.
        assert_eq!(
            fold_committee_suffix("柴庄居民委员会").as_deref(),
            Some("柴庄居委会")
        );
        assert_eq!(fold_committee_suffix("柴庄居委会"), None);
        // Notes in parentheses and the source's slips go.
        for (nbs, news) in [
            ("东光村（天岗石材开发区）（省级）", "东光村"),
            ("旭湾村委会（龙寺潭）", "旭湾村"),
            ("铁树居委会（社区）", "铁树居委会"),
            ("沙洛社区居委会会", "沙洛社区"),
            ("吉家冲村村委会会", "吉家冲村"),
            ("忽鸡沟村委", "忽鸡沟村"),
            ("怡和社区居委", "怡和社区"),
            ("团结社区居民委员", "团结社区"),
        ] {
            assert_eq!(fold_committee_suffix(nbs).as_deref(), Some(news), "{nbs}");
        }
        // Names with no committee suffix, and suffixes with nothing before them.
        for name in [
            "乌斯吐嘎查",
            "五连生活区",
            "村民委员会",
            "（省级）",
            "溧阳监狱虚拟社区",
        ] {
            assert_eq!(fold_committee_suffix(name), None, "{name}");
        }
    }

    #[test]
    fn suffix_of_is_the_first_of_suffixes() {
        let g = Gazetteer::builtin();
        let mut names: Vec<String> = g.places().iter().map(|p| p.name.to_string()).collect();
        for suffix in SUFFIXES {
            names.push(suffix.to_string());
            names.push(format!("平城{suffix}"));
            for other in SUFFIXES {
                names.push(format!("{other}{suffix}"));
                names.push(format!("平{other}{suffix}"));
            }
        }
        names.extend(["", "区区", "a", "社", "自治", "行政区"].map(String::from));
        for name in &names {
            let first = SUFFIXES.iter().copied().find(|s| name.ends_with(s));
            assert_eq!(suffix_of(name), first, "{name}");
            let stem = SUFFIXES
                .iter()
                .find_map(|s| name.strip_suffix(s))
                .filter(|stem| !stem.is_empty());
            assert_eq!(strip_suffix(name), stem, "{name}");
        }
    }

    #[test]
    fn builtin_knows_pingcheng() {
        let g = Gazetteer::builtin();
        let ids = g.lookup("平城区");
        assert_eq!(ids.len(), 1);
        assert_eq!(g.path(ids[0]), "山西省/大同市/平城区");
        assert_eq!(g.place(ids[0]).code_str().as_deref(), Some("140213"));
        let town = g.lookup("水泊寺街道");
        assert_eq!(g.place(town[0]).code_str().as_deref(), Some("140213066"));
        assert_eq!(g.path(town[0]), "山西省/大同市/平城区/水泊寺街道");
        // Placeholders are left out of paths and never matched.
        let dongcheng = g.lookup("东城区");
        assert!(dongcheng.iter().any(|&id| g.path(id) == "北京市/东城区"));
        assert!(g.lookup("市辖区").is_empty());
        assert!(g.lookup("城关镇").len() >= 80);
    }

    #[test]
    fn builtin_knows_former_names() {
        let g = Gazetteer::builtin();
        let changes = g.changes_named("大同县");
        let ceased: Vec<_> = changes
            .iter()
            .filter(|&&c| g.change(c).name_ceased)
            .collect();
        assert_eq!(ceased.len(), 1);
        let change = g.change(*ceased[0]);
        assert_eq!(change.date.to_string(), "2018年2月9日");
        let successors = g.current_successors(*ceased[0]);
        assert_eq!(g.place(successors[0]).name.as_ref(), "云州区");
        // The town-level change joins the successor by name within the county.
        let shuibosi = g.changes_named("水泊寺乡");
        assert!(shuibosi.iter().any(|&c| g
            .current_successors(c)
            .iter()
            .any(|&p| g.place(p).code == Some(140213066))));
    }

    #[test]
    fn region_resolves() {
        let g = Gazetteer::builtin();
        let id = g.resolve_region("山西省大同市平城区").unwrap();
        assert_eq!(g.place(id).code, Some(140213));
    }
}
