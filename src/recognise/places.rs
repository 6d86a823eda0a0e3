//! The places recogniser: finds the place names of a draft and resolves each to gazetteer
//! entries (DESIGN §6).
//!
//! - Known names (names, aliases, former names) are found by the gazetteer's matcher,
//!   leftmost-longest. A name that is also an everyday word (`城区`, `新区`, any one
//!   character plus a suffix) counts only right after a name of a place that contains it
//!   (`大同市城区`).
//! - Place-like names that are not known — Han characters ending in an administrative suffix
//!   — are candidates. Their start is taken from a known name right before them or from
//!   punctuation, never guessed; each is compared with the known names of its context for a
//!   likely slip ([`crate::gazetteer::fuzzy`]).
//! - Names repeat all over China. A mention is resolved by the names right around it
//!   (`水泊寺街道永安社区`), then by the article's other places, then by `[bulletin] region`.
//! - Short forms (`平城` for `平城区`) that appear before the first full mention.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use crate::document::BlockId;
use crate::gazetteer::fuzzy::{likely_slip, Slip};
use crate::gazetteer::matcher::FxHasher;
use crate::gazetteer::{
    strip_suffix, ChangeId, Gazetteer, Level, Match, Name, NameRef, PlaceId, SUFFIXES,
};
use crate::text::{is_han, Span};

use super::Input;

/// Everything the recogniser found.
#[derive(Clone, Debug, Default)]
pub struct Places {
    /// Known names, in text order.
    pub mentions: Vec<Mention>,
    /// Place-like names that are not known but are likely slips for known ones.
    pub slips: Vec<SlipCandidate>,
    /// Short forms written before the first full mention of their place.
    pub early_short_forms: Vec<ShortForm>,
    /// `[bulletin] region`, resolved.
    pub region: Option<PlaceId>,
}

/// A known name in the text.
#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    /// Borrowed from the gazetteer when it holds the name as written.
    pub name: Name,
    /// Current places the name may mean, narrowed by context; one when resolved.
    pub places: PlaceIds,
    /// Every current place of that name, before narrowing.
    pub all_places: PlaceIds,
    /// Changes after which this name went out of use, narrowed by context.
    pub former: Vec<ChangeId>,
    /// Former names from a newsroom gazetteer: the place and the index in its `former`.
    pub newsroom_former: Vec<(PlaceId, u32)>,
    pub resolved_by: Resolution,
    /// The mention written right before this one with nothing between (`水泊寺街道` in
    /// `水泊寺街道永安社区`).
    pub after: Option<usize>,
    /// The article the mention is in.
    pub article: Option<usize>,
}

/// The places a name may mean. Most names mean one place or a few: up to four are kept
/// inline, so the mentions of a draft allocate nothing for them.
#[derive(Clone, Default)]
pub struct PlaceIds(Ids);

const INLINE_IDS: usize = 4;

#[derive(Clone)]
enum Ids {
    Inline { len: u8, ids: [PlaceId; INLINE_IDS] },
    Heap(Vec<PlaceId>),
}

impl Default for Ids {
    fn default() -> Ids {
        Ids::Inline {
            len: 0,
            ids: [0; INLINE_IDS],
        }
    }
}

impl PlaceIds {
    pub fn new() -> PlaceIds {
        PlaceIds::default()
    }

    pub fn from_slice(ids: &[PlaceId]) -> PlaceIds {
        PlaceIds(match ids.len() {
            len @ 0..=INLINE_IDS => {
                let mut inline = [0; INLINE_IDS];
                inline[..len].copy_from_slice(ids);
                Ids::Inline {
                    len: len as u8,
                    ids: inline,
                }
            }
            _ => Ids::Heap(ids.to_vec()),
        })
    }

    pub fn as_slice(&self) -> &[PlaceId] {
        match &self.0 {
            Ids::Inline { len, ids } => &ids[..*len as usize],
            Ids::Heap(ids) => ids,
        }
    }

    pub fn push(&mut self, id: PlaceId) {
        match &mut self.0 {
            Ids::Inline { len, ids } if (*len as usize) < INLINE_IDS => {
                ids[*len as usize] = id;
                *len += 1;
            }
            Ids::Inline { ids, .. } => {
                let mut heap = ids.to_vec();
                heap.push(id);
                self.0 = Ids::Heap(heap);
            }
            Ids::Heap(ids) => ids.push(id),
        }
    }

    /// Keeps the places for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(PlaceId) -> bool) {
        match &mut self.0 {
            Ids::Inline { len, ids } => {
                let mut kept = 0;
                for i in 0..*len as usize {
                    if keep(ids[i]) {
                        ids[kept] = ids[i];
                        kept += 1;
                    }
                }
                *len = kept as u8;
            }
            Ids::Heap(ids) => ids.retain(|&id| keep(id)),
        }
    }
}

impl std::ops::Deref for PlaceIds {
    type Target = [PlaceId];

    fn deref(&self) -> &[PlaceId] {
        self.as_slice()
    }
}

