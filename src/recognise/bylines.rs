//! The byline recogniser: datelines and reporter credits at the head of an
//! article (`本报讯（记者 王海）`, `新华社北京6月10日电（记者 A、B）`, `本报北京1月4日讯 记者王海报道：`),
//! credits on their own line (`本报记者 王海 通讯员 李敏`), trailing credits (`……。（王海 李敏）`)
//! and photo credits (`本报记者 王海 摄`, `（王海摄）`, `摄影：王海`, `王海/摄`).
//!
//! It records what was printed — lead, roles, names, each with its span — and how the print
//! deviates from the configured house style, so that rules only report deviations, and so
//! that fixes are rebuilt from the parsed parts ([`Byline::house_form`],
//! [`PhotoCredit::house_form`]) rather than by editing the raw text.
//!
//! A dateline is recognised only at the start of a block: `本报讯` quoted or inside a sentence
//! is not a lead.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::persons::{is_compound_surname, is_surname};
use super::Input;
use crate::config::{BylineConfig, BylineForm, BylinePosition, NameSeparator, ParenWidth};
use crate::document::{BlockId, BlockKind, Draft};
use crate::text::{contains_any, is_han, Span};

/// Everything the recogniser found in one draft, in document order.
#[derive(Clone, Debug, Default)]
pub struct Bylines {
    pub bylines: Vec<Byline>,
    pub photo_credits: Vec<PhotoCredit>,
}

impl Bylines {
    /// The bylines of article `article` (an index into `Draft::articles`).
    pub fn of_article(&self, article: usize) -> impl Iterator<Item = &Byline> + '_ {
        self.bylines
            .iter()
            .filter(move |b| b.article == Some(article))
    }

    /// The photo credit printed in `block`, if any.
    pub fn photo_credit_in(&self, block: BlockId) -> Option<&PhotoCredit> {
        self.photo_credits.iter().find(|c| c.block == block)
    }

    /// True when `span` lies inside a recognised byline or photo credit.
    pub fn covers(&self, span: Span) -> bool {
        self.bylines.iter().any(|b| b.span.contains_span(span))
            || self
                .photo_credits
                .iter()
                .any(|c| c.span.contains_span(span))
    }

    /// True when `span` lies inside a byline or photo credit that departs from the house
    /// style: the byline rules rebuild it whole, so its punctuation is theirs to report.
    pub fn owns(&self, span: Span, style: &BylineConfig) -> bool {
        self.bylines
            .iter()
            .any(|b| !b.deviations.is_empty() && b.span.contains_span(span))
            || self
                .photo_credits
                .iter()
                .any(|c| c.deviates(style) && c.span.contains_span(span))
    }

    /// Every reporter's name printed in a house byline or photo credit, in order of first
    /// appearance, with how many bylines and credits name them.
    pub fn house_reporters(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        let names = self
            .bylines
            .iter()
            .filter(|b| b.is_house() && b.place != BylinePlace::Author)
            .flat_map(|b| b.credit.iter().flat_map(|c| c.staff_names()))
            .chain(self.photo_credits.iter().flat_map(|c| c.staff_names()));
        for name in names {
            match out.iter_mut().find(|(n, _)| *n == name.text) {
                Some((_, count)) => *count += 1,
                None => out.push((name.text.clone(), 1)),
            }
        }
        out
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
    /// A writer's name alone under the headline, as commentaries and features are signed:
    /// `胡昭衡`. Not a reporter's credit: neither its form nor its place is the house's
    /// concern, and the roster does not list outside writers.
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
    /// How the printed byline departs from the house style; empty when it follows it.
    pub deviations: Vec<Deviation>,
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
}

impl Lead {
    /// True for the paper's own datelines (`本报…`).
    pub fn is_house(&self) -> bool {
        self.agency == "本报" && !self.via
    }

    /// The dateline as the house prints it: no spaces, no colon.
    pub fn house_form(&self) -> String {
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
    /// In parentheses; `halfwidth` when they are ASCII `(` `)`.
    Paren { halfwidth: bool },
    /// `记者王海报道：` after the dateline.
    Reported,
    /// Bare words: a credit line of its own.
    Bare,
}

/// The reporters of a byline, in role groups: `记者 王海 李敏 通讯员 张强`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credit {
    /// The credit as printed, parentheses or `报道：` included.
    pub span: Span,
    pub form: CreditForm,
    pub groups: Vec<RoleGroup>,
    /// `文/图`: the reporters also took the photos.
    pub text_and_photo: bool,
    /// The separators printed between names of one group, reduced to `" "`, `"、"`, or the
    /// messy form as typed (`"、 "`, `"  "`).
    pub separators: Vec<String>,
    /// False when a reporter is named but the names run into the text and cannot be cut
    /// out (`记者王海从会上获悉`): the byline counts as signed, and nothing else is judged.
    pub complete: bool,
}

impl Credit {
    /// Every name of the credit, in order.
    pub fn names(&self) -> impl Iterator<Item = &Name> + '_ {
        self.groups.iter().flat_map(|g| g.names.iter())
    }

    /// Names credited as the paper's reporters: with a staff role, or with no role at all.
    pub fn staff_names(&self) -> impl Iterator<Item = &Name> + '_ {
        self.groups
            .iter()
            .filter(|g| g.role.as_ref().is_none_or(|r| is_staff_role(&r.text)))
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

/// A person's name in a credit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// As printed, padding included (`孙 露`).
    pub span: Span,
    /// The name itself, without padding: `孙露`.
    pub text: String,
    /// A two-character name printed with a space to align it with three-character names.
    pub padded: bool,
}

impl Name {
    /// The name as the house prints it: padding kept, normalised to one space.
    fn house_form(&self) -> String {
        if self.padded {
            let mut chars = self.text.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            format!("{first} {}", chars.as_str())
        } else {
            self.text.clone()
        }
    }
}

/// A way a byline departs from the house style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deviation {
    /// ASCII `(` `)` where the house prints `（` `）` (or the other way round).
    ParenWidth,
    /// No role word before the first names: `本报讯（王海）`.
    MissingRole,
    /// Names separated by something other than the house separator.
    Separator { found: String },
    /// Spaces where the house prints none, or none where it prints one.
    Spacing,
    /// `本报讯：` — a colon after the dateline.
    LeadColon,
    /// A parenthesised credit where the house reports (`记者王海报道：`), or the reverse.
    Form,
}

