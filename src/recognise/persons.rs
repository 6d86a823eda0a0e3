//! The person-name recogniser: names printed next to a title or role (`居民王秀英`,
//! `王秀英老人`, `社区书记李建国`), the reporters of the page's bylines and photo credits, and
//! every occurrence of each such name in the draft.
//!
//! Chinese text does not mark names, so this recogniser only takes what a cue word makes
//! likely: a common surname right after a role word or right before a title, with a clear
//! boundary on the other side. It prefers missing a name to inventing one; `person/variant`
//! compares what it finds.

use std::collections::BTreeMap;

use super::bylines::Bylines;
use super::Input;
use crate::document::{BlockId, BlockKind};
use crate::text::{is_han, CharSet, Span};

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
    pub cue: &'static str,
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
    let mut after_title = Vec::new();
    for byline in &bylines.bylines {
        for name in byline.credit.iter().flat_map(|c| c.names()) {
            mentions.push(Mention {
                span: name.span,
                name: name.text.clone(),
                cue: "记者",
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
                cue: "摄",
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
                cue_mentions(text, segment, id, bylines, &mut mentions, &mut after_title);
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
static FOLLOWERS: CharSet = CharSet::of(
    "说讲道问笑称是的在和与及等也都就把被对向从让给已还又却们告表介指认觉感坦回今每带拿看听坐站走领热激多家自一将要会曾刚才便早正共为同跟替帮因以于这那不没很最特非前近日上下亲晚",
);

fn is_follower(c: char) -> bool {
    FOLLOWERS.contains(c)
}

/// Characters that may stand right before a name: the end of a verb or particle
/// (`看望了王秀英老人`, `为王秀英老人`).
static BEFORE_BOUNDARIES: CharSet =
    CharSet::of("的了是和与及给对向让带找到见位名把被跟同请叫将在从为望访像由");

fn is_before_boundary(c: char) -> bool {
    !is_han(c) || BEFORE_BOUNDARIES.contains(c)
}

static BEFORE: Words<{ BEFORE_NAME.len() }> = Words::new(BEFORE_NAME);
static AFTER: Words<{ AFTER_NAME.len() }> = Words::new(AFTER_NAME);
/// Characters either kind of cue word starts with: most characters of a draft are not.
static CUE_STARTS: CharSet = Words::new(BEFORE_NAME)
    .starts
    .union(&Words::new(AFTER_NAME).starts);

/// Finds the cue words of one segment and the names beside them. Each list is searched
/// leftmost-longest without overlaps (a match resumes its list's search at its end), in one
/// pass over the characters; the mentions before titles are collected in `after_title` and
/// pushed after those after role words.
fn cue_mentions(
    text: &str,
    segment: Span,
    block: BlockId,
    bylines: &Bylines,
    acc: &mut Vec<Mention>,
    after_title: &mut Vec<Mention>,
) {
    let body = &text[segment.range()];
    let push = |acc: &mut Vec<Mention>, start: usize, name: &str, cue: &'static str| {
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
            cue,
            source: MentionSource::Text,
            block,
        });
    };
    // Where each list's search goes on from.
    let mut before_from = 0;
    let mut after_from = 0;
    let mut at = 0;
    while let Some((i, c)) = CUE_STARTS.find(body, at) {
        at = i + c.len_utf8();
        if let Some(cue) = BEFORE.match_at(body, i, c, &mut before_from) {
            let end = i + cue.len();
            if let Some(len) = name_after(&body[end..]) {
                push(acc, end, &body[end..end + len], cue);
            }
        }
        if let Some(cue) = AFTER.match_at(body, i, c, &mut after_from) {
            if let Some(start) = name_before(&body[..i]) {
                push(after_title, start, &body[start..i], cue);
            }
        }
    }
    acc.append(after_title);
}

/// A list of short words of Han characters, looked up at a position of a text by the
/// character there: a set of the words' first characters refuses most positions with one bit
/// test, and only the words opening with that character are compared, longest first.
struct Words<const N: usize> {
    /// The words' first characters.
    starts: CharSet,
    /// The words' last characters.
    ends: CharSet,
    /// The words, by first character and then longest first.
    words: [&'static str; N],
    /// For each first character, the run of `words` opening with it (start and length): a
    /// hash table with linear probing, `'\0'` in empty slots.
    runs: [(char, u8, u8); SLOTS],
}

/// Slots of `Words::runs`, at least twice as many as the first characters of any list here.
const SLOTS: usize = 128;

/// The slot of `Words::runs` where the search for `c` starts.
const fn slot(c: char) -> usize {
    ((c as u32).wrapping_mul(0x9E37_79B1) >> 25) as usize % SLOTS
}

impl<const N: usize> Words<N> {
    const fn new(mut words: [&'static str; N]) -> Words<N> {
        assert!(N < SLOTS / 2, "a short list of words");
        // Insertion sort: by first character, longer words first.
        let mut i = 1;
        while i < N {
            let mut j = i;
            while j > 0 && {
                let (a, b) = (first_han(words[j]) as u32, first_han(words[j - 1]) as u32);
                a < b || (a == b && words[j].len() > words[j - 1].len())
            } {
                let w = words[j];
                words[j] = words[j - 1];
                words[j - 1] = w;
                j -= 1;
            }
            i += 1;
        }
        let mut starts = CharSet::EMPTY;
        let mut ends = CharSet::EMPTY;
        let mut runs = [('\0', 0, 0); SLOTS];
        let mut k = 0;
        while k < N {
            let first = first_han(words[k]);
            starts = starts.with(first);
            ends = ends.with(last_han(words[k]));
            let mut s = slot(first);
            while runs[s].0 != '\0' && runs[s].0 != first {
                s = (s + 1) % SLOTS;
            }
            if runs[s].0 == '\0' {
                runs[s] = (first, k as u8, 0);
            }
            runs[s].2 += 1;
            k += 1;
        }
        Words {
            starts,
            ends,
            words,
            runs,
        }
    }

    /// The longest word `text` opens with; `c` is its first character.
    #[inline]
    fn longest_at(&self, text: &[u8], c: char) -> Option<&'static str> {
        if !self.starts.contains(c) {
            return None;
        }
        let mut s = slot(c);
        let (start, len) = loop {
            match self.runs[s] {
                (f, start, len) if f == c => break (usize::from(start), usize::from(len)),
                ('\0', _, _) => return None,
                _ => s = (s + 1) % SLOTS,
            }
        };
        // `c`, three bytes like every character of the words, is known to match.
        let rest = text.get(3..)?;
        self.words[start..start + len]
            .iter()
            .copied()
            .find(|w| opens_with(rest, &w.as_bytes()[3..]))
    }

    /// One step of a leftmost-longest search without overlaps, as `aho-corasick`'s
    /// `MatchKind::LeftmostLongest` finds: the longest word at byte `i` of `text` (where `c`
    /// is), unless `i` is inside the last match; `from` is where the search goes on from,
    /// moved past a match found. Call it at each character in order.
    #[inline]
    fn match_at(&self, text: &str, i: usize, c: char, from: &mut usize) -> Option<&'static str> {
        if i < *from {
            return None;
        }
        let word = self.longest_at(&text.as_bytes()[i..], c)?;
        *from = i + word.len();
        Some(word)
    }

    /// True when `text` opens with one of the words.
    #[inline]
    fn opens(&self, text: &str) -> bool {
        text.chars()
            .next()
            .is_some_and(|c| self.longest_at(text.as_bytes(), c).is_some())
    }

    /// True when `text` ends with one of the words.
    #[inline]
    fn closes(&self, text: &str) -> bool {
        text.chars()
            .next_back()
            .is_some_and(|c| self.ends.contains(c))
            && self.words.iter().any(|w| text.ends_with(w))
    }
}

/// `text.starts_with(word)` for the short words here, which mostly differ from the text in
/// their first bytes: a byte loop, where `starts_with` calls `memcmp`.
#[inline]
fn opens_with(text: &[u8], word: &[u8]) -> bool {
    text.len() >= word.len() && text.iter().zip(word).all(|(a, b)| a == b)
}

/// The character a word of Han characters (three UTF-8 bytes each) opens with.
const fn first_han(word: &str) -> char {
    han_at(word.as_bytes(), 0)
}

/// The character a word of Han characters (three UTF-8 bytes each) ends with.
const fn last_han(word: &str) -> char {
    han_at(word.as_bytes(), word.len() - 3)
}

const fn han_at(bytes: &[u8], i: usize) -> char {
    assert!(
        bytes.len() % 3 == 0 && bytes[i] & 0xF0 == 0xE0,
        "cue words are Han characters"
    );
    let code = ((bytes[i] as u32 & 0x0F) << 12)
        | ((bytes[i + 1] as u32 & 0x3F) << 6)
        | (bytes[i + 2] as u32 & 0x3F);
    match char::from_u32(code) {
        Some(c) => c,
        None => panic!("cue words are Han characters"),
    }
}

/// Words that open with a surname character but are not names: `尤其`, `全体`, `高兴`.
/// (Measured on the MSRA news text, where they made most wrong cue-word mentions.)
const NOT_NAME_STARTS: [&str; 28] = [
    "尤其", "连续", "齐声", "单身", "全体", "全部", "全面", "全国", "方面", "高兴", "常常", "关于",
    "包括", "成为", "应该", "时候", "时间", "时的", "管人", "向全", "安全", "明确", "江总", "向小",
    "于是", "路上", "文化", "毕业",
];

static NOT_NAMES: Words<{ NOT_NAME_STARTS.len() }> = Words::new(NOT_NAME_STARTS);

/// The byte length of a name opening `s` (`王秀英说` → `王秀英`), if one clearly does.
fn name_after(s: &str) -> Option<usize> {
    // Most cue words are not followed by a surname: that refusal is the cheapest.
    let surname_len = surname_chars(s)?;
    if NOT_NAMES.opens(s) {
        return None;
    }
    let chars = first_chars::<5>(s.char_indices());
    let chars = chars.as_slice();
    let end_of = |n: usize| chars.get(n).map_or(s.len(), |&(i, _)| i);
    let boundary_at = |n: usize| match chars.get(n) {
        None => true,
        Some(&(i, c)) => {
            !is_han(c) || is_follower(c) || AFTER.longest_at(&s.as_bytes()[i..], c).is_some()
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
        let single = is_surname(c);
        let compound = n >= 3 && is_compound_surname(&s[i..]);
        if !(single || compound) {
            return None;
        }
        if NOT_NAMES.longest_at(&s.as_bytes()[i..], c).is_some() {
            return None;
        }
        let boundary =
            chars.get(n).is_none_or(|&(_, b)| is_before_boundary(b)) || BEFORE.closes(&s[..i]);
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
    if names.is_empty() {
        return BTreeMap::new();
    }
    // A handful of names per draft, nearly always opening with a Han character (a surname):
    // the prose is searched once for the characters names open with, and only there are the
    // names compared. A name opening with another character (a foreign name in a credit) has
    // the search stop at every character instead.
    let firsts: Vec<Option<char>> = names.iter().map(|n| n.chars().next()).collect();
    let mut starts = CharSet::EMPTY;
    let mut all_han = true;
    for &c in firsts.iter().flatten() {
        if CharSet::can_hold(c) {
            starts.insert(c);
        } else {
            all_han = false;
        }
    }
    let next_start = |body: &str, at: usize| -> Option<(usize, char)> {
        if all_han {
            starts.find(body, at)
        } else {
            body[at..]
                .char_indices()
                .map(|(i, c)| (at + i, c))
                .find(|&(_, c)| firsts.contains(&Some(c)))
        }
    };
    let text = input.text;
    let mut found: Vec<Vec<Occurrence>> = vec![Vec::new(); names.len()];
    let mut sentence = 0u32;
    for block in &input.draft.blocks {
        if block.kind == BlockKind::Other {
            continue;
        }
        sentence += 1;
        for segment in block.lines.iter().flat_map(|l| input.draft.unmasked(*l)) {
            let body = &text[segment.range()];
            // Leftmost-longest without overlaps: the longest name at the first place one is
            // printed, then on from its end.
            let mut at = 0;
            let mut last = 0;
            while let Some((i, c)) = next_start(body, at) {
                at = i + c.len_utf8();
                let Some(k) = (0..names.len())
                    .filter(|&k| {
                        firsts[k] == Some(c)
                            && opens_with(&body.as_bytes()[i..], names[k].as_bytes())
                    })
                    .max_by_key(|&k| names[k].len())
                else {
                    continue;
                };
                at = i + names[k].len();
                sentence += sentence_ends(&body[last..i]);
                last = i;
                found[k].push(Occurrence {
                    span: Span::new(segment.start + i as u32, segment.start + at as u32),
                    sentence,
                });
            }
            sentence += sentence_ends(&body[last..]);
        }
    }
    names
        .into_iter()
        .zip(found)
        .filter(|(_, found)| !found.is_empty())
        .map(|(name, found)| (name.to_owned(), found))
        .collect()
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
    let c = s.chars().next()?;
    if COMPOUND_SURNAMES.longest_at(s.as_bytes(), c).is_some() {
        return Some(2);
    }
    is_surname(c).then_some(1)
}

/// True when `s` opens with a compound surname (`欧阳`, `司马`).
pub fn is_compound_surname(s: &str) -> bool {
    COMPOUND_SURNAMES.opens(s)
}

const COMPOUND: [&str; 16] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯", "长孙",
    "宇文", "司徒", "端木", "西门",
];
static COMPOUND_SURNAMES: Words<{ COMPOUND.len() }> = Words::new(COMPOUND);

/// True for the commonest Chinese surnames (about 300, covering nearly all of the
/// population). Rarer surnames are missed, which costs recall, not precision.
pub fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

static SURNAMES: CharSet = CharSet::of(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝晋郁樊洪鞠丰胥衣储揭钮楚隆井奚满鄢官况续闻刑",
);

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

    /// A SplitMix64 stream, for texts that are the same on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) % n as u64) as usize
        }
    }

    /// Texts packed with the cue words, pieces of them and other characters, so that words
    /// overlap, nest and sit side by side.
    fn cue_texts() -> Vec<String> {
        let mut pieces: Vec<String> = Vec::new();
        for word in BEFORE_NAME
            .iter()
            .chain(&AFTER_NAME)
            .chain(&NOT_NAME_STARTS)
            .chain(&COMPOUND)
        {
            pieces.push((*word).to_owned());
            pieces.extend(word.chars().map(String::from));
        }
        pieces.extend(["王", "秀", "，", "a", "说", " "].map(String::from));
        let mut rng = Rng(7);
        (0..3000)
            .map(|_| {
                let n = 1 + rng.below(12);
                (0..n)
                    .map(|_| pieces[rng.below(pieces.len())].as_str())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn words_are_found_as_a_leftmost_longest_automaton_finds_them() {
        use aho_corasick::{AhoCorasick, MatchKind};
        fn check<const N: usize>(list: [&'static str; N], texts: &[String]) {
            let words = Words::new(list);
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(list)
                .unwrap();
            for text in texts {
                let mut from = 0;
                let got: Vec<(usize, &str)> = text
                    .char_indices()
                    .filter_map(|(i, c)| words.match_at(text, i, c, &mut from).map(|w| (i, w)))
                    .collect();
                let want: Vec<(usize, &str)> = automaton
                    .find_iter(text)
                    .map(|m| (m.start(), &text[m.range()]))
                    .collect();
                assert_eq!(got, want, "{text}");
                assert_eq!(
                    words.opens(text),
                    list.iter().any(|w| text.starts_with(w)),
                    "{text}"
                );
                assert_eq!(
                    words.closes(text),
                    list.iter().any(|w| text.ends_with(w)),
                    "{text}"
                );
            }
        }
        let texts = cue_texts();
        check(BEFORE_NAME, &texts);
        check(AFTER_NAME, &texts);
        check(NOT_NAME_STARTS, &texts);
        check(COMPOUND, &texts);
    }

    #[test]
    fn cue_starts_hold_every_cue_word_start() {
        for word in BEFORE_NAME.iter().chain(&AFTER_NAME) {
            assert!(CUE_STARTS.contains(word.chars().next().unwrap()), "{word}");
        }
    }

    /// `occurrences` against the search it replaced: one leftmost-longest search per segment.
    fn check_occurrences(names: &[&str], text: &str) {
        use crate::document::{parse, DraftKind};
        use crate::text::FewWords;

        let draft = parse(text, DraftKind::Markdown);
        assert!(!draft.masked.is_empty());
        let input = Input {
            text,
            draft: &draft,
            issue_date: None,
            gazetteer: crate::gazetteer::Gazetteer::builtin(),
            newsroom: crate::recognise::Newsroom::default(),
        };
        let mentions: Vec<Mention> = names
            .iter()
            .map(|name| Mention {
                span: Span::empty(0),
                name: (*name).to_owned(),
                cue: "居民",
                source: MentionSource::Text,
                block: 0,
            })
            .collect();
        let mut sorted = names.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let finder = FewWords::new(sorted.iter().copied());
        let mut want: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
        let mut sentence = 0;
        for block in draft.blocks.iter().filter(|b| b.kind != BlockKind::Other) {
            sentence += 1;
            for segment in block.lines.iter().flat_map(|l| draft.unmasked(*l)) {
                let body = &text[segment.range()];
                let mut last = 0;
                for m in finder.find_iter(body) {
                    sentence += sentence_ends(&body[last..m.start]);
                    last = m.start;
                    want.entry(sorted[m.word].to_owned())
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
        assert!(want.values().map(Vec::len).sum::<usize>() > 5, "{want:?}");
        assert_eq!(occurrences(&input, &mentions), want);
    }

    #[test]
    fn occurrences_are_found_leftmost_longest_in_each_segment() {
        // Names that overlap themselves and each other, across lines, paragraphs, sentences
        // and masked code.
        let text = "甲乙甲乙甲。王海涛说王海\n乙甲乙甲乙！海涛王海\n\n甲乙甲甲乙甲？王海涛涛\n海涛。乙甲\n\n\
                    甲乙`甲乙`甲乙甲，王海`王`海涛。乙甲乙";
        let names = ["甲乙甲", "乙甲", "甲乙", "王海", "王海涛", "海涛", "王海"];
        check_occurrences(&names, text);
        // Names opening with characters outside the common block: a foreign name in a
        // credit, a rare character, an empty name.
        let text = "Tom Lee和王海。㐂明说，Tom\n\n王海Tom㐂明`Tom`海涛！";
        check_occurrences(&["Tom", "Tom Lee", "㐂明", "王海", "海涛", ""], text);
        // Sentence enders inside names, and opening one, count where they are printed.
        let text = "王。海说王海！王。海`。`王海？\n？王。王海。？王\n\n王海！王。海";
        check_occurrences(&["王。海", "王海", "海"], text);
        check_occurrences(&["王。海", "王海", "？王"], text);
    }
}
