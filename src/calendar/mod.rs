//! Calendar maths and the small grammar of Chinese dates, with no I/O and no clock.
//!
//! Validity and weekdays come from `jiff`; this module only decides which year or month a
//! partial date means (news convention: a day alone is in the issue's month, a month and day
//! in the year nearest the issue) and how numerals are written. What "today" is always comes
//! from the caller.

mod numerals;

pub(crate) use numerals::{
    chinese_digit, chinese_number, chinese_year_digit, fullwidth_digit, is_chinese_numeral,
};

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// The date `year-month-day`, or `None` when no such day exists (month 13, 4月31日,
/// 2月29日 in a common year). Years outside jiff's range (-9999..=9999) are `None` too.
pub(crate) fn civil(year: i32, month: i32, day: i32) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    Date::new(year, month, day).ok()
}

/// True when `year-month-day` is a day of the Gregorian calendar.
pub(crate) fn is_valid(year: i32, month: i32, day: i32) -> bool {
    civil(year, month, day).is_some()
}

/// True when `month-day` exists in at least one year (2月29日 does; 2月30日 does not).
pub(crate) fn is_possible_month_day(month: i32, day: i32) -> bool {
    is_valid(2000, month, day)
}

/// The year a month-and-day date written on `reference` means: the one that puts it nearest
/// the reference, so `12月30日` on a page of 2023-01-02 is 2022-12-30.
pub(crate) fn year_for_month(reference: Date, month: i32) -> i32 {
    let year = i32::from(reference.year());
    let delta = month - i32::from(reference.month());
    if delta > 6 {
        year - 1
    } else if delta < -6 {
        year + 1
    } else {
        year
    }
}

/// The date a month and day (no year) mean on a page dated `reference`; `None` when that day
/// does not exist in the year chosen.
pub(crate) fn resolve_month_day(reference: Date, month: i32, day: i32) -> Option<Date> {
    civil(year_for_month(reference, month), month, day)
}

/// The date a day alone (`16日`) means on a page dated `reference`: that day of the issue's
/// month, by news convention; `None` when the month has no such day.
pub(crate) fn resolve_day(reference: Date, day: i32) -> Option<Date> {
    civil(
        i32::from(reference.year()),
        i32::from(reference.month()),
        day,
    )
}

/// The date a day means in the month `months` away from `reference`'s (`上月28日` is -1).
pub(crate) fn resolve_day_in_month(reference: Date, months: i8, day: i32) -> Option<Date> {
    let first = reference
        .first_of_month()
        .checked_add(i64::from(months).months())
        .ok()?;
    civil(i32::from(first.year()), i32::from(first.month()), day)
}

/// The date of a dateline without a year (`本报北京1月4日讯`, `本报8日讯`) on a page dated
/// `issue`: the issue year, or the year before when the month and day fall after the issue
/// date; a day without its month is in the issue's month, or the month before when it falls
/// after the issue day. `None` when no such day exists.
pub(crate) fn dateline_date(issue: Date, month: Option<i32>, day: i32) -> Option<Date> {
    let (issue_month, issue_day) = (i32::from(issue.month()), i32::from(issue.day()));
    let month = month.unwrap_or(if day <= issue_day {
        issue_month
    } else {
        previous_month(issue)
    });
    let year = i32::from(issue.year()) - i32::from((month, day) > (issue_month, issue_day));
    civil(year, month, day)
}

/// `reference` moved by `days` (negative for the past).
pub(crate) fn add_days(reference: Date, days: i64) -> Option<Date> {
    reference.checked_add(days.days()).ok()
}

/// The day with weekday `weekday` in the week (Monday to Sunday) `weeks` weeks from the one
/// holding `reference`: `本周三` is `(0, Wednesday)`, `上周五` is `(-1, Friday)`.
pub(crate) fn weekday_in_week(reference: Date, weeks: i64, weekday: Weekday) -> Option<Date> {
    let monday_offset = i64::from(reference.weekday().to_monday_zero_offset());
    let target = i64::from(weekday.to_monday_zero_offset());
    add_days(reference, weeks * 7 - monday_offset + target)
}

