use crate::config::{BylinePosition, ParenWidth};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{Byline, BylinePlace, CreditForm};
use crate::rules::byline::house::{deviations, house_form, Deviation};
use crate::rules::style::House;
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A byline not printed in the house style: half-width parentheses, a missing role word
    /// (记者/通讯员/实习生/特约记者/见习记者), the wrong separator between names, stray or
    /// missing spaces, a colon after the dateline (`本报讯：`), or the reported form
    /// (`记者王海报道：`) where the house prints parentheses (and the reverse).
    ///
    /// Wire copy (`新华社北京6月27日电（记者 A、B）`) keeps its agency's style; only its
    /// parentheses follow the house. A two-character name padded to align (`孙 露`) and a
    /// name joined by `·` are one name each.
    /// ## Why
    /// A page prints every byline the same way; a half-width parenthesis or a missing
    /// `记者` is visible at once on the printed page, and `[byline]` in `jiaodui.toml` says
    /// what the house form is.
    /// ## Example
    /// ```text,flagged
    /// 本报讯(记者 王海、李敏)近日，新开街道启动老旧小区改造。
    /// ```
    /// ```text,clean
    /// 本报讯（记者 王海 李敏）近日，新开街道启动老旧小区改造。
    ///
    /// 新华社北京6月27日电（记者 李超碧、晏明）会议今天在北京举行。
    ///
    /// 本报讯（记者 孙 露 阿卜杜拉·艾买提）社区举办活动。
    /// ```
    /// ## Fix
    /// Safe: the byline is rebuilt in the house form from its parsed dateline, roles and
    /// names. Suggested only where a role word has to be supplied for a name the roster does
    /// not list, since the person may be a correspondent (`通讯员`) rather than a reporter.
    /// ## Standard
    /// 《报纸编校质量标准》署名规范；本报 `[byline]` 版式
    pub(crate) RULE = "byline/format" {
        severity: Warning,
        fix: Always,
        checks: [
            Error: "署名用半角括号、缺身份词、多余空格或冒号",
            Style: "署名格式（括号式或报道式）与本报不一",
            Style: "姓名分隔（空格或顿号）与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let house = cx.house;
    for byline in &cx.facts.bylines.bylines {
        if !at_house_position(byline, house) {
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
            house_fix(byline, &deviations, house, printed)
        } else {
            wire_paren_fix(byline, house)
        };
        let Some(fix) = fix else {
            acc.push(Diagnostic::new(&RULE, byline.span, message).with_kind(kind));
            continue;
        };
        let source = match deviations.iter().find(|d| d.kind() == Kind::Style) {
            Some(Deviation::Form) => house.form.source_note("这种署名格式"),
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
fn at_house_position(byline: &Byline, house: &House<'_>) -> bool {
    match byline.place {
        BylinePlace::Lead if house.accepts_position(BylinePosition::Lead) => true,
        BylinePlace::Trailing => house.accepts_position(BylinePosition::End),
        // A dateline printed with a colon is the lead's own problem wherever the credit is.
        BylinePlace::Lead => byline.credit.is_none() || !byline.is_own(),
        _ => false,
    }
}

fn house_fix(
    byline: &Byline,
    deviations: &[Deviation],
    style: &House<'_>,
    printed: &str,
) -> Option<Fix> {
    let house = house_form(byline, style)?;
    if house == printed {
        return None;
    }
    let title = format!("改为“{house}”");
    let edits = vec![Edit::replace(byline.span, house)];
    let supplies_role = deviations.contains(&Deviation::MissingRole);
    let roster_knows = |byline: &Byline| {
        !style.roster.is_empty()
            && byline
                .credit
                .iter()
                .flat_map(|c| c.groups.first())
                .flat_map(|g| g.names.iter())
                .all(|n| style.roster.contains(&n.text))
    };
    if supplies_role && !roster_knows(byline) {
        Fix::suggested(title, edits)
    } else {
        Fix::safe(title, edits)
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
