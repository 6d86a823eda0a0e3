//! The house style of bylines, judged from what the byline recogniser found: how a printed
//! byline departs from `[byline]` in the configuration ([`deviations`]), and the byline
//! rebuilt in that style from its parsed parts ([`house_form`], [`house_byline`]), so that a
//! fix never edits the raw text and never changes a name, a role word or an organisation.
//!
//! The recogniser reports only the forms it read; every judgement of style is made here.

use crate::config::{BylineForm, BylinePosition, CreditSpacing, NameSeparator, ParenWidth};
use crate::diagnostic::Kind;
use crate::recognise::bylines::{
    Byline, BylinePlace, Bylines, Credit, CreditForm, Name, Parens, Role, RoleGroup, Spacing,
};
use crate::rules::style::{Choice, House};
use crate::text::Span;

/// A way a byline departs from the house style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Deviation {
    /// ASCII `(` `)` where the house prints `（` `）`, or parentheses of two widths: wrong in
    /// every style.
    ParenWidth,
    /// `（` `）` where the house explicitly prints ASCII parentheses (`parens = "halfwidth"`):
    /// the standard form, departing only from the house's choice.
    HouseParens,
    /// No role word before the first names: `本报讯（王海）`.
    MissingRole,
    /// Names separated by something other than the house separator.
    Separator { found: String },
    /// Stray spaces: inside the parentheses, or between a dateline and its credit.
    Spacing,
    /// The role run into the names where the house spaces them (`记者王海`), or spaced where
    /// the house runs them together (`记者 王海`).
    RoleSpacing { joined: bool },
    /// Names run together (`王海李敏`) where the house separates them (see [`glued_off`]).
    GluedNames,
    /// `本报讯：` — a colon after the dateline.
    LeadColon,
    /// `（记者：王海）` — a colon after the role word.
    RoleColon,
    /// A parenthesised credit where the house reports (`记者王海报道：`), or the reverse.
    Form,
    /// A credit after the dateline in neither form: its parentheses left out
    /// (`本报讯 记者王海 8日，……`).
    Unbracketed,
}

impl Deviation {
    /// Whether the deviation is wrong in every style or departs from the house's choice.
    pub(crate) fn kind(&self) -> Kind {
        match self {
            Deviation::Form
            | Deviation::HouseParens
            | Deviation::RoleSpacing { .. }
            | Deviation::GluedNames => Kind::Style,
            Deviation::Separator { found } if is_separator_option(found) => Kind::Style,
            _ => Kind::Error,
        }
    }

    /// What is wrong, in a few Chinese words, for messages.
    pub(crate) fn describe(&self, house: &House<'_>) -> String {
        match self {
            Deviation::ParenWidth => match house.parens {
                ParenWidth::Fullwidth => "使用了半角括号".to_owned(),
                ParenWidth::Halfwidth => "括号全角半角混用".to_owned(),
            },
            Deviation::HouseParens => "使用了全角括号，本报用半角括号".to_owned(),
            Deviation::MissingRole => "缺少身份词“记者”".to_owned(),
            Deviation::Separator { found } => {
                let found = match found.trim() {
                    "" if found.is_empty() => "无间隔".to_owned(),
                    "" if found == " " => "空格".to_owned(),
                    "" => "多个空格".to_owned(),
                    mark => format!("“{mark}”"),
                };
                // With no house separator, either standard one will do.
                let want = match house.separator.get() {
                    Some(NameSeparator::Space) => "空格",
                    Some(NameSeparator::Dun) => "“、”",
                    None => "空格或“、”",
                };
                format!("姓名之间用{found}分隔，应为{want}")
            }
            Deviation::Spacing => "有多余的空格".to_owned(),
            Deviation::RoleSpacing { joined: true } => "身份词与姓名之间应空一格".to_owned(),
            Deviation::RoleSpacing { joined: false } => "身份词与姓名之间不空格".to_owned(),
            Deviation::GluedNames => match house.separator.get() {
                Some(NameSeparator::Space) => "姓名连写，应用空格分隔".to_owned(),
                Some(NameSeparator::Dun) => "姓名连写，应用“、”分隔".to_owned(),
                None => "姓名连写，应分隔".to_owned(),
            },
            Deviation::LeadColon => "电头后多了冒号".to_owned(),
            Deviation::RoleColon => "身份词后多了冒号".to_owned(),
            Deviation::Form => match house.form.get() {
                Some(BylineForm::Reported) => "应为“记者某某报道：”式署名".to_owned(),
                _ => "应为括号署名".to_owned(),
            },
            Deviation::Unbracketed => match house.form.get() {
                Some(BylineForm::Reported) => "应为“记者某某报道：”式署名".to_owned(),
                _ => "缺少括号".to_owned(),
            },
        }
    }
}