/// The month before `date`'s month, as a number 1..=12.
pub(crate) fn previous_month(date: Date) -> i32 {
    if date.month() == 1 {
        12
    } else {
        i32::from(date.month()) - 1
    }
}

/// The character naming a weekday after `星期`/`周`: 一 … 六, 日 for Sunday.
fn weekday_char(weekday: Weekday) -> char {
    match weekday {
        Weekday::Monday => '一',
        Weekday::Tuesday => '二',
        Weekday::Wednesday => '三',
        Weekday::Thursday => '四',
        Weekday::Friday => '五',
        Weekday::Saturday => '六',
        Weekday::Sunday => '日',
    }
}

/// The weekday named by the character after `星期`/`周`/`礼拜` (`日` and `天` are Sunday).
pub(crate) fn weekday_from_char(ch: char) -> Option<Weekday> {
    Some(match ch {
        '一' => Weekday::Monday,
        '二' => Weekday::Tuesday,
        '三' => Weekday::Wednesday,
        '四' => Weekday::Thursday,
        '五' => Weekday::Friday,
        '六' => Weekday::Saturday,
        '日' | '天' => Weekday::Sunday,
        _ => return None,
    })
}

/// `星期二` (or `周二` with `word = "周"`).
pub(crate) fn weekday_name(word: &str, weekday: Weekday) -> String {
    format!("{word}{}", weekday_char(weekday))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn validity() {
        assert!(!is_valid(2023, 4, 31));
        assert!(!is_valid(2023, 2, 29));
        assert!(is_valid(2024, 2, 29));
        assert!(!is_valid(1900, 2, 29));
        assert!(is_valid(2000, 2, 29));
        assert!(!is_valid(2023, 13, 1));
        assert!(!is_valid(2023, 0, 1));
        assert!(!is_valid(2023, 1, 0));
        assert!(is_possible_month_day(2, 29));
        assert!(!is_possible_month_day(2, 30));
    }

    #[test]
    fn weekdays() {
        assert_eq!(
            civil(2023, 3, 14).map(Date::weekday),
            Some(Weekday::Tuesday)
        );
        assert_eq!(weekday_char(Weekday::Tuesday), '二');
        assert_eq!(weekday_from_char('天'), Some(Weekday::Sunday));
    }

    #[test]
    fn a_dateline_is_in_the_issue_year_or_the_year_before() {
        let page = date(2001, 1, 1);
        assert_eq!(dateline_date(page, Some(12), 31), Some(date(2000, 12, 31)));
        assert_eq!(dateline_date(page, Some(1), 1), Some(date(2001, 1, 1)));
        assert_eq!(dateline_date(page, None, 30), Some(date(2000, 12, 30)));
        let page = date(2023, 3, 15);
        assert_eq!(dateline_date(page, None, 14), Some(date(2023, 3, 14)));
        assert_eq!(dateline_date(page, Some(3), 16), Some(date(2022, 3, 16)));
        assert_eq!(dateline_date(page, Some(2), 30), None);
    }

    #[test]
    fn resolution() {
        let page = date(2023, 1, 2);
        assert_eq!(resolve_month_day(page, 12, 30), Some(date(2022, 12, 30)));
        assert_eq!(resolve_month_day(page, 3, 1), Some(date(2023, 3, 1)));
        assert_eq!(resolve_day(date(2023, 3, 15), 14), Some(date(2023, 3, 14)));
        assert_eq!(resolve_day(date(2023, 4, 15), 31), None);
        // 2023-03-15 is a Wednesday.
        let page = date(2023, 3, 15);
        assert_eq!(
            weekday_in_week(page, 0, Weekday::Wednesday),
            Some(date(2023, 3, 15))
        );
        assert_eq!(
            weekday_in_week(page, -1, Weekday::Friday),
            Some(date(2023, 3, 10))
        );
        assert_eq!(
            weekday_in_week(page, 1, Weekday::Monday),
            Some(date(2023, 3, 20))
        );
        assert_eq!(
            weekday_in_week(page, 0, Weekday::Sunday),
            Some(date(2023, 3, 19))
        );
        assert_eq!(previous_month(date(2023, 1, 5)), 12);
        assert_eq!(
            resolve_day_in_month(date(2023, 1, 5), -1, 28),
            Some(date(2022, 12, 28))
        );
    }
}
