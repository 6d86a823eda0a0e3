//! Known names in the text: names, aliases and former names, found by the gazetteer's
//! matcher; a name that is also an everyday word only right after a place containing it.

use std::borrow::Cow;

use super::ids::PlaceIds;
use super::slips::opened_by;
use super::tree::{Articles, Tree};
use super::{Input, Mention, Resolution};
use crate::gazetteer::{strip_suffix, Gazetteer, Match, Name, NameRef, PlaceId};
use crate::text::Span;

/// Names that are also everyday words: they count as places only right after the name of a
/// place that contains them.
pub(super) const EVERYDAY: &[&str] = &[
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
pub(super) fn is_everyday(name: &str) -> bool {
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

/// A name with no stem, or a one-character one (`城区`, `和县`): too short to tell from an
/// everyday word.
fn stem_too_short(name: &str) -> bool {
    strip_suffix(name).is_none_or(|stem| stem.chars().count() < 2)
}

/// What `find_known` keeps from one segment to the next.
pub(super) struct KnownSearch<'g> {
    pub(super) tree: Tree<'g>,
    pub(super) articles: Articles,
    /// The matches of a segment.
    found: Vec<Match<'g>>,
    /// The characters that open an administrative suffix, with their `SUFFIXES` bits.
    pub(super) openers: Vec<(u32, u32)>,
    /// The places of a match.
    places: Vec<PlaceId>,
}

impl<'g> KnownSearch<'g> {
    /// Room for what a page of `len` bytes usually has, so that the vectors seldom grow.
    pub(super) fn new(g: &'g Gazetteer, len: usize) -> KnownSearch<'g> {
        KnownSearch {
            tree: Tree::new(g),
            articles: Articles::default(),
            found: Vec::with_capacity(16),
            openers: Vec::with_capacity(len / 32),
            places: Vec::with_capacity(16),
        }
    }
}

/// Finds the known names of `segment`, and the characters that open an administrative
/// suffix (for `find_slips`) on the way.
pub(super) fn find_known<'g>(
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
            // Set by `frame_former_names`.
            frame: None,
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
