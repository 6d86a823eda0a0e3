//! What a page holds besides headlines, leads, body text and captions: headline groups
//! (引题, 副题), subheadings, list lines, verse, a letter's signature and date. The parser
//! first reads each block on its own (`parse::classify_prose`); this pass then looks at its
//! neighbours and re-reads the blocks that only make sense together, before articles are
//! grouped, so that no rule takes a poem line for a caption or a subheading for a new item.

use std::borrow::Cow;

use super::parse::is_credit_line;
use super::sentence::{
    cut_short, ends_sentence, ends_with_photo_credit, opens_news_lead, runs_on,
    starts_with_dateline,
};
use super::{Block, BlockKind};
use crate::text::{at_most_chars, contains_any, Span};

/// Longest line, in characters, read as a line of verse.
const VERSE_LINE_CHARS: usize = 20;

/// Longest line, in characters, of a letter's signature or date.
const SIGNOFF_CHARS: usize = 24;

/// Longest line, in characters, of a block whose lines are set out one by one: a headline
/// group, a stanza, a list of names, a signature.
const SET_OUT_LINE_CHARS: usize = 24;

/// Most lines of a headline group or of a signature.
const GROUP_LINES: usize = 3;

/// Re-reads blocks by their neighbours. `text` is the page; `texts` holds each block's text.
pub(super) fn refine(text: &str, blocks: &mut [Block], texts: &[Cow<'_, str>]) {
    let texts: Vec<&str> = texts.iter().map(|t| t.trim()).collect();
    mark_lists(blocks, &texts);
    mark_name_lists(text, blocks, &texts);
    mark_field_lists(text, blocks, &texts);
    mark_set_out(text, blocks, &texts);
    mark_verse(blocks, &texts);
    mark_signoffs(blocks, &texts);
    mark_page_notes(blocks, &texts);
    mark_headline_groups(blocks, &texts);
    mark_subheadings(blocks, &texts);
}

/// True when `text` opens with the mark of a list item or a numbered section: `一、`,
/// `（一）`, `(1)`, `1.`, `１．`, `2、`, `①`, `●`, `■`, `第三章`.
pub(crate) fn opens_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if ('①'..='⑳').contains(&first) || "●■▲◆◇★☆○◎•▪►※".contains(first)
    {
        // Ex) ○ may open a year written in Chinese numerals (`二○○一年`) only after `二`.
        return first != '○' || !chars.next().is_some_and(is_numeral);
    }
    if matches!(first, '（' | '(') {
        let inner: String = chars
            .by_ref()
            .take_while(|&c| c != '）' && c != ')')
            .collect();
        let count = inner.chars().count();
        return (1..=3).contains(&count) && inner.chars().all(is_numeral);
    }
    if first == '第' {
        let rest = chars.as_str();
        let numerals = rest.chars().take_while(|&c| is_numeral(c)).count();
        return numerals > 0
            && rest
                .chars()
                .nth(numerals)
                .is_some_and(|c| "章节篇部编卷".contains(c));
    }
    if is_numeral(first) {
        let numerals = text.chars().take_while(|&c| is_numeral(c)).count();
        if numerals > 3 {
            return false;
        }
        let mut after = text.chars().skip(numerals);
        return match after.next() {
            Some('、') => true,
            // Ex) 1. 一项；  １．５月１７日，  but not 1.5亿元 — a decimal point is followed
            // by a digit (a date's month aside).
            Some('.' | '．') => {
                let rest: String = after.collect();
                let digits = rest.chars().take_while(|&c| is_numeral(c)).count();
                !rest.is_empty() && (digits == 0 || rest.chars().nth(digits) == Some('月'))
            }
            _ => false,
        };
    }
    false
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
}

/// True when `text` opens with a Chinese-numbered section mark: `一、` `（一）` `第三章`.
fn opens_section(text: &str) -> bool {
    let head: String = text.chars().take(6).collect();
    let numbered = head
        .trim_start_matches(['（', '(', '第'])
        .chars()
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c));
    numbered && opens_list_item(text)
}

/// A block that reads as running text: no stop inside or at its end.
fn unpunctuated(text: &str) -> bool {
    !contains_any(text, &['。', '！', '？', '，', '；', '：']) && !ends_sentence(text)
}

