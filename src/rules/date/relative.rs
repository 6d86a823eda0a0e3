use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{Mention, Relative};
use crate::rules::style::{Choice, DayNames};
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 已知出版日期的稿件中出现相对日期——`今天`、`昨日`、`前天`、`明天`、`本周三`、`上周五`——而本报的体例是写明日期。
    ///
    /// 相对日期算不算问题，属于本报体例：为本规则设定的级别（来自配置或预设——`地方日报` 和 `新华社` 提示，`人民日报` 照印）说了算；没有设定时看稿件本身：引语之外哪种写法用得多——相对日期，还是单写日的日期（`14日`）——至少用了三次且不打平，就按哪种；但带电头的稿件里，电头已写明日子，这时的相对日期只在本报体例明确要求写明日期时才提示。带电头的稿件（`新华社北京12月31日电`）里的相对日期，从电头日期算起，而不是从出版日期算起。
    ///
    /// 引语中的相对日期（说话人当天的说法）和书名中的不检查；`今天的…`、`明日之…` 指的是时代而不是某一天，也不检查；`今天` 在 `我们`、`人们` 之前、所在分句又没有具体时间或事件的（意为“如今”），以及 `今天，我们` 之后拿现在与过去相比的（`今天，我们比历史上任何时期都更接近……`、`今天，我们回望来路`），同样不检查。
    /// ## 为什么
    /// 一份稿件今天写、明天印，之后几天还有人读；`昨天` 对他们每个人来说都是不同的一天。新闻写法要写明日子（`14日`）。
    /// ## 示例
    /// 写明日期的报纸（预设 `地方日报`）：
    /// ```toml,config
    /// preset = "地方日报"
    /// ```
    /// ```text,flagged
    /// ---
    /// date: 2023-03-15
    /// ---
    /// 本报讯 昨天上午，红旗社区组织志愿者清理楼道。
    /// ```
    /// ```text,clean
    /// ---
    /// date: 2023-03-15
    /// ---
    /// 本报讯 14日上午，红旗社区组织志愿者清理楼道。时至今日，楼道仍很整洁。
    /// ```
    /// ## 修改
    /// 仅作建议：改为从出版日期推算出的具体日期（`14日`；不在同一个月时带上月份）。不能自动修复：写稿人可能是从写稿那天算的，而不是从见报那天算的。
    /// ## 依据
    /// GB/T 15835-2011《出版物上数字用法》（日期用阿拉伯数字书写）；本报新闻写法
    pub(crate) RULE = "date/relative" {
        severity: Info,
        fix: Suggested,
        checks: [
            Style: "用“今天”“昨天”等相对日期",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    if cx.house.days.get() != Some(DayNames::Absolute) {
        return;
    }
    // The count of uses stays out of the message: a file checked in parts counts per part.
    let inferred = matches!(cx.house.days, Choice::Inferred { .. });
    let note = match cx.house.days {
        Choice::Inferred { .. } => "（本稿多用“14日”式的日期）",
        _ => "",
    };
    for mention in cx.facts.dates.iter() {
        let Mention::Relative(relative) = &mention.kind else {
            continue;
        };
        if mention.in_quote || mention.in_title {
            continue;
        }
        let Some(date) = mention.resolved else {
            continue;
        };
        // Ex) 本报北京3月14日电 ……今天，社区举办义诊: the dateline names the day, as wire copy
        // always has; only a paper's stated style, not the draft's habit, asks for `14日`.
        if inferred
            && cx
                .facts
                .dates
                .dateline_date_at(mention.span.start)
                .is_some()
        {
            continue;
        }
        // Ex) 新华社北京12月31日电 今天…: the day counts from the dateline.
        let Some(issue) = cx
            .facts
            .dates
            .reference_at(mention.span.start, cx.issue_date)
        else {
            continue;
        };
        let absolute = if date.year() == issue.year() && date.month() == issue.month() {
            format!("{}日", date.day())
        } else {
            super::show_date(date, Some(issue), false)
        };
        let word = &cx.text[mention.span.range()];
        let meaning = match relative {
            Relative::Day { .. } => super::show_date(date, Some(issue), false),
            Relative::WeekDay { .. } => format!(
                "{}（{}）",
                super::show_date(date, Some(issue), false),
                crate::calendar::weekday_name("星期", date.weekday())
            ),
        };
        let fix = Fix::suggested(
            format!("改为“{absolute}”"),
            vec![Edit::replace(mention.span, absolute.clone())],
        );
        acc.push(
            Diagnostic::new(
                &RULE,
                mention.span,
                format!("“{word}”指{meaning}，宜写明日期“{absolute}”{note}"),
            )
            .style()
            .with_fix(fix),
        );
    }
}