impl Deviation {
    /// What is wrong, in a few Chinese words, for messages.
    pub fn describe(&self, style: &BylineConfig) -> String {
        match self {
            Deviation::ParenWidth => match style.parens {
                ParenWidth::Fullwidth => "使用了半角括号".to_owned(),
                ParenWidth::Halfwidth => "使用了全角括号".to_owned(),
            },
            Deviation::MissingRole => "缺少身份词“记者”".to_owned(),
            Deviation::Separator { found } => {
                let found = match found.as_str() {
                    "" => "无间隔".to_owned(),
                    " " => "空格".to_owned(),
                    other => format!("“{}”", other.trim()),
                };
                let want = match style.separator {
                    NameSeparator::Space => "空格",
                    NameSeparator::Dun => "“、”",
                };
                format!("姓名之间用{found}分隔，应为{want}")
            }
            Deviation::Spacing => "空格不合规范".to_owned(),
            Deviation::LeadColon => "电头后多了冒号".to_owned(),
            Deviation::Form => match style.form {
                BylineForm::Paren => "应为括号署名".to_owned(),
                BylineForm::Reported => "应为“记者某某报道：”式署名".to_owned(),
            },
        }
    }
}

impl Byline {
    /// True for the paper's own bylines: a `本报` dateline, a credit line, or a trailing
    /// credit of names.
    pub fn is_house(&self) -> bool {
        self.lead.as_ref().is_none_or(Lead::is_house)
    }

    /// True when the byline names at least one reporter.
    pub fn has_names(&self) -> bool {
        self.credit
            .as_ref()
            .is_some_and(|c| c.names().next().is_some() || !c.complete)
    }

    /// The byline rebuilt in the house style from its parsed parts, for the text of
    /// [`Byline::span`]. `None` when the parts are not certain enough to rebuild it.
    pub fn house_form(&self, style: &BylineConfig) -> Option<String> {
        let lead = self.lead.as_ref().map(Lead::house_form).unwrap_or_default();
        let Some(credit) = &self.credit else {
            return Some(lead);
        };
        if !credit.complete {
            return None;
        }
        let credit_text = render_credit(credit, style, self.place, self.lead.is_some())?;
        Some(format!("{lead}{credit_text}"))
    }
}

/// A house credit built from role groups, for inserting where a byline is missing.
pub fn house_byline(lead: &str, names: &[String], style: &BylineConfig) -> String {
    let credit = Credit {
        span: Span::default(),
        form: CreditForm::Paren { halfwidth: false },
        groups: vec![RoleGroup {
            role: Some(Role {
                span: Span::default(),
                text: "记者".to_owned(),
            }),
            names: names
                .iter()
                .map(|n| Name {
                    span: Span::default(),
                    text: n.clone(),
                    padded: false,
                })
                .collect(),
        }],
        text_and_photo: false,
        separators: Vec::new(),
        complete: true,
    };
    let place = match style.position {
        BylinePosition::Lead => BylinePlace::Lead,
        BylinePosition::End => BylinePlace::Trailing,
    };
    let credit =
        render_credit(&credit, style, place, place == BylinePlace::Lead).unwrap_or_default();
    match place {
        BylinePlace::Trailing => credit,
        _ => format!("{lead}{credit}"),
    }
}

fn render_credit(
    credit: &Credit,
    style: &BylineConfig,
    place: BylinePlace,
    after_lead: bool,
) -> Option<String> {
    let sep = style.separator.as_str();
    let reported = place == BylinePlace::Lead && after_lead && style.form == BylineForm::Reported;
    let mut parts = Vec::new();
    for (i, group) in credit.groups.iter().enumerate() {
        let role = match &group.role {
            Some(role) => Some(role.text.clone()),
            // A lead credit names its reporters' role; a trailing credit of names needs none.
            None if i == 0 && place != BylinePlace::Trailing => Some("记者".to_owned()),
            None => None,
        };
        let names: Vec<String> = group.names.iter().map(Name::house_form).collect();
        if names
            .iter()
            .any(|n| n.chars().count() > 4 && !n.contains('·'))
        {
            return None;
        }
        let names = names.join(sep);
        parts.push(match (role, reported) {
            (Some(role), true) => format!("{role}{names}"),
            (Some(role), false) if names.is_empty() => role,
            (Some(role), false) => format!("{role} {names}"),
            (None, _) => names,
        });
    }
    let mut body = parts.join(if reported { sep } else { " " });
    if credit.text_and_photo {
        body.push_str(" 文/图");
    }
    Some(match (place, reported) {
        (BylinePlace::CreditLine, _) => body,
        (_, true) => format!(" {body}报道："),
        _ => match style.parens {
            ParenWidth::Fullwidth => format!("（{body}）"),
            ParenWidth::Halfwidth => format!("({body})"),
        },
    })
}

/// How a photo credit is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoForm {
    /// `本报记者 王海 摄`, `王海 摄`: the house form when spaced as the house spaces it.
    Plain,
    /// `（本报记者 王海 摄）`, `（王海摄）`.
    Paren { halfwidth: bool },
    /// `摄影：王海`.
    Colon,
    /// `王海/摄`.
    Slash,
    /// `新华社发`, `…供图`, `（资料图片）`: a source, not a photographer.
    Source,
    /// A credit ending in `摄` whose names could not be told from the caption.
    Unparsed,
}

/// A photo credit at the end of a caption or photo-news item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoCredit {
    pub span: Span,
    pub block: BlockId,
    pub form: PhotoForm,
    pub role: Option<Role>,
    pub names: Vec<Name>,
    /// True when the printed spacing differs from `本报记者 王海 摄`.
    pub spacing_off: bool,
    /// True when the names are separated by something other than the house separator.
    pub separator_off: bool,
    /// True when the credit does not stand apart from the caption text before it.
    pub glued_to_text: bool,
}

impl PhotoCredit {
    /// True when the credit is not in the house form.
    pub fn deviates(&self, style: &BylineConfig) -> bool {
        let roster_role = self.role.is_none()
            && !style.roster.is_empty()
            && !self.names.is_empty()
            && self.names.iter().all(|n| style.roster.contains(&n.text));
        match self.form {
            PhotoForm::Source | PhotoForm::Unparsed => false,
            PhotoForm::Plain => self.spacing_off || self.separator_off || roster_role,
            PhotoForm::Paren { .. } | PhotoForm::Colon | PhotoForm::Slash => true,
        }
    }

    /// The credit rebuilt in the house form `本报记者 王海 摄`, for the text of
    /// [`PhotoCredit::span`]; `None` for sources and credits whose names are uncertain.
    pub fn house_form(&self, style: &BylineConfig) -> Option<String> {
        if matches!(self.form, PhotoForm::Source | PhotoForm::Unparsed) || self.names.is_empty() {
            return None;
        }
        if self
            .names
            .iter()
            .any(|n| n.text.chars().count() > 4 && !n.text.contains('·'))
        {
            return None;
        }
        let names: Vec<String> = self.names.iter().map(Name::house_form).collect();
        let names = names.join(style.separator.as_str());
        let role = match &self.role {
            Some(role) => Some(role.text.clone()),
            None if style.roster.is_empty()
                || self.names.iter().all(|n| style.roster.contains(&n.text)) =>
            {
                Some("本报记者".to_owned())
            }
            None => None,
        };
        let body = match role {
            Some(role) => format!("{role} {names} 摄"),
            None => format!("{names} 摄"),
        };
        Some(if self.glued_to_text {
            format!(" {body}")
        } else {
            body
        })
    }