/// True for a block the parser read on its own and a neighbour may read again: not a
/// photo caption with its credit, not a dateline, not a credit line.
fn rereadable(block: &Block, text: &str) -> bool {
    matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::Caption | BlockKind::Headline
    ) && !ends_with_photo_credit(text)
        && !is_credit_line(text.trim_start_matches(['□', '■', '◇', '◆']))
        && !text.starts_with("图为")
        && !starts_with_dateline(text)
}

/// `一、先问居民要什么` is a section heading; `●楼道照明全部更换`, `（一）担任排级职务的；`
/// and `１．５月１７日，……` are list lines.
fn mark_lists(blocks: &mut [Block], texts: &[&str]) {
    for (block, text) in blocks.iter_mut().zip(texts) {
        if !rereadable(block, text) || !opens_list_item(text) {
            continue;
        }
        block.kind = if opens_section(text) && at_most_chars(text, 40) && unpunctuated(text) {
            BlockKind::Subheading
        } else {
            BlockKind::ListItem
        };
    }
}

/// `李秀兰　平城区振华街道居民`: a name, a space, and who the person is, without a stop.
fn is_name_line(line: &str) -> bool {
    // The length first: every paragraph's lines are asked, and most are long.
    if !at_most_chars(line, SET_OUT_LINE_CHARS) {
        return false;
    }
    let Some((name, rest)) = line.split_once([' ', '\u{3000}']) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    (2..=4).contains(&name.chars().count())
        && name.chars().all(crate::text::is_han)
        && !rest.is_empty()
        && unpunctuated(rest)
        // Ex) 本版编辑 李敏 / 美编 王海 / 校对 张强 — the page's own notes.
        && !is_page_note(line)
}

/// A list of names, one a line with who each is (`李秀兰　平城区振华街道居民` /
/// `张建国　云冈区口泉街道退休职工` / `刘志强　大同市第一人民医院医生`): three or more such
/// lines, or two under a line that announces them (`……现予以公示：`), whether each line is a
/// block of its own or they make one block. Read alone, the first looks like a headline and
/// the last like a paragraph cut short.
fn mark_name_lists(text: &str, blocks: &mut [Block], texts: &[&str]) {
    let name_lines = |block: &Block, text_of: &str| {
        matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Caption | BlockKind::Headline
        ) && rereadable(block, text_of)
            && block.lines.iter().all(|l| is_name_line(&text[l.range()]))
    };
    let mut i = 0;
    while i < blocks.len() {
        let start = i;
        let mut lines = 0;
        while i < blocks.len() && name_lines(&blocks[i], texts[i]) {
            lines += blocks[i].lines.len();
            i += 1;
        }
        let announced = start
            .checked_sub(1)
            .is_some_and(|p| texts[p].ends_with(['：', ':']));
        if lines >= 3 || (lines == 2 && announced) {
            for block in &mut blocks[start..i] {
                block.kind = BlockKind::ListItem;
            }
        }
        i = i.max(start + 1);
    }
}

/// `项目名称：西坪镇道路硬化工程`: a field of a notice or a form — a label of a few characters,
/// a colon, and its value, with no stop at the end.
fn is_field_line(line: &str) -> bool {
    let Some((label, value)) = line.split_once(['：', ':']) else {
        return false;
    };
    (2..=8).contains(&label.chars().count())
        && label.chars().all(crate::text::is_han)
        && !value.trim().is_empty()
        && !ends_sentence(value)
        && at_most_chars(line, 60)
}

/// A block of two or more lines that are each a field (`项目名称：西坪镇道路硬化工程` /
/// `公示期：2024年6月17日—6月19日`): a notice's particulars, set out line by line, never a
/// paragraph cut short.
fn mark_field_lists(text: &str, blocks: &mut [Block], texts: &[&str]) {
    for (block, own) in blocks.iter_mut().zip(texts) {
        if block.kind == BlockKind::Paragraph
            && block.lines.len() >= 2
            && rereadable(block, own)
            && block.lines.iter().all(|l| is_field_line(&text[l.range()]))
        {
            block.kind = BlockKind::ListItem;
        }
    }
}