/// The separators that are options of the house style: a space, or `、`.
fn is_separator_option(sep: &str) -> bool {
    matches!(sep, " " | "、")
}

/// How `byline` departs from the house style, in the order messages name them; empty when
/// it follows it. Wire copy keeps its agency's style: only its parentheses are the house's.
/// A free end credit (a pen name, an institution) is judged by its parentheses alone.
pub(crate) fn deviations(byline: &Byline, house: &House<'_>) -> Vec<Deviation> {
    let mut out = Vec::new();
    match (byline.place, &byline.lead, &byline.credit) {
        // A lead credit out of place is judged as the lead it will be moved to.
        (BylinePlace::Lead | BylinePlace::Inside, Some(lead), credit) => {
            match credit {
                Some(credit) => {
                    if lead.colon {
                        out.push(Deviation::LeadColon);
                    }
                    // Ex) 本报讯 记者王海报道： — the reported form sets its credit apart; a
                    // credit without its parentheses is rebuilt whole.
                    let apart =
                        matches!(credit.form, CreditForm::Reported | CreditForm::Unbracketed);
                    if lead.spaced && (!apart || lead.colon) {
                        out.push(Deviation::Spacing);
                    }
                }
                // Ex) 本报讯：近日，…
                None if lead.colon && lead.is_own() => out.push(Deviation::LeadColon),
                None => {}
            }
            match credit {
                // Nothing more can be judged of a credit whose names cannot be cut out.
                Some(credit) if !credit.complete => {}
                Some(credit) if lead.is_own() => {
                    credit_deviations(credit, house, BylinePlace::Lead, &mut out);
                }
                Some(credit) => {
                    if let CreditForm::Paren(parens) = credit.form {
                        if parens.is_mixed() {
                            out.push(Deviation::ParenWidth);
                        } else {
                            out.extend(paren_width(parens == Parens::Half, house));
                        }
                    }
                }
                None => {}
            }
        }
        (BylinePlace::Trailing, _, Some(credit)) if credit.free => {
            if let CreditForm::Paren(parens) = credit.form {
                out.extend(paren_width(parens.opens_half(), house));
            }
        }
        // Ex) 新华社记者 李紫薇、刘金海 — another organisation's credit keeps its style, as
        // its wire lead does.
        (BylinePlace::CreditLine | BylinePlace::Trailing, _, Some(credit))
            if credits_another_organisation(credit) =>
        {
            if let CreditForm::Paren(parens) = credit.form {
                out.extend(paren_width(parens.opens_half(), house));
            }
        }
        (BylinePlace::CreditLine | BylinePlace::Trailing, _, Some(credit)) => {
            credit_deviations(credit, house, byline.place, &mut out);
        }
        _ => {}
    }
    dedup(&mut out);
    out
}

/// True when every role of the credit names an organisation other than the paper
/// (`新华社记者`, `新快报记者`).
fn credits_another_organisation(credit: &Credit) -> bool {
    let mut roles = credit.groups.iter().map(|g| g.role.as_ref());
    roles.all(|role| {
        role.and_then(|r| r.organisation())
            .is_some_and(|o| o != "本报")
    })
}

fn half_house(house: &House<'_>) -> bool {
    house.parens == ParenWidth::Halfwidth
}

