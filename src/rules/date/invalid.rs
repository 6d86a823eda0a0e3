use crate::calendar;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::front_matter_date;
use crate::recognise::dates::{DateExpr, DateMention, Mention};
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 不存在的日期：13月、`4月31日`、`2月30日`，或平年的 `2月29日`。
    ///
    /// Markdown 前言中写的出版日期（`date:`）认不出或不存在时也提示：它没有被用作出版日期。前言日期可写作 `2024-06-10`、`2024-6-10`、`2024/06/10` 或 `2024年6月10日`。
    ///
    /// 文中没写年份时，取离出版日期最近的年份；连出版日期也不知道时，只提示哪一年都不可能有的日期（`2月30日`）。单写日的日期（`31日`）本规则不提示：它的月份是隐含的。
    /// ## 为什么
    /// 印出不可能存在的日期，一定是打字失误，而读者无从知道本来是哪一天。
    /// ## 示例
    /// ```text,flagged
    /// 活动于2023年4月31日结束。
    /// ```
    /// ```text,clean
    /// 活动于2023年4月30日结束，2024年2月29日再次举行。
    /// ```
    /// ## 修改
    /// 无：只有写稿人知道本来是哪一天。
    /// ## 依据
    /// GB/T 15835-2011《出版物上数字用法》；GB/T 7408（公历）
    pub(crate) RULE = "date/invalid" {
        severity: Error,
        fix: None,
        checks: [
            Error: "不存在的日期",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let front = &cx.draft.front_matter;
    if let (Some(date), Some(span)) = (&front.date, front.date_span) {
        if front_matter_date(date).is_none() {
            let message = format!(
                "前言中的出版日期“{date}”不是有效的日期，未作出版日期用：应写成“2024-06-10”这样的年-月-日"
            );
            acc.push(Diagnostic::new(&RULE, span, message));
        }
    }
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
