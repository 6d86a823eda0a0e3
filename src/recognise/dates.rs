//! The dates recogniser: every date and time expression of a draft, parsed into a typed value
//! with its span, the way it is written, and the absolute date it means.
//!
//! It finds full and partial dates (`2023年3月14日`, `3月14日`, `14日`, `15号`), ISO, slash
//! and dot forms, full-width digits, Chinese numerals (`二〇二三年三月十四日`), ranges
//! (`3月13—14日`, `3月30日至4月2日`), weekdays (`（星期三）`, `周四`), relative days (`昨天`,
//! `本周三`) and times (`上午9时30分`, `9:30`, `9点`). Partial and relative dates are resolved
//! from the issue date, never from the clock.
//!
//! Just as important is what it never takes for a date: lunar dates (`农历五月初五`,
//! `腊月二十三`), numeral proper names (`五四运动`, `九一八`), durations and counts (`3日内`,
//! `连续5日`, `3日游`), currency (`100日元`), numbered things (`7号楼`, `2号线`, `1号文件`)
//! and words that merely contain `日` (`节日`, `日前`, `近日`). A day with `号` is a date only
//! where the text around it says so (`3月15号`, `15号上午`, `于15号举行`).
//!
//! The scanner is hand-written: it looks only at digits, numerals and a handful of trigger
//! characters, and never allocates for text that holds no date.

use jiff::civil::{Date, Weekday};

use super::Input;
use crate::calendar::{self, chinese_digit, chinese_number, chinese_year_digit, fullwidth_digit};
use crate::text::{is_han, Span};

/// Every date, range, relative day, weekday and time of a draft, sorted by position and
/// never overlapping.
#[derive(Clone, Debug, Default)]
pub struct Dates {
    pub mentions: Vec<DateMention>,
}

impl Dates {
    /// The mention covering byte `offset` (for hover and inlay hints).
    pub fn at(&self, offset: u32) -> Option<&DateMention> {
        let i = self.mentions.partition_point(|m| m.span.end <= offset);
        self.mentions.get(i).filter(|m| m.span.contains(offset))
    }

    /// The mentions inside `span`.
    pub fn within(&self, span: Span) -> impl Iterator<Item = &DateMention> {
        let i = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[i..]
            .iter()
            .take_while(move |m| m.span.end <= span.end)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, DateMention> {
        self.mentions.iter()
    }

    pub fn len(&self) -> usize {
        self.mentions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty()
    }

    /// Every written date, including both ends of each range.
    pub fn exprs(&self) -> impl Iterator<Item = (&DateMention, &DateExpr)> {
        self.mentions.iter().flat_map(|m| {
            let (a, b) = match &m.kind {
                Mention::Date(expr) => (Some(expr), None),
                Mention::Range(range) => (Some(&range.start), Some(&range.end)),
                _ => (None, None),
            };
            a.into_iter().chain(b).map(move |e| (m, e))
        })
    }

    /// Where an editor shows the absolute date (inlay hints): after each day
    /// written without its month (`16日`, `本月16日`, and a range's end) and after each
    /// relative day (`昨天`, `上周五`), as (byte offset of the hint, date).
    pub fn hints(&self) -> impl Iterator<Item = (u32, Date)> + '_ {
        self.mentions.iter().flat_map(|m| {
            let (a, b) = match &m.kind {
                Mention::Date(e) if e.year.is_none() && e.month.is_none() => {
                    (e.resolved.map(|d| (e.span.end, d)), None)
                }
                Mention::Range(r) => {
                    // Ex) 13—14日: the bare 13 gets no hint of its own.
                    let start = (r.start.year.is_none()
                        && r.start.month.is_none()
                        && r.start.day_word.is_some()
                        && r.start.span.end <= r.connector_span.start
                        && r.start
                            .day
                            .as_ref()
                            .is_some_and(|d| d.span.end < r.start.span.end))
                    .then(|| r.start.resolved.map(|d| (r.start.span.end, d)))
                    .flatten();
                    let end = (r.end.year.is_none() && r.end.month.is_none())
                        .then(|| r.end.resolved.map(|d| (r.end.span.end, d)))
                        .flatten();
                    (start, end)
                }
                Mention::Relative(_) => (m.resolved.map(|d| (m.span.end, d)), None),
                _ => (None, None),
            };
            a.into_iter().chain(b)
        })
    }

    /// Every weekday word written in the draft: after a date, or on its own.
    pub fn weekdays(&self) -> impl Iterator<Item = &WrittenWeekday> {
        self.mentions.iter().flat_map(DateMention::weekdays)
    }
}

/// One date or time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub kind: Mention,
    /// The absolute date meant (a range's first day), when the text and the issue date allow.
    pub resolved: Option<Date>,
    /// The weekday of `resolved`: what hover and inlay hints show.
    pub weekday: Option<Weekday>,
    /// Inside `《》`: part of a title, never rewritten.
    pub in_title: bool,
    /// Inside `“”`: quoted speech, where relative words refer to the speaker's day.
    pub in_quote: bool,
}

impl DateMention {
    /// The weekday words this mention writes: after its date, after each end of its range,
    /// or standing alone.
    pub fn weekdays(&self) -> impl Iterator<Item = &WrittenWeekday> {
        let (a, b) = match &self.kind {
            Mention::Date(expr) => (expr.weekday.as_ref(), None),
            Mention::Range(range) => (range.start.weekday.as_ref(), range.end.weekday.as_ref()),
            Mention::Weekday(w) => (Some(w), None),
            _ => (None, None),
        };
        a.into_iter().chain(b)
    }

    /// The absolute date at `offset`: a range's end when `offset` is in it, else `resolved`.
    pub fn resolved_at(&self, offset: u32) -> Option<Date> {
        match &self.kind {
            Mention::Range(range) if range.end.span.contains(offset) => range.end.resolved,
            _ => self.resolved,
        }
    }
}

/// What kind of expression a mention is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// `2023年3月14日（星期二）`, `3月14日`, `14日`, `2023-03-14`, `二〇二三年`.
    Date(DateExpr),
    /// `3月13—14日`, `3月30日至4月2日`, `2021—2025年`.
    Range(DateRange),
    /// `今天`, `昨日`, `本周三`.
    Relative(Relative),
    /// A weekday not attached to a date: `周四`, `星期日`.
    Weekday(WrittenWeekday),
    /// `上午9时30分`, `9:30`, `9点`.
    Time(TimeExpr),
}

