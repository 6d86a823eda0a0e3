//! Place-like names that are not known — Han characters ending in an administrative suffix —
//! compared with the known names of their context for a likely slip: the places under the
//! parent written right before the name, else under the article's places and the region;
//! at county level and above, every division of the country ([`super::national`]); for a
//! village or community, the built-in villages ([`super::village_names`]). A name written in
//! two ways in one draft is found here too.

use std::ops::Range;

use super::county_stems::one_char_county;
use super::national::{national_slip, odd_form};
use super::openers::suffix_at;
use super::tree::{Articles, ByArticle, FxMap, Tree};
use super::village_names::{village, VillageScopes};
use super::{Input, Mention, SlipBasis, SlipCandidate, VillageMention};
use crate::gazetteer::fuzzy::{likely_slip, likely_town_slip, Slip};
use crate::gazetteer::{Gazetteer, Level, PlaceId, VillageId};
use crate::text::{is_han, Span};

/// The known names two levels under each scope a slip is compared with, in the order a
/// depth-first walk meets them: computed once per scope and draft.
pub(super) struct Under<'g> {
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
    pub(super) articles: Articles,
    /// Each article's counties and towns.
    pub(super) context: ByArticle,
    pub(super) region: Option<PlaceId>,
    pub(super) scopes: Vec<PlaceId>,
    first_of_names: Option<Vec<usize>>,
    /// The built-in villages under each scope a village name was compared with.
    pub(super) village_scopes: VillageScopes,
    /// The built-in villages named in the text.
    pub(super) villages: Vec<VillageMention>,
    /// A built-in village taken as missing from the gazetteer: how a village the table
    /// lacks would be read (measured in the tests).
    pub(super) hidden: Option<VillageId>,
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
            village_scopes: VillageScopes::default(),
            villages: Vec::new(),
            hidden: None,
        }
    }

    pub(super) fn g(&self) -> &'g Gazetteer {
        self.under.g
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

/// Finds place-like names that are not known and are likely slips for known ones, and the
/// built-in villages the text names.
pub(super) fn find_slips(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    segment: Span,
    openers: &[(u32, u32)],
    mentions: &[Mention],
    out: &mut Vec<SlipCandidate>,
) {
    let g = search.g();
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
            // Ex) 水泊寺街将: a suffix that lost its last character.
            out.extend(odd_form(input, search, segment, at, None, &known));
            continue;
        };
        // Ex) 柏杨村社区: a name is read to its longest suffix, and the community is one
        // name; 柏杨村 is not written there.
        if suffix == "村" && continues_as_committee(&body[at + suffix.len()..]) {
            continue;
        }
        search_from = opener + suffix.len() as u32;
        // Ex) 娄底市“新华”县: the suffix outside the quotes.
        if let Some(slip) = odd_form(input, search, segment, at, Some(suffix), &known) {
            out.push(slip);
            continue;
        }
        let Some(candidate) = candidate(input.text, segment, at, suffix, &known) else {
            if suffix == "县" {
                // Ex) 山西祈县: a county of one character after its province.
                out.extend(one_char_county(input, g, segment, at, &known, mentions));
            }
            continue;
        };
        if !candidate.clamped && !g.matcher().refs(candidate.name).is_empty() {
            continue;
        }
        if matches!(suffix, "村" | "社区" | "居委会") {
            out.extend(village(input, search, &candidate, mentions));
        } else {
            out.extend(compare(input, search, &candidate, mentions));
        }
    }
}

/// The known names written in a segment, and where they lie among all of them.
pub(super) struct Written<'m> {
    pub(super) all: &'m [Mention],
    /// Where the segment's mentions start in `all`.
    pub(super) first: usize,
    /// The segment's mentions: in order and not overlapping, so their ends are in order too.
    pub(super) in_segment: &'m [Mention],
}

impl Written<'_> {
    /// The mention ending exactly at `offset`, as an index into all mentions.
    pub(super) fn ending_at(&self, offset: u32) -> Option<usize> {
        let k = self.in_segment.partition_point(|m| m.span.end < offset);
        (self.in_segment.get(k)?.span.end == offset).then_some(self.first + k)
    }

    /// Whether `offset` lies inside a mention.
    pub(super) fn inside(&self, offset: u32) -> bool {
        let k = self.in_segment.partition_point(|m| m.span.end <= offset);
        self.in_segment
            .get(k)
            .is_some_and(|m| m.span.start <= offset)
    }
}

/// A place-like name ending in an administrative suffix.
#[derive(Clone, Copy)]
pub(super) struct Candidate<'t> {
    pub(super) span: Span,
    pub(super) name: &'t str,
    pub(super) suffix: &'static str,
    /// The known name written right before it, an index into the mentions.
    pub(super) parent: Option<usize>,
    /// The stem ran on past eight characters and was cut there: the start is no boundary,
    /// only the name's endings are names.
    pub(super) clamped: bool,
}

/// The longest stem a candidate keeps, in characters.
const MAX_STEM: usize = 8;