/// A block of several short lines in a draft whose paragraphs are parted by blank lines:
/// the writer broke each line on purpose, as no paragraph of prose is broken, unless its last
/// line asks for what follows or the next block carries its sentence on (`据了解` /
/// `，此次……`). A signature over a date (`读者 刘建国` / `2024年6月3日`) signs off; two or
/// three unpunctuated lines over body text (`对话非遗传承人` / `老手艺要有新活法`) are a
/// headline group; stanzas — two or more such blocks in a row, or one under its author's `□`
/// line — are verse (`城墙把落日` / `轻轻托起` / `鼓楼的钟声` / `落进了御河`).
fn mark_set_out(text: &str, blocks: &mut [Block], texts: &[&str]) {
    // Ex) `- 楼道照明全部更换` — a Markdown list or quotation is no line set out by hand.
    let plain = |line: &Span| {
        let start = text[..line.start as usize].rfind('\n').map_or(0, |i| i + 1);
        (text[start..line.start as usize].chars()).all(|c| c.is_whitespace() || c == '\u{feff}')
    };
    let set_out: Vec<bool> = (blocks.iter().zip(texts).enumerate())
        .map(|(i, (block, own))| {
            let last = &text[block.lines.last().map_or(block.span, |l| *l).range()];
            block.kind == BlockKind::Paragraph
                && block.lines.len() >= 2
                && rereadable(block, own)
                && (block.lines.iter())
                    .all(|l| plain(l) && at_most_chars(&text[l.range()], SET_OUT_LINE_CHARS))
                && !cut_short(last, texts.get(i + 1).copied().unwrap_or(""))
        })
        .collect();
    for i in (0..blocks.len()).filter(|&i| set_out[i]) {
        let lines: Vec<&str> = blocks[i].lines.iter().map(|l| &text[l.range()]).collect();
        let group = lines.len() <= GROUP_LINES && lines.iter().all(|l| unpunctuated(l));
        let signed = group && i > 0 && lines.last().is_some_and(|l| is_date_line(l));
        let body_below = blocks.get(i + 1).is_some_and(|next| {
            matches!(next.kind, BlockKind::Paragraph | BlockKind::Credit) && !set_out[i + 1]
        });
        let open = lines.iter().filter(|l| !ends_sentence(l)).count();
        let stanza = 2 * open >= lines.len()
            && ((i > 0 && (set_out[i - 1] || blocks[i - 1].kind == BlockKind::Verse))
                || set_out.get(i + 1) == Some(&true)
                || i.checked_sub(1).is_some_and(|p| texts[p].starts_with('□')));
        blocks[i].kind = if signed {
            BlockKind::Signoff
        } else if group && body_below {
            BlockKind::Headline
        } else if stanza {
            BlockKind::Verse
        } else {
            continue;
        };
    }
}

/// Runs of short lines, some punctuated and some running on without a stop, are verse:
/// `楼道亮了，` / `电梯来了，`. A short unpunctuated line over the run is the poem's title.
fn mark_verse(blocks: &mut [Block], texts: &[&str]) {
    let is_line = |block: &Block, text: &str, inside: bool| {
        (matches!(block.kind, BlockKind::Paragraph | BlockKind::Caption)
            || (inside && block.kind == BlockKind::Headline))
            && block.lines.len() == 1
            && at_most_chars(text, VERSE_LINE_CHARS)
            && !is_date_line(text)
            && !text.starts_with(['（', '('])
            && !text.ends_with(['：', ':'])
            && !text.contains("记者")
            && !text.contains("通讯员")
            && rereadable(block, text)
    };
    let mut i = 0;
    while i < blocks.len() {
        let mut start = i;
        while i < blocks.len() && is_line(&blocks[i], texts[i], i > start) {
            i += 1;
        }
        // Ex) 小区新咏 / 楼道亮了， / …… — an unpunctuated first line over a poem is its title.
        let titled = i - start >= 3 && !has_punctuation(texts[start]);
        let title = if titled {
            start += 1;
            Some(start - 1)
        } else {
            start
                .checked_sub(1)
                .filter(|&t| {
                    blocks[t].kind == BlockKind::Caption && rereadable(&blocks[t], texts[t])
                })
                .filter(|&t| !is_date_line(texts[t]))
        };
        if is_verse(&texts[start..i]) {
            for block in &mut blocks[start..i] {
                block.kind = BlockKind::Verse;
            }
            if let Some(title) = title {
                blocks[title].kind = BlockKind::Headline;
            }
        } else {
            // Ex) “雄关漫道真如铁，/ 而今迈步从头越。” / 朗诵声回荡在社区广场。 — a classical
            // couplet among short lines of prose.
            for j in start..i.saturating_sub(1) {
                if classical_couplet(texts[j], texts[j + 1]) {
                    blocks[j].kind = BlockKind::Verse;
                    blocks[j + 1].kind = BlockKind::Verse;
                }
            }
        }
        i = i.max(start + 1);
    }
}

