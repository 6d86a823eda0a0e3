use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::{BlockKind, Draft};
use crate::fix::{Edit, Fix};
use crate::gazetteer::{Level, PlaceId};
use crate::recognise::persons::{surname_chars, Mention, MentionSource, Occurrence, Persons};
use crate::rules::Context;
use pinyin::ToPinyinMulti;

declare_rule! {
    /// ## 查什么
    /// 同一篇稿件中，同一个人的名字有两种写法：两个三字或三字以上的姓名，各自紧挨着称谓或职务出现（`居民王秀英`、`王秀芳老人`、`书记李建国`）或出现在署名中，或在句首、引语之后、句首几个字加逗号之后紧挨着 `说`、`表示`、`告诉`、`介绍` 等（`王秀瑛说：“……”`、`“……。”孙建花说`、`赛后，张雨菲表示`，称谓加姓的 `张先生`、`唐排长` 和机构名不算），姓氏和字数相同，名字只差一个字，或名字读音相同（`王秀英`、`王修瑛`）。图片说明和署名也算在内。
    ///
    /// 读音相同，指每个字取某一种读音时拼音相同，不计声调，不管有几个字不同。
    ///
    /// 称谓在姓名前时（`居民王秀英参加了活动`），姓名到哪里为止看后面的字词：`说`、`在`、`的`、`参加`、`来到` 等。后面的字词看不出时（`居民王秀英冒雨赶来`），只有稿件中另有一个同姓三字姓名与它同一位置有一个字相同（`王秀芳老人`），才当作三字姓名：不同的是末字时，它还须常作名字的末字（`居民王海挤进人群` 不是 `王海挤`）；前两个字是稿件中另一个姓名时不算（有 `居民韩建说`，`居民韩建英勇救人` 就不是 `韩建英`）。
    ///
    /// 冠以两种不同职务的两个姓名（`书记李明华`、`医生李明桦`；正职和副职也算两种，如 `书记李建国`、`副书记李建军`），一个有职务、一个称居民或村民的（`主任张丽华`、`居民张丽萍`；游客、学生、家长、农民也算居民），一个称女士、一个称先生（`女士`、`先生`）的，或写明的年龄不同的（`90岁的刘玉兰老人`、`87岁的刘玉珍老人`），是两个人。
    ///
    /// 署名记者的名字只与正文中提到的记者（`记者王梅`）比较，不与报道中的人物比较。同一句里出现的两个姓名（`王秀英和王秀芳姐妹`）、两位署名的记者或摄影记者、各出现不止一次的两个姓名，只出现在同一版两篇稿件各自正文里、两篇写的又是不同县区的两个姓名（写云州区的一篇里的 `村民李秀兰`，写左云县的另一篇里的 `李秀岚老人`），都当作两个人；图片说明、标题和署名不属于哪篇正文，与各篇都比较。两字姓名不比较：`王海` 和 `王梅` 是两个人的可能远大于写错。
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
        fix: Suggested,
        checks: [
            Error: "同一人名一字之差",
            Error: "同一人名同音异字",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let persons = &cx.facts.persons;
    let (list, cues) = distinct_names(persons);
    let peers = Peers::new(&list);
    let titles: Vec<Titles> = (list.iter())
        .map(|(name, _)| Titles::of(cues.get(name).into_iter().flatten().copied()))
        .collect();
    let mut reported: HashSet<&str> = HashSet::new();
    for (i, &(a, ra)) in list.iter().enumerate() {
        // A spelling is reported once: the tests below are asked only of pairs that could
        // still be (they have no effects, so their order does not change what is reported).
        if reported.contains(&a) {
            continue;
        }
        for j in peers.after(i) {
            let (b, rb) = list[j];
            if reported.contains(&b) {
                continue;
            }
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
            if titles[i].differ(titles[j]) {
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
            // Ex) 村民李秀兰 of one county's story, 李秀岚老人 of another's: two people.
            if !reporters && in_other_places(cx, occ_a, occ_b) {
                continue;
            }
            if occ_a
                .iter()
                .any(|x| occ_b.iter().any(|y| x.sentence == y.sentence))
            {
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
            if rare == a {
                break;
            }
        }
    }
}

/// Whether two names are two people of two stories: each printed only in the bodies of its
/// own news items, and those items tell of places in different counties (`西坪镇村民李秀兰`
/// of 云州区, `李秀岚老人` of 左云县). A caption, a headline or a credit may be about any
/// story beside it, and two items of one place may well name one resident.
fn in_other_places(cx: &Context<'_>, a: &[Occurrence], b: &[Occurrence]) -> bool {
    let (Some(a), Some(b)) = (stories(cx.draft, a), stories(cx.draft, b)) else {
        return false;
    };
    if a.iter().any(|x| b.contains(x)) {
        return false;
    }
    let (a, b) = (counties(cx, &a), counties(cx, &b));
    !a.is_empty() && !b.is_empty() && !a.iter().any(|c| b.contains(c))
}

/// The articles in whose bodies a name is printed, or `None` when it is printed anywhere
/// else too.
fn stories(draft: &Draft, occurrences: &[Occurrence]) -> Option<Vec<usize>> {
    (occurrences.iter())
        .map(|o| {
            let block = draft.block_at(o.span.start)?;
            let body = draft.blocks[block].kind == BlockKind::Paragraph;
            body.then(|| draft.article_of(block)).flatten()
        })
        .collect()
}

/// The counties of the places the articles name, each settled on one place.
fn counties(cx: &Context<'_>, articles: &[usize]) -> Vec<PlaceId> {
    let g = cx.gazetteer;
    (cx.facts.places.mentions.iter())
        .filter(|m| m.article.is_some_and(|a| articles.contains(&a)))
        .filter_map(|m| match m.places[..] {
            [place] => g.ancestor_at(place, Level::County),
            _ => None,
        })
        .collect()
}

/// The cue words (`书记`, `居民`) each name is printed with in the text, with what is said
/// before them (a deputy's title, an age).
type Cues<'a> = BTreeMap<&'a str, Vec<&'a Mention>>;

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
            cues.entry(mention.name.as_str()).or_default().push(mention);
        }
    }
    (names.into_iter().collect(), cues)
}

