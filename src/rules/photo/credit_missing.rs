use std::cell::OnceCell;

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::{closing_picture_sentence, ends_with_photo_credit, BlockId, BlockKind};
use crate::fix::{Edit, Fix};
use crate::rules::photo::house::house_photo_credit;
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 没有图片署名的图片说明（单独成段、不带标点的短段落，或以 `图为` 开头的段落）和图片新闻（先报道消息、末句以 `图为` 开头的段落）——末尾没有署名，紧挨着的说明行或署名行上也没有。署名写得不合规范（`摄影：王海`、`王海摄影`）也是署名，由 `photo/credit-format` 提示，这里不再当作没有署名。
    ///
    /// 图片新闻（`8日，……。图为志愿者在清理杂物。`）只在段后换了稿件（标题、新的导语、另一张图片或版面结束），而且所在稿件别处也没有图片署名（说明、署名行、`文/图`）时才提示；同一段里紧挨在上面一行的署名（`本报记者 王海 摄` 下一行接 `8日，……。图为……。`）也算署名。段后还有本稿正文的，是稿件的导语，不是图片新闻，由 `byline/missing` 查署名。词语里的“图为”（`试图为`、`地图为`、`如图为`）、引号里的“图为”、后面还有下文的“图为”都不算；整版没有一处署名的零散文字（如摘出的一段）不查，署名可能在别处。
    /// ## 为什么
    /// 刊出的照片必须注明拍摄者；有说明没署名，多半是署名在排版时丢了。
    /// ## 示例
    /// ```text,flagged
    /// 新开街道推进老旧小区改造
    ///
    /// 本报讯（记者 王海）近日，新开街道启动老旧小区改造，涉及12个小区。
    ///
    /// 居民在新建的健身广场锻炼
    /// ```
    /// ```text,flagged
    /// 新开街道推进老旧小区改造
    ///
    /// 本报讯（记者 王海）近日，新开街道启动老旧小区改造，涉及12个小区。
    ///
    /// 8日，红旗社区组织志愿者清理楼道杂物。图为志愿者在清理杂物。
    /// ```
    /// ```text,clean
    /// 新开街道推进老旧小区改造
    ///
    /// 本报讯（记者 王海）近日，新开街道启动老旧小区改造，涉及12个小区。
    ///
    /// 居民在新建的健身广场锻炼 本报记者 王海 摄
    ///
    /// 8日，红旗社区组织志愿者清理楼道杂物。图为志愿者在清理杂物。 本报记者 王海 摄
    ///
    /// 世纪书怀
    ///
    /// 极目神州
    /// ```
    /// ## 修改
    /// 仅作建议：在说明或图片新闻末尾加上本报体例的图片署名 `本报记者 王海 摄`，署该说明所在稿件的记者（或 Markdown 稿件前言 `reporter:` 写明的记者，或本版的记者，或 `[byline] default_reporter`）。照片是谁拍的，由编辑确认。
    /// ## 依据
    /// 《报纸编校质量标准》图片署名
    pub(crate) RULE = "photo/credit-missing" {
        severity: Warning,
        fix: Suggested,
        checks: [
            Error: "图片或图片新闻没有摄影署名",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let bylines = &cx.facts.bylines;
    let page = Page::new(cx);
    for (id, block) in cx.draft.blocks.iter().enumerate() {
        let text = &cx.text[block.span.range()];
        // Ex) 8日，……清理楼道杂物。图为志愿者在清理杂物。 — a photo-news item the parser
        // reads as a paragraph, for want of the credit that ends one.
        let picture = match block.kind {
            BlockKind::Caption | BlockKind::PhotoNews => None,
            BlockKind::Paragraph => match photo_news_item(cx, id) {
                Some(at) => Some(at),
                None => continue,
            },
            _ => continue,
        };
        if bylines.photo_credit_in(id).is_some()
            || credited_nearby(cx, id)
            || page.pictures_in_byline(id)
        {
            continue;
        }
        let (span, what) = match picture {
            Some(at) if page.uncredited_photo_item(id, at) => (
                Span::new(block.span.start + at as u32, block.span.end),
                "图片新闻缺少摄影署名",
            ),
            None if announced_caption(text) || page.plain_caption(id) => {
                (block.span, "图片说明缺少摄影署名")
            }
            _ => continue,
        };
        let names = page.photographers(id);
        let mut diagnostic = Diagnostic::new(&RULE, span, what);
        if !names.is_empty() {
            let credit = house_photo_credit(names, cx.house);
            diagnostic = diagnostic.with_fix(Fix::suggested(
                format!("加上“{credit}”"),
                vec![Edit::insert(block.span.end, format!(" {credit}"))],
            ));
        }
        acc.push(diagnostic);
    }
}

/// Where the `图为` sentence of block `id` starts when the block is a photo-news item that
/// the parser read as a paragraph for want of its credit: it closes with a `图为……`
/// sentence (see [`closing_picture_sentence`]) and ends its item — the page ends, or a
/// headline, a subheading, a new lead or another picture follows. This rule judges such an
/// item's credit; `byline/missing` leaves it to this rule, and asks for a byline on a lead
/// that a `图为` sentence closes but more of its item follows.
pub(crate) fn photo_news_item(cx: &Context<'_>, id: BlockId) -> Option<usize> {
    let blocks = &cx.draft.blocks;
    let block = blocks.get(id).filter(|b| b.kind == BlockKind::Paragraph)?;
    let at = closing_picture_sentence(&cx.text[block.span.range()])?;
    let ends_item = blocks.get(id + 1).is_none_or(|next| match next.kind {
        // A headline the parser took for a subheading ends the item as well.
        BlockKind::Headline | BlockKind::Subheading | BlockKind::Caption | BlockKind::PhotoNews => {
            true
        }
        BlockKind::Paragraph => crate::document::starts_with_dateline(&cx.text[next.span.range()]),
        _ => false,
    });
    ends_item.then_some(at)
}

/// What the rule asks of the page beyond a block and its neighbours, worked out once, when
/// first asked: each block then costs in proportion to itself, and a page of thousands of
/// pictures in one article in proportion to its size.
struct Page<'c, 'a> {
    cx: &'c Context<'a>,
    /// The article of each block.
    article_of: OnceCell<Vec<Option<usize>>>,
    /// How each article credits its pictures, by article.
    articles: OnceCell<Vec<ArticlePictures>>,
    /// Whether the page is laid out in blank-line blocks (see [`blank_line_layout`]).
    blank_lines: OnceCell<bool>,
    /// Whether the page credits anyone: a photo-news item is judged only on such a page.
    signed: OnceCell<bool>,
    /// The page's reporters (see [`crate::rules::byline::page_reporters`]).
    reporters: OnceCell<Vec<String>>,
}

/// How an article credits its pictures and whom it names.
#[derive(Default)]
struct ArticlePictures {
    /// A byline credits the pictures too: `本报讯（记者 王海 文/图）`.
    byline_pictures: bool,
    /// A byline names a photographer: `（记者 王海 摄影报道）`.
    byline_photographer: bool,
    /// A byline names someone.
    signed: bool,
    /// Up to three staff reporters its bylines name: whom a fix credits.
    reporters: Vec<String>,
    /// The first two blocks above its lead that credit text and pictures
    /// (`本报记者 王海 文/图`): two tell whether one other than a given block does.
    credit_lines: Vec<BlockId>,
    /// The first two of its blocks that credit a picture (a caption or credit line with a
    /// photo credit).
    credited: Vec<BlockId>,
}

impl<'c, 'a> Page<'c, 'a> {
    fn new(cx: &'c Context<'a>) -> Self {
        Page {
            cx,
            article_of: OnceCell::new(),
            articles: OnceCell::new(),
            blank_lines: OnceCell::new(),
            signed: OnceCell::new(),
            reporters: OnceCell::new(),
        }
    }

    /// The article of block `id`, and how it credits its pictures.
    fn article(&self, id: BlockId) -> Option<&ArticlePictures> {
        let of = self
            .article_of
            .get_or_init(|| self.cx.draft.articles_by_block());
        let index = (*of.get(id)?)?;
        let articles = self.articles.get_or_init(|| {
            (0..self.cx.draft.articles.len())
                .map(|index| article_pictures(self.cx, index))
                .collect()
        });
        articles.get(index)
    }

    /// The byline of the caption's article credits the pictures too: `本报讯（记者 王海
    /// 文/图）`, or a credit line of text and pictures under the headline (`本报记者 王海
    /// 文/图`, `本报记者 王海/文 李敏/图`).
    fn pictures_in_byline(&self, id: BlockId) -> bool {
        self.article(id)
            .is_some_and(|a| a.byline_pictures || a.credit_lines.iter().any(|&block| block != id))
    }

    /// A paragraph that closes with a `图为……` sentence and ends its item (see
    /// [`photo_news_item`]) lacks its credit when no credit stands on a line above it in its
    /// block, its article credits no picture anywhere else, and the page credits its
    /// reporters: a page of signed items where one picture is not.
    ///
    /// A fragment of a page with no credit at all says nothing of where the picture's
    /// credit went, and an article whose pictures are credited elsewhere (a caption above,
    /// a credit line) has its `图为` paragraph covered by that credit.
    fn uncredited_photo_item(&self, id: BlockId, at: usize) -> bool {
        let cx = self.cx;
        let text = &cx.text[cx.draft.blocks[id].span.range()];
        if credited_above(text, at) || self.credited_in_article(id) {
            return false;
        }
        *self.signed.get_or_init(|| {
            let bylines = &cx.facts.bylines;
            bylines.bylines.iter().any(|b| b.has_names())
                || (bylines.photo_credits.iter()).any(|c| c.names().next().is_some())
        })
    }

    /// True when another block of `id`'s article credits a picture: a caption or credit
    /// line with a photo credit, or a byline that names a photographer (`（记者 王海
    /// 摄影报道）`).
    fn credited_in_article(&self, id: BlockId) -> bool {
        self.article(id)
            .is_some_and(|a| a.byline_photographer || a.credited.iter().any(|&block| block != id))
    }

    /// See [`plain_caption`].
    fn plain_caption(&self, id: BlockId) -> bool {
        id > 0
            && *self.blank_lines.get_or_init(|| blank_line_layout(self.cx))
            && plain_caption(self.cx, id, self.article(id - 1).is_some_and(|a| a.signed))
    }

    /// Who a fix credits: the staff reporters of the caption's article, else the front
    /// matter's `reporter:`, else the page's, else the roster's default reporter.
    fn photographers(&self, id: BlockId) -> &[String] {
        match self.article(id) {
            Some(article) if !article.reporters.is_empty() => &article.reporters,
            _ => self
                .reporters
                .get_or_init(|| crate::rules::byline::page_reporters(self.cx)),
        }
    }
}

/// How article `index` credits its pictures (see [`ArticlePictures`]).
fn article_pictures(cx: &Context<'_>, index: usize) -> ArticlePictures {
    let bylines = &cx.facts.bylines;
    let mut pictures = ArticlePictures::default();
    for byline in bylines.of_article(index) {
        pictures.signed |= byline.has_names();
        let Some(credit) = &byline.credit else {
            continue;
        };
        let text = &cx.text[credit.span.range()];
        pictures.byline_pictures |= (credit.media.as_ref())
            .is_some_and(|m| m.text.contains(['图', '摄']))
            || text_and_pictures(text);
        pictures.byline_photographer |= text.contains('摄');
        if byline.is_own() && pictures.reporters.len() < 3 {
            let room = 3 - pictures.reporters.len();
            let names = credit.staff_names().map(|n| n.text.clone());
            pictures.reporters.extend(names.take(room));
        }
    }
    let article = &cx.draft.articles[index];
    let block_text = |block: BlockId| &cx.text[cx.draft.blocks[block].span.range()];
    let lead = article.lead().unwrap_or(usize::MAX);
    pictures.credit_lines = (article.captions.iter().chain(&article.paragraphs))
        .copied()
        .filter(|&block| block < lead && text_and_pictures(block_text(block)))
        .take(2)
        .collect();
    pictures.credited = (article.blocks())
        .filter(|&block| {
            bylines.photo_credit_in(block).is_some()
                || matches!(
                    cx.draft.blocks[block].kind,
                    BlockKind::Caption | BlockKind::PhotoNews | BlockKind::Credit
                ) && block_text(block).contains('摄')
        })
        .take(2)
        .collect();
    pictures
}

/// True when a line of the block above the line of its `图为` sentence at `at` ends in a
/// photo credit: `本报记者 王海 摄` on the line right above `8日，……。图为……。`, a credit
/// the layout set on the item's first line instead of its last.
fn credited_above(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[..line_start].lines().any(ends_with_photo_credit)
}

/// A credit of text and pictures: `文/图`, `图/文`, `王海/文 李敏/图`.
fn text_and_pictures(credit: &str) -> bool {
    let credit = credit.replace('／', "/");
    credit.contains("文/图")
        || credit.contains("图/文")
        || (credit.contains("/文") && credit.contains("/图"))
}

/// A caption's credit may stand on the caption or credit line just before or after it
/// (a group of photos credited once).
fn credited_nearby(cx: &Context<'_>, id: BlockId) -> bool {
    let blocks = &cx.draft.blocks;
    let neighbours = [id.checked_sub(1), Some(id + 1)];
    neighbours.into_iter().flatten().any(|n| {
        blocks.get(n).is_some_and(|b| {
            matches!(
                b.kind,
                BlockKind::Caption | BlockKind::PhotoNews | BlockKind::Credit
            ) && (cx.facts.bylines.photo_credit_in(n).is_some()
                || cx.text[b.span.range()].contains('摄'))
        })
    })
}

/// A block that says it describes a picture: `图为……`, `图：……`, `上图……`.
fn announced_caption(text: &str) -> bool {
    const MARKS: [&str; 8] = [
        "图为",
        "图：",
        "图:",
        "上图",
        "下图",
        "左图",
        "右图",
        "图片说明",
    ];
    MARKS.iter().any(|m| text.starts_with(m))
}

/// A short unpunctuated block the draft model calls a caption, where the page around it
/// makes a picture likely: the draft is laid out in blank-line separated blocks (the caller
/// asks [`blank_line_layout`]), the block follows a finished paragraph of a signed item
/// (`signed_item`: the paragraph's article names someone) and ends it (the page ends, or a
/// new headline follows), and it reads as a description, not a label, a date, a table row
/// or a credit line.
///
/// Real pages are full of short unpunctuated lines that are not captions — kickers above
/// headlines, poem lines, table rows, section labels — so a caption the text does not
/// announce is only taken where its surroundings match a caption's.
fn plain_caption(cx: &Context<'_>, id: BlockId, signed_item: bool) -> bool {
    let blocks = &cx.draft.blocks;
    let Some(previous) = id.checked_sub(1).map(|p| &blocks[p]) else {
        return false;
    };
    let after_body = matches!(previous.kind, BlockKind::Paragraph | BlockKind::PhotoNews)
        && crate::document::ends_sentence(&cx.text[previous.span.range()]);
    let ends_item = blocks
        .get(id + 1)
        .is_none_or(|next| next.kind == BlockKind::Headline);
    let text = cx.text[blocks[id].span.range()].trim();
    // Ex) 新华社记者 李锦 赵承 — a credit line, not a caption.
    if crate::recognise::bylines::starts_with_role(text) {
        return false;
    }
    let han = text.chars().filter(|&c| crate::text::is_han(c)).count();
    let label = text.ends_with(['：', ':', '）', ')'])
        || text.starts_with(['（', '(', '【', '[', '—', '-', '*', '#', '●', '■', '▲'])
        || text
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    after_body && ends_item && signed_item && han >= 6 && !label
}

/// True when the draft separates its blocks with blank lines (a file without blank lines
/// makes every line a block, and a short line then says nothing about captions).
fn blank_line_layout(cx: &Context<'_>) -> bool {
    cx.draft.blocks.windows(2).any(|pair| {
        cx.text[pair[0].span.end as usize..pair[1].span.start as usize]
            .matches('\n')
            .count()
            >= 2
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::config::LoadedConfig;

    fn found(text: &str) -> Vec<String> {
        let config = LoadedConfig::defaults(PathBuf::from("."));
        let today = jiff::civil::date(2024, 1, 15);
        let analysis = crate::lint::analyse(text, None, &config, today);
        (analysis.diagnostics.iter())
            .filter(|d| d.rule == super::RULE.id)
            .map(|d| text[d.span.range()].to_owned())
            .collect()
    }

    /// The seed page's photo-news item is credited; with its credit gone it is reported,
    /// on its `图为` sentence, and nothing else on the page is.
    #[test]
    fn the_seed_pages_photo_item_without_its_credit() {
        let page = include_str!("../../../tests/fixtures/place/seed-page.txt");
        let credited = found(page);
        let stripped = page.replace("。 本报记者 段雨萌 摄", "。");
        assert_ne!(stripped, page);
        let mut want = credited.clone();
        want.push("图为福富苑社区党建工作负责人张守霞在为前来参观的居民讲解。".to_owned());
        let mut got = found(&stripped);
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }

    /// A paragraph alone, on a page that credits nobody, is a fragment: where its picture's
    /// credit went is not for the checker to say.
    #[test]
    fn a_fragment_that_credits_nobody_is_left_alone() {
        let item = "8日，红旗社区组织志愿者清理楼道杂物。图为志愿者在清理杂物。\n";
        assert!(found(item).is_empty());
        assert!(found(&format!("志愿者清理楼道杂物（图片）\n\n{item}")).is_empty());
    }
}
