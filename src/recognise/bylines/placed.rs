//! Credits away from a dateline: on a line of their own (`本报记者 王海 通讯员 李敏`), closing a
//! paragraph (`……。（王海 李敏）`, `（新华社北京12月31日电）`), and a writer's name under a
//! headline.

use super::credit::{is_space, strip_reported};
use super::lead::parse_lead;
use super::names::looks_like_name;
use super::roles::is_credit_mark;
use super::{At, Byline, BylinePlace, Credit, CreditForm, Name, Parens, RoleGroup, Scan, Spacing};
use crate::document::{BlockKind, Draft};
use crate::text::{at_most_chars, is_han, Span};

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
    /// A credit on a line of its own: `本报记者 王海 通讯员 李敏`, `□本报记者 张靖`. The mark
    /// some papers print before it stays outside the credit. A marked line of names with no
    /// role (`□ 李小雨` under a poem's title) is the writer's signature, as a poet or an
    /// essayist signs: no reporter's credit.
    pub(super) fn credit_line(&self, body: &str, at: At) -> Option<Byline> {
        let marks = body.len() - body.trim_start_matches(is_credit_mark).len();
        let base = at.span.start + marks as u32;
        let words = &body[marks..];
        let mut credit = self.credit_body(words, base)?;
        credit.span = Span::new(base, base + words.len() as u32);
        let signed =
            marks > 0 && credit.without_roles() && credit.names().all(|n| looks_like_name(&n.text));
        let place = match signed {
            true => BylinePlace::Author,
            false => BylinePlace::CreditLine,
        };
        Some(at.byline(credit.span, place, None, Some(credit)))
    }

    /// True when a short block is a credit line and nothing else: a role first (after a
    /// mark, if any), names that look like names, no sentence punctuation.
    pub(super) fn reads_as_credit_line(&self, body: &str) -> bool {
        let words = body.trim_start_matches(is_credit_mark);
        if !at_most_chars(body, 40)
            || !super::starts_with_role(words)
            || words.contains(['，', '。', '！', '？', '：', '；', ',', ':'])
        {
            return false;
        }
        self.credit_body(words, 0).is_some_and(|c| {
            c.names().next().is_some()
                && c.names()
                    .all(|n| looks_like_name(&n.text) || self.roster.contains(&n.text))
        })
    }

    /// A credit closing a paragraph: `……。（王海 李敏）`, or a wire dateline
    /// `……。（新华社北京12月31日电）`; at the end of an article also a pen name or an
    /// institution (`……。（本报评论员）`).
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
        let mut credit = (self.compiled_credit(inner, inner_base))
            .or_else(|| self.credit_body(strip_reported(inner), inner_base))
            .filter(|c| self.names_a_writer(c))
            .or_else(|| {
                at.closes_article
                    .then(|| free_credit(inner, inner_base))
                    .flatten()
            })?;
        credit.form = CreditForm::Paren(closing.parens);
        credit.span = span;
        Some(at.byline(span, BylinePlace::Trailing, None, Some(credit)))
    }

    /// `（本报记者 赵静 整理）`: the credit of whoever compiled a transcript or a set of
    /// readers' letters, closing the part they compiled. Not the item's byline, and not
    /// rebuilt: a free credit of the names before `整理`.
    fn compiled_credit(&self, inner: &str, base: u32) -> Option<Credit> {
        let words = inner.trim_end_matches(is_space).strip_suffix("整理")?;
        let mut credit = self.credit_body(words, base)?;
        credit.free = true;
        credit.names().next()?;
        Some(credit)
    }

    /// True when the words of a closing parenthesis name writers: a role, or names that
    /// look like names or are the newsroom's reporters.
    fn names_a_writer(&self, credit: &Credit) -> bool {
        if credit.names().next().is_none() {
            return false;
        }
        credit.groups.iter().any(|g| g.role.is_some())
            || credit
                .names()
                .all(|n| looks_like_name(&n.text) || self.roster.contains(&n.text))
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

/// Words that close an item in parentheses without signing it: notes to the reader, serial
/// parts, reactions in a speech.
const NOT_WRITERS: [&str; 32] = [
    "完",
    "全文完",
    "待续",
    "未完待续",
    "未完",
    "续完",
    "续",
    "上",
    "中",
    "下",
    "全文另发",
    "图片",
    "附图片",
    "附图",
    "资料",
    "资料图片",
    "摘编",
    "节选",
    "有删节",
    "略有删节",
    "摘要",
    "笑声",
    "掌声",
    "热烈掌声",
    "鼓掌",
    "热烈鼓掌",
    "众笑",
    "大笑",
    "注",
    "转载",
    "编译",
    "剧照",
];

/// An end credit in words that need not be a person's name — a pen name, an institution
/// (`本报评论员`, `本报编辑部`) — closing the last paragraph of an article: short, in Han
/// characters, and no note to the reader.
fn free_credit(inner: &str, base: u32) -> Option<Credit> {
    let words = inner.trim_matches(is_space);
    let chars = words.chars().count();
    if !(2..=10).contains(&chars)
        || !words.chars().all(|c| is_han(c) || c == '·')
        || NOT_WRITERS.contains(&words)
        || words.ends_with(['摄', '绘', '电', '讯', '稿', '发', '图'])
        || words.contains('版')
        || words.contains("照片")
        || words.contains("图片")
        || ["附", "作者", "本文", "注", "据", "上接", "下转", "转", "接"]
            .iter()
            .any(|w| words.starts_with(w))
    {
        return None;
    }
    let start = base + (inner.len() - inner.trim_start_matches(is_space).len()) as u32;
    Some(Credit {
        span: Span::default(),
        form: CreditForm::Bare,
        groups: vec![RoleGroup {
            role: None,
            names: vec![Name {
                span: Span::new(start, start + words.len() as u32),
                text: words.to_owned(),
                padded: false,
                joined: false,
            }],
        }],
        media: None,
        separators: Vec::new(),
        spacing: Spacing::default(),
        complete: true,
        free: true,
    })
}