/// Where each name's possible variants are found, so that a page of thousands of names is
/// not compared pair by pair. Names one given character apart share the key of the name with
/// that character left out; names that may sound alike share the key of one reading per
/// character. A key is a hash: sharing one makes two names candidates for the tests, and a
/// collision costs a comparison, never a finding.
struct Peers {
    /// The keys each name looks under: its own, and the key under which the names of its
    /// surname and length with too many readings to list are found (see [`MAX_READINGS`]).
    asks: Vec<Vec<u64>>,
    /// The names under each key, in order.
    members: HashMap<u64, Vec<usize>>,
}

/// Most combinations of readings listed for one name. A name with more (a long name of
/// characters with several readings each) is compared with every name of its surname and
/// length instead, and they with it.
const MAX_READINGS: usize = 256;

impl Peers {
    fn new(names: &[(&str, Roles)]) -> Peers {
        let mut members: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut asks = Vec::new();
        for (i, &(name, _)) in names.iter().enumerate() {
            let (mut own, mut asked) = peer_keys(name);
            for list in [&mut own, &mut asked] {
                list.sort_unstable();
                list.dedup();
            }
            for &key in &own {
                members.entry(key).or_default().push(i);
            }
            asks.push(asked);
        }
        Peers { asks, members }
    }

    /// The names after the `i`th that may be its variants, in order.
    fn after(&self, i: usize) -> Vec<usize> {
        let mut peers: Vec<usize> = (self.asks[i].iter())
            .filter_map(|key| self.members.get(key))
            .flat_map(|names| &names[names.partition_point(|&j| j <= i)..])
            .copied()
            .collect();
        peers.sort_unstable();
        peers.dedup();
        peers
    }
}

