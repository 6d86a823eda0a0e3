//! The words of the Chinese calendar as papers print them: sexagenary and zodiac years
//! before `年`, lunar months and days around `月`, solar terms beside a date, and the small
//! grammar of what ties a calendar word to the Gregorian date next to it.

use super::lunar::{self, animal_index, branch_index, cycle_of, stem_index};
use super::{beside_date, close_enough, Beside, CalendarKind, CalendarMention};
use crate::recognise::dates::DateMention;
use crate::text::{is_han, CharSet, Span};

/// Characters printed in a stem's place by a slip of the eye: `已` and `巳` for `己`, `戌` and
/// `戍` for `戊`.
const STEM_LOOKALIKES: [(char, char); 4] = [('已', '己'), ('巳', '己'), ('戌', '戊'), ('戍', '戊')];

/// Characters printed in a branch's place by a slip: `已`/`己` for `巳`, `戍`/`戊` for `戌`,
/// `末` for `未`.
const BRANCH_LOOKALIKES: [(char, char); 5] = [
    ('已', '巳'),
    ('己', '巳'),
    ('戍', '戌'),
    ('戊', '戌'),
    ('末', '未'),
];

/// Every character that may stand in a sexagenary year's two places.
static CYCLE_CHARS: CharSet = CharSet::of("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥已戍末");

/// What a sexagenary or zodiac year is scanned from, and the `月` of a lunar date.
static TRIGGERS: CharSet = CharSet::of("年月");

/// Words right before a zodiac year that make it one (`迎来猪年`): without one, a Han
/// character before the animal is most likely part of another word (`生猪年出栏量`).
const ZODIAC_BEFORE: [&str; 17] = [
    "农历", "是", "为", "今年", "迎来", "喜迎", "欢度", "恭贺", "恭祝", "度过", "进入", "新的",
    "年", "即", "送走", "告别", "过",
];

/// Words right after a zodiac year that make it something else: a yearly figure (`生猪年出栏`),
/// an age or era (`恐龙年代`), a birth year (`鼠年出生的人`), a fortune (`猪年运势`), an idiom
/// (`猴年马月`).
const ZODIAC_AFTER_STOP: [&str; 17] = [
    "出栏", "存栏", "产", "均", "代", "纪", "龄", "级", "度", "份", "华", "出生", "生人", "生的",
    "马月", "运势", "运程",
];

/// Words before a year word that say it is the page's own year.
const CURRENT_BEFORE: [&str; 9] = [
    "农历",
    "今年是",
    "今年为",
    "今年",
    "迎来",
    "喜迎",
    "欢度",
    "恭贺",
    "进入",
];

/// Words after a year word that say it is the page's own year (`猪年春节`).
const CURRENT_AFTER: [&str; 14] = [
    "春节", "新春", "除夕", "元宵", "正月", "腊月", "大年", "来临", "到来", "伊始", "新年", "春晚",
    "吉祥", "大吉",
];

/// Words before a lunar month that say it is one (`农历五月初五`).
const LUNAR_PREFIXES: [&str; 4] = ["农历", "阴历", "夏历", "旧历"];

/// Solar terms that are also weather (`大雪`, `小雪`) or a plain word (`雨水`): beside a date
/// they are a term only when tied by more than adjacency, or followed by `节气`.
const WEATHER_TERMS: [&str; 3] = ["雨水", "小雪", "大雪"];

/// Ties between a date and a calendar word: either alone makes the two one statement.
const STRONG_TIES: [&str; 21] = [
    "（",
    "）",
    "(",
    ")",
    "农历",
    "阴历",
    "夏历",
    "旧历",
    "也就是",
    "也是",
    "就是",
    "正值",
    "适逢",
    "恰逢",
    "正是",
    "迎来",
    "恰是",
    "又是",
    "即",
    "是",
    "为",
];

/// Separators that may stand in a tie but do not make one (`2019年1月15日，己亥年春节将至`).
pub(super) const WEAK_TIES: [&str; 7] = ["，", ",", "、", " ", "　", "：", ":"];

