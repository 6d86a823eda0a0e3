use crate::calendar;
use crate::config::WeekdayWord as HouseWeekday;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{DateExpr, DateMention, DateRole, Mention, WeekdayWord};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 同一篇稿件里，同类日期有两种写法：`星期二` 和 `周二`，或本月的日子既写 `3月14日` 又写 `14日`。
    ///
    /// - 星期既写 `星期二` 又写 `周二`（或 `礼拜二`）：不合本报用词（`[dates] weekday`）的提示；本报用词在稿中根本没出现时，提示不合本稿最常用写法的；
    /// - 同一篇稿件中，出版当月的日子既带月份（`3月14日`）又不带（`14日`）：提示用得少的那种写法（一样多时，提示后出现的那种）。电头（`本报3月14日讯`）、标题、生效日期（`1月1日起`）、一段时间的终点（`至8日`、`延长至9日或10日`，按规范不写月份）和出版日之后的日子不计入。
    ///
    /// 只比较日期后写的星期。引语和书名中的星期（`“周日志愿行动”`）是名称，不是日期；单独写的星期（`周一闭馆`、`每周二至周日开放`）说的是每周的某天，不论本报日期后写什么，习惯都用 `周`，也不比较。
    /// ## 为什么
    /// 同一版面上同一类日子写法不同，读者会疑心说的是两个不同的日子，版面也显得未经编辑。
    /// ## 示例
    /// 写 `星期` 的报纸（预设 `地方日报`）：
    /// ```toml,config
    /// preset = "地方日报"
    /// ```
    /// ```text,flagged
    /// 2023年3月14日（星期二）开幕，3月16日（周四）闭幕。
    /// ```
    /// ```text,clean
    /// 2023年3月14日（星期二）开幕，3月16日（星期四）闭幕。
    /// ```
    /// ## 修改
    /// 建议改用另一种写法（`星期四`；`3月14日` 或 `14日`）。不能自动修复：版面采用哪种写法，由编辑决定。
    /// ## 依据
    /// GB/T 15835-2011《出版物上数字用法》（同一出版物内写法一致）；本报体例
    pub(crate) RULE = "date/inconsistent" {
        severity: Warning,
        fix: Suggested,
        checks: [
            Style: "同一稿件日期、星期写法不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    weekdays(cx, acc);
    month_days(cx, acc);
}

fn weekdays(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    // Ex) “周日志愿行动” — a weekday inside a quoted name is not a date.
    let written: Vec<_> = cx
        .facts
        .dates
        .iter()
        .filter(|m| !m.in_quote && !m.in_title)
        .flat_map(DateMention::weekdays)
        .collect();
    let count = |word: WeekdayWord| written.iter().filter(|w| w.word == word).count();
    let words = [WeekdayWord::Xingqi, WeekdayWord::Zhou, WeekdayWord::Libai];
    if words.iter().filter(|&&w| count(w) > 0).count() < 2 {
        return;
    }
    // The house's word when it has one, else nothing is reported: two words in a draft
    // that uses weekdays fewer than three times, or as often each, settle nothing.
    let target = match cx.house.weekday.get() {
        Some(HouseWeekday::Xingqi) => WeekdayWord::Xingqi,
        Some(HouseWeekday::Zhou) => WeekdayWord::Zhou,
        None => return,
    };
    for w in written.iter().filter(|w| w.word != target) {
        let right = calendar::weekday_name(target.as_str(), w.weekday);
        let wrong = &cx.text[w.word_span.range()];
        let fix = Fix::suggested(
            format!("改为{right}"),
            vec![Edit::replace(w.word_span, right.clone())],
        );
        acc.push(
            Diagnostic::new(
                &RULE,
                w.word_span,
                format!(
                    "星期写法不统一：本稿用“{}”，此处用“{wrong}”",
                    target.as_str()
                ),
            )
            .style()
            .with_fix(fix),
        );
    }
}

/// Month-and-day against day-only dates, article by article: a page holds items by
/// different hands, and each item must be consistent in itself.
fn month_days(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    if cx.issue_date.is_none() {
        return;
    }
    if cx.draft.articles.is_empty() {
        month_days_in(cx, Span::new(0, cx.text.len() as u32), acc);
    }
    for article in &cx.draft.articles {
        month_days_in(cx, article.span, acc);
    }
}

fn month_days_in(cx: &Context<'_>, scope: Span, acc: &mut Vec<Diagnostic>) {
    let Some(issue) = cx.issue_date else { return };
    let days = days_of_the_month(cx, scope, issue);
    let with_month = days.iter().filter(|(_, m)| *m).count();
    let without = days.len() - with_month;
    if with_month == 0 || without == 0 {
        return;
    }
    // House style by inference: the form used most, by at least three uses; a tie says
    // nothing.
    let keep_month = match with_month.cmp(&without) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => return,
    };
    if with_month.max(without) < 3 {
        return;
    }
    for (expr, has_month) in days.iter().filter(|(_, m)| *m != keep_month) {
        let written = &cx.text[expr.span.range()];
        let (fix, other) = if *has_month {
            // Ex) 3月14日 among 14日, 15日: drop the month.
            let (Some(month), Some(day)) = (&expr.month, &expr.day) else {
                continue;
            };
            let cut = Span::new(month.span.start, day.span.start);
            let shortened = &cx.text[day.span.start as usize..expr.span.end as usize];
            (
                Fix::suggested(format!("改为“{shortened}”"), vec![Edit::delete(cut)]),
                "只写日",
            )
        } else {
            // Ex) 14日 among 3月14日, 3月15日: add the month.
            let month = issue.month();
            (
                Fix::suggested(
                    format!("改为“{month}月{written}”"),
                    vec![Edit::insert(expr.span.start, format!("{month}月"))],
                ),
                "写明月份",
            )
        };
        acc.push(
            Diagnostic::new(
                &RULE,
                expr.span,
                format!("本月日期写法不统一：本稿多处{other}，此处写作“{written}”"),
            )
            .style()
            .with_fix(fix),
        );
    }
}

/// The days of the issue's month written in `scope`, each with whether it is written with
/// its month; dates whose month is kept by convention are left out.
fn days_of_the_month<'a>(
    cx: &Context<'a>,
    scope: Span,
    issue: jiff::civil::Date,
) -> Vec<(&'a DateExpr, bool)> {
    let mut days: Vec<(&DateExpr, bool)> = Vec::new();
    for mention in cx.facts.dates.within(scope) {
        if mention.in_title {
            continue;
        }
        let expr = match &mention.kind {
            Mention::Date(expr) => expr,
            Mention::Range(range) => &range.start,
            _ => continue,
        };
        let Some(resolved) = expr.resolved else {
            continue;
        };
        let rest = &cx.text[mention.span.end as usize..];
        if expr.day.is_none()
            || expr.year.is_some()
            || expr.month_word.is_some()
            // Ex) 31日 on a page of 1 January: by the future rule's convention, not this one's.
            || resolved > issue
            // Ex) 自1月1日起施行: effective dates keep their month by convention.
            || rest.starts_with('起')
            || rest.starts_with("开始")
            // Ex) 7日至8日, 延长至9日或10日: the end of a span leaves its month to the start.
            || (expr.month.is_none() && super::ends_a_span(&cx.text[..expr.span.start as usize]))
            || expr.role != DateRole::Plain
            || resolved.year() != issue.year()
            || resolved.month() != issue.month()
            || super::in_headline(cx, expr.span)
        {
            continue;
        }
        days.push((expr, expr.month.is_some()));
    }
    days
}
