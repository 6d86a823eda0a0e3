//! The byline recogniser: datelines and reporter credits at the head of an article
//! (`本报讯（记者 王海）`, `新华社北京6月10日电（记者 A、B）`, `本报北京1月4日讯 记者王海报道：`),
//! credits on their own line (`本报记者 王海 通讯员 李敏`), trailing credits (`……。（王海 李敏）`)
//! and photo credits (`本报记者 王海 摄`, `（王海摄）`, `摄影：王海`, `王海/摄`).
//!
//! It records what was printed and how: the dateline, the credit's form and parentheses,
//! its role groups and names, the separators between names and the spacing, each part with
//! its span. It does not know the house style: whether a form is the house's, and what the
//! house form of a credit is, is for the rules to judge from these facts, and fixes are
//! rebuilt from the parsed parts rather than by editing the raw text.
//!
//! A dateline is recognised only at the start of a block: `本报讯` quoted or inside a sentence
//! is not a lead.

mod bare;
mod credit;
mod lead;
mod names;
mod photo;
mod placed;
mod roles;
#[cfg(test)]
mod tests;

use roles::is_credit_mark;
pub(crate) use roles::starts_with_role;

use std::sync::OnceLock;

use super::Input;
use crate::document::{BlockId, BlockKind, Draft, COLUMN_HEADINGS};
use crate::text::{Span, SpansByStart};
use roles::{is_staff_role, RoleWords};

/// Everything the recogniser found in one draft, in document order.
#[derive(Clone, Debug, Default)]
pub struct Bylines {
    pub bylines: Vec<Byline>,
    pub photo_credits: Vec<PhotoCredit>,
    /// Built from the lists above on the first question and kept (the lists are not changed
    /// once the recogniser has made them): rules ask article by article and block by block,
    /// and a page of thousands of items must not cost a scan of every byline each.
    index: OnceLock<Index>,
}

/// Positions in [`Bylines`]' lists, ordered by what they are asked by; equal keys keep
/// document order.
#[derive(Clone, Debug, Default)]
struct Index {
    by_article: Vec<(usize, u32)>,
    credits_by_block: Vec<(BlockId, u32)>,
    /// The articles with a byline in their lead, in order.
    with_lead: Vec<usize>,
    bylines_by_span: SpansByStart<usize>,
    credits_by_span: SpansByStart<usize>,
}

impl Bylines {
    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut by_article: Vec<(usize, u32)> = (self.bylines.iter().zip(0..))
                .filter_map(|(b, i)| Some((b.article?, i)))
                .collect();
            by_article.sort_by_key(|&(article, _)| article);
            let mut credits_by_block: Vec<(BlockId, u32)> = (self.photo_credits.iter().zip(0..))
                .map(|(c, i)| (c.block, i))
                .collect();
            credits_by_block.sort_by_key(|&(block, _)| block);
            let mut with_lead: Vec<usize> = (by_article.iter())
                .filter(|&&(_, i)| self.bylines[i as usize].place == BylinePlace::Lead)
                .map(|&(article, _)| article)
                .collect();
            with_lead.dedup();
            Index {
                by_article,
                credits_by_block,
                with_lead,
                bylines_by_span: SpansByStart::new(self.bylines.iter().map(|b| b.span).zip(0..)),
                credits_by_span: SpansByStart::new(
                    self.photo_credits.iter().map(|c| c.span).zip(0..),
                ),
            }
        })
    }

    /// The bylines of article `article` (an index into `Draft::articles`).
    pub fn of_article(&self, article: usize) -> impl Iterator<Item = &Byline> + '_ {
        let by_article = &self.index().by_article;
        let first = by_article.partition_point(|&(a, _)| a < article);
        (by_article[first..].iter())
            .take_while(move |&&(a, _)| a == article)
            .map(|&(_, i)| &self.bylines[i as usize])
    }

    /// Whether article `article` has a byline in its lead (`本报讯（记者 王海）`).
    pub fn has_lead_byline(&self, article: usize) -> bool {
        self.index().with_lead.binary_search(&article).is_ok()
    }

    /// The photo credit printed in `block`, if any.
    pub fn photo_credit_in(&self, block: BlockId) -> Option<&PhotoCredit> {
        let by_block = &self.index().credits_by_block;
        let first = by_block.partition_point(|&(b, _)| b < block);
        (by_block.get(first))
            .filter(|&&(b, _)| b == block)
            .map(|&(_, i)| &self.photo_credits[i as usize])
    }

    /// The bylines whose span contains `span`.
    pub fn bylines_around(&self, span: Span) -> impl Iterator<Item = &Byline> + '_ {
        (self.index().bylines_by_span.containing(span)).map(|&i| &self.bylines[i])
    }

    /// The photo credits whose span contains `span`.
    pub fn credits_around(&self, span: Span) -> impl Iterator<Item = &PhotoCredit> + '_ {
        (self.index().credits_by_span.containing(span)).map(|&i| &self.photo_credits[i])
    }

    /// The spans of every name credited in a byline or photo credit, in order.
    pub fn credited_names(&self) -> Vec<Span> {
        let bylines = self.bylines.iter().filter_map(|b| b.credit.as_ref());
        let names = bylines.flat_map(|c| c.names().map(|n| n.span));
        let credits = self
            .photo_credits
            .iter()
            .flat_map(|c| c.names().map(|n| n.span));
        let mut spans: Vec<Span> = names.chain(credits).collect();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        spans.dedup_by(|b, a| b.start < a.end);
        spans
    }

    /// True when `span` lies inside a recognised byline or photo credit.
    pub fn covers(&self, span: Span) -> bool {
        self.bylines_around(span).next().is_some() || self.credits_around(span).next().is_some()
    }
}

