//! Plain-text descriptions of gazetteer entries: what `jiaodui place NAME` and `jiaodui
//! place --under NAME` print and what the language server's hover shows for a place.

use std::fmt::Write as _;

use super::{ChangeId, Gazetteer, Level, Origin, PlaceId, VillageId};

/// One entry: its path, level, code, origin and history.
///
/// ```text
/// 山西省/大同市/平城区  县级  140213
///   2018年2月9日  城区 → 平城区、云冈区（拆分，国函〔2018〕22号）
/// ```
pub fn describe_place(g: &Gazetteer, id: PlaceId) -> String {
    let place = g.place(id);
    let mut out = g.path(id);
    let _ = write!(out, "  {}", place.level.label_zh());
    if let Some(code) = place.code_str() {
        let _ = write!(out, "  {code}");
    }
    if place.statistical {
        out.push_str("  （统计用单位，非行政区划）");
    }
    out.push('\n');
    if let Some(official) = &place.official {
        let _ = writeln!(out, "  统计用名称：{official}");
    }
    if !place.aliases.is_empty() {
        let aliases: Vec<&str> = place.aliases.iter().map(|a| &**a).collect();
        let _ = writeln!(out, "  别名：{}", aliases.join("、"));
    }
    for (name, until) in &place.former {
        let _ = writeln!(
            out,
            "  曾用名：{name}（至{}年{}月{}日）",
            until.year(),
            until.month(),
            until.day()
        );
    }
    for change in g.history_of(id) {
        let _ = writeln!(out, "  {}", describe_change(g, change));
    }
    if let Origin::Newsroom { file, line } = &place.origin {
        let _ = writeln!(out, "  来源：{file}:{line}");
    }
    out
}

/// One change: `2018年2月9日  大同县 → 云州区（撤县设区，国函〔2018〕22号）`.
pub fn describe_change(g: &Gazetteer, id: ChangeId) -> String {
    let change = g.change(id);
    let successors: Vec<String> = change
        .successors
        .iter()
        .map(|(name, place)| match place {
            Some(p) if *g.place(*p).name != **name => format!("{name}（今{}）", g.place(*p).name),
            _ => name.to_string(),
        })
        .collect();
    let mut out = format!("{}  {}", change.date, change.old_name);
    if successors.is_empty() {
        out.push_str(" 撤销");
    } else {
        let _ = write!(out, " → {}", successors.join("、"));
    }
    let mut why = change.kind.to_string();
    if !change.document.is_empty() {
        let _ = write!(why, "，{}", change.document);
    }
    if !why.is_empty() {
        let _ = write!(out, "（{why}）");
    }
    out
}

/// A built-in village: its path, level and code, and its NBS name when papers print
/// another.
///
/// ```text
/// 山西省/大同市/平城区/新旺街道/福寓苑社区  村级  140213052010
///   统计用名称：福寓苑社区居民委员会
/// ```
pub fn describe_village(g: &Gazetteer, id: VillageId) -> String {
    let village = g.villages().get(id);
    let mut out = format!(
        "{}  {}  {}",
        g.villages().path(g, id),
        Level::Village.label_zh(),
        village.code_str()
    );
    if village.statistical {
        out.push_str("  （统计用单位，非行政区划）");
    }
    out.push('\n');
    if let Some(official) = &village.official {
        let _ = writeln!(out, "  统计用名称：{official}");
    }
    out
}

/// The places of a name as written or in the form papers print (`沙岭村村民委员会` is
/// `沙岭村`).
fn places_named(g: &Gazetteer, name: &str) -> Vec<PlaceId> {
    let mut ids = g.lookup(name);
    if let Some(folded) = super::fold_committee_suffix(name) {
        ids.extend(g.lookup(&folded));
        ids.sort_unstable();
        ids.dedup();
    }
    ids
}