    /// Names credited as the paper's photographers.
    pub fn staff_names(&self) -> impl Iterator<Item = &Name> + '_ {
        let staff = self.role.as_ref().is_none_or(|r| is_staff_role(&r.text));
        self.names.iter().filter(move |_| staff)
    }
}

/// The house photo credit for `names`: `本报记者 王海 摄`.
pub fn house_photo_credit(names: &[String], style: &BylineConfig) -> String {
    format!("本报记者 {} 摄", names.join(style.separator.as_str()))
}

/// Role words printed in credits, longest first so that `本报记者` wins over `记者`.
const ROLES: [&str; 22] = [
    "新华社特约记者",
    "本报特约记者",
    "本报首席记者",
    "本报见习记者",
    "中新社记者",
    "新华社记者",
    "本报实习生",
    "本报通讯员",
    "本报记者",
    "首席记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "摄影记者",
    "驻站记者",
    "特派记者",
    "实习生",
    "通讯员",
    "评论员",
    "记者",
    "文/图",
    "文／图",
];

/// Roles of the paper's own staff, whose names the roster lists.
pub fn is_staff_role(role: &str) -> bool {
    matches!(
        role,
        "记者"
            | "本报记者"
            | "首席记者"
            | "本报首席记者"
            | "见习记者"
            | "本报见习记者"
            | "摄影记者"
            | "驻站记者"
            | "特派记者"
            | "实习记者"
    )
}

/// True when `s` opens with a role word (`本报记者`, `新华社记者`, `通讯员` …).
pub fn starts_with_role(s: &str) -> bool {
    role_prefix(s).is_some()
}

/// The longest role word at the start of `s`.
fn role_prefix(s: &str) -> Option<&'static str> {
    ROLES
        .iter()
        .copied()
        .find(|role| s.starts_with(role) && !role.starts_with("文"))
}

/// News agencies whose datelines open a report, longest first.
const AGENCIES: [&str; 10] = [
    "中国新闻社",
    "本报",
    "新华社",
    "中新社",
    "中新网",
    "人民网",
    "新华网",
    "央视网",
    "央广网",
    "光明网",
];

pub fn recognise(input: &Input<'_>) -> Bylines {
    let draft = input.draft;
    let text = input.text;
    let style = &input.config.byline;
    let mut out = Bylines::default();
    // The article of each block, computed once: `Draft::article_of` searches.
    let mut article_of: Vec<Option<usize>> = vec![None; draft.blocks.len()];
    for (index, article) in draft.articles.iter().enumerate() {
        let ids = article
            .headline
            .iter()
            .chain(&article.paragraphs)
            .chain(&article.captions);
        for &id in ids {
            if let Some(slot) = article_of.get_mut(id) {
                *slot = Some(index);
            }
        }
    }
    for (id, block) in draft.blocks.iter().enumerate() {
        let Some(first_line) = block.lines.first() else {
            continue;
        };
        if draft.is_masked(Span::empty(first_line.start)) && draft.is_masked(*first_line) {
            continue;
        }
        let body_span = block.span;
        let body = &text[body_span.range()];
        let article = article_of[id];
        match block.kind {
            BlockKind::Paragraph | BlockKind::PhotoNews => {
                let mut lead_end = body_span.start;
                if let Some(byline) = lead_byline(body, body_span.start, id, article, style) {
                    lead_end = byline.span.end;
                    out.bylines.push(byline);
                }
                if block.kind == BlockKind::Paragraph {
                    if let Some(byline) = trailing_byline(body, body_span.start, id, article, style)
                    {
                        if byline.span.start >= lead_end {
                            out.bylines.push(byline);
                        }
                    }
                }
                if block.kind == BlockKind::PhotoNews {
                    out.photo_credits
                        .extend(photo_credit(body, body_span.start, id, style));
                }
            }
            BlockKind::Credit => {
                if let Some(byline) = credit_line(body, body_span.start, id, article, style) {
                    out.bylines.push(byline);
                }
            }
            BlockKind::Caption => {
                let credit = photo_credit(body, body_span.start, id, style);
                // Ex) （新华社北京12月31日电） on a line of its own, closing an item.
                if credit.is_none() && body.starts_with(['（', '(']) {
                    if let Some(byline) = trailing_byline(body, body_span.start, id, article, style)
                    {
                        if byline.span.start == body_span.start {
                            out.bylines.push(byline);
                        }
                    }
                }
                out.photo_credits.extend(credit);
            }
            BlockKind::Headline => {
                if let Some(byline) = author_line(draft, id, body, article) {
                    out.bylines.push(byline);
                }
            }
            BlockKind::Other => {}
        }
    }
    out
}

/// A block of one to three bare names above the body: the writer's signature (`胡昭衡`,
/// `赵国政 吕艺生`) under a headline. The parser takes it for a headline of its own.
fn author_line(draft: &Draft, id: BlockId, body: &str, article: Option<usize>) -> Option<Byline> {
    let next = draft.blocks.get(id + 1)?;
    if next.kind != BlockKind::Paragraph {
        return None;
    }
    let base = draft.blocks[id].span.start;
    let mut parsed = credit_body(body, base, true)?;
    let names: Vec<&Name> = parsed.credit.names().collect();
    if names.is_empty()
        || names.len() > 3
        || parsed.credit.groups.iter().any(|g| g.role.is_some())
        || !names.iter().all(|n| looks_like_name(&n.text))
    {
        return None;
    }
    parsed.credit.span = draft.blocks[id].span;
    Some(Byline {
        span: draft.blocks[id].span,
        block: id,
        article,
        place: BylinePlace::Author,
        lead: None,
        credit: Some(parsed.credit),
        deviations: Vec::new(),
    })
}

