use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::gazetteer::short_forms::short_forms;
use crate::gazetteer::{strip_suffix, Gazetteer, Level, PlaceId, VillageId};
use crate::recognise::places::Mention;
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 文中连写的地名里，某地写在了不属于它的上级之下；跳不跳级、全称还是简称都算。
    ///
    /// 县级及以上，上级写错就提示：`河北省张家港市`（张家港属江苏）、`甘肃省银川市`、`安徽淮安`（淮安在江苏）；省名或地级市简称后只写县名主干的也算（`陕西平遥`，平遥县在山西；`苏州江阴`，江阴市属无锡），只要主干后面是标点或“的”“人”“古城”等字、主干又不是常用词（`河北南部`）。县级以下的乡镇、村，只有地名库把它放在所写上级的邻近区划之下——即所写上级的上级之下、与所写上级同级的地方——时才提示：`肥西县店埠镇`（店埠镇在合肥的邻县肥东县）、`水泊寺街道水泊寺村`。这是因为地名库跟不上新设的乡镇，而村名在全国大量重复。
    ///
    /// 重名的地名，只要有一个在所写上级之下就没问题；简称同时是上级所辖某区名称主干的，就指那个区（`北京朝阳`）；简称后接学校、医院、银行、宾馆等的，是机构名称的开头（`上海市延安中学`）。村名读到最长的通名为止：`柏杨村社区` 是一个社区，不是 `柏杨村`。已知地名在 `[bulletin] region` 之外，本身不算问题。国家统计局的统计单位（开发区、农场等）从不作为本规则判断的依据。
    /// ## 为什么
    /// 把地方写到错误的省、县或街道之下，会让读者弄错主管部门和地点，属于事实差错。
    /// ## 示例
    /// ```text,flagged
    /// 大同市平城区云冈镇开展植树活动，河北省张家港市、安徽淮安的代表参加。
    /// ```
    /// ```text,clean
    /// 大同市云冈区云冈镇开展植树活动，江苏省张家港市、江苏淮安的代表参加。
    /// ```
    /// ## 修改
    /// 仅作建议：改为地名库给出的上级，写法与原来一致（原来是简称就用简称）。只在上级明确时才给出；也可能是下级地名写错了，所以由人决定。
    /// ## 依据
    /// 《行政区划管理条例》(2018) 和国家统计局统计用区划代码。
    pub(crate) RULE = "place/hierarchy" {
        severity: Error,
        fix: Suggested,
        checks: [
            Error: "地名隶属关系错误",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let g = cx.gazetteer;
    let places = &cx.facts.places;
    let mentions = &places.mentions;
    for child in mentions.iter().chain(&places.county_stems) {
        let Some(parent) = child.after.map(|i| &mentions[i]) else {
            continue;
        };
        let Some(right) = misplaced(g, parent, child) else {
            continue;
        };
        // Ex) 四川巫山县 in 1996: 巫山 went to 重庆 in 1997, after the draft.
        if moved_out_later(g, parent, child, cx.reference_date()) {
            continue;
        }
        let paths: Vec<String> = right.iter().map(|&(_, c)| g.path(c)).collect();
        let holders: Vec<PlaceId> = right.iter().map(|&(p, _)| p).collect();
        acc.push(finding(
            g,
            parent,
            child.span,
            &child.name,
            &holders,
            &paths,
        ));
    }
    // The village list is 2023's: a draft dated before 2021 (or undated) is not judged
    // against it, since villages move between towns more often than towns between counties.
    if cx
        .issue_date
        .is_none_or(|d| d < jiff::civil::date(VILLAGES_FROM, 1, 1))
    {
        return;
    }
    for village in &places.villages {
        let Some(parent) = village.parent.map(|i| &mentions[i]) else {
            continue;
        };
        let Some(right) = village_misplaced(g, parent, &village.villages) else {
            continue;
        };
        let v = g.villages();
        let paths: Vec<String> = right.iter().map(|&(_, id)| v.path(g, id)).collect();
        let holders: Vec<PlaceId> = right.iter().map(|&(p, _)| p).collect();
        acc.push(finding(
            g,
            parent,
            village.span,
            &village.name,
            &holders,
            &paths,
        ));
    }
}

/// The first year whose drafts the built-in village list (NBS 2023) judges.
const VILLAGES_FROM: i16 = 2021;

/// The finding for `child` written under `parent` where the gazetteer puts it under
/// `holders` (at the parent's level), with the paths of the child's entries.
fn finding(
    g: &Gazetteer,
    parent: &Mention,
    span: Span,
    child: &str,
    holders: &[PlaceId],
    paths: &[String],
) -> Diagnostic {
    let mut names: Vec<String> = holders
        .iter()
        .map(|&p| written_like(g, p, parent.short))
        .collect();
    names.sort();
    names.dedup();
    let mut diagnostic = Diagnostic::new(&RULE, span, format!("“{child}”不属于“{}”", parent.name))
        .with_related(parent.span, format!("“{}”写在这里", parent.name))
        .with_note(format!("地名库中：{}", paths.join("；")));
    if let [name] = &names[..] {
        diagnostic.message = format!("“{child}”不属于“{}”，而属于“{name}”", parent.name);
        diagnostic = diagnostic.with_fix(Fix::suggested(
            format!("改为“{name}”"),
            vec![Edit::replace(parent.span, name.clone())],
        ));
    }
    diagnostic
}

/// The name of `place` as a parent written in short form (`江苏` for 江苏省) would be, or
/// its full name.
fn written_like(g: &Gazetteer, place: PlaceId, short: bool) -> String {
    let entry = g.place(place);
    let level = match entry.level {
        Level::Province => "province",
        Level::Prefecture => "prefecture",
        _ => "county",
    };
    short
        .then(|| short_forms(&entry.name, level).into_iter().next())
        .flatten()
        .unwrap_or_else(|| entry.name.to_string())
}

/// For a `child` in no place of `parent`'s name, the places of the parent's level that do
/// hold it, each with the child's place there: at county level and above wherever they
/// are, below only next to the parent (under the same grandparent). `None` when the pair is
/// fine or cannot be judged.
fn misplaced(g: &Gazetteer, parent: &Mention, child: &Mention) -> Option<Vec<(PlaceId, PlaceId)>> {
    if parent.all_places.is_empty() || child.all_places.is_empty() {
        return None;
    }
    let parents = &parent.all_places;
    let children = &child.all_places;
    // Ex) 山西大同经济开发区水泊寺街道: statistical units anchor nothing.
    if parents.iter().any(|&p| g.place(p).statistical)
        || children.iter().all(|&c| g.place(c).statistical)
    {
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
    let mut right: Vec<(PlaceId, PlaceId)> = Vec::new();
    let upper = children.iter().all(|&c| g.place(c).level <= Level::County);
    if upper {
        // Ex) 北京朝阳: the short form is 朝阳区's too, which 北京 holds.
        if child.short && stem_under(g, parents, &child.name) {
            return None;
        }
        // Ex) 吉林金塔县: of a parent's places at two levels (吉林省, 吉林市), the higher.
        let level = parents.iter().map(|&p| g.place(p).level).min()?;
        for &c in children.iter().filter(|&&c| !g.place(c).statistical) {
            if let Some(holder) = g.ancestor_at(c, level) {
                if !right.iter().any(|&(h, _)| h == holder) {
                    right.push((holder, c));
                }
            }
        }
        return (!right.is_empty()).then_some(right);
    }
    for &p in parents {
        let Some(grandparent) = g.parent(p) else {
            continue;
        };
        let level = g.place(p).level;
        for &c in children {
            if g.is_within(c, grandparent) {
                if let Some(holder) = g.ancestor_at(c, level) {
                    if !g.place(holder).statistical && !right.iter().any(|&(h, _)| h == holder) {
                        right.push((holder, c));
                    }
                }
            }
        }
    }
    (!right.is_empty()).then_some(right)
}

/// For built-in villages (all of one name) in no place of `parent`'s name, the towns or
/// counties next to the parent that hold them, each with its village.
fn village_misplaced(
    g: &Gazetteer,
    parent: &Mention,
    villages: &[VillageId],
) -> Option<Vec<(PlaceId, VillageId)>> {
    let v = g.villages();
    // The parent as the text resolves it (`宜丰县新庄镇`, not every 新庄镇): village names
    // repeat so often that some neighbour of some namesake holds one.
    let parents = &parent.places;
    if parents.len() != 1 || villages.is_empty() {
        return None;
    }
    if parents.iter().any(|&p| {
        let place = g.place(p);
        place.statistical || !matches!(place.level, Level::County | Level::Town)
    }) {
        return None;
    }
    let towns: Vec<PlaceId> = villages.iter().map(|&id| v.town(id)).collect();
    if towns
        .iter()
        .any(|&t| parents.iter().any(|&p| g.is_within(t, p)))
    {
        return None;
    }
    let mut right: Vec<(PlaceId, VillageId)> = Vec::new();
    for &p in parents {
        let (Some(grandparent), level) = (g.parent(p), g.place(p).level) else {
            continue;
        };
        for (&id, &town) in villages.iter().zip(&towns) {
            if g.is_within(town, grandparent) {
                if let Some(holder) = g.ancestor_at(town, level) {
                    if !g.place(holder).statistical && !right.iter().any(|&(h, _)| h == holder) {
                        right.push((holder, id));
                    }
                }
            }
        }
    }
    (!right.is_empty()).then_some(right)
}

/// Whether one of the child's places came from under the parent by a change after
/// `reference`: the text was right when it was written.
fn moved_out_later(
    g: &Gazetteer,
    parent: &Mention,
    child: &Mention,
    reference: jiff::civil::Date,
) -> bool {
    let prefixes: Vec<u64> = parent
        .all_places
        .iter()
        .filter_map(|&p| {
            let place = g.place(p);
            let code = place.code?;
            match place.level {
                Level::Province => Some(code / 10_000),
                Level::Prefecture => Some(code / 100),
                _ => None,
            }
        })
        .collect();
    if prefixes.is_empty() {
        return false;
    }
    g.changes().iter().any(|change| {
        change.old_code < 1_000_000
            && !change.date.is_before(reference)
            && change
                .successors
                .iter()
                .any(|s| s.1.is_some_and(|p| child.all_places.contains(&p)))
            && prefixes.iter().any(|&prefix| {
                change.old_code / 10_000 == prefix || change.old_code / 100 == prefix
            })
    })
}

/// Whether a place one or two levels under one of `parents` has `short` as its stem
/// (`朝阳区` under 北京市 for `朝阳`).
fn stem_under(g: &Gazetteer, parents: &[PlaceId], short: &str) -> bool {
    parents.iter().any(|&p| {
        g.children(p).iter().any(|&c| {
            let grandchildren = || g.children(c).iter();
            strip_suffix(&g.place(c).name) == Some(short)
                || (g.place(c).placeholder || g.place(c).level <= Level::Prefecture)
                    && grandchildren().any(|&d| strip_suffix(&g.place(d).name) == Some(short))
        })
    })
}
