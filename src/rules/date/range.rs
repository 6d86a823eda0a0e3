use crate::config::RangeConnector;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{DayWord, Mention};
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 用连字符或短横线连接的日期范围（`3月13-14日`、`2021–2025年`、`2024-2025学年`）。
    ///
    /// 与本报连接号（`[dates] range`：默认 `—`，也可设为 `至`、`～`）不同的连接号也提示；本报用 `—` 时，`至` 字从不提示。
    /// ## 为什么
    /// GB/T 15834-2011 规定，表示范围用一字线 `—` 或浪纹线 `～`；连字符用来连接词语，减号表示相减，`13-14日` 看上去像一道算式。
    /// ## 示例
    /// ```text,flagged
    /// 展览于2023年3月13-14日举行。
    /// ```
    /// ```text,clean
    /// 展览于2023年3月13—14日举行，3月30日至4月2日巡展。
    /// ```
    /// ## 修改
    /// 可自动修复：把连接号换成本报的写法。用 `至` 时，前面光秃秃的数字补上单位（`13-14日` 改为 `13日至14日`）。
    /// ## 依据
    /// GB/T 15834-2011《标点符号用法》4.13 连接号; GB/T 15835-2011《出版物上数字用法》
    pub(crate) RULE = "date/range" {
        severity: Warning,
        fix: Safe,
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
