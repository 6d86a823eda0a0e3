//! The calendar recogniser: what a draft writes of the Chinese calendar — sexagenary years
//! (`己亥年`) and what only looks like one (`已亥年`), zodiac years (`猪年`), lunar dates
//! (`农历正月初一`), solar terms (`立春`), festivals (`中秋节`) — each with the Gregorian date printed beside it,
//! and dates with a unit written twice (`9月6月`).
//!
//! It records what is written and what it is tied to; whether the two agree is the
//! `date/calendar` rule's question. A Gregorian date counts as beside a calendar word only
//! when the text ties them: parentheses (`2019年2月5日（农历己亥年正月初一）`), a linking word
//! (`2019年是猪年`), `农历`, or nothing at all between them (`2月4日立春`) — a comma alone does
//! not (`2019年1月15日，己亥年春节将至` speaks of two times).
//!
//! Dates come from the dates recogniser's facts; this module never parses a Gregorian date
//! itself. It sees neither the configuration nor the files: only the text, the draft and
//! those facts.

mod festivals;
pub mod lunar;
mod words;

use jiff::civil::Date;

use super::dates::{DateMention, Dates, Mention};
use crate::document::Draft;
use crate::text::Span;

/// Every calendar expression of a draft, in order.
#[derive(Clone, Debug, Default)]
pub struct Calendar {
    pub mentions: Vec<CalendarMention>,
}

impl Calendar {
    pub fn iter(&self) -> std::slice::Iter<'_, CalendarMention> {
        self.mentions.iter()
    }
}

/// One calendar expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarMention {
    /// What the finding points at: `己亥年`, `猪年`, `正月初一`, `立春`, `9月6月`.
    pub span: Span,
    pub kind: CalendarKind,
    /// The Gregorian date the text ties it to.
    pub beside: Option<Beside>,
    /// The words around it say it names the year of the page (`农历己亥年`, `猪年春节`,
    /// `迎来鼠年`); without a date beside it, only such a year is compared with the issue's.
    pub current: bool,
    /// A year followed by `春节` or `新春` (`兔年春节`, `2025年（甲辰年）春节`): the lunar year
    /// that begins in the Gregorian year beside it, not the one that ends in it.
    pub new_year: bool,
    /// Inside quotation marks or a title: someone's words, or a name, about any time.
    pub quoted: bool,
}

/// What a calendar expression says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarKind {
    /// `己亥年`: a year of the sexagenary cycle (index 0 for 甲子). `name` spans the two
    /// characters.
    CycleYear { cycle: u8, name: Span },
    /// `已亥年`, `甲丑年`: two characters in a sexagenary year's place that are no pair of the
    /// cycle. `meant` is the pair a lookalike slip gives (`己亥` for `已亥`), when only one does.
    NotCycle { name: Span, meant: Option<u8> },
    /// `猪年`: a zodiac year, by its branch (0 for 鼠). `animal` spans the animal.
    Zodiac { branch: u8, animal: Span },
    /// `正月初一`, `闰四月十五`: a lunar month and day.
    LunarDate { month: u8, leap: bool, day: u8 },
    /// `立春`: a solar term, by the calendar library's index.
    SolarTerm { term: u8 },
    /// `中秋节`, `除夕`: a festival, by the lunar month and day it falls on (day 0: the
    /// month's last day), with the year written before it.
    Festival {
        month: u8,
        day: u8,
        year: Option<FestivalYear>,
    },
    /// `9月6月`: a month followed by a number with `月` again where `日` was meant. `unit`
    /// spans the second `月`; `month` and `day` are the numbers written.
    DoubledUnit { unit: Span, month: i32, day: i32 },
}

/// The year written before a festival: `2022年中秋节`, `去年春节` (years from the issue's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FestivalYear {
    Written(i16),
    Relative(i8),
    /// A sexagenary or zodiac year (`猪年春节`), whose festival the date may be of.
    Named,
}

