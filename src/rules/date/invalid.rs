use crate::calendar;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::recognise::dates::{DateExpr, DateMention, Mention};
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A date that does not exist: month 13, `4月31日`, `2月30日`, or `2月29日` in a common
    /// year.
    ///
    /// Without a year in the text, the year is the one nearest the issue date; with no issue
    /// date either, only dates impossible in every year (`2月30日`) are flagged. A day alone
    /// (`31日`) is never flagged here: its month is implied.
    /// ## Why
    /// An impossible date in print is certainly a typing slip, and the reader cannot tell
    /// which day was meant.
    /// ## Example
    /// ```text,flagged
    /// 活动于2023年4月31日结束。
    /// ```
    /// ```text,clean
    /// 活动于2023年4月30日结束，2024年2月29日再次举行。
    /// ```
    /// ## Fix
    /// None: only the writer knows which day was meant.
    /// ## Standard
    /// GB/T 15835-2011《出版物上数字用法》; GB/T 7408 (the Gregorian calendar)
    pub(crate) RULE = "date/invalid" {
        severity: Error,
        fix: None,
        checks: [
            Error: "不存在的日期",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    for mention in cx.facts.dates.iter() {
        match &mention.kind {
            Mention::Date(expr) => check_expr(cx, mention, expr, None, acc),
            Mention::Range(range) => {
                check_expr(cx, mention, &range.start, None, acc);
                check_expr(cx, mention, &range.end, Some(&range.start), acc);
            }
            _ => {}
        }
    }
}

fn check_expr(
    cx: &Context<'_>,
    _mention: &DateMention,
    expr: &DateExpr,
    start: Option<&DateExpr>,
    acc: &mut Vec<Diagnostic>,
) {
    let (year, month, day) = super::written_parts(expr, start);
    let Some(month) = month else { return };
    let written = &cx.text[expr.span.range()];
    // Ex) 2023年13月5日
    if !(1..=12).contains(&month) {
        acc.push(Diagnostic::new(
            &RULE,
            expr.span,
            format!("“{written}”中的月份{month}不存在"),
        ));
        return;
    }
    let Some(day) = day else { return };
    let year = year.or_else(|| {
        let issue = cx.issue_date?;
        Some(match expr.year_word {
            // Ex) 明年2月29日
            Some(years) => i32::from(issue.year()) + i32::from(years),
            None => calendar::year_for_month(issue, month),
        })
    });
    let exists = match year {
        Some(year) => calendar::is_valid(year, month, day),
        None => calendar::is_possible_month_day(month, day),
    };
    if exists {
        return;
    }
    let message = match year {
        // Ex) 2023年2月29日: the month has fewer days that year.
        Some(year) if calendar::is_possible_month_day(month, day) => {
            let days = calendar::civil(year, month, 1).map_or(28, |d| d.days_in_month());
            format!("{year}年{month}月只有{days}天，没有{day}日")
        }
        // Ex) 4月31日
        _ => {
            let days = calendar::civil(2000, month, 1).map_or(31, |d| d.days_in_month());
            format!("{month}月只有{days}天，没有{day}日")
        }
    };
    acc.push(Diagnostic::new(&RULE, expr.span, message));
}
