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
    ///
    /// 不带标点的短说明，在署名稿件的正文之后、稿件结束之前（下面是新标题或版面结束）连着两三条的，每条都提示；连着几条时至少一条要写明谁在哪里做什么（`居民在新建的文化广场上跳广场舞`），几行地名、单位名不算。
    ///
    /// 图片一张张各自署名的版面上（前后两张图片的说明都带着自己的署名），夹在中间的说明没有署名的也提示，前后的署名是它们自己的，不是这一张的：一行不带标点、写明谁在哪里做什么的说明（`孩子们在御河生态园戏水消暑`；组图的标题 `镜头里的古城之夏`、`幸福在身边——古城夏日掠影` 不算），或者前后的说明都是一句话时，以日期或“这是”开头、只有一句话的说明（`6月10日，浙江省杭州市民在西湖边包粽子迎端午。`；前后是多句的图片新闻时，一句话的简讯不算）。单独一行的署名（`本报记者 王海 摄`）可能是前后几张图片共用的，不算哪一张自己的署名。
    ///
    /// 版面上有一处交代全版图片来源的文字（`本版图片由大同市摄影家协会提供`、`（本版摄影 王海）`、单独一行的 `资料图片`、`（照片除署名外均为本报记者王海摄）`）时，整版的图片都算有署名，不提示。
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
    /// ```text,flagged
    /// 镜头里的古城之夏
    ///
    /// 编者按：盛夏时节，古城处处涌动着生机与活力。
    ///
    /// 古城墙上，市民在夜色中健步
    /// 本报记者 王海 摄
    ///
    /// 孩子们在御河生态园戏水消暑
    ///
    /// 市民在鼓楼东街品尝特色小吃
    /// 本报记者 李敏 摄
    /// ```
    /// ```text,clean
    /// 镜头里的古城之夏
    ///
    /// 编者按：盛夏时节，古城处处涌动着生机与活力。
    ///
    /// 古城墙上，市民在夜色中健步
    /// 本报记者 王海 摄
    ///
    /// 孩子们在御河生态园戏水消暑
    ///
    /// 市民在鼓楼东街品尝特色小吃
    /// 本报记者 李敏 摄
    ///
    /// （本版摄影 王海）
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

/// What a block may be, as far as its picture's credit goes.
#[derive(Clone, Copy)]
enum Shape {
    /// A block the draft model calls a caption or a photo-news item.
    Caption,
    /// A paragraph closing with a `图为` sentence at this offset that ends its item (see
    /// [`photo_news_item`]).
    Item(usize),
    /// Another paragraph: a caption only in sentence form among credited pictures (see
    /// [`sentence_caption`]).
    Sentence,
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let bylines = &cx.facts.bylines;
    let page = Page::new(cx);
    for (id, block) in cx.draft.blocks.iter().enumerate() {
        let text = &cx.text[block.span.range()];
        // Ex) 8日，……清理楼道杂物。图为志愿者在清理杂物。 — a photo-news item the parser
        // reads as a paragraph, for want of the credit that ends one.
        let shape = match block.kind {
            BlockKind::Caption | BlockKind::PhotoNews => Shape::Caption,
            BlockKind::Paragraph => photo_news_item(cx, id).map_or(Shape::Sentence, Shape::Item),
            _ => continue,
        };
        // Between two pictures that each carry their own credit, neither credit is this
        // block's.
        let between = between_own_credits(cx, id);
        if matches!(shape, Shape::Sentence) && !between {
            continue;
        }
        if bylines.photo_credit_in(id).is_some() || page.pictures_in_byline(id) {
            continue;
        }
        if !between && credited_nearby(cx, id) {
            continue;
        }
        let (span, what) = match shape {
            Shape::Item(at) if page.uncredited_photo_item(id, at) => (
                Span::new(block.span.start + at as u32, block.span.end),
                "图片新闻缺少摄影署名",
            ),
            Shape::Caption
                if announced_caption(text)
                    || page.plain_caption(id)
                    || (between && caption_among_pictures(cx, id)) =>
            {
                (block.span, "图片说明缺少摄影署名")
            }
            Shape::Sentence if between && sentence_caption(cx, id) => {
                (block.span, "图片说明缺少摄影署名")
            }
            _ => continue,
        };
        if page.pictures_noted() {
            return;
        }
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
    /// Whether a note credits the page's pictures at once (see [`notes_pictures`]).
    noted: OnceCell<bool>,
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
            noted: OnceCell::new(),
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
        let Some((first, last)) = caption_run(self.cx, id) else {
            return false;
        };
        first > 0
            && *self.blank_lines.get_or_init(|| blank_line_layout(self.cx))
            && plain_caption(
                self.cx,
                (first, last),
                self.article(first - 1).is_some_and(|a| a.signed),
            )
    }

