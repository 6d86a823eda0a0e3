use crate::calendar;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{DateExpr, DateRole};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 日期后所写的星期（`3月14日（星期三）`、`14日周三`）与该日期实际的星期不符。
    ///
    /// 年份按文中所写；没写年份时，同一句前面写了年份的（`2023年9月17日……；9月18日`、`2023年，该村5月12日`）取那一年，否则取离出版日期最近的年份；单写日的日期（`14日`）算作出版当月。取同句年份时，星期与按出版日期推算的那一年相符也不提示。文中没有年份、又不知道出版日期时，本规则不提示。
    /// ## 为什么
    /// 读者按星期安排日程，也会拿星期去核对日期；两者对不上，印出来的必有一个是错的，而读者无从判断是哪一个。
    /// ## 示例
    /// ```text,flagged
    /// 2023年3月14日（星期三），社区举办义诊。
    /// ```
    /// ```text,clean
    /// 2023年3月14日（星期二），社区举办义诊。
    /// ```
    /// ## 修改
    /// 可自动修复：只改星期，保留原来的用词（`星期`、`周` 或 `礼拜`）。日期从不改动：如果错的是日期，由人来改，改完后星期会重新核对。年份取自同一句前文的日期，改法只作建议：那一年只是更可能的读法。
    /// ## 依据
    /// GB/T 15835-2011《出版物上数字用法》；公历日期对应的星期（GB/T 7408）
    pub(crate) RULE = "date/weekday" {
        severity: Error,
        fix: PartlySafe,
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
    // Ex) 2024年3月14日……3月20日星期一 in a 2023 issue: the year before it or the issue's.
    let either = expr
        .uncarried
        .is_some_and(|d| d.weekday() == written.weekday);
    if expr.role == DateRole::Recurring || written.weekday == date.weekday() || either {
        return;
    }
    let right = calendar::weekday_name(written.word.as_str(), date.weekday());
    let wrong = &cx.text[written.word_span.range()];
    let shown = super::show_date(date, cx.issue_date, expr.year.is_some());
    let span = Span::new(expr.span.start, written.span.end);
    let title = format!("改为{right}");
    let edits = vec![Edit::replace(written.word_span, right.clone())];
    // A year taken from the sentence is the likelier reading, not a certain one.
    let fix = match expr.uncarried {
        None => Fix::safe(title, edits),
        Some(_) => Fix::suggested(title, edits),
    };
    acc.push(Diagnostic::new(&RULE, span, format!("{shown}是{right}，不是{wrong}")).with_fix(fix));
}
