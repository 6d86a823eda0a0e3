use crate::config::RangeConnector;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{DayWord, Mention};
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A range of dates joined by a hyphen or an en dash (`3月13-14日`, `2021–2025年`).
    ///
    /// A range mark other than the house one (`[dates] range`: `—` by default, or `至`, `～`)
    /// is flagged too; the word `至` is never flagged when the house mark is a dash.
    /// ## Why
    /// GB/T 15834-2011 marks ranges with the one-em dash `—` or the wave dash `～`; a hyphen
    /// joins words and a minus sign subtracts, so `13-14日` reads as arithmetic.
    /// ## Example
    /// ```text,flagged
    /// 展览于2023年3月13-14日举行。
    /// ```
    /// ```text,clean
    /// 展览于2023年3月13—14日举行，3月30日至4月2日巡展。
    /// ```
    /// ## Fix
    /// Safe: replaces the connector with the house mark. With `至`, a bare first number gets
    /// its unit (`13-14日` becomes `13日至14日`).
    /// ## Standard
    /// GB/T 15834-2011《标点符号用法》4.13 连接号; GB/T 15835-2011《出版物上数字用法》
    pub(crate) RULE = "date/range" {
        severity: Warning,
        fix: Always,
        checks: [
            Error: "日期范围用“-”“–”连接",
            Style: "日期范围连接号（—、至、～）与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let choice = cx.house.range;
    // Where the house has settled nothing, a connector that is no option becomes the
    // standard dash.
    let house = choice.or(RangeConnector::Dash);
    for mention in cx.facts.dates.iter() {
        let Mention::Range(range) = &mention.kind else {
            continue;
        };
        let connector = range.connector;
        // Ex) 3月13-14日, 2021–2025年
        let (wrong, style) = match connector {
            '-' | '–' | '－' | '~' => (true, false),
            '—' => (choice.departs(RangeConnector::Dash), true),
            '～' => (choice.departs(RangeConnector::Tilde), true),
            _ => (false, false),
        };
        if !wrong || mention.in_title {
            continue;
        }
        let mark = house.as_str();
        let mut replacement = mark.to_string();
        let start_text = &cx.text[range.start.span.range()];
        let bare_start = start_text.ends_with(|c: char| c.is_ascii_digit() || c.is_numeric());
        if house == RangeConnector::Zhi && bare_start {
            let unit = if range.start.day.is_some() {
                match range.end.day_word {
                    Some(DayWord::Hao) => "号",
                    _ => "日",
                }
            } else if range.start.month.is_some() {
                "月"
            } else {
                "年"
            };
            replacement = format!("{unit}{mark}");
        }
        let fix = Fix::safe(
            format!("改为“{mark}”"),
            vec![Edit::replace(range.connector_span, replacement)],
        );
        acc.push(
            Diagnostic::new(
                &RULE,
                mention.span,
                format!("日期范围应使用“{mark}”连接，不用“{connector}”"),
            )
            .with_kind(if style { Kind::Style } else { Kind::Error })
            .with_fix(fix),
        );
    }
}
