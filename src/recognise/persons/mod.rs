//! The person-name recogniser: names printed next to a title or role (`居民王秀英`,
//! `王秀英老人`, `社区书记李建国`), the reporters of the page's bylines and photo credits, and
//! every occurrence of each such name in the draft.
//!
//! Chinese text does not mark names, so this recogniser only takes what a cue word makes
//! likely: a common surname right after a role word or right before a title, with a clear
//! boundary on the other side, or opening a sentence right before `说` (`speakers.rs`). It prefers missing a name to inventing one; `person/variant`
//! compares what it finds.

mod lengths;
mod occurrences;
mod speakers;
mod surnames;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use surnames::{is_compound_surname, is_surname, surname_chars};

use super::bylines::Bylines;
use super::Input;
use crate::calendar::is_chinese_numeral;
use crate::document::{BlockId, BlockKind};
use crate::text::{is_han, CharSet, Span};
use occurrences::occurrences;
use std::collections::BTreeMap;
use words::Words;

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
    /// The title is a deputy's (`副书记李建军`): another office than the title alone.
    pub deputy: bool,
    /// The age printed just before (`90岁的刘玉兰老人`, `87岁的老人刘玉珍`).
    pub age: Option<u32>,
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
    let mut found = Found::default();
    let mentions = &mut found.mentions;
    for byline in &bylines.bylines {
        for name in byline.credit.iter().flat_map(|c| c.names()) {
            mentions.push(Mention {
                span: name.span,
                name: name.text.clone(),
                cue: "记者",
                deputy: false,
                age: None,
                source: MentionSource::Byline,
                block: byline.block,
            });
        }
    }
    for credit in &bylines.photo_credits {
        for name in credit.names() {
            mentions.push(Mention {
                span: name.span,
                name: name.text.clone(),
                cue: "摄",
                deputy: false,
                age: None,
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
                cue_mentions(text, segment, id, bylines, &mut found);
            }
        }
    }
    let Found {
        mut mentions,
        unsure,
        ..
    } = found;
    let confirmed = lengths::confirmed(&mentions, unsure);
    mentions.extend(confirmed);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup_by(|a, b| a.span == b.span);
    let occurrences = occurrences(input, &mentions);
    Persons {
        mentions,
        occurrences,
    }
}

/// Role words a name follows: `居民王秀英`.
const BEFORE_NAME: [&str; 61] = [
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
    "游客",
    "学生",
    "家长",
    "农民",
    "设计师",
    "工程师",
    "教练",
    "董事长",
    "会长",
    "馆长",
    "部长",
    "冠军",
    "法官",
    "检察官",
    "律师",
    "研究员",
    "运动员",
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

/// Words that, right after a name, begin the rest of the sentence though their first
/// character alone is no follower (it may end a name: `来` in `王福来`): `王秀英参加`,
/// `王海来到`, `王建星期六`. None opens with a character that often ends a given name
/// (`立即`: `王建立`; `荣获`: `王建荣`).
const FOLLOWER_WORDS: [&str; 40] = [
    "参加", "参与", "来到", "获得", "作为", "担任", "负责", "主动", "住在", "通过", "经常", "决定",
    "开始", "组织", "提出", "希望", "拄着", "拉着", "握着", "接过", "赶到", "赶来", "收到", "得知",
    "谈起", "透露", "连忙", "急忙", "赶紧", "先后", "仍然", "现年", "星期", "昨天", "去年", "当天",
    "提醒", "呼吁", "叮嘱", "嘱咐",
];

static FOLLOWERS_AS_WORDS: Words<{ FOLLOWER_WORDS.len() }> = Words::new(FOLLOWER_WORDS);

/// Characters that may stand right before a name: the end of a verb or particle
/// (`看望了王秀英老人`, `为王秀英老人`), or of the community or village a resident is of
/// (`馨泰花园社区李桂芬阿姨`).
static BEFORE_BOUNDARIES: CharSet =
    CharSet::of("的了是和与及给对向让带找到见位名把被跟同请叫将在从为望访像由区村");

fn is_before_boundary(c: char) -> bool {
    !is_han(c) || BEFORE_BOUNDARIES.contains(c)
}

static BEFORE: Words<{ BEFORE_NAME.len() }> = Words::new(BEFORE_NAME);
static AFTER: Words<{ AFTER_NAME.len() }> = Words::new(AFTER_NAME);
/// Characters either kind of cue word starts with: most characters of a draft are not.
static CUE_STARTS: CharSet = Words::new(BEFORE_NAME)
    .starts
    .union(&Words::new(AFTER_NAME).starts);

/// What the cue words of a draft give, as it is read.
#[derive(Default)]
struct Found {
    /// Names with a clear boundary on both sides.
    mentions: Vec<Mention>,
    /// The mentions before titles of the segment being read, pushed after those after role
    /// words.
    after_title: Vec<Mention>,
    /// Three characters after a role word whose end nothing in the sentence shows
    /// (`居民王秀英冒雨赶来`): names only if the draft's other names say so (see
    /// [`lengths::confirmed`]).
    unsure: Vec<Mention>,
}

/// Finds the cue words of one segment and the names beside them. Each list is searched
/// leftmost-longest without overlaps (a match resumes its list's search at its end), in one
/// pass over the characters.
fn cue_mentions(text: &str, segment: Span, block: BlockId, bylines: &Bylines, found: &mut Found) {
    let body = &text[segment.range()];
    // `before` is where the name's words start: the cue's start when it comes first.
    let push = |acc: &mut Vec<Mention>, start: usize, name: &str, cue: &'static str, before| {
        let span = Span::new(
            segment.start + start as u32,
            segment.start + (start + name.len()) as u32,
        );
        if bylines.covers(span) {
            return;
        }
        let (deputy, age) = described(&body[..before]);
        acc.push(Mention {
            span,
            name: name.to_owned(),
            cue,
            deputy: deputy && before < start,
            age,
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
                push(&mut found.mentions, end, &body[end..end + len], cue, i);
            } else if let Some(len) = unsure_name_after(&body[end..]) {
                push(&mut found.unsure, end, &body[end..end + len], cue, i);
            }
        }
        if let Some(cue) = AFTER.match_at(body, i, c, &mut after_from) {
            if let Some(start) = name_before(&body[..i]) {
                push(&mut found.after_title, start, &body[start..i], cue, start);
            }
        }
    }
    // Ex) 王秀英说：“……” — the name alone, as the speaker of a sentence.
    for (start, end) in speakers::speakers(body) {
        push(&mut found.mentions, start, &body[start..end], "说", start);
    }
    found.mentions.append(&mut found.after_title);
}