/// Equal when they hold the same places in the same order, however they keep them.
impl PartialEq for PlaceIds {
    fn eq(&self, other: &PlaceIds) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for PlaceIds {}

impl fmt::Debug for PlaceIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<'a> IntoIterator for &'a PlaceIds {
    type Item = &'a PlaceId;
    type IntoIter = std::slice::Iter<'a, PlaceId>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl From<&[PlaceId]> for PlaceIds {
    fn from(ids: &[PlaceId]) -> PlaceIds {
        PlaceIds::from_slice(ids)
    }
}

/// How a mention was resolved to its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Only one place has the name.
    Unique,
    /// By the names right around it.
    Text,
    /// By the article's other places.
    Article,
    /// By `[bulletin] region`.
    Region,
    /// Several places remain.
    Ambiguous,
    /// No current place: a former name only.
    Former,
}

/// What a slip candidate was compared against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlipBasis {
    /// The place named right before it (`水泊寺街道永按社区`).
    Parent(usize),
    /// The article's places or `[bulletin] region`.
    Context,
    /// The right name is written elsewhere in the draft (that mention), so the draft spells
    /// one place two ways.
    Draft(usize),
}

/// A place-like name not in the gazetteer that is likely a slip for a known one.
#[derive(Clone, Debug)]
pub struct SlipCandidate {
    pub span: Span,
    pub name: String,
    /// The known name it is likely a slip for, and its places.
    pub right: String,
    pub places: Vec<PlaceId>,
    pub slip: Slip,
    pub basis: SlipBasis,
}

/// A short form written before the first full mention of its place.
#[derive(Clone, Debug)]
pub struct ShortForm {
    pub span: Span,
    pub short: String,
    /// The first full mention, an index into `mentions`.
    pub full: usize,
}

/// Names that are also everyday words: they count as places only right after the name of a
/// place that contains them.
const EVERYDAY: &[&str] = &[
    "新城区",
    "老城区",
    "开发区",
    "高新区",
    "经济开发区",
    "工业园区",
    "保税区",
    "示范区",
    "新区",
    "郊区",
    "市郊区",
    "近郊区",
    "远郊区",
    "矿区",
    "城区",
    "林区",
    "牧区",
    "山区",
    "景区",
    "市区",
    "社区",
    "园区",
    "新村",
];

/// Whether `name` is one of [`EVERYDAY`]: asked of every name found, so the last character
/// (区 or 村 for all of them), the lengths and the first characters are compared before any
/// whole name.
fn is_everyday(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.len() < 6 || !matches!(&bytes[bytes.len() - 3..], b"\xE5\x8C\xBA" | b"\xE6\x9D\x91") {
        return false;
    }
    EVERYDAY
        .iter()
        .any(|e| e.len() == name.len() && e.as_bytes()[..3] == bytes[..3] && *e == name)
}

/// Characters after a name that show it is part of a longer word (`中山市场`, `城关乡村`).
fn continues_word(name: &str, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    let last = name.chars().next_back();
    matches!(
        (last, next),
        (Some('市'), '场' | '长' | '政' | '容' | '县' | '面')
            | (
                Some('乡'),
                '村' | '亲' | '土' | '愁' | '音' | '镇' | '间' | '下' | '里'
            )
            | (Some('镇'), '压' | '定' | '静' | '守' | '长')
            | (Some('区'), '域' | '别' | '分' | '间' | '长')
            | (Some('县'), '长' | '令' | '官')
            | (Some('村'), '庄' | '落' | '镇' | '寨' | '长')
            | (Some('省'), '长' | '力' | '略' | '钱' | '事' | '去')
    )
}

pub fn recognise(input: &Input<'_>) -> Places {
    let g = input.gazetteer;
    let region = input.newsroom.region.and_then(|r| g.resolve_region(r));
    // Room for what a page usually has, so that the vectors seldom grow.
    let mut known = KnownSearch {
        tree: Tree::new(g),
        articles: Articles::default(),
        found: Vec::with_capacity(16),
        openers: Vec::with_capacity(input.text.len() / 32),
        places: Vec::with_capacity(16),
    };
    let mut mentions: Vec<Mention> = Vec::with_capacity(input.text.len() / 128);
    // Each segment, with where its suffix openers lie in `known.openers`.
    let mut segments: Vec<(Span, Range<usize>)> = Vec::with_capacity(32);
    for segment in input.draft.segments() {
        let first = known.openers.len();
        find_known(input, &mut known, segment, &mut mentions);
        segments.push((segment, first..known.openers.len()));
    }
    let KnownSearch {
        mut tree,
        articles,
        openers,
        ..
    } = known;
    resolve(&mut tree, &mut mentions, input.draft.articles.len(), region);
    mentions.shrink_to_fit();
    // Each article's context for names with no parent written before them: the county or
    // town around each settled place.
    let mut context = ByArticle::new(input.draft.articles.len());
    for m in mentions.iter().filter(|m| m.places.len() == 1) {
        let p = m.places[0];
        let scope = match g.place(p).level {
            Level::Province | Level::Prefecture => continue,
            Level::County | Level::Town => p,
            _ => match tree.parent(p) {
                Some(parent) => parent,
                None => continue,
            },
        };
        let scopes = context.get_mut(m.article);
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
    }
    let mut slips = Vec::new();
    let mut search = SlipSearch {
        under: Under::new(g),
        articles,
        context,
        region,
        scopes: Vec::with_capacity(8),
        first_of_names: None,
    };
    for (segment, at) in &segments {
        find_slips(
            input,
            &mut search,
            *segment,
            &openers[at.clone()],
            &mentions,
            &mut slips,
        );
    }
    let early_short_forms = find_short_forms(input, g, &segments, &mentions);
    Places {
        mentions,
        slips,
        early_short_forms,
        region,
    }
}