/// A dateline (and its credit) opening a paragraph.
fn lead_byline(
    body: &str,
    base: u32,
    block: BlockId,
    article: Option<usize>,
    style: &BylineConfig,
) -> Option<Byline> {
    let (lead, lead_len) = parse_lead(body)?;
    let lead_span = Span::new(base, base + lead_len as u32);
    let lead = Lead {
        span: lead_span,
        ..lead
    };
    let mut deviations = Vec::new();
    let rest = &body[lead_len..];
    // Ex) 本报讯：（记者 王海） / 本报讯 （记者 王海）
    let gap_len = rest.len() - rest.trim_start_matches(is_space).len();
    let after_gap = &rest[gap_len..];
    let colon_len = if after_gap.starts_with('：') {
        '：'.len_utf8()
    } else if after_gap.starts_with(':') {
        1
    } else {
        0
    };
    let after_colon = &after_gap[colon_len..];
    let gap2 = after_colon.len() - after_colon.trim_start_matches(is_space).len();
    let credit_start = lead_len + gap_len + colon_len + gap2;
    let credit_text = &body[credit_start..];
    let house_lead = lead.is_house();
    let mut credit = None;
    if credit_text.starts_with(['（', '(']) {
        if let Some((parsed, len)) = paren_credit(credit_text, base + credit_start as u32) {
            if house_lead || !parsed.credit.groups.is_empty() {
                credit = Some((parsed, len));
            }
        }
    } else if let Some(role) = role_prefix(credit_text) {
        credit = reported_credit(credit_text, base + credit_start as u32).or_else(|| {
            // Ex) 本报北京1月1日讯记者江世杰、王政从全国铁路工作会议获悉 — a reporter is
            // named, but where the names end cannot be told.
            let role_span = Span::new(
                base + credit_start as u32,
                base + (credit_start + role.len()) as u32,
            );
            Some((
                ParsedCredit {
                    credit: Credit {
                        span: role_span,
                        form: CreditForm::Reported,
                        groups: vec![RoleGroup {
                            role: Some(Role {
                                span: role_span,
                                text: role.to_owned(),
                            }),
                            names: Vec::new(),
                        }],
                        text_and_photo: false,
                        separators: Vec::new(),
                        complete: false,
                    },
                    deviations: Vec::new(),
                },
                role.len(),
            ))
        });
    }
    let span_end;
    match &credit {
        Some((parsed, len)) => {
            span_end = credit_start + len;
            if colon_len > 0 {
                deviations.push(Deviation::LeadColon);
            }
            if gap_len + gap2 > 0 && !(parsed.credit.form == CreditForm::Reported && colon_len == 0)
            {
                deviations.push(Deviation::Spacing);
            }
        }
        None => {
            span_end = lead_len;
            // Ex) 本报讯：近日，… — the colon belongs to the dateline.
            if colon_len > 0 && house_lead {
                deviations.push(Deviation::LeadColon);
            }
        }
    }
    let span_end = if credit.is_none() && colon_len > 0 {
        lead_len + gap_len + colon_len
    } else {
        span_end
    };
    let credit = credit.map(|(parsed, _)| parsed);
    if let Some(parsed) = &credit {
        if !parsed.credit.complete {
            // Nothing more can be judged of a credit whose names cannot be cut out.
        } else if house_lead {
            deviations.extend(parsed.deviations.iter().cloned());
            credit_deviations(&parsed.credit, style, BylinePlace::Lead, &mut deviations);
        } else if let CreditForm::Paren { halfwidth } = parsed.credit.form {
            // Wire copy keeps its agency's style; only the parentheses follow the house.
            if halfwidth != (style.parens == ParenWidth::Halfwidth) {
                deviations.push(Deviation::ParenWidth);
            }
        }
    }
    dedup(&mut deviations);
    Some(Byline {
        span: Span::new(base, base + span_end as u32),
        block,
        article,
        place: BylinePlace::Lead,
        lead: Some(lead),
        credit: credit.map(|p| p.credit),
        deviations,
    })
}

fn dedup(deviations: &mut Vec<Deviation>) {
    let mut seen = Vec::new();
    deviations.retain(|d| {
        if seen.contains(d) {
            false
        } else {
            seen.push(d.clone());
            true
        }
    });
}

/// The house-style deviations of a parsed credit that depend on where it stands.
fn credit_deviations(
    credit: &Credit,
    style: &BylineConfig,
    place: BylinePlace,
    acc: &mut Vec<Deviation>,
) {
    match (credit.form, style.form, place) {
        (CreditForm::Paren { halfwidth }, BylineForm::Paren, _)
        | (CreditForm::Paren { halfwidth }, BylineForm::Reported, BylinePlace::Trailing)
            if halfwidth != (style.parens == ParenWidth::Halfwidth) =>
        {
            acc.push(Deviation::ParenWidth);
        }
        (CreditForm::Paren { .. }, BylineForm::Paren, _)
        | (CreditForm::Paren { .. }, BylineForm::Reported, BylinePlace::Trailing) => {}
        (CreditForm::Paren { .. }, BylineForm::Reported, _) => acc.push(Deviation::Form),
        (CreditForm::Reported, BylineForm::Paren, _) => acc.push(Deviation::Form),
        _ => {}
    }
    if place != BylinePlace::Trailing && credit.groups.first().is_some_and(|g| g.role.is_none()) {
        acc.push(Deviation::MissingRole);
    }
    let house = style.separator.as_str();
    if let Some(found) = credit.separators.iter().find(|sep| sep.as_str() != house) {
        acc.push(Deviation::Separator {
            found: found.clone(),
        });
    }
}

/// A credit body parsed into role groups, with the deviations seen while parsing.
struct ParsedCredit {
    credit: Credit,
    deviations: Vec<Deviation>,
}

/// `（记者 王海 李敏）` at the start of `s`: the credit and its byte length.
fn paren_credit(s: &str, base: u32) -> Option<(ParsedCredit, usize)> {
    let halfwidth = s.starts_with('(');
    let open_len = if halfwidth { 1 } else { '（'.len_utf8() };
    let close = s[open_len..].find(['）', ')'])? + open_len;
    let inner = &s[open_len..close];
    if inner.chars().count() > 40 {
        return None;
    }
    // Ex) （本报记者 王海 报道）
    let inner = inner.strip_suffix("报道").unwrap_or(inner);
    let close_len = s[close..].chars().next()?.len_utf8();
    let mixed = s[close..].starts_with(')') != halfwidth;
    let mut parsed = credit_body(inner, base + open_len as u32, true)?;
    parsed.credit.form = CreditForm::Paren {
        halfwidth: halfwidth && !mixed,
    };
    if mixed {
        parsed.deviations.push(Deviation::ParenWidth);
    }
    let total = close + close_len;
    parsed.credit.span = Span::new(base, base + total as u32);
    Some((parsed, total))
}

/// `记者王海报道：` at the start of `s` (the reported form of older dailies).
fn reported_credit(s: &str, base: u32) -> Option<(ParsedCredit, usize)> {
    let window: usize = s.char_indices().nth(48).map_or(s.len(), |(i, _)| i);
    let at = s[..window].find("报道")?;
    let inner = &s[..at];
    if contains_any(inner, &['，', '。', '；', '“']) {
        return None;
    }
    let after = &s[at + "报道".len()..];
    let colon = if after.starts_with('：') {
        '：'.len_utf8()
    } else if after.starts_with(':') {
        1
    } else {
        0
    };
    let mut parsed = credit_body(inner.trim_end_matches(is_space), base, false)?;
    parsed.credit.form = CreditForm::Reported;
    let total = at + "报道".len() + colon;
    parsed.credit.span = Span::new(base, base + total as u32);
    Some((parsed, total))
}

