use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::{
    continues_sentence, display_width, ends_sentence, leads_into, opens_lead, opens_list_item,
    starts_with_dateline, BlockKind,
};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::BylinePlace;
use crate::rules::Context;
use crate::text::{is_han, Span};

declare_rule! {
    /// ## 查什么
    /// 正文段落在句子中间断开：段末没有 `。` `！` `？`，下一段接着同一句话——多是排版或从 PDF 粘贴留下的换行。段末是后引号而没有句末标点（`……开新局”`）、下一段接着同一句的，也算。标题（包括两三行的标题组）、小标题、版面上方概述全文的提要（下一段从头重述同样的开头）、列表行（包括逐行列举、上面几行以 `；` 结尾的最后一项）、诗行（空行隔开的一节节也是）、书信落款、名单（`李秀兰　平城区振华街道居民` 这样一行一人的也是）、单独成行的署名（`新华社记者 李紫薇、刘金海`）和逐行排列的公告事项（`项目名称：西坪镇道路硬化工程`）本来就不带句末标点，不报；栏目名（`今日谈`）或上一篇文末署名下面、正文之上的短行，即使中间有逗号（`文明，从点滴做起`），也是标题。
    ///
    /// 句子开头几个字单独成行的也报：这一行以要求下文的词结尾（`据了解` `据统计` `记者从市教育局获悉` `他说` `她表示` `目前` `同时` `此外`），或停在没有闭合的引号、括号里，或下一行以 `，` `、` `；` `：` `”` 开头——这样的短行不能当小标题，是一段话被换行断开了。说明怎么说的短行（`老街坊如是说` `听听居民怎么说`）可以是小标题，不报。
    ///
    /// 以电头开头的导语（`本报讯（记者 王海）……`）不会是标题：导语再短，末尾没有句末点号、下一段接着同一句话的，也报。导语以 `；` 结尾、下一段接着同一句话的也报——分号只隔开一句话里的分句，不能结束一段；导语里有 `：`，或下一段是列举的一项（`二是……` `（二）……`，或同样以 `；` 结尾）的，是逐段列举，不报。正文段落以 `；` 结尾的，常是逐段列举的分句，不报。
    ///
    /// 从报纸版面或 PDF 整栏复制来的文字，每行同宽、多断在句中，按正文逐处报告，不会当作标题或诗行。排版断行总断在同一栏宽处；一篇稿件里有三处以上在词语后断开、而断处的行宽相差超过两个字的，是作者有意分行（散文诗等），也不报；断在 `据了解` `目前` 这类词后、或下一行以标点开头的，不算分行，照报。
    /// ## 为什么
    /// 见报时，断开处会变成句子中间另起一段、首行缩进。
    /// ## 示例
    /// ```text,flagged
    /// 本报讯（记者 王海）近日，新开街道启动老旧小区改造，居民们纷纷表示
    ///
    /// 这次改造让小区焕然一新。
    /// ```
    /// ```text,flagged
    /// 本报讯（记者 王海）8日，红旗社区组织志愿者清理楼道杂物。
    ///
    /// 据了解
    ///
    /// ，此次活动共清理杂物两吨。
    /// ```
    /// ```text,flagged
    /// 本报讯（记者 王海）8日，文源社区邀请红十字会志愿者为居民讲授急救知识；
    ///
    /// 大家还现场练习了心肺复苏。
    /// ```
    /// ```text,clean
    /// 本报讯（记者 王海）近日，新开街道启动老旧小区改造。
    ///
    /// 居民们纷纷表示，这次改造让小区焕然一新。
    /// ```
    /// ## 修改
    /// 把两段连起来。下一段以 `，` `、` `；` `：` `”` 开头的，只能是接着上一段，自动修复；其余只作建议，不批量应用，因为漏了句号看起来一样，只有作者分得清。
    /// ## 依据
    /// 报纸编校规范（段落完整）
    pub(crate) RULE = "paragraph/broken" {
        severity: Warning,
        fix: PartlySafe,
        checks: [
            Error: "段落在句中断开",
        ],
    }
}

/// Fewest mid-phrase breaks in one article that can show it is set out line by line.
const LINEATION_BREAKS: usize = 3;

/// How far apart, in display columns, the breaks of one article may lie and still be the
/// width of a column.
const COLUMN_TOLERANCE: usize = 4;

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let breaks = breaks(cx);
    let mut lineated = vec![false; cx.draft.articles.len()];
    for (article, flag) in lineated.iter_mut().enumerate() {
        let widths = breaks
            .iter()
            .filter(|b| b.article == Some(article) && b.mid_phrase && !b.worded)
            .map(|b| b.width);
        *flag = is_lineation(widths);
    }
    for b in breaks {
        if !b.worded && b.article.is_some_and(|a| lineated[a]) {
            continue;
        }
        acc.push(b.diagnostic);
    }
}