/// A name with no stem, or a one-character one (`城区`, `和县`): too short to tell from an
/// everyday word.
fn stem_too_short(name: &str) -> bool {
    strip_suffix(name).is_none_or(|stem| stem.chars().count() < 2)
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Each place's chain of ancestors, read from the gazetteer once per draft: the same few
/// places are asked about again and again (which place contains which, how deep two places
/// share a branch), and each step up the gazetteer looks up a place.
struct Tree<'g> {
    g: &'g Gazetteer,
    /// Where each chain asked for lies in `ids`.
    chains: FxMap<PlaceId, (u32, u32)>,
    /// The chains, each from the top (a province) down to the place itself, without
    /// placeholders: the place and [`Gazetteer::ancestors`], reversed.
    ids: Vec<PlaceId>,
}

impl<'g> Tree<'g> {
    fn new(g: &'g Gazetteer) -> Tree<'g> {
        Tree {
            g,
            chains: FxMap::with_capacity_and_hasher(64, Default::default()),
            ids: Vec::with_capacity(256),
        }
    }

    /// Where the chain of `p` lies in `ids`.
    fn chain_range(&mut self, p: PlaceId) -> Range<usize> {
        let (start, end) = *self.chains.entry(p).or_insert_with(|| {
            // `Gazetteer::ancestors`, reading each place once.
            let start = self.ids.len();
            let mut parent = self.g.place(p).parent;
            while let Some(q) = parent {
                let place = self.g.place(q);
                if !place.placeholder {
                    self.ids.push(q);
                }
                parent = place.parent;
            }
            self.ids[start..].reverse();
            self.ids.push(p);
            (start as u32, self.ids.len() as u32)
        });
        start as usize..end as usize
    }

    fn chain(&mut self, p: PlaceId) -> &[PlaceId] {
        let range = self.chain_range(p);
        &self.ids[range]
    }

    /// [`Gazetteer::is_within`].
    fn within(&mut self, p: PlaceId, ancestor: PlaceId) -> bool {
        p == ancestor || self.chain(p).contains(&ancestor)
    }

    /// [`Gazetteer::parent`].
    fn parent(&mut self, p: PlaceId) -> Option<PlaceId> {
        let chain = self.chain(p);
        chain.len().checked_sub(2).map(|i| chain[i])
    }
}

/// How many levels two chains of [`Tree`] share from the top (a common province is 1, a
/// common prefecture 2, …); 0 when they share none.
fn common_depth(a: &[PlaceId], b: &[PlaceId]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The article of each offset, remembering the last block's: the mentions of a paragraph
/// all ask for the same one.
#[derive(Default)]
struct Articles {
    last: Option<(BlockId, Option<usize>)>,
}

impl Articles {
    /// `Draft::block_at`, then `Draft::article_of`.
    fn at(&mut self, input: &Input<'_>, offset: u32) -> Option<usize> {
        let blocks = &input.draft.blocks;
        if let Some((block, article)) = self.last {
            // The block `block_at` gives is the first ending at or after `offset`, if it
            // starts at or before it.
            let span = blocks[block].span;
            let first = block == 0 || blocks[block - 1].span.end < offset;
            if first && span.start <= offset && offset <= span.end {
                return article;
            }
        }
        let block = input.draft.block_at(offset)?;
        let article = input.draft.article_of(block);
        self.last = Some((block, article));
        article
    }
}

/// Something for each article and for the text outside every article, by
/// [`Mention::article`].
struct ByArticle(Vec<Vec<PlaceId>>);

impl ByArticle {
    fn new(articles: usize) -> ByArticle {
        ByArticle(vec![Vec::new(); articles + 1])
    }

    fn index(article: Option<usize>) -> usize {
        article.map_or(0, |a| a + 1)
    }

    fn get(&self, article: Option<usize>) -> &[PlaceId] {
        self.0.get(Self::index(article)).map_or(&[], Vec::as_slice)
    }

    fn get_mut(&mut self, article: Option<usize>) -> &mut Vec<PlaceId> {
        let i = Self::index(article);
        if i >= self.0.len() {
            self.0.resize(i + 1, Vec::new());
        }
        &mut self.0[i]
    }
}

/// What `find_known` keeps from one segment to the next.
struct KnownSearch<'g> {
    tree: Tree<'g>,
    articles: Articles,
    /// The matches of a segment.
    found: Vec<Match<'g>>,
    /// The characters that open an administrative suffix, with their `SUFFIXES` bits.
    openers: Vec<(u32, u32)>,
    /// The places of a match.
    places: Vec<PlaceId>,
}

/// Finds the known names of `segment`, and the characters that open an administrative
/// suffix (for `find_slips`) on the way.
fn find_known<'g>(
    input: &Input<'_>,
    search: &mut KnownSearch<'g>,
    segment: Span,
    mentions: &mut Vec<Mention>,
) {
    let KnownSearch {
        tree,
        articles,
        found,
        openers,
        places: places_buf,
    } = search;
    let g = tree.g;
    let body = &input.text[segment.range()];
    let first_in_segment = mentions.len();
    found.clear();
    g.matcher().find_all_visiting(body, found, |offset, ch| {
        let suffixes = opened_by(ch);
        if suffixes != 0 {
            openers.push((segment.start + offset as u32, suffixes));
        }
    });
    for m in found.iter() {
        let name = &body[m.start..m.end];
        let next = body[m.end..].chars().next();
        if continues_word(name, next) {
            continue;
        }
        let span = Span::new(segment.start + m.start as u32, segment.start + m.end as u32);
        let after = mentions
            .len()
            .checked_sub(1)
            .filter(|&i| i >= first_in_segment && mentions[i].span.end == span.start);
        let places = &mut *places_buf;
        places.clear();
        let mut former = Vec::new();
        let mut newsroom_former = Vec::new();
        for r in m.refs {
            match *r {
                NameRef::Place(id) | NameRef::Alias(id) => places.push(id),
                NameRef::Former(c) => former.push(c),
                NameRef::NewsroomFormer(id, i) => newsroom_former.push((id, i)),
            }
        }
        places.sort_unstable();
        places.dedup();
        // Ex) 城区 counts only in 大同市城区, never on its own.
        let weak = stem_too_short(name) || is_everyday(name);
        if weak {
            let Some(parent) = after else { continue };
            let parent = &mentions[parent].places;
            places.retain(|&p| parent.iter().any(|&a| a != p && tree.within(p, a)));
            former.retain(|&c| {
                g.change(c)
                    .area
                    .is_some_and(|area| parent.iter().any(|&a| tree.within(area, a)))
            });
            newsroom_former.retain(|&(p, _)| parent.iter().any(|&a| tree.within(p, a)));
            if places.is_empty() && former.is_empty() && newsroom_former.is_empty() {
                continue;
            }
        }
        mentions.push(Mention {
            span,
            name: name_of(g, m.refs, name),
            places: PlaceIds::from_slice(places),
            // Set by `resolve`.
            all_places: PlaceIds::new(),
            former,
            newsroom_former,
            resolved_by: Resolution::Ambiguous,
            after,
            article: articles.at(input, span.start),
        });
    }
}

