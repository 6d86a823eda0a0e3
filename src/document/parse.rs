//! Text → [`Draft`]: lines, blocks, block kinds, articles. Never fails, never panics.

use std::borrow::Cow;

use super::columns::column_lines;
use super::furniture::refine;
use super::markdown::{front_matter, masks, table_cells};
use super::sentence::{
    asks_for_more, cut_short, ends_sentence, ends_with_photo_credit, opens_lead, runs_on,
    starts_with_dateline,
};
use super::{Article, Block, BlockKind, Draft, DraftKind, FrontMatter};
use crate::text::{at_most_chars, contains_any, Span, SpansByStart};

/// Longest block, in characters, that can be a headline or a caption.
const SHORT_BLOCK_CHARS: usize = 40;

/// Parses a draft. Every string gives a `Draft`.
pub fn parse(text: &str, kind: DraftKind) -> Draft {
    let (front, masked, suppressions) = match kind {
        DraftKind::Markdown => {
            let front = front_matter(text);
            let (masked, suppressions) = masks(text, &front);
            (front, masked, suppressions)
        }
        DraftKind::Text => (FrontMatter::default(), Vec::new(), Vec::new()),
    };
    let mut draft = Draft {
        kind,
        masked,
        front_matter: front,
        suppressions: SpansByStart::new(suppressions.into_iter().map(|s| (s.reach(), s))),
        ..Draft::default()
    };
    let lines = split_lines(text, &draft);
    let raw_blocks = group_blocks(&lines);
    draft.blocks = classify(text, &draft, &lines, &raw_blocks);
    group_articles(text, &mut draft);
    draft
}

/// One line of the page, with its content span and what it looks like.
pub(super) struct Line {
    pub(super) content: Span,
    pub(super) shape: LineShape,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum LineShape {
    Blank,
    Text,
    /// A Markdown `#` heading.
    Heading,
    /// Inside a fenced code block, or a table's delimiter row / thematic break.
    Other,
    /// A cell of a Markdown table row (one line per cell, see `table_row`), or a table cell
    /// or a note of a word-processor document (see `paragraphs`).
    Cell,
}

fn split_lines(text: &str, draft: &Draft) -> Vec<Line> {
    let markdown = draft.kind == DraftKind::Markdown;
    let mut lines = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    while start < text.len() {
        let next = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i + 1);
        let mut end = next;
        if text[..end].ends_with('\n') {
            end -= 1;
        }
        if text[..end].ends_with('\r') && end > start {
            end -= 1;
        }
        let line = make_line(text, start, end, markdown, draft);
        match (line.shape == LineShape::Other).then(|| table_row(text, line.content, draft)) {
            // Each cell a line of its own, so that no rule sees the pipes between them.
            Some(Some(cells)) if !cells.is_empty() => lines.extend(cells),
            _ => lines.push(line),
        }
        start = next;
    }
    lines
}

/// The cells of a Markdown table row outside code, as `Cell` lines; `None` for any other
/// line, and no cells for the delimiter row, which stays `Other`.
fn table_row(text: &str, row: Span, draft: &Draft) -> Option<Vec<Line>> {
    if draft.kind != DraftKind::Markdown || draft.is_masked(Span::new(row.start, row.start + 1)) {
        return None;
    }
    let cells = table_cells(text, row)?;
    let line = |content| Line {
        content,
        shape: LineShape::Cell,
    };
    Some(cells.into_iter().map(line).collect())
}

pub(super) fn make_line(
    text: &str,
    start: usize,
    end: usize,
    markdown: bool,
    draft: &Draft,
) -> Line {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start_matches(is_layout_space).len();
    let mut content_start = start + lead;
    let content_end = start + raw.trim_end_matches(is_layout_space).len().max(lead);
    let mut shape = LineShape::Text;
    let whole = Span::from_range(content_start..content_end);
    if whole.is_empty() {
        return Line {
            content: whole,
            shape: LineShape::Blank,
        };
    }
    if markdown {
        // Front matter, fenced code and comment-only lines are blank to the prose.
        if draft
            .unmasked(whole)
            .all(|piece| text[piece.range()].trim_matches(is_layout_space).is_empty())
        {
            let fully_masked = draft.is_masked(whole);
            let shape = if fully_masked
                && !text[whole.range()].starts_with("<!--")
                && draft
                    .front_matter
                    .span
                    .is_none_or(|f| !f.contains(whole.start))
            {
                LineShape::Other
            } else {
                LineShape::Blank
            };
            return Line {
                content: whole,
                shape,
            };
        }
        let body = &text[content_start..content_end];
        let hashes = body.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && body[hashes..].starts_with([' ', '\t']) {
            shape = LineShape::Heading;
            content_start += hashes + 1;
        } else if is_table_or_rule(body) {
            shape = LineShape::Other;
        } else {
            content_start += markdown_prefix_len(body);
        }
        let rest = &text[content_start..content_end];
        content_start += rest.len() - rest.trim_start_matches(is_layout_space).len();
    }
    let content = Span::from_range(content_start.min(content_end)..content_end);
    if content.is_empty() {
        return Line {
            content,
            shape: LineShape::Blank,
        };
    }
    Line { content, shape }
}