/// A written date: any of year, month and day, in one of several forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// The date itself, without a following weekday.
    pub span: Span,
    pub year: Option<Part>,
    pub month: Option<Part>,
    pub day: Option<Part>,
    /// `日` or `号` after the day; `None` for ISO/slash/dot forms and dates without a day.
    pub day_word: Option<DayWord>,
    pub form: DateForm,
    /// A weekday written right after the date: `（星期三）`, ` 周三`.
    pub weekday: Option<WrittenWeekday>,
    pub role: DateRole,
    /// A month named by a word before a day: `本月16日` (0), `上月28日` (-1), `下月6日` (+1).
    pub month_word: Option<i8>,
    /// A year named by a word before a month: `今年3月` (0), `去年3月` (-1), `明年1月` (+1).
    pub year_word: Option<i8>,
    /// The absolute date, when the text and the issue date allow.
    pub resolved: Option<Date>,
}

impl DateExpr {
    /// True for a day without month or year: `16日` (but not `本月16日`).
    pub fn is_day_only(&self) -> bool {
        self.day.is_some()
            && self.month.is_none()
            && self.year.is_none()
            && self.month_word.is_none()
    }
}

/// One number of a date (year, month or day) as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The value meant; a two-digit year is expanded to four digits.
    pub value: i32,
    /// The numeral only, without its unit.
    pub span: Span,
    pub digits: Digits,
    /// `03月`, `05日`.
    pub leading_zero: bool,
    /// A two-digit year (`23年`).
    pub short_year: bool,
    /// A Chinese-numeral year with `○`, Latin `O` or digit `0` written for `〇`.
    pub zero_slip: bool,
}

/// How the digits of a number are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    /// `2023`
    Ascii,
    /// `２０２３`
    FullWidth,
    /// Both in one number.
    Mixed,
    /// `二〇二三`, `十四`
    Chinese,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayWord {
    /// `日`
    Ri,
    /// `号`
    Hao,
}

/// The overall shape of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// `2023年3月14日` and any part of it.
    Units,
    /// `2023-03-14`
    Iso,
    /// `2023/3/14`
    Slash,
    /// `2023.3.14`
    Dot,
}

/// What a date does in its sentence, where that changes how rules read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRole {
    Plain,
    /// The dateline of a lead: `本报3月14日讯`, `新华社北京6月10日电`.
    Dateline,
    /// A recurring day: `每月15日`.
    Recurring,
}

/// `3月13—14日`: two dates joined by a connector; the end inherits what it leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub start: DateExpr,
    pub end: DateExpr,
    pub connector: char,
    pub connector_span: Span,
}

/// A relative day word and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// `今天` 0, `昨日` -1, `前天` -2, `明天` +1.
    Day { offset: i8 },
    /// `本周三` (0), `上周五` (-1), `下周一` (+1).
    WeekDay { weeks: i8, weekday: Weekday },
}

/// How a weekday is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekdayWord {
    /// `星期三`
    Xingqi,
    /// `周三`
    Zhou,
    /// `礼拜三`
    Libai,
}

impl WeekdayWord {
    pub fn as_str(self) -> &'static str {
        match self {
            WeekdayWord::Xingqi => "星期",
            WeekdayWord::Zhou => "周",
            WeekdayWord::Libai => "礼拜",
        }
    }
}

/// A weekday as written: `（星期三）`, `周三`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenWeekday {
    /// Including the parentheses, if any.
    pub span: Span,
    /// The weekday word alone: `星期三`.
    pub word_span: Span,
    pub word: WeekdayWord,
    pub weekday: Weekday,
    pub parenthesized: bool,
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    pub hour: u8,
    pub minute: Option<u8>,
}

pub fn recognise(input: &Input<'_>) -> Dates {
    let mut mentions = Vec::new();
    for segment in input.draft.segments() {
        scan(input.text, segment, input.issue_date, &mut mentions);
    }
    mentions.sort_by_key(|m| m.span.start);
    Dates { mentions }
}

/// Recognises the dates of one piece of text (a segment of a draft, or a whole string in
/// tests), appending to `out`.
pub fn scan(text: &str, segment: Span, issue: Option<Date>, out: &mut Vec<DateMention>) {
    let mut scanner = Scanner {
        text,
        start: segment.start as usize,
        end: (segment.end as usize).min(text.len()),
        issue,
        quote: 0,
        title: 0,
    };
    scanner.run(out);
}

struct Scanner<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    issue: Option<Date>,
    quote: i32,
    title: i32,
}

/// A number as written: a run of digits (ASCII or full-width) or Chinese numerals.
#[derive(Clone, Copy, Debug)]
struct Num {
    start: usize,
    end: usize,
    value: u32,
    digits: Digits,
    /// Number of digit characters.
    len: usize,
    leading_zero: bool,
    zero_slip: bool,
}

/// Characters of the Basic Multilingual Plane that can start something the scanner reads
/// (numerals, relative words, weekdays) or change its state (quotes, book-title marks), as
/// a bit set indexed by code point.
static TRIGGERS: [u64; 1024] = {
    let chars = "０１２３４５６７８９〇零一二三四五六七八九十两○今昨前明本上下这星周礼“”《》";
    let bytes = chars.as_bytes();
    let mut set = [0u64; 1024];
    let mut i = 0;
    while i < bytes.len() {
        // Every character listed is three bytes long in UTF-8.
        let code = ((bytes[i] as u32 & 0x0F) << 12)
            | ((bytes[i + 1] as u32 & 0x3F) << 6)
            | (bytes[i + 2] as u32 & 0x3F);
        set[(code >> 6) as usize] |= 1 << (code & 63);
        i += 3;
    }
    set
};

const TIME_OF_DAY: [&str; 13] = [
    "上午", "下午", "晚上", "早上", "早晨", "凌晨", "中午", "傍晚", "清晨", "夜间", "夜里", "晚",
    "早",
];

/// Words before a number that make `N日` a count of days, not a date.
const DURATION_BEFORE: [&str; 30] = [
    "连续", "持续", "为期", "历时", "长达", "达", "近", "约", "共", "仅", "只", "才", "前", "头",
    "后", "这", "那", "数", "用", "需", "花", "耗时", "逾", "超过", "不到", "不足", "再", "又",
    "隔", "最近",
];

/// Words after `N日` that make it a count or money.
const DURATION_AFTER: [&str; 12] = [
    "以内", "之内", "内", "游", "左右", "多", "余", "元", "币", "圆", "之久", "后",
];

