//! Written dates — `2023年3月14日`, `3月14日`, `14日`, `15号`, `二〇二三年三月十四日`, ISO,
//! slash and dot forms — with the weekday or range end that follows them, their role in
//! the sentence and the absolute date they mean.

use jiff::civil::Date;

use super::numbers::{part, Num};
use super::scanner::Scanner;
use super::{calendar, DateExpr, DateForm, DateMention, DateRole, DayWord, Digits, Mention, Part};
use crate::recognise::digits::is_digit;
use crate::text::Span;

impl Scanner<'_> {
    /// Tries every date and time form at a number; returns where scanning resumes.
    pub(super) fn at_number(&mut self, pos: usize, out: &mut Vec<DateMention>) -> usize {
        let skip = self.skip_number(pos);
        let before = self.char_before(pos);
        // Ex) `活动时间:6月15日`: a label's colon, not a time's (`10:30`).
        let label_colon =
            before == Some(':') && (self.char_before(pos - 1)).is_some_and(crate::text::is_han);
        // Ex) `A3`, `1.5日`, `3/4`, `第3日` — part of something else; but `１．５月１７日`
        // is item 1 of a list.
        if !self.after_list_number(pos)
            && !label_colon
            && before.is_some_and(|c| {
                c.is_ascii_alphanumeric()
                    || is_digit(c)
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

    /// `2023-03-14`, `2023/3/14`, `2023.3.14`.
    pub(super) fn numeric_form(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
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
            year: Some(part(&year, year.value as i32)),
            month: Some(part(&month, month.value as i32)),
            day: Some(part(&day, day.value as i32)),
            form,
            ..DateExpr::at(Span::from_range(pos..end))
        };
        expr.resolved = self.resolve(&expr, None);
        let end = self.finish_date(expr, out);
        Some(end)
    }

    /// `2023年3月14日`, `3月14日`, `14日`, `15号`, `二〇二三年三月十四日`, and ranges of them.
    pub(super) fn written_date(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
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
    pub(super) fn day_range_after_month(
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
    pub(super) fn date_expr(&self, pos: usize, inherit: Option<&DateExpr>) -> Option<DateExpr> {
        let first = self.number(pos)?;
        let mut cur = pos;
        let mut year = None;
        if let Some(after) = self.eat_char(first.end, '年') {
            year = Some(self.year_part(&first, after)?);
            cur = after;
        }
        let mut num = if year.is_some() {
            self.number(cur)
        } else {
            Some(first)
        };
        let mut month = None;
        if let Some(n) = num {
            match self.month_part(&n, year.is_some(), inherit) {
                MonthRead::Month(part, after) => {
                    month = Some(part);
                    cur = after;
                    num = self.number(cur);
                }
                MonthRead::Absent if year.is_some() => num = None,
                MonthRead::Absent => {}
                MonthRead::OutOfRange if year.is_some() => return self.year_only(pos, year),
                MonthRead::OutOfRange | MonthRead::Refused => return None,
            }
        }
        let mut day = None;
        let mut day_word = None;
        if let Some((part, word, after)) =
            num.and_then(|n| self.day_part(&n, month.is_some(), inherit))
        {
            day = Some(part);
            day_word = Some(word);
            cur = after;
        }
        if year.is_none() && month.is_none() && day.is_none() {
            return None;
        }
        let mut expr = DateExpr {
            year,
            month,
            day,
            day_word,
            ..DateExpr::at(Span::from_range(pos..cur))
        };
        expr.resolved = self.resolve(&expr, inherit);
        Some(expr)
    }

    /// The year `first` writes before `年` (ending at `after`): four digits (or four Chinese
    /// digits), or two digits followed by a month or surely a year (`23年全区`, `从19年开始`).
    fn year_part(&self, first: &Num, after: usize) -> Option<Part> {
        let is_year = match first.digits {
            Digits::Chinese => first.len == 4,
            _ => {
                (first.len == 4 && (1000..2200).contains(&first.value))
                    || (first.len == 2
                        && (self.month_follows(after) || self.short_year_alone(first.start, after)))
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
        let mut year = part(first, value);
        year.short_year = first.len == 2;
        Some(year)
    }

    /// Whether `n` is a month, followed by `月`.
    fn month_part(&self, n: &Num, has_year: bool, inherit: Option<&DateExpr>) -> MonthRead {
        let Some(after) = self.eat_char(n.end, '月') else {
            return MonthRead::Absent;
        };
        let day_follows = self.day_follows(after);
        if !((1..=12).contains(&n.value) || day_follows && n.value < 100)
            || n.len > 2 && n.digits != Digits::Chinese
        {
            return MonthRead::OutOfRange;
        }
        if n.digits == Digits::Chinese && self.is_lunar_day(after) {
            return MonthRead::Refused;
        }
        // Ex) 统一月底: a Chinese month alone needs a clean start.
        if n.digits == Digits::Chinese
            && !has_year
            && inherit.is_none()
            && !day_follows
            && !self.clean_start_for_chinese(n.start)
        {
            return MonthRead::Refused;
        }
        MonthRead::Month(part(n, n.value as i32), after)
    }

    /// The day `n` writes, with `日` or `号` and where they end.
    fn day_part(
        &self,
        n: &Num,
        has_month: bool,
        inherit: Option<&DateExpr>,
    ) -> Option<(Part, DayWord, usize)> {
        let (after, word) = self.day_unit(n.end)?;
        let ok_value = if has_month || inherit.is_some_and(|i| i.month.is_some()) {
            (1..100).contains(&n.value)
        } else {
            (1..=31).contains(&n.value)
        };
        let chinese_ok = n.digits != Digits::Chinese
            || has_month
            || inherit.is_some_and(|i| i.day.is_some() && i.day_word == Some(DayWord::Ri));
        let short = n.len <= 2 + usize::from(n.digits == Digits::Chinese);
        (ok_value && chinese_ok && short).then(|| (part(n, n.value as i32), word, after))
    }

    pub(super) fn year_only(&self, pos: usize, year: Option<Part>) -> Option<DateExpr> {
        let year = year?;
        let end = year.span.end as usize + '年'.len_utf8();
        Some(DateExpr {
            year: Some(year),
            ..DateExpr::at(Span::from_range(pos..end))
        })
    }

    pub(super) fn month_follows(&self, pos: usize) -> bool {
        self.number(pos)
            .is_some_and(|n| self.eat_char(n.end, '月').is_some() && n.value <= 12)
    }

    pub(super) fn day_follows(&self, pos: usize) -> bool {
        self.number(pos)
            .is_some_and(|n| self.day_unit(n.end).is_some())
    }

    pub(super) fn day_unit(&self, pos: usize) -> Option<(usize, DayWord)> {
        match self.char_at(pos)? {
            '日' => Some((pos + '日'.len_utf8(), DayWord::Ri)),
            '号' => Some((pos + '号'.len_utf8(), DayWord::Hao)),
            _ => None,
        }
    }

    /// Two-digit years mean the century that puts them nearest the issue date (or 2000).
    pub(super) fn expand_short_year(&self, yy: u32) -> i32 {
        let reference = self.issue.map_or(2000, |d| i32::from(d.year()));
        let century = reference - reference.rem_euclid(100);
        let candidate = century + yy as i32;
        if candidate > reference + 20 {
            candidate - 100
        } else {
            candidate
        }
    }

    /// Attaches a weekday, a range end and a role to a parsed date, and records it.
    pub(super) fn finish_date(&mut self, mut expr: DateExpr, out: &mut Vec<DateMention>) -> usize {
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

    pub(super) fn role(&self, start: usize, end: usize) -> DateRole {
        // Ex) 本报西沙1月1日零时电: a time may stand between the date and 电.
        let rest = self.rest(end).trim_start_matches(|c: char| {
            is_digit(c) || "零〇一二三四五六七八九十时分点上下午晚早凌晨".contains(c)
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
    pub(super) fn resolve(&self, expr: &DateExpr, inherit: Option<&DateExpr>) -> Option<Date> {
        resolve(expr, inherit, self.issue)
    }
}

/// The absolute date an expression means: as written when complete, else filled in from the
/// start of its range (`inherit`) or from `reference` (the issue date, or its item's
/// dateline).
pub(super) fn resolve(
    expr: &DateExpr,
    inherit: Option<&DateExpr>,
    reference: Option<Date>,
) -> Option<Date> {
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
        // Ex) 12月31日至1月1日: a range's end in an earlier month than its start, the year
        // taken from the start, is in the year after.
        (Some(y), Some(m)) if expr.year.is_none() && expr.month.is_some() => {
            let date = calendar::civil(y, m, day)?;
            match inherited {
                Some(start) if date < start => calendar::civil(y + 1, m, day),
                _ => Some(date),
            }
        }
        (Some(y), Some(m)) => calendar::civil(y, m, day),
        (None, Some(m)) => match expr.year_word {
            Some(years) => calendar::civil(i32::from(reference?.year()) + i32::from(years), m, day),
            None => calendar::resolve_month_day(reference?, m, day),
        },
        (None, None) => match expr.month_word {
            Some(months) => calendar::resolve_day_in_month(reference?, months, day),
            None => calendar::resolve_day(reference?, day),
        },
        (Some(_), None) => None,
    }
}

/// What a number followed by `月` turned out to be.
enum MonthRead {
    /// A month, and where it ends.
    Month(Part, usize),
    /// No `月` follows.
    Absent,
    /// A number too large for a month: the year before it stands alone.
    OutOfRange,
    /// A lunar month, or a numeral inside a word: no date at all.
    Refused,
}