fn is_layout_space(ch: char) -> bool {
    matches!(ch, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{feff}')
}

fn is_table_or_rule(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with('|') && t.ends_with('|'))
        || (t.len() >= 3
            && (t.chars().all(|c| c == '-' || c == ' ')
                || t.chars().all(|c| c == '*' || c == ' ')
                || t.chars().all(|c| c == '_' || c == ' ')))
}

/// Length of a Markdown blockquote or list marker at the start of a line.
fn markdown_prefix_len(line: &str) -> usize {
    let mut offset = 0;
    loop {
        let rest = &line[offset..];
        if let Some(after) = rest.strip_prefix('>') {
            offset += 1 + (after.len() - after.trim_start_matches(' ').len());
            continue;
        }
        for bullet in ["- ", "* ", "+ "] {
            if rest.starts_with(bullet) {
                return offset + 2;
            }
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && digits < 4
            && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") "))
        {
            return offset + digits + 2;
        }
        return offset;
    }
}

/// Ranges of line indices forming blocks, with whether each is `Other` or a heading.
fn group_blocks(lines: &[Line]) -> Vec<(std::ops::Range<usize>, LineShape)> {
    let has_blank = lines
        .windows(2)
        .any(|w| w[0].shape != LineShape::Blank && w[1].shape == LineShape::Blank);
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let shape = lines[i].shape;
        if shape == LineShape::Blank {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if matches!(shape, LineShape::Text | LineShape::Other) && has_blank {
            while i < lines.len() && lines[i].shape == shape {
                i += 1;
            }
        } else if shape == LineShape::Other {
            while i < lines.len() && lines[i].shape == LineShape::Other {
                i += 1;
            }
        }
        blocks.push((start..i, shape));
    }
    blocks
}

pub(super) fn classify(
    text: &str,
    draft: &Draft,
    lines: &[Line],
    raw: &[(std::ops::Range<usize>, LineShape)],
) -> Vec<Block> {
    let mut blocks: Vec<Block> = raw
        .iter()
        .map(|(range, shape)| {
            let spans: Vec<Span> = lines[range.clone()].iter().map(|l| l.content).collect();
            let span = spans.first().unwrap().cover(*spans.last().unwrap());
            let kind = match shape {
                LineShape::Heading => BlockKind::Headline,
                LineShape::Other => BlockKind::Other,
                LineShape::Cell => BlockKind::Cell,
                _ => BlockKind::Paragraph,
            };
            Block {
                span,
                kind,
                lines: spans,
            }
        })
        .collect();
    let texts: Vec<Cow<'_, str>> = blocks
        .iter()
        .map(|b| block_text(text, draft, &b.lines))
        .collect();
    let prose: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].kind == BlockKind::Paragraph)
        .collect();
    let column = columns(text, raw, &blocks, &texts);
    for (position, &i) in prose.iter().enumerate() {
        if column[i] {
            continue;
        }
        let body = texts[i].trim();
        let one_line = blocks[i].lines.len() == 1;
        let next = prose.get(position + 1).map(|&j| (j, texts[j].trim()));
        // Ex) ……特别助理等； / 美方有……等。 — the sentence above goes on in this block.
        let continues = position.checked_sub(1).is_some_and(|p| {
            texts[prose[p]]
                .trim_end()
                .ends_with(['；', '，', '、', ';', ','])
        });
        blocks[i].kind = classify_prose(
            body,
            one_line && !continues,
            next.map(|(_, t)| t),
            blocks.get(i + 1).map(|b| b.kind),
        );
    }
    refine(text, &mut blocks, &texts);
    // Lines of a pasted column are body text, whatever their neighbours made of them.
    for (block, _) in blocks.iter_mut().zip(&column).filter(|(_, &c)| c) {
        block.kind = BlockKind::Paragraph;
    }
    blocks
}