/// The name as the gazetteer holds it, borrowed, when it is the name of what the first of
/// `refs` refers to; else a copy of `name`.
fn name_of(g: &Gazetteer, refs: &[NameRef], name: &str) -> Name {
    let known = match refs.first() {
        Some(NameRef::Place(id) | NameRef::Alias(id) | NameRef::NewsroomFormer(id, _)) => {
            &g.place(*id).name
        }
        Some(NameRef::Former(c)) => &g.change(*c).old_name,
        None => return Cow::Owned(name.to_owned()),
    };
    match known {
        Cow::Borrowed(known) if *known == name => Cow::Borrowed(known),
        _ => Cow::Owned(name.to_owned()),
    }
}

/// Narrows each mention's places (`all_places` are the places `find_known` gave).
fn resolve(
    tree: &mut Tree<'_>,
    mentions: &mut [Mention],
    articles: usize,
    region: Option<PlaceId>,
) {
    let g = tree.g;
    for m in mentions.iter_mut() {
        m.resolved_by = match m.places.len() {
            0 => Resolution::Former,
            1 => Resolution::Unique,
            _ => Resolution::Ambiguous,
        };
        m.all_places = m.places.clone();
    }

    // The names right around: A then B narrows B to places within A, and A to places that
    // contain B.
    let mut kept: Vec<PlaceId> = Vec::with_capacity(16);
    let mut kept_former: Vec<ChangeId> = Vec::new();
    for i in 0..mentions.len() {
        let Some(a) = mentions[i].after else { continue };
        // `after` is always an earlier mention.
        let (before, rest) = mentions.split_at_mut(i);
        let (parent, child) = (&mut before[a], &mut rest[0]);
        if parent.places.is_empty() {
            continue;
        }
        kept.clear();
        kept.extend(
            child
                .places
                .iter()
                .copied()
                .filter(|&p| parent.places.iter().any(|&q| q != p && tree.within(p, q))),
        );
        if !kept.is_empty() && kept.len() < child.places.len() {
            child.places = PlaceIds::from_slice(&kept);
            child.resolved_by = Resolution::Text;
        }
        // A former name narrowed the same way: 大同市城区 is 大同's 城区. By the parent's
        // places as they are before the parent is narrowed below.
        kept_former.clear();
        kept_former.extend(child.former.iter().copied().filter(|&c| {
            g.change(c)
                .area
                .is_some_and(|area| parent.places.iter().any(|&q| tree.within(area, q)))
        }));
        if !kept_former.is_empty() {
            child.former.clone_from(&kept_former);
        }
        kept.clear();
        kept.extend(
            parent
                .places
                .iter()
                .copied()
                .filter(|&q| child.places.iter().any(|&p| p != q && tree.within(p, q))),
        );
        if !kept.is_empty() && kept.len() < parent.places.len() {
            parent.places = PlaceIds::from_slice(&kept);
            parent.resolved_by = Resolution::Text;
        }
    }

    // The article's other places: keep the places sharing the deepest ancestor with the
    // places already settled, when that is at least a prefecture.
    let mut settled = ByArticle::new(articles);
    for m in mentions.iter().filter(|m| m.places.len() == 1) {
        let anchors = settled.get_mut(m.article);
        if !anchors.contains(&m.places[0]) {
            anchors.push(m.places[0]);
        }
    }
    let mut anchor_chains: Vec<Range<usize>> = Vec::with_capacity(16);
    let mut depths: Vec<usize> = Vec::with_capacity(32);
    for m in mentions.iter_mut().filter(|m| m.places.len() > 1) {
        let anchors = settled.get(m.article);
        if anchors.is_empty() {
            continue;
        }
        anchor_chains.clear();
        anchor_chains.extend(anchors.iter().map(|&a| tree.chain_range(a)));
        // Each candidate's depth once: a name like 城关镇 has 88 of them.
        depths.clear();
        for &p in &m.places {
            let chain = tree.chain_range(p);
            let ids = &tree.ids;
            let depth = anchor_chains
                .iter()
                .map(|anchor| common_depth(&ids[chain.clone()], &ids[anchor.clone()]))
                .max()
                .unwrap_or(0);
            depths.push(depth);
        }
        let best = depths.iter().copied().max().unwrap_or(0);
        if best >= 2 && depths.iter().any(|&d| d != best) {
            let mut depth = depths.iter();
            m.places.retain(|_| depth.next() == Some(&best));
            m.resolved_by = Resolution::Article;
        }
    }

    // `[bulletin] region`.
    if let Some(region) = region {
        for m in mentions.iter_mut().filter(|m| m.places.len() > 1) {
            kept.clear();
            kept.extend(
                m.places
                    .iter()
                    .copied()
                    .filter(|&p| tree.within(p, region) || tree.within(region, p)),
            );
            if !kept.is_empty() && kept.len() < m.places.len() {
                m.places = PlaceIds::from_slice(&kept);
                m.resolved_by = Resolution::Region;
            }
        }
    }
}

