//! Every place each recognised name is printed in the draft, with the sentence it is in.

use std::collections::BTreeMap;

use super::{Mention, Occurrence};
use crate::document::BlockKind;
use crate::recognise::Input;
use crate::text::{CharSet, Span};

/// Every occurrence of each mentioned name in the draft's prose, with its sentence index.
pub(super) fn occurrences(
    input: &Input<'_>,
    mentions: &[Mention],
) -> BTreeMap<String, Vec<Occurrence>> {
    let mut names: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return BTreeMap::new();
    }
    // A handful of names per draft, nearly always opening with a Han character (a surname):
    // the prose is searched once for the characters names open with, and only there are the
    // names compared. A name opening with another character (a foreign name in a credit) has
    // the search stop at every character instead.
    let firsts: Vec<Option<char>> = names.iter().map(|n| n.chars().next()).collect();
    let mut starts = CharSet::EMPTY;
    let mut all_han = true;
    for &c in firsts.iter().flatten() {
        if CharSet::can_hold(c) {
            starts.insert(c);
        } else {
            all_han = false;
        }
    }
    let next_start = |body: &str, at: usize| -> Option<(usize, char)> {
        if all_han {
            starts.find(body, at)
        } else {
            body[at..]
                .char_indices()
                .map(|(i, c)| (at + i, c))
                .find(|&(_, c)| firsts.contains(&Some(c)))
        }
    };
    // The names' lengths, longest first: where a name may start, the longest printed there
    // is found by one lookup per length, however many names the draft has.
    let mut lengths: Vec<usize> = names.iter().map(|n| n.len()).collect();
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    lengths.dedup();
    let text = input.text;
    let mut found: Vec<Vec<Occurrence>> = vec![Vec::new(); names.len()];
    let mut sentence = 0u32;
    for block in &input.draft.blocks {
        if block.kind == BlockKind::Other {
            continue;
        }
        sentence += 1;
        for segment in block.lines.iter().flat_map(|l| input.draft.unmasked(*l)) {
            let body = &text[segment.range()];
            // Leftmost-longest without overlaps: the longest name at the first place one is
            // printed, then on from its end.
            let mut at = 0;
            let mut last = 0;
            while let Some((i, c)) = next_start(body, at) {
                at = i + c.len_utf8();
                let rest = &body[i..];
                let Some(k) = (lengths.iter().filter_map(|&len| rest.get(..len)))
                    .find_map(|printed| names.binary_search(&printed).ok())
                else {
                    continue;
                };
                at = i + names[k].len();
                sentence += sentence_ends(&body[last..i]);
                last = i;
                found[k].push(Occurrence {
                    span: Span::new(segment.start + i as u32, segment.start + at as u32),
                    sentence,
                });
            }
            sentence += sentence_ends(&body[last..]);
        }
    }
    names
        .into_iter()
        .zip(found)
        .filter(|(_, found)| !found.is_empty())
        .map(|(name, found)| (name.to_owned(), found))
        .collect()
}

/// How many of `。！？` `text` holds.
pub(super) fn sentence_ends(text: &str) -> u32 {
    // All three are `EF BC 81`, `EF BC 9F` or `E3 80 82` in UTF-8: count by their last byte
    // after a matching lead, without decoding every character.
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xEF, 0xE3, bytes)
        .filter(|&i| {
            matches!(
                bytes.get(i..i + 3),
                Some([0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F] | [0xE3, 0x80, 0x82])
            )
        })
        .count() as u32
}
