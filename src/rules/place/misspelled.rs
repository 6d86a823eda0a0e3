use crate::declare_rule;
use crate::diagnostic::{Diagnostic, DiagnosticData};
use crate::fix::{Edit, Fix};
use crate::recognise::places::SlipBasis;
use crate::rules::Context;

use super::slip_reason;

declare_rule! {
    /// ## What it flags
    /// A place-like name not in the gazetteer that is one likely slip from a known name:
    /// `永按社区` for `永安社区`, `文瀛街道` for `文瀛湖街道`, `武候区` for `武侯区`.
    ///
    /// Place-like means Chinese characters ending in 省 市 区 县 旗 街道 乡 镇 村 社区 …; a likely
    /// slip is one character replaced by one of the same sound, a similar shape or a variant
    /// form (`闫良区` for `阎良区`), or one character left out; at county level and above
    /// also one character written twice.
    ///
    /// - At county level and above, every division of the country counts, even with no
    ///   parent written (`武候区`), as long as exactly one name fits; where several do, the
    ///   counties of `[bulletin] region`'s prefecture decide (`平成区` in a 大同 paper).
    /// - Below county level a slip needs a parent: the place named right before the name
    ///   (`水泊寺街道永按社区`), else the article's counties and towns and `[bulletin]
    ///   region`. The 620,573 built-in villages and communities count: under a county, the
    ///   villages of all its towns (`平城区福富苑社区` for 福寓苑社区). A village name that
    ///   exists anywhere in the country is never a slip, and a village name one character
    ///   short of a known one counts only when its parent is written right before it:
    ///   village lists are never complete.
    /// - A name in quotes with its suffix outside them (`娄底市“新华”县`), and a 街道 that lost
    ///   its 道 before the next word (`水泊寺街将…`, where the draft or its parent vouches
    ///   for 水泊寺街道).
    ///
    /// Names merely one character away from a real name elsewhere (`范家庄村`, `刘家庄村`)
    /// are left alone: a gazetteer is never complete, and such names are usually real.
    /// Towns written without 镇 or 乡 are not read as names.
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
    /// Suggested: the gazetteer name (inside the quotes for a quoted name; `道` inserted for a
    /// cut 街道, the next word left alone). The written name may be a new place the
    /// gazetteer does not have yet; then add it to the newsroom gazetteer or the allow list.
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
    let g = cx.gazetteer;
    let places = &cx.facts.places;
    for slip in &places.slips {
        let parent = match slip.basis {
            SlipBasis::Parent(i) => Some(places.mentions[i].name.to_string()),
            SlipBasis::Context => None,
            SlipBasis::Draft(_) => continue,
        };
        let path = match (slip.villages.first(), slip.places.first()) {
            (Some(&village), _) => g.villages().path(g, village),
            (None, Some(&place)) => g.path(place),
            (None, None) => String::new(),
        };
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::config::LoadedConfig;

    #[test]
    fn the_finding_names_the_entry_and_its_path() {
        let page = include_str!("../../../tests/fixtures/place/seed-page.txt");
        let config = LoadedConfig::defaults(PathBuf::from("."));
        let today = jiff::civil::date(2024, 1, 15);
        let analysis = crate::lint::analyse(page, None, &config, today);
        let found: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.rule == super::RULE.id)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].note.as_deref(),
            Some("“福寓苑社区”：山西省/大同市/平城区/新旺街道/福寓苑社区")
        );
    }
}