/// What the words before a name or its title say of the person: a deputy's title
/// (`副` right before the title) and an age (`90岁的`, `八十七岁`).
fn described(before: &str) -> (bool, Option<u32>) {
    let deputy = before.ends_with('副');
    let rest = before.strip_suffix('副').unwrap_or(before);
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    let age = rest.strip_suffix('岁').and_then(|rest| {
        let digits = digit_run_back(rest);
        if digits > 0 {
            let number = &rest[rest.len() - digits..];
            return number.chars().try_fold(0u32, |n, c| {
                n.checked_mul(10)?
                    .checked_add(crate::recognise::digits::digit_value(c)?)
            });
        }
        let numeral = rest.len() - rest.trim_end_matches(is_chinese_numeral).len();
        crate::calendar::chinese_number(&rest[rest.len() - numeral..])
    });
    (deputy, age)
}

/// The byte length of the run of digits `s` ends with.
fn digit_run_back(s: &str) -> usize {
    s.len() - s.trim_end_matches(crate::recognise::digits::is_digit).len()
}

/// Words that open with a surname character but are not names: `尤其`, `全体`, `高兴`.
/// (Measured on the MSRA news text, where they made most wrong cue-word mentions.)
const NOT_NAME_STARTS: [&str; 29] = [
    "尤其", "连续", "齐声", "单身", "全体", "全部", "全面", "全国", "方面", "高兴", "常常", "关于",
    "包括", "成为", "应该", "时候", "时间", "时的", "管人", "向全", "安全", "明确", "江总", "向小",
    "于是", "路上", "文化", "毕业", "陆续",
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
            !is_han(c)
                || is_follower(c)
                || AFTER.longest_at(&s.as_bytes()[i..], c).is_some()
                || opens_follower_word(s, i, c)
        }
    };
    let han = |n: usize| chars.get(n).is_some_and(|&(_, c)| is_han(c));
    // Ex) 居民王秀英说 — three characters, then the rest of the sentence. Not when the
    // third character opens the rest (`居民王海参加`).
    let three = surname_len + 2;
    if (0..three).all(han) && !ends_before(s, chars[three - 1]) && boundary_at(three) {
        return Some(end_of(three));
    }
    // Ex) 书记王海介绍
    let two = surname_len + 1;
    if (0..two).all(han) && boundary_at(two) {
        return Some(end_of(two));
    }
    None
}

/// True when the character `c` at byte `i` of `s` opens the rest of the sentence rather
/// than ending a name: a follower (`说`) or a word of [`FOLLOWER_WORDS`] (`参加`).
fn ends_before(s: &str, (i, c): (usize, char)) -> bool {
    is_follower(c) || opens_follower_word(s, i, c)
}

fn opens_follower_word(s: &str, i: usize, c: char) -> bool {
    FOLLOWERS_AS_WORDS
        .longest_at(&s.as_bytes()[i..], c)
        .is_some()
}

/// The byte length of three characters opening `s` that may be a name, a surname and two
/// more, though nothing after them shows where the name ends (`王秀英冒雨赶来`): what
/// [`name_after`] refused only for want of a boundary.
fn unsure_name_after(s: &str) -> Option<usize> {
    if surname_chars(s)? != 1 || NOT_NAMES.opens(s) {
        return None;
    }
    let chars = first_chars::<4>(s.char_indices());
    let &[_, second, third, (end, next)] = chars.as_slice() else {
        return None;
    };
    let plain = |(i, c): (usize, char)| {
        is_han(c) && !ends_before(s, (i, c)) && AFTER.longest_at(&s.as_bytes()[i..], c).is_none()
    };
    (plain(second) && plain(third) && is_han(next)).then_some(end)
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