/// Three or more short lines, at least half of them running on without a stop, some
/// punctuated; or a couplet of two of one length (`“老去又逢新岁月，` / `春来更有好花枝。”`).
fn is_verse(lines: &[&str]) -> bool {
    let couplet = lines.len() == 2 && lines[0].chars().count() == lines[1].chars().count();
    // Short prose paragraphs end their sentences; most lines of a poem do not.
    let open = lines.iter().filter(|l| !ends_sentence(l)).count();
    ((lines.len() >= 3 && open >= 2 && 2 * open >= lines.len()) || (couplet && open >= 1))
        && lines.iter().any(|l| has_punctuation(l))
}

/// Two lines of a classical poem: five or seven characters each, the first ending in `，`
/// or `；`, the second closing the sentence, quotation marks around them allowed.
fn classical_couplet(first: &str, second: &str) -> bool {
    let body = |line: &str, ends: &[char]| {
        let line = line
            .trim_start_matches(['“', '「'])
            .trim_end_matches(['”', '」']);
        let words = line.strip_suffix(ends)?;
        let n = words.chars().count();
        (words.chars().all(crate::text::is_han) && (n == 5 || n == 7)).then_some(n)
    };
    let first = body(first, &['，', '；']);
    first.is_some() && first == body(second, &['。', '！', '？'])
}

fn has_punctuation(text: &str) -> bool {
    contains_any(text, &['，', '、', '；', '。', '！', '？', '…'])
}

/// The lines under a letter or statement: who signs it and when (`新开街道党工委` /
/// `2024年1月10日`), at the end of the page or right above the next headline.
fn mark_signoffs(blocks: &mut [Block], texts: &[&str]) {
    let is_short = |block: &Block, text: &str| {
        block.lines.len() == 1
            && at_most_chars(text, SIGNOFF_CHARS)
            && unpunctuated(text)
            && rereadable(block, text)
            && block.kind == BlockKind::Caption
    };
    let mut i = 0;
    while i < blocks.len() {
        let start = i;
        while i < blocks.len() && i - start < 3 && is_short(&blocks[i], texts[i]) {
            i += 1;
        }
        let run = start..i;
        let after_body = start
            .checked_sub(1)
            .is_some_and(|p| blocks[p].kind == BlockKind::Paragraph && ends_sentence(texts[p]));
        let closes = blocks
            .get(i)
            .is_none_or(|next| next.kind == BlockKind::Headline);
        let dated = run.clone().any(|j| is_date_line(texts[j]));
        if !run.is_empty()
            && after_body
            && closes
            && (dated || after_salutation(blocks, texts, start))
        {
            for block in &mut blocks[run] {
                block.kind = BlockKind::Signoff;
            }
        }
        i = i.max(start + 1);
    }
}

/// The page's own notes, which no photo or story owns: who edited it (`责任编辑：李敏`,
/// `编辑 李敏 校对 张强`), where its pictures come from (`图片来源网络`,
/// `图片由红旗社区提供`), a QR-code prompt (`更多精彩内容请扫码`), and an appendix's
/// `附：` with the title under it. Read alone they look like captions without a credit.
fn mark_page_notes(blocks: &mut [Block], texts: &[&str]) {
    let mut after_appendix = false;
    for (block, text) in blocks.iter_mut().zip(texts) {
        let short = block.lines.len() == 1 && at_most_chars(text, 40);
        let appendix = short && ["附：", "附:", "附件：", "附件:"].contains(text);
        let note = short && block.kind == BlockKind::Caption && is_page_note(text);
        if appendix || note || (after_appendix && block.kind == BlockKind::Caption) {
            block.kind = BlockKind::Signoff;
        }
        after_appendix = appendix;
    }
}

