use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::places::SlipBasis;
use crate::rules::Context;

use super::slip_reason;

declare_rule! {
    /// ## What it flags
    /// One place written two ways in one draft (`永按社区` … `永安社区`), or a short form
    /// (`平城`) before the first full mention (`平城区`).
    ///
    /// Two ways: a name not in the gazetteer that differs from a place named elsewhere in the
    /// draft by one confusable character. A short form counts where it stands as a name: between spaces or punctuation, as in a headline
    /// (`平城 水泊寺街道 …`) or `在平城，`. Datelines (`新华社张家港1月1日电`), where papers
    /// print the short form, and short forms joined by a dash (`张北—尚义`) are left alone.
    /// ## Why
    /// Readers meet the full name first and the short form after; two spellings of one place
    /// leave them wondering whether two places are meant.
    /// ## Example
    /// ```text,flagged
    /// 平城 水泊寺街道 推进老旧小区改造
    ///
    /// 本报讯（记者 王海）平城区今年改造小区40个。
    /// ```
    /// ```text,clean
    /// 平城区 水泊寺街道 推进老旧小区改造
    ///
    /// 本报讯（记者 王海）平城区今年改造小区40个，在平城，新开业的超市有5家。
    /// ```
    /// ## Fix
    /// Suggested: the full name, or the spelling of the gazetteer.
    /// ## Standard
    /// House style; 《地名管理条例》(2022) on standard names.
    pub(crate) RULE = "place/inconsistent" {
        severity: Warning,
        fix: Always,
        checks: [
            Style: "同一地名写法不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let places = &cx.facts.places;
    for slip in &places.slips {
        let SlipBasis::Draft(other) = slip.basis else {
            continue;
        };
        let other = &places.mentions[other];
        let (span, replacement) = &slip.edit;
        let fix = Fix::suggested(
            format!("改为“{}”", slip.right),
            vec![Edit::replace(*span, replacement.clone())],
        );
        acc.push(
            Diagnostic::new(
                &RULE,
                slip.span,
                format!(
                    "“{}”与文中的“{}”写法不一（{}）",
                    slip.name,
                    slip.right,
                    slip_reason(slip.slip)
                ),
            )
            .with_related(other.span, format!("这里写作“{}”", other.name))
            .with_fix(fix),
        );
    }
    for short in &places.early_short_forms {
        let full = &places.mentions[short.full];
        let fix = Fix::suggest_replacement(short.span, &full.name);
        acc.push(
            Diagnostic::new(
                &RULE,
                short.span,
                format!(
                    "简称“{}”出现在全称“{}”之前，首次出现应用全称",
                    short.short, full.name
                ),
            )
            .with_related(full.span, "全称首次出现在这里")
            .with_fix(fix),
        );
    }
}