/// Sexagenary years, zodiac years and lunar dates of one segment.
pub(super) fn scan_years_and_lunar_dates(
    text: &str,
    segment: Span,
    out: &mut Vec<CalendarMention>,
) {
    let (start, end) = (segment.start as usize, segment.end as usize);
    let body = &text[..end];
    let mut zodiac_found: Vec<u8> = Vec::new();
    let first = out.len();
    let mut from = start;
    while let Some((at, ch)) = TRIGGERS.find(body, from) {
        from = at + ch.len_utf8();
        let found = if ch == '年' {
            year_word(text, start, at).or_else(|| new_year_day(text, start, end, at))
        } else {
            lunar_date(text, start, end, at)
        };
        if let Some(mention) = found {
            if let CalendarKind::Zodiac { branch, .. } = mention.kind {
                if !zodiac_found.contains(&branch) {
                    zodiac_found.push(branch);
                }
            }
            out.push(mention);
        }
    }
    // Two zodiac animals in one paragraph are a list (a horoscope, a stamp series), not the
    // page's year.
    if zodiac_found.len() > 1 {
        let mut i = first;
        while i < out.len() {
            if matches!(out[i].kind, CalendarKind::Zodiac { .. }) {
                out.remove(i);
            } else {
                i += 1;
            }
        }
    }
}

/// A sexagenary or zodiac year ending with the `年` at byte `at`.
fn year_word(text: &str, start: usize, at: usize) -> Option<CalendarMention> {
    let before = &text[start..at];
    let mut chars = before.char_indices().rev();
    let (i2, c2) = chars.next()?;
    let after = &text[at + '年'.len_utf8()..];
    let end = (at + '年'.len_utf8()) as u32;
    let before_abs = |i: usize| &text[start..start + i];
    if let Some(branch) = animal_index(c2) {
        let prefix = before_abs(i2);
        let c1 = prefix.chars().next_back();
        let tied =
            c1.is_none_or(|c| !is_han(c)) || ZODIAC_BEFORE.iter().any(|w| prefix.ends_with(w));
        if !tied || ZODIAC_AFTER_STOP.iter().any(|w| after.starts_with(w)) {
            return None;
        }
        let animal = Span::new((start + i2) as u32, (start + i2 + c2.len_utf8()) as u32);
        return Some(CalendarMention {
            new_year: opens_new_year(after),
            ..mention(
                Span::new(animal.start, end),
                CalendarKind::Zodiac { branch, animal },
                is_current(prefix, after),
            )
        });
    }
    let (i1, c1) = chars.next()?;
    if !CYCLE_CHARS.contains(c1) || !CYCLE_CHARS.contains(c2) {
        return None;
    }
    // A longer run of stems and branches is a list (`甲乙丙丁`), not a year.
    if chars
        .next()
        .is_some_and(|(_, c0)| stem_index(c0).is_some() || branch_index(c0).is_some())
    {
        return None;
    }
    let name = Span::new((start + i1) as u32, (start + i2 + c2.len_utf8()) as u32);
    let kind = cycle_kind(c1, c2, name)?;
    let prefix = before_abs(i1);
    Some(CalendarMention {
        new_year: opens_new_year(after),
        ..mention(
            Span::new(name.start, end),
            kind,
            !after.starts_with('间') && is_current(prefix, after),
        )
    })
}

/// Whether the text after a year word names the festival opening it: `兔年春节`,
/// `甲辰年）春节`, `龙年新春`.
fn opens_new_year(after: &str) -> bool {
    let after = after.trim_start_matches(['）', ')']);
    after.starts_with("春节") || after.starts_with("新春")
}