/// `责任编辑：李敏`, `本版编辑 李敏`, `图片来源网络`, `图片由红旗社区提供`, `请扫码关注`.
fn is_page_note(text: &str) -> bool {
    const EDITORS: [&str; 12] = [
        "责任编辑",
        "本版编辑",
        "本版责编",
        "值班编辑",
        "责编",
        "美编",
        "编辑",
        "校对",
        "版式",
        "组稿",
        "统筹",
        "审核",
    ];
    let credits_editor = EDITORS.iter().any(|role| {
        (text.strip_prefix(role)).is_some_and(|rest| rest.starts_with(['：', ':', ' ', '\u{3000}']))
    });
    let picture_source = text.starts_with("图片来源")
        || text.starts_with("图片来自")
        || (text.starts_with("图片由") && text.ends_with("提供"));
    // Ex) 更多精彩内容请扫码 — but 居民扫码乘车 is a photo's caption.
    let prompt = [
        "请扫",
        "扫码关注",
        "扫码了解",
        "扫码查看",
        "扫描二维码",
        "扫一扫",
        "长按识别",
    ]
    .iter()
    .any(|p| text.contains(p));
    credits_editor || picture_source || prompt
}

/// `2024年1月10日`, `二〇二四年一月十日`: a date and nothing else.
fn is_date_line(text: &str) -> bool {
    let Some(before_day) = text.strip_suffix('日') else {
        return false;
    };
    before_day.contains('年')
        && before_day.contains('月')
        && before_day
            .chars()
            .all(|c| is_numeral(c) || "年月〇○零 ".contains(c))
}

/// Ex) 在表彰会上的讲话 / （二〇二三年三月十四日）: a block opening with a date line in
/// parentheses is a speech or a document under its title.
fn opens_with_date_line(text: &str) -> bool {
    text.strip_prefix('（')
        .and_then(|rest| rest.split_once('）'))
        .is_some_and(|(date, _)| is_date_line(date))
}

/// True when the article the block at `end` closes opened with a salutation
/// (`亲爱的志愿者们：`): a letter.
fn after_salutation(blocks: &[Block], texts: &[&str], end: usize) -> bool {
    (0..end)
        .rev()
        .take_while(|&j| blocks[j].kind != BlockKind::Headline)
        .last()
        .is_some_and(|first| {
            blocks[first].kind == BlockKind::Paragraph
                && texts[first].ends_with(['：', ':'])
                && at_most_chars(texts[first], 20)
        })
}

/// A headline group: the kicker (引题) above the main headline at the top of the page,
/// and the subtitle (`——平城区推进城市更新纪实`) under it. The parser took their short
/// lines for captions, as each is followed by another short line.
fn mark_headline_groups(blocks: &mut [Block], texts: &[&str]) {
    for h in 1..blocks.len() {
        // Ex) 丹尼利昆稻花香 / 阿君 — a pen name under the headline signs the piece.
        let signature = at_most_chars(texts[h], 4);
        if blocks[h].kind != BlockKind::Headline || signature {
            continue;
        }
        let at_top = |blocks: &[Block], upto: usize| {
            blocks[..upto].iter().all(|b| b.kind == BlockKind::Caption)
        };
        let mut j = h;
        while let Some(above) = j.checked_sub(1) {
            let subtitle_below = texts[j].starts_with(['—', '─']);
            // A group is at most three lines; a note or a credit in brackets is no part of it.
            let group_line = blocks[above].kind == BlockKind::Caption
                && h - above <= 2
                && !texts[above].starts_with(['（', '('])
                && rereadable(&blocks[above], texts[above])
                && (subtitle_below || at_top(blocks, above));
            if !group_line {
                break;
            }
            blocks[above].kind = BlockKind::Headline;
            j = above;
        }
    }
}

