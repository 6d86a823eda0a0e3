//! The places recogniser: finds the place names of a draft and resolves each to gazetteer
//! entries.
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
//! - Around each name that may be a former one, what the words say of time (`原大同县`, a
//!   sentence about the change, the years it writes), so that no rule reads the text again.
//!
//! The gazetteer is data; the region comes as a name in the input. The recogniser reads
//! no file and knows nothing of the configuration.

mod county_stems;
mod frame;
mod ids;
mod known;
#[cfg(test)]
mod measure;
mod national;
mod openers;
mod resolve;
mod short_forms;
mod slips;
#[cfg(test)]
mod tests;
mod tree;
mod village_names;

pub use frame::TimeFrame;
pub use ids::PlaceIds;

use std::ops::Range;

use super::Input;
use crate::gazetteer::fuzzy::Slip;
use crate::gazetteer::{ChangeId, Name, PlaceId, VillageId};
use crate::text::Span;
use known::{find_known, KnownSearch};
use resolve::resolve;
use short_forms::find_short_forms;
use slips::{article_scopes, find_slips, SlipSearch};

/// Everything the recogniser found.
#[derive(Clone, Debug, Default)]
pub struct Places {
    /// Known names, in text order.
    pub mentions: Vec<Mention>,
    /// Place-like names that are not known but are likely slips for known ones.
    pub slips: Vec<SlipCandidate>,
    /// Built-in villages and communities named in the text, in text order.
    pub villages: Vec<VillageMention>,
    /// Short forms written before the first full mention of their place.
    pub early_short_forms: Vec<ShortForm>,
    /// Counties written by their stem right after a province that does not hold them
    /// (`陕西平遥`), each `after` that province's mention.
    pub county_stems: Vec<Mention>,
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
    /// Written in a short form only (`安徽`, `淮安`, `麻阳县`): a chain's suggestion keeps
    /// that form.
    pub short: bool,
    /// The mention written right before this one with nothing between (`水泊寺街道` in
    /// `水泊寺街道永安社区`).
    pub after: Option<usize>,
    /// The article the mention is in.
    pub article: Option<usize>,
    /// What the words around a mention that may be a former name say of time; `None` for
    /// the others.
    pub frame: Option<TimeFrame>,
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
    /// What is flagged: the name, with its quotes when its suffix stands outside them
    /// (`“新华”县`), or without the word after it (`水泊寺街` of `水泊寺街将`).
    pub span: Span,
    /// The name as read: `新华县`, `水泊寺街`.
    pub name: String,
    /// The known name it is likely a slip for, and its places (or built-in villages).
    pub right: String,
    pub places: Vec<PlaceId>,
    pub villages: Vec<VillageId>,
    pub slip: Slip,
    pub basis: SlipBasis,
    /// The edit that writes the right name: the span and its replacement (`新华` → `新化`
    /// inside the quotes; an empty span after `水泊寺街` → `道`).
    pub edit: (Span, String),
}

/// A built-in village or community named in the text (`沙岭村`, `福寓苑社区`).
#[derive(Clone, Debug)]
pub struct VillageMention {
    pub span: Span,
    pub name: String,
    /// The built-in villages of that name: those under the place written right before it
    /// when it holds some, else every one.
    pub villages: Vec<VillageId>,
    /// The mention written right before it, an index into `mentions`.
    pub parent: Option<usize>,
}

/// A short form written before the first full mention of its place.
#[derive(Clone, Debug)]
pub struct ShortForm {
    pub span: Span,
    pub short: String,
    /// The first full mention, an index into `mentions`.
    pub full: usize,
}

/// The places of a draft. `names` are the spans of the people credited in its bylines and
/// photo credits, in order: a reporter called 江山 is not the city.
pub fn recognise(input: &Input<'_>, names: &[Span]) -> Places {
    recognise_without(input, None, names)
}

/// The parts of `segment` outside the sorted `spans`.
fn outside(segment: Span, spans: &[Span]) -> impl Iterator<Item = Span> + '_ {
    let mut next = spans.partition_point(|s| s.end <= segment.start);
    let mut cursor = segment.start;
    std::iter::from_fn(move || {
        while cursor < segment.end {
            let Some(cut) = spans.get(next).filter(|s| s.start < segment.end) else {
                let piece = Span::new(cursor, segment.end);
                cursor = segment.end;
                return Some(piece);
            };
            next += 1;
            let piece = Span::new(cursor, cut.start.max(cursor));
            cursor = cursor.max(cut.end);
            if !piece.is_empty() {
                return Some(piece);
            }
        }
        None
    })
}

#[cfg(test)]
#[test]
fn outside_cuts_the_spans_out() {
    let spans = [Span::new(2, 4), Span::new(6, 7), Span::new(20, 30)];
    let pieces: Vec<Span> = outside(Span::new(0, 10), &spans).collect();
    assert_eq!(pieces, [Span::new(0, 2), Span::new(4, 6), Span::new(7, 10)]);
    let pieces: Vec<Span> = outside(Span::new(3, 6), &spans).collect();
    assert_eq!(pieces, [Span::new(4, 6)]);
    assert_eq!(
        outside(Span::new(10, 20), &spans).collect::<Vec<_>>(),
        [Span::new(10, 20)]
    );
    assert_eq!(outside(Span::new(21, 25), &spans).count(), 0);
}

/// [`recognise`], with the built-in village `hidden` taken as missing from the gazetteer:
/// how the recogniser reads a village the table lacks.
pub(crate) fn recognise_without(
    input: &Input<'_>,
    hidden: Option<VillageId>,
    names: &[Span],
) -> Places {
    let g = input.gazetteer;
    let region = input.newsroom.region.and_then(|r| g.resolve_region(r));
    let mut known = KnownSearch::new(g, input.text.len());
    let mut mentions: Vec<Mention> = Vec::with_capacity(input.text.len() / 128);
    // Each segment, with where its suffix openers lie in `known.openers`.
    let mut segments: Vec<(Span, Range<usize>)> = Vec::with_capacity(32);
    for segment in input.draft.segments().flat_map(|s| outside(s, names)) {
        let first = known.openers.len();
        find_known(input, &mut known, segment, &mut mentions);
        segments.push((segment, first..known.openers.len()));
    }
    let KnownSearch {
        mut tree,
        articles,
        openers,
        county_stems,
        ..
    } = known;
    resolve(&mut tree, &mut mentions, input.draft.articles.len(), region);
    mentions.shrink_to_fit();
    frame::frame_former_names(input.text, &mut mentions);
    let context = article_scopes(&mut tree, &mentions, input.draft.articles.len());
    let mut search = SlipSearch::new(g, articles, context, region);
    search.hidden = hidden;
    let mut slips = Vec::new();
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
        villages: search.villages,
        early_short_forms,
        county_stems,
        region,
    }
}