/// A paragraph broken mid-sentence, with what tells layout from lineation.
struct Break {
    article: Option<usize>,
    /// The break falls after a character, not after a clause mark or a closing quote.
    mid_phrase: bool,
    /// The words on either side say the sentence goes on (`据了解` / `，此次活动……`): no
    /// column width and no writer's lineation explains such a break. (A speaker, `他说`, may
    /// end a line of lineated prose.)
    worded: bool,
    /// Display columns of the broken paragraph's last line.
    width: usize,
    diagnostic: Diagnostic,
}

/// Layout breaks a paragraph where the column ends, always at one width; a writer who sets
/// prose out line by line (a prose poem) breaks it where the phrase ends. Three or more
/// mid-phrase breaks in one article at widths a column cannot give are lineation.
fn is_lineation(widths: impl Iterator<Item = usize>) -> bool {
    let (mut count, mut min, mut max) = (0, usize::MAX, 0);
    for width in widths {
        count += 1;
        min = min.min(width);
        max = max.max(width);
    }
    count >= LINEATION_BREAKS && max - min > COLUMN_TOLERANCE
}

fn breaks(cx: &Context<'_>) -> Vec<Break> {
    let blocks = &cx.draft.blocks;
    let mut article_of = vec![None; blocks.len()];
    for (i, article) in cx.draft.articles.iter().enumerate() {
        for &p in &article.paragraphs {
            article_of[p] = Some(i);
        }
    }
    let credits = credit_lines(cx);
    let mut found = Vec::new();
    for (index, pair) in blocks.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        if first.kind != BlockKind::Paragraph || second.kind != BlockKind::Paragraph {
            continue;
        }
        let first_text = &cx.text[first.span.range()];
        let second_text = &cx.text[second.span.range()];
        let semicolon = lead_ends_in_semicolon(first_text, second_text);
        if (ends_sentence(first_text) && !semicolon) || starts_with_dateline(second_text) {
            continue;
        }
        // Only prose that stops on a character or a clause mark is mid-sentence; a line
        // ending in a bracket, a dash or a Latin word is left to the writer.
        let Some(last) = first_text.chars().next_back() else {
            continue;
        };
        // Ex) ……办实事、开新局” / “对党忠诚…… — a quotation closes, the sentence goes on.
        if !(is_han(last)
            || last.is_ascii_digit()
            || matches!(last, '，' | '、' | ',' | '”')
            || semicolon)
        {
            continue;
        }
        let last_line = first.lines.last().map_or(first.span, |&l| l);
        let first_line = second.lines.first().map_or(second.span, |&l| l);
        if is_credit(&credits, last_line)
            || is_credit(&credits, first_line)
            || is_name_list(first_text)
            || is_spaced_names(&cx.text[last_line.range()])
            || ends_semicolon_list(cx, index)
            || restarts(first_text, second_text)
        {
            continue;
        }
        let Some(next) = second_text.chars().next() else {
            continue;
        };
        // Ex) 据了解 / ，此次活动…… — a mark no paragraph opens with carries the sentence on.
        let carried_on = continues_sentence(second_text);
        if !(is_han(next) || next.is_ascii_digit() || matches!(next, '“' | '《') || carried_on) {
            continue;
        }
        // The end of the last line: a block's earlier lines are no part of the break.
        let last_text = &cx.text[last_line.range()];
        let tail_start = last_text.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
        let span = Span::new(last_line.start + tail_start as u32, first.span.end);
        let gap = Span::new(first.span.end, second.span.start);
        let fix = join(cx, gap, carried_on, last, next);
        found.push(Break {
            article: article_of[index],
            mid_phrase: is_han(last),
            worded: carried_on || leads_into(first_text),
            width: display_width(&cx.text[last_line.range()]),
            diagnostic: Diagnostic::new(&RULE, span, "段落在句子中间断开")
                .with_note(note(carried_on.then_some(next), semicolon))
                .with_related(
                    Span::new(
                        second.span.start,
                        second.span.start + next.len_utf8() as u32,
                    ),
                    "下一段由此接续",
                )
                .with_fix(fix),
        });
    }
    found
}

/// The spans of the credits the byline recogniser read on lines of their own
/// (`新华社记者 李紫薇、刘金海`, a writer's `□ 郭晓东`), in page order.
fn credit_lines(cx: &Context<'_>) -> Vec<Span> {
    (cx.facts.bylines.bylines.iter())
        .filter(|b| matches!(b.place, BylinePlace::CreditLine | BylinePlace::Author))
        .map(|b| b.span)
        .collect()
}

/// Whether `line` is a credit: one of `credits` runs from inside it to its end. A credit
/// signs an item and is no half of a sentence, whatever it ends with.
fn is_credit(credits: &[Span], line: Span) -> bool {
    let first = credits.partition_point(|c| c.start < line.start);
    credits[first..]
        .iter()
        .take_while(|c| c.start < line.end)
        .any(|c| c.end == line.end)
}

