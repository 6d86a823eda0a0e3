//! `date/calendar`: the Chinese calendar against the Gregorian dates beside it, checked with
//! the calendar library behind `recognise::calendar::lunar`.

use jiff::civil::Date;

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::calendar::lunar::{self, LunarDate};
use crate::recognise::calendar::{Beside, CalendarKind, CalendarMention, FestivalYear};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 相互矛盾的历法信息：干支纪年（`己亥年`）或生肖年（`猪年`）与旁边的年份不符；两个字根本不是天干地支（`已亥年`：`已` 不是天干，是 `己` 的笔误）；农历日期（`农历正月初一`）、节气（`立春`）或传统节日（`除夕`、`元宵节`、`端午节`、`中秋节`、`重阳节`等）不在旁边的公历日期那天；日期的单位写了两遍（`9月6月`）。
    ///
    /// 旁边是完整日期时，干支纪年指的是该日期所在的农历年（2019年1月仍是戊戌年）；旁边只有年份时，与这一年有重叠的两个农历年都算对，但后面跟着 `春节`、`新春` 的（`2024年兔年春节`、`2025年（甲辰年）春节`）只能是这一年开始的农历年。旁边没有日期时，文中表明是当年的年份（`农历己亥年`、`猪年春节`、`迎来鼠年`）与出版年份比较。逗号隔开的不算连在一起：`2019年1月15日，己亥年春节将至` 说的是两个时间。节日前写明年份的（`2022年中秋节是9月10日`、`去年春节`），按那一年比较；都没写年份的，节日落在出版年份或前后一年的这一天都算对。只写日的日期（`10日是端午节`、`农历正月初一（10日）`）按出版日期所在的月份比较，上个月或下个月的同一天对得上也算对，因为版面把月份留给了读者；只写日的日期与历法词之间隔着逗号的（`14日，农历五月初五`）不比较。`大年初一` 至 `大年初十` 按正月初一至初十比较。节日后面跟着别的词的（`春节假期`、`中秋月饼`），说的不是那一天，不比较。单独的农历日期（`农历五月初五`）、引语或书名中的年份、出生年份（`鼠年出生`）、一串生肖（星座运势之类）和成语（`猴年马月`）都不比较。
    /// ## 为什么
    /// 读者清楚今年是什么干支、属什么生肖，也知道春节、立春在哪一天；历法信息与旁边的日期对不上，印出来的两者之中必有一错。
    /// ## 示例
    /// ```text,flagged
    /// 2019年（乙亥年）春节期间，全市接待游客120万人次。
    /// ```
    /// ```text,clean
    /// 2019年2月5日（农历己亥年正月初一），全市举行新春团拜会。
    ///
    /// 农历五月初五是端午节。
    /// ```
    /// ## 修改
    /// 仅作建议：正确的干支或生肖、该公历日期对应的农历日期（春节、端午、中秋等节日的农历日子，如 `农历正月初一（2月11日）`，人人都知道，改的是公历日期：`2月10日`）、节气或节日所在的日子、把重复的第二个单位改为 `日`。两者哪个错了只有记者知道，因此不批量应用。
    /// ## 依据
    /// GB/T 33661-2017《农历的编算和颁行》; GB/T 15835-2011《出版物上数字用法》
    pub(crate) RULE = "date/calendar" {
        severity: Error,
        fix: Suggested,
        checks: [
            Error: "干支、生肖、农历、节气与公历日期不符，或日期单位重复",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let mut memo = Memo::default();
    for mention in cx.facts.calendar.iter() {
        let found = match &mention.kind {
            CalendarKind::CycleYear { cycle, name } => {
                cycle_year(cx, &mut memo, mention, *cycle, *name)
            }
            CalendarKind::NotCycle { name, meant } => {
                Some(not_cycle(cx, &mut memo, mention, *name, *meant))
            }
            CalendarKind::Zodiac { branch, animal } => {
                zodiac(cx, &mut memo, mention, *branch, *animal)
            }
            CalendarKind::LunarDate { month, leap, day } => {
                lunar_date(cx, &mut memo, mention, (*month, *leap, *day))
            }
            CalendarKind::SolarTerm { term } => solar_term(mention, *term),
            CalendarKind::Festival { month, day, year } => {
                festival(cx, &mut memo, mention, (*month, *day), *year)
            }
            CalendarKind::DoubledUnit { unit, month, day } => {
                Some(doubled_unit(cx.text, mention, *unit, *month, *day))
            }
        };
        acc.extend(found);
    }
}

/// Lunar dates already computed for this draft. The library does astronomy for each day;
/// a second day of one year is read from a table of that year's lunar months instead.
#[derive(Default)]
struct Memo {
    days: std::collections::HashMap<Date, Option<LunarDate>>,
    years: Vec<YearEntry>,
}

struct YearEntry {
    year: i16,
    /// A day of this year was asked for before.
    seen: bool,
    table: Option<lunar::YearMonths>,
}

impl Memo {
    fn lunar(&mut self, date: Date) -> Option<LunarDate> {
        if let Some(lunar) = self.days.get(&date) {
            return *lunar;
        }
        let year = date.year();
        let i = match self.years.iter().position(|e| e.year == year) {
            Some(i) => i,
            None => {
                self.years.push(YearEntry {
                    year,
                    seen: false,
                    table: None,
                });
                self.years.len() - 1
            }
        };
        let entry = &mut self.years[i];
        if entry.seen && entry.table.is_none() {
            entry.table = lunar::YearMonths::of(year);
        }
        entry.seen = true;
        let lunar = match &entry.table {
            Some(table) => table.lunar_date(date),
            None => lunar::lunar_date(date),
        };
        self.days.insert(date, lunar);
        lunar
    }

    /// The sexagenary years of the lunar years overlapping `first..=last`.
    fn cycles(&mut self, first: Date, last: Date) -> Vec<u8> {
        let mut out = Vec::with_capacity(2);
        for date in [first, last] {
            if let Some(lunar) = self.lunar(date) {
                if !out.contains(&lunar.cycle) {
                    out.push(lunar.cycle);
                }
            }
        }
        out
    }
}

/// The years a sexagenary or zodiac year may be, and how to name where they come from:
/// the date beside it, else the issue year for a year the text marks as the page's own.
fn expected_years(
    cx: &Context<'_>,
    memo: &mut Memo,
    mention: &CalendarMention,
) -> Option<(Vec<u8>, String)> {
    if let Some(beside) = mention.beside {
        let written = beside.span.slice(cx.text);
        // Ex) 2024年兔年春节: the festival opens the lunar year that begins in 2024.
        let whole_year = beside.first == beside.first.first_of_year()
            && beside.last == beside.first.last_of_year();
        if mention.new_year && whole_year {
            let cycles = memo.cycles(beside.last, beside.last);
            return (!cycles.is_empty()).then(|| (cycles, format!("{written}春节")));
        }
        let cycles = memo.cycles(beside.first, beside.last);
        return (!cycles.is_empty()).then(|| (cycles, written.to_owned()));
    }
    if !mention.current || mention.quoted {
        return None;
    }
    let issue = cx.issue_date?;
    let mut cycles = memo.cycles(issue.first_of_year(), issue.last_of_year());
    // A page of late December already speaks of the coming lunar year.
    let ahead = issue.checked_add(jiff::Span::new().days(45)).ok()?;
    if let Some(lunar) = memo.lunar(ahead) {
        if !cycles.contains(&lunar.cycle) {
            cycles.push(lunar.cycle);
        }
    }
    Some((cycles, format!("本期出版的{}年", issue.year())))
}

fn cycle_year(
    cx: &Context<'_>,
    memo: &mut Memo,
    mention: &CalendarMention,
    cycle: u8,
    name: Span,
) -> Option<Diagnostic> {
    let (expected, source) = expected_years(cx, memo, mention)?;
    if expected.contains(&cycle) {
        return None;
    }
    let right = names(&expected, |c| format!("{}年", lunar::cycle_name(c)));
    let message = format!(
        "{source}是农历{right}，不是“{}”",
        mention.span.slice(cx.text)
    );
    let mut diagnostic = Diagnostic::new(&RULE, mention.span, message);
    for c in expected {
        let right = lunar::cycle_name(c);
        diagnostic = diagnostic.with_fix(Fix::suggested(
            format!("改为“{right}”"),
            vec![Edit::replace(name, right)],
        ));
    }
    Some(with_beside(diagnostic, mention.beside))
}

fn not_cycle(
    cx: &Context<'_>,
    memo: &mut Memo,
    mention: &CalendarMention,
    name: Span,
    meant: Option<u8>,
) -> Diagnostic {
    let written = name.slice(cx.text);
    let mut chars = written.chars();
    let (c1, c2) = (chars.next().unwrap_or(' '), chars.next().unwrap_or(' '));
    let why = match (lunar::stem_index(c1), lunar::branch_index(c2)) {
        (None, _) => format!("“{c1}”不是天干"),
        (_, None) => format!("“{c2}”不是地支"),
        _ => format!("天干“{c1}”不与地支“{c2}”相配，六十甲子中没有“{written}”"),
    };
    // The year beside it decides what was meant, when it names one year of the cycle.
    let expected = expected_years(cx, memo, mention).map(|(e, _)| e);
    let right = match (meant, expected.as_deref()) {
        (Some(m), Some(e)) if !e.contains(&m) && e.len() == 1 => Some(e[0]),
        (Some(m), _) => Some(m),
        (None, Some([only])) => Some(*only),
        _ => None,
    };
    let message = match right {
        Some(c) => format!("{why}，应为“{}”", lunar::cycle_name(c)),
        None => format!("“{written}”不是干支：{why}"),
    };
    let fix = right.and_then(|c| {
        let right = lunar::cycle_name(c);
        Fix::suggested(format!("改为“{right}”"), vec![Edit::replace(name, right)])
    });
    with_beside(
        Diagnostic::new(&RULE, mention.span, message),
        mention.beside,
    )
    .with_fix(fix)
}

fn zodiac(
    cx: &Context<'_>,
    memo: &mut Memo,
    mention: &CalendarMention,
    branch: u8,
    animal: Span,
) -> Option<Diagnostic> {
    let (expected, source) = expected_years(cx, memo, mention)?;
    if expected.iter().any(|c| c % 12 == branch) {
        return None;
    }
    let right = names(&expected, |c| {
        format!("{}年（{}）", lunar::animal_name(c), lunar::cycle_name(c))
    });
    let message = format!("{source}是{right}，不是“{}”", mention.span.slice(cx.text));
    let mut diagnostic = Diagnostic::new(&RULE, mention.span, message);
    for c in expected {
        let right = lunar::animal_name(c);
        diagnostic = diagnostic.with_fix(Fix::suggested(
            format!("改为“{right}年”"),
            vec![Edit::replace(animal, right)],
        ));
    }
    Some(with_beside(diagnostic, mention.beside))
}

fn lunar_date(
    cx: &Context<'_>,
    memo: &mut Memo,
    mention: &CalendarMention,
    (month, leap, day): (u8, bool, u8),
) -> Option<Diagnostic> {
    let beside = mention.beside.filter(Beside::is_day)?;
    let right = memo.lunar(beside.first)?;
    // A leap month printed without `闰` is the usual style; `闰` on a month that is not one
    // is a slip.
    let fits = |r: LunarDate| r.month == month && r.day == day && (r.leap || !leap);
    if (beside.days_meant()).any(|d| memo.lunar(d).is_some_and(fits)) {
        return None;
    }
    let written = mention.span.slice(cx.text);
    // Ex) 农历正月初一（2月11日）: everyone knows the festival's day; the date is the slip.
    if !leap && FESTIVAL_DAYS.contains(&(month, day)) {
        if let Some(right) = nearest_day(memo, beside.first, (month, day)) {
            let lunar = if written.starts_with("大年") {
                ""
            } else {
                "农历"
            };
            let name = format!("{lunar}{written}");
            return Some(on_another_day(mention, beside, &name, beside.first, right));
        }
    }
    let right_name = styled(right, written);
    let lunar = if right_name.starts_with("大年") {
        ""
    } else {
        "农历"
    };
    let message = format!(
        "{}是{lunar}{right_name}，不是“{written}”",
        show(beside.first)
    );
    let fix = Fix::suggested(
        format!("改为“{right_name}”"),
        vec![Edit::replace(mention.span, right_name.clone())],
    );
    Some(with_beside(Diagnostic::new(&RULE, mention.span, message), Some(beside)).with_fix(fix))
}

/// The lunar month and day in the written form's style: `腊月`, `冬月`, `二十三` and
/// `大年初二` where the text writes them so.
fn styled(right: LunarDate, written: &str) -> String {
    if written.starts_with("大年") && right.month == 1 && !right.leap && right.day <= 10 {
        return format!("大年{}", lunar::day_name(right.day));
    }
    let month = match right.month {
        11 if written.contains("冬月") => "冬月",
        12 if written.contains("腊月") => "腊月",
        m => lunar::month_name(m),
    };
    let day = lunar::day_name(right.day);
    let day = match day.strip_prefix('廿') {
        Some(unit) if written.contains("二十") => format!("二十{unit}"),
        _ => day.to_owned(),
    };
    format!("{}{month}{day}", if right.leap { "闰" } else { "" })
}

fn solar_term(mention: &CalendarMention, term: u8) -> Option<Diagnostic> {
    let beside = mention.beside.filter(Beside::is_day)?;
    let date = beside.first;
    let right = lunar::solar_term_day(date.year(), term)?;
    // Ex) 5日迎来小寒 on a page of 30 December: 5 January of the next year.
    if (beside.days_meant()).any(|d| lunar::solar_term_day(d.year(), term) == Some(d)) {
        return None;
    }
    let name = lunar::solar_term_name(term);
    Some(on_another_day(mention, beside, name, date, right))
}

/// A solar term or festival `name` beside `beside`, read as `date`, that falls on `right`:
/// the day's numeral is rewritten only when the month and year stay and the digits are ASCII.
fn on_another_day(
    mention: &CalendarMention,
    beside: Beside,
    name: &str,
    date: Date,
    right: Date,
) -> Diagnostic {
    let message = format!(
        "{}年{name}在{}月{}日，不是{}",
        right.year(),
        right.month(),
        right.day(),
        beside.as_written()
    );
    // Ex) 端午节（6月1日） → 5月31日: the month is rewritten with the day when both are
    // written in digits.
    let edit = match (beside.day, beside.month) {
        _ if right.year() != date.year() => None,
        (Some(day), _) if right.month() == date.month() => {
            Some(Edit::replace(day, right.day().to_string()))
        }
        (Some(day), Some(month)) => Some(Edit::replace(
            Span::new(month.start, day.end),
            format!("{}月{}", right.month(), right.day()),
        )),
        _ => None,
    };
    let fix = edit
        .and_then(|edit| Fix::suggested(format!("改为{}", beside.written_like(right)), vec![edit]));
    with_beside(Diagnostic::new(&RULE, mention.span, message), Some(beside)).with_fix(fix)
}

/// A festival beside a date it does not fall on: `2024年中秋节是9月18日` (it was 9月17日).
/// The year is the date's, else the one written before the festival (`去年中秋节`); a date
/// with neither is right if the festival falls on it in the issue year or either side.
fn festival(
    cx: &Context<'_>,
    memo: &mut Memo,
    mention: &CalendarMention,
    (month, day): (u8, u8),
    year: Option<FestivalYear>,
) -> Option<Diagnostic> {
    let beside = mention.beside.filter(Beside::is_day)?;
    if mention.quoted {
        return None;
    }
    let written = beside.first;
    let (base, years): (i16, &[i16]) = match year {
        _ if beside.year_written => (written.year(), &[0]),
        Some(FestivalYear::Written(year)) => (year, &[0]),
        Some(FestivalYear::Relative(k)) => (cx.issue_date?.year() + i16::from(k), &[0]),
        // Ex) 猪年春节是2月5日: the festival of a year the text names otherwise.
        Some(FestivalYear::Named) => return None,
        None => (written.year(), &[0, -1, 1]),
    };
    let dates: Vec<Date> = (years.iter())
        .filter_map(|&k| written.with().year(base + k).build().ok())
        .collect();
    // A day the calendar library does not reach is not judged.
    memo.lunar(*dates.first()?)?;
    let mut falls_on = |d: Date| festival_on(memo, d, month, day) == Some(true);
    // Ex) 29日是中秋节 on a page of 2 October: the 29th of the month before.
    let meant = beside.days_meant().skip(1);
    if dates.iter().copied().chain(meant).any(&mut falls_on) {
        return None;
    }
    // The festival day nearest to the date as written, in the date's year: its lunar year,
    // or the next or the last around the new year.
    let date = *dates.first()?;
    let right = nearest_day(memo, date, (month, day));
    let name = mention.span.slice(cx.text);
    // Ex) 1月1日是中秋节: no 中秋 near it at all.
    let Some(right) = right else {
        let message = format!("{name}不在{}", beside.as_written());
        return Some(with_beside(
            Diagnostic::new(&RULE, mention.span, message),
            Some(beside),
        ));
    };
    Some(on_another_day(mention, beside, name, date, right))
}

/// Lunar days known by their festival (春节, 元宵, 龙抬头, 端午, 七夕, 中元, 中秋, 重阳, 腊八,
/// 小年): beside a Gregorian date that is not theirs, the date is taken for the slip.
const FESTIVAL_DAYS: [(u8, u8); 10] = [
    (1, 1),
    (1, 15),
    (2, 2),
    (5, 5),
    (7, 7),
    (7, 15),
    (8, 15),
    (9, 9),
    (12, 8),
    (12, 23),
];

/// The day nearest to `date` (other than itself) on which lunar `month` and `day` fall.
fn nearest_day(memo: &mut Memo, date: Date, (month, day): (u8, u8)) -> Option<Date> {
    (1..=SEARCH_DAYS).find_map(|n| {
        let span = jiff::Span::new().days(n);
        [date.checked_sub(span), date.checked_add(span)]
            .into_iter()
            .flatten()
            .find(|&r| festival_on(memo, r, month, day) == Some(true))
    })
}

/// How far from a date the day of its festival is looked for: a festival moves about a
/// month from year to year in the Gregorian calendar.
const SEARCH_DAYS: i64 = 60;

/// Whether the festival of lunar `month` and `day` (0: the month's last day) falls on
/// `date`; `None` when the calendar does not reach the date.
fn festival_on(memo: &mut Memo, date: Date, month: u8, day: u8) -> Option<bool> {
    let lunar = memo.lunar(date)?;
    if lunar.leap || lunar.month != month {
        return Some(false);
    }
    if day != 0 {
        return Some(lunar.day == day);
    }
    let next = memo.lunar(date.tomorrow().ok()?)?;
    Some(next.month != month || next.leap)
}

fn doubled_unit(
    text: &str,
    mention: &CalendarMention,
    unit: Span,
    month: i32,
    day: i32,
) -> Diagnostic {
    let written = mention.span.slice(text);
    let possible = i8::try_from(month)
        .ok()
        .zip(i8::try_from(day).ok())
        .is_some_and(|(m, d)| Date::new(2000, m, d).is_ok());
    if !possible {
        return Diagnostic::new(&RULE, mention.span, format!("“{written}”中“月”写了两次"));
    }
    let right = format!(
        "{}日",
        &written[..(unit.start - mention.span.start) as usize]
    );
    Diagnostic::new(
        &RULE,
        mention.span,
        format!("“{written}”中“月”写了两次，应为“{right}”"),
    )
    .with_fix(Fix::suggested(
        format!("改为“{right}”"),
        vec![Edit::replace(unit, "日")],
    ))
}

fn with_beside(diagnostic: Diagnostic, beside: Option<Beside>) -> Diagnostic {
    match beside {
        Some(beside) => diagnostic.with_related(beside.span, "对照的公历日期"),
        None => diagnostic,
    }
}

/// `戊戌年或己亥年`.
fn names(cycles: &[u8], name: impl Fn(u8) -> String) -> String {
    cycles
        .iter()
        .map(|&c| name(c))
        .collect::<Vec<_>>()
        .join("或")
}

fn show(date: Date) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests;
