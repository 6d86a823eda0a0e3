use crate::calendar;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{DateExpr, DateRole};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## What it flags
    /// A weekday written after a date (`3月14日（星期三）`, `14日周三`) that is not that date's
    /// weekday.
    ///
    /// The year is the one written, else the one nearest the issue date; a day alone (`14日`)
    /// is in the issue's month. Without a year in the text and without an issue date, the
    /// rule stays silent.
    /// ## Why
    /// Readers plan by weekdays and check them against dates; when the two disagree, one of
    /// them is wrong in print and the reader cannot know which.
    /// ## Example
    /// ```text,flagged
    /// 2023年3月14日（星期三），社区举办义诊。
    /// ```
    /// ```text,clean
    /// 2023年3月14日（星期二），社区举办义诊。
    /// ```
    /// ## Fix
    /// Safe: replaces only the weekday, keeping its word (`星期`, `周` or `礼拜`). The date is
    /// never changed: a person who finds the date wrong edits it, and the weekday is checked
    /// again.
    /// ## Standard
    /// GB/T 15835-2011《出版物上数字用法》; the weekday of a Gregorian date (GB/T 7408)
    pub(crate) RULE = "date/weekday" {
        severity: Error,
        fix: Always,
        checks: [
            Error: "星期与日期不符",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    for (_, expr) in cx.facts.dates.exprs() {
        check_expr(cx, expr, acc);
    }
}

fn check_expr(cx: &Context<'_>, expr: &DateExpr, acc: &mut Vec<Diagnostic>) {
    let (Some(written), Some(date)) = (expr.weekday, expr.resolved) else {
        return;
    };
    if expr.role == DateRole::Recurring || written.weekday == date.weekday() {
        return;
    }
    let right = calendar::weekday_name(written.word.as_str(), date.weekday());
    let wrong = &cx.text[written.word_span.range()];
    let shown = super::show_date(date, cx.issue_date, expr.year.is_some());
    let span = Span::new(expr.span.start, written.span.end);
    let fix = Fix::safe(
        format!("改为{right}"),
        vec![Edit::replace(written.word_span, right.clone())],
    );
    acc.push(Diagnostic::new(&RULE, span, format!("{shown}是{right}，不是{wrong}")).with_fix(fix));
}
