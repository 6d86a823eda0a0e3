//! A county written by its stem after a province (`山西平遥`, `浙江义乌`), the way papers
//! name a place for readers elsewhere. The stem is no name of the gazetteer's matcher, so it
//! is looked for right after each province; it is kept only where it stands as a name and
//! where every county of that stem lies in one other province: `陕西平遥` is the slip
//! `place/hierarchy` reports, `山西平遥` is fine and left alone. A former name is written
//! the same way (`湖北襄樊`), and found the same way when no place bears its stem now.

use super::slips::{slip_candidate, Written};
use super::{Input, Mention, SlipBasis, SlipCandidate};
use crate::gazetteer::fuzzy::{confusable, Confusion, Slip};
use crate::gazetteer::{strip_suffix, ChangeId, Gazetteer, Level, Match, NameRef, PlaceId};
use crate::text::{is_han, Span};

/// Words after a stem that show it stands as a place (`平遥古城`, `正定人`); punctuation and
/// the end of the segment do too.
const AFTER_STEM: &[&str] = &[
    "的", "人", "籍", "古城", "县城", "一带", "等地", "境内", "老乡", "农村", "村民", "市民",
];

/// County stems that are everyday words too (`河北南部`, `浙江合作`, `四川资源`): after a
/// province they are words, not counties.
const WORD_STEMS: &[&str] = &[
    "资源", "合作", "和平", "武功", "比如", "南部", "解放", "东方", "前进", "港口", "公安", "友好",
    "共和", "城中", "友谊", "平安", "中方", "凤凰", "安定", "延长", "光明", "新兴", "运河", "万年",
    "东风", "红旗", "光泽", "南岸", "城北", "城东", "城西", "城南", "会同", "工农", "大名", "富裕",
    "清水", "高明", "前锋", "复兴", "长子", "清新", "宏伟", "平定", "芙蓉", "洞口", "温泉", "石门",
    "向阳", "振兴", "三元", "大方", "新华", "莲花", "平和", "名山", "黄龙", "龙泉", "白云", "桃源",
    "三门", "大观", "永和", "二七", "台前", "金山", "双桥", "九龙", "二道", "无为", "小店", "同心",
    "宝塔", "元宝", "平房", "灯塔", "天涯", "七星", "海棠", "回民", "钟楼", "江岸", "方正", "市中",
    "新市", "新城", "长安", "城关", "矿区", "高新", "开发", "经开", "文化", "民主", "团结", "胜利",
    "民乐", "新建", "丰满", "安居", "开化", "大兴", "湖里", "路南", "市北", "市南", "天元", "永年",
    // Firms, banks, hospitals and clubs named like a county (`福建兴业`, `上海瑞金医院`).
    "兴业", "紫金", "宝丰", "太平", "古城", "琅琊", "同仁", "瑞金", "长海", "龙湖", "海港", "华夏",
];

/// Last characters of stems named after a lake, a mountain, a river or a landmark (`太湖`,
/// `恒山`, `龙门`, `天桥`, `平原`): after a province such a name more often means the lake or
/// the mountain than the county named after it, so it counts only before a word that makes
/// it a county's ([`COUNTY_AFTER`]).
const FEATURE_ENDS: &str = "山湖河江海泉井门峰岭洞池港桥原南北";

/// Words after a stem that make it a county's name, whatever the stem is (`巫山人`).
const COUNTY_AFTER: &[&str] = &["人", "籍", "县城", "老乡"];

/// A stem right after a province, standing as a name.
pub(super) enum StemAfter {
    /// A county stem whose counties all lie in one other province (`陕西平遥`): its length
    /// in bytes, and those counties.
    Misplaced(usize, Vec<PlaceId>),
    /// The stem of a former name of that province, which no current place bears
    /// (`湖北襄樊`): its length in bytes, and the changes that ended the name.
    Former(usize, Vec<ChangeId>),
}

