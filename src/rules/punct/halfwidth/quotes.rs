//! ASCII double quotes around Chinese text: `王秀英说："邻里之间更亲了。"`.

use crate::diagnostic::Diagnostic;
use crate::document::{BlockKind, Draft};
use crate::fix::{Edit, Fix};
use crate::text::{is_han, Span};

use super::{is_han_or_fullwidth_mark, RULE};

/// Reports the ASCII double quotes of each paragraph whose quotes are plainly pairs around
/// Chinese text; a paragraph with any doubt (an odd count, an inch mark `55"`, an HTML
/// attribute `alt="…"`, a pair around English, quotes nested in `“”`) gives no finding.
pub(super) fn check(text: &str, draft: &Draft, acc: &mut Vec<Diagnostic>) {
    for block in draft.blocks.iter().filter(|b| b.kind != BlockKind::Other) {
        if memchr::memchr(b'"', text[block.span.range()].as_bytes()).is_none() {
            continue;
        }
        let quotes = block
            .lines
            .iter()
            .flat_map(|&line| draft.unmasked(line))
            .flat_map(|piece| {
                memchr::memchr_iter(b'"', text[piece.range()].as_bytes())
                    .map(move |k| piece.start as usize + k)
            });
        let quotes: Vec<usize> = quotes.collect();
        if let Some(pairs) = pairs(text, block.span, &quotes) {
            for (open, close) in pairs {
                report(text, open, close, acc);
            }
        }
    }
}

/// The quotes taken two by two, when every pair plainly encloses Chinese text.
fn pairs(text: &str, block: Span, quotes: &[usize]) -> Option<Vec<(usize, usize)>> {
    if quotes.len() % 2 != 0 {
        return None;
    }
    for &at in quotes {
        // Ex) `55"`, `17"`: inches or seconds; `alt="…"`: markup.
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == '=') {
            return None;
        }
    }
    let pairs: Vec<(usize, usize)> = quotes.chunks(2).map(|p| (p[0], p[1])).collect();
    // Full-width double quotes before each opening one, to tell whether it is nested.
    let mut depth = 0i32;
    let mut read = block.start as usize;
    for &(open, close) in &pairs {
        for c in text[read..open].chars() {
            match c {
                '“' => depth += 1,
                '”' => depth -= 1,
                _ => {}
            }
        }
        read = close + 1;
        let inside = &text[open + 1..close];
        // Ex) `“他说"好"”`: a quotation inside a quotation takes `‘’`, not `“”`.
        if depth != 0 || inside.contains(['“', '”', '\n']) || !inside.chars().any(is_han) {
            return None;
        }
    }
    Some(pairs)
}

fn report(text: &str, open: usize, close: usize, acc: &mut Vec<Diagnostic>) {
    // Spaces typed before the quote go, after Chinese text or after a mark this rule turns
    // full-width (`说: "`, whose colon's own fix stops short of them).
    let before = text[..open].trim_end_matches(' ');
    let mut tail = before.chars().rev();
    let chinese = match tail.next() {
        Some(',' | ';' | ':' | '?' | '!') => tail.next().is_some_and(is_han),
        last => last.is_some_and(is_han_or_fullwidth_mark),
    };
    let open_from = if chinese { before.len() } else { open };
    let after = text[close + 1..].trim_start_matches(' ');
    let close_to = match after.chars().next().is_some_and(is_han_or_fullwidth_mark) {
        true => text.len() - after.len(),
        false => close + 1,
    };
    let span = |from: usize, to: usize| Span::new(from as u32, to as u32);
    let edits = vec![
        Edit::replace(span(open_from, open + 1), "“"),
        Edit::replace(span(close, close_to), "”"),
    ];
    let fix = Fix::safe("改为全角引号“”", edits);
    let open_message = "中文中使用了半角双引号\"，这里应为前引号“";
    let close_message = "中文中使用了半角双引号\"，这里应为后引号”";
    acc.push(Diagnostic::new(&RULE, span(open, open + 1), open_message).with_fix(fix.clone()));
    acc.push(Diagnostic::new(&RULE, span(close, close + 1), close_message).with_fix(fix));
}