/// How parentheses of one width (`half`: ASCII) depart from the house's: ASCII ones where
/// the house prints full-width ones are wrong in every style; full-width ones where the
/// house has chosen ASCII ones depart only from its choice.
fn paren_width(half: bool, house: &House<'_>) -> Option<Deviation> {
    match (half, half_house(house)) {
        (true, false) => Some(Deviation::ParenWidth),
        (false, true) => Some(Deviation::HouseParens),
        _ => None,
    }
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

/// The deviations of one of the paper's own credits, standing at `place`.
fn credit_deviations(
    credit: &Credit,
    house: &House<'_>,
    place: BylinePlace,
    acc: &mut Vec<Deviation>,
) {
    // Ex) （ 记者 王海）
    if credit.spacing.loose_ends {
        acc.push(Deviation::Spacing);
    }
    if credit.spacing.role_colon {
        acc.push(Deviation::RoleColon);
    }
    let half = match credit.form {
        // A closing credit is judged by its opening mark.
        CreditForm::Paren(parens) if place == BylinePlace::Trailing => Some(parens.opens_half()),
        // Ex) （记者 王海) — two widths are wrong whatever the house prints.
        CreditForm::Paren(parens) if parens.is_mixed() => {
            acc.push(Deviation::ParenWidth);
            None
        }
        CreditForm::Paren(parens) => Some(parens == Parens::Half),
        _ => None,
    };
    acc.extend(half.and_then(|half| paren_width(half, house)));
    // Ex) 本报讯（记者 王海） where the house reports, 记者王海报道： where it parenthesises.
    if let CreditForm::Unbracketed = credit.form {
        acc.push(Deviation::Unbracketed);
    }
    let form = match credit.form {
        CreditForm::Paren(_) if place == BylinePlace::Lead => Some(BylineForm::Paren),
        CreditForm::Reported => Some(BylineForm::Reported),
        _ => None,
    };
    if form.is_some_and(|form| house.form.departs(form)) {
        acc.push(Deviation::Form);
    }
    if place != BylinePlace::Trailing && credit.groups.first().is_some_and(|g| g.role.is_none()) {
        acc.push(Deviation::MissingRole);
    }
    spacing_deviations(credit, house, place, acc);
    if glued_off(
        credit.spacing.names_glued,
        credit.form == CreditForm::Reported,
        credit.names(),
        house,
    ) {
        acc.push(Deviation::GluedNames);
    }
    // Ex) 王海，李敏 (no option) or 王海、李敏 where the house spaces its names.
    let off = |sep: &&String| {
        !is_separator_option(sep)
            || house
                .separator
                .departs(NameSeparator::from_str(sep).unwrap_or(NameSeparator::Space))
    };
    if let Some(found) = credit.separators.iter().find(off) {
        acc.push(Deviation::Separator {
            found: found.clone(),
        });
    }
}

/// How a credit's spacing departs from the house's: a role run into its names or set
/// apart from them. A reported credit (`记者王海报道：`) always runs its role into the names;
/// nothing is judged while the house has not settled its spacing. A credit line keeps the
/// space after its role (`本报驻布鲁塞尔记者 牛瑞飞`) in a house that runs its credits
/// together, as papers print a line of its own, unless the draft's own credits run theirs
/// together.
fn spacing_deviations(
    credit: &Credit,
    house: &House<'_>,
    place: BylinePlace,
    acc: &mut Vec<Deviation>,
) {
    // Ex) 本报讯 记者 王海 8日， where the house reports: rebuilt run together anyway.
    let reported_house = house.form.get() == Some(BylineForm::Reported);
    if credit.form == CreditForm::Reported
        || matches!(credit.form, CreditForm::Unbracketed) && reported_house
    {
        return;
    }
    let Some(spacing) = house.spacing.get() else {
        return;
    };
    let role_before_names = credit
        .groups
        .iter()
        .any(|g| g.role.is_some() && !g.names.is_empty());
    let spaced_line = place == BylinePlace::CreditLine
        && !credit.spacing.role_joined
        && matches!(house.spacing, Choice::Fixed(_));
    if role_before_names && !spaced_line {
        let joined = credit.spacing.role_joined;
        if joined != (spacing == CreditSpacing::Joined) {
            acc.push(Deviation::RoleSpacing { joined });
        }
    }
}

/// True when names printed run together (`glued`: `王海李敏`) depart from the house style:
/// where the house spaces its credits (`spacing = "spaced"`; a reported credit, which runs
/// its words together in any house, only as below), or — its spacing not settled as run
/// together (`"joined"`, where `（王海李敏）` is the house form) — where the house has a
/// separator between names and the roster or the page's other credits know every name of
/// the run. A run the recogniser cut only on the shapes of names (`张明赵天华`) may be one
/// name or two; with nothing but a separator to go by, it is left alone.
pub(crate) fn glued_off<'n>(
    glued: bool,
    reported: bool,
    names: impl Iterator<Item = &'n Name>,
    house: &House<'_>,
) -> bool {
    if !glued {
        return false;
    }
    let known = || house.separator.get().is_some() && runs_known(names, house);
    match house.spacing.get() {
        Some(CreditSpacing::Joined) => false,
        Some(CreditSpacing::Spaced) if !reported => true,
        _ => known(),
    }
}

