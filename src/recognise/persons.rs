//! The person-name recogniser: names printed next to a title or role (`居民王秀英`,
//! `王秀英老人`, `社区书记李建国`), the reporters of the page's bylines and photo credits, and
//! every occurrence of each such name in the draft.
//!
//! Chinese text does not mark names, so this recogniser only takes what a cue word makes
//! likely: a common surname right after a role word or right before a title, with a clear
//! boundary on the other side. It prefers missing a name to inventing one; `person/variant`
//! compares what it finds.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::bylines::Bylines;
use super::Input;
use crate::document::{BlockId, BlockKind};
use crate::text::{is_han, FewWords, Span};

/// Names found in one draft.
#[derive(Clone, Debug, Default)]
pub struct Persons {
    /// Each cue-word mention and each credited reporter, in document order.
    pub mentions: Vec<Mention>,
    /// Every occurrence of each mentioned name in the draft's prose, in order.
    pub occurrences: BTreeMap<String, Vec<Occurrence>>,
}

impl Persons {
    /// How many times `name` is printed in the draft.
    pub fn count(&self, name: &str) -> usize {
        self.occurrences.get(name).map_or(0, Vec::len)
    }
}

/// A name recognised by its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub name: String,
    /// The title or role next to it (`居民`, `老人`, `记者`).
    pub cue: String,
    pub source: MentionSource,
    pub block: BlockId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionSource {
    /// Running text, a headline or a caption.
    Text,
    /// The names of a byline.
    Byline,
    /// The names of a photo credit.
    PhotoCredit,
}

/// One place a name is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    /// Index of the sentence it is in, counted over the whole draft: two names in one
    /// sentence are two people (`王秀英和王秀芳姐妹`).
    pub sentence: u32,
}

pub fn recognise(input: &Input<'_>, bylines: &Bylines) -> Persons {
    let draft = input.draft;
    let text = input.text;
    let mut mentions = Vec::new();
    for byline in &bylines.bylines {
        for name in byline.credit.iter().flat_map(|c| c.names()) {
            mentions.push(Mention {
                span: name.span,
                name: name.text.clone(),
                cue: "记者".to_owned(),
                source: MentionSource::Byline,
                block: byline.block,
            });
        }
    }
    for credit in &bylines.photo_credits {
        for name in &credit.names {
            mentions.push(Mention {
                span: name.span,
                name: name.text.clone(),
                cue: "摄".to_owned(),
                source: MentionSource::PhotoCredit,
                block: credit.block,
            });
        }
    }
    for (id, block) in draft.blocks.iter().enumerate() {
        if block.kind == BlockKind::Other {
            continue;
        }
        for line in &block.lines {
            for segment in draft.unmasked(*line) {
                cue_mentions(text, segment, id, bylines, &mut mentions);
            }
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup_by(|a, b| a.span == b.span);
    let occurrences = occurrences(input, &mentions);
    Persons {
        mentions,
        occurrences,
    }
}

/// Role words a name follows: `居民王秀英`.
const BEFORE_NAME: [&str; 44] = [
    "居民",
    "村民",
    "市民",
    "老党员",
    "党员",
    "志愿者",
    "书记",
    "支书",
    "主任",
    "负责人",
    "记者",
    "民警",
    "网格员",
    "老人",
    "队长",
    "站长",
    "所长",
    "经理",
    "老师",
    "医生",
    "院长",
    "校长",
    "组长",
    "厂长",
    "村长",
    "镇长",
    "乡长",
    "区长",
    "县长",
    "局长",
    "主席",
    "代表",
    "委员",
    "工作人员",
    "店主",
    "摊主",
    "业主",
    "户主",
    "老兵",
    "教师",
    "护士",
    "职工",
    "员工",
    "社工",
];

/// Titles a name precedes: `王秀英老人`, `李师傅` (surname-only forms are not names).
const AFTER_NAME: [&str; 26] = [
    "老人",
    "女士",
    "先生",
    "同志",
    "师傅",
    "书记",
    "主任",
    "大爷",
    "大妈",
    "阿姨",
    "老师",
    "医生",
    "奶奶",
    "爷爷",
    "大姐",
    "大哥",
    "老汉",
    "夫妇",
    "院士",
    "教授",
    "校长",
    "经理",
    "队长",
    "站长",
    "所长",
    "老党员",
];

/// Characters that, right after a name, begin the rest of the sentence rather than the name
/// (`王海说`, `王海在`, `王海告诉`); a three-character reading ending in one is refused.
fn is_follower(c: char) -> bool {
    "说讲道问笑称是的在和与及等也都就把被对向从让给已还又却们告表介指认觉感坦回今每带拿看听坐站走领热激多家自一将要会曾刚才便早正共为同跟替帮因以于这那不没很最特非前近日上下亲晚"
        .contains(c)
}

/// Characters that may stand right before a name: the end of a verb or particle
/// (`看望了王秀英老人`, `为王秀英老人`).
fn is_before_boundary(c: char) -> bool {
    !is_han(c) || "的了是和与及给对向让带找到见位名把被跟同请叫将在从为望访像由".contains(c)
}

fn cue_automata() -> &'static (AhoCorasick, AhoCorasick) {
    static AUTOMATA: OnceLock<(AhoCorasick, AhoCorasick)> = OnceLock::new();
    AUTOMATA.get_or_init(|| {
        let build = |words: &[&str]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(words)
                .expect("cue words build an automaton")
        };
        (build(&BEFORE_NAME), build(&AFTER_NAME))
    })
}