/// The Gregorian date a calendar expression is tied to, as the days it covers: one day for a
/// full date, a month for `2019年2月`, a year for `2019年`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Beside {
    /// The date as written.
    pub span: Span,
    pub first: Date,
    pub last: Date,
    /// The numeral of the day, when the date names one in ASCII digits (a fix may rewrite
    /// it); with the month's, when that is written in ASCII digits too.
    pub day: Option<Span>,
    pub month: Option<Span>,
    /// The date writes its year; else the year was taken from the issue date.
    pub year_written: bool,
    /// The date writes its month; else it is a day alone (`10日`), in the month the dates
    /// recogniser resolved it to.
    pub month_written: bool,
}

impl Beside {
    /// True when the date is one day.
    pub fn is_day(&self) -> bool {
        self.first == self.last
    }

    /// The day as the page gives it, for a message: `6月11日`, or `11日` alone.
    pub fn as_written(&self) -> String {
        self.written_like(self.first)
    }

    /// `day` written as the page writes this date: `6月10日`, or `10日` for a day alone in
    /// the same month.
    pub fn written_like(&self, day: Date) -> String {
        match self.month_written || day.month() != self.first.month() {
            true => format!("{}月{}日", day.month(), day.day()),
            false => format!("{}日", day.day()),
        }
    }

    /// The days the date may mean: the day it names; for a day alone (`10日`), the same day
    /// of the month before and after too, since the page leaves the month to the reader.
    pub fn days_meant(&self) -> impl Iterator<Item = Date> {
        let day = self.first;
        let others = (!self.month_written).then(|| {
            [-1, 1].into_iter().filter_map(move |k| {
                let month = day
                    .first_of_month()
                    .checked_add(jiff::Span::new().months(k))
                    .ok()?;
                month.with().day(day.day()).build().ok()
            })
        });
        std::iter::once(day).chain(others.into_iter().flatten())
    }
}

