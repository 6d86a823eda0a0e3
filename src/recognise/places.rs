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

use std::collections::HashMap;

use crate::gazetteer::fuzzy::{likely_slip, Slip};
use crate::gazetteer::{strip_suffix, ChangeId, Gazetteer, Level, NameRef, PlaceId, SUFFIXES};
use crate::text::{is_han, FewWords, Span};

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
    pub name: String,
    /// Current places the name may mean, narrowed by context; one when resolved.
    pub places: Vec<PlaceId>,
    /// Every current place of that name, before narrowing.
    pub all_places: Vec<PlaceId>,
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

/// A mention before narrowing.
struct Raw {
    span: Span,
    name: String,
    places: Vec<PlaceId>,
    former: Vec<ChangeId>,
    newsroom_former: Vec<(PlaceId, u32)>,
    after: Option<usize>,
    article: Option<usize>,
}

pub fn recognise(input: &Input<'_>) -> Places {
    let g = input.gazetteer;
    let region = input
        .config
        .bulletin
        .region
        .as_deref()
        .and_then(|r| g.resolve_region(r));
    let mut raws: Vec<Raw> = Vec::new();
    let mut segments: Vec<Span> = Vec::new();
    for segment in input.draft.segments() {
        segments.push(segment);
        find_known(input, g, segment, &mut raws);
    }
    let mut mentions = resolve(input, g, raws, region);
    mentions.shrink_to_fit();
    // Each article's context for names with no parent written before them: the county or
    // town around each settled place.
    let mut context: HashMap<Option<usize>, Vec<PlaceId>> = HashMap::new();
    for m in mentions.iter().filter(|m| m.places.len() == 1) {
        let p = m.places[0];
        let scope = match g.place(p).level {
            Level::Province | Level::Prefecture => continue,
            Level::County | Level::Town => p,
            _ => match g.parent(p) {
                Some(parent) => parent,
                None => continue,
            },
        };
        let scopes = context.entry(m.article).or_default();
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
    }
    let mut slips = Vec::new();
    for &segment in &segments {
        find_slips(input, g, segment, &mentions, &context, region, &mut slips);
    }
    let early_short_forms = find_short_forms(input, g, &segments, &mentions);
    Places {
        mentions,
        slips,
        early_short_forms,
        region,
    }
}

fn article_at(input: &Input<'_>, offset: u32) -> Option<usize> {
    input
        .draft
        .block_at(offset)
        .and_then(|b| input.draft.article_of(b))
}

fn find_known(input: &Input<'_>, g: &Gazetteer, segment: Span, raws: &mut Vec<Raw>) {
    let body = &input.text[segment.range()];
    let first_in_segment = raws.len();
    for m in g.matcher().find_all(body) {
        let name = &body[m.start..m.end];
        let next = body[m.end..].chars().next();
        if continues_word(name, next) {
            continue;
        }
        let span = Span::new(segment.start + m.start as u32, segment.start + m.end as u32);
        let after = raws
            .len()
            .checked_sub(1)
            .filter(|&i| i >= first_in_segment && raws[i].span.end == span.start);
        let mut places = Vec::new();
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
        let weak = EVERYDAY.contains(&name) || stem_too_short(name);
        if weak {
            let Some(parent) = after else { continue };
            let parent = &raws[parent];
            places.retain(|&p| parent.places.iter().any(|&a| a != p && g.is_within(p, a)));
            former.retain(|&c| {
                g.change(c)
                    .area
                    .is_some_and(|area| parent.places.iter().any(|&a| g.is_within(area, a)))
            });
            newsroom_former.retain(|&(p, _)| parent.places.iter().any(|&a| g.is_within(p, a)));
            if places.is_empty() && former.is_empty() && newsroom_former.is_empty() {
                continue;
            }
        }
        raws.push(Raw {
            span,
            name: name.to_owned(),
            places,
            former,
            newsroom_former,
            after,
            article: article_at(input, span.start),
        });
    }
}

/// A name with no stem, or a one-character one (`城区`, `和县`): too short to tell from an
/// everyday word.
fn stem_too_short(name: &str) -> bool {
    strip_suffix(name).is_none_or(|stem| stem.chars().count() < 2)
}