/// Where on the page a byline stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BylinePlace {
    /// At the start of a paragraph: `本报讯（记者 王海）……`.
    Lead,
    /// A block of its own: `本报记者 王海 通讯员 李敏`.
    CreditLine,
    /// At the end of a paragraph: `……。（王海 李敏）`, `（新华社北京12月31日电）`.
    Trailing,
    /// Inside a paragraph, not at its start: `8日，本报讯（记者 王海）社区……` — the paper's own
    /// dateline and credit put in the wrong place.
    Inside,
    /// A writer's name alone under the headline, as commentaries and features are signed:
    /// `胡昭衡`. Not a reporter's credit: neither its form nor its place is the house's
    /// concern, and the roster does not list outside writers.
    Author,
}

/// Which of the forms papers print a byline takes: what a count of a page's bylines by
/// form, to tell the form a draft uses most, is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BylineShape {
    /// The paper's own dateline with a credit in parentheses: `本报讯（记者 王海）`.
    Paren,
    /// The paper's own dateline with a reported credit: `本报讯 记者王海报道：`.
    Reported,
    /// The paper's own dateline naming nobody: `本报讯 近日……` (desk copy).
    Dateline,
    /// The paper's own dateline with a credit printed without its parentheses:
    /// `本报讯 记者王海 8日，……` — a slip, no house's form.
    Unbracketed,
    /// A credit on a line of its own: `本报记者 王海 通讯员 李敏`.
    CreditLine,
    /// A credit closing a paragraph: `……。（王海 李敏）`.
    Trailing,
    /// Wire copy, at the lead or closing the item: `新华社北京6月27日电（记者 A、B）`,
    /// `（新华社北京12月31日电）`.
    Wire,
    /// A writer's name under the headline.
    Author,
}

/// One byline: a dateline, a credit, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Byline {
    /// From the first character of the dateline (or credit) to the end of the credit,
    /// including a reported form's `报道：`.
    pub span: Span,
    pub block: BlockId,
    pub article: Option<usize>,
    pub place: BylinePlace,
    pub lead: Option<Lead>,
    pub credit: Option<Credit>,
}

impl Byline {
    /// True for the paper's own bylines: a `本报` dateline, a credit line, or a trailing
    /// credit of names.
    pub fn is_own(&self) -> bool {
        self.lead.as_ref().is_none_or(Lead::is_own)
    }

    /// True when the byline names at least one reporter.
    pub fn has_names(&self) -> bool {
        self.credit
            .as_ref()
            .is_some_and(|c| c.names().next().is_some() || !c.complete)
    }

    /// The form the byline takes.
    pub fn shape(&self) -> BylineShape {
        if !self.is_own() {
            return BylineShape::Wire;
        }
        match self.place {
            BylinePlace::Lead | BylinePlace::Inside => match self.credit.as_ref().map(|c| c.form) {
                None => BylineShape::Dateline,
                Some(CreditForm::Reported) => BylineShape::Reported,
                Some(CreditForm::Unbracketed) => BylineShape::Unbracketed,
                Some(_) => BylineShape::Paren,
            },
            BylinePlace::CreditLine => BylineShape::CreditLine,
            BylinePlace::Trailing => BylineShape::Trailing,
            BylinePlace::Author => BylineShape::Author,
        }
    }
}