/// Finds the calendar expressions of a draft. `dates` are the dates recogniser's facts for
/// the same draft.
pub fn recognise(text: &str, draft: &Draft, dates: &Dates) -> Calendar {
    let mut mentions = Vec::new();
    for segment in draft.segments() {
        let start = mentions.len();
        let in_segment: Vec<&DateMention> = dates.within(segment).collect();
        words::scan_years_and_lunar_dates(text, segment, &mut mentions);
        words::solar_terms(text, segment, &in_segment, &mut mentions);
        festivals::festivals(text, segment, &in_segment, &mut mentions);
        doubled_units(text, &in_segment, &mut mentions);
        let found = &mut mentions[start..];
        found.sort_by_key(|m| m.span.start);
        // Festivals are tied to their dates already, and tie nothing else to them: in
        // `猪年春节是2月5日` the zodiac year is the page's, not the date's.
        let spans: Vec<Span> = (found.iter())
            .filter(|m| !matches!(m.kind, CalendarKind::Festival { .. }))
            .map(|m| m.span)
            .collect();
        let mut quotes = words::Quotes::new(text, segment);
        for mention in found.iter_mut() {
            mention.quoted = quotes.open_at(mention.span.start);
            if mention.beside.is_none() && !matches!(mention.kind, CalendarKind::DoubledUnit { .. })
            {
                mention.beside = beside(text, segment, &in_segment, &spans, mention.span);
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    Calendar { mentions }
}

/// `9月6月`: a month-only date right after another month-only date, with no separator.
fn doubled_units(text: &str, dates: &[&DateMention], out: &mut Vec<CalendarMention>) {
    for pair in dates.windows(2) {
        let (Mention::Date(a), Mention::Date(b)) = (&pair[0].kind, &pair[1].kind) else {
            continue;
        };
        if a.span.end != b.span.start
            || a.day.is_some()
            || b.day.is_some()
            || b.year.is_some()
            || a.weekday.is_some()
        {
            continue;
        }
        let (Some(month), Some(second)) = (&a.month, &b.month) else {
            continue;
        };
        let unit = Span::new(second.span.end, second.span.end + '月'.len_utf8() as u32);
        if unit.end > b.span.end || unit.slice(text) != "月" || !(1..=31).contains(&second.value) {
            continue;
        }
        out.push(CalendarMention {
            span: Span::new(a.span.start, b.span.end),
            kind: CalendarKind::DoubledUnit {
                unit,
                month: month.value,
                day: second.value,
            },
            beside: None,
            current: false,
            new_year: false,
            quoted: false,
        });
    }
}

/// The date the text ties the expression at `span` to: right before it or right after it,
/// with nothing between but a tie (see the module docs). Other calendar expressions in
/// between are stepped over (`农历己亥年正月初一（2019年2月5日）` ties both to the date).
fn beside(
    text: &str,
    segment: Span,
    dates: &[&DateMention],
    others: &[Span],
    span: Span,
) -> Option<Beside> {
    let before = words::gap_before(text, segment, others, span.start)
        .and_then(|(at, _)| dates.iter().find(|d| d.span.end == at));
    let after = words::gap_after(text, segment, others, span.end)
        .and_then(|(at, _)| dates.iter().find(|d| d.span.start == at));
    // Ex) 正月初一，正月初二（2月6日）: the date in brackets after, not the one before the
    // comma.
    let before = before.filter(|d| after.is_none() || !weakly_tied(text, d.span.end, span.start));
    let date = before.or(after)?;
    let (from, to) = match before {
        Some(_) => (date.span.end, span.start),
        None => (span.end, date.span.start),
    };
    beside_date(text, date).filter(|b| close_enough(text, b, from, to))
}

/// Whether a date is close enough to a calendar word, the text between them being
/// `text[from..to]`: a day alone only with no comma or other weak tie between
/// (`10日是端午节`, `农历五月初五（8日）`); `14日，农历五月初五` leaves the month to the
/// reader twice over, and often writes two days.
pub(super) fn close_enough(text: &str, date: &Beside, from: u32, to: u32) -> bool {
    date.month_written || !weakly_tied(text, from, to)
}

/// Whether `text[from..to]`, the gap between a date and a calendar word, holds a comma or
/// another weak tie.
fn weakly_tied(text: &str, from: u32, to: u32) -> bool {
    (text.get(from as usize..to as usize))
        .is_some_and(|gap| words::WEAK_TIES.iter().any(|t| gap.contains(t)))
}

/// The days a written date covers, when it is a plain date that names its year (or whose
/// year the issue date gives).
fn beside_date(text: &str, mention: &DateMention) -> Option<Beside> {
    let Mention::Date(expr) = &mention.kind else {
        return None;
    };
    let ascii = |span: Span| span.slice(text).bytes().all(|b| b.is_ascii_digit());
    let (first, last) = match (&expr.year, &expr.month, &expr.day) {
        (_, Some(_), Some(_)) => {
            let day = expr.resolved?;
            (day, day)
        }
        (Some(year), Some(month), None) => {
            let first = Date::new(
                i16::try_from(year.value).ok()?,
                i8::try_from(month.value).ok()?,
                1,
            )
            .ok()?;
            (first, first.last_of_month())
        }
        // Ex) 10日是端午节: a day alone, in the month the page means.
        (None, None, Some(_)) => {
            let day = expr.resolved?;
            (day, day)
        }
        (Some(year), None, None) => {
            let first = Date::new(i16::try_from(year.value).ok()?, 1, 1).ok()?;
            (first, first.last_of_year())
        }
        _ => return None,
    };
    Some(Beside {
        span: expr.span,
        first,
        last,
        day: expr.day.as_ref().map(|d| d.span).filter(|s| ascii(*s)),
        year_written: expr.year.is_some(),
        month_written: expr.month.is_some(),
        month: expr.month.as_ref().map(|m| m.span).filter(|s| ascii(*s)),
    })
}

#[cfg(test)]
mod tests;
