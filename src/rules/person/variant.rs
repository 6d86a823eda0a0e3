use std::collections::{BTreeMap, HashMap, HashSet};

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::persons::{surname_chars, MentionSource, Occurrence, Persons};
use crate::rules::Context;
use pinyin::ToPinyinMulti;

declare_rule! {
    /// ## 查什么
    /// 同一篇稿件中，同一个人的名字有两种写法：两个三字或三字以上的姓名，各自紧挨着称谓或职务出现（`居民王秀英`、`王秀芳老人`、`书记李建国`）或出现在署名中，姓氏和字数相同，名字只差一个字，或名字读音相同（`王秀英`、`王修瑛`）。图片说明和署名也算在内。
    ///
    /// 读音相同，指每个字取某一种读音时拼音相同，不计声调，不管有几个字不同。
    ///
    /// 冠以两种不同职务的两个姓名（`书记李明华`、`医生李明桦`），或一个称女士、一个称先生（`女士`、`先生`）的，是两个人。
    ///
    /// 署名记者的名字只与正文中提到的记者（`记者王梅`）比较，不与报道中的人物比较。同一句里出现的两个姓名（`王秀英和王秀芳姐妹`）、两位署名的记者或摄影记者、各出现不止一次的两个姓名，都当作两个人。两字姓名不比较：`王海` 和 `王梅` 是两个人的可能远大于写错。
    /// ## 为什么
    /// 报道中一位居民的名字写成两样，必有一个是错的，认识这个人的读者一眼就会发现。
    /// ## 示例
    /// ```text,flagged
    /// 本报讯（记者 王海）8日，社区志愿者看望了独居老人王秀英。
    ///
    /// 王秀芳老人说：“感谢大家。”
    ///
    /// 居民张建华告诉记者，楼道亮了。
    ///
    /// 张剑桦老人说，电梯也快装好了。
    /// ```
    /// ```text,clean
    /// 本报讯（记者 王海）8日，社区志愿者看望了独居老人王秀英。
    ///
    /// 王秀英老人说：“感谢大家。”
    ///
    /// 居民王秀英和王秀芳姐妹一同参加了活动。
    ///
    /// 社区书记李明华介绍，义诊由医生李明桦牵头。
    /// ```
    /// ## 修改
    /// 仅作建议：两种写法任选其一，替换另一种写法出现的所有地方。哪个对只有记者知道。
    /// ## 依据
    /// 《报纸编校质量标准》：人名前后一致
    pub(crate) RULE = "person/variant" {
        severity: Warning,
        fix: Always,
        checks: [
            Error: "同一人名一字之差",
            Error: "同一人名同音异字",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let persons = &cx.facts.persons;
    let (list, cues) = distinct_names(persons);
    let (group_of, groups) = peer_groups(&list);
    let mut reported: HashSet<&str> = HashSet::new();
    for (i, &(a, ra)) in list.iter().enumerate() {
        let Some(group) = group_of[i].map(|g| &groups[g]) else {
            continue;
        };
        for &(b, rb) in group[group.partition_point(|&j| j <= i)..]
            .iter()
            .map(|&j| &list[j])
        {
            let by_sound = !one_given_char_apart(a, b);
            if by_sound && !same_sound(a, b) {
                continue;
            }
            // Compare people of one kind: two people of the story, or a credited reporter
            // and a reporter named in the text. Two credits are two colleagues; a reporter
            // and an official of the story are two people.
            let people = ra.in_story && rb.in_story;
            let reporters = (ra.credited && rb.reporter_in_text)
                || (rb.credited && ra.reporter_in_text)
                || (ra.reporter_in_text && rb.reporter_in_text);
            if !(people || reporters) {
                continue;
            }
            // Two different offices, or a woman and a man, are two people.
            let no_cues = Vec::new();
            let (ca, cb) = (cues.get(a), cues.get(b));
            if roles_differ(ca.unwrap_or(&no_cues), cb.unwrap_or(&no_cues)) {
                continue;
            }
            let (Some(occ_a), Some(occ_b)) =
                (persons.occurrences.get(a), persons.occurrences.get(b))
            else {
                continue;
            };
            if occ_a.len() >= 2 && occ_b.len() >= 2 {
                continue;
            }
            if occ_a
                .iter()
                .any(|x| occ_b.iter().any(|y| x.sentence == y.sentence))
            {
                continue;
            }
            if reported.contains(&a) || reported.contains(&b) {
                continue;
            }
            // Point at the rarer spelling (the later one when both are printed once).
            let (rare, rare_occ, common, common_occ) = if occ_a.len() < occ_b.len()
                || (occ_a.len() == occ_b.len() && occ_a[0].span.start > occ_b[0].span.start)
            {
                (a, occ_a, b, occ_b)
            } else {
                (b, occ_b, a, occ_a)
            };
            reported.insert(rare);
            acc.push(finding(rare, rare_occ, common, common_occ, by_sound));
        }
    }
}

/// The cue words (`书记`, `居民`) each name is printed with in the text.
type Cues<'a> = BTreeMap<&'a str, Vec<&'static str>>;

/// Distinct names of three or more characters, in order, with the roles they are printed
/// in; and the cue words each is printed with in the text.
fn distinct_names(persons: &Persons) -> (Vec<(&str, Roles)>, Cues<'_>) {
    let mut names: BTreeMap<&str, Roles> = BTreeMap::new();
    let mut cues: Cues<'_> = BTreeMap::new();
    for mention in &persons.mentions {
        let n = mention.name.chars().count();
        if n < 3 || mention.name.contains('·') {
            continue;
        }
        let roles = names.entry(mention.name.as_str()).or_default();
        match mention.source {
            MentionSource::Byline | MentionSource::PhotoCredit => roles.credited = true,
            MentionSource::Text if mention.cue == "记者" => roles.reporter_in_text = true,
            MentionSource::Text => roles.in_story = true,
        }
        if mention.source == MentionSource::Text {
            cues.entry(mention.name.as_str())
                .or_default()
                .push(mention.cue);
        }
    }
    (names.into_iter().collect(), cues)
}

/// The names of one surname and one length, as indices into `names` in order, and the
/// group of each name (`None` without a known surname): both tests compare only such names,
/// so a page of thousands of names is not compared pair by pair.
fn peer_groups(names: &[(&str, Roles)]) -> (Vec<Option<usize>>, Vec<Vec<usize>>) {
    let mut index: HashMap<(&str, usize), usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let group_of = (names.iter().enumerate())
        .map(|(i, &(name, _))| {
            let surname = surname_chars(name)?;
            let end = name
                .char_indices()
                .nth(surname)
                .map_or(name.len(), |(at, _)| at);
            let key = (&name[..end], name.chars().count());
            let g = *index.entry(key).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
            Some(g)
        })
        .collect();
    (group_of, groups)
}

/// The kinds of mention a name has in the draft.
#[derive(Clone, Copy, Default)]
struct Roles {
    /// In a byline or photo credit.
    credited: bool,
    /// After `记者` in the text.
    reporter_in_text: bool,
    /// Beside another title or role: a person of the story.
    in_story: bool,
}

fn finding(
    rare: &str,
    rare_occ: &[Occurrence],
    common: &str,
    common_occ: &[Occurrence],
    by_sound: bool,
) -> Diagnostic {
    let to_common = Fix::suggested(
        format!("改为“{common}”"),
        rare_occ
            .iter()
            .map(|o| Edit::replace(o.span, common))
            .collect(),
    );
    let to_rare = Fix::suggested(
        format!("统一为“{rare}”"),
        common_occ
            .iter()
            .map(|o| Edit::replace(o.span, rare))
            .collect(),
    );
    let how = if by_sound {
        "读音相同"
    } else {
        "仅差一字"
    };
    let mut diagnostic = Diagnostic::new(
        &RULE,
        rare_occ[0].span,
        format!("人名“{rare}”与“{common}”{how}，疑为同一人"),
    )
    .with_note("同一人名在稿件中前后写法应一致。")
    .with_related(common_occ[0].span, "另一写法")
    .with_fix(to_common)
    .with_fix(to_rare);
    for other in &rare_occ[1..] {
        diagnostic = diagnostic.with_related(other.span, "同一写法");
    }
    diagnostic
}

/// True when `a` and `b` share the surname and length and differ in exactly one character
/// of the given name.
fn one_given_char_apart(a: &str, b: &str) -> bool {
    let (Some(sa), Some(sb)) = (surname_chars(a), surname_chars(b)) else {
        return false;
    };
    if sa != sb || a.chars().count() != b.chars().count() {
        return false;
    }
    let mut pairs = a.chars().zip(b.chars());
    pairs.by_ref().take(sa).all(|(x, y)| x == y) && pairs.filter(|(x, y)| x != y).count() == 1
}

/// True when `a` and `b` share the surname and length and each character of the given
/// names, where they differ, has a reading (pinyin, tones aside) in common with the other:
/// `王秀英` and `王修瑛`.
fn same_sound(a: &str, b: &str) -> bool {
    let (Some(sa), Some(sb)) = (surname_chars(a), surname_chars(b)) else {
        return false;
    };
    if sa != sb || a.chars().count() != b.chars().count() || a == b {
        return false;
    }
    let mut pairs = a.chars().zip(b.chars());
    pairs.by_ref().take(sa).all(|(x, y)| x == y)
        && pairs.all(|(x, y)| x == y || share_reading(x, y))
}

fn share_reading(x: char, y: char) -> bool {
    let readings = |c: char| {
        c.to_pinyin_multi()
            .into_iter()
            .flat_map(|multi| multi.into_iter().map(|p| p.plain()))
    };
    readings(x).any(|rx| readings(y).any(|ry| rx == ry))
}

/// Offices and trades, with the words that name one office alike: two names printed with
/// different ones are two people.
const OFFICES: [&[&str]; 26] = [
    &["书记", "支书"],
    &["主任"],
    &["负责人"],
    &["民警"],
    &["网格员"],
    &["队长"],
    &["站长"],
    &["所长"],
    &["经理"],
    &["老师", "教师"],
    &["医生"],
    &["院长"],
    &["校长"],
    &["组长"],
    &["厂长"],
    &["村长"],
    &["镇长", "乡长"],
    &["区长", "县长"],
    &["局长"],
    &["主席"],
    &["院士", "教授"],
    &["护士"],
    &["社工"],
    &["记者"],
    &["店主", "摊主"],
    &["工作人员"],
];

const WOMEN: [&str; 5] = ["女士", "大妈", "阿姨", "奶奶", "大姐"];
const MEN: [&str; 5] = ["先生", "大爷", "爷爷", "大哥", "老汉"];

/// True when the titles two names are printed with make them two people: offices that share
/// nothing, or a woman's title and a man's.
fn roles_differ(a: &[&str], b: &[&str]) -> bool {
    let offices = |cues: &[&str]| -> Vec<usize> {
        OFFICES
            .iter()
            .enumerate()
            .filter(|(_, words)| cues.iter().any(|c| words.contains(c)))
            .map(|(i, _)| i)
            .collect()
    };
    let (oa, ob) = (offices(a), offices(b));
    let offices_differ = !oa.is_empty() && !ob.is_empty() && oa.iter().all(|o| !ob.contains(o));
    let is = |cues: &[&str], titles: &[&str]| cues.iter().any(|c| titles.contains(c));
    let sexes_differ = (is(a, &WOMEN) && is(b, &MEN)) || (is(a, &MEN) && is(b, &WOMEN));
    offices_differ || sexes_differ
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sound_alikes() {
        assert!(same_sound("王秀英", "王修瑛"));
        assert!(same_sound("张建华", "张剑桦"));
        // Any reading of a character with several: 长 is chang and zhang.
        assert!(same_sound("李长江", "李章江"));
        assert!(!same_sound("王秀英", "王秀芳"));
        assert!(!same_sound("王秀英", "李秀英"));
        assert!(!same_sound("王秀英", "王秀英"));
        assert!(!same_sound("欧阳明华", "欧明华"));
    }

    #[test]
    fn roles() {
        assert!(roles_differ(&["书记"], &["医生"]));
        assert!(!roles_differ(&["书记"], &["支书"]));
        assert!(!roles_differ(&["居民"], &["医生"]));
        assert!(roles_differ(&["女士"], &["先生"]));
        assert!(!roles_differ(&["居民"], &["老人"]));
    }
}