fn cue_mentions(
    text: &str,
    segment: Span,
    block: BlockId,
    bylines: &Bylines,
    acc: &mut Vec<Mention>,
) {
    let body = &text[segment.range()];
    let (before, after) = cue_automata();
    let mut push = |start: usize, name: &str, cue: &str| {
        let span = Span::new(
            segment.start + start as u32,
            segment.start + (start + name.len()) as u32,
        );
        if bylines.covers(span) {
            return;
        }
        acc.push(Mention {
            span,
            name: name.to_owned(),
            cue: cue.to_owned(),
            source: MentionSource::Text,
            block,
        });
    };
    for m in before.find_iter(body) {
        let cue = &body[m.range()];
        if let Some(len) = name_after(&body[m.end()..]) {
            push(m.end(), &body[m.end()..m.end() + len], cue);
        }
    }
    for m in after.find_iter(body) {
        let cue = &body[m.range()];
        if let Some(start) = name_before(&body[..m.start()]) {
            push(start, &body[start..m.start()], cue);
        }
    }
}

/// Words that open with a surname character but are not names: `尤其`, `全体`, `高兴`.
/// (Measured on the MSRA news text, where they made most wrong cue-word mentions.)
const NOT_NAME_STARTS: [&str; 28] = [
    "尤其", "连续", "齐声", "单身", "全体", "全部", "全面", "全国", "方面", "高兴", "常常", "关于",
    "包括", "成为", "应该", "时候", "时间", "时的", "管人", "向全", "安全", "明确", "江总", "向小",
    "于是", "路上", "文化", "毕业",
];

/// The byte length of a name opening `s` (`王秀英说` → `王秀英`), if one clearly does.
fn name_after(s: &str) -> Option<usize> {
    if NOT_NAME_STARTS.iter().any(|w| s.starts_with(w)) {
        return None;
    }
    let chars = first_chars::<6>(s.char_indices());
    let chars = chars.as_slice();
    let surname_len = surname_chars(s)?;
    let end_of = |n: usize| chars.get(n).map_or(s.len(), |&(i, _)| i);
    let boundary_at = |n: usize| match chars.get(n) {
        None => true,
        Some(&(i, c)) => {
            !is_han(c) || is_follower(c) || AFTER_NAME.iter().any(|t| s[i..].starts_with(t))
        }
    };
    let han = |n: usize| chars.get(n).is_some_and(|&(_, c)| is_han(c));
    // Ex) 居民王秀英说 — three characters, then the rest of the sentence.
    let three = surname_len + 2;
    if (0..three).all(han) && !is_follower(chars[three - 1].1) && boundary_at(three) {
        return Some(end_of(three));
    }
    // Ex) 书记王海介绍
    let two = surname_len + 1;
    if (0..two).all(han) && boundary_at(two) {
        return Some(end_of(two));
    }
    None
}

/// The byte offset where a name ending `s` starts (`看望了王秀英` → offset of `王`).
fn name_before(s: &str) -> Option<usize> {
    let chars = first_chars::<5>(s.char_indices().rev());
    let chars = chars.as_slice();
    // chars[0] is the last character.
    let starts_name = |n: usize| -> Option<usize> {
        let (i, c) = *chars.get(n - 1)?;
        if !(0..n).all(|k| is_han(chars[k].1)) {
            return None;
        }
        if NOT_NAME_STARTS.iter().any(|w| s[i..].starts_with(w)) {
            return None;
        }
        let single = is_surname(c);
        let compound = n >= 3 && is_compound_surname(&s[i..]);
        if !(single || compound) {
            return None;
        }
        let boundary = chars.get(n).is_none_or(|&(_, b)| is_before_boundary(b))
            || BEFORE_NAME.iter().any(|cue| s[..i].ends_with(cue));
        boundary.then_some(i)
    };
    if chars.len() >= 3 && !is_follower(chars[0].1) {
        if let Some(i) = starts_name(3) {
            return Some(i);
        }
    }
    starts_name(2)
}

