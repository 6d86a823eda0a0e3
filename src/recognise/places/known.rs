//! Known names in the text: names, aliases and former names, found by the gazetteer's
//! matcher; a name that is also an everyday word only right after a place containing it.

use std::borrow::Cow;

use super::county_stems::{stem_after, StemAfter};
use super::ids::PlaceIds;
use super::openers::opened_by;
use super::tree::{Articles, Tree};
use super::{Input, Mention, Resolution};
use crate::gazetteer::{strip_suffix, ChangeId, Gazetteer, Level, Match, Name, NameRef, PlaceId};
use crate::text::{is_han, Span};

/// Names that are also everyday words: they count as places only right after the name of a
/// place that contains them.
pub(super) const EVERYDAY: &[&str] = &[
    "新城区",
    "老城区",
    "开发区",
    "高新区",
    "经济开发区",
    "工业园区",
    "保税区",
    "示范区",
    "新区",
    "郊区",
    "市郊区",
    "近郊区",
    "远郊区",
    "矿区",
    "城区",
    "林区",
    "牧区",
    "山区",
    "景区",
    "市区",
    "社区",
    "园区",
    "新村",
];

/// Whether `name` is one of [`EVERYDAY`]: asked of every name found, so the last character
/// (区 or 村 for all of them), the lengths and the first characters are compared before any
/// whole name.
pub(super) fn is_everyday(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.len() < 6 || !matches!(&bytes[bytes.len() - 3..], b"\xE5\x8C\xBA" | b"\xE6\x9D\x91") {
        return false;
    }
    EVERYDAY
        .iter()
        .any(|e| e.len() == name.len() && e.as_bytes()[..3] == bytes[..3] && *e == name)
}

/// Characters after a name that show it is part of a longer word (`中山市场`, `城关乡村`).
fn continues_word(name: &str, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    let last = name.chars().next_back();
    matches!(
        (last, next),
        (Some('市'), '场' | '长' | '政' | '容' | '县' | '面' | '民')
            | (
                Some('乡'),
                '村' | '亲' | '土' | '愁' | '音' | '镇' | '间' | '下' | '里'
            )
            | (Some('镇'), '压' | '定' | '静' | '守' | '长')
            | (Some('区'), '域' | '别' | '分' | '间' | '长')
            | (Some('县'), '长' | '令' | '官')
            | (Some('村'), '庄' | '落' | '镇' | '寨' | '长')
            | (Some('省'), '长' | '力' | '略' | '钱' | '事' | '去')
    )
}

/// Short forms that are everyday words too (`日照` sunshine, `白银` silver, `大庆` a grand
/// celebration, `朝阳` the morning sun, `中山` in every city's 中山路): they count only right
/// after a place that contains them (`山东日照`), never as the parent or the wrong child
/// of a chain (`新疆日照时间长`).
const WORD_LIKE_SHORT_FORMS: &[&str] = &[
    "日照", "白银", "大庆", "安康", "来宾", "开封", "普洱", "哈密", "海口", "长治", "三明", "黄山",
    "中山", "白山", "朝阳", "红河", "大理", "阿里", "山南", "怒江", "吕梁", "四平", "包头", "淮南",
    "淮北", "文山", "玉树", "酒泉", "天水", "中卫", "北海", "泰安", "承德", "吉安", "九江", "乐山",
    "海东", "海北", "海西", "黑河", "河源", "黄石", "咸宁", "孝感", "恩施", "常德", "保定", "南平",
    "东营", "定西", "通化", "广安", "三沙", "金昌", "铜川",
];

/// Characters after a short form that make it the start of a longer word (`上海南京路`,
/// `哈密瓜`, `大理石`): not a place there.
const SHORT_CONTINUES: &str = "路街巷道门桥站港弄里湾馆店厦楼寺宫庙园瓜茶石玉火菜话剧牌籍";

/// Whether every place a name refers to is by a short form (`安徽`, `淮安`, `麻阳县`).
fn is_short_form(refs: &[NameRef]) -> bool {
    refs.iter().any(|r| matches!(r, NameRef::Short(_)))
        && refs
            .iter()
            .all(|r| matches!(r, NameRef::Short(_) | NameRef::Former(_)))
}