/// What the finding explains: the mark the next paragraph opens with, when it does, or the
/// `；` the paragraph ends with.
fn note(mark: Option<char>, semicolon: bool) -> String {
    match mark {
        Some(mark) => format!(
            "下一段以“{mark}”开头，接着这一段的句子；这里的换行多半是排版或复制时留下的，应连成一段。"
        ),
        None if semicolon => {
            "分号只隔开一句话里的分句，不能结束一段；下一段接着同一句话，应连成一段（若本意是另起一段，把“；”改为“。”）。".to_owned()
        }
        None => {
            "这一段末尾没有句末点号，下一段接着同一句话；多半是排版或复制时留下的换行。".to_owned()
        }
    }
}

/// A news lead that ends in `；` (`本报讯（记者 王海）8日，……讲授急救知识；` / `大家还现场练习了
/// 心肺复苏。`): `；` parts the clauses of one sentence (GB/T 15834) and ends no paragraph, and
/// a lead opening with its dateline is no list item. The lead that opens a list (`……部署三项
/// 工作：`, or whose next paragraph is an item, `二是……`, or ends in `；` as items do) is left
/// to the writer. Only a lead is judged: a body paragraph ending in `；` is as often a clause
/// of a list set out line by line.
fn lead_ends_in_semicolon(block: &str, next: &str) -> bool {
    let next = next.trim_end();
    block.trim_end().ends_with(['；', ';'])
        && opens_lead(block)
        && !block.contains(['：', ':'])
        && !next.ends_with(['；', ';', '：', ':'])
        && !opens_list_item(next)
        && !opens_enumerated_clause(next)
}

/// `二是……` `其二，……` `第二，……` `首先，……` `——……`: the next clause of an enumeration.
fn opens_enumerated_clause(text: &str) -> bool {
    const ORDERS: [&str; 5] = ["首先", "其次", "再次", "最后", "——"];
    let mut chars = text.chars();
    let first = chars.next();
    let numeral = |c: Option<char>| c.is_some_and(|c| "一二三四五六七八九十".contains(c));
    let second = chars.next();
    (numeral(first) && second == Some('是'))
        || (matches!(first, Some('其' | '第')) && numeral(second))
        || ORDERS.iter().any(|w| text.starts_with(w))
}

/// Whether `next` opens with the words `block` opened with: a summary set above its story
/// (`市委书记强调，……把好事办好` / `市委书记强调，……`) is followed by the story told again
/// from its start, never by the rest of a sentence.
fn restarts(block: &str, next: &str) -> bool {
    const OPENING: usize = 8;
    let mut a = block.chars();
    let mut b = next.chars();
    (0..OPENING).all(|_| matches!((a.next(), b.next()), (Some(x), Some(y)) if x == y))
}

/// The last line of an enumeration set out one clause per line (`有退休教师，也有在校学生；`
/// / `有本地居民，也有外来务工人员；` / `有老人，也有青年`): the lines above it end in `；`,
/// so it is a list's last item, not prose cut by layout.
fn ends_semicolon_list(cx: &Context<'_>, index: usize) -> bool {
    index >= 2
        && cx.draft.blocks[index - 2..index]
            .iter()
            .all(|b| cx.text[b.span.range()].ends_with('；'))
}

/// A roll of names wrapped over lines (`王海、李敏（女）、张强、……`): no sentence to end.
/// The fix that joins two paragraphs by deleting `gap`, the line break between them: safe
/// only where nothing but the break can go between a word and the mark that carries its
/// sentence on (elsewhere a full stop may be what is missing), and none when the gap holds
/// more than blank text (a Markdown comment would go with it).
fn join(cx: &Context<'_>, gap: Span, carried_on: bool, last: char, next: char) -> Option<Fix> {
    if !cx.text[gap.range()].chars().all(char::is_whitespace) {
        return None;
    }
    let edits = vec![Edit::delete(gap)];
    let joins = is_han(last) || last.is_ascii_digit() || (last == '”' && next != '”');
    if carried_on && joins {
        Fix::safe("与下一段合并", edits)
    } else {
        Fix::suggested("与下一段合并", edits)
    }
}

/// True when `line` is words of two to four characters set apart by spaces, two or more of
/// them: a list of names (`王秀英 刘建国 张强`) under a heading, not a sentence cut short.
fn is_spaced_names(line: &str) -> bool {
    let mut words = 0;
    for word in line.split([' ', '　']).filter(|w| !w.is_empty()) {
        let n = word.chars().count();
        if !(2..=4).contains(&n) || !word.chars().all(is_han) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

fn is_name_list(text: &str) -> bool {
    let mut depth = 0u32;
    let mut items = 0usize;
    let mut chars = 0usize;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' if depth == 0 => items += 1,
            _ if depth == 0 => chars += 1,
            _ => {}
        }
    }
    items >= 6 && chars <= 4 * (items + 1)
}