/// Each first character of [`SUFFIXES`], under a perfect hash of the character: the
/// matcher shows every character of a draft, and each is tested with one multiplication.
#[derive(Clone, Copy)]
struct Opener {
    /// The character; `u32::MAX` for an empty slot.
    key: u32,
    /// Bit `i` for each `SUFFIXES[i]` opening with it.
    suffixes: u32,
}

const OPENER_BITS: u32 = 6;
/// A multiplier under which the openers fall in distinct slots (`openers` checks, when the
/// crate is compiled).
const OPENER_MULTIPLIER: u32 = 132_267;
const OPENERS: [Opener; 1 << OPENER_BITS] = openers();

#[inline(always)]
const fn opener_slot(key: u32) -> usize {
    (key.wrapping_mul(OPENER_MULTIPLIER) >> (32 - OPENER_BITS)) as usize
}

const fn openers() -> [Opener; 1 << OPENER_BITS] {
    let mut table = [Opener {
        key: u32::MAX,
        suffixes: 0,
    }; 1 << OPENER_BITS];
    assert!(SUFFIXES.len() <= 32);
    let mut i = 0;
    while i < SUFFIXES.len() {
        // The first character, decoded: every suffix opens with a three-byte one.
        let b = SUFFIXES[i].as_bytes();
        assert!(b.len() >= 3 && b[0] >= 0xE0 && b[0] < 0xF0);
        let key = (b[0] as u32 & 0x0F) << 12 | (b[1] as u32 & 0x3F) << 6 | (b[2] as u32 & 0x3F);
        let slot = opener_slot(key);
        assert!(
            table[slot].key == u32::MAX || table[slot].key == key,
            "two openers share a slot: pick another multiplier"
        );
        table[slot].key = key;
        table[slot].suffixes |= 1 << i;
        i += 1;
    }
    table
}

/// The suffixes opening with `ch`, as bits of `SUFFIXES` indices; 0 for none.
#[inline(always)]
fn opened_by(ch: char) -> u32 {
    let key = u32::from(ch);
    let opener = &OPENERS[opener_slot(key)];
    if opener.key == key {
        opener.suffixes
    } else {
        0
    }
}

/// The longest suffix at the start of `rest` among `suffixes` (bits of `SUFFIXES` indices).
fn suffix_at(rest: &str, mut suffixes: u32) -> Option<&'static str> {
    // `SUFFIXES` is longest first: the first that fits is the longest.
    while suffixes != 0 {
        let suffix = SUFFIXES[suffixes.trailing_zeros() as usize];
        // A one-character suffix is the opener itself.
        if suffix.len() == 3 || rest.starts_with(suffix) {
            return Some(suffix);
        }
        suffixes &= suffixes - 1;
    }
    None
}