/// A credit on a line of its own: `本报记者 王海 通讯员 李敏`.
fn credit_line(
    body: &str,
    base: u32,
    block: BlockId,
    article: Option<usize>,
    style: &BylineConfig,
) -> Option<Byline> {
    let mut parsed = credit_body(body, base, true)?;
    parsed.credit.form = CreditForm::Bare;
    parsed.credit.span = Span::new(base, base + body.len() as u32);
    let mut deviations = parsed.deviations;
    credit_deviations(
        &parsed.credit,
        style,
        BylinePlace::CreditLine,
        &mut deviations,
    );
    dedup(&mut deviations);
    Some(Byline {
        span: parsed.credit.span,
        block,
        article,
        place: BylinePlace::CreditLine,
        lead: None,
        credit: Some(parsed.credit),
        deviations,
    })
}

/// A credit closing a paragraph: `……。（王海 李敏）`, or a wire dateline
/// `……。（新华社北京12月31日电）`.
fn trailing_byline(
    body: &str,
    base: u32,
    block: BlockId,
    article: Option<usize>,
    style: &BylineConfig,
) -> Option<Byline> {
    let trimmed = body.trim_end_matches(is_space);
    if !trimmed.ends_with(['）', ')']) {
        return None;
    }
    let open = trimmed.rfind(['（', '('])?;
    let before = trimmed[..open].trim_end_matches(is_space);
    // A credit closes a finished sentence, or stands alone.
    if !before.is_empty()
        && !before.ends_with(|c: char| {
            matches!(c, '。' | '！' | '？' | '”' | '…' | '」' | '』' | '!' | '?')
        })
    {
        return None;
    }
    let paren = &trimmed[open..];
    let open_len = paren.chars().next()?.len_utf8();
    let close_len = paren.chars().next_back()?.len_utf8();
    let inner = &paren[open_len..paren.len() - close_len];
    let span = Span::new(base + open as u32, base + trimmed.len() as u32);
    let halfwidth = paren.starts_with('(');
    // Ex) （新华社北京12月31日电） （据新华社电）
    if let Some((lead, lead_len)) = parse_lead(inner) {
        if lead_len == inner.len() {
            let lead_span = Span::new(
                span.start + open_len as u32,
                span.start + (open_len + lead_len) as u32,
            );
            return Some(Byline {
                span,
                block,
                article,
                place: BylinePlace::Trailing,
                lead: Some(Lead {
                    span: lead_span,
                    ..lead
                }),
                credit: None,
                deviations: Vec::new(),
            });
        }
    }
    if inner.contains('摄') {
        return None;
    }
    let inner = inner.strip_suffix("报道").unwrap_or(inner);
    let mut parsed = credit_body(inner, span.start + open_len as u32, true)?;
    // A trailing group of bare names must look like names: a surname, two to four characters.
    let has_role = parsed.credit.groups.iter().any(|g| g.role.is_some());
    if !has_role
        && !parsed
            .credit
            .names()
            .all(|n| looks_like_name(&n.text) || style.roster.contains(&n.text))
    {
        return None;
    }
    parsed.credit.names().next()?;
    parsed.credit.form = CreditForm::Paren { halfwidth };
    parsed.credit.span = span;
    let mut deviations = parsed.deviations;
    credit_deviations(
        &parsed.credit,
        style,
        BylinePlace::Trailing,
        &mut deviations,
    );
    dedup(&mut deviations);
    Some(Byline {
        span,
        block,
        article,
        place: BylinePlace::Trailing,
        lead: None,
        credit: Some(parsed.credit),
        deviations,
    })
}

/// True when `s` reads as a Chinese personal name: two to four Han characters opening with a
/// common surname, or a transcribed name joined by `·`.
pub fn looks_like_name(s: &str) -> bool {
    if s.contains('·') {
        return s.chars().all(|c| is_han(c) || c == '·') && s.chars().count() >= 3;
    }
    let n = s.chars().count();
    if !(2..=4).contains(&n) || !s.chars().all(is_han) {
        return false;
    }
    // Ex) （全文另发） （完） （待续） — notes, not names.
    const NOT_NAMES: [&str; 8] = [
        "全文", "续完", "待续", "未完", "图片", "附图", "资料", "下转",
    ];
    if NOT_NAMES.iter().any(|w| s.starts_with(w)) {
        return false;
    }
    if is_compound_surname(s) {
        return n >= 3;
    }
    n <= 3 && s.chars().next().is_some_and(is_surname)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

/// A dateline at the start of `s`, and its byte length.
fn parse_lead(s: &str) -> Option<(Lead, usize)> {
    let (via, rest) = match s.strip_prefix('据') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let agency = AGENCIES.iter().copied().find(|a| rest.starts_with(a))?;
    let after = &rest[agency.len()..];
    // Ex) 本报记者近日走访 — a sentence about the paper, not a dateline.
    if after.starts_with("记者")
        || after.starts_with("编辑")
        || after.starts_with("评论员")
        || after.starts_with("通讯员")
    {
        return None;
    }
    let mut place_date = String::new();
    let mut chars = 0;
    for (i, ch) in after.char_indices() {
        if ch == '讯' || ch == '电' {
            if via && ch != '电' {
                return None;
            }
            let mut word = ch.to_string();
            if ch == '电' && place_date.ends_with('专') {
                place_date.pop();
                word = "专电".to_owned();
            }
            if place_date.contains("记者") || place_date.contains("报道") {
                return None;
            }
            // A place-and-date dateline names a day or is short enough to be a place name.
            let han = place_date.chars().filter(|c| is_han(*c)).count();
            if !(place_date.is_empty() || place_date.contains('日') || han <= 8) {
                return None;
            }
            let len = (s.len() - rest.len()) + agency.len() + i + ch.len_utf8();
            return Some((
                Lead {
                    span: Span::default(),
                    agency: agency.to_owned(),
                    via,
                    place_date,
                    word,
                },
                len,
            ));
        }
        chars += 1;
        if chars > 20 {
            return None;
        }
        let date_char = ch.is_ascii_digit()
            || ('０'..='９').contains(&ch)
            || matches!(ch, '年' | '月' | '日' | '〇' | '○');
        if is_space(ch) {
            continue;
        }
        if !(is_han(ch) || date_char) {
            return None;
        }
        place_date.push(ch);
    }
    None
}

/// One token of a credit body.
struct Token<'a> {
    start: usize,
    text: &'a str,
}