/// A block's text without its masked parts, its lines run together: borrowed from the page
/// when it is one piece (a line with nothing masked, as most are), so that the page is not
/// copied block by block.
fn block_text<'t>(text: &'t str, draft: &Draft, lines: &[Span]) -> Cow<'t, str> {
    let mut pieces = lines.iter().flat_map(|l| draft.unmasked(*l));
    let Some(first) = pieces.next() else {
        return Cow::Borrowed("");
    };
    let Some(second) = pieces.next() else {
        return Cow::Borrowed(&text[first.range()]);
    };
    let mut joined = String::from(&text[first.range()]);
    for piece in std::iter::once(second).chain(pieces) {
        joined.push_str(&text[piece.range()]);
    }
    Cow::Owned(joined)
}

/// Which blocks are lines of a column pasted line by line (see [`column_lines`]).
fn columns(
    text: &str,
    raw: &[(std::ops::Range<usize>, LineShape)],
    blocks: &[Block],
    texts: &[Cow<'_, str>],
) -> Vec<bool> {
    let is_prose: Vec<bool> = blocks
        .iter()
        .map(|b| b.kind == BlockKind::Paragraph)
        .collect();
    let indented: Vec<bool> = blocks
        .iter()
        .map(|b| {
            let start = b.lines[0].start as usize;
            start > text[..start].rfind('\n').map_or(0, |i| i + 1)
        })
        .collect();
    let touching: Vec<bool> = raw
        .iter()
        .enumerate()
        .map(|(i, (range, _))| i > 0 && raw[i - 1].0.end == range.start)
        .collect();
    column_lines(blocks, texts, &is_prose, &indented, &touching)
}

/// What a prose block is, by its own text and the block after it. `own_line` is true for a
/// block of one line that does not carry on a sentence left open above it: only such a
/// block can be a headline.
fn classify_prose(
    body: &str,
    own_line: bool,
    next: Option<&str>,
    next_kind: Option<BlockKind>,
) -> BlockKind {
    // Searched only when asked: most blocks are long paragraphs.
    let short = at_most_chars(body, SHORT_BLOCK_CHARS);
    let has_final_inside = || contains_any(body, &['。', '！', '？']);
    // Ex) 图为居民在新建的健身广场锻炼。  Ex) 图：志愿者入户走访
    if body.starts_with("图为")
        || body.starts_with("图：")
        || body.starts_with("图:")
        || body.starts_with("上图")
        || body.starts_with("下图")
    {
        return if !at_most_chars(body, 3 * SHORT_BLOCK_CHARS) && starts_with_dateline(body) {
            BlockKind::PhotoNews
        } else {
            BlockKind::Caption
        };
    }
    if ends_with_photo_credit(body) {
        return if has_final_inside() && !short {
            BlockKind::PhotoNews
        } else {
            BlockKind::Caption
        };
    }
    if short && is_credit_line(body) {
        return BlockKind::Credit;
    }
    // Ex) 平城区推进老旧小区改造。 — a headline with a stray full stop, right above a lead.
    let stray_end_mark = || {
        let without_last = body
            .char_indices()
            .next_back()
            .map_or("", |(i, _)| &body[..i]);
        !contains_any(without_last, &['。', '！', '？', '，'])
            && body.ends_with(['。', '，', '；', '：', ',', ';', ':'])
    };
    // A block that opens with a dateline is a lead, however short.
    if short
        && own_line
        && stray_end_mark()
        && !starts_with_dateline(body)
        && next.is_some_and(starts_with_dateline)
    {
        return BlockKind::Headline;
    }
    // Ex) 本报讯（记者 王海）重熙社区组织志愿者在 / 8日开展…… — a lead cut short is still a
    // lead: no headline opens with a dateline.
    if short && own_line && !has_final_inside() && !ends_sentence(body) && !opens_lead(body) {
        return short_line(body, next, next_kind);
    }
    BlockKind::Paragraph
}

/// What a short line without a stop is, by the block after it: a headline over body text, a
/// caption over no body, or the first half of a paragraph broken by layout.
fn short_line(body: &str, next: Option<&str>, next_kind: Option<BlockKind>) -> BlockKind {
    let next_is_body = match (next, next_kind) {
        (Some(next), Some(kind)) if kind != BlockKind::Headline => {
            // Ex) 全市新建幼儿园12所 / 记者从市教育局获悉 / 今年…… — the short line
            // under it opens a sentence of the body.
            let next_short = at_most_chars(next, SHORT_BLOCK_CHARS)
                && !ends_sentence(next)
                && !contains_any(next, &['。', '！', '？'])
                && !asks_for_more(next);
            !next_short || is_credit_line(next) || starts_with_dateline(next)
        }
        _ => false,
    };
    // Body text that is not a new item follows, and the line may run on into it.
    let runs_into = |test: &dyn Fn(&str) -> bool| {
        next_kind.is_some_and(|k| k != BlockKind::Headline)
            && next.is_some_and(|n| !starts_with_dateline(n) && !is_credit_line(n) && test(n))
    };
    // Ex) 此外 / 社区还为老人提供上门服务（每周二 — cut short, whatever comes next.
    if !next_is_body && !runs_into(&|n| cut_short(body, n)) {
        return BlockKind::Caption;
    }
    // A short fragment with clause punctuation, or one that cannot stand alone
    // (`据了解` / `，此次活动……`), followed by body text, is the first half of a
    // paragraph broken by layout, not a headline.
    let clause_inside = contains_any(body, &['，', '、', '；', ',']);
    if runs_into(&|n| clause_inside || runs_on(body, n)) {
        return BlockKind::Paragraph;
    }
    BlockKind::Headline
}

/// What follows a role word in the heading of a reporter's column, not a name: `记者手记`,
/// `记者观察`.
pub(crate) const COLUMN_HEADINGS: [&str; 10] = [
    "手记", "札记", "笔记", "日记", "随笔", "观察", "调查", "走访", "探访", "体验",
];

/// `本报记者 王海 通讯员 李敏`: a credit printed on its own line.
pub(super) fn is_credit_line(body: &str) -> bool {
    const ROLES: [&str; 8] = [
        "本报记者",
        "首席记者",
        "特约记者",
        "见习记者",
        "记者",
        "实习生",
        "通讯员",
        "文/图",
    ];
    ROLES.iter().any(|role| {
        (body.strip_prefix(role))
            .is_some_and(|rest| !COLUMN_HEADINGS.iter().any(|h| rest.starts_with(h)))
    }) && !contains_any(body, &['。', '，', '！', '？', '：'])
        && at_most_chars(body, 30)
        // Ex) 记者从市教育局获悉 — the opening of a sentence, not a reporter's name.
        && !asks_for_more(body)
}

pub(super) fn group_articles(_text: &str, draft: &mut Draft) {
    let mut articles: Vec<Article> = Vec::new();
    let mut current: Option<Article> = None;
    let mut after_photo = false;
    // Whether `current` has a body paragraph yet (kept, not searched: an item may have
    // thousands of credit lines).
    let mut has_body = false;
    let finish = |current: &mut Option<Article>, articles: &mut Vec<Article>| {
        if let Some(article) = current.take() {
            articles.push(article);
        }
    };
    for (id, block) in draft.blocks.iter().enumerate() {
        match block.kind {
            // Ex) 春到平城 / 新开街道 老旧小区换新颜 — the lines of one headline group.
            BlockKind::Headline
                if current
                    .as_ref()
                    .is_some_and(|a| a.is_headline_group_open(id)) =>
            {
                current.as_mut().unwrap().decks.push(id);
            }
            BlockKind::Headline => {
                finish(&mut current, &mut articles);
                current = Some(Article {
                    headline: Some(id),
                    ..Article::default()
                });
                (after_photo, has_body) = (false, false);
            }
            BlockKind::Paragraph | BlockKind::Credit => {
                let text = &_text[block.span.range()];
                let new_item =
                    block.kind == BlockKind::Paragraph && has_body && starts_with_dateline(text);
                if current.is_none() || after_photo || new_item {
                    finish(&mut current, &mut articles);
                    current = Some(Article::default());
                    (after_photo, has_body) = (false, false);
                }
                current.as_mut().unwrap().paragraphs.push(id);
                has_body |= block.kind == BlockKind::Paragraph;
            }
            BlockKind::Subheading | BlockKind::ListItem | BlockKind::Verse | BlockKind::Signoff => {
                if current.is_none() || after_photo {
                    finish(&mut current, &mut articles);
                    current = Some(Article::default());
                    (after_photo, has_body) = (false, false);
                }
                current.as_mut().unwrap().paragraphs.push(id);
            }
            BlockKind::Caption => match current.as_mut() {
                Some(article) if !after_photo => article.captions.push(id),
                _ => draft.standalone.push(id),
            },
            BlockKind::PhotoNews => {
                draft.standalone.push(id);
                after_photo = true;
            }
            BlockKind::Other | BlockKind::Cell => {}
        }
    }
    finish(&mut current, &mut articles);
    for article in &mut articles {
        article.span = article
            .blocks()
            .map(|id| draft.blocks[id].span)
            .reduce(Span::cover)
            .unwrap_or_default();
        article.lead = (article.paragraphs.iter().copied())
            .find(|&id| draft.blocks[id].kind == BlockKind::Paragraph);
    }
    draft.articles = articles;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let draft = parse(text, DraftKind::Text);
        draft
            .blocks
            .iter()
            .map(|b| (b.kind, text[b.span.range()].to_owned()))
            .collect()
    }

    #[test]
    fn a_page() {
        let page = "平城区 新开街道 推进老旧小区改造\n\n　　本报讯（记者 王海 李敏）近日，新开街道启动老旧小区改造。\n\n　　改造涉及12个小区。\n\n居民在新建的健身广场锻炼 本报记者 王海 摄\n";
        let k = kinds(page);
        assert_eq!(k[0].0, BlockKind::Headline);
        assert_eq!(k[1].0, BlockKind::Paragraph);
        assert!(
            k[1].1.starts_with("本报讯"),
            "indentation is layout: {:?}",
            k[1].1
        );
        assert_eq!(k[2].0, BlockKind::Paragraph);
        assert_eq!(k[3].0, BlockKind::Caption);
        let draft = parse(page, DraftKind::Text);
        assert_eq!(draft.articles.len(), 1);
        assert_eq!(draft.articles[0].paragraphs.len(), 2);
        assert_eq!(draft.articles[0].captions, vec![3]);
    }

    #[test]
    fn lines_are_blocks_without_blank_lines() {
        let page = "标题一\n本报讯（记者 王海）8日，社区举办活动。\n标题二\n本报讯（记者 李敏）9日，街道召开会议。\n";
        let draft = parse(page, DraftKind::Text);
        assert_eq!(draft.blocks.len(), 4);
        assert_eq!(draft.articles.len(), 2);
    }

    #[test]
    fn markdown_headings_and_code() {
        let page = "# 标题,一\n\n正文。\n\n```\n代码\n```\n";
        let draft = parse(page, DraftKind::Markdown);
        assert_eq!(draft.blocks[0].kind, BlockKind::Headline);
        assert_eq!(&page[draft.blocks[0].span.range()], "标题,一");
        assert_eq!(draft.blocks[2].kind, BlockKind::Other);
    }

    #[test]
    fn crlf_spans_exclude_line_endings() {
        let page = "标题\r\n\r\n本报讯（记者 王海）正文。\r\n";
        let draft = parse(page, DraftKind::Text);
        assert_eq!(
            &page[draft.blocks[1].span.range()],
            "本报讯（记者 王海）正文。"
        );
    }

    #[test]
    fn markdown_table_cells_are_segments_without_their_pipes() {
        let page = "# 社区活动安排\n\n本报讯（记者 王海）8日，社区公布活动安排。\n\n\
            | 日期 | 活动 |\n|:---|---:|\n|　4月31日 | 读书会,义诊 |\n|  | `a|b` 讲座 \\| 义诊 |\n\n\
            ```\n| 代码 | 不查 |\n```\n";
        let draft = parse(page, DraftKind::Markdown);
        let cells: Vec<&str> = (draft.blocks.iter())
            .filter(|b| b.kind == BlockKind::Cell)
            .map(|b| &page[b.span.range()])
            .collect();
        assert_eq!(
            cells,
            [
                "日期",
                "活动",
                "4月31日",
                "读书会,义诊",
                "`a",
                "b` 讲座 \\| 义诊"
            ]
        );
        // The delimiter row and the fenced table are not prose; no pipe is in a segment.
        let other: Vec<&str> = (draft.blocks.iter())
            .filter(|b| b.kind == BlockKind::Other)
            .map(|b| &page[b.span.range()])
            .collect();
        assert_eq!(other[0], "|:---|---:|");
        for segment in draft.segments() {
            let text = &page[segment.range()];
            let unescaped = text.replace("\\|", "");
            assert!(
                !unescaped.contains('|') && !text.contains("代码"),
                "{text:?}"
            );
        }
        // Cells are outside the article, as a Word draft's are.
        assert_eq!(draft.articles.len(), 1);
        assert_eq!(draft.articles[0].paragraphs.len(), 1);
        // A plain draft has no tables: its pipes are text.
        let plain = parse("| 日期 | 活动 |\n", DraftKind::Text);
        assert_ne!(plain.blocks[0].kind, BlockKind::Cell);
        assert_eq!(plain.segments().count(), 1);
    }
}