/// The known names two levels under each scope a slip is compared with, in the order a
/// depth-first walk meets them: computed once per scope and draft.
struct Under<'g> {
    g: &'g Gazetteer,
    ranges: FxMap<PlaceId, (u32, u32)>,
    known: Vec<Known<'g>>,
    stack: Vec<(PlaceId, u8)>,
}

struct Known<'g> {
    id: PlaceId,
    name: &'g str,
    /// [`stem_char_len`] of `name`.
    stem_char: usize,
}

impl<'g> Under<'g> {
    fn new(g: &'g Gazetteer) -> Under<'g> {
        Under {
            g,
            ranges: FxMap::with_capacity_and_hasher(8, Default::default()),
            known: Vec::with_capacity(64),
            stack: Vec::with_capacity(32),
        }
    }

    /// The places one and two levels under `scope`, in the order of the walk, as
    /// `known[range]`.
    fn range(&mut self, scope: PlaceId) -> Range<usize> {
        if let Some(&(start, end)) = self.ranges.get(&scope) {
            return start as usize..end as usize;
        }
        let start = self.known.len();
        self.stack.clear();
        self.stack.push((scope, 0));
        while let Some((p, depth)) = self.stack.pop() {
            if depth > 0 {
                let name: &'g str = &self.g.place(p).name;
                self.known.push(Known {
                    id: p,
                    name,
                    stem_char: stem_char_len(name),
                });
            }
            if depth < 2 {
                let children = self.g.children(p);
                self.stack.extend(children.iter().map(|&c| (c, depth + 1)));
            }
        }
        let end = self.known.len();
        self.ranges.insert(scope, (start as u32, end as u32));
        start..end
    }
}

/// What `find_slips` keeps from one segment to the next.
struct SlipSearch<'g> {
    under: Under<'g>,
    articles: Articles,
    /// Each article's counties and towns.
    context: ByArticle,
    region: Option<PlaceId>,
    scopes: Vec<PlaceId>,
    first_of_names: Option<Vec<usize>>,
}

impl SlipSearch<'_> {
    /// The mentions with places whose name no such mention before has, in order: asked
    /// about a name, the others of that name answer as their first does.
    fn first_of_names(&mut self, mentions: &[Mention]) -> &[usize] {
        self.first_of_names.get_or_insert_with(|| {
            let mut first: Vec<usize> = Vec::new();
            for (i, m) in mentions.iter().enumerate() {
                if !m.places.is_empty() && !first.iter().any(|&j| mentions[j].name == m.name) {
                    first.push(i);
                }
            }
            first
        })
    }
}

/// Finds place-like names that are not known and are likely slips for known ones.
fn find_slips(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    segment: Span,
    openers: &[(u32, u32)],
    mentions: &[Mention],
    out: &mut Vec<SlipCandidate>,
) {
    let g = search.under.g;
    let body = &input.text[segment.range()];
    let first = mentions.partition_point(|m| m.span.end <= segment.start);
    let last = first
        + mentions[first..]
            .iter()
            .take_while(|m| m.span.start < segment.end)
            .count();
    // Mentions are in order and do not overlap, so their ends are in order too.
    let in_segment = &mentions[first..last];
    // Each suffix, longest first, from the end of the last one on.
    let mut search_from = segment.start;
    for &(opener, suffixes) in openers {
        if opener < search_from {
            continue;
        }
        let at = (opener - segment.start) as usize;
        let Some(suffix) = suffix_at(&body[at..], suffixes) else {
            continue;
        };
        search_from = opener + suffix.len() as u32;
        let end = segment.start + (at + suffix.len()) as u32;
        let suffix_start = segment.start + at as u32;
        // The first mention ending after the suffix starts, and the one before it.
        let k = in_segment.partition_point(|m| m.span.end <= suffix_start);
        // Inside a known name: nothing to check.
        if in_segment.get(k).is_some_and(|m| m.span.start < end) {
            continue;
        }
        // The start: the end of a known name right before, else the last non-Han character.
        // A stem of more than eight characters is never a candidate, so nine are enough.
        let han_start = body[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han(c))
            .take(9)
            .last()
            .map_or(at, |(i, _)| i);
        let han_start = segment.start + han_start as u32;
        let parent = k
            .checked_sub(1)
            .filter(|&i| in_segment[i].span.end >= han_start)
            .map(|i| first + i);
        let start = parent.map_or(han_start, |i| mentions[i].span.end);
        let stem_chars = input.text[start as usize..suffix_start as usize]
            .chars()
            .count();
        if !(2..=8).contains(&stem_chars) {
            continue;
        }
        let name = &input.text[start as usize..end as usize];
        if !g.matcher().refs(name).is_empty() {
            continue;
        }
        let span = Span::new(start, end);
        // The known names to compare with: under the place named right before, else under
        // the article's places and the region.
        search.scopes.clear();
        let basis = match parent {
            Some(i) if !mentions[i].places.is_empty() => {
                search.scopes.extend_from_slice(&mentions[i].places);
                SlipBasis::Parent(i)
            }
            _ => {
                let article = search.articles.at(input, start);
                search.scopes.extend_from_slice(search.context.get(article));
                search.scopes.extend(search.region);
                SlipBasis::Context
            }
        };
        let found =
            slip_under(&mut search.under, name, suffix, &search.scopes).filter(|(_, _, slip)| {
                // Village lists are never complete (new communities appear every year): a
                // village name one character short of a known one is new as often as it is a
                // slip, unless the text names its parent. Town and county lists are complete.
                !(matches!(slip, Slip::Truncated { .. })
                    && basis == SlipBasis::Context
                    && matches!(suffix, "村" | "社区" | "居委会"))
            });
        if let Some((right, places, slip)) = found {
            // The right name written elsewhere in the draft: one place written two ways.
            let basis = mentions
                .iter()
                .position(|m| m.name == right)
                .map_or(basis, SlipBasis::Draft);
            out.push(SlipCandidate {
                span,
                name: name.to_owned(),
                right,
                places,
                slip,
                basis,
            });
            continue;
        }
        // One place written two ways: a known name elsewhere in the draft. The first
        // mention of each name stands for all of them.
        let written_elsewhere = search.first_of_names(mentions).iter().find_map(|&i| {
            let m = &mentions[i];
            (m.name.len() == name.len() && ends_with_suffix(&m.name, suffix))
                .then(|| likely_slip(name, &m.name))
                .flatten()
                .filter(|slip| matches!(slip, Slip::Replaced { .. }))
                .map(|slip| (i, slip))
        });
        if let Some((i, slip)) = written_elsewhere {
            out.push(SlipCandidate {
                span,
                name: name.to_owned(),
                right: mentions[i].name.to_string(),
                places: mentions[i].places.to_vec(),
                slip,
                basis: SlipBasis::Draft(i),
            });
        }
    }
}