/// A former name of one character and a suffix with no current place (`灌县`, `酃县`), where
/// the characters around it show it stands as a name: at the start of a phrase or after a
/// preposition (`在灌县`), and not before 城 (`普通县城`). Other names of one character are
/// too easily part of a word to count alone (`区和县`).
fn former_standing_alone(body: &str, m: &Match<'_>, places: &[PlaceId]) -> bool {
    if !places.is_empty() || !m.refs.iter().any(|r| matches!(r, NameRef::Former(_))) {
        return false;
    }
    let name = &body[m.start..m.end];
    if is_everyday(name) || strip_suffix(name).is_none() {
        return false;
    }
    let before = body[..m.start].chars().next_back();
    let after = body[m.end..].chars().next();
    before.is_none_or(|c| !is_han(c) || "在到于至赴往去来".contains(c))
        && after.is_none_or(|c| !matches!(c, '城' | '区' | '市' | '乡' | '镇' | '份' | '级'))
        && !GOODS.iter().any(|w| body[m.end..].starts_with(w))
}

/// Goods and dishes named after where they come from: a former name before one is part of
/// a brand (`沙县小吃`, `横县茉莉花茶`, `郫县豆瓣`), which keeps it.
const GOODS: &[&str] = &[
    "小吃",
    "名吃",
    "美食",
    "特产",
    "豆瓣",
    "茉莉",
    "花茶",
    "茶叶",
    "米粉",
    "拌面",
    "扁肉",
    "板鸭",
    "火腿",
    "腊肉",
    "豆腐",
    "烧饼",
    "糕点",
    "月饼",
    "粽子",
    "酱油",
    "香醋",
    "白酒",
    "黄酒",
    "脐橙",
    "蜜柚",
    "红枣",
    "板栗",
    "花椒",
    "辣椒",
    "丝绸",
    "刺绣",
    "陶瓷",
    "剪纸",
    "老字号",
];

/// A county of one character and `县` (`冠县`, `沛县`) written at the start of a phrase or
/// after a preposition, right before the name of a town, township or street with its suffix
/// (`冠县东古城镇`, `在沛县欢口镇`): it stands as the town's county there. A character before
/// it that ends a word (`区和县城关镇`) makes it part of that word.
fn county_before_town(g: &Gazetteer, body: &str, m: &Match<'_>, places: &[PlaceId]) -> bool {
    let name = &body[m.start..m.end];
    if !name.ends_with('县') || !places.iter().any(|&p| g.place(p).level == Level::County) {
        return false;
    }
    let before = body[..m.start].chars().next_back();
    before.is_none_or(|c| !is_han(c) || "在到于至赴往去来自".contains(c))
        && town_follows(&body[m.end..])
}

/// Whether `rest` starts with a town's name: two to six Han characters of a name, then
/// `镇`, `乡` or `街道`.
fn town_follows(rest: &str) -> bool {
    for (stem, (i, c)) in rest.char_indices().enumerate() {
        if c == '镇' || c == '乡' || rest[i..].starts_with("街道") {
            return stem >= 2;
        }
        if !is_han(c) || stem == 6 || "的和与及等各个所有在是为了把被从向对县区市村城".contains(c)
        {
            return false;
        }
    }
    false
}

/// A name with no stem, or a one-character one (`城区`, `和县`): too short to tell from an
/// everyday word.
fn stem_too_short(name: &str) -> bool {
    strip_suffix(name).is_none_or(|stem| stem.chars().count() < 2)
}

/// A name too short to stand alone (`和县`) that nothing around it shows to be a name: not
/// a former name standing alone (`在灌县`), nor a county before a town (`冠县东古城镇`).
fn too_short_here(g: &Gazetteer, body: &str, m: &Match<'_>, places: &[PlaceId]) -> bool {
    stem_too_short(&body[m.start..m.end])
        && !former_standing_alone(body, m, places)
        && !county_before_town(g, body, m, places)
}

/// What `find_known` keeps from one segment to the next.
pub(super) struct KnownSearch<'g> {
    pub(super) tree: Tree<'g>,
    pub(super) articles: Articles,
    /// The matches of a segment.
    found: Vec<Match<'g>>,
    /// The characters that open an administrative suffix, with their `SUFFIXES` bits.
    pub(super) openers: Vec<(u32, u32)>,
    /// The places of a match.
    places: Vec<PlaceId>,
    /// Counties written by their stem after a province that does not hold them.
    pub(super) county_stems: Vec<Mention>,
}