/// Parses the words of a credit — roles, names, `文/图` — into role groups. `spaced` is true
/// where the house separates role and name with a space (parenthesised and line credits).
/// `None` when something in it is not a credit.
fn credit_body(s: &str, base: u32, spaced: bool) -> Option<ParsedCredit> {
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut seps: Vec<String> = Vec::new();
    let mut current_sep = String::new();
    let mut start = None;
    for (i, ch) in s.char_indices() {
        let sep = is_space(ch) || matches!(ch, '、' | '，' | ',' | '；');
        if sep {
            if let Some(st) = start.take() {
                tokens.push(Token {
                    start: st,
                    text: &s[st..i],
                });
                seps.push(std::mem::take(&mut current_sep));
            }
            current_sep.push(if ch == '\u{3000}' || ch == '\t' || ch == '\u{a0}' {
                ' '
            } else {
                ch
            });
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        tokens.push(Token {
            start: st,
            text: &s[st..],
        });
        seps.push(std::mem::take(&mut current_sep));
    }
    // seps[i] is the separator *before* token i.
    let leading_space = seps.first().is_some_and(|s| !s.is_empty());
    let trailing_space = !current_sep.is_empty();
    if tokens.is_empty() {
        return None;
    }
    let mut deviations = Vec::new();
    if leading_space || trailing_space {
        deviations.push(Deviation::Spacing);
    }
    // Items: roles and names with the separator before each.
    enum Item {
        Role(Role),
        Name(Name, String),
        TextAndPhoto,
    }
    let mut items: Vec<Item> = Vec::new();
    for (token, sep) in tokens.iter().zip(&seps) {
        let mut text = token.text;
        let mut offset = token.start;
        if matches!(text, "文/图" | "文／图" | "图/文" | "图／文") {
            items.push(Item::TextAndPhoto);
            continue;
        }
        let mut sep = sep.clone();
        let mut first = true;
        while !text.is_empty() {
            if let Some(role) = role_prefix(text) {
                items.push(Item::Role(Role {
                    span: Span::new(base + offset as u32, base + (offset + role.len()) as u32),
                    text: role.to_owned(),
                }));
                text = &text[role.len()..];
                offset += role.len();
                if !text.is_empty() && spaced {
                    // Ex) （记者王海） — the house puts a space between role and name.
                    deviations.push(Deviation::Spacing);
                }
                sep = String::new();
                first = false;
                continue;
            }
            if !text.chars().all(|c| is_han(c) || c == '·' || c == '•') {
                return None;
            }
            let _ = first;
            items.push(Item::Name(
                Name {
                    span: Span::new(base + offset as u32, base + (offset + text.len()) as u32),
                    text: text.replace('•', "·"),
                    padded: false,
                },
                sep.clone(),
            ));
            break;
        }
    }
    // Merge padded two-character names: `孙 露`.
    let mut merged: Vec<Item> = Vec::new();
    for item in items {
        if let Item::Name(name, sep) = &item {
            if let Some(Item::Name(prev, _)) = merged.last_mut() {
                let one = |n: &Name| n.text.chars().count() == 1;
                if one(prev) && one(name) && !prev.padded && sep.trim().is_empty() {
                    prev.text.push_str(&name.text);
                    prev.span = prev.span.cover(name.span);
                    prev.padded = true;
                    continue;
                }
            }
            let _ = sep;
        }
        merged.push(item);
    }
    let mut groups: Vec<RoleGroup> = Vec::new();
    let mut text_and_photo = false;
    let mut name_seps: Vec<String> = Vec::new();
    for item in merged {
        match item {
            Item::Role(role) => groups.push(RoleGroup {
                role: Some(role),
                names: Vec::new(),
            }),
            Item::Name(name, sep) => {
                if groups.is_empty() {
                    groups.push(RoleGroup {
                        role: None,
                        names: Vec::new(),
                    });
                }
                let group = groups.last_mut().unwrap();
                if !group.names.is_empty() {
                    name_seps.push(sep);
                }
                group.names.push(name);
            }
            Item::TextAndPhoto => text_and_photo = true,
        }
    }
    // A single token that glues several names together: split it at a surname.
    for group in &mut groups {
        let mut split = Vec::new();
        for name in group.names.drain(..) {
            split.extend(split_glued(name));
        }
        group.names = split;
    }
    if groups
        .iter()
        .all(|g| g.names.is_empty() && g.role.is_none())
        && !text_and_photo
    {
        return None;
    }
    let credit = Credit {
        span: Span::default(),
        form: CreditForm::Bare,
        groups,
        text_and_photo,
        separators: name_seps.iter().map(|sep| normalise_sep(sep)).collect(),
        complete: true,
    };
    Some(ParsedCredit { credit, deviations })
}

/// A separator as typed, reduced to what it is: `" "`, `"、"`, or the messy form.
fn normalise_sep(sep: &str) -> String {
    let trimmed = sep.trim_matches(' ');
    match (trimmed, sep) {
        ("", " ") => " ".to_owned(),
        ("", _) => "  ".to_owned(),
        (t, s) if t.chars().count() == 1 && s == t => t.to_owned(),
        (t, _) => format!("{t} "),
    }
}

/// Splits a run of names printed without a separator (`王海李敏`) where the split is certain:
/// each part a name opening with a common surname. Otherwise the run stays whole.
fn split_glued(name: Name) -> Vec<Name> {
    let chars: Vec<(usize, char)> = name.text.char_indices().collect();
    if chars.len() <= 4 || name.text.contains('·') {
        return vec![name];
    }
    let mut splits = Vec::new();
    for (k, &(at, _)) in chars.iter().enumerate().take(chars.len() - 1).skip(2) {
        let (left, right) = name.text.split_at(at);
        if looks_like_name(left)
            && looks_like_name(right)
            && left.chars().count() <= 3
            && right.chars().count() <= 3
        {
            splits.push(k);
        }
    }
    if splits.len() != 1 {
        return vec![name];
    }
    let at = chars[splits[0]].0;
    let (left, right) = name.text.split_at(at);
    vec![
        Name {
            span: Span::new(name.span.start, name.span.start + at as u32),
            text: left.to_owned(),
            padded: false,
        },
        Name {
            span: Span::new(name.span.start + at as u32, name.span.end),
            text: right.to_owned(),
            padded: false,
        },
    ]
}

/// The photo credit ending a caption or photo-news block, if any.
fn photo_credit(
    body: &str,
    base: u32,
    block: BlockId,
    style: &BylineConfig,
) -> Option<PhotoCredit> {
    let trimmed = body.trim_end_matches(is_space);
    let sep = style.separator.as_str();
    let make = |start: usize, form: PhotoForm| PhotoCredit {
        span: Span::new(base + start as u32, base + trimmed.len() as u32),
        block,
        form,
        role: None,
        names: Vec::new(),
        spacing_off: false,
        separator_off: false,
        glued_to_text: false,
    };
    // Ex) （本报记者 王海 摄） （王海摄） (王海 摄)
    if trimmed.ends_with(['）', ')']) {
        let open = trimmed.rfind(['（', '('])?;
        let paren = &trimmed[open..];
        let open_len = paren.chars().next()?.len_utf8();
        let inner = &paren[open_len..paren.len() - paren.chars().next_back()?.len_utf8()];
        let inner_trim = inner.trim_end_matches(is_space);
        if let Some(words) = inner_trim.strip_suffix('摄') {
            let mut credit = make(
                open,
                PhotoForm::Paren {
                    halfwidth: paren.starts_with('('),
                },
            );
            credit.glued_to_text =
                open > 0 && !trimmed[..open].ends_with(|c: char| is_space(c) || is_clause_end(c));
            let words = words.trim_end_matches(['/', '／']);
            match photo_words(words, base + (open + open_len) as u32, sep) {
                Some((role, names, _, _)) => {
                    credit.role = role;
                    credit.names = names;
                }
                None => credit.form = PhotoForm::Unparsed,
            }
            return Some(credit);
        }
        if is_source(inner_trim) {
            return Some(make(open, PhotoForm::Source));
        }
        return None;
    }
    if is_source(trimmed) {
        let start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        return Some(make(start, PhotoForm::Source));
    }
    // Ex) 摄影：王海 / 摄影:王海
    if let Some(at) = trimmed.rfind("摄影") {
        let after = &trimmed[at + "摄影".len()..];
        let after_colon = after
            .strip_prefix('：')
            .or_else(|| after.strip_prefix(':'))
            .map(|a| a.trim_start_matches(is_space));
        if let Some(names_text) = after_colon {
            let names_base = trimmed.len() - names_text.len();
            if let Some((role, names, _, _)) =
                photo_words(names_text, base + names_base as u32, sep)
            {
                if !names.is_empty() && names.iter().all(|n| looks_like_name(&n.text)) {
                    let mut credit = make(at, PhotoForm::Colon);
                    credit.role = role;
                    credit.names = names;
                    credit.glued_to_text = at > 0
                        && !trimmed[..at].ends_with(|c: char| is_space(c) || is_clause_end(c));
                    return Some(credit);
                }
            }
        }
        return None;
    }
    let words = trimmed.strip_suffix('摄')?;
    // Ex) 王海/摄
    let slash = words.ends_with(['/', '／']);
    let words = words.trim_end_matches(['/', '／']);
    let space_before_she = words.ends_with(is_space);
    let words = words.trim_end_matches(is_space);
    // Find where the credit starts: walk back over role and name tokens.
    let (start, role, names, spacing_off, separator_off) = credit_tail(words, base, sep)?;
    let form = if slash {
        PhotoForm::Slash
    } else if names.is_empty() {
        PhotoForm::Unparsed
    } else {
        PhotoForm::Plain
    };
    let mut credit = make(start, form);
    credit.role = role;
    credit.names = names;
    credit.spacing_off = spacing_off || (!slash && !space_before_she);
    credit.separator_off = separator_off;
    Some(credit)
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '”' | '）' | '…' | '，' | '；' | '：'
    )
}