/// `己亥` is a year of the cycle; `甲丑` is no pair of it; `已亥` is a lookalike slip for
/// `己亥`. Two characters that are neither (one of them must be a true stem or branch in its
/// place) are no year at all.
fn cycle_kind(c1: char, c2: char, name: Span) -> Option<CalendarKind> {
    let (stem, branch) = (stem_index(c1), branch_index(c2));
    if let (Some(stem), Some(branch)) = (stem, branch) {
        return Some(match cycle_of(stem, branch) {
            Some(cycle) => CalendarKind::CycleYear { cycle, name },
            None => CalendarKind::NotCycle { name, meant: None },
        });
    }
    if stem.is_none() && branch.is_none() {
        return None;
    }
    let stems: Vec<u8> =
        stem.map_or_else(|| lookalikes(&STEM_LOOKALIKES, c1, stem_index), |s| vec![s]);
    let branches: Vec<u8> = branch.map_or_else(
        || lookalikes(&BRANCH_LOOKALIKES, c2, branch_index),
        |b| vec![b],
    );
    let mut meant = stems
        .iter()
        .flat_map(|&s| branches.iter().filter_map(move |&b| cycle_of(s, b)));
    let first = meant.next()?;
    let unique = meant.next().is_none();
    Some(CalendarKind::NotCycle {
        name,
        meant: unique.then_some(first),
    })
}

fn lookalikes(table: &[(char, char)], ch: char, index: fn(char) -> Option<u8>) -> Vec<u8> {
    table
        .iter()
        .filter(|(slip, _)| *slip == ch)
        .filter_map(|(_, meant)| index(*meant))
        .collect()
}

fn is_current(prefix: &str, after: &str) -> bool {
    CURRENT_BEFORE.iter().any(|w| prefix.ends_with(w))
        || CURRENT_AFTER.iter().any(|w| after.starts_with(w))
}

fn mention(span: Span, kind: CalendarKind, current: bool) -> CalendarMention {
    CalendarMention {
        span,
        kind,
        beside: None,
        current,
        new_year: false,
        quoted: false,
    }
}

/// A lunar month and day around the `月` at byte `at`: `正月初一`, `农历五月初五`,
/// `腊月二十三`, `闰四月十五`.
fn lunar_date(text: &str, start: usize, end: usize, at: usize) -> Option<CalendarMention> {
    let (month_start, month, named) = lunar_month(&text[start..at])?;
    let mut month_start = start + month_start;
    let leap = text[start..month_start].ends_with('闰');
    if leap {
        month_start -= '闰'.len_utf8();
    }
    let after = &text[at + '月'.len_utf8()..end];
    let (day, day_len) = lunar_day(after)?;
    let rest = &after[day_len..];
    // `五月二十日` is a Gregorian date in numerals; `十一月十一` a count or a name.
    if rest.starts_with([
        '日', '号', '时', '点', '天', '个', '多', '余', '年', '月', '〇', '零',
    ]) || rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let before = &text[start..month_start];
    let prefixed =
        LUNAR_PREFIXES.iter().any(|p| before.ends_with(p)) || lunar_prefix_before_year(before);
    let distinctive = after.starts_with(['初', '廿']);
    if !(prefixed || named || leap || distinctive) {
        return None;
    }
    let span = Span::new(month_start as u32, (at + '月'.len_utf8() + day_len) as u32);
    Some(mention(
        span,
        CalendarKind::LunarDate { month, leap, day },
        false,
    ))
}

/// `大年初一` … `大年初十` around the `年` at byte `at`: the first days of the lunar year by
/// their everyday name.
fn new_year_day(text: &str, start: usize, end: usize, at: usize) -> Option<CalendarMention> {
    let from = start + text[start..at].strip_suffix('大')?.len();
    let after = text[at..end].strip_prefix('年')?;
    if !after.starts_with('初') {
        return None;
    }
    let (day, day_len) = lunar_day(after)?;
    let span = Span::new(from as u32, (at + '年'.len_utf8() + day_len) as u32);
    Some(mention(
        span,
        CalendarKind::LunarDate {
            month: 1,
            leap: false,
            day,
        },
        false,
    ))
}

/// `农历己亥年` right before a lunar month.
fn lunar_prefix_before_year(before: &str) -> bool {
    let Some(rest) = before.strip_suffix('年') else {
        return false;
    };
    let mut chars = rest.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, c2)), Some((i1, c1))) if CYCLE_CHARS.contains(c1) && CYCLE_CHARS.contains(c2) => {
            LUNAR_PREFIXES.iter().any(|p| rest[..i1].ends_with(p))
        }
        _ => false,
    }
}

