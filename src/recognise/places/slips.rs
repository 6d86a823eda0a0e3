//! Place-like names that are not known — Han characters ending in an administrative suffix —
//! compared with the known names of their context for a likely slip.

use std::ops::Range;

use super::tree::{Articles, ByArticle, FxMap, Tree};
use super::{Input, Mention, SlipBasis, SlipCandidate};
use crate::gazetteer::fuzzy::{likely_slip, Slip};
use crate::gazetteer::{Gazetteer, Level, PlaceId, SUFFIXES};
use crate::text::{is_han, Span};

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
pub(super) fn opened_by(ch: char) -> u32 {
    let key = u32::from(ch);
    let opener = &OPENERS[opener_slot(key)];
    if opener.key == key {
        opener.suffixes
    } else {
        0
    }
}

/// The longest suffix at the start of `rest` among `suffixes` (bits of `SUFFIXES` indices).
pub(super) fn suffix_at(rest: &str, mut suffixes: u32) -> Option<&'static str> {
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
pub(super) struct SlipSearch<'g> {
    under: Under<'g>,
    articles: Articles,
    /// Each article's counties and towns.
    context: ByArticle,
    region: Option<PlaceId>,
    scopes: Vec<PlaceId>,
    first_of_names: Option<Vec<usize>>,
}

impl<'g> SlipSearch<'g> {
    pub(super) fn new(
        g: &'g Gazetteer,
        articles: Articles,
        context: ByArticle,
        region: Option<PlaceId>,
    ) -> SlipSearch<'g> {
        SlipSearch {
            under: Under::new(g),
            articles,
            context,
            region,
            scopes: Vec::with_capacity(8),
            first_of_names: None,
        }
    }

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

/// Each article's context for names with no parent written before them: the county or
/// town around each settled place.
pub(super) fn article_scopes(
    tree: &mut Tree<'_>,
    mentions: &[Mention],
    articles: usize,
) -> ByArticle {
    let g = tree.g;
    let mut context = ByArticle::new(articles);
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
    context
}

/// Finds place-like names that are not known and are likely slips for known ones.
pub(super) fn find_slips(
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
    let known = Written {
        all: mentions,
        first,
        in_segment: &mentions[first..last],
    };
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
        let Some(candidate) = candidate(input.text, segment, at, suffix, &known) else {
            continue;
        };
        if !g.matcher().refs(candidate.name).is_empty() {
            continue;
        }
        out.extend(compare(input, search, &candidate, mentions));
    }
}

/// The known names written in a segment, and where they lie among all of them.
struct Written<'m> {
    all: &'m [Mention],
    /// Where the segment's mentions start in `all`.
    first: usize,
    /// The segment's mentions: in order and not overlapping, so their ends are in order too.
    in_segment: &'m [Mention],
}

/// A place-like name ending in an administrative suffix.
struct Candidate<'t> {
    span: Span,
    name: &'t str,
    suffix: &'static str,
    /// The known name written right before it, an index into the mentions.
    parent: Option<usize>,
}

/// The place-like name ending in `suffix` at byte `at` of `segment`, when it is not part of
/// a known name and its stem is two to eight characters long.
fn candidate<'t>(
    text: &'t str,
    segment: Span,
    at: usize,
    suffix: &'static str,
    known: &Written<'_>,
) -> Option<Candidate<'t>> {
    let body = &text[segment.range()];
    let end = segment.start + (at + suffix.len()) as u32;
    let suffix_start = segment.start + at as u32;
    // The first mention ending after the suffix starts, and the one before it.
    let k = known
        .in_segment
        .partition_point(|m| m.span.end <= suffix_start);
    // Inside a known name: nothing to check.
    if known.in_segment.get(k).is_some_and(|m| m.span.start < end) {
        return None;
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
        .filter(|&i| known.in_segment[i].span.end >= han_start)
        .map(|i| known.first + i);
    let start = parent.map_or(han_start, |i| known.all[i].span.end);
    let stem_chars = text[start as usize..suffix_start as usize].chars().count();
    if !(2..=8).contains(&stem_chars) {
        return None;
    }
    Some(Candidate {
        span: Span::new(start, end),
        name: &text[start as usize..end as usize],
        suffix,
        parent,
    })
}

/// Compares a candidate with the known names under the place named right before it, else
/// under the article's places and the region, then with the names the draft writes.
fn compare(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    let Candidate {
        span, name, suffix, ..
    } = *candidate;
    search.scopes.clear();
    let basis = match candidate.parent {
        Some(i) if !mentions[i].places.is_empty() => {
            search.scopes.extend_from_slice(&mentions[i].places);
            SlipBasis::Parent(i)
        }
        _ => {
            let article = search.articles.at(input, span.start);
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
        return Some(SlipCandidate {
            span,
            name: name.to_owned(),
            right,
            places,
            slip,
            basis,
        });
    }
    written_elsewhere(search, candidate, mentions)
}

/// One place written two ways: a known name elsewhere in the draft, one character replaced.
/// The first mention of each name stands for all of them.
fn written_elsewhere(
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    let Candidate { name, suffix, .. } = *candidate;
    let (i, slip) = search.first_of_names(mentions).iter().find_map(|&i| {
        let m = &mentions[i];
        (m.name.len() == name.len() && ends_with_suffix(&m.name, suffix))
            .then(|| likely_slip(name, &m.name))
            .flatten()
            .filter(|slip| matches!(slip, Slip::Replaced { .. }))
            .map(|slip| (i, slip))
    })?;
    Some(SlipCandidate {
        span: candidate.span,
        name: name.to_owned(),
        right: mentions[i].name.to_string(),
        places: mentions[i].places.to_vec(),
        slip,
        basis: SlipBasis::Draft(i),
    })
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