/// True when every name run into the one before it (`李敏` of `王海李敏`), and that one, are
/// names the house knows: on the roster, or printed standing alone in another credit of the
/// page.
fn runs_known<'n>(names: impl Iterator<Item = &'n Name>, house: &House<'_>) -> bool {
    let mut before: Option<&Name> = None;
    names.into_iter().all(|name| {
        let known = !name.joined
            || before.is_some_and(|b| house.knows_name(&b.text) && house.knows_name(&name.text));
        before = Some(name);
        known
    })
}

/// True when `span` lies inside a byline or photo credit that departs from the house
/// style: the byline rules rebuild it whole, so its punctuation is theirs to report. Where
/// the house prints its bylines' parentheses in ASCII (`parens = "halfwidth"`), every byline
/// owns its ASCII marks: its parentheses are the house form, never a slip of the input
/// method, and any other mark in it is `byline/format`'s to report.
pub(crate) fn owns(bylines: &Bylines, span: Span, house: &House<'_>) -> bool {
    (bylines.bylines_around(span)).any(|b| half_house(house) || !deviations(b, house).is_empty())
        || (bylines.credits_around(span)).any(|c| crate::rules::photo::house::deviates(c, house))
}

/// The byline rebuilt in the house style from its parsed parts, for the text of
/// [`Byline::span`]. `None` when the parts are not certain enough to rebuild it.
pub(crate) fn house_form(byline: &Byline, house: &House<'_>) -> Option<String> {
    let lead = byline.lead.as_ref().map(|l| l.words()).unwrap_or_default();
    let Some(credit) = &byline.credit else {
        return Some(lead);
    };
    if !credit.complete || credit.free {
        return None;
    }
    let credit_text = render_credit(credit, house, byline.place, byline.lead.is_some())?;
    Some(format!("{lead}{credit_text}"))
}

/// A house credit naming `names` as reporters, after the dateline `lead`, for inserting
/// where a byline is missing.
pub(crate) fn house_byline(lead: &str, names: &[String], house: &House<'_>) -> String {
    let credit = Credit {
        span: Span::default(),
        form: CreditForm::Paren(Parens::Full),
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
                    joined: false,
                })
                .collect(),
        }],
        media: None,
        separators: Vec::new(),
        spacing: Spacing::default(),
        complete: true,
        free: false,
    };
    let place = match house.position.get() {
        Some(BylinePosition::End) => BylinePlace::Trailing,
        _ => BylinePlace::Lead,
    };
    let credit =
        render_credit(&credit, house, place, place == BylinePlace::Lead).unwrap_or_default();
    match place {
        BylinePlace::Trailing => credit,
        _ => format!("{lead}{credit}"),
    }
}