/// The lunar month whose name ends `before`: its start, its number, and whether the name is
/// one Gregorian dates never use (`正月`, `冬月`, `腊月`).
fn lunar_month(before: &str) -> Option<(usize, u8, bool)> {
    let mut chars = before.char_indices().rev();
    let (i, c) = chars.next()?;
    let named = match c {
        '正' => Some(1),
        '冬' => Some(11),
        '腊' => Some(12),
        _ => None,
    };
    if let Some(month) = named {
        return Some((i, month, true));
    }
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u8 + 1)
    };
    let numeral = |c: char| digit(c).is_some() || c == '十' || c == '〇' || c == '零' || c == '两';
    let prev = chars.next();
    let (month, first) = match (c, prev) {
        ('十', Some((_, p))) if numeral(p) => return None,
        ('十', _) => (10, i),
        (c, Some((j, '十'))) => {
            let n = digit(c)?;
            if chars.next().is_some_and(|(_, p)| numeral(p)) || n > 2 {
                return None;
            }
            (10 + n, j)
        }
        (c, prev) => {
            let n = digit(c)?;
            if prev.is_some_and(|(_, p)| numeral(p)) {
                return None;
            }
            (n, i)
        }
    };
    Some((first, month, false))
}

/// The lunar day `after` opens with: its number and length in bytes.
fn lunar_day(after: &str) -> Option<(u8, usize)> {
    // `二十三` (three characters) is printed as often as `廿三`.
    if let Some(rest) = after.strip_prefix("二十") {
        if let Some(c) = rest.chars().next() {
            if let Some(n) = lunar::day_of_name(&format!("初{c}")).filter(|n| *n < 10) {
                return Some((20 + n, "二十".len() + c.len_utf8()));
            }
        }
    }
    let two: String = after.chars().take(2).collect();
    let day = lunar::day_of_name(&two)?;
    Some((day, two.len()))
}

/// Solar terms tied to the dates of one segment: `2月4日立春`, `立春（2月4日）`,
/// `12月7日是大雪节气`.
pub(super) fn solar_terms(
    text: &str,
    segment: Span,
    dates: &[&DateMention],
    out: &mut Vec<CalendarMention>,
) {
    let first = out.len();
    let after = |at, empty| term_at(text, segment, at, empty);
    let before = |at, empty| term_before(text, segment, at, empty);
    for (beside, (span, term)) in tied_to_days(text, segment, dates, after, before) {
        if out[first..].iter().all(|m| m.span != span) {
            let mut found = mention(span, CalendarKind::SolarTerm { term }, false);
            found.beside = Some(beside);
            out.push(found);
        }
    }
}

/// For each one-day date of a segment, what `after` finds past the tie after it, else what
/// `before` finds before the tie before it (each given the byte where the tie ends and
/// whether it is empty): the words tied to days (`2月4日立春`, `除夕（2月9日）`).
pub(super) fn tied_to_days<'a, T>(
    text: &'a str,
    segment: Span,
    dates: &'a [&DateMention],
    after: impl Fn(usize, bool) -> Option<T> + 'a,
    before: impl Fn(usize, bool) -> Option<T> + 'a,
) -> impl Iterator<Item = (Beside, T)> + 'a {
    dates.iter().filter_map(move |date| {
        let beside = beside_date(text, date).filter(|b| b.is_day())?;
        let (end, start) = (date.span.end, date.span.start);
        let found = gap_after(text, segment, &[], end)
            .filter(|&(at, _)| close_enough(text, &beside, end, at))
            .and_then(|(at, empty)| after(at as usize, empty))
            .or_else(|| {
                gap_before(text, segment, &[], start)
                    .filter(|&(at, _)| close_enough(text, &beside, at, start))
                    .and_then(|(at, empty)| before(at as usize, empty))
            })?;
        Some((beside, found))
    })
}

