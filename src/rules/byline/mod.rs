//! Bylines and credits: every rule reads the byline recogniser's facts, judges them against
//! the configured house style ([`house`]) and rebuilds fixes from the parsed parts.

pub mod format;
pub(crate) mod house;
pub mod missing;
pub mod position;
#[cfg(test)]
mod tests;
pub mod unknown_reporter;

use crate::document::{Article, BlockKind};
use crate::recognise::bylines::{Byline, BylinePlace, Bylines};
use crate::rules::Context;
use crate::text::{at_most_chars, contains_any};

/// True when `byline` stands at the lead of article `index`: after the dateline of its first
/// paragraph, or — for an item without a dateline — on a line of its own under the headline
/// (a feature signed `本报记者 王海`), under one opening paragraph, as national dailies
/// print a feature's summary above its byline, or under a heading of its own
/// ([`under_heading`]).
pub(crate) fn at_lead(cx: &Context<'_>, index: usize, article: &Article, byline: &Byline) -> bool {
    let lead_block = article.lead();
    match byline.place {
        BylinePlace::Lead => Some(byline.block) == lead_block,
        BylinePlace::CreditLine => {
            let dated = cx.facts.bylines.has_lead_byline(index);
            !dated
                && (lead_block.is_none_or(|l| byline.block <= l || byline.block == l + 1)
                    || under_heading(cx, byline))
        }
        _ => false,
    }
}

/// True when `byline` is a credit line right under a heading — a headline, or a short line
/// or two without sentence punctuation (`记者调查` / `老旧小区停车难如何破解`) — as a
/// feature is signed under its headline group: the byline of the item that heading opens.
pub(crate) fn under_heading(cx: &Context<'_>, byline: &Byline) -> bool {
    let Some(above) = byline.block.checked_sub(1).map(|id| &cx.draft.blocks[id]) else {
        return false;
    };
    if byline.place != BylinePlace::CreditLine {
        return false;
    }
    match above.kind {
        BlockKind::Headline | BlockKind::Subheading => true,
        BlockKind::Paragraph | BlockKind::Caption => {
            above.lines.len() <= 3
                && (above.lines.iter()).all(|line| {
                    let line = &cx.text[line.range()];
                    !line.is_empty()
                        && at_most_chars(line, 30)
                        && !contains_any(line, &['。', '，', '；', '！', '？', '：'])
                })
        }
        _ => false,
    }
}

/// True when `byline` closes article `article`: at the end of its last paragraph, or on a
/// line of its own after it (`（王海 李敏）` under the body).
pub(crate) fn at_end(cx: &Context<'_>, article: &Article, byline: &Byline) -> bool {
    if byline.place != BylinePlace::Trailing {
        return false;
    }
    let Some(last) = last_paragraph(cx, article) else {
        return false;
    };
    let alone = byline.span.start == cx.draft.blocks[byline.block].span.start;
    byline.block == last || (alone && byline.block > last)
}

/// The article's last body paragraph (a list line of briefs counts: `●……。（王海）`).
pub(crate) fn last_paragraph(cx: &Context<'_>, article: &Article) -> Option<usize> {
    article.paragraphs.iter().rev().copied().find(|&id| {
        matches!(
            cx.draft.blocks[id].kind,
            BlockKind::Paragraph | BlockKind::ListItem
        )
    })
}

/// The reporters a fix credits where a byline is missing: the Markdown front matter's
/// `reporter:`, else those credited most often on the page (at most three), else the
/// roster's default reporter.
pub(crate) fn page_reporters(cx: &Context<'_>) -> Vec<String> {
    let front = &cx.draft.front_matter.reporters;
    if !front.is_empty() {
        return front.clone();
    }
    let house = cx.house;
    let counted = own_reporters(&cx.facts.bylines);
    let most = counted.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let top: Vec<String> = counted
        .into_iter()
        .filter(|(_, n)| *n == most)
        .map(|(name, _)| name)
        .take(3)
        .collect();
    if !top.is_empty() {
        return top;
    }
    house
        .default_reporter
        .iter()
        .map(|name| name.to_string())
        .collect()
}

/// Every reporter's name printed in one of the paper's own bylines or photo credits, in order
/// of first appearance, with how many bylines and credits name them.
fn own_reporters(bylines: &Bylines) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let names = bylines
        .bylines
        .iter()
        .filter(|b| b.is_own() && b.place != BylinePlace::Author)
        .flat_map(|b| b.credit.iter().flat_map(|c| c.staff_names()))
        .chain(bylines.photo_credits.iter().flat_map(|c| c.staff_names()));
    for name in names {
        match out.iter_mut().find(|(n, _)| *n == name.text) {
            Some((_, count)) => *count += 1,
            None => out.push((name.text.clone(), 1)),
        }
    }
    out
}