/// The credit in the house style; where the house has not settled a key, in the form the
/// credit itself was printed in, so that a fix changes only what is wrong.
fn render_credit(
    credit: &Credit,
    house: &House<'_>,
    place: BylinePlace,
    after_lead: bool,
) -> Option<String> {
    let own_separator = credit
        .separators
        .iter()
        .find_map(|sep| NameSeparator::from_str(sep.trim_matches(' ')));
    let sep = house
        .separator
        .or(own_separator.unwrap_or(NameSeparator::Space))
        .as_str();
    let own_form = match credit.form {
        CreditForm::Reported => BylineForm::Reported,
        _ => BylineForm::Paren,
    };
    let reported =
        place == BylinePlace::Lead && after_lead && house.form.or(own_form) == BylineForm::Reported;
    let own_spacing = if credit.spacing.role_joined {
        CreditSpacing::Joined
    } else {
        CreditSpacing::Spaced
    };
    let joined = reported || house.spacing.or(own_spacing) == CreditSpacing::Joined;
    let reported_form = credit.form == CreditForm::Reported;
    let separate = glued_off(
        credit.spacing.names_glued,
        reported_form,
        credit.names(),
        house,
    );
    let mut parts = Vec::new();
    if let Some(media) = credit.media.as_ref().filter(|m| m.leading) {
        parts.push(media.text.clone());
    }
    for (i, group) in credit.groups.iter().enumerate() {
        let role = match &group.role {
            Some(role) => Some(role.text.clone()),
            // A lead credit names its reporters' role; a trailing credit of names needs none.
            None if i == 0 && place != BylinePlace::Trailing => Some("记者".to_owned()),
            None => None,
        };
        let names = house_names(&group.names, sep, joined && !separate)?;
        parts.push(match role {
            Some(role) if names.is_empty() => role,
            Some(role) if joined => format!("{role}{names}"),
            Some(role) => format!("{role} {names}"),
            None => names,
        });
    }
    if let Some(media) = credit.media.as_ref().filter(|m| !m.leading) {
        parts.push(media.text.clone());
    }
    let body = parts.join(if reported { sep } else { " " });
    Some(match (place, reported) {
        (BylinePlace::CreditLine, _) => body,
        (_, true) => format!(" {body}报道："),
        _ => match house.parens {
            ParenWidth::Fullwidth => format!("（{body}）"),
            ParenWidth::Halfwidth => format!("({body})"),
        },
    })
}

/// Names as the house prints them, joined by `sep`: a padded name keeps one space, except
/// where the house runs a credit's words together (`joined`), where names printed run
/// together stay so too (the caller passes `joined` false where they must be separated).
/// `None` when one of them is too long or too short to be a name (words the recogniser
/// could not cut, a character left over).
pub(crate) fn house_names(names: &[Name], sep: &str, joined: bool) -> Option<String> {
    let uncertain = |n: &Name| {
        let chars = n.text.chars().count();
        chars < 2 || (chars > 4 && !n.text.contains('·'))
    };
    if names.iter().any(uncertain) {
        return None;
    }
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 && !(joined && name.joined) {
            out.push_str(sep);
        }
        // Ex) 全媒体记者孙露、欧阳明月摄: a credit run together pads no name.
        if joined {
            out.push_str(&name.text);
        } else {
            out.push_str(&house_name(name));
        }
    }
    Some(out)
}

/// The name as the house prints it: padding kept, normalised to one space.
fn house_name(name: &Name) -> String {
    if name.padded {
        let mut chars = name.text.chars();
        let first = chars.next().map(String::from).unwrap_or_default();
        format!("{first} {}", chars.as_str())
    } else {
        name.text.clone()
    }
}

/// True when a fix that turns `printed` into `rebuilt` may be applied in bulk: it changes
/// punctuation and spacing only, and cuts apart no run of names (`names`, in printed order)
/// unless the house knows each of them (the roster, or the page's other credits). A fix
/// that supplies or drops a word — a role, `报道`, `摄影` — is only suggested: it would
/// change what the credit says.
pub(crate) fn is_safe_rewrite(
    printed: &str,
    rebuilt: &str,
    names: &[&Name],
    house: &House<'_>,
) -> bool {
    let words = |s: &str| -> String { s.chars().filter(|&c| is_word_char(c)).collect() };
    if words(printed) != words(rebuilt) {
        return false;
    }
    names.windows(2).all(|pair| {
        let (before, name) = (pair[0], pair[1]);
        !name.joined
            || rebuilt.contains(&format!("{}{}", before.text, name.text))
            || (house.knows_name(&before.text) && house.knows_name(&name.text))
    })
}