fn term_at(text: &str, segment: Span, at: usize, empty_gap: bool) -> Option<(Span, u8)> {
    let rest = text.get(at..segment.end as usize)?;
    let name: String = rest.chars().take(2).collect();
    let term = lunar::solar_term_index(&name)?;
    let tail = &rest[name.len()..];
    if WEATHER_TERMS.contains(&name.as_str()) && empty_gap && !tail.starts_with("节气") {
        return None;
    }
    Some((Span::new(at as u32, (at + name.len()) as u32), term))
}

fn term_before(text: &str, segment: Span, at: usize, empty_gap: bool) -> Option<(Span, u8)> {
    let head = text.get(segment.start as usize..at)?;
    let start = head.char_indices().rev().nth(1)?.0;
    let name = &head[start..];
    let term = lunar::solar_term_index(name)?;
    if WEATHER_TERMS.contains(&name) && empty_gap {
        return None;
    }
    let start = segment.start as usize + start;
    Some((Span::new(start as u32, at as u32), term))
}

/// Where the tie after byte `from` ends, when the text from `from` on is a tie (see
/// [`STRONG_TIES`]) possibly with other calendar words (`others`) in it; with whether the
/// tie is empty. `None` when what follows is no tie.
pub(super) fn gap_after(
    text: &str,
    segment: Span,
    others: &[Span],
    from: u32,
) -> Option<(u32, bool)> {
    let end = segment.end as usize;
    let mut at = from as usize;
    let mut strong = false;
    for _ in 0..8 {
        let rest = &text[at..end];
        if let Some(other) = others.iter().find(|s| s.start as usize == at) {
            at = other.end as usize;
        } else if let Some(tie) = STRONG_TIES.iter().find(|t| rest.starts_with(**t)) {
            at += tie.len();
            strong = true;
        } else if let Some(tie) = WEAK_TIES.iter().find(|t| rest.starts_with(**t)) {
            at += tie.len();
        } else {
            break;
        }
    }
    let empty = at == from as usize;
    (strong || empty).then_some((at as u32, empty))
}

/// The mirror of [`gap_after`]: where the tie before byte `to` starts.
pub(super) fn gap_before(
    text: &str,
    segment: Span,
    others: &[Span],
    to: u32,
) -> Option<(u32, bool)> {
    let start = segment.start as usize;
    let mut at = to as usize;
    let mut strong = false;
    for _ in 0..8 {
        let head = &text[start..at];
        if let Some(other) = others.iter().find(|s| s.end as usize == at) {
            at = other.start as usize;
        } else if let Some(tie) = STRONG_TIES.iter().find(|t| head.ends_with(**t)) {
            at -= tie.len();
            strong = true;
        } else if let Some(tie) = WEAK_TIES.iter().find(|t| head.ends_with(**t)) {
            at -= tie.len();
        } else {
            break;
        }
    }
    let empty = at == to as usize;
    (strong || empty).then_some((at as u32, empty))
}

/// Whether offsets of a segment, asked in increasing order, are inside `“”` or `《》`
/// opened in the segment: the marks are counted once, from the last offset asked on.
pub(super) struct Quotes<'a> {
    text: &'a str,
    at: usize,
    quote: i32,
    title: i32,
}

impl<'a> Quotes<'a> {
    pub(super) fn new(text: &'a str, segment: Span) -> Quotes<'a> {
        Quotes {
            text,
            at: segment.start as usize,
            quote: 0,
            title: 0,
        }
    }

    /// True when byte `offset` (not before the last one asked) is inside quotation marks
    /// or a title.
    pub(super) fn open_at(&mut self, offset: u32) -> bool {
        let offset = (offset as usize).max(self.at);
        for ch in self.text[self.at..offset].chars() {
            match ch {
                '“' | '「' => self.quote += 1,
                '”' | '」' => self.quote -= 1,
                '《' => self.title += 1,
                '》' => self.title -= 1,
                _ => {}
            }
        }
        self.at = offset;
        self.quote > 0 || self.title > 0
    }
}