impl Scanner<'_> {
    fn run(&mut self, out: &mut Vec<DateMention>) {
        let mut pos = self.start;
        let bytes = self.text.as_bytes();
        while pos < self.end {
            let b = bytes[pos];
            if b < 0x80 {
                if b.is_ascii_digit() {
                    pos = self.at_number(pos, out);
                } else if b.is_ascii_alphanumeric() {
                    // Skip a whole word so `A3` or `v2023.3.14` never starts a number.
                    while pos < self.end
                        && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'.')
                    {
                        pos += 1;
                    }
                } else {
                    pos += 1;
                }
                continue;
            }
            // Chinese text is almost all three-byte characters: decode those from the bytes
            // directly (the text is valid UTF-8, so no checks are needed beyond the length).
            let ch = if (0xE0..0xF0).contains(&b) && pos + 2 < self.end {
                let code = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[pos + 1] & 0x3F) << 6)
                    | u32::from(bytes[pos + 2] & 0x3F);
                // Nearly every character triggers nothing: one bit test and move on.
                if TRIGGERS[(code >> 6) as usize] & (1 << (code & 63)) == 0 {
                    pos += 3;
                    continue;
                }
                char::from_u32(code).unwrap_or('\u{FFFD}')
            } else {
                let Some(ch) = self.char_at(pos) else { break };
                ch
            };
            let next = pos + ch.len_utf8();
            pos = match ch {
                '“' => {
                    self.quote += 1;
                    next
                }
                '”' => {
                    self.quote = (self.quote - 1).max(0);
                    next
                }
                '《' => {
                    self.title += 1;
                    next
                }
                '》' => {
                    self.title = (self.title - 1).max(0);
                    next
                }
                '０'..='９'
                | '〇'
                | '零'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '两'
                | '○' => self.at_number(pos, out),
                '今' | '昨' | '前' | '明' => self.at_relative_day(pos, out).unwrap_or(next),
                '本' | '上' | '下' | '这' => self.at_relative_week(pos, out).unwrap_or(next),
                '星' | '周' | '礼' => self.at_weekday(pos, out).unwrap_or(next),
                _ => next,
            };
        }
    }

    // --- small text helpers -------------------------------------------------------------

    fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        self.text[pos..self.end].chars().next()
    }

    fn char_before(&self, pos: usize) -> Option<char> {
        if pos <= self.start {
            return None;
        }
        self.text[self.start..pos].chars().next_back()
    }

    fn rest(&self, pos: usize) -> &str {
        &self.text[pos.min(self.end)..self.end]
    }

    fn before(&self, pos: usize) -> &str {
        &self.text[self.start..pos]
    }

    fn eat(&self, pos: usize, s: &str) -> Option<usize> {
        self.rest(pos).starts_with(s).then_some(pos + s.len())
    }

    fn eat_char(&self, pos: usize, ch: char) -> Option<usize> {
        (self.char_at(pos) == Some(ch)).then_some(pos + ch.len_utf8())
    }

    fn mention(&self, span: Span, kind: Mention, resolved: Option<Date>) -> DateMention {
        DateMention {
            span,
            kind,
            resolved,
            weekday: resolved.map(Date::weekday),
            in_title: self.title > 0,
            in_quote: self.quote > 0,
        }
    }

    // --- numbers ------------------------------------------------------------------------

    /// Reads an Arabic number (ASCII and/or full-width digits) at `pos`.
    fn arabic(&self, pos: usize) -> Option<Num> {
        let mut end = pos;
        let mut value: u32 = 0;
        let (mut ascii, mut wide, mut len) = (false, false, 0);
        let mut first = None;
        while let Some(ch) = self.char_at(end) {
            let digit = if ch.is_ascii_digit() {
                ascii = true;
                ch as u32 - '0' as u32
            } else if let Some(d) = fullwidth_digit(ch) {
                wide = true;
                d
            } else {
                break;
            };
            first.get_or_insert(digit);
            value = value.saturating_mul(10).saturating_add(digit);
            len += 1;
            end += ch.len_utf8();
        }
        (len > 0).then(|| Num {
            start: pos,
            end,
            value,
            digits: match (ascii, wide) {
                (true, true) => Digits::Mixed,
                (false, true) => Digits::FullWidth,
                _ => Digits::Ascii,
            },
            len,
            leading_zero: len >= 2 && first == Some(0),
            zero_slip: false,
        })
    }

    /// Reads a Chinese number below 100 (`十四`, `二十三`) at `pos`.
    fn chinese(&self, pos: usize) -> Option<Num> {
        let rest = self.rest(pos);
        let run: usize = rest
            .chars()
            .take_while(|&c| calendar::is_chinese_numeral(c))
            .take(4)
            .map(char::len_utf8)
            .sum();
        if run == 0 {
            return None;
        }
        let value = chinese_number(&rest[..run])?;
        Some(Num {
            start: pos,
            end: pos + run,
            value,
            digits: Digits::Chinese,
            len: rest[..run].chars().count(),
            leading_zero: false,
            zero_slip: false,
        })
    }

    /// Reads a four-digit Chinese-numeral year (`二〇二三`, `一九九八`, the slip `二○二三`)
    /// that is followed by `年`.
    fn chinese_year(&self, pos: usize) -> Option<Num> {
        let mut end = pos;
        let (mut value, mut count, mut genuine, mut slip) = (0u32, 0, 0, false);
        while let Some(ch) = self.char_at(end) {
            let Some((digit, is_slip)) = chinese_year_digit(ch) else {
                break;
            };
            value = value * 10 + digit;
            count += 1;
            genuine += usize::from(!is_slip);
            slip |= is_slip;
            end += ch.len_utf8();
            if count > 4 {
                return None;
            }
        }
        let first_genuine = self
            .char_at(pos)
            .and_then(chinese_digit)
            .is_some_and(|d| d > 0);
        (count == 4 && genuine >= 1 && first_genuine && self.eat_char(end, '年').is_some())
            .then_some(Num {
                start: pos,
                end,
                value,
                digits: Digits::Chinese,
                len: 4,
                leading_zero: false,
                zero_slip: slip,
            })
    }

    fn number(&self, pos: usize) -> Option<Num> {
        match self.char_at(pos)? {
            c if c.is_ascii_digit() || fullwidth_digit(c).is_some() => self.arabic(pos),
            c if chinese_digit(c).is_some() || c == '十' || c == '两' || c == '○' => {
                self.chinese_year(pos).or_else(|| self.chinese(pos))
            }
            _ => None,
        }
    }

    /// The end of the number run at `pos` of the same kind, so a rejected number is skipped
    /// whole (`2023` must not be retried as `023`).
    fn skip_number(&self, pos: usize) -> usize {
        let arabic = |c: char| c.is_ascii_digit() || fullwidth_digit(c).is_some();
        let first = self.char_at(pos);
        let same = |c: char| match first {
            Some(f) if arabic(f) => arabic(c),
            _ => calendar::is_chinese_numeral(c) || c == '○',
        };
        let mut end = pos;
        while let Some(c) = self.char_at(end) {
            if !same(c) {
                break;
            }
            end += c.len_utf8();
        }
        end.max(pos + first.map_or(1, char::len_utf8))
    }

    // --- dates --------------------------------------------------------------------------

    /// Tries every date and time form at a number; returns where scanning resumes.
    fn at_number(&mut self, pos: usize, out: &mut Vec<DateMention>) -> usize {
        let skip = self.skip_number(pos);
        let before = self.char_before(pos);
        // Ex) `A3`, `1.5日`, `3/4`, `第3日` — part of something else; but `１．５月１７日`
        // is item 1 of a list.
        if !self.after_list_number(pos)
            && before.is_some_and(|c| {
                c.is_ascii_alphanumeric()
                    || fullwidth_digit(c).is_some()
                    || matches!(
                        c,
                        '.' | '/' | ':' | '．' | '第' | '-' | '_' | '#' | '＃' | '%'
                    )
            })
        {
            return skip;
        }
        // Most numbers are not dates: unless a unit, a separator or a range mark follows the
        // run of numerals, nothing below can match (a Chinese year may hold a Latin `O`/`0`).
        let follows_unit = self.char_at(skip).is_some_and(|c| {
            matches!(
                c,
                '年' | '月'
                    | '日'
                    | '号'
                    | '时'
                    | '点'
                    | ':'
                    | '：'
                    | '-'
                    | '–'
                    | '－'
                    | '—'
                    | '~'
                    | '～'
                    | '至'
                    | '到'
                    | '/'
                    | '.'
                    | 'O'
                    | 'o'
                    | '0'
                    | '０'
                    | 'Ｏ'
            )
        });
        if !follows_unit {
            return skip;
        }
        // Ex) 农历五月初五 — a lunar date, never checked against the calendar.
        if self.is_lunar_prefix(pos) {
            return self.skip_date_like(pos);
        }
        if let Some(end) = self.numeric_form(pos, out) {
            return end;
        }
        if let Some(end) = self.written_date(pos, out) {
            return end;
        }
        if let Some(end) = self.time(pos, out) {
            return end;
        }
        skip
    }

    /// True when `pos` follows a list number at the start of its line (`１．`, `2.`) and a
    /// month follows.
    fn after_list_number(&self, pos: usize) -> bool {
        let before = self.before(pos);
        let Some(dotless) = before.strip_suffix(['.', '．']) else {
            return false;
        };
        let number =
            dotless.trim_end_matches(|c: char| c.is_ascii_digit() || fullwidth_digit(c).is_some());
        // A decimal (`1.5日`) is followed by a day; a list item by a month.
        number.len() < dotless.len()
            && number.trim_end_matches([' ', '\u{3000}']).is_empty()
            && self.month_follows(pos)
    }

    fn is_lunar_prefix(&self, pos: usize) -> bool {
        let before = self.before(pos);
        ["农历", "阴历", "夏历", "旧历"]
            .iter()
            .any(|w| before.ends_with(w))
    }

    /// Skips a lunar date: its numerals and units.
    fn skip_date_like(&self, pos: usize) -> usize {
        let mut end = pos;
        while let Some(c) = self.char_at(end) {
            if c.is_ascii_digit()
                || fullwidth_digit(c).is_some()
                || calendar::is_chinese_numeral(c)
                || matches!(c, '年' | '月' | '日' | '号' | '初' | '廿' | '卅' | '○')
            {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        end.max(pos + 1)
    }

    /// `2023-03-14`, `2023/3/14`, `2023.3.14`.
    fn numeric_form(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let year = self.arabic(pos)?;
        if year.len != 4 || year.digits != Digits::Ascii {
            return None;
        }
        let sep = self.char_at(year.end)?;
        let form = match sep {
            '-' => DateForm::Iso,
            '/' => DateForm::Slash,
            '.' => DateForm::Dot,
            _ => return None,
        };
        let month = self.arabic(year.end + 1)?;
        self.eat_char(month.end, sep)?;
        let day = self.arabic(month.end + 1)?;
        if month.digits != Digits::Ascii
            || day.digits != Digits::Ascii
            || month.len > 2
            || day.len > 2
            || !(1..=12).contains(&month.value)
            || !(1..=31).contains(&day.value)
        {
            return None;
        }
        // Ex) 2023.3.14.5 or 2023-03-140 is a version or a code.
        let mut end = day.end;
        if let Some(c) = self.char_at(end) {
            if c.is_ascii_alphanumeric() || c == sep || c == '-' {
                return None;
            }
        }
        // Ex) 2023.3.14日: a unit after the numbers belongs to the date.
        if let Some(e) = self.eat_char(end, '日') {
            end = e;
        }
        let mut expr = DateExpr {
            span: Span::from_range(pos..end),
            year: Some(part(&year, year.value as i32)),
            month: Some(part(&month, month.value as i32)),
            day: Some(part(&day, day.value as i32)),
            day_word: None,
            form,
            weekday: None,
            role: DateRole::Plain,
            month_word: None,
            year_word: None,
            resolved: None,
        };
        expr.resolved = self.resolve(&expr, None);
        let end = self.finish_date(expr, out);
        Some(end)
    }

    /// `2023年3月14日`, `3月14日`, `14日`, `15号`, `二〇二三年三月十四日`, and ranges of them.
    fn written_date(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        // Ex) 2021—2025年, 3—5月: a range whose first number carries no unit.
        if let Some(end) = self.bare_range(pos, out) {
            return Some(end);
        }
        let expr = self.date_expr(pos, None)?;
        // Ex) 3月13-14日: a month, then a range of days.
        if expr.month.is_some() && expr.day.is_none() {
            if let Some(end) = self.day_range_after_month(&expr, out) {
                return Some(end);
            }
        }
        let mut expr = self.check_day_only(expr)?;
        if expr.month.is_some() && expr.year.is_none() {
            expr.year_word = self.year_word_before(pos);
            if expr.year_word.is_some() {
                expr.resolved = self.resolve(&expr, None);
            }
        }
        if expr.is_day_only() {
            expr.month_word = self.month_word_before(pos);
            if expr.month_word.is_some() {
                expr.resolved = self.resolve(&expr, None);
            }
        }
        Some(self.finish_date(expr, out))
    }

    /// `3月13-14日`, `2023年3月13至14日`: the days of a range share the month before them.
    fn day_range_after_month(
        &mut self,
        prefix: &DateExpr,
        out: &mut Vec<DateMention>,
    ) -> Option<usize> {
        let left = self.number(prefix.span.end as usize)?;
        let (connector, connector_end) = self.connector(left.end)?;
        let right = self.number(connector_end)?;
        if left.len > 2 + usize::from(left.digits == Digits::Chinese) || left.value == 0 {
            return None;
        }
        let mut start = DateExpr {
            span: Span::new(prefix.span.start, left.end as u32),
            day: Some(part(&left, left.value as i32)),
            ..prefix.clone()
        };
        let end = self.date_expr(right.start, Some(&start))?;
        if end.day.is_none() || end.year.is_some() {
            return None;
        }
        start.day_word = end.day_word;
        start.resolved = self.resolve(&start, None);
        let mut end = end;
        end.resolved = self.resolve(&end, Some(&start));
        let connector_span = Span::from_range(left.end..connector_end);
        Some(self.finish_range(start, end, connector, connector_span, out))
    }

    /// Parses year, month and day at `pos`. `inherit` is the start of a range, whose parts
    /// the end may leave out.
    fn date_expr(&self, pos: usize, inherit: Option<&DateExpr>) -> Option<DateExpr> {
        let mut cur = pos;
        let mut year = None;
        let mut month = None;
        let mut day = None;
        let mut day_word = None;
        let first = self.number(pos)?;

        // Year: four digits (or four Chinese digits), or two digits followed by a month.
        if let Some(after) = self.eat_char(first.end, '年') {
            let is_year = match first.digits {
                Digits::Chinese => first.len == 4,
                _ => {
                    (first.len == 4 && (1000..2200).contains(&first.value))
                        || (first.len == 2 && self.month_follows(after))
                }
            };
            if !is_year {
                return None;
            }
            let value = if first.len == 2 {
                self.expand_short_year(first.value)
            } else {
                first.value as i32
            };
            let mut p = part(&first, value);
            p.short_year = first.len == 2;
            year = Some(p);
            cur = after;
        }

        // Month.
        let mut num = if year.is_some() {
            self.number(cur)
        } else {
            Some(first)
        };
        if let Some(n) = num {
            if let Some(after) = self.eat_char(n.end, '月') {
                let day_follows = self.day_follows(after);
                if !((1..=12).contains(&n.value) || day_follows && n.value < 100)
                    || n.len > 2 && n.digits != Digits::Chinese
                {
                    return if year.is_some() {
                        self.year_only(pos, year)
                    } else {
                        None
                    };
                }
                if n.digits == Digits::Chinese && self.is_lunar_day(after) {
                    return None;
                }
                // Ex) 统一月底: a Chinese month alone needs a clean start.
                if n.digits == Digits::Chinese
                    && year.is_none()
                    && inherit.is_none()
                    && !day_follows
                    && !self.clean_start_for_chinese(n.start)
                {
                    return None;
                }
                month = Some(part(&n, n.value as i32));
                cur = after;
                num = self.number(cur);
            } else if year.is_some() {
                num = None;
            }
        }

        // Day.
        if let Some(n) = num {
            if let Some((after, word)) = self.day_unit(n.end) {
                let ok_value = if month.is_some() || inherit.is_some_and(|i| i.month.is_some()) {
                    (1..100).contains(&n.value)
                } else {
                    (1..=31).contains(&n.value)
                };
                let chinese_ok = n.digits != Digits::Chinese
                    || month.is_some()
                    || inherit.is_some_and(|i| i.day.is_some() && i.day_word == Some(DayWord::Ri));
                if ok_value && chinese_ok && n.len <= 2 + usize::from(n.digits == Digits::Chinese) {
                    day = Some(part(&n, n.value as i32));
                    day_word = Some(word);
                    cur = after;
                }
            }
        }

        if year.is_none() && month.is_none() && day.is_none() {
            return None;
        }
        let mut expr = DateExpr {
            span: Span::from_range(pos..cur),
            year,
            month,
            day,
            day_word,
            form: DateForm::Units,
            weekday: None,
            role: DateRole::Plain,
            month_word: None,
            year_word: None,
            resolved: None,
        };
        expr.resolved = self.resolve(&expr, inherit);
        Some(expr)
    }

    fn year_only(&self, pos: usize, year: Option<Part>) -> Option<DateExpr> {
        let year = year?;
        let end = year.span.end as usize + '年'.len_utf8();
        Some(DateExpr {
            span: Span::from_range(pos..end),
            year: Some(year),
            month: None,
            day: None,
            day_word: None,
            form: DateForm::Units,
            weekday: None,
            role: DateRole::Plain,
            month_word: None,
            year_word: None,
            resolved: None,
        })
    }

    fn month_follows(&self, pos: usize) -> bool {
        self.number(pos)
            .is_some_and(|n| self.eat_char(n.end, '月').is_some() && n.value <= 12)
    }

    fn day_follows(&self, pos: usize) -> bool {
        self.number(pos)
            .is_some_and(|n| self.day_unit(n.end).is_some())
    }

    fn day_unit(&self, pos: usize) -> Option<(usize, DayWord)> {
        match self.char_at(pos)? {
            '日' => Some((pos + '日'.len_utf8(), DayWord::Ri)),
            '号' => Some((pos + '号'.len_utf8(), DayWord::Hao)),
            _ => None,
        }
    }

    /// Ex) 五月初五, 八月十五 — a Chinese month followed by a lunar day (`初五`, or a number
    /// without `日`).
    fn is_lunar_day(&self, after_month: usize) -> bool {
        match self.char_at(after_month) {
            Some('初' | '廿' | '卅') => true,
            Some(c) if calendar::is_chinese_numeral(c) => self
                .chinese(after_month)
                .is_none_or(|n| self.day_unit(n.end).is_none()),
            _ => false,
        }
    }

    /// A Chinese numeral starting a word, not ending one (`统一月`).
    fn clean_start_for_chinese(&self, pos: usize) -> bool {
        match self.char_before(pos) {
            None => true,
            Some(c) if !is_han(c) => true,
            Some(c) => "年于在至到从自是的今去明和与及或止当同起迄每这那".contains(c),
        }
    }

    /// Two-digit years mean the century that puts them nearest the issue date (or 2000).
    fn expand_short_year(&self, yy: u32) -> i32 {
        let reference = self.issue.map_or(2000, |d| i32::from(d.year()));
        let century = reference - reference.rem_euclid(100);
        let candidate = century + yy as i32;
        if candidate > reference + 20 {
            candidate - 100
        } else {
            candidate
        }
    }

    /// Applies the guards a day without month or year needs (`连续5日`, `3日内`, `7号楼`).
    fn check_day_only(&self, expr: DateExpr) -> Option<DateExpr> {
        if !expr.is_day_only() {
            return Some(expr);
        }
        let start = expr.span.start as usize;
        let end = expr.span.end as usize;
        if self.duration_before(start) || self.duration_after(end) {
            return None;
        }
        if expr.day_word == Some(DayWord::Hao) && !self.hao_is_date(start, end) {
            return None;
        }
        Some(expr)
    }

    /// `今年`, `去年`, `前年`, `明年` right before a month.
    fn year_word_before(&self, pos: usize) -> Option<i8> {
        let before = self.before(pos);
        [("今年", 0), ("去年", -1), ("前年", -2), ("明年", 1)]
            .iter()
            .find(|(w, _)| before.ends_with(w))
            .map(|(_, o)| *o)
    }

    /// `本月`, `上月`, `下个月` right before a day.
    fn month_word_before(&self, pos: usize) -> Option<i8> {
        let before = self.before(pos);
        [
            ("本月", 0),
            ("当月", 0),
            ("同月", 0),
            ("这个月", 0),
            ("上个月", -1),
            ("上月", -1),
            ("下个月", 1),
            ("下月", 1),
            ("次月", 1),
        ]
        .iter()
        .find(|(w, _)| before.ends_with(w))
        .map(|(_, o)| *o)
    }

    fn duration_before(&self, start: usize) -> bool {
        let before = self.before(start);
        DURATION_BEFORE.iter().any(|w| before.ends_with(w))
    }

    fn duration_after(&self, end: usize) -> bool {
        let rest = self.rest(end);
        DURATION_AFTER.iter().any(|w| rest.starts_with(w))
    }

    /// `N号` is a date only where the text says so: a weekday or a time of day follows, a
    /// month word precedes, or a preposition of time precedes and the clause goes on.
    fn hao_is_date(&self, start: usize, end: usize) -> bool {
        let rest = self.rest(end);
        let before = self.before(start);
        let weekday_follows = self.weekday_after(end).is_some();
        let time_follows = TIME_OF_DAY.iter().any(|w| rest.starts_with(w));
        let month_word = [
            "本月",
            "上月",
            "下月",
            "这个月",
            "当月",
            "下个月",
            "上个月",
            "次月",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        let not_preposition = [
            "位于", "处于", "等于", "大于", "小于", "属于", "对于", "关于", "至于", "在于", "由于",
            "基于", "鉴于", "用于", "便于", "终于", "限于", "归于", "源于", "高于", "低于", "多于",
            "少于", "存在", "所在", "正在", "现在", "实在",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        let preposition = [
            "于", "在", "从", "到", "至", "是", "截至", "截止", "自", "定于",
        ]
        .iter()
        .any(|w| before.ends_with(w))
            && !not_preposition;
        let clause_goes_on = rest.is_empty()
            || rest.starts_with(['，', '。', '；', '、', '！', '？', '）', ',', ' '])
            || [
                "起", "前", "晚", "早", "举行", "召开", "开幕", "闭幕", "开始", "至", "到", "—",
            ]
            .iter()
            .any(|w| rest.starts_with(w));
        // Ex) 15号，社区… — a day opening its clause, as `15日，` does.
        let clause_initial = before
            .chars()
            .next_back()
            .is_none_or(|c| "，。；：、（ ！？\u{3000}".contains(c))
            && rest.starts_with(['，', ','])
            && !before.ends_with(['、']);
        weekday_follows
            || time_follows
            || month_word
            || clause_initial
            || (preposition && clause_goes_on)
    }

    /// A range with a bare first number: `13-14日` (after a month or alone), `3—5月`,
    /// `2021—2025年`.
    fn bare_range(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let left = self.number(pos)?;
        let (connector, connector_end) = self.connector(left.end)?;
        let right = self.number(connector_end)?;
        if left.digits == Digits::Chinese || right.digits == Digits::Chinese {
            return None;
        }
        let unit = self.char_at(right.end)?;
        let (start, end) = match unit {
            '年' if left.len == 4 && right.len == 4 && left.value < right.value => {
                let end = self.date_expr(right.start, None)?;
                let start = DateExpr {
                    span: Span::from_range(left.start..left.end),
                    year: Some(part(&left, left.value as i32)),
                    ..bare(&end)
                };
                (start, end)
            }
            '月' if left.len <= 2 && (1..=12).contains(&left.value) && left.value < right.value => {
                let end = self.date_expr(right.start, None)?;
                end.month.as_ref()?;
                let start = DateExpr {
                    span: Span::from_range(left.start..left.end),
                    month: Some(part(&left, left.value as i32)),
                    ..bare(&end)
                };
                (start, end)
            }
            '日' | '号'
                if left.len <= 2 && (1..=31).contains(&left.value) && left.value < right.value =>
            {
                if self.duration_before(pos) {
                    return None;
                }
                let start_probe = DateExpr {
                    span: Span::from_range(left.start..left.end),
                    day: Some(part(&left, left.value as i32)),
                    ..bare_empty()
                };
                let end = self.date_expr(right.start, Some(&start_probe))?;
                end.day.as_ref()?;
                let end_at = end.span.end as usize;
                if end.month.is_some()
                    || self.duration_after(end_at)
                    || end.day_word == Some(DayWord::Hao) && !self.hao_is_date(pos, end_at)
                {
                    return None;
                }
                let mut start = start_probe;
                start.day_word = end.day_word;
                (start, end)
            }
            _ => return None,
        };
        let mut start = start;
        start.resolved = self.resolve(&start, None);
        let mut end = end;
        end.resolved = self.resolve(&end, Some(&start));
        let connector_span = Span::from_range(left.end..connector_end);
        Some(self.finish_range(start, end, connector, connector_span, out))
    }

    /// A range connector at `pos`: `-` `–` `－` `—` `~` `～` `至` `到`; a doubled dash
    /// (`——`, a dash between clauses) is not one.
    fn connector(&self, pos: usize) -> Option<(char, usize)> {
        let ch = self.char_at(pos)?;
        if !matches!(ch, '-' | '–' | '－' | '—' | '~' | '～' | '至' | '到') {
            return None;
        }
        let end = pos + ch.len_utf8();
        if matches!(ch, '—' | '-' | '–') && self.char_at(end) == Some(ch) {
            return None;
        }
        Some((ch, end))
    }

    /// Attaches a weekday, a range end and a role to a parsed date, and records it.
    fn finish_date(&mut self, mut expr: DateExpr, out: &mut Vec<DateMention>) -> usize {
        let mut end = expr.span.end as usize;
        if expr.day.is_some() {
            if let Some(w) = self.weekday_after(end) {
                end = w.span.end as usize;
                expr.weekday = Some(w);
            }
        }
        // Ex) 3月30日至4月2日, 3月13日—14日.
        if expr.weekday.is_none() || expr.day.is_some() {
            if let Some((connector, after)) = self.connector(end) {
                if let Some(mut right) = self.date_expr(after, Some(&expr)) {
                    let same_level = match (&expr.day, &right.day) {
                        (Some(_), Some(_)) => true,
                        (None, None) => expr.month.is_some() == right.month.is_some(),
                        _ => false,
                    };
                    let stray_hao = right.is_day_only()
                        && right.day_word == Some(DayWord::Hao)
                        && !self.hao_is_date(after, right.span.end as usize);
                    if same_level && !stray_hao {
                        let right_end = right.span.end as usize;
                        if let Some(w) = self.weekday_after(right_end) {
                            right.weekday = Some(w);
                        }
                        let connector_span = Span::from_range(end..after);
                        return self.finish_range(expr, right, connector, connector_span, out);
                    }
                }
            }
        }
        expr.role = self.role(expr.span.start as usize, end);
        let span = Span::new(expr.span.start, end as u32);
        let resolved = expr.resolved;
        out.push(self.mention(span, Mention::Date(expr), resolved));
        end
    }

    fn finish_range(
        &mut self,
        mut start: DateExpr,
        end: DateExpr,
        connector: char,
        connector_span: Span,
        out: &mut Vec<DateMention>,
    ) -> usize {
        let stop = end
            .weekday
            .map_or(end.span.end, |w| w.span.end)
            .max(end.span.end);
        let role = self.role(start.span.start as usize, stop as usize);
        start.role = role;
        let mut end = end;
        end.role = role;
        let span = Span::new(start.span.start, stop);
        let resolved = start.resolved;
        out.push(self.mention(
            span,
            Mention::Range(DateRange {
                start,
                end,
                connector,
                connector_span,
            }),
            resolved,
        ));
        stop as usize
    }

    fn role(&self, start: usize, end: usize) -> DateRole {
        // Ex) 本报西沙1月1日零时电: a time may stand between the date and 电.
        let rest = self.rest(end).trim_start_matches(|c: char| {
            c.is_ascii_digit()
                || fullwidth_digit(c).is_some()
                || "零〇一二三四五六七八九十时分点上下午晚早凌晨".contains(c)
        });
        if rest.starts_with(['讯', '电']) || rest.starts_with("专电") {
            return DateRole::Dateline;
        }
        let before = self.before(start);
        if ["每月", "每年", "每逢", "逢", "每月的", "每年的"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            return DateRole::Recurring;
        }
        DateRole::Plain
    }

    /// The absolute date an expression means: as written when complete, else filled in
    /// from the start of its range or from the issue date.
    fn resolve(&self, expr: &DateExpr, inherit: Option<&DateExpr>) -> Option<Date> {
        let day = expr.day.as_ref()?.value;
        let inherited = inherit.and_then(|i| i.resolved);
        let month = expr
            .month
            .as_ref()
            .map(|m| m.value)
            .or_else(|| inherit.and_then(|i| i.month.as_ref()).map(|m| m.value))
            .or_else(|| inherited.map(|d| i32::from(d.month())));
        let year = expr
            .year
            .as_ref()
            .map(|y| y.value)
            .or_else(|| inherit.and_then(|i| i.year.as_ref()).map(|y| y.value))
            .or_else(|| inherited.map(|d| i32::from(d.year())));
        match (year, month) {
            (Some(y), Some(m)) => calendar::civil(y, m, day),
            (None, Some(m)) => match expr.year_word {
                Some(years) => {
                    calendar::civil(i32::from(self.issue?.year()) + i32::from(years), m, day)
                }
                None => calendar::resolve_month_day(self.issue?, m, day),
            },
            (None, None) => match expr.month_word {
                Some(months) => calendar::resolve_day_in_month(self.issue?, months, day),
                None => calendar::resolve_day(self.issue?, day),
            },
            (Some(_), None) => None,
        }
    }

    /// A weekday right after a date: `（星期三）`, `(周三)`, `星期三`, ` 周三`.
    fn weekday_after(&self, pos: usize) -> Option<WrittenWeekday> {
        let mut cur = pos;
        while let Some(c) = self.char_at(cur).filter(|c| *c == ' ' || *c == '\u{3000}') {
            cur += c.len_utf8();
        }
        let open = match self.char_at(cur) {
            Some(c @ ('（' | '(')) => {
                cur += c.len_utf8();
                true
            }
            _ => false,
        };
        let (word, weekday, word_end) = self.weekday_word(cur)?;
        let mut end = word_end;
        if open {
            match self.char_at(end) {
                Some(c @ ('）' | ')')) => end += c.len_utf8(),
                _ => return None,
            }
        }
        let span_start = if open {
            cur - self.char_before(cur).map_or(0, char::len_utf8)
        } else {
            cur
        };
        Some(WrittenWeekday {
            span: Span::from_range(span_start..end),
            word_span: Span::from_range(cur..word_end),
            word,
            weekday,
            parenthesized: open,
        })
    }

    /// `星期三`, `周三`, `礼拜三` at `pos`.
    fn weekday_word(&self, pos: usize) -> Option<(WeekdayWord, Weekday, usize)> {
        let (word, after) = if let Some(after) = self.eat(pos, "星期") {
            (WeekdayWord::Xingqi, after)
        } else if let Some(after) = self.eat(pos, "礼拜") {
            (WeekdayWord::Libai, after)
        } else if let Some(after) = self.eat(pos, "周") {
            (WeekdayWord::Zhou, after)
        } else {
            return None;
        };
        let ch = self.char_at(after)?;
        let weekday = calendar::weekday_from_char(ch)?;
        // Ex) 周天 is rare and 周日 common; 礼拜天/星期天 are fine.
        if word == WeekdayWord::Zhou && ch == '天' {
            return None;
        }
        let end = after + ch.len_utf8();
        // Ex) 一周一次, 周年, 星期一至: the next character must not make a longer word.
        if let Some(next) = self.char_at(end) {
            if "次遍回趟期轮岁刊报年记内间十".contains(next) {
                return None;
            }
        }
        Some((word, weekday, end))
    }

    /// A weekday standing alone: `周四`, `星期日`.
    fn at_weekday(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let (word, weekday, end) = self.weekday_word(pos)?;
        // Ex) 周一 as a name (周一说) — only accept after a non-name character.
        if word == WeekdayWord::Zhou {
            let prev = self.char_before(pos);
            if prev.is_some_and(|c| {
                is_han(c) && !"每本上下这至到和、或及的于在逢隔是从今明昨".contains(c)
            }) {
                return None;
            }
        }
        let span = Span::from_range(pos..end);
        let written = WrittenWeekday {
            span,
            word_span: span,
            word,
            weekday,
            parenthesized: false,
        };
        out.push(DateMention {
            weekday: Some(weekday),
            ..self.mention(span, Mention::Weekday(written), None)
        });
        Some(end)
    }

    // --- relative words -----------------------------------------------------------------

    /// `今天`, `今日`, `昨天`, `昨日`, `前天`, `明天`, `明日`.
    fn at_relative_day(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let rest = self.rest(pos);
        let (len, offset) = [
            ("今天", 0),
            ("今日", 0),
            ("昨天", -1),
            ("昨日", -1),
            ("前天", -2),
            ("明天", 1),
            ("明日", 1),
        ]
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .map(|(w, o)| (w.len(), *o))?;
        let end = pos + len;
        // Ex) 如今天气, 目前天气, 光明天地, 如今日本: the word is the tail of another word.
        if let Some(prev) = self.char_before(pos) {
            if is_han(prev)
                && !"于在是就已也都又还从到他她我们人者长并曾直至自截但和与及则便才均仍日当"
                    .contains(prev)
            {
                return None;
            }
            // Ex) 时至今日, 搞到今天这个样子: "up to now", not a day.
            if offset == 0 && "至到".contains(prev) {
                return None;
            }
        }
        // Ex) 今天的中国, 明日之星, 今日头条: the word names an era or a title.
        if let Some(next) = self.char_at(end) {
            if "的之气然地空本元头说谈关视焦论报更".contains(next) {
                return None;
            }
        }
        let resolved = self.issue.and_then(|d| calendar::add_days(d, offset));
        out.push(self.mention(
            Span::from_range(pos..end),
            Mention::Relative(Relative::Day {
                offset: offset as i8,
            }),
            resolved,
        ));
        Some(end)
    }

    /// `本周三`, `上周五`, `下周一`, `这周二`, `上星期五`, `下礼拜一`.
    fn at_relative_week(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let ch = self.char_at(pos)?;
        let weeks = match ch {
            '本' | '这' => 0,
            '上' => -1,
            '下' => 1,
            _ => return None,
        };
        let (_, weekday, end) = self.weekday_word(pos + ch.len_utf8())?;
        let resolved = self
            .issue
            .and_then(|d| calendar::weekday_in_week(d, weeks, weekday));
        out.push(self.mention(
            Span::from_range(pos..end),
            Mention::Relative(Relative::WeekDay {
                weeks: weeks as i8,
                weekday,
            }),
            resolved,
        ));
        Some(end)
    }

    // --- times --------------------------------------------------------------------------

    /// `9时30分`, `上午9时许`, `9:30`, `9点`, `零时`.
    fn time(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let hour = self.number(pos)?;
        if hour.value > 24 || hour.len > 2 {
            return None;
        }
        let before = self.before(pos);
        let tod = TIME_OF_DAY.iter().find(|w| before.ends_with(*w));
        let after_date = before.ends_with(['日', '号']) || tod.is_some();
        if hour.digits == Digits::Chinese && hour.value != 0 && !after_date {
            return None;
        }
        let unit = self.char_at(hour.end)?;
        let mut minute = None;
        let mut end;
        match unit {
            ':' | '：' if hour.digits == Digits::Ascii => {
                let m = self.arabic(hour.end + unit.len_utf8())?;
                if m.len != 2 || m.value > 59 || m.digits != Digits::Ascii {
                    return None;
                }
                minute = Some(m.value as u8);
                end = m.end;
            }
            '时' | '点' => {
                end = hour.end + unit.len_utf8();
                if let Some(m) = self.number(end) {
                    if let Some(after) = self.eat_char(m.end, '分') {
                        if m.value <= 59 {
                            minute = Some(m.value as u8);
                            end = after;
                        }
                    }
                }
                let rest = self.rest(end);
                let next = rest.chars().next();
                let tail_ok = minute.is_some()
                    || next.is_none_or(|c| !is_han(c))
                    || [
                        "许", "整", "左右", "半", "钟", "多", "前", "后", "起", "至", "到",
                    ]
                    .iter()
                    .any(|w| rest.starts_with(w));
                // Ex) 3点意见, 时期, 时间: not a time.
                if unit == '点'
                    && !(minute.is_some()
                        || after_date
                        || ["半", "钟", "整", "许"].iter().any(|w| rest.starts_with(w)))
                {
                    return None;
                }
                if unit == '时'
                    && (!tail_ok && !after_date
                        || "期间候代段刻髦尚速事装空针效差令节机势光局常政任"
                            .contains(next.unwrap_or(' ')))
                {
                    return None;
                }
                for w in ["许", "整", "左右", "半"] {
                    if let Some(e) = self.eat(end, w) {
                        end = e;
                        break;
                    }
                }
            }
            _ => return None,
        }
        let start = tod.map_or(pos, |w| pos - w.len());
        out.push(self.mention(
            Span::from_range(start..end),
            Mention::Time(TimeExpr {
                hour: hour.value as u8,
                minute,
            }),
            None,
        ));
        Some(end)
    }
}

fn part(num: &Num, value: i32) -> Part {
    Part {
        value,
        span: Span::from_range(num.start..num.end),
        digits: num.digits,
        leading_zero: num.leading_zero,
        short_year: false,
        zero_slip: num.zero_slip,
    }
}

/// An expression with the same form as `like` and no parts, to fill a range's bare start.
fn bare(like: &DateExpr) -> DateExpr {
    DateExpr {
        day_word: like.day_word,
        ..bare_empty()
    }
}

fn bare_empty() -> DateExpr {
    DateExpr {
        span: Span::default(),
        year: None,
        month: None,
        day: None,
        day_word: None,
        form: DateForm::Units,
        weekday: None,
        role: DateRole::Plain,
        month_word: None,
        year_word: None,
        resolved: None,
    }
}

#[cfg(test)]
pub(crate) mod tests;