fn is_source(s: &str) -> bool {
    s.ends_with("供图")
        || s.ends_with("资料图片")
        || s.ends_with("社发")
        || s.ends_with("/图")
        || s.ends_with("／图")
}

/// Role and names of a photo credit's words (`本报记者 王海`, `本报记者王海`, `王海 李敏`).
#[allow(clippy::type_complexity)]
fn photo_words(
    s: &str,
    base: u32,
    house_sep: &str,
) -> Option<(Option<Role>, Vec<Name>, bool, bool)> {
    let parsed = credit_body(s.trim_matches(is_space), base + leading(s) as u32, true)?;
    if parsed.credit.groups.len() != 1 {
        return None;
    }
    let spacing_off = parsed.deviations.contains(&Deviation::Spacing);
    let separator_off = parsed.credit.separators.iter().any(|sep| sep != house_sep);
    let group = parsed.credit.groups.into_iter().next()?;
    // Ex) （本栏照片均为本报驻澳大利亚记者李学江摄） — words, not a list of names.
    if group.names.is_empty()
        || group
            .names
            .iter()
            .any(|n| n.text.chars().count() > 4 && !n.text.contains('·'))
    {
        return None;
    }
    Some((group.role, group.names, spacing_off, separator_off))
}

fn leading(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

/// The credit at the end of a caption's words (`……锻炼 本报记者 王海`): where it starts, its
/// role and names. An unparsed credit (names glued to the caption) gives no names.
/// The roles a photo credit's tail may hold (every role but `文/图`), searched at once:
/// leftmost-first gives where the first of them starts.
fn credit_roles() -> &'static AhoCorasick {
    static ROLES_IN_CREDITS: OnceLock<AhoCorasick> = OnceLock::new();
    ROLES_IN_CREDITS.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(ROLES.iter().filter(|r| !r.starts_with('文')))
            .expect("roles build an automaton")
    })
}