/// `name.ends_with(suffix)` for a suffix of a few bytes, compared in place rather than by a
/// call: asked of every name under the scopes of each slip candidate.
#[inline]
fn ends_with_suffix(name: &str, suffix: &str) -> bool {
    let (name, suffix) = (name.as_bytes(), suffix.as_bytes());
    name.len() >= suffix.len()
        && name[name.len() - suffix.len()..]
            .iter()
            .zip(suffix)
            .all(|(a, b)| a == b)
}

/// The one known name under `scopes` that `name` is likely a slip for.
fn slip_under(
    under: &mut Under<'_>,
    name: &str,
    suffix: &str,
    scopes: &[PlaceId],
) -> Option<(String, Vec<PlaceId>, Slip)> {
    let mut found: Option<(String, Vec<PlaceId>, Slip)> = None;
    for (k, &scope) in scopes.iter().enumerate() {
        if scopes[..k].contains(&scope) {
            continue;
        }
        let range = under.range(scope);
        for known in &under.known[range] {
            // Ex) a 村 is never a slip for a 街道: compare only names of the same suffix and a
            // length the slip allows, before the costlier character comparison.
            let plausible = (known.name.len() == name.len()
                || known.name.len() == name.len() + known.stem_char)
                && ends_with_suffix(known.name, suffix);
            if plausible {
                if let Some(slip) = likely_slip(name, known.name) {
                    match &mut found {
                        Some((right, places, _)) if right == known.name => places.push(known.id),
                        // Two different names fit: no telling which is meant.
                        Some(_) => return None,
                        None => found = Some((known.name.to_string(), vec![known.id], slip)),
                    }
                }
            }
        }
    }
    found
}

/// The byte length of the first character of `name`'s stem: what one missing character of
/// a truncated name may weigh (Han characters are all three bytes, bar rare ones).
fn stem_char_len(name: &str) -> usize {
    name.chars().next().map_or(3, char::len_utf8)
}

