use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{Mention, Relative};
use crate::rules::style::{Choice, DayNames};
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A relative day — `今天`, `昨日`, `前天`, `明天`, `本周三`, `上周五` — in a draft whose
    /// issue date is known, where the house names days by their date.
    ///
    /// Whether relative days are findings at all is house style: a level set for this rule
    /// (by the configuration or its preset — `地方日报` and `新华社` report them, `人民日报`
    /// prints them) decides; otherwise the draft does, by the form it uses most outside
    /// quotations — relative days, or days written alone (`14日`) — from three uses and
    /// without a tie. A relative day inside an item with a dateline (`新华社北京12月31日电`)
    /// means a day counted from the dateline, not from the issue date.
    ///
    /// Words inside quotations (the speaker's day) and titles are left
    /// alone, and so are `今天的…` and `明日之…`, which name an era, not a day, and `今天`
    /// before `我们` or `人们` where no time or event follows in its clause ("nowadays").
    /// ## Why
    /// A bulletin is written one day, printed the next and read for days after; `昨天` means
    /// a different day to each of them. News style names the day (`14日`).
    /// ## Example
    /// A paper that names the day (the 地方日报 preset):
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
    /// ## Fix
    /// Suggested: the absolute day counted from the issue date (`14日`, with the month when it
    /// falls in another month). Not safe: the writer may have counted from the day of writing,
    /// not the day of printing.
    /// ## Standard
    /// GB/T 15835-2011《出版物上数字用法》 (dates written with Arabic numerals); newsroom style
    pub(crate) RULE = "date/relative" {
        severity: Info,
        fix: Always,
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