/// The characters a credit's words are made of: everything but spaces and punctuation.
pub(crate) fn is_word_char(c: char) -> bool {
    !(c.is_whitespace()
        || matches!(
            c,
            '（' | '）' | '(' | ')' | '、' | '，' | ',' | '/' | '／' | '：' | ':' | '；' | ';'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::document::{parse, DraftKind};
    use crate::recognise::{bylines, Input};
    use crate::rules::style::Choice;

    fn recognise(text: &str, config: &Config) -> Bylines {
        let draft = parse(text, DraftKind::Text);
        let input = Input::undated(text, &draft, crate::lint::newsroom(config));
        bylines::recognise(&input)
    }

    /// The house style of a paper that settled every byline key: credits in parentheses,
    /// names spaced, at the lead.
    fn settled() -> House<'static> {
        House {
            form: Choice::Fixed(BylineForm::Paren),
            separator: Choice::Fixed(NameSeparator::Space),
            spacing: Choice::Fixed(CreditSpacing::Spaced),
            position: Choice::Fixed(BylinePosition::Lead),
            ..House::default()
        }
    }

    #[test]
    fn a_house_byline_follows_the_house_style() {
        let config = Config::default();
        let house = settled();
        for text in [
            "标题\n\n本报讯（记者 王海 李敏 通讯员 张强）近日，社区举办活动。\n",
            "本报讯（记者 孙 露 阿卜杜拉·艾买提）近日，社区举办活动。\n",
        ] {
            let b = &recognise(text, &config).bylines[0];
            assert!(deviations(b, &house).is_empty(), "{b:?}");
            let house = house_form(b, &house).unwrap();
            assert_eq!(house, &text[b.span.range()]);
        }
    }

    /// A credit line keeps the space after its role where the configuration runs credits
    /// together; only a draft whose own credits run theirs together asks otherwise. Another
    /// organisation's credit line keeps its own style.
    #[test]
    fn a_credit_line_keeps_its_space() {
        let config = Config::default();
        let text = "欧盟峰会前瞻\n\n本报驻布鲁塞尔记者 牛瑞飞\n\n欧盟峰会将于下周举行。\n";
        let line = &recognise(text, &config).bylines[0];
        assert_eq!(line.place, BylinePlace::CreditLine);
        let fixed = House {
            spacing: Choice::Fixed(CreditSpacing::Joined),
            ..settled()
        };
        assert!(deviations(line, &fixed).is_empty());
        let inferred = House {
            spacing: Choice::Inferred {
                value: CreditSpacing::Joined,
                uses: 3,
            },
            ..settled()
        };
        assert_eq!(
            deviations(line, &inferred),
            [Deviation::RoleSpacing { joined: false }]
        );
        let text = "脱贫村里的新农人\n\n新华社记者 李紫薇、刘金海\n\n村民种植马铃薯。\n";
        let wire = &recognise(text, &config).bylines[0];
        assert!(deviations(wire, &settled()).is_empty(), "{wire:?}");
    }

    #[test]
    fn deviations_are_found_and_fixed_from_parts() {
        let config = Config::default();
        let house = settled();
        let text = "本报讯(王海、李敏)近日，社区举办活动。\n";
        let b = &recognise(text, &config).bylines[0];
        let found = deviations(b, &house);
        assert!(found.contains(&Deviation::ParenWidth));
        assert!(found.contains(&Deviation::MissingRole));
        assert!(found
            .iter()
            .any(|d| matches!(d, Deviation::Separator { .. })));
        let house = house_form(b, &house).unwrap();
        assert_eq!(house, "本报讯（记者 王海 李敏）");
    }

    #[test]
    fn wire_copy_keeps_its_style_and_reported_credits_take_the_house_form() {
        let config = Config::default();
        let house = settled();
        let text = "新华社北京6月27日电（记者 张立新、刘明）市里举行仪式。\n\n本报北京12月31日讯记者王建国报道：记者今天获悉。\n";
        let found = recognise(text, &config);
        assert!(deviations(&found.bylines[0], &house).is_empty());
        let reported = &found.bylines[1];
        assert!(deviations(reported, &house).contains(&Deviation::Form));
        assert_eq!(
            house_form(reported, &house).unwrap(),
            "本报北京12月31日讯（记者 王建国）"
        );
    }

    #[test]
    fn reported_and_end_house_styles() {
        let config = Config::default();
        let house = House {
            form: Choice::Fixed(BylineForm::Reported),
            separator: Choice::Fixed(NameSeparator::Dun),
            ..settled()
        };
        let text = "本报讯 记者王海、李敏报道：近日，社区举办活动。\n\n本报讯（记者 王海）8日，社区举办讲座。\n";
        let found = recognise(text, &config);
        assert!(deviations(&found.bylines[0], &house).is_empty());
        assert_eq!(deviations(&found.bylines[1], &house), [Deviation::Form]);
        assert_eq!(
            house_form(&found.bylines[1], &house).unwrap(),
            "本报讯 记者王海报道："
        );

        let house = House {
            position: Choice::Fixed(BylinePosition::End),
            ..settled()
        };
        let text = "本报讯 近日，社区举办了活动。（王海 李敏）\n";
        let found = recognise(text, &config);
        let trailing = found
            .bylines
            .iter()
            .find(|b| b.place == BylinePlace::Trailing)
            .unwrap();
        assert!(deviations(trailing, &house).is_empty());
        assert_eq!(house_form(trailing, &house).unwrap(), "（王海 李敏）");
    }

    #[test]
    fn parentheses_of_two_widths_depart_from_either_house_width() {
        for parens in [ParenWidth::Fullwidth, ParenWidth::Halfwidth] {
            let config = Config::default();
            let house = House {
                parens,
                ..settled()
            };
            let text = "本报讯（记者 王海)近日，社区举办活动。\n";
            let b = &recognise(text, &config).bylines[0];
            assert_eq!(deviations(b, &house), [Deviation::ParenWidth]);
        }
        // The standard form where the house chose ASCII parentheses: a matter of style.
        let house = House {
            parens: ParenWidth::Halfwidth,
            ..settled()
        };
        let text = "本报讯（记者 王海）近日，社区举办活动。\n";
        let b = &recognise(text, &Config::default()).bylines[0];
        assert_eq!(deviations(b, &house), [Deviation::HouseParens]);
        assert_eq!(Deviation::HouseParens.kind(), Kind::Style);
        assert_eq!(house_form(b, &house).unwrap(), "本报讯(记者 王海)");
    }

    #[test]
    fn photo_credits_in_their_forms() {
        use crate::rules::photo::house;
        let config = Config::default();
        let plain = House {
            photo: Choice::Fixed(crate::config::PhotoStyle::Plain),
            ..settled()
        };
        let style = &plain;
        // A fix never supplies a role or an organisation the credit did not print.
        let cases = [
            (
                "居民在健身广场锻炼 本报记者 王海 摄",
                false,
                "本报记者 王海 摄",
            ),
            ("居民在健身广场锻炼 王海 摄", false, "王海 摄"),
            ("居民在健身广场锻炼 王海摄", true, "王海 摄"),
            ("居民在健身广场锻炼 摄影：王海", true, "王海 摄"),
            ("居民在健身广场锻炼 王海/摄", true, "王海 摄"),
            ("居民在健身广场锻炼（王海摄）", true, " 王海 摄"),
            (
                "居民在健身广场锻炼 (本报记者 王海 摄)",
                true,
                "本报记者 王海 摄",
            ),
            (
                "群众在广场合影（新华社记者 王海摄）",
                true,
                " 新华社记者 王海 摄",
            ),
        ];
        for (text, deviates, want) in cases {
            let found = recognise(&format!("{text}\n"), &config);
            let credit = &found.photo_credits[0];
            assert_eq!(
                house::deviates(credit, style),
                deviates,
                "{text}: {credit:?}"
            );
            assert_eq!(house::house_form(credit, style).unwrap(), want, "{text}");
        }
    }
}