    /// True when a note on the page credits its pictures once for all of them
    /// (`本版图片由大同市摄影家协会提供`, `（本版摄影 王海）`, `资料图片` on a line of its
    /// own, see [`notes_pictures`]), or those no credit names (see [`credits_the_rest`]).
    fn pictures_noted(&self) -> bool {
        *self.noted.get_or_init(|| {
            let cx = self.cx;
            (cx.draft.blocks.iter()).any(|b| {
                let text = &cx.text[b.span.range()];
                notes_pictures(text) || credits_the_rest(text)
            })
        })
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

/// Most blocks a run of plain captions holds: a picture or a few under an item.
const CAPTION_RUN: usize = 3;

/// A run of short unpunctuated blocks the draft model calls captions, where the page around
/// it makes pictures likely: the draft is laid out in blank-line separated blocks (the caller
/// asks [`blank_line_layout`]), the run (its first and last blocks, see [`caption_run`])
/// follows a finished paragraph of a signed item (`signed_item`: the paragraph's article
/// names someone) and ends it (the page ends, or a new headline follows).
///
/// Real pages are full of short unpunctuated lines that are not captions — kickers above
/// headlines, poem lines, table rows, section labels — so a caption the text does not
/// announce is only taken where its surroundings match a caption's.
fn plain_caption(cx: &Context<'_>, (first, last): (BlockId, BlockId), signed_item: bool) -> bool {
    let blocks = &cx.draft.blocks;
    let Some(previous) = first.checked_sub(1).map(|p| &blocks[p]) else {
        return false;
    };
    let after_body = matches!(previous.kind, BlockKind::Paragraph | BlockKind::PhotoNews)
        && crate::document::ends_sentence(&cx.text[previous.span.range()]);
    let ends_item = blocks
        .get(last + 1)
        .is_none_or(|next| next.kind == BlockKind::Headline);
    after_body && ends_item && signed_item
}

/// The first and last blocks of the run of plain captions that holds block `id`: caption
/// blocks side by side, at most [`CAPTION_RUN`] of them, each reading as a description and
/// crediting no one (see [`plain_member`]). In a run of several, one at least says who
/// does what where (see [`scene`]): a few names of places or bodies listed under an item
/// (`红旗社区卫生服务站`) are no pictures. `None` when `id` is no member of such a run.
fn caption_run(cx: &Context<'_>, id: BlockId) -> Option<(BlockId, BlockId)> {
    if !plain_member(cx, id) {
        return None;
    }
    let mut first = id;
    while first > 0 && id + 1 - first < CAPTION_RUN && plain_member(cx, first - 1) {
        first -= 1;
    }
    let mut last = id;
    while last + 1 - first < CAPTION_RUN && plain_member(cx, last + 1) {
        last += 1;
    }
    let text = |block: BlockId| &cx.text[cx.draft.blocks[block].span.range()];
    (first == last || (first..=last).any(|block| scene(text(block).trim())))
        .then_some((first, last))
}

/// A caption block that reads as a description (see [`caption_words`]) and credits no one:
/// a credit on one of a run (`本报记者 王海 摄`, `（资料图片）`) may be the whole run's.
fn plain_member(cx: &Context<'_>, id: BlockId) -> bool {
    cx.draft.blocks.get(id).is_some_and(|block| {
        let text = &cx.text[block.span.range()];
        block.kind == BlockKind::Caption
            && cx.facts.bylines.photo_credit_in(id).is_none()
            && !text.contains('摄')
            && caption_words(text.trim())
    })
}

/// A short line that reads as a picture's description, not a label, a date, a table row or
/// a credit line: six Han characters or more, no digits, no bracket or bullet before it and
/// no colon or bracket closing it.
fn caption_words(text: &str) -> bool {
    // Ex) 新华社记者 李锦 赵承 — a credit line, not a caption.
    if crate::recognise::bylines::starts_with_role(text) {
        return false;
    }
    let label = text.ends_with(['：', ':', '）', ')'])
        || text.starts_with(['（', '(', '【', '[', '—', '-', '*', '#', '●', '■', '▲'])
        || text
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    han_count(text) >= 6 && !label
}

fn han_count(text: &str) -> usize {
    text.chars().filter(|&c| crate::text::is_han(c)).count()
}

/// True when the blocks on either side of block `id` are pictures that each carry their
/// own credit (see [`carries_own_credit`]): a page of pictures credited one by one, where
/// a picture between them has no credit of its own.
fn between_own_credits(cx: &Context<'_>, id: BlockId) -> bool {
    id > 0 && carries_own_credit(cx, id - 1) && carries_own_credit(cx, id + 1)
}

/// A caption, photo-news item or paragraph that ends in a photo credit after words of its
/// own: `市民在鼓楼东街品尝特色小吃` over `本报记者 李敏 摄`, `6月10日，游客……观看龙舟赛。
/// 新华社记者 陈思汗 摄`, `……体验科普项目。（郭晓明摄）（人民视觉）`. A credit line alone
/// (`本报记者 王海 摄`) may be for the pictures around it.
fn carries_own_credit(cx: &Context<'_>, id: BlockId) -> bool {
    let Some(block) = cx.draft.blocks.get(id) else {
        return false;
    };
    if !matches!(
        block.kind,
        BlockKind::Caption | BlockKind::PhotoNews | BlockKind::Paragraph
    ) {
        return false;
    }
    let text = &cx.text[block.span.range()];
    match cx.facts.bylines.photo_credit_in(id) {
        Some(credit) => {
            block.lines.len() > 1
                || han_count(&cx.text[block.span.start as usize..credit.span.start as usize]) >= 4
        }
        None => credit_with_source(text),
    }
}

/// A photo credit followed by the agency that distributes the picture, in brackets of its
/// own: `……体验科普项目。（郭晓明摄）（人民视觉）`.
fn credit_with_source(text: &str) -> bool {
    let trimmed = text.trim_end();
    let Some(inner) = trimmed.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some((open, bracket)) = inner.char_indices().rfind(|&(_, c)| c == '（' || c == '(') else {
        return false;
    };
    let source = &inner[open + bracket.len_utf8()..];
    let credited = inner[..open].trim_end();
    !source.is_empty()
        && crate::text::at_most_chars(source, 8)
        && source.chars().all(crate::text::is_han)
        && !source.contains('摄')
        && credited.ends_with(['）', ')'])
        && crate::document::ends_with_photo_credit(credited)
        && han_count(credited) >= 8
}

/// A caption among pictures credited one by one (see [`between_own_credits`]): one short
/// line that reads as a description (see [`caption_words`]) of eight Han characters or
/// more and says who does what where (see [`scene`]). A title over a group of pictures stands between credited pictures too,
/// and names a theme (`镜头里的古城之夏`) or carries a heading's marks (`古城·夜色`,
/// `夜色——古城`, `城市掠影：夜色`).
fn caption_among_pictures(cx: &Context<'_>, id: BlockId) -> bool {
    let block = &cx.draft.blocks[id];
    let text = cx.text[block.span.range()].trim();
    block.lines.len() == 1
        && caption_words(text)
        && han_count(text) >= 8
        && scene(text)
        && !text.contains('摄')
        && !crate::text::contains_any(text, &['·', '•', '—', '：', ':', '。', ' ', '\u{3000}'])
}

/// True when a caption says who does what where: a subject, then `在` and four Han
/// characters or more (`孩子们在御河生态园戏水消暑`).
fn scene(text: &str) -> bool {
    (text.char_indices().skip(2))
        .any(|(at, c)| c == '在' && han_count(&text[at + c.len_utf8()..]) >= 4)
}

/// A caption in sentence form among pictures credited one by one, each in sentence form
/// too (`6月10日，游客……观看龙舟赛。新华社记者 陈思汗 摄`): one sentence that opens with
/// its day or `这是` (`6月10日，浙江省杭州市民在西湖边包粽子迎端午。`), with no quotation,
/// no colon and no dateline. A news brief tells more than one sentence, and a photo-news
/// item beside it (`……。图为……。`) is no caption in sentence form.
fn sentence_caption(cx: &Context<'_>, id: BlockId) -> bool {
    let block = &cx.draft.blocks[id];
    let text = cx.text[block.span.range()].trim();
    let opens = (crate::document::opens_news_lead(text) && !text.starts_with("记者"))
        || text.starts_with("这是");
    block.lines.len() == 1
        && text.ends_with('。')
        && one_sentence(text)
        && opens
        && crate::text::at_most_chars(text, 80)
        && han_count(text) >= 8
        && !text.contains('摄')
        && !crate::text::contains_any(text, &['“', '”', '「', '」', '"', '：', ':'])
        && !crate::document::starts_with_dateline(text)
        && [id - 1, id + 1].iter().all(|&n| {
            let neighbour = &cx.draft.blocks[n];
            one_sentence(&cx.text[neighbour.span.range()])
        })
}

/// True when `text` holds exactly one sentence-final mark.
fn one_sentence(text: &str) -> bool {
    text.matches(['。', '！', '？']).count() == 1
}

/// A line that credits the page's pictures once for all of them: `本版图片由大同市摄影家
/// 协会提供`, `本组图片均由新华社发`, `（本版摄影 王海）`, and `资料图片` on a line of its
/// own. A note that names no page (`图片由红旗社区提供`) may be one item's.
fn notes_pictures(text: &str) -> bool {
    const PAGE: [&str; 6] = ["本版", "本组", "本页", "本期", "本专版", "本专题"];
    let text = text
        .trim()
        .trim_matches(['（', '）', '(', ')', '【', '】'])
        .trim();
    if !crate::text::at_most_chars(text, 40) {
        return false;
    }
    let paged = (PAGE.iter().filter_map(|p| text.strip_prefix(p)))
        .any(|rest| ["图", "照片", "摄影"].iter().any(|w| rest.starts_with(w)));
    paged || matches!(text, "资料图片" | "资料照片")
}

/// True when `text` says who took the pictures no credit names: `（照片除署名外均为本报记者
/// 蒋铎摄）`, wherever it stands.
fn credits_the_rest(text: &str) -> bool {
    text.contains("除署名外") || text.contains("除署名者外")
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

    /// A page of pictures credited one by one, a run of captions under a signed item and
    /// a caption in sentence form among credited ones each lack a credit — unless a note
    /// credits the page's pictures at once, or those no credit names.
    #[test]
    fn a_note_for_the_whole_page_credits_every_picture() {
        let pages = [
            (
                "镜头里的古城之夏\n\n编者按：盛夏时节，古城处处涌动着生机与活力。\n\n\
                 古城墙上，市民在夜色中健步\n本报记者 王海 摄\n\n孩子们在御河生态园戏水消暑\n\n\
                 市民在鼓楼东街品尝特色小吃\n本报记者 李敏 摄\n",
                vec!["孩子们在御河生态园戏水消暑"],
            ),
            (
                "新建文化广场投用\n\n本报讯（记者 王海）近日，口泉街道新建的文化广场正式投入使用。\n\n\
                 居民在新建的文化广场上跳广场舞\n\n广场设有健身器材区、儿童游乐区等功能区\n",
                vec!["居民在新建的文化广场上跳广场舞", "广场设有健身器材区、儿童游乐区等功能区"],
            ),
            (
                "新世纪第一天\n\n本报讯（记者 蒋铎）1日，本报记者在首都北京用镜头记录下人们喜迎新世纪的瞬间。\n\n\
                 1月1日，北京西站邮局职工向旅客送上新世纪第一天的报纸。（本报记者张悦摄）\n\n\
                 1月1日，许多人在图书大厦度过了世纪之初有意义的一天。\n\n\
                 1月1日，西单商业街的大钟引人驻足。（本报记者蒋铎摄）\n",
                vec!["1月1日，许多人在图书大厦度过了世纪之初有意义的一天。"],
            ),
        ];
        let notes = [
            "本版图片由大同市摄影家协会提供",
            "（本版摄影 王海）",
            "资料图片",
            "本组照片均为本报记者王海摄",
            "（照片除署名外均为本报记者蒋铎摄）",
        ];
        for (page, want) in pages {
            assert_eq!(found(page), want);
            for note in notes {
                assert!(found(&format!("{page}\n{note}\n")).is_empty(), "{note}");
            }
        }
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
