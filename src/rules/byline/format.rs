use crate::config::{BylinePosition, ParenWidth};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{Byline, BylinePlace, CreditForm};
use crate::rules::byline::house::{deviations, house_form, is_safe_rewrite, Deviation};
use crate::rules::style::House;
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A byline in no accepted form — half-width parentheses, a missing role word
    /// (记者/通讯员/实习生 …), stray spaces, a colon after the dateline (`本报讯：`), names
    /// separated by `，` — and, as a matter of house style, a byline that departs from the
    /// house's choice among the accepted forms: parenthesised (`本报讯（记者 王海）`) or
    /// reported (`本报讯 记者王海报道：`), names separated by a space or by `、`, the role
    /// spaced from the names (`记者 王海`) or run into them (`记者王海`), names run together
    /// (`王海李敏`) where the house spaces them.
    ///
    /// The house's choice comes from `[byline]` in `jiaodui.toml`, else its preset, else the
    /// draft itself: the form it uses at least three times and more than any other. Until
    /// then no choice of style is reported, so a draft's first lines stay quiet.
    ///
    /// The shapes papers print are recognised: the correspondent named first
    /// (`本报讯（通讯员 李敏 记者 王海）`), titles such as 全媒体记者, 融媒体记者, 首席记者,
    /// 见习记者, 摄影记者, 本报通讯员, a paper's own name (`（新快报记者 王海）`), `文/图`,
    /// `文/视频`, `文/摄` inside the credit, a credit line of its own (`□本报记者 张靖`), and a
    /// pen name or institution closing an item (`（红深）`, `（本报评论员）`). Wire copy
    /// (`新华社北京6月27日电（记者 A、B）`) keeps its agency's style; only its parentheses
    /// follow the house. A two-character name padded to align (`孙 露`) and a name joined by
    /// `·` are one name each.
    /// ## Why
    /// A page prints every byline the same way; a half-width parenthesis or a missing
    /// `记者` is visible at once on the printed page. Papers differ in the forms they choose,
    /// and each of those is an option, not an error.
    /// ## Example
    /// ```text,flagged
    /// 本报讯(记者 王海、李敏)近日，新开街道启动老旧小区改造。
    /// ```
    /// ```text,clean
    /// 本报讯（记者 王海 李敏）近日，新开街道启动老旧小区改造。
    ///
    /// 新华社北京6月27日电（记者 李超碧、晏明）会议今天在北京举行。
    ///
    /// 本报讯（通讯员 张强 全媒体记者 孙 露）社区举办活动。
    /// ```
    /// ## Fix
    /// Safe where it changes punctuation and spacing only: the byline is rebuilt in the
    /// house form from its parsed dateline, roles and names, and a name, a role word or an
    /// organisation is never changed. Suggested where it would change a word — supply a
    /// role (the person may be a correspondent, `通讯员`, rather than a reporter), turn a
    /// reported credit into a parenthesised one — or cut apart names printed run together
    /// that the roster does not confirm.
    /// ## Standard
    /// 《报纸编校质量标准》署名规范；本报 `[byline]` 版式
    pub(crate) RULE = "byline/format" {
        severity: Warning,
        fix: Sometimes,
        checks: [
            Error: "署名用半角括号、缺身份词、多余空格或冒号、姓名间用逗号",
            Style: "署名格式（括号式或报道式）与本报不一",
            Style: "姓名分隔（空格或顿号）与本报不一",
            Style: "身份词与姓名是否空格、姓名连写，与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let house = cx.house;
    for byline in &cx.facts.bylines.bylines {
        if !at_house_position(cx, byline, house) {
            continue;
        }
        let deviations = deviations(byline, house);
        if deviations.is_empty() {
            continue;
        }
        // A credit wrong in any way is an error; one departing only from the house's choice
        // of form or separator is a matter of style.
        let kind = if deviations.iter().all(|d| d.kind() == Kind::Style) {
            Kind::Style
        } else {
            Kind::Error
        };
        let printed = &cx.text[byline.span.range()];
        let described: Vec<String> = deviations.iter().map(|d| d.describe(house)).collect();
        let message = format!("署名{}", described.join("，"));
        let fix = if byline.is_own() {
            house_fix(byline, house, printed)
        } else {
            wire_paren_fix(byline, house)
        };
        let Some(fix) = fix else {
            acc.push(Diagnostic::new(&RULE, byline.span, message).with_kind(kind));
            continue;
        };
        let source = match deviations.iter().find(|d| d.kind() == Kind::Style) {
            Some(Deviation::Form) => house.form.source_note("这种署名格式"),
            Some(Deviation::RoleSpacing { .. } | Deviation::GluedNames) => {
                house.spacing.source_note("这种署名空格")
            }
            Some(_) => house.separator.source_note("这种姓名分隔"),
            None => None,
        };
        let mut note = format!(
            "本报格式：{}",
            fix.edits
                .first()
                .map(|e| e.replacement.as_str())
                .unwrap_or_default()
        );
        if let Some(source) = source {
            note = format!("{note}（{source}）");
        }
        acc.push(
            Diagnostic::new(&RULE, byline.span, message)
                .with_kind(kind)
                .with_note(note)
                .with_fix(Some(fix)),
        );
    }
}

/// Bylines standing where the house puts them; the others are `byline/position`'s, and
/// their form is settled when they move.
fn at_house_position(cx: &Context<'_>, byline: &Byline, house: &House<'_>) -> bool {
    match byline.place {
        BylinePlace::Lead if house.accepts_position(BylinePosition::Lead) => true,
        BylinePlace::Trailing => {
            house.accepts_position(BylinePosition::End)
                && byline
                    .article
                    .is_none_or(|index| super::at_end(cx, &cx.draft.articles[index], byline))
        }
        // Ex) □本报记者 张靖 本报通讯员 郜敏 — a feature's credit line under its headline.
        BylinePlace::CreditLine => {
            house.accepts_position(BylinePosition::Lead)
                && byline.article.is_some_and(|index| {
                    super::at_lead(cx, index, &cx.draft.articles[index], byline)
                })
        }
        // A dateline printed with a colon is the lead's own problem wherever the credit is.
        BylinePlace::Lead => byline.credit.is_none() || !byline.is_own(),
        _ => false,
    }
}

fn house_fix(byline: &Byline, style: &House<'_>, printed: &str) -> Option<Fix> {
    let house = house_form(byline, style)?;
    if house == printed {
        return None;
    }
    let title = format!("改为“{house}”");
    let edits = vec![Edit::replace(byline.span, house.clone())];
    let names: Vec<_> = byline.credit.iter().flat_map(|c| c.names()).collect();
    if is_safe_rewrite(printed, &house, &names, style.roster) {
        Fix::safe(title, edits)
    } else {
        Fix::suggested(title, edits)
    }
}

/// Wire copy keeps its own credit; only the parentheses become the house's.
fn wire_paren_fix(byline: &Byline, style: &House<'_>) -> Option<Fix> {
    let credit = byline.credit.as_ref()?;
    let CreditForm::Paren(_) = credit.form else {
        return None;
    };
    let (open, close) = match style.parens {
        ParenWidth::Fullwidth => ("（", "）"),
        ParenWidth::Halfwidth => ("(", ")"),
    };
    let span = credit.span;
    let first = credit.groups.first()?;
    let inner_start = first
        .role
        .as_ref()
        .map(|r| r.span.start)
        .or_else(|| first.names.first().map(|n| n.span.start))?;
    let last_group = credit.groups.last()?;
    let inner_end = last_group
        .names
        .last()
        .map(|n| n.span.end)
        .or_else(|| last_group.role.as_ref().map(|r| r.span.end))?;
    let open_span = crate::text::Span::new(span.start, inner_start);
    let close_span = crate::text::Span::new(inner_end, span.end);
    Fix::safe(
        format!("改为{open}{close}"),
        vec![
            Edit::replace(open_span, open),
            Edit::replace(close_span, close),
        ],
    )
}
