use crate::config::BylinePosition;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::{
    ends_with_source_credit, opens_list_item, opens_news_lead, Article, BlockKind,
};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{Byline, BylinePlace};
use crate::rules::byline::house::house_byline;
use crate::rules::photo::credit_missing::photo_news_item;
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 新闻稿没有电头和署名：开头没有电头加署名（`本报讯（记者 王海）`、`本报6月10日讯（记者 王海）`、`新华社北京6月10日电（记者 王海）`），没有署名行，文末也没有署名；或者用了本报电头（`本报讯`）却没写记者名（本报要求署名时）。
    ///
    /// 通讯社稿（`新华社北京6月10日电`、`据新华社电`）和文末注明来源的转载稿（`（据新华社）`、`（据《人民日报》）`、`（综合新华社、央视新闻）`、`（来源：新华网）`）和文末注明供稿单位的通知、简讯（`（市交警支队供稿）`、`（市气象台提供）`），以及文末由作者、读者署名的稿件（`（大同市中医医院 张平）`、`（作者单位：市中医医院）`、`（读者 李建华）`、笔名 `（晓 东）`）不需要本报记者署名；图片新闻（只有一段、末句为 `图为……。` 的稿件）以图片署名为署名，缺了图片署名由 `photo/credit-missing` 提示，导语以 `图为……。` 结尾而后面还有正文的稿件仍要署名；文末电头（`……。（本报华盛顿12月30日电）`）也算署名；电头和署名写错了地方（`8日，本报讯（记者 王海）社区……`）的稿件有署名，由 `byline/position` 提示位置。没有电头的稿件，只有带标题、且导语第一句以时间（`近日，`、`8日，`、`6月10日上午，`）或“记者”开头时，才当作新闻稿：版面上还有不署名的简讯、讲话、法规、书信、竞答、带“——”副题的通讯、在别处署名的评论。稿件段落之间的短行是小标题，不是另一篇稿件的标题。
    /// ## 为什么
    /// 见报的每篇稿件都要署名：署名表明由谁对稿件负责，漏署是付印前必须查出的差错。
    /// ## 示例
    /// ```text,flagged
    /// 新旺街道推进老旧小区改造
    ///
    /// 近日，新旺街道启动老旧小区改造，涉及12个小区。
    /// ```
    /// ```text,clean
    /// 新旺街道推进老旧小区改造
    ///
    /// 本报讯（记者 王海）近日，新旺街道启动老旧小区改造，涉及12个小区。
    /// ```
    /// ## 修改
    /// 建议修改：插入本报电头，署 Markdown 稿件前言（front matter）`reporter:` 写明的记者（`reporter: 李敏`，几位记者用空格、顿号隔开或写成列表 `[李敏, 王海]`），没有写明的，署本版多数稿件所署的记者，或 `[byline] default_reporter`。稿件由谁写只有编辑知道，所以不批量应用；不知道记者时不给修改。
    /// ## 依据
    /// 《报纸编校质量标准》：新闻稿件应有电头或署名
    pub(crate) RULE = "byline/missing" {
        severity: Error,
        fix: Suggested,
        checks: [
            Error: "新闻稿件没有电头或署名",
            Style: "电头后不署记者名（本报要求署名时）",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let style = cx.house;
    let reporters = super::page_reporters(cx);
    for (index, article) in cx.draft.articles.iter().enumerate() {
        let Some(lead_block) = article.lead() else {
            continue;
        };
        let (signed, bare_lead) = signature(cx, index, article);
        if signed
            || photo_signed(cx, index, article)
            || !is_news_item(cx, article, bare_lead.is_some())
        {
            continue;
        }
        let credit_text = house_byline("", &reporters, style);
        match bare_lead {
            // Ex) 本报讯 近日，…… — a dateline with nobody behind it: desk copy, which the
            // house may print (`[byline] require_reporter = false`).
            Some(_) if style.require_reporter.get() != Some(true) => {}
            Some(byline) => {
                let lead = byline.lead.as_ref().unwrap();
                let mut diagnostic =
                    Diagnostic::new(&RULE, byline.span, "电头后缺少记者署名").style();
                if !reporters.is_empty() {
                    let fix = match style.position.get() {
                        Some(BylinePosition::End) => append_at_end(cx, article, &credit_text),
                        _ => {
                            let house = house_byline(&lead.words(), &reporters, style);
                            // Ex) 本报讯 8日， — the space after the dateline goes too.
                            let after = &cx.text[byline.span.end as usize..];
                            let gap =
                                after.len() - after.trim_start_matches([' ', '\u{3000}']).len();
                            let span = Span::new(byline.span.start, byline.span.end + gap as u32);
                            Fix::suggested(
                                format!("改为“{house}”"),
                                vec![Edit::replace(span, house)],
                            )
                        }
                    };
                    diagnostic = diagnostic.with_fix(fix);
                }
                acc.push(diagnostic);
            }
            None => {
                let span = finding_span(cx, article, lead_block);
                let mut diagnostic =
                    Diagnostic::new(&RULE, span, "稿件缺少电头署名").with_note(MISSING_NOTE);
                if !reporters.is_empty() {
                    let fix = match style.position.get() {
                        Some(BylinePosition::End) => append_at_end(cx, article, &credit_text),
                        _ => {
                            let house = house_byline("本报讯", &reporters, style);
                            let at = cx.draft.blocks[lead_block].span.start;
                            Fix::suggested(format!("插入“{house}”"), vec![Edit::insert(at, house)])
                        }
                    };
                    diagnostic = diagnostic.with_fix(fix);
                }
                acc.push(diagnostic);
            }
        }
    }
}

/// Whether article `index` is signed — by a credit naming reporters, a wire dateline, a
/// dateline closing it, or the note of its source — and its first dateline naming nobody.
fn signature<'c>(
    cx: &'c Context<'_>,
    index: usize,
    article: &Article,
) -> (bool, Option<&'c Byline>) {
    let mut bare_lead = None;
    let mut signed = false;
    for byline in cx.facts.bylines.of_article(index) {
        let wire = byline.lead.as_ref().is_some_and(|l| !l.is_own());
        // Ex) ……。（本报华盛顿12月30日电） — the correspondent's item, signed at its end.
        let end_dateline = byline.place == BylinePlace::Trailing && byline.lead.is_some();
        if byline.has_names() || wire || end_dateline {
            signed = true;
        } else if byline.place == BylinePlace::Lead && bare_lead.is_none() {
            bare_lead = Some(byline);
        }
    }
    // Ex) ……。（据新华社） — a reprint, signed by its source.
    let last = article.blocks().max();
    signed |= last.is_some_and(|id| {
        let text = &cx.text[cx.draft.blocks[id].span.range()];
        ends_with_source_credit(text) || ends_supplied(text)
    });
    (signed, bare_lead)
}