/// Short forms (`平城` for `平城区`, or a newsroom alias) written before the first full
/// mention, where the characters around them show they stand as a name.
fn find_short_forms(
    input: &Input<'_>,
    g: &Gazetteer,
    segments: &[(Span, Range<usize>)],
    mentions: &[Mention],
) -> Vec<ShortForm> {
    // Each short form, with the first full mention of its place.
    let mut shorts: Vec<(&str, usize)> = Vec::with_capacity(8);
    // A place's short forms are the same at each mention by its name: those of the first
    // are all that count.
    let mut done: Vec<PlaceId> = Vec::with_capacity(8);
    for (i, m) in mentions.iter().enumerate() {
        let [place] = m.places[..] else { continue };
        if done.contains(&place) {
            continue;
        }
        let entry = g.place(place);
        if entry.level < Level::County || *entry.name != *m.name {
            continue;
        }
        done.push(place);
        let stem = strip_suffix(&entry.name).filter(|s| s.chars().count() >= 2);
        for short in entry.aliases.iter().map(|a| &**a).chain(stem) {
            let only_this_place = g
                .matcher()
                .refs(short)
                .iter()
                .all(|r| matches!(r, NameRef::Alias(p) if *p == place));
            if only_this_place && !shorts.iter().any(|&(s, _)| s == short) {
                shorts.push((short, i));
            }
        }
    }
    let Some(last) = shorts.iter().map(|&(_, i)| mentions[i].span.start).max() else {
        return Vec::new();
    };
    let searched = segments.iter().take_while(|(s, _)| s.start < last).count();
    let searched = &segments[..searched];
    let mut out = Vec::new();
    let (Some(low), Some(high)) = (
        searched.iter().map(|(s, _)| s.start).min(),
        searched.iter().map(|(s, _)| s.end).max(),
    ) else {
        return out;
    };
    // Every occurrence of each short form in the text the segments span, overlapping ones
    // too, found with one search a name (a handful of names per draft, each looked for in
    // every segment, cost more in calls than in searching), leftmost first, then longest.
    let hay = &input.text.as_bytes()[low as usize..high as usize];
    let mut found: Vec<(u32, u32, usize)> = Vec::with_capacity(4 * shorts.len());
    for (word, &(short, _)) in shorts.iter().enumerate() {
        if short.is_empty() {
            continue;
        }
        let finder = memchr::memmem::Finder::new(short.as_bytes());
        let mut from = 0;
        while let Some(at) = finder.find(&hay[from..]) {
            let start = low + (from + at) as u32;
            found.push((start, start + short.len() as u32, word));
            from += at + 1;
        }
    }
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    for &(segment, _) in searched {
        let body = &input.text[segment.range()];
        // In each segment, as `FewWords` finds them: the leftmost occurrence of any short
        // form that lies in the segment, the longest of those starting there, then on from
        // its end. The first occurrence of a name at or after a point is the one that fits
        // in the segment if any does, so taking the first that fits, in order, is the same.
        let first = found.partition_point(|&(start, _, _)| start < segment.start);
        let mut from = segment.start;
        for &(start, end, word) in &found[first..] {
            if start >= segment.end {
                break;
            }
            if start < from || end > segment.end {
                continue;
            }
            from = end;
            let (short, full) = shorts[word];
            if end > mentions[full].span.start {
                continue;
            }
            // Part of a known name: not a short form.
            let k = mentions.partition_point(|o| o.span.end <= start);
            if mentions.get(k).is_some_and(|o| o.span.start < end) {
                continue;
            }
            let before = body[..(start - segment.start) as usize].chars().next_back();
            let after = body[(end - segment.start) as usize..].chars().next();
            // Ex) `平城 新开街道` in a headline, `在平城，`; never `和平与发展` (a word) or
            // `张家港1月1日电` (a dateline, where papers print the short form).
            let stands_alone = before.is_none_or(|c| !is_han(c) || "在到于".contains(c))
                && after.is_none_or(|c| !is_han(c) && !c.is_numeric() && !"—–-~～".contains(c));
            if stands_alone {
                out.push(ShortForm {
                    span: Span::new(start, end),
                    short: short.to_owned(),
                    full,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_names_are_told_by_their_last_character() {
        for name in EVERYDAY {
            assert!(is_everyday(name), "{name}");
        }
        for name in ["平城区", "城", "区", "", "沙岭村", "新城", "新城区区"] {
            assert_eq!(is_everyday(name), EVERYDAY.contains(&name), "{name}");
        }
    }

    #[test]
    fn openers_are_the_first_characters_of_suffixes() {
        for ch in ('\u{3000}'..='\u{9FFF}').chain(['a', '\u{20000}']) {
            let expected = SUFFIXES
                .iter()
                .enumerate()
                .filter(|(_, s)| s.starts_with(ch))
                .fold(0, |bits, (i, _)| bits | 1 << i);
            assert_eq!(opened_by(ch), expected, "{ch}");
        }
        assert_eq!(suffix_at("自治区人民政府", opened_by('自')), Some("自治区"));
        assert_eq!(suffix_at("自己", opened_by('自')), None);
        assert_eq!(suffix_at("区", opened_by('区')), Some("区"));
    }

    #[test]
    fn place_ids_keep_few_inline_and_more_on_the_heap() {
        let mut ids = PlaceIds::new();
        for id in 0..7 {
            ids.push(id);
            assert_eq!(ids.as_slice(), (0..=id).collect::<Vec<_>>());
        }
        ids.retain(|id| id % 2 == 1);
        assert_eq!(ids.as_slice(), [1, 3, 5]);
        let mut few = PlaceIds::from_slice(&[4, 5, 6]);
        few.retain(|id| id != 5);
        assert_eq!(few.as_slice(), [4, 6]);
        assert_eq!(format!("{few:?}"), format!("{:?}", vec![4, 6]));
        assert_eq!(PlaceIds::from_slice(&[1, 2, 3, 4, 5]).len(), 5);
        // Equal by what they hold, not by how.
        assert_eq!(few, PlaceIds::from_slice(&[4, 6]));
        let mut many = PlaceIds::from_slice(&[4, 5, 6, 7, 8]);
        many.retain(|id| id % 2 == 0);
        assert_eq!(many, PlaceIds::from_slice(&[4, 6, 8]));
        assert_ne!(many, few);
    }
}