fn resolve(
    input: &Input<'_>,
    g: &Gazetteer,
    raws: Vec<Raw>,
    region: Option<PlaceId>,
) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = raws
        .into_iter()
        .map(|r| Mention {
            span: r.span,
            resolved_by: match r.places.len() {
                0 => Resolution::Former,
                1 => Resolution::Unique,
                _ => Resolution::Ambiguous,
            },
            all_places: r.places.clone(),
            name: r.name,
            places: r.places,
            former: r.former,
            newsroom_former: r.newsroom_former,
            after: r.after,
            article: r.article,
        })
        .collect();

    // The names right around: A then B narrows B to places within A, and A to places that
    // contain B.
    for i in 0..mentions.len() {
        let Some(a) = mentions[i].after else { continue };
        let parents = mentions[a].places.clone();
        if parents.is_empty() {
            continue;
        }
        let narrowed: Vec<PlaceId> = mentions[i]
            .places
            .iter()
            .copied()
            .filter(|&p| parents.iter().any(|&q| q != p && g.is_within(p, q)))
            .collect();
        if !narrowed.is_empty() && narrowed.len() < mentions[i].places.len() {
            mentions[i].places = narrowed;
            mentions[i].resolved_by = Resolution::Text;
        }
        let children = mentions[i].places.clone();
        let up: Vec<PlaceId> = parents
            .iter()
            .copied()
            .filter(|&q| children.iter().any(|&p| p != q && g.is_within(p, q)))
            .collect();
        if !up.is_empty() && up.len() < mentions[a].places.len() {
            mentions[a].places = up;
            mentions[a].resolved_by = Resolution::Text;
        }
        // A former name narrowed the same way: 大同市城区 is 大同's 城区.
        let formers: Vec<ChangeId> = mentions[i]
            .former
            .iter()
            .copied()
            .filter(|&c| {
                g.change(c)
                    .area
                    .is_some_and(|area| parents.iter().any(|&q| g.is_within(area, q)))
            })
            .collect();
        if !formers.is_empty() {
            mentions[i].former = formers;
        }
    }

    // The article's other places: keep the places sharing the deepest ancestor with the
    // places already settled, when that is at least a prefecture.
    let mut settled: HashMap<Option<usize>, Vec<PlaceId>> = HashMap::new();
    for m in mentions.iter().filter(|m| m.places.len() == 1) {
        let anchors = settled.entry(m.article).or_default();
        if !anchors.contains(&m.places[0]) {
            anchors.push(m.places[0]);
        }
    }
    let mut depths: Vec<usize> = Vec::new();
    for m in mentions.iter_mut().filter(|m| m.places.len() > 1) {
        let Some(anchors) = settled.get(&m.article) else {
            continue;
        };
        let depth = |p: PlaceId| -> usize {
            anchors
                .iter()
                .filter_map(|&a| common_depth(g, p, a))
                .max()
                .unwrap_or(0)
        };
        // Each candidate's depth once: a name like 城关镇 has 88 of them.
        depths.clear();
        depths.extend(m.places.iter().map(|&p| depth(p)));
        let best = depths.iter().copied().max().unwrap_or(0);
        if best >= 2 {
            let narrowed: Vec<PlaceId> = m
                .places
                .iter()
                .zip(&depths)
                .filter(|&(_, &d)| d == best)
                .map(|(&p, _)| p)
                .collect();
            if narrowed.len() < m.places.len() {
                m.places = narrowed;
                m.resolved_by = Resolution::Article;
            }
        }
    }

    // `[bulletin] region`.
    if let Some(region) = region {
        for m in mentions.iter_mut().filter(|m| m.places.len() > 1) {
            let narrowed: Vec<PlaceId> = m
                .places
                .iter()
                .copied()
                .filter(|&p| g.is_within(p, region) || g.is_within(region, p))
                .collect();
            if !narrowed.is_empty() && narrowed.len() < m.places.len() {
                m.places = narrowed;
                m.resolved_by = Resolution::Region;
            }
        }
    }
    let _ = input;
    mentions
}

/// How many levels two places share from the top (a common province is 1, a common
/// prefecture 2, …), or `None` when they share none.
fn common_depth(g: &Gazetteer, a: PlaceId, b: PlaceId) -> Option<usize> {
    // The chains bottom up; they share a top part when they share anything.
    let chain = |p: PlaceId| std::iter::once(p).chain(g.ancestors(p));
    let (len_a, len_b) = (chain(a).count(), chain(b).count());
    // Level the deeper chain, then walk both up until they meet: what is left is shared.
    let mut ca = chain(a).skip(len_a.saturating_sub(len_b));
    let mut cb = chain(b).skip(len_b.saturating_sub(len_a));
    let mut depth = len_a.min(len_b);
    while let (Some(x), Some(y)) = (ca.next(), cb.next()) {
        if x == y {
            return Some(depth);
        }
        depth -= 1;
    }
    None
}