/// Up to `N` characters with their offsets, without allocating: cue words are frequent.
struct FirstChars<const N: usize> {
    chars: [(usize, char); N],
    len: usize,
}

impl<const N: usize> FirstChars<N> {
    fn as_slice(&self) -> &[(usize, char)] {
        &self.chars[..self.len]
    }
}

fn first_chars<const N: usize>(iter: impl Iterator<Item = (usize, char)>) -> FirstChars<N> {
    let mut out = FirstChars {
        chars: [(0, '\0'); N],
        len: 0,
    };
    for (slot, item) in out.chars.iter_mut().zip(iter) {
        *slot = item;
        out.len += 1;
    }
    out
}

/// Every occurrence of each mentioned name in the draft's prose, with its sentence index.
fn occurrences(input: &Input<'_>, mentions: &[Mention]) -> BTreeMap<String, Vec<Occurrence>> {
    let mut names: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let mut out: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    if names.is_empty() {
        return out;
    }
    // A handful of names per draft: an automaton would cost more to build than to search.
    let finder = FewWords::new(names.iter().copied());
    let text = input.text;
    let mut sentence = 0u32;
    for block in &input.draft.blocks {
        if block.kind == BlockKind::Other {
            continue;
        }
        sentence += 1;
        for segment in block.lines.iter().flat_map(|l| input.draft.unmasked(*l)) {
            let body = &text[segment.range()];
            let mut last = 0;
            for m in finder.find_iter(body) {
                sentence += sentence_ends(&body[last..m.start]);
                last = m.start;
                out.entry(names[m.word].to_owned())
                    .or_default()
                    .push(Occurrence {
                        span: Span::new(
                            segment.start + m.start as u32,
                            segment.start + m.end as u32,
                        ),
                        sentence,
                    });
            }
            sentence += sentence_ends(&body[last..]);
        }
    }
    out
}

/// How many of `。！？` `text` holds.
fn sentence_ends(text: &str) -> u32 {
    // All three are `EF BC 81`, `EF BC 9F` or `E3 80 82` in UTF-8: count by their last byte
    // after a matching lead, without decoding every character.
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xEF, 0xE3, bytes)
        .filter(|&i| {
            matches!(
                bytes.get(i..i + 3),
                Some([0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F] | [0xE3, 0x80, 0x82])
            )
        })
        .count() as u32
}

/// How many characters of `s`'s start are its surname: 2 for a compound surname
/// (`欧阳`), 1 for a common single surname, `None` when it does not open with one.
pub fn surname_chars(s: &str) -> Option<usize> {
    if is_compound_surname(s) {
        return Some(2);
    }
    s.chars().next().filter(|&c| is_surname(c)).map(|_| 1)
}

/// True when `s` opens with a compound surname (`欧阳`, `司马`).
pub fn is_compound_surname(s: &str) -> bool {
    const COMPOUND: [&str; 16] = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯",
        "长孙", "宇文", "司徒", "端木", "西门",
    ];
    COMPOUND.iter().any(|c| s.starts_with(c))
}

/// True for the commonest Chinese surnames (about 300, covering nearly all of the
/// population). Rarer surnames are missed, which costs recall, not precision.
pub fn is_surname(c: char) -> bool {
    const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝晋郁樊洪鞠丰胥衣储揭钮楚隆井奚满鄢官况续闻刑";
    SURNAMES.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_after_role_words() {
        let cases = [
            ("王秀芳为大家朗读", Some("王秀芳")),
            ("王秀英说，", Some("王秀英")),
            ("王海介绍，", Some("王海")),
            ("王海在社区", Some("王海")),
            ("欧阳明告诉记者", Some("欧阳明")),
            ("们参加了活动", None),
            ("王秀英老人", Some("王秀英")),
        ];
        for (s, want) in cases {
            assert_eq!(name_after(s).map(|n| &s[..n]), want, "{s}");
        }
    }

    #[test]
    fn names_before_titles() {
        let cases = [
            ("看望了王秀英", Some("王秀英")),
            ("为李海", Some("李海")),
            ("社区居民王秀英", Some("王秀英")),
            ("这位", None),
        ];
        for (s, want) in cases {
            assert_eq!(name_before(s).map(|i| &s[i..]), want, "{s}");
        }
    }
}