/// The keys a name is found under and the keys it also looks under (see [`Peers`]); none
/// without a known surname.
fn peer_keys(name: &str) -> (Vec<u64>, Vec<u64>) {
    let Some(surname) = surname_chars(name) else {
        return (Vec::new(), Vec::new());
    };
    let chars: Vec<char> = name.chars().collect();
    let hash = |kind: u8, tokens: &[u64]| hashed((kind, &chars[..surname], chars.len(), tokens));
    let given: Vec<u64> = chars[surname..].iter().map(|&c| hashed(c)).collect();
    // One given character apart: the name with that character left out.
    let mut keys: Vec<u64> = (0..given.len())
        .map(|out| {
            let mut left = given.clone();
            left[out] = u64::MAX;
            hash(0, &left)
        })
        .collect();
    // Every name of this surname and length; those with too many readings to list.
    let (everyone, listless) = (hash(2, &[]), hash(3, &[]));
    // Alike in sound: every choice of one reading per given character; a character without
    // a reading stands for itself.
    let mut choices: Vec<Vec<u64>> = vec![Vec::new()];
    for &c in &chars[surname..] {
        let mut readings: Vec<u64> = readings(c).map(|r| hashed(("pinyin", r))).collect();
        readings.sort_unstable();
        readings.dedup();
        if readings.is_empty() {
            readings.push(hashed(c));
        }
        if choices.len() * readings.len() > MAX_READINGS {
            // Too many to list: it looks at every name of its surname and length, and they
            // look at it.
            keys.extend([everyone, listless]);
            return (keys, vec![everyone]);
        }
        choices = (choices.iter())
            .flat_map(|chosen| {
                readings
                    .iter()
                    .map(move |&r| [chosen.as_slice(), &[r]].concat())
            })
            .collect();
    }
    keys.extend(choices.iter().map(|chosen| hash(1, chosen)));
    let mut asks = keys.clone();
    asks.push(listless);
    keys.push(everyone);
    (keys, asks)
}

fn hashed(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
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
    readings(x).any(|rx| readings(y).any(|ry| rx == ry))
}

/// The readings of a character in pinyin, tones aside.
fn readings(c: char) -> impl Iterator<Item = &'static str> {
    (c.to_pinyin_multi().into_iter()).flat_map(|multi| multi.into_iter().map(|p| p.plain()))
}

/// Offices and trades, with the words that name one office alike: two names printed with
/// different ones are two people.
const OFFICES: [&[&str]; 32] = [
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
    &["设计师", "工程师"],
    &["教练"],
    &["董事长", "会长"],
    &["馆长"],
    &["部长"],
    &["法官", "检察官"],
    &["工作人员"],
];

const WOMEN: [&str; 5] = ["女士", "大妈", "阿姨", "奶奶", "大姐"];
const MEN: [&str; 5] = ["先生", "大爷", "爷爷", "大哥", "老汉"];
/// Ordinary people of the story: not an office's holder.
const RESIDENTS: [&str; 7] = ["居民", "村民", "市民", "游客", "学生", "家长", "农民"];

/// The offices a name is printed with, whether as a woman or a man, and its age.
#[derive(Clone, Copy)]
struct Titles {
    /// Bit `k` for `OFFICES[k]`, bit `32 + k` for its deputy (`副书记`).
    offices: u64,
    resident: bool,
    woman: bool,
    man: bool,
    age: Option<u32>,
}

const _: () = assert!(
    OFFICES.len() <= 32,
    "offices and deputies are bits of a u64"
);

