//! Short forms (`平城` for `平城区`, or a newsroom alias) written before the first full
//! mention of their place.

use std::ops::Range;

use super::{Input, Mention, ShortForm};
use crate::gazetteer::{strip_suffix, Gazetteer, Level, NameRef, PlaceId};
use crate::text::{is_han, Span};

/// Short forms (`平城` for `平城区`, or a newsroom alias) written before the first full
/// mention, where the characters around them show they stand as a name.
pub(super) fn find_short_forms(
    input: &Input<'_>,
    g: &Gazetteer,
    segments: &[(Span, Range<usize>)],
    mentions: &[Mention],
) -> Vec<ShortForm> {
    let shorts = short_forms(g, mentions);
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
    let found = occurrences(input.text, Span::new(low, high), &shorts);
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
            let local = Span::new(start - segment.start, end - segment.start);
            if stands_alone(body, local) {
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

/// Each short form of the places the mentions settle on, with the first full mention of
/// its place: the stem without its suffix (two characters or more) and the aliases, when
/// they name no other place.
fn short_forms<'g>(g: &'g Gazetteer, mentions: &[Mention]) -> Vec<(&'g str, usize)> {
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
    shorts
}

/// Every occurrence of each short form in `within`, overlapping ones too, as (start, end,
/// index into `shorts`), leftmost first, then longest. One search a name: a handful of names
/// per draft, each looked for in every segment, cost more in calls than in searching.
fn occurrences(text: &str, within: Span, shorts: &[(&str, usize)]) -> Vec<(u32, u32, usize)> {
    let hay = &text.as_bytes()[within.range()];
    let mut found: Vec<(u32, u32, usize)> = Vec::with_capacity(4 * shorts.len());
    for (word, &(short, _)) in shorts.iter().enumerate() {
        if short.is_empty() {
            continue;
        }
        let finder = memchr::memmem::Finder::new(short.as_bytes());
        let mut from = 0;
        while let Some(at) = finder.find(&hay[from..]) {
            let start = within.start + (from + at) as u32;
            found.push((start, start + short.len() as u32, word));
            from += at + 1;
        }
    }
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    found
}

/// True when the characters around `span` of `body` show it stands as a name: `平城 新开街道`
/// in a headline, `在平城，`; never `和平与发展` (a word) or `张家港1月1日电` (a dateline,
/// where papers print the short form).
fn stands_alone(body: &str, span: Span) -> bool {
    let before = body[..span.start as usize].chars().next_back();
    let after = body[span.end as usize..].chars().next();
    before.is_none_or(|c| !is_han(c) || "在到于".contains(c))
        && after.is_none_or(|c| !is_han(c) && !c.is_numeric() && !"—–-~～".contains(c))
}
