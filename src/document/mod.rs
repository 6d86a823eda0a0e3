//! The draft model: a bulletin page parsed into articles, paragraphs and
//! captions, every node keeping its byte span in the original text.
//!
//! Parsing never fails: any string gives a `Draft`, possibly with no articles.

mod columns;
mod furniture;
mod issue_date;
mod markdown;
mod paragraphs;
mod parse;
mod sentence;

pub(crate) use columns::display_width;
pub(crate) use furniture::opens_list_item;
pub(crate) use issue_date::front_matter_date;
pub use issue_date::resolve_issue_date;
pub(crate) use markdown::{front_matter, masks, FrontMatter, Suppression};
pub use paragraphs::parse_paragraphs;
pub use parse::parse;
pub(crate) use parse::COLUMN_HEADINGS;
pub(crate) use sentence::{
    closing_picture_sentence, continues_sentence, ends_sentence, ends_with_photo_credit,
    ends_with_source_credit, leads_into, opens_lead, opens_news_lead, starts_with_dateline,
};

use crate::text::{Span, SpansByStart};

/// Plain text or Markdown, chosen by file extension (`.md`, `.markdown`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DraftKind {
    #[default]
    Text,
    Markdown,
}

impl DraftKind {
    pub(crate) fn from_path(path: Option<&std::path::Path>) -> DraftKind {
        match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
                DraftKind::Markdown
            }
            _ => DraftKind::Text,
        }
    }
}

/// Index of a block in [`Draft::blocks`].
pub(crate) type BlockId = usize;

/// A parsed draft.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub(crate) kind: DraftKind,
    /// Every block of the page, in order.
    pub blocks: Vec<Block>,
    pub articles: Vec<Article>,
    /// Photo-news items and captions that belong to no article.
    pub(crate) standalone: Vec<BlockId>,
    /// Regions never linted, sorted and disjoint: front matter, code, HTML comments, link
    /// targets.
    pub(crate) masked: Vec<Span>,
    pub front_matter: FrontMatter,
    /// `<!-- jiaodui-disable … -->` regions of Markdown drafts.
    pub(crate) suppressions: SpansByStart<Suppression>,
}

/// A run of non-blank lines (or one line, in files without blank lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// From the first content character to the end of the last line's content.
    pub span: Span,
    pub(crate) kind: BlockKind,
    /// Each line's content: without layout indentation (`　　`), Markdown line markers
    /// (`#`, `>`, list bullets) and the line ending.
    pub(crate) lines: Vec<Span>,
}

/// What a block is on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A short unpunctuated line followed by an article body, or a Markdown heading.
    Headline,
    /// Running text: a lead or body paragraph.
    Paragraph,
    /// A short unpunctuated block not followed by a body, a block starting `图为`/`图：`, or
    /// a short block ending in a photo credit.
    Caption,
    /// A news item told with a photo: running text ending in a photo credit.
    PhotoNews,
    /// A credit on its own line: `本报记者 王海 通讯员 李敏`.
    Credit,
    /// A heading inside an article: a numbered section heading (`一、先问居民要什么`), or a
    /// lone short line between body paragraphs.
    Subheading,
    /// A line of a list: `●楼道照明全部更换`, `（一）担任排级职务的；`, `１．5月17日，……`.
    ListItem,
    /// A line of a poem or a couplet, in a run of short lines that end without a stop on
    /// purpose.
    Verse,
    /// Who signs a letter or statement and when, under its last paragraph:
    /// `新开街道党工委` / `2024年1月10日`; and the page's own notes: who edited it
    /// (`责任编辑：李敏`), where its pictures come from, a QR-code prompt, an appendix's `附：`.
    Signoff,
    /// Markdown that is not prose (a fenced code block, a table's delimiter row, a thematic
    /// break).
    Other,
    /// A table cell (of a Markdown pipe table, without its pipes, or of a word-processor
    /// document) or a note of a word-processor document: text checked for punctuation,
    /// dates and places, outside every article, so that no rule of a page's structure
    /// (headlines, credits, captions, broken paragraphs) looks at it.
    Cell,
}

/// One news item: an optional headline, then its paragraphs (the first is the lead).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    pub(crate) span: Span,
    pub(crate) headline: Option<BlockId>,
    /// The other lines of the headline group: kicker (引题) or subtitle (副题). Each list
    /// of blocks is in page order.
    pub(crate) decks: Vec<BlockId>,
    /// Paragraph and credit blocks, in order, with the subheadings, list lines, verse and
    /// sign-off lines among them; the first paragraph is the lead.
    pub(crate) paragraphs: Vec<BlockId>,
    /// The captions below the article's text, in order.
    pub(crate) captions: Vec<BlockId>,
    /// The first paragraph block, found once the article is whole (see [`Article::lead`]).
    lead: Option<BlockId>,
}

