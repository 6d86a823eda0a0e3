use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::gazetteer::{Gazetteer, Level, PlaceId};
use crate::recognise::places::Mention;
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A place written under a parent it does not belong to: `A街道B社区`, `A区B街道`,
    /// `A县B镇` where the gazetteer puts B under a neighbour of A.
    ///
    /// A neighbour is a place of A's level under A's own parent (another street of the same
    /// district, another district of the same city).
    ///
    /// Names that repeat elsewhere in China are fine as long as one of them lies under A.
    /// Skipping a level (`平城区永安社区`) is fine. NBS statistical units (开发区, 农场 …)
    /// never anchor this rule.
    /// ## Why
    /// Putting a village under the wrong street tells readers the wrong authority and the
    /// wrong place; it is a factual error.
    /// ## Example
    /// ```text,flagged
    /// 大同市平城区云冈镇开展植树活动。
    /// ```
    /// ```text,clean
    /// 大同市云冈区云冈镇开展植树活动。
    /// ```
    /// ## Fix
    /// Suggested: the parent the gazetteer gives. Offered only when that parent is clear; the
    /// child's name may be the slip instead, so a person decides.
    /// ## Standard
    /// 《行政区划管理条例》(2018) and the NBS division codes.
    pub(crate) RULE = "place/hierarchy" {
        severity: Error,
        fix: Sometimes,
        checks: [
            Error: "地名隶属关系错误",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let g = cx.gazetteer;
    let mentions = &cx.facts.places.mentions;
    for child in mentions {
        let Some(parent) = child.after.map(|i| &mentions[i]) else {
            continue;
        };
        let Some(right) = misplaced(g, parent, child) else {
            continue;
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            child.span,
            format!("“{}”不属于“{}”", child.name, parent.name),
        )
        .with_related(parent.span, format!("“{}”写在这里", parent.name));
        let right_names: Vec<String> = {
            let mut names: Vec<String> =
                right.iter().map(|&p| g.place(p).name.to_string()).collect();
            names.sort();
            names.dedup();
            names
        };
        let paths: Vec<String> = right
            .iter()
            .map(|&p| format!("{}/{}", g.path(p), child.name))
            .collect();
        diagnostic = diagnostic.with_note(format!("地名库中：{}", paths.join("；")));
        if let [name] = &right_names[..] {
            diagnostic.message = format!("“{}”不属于“{}”，而属于“{name}”", child.name, parent.name);
            diagnostic = diagnostic.with_fix(Fix::suggested(
                format!("改为“{name}”"),
                vec![Edit::replace(parent.span, name.clone())],
            ));
        }
        acc.push(diagnostic);
    }
}

/// The places of `parent`'s level that really hold `child`, next to `parent` (under the same
/// grandparent), when no place of `parent`'s name holds it; `None` when the pair is fine or
/// cannot be judged.
fn misplaced(g: &Gazetteer, parent: &Mention, child: &Mention) -> Option<Vec<PlaceId>> {
    if parent.all_places.is_empty() || child.all_places.is_empty() {
        return None;
    }
    let parents: Vec<PlaceId> = parent.all_places.to_vec();
    let children = &child.all_places;
    if parents.iter().any(|&p| {
        let place = g.place(p);
        place.statistical || place.level < Level::County
    }) {
        return None;
    }
    // Any place of that name under any place of the parent's name: fine.
    if children
        .iter()
        .any(|&c| parents.iter().any(|&p| c != p && g.is_within(c, p)))
    {
        return None;
    }
    // The child must be lower than the parent, or the pair is a list, not a path.
    let parent_level = parents.iter().map(|&p| g.place(p).level).max()?;
    if children.iter().any(|&c| g.place(c).level <= parent_level) {
        return None;
    }
    let mut right = Vec::new();
    for &p in &parents {
        let Some(grandparent) = g.parent(p) else {
            continue;
        };
        let level = g.place(p).level;
        for &c in children {
            if g.is_within(c, grandparent) {
                if let Some(holder) = g.ancestor_at(c, level) {
                    if !g.place(holder).statistical && !right.contains(&holder) {
                        right.push(holder);
                    }
                }
            }
        }
    }
    (!right.is_empty()).then_some(right)
}
