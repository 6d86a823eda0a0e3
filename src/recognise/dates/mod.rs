//! The dates recogniser: every date and time expression of a draft, parsed into a typed value
//! with its span, the way it is written, and the absolute date it means.
//!
//! It finds full and partial dates (`2023年3月14日`, `3月14日`, `14日`, `15号`), ISO, slash
//! and dot forms, full-width digits, Chinese numerals (`二〇二三年三月十四日`), ranges
//! (`3月13—14日`, `3月30日至4月2日`), weekdays (`（星期三）`, `周四`), relative days (`昨天`,
//! `本周三`) and times (`上午9时30分`, `9:30`, `9点`). Partial and relative dates are resolved
//! from the issue date — or, inside an item with a dateline, from the dateline's day — never
//! from the clock.
//!
//! Just as important is what it never takes for a date: lunar dates (`农历五月初五`,
//! `腊月二十三`), numeral proper names (`五四运动`, `九一八`), durations and counts (`3日内`,
//! `连续5日`, `3日游`), currency (`100日元`), numbered things (`7号楼`, `2号线`, `1号文件`)
//! and words that merely contain `日` (`节日`, `日前`, `近日`). A day with `号` is a date only
//! where the text around it says so (`3月15号`, `15号上午`, `于15号举行`).
//!
//! The scanner is hand-written: it looks only at digits, numerals and a handful of trigger
//! characters, and never allocates for text that holds no date.

mod guards;
mod items;
mod numbers;
mod ranges;
mod scanner;
#[cfg(test)]
pub(crate) mod tests;
mod times;

pub(crate) use times::TIME_OF_DAY;
mod words;
mod written;

use jiff::civil::{Date, Weekday};

use super::Input;
use crate::calendar;
use crate::text::Span;
use scanner::Scanner;

/// Every date, range, relative day, weekday and time of a draft, sorted by position and
/// never overlapping.
#[derive(Clone, Debug, Default)]
pub struct Dates {
    pub mentions: Vec<DateMention>,
    /// The items dated by their own datelines, in page order.
    pub items: Vec<ItemDate>,
}

/// A stretch of an article dated by its dateline: the dateline's day is what its day-only
/// and relative dates count from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemDate {
    /// From the start of the article (or of this dateline, after the first) to the next
    /// dateline or the end of the article.
    pub span: Span,
    /// The date of the dateline itself (`1月4日` of `本报北京1月4日讯`).
    pub dateline: Span,
    pub date: Date,
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

    /// The day the text at `offset` is written from: its item's dateline, else `issue`.
    pub fn reference_at(&self, offset: u32, issue: Option<Date>) -> Option<Date> {
        self.dateline_date_at(offset).or(issue)
    }

    /// The date of the datelined item around `offset`, if there is one.
    pub fn dateline_date_at(&self, offset: u32) -> Option<Date> {
        let i = self.items.partition_point(|item| item.span.end <= offset);
        self.items
            .get(i)
            .filter(|item| item.span.contains(offset))
            .map(|item| item.date)
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

    /// Every weekday word written after a date in the draft (see [`DateMention::weekdays`]).
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
    /// The weekday words this mention writes after its date or after each end of its range:
    /// the words a house style chooses between. A weekday on its own is left out: `周一闭馆`,
    /// `每周二至周日开放` name days of every week, in `周` whatever the paper writes after a
    /// date.
    pub fn weekdays(&self) -> impl Iterator<Item = &WrittenWeekday> {
        let (a, b) = match &self.kind {
            Mention::Date(expr) => (expr.weekday.as_ref(), None),
            Mention::Range(range) => (range.start.weekday.as_ref(), range.end.weekday.as_ref()),
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
    /// A day written alone whose month is that of a date before it (`6月15日、16日`).
    pub month_carried: bool,
    /// For a date whose year is that of a date before it in the sentence (`2023年9月17日……
    /// 9月18日`): the date the issue date alone would make of it, when that differs.
    pub uncarried: Option<Date>,
}

impl DateExpr {
    /// A plain date of units at `span` with no parts yet, for the recognisers to fill.
    fn at(span: Span) -> DateExpr {
        DateExpr {
            span,
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
            month_carried: false,
            uncarried: None,
        }
    }

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
    /// A Chinese-numeral year with `零`, `○`, Latin `O` or digit `0` written for `〇`.
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
    let items = items::date_items(input.draft, input.text, input.issue_date, &mut mentions);
    items::carry_years(input.draft, input.text, &mut mentions);
    items::carry_months(input.draft, &mut mentions);
    Dates { mentions, items }
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