/// Everything the gazetteer knows under `name`: current entries (villages last), then the
/// changes after which the name went out of use. Empty when the name is unknown.
pub fn describe_name(g: &Gazetteer, name: &str) -> String {
    let mut out = String::new();
    for id in places_named(g, name) {
        out.push_str(&describe_place(g, id));
    }
    for id in g.villages().named(name) {
        out.push_str(&describe_village(g, id));
    }
    let former: Vec<ChangeId> = g
        .changes_named(name)
        .into_iter()
        .filter(|&c| g.change(c).name_ceased)
        .collect();
    if !former.is_empty() {
        let _ = writeln!(out, "曾用名“{name}”：");
        for change in former {
            let c = g.change(change);
            let area = c
                .area
                .map(|a| format!("{}  ", g.path(a)))
                .unwrap_or_default();
            let _ = writeln!(out, "  {area}{}", describe_change(g, change));
        }
    }
    out
}

/// What each place named `name` holds, one level down, with codes: for each entry its path,
/// then one line per child. A village holds nothing; the placeholders NBS puts between a
/// municipality and its districts (`市辖区`) are looked through. Empty when the name is no
/// current place.
///
/// ```text
/// 山西省/大同市/平城区/新旺街道  乡级  140213052（23 个村级单位）
///   140213052001  和信社区
/// ```
pub fn describe_under(g: &Gazetteer, name: &str) -> String {
    let mut out = String::new();
    for id in places_named(g, name) {
        let mut children: Vec<(String, String)> = Vec::new();
        for child in children_through_placeholders(g, id) {
            let place = g.place(child);
            children.push((place.code_str().unwrap_or_default(), place.name.to_string()));
        }
        if g.place(id).level == Level::Town {
            let villages = g.villages();
            for village in villages.under(g, id) {
                children.push((
                    format!("{:012}", villages.code(village)),
                    villages.name(village),
                ));
            }
        }
        // A village a newsroom file repeats from the built-in list is listed once.
        children.sort();
        children.dedup();
        let place = g.place(id);
        let _ = write!(out, "{}  {}", g.path(id), place.level.label_zh());
        if let Some(code) = place.code_str() {
            let _ = write!(out, "  {code}");
        }
        let count = children.len();
        let _ = match place.level {
            Level::Village | Level::Landmark if count == 0 => writeln!(out, "（无下级区划）"),
            Level::Town => writeln!(out, "（{count} 个村级单位）"),
            _ => writeln!(out, "（{count} 个下级区划）"),
        };
        for (code, child) in children {
            let _ = writeln!(out, "  {code}  {child}");
        }
    }
    for id in g.villages().named(name) {
        let _ = writeln!(
            out,
            "{}  村级  {:012}（无下级区划）",
            g.villages().path(g, id),
            g.villages().code(id)
        );
    }
    out
}

/// The children of a place, with those of placeholder children (`市辖区`) in their stead.
fn children_through_placeholders(g: &Gazetteer, id: PlaceId) -> Vec<PlaceId> {
    let mut out = Vec::new();
    for &child in g.children(id) {
        if g.place(child).placeholder {
            out.extend(children_through_placeholders(g, child));
        } else {
            out.push(child);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_village_by_either_name() {
        let g = Gazetteer::builtin();
        for name in ["福寓苑社区", "福寓苑社区居民委员会", "福寓苑社区居委会"]
        {
            assert_eq!(
                describe_name(g, name),
                "山西省/大同市/平城区/新旺街道/福寓苑社区  村级  140213052010\n  \
                 统计用名称：福寓苑社区居民委员会\n"
            );
        }
        assert_eq!(describe_name(g, "福富苑社区"), "");
    }

    #[test]
    fn what_a_division_holds() {
        let g = Gazetteer::builtin();
        let town = describe_under(g, "新旺街道");
        assert!(
            town.starts_with("山西省/大同市/平城区/新旺街道  乡级  140213052（"),
            "{town}"
        );
        assert!(town.contains("\n  140213052010  福寓苑社区\n"), "{town}");
        // A municipality's districts, through the placeholder 市辖区.
        let beijing = describe_under(g, "北京市");
        assert!(beijing.contains("\n  110101  东城区\n"), "{beijing}");
        assert!(!beijing.contains("市辖区"), "{beijing}");
        // A repeated name: every entry, each with its path.
        let chengguan = describe_under(g, "城关镇");
        assert!(chengguan.matches("  乡级  ").count() >= 80);
        let village = describe_under(g, "福寓苑社区");
        assert!(
            village.ends_with("福寓苑社区  村级  140213052010（无下级区划）\n"),
            "{village}"
        );
        assert_eq!(describe_under(g, "没有这个地方"), "");
    }
}
