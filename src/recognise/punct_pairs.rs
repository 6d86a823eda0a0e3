//! Paired punctuation (GB/T 15834): quotation marks, book-title marks and brackets that open
//! without closing, or close without opening, within a paragraph.

use super::Input;
use crate::document::{ends_sentence, opens_list_item, BlockKind};
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

/// Blocks a bracket or quotation may run over when each ends mid-sentence: a law's
/// parenthesised history printed over lines, a couplet quoted over two lines.
const MAX_CARRY: usize = 4;

type Stacks = [Vec<(Span, char)>; 6];

pub fn recognise(input: &Input<'_>) -> PunctPairs {
    let draft = input.draft;
    let text = input.text;
    let mut unpaired = Vec::new();
    let prose: Vec<usize> = (0..draft.blocks.len())
        .filter(|&i| draft.blocks[i].kind != BlockKind::Other)
        .collect();
    let mut carried: Option<(Stacks, usize)> = None;
    for (position, &id) in prose.iter().enumerate() {
        let block = &draft.blocks[id];
        let (mut stacks, carries) = carried.take().unwrap_or_default();
        for segment in block.lines.iter().flat_map(|line| draft.unmasked(*line)) {
            scan_segment(text, segment, &mut stacks, &mut unpaired);
        }
        let next = prose
            .get(position + 1)
            .map(|&next| &text[draft.blocks[next].span.range()]);
        // Ex) （1988年9月5日……通过 / 根据……修正） — the block stops mid-sentence and the
        // next goes on: the marks still open may close there.
        let open = stacks.iter().any(|s| !s.is_empty());
        if open
            && next.is_some()
            && carries < MAX_CARRY
            && !ends_sentence(&text[block.span.range()])
        {
            carried = Some((stacks, carries + 1));
            continue;
        }
        // A quotation running over several paragraphs opens each with “ and closes only at
        // its end: not an error.
        let next_opens_quote = next.is_some_and(|n| n.starts_with('“'));
        for (family, stack) in stacks.into_iter().enumerate() {
            for (span, mark) in stack {
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

/// Pairs the marks of one piece of a block, pushing opening marks on `stacks` and
/// reporting closing marks that close nothing.
fn scan_segment(text: &str, segment: Span, stacks: &mut Stacks, unpaired: &mut Vec<Unpaired>) {
    let body = &text[segment.range()];
    for (offset, ch) in pair_marks(body) {
        let span = Span::new(
            segment.start + offset as u32,
            segment.start + (offset + ch.len_utf8()) as u32,
        );
        let after = &body[offset + ch.len_utf8()..];
        // Ex) ’97春节晚会 — an apostrophe for the century, no quotation mark.
        if ch == '’'
            && after.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            continue;
        }
        // Ex) McDonald’s, Let’s — an apostrophe inside a Latin word, as word processors
        // type it.
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        if ch == '’' && latin(body[..offset].chars().next_back()) && latin(after.chars().next()) {
            continue;
        }
        // Ex) ：“（一）……；“（二）……。” — each item of a quoted list opens with “, and the
        // quotation closes once, after the last item.
        if ch == '“' && !stacks[0].is_empty() && opens_list_item(after) {
            continue;
        }
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

/// The pair marks of `body` with their offsets, in order. Marks are rare in running text:
/// vectorised byte searches find the lead bytes of the full-width marks (E2, E3, EF) and the
/// ASCII parentheses, and only those places are looked at — a fraction of the cost of
/// decoding every character.
fn pair_marks(body: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = body.as_bytes();
    let mut wide = memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes)
        .filter_map(|i| {
            let ch = match bytes.get(i..i + 3)? {
                [0xE2, 0x80, 0x9C] => '“',
                [0xE2, 0x80, 0x9D] => '”',
                [0xE2, 0x80, 0x98] => '‘',
                [0xE2, 0x80, 0x99] => '’',
                [0xE3, 0x80, 0x8A] => '《',
                [0xE3, 0x80, 0x8B] => '》',
                [0xE3, 0x80, 0x90] => '【',
                [0xE3, 0x80, 0x91] => '】',
                [0xE3, 0x80, 0x8C] => '「',
                [0xE3, 0x80, 0x8D] => '」',
                [0xEF, 0xBC, 0x88] => '（',
                [0xEF, 0xBC, 0x89] => '）',
                _ => return None,
            };
            Some((i, ch))
        })
        .peekable();
    let mut narrow = memchr::memchr2_iter(b'(', b')', bytes)
        .map(|i| (i, char::from(bytes[i])))
        .peekable();
    std::iter::from_fn(move || match (wide.peek(), narrow.peek()) {
        (Some(w), Some(n)) if n.0 < w.0 => narrow.next(),
        (Some(_), _) => wide.next(),
        (None, _) => narrow.next(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_marks_are_every_mark_in_order() {
        let marks = "“”‘’《》（(）)【】「」";
        let text = format!("a(b{marks}，。、：“x”𠮷—…)（{marks}z");
        let naive: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| marks.contains(c))
            .collect();
        assert_eq!(pair_marks(&text).collect::<Vec<_>>(), naive);
        assert_eq!(pair_marks("").count(), 0);
    }
}
