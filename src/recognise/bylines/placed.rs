//! Credits away from a dateline: on a line of their own (`本报记者 王海 通讯员 李敏`), closing a
//! paragraph (`……。（王海 李敏）`, `（新华社北京12月31日电）`), and a writer's name under a
//! headline.

use super::credit::{is_space, strip_reported};
use super::lead::parse_lead;
use super::names::looks_like_name;
use super::{At, Byline, BylinePlace, CreditForm, Name, Parens, Scan};
use crate::document::{BlockKind, Draft};
use crate::text::Span;

/// A parenthesis closing a text: where it opens, its two marks, and the words inside.
pub(super) struct Closing<'a> {
    /// Byte offset of the opening mark in the text.
    pub(super) open: usize,
    pub(super) parens: Parens,
    /// Byte offset of the words inside, in the text.
    pub(super) inner_start: usize,
    pub(super) inner: &'a str,
}

/// The parenthesised words `trimmed` ends with: `……。（王海 李敏）`, `……（王海摄）`.
pub(super) fn closing_paren(trimmed: &str) -> Option<Closing<'_>> {
    let close = trimmed.chars().next_back()?;
    if !matches!(close, '）' | ')') {
        return None;
    }
    let open = trimmed.rfind(['（', '('])?;
    let open_mark = trimmed[open..].chars().next()?;
    let inner_start = open + open_mark.len_utf8();
    Some(Closing {
        open,
        parens: Parens::of(open_mark, close),
        inner_start,
        inner: &trimmed[inner_start..trimmed.len() - close.len_utf8()],
    })
}

impl Scan<'_> {
    /// A credit on a line of its own: `本报记者 王海 通讯员 李敏`.
    pub(super) fn credit_line(&self, body: &str, at: At) -> Option<Byline> {
        let base = at.span.start;
        let mut credit = self.credit_body(body, base)?;
        credit.span = Span::new(base, base + body.len() as u32);
        Some(at.byline(credit.span, BylinePlace::CreditLine, None, Some(credit)))
    }

    /// A credit closing a paragraph: `……。（王海 李敏）`, or a wire dateline
    /// `……。（新华社北京12月31日电）`.
    pub(super) fn trailing_byline(&self, body: &str, at: At) -> Option<Byline> {
        let base = at.span.start;
        let trimmed = body.trim_end_matches(is_space);
        let closing = closing_paren(trimmed)?;
        let before = trimmed[..closing.open].trim_end_matches(is_space);
        // A credit closes a finished sentence, or stands alone.
        if !before.is_empty()
            && !before.ends_with(|c: char| {
                matches!(c, '。' | '！' | '？' | '”' | '…' | '」' | '』' | '!' | '?')
            })
        {
            return None;
        }
        let span = Span::new(base + closing.open as u32, base + trimmed.len() as u32);
        let inner = closing.inner;
        let inner_base = base + closing.inner_start as u32;
        // Ex) （新华社北京12月31日电） （据新华社电）
        if let Some((mut lead, lead_len)) = parse_lead(inner) {
            if lead_len == inner.len() {
                lead.span = Span::new(inner_base, inner_base + lead_len as u32);
                return Some(at.byline(span, BylinePlace::Trailing, Some(lead), None));
            }
        }
        if inner.contains('摄') {
            return None;
        }
        let mut credit = self.credit_body(strip_reported(inner), inner_base)?;
        // A trailing group of bare names must look like names: a surname, two to four
        // characters — or be the newsroom's reporters.
        let has_role = credit.groups.iter().any(|g| g.role.is_some());
        if !has_role
            && !credit
                .names()
                .all(|n| looks_like_name(&n.text) || self.roster.contains(&n.text))
        {
            return None;
        }
        credit.names().next()?;
        credit.form = CreditForm::Paren(closing.parens);
        credit.span = span;
        Some(at.byline(span, BylinePlace::Trailing, None, Some(credit)))
    }

    /// A block of one to three bare names above the body: the writer's signature (`胡昭衡`,
    /// `赵国政 吕艺生`) under a headline. The parser takes it for a headline of its own.
    pub(super) fn author_line(&self, draft: &Draft, body: &str, at: At) -> Option<Byline> {
        let next = draft.blocks.get(at.block + 1)?;
        if next.kind != BlockKind::Paragraph {
            return None;
        }
        let mut credit = self.credit_body(body, at.span.start)?;
        let names: Vec<&Name> = credit.names().collect();
        if names.is_empty()
            || names.len() > 3
            || credit.groups.iter().any(|g| g.role.is_some())
            || !names.iter().all(|n| looks_like_name(&n.text))
        {
            return None;
        }
        credit.span = at.span;
        Some(at.byline(at.span, BylinePlace::Author, None, Some(credit)))
    }
}