/// A dateline: `本报讯`, `本报北京6月10日电`, `据新华社北京6月10日电`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lead {
    pub span: Span,
    /// `本报`, `新华社`, `中新社` …
    pub agency: String,
    /// True for `据…电`: a report taken from another agency.
    pub via: bool,
    /// Place and date between the agency and `讯`/`电`, spaces removed: `北京6月10日`.
    pub place_date: String,
    /// `讯`, `电` or `专电`.
    pub word: String,
    /// A colon printed after the dateline: `本报讯：`.
    pub colon: bool,
    /// Spaces printed between the dateline and what follows it, before or after a colon.
    pub spaced: bool,
}

impl Lead {
    /// True for the paper's own datelines (`本报…`).
    pub fn is_own(&self) -> bool {
        self.agency == "本报" && !self.via
    }

    /// The dateline's words without spaces or colon: `据新华社北京6月10日电`.
    pub fn words(&self) -> String {
        format!(
            "{}{}{}{}",
            if self.via { "据" } else { "" },
            self.agency,
            self.place_date,
            self.word
        )
    }
}

/// How a credit is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditForm {
    /// In parentheses.
    Paren(Parens),
    /// `记者王海报道：` after the dateline.
    Reported,
    /// Bare words: a credit line of its own, or a writer's name.
    Bare,
    /// Bare words after a dateline, the parentheses left out: `本报讯 记者王海 8日，……`.
    Unbracketed,
}

/// The parentheses around a credit, each full-width (`（` `）`) or ASCII (`(` `)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Parens {
    /// `（王海）`
    Full,
    /// `(王海)`
    Half,
    /// `(王海）`
    HalfOpen,
    /// `（王海)`
    HalfClose,
}

impl Parens {
    /// The parentheses opened by `open` and closed by `close`.
    fn of(open: char, close: char) -> Parens {
        match (open == '(', close == ')') {
            (false, false) => Parens::Full,
            (true, true) => Parens::Half,
            (true, false) => Parens::HalfOpen,
            (false, true) => Parens::HalfClose,
        }
    }

    /// True when the opening parenthesis is ASCII.
    pub fn opens_half(self) -> bool {
        matches!(self, Parens::Half | Parens::HalfOpen)
    }

    /// True when the two parentheses differ in width.
    pub fn is_mixed(self) -> bool {
        matches!(self, Parens::HalfOpen | Parens::HalfClose)
    }
}

/// How the words of a credit are spaced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spacing {
    /// Spaces or separators just inside the credit's ends: `（ 记者 王海）`.
    pub loose_ends: bool,
    /// A role word run into the name after it: `记者王海`.
    pub role_joined: bool,
    /// A colon after a role word: `（记者：王海）`.
    pub role_colon: bool,
    /// Names run together without a separator (`王海李敏`), cut apart on the roster or on
    /// the shapes of names.
    pub names_glued: bool,
}

/// The reporters of a byline, in role groups: `记者 王海 李敏 通讯员 张强`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credit {
    /// The credit as printed, parentheses or `报道：` included.
    pub span: Span,
    pub form: CreditForm,
    pub groups: Vec<RoleGroup>,
    /// `文/图`, `文/视频`, `文/摄`: the reporters also made the pictures.
    pub media: Option<Media>,
    /// The separators printed between names of one group, reduced to `" "`, `"、"`, or the
    /// messy form as typed (`"、 "`, `"  "`).
    pub separators: Vec<String>,
    pub spacing: Spacing,
    /// False when a reporter is named but the names run into the text and cannot be cut
    /// out (`记者王海从会上获悉`): the byline counts as signed, and nothing else is known.
    pub complete: bool,
    /// An end credit naming its writer in words that need not be a person's name: a pen
    /// name or an institution (`（本报评论员）`). Neither its form nor the roster concerns it.
    pub free: bool,
}

/// What a credit says its reporters made besides the text: `文/图`, `文/视频`, as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    pub span: Span,
    pub text: String,
    /// Printed before the names (`（文/图 记者 王海）`) rather than after them.
    pub leading: bool,
}

impl Credit {
    /// Every name of the credit, in order.
    pub fn names(&self) -> impl Iterator<Item = &Name> + '_ {
        self.groups.iter().flat_map(|g| g.names.iter())
    }

    /// True when no name of the credit has a role: names alone (`（李敏）`, `□ 李小雨`).
    pub fn without_roles(&self) -> bool {
        self.groups.iter().all(|g| g.role.is_none())
    }

    /// Names credited as the paper's reporters: with a staff role, or with no role at all;
    /// never the pen name or institution of a free end credit.
    pub fn staff_names(&self) -> impl Iterator<Item = &Name> + '_ {
        self.groups
            .iter()
            .filter(|g| !self.free && g.role.as_ref().is_none_or(|r| is_staff_role(&r.text)))
            .flat_map(|g| g.names.iter())
    }
}