/// For a match that names only provinces and is followed by no other name, the county stem
/// or former name's stem right after it that the province does not hold now.
pub(super) fn stem_after(
    g: &Gazetteer,
    body: &str,
    m: &Match<'_>,
    next_match_start: Option<usize>,
) -> Option<StemAfter> {
    let place = |r: &NameRef| match *r {
        NameRef::Place(id) | NameRef::Short(id) => Some(id),
        _ => None,
    };
    let rest = &body[m.end..];
    if next_match_start == Some(m.end) || !rest.starts_with(is_han) {
        return None;
    }
    // Ex) 吉林 is the province and its prefecture 吉林市: a province among places. A
    // prefecture alone (`苏州江阴`) is a parent too, for counties but not for former names.
    let levels = || m.refs.iter().filter_map(place).map(|p| g.place(p).level);
    let level = match m.refs.iter().all(|r| place(r).is_some()) {
        true if levels().any(|l| l == Level::Province) => Level::Province,
        true if levels().all(|l| l == Level::Prefecture) => Level::Prefecture,
        _ => return None,
    };
    let written: Vec<PlaceId> = m.refs.iter().filter_map(place).collect();
    let mut ends: [usize; MAX_STEM] = [0; MAX_STEM];
    let mut chars = 0;
    for (i, c) in rest.char_indices().take(MAX_STEM) {
        ends[chars] = i + c.len_utf8();
        chars += 1;
    }
    // The longest stem first: `九寨沟` before `九寨`.
    for &len in ends.get(1..chars).unwrap_or_default().iter().rev() {
        let (stem, after) = rest.split_at(len);
        if !stem.chars().all(is_han) || !stands_as_name(stem, after) || WORD_STEMS.contains(&stem) {
            continue;
        }
        let counties: Vec<PlaceId> = g.counties_by_stem(stem).collect();
        if counties.is_empty() {
            // Ex) 湖北襄樊: 襄樊市 is 襄阳市 since 2010, and no place is named 襄樊 now.
            let alone = next_match_start.is_none_or(|next| next >= m.end + len);
            let former = (level == Level::Province && alone)
                .then(|| former_stem(g, stem, &written))
                .flatten();
            match former {
                Some(former) => return Some(StemAfter::Former(len, former)),
                None => continue,
            }
        }
        // Ex) 洛阳牡丹: after a city a district's stem is as often a word (牡丹区 is 菏泽's).
        if level == Level::Prefecture && counties.iter().any(|&c| g.place(c).name.ends_with('区'))
        {
            return None;
        }
        let mut holders = counties.iter().map(|&c| g.ancestor_at(c, level));
        let first = holders.next().flatten();
        let misplaced = first.is_some()
            && holders.all(|h| h == first)
            && !(counties.iter()).any(|&c| written.iter().any(|&p| g.is_within(c, p)))
            && !(written.iter()).any(|&p| named_there(g, p, level, |name| name.starts_with(stem)));
        return misplaced.then_some(StemAfter::Misplaced(len, counties));
    }
    None
}

/// The changes that ended a former name of stem `stem` in the province `written`, when no
/// county or town there bears the stem now (`湖北蒲圻` is 蒲圻街道 of 赤壁).
fn former_stem(g: &Gazetteer, stem: &str, written: &[PlaceId]) -> Option<Vec<ChangeId>> {
    let former: Vec<ChangeId> = (g.former_by_stem(stem))
        .filter(|&c| (g.change(c).area).is_some_and(|a| written.iter().any(|&p| g.is_within(a, p))))
        .collect();
    let borne = |p| {
        named_there(g, p, Level::Province, |name| {
            strip_suffix(name) == Some(stem)
        })
    };
    (!former.is_empty() && !written.iter().any(|&p| borne(p))).then_some(former)
}