/// True when a text ends with a note in brackets that signs it: who supplied the item
/// (`（市交警支队供稿）`, `（市气象台提供）`, `（市文旅局供图）`), or who wrote it when that is
/// no reporter of the paper — an author with their work unit, a reader, a pen name
/// (`（大同市中医医院 张平）`, `（作者单位：市中医医院）`, `（读者 李建华）`, `（晓 东）`). A
/// note of a few words, with no sentence in it and no number, is a signature; a continuation
/// note (`（下转第3版）`) has a number.
fn ends_supplied(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let Some(inner) = trimmed.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let note = inner[open..].trim_start_matches(['（', '(']);
    let chars = note.chars().count();
    let signs = note
        .chars()
        .all(|c| crate::text::is_han(c) || matches!(c, ' ' | '\u{3000}' | '：' | ':' | '·' | '、'))
        && !note.contains(['完', '续']);
    (2..=30).contains(&chars) && signs
}

/// What to add to an item without a byline.
const MISSING_NOTE: &str =
    "在导语前加电头和署名，如“本报讯（记者 王海）”；转载的稿件在文末注明来源，如“（据新华社）”。";

/// An article that reads as a dated news report, the kind every paper signs: its lead
/// opens with a dateline (`本报讯`), or it has a headline and the first clause of its lead
/// opens with a time (`近日，`, `8日，`, `6月10日上午，`, `去年12月，`) or with `记者`.
///
/// Pages also carry unsigned pieces — briefs compiled by the desk, speeches, laws,
/// commentaries and features signed elsewhere, letters, quizzes, knowledge boxes — and
/// their leads rarely start that way. A body paragraph with no headline above it, a
/// feature's headline group (`……——记……`, `——访……`), a list or a quiz is no news lead.
fn is_news_item(cx: &Context<'_>, article: &Article, has_dateline: bool) -> bool {
    if has_dateline {
        return true;
    }
    let Some(lead) = article.lead() else {
        return false;
    };
    let Some(headline) = article.headline else {
        return false;
    };
    let block_text = |id: usize| &cx.text[cx.draft.blocks[id].span.range()];
    // Ex) （１）克林顿（２）布什 — quiz options, list items and notes are not headlines.
    let opens_list =
        |text: &str| opens_list_item(text) || text.starts_with(['（', '(', '〔', '【', '[']);
    let group = || std::iter::once(headline).chain(article.decks.iter().copied());
    // Ex) 东方巨龙屹立世界——胜利迈向新世纪述评 — a feature's subtitle. Ex) ……（附图片3张）
    // — a photo feature, signed by the credits of its pictures.
    // Ex) 致读者 — a letter.
    if opens_list(block_text(headline))
        || block_text(headline).starts_with('致')
        || group().any(|id| block_text(id).contains('—') || block_text(id).contains("附图"))
    {
        return false;
    }
    let text = block_text(lead);
    // Ex) 8日，……。图为……。 ending its item — a photo-news item, signed by a photo credit,
    // not a byline; photo/credit-missing judges its credit. Ex) 8日，……。图为……。 followed
    // by more of the report — a news lead, which asks for a byline.
    if opens_list(text) || photo_news_item(cx, lead).is_some() {
        return false;
    }
    opens_news_lead(text)
}