impl<'g> KnownSearch<'g> {
    /// Room for what a page of `len` bytes usually has, so that the vectors seldom grow.
    pub(super) fn new(g: &'g Gazetteer, len: usize) -> KnownSearch<'g> {
        KnownSearch {
            tree: Tree::new(g),
            articles: Articles::default(),
            found: Vec::with_capacity(16),
            openers: Vec::with_capacity(len / 32),
            places: Vec::with_capacity(16),
            county_stems: Vec::new(),
        }
    }
}

/// Finds the known names of `segment`, and the characters that open an administrative
/// suffix (for `find_slips`) on the way.
pub(super) fn find_known<'g>(
    input: &Input<'_>,
    search: &mut KnownSearch<'g>,
    segment: Span,
    mentions: &mut Vec<Mention>,
) {
    let KnownSearch {
        tree,
        articles,
        found,
        openers,
        places: places_buf,
        county_stems,
    } = search;
    let g = tree.g;
    let body = &input.text[segment.range()];
    let first_in_segment = mentions.len();
    find_all(g, body, segment.start, found, openers);
    for (k, m) in found.iter().enumerate() {
        let name = &body[m.start..m.end];
        let next = body[m.end..].chars().next();
        if continues_word(name, next) {
            continue;
        }
        let short = is_short_form(m.refs);
        // Ex) 陕西平遥: the province counts, before a county it does not hold.
        let stem = stem_after(g, body, m, found.get(k + 1).map(|n| n.start));
        if short && stem.is_none() && !short_in_chain(found, k, name, &body[m.end..]) {
            continue;
        }
        let span = Span::new(segment.start + m.start as u32, segment.start + m.end as u32);
        let after = mentions
            .len()
            .checked_sub(1)
            .filter(|&i| i >= first_in_segment && mentions[i].span.end == span.start);
        let places = &mut *places_buf;
        let (mut former, mut newsroom_former) = split_refs(m.refs, places);
        // Ex) 城区 counts only in 大同市城区, never on its own; 日照 only in 山东日照.
        let everyday = is_everyday(name);
        let weak = (!short && too_short_here(g, body, m, places))
            || everyday
            || (short && WORD_LIKE_SHORT_FORMS.contains(&name));
        let kept = Kept {
            places,
            former: &mut former,
            newsroom_former: &mut newsroom_former,
        };
        if weak && !kept.after(tree, after.map(|i| &mentions[i]), everyday) {
            continue;
        }
        mentions.push(Mention {
            span,
            name: name_of(g, m.refs, name),
            places: PlaceIds::from_slice(places),
            // Set by `resolve`.
            all_places: PlaceIds::new(),
            former,
            newsroom_former,
            resolved_by: Resolution::Ambiguous,
            short,
            after,
            article: articles.at(input, span.start),
            // Set by `frame_former_names`.
            frame: None,
        });
        let after = mentions.len() - 1;
        match stem {
            Some(StemAfter::Misplaced(len, counties)) => {
                let at = Span::new(span.end, span.end + len as u32);
                county_stems.push(stem_mention(input, articles, after, at, &counties, vec![]));
            }
            Some(StemAfter::Former(len, changes)) => {
                let at = Span::new(span.end, span.end + len as u32);
                mentions.push(stem_mention(input, articles, after, at, &[], changes));
            }
            None => {}
        }
    }
}

/// A county or a former name written by its stem (`平遥` of `陕西平遥`, `襄樊` of `湖北襄樊`)
/// at `span`, right after the province mention `after`.
fn stem_mention(
    input: &Input<'_>,
    articles: &mut Articles,
    after: usize,
    span: Span,
    counties: &[PlaceId],
    former: Vec<ChangeId>,
) -> Mention {
    let counties = PlaceIds::from_slice(counties);
    Mention {
        span,
        name: Cow::Owned(input.text[span.range()].to_owned()),
        places: counties.clone(),
        all_places: counties,
        former,
        newsroom_former: Vec::new(),
        resolved_by: Resolution::Ambiguous,
        short: true,
        after: Some(after),
        article: articles.at(input, span.start),
        frame: None,
    }
}

/// The matches of `body` (which starts at `start` in the text) into `found`, and the
/// characters that open an administrative suffix onto `openers`.
fn find_all<'g>(
    g: &'g Gazetteer,
    body: &str,
    start: u32,
    found: &mut Vec<Match<'g>>,
    openers: &mut Vec<(u32, u32)>,
) {
    found.clear();
    g.matcher().find_all_visiting(body, found, |offset, ch| {
        let suffixes = opened_by(ch);
        if suffixes != 0 {
            openers.push((start + offset as u32, suffixes));
        }
    });
}

/// The places a match refers to (into `places`, sorted), and the changes and newsroom
/// former names it may be.
fn split_refs(refs: &[NameRef], places: &mut Vec<PlaceId>) -> (Vec<ChangeId>, Vec<(PlaceId, u32)>) {
    places.clear();
    let mut former = Vec::new();
    let mut newsroom_former = Vec::new();
    for r in refs {
        match *r {
            NameRef::Place(id) | NameRef::Alias(id) | NameRef::Short(id) => places.push(id),
            NameRef::Former(c) => former.push(c),
            NameRef::NewsroomFormer(id, i) => newsroom_former.push((id, i)),
        }
    }
    places.sort_unstable();
    places.dedup();
    (former, newsroom_former)
}