/// Whether a county or town of the province (or prefecture, by `level`) of `written` has a
/// name that `names` the stem (`北京沙河` is 沙河镇 of 昌平, `天津滨海` is 滨海新区,
/// `湖北蒲圻` is 蒲圻街道 of 赤壁): the text may mean that place.
fn named_there(
    g: &Gazetteer,
    written: PlaceId,
    level: Level,
    names: impl Fn(&str) -> bool,
) -> bool {
    let Some(code) = g.ancestor_at(written, level).and_then(|p| g.place(p).code) else {
        return false;
    };
    // Six-digit codes: a province's counties share its first two digits, a prefecture's
    // its first four.
    let width = if level == Level::Province {
        10_000
    } else {
        100
    };
    let counties = g.builtin_ids_with_codes(code, code + width);
    let towns = g.builtin_ids_with_codes(code * 1_000, (code + width) * 1_000);
    counties.chain(towns).any(|id| names(&g.place(id).name))
}

/// The longest county stem, in characters (`鹰手营子矿`).
const MAX_STEM: usize = 5;

/// Whether the text after a stem shows it stands as a county's name.
fn stands_as_name(stem: &str, after: &str) -> bool {
    if COUNTY_AFTER.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    if stem
        .chars()
        .next_back()
        .is_some_and(|c| FEATURE_ENDS.contains(c))
    {
        return false;
    }
    match after.chars().next() {
        None => true,
        Some(c) if !is_han(c) => !c.is_alphanumeric(),
        Some(_) => AFTER_STEM.iter().any(|w| after.starts_with(w)),
    }
}

/// Characters that make a word with `县` rather than a county's name (`全县`, `该县`,
/// `两县`, `邻县`): never read as a slip for a county of one character.
const NOT_COUNTY: &str = "全该本各此每某两一二三四五六七八九十几多邻外原新老其整附周诸州府";

/// A county of one character and `县` written after its province or prefecture with that
/// character replaced by a confusable one (`山西祈县` for 祁县): the one-character name
/// `slips::candidate` leaves alone. `at` is the byte of `县` in `segment`.
pub(super) fn one_char_county(
    input: &Input<'_>,
    g: &Gazetteer,
    segment: Span,
    at: usize,
    known: &Written<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    let body = &input.text[segment.range()];
    let written = body[..at].chars().next_back()?;
    let start = segment.start + (at - written.len_utf8()) as u32;
    let end = segment.start + (at + '县'.len_utf8()) as u32;
    if !is_han(written) || NOT_COUNTY.contains(written) || known.inside(start) {
        return None;
    }
    let parent = known.ending_at(start)?;
    let scopes = &mentions[parent].places;
    let holds_counties =
        |p: PlaceId| matches!(g.place(p).level, Level::Province | Level::Prefecture);
    if scopes.is_empty() || !scopes.iter().all(|&p| holds_counties(p)) {
        return None;
    }
    let name = &input.text[start as usize..end as usize];
    if !g.matcher().refs(name).is_empty() {
        return None;
    }
    let mut found: Option<(PlaceId, char, Confusion)> = None;
    for county in scopes.iter().flat_map(|&p| counties_under(g, p)) {
        let mut chars = g.place(county).name.chars();
        let (Some(right), Some('县'), None) = (chars.next(), chars.next(), chars.next()) else {
            continue;
        };
        let Some(why) = confusable(written, right) else {
            continue;
        };
        if found.is_some_and(|(other, _, _)| other != county) {
            // Two counties fit: no telling which is meant.
            return None;
        }
        found = Some((county, right, why));
    }
    let (county, right, why) = found?;
    let slip = Slip::Replaced {
        written,
        right,
        why,
    };
    let right = g.place(county).name.to_string();
    let span = Span::new(start, end);
    let basis = SlipBasis::Parent(parent);
    Some(slip_candidate(
        span,
        name,
        right,
        vec![county],
        slip,
        basis,
        mentions,
    ))
}

/// The counties under a province (through its prefectures) or a prefecture.
fn counties_under(g: &Gazetteer, p: PlaceId) -> Vec<PlaceId> {
    let mut counties = Vec::new();
    for &child in g.children(p) {
        match g.place(child).level {
            Level::County => counties.push(child),
            Level::Prefecture => counties
                .extend((g.children(child).iter()).filter(|&&c| g.place(c).level == Level::County)),
            _ => {}
        }
    }
    counties
}
