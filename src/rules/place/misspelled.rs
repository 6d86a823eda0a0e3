use crate::declare_rule;
use crate::diagnostic::{Diagnostic, DiagnosticData};
use crate::fix::Fix;
use crate::recognise::places::SlipBasis;
use crate::rules::Context;

use super::slip_reason;

declare_rule! {
    /// ## What it flags
    /// A place-like name not in the gazetteer that is one likely slip from a name under the
    /// same parent: `永按社区` for `永安社区`, `文瀛街道` for `文瀛湖街道`.
    ///
    /// Place-like means Chinese characters ending in 省 市 区 县 旗 街道 乡 镇 村 社区 …; a likely
    /// slip is one character replaced by one of the same sound or a similar shape, or one
    /// character left out.
    ///
    /// The parent is the place named right before the name (`水泊寺街道永按社区`), else the
    /// article's other places and `[bulletin] region`. A village or community name one
    /// character short of a known one (`红旗社区`, `红旗里社区`) counts only when its parent is
    /// written right before it: village lists are never complete. Names merely one character away from a
    /// real name elsewhere (`范家庄村`, `刘家庄村`) are left alone: a gazetteer is never
    /// complete, and such names are usually real.
    /// ## Why
    /// A misspelt place name in print is a correction the next day, and readers of a local
    /// paper know their streets and communities.
    /// ## Example
    /// ```text,flagged
    /// 山西省大同市平城区青远街道开展活动，新旺街道、文瀛街道同步推进。
    /// ```
    /// ```text,clean
    /// 山西省大同市平城区清远街道开展活动，新旺街道、文瀛湖街道同步推进。
    /// ```
    /// ## Fix
    /// Suggested: the gazetteer name. The written name may be a new place the gazetteer does
    /// not have yet; then add it to the newsroom gazetteer or the allow list.
    /// ## Standard
    /// 民政部《地名管理条例》(2022): standard place names are used in publications.
    pub(crate) RULE = "place/misspelled" {
        severity: Warning,
        fix: Always,
        checks: [
            Error: "地名错字、漏字、多字",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let places = &cx.facts.places;
    for slip in &places.slips {
        let parent = match slip.basis {
            SlipBasis::Parent(i) => Some(places.mentions[i].name.to_string()),
            SlipBasis::Context => None,
            SlipBasis::Draft(_) => continue,
        };
        let path = slip
            .places
            .first()
            .map(|&p| cx.gazetteer.path(p))
            .unwrap_or_default();
        let fix = Fix::suggest_replacement(slip.span, &slip.right);
        acc.push(
            Diagnostic::new(
                &RULE,
                slip.span,
                format!(
                    "地名库中没有“{}”，疑为“{}”（{}）",
                    slip.name,
                    slip.right,
                    slip_reason(slip.slip)
                ),
            )
            .with_note(format!("“{}”：{path}", slip.right))
            .with_fix(fix)
            .with_data(DiagnosticData::AddToGazetteer {
                name: slip.name.clone(),
                parent,
            }),
        );
    }
}