impl Titles {
    fn of<'a>(mentions: impl Iterator<Item = &'a Mention>) -> Titles {
        let mut titles = Titles {
            offices: 0,
            resident: false,
            woman: false,
            man: false,
            age: None,
        };
        for mention in mentions {
            let cue = mention.cue;
            if let Some(k) = OFFICES.iter().position(|words| words.contains(&cue)) {
                titles.offices |= 1 << (k + if mention.deputy { 32 } else { 0 });
            }
            titles.resident |= RESIDENTS.contains(&cue);
            titles.woman |= WOMEN.contains(&cue);
            titles.man |= MEN.contains(&cue);
            titles.age = titles.age.or(mention.age);
        }
        titles
    }

    /// True when two names printed with these titles are two people: offices that share
    /// nothing (a deputy's office is not the office), an office and an ordinary resident, a
    /// woman's title and a man's, or two ages.
    fn differ(self, other: Titles) -> bool {
        let (a, b) = (self.offices, other.offices);
        let offices_differ = a != 0 && b != 0 && a & b == 0;
        let resident_and_office = (self.resident && b != 0) || (other.resident && a != 0);
        let ages_differ = matches!((self.age, other.age), (Some(x), Some(y)) if x != y);
        offices_differ
            || resident_and_office
            || ages_differ
            || (self.woman && other.man)
            || (self.man && other.woman)
    }
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

    fn roles_none() -> Roles {
        Roles::default()
    }

    /// Every pair the tests accept is found through the keys, under either way of finding
    /// it: by keys, or (for names with many readings) by surname and length.
    #[test]
    fn peers_include_every_variant() {
        // Homophones in pairs (长 and 乐 have two readings each), and a character without one.
        let given: Vec<char> = "秀修英瑛长章乐樂𠮷".chars().collect();
        let mut names: Vec<String> = Vec::new();
        for surname in ["王", "欧阳"] {
            for &a in &given {
                for &b in &given {
                    names.push(format!("{surname}{a}{b}"));
                    names.push(format!(
                        "{surname}{a}{b}{}",
                        given[names.len() % given.len()]
                    ));
                }
            }
        }
        names.sort();
        names.dedup();
        let list: Vec<(&str, Roles)> = names.iter().map(|n| (n.as_str(), roles_none())).collect();
        let peers = Peers::new(&list);
        let (mut apart, mut alike) = (0, 0);
        for i in 0..list.len() {
            let after = peers.after(i);
            assert!(after.windows(2).all(|w| w[0] < w[1]) && after.iter().all(|&j| j > i));
            for j in i + 1..list.len() {
                let (a, b) = (list[i].0, list[j].0);
                let one_apart = one_given_char_apart(a, b);
                let sound = !one_apart && same_sound(a, b);
                (apart, alike) = (apart + usize::from(one_apart), alike + usize::from(sound));
                if one_apart || sound {
                    assert!(after.contains(&j), "{a} and {b} are not compared");
                }
            }
        }
        assert!(apart > 50 && alike > 10, "{apart} one apart, {alike} alike");
    }

    /// Thousands of names of one surname and length, few of them alike: only the alike are
    /// compared, not every pair.
    #[test]
    fn peers_are_not_every_pair() {
        let chars: Vec<char> = (0x4E00..0x6800).filter_map(char::from_u32).collect();
        let names: Vec<String> = (0..3000)
            .map(|k| format!("王{}{}", chars[2 * k], chars[2 * k + 1]))
            .collect();
        let list: Vec<(&str, Roles)> = names.iter().map(|n| (n.as_str(), roles_none())).collect();
        let peers = Peers::new(&list);
        let compared: usize = (0..list.len()).map(|i| peers.after(i).len()).sum();
        assert!(compared < 10 * list.len(), "{compared} comparisons");
    }

    /// A mention with `cue`; `副` before it makes it a deputy's, and a number an age.
    fn cue(cue: &'static str) -> Mention {
        let (cue, deputy) = match cue.strip_prefix('副') {
            Some(office) => (office, true),
            None => (cue, false),
        };
        let age = cue.find('岁').map(|at| cue[..at].parse().unwrap());
        let cue = cue
            .find('岁')
            .map_or(cue, |at| &cue[at + '岁'.len_utf8()..]);
        Mention {
            span: crate::text::Span::empty(0),
            name: String::new(),
            cue,
            deputy,
            age,
            source: MentionSource::Text,
            block: 0,
        }
    }

    #[test]
    fn roles() {
        let titles = |cues: &[&'static str]| {
            let mentions: Vec<Mention> = cues.iter().map(|c| cue(c)).collect();
            Titles::of(mentions.iter())
        };
        let differ = |a: &[&'static str], b: &[&'static str]| titles(a).differ(titles(b));
        assert!(differ(&["书记"], &["医生"]));
        assert!(!differ(&["书记"], &["支书"]));
        assert!(
            differ(&["书记"], &["副书记"]),
            "a deputy holds another office"
        );
        assert!(!differ(&["书记", "副书记"], &["副书记"]));
        assert!(differ(&["居民"], &["主任"]), "a resident holds no office");
        assert!(!differ(&["居民"], &["志愿者"]));
        assert!(differ(&["女士"], &["先生"]));
        assert!(!differ(&["居民"], &["老人"]));
        assert!(!differ(&["书记", "医生"], &["医生"]), "one office shared");
        assert!(differ(&["居民", "女士"], &["先生"]));
        assert!(differ(&["90岁老人"], &["87岁老人"]), "two ages");
        assert!(!differ(&["90岁老人"], &["老人"]));
        assert!(!differ(&["90岁老人"], &["90岁居民"]));
    }
}
