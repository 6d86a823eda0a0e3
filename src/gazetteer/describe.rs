//! Plain-text descriptions of gazetteer entries: what `jiaodui place NAME` prints and what
//! the language server's hover shows for a place.

use std::fmt::Write as _;

use super::{ChangeId, Gazetteer, Origin, PlaceId};

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

/// Everything the gazetteer knows under `name`: current entries, then the changes after
/// which the name went out of use. Empty when the name is unknown.
pub fn describe_name(g: &Gazetteer, name: &str) -> String {
    let mut out = String::new();
    for id in g.lookup(name) {
        out.push_str(&describe_place(g, id));
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