#[allow(clippy::type_complexity)]
fn credit_tail(
    words: &str,
    base: u32,
    house_sep: &str,
) -> Option<(usize, Option<Role>, Vec<Name>, bool, bool)> {
    // Tokens from the end, split at spaces and 、.
    let mut start = words.len();
    let mut candidate: Option<usize> = None;
    let mut names_seen = 0;
    loop {
        let head = words[..start].trim_end_matches(|c: char| is_space(c) || c == '、');
        if head.is_empty() {
            break;
        }
        let token_start = head
            .rfind(|c: char| is_space(c) || c == '、' || is_clause_end(c))
            .map_or(0, |i| i + head[i..].chars().next().unwrap().len_utf8());
        let token = &head[token_start..];
        // A token holding a role word: the credit starts at the role.
        if let Some(role_at) = credit_roles().find(token).map(|m| m.start()) {
            let rest = &token[role_at..];
            let role = role_prefix(rest)?;
            let name_part = &rest[role.len()..];
            if name_part.is_empty() || looks_like_name(name_part) || name_part.chars().count() <= 4
            {
                candidate = Some(token_start + role_at);
                start = token_start;
                if role_at > 0 {
                    break;
                }
                continue;
            }
            break;
        }
        if looks_like_name(token) && names_seen < 3 && token.chars().count() <= 4 {
            names_seen += 1;
            if candidate.is_none() || candidate == Some(token_start + token.len()) {
                candidate = Some(token_start);
            }
            // Ex) 锻炼 王海 摄 — a run of names stops at the caption text.
            candidate = Some(candidate.unwrap().min(token_start));
            start = token_start;
            continue;
        }
        // Padded name `孙 露`: two one-character tokens.
        if token.chars().count() == 1 && token.chars().all(is_han) {
            start = token_start;
            candidate = Some(token_start);
            continue;
        }
        break;
    }
    let Some(cstart) = candidate else {
        // The names are glued to the caption: a credit, but its names are unknown.
        return Some((words.len(), None, Vec::new(), false, false));
    };
    let credit_words = &words[cstart..];
    let (role, names, spacing_off, separator_off) =
        photo_words(credit_words, base + cstart as u32, house_sep)?;
    // A name run without a role must be set off from the caption by a space.
    if role.is_none()
        && cstart != 0
        && !words[..cstart].ends_with(|c: char| is_space(c) || c == '、')
    {
        return Some((words.len(), None, Vec::new(), false, false));
    }
    Some((cstart, role, names, spacing_off, separator_off))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::document::{parse, DraftKind};

    fn recognise_text(text: &str, config: &Config) -> Bylines {
        let draft = parse(text, DraftKind::Text);
        let input = Input {
            text,
            draft: &draft,
            config,
            issue_date: None,
            path: None,
            gazetteer: crate::gazetteer::Gazetteer::builtin(),
        };
        recognise(&input)
    }

    fn names(b: &Byline) -> Vec<String> {
        b.credit
            .as_ref()
            .map(|c| c.names().map(|n| n.text.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn house_lead_follows_house_style() {
        let config = Config::default();
        let text = "标题\n\n本报讯（记者 王海 李敏 通讯员 张强）近日，社区举办活动。\n";
        let found = recognise_text(text, &config);
        assert_eq!(found.bylines.len(), 1);
        let b = &found.bylines[0];
        assert_eq!(
            &text[b.span.range()],
            "本报讯（记者 王海 李敏 通讯员 张强）"
        );
        assert_eq!(names(b), ["王海", "李敏", "张强"]);
        assert!(b.deviations.is_empty(), "{:?}", b.deviations);
        assert_eq!(b.house_form(&config.byline).unwrap(), &text[b.span.range()]);
    }

    #[test]
    fn padded_and_dotted_names_are_one_name() {
        let config = Config::default();
        let text = "本报讯（记者 孙 露 阿卜杜拉·艾买提）近日，社区举办活动。\n";
        let found = recognise_text(text, &config);
        let b = &found.bylines[0];
        assert_eq!(names(b), ["孙露", "阿卜杜拉·艾买提"]);
        assert!(b.deviations.is_empty(), "{:?}", b.deviations);
        assert_eq!(b.house_form(&config.byline).unwrap(), &text[b.span.range()]);
    }

    #[test]
    fn deviations_are_found_and_fixed_from_parts() {
        let config = Config::default();
        let text = "本报讯(王海、李敏)近日，社区举办活动。\n";
        let found = recognise_text(text, &config);
        let b = &found.bylines[0];
        assert!(b.deviations.contains(&Deviation::ParenWidth));
        assert!(b.deviations.contains(&Deviation::MissingRole));
        assert!(b
            .deviations
            .iter()
            .any(|d| matches!(d, Deviation::Separator { .. })));
        assert_eq!(
            b.house_form(&config.byline).unwrap(),
            "本报讯（记者 王海 李敏）"
        );
    }

    #[test]
    fn wire_and_reported_leads() {
        let config = Config::default();
        let text = "新华社北京6月27日电（记者 李超碧、晏明）柬埔寨举行仪式。\n\n本报北京12月31日讯记者吴坤胜报道：记者今天获悉。\n";
        let found = recognise_text(text, &config);
        assert_eq!(found.bylines.len(), 2);
        assert!(found.bylines[0].deviations.is_empty());
        assert_eq!(names(&found.bylines[0]), ["李超碧", "晏明"]);
        assert_eq!(names(&found.bylines[1]), ["吴坤胜"]);
        assert!(found.bylines[1].deviations.contains(&Deviation::Form));
        assert_eq!(
            found.bylines[1].house_form(&config.byline).unwrap(),
            "本报北京12月31日讯（记者 吴坤胜）"
        );
    }

    #[test]
    fn reported_and_end_house_styles() {
        let mut config = Config::default();
        config.byline.form = BylineForm::Reported;
        config.byline.separator = NameSeparator::Dun;
        let text = "本报讯 记者王海、李敏报道：近日，社区举办活动。\n\n本报讯（记者 王海）8日，社区举办讲座。\n";
        let found = recognise_text(text, &config);
        assert!(
            found.bylines[0].deviations.is_empty(),
            "{:?}",
            found.bylines[0]
        );
        assert_eq!(found.bylines[1].deviations, [Deviation::Form]);
        assert_eq!(
            found.bylines[1].house_form(&config.byline).unwrap(),
            "本报讯 记者王海报道："
        );

        let mut config = Config::default();
        config.byline.position = BylinePosition::End;
        let text = "本报讯 近日，社区举办了活动。（王海 李敏）\n";
        let found = recognise_text(text, &config);
        let trailing = found
            .bylines
            .iter()
            .find(|b| b.place == BylinePlace::Trailing)
            .unwrap();
        assert!(trailing.deviations.is_empty(), "{trailing:?}");
        assert_eq!(
            trailing.house_form(&config.byline).unwrap(),
            "（王海 李敏）"
        );
    }

    #[test]
    fn lead_only_at_block_start() {
        let config = Config::default();
        let text = "他说：“本报讯（记者 王海）是我们的开头。”\n";
        assert!(recognise_text(text, &config).bylines.is_empty());
    }

    #[test]
    fn trailing_credit_and_wire_dateline() {
        let config = Config::default();
        let text = "社区举办了活动。（王海 李敏）\n\n会议在北京举行。（新华社北京12月31日电）\n\n活动持续一天。（完）\n";
        let found = recognise_text(text, &config);
        assert_eq!(found.bylines.len(), 2, "{:?}", found.bylines);
        assert_eq!(found.bylines[0].place, BylinePlace::Trailing);
        assert_eq!(names(&found.bylines[0]), ["王海", "李敏"]);
        assert!(found.bylines[1].lead.is_some());
    }

    #[test]
    fn photo_credits_in_their_forms() {
        let config = Config::default();
        let style = &config.byline;
        let cases = [
            (
                "居民在健身广场锻炼 本报记者 王海 摄",
                false,
                "本报记者 王海 摄",
            ),
            ("居民在健身广场锻炼 王海 摄", false, "本报记者 王海 摄"),
            ("居民在健身广场锻炼 摄影：王海", true, "本报记者 王海 摄"),
            ("居民在健身广场锻炼 王海/摄", true, "本报记者 王海 摄"),
            ("居民在健身广场锻炼（王海摄）", true, " 本报记者 王海 摄"),
            (
                "居民在健身广场锻炼 (本报记者 王海 摄)",
                true,
                "本报记者 王海 摄",
            ),
        ];
        for (text, deviates, house) in cases {
            let found = recognise_text(&format!("{text}\n"), &config);
            let credit = &found.photo_credits[0];
            assert_eq!(credit.deviates(style), deviates, "{text}: {credit:?}");
            assert_eq!(credit.names[0].text, "王海", "{text}");
            assert_eq!(credit.house_form(style).unwrap(), house, "{text}");
        }
    }
}
