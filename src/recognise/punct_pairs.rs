//! Paired punctuation (GB/T 15834): quotation marks, book-title marks and brackets that open
//! without closing, or close without opening, within a paragraph.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::Input;
use crate::document::BlockKind;
use crate::text::Span;

/// A mark left without its partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpaired {
    pub span: Span,
    pub mark: char,
    /// The mark that would close (or open) it.
    pub partner: char,
    /// True for an opening mark that never closes.
    pub is_open: bool,
}

/// Every unpaired mark of a draft, in order.
#[derive(Clone, Debug, Default)]
pub struct PunctPairs {
    pub unpaired: Vec<Unpaired>,
}

/// Pairs checked, as (open, close). Half- and full-width parentheses form one family, so
/// `（…)` is balanced here and `punct/halfwidth` reports the half-width one.
const PAIRS: [(&[char], &[char]); 6] = [
    (&['“'], &['”']),
    (&['‘'], &['’']),
    (&['《'], &['》']),
    (&['（', '('], &['）', ')']),
    (&['【'], &['】']),
    (&['「'], &['」']),
];

pub fn recognise(input: &Input<'_>) -> PunctPairs {
    let draft = input.draft;
    let text = input.text;
    let mut unpaired = Vec::new();
    let prose: Vec<usize> = (0..draft.blocks.len())
        .filter(|&i| draft.blocks[i].kind != BlockKind::Other)
        .collect();
    for (position, &id) in prose.iter().enumerate() {
        let block = &draft.blocks[id];
        let mut stacks: [Vec<(Span, char)>; 6] = Default::default();
        for segment in block.lines.iter().flat_map(|line| draft.unmasked(*line)) {
            let body = &text[segment.range()];
            for hit in pair_marks().find_iter(body) {
                let offset = hit.start();
                let ch = PAIR_MARKS[hit.pattern().as_usize()];
                let span = Span::new(
                    segment.start + offset as u32,
                    segment.start + (offset + ch.len_utf8()) as u32,
                );
                for (family, (opens, closes)) in PAIRS.iter().enumerate() {
                    if opens.contains(&ch) {
                        stacks[family].push((span, ch));
                    } else if closes.contains(&ch) && stacks[family].pop().is_none() {
                        // Ex) a list item numbered `1)` opens nothing.
                        if ch == ')' && is_list_number(text, span) {
                            continue;
                        }
                        unpaired.push(Unpaired {
                            span,
                            mark: ch,
                            partner: opens[0],
                            is_open: false,
                        });
                    }
                }
            }
        }
        let next_opens_quote = prose
            .get(position + 1)
            .map(|&next| text[draft.blocks[next].span.range()].starts_with('“'))
            .unwrap_or(false);
        for (family, stack) in stacks.into_iter().enumerate() {
            for (span, mark) in stack {
                // A quotation running over several paragraphs opens each with “ and closes
                // only at its end: not an error.
                if family == 0 && next_opens_quote {
                    continue;
                }
                unpaired.push(Unpaired {
                    span,
                    mark,
                    partner: PAIRS[family].1[0],
                    is_open: true,
                });
            }
        }
    }
    unpaired.sort_by_key(|u| u.span);
    PunctPairs { unpaired }
}

/// Every mark of [`PAIRS`].
const PAIR_MARKS: [char; 14] = [
    '“', '”', '‘', '’', '《', '》', '（', '(', '）', ')', '【', '】', '「', '」',
];

/// Finds the marks with a vectorised search over bytes: they are rare in running text, and
/// decoding every character to look for them cost more than the rest of this recogniser.
fn pair_marks() -> &'static AhoCorasick {
    static MARKS: OnceLock<AhoCorasick> = OnceLock::new();
    MARKS.get_or_init(|| {
        let marks = PAIR_MARKS.map(|c| c.to_string());
        AhoCorasick::new(marks).expect("pair marks build an automaton")
    })
}

fn is_list_number(text: &str, span: Span) -> bool {
    let before = &text[..span.start as usize];
    let digits = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    digits > 0 && {
        let rest = &before[..before.len() - digits];
        rest.is_empty() || rest.ends_with(['\n', ' ', '\u{3000}'])
    }
}