/// The place-like name ending in `suffix` at byte `at` of `segment`, when it is not part of
/// a known name and its stem is two characters long or more (the last eight when longer).
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
    // The start: the end of a known name right before, else the last non-Han character,
    // else eight characters back.
    let mut han = body[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .take(MAX_STEM + 1);
    let (mut han_start, mut clamped) = (at, false);
    for (n, (i, _)) in han.by_ref().enumerate() {
        if n == MAX_STEM {
            clamped = true;
            break;
        }
        han_start = i;
    }
    let han_start = segment.start + han_start as u32;
    let parent = k
        .checked_sub(1)
        .filter(|&i| known.in_segment[i].span.end >= han_start)
        .map(|i| known.first + i);
    if parent.is_some() {
        clamped = false;
    }
    let start = parent.map_or(han_start, |i| known.all[i].span.end);
    let stem_chars = text[start as usize..suffix_start as usize].chars().count();
    if stem_chars < 2 || continues_word(suffix, text[end as usize..].chars().next()) {
        return None;
    }
    Some(Candidate {
        span: Span::new(start, end),
        name: &text[start as usize..end as usize],
        suffix,
        parent,
        clamped,
    })
}

/// Whether the text after a `村` goes on with the suffix of a community or residents'
/// committee, so that the village name runs on: `柏杨村社区`, `丁村居委会`.
fn continues_as_committee(rest: &str) -> bool {
    rest.starts_with("社区") || rest.starts_with("居委会")
}

/// Whether the suffix and the character after it make a word, so that the suffix is none:
/// `新兴市场`, `东西区别`, `省心`, `村庄`.
fn continues_word(suffix: &str, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    match suffix {
        "市" => "场".contains(next),
        "区" => "域别分间".contains(next),
        "省" => "力略钱事心吃得去".contains(next),
        "乡" => "亲土愁音间下里".contains(next),
        "镇" => "压定静守".contains(next),
        "村" => "庄落寨姑".contains(next),
        "旗" => "帜杆手号".contains(next),
        "盟" => "友约军".contains(next),
        _ => false,
    }
}

/// Compares a candidate with the known names under the place named right before it, else
/// under the article's places and the region; at county level and above with every
/// division of the country; then with the names the draft writes.
pub(super) fn compare(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    if !candidate.clamped {
        if let Some(slip) = compare_under(input, search, candidate, mentions) {
            return Some(slip);
        }
    }
    if let Some(slip) = national_slip(input, search, candidate, mentions) {
        return Some(slip);
    }
    if candidate.clamped {
        return None;
    }
    written_elsewhere(search, candidate, mentions)
}

/// The candidate's parent's places, else the article's places and the region, in
/// `search.scopes`; and what they are.
pub(super) fn scopes_of(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> SlipBasis {
    search.scopes.clear();
    match candidate.parent {
        Some(i) if !mentions[i].places.is_empty() => {
            search.scopes.extend_from_slice(&mentions[i].places);
            SlipBasis::Parent(i)
        }
        _ => {
            let article = search.articles.at(input, candidate.span.start);
            search.scopes.extend_from_slice(search.context.get(article));
            search.scopes.extend(search.region);
            SlipBasis::Context
        }
    }
}

/// The known places under the candidate's scopes.
pub(super) fn compare_under(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    let Candidate {
        span, name, suffix, ..
    } = *candidate;
    let basis = scopes_of(input, search, candidate, mentions);
    let (right, places, slip) = slip_under(&mut search.under, name, suffix, &search.scopes)
        .filter(|(_, _, slip)| {
            // Village lists are never complete (new communities appear every year): a
            // village name one character short of a known one is new as often as it is a
            // slip, unless the text names its parent. Town and county lists are complete.
            !(matches!(slip, Slip::Truncated { .. })
                && basis == SlipBasis::Context
                && matches!(suffix, "村" | "社区" | "居委会"))
        })?;
    Some(slip_candidate(
        span, name, right, places, slip, basis, mentions,
    ))
}

/// A slip for `right`, whose places are `places`: in the basis given, unless the draft
/// writes `right` too (one place written two ways).
pub(super) fn slip_candidate(
    span: Span,
    name: &str,
    right: String,
    places: Vec<PlaceId>,
    slip: Slip,
    basis: SlipBasis,
    mentions: &[Mention],
) -> SlipCandidate {
    let basis = mentions
        .iter()
        .position(|m| m.name == right)
        .map_or(basis, SlipBasis::Draft);
    SlipCandidate {
        span,
        name: name.to_owned(),
        edit: (span, right.clone()),
        right,
        places,
        villages: Vec::new(),
        slip,
        basis,
    }
}

/// One place written two ways: a known name elsewhere in the draft, one character replaced.
/// The first mention of each name stands for all of them.
pub(super) fn written_elsewhere(
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
        villages: Vec::new(),
        slip,
        basis: SlipBasis::Draft(i),
        edit: (candidate.span, mentions[i].name.to_string()),
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
pub(super) fn slip_under(
    under: &mut Under<'_>,
    name: &str,
    suffix: &str,
    scopes: &[PlaceId],
) -> Option<(String, Vec<PlaceId>, Slip)> {
    let mut found: Option<(String, Vec<PlaceId>, Slip)> = None;
    let town = matches!(suffix, "镇" | "乡" | "街道" | "苏木");
    for (k, &scope) in scopes.iter().enumerate() {
        if scopes[..k].contains(&scope) {
            continue;
        }
        // Ex) 石林彝族自治县鹿埠街道: among one county's towns a radical apart is a slip too.
        let radicals = town && under.g.place(scope).level == Level::County;
        let range = under.range(scope);
        for known in &under.known[range] {
            // Ex) a 村 is never a slip for a 街道: compare only names of the same suffix and a
            // length the slip allows, before the costlier character comparison.
            let plausible = (known.name.len() == name.len()
                || known.name.len() == name.len() + known.stem_char)
                && ends_with_suffix(known.name, suffix);
            if plausible {
                let slip = match radicals {
                    true => likely_town_slip(name, known.name),
                    false => likely_slip(name, known.name),
                };
                if let Some(slip) = slip {
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