/// Whether the short form `found[k]` stands as a name: one with a suffix always (`麻阳县`);
/// one without (`淮安`) only in a chain of names (`安徽淮安`, `四川灌县`), and never as the
/// start of a longer word (`孙中山`, `中山路`) or of an institution's name (`上海市延安中学`).
fn short_in_chain(found: &[Match<'_>], k: usize, name: &str, rest: &str) -> bool {
    if strip_suffix(name).is_some() {
        return true;
    }
    let m = &found[k];
    let chained = (k > 0 && found[k - 1].end == m.start)
        || found.get(k + 1).is_some_and(|n| n.start == m.end);
    // Ex) 山西祈县: a county of one character the matcher does not know follows.
    let before_county = {
        let mut chars = rest.chars();
        matches!((chars.next(), chars.next()), (Some(c), Some('县')) if is_han(c) && c != '县')
    };
    (chained || before_county)
        && !rest.starts_with(|c| SHORT_CONTINUES.contains(c))
        && !names_institution(rest)
}

/// Words that end the name of a school, hospital, bank, hotel or other institution.
const INSTITUTIONS: &[&str] = &[
    "中学",
    "小学",
    "大学",
    "学院",
    "学校",
    "中专",
    "职校",
    "技校",
    "医院",
    "卫生院",
    "中心",
    "银行",
    "宾馆",
    "饭店",
    "酒店",
    "大厦",
    "商场",
    "剧院",
    "影院",
    "书店",
    "公司",
    "集团",
];

/// Whether `rest`, the text right after a short form, goes on with the end of an
/// institution's name, maybe after `实验` or an ordinal (`中学`, `实验小学`, `第一中学`, `一中`):
/// the short form starts that name (`上海市延安中学`, `上海市大同一中`), and names no place
/// there. `中心城区` is still the place's centre.
fn names_institution(rest: &str) -> bool {
    let rest = rest.strip_prefix("实验").unwrap_or(rest);
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let numbered = rest.trim_start_matches(|c| "一二三四五六七八九十".contains(c));
    let ordinal_school = numbered.len() < rest.len() && numbered.starts_with(['中', '小']);
    ordinal_school
        || INSTITUTIONS
            .iter()
            .any(|w| numbered.starts_with(w) && !(*w == "中心" && numbered[6..].starts_with('城')))
}

/// What a name refers to, narrowed below.
struct Kept<'a> {
    places: &'a mut Vec<PlaceId>,
    former: &'a mut Vec<ChangeId>,
    newsroom_former: &'a mut Vec<(PlaceId, u32)>,
}

impl Kept<'_> {
    /// A weak name counts only right after a place that contains it: keeps what lies under
    /// `parent`; whether anything is left.
    fn after(mut self, tree: &mut Tree<'_>, parent: Option<&Mention>, everyday: bool) -> bool {
        // Ex) 大同城区 is the urban area of 大同; 大同市城区 names the district.
        parent.is_some_and(|parent| !(everyday && parent.short) && self.under(tree, &parent.places))
    }

    /// Keeps what lies under `parent` (a place of it or its area); whether anything is left.
    fn under(&mut self, tree: &mut Tree<'_>, parent: &[PlaceId]) -> bool {
        let g = tree.g;
        self.places
            .retain(|&p| parent.iter().any(|&a| a != p && tree.within(p, a)));
        self.former.retain(|&c| {
            g.change(c)
                .area
                .is_some_and(|area| parent.iter().any(|&a| tree.within(area, a)))
        });
        self.newsroom_former
            .retain(|&(p, _)| parent.iter().any(|&a| tree.within(p, a)));
        !(self.places.is_empty() && self.former.is_empty() && self.newsroom_former.is_empty())
    }
}

/// The name as the gazetteer holds it, borrowed, when it is the name of what the first of
/// `refs` refers to; else a copy of `name`.
fn name_of(g: &Gazetteer, refs: &[NameRef], name: &str) -> Name {
    let known = match refs.first() {
        Some(NameRef::Short(_)) => return Cow::Owned(name.to_owned()),
        Some(NameRef::Place(id) | NameRef::Alias(id) | NameRef::NewsroomFormer(id, _)) => {
            &g.place(*id).name
        }
        Some(NameRef::Former(c)) => &g.change(*c).old_name,
        None => return Cow::Owned(name.to_owned()),
    };
    match known {
        Cow::Borrowed(known) if *known == name => Cow::Borrowed(known),
        _ => Cow::Owned(name.to_owned()),
    }
}