/// Finds place-like names that are not known and are likely slips for known ones.
fn find_slips(
    input: &Input<'_>,
    g: &Gazetteer,
    segment: Span,
    mentions: &[Mention],
    context: &HashMap<Option<usize>, Vec<PlaceId>>,
    region: Option<PlaceId>,
    out: &mut Vec<SlipCandidate>,
) {
    let body = &input.text[segment.range()];
    let first = mentions.partition_point(|m| m.span.end <= segment.start);
    let last = first
        + mentions[first..]
            .iter()
            .take_while(|m| m.span.start < segment.end)
            .count();
    // Mentions are in order and do not overlap, so their ends are in order too.
    let in_segment = &mentions[first..last];
    let mut search_from = 0;
    while let Some((at, suffix)) = next_suffix(body, search_from) {
        search_from = at + suffix.len();
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
        let (scopes, basis) = match parent {
            Some(i) if !mentions[i].places.is_empty() => {
                (mentions[i].places.clone(), SlipBasis::Parent(i))
            }
            _ => {
                let article = article_at(input, start);
                let mut scopes = context.get(&article).cloned().unwrap_or_default();
                scopes.extend(region);
                (scopes, SlipBasis::Context)
            }
        };
        let found = slip_under(g, name, suffix, &scopes).filter(|(_, _, slip)| {
            // Village lists are never complete (new communities appear every year): a village
            // name one character short of a known one is new as often as it is a slip, unless
            // the text names its parent. Town and county lists are complete.
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
        // One place written two ways: a known name elsewhere in the draft.
        let written_elsewhere = mentions.iter().enumerate().find_map(|(i, m)| {
            (!m.places.is_empty() && m.name.len() == name.len() && m.name.ends_with(suffix))
                .then(|| likely_slip(name, &m.name))
                .flatten()
                .filter(|slip| matches!(slip, Slip::Replaced { .. }))
                .map(|slip| (i, slip))
        });
        if let Some((i, slip)) = written_elsewhere {
            out.push(SlipCandidate {
                span,
                name: name.to_owned(),
                right: mentions[i].name.clone(),
                places: mentions[i].places.clone(),
                slip,
                basis: SlipBasis::Draft(i),
            });
        }
    }
}

/// The next administrative suffix at or after `from`, longest first.
fn next_suffix(body: &str, from: usize) -> Option<(usize, &'static str)> {
    // Every suffix opens with one of these characters: test the others with one `match`.
    let opens_suffix = |c: char| {
        matches!(
            c,
            '特' | '自'
                | '居'
                | '街'
                | '苏'
                | '社'
                | '地'
                | '省'
                | '市'
                | '区'
                | '县'
                | '旗'
                | '盟'
                | '乡'
                | '镇'
                | '村'
        )
    };
    body[from..].char_indices().find_map(|(i, c)| {
        if !opens_suffix(c) {
            return None;
        }
        let rest = &body[from + i..];
        // `SUFFIXES` is longest first: the first that fits is the longest.
        SUFFIXES
            .iter()
            .find(|s| rest.starts_with(*s))
            .map(|&s| (from + i, s))
    })
}

/// The one known name under `scopes` that `name` is likely a slip for.
fn slip_under(
    g: &Gazetteer,
    name: &str,
    suffix: &str,
    scopes: &[PlaceId],
) -> Option<(String, Vec<PlaceId>, Slip)> {
    let mut found: Option<(String, Vec<PlaceId>, Slip)> = None;
    let mut seen = Vec::new();
    for &scope in scopes {
        if seen.contains(&scope) {
            continue;
        }
        seen.push(scope);
        let mut stack: Vec<(PlaceId, u8)> = vec![(scope, 0)];
        while let Some((p, depth)) = stack.pop() {
            let known = &g.place(p).name;
            // Ex) a 村 is never a slip for a 街道: compare only names of the same suffix and a
            // length the slip allows, before the costlier character comparison.
            let plausible = depth > 0
                && known.ends_with(suffix)
                && (known.len() == name.len() || known.len() == name.len() + stem_char_len(known));
            if plausible {
                if let Some(slip) = likely_slip(name, known) {
                    match &mut found {
                        Some((right, places, _)) if **right == **known => places.push(p),
                        // Two different names fit: no telling which is meant.
                        Some(_) => return None,
                        None => found = Some((known.to_string(), vec![p], slip)),
                    }
                }
            }
            if depth < 2 {
                stack.extend(g.children(p).iter().map(|&c| (c, depth + 1)));
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
    segments: &[Span],
    mentions: &[Mention],
) -> Vec<ShortForm> {
    // Each short form, with the first full mention of its place.
    let mut shorts: Vec<(&str, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let [place] = m.places[..] else { continue };
        let entry = g.place(place);
        if entry.level < Level::County || *entry.name != *m.name {
            continue;
        }
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
    // A handful of names per draft: an automaton would cost more to build than to search.
    let finder = FewWords::new(shorts.iter().map(|&(s, _)| s));
    let mut out = Vec::new();
    for &segment in segments.iter().take_while(|s| s.start < last) {
        let body = &input.text[segment.range()];
        for hit in finder.find_iter(body) {
            let (short, full) = shorts[hit.word];
            let start = segment.start + hit.start as u32;
            let end = segment.start + hit.end as u32;
            if end > mentions[full].span.start {
                continue;
            }
            // Part of a known name: not a short form.
            let k = mentions.partition_point(|o| o.span.end <= start);
            if mentions.get(k).is_some_and(|o| o.span.start < end) {
                continue;
            }
            let before = body[..hit.start].chars().next_back();
            let after = body[hit.end..].chars().next();
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