impl Article {
    /// True while the article holds only its headline group and `block` comes right under
    /// it: another line of the group.
    fn is_headline_group_open(&self, block: BlockId) -> bool {
        let last = self.decks.last().copied().or(self.headline);
        self.paragraphs.is_empty() && self.captions.is_empty() && last == block.checked_sub(1)
    }

    /// Every block of the article: headline, decks, paragraphs, then captions.
    pub(crate) fn blocks(&self) -> impl Iterator<Item = BlockId> + Clone + '_ {
        self.headline
            .iter()
            .chain(&self.decks)
            .chain(&self.paragraphs)
            .chain(&self.captions)
            .copied()
    }

    /// The lead paragraph: the first paragraph block.
    pub(crate) fn lead(&self) -> Option<BlockId> {
        self.lead
    }
}

impl Draft {
    /// True when `span` touches a masked region.
    pub(crate) fn is_masked(&self, span: Span) -> bool {
        let i = self.masked.partition_point(|m| m.end <= span.start);
        self.masked
            .get(i)
            .is_some_and(|m| m.start < span.end || (span.is_empty() && m.contains(span.start)))
    }

    /// The parts of `span` outside masked regions.
    pub(crate) fn unmasked(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let first = self.masked.partition_point(|m| m.end <= span.start);
        let mut cursor = span.start;
        let mut masks = self.masked[first..]
            .iter()
            .take_while(move |m| m.start < span.end);
        let mut done = false;
        std::iter::from_fn(move || loop {
            if done {
                return None;
            }
            match masks.next() {
                Some(mask) => {
                    let piece = Span::new(cursor, mask.start.max(cursor));
                    cursor = cursor.max(mask.end);
                    if !piece.is_empty() {
                        return Some(piece);
                    }
                }
                None => {
                    done = true;
                    if cursor < span.end {
                        return Some(Span::new(cursor, span.end));
                    }
                    return None;
                }
            }
        })
    }

    /// Every lintable piece of prose on the page, in order: the unmasked parts of each line of
    /// each block that is not `Other`. Recognisers scan these.
    pub(crate) fn segments(&self) -> impl Iterator<Item = Span> + '_ {
        self.blocks
            .iter()
            .filter(|block| block.kind != BlockKind::Other)
            .flat_map(|block| block.lines.iter())
            .flat_map(|line| self.unmasked(*line))
    }

    /// The block holding `offset`, if any.
    pub fn block_at(&self, offset: u32) -> Option<BlockId> {
        let i = self.blocks.partition_point(|b| b.span.end < offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }

    /// The article holding each block, as [`Draft::article_of`] answers it, in one pass over
    /// the articles: for a rule that asks of block after block, where a search each would
    /// cost a page of thousands of blocks the square of its size.
    pub(crate) fn articles_by_block(&self) -> Vec<Option<usize>> {
        let mut of = vec![None; self.blocks.len()];
        for (index, article) in self.articles.iter().enumerate() {
            for block in article.blocks() {
                if let Some(slot) = of.get_mut(block) {
                    slot.get_or_insert(index);
                }
            }
        }
        of
    }

    /// The article holding `block`, if any.
    pub(crate) fn article_of(&self, block: BlockId) -> Option<usize> {
        // An article's lists are in page order (the parser groups blocks as it meets them),
        // so each is searched by halves: a page of thousands of blocks in one article must
        // not cost a scan of them for every block asked about.
        let holds = |a: &Article| {
            a.headline == Some(block)
                || a.decks.binary_search(&block).is_ok()
                || a.paragraphs.binary_search(&block).is_ok()
                || a.captions.binary_search(&block).is_ok()
        };
        // Articles are in page order, so the one starting last at or before the block is
        // the candidate; the scan is the fallback for a block outside every article's span.
        let start = self.blocks.get(block)?.span.start;
        let candidate = self.articles.partition_point(|a| a.span.start <= start);
        if let Some(i) = candidate.checked_sub(1) {
            if holds(&self.articles[i]) {
                return Some(i);
            }
        }
        self.articles.iter().position(holds)
    }

    /// Whether findings of `rule` at `span` are switched off by a suppression comment.
    pub(crate) fn is_suppressed(&self, rule: &str, span: Span) -> bool {
        (self.suppressions.reaching(span.start, span.start + 1)).any(|(_, s)| s.covers(rule, span))
    }
}