/// A photo item (`图片新闻`, `……（图片）`) is signed by the photo credit of its caption,
/// which may stand in a block of its own between this article and the next.
fn photo_signed(cx: &Context<'_>, index: usize, article: &Article) -> bool {
    let Some(first) = article.blocks().min() else {
        return false;
    };
    let last = article.blocks().max().unwrap_or(first);
    let next_start = cx
        .draft
        .articles
        .get(index + 1)
        .and_then(|a| {
            a.headline
                .iter()
                .chain(&a.paragraphs)
                .chain(&a.captions)
                .min()
                .copied()
        })
        .unwrap_or(cx.draft.blocks.len());
    let end = last.max(next_start.saturating_sub(1));
    cx.facts
        .bylines
        .photo_credits
        .iter()
        .any(|c| (first..=end).contains(&c.block))
}

fn append_at_end(cx: &Context<'_>, article: &Article, credit: &str) -> Option<Fix> {
    let last = article
        .paragraphs
        .iter()
        .rev()
        .find(|&&id| cx.draft.blocks[id].kind == BlockKind::Paragraph)?;
    let at = cx.draft.blocks[*last].span.end;
    Fix::suggested(
        format!("在文末加上“{credit}”"),
        vec![Edit::insert(at, credit.to_owned())],
    )
}

/// Where to point: the headline, else the opening words of the lead paragraph.
fn finding_span(cx: &Context<'_>, article: &Article, lead: usize) -> Span {
    if let Some(headline) = article.headline {
        return cx.draft.blocks[headline].span;
    }
    let span = cx.draft.blocks[lead].span;
    let text = &cx.text[span.range()];
    let end = text
        .char_indices()
        .take(16)
        .find(|&(_, c)| matches!(c, '，' | '。' | '：' | ','))
        .map_or_else(
            || text.char_indices().nth(16).map_or(text.len(), |(i, _)| i),
            |(i, _)| i,
        );
    Span::new(span.start, span.start + end as u32)
}