/// A role word and the names it introduces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleGroup {
    pub role: Option<Role>,
    pub names: Vec<Name>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub span: Span,
    /// `记者`, `本报记者`, `通讯员`, `新华社记者` …
    pub text: String,
}

impl Role {
    /// The organisation the role names: `新华社` for `新华社记者`, `本报` for `本报通讯员`.
    pub fn organisation(&self) -> Option<&str> {
        roles::organisation(&self.text)
    }
}

/// A person's name in a credit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// As printed, padding included (`孙 露`).
    pub span: Span,
    /// The name itself, without padding: `孙露`.
    pub text: String,
    /// A two-character name printed with a space to align it with three-character names.
    pub padded: bool,
    /// Printed run into the name before it, without a separator: `李敏` of `王海李敏`.
    pub joined: bool,
}

/// How a photo credit is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhotoForm {
    /// `本报记者 王海 摄`, `王海 摄`.
    Plain,
    /// `（本报记者 王海 摄）`, `（王海摄）`.
    Paren(Parens),
    /// `摄影：王海`.
    Colon,
    /// `王海摄影`, `本报记者 王海 摄影`: the word `摄影` after the names.
    WordAfter,
    /// `王海/摄`.
    Slash,
    /// `新华社发`, `…供图`, `（资料图片）`: a source, not a photographer.
    Source,
    /// A picture an agency sent, with its photographer printed as the agency prints it:
    /// `新华社发（胡攀学 摄）` (the credit is the parenthesised words), `（新华社发 刘文摄）`,
    /// `中新社发 王海 摄`; the parentheses, if any. Not the paper's own credit: its form,
    /// spacing and separators are the agency's.
    Agency(Option<Parens>),
    /// A credit ending in `摄` whose names could not be told from the caption.
    Unparsed,
}

/// A photo credit at the end of a caption or photo-news item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoCredit {
    pub span: Span,
    pub block: BlockId,
    pub form: PhotoForm,
    /// The photographers in role groups: `本报记者 王海 通讯员 李敏 张强 摄`.
    pub groups: Vec<RoleGroup>,
    /// `摄`, or `绘` for a drawing.
    pub verb: char,
    /// The separators printed between the names, as [`Credit::separators`].
    pub separators: Vec<String>,
    pub spacing: Spacing,
    /// `摄` set apart from the names by a space (`王海 摄`, not `王海摄`); always true for
    /// forms without a final `摄`.
    pub spaced_she: bool,
    /// True when no space sets the credit apart from the caption text before it.
    pub glued_to_text: bool,
    /// The first gap between the credit's words that is not one plain space: two spaces or
    /// more, an ideographic space, a tab (`本报记者  王海 摄`, `王海　摄`), or a space just
    /// inside its parentheses or beside its slash (`（ 王海 摄）`). The padding of a
    /// two-character name (`孙 露`, `孙　露`) is part of the name, not a gap.
    pub odd_gap: Option<Span>,
}

impl PhotoCredit {
    /// Every name of the credit, in order.
    pub fn names(&self) -> impl Iterator<Item = &Name> + '_ {
        self.groups.iter().flat_map(|g| g.names.iter())
    }

    /// True when the credit names a role word anywhere.
    pub fn has_role(&self) -> bool {
        self.groups.iter().any(|g| g.role.is_some())
    }

    /// Names credited as the paper's photographers: with a staff role, or with no role at
    /// all; never an agency's photographer.
    pub fn staff_names(&self) -> impl Iterator<Item = &Name> + '_ {
        let agency = matches!(self.form, PhotoForm::Agency(_));
        self.groups
            .iter()
            .filter(move |g| !agency && g.role.as_ref().is_none_or(|r| is_staff_role(&r.text)))
            .flat_map(|g| g.names.iter())
    }
}

pub fn recognise(input: &Input<'_>) -> Bylines {
    let draft = input.draft;
    let cx = Scan {
        text: input.text,
        roles: RoleWords::new(input.newsroom.roles),
        roster: input.newsroom.roster,
    };
    let article_of = draft.articles_by_block();
    // The last block of an article that may carry its end credit: sign-off lines, verse
    // and subheadings never do.
    let last_closing: Vec<Option<BlockId>> = (draft.articles.iter())
        .map(|article| {
            article.paragraphs.iter().rev().copied().find(|&p| {
                matches!(
                    draft.blocks[p].kind,
                    BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Credit
                )
            })
        })
        .collect();
    let closes: Vec<bool> = (0..draft.blocks.len())
        .map(|id| article_of[id].is_some_and(|a| last_closing[a] == Some(id)))
        .collect();
    let mut out = Bylines::default();
    for (id, block) in draft.blocks.iter().enumerate() {
        let Some(first_line) = block.lines.first() else {
            continue;
        };
        if draft.is_masked(Span::empty(first_line.start)) && draft.is_masked(*first_line) {
            continue;
        }
        let at = At {
            block: id,
            article: article_of[id],
            span: block.span,
            closes_article: closes[id],
        };
        cx.block(draft, block.kind, at, &mut out);
    }
    out
}