/// The title of a notice a page prints among its news (`更正`, `讣告`, `寻人启事`): an item
/// of its own, never a subheading of the item above it.
fn notice_title(text: &str) -> bool {
    const NOTICES: [&str; 9] = [
        "更正",
        "讣告",
        "启事",
        "声明",
        "公告",
        "通告",
        "公示",
        "告读者",
        "致歉",
    ];
    let text = text.trim();
    at_most_chars(text, 12) && NOTICES.iter().any(|n| text.ends_with(n))
}

/// Makes block `i` the headline of an item, with the column's heading above it if there
/// is one (`今日谈` / `文明，从点滴做起`).
fn head_item(blocks: &mut [Block], texts: &[&str], i: usize) {
    blocks[i].kind = BlockKind::Headline;
    if column_heading(&blocks[i - 1], texts[i - 1]) {
        blocks[i - 1].kind = BlockKind::Headline;
    }
}

/// A column's heading the parser read as a caption: a few words without punctuation
/// (`今日谈`, `微言`).
fn column_heading(block: &Block, text: &str) -> bool {
    block.kind == BlockKind::Caption && at_most_chars(text, 8) && unpunctuated(text)
}

/// Whether block `i`, a short line that could be a title (`titled`), heads an item of its
/// own: a notice's title over its particulars (`中标候选人公示` / `项目名称：……`), or a line
/// over body text under the end credit of the item above, or under a column's heading there
/// (`（晓 东）` / `守住耕地，就是守住饭碗` / ……, `今日谈` / `文明，从点滴做起` / ……).
fn heads_an_item(blocks: &[Block], texts: &[&str], i: usize, titled: bool) -> bool {
    if matches!(blocks[i].kind, BlockKind::Caption | BlockKind::Paragraph)
        && notice_title(texts[i])
        && matches!(
            blocks[i + 1].kind,
            BlockKind::Paragraph | BlockKind::ListItem
        )
    {
        return true;
    }
    let closes = |k: usize| {
        matches!(
            blocks[k].kind,
            BlockKind::Paragraph | BlockKind::Caption | BlockKind::Credit
        ) && texts[k].ends_with(['）', ')'])
    };
    let column =
        blocks[i - 1].kind == BlockKind::Headline || column_heading(&blocks[i - 1], texts[i - 1]);
    let item_closed = closes(i - 1) || (column && (i == 1 || closes(i - 2)));
    titled
        && item_closed
        && blocks[i + 1].kind == BlockKind::Paragraph
        && !starts_with_dateline(texts[i])
        && !opens_news_lead(texts[i])
}

/// A lone short line between the body paragraphs of an item is a subheading, unless a new
/// item starts under it (its lead opens with a dateline) or the item above has closed with
/// its end credit (`……。（王海）`). A short line with a comma but no stop (`包袱变财富，白雪也
/// 生金`) reads the same way there, and at the top of the page it is the headline; so does one
/// of two sentences whose last has no stop (`居民最盼的是停车位。破解停车难，要向存量空间要车位`).
fn mark_subheadings(blocks: &mut [Block], texts: &[&str]) {
    // Ex) 据了解 / 此次活动共有50名志愿者参加。 — no heading, a sentence broken by layout.
    let titled = |block: &Block, text: &str, next: &str| {
        block.kind == BlockKind::Paragraph
            && block.lines.len() == 1
            && at_most_chars(text, 40)
            && !ends_sentence(text)
            && !text.ends_with(['，', '、', ',', '；'])
            && !runs_on(text, next)
            && rereadable(block, text)
    };
    // A section's body is long; the rest of a sentence broken by layout often is not.
    let section_body =
        |block: &Block, text: &str| block.kind == BlockKind::Paragraph && !at_most_chars(text, 40);
    if blocks.len() > 1
        && titled(&blocks[0], texts[0], texts[1])
        && section_body(&blocks[1], texts[1])
    {
        blocks[0].kind = BlockKind::Headline;
    }
    // Whether the item read so far opened with a dateline: a news report, under which a
    // short line with a news lead below it starts the next report.
    let mut dated_item = false;
    for i in 1..blocks.len().saturating_sub(1) {
        if blocks[i - 1].kind == BlockKind::Paragraph && starts_with_dateline(texts[i - 1]) {
            dated_item = true;
        }
        if heads_an_item(blocks, texts, i, titled(&blocks[i], texts[i], texts[i + 1])) {
            head_item(blocks, texts, i);
            continue;
        }
        let after_stop = blocks[i - 1].kind == BlockKind::Paragraph && ends_sentence(texts[i - 1]);
        if titled(&blocks[i], texts[i], texts[i + 1])
            && !notice_title(texts[i])
            && after_stop
            && section_body(&blocks[i + 1], texts[i + 1])
            && !opens_with_date_line(texts[i + 1])
        {
            blocks[i].kind = BlockKind::Subheading;
            continue;
        }
        if blocks[i].kind != BlockKind::Headline {
            continue;
        }
        let previous = &blocks[i - 1];
        let in_body = matches!(
            previous.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Verse
        ) && !texts[i - 1].ends_with(['）', ')']);
        let next = &blocks[i + 1];
        // Ex) 一碗面里的乡愁 / 开了三十年的面馆…… / 本报记者 王海 — a new item signed under
        // its first paragraph.
        let signed_below = blocks[i + 1..]
            .iter()
            .take(3)
            .take_while(|b| b.kind != BlockKind::Headline)
            .any(|b| b.kind == BlockKind::Credit);
        // Ex) 新开街道开展义诊活动 / 10日，新开街道…… under a dated report: an unsigned item.
        let next_report = dated_item && opens_news_lead(texts[i + 1]);
        // Ex) 致社区志愿者的一封信 / 亲爱的志愿者们： — a letter starts.
        let salutation = texts[i + 1].ends_with(['：', ':']) && at_most_chars(texts[i + 1], 20);
        let dated_title = opens_with_date_line(texts[i + 1]);
        let body_follows = next.kind == BlockKind::Paragraph
            && !starts_with_dateline(texts[i + 1])
            && !signed_below
            && !next_report
            && !salutation
            && !dated_title;
        // Ex) 对话非遗传承人 / 老手艺要有新活法 — a headline group set out in one block heads
        // an item of its own.
        if in_body && body_follows && blocks[i].lines.len() == 1 && !notice_title(texts[i]) {
            blocks[i].kind = BlockKind::Subheading;
        } else {
            dated_item = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Draft;

    /// The kind of the first block of `page` that starts with `text`.
    fn kind_of(draft: &Draft, page: &str, text: &str) -> Option<BlockKind> {
        (draft.blocks.iter())
            .find(|b| page[b.span.range()].starts_with(text))
            .map(|b| b.kind)
    }

    #[test]
    fn list_marks() {
        for text in [
            "一、先问居民要什么",
            "（一）担任职务的；",
            "1. 一项",
            "１．５月１７日，",
            "●楼道",
            "第二章总则",
            "②新加坡",
        ] {
            assert!(opens_list_item(text), "{text}");
        }
        for text in [
            "1.5亿元的投资",
            "一是处理好关系",
            "二○○一年",
            "第八条军官必须",
            "（王海）",
            "2024年",
        ] {
            assert!(!opens_list_item(text), "{text}");
        }
        assert!(opens_section("三、进一步推进"));
        assert!(!opens_section("●楼道"));
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("2024年1月10日"));
        assert!(is_date_line("二〇二四年一月十日"));
        assert!(!is_date_line("1月10日"));
        assert!(!is_date_line("新开街道党工委"));
    }

    #[test]
    fn titles_under_a_column_heading_or_an_end_credit_and_notice_fields() {
        use crate::document::{parse, DraftKind};
        let page = "（作者单位：市委党校）\n\n今日谈\n\n文明，从点滴做起\n\n“勿以善小而不为。”这句古训，说的\
            正是文明养成的道理，这些小事最见一座城市的文明程度。\n\n创建文明城市，既需要政府的推动，更需要\
            每一位市民的参与。\n\n（晓 东）\n\n守住耕地，就是守住饭碗\n\n耕地是粮食生产的命根子。近年来，\
            我市严格落实耕地保护制度，守住了耕地红线。\n\n中标候选人公示\n\n项目名称：西坪镇道路硬化工程\n\
            公示期：2024年6月17日—6月19日\n\n有异议的，应当在公示期内以书面形式提出。\n";
        let draft = parse(page, DraftKind::Text);
        let kind_of = |text: &str| kind_of(&draft, page, text);
        assert_eq!(kind_of("今日谈"), Some(BlockKind::Headline));
        assert_eq!(kind_of("文明，"), Some(BlockKind::Headline));
        assert_eq!(kind_of("守住耕地，"), Some(BlockKind::Headline));
        assert_eq!(kind_of("项目名称"), Some(BlockKind::ListItem));
    }

    #[test]
    fn a_real_page() {
        use crate::document::{parse, DraftKind};
        let page = include_str!("../../tests/fixtures/pages/real-page.txt");
        let draft = parse(page, DraftKind::Text);
        let kind_of = |text: &str| kind_of(&draft, page, text);
        assert_eq!(kind_of("春风送暖"), Some(BlockKind::Headline));
        assert_eq!(kind_of("——平城区"), Some(BlockKind::Headline));
        assert_eq!(kind_of("一、先问"), Some(BlockKind::Subheading));
        assert_eq!(kind_of("（二）钱从"), Some(BlockKind::Subheading));
        assert_eq!(kind_of("●楼道"), Some(BlockKind::ListItem));
        assert_eq!(kind_of("居民心声"), Some(BlockKind::Subheading));
        assert_eq!(kind_of("新开街道党工委"), Some(BlockKind::Signoff));
        assert_eq!(kind_of("2024年1月10日"), Some(BlockKind::Signoff));
        assert_eq!(kind_of("小区新咏"), Some(BlockKind::Headline));
        assert_eq!(kind_of("电梯来了"), Some(BlockKind::Verse));
        assert_eq!(draft.articles[0].decks.len(), 2);
    }

    #[test]
    fn blocks_of_lines_set_out_one_by_one() {
        use crate::document::{parse, DraftKind};
        let page = "夏日古城\n\n□ 郭晓东\n\n城墙把落日\n轻轻托起\n鼓楼的钟声\n落进了御河\n\n\
            谁在华严寺的檐角\n挂一串风铃\n\n名单公示\n\n现予以公示：\n\n\
            李秀兰　平城区振华街道居民\n张建国　云冈区口泉街道退休职工\n\n\
            公示期为2024年6月25日至7月1日。\n\n读者 刘建国\n2024年6月3日\n\n\
            对话非遗传承人\n老手艺要有新活法\n\n记者：您从事剪纸多少年了？\n\n\
            义诊持续到中午\n据了解\n\n，此次活动共服务居民两百余人。\n";
        let draft = parse(page, DraftKind::Text);
        let kind_of = |text: &str| kind_of(&draft, page, text);
        assert_eq!(kind_of("城墙把落日"), Some(BlockKind::Verse));
        assert_eq!(kind_of("谁在华严寺"), Some(BlockKind::Verse));
        assert_eq!(kind_of("李秀兰"), Some(BlockKind::ListItem));
        assert_eq!(kind_of("读者 刘建国"), Some(BlockKind::Signoff));
        assert_eq!(kind_of("对话非遗传承人"), Some(BlockKind::Headline));
        // The last line asks for the rest of its sentence: a paragraph broken by layout.
        assert_eq!(kind_of("义诊持续到中午"), Some(BlockKind::Paragraph));
        // One line a paragraph, the names are list lines too.
        let dense =
            "名单公示\n现予以公示：\n李秀兰　平城区振华街道居民\n张建国　云冈区口泉街道退休职工\n\
            公示期为2024年6月25日至7月1日。\n";
        let draft = parse(dense, DraftKind::Text);
        let kinds: Vec<BlockKind> = draft.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[2..4], [BlockKind::ListItem, BlockKind::ListItem]);
        assert!(!is_name_line("本版编辑 李敏"));
        // A Markdown list is no headline group.
        let md = "社区新事\n\n- 楼道照明全部更换\n- 雨污管网重新铺设\n\n居民们说，改造让老小区有了新模样。\n";
        let draft = parse(md, DraftKind::Markdown);
        assert_eq!(draft.blocks[1].kind, BlockKind::Paragraph);
    }
}