/// What the recogniser reads with: the text and what the newsroom told it.
struct Scan<'a> {
    text: &'a str,
    roles: RoleWords<'a>,
    /// The newsroom's reporters: a trailing group of names they sign is a credit even where
    /// the names do not look like names.
    roster: &'a [String],
}

/// The block being read.
#[derive(Clone, Copy)]
struct At {
    block: BlockId,
    article: Option<usize>,
    /// The block's span.
    span: Span,
    /// True for the last paragraph or credit of its article: where an end credit stands.
    closes_article: bool,
}

impl At {
    fn byline(
        self,
        span: Span,
        place: BylinePlace,
        lead: Option<Lead>,
        credit: Option<Credit>,
    ) -> Byline {
        Byline {
            span,
            block: self.block,
            article: self.article,
            place,
            lead,
            credit,
        }
    }
}

/// True when `body` is a reporter's column heading (`记者观察`, `□记者手记`): a role word
/// followed by one of [`COLUMN_HEADINGS`], not by a name.
fn heads_a_column(body: &str) -> bool {
    let words = body.trim_start_matches(is_credit_mark);
    COLUMN_HEADINGS
        .iter()
        .any(|h| words.find(h).is_some_and(|i| words[..i].ends_with("记者")))
}

impl Scan<'_> {
    /// The bylines and photo credits of one block, by what the parser took it for.
    fn block(&self, draft: &Draft, kind: BlockKind, at: At, out: &mut Bylines) {
        let body = &self.text[at.span.range()];
        match kind {
            // Ex) 全媒体记者王海、李敏 — a credit line a parser took for a broken paragraph.
            BlockKind::Paragraph if self.reads_as_credit_line(body) => {
                out.bylines.extend(self.credit_line(body, at));
            }
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::PhotoNews => {
                let mut lead_end = at.span.start;
                if let Some(byline) = self.lead_byline(body, at) {
                    lead_end = byline.span.end;
                    out.bylines.push(byline);
                }
                if kind != BlockKind::PhotoNews {
                    let trailing = (self.trailing_byline(body, at))
                        .filter(|byline| byline.span.start >= lead_end);
                    // Ex) 8日，本报讯（记者 王海）社区举办读书会。 — a lead credit out of place.
                    if at.article.is_some() {
                        let from = (lead_end - at.span.start) as usize;
                        let to = trailing
                            .as_ref()
                            .map_or(body.len(), |b| (b.span.start - at.span.start) as usize);
                        let inside = self.inside_bylines(body, at, from, to);
                        (out.bylines)
                            .extend(inside.into_iter().filter(|b| !draft.is_masked(b.span)));
                    }
                    out.bylines.extend(trailing);
                } else {
                    out.photo_credits.extend(self.photo_credit(body, at));
                }
            }
            BlockKind::Credit | BlockKind::Caption => {
                let credit = self.photo_credit(body, at);
                // Ex) （新华社北京12月31日电） （王海 李敏） on a line of its own, closing an item.
                if credit.is_none() && body.starts_with(['（', '(']) {
                    if let Some(byline) = self.trailing_byline(body, at) {
                        if byline.span.start == at.span.start {
                            out.bylines.push(byline);
                        }
                    }
                } else if credit.is_none()
                    && (kind == BlockKind::Credit || body.starts_with(is_credit_mark))
                {
                    out.bylines.extend(self.credit_line(body, at));
                }
                out.photo_credits.extend(credit);
            }
            // Ex) □本报记者 张靖 本报通讯员 郜敏 — a credit line above the lead, which a parser
            // that does not know the mark takes for a headline.
            // A column's heading there (`记者观察`) names no one.
            BlockKind::Headline if starts_with_role(body) && !heads_a_column(body) => {
                out.bylines.extend(self.credit_line(body, at));
            }
            BlockKind::Headline => out.bylines.extend(self.author_line(draft, body, at)),
            BlockKind::Subheading
            | BlockKind::Verse
            | BlockKind::Signoff
            | BlockKind::Other
            | BlockKind::Cell => {}
        }
    }
}
