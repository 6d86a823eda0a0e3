use crate::calendar;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::dates::{DateExpr, DateMention, DateRole, Mention};
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 叙述已发生事情的句子里，单独写日的日期（`16日`）晚于出版日。带电头的稿件（`新华社北京12月31日电`）以电头日期为准：31日发稿、1日见报的稿件写 `31日` 没有问题。
    ///
    /// 有表示将来的词就不提示：同一句中日期之前有 `将`、`将于`、`拟`、`计划`、`预计`、`定于`、`届时`、`时间为` 等，同一分句中日期之后有 `将`，同一句中日期之后有 `还要`、`还将`、`将于` 等，或日期后紧跟 `起`、`前`、`开始`。日期范围（`6日—8日`、`从14日晚8时到15日中午`，多是日程安排）、一段时间的终点（`2日晚上到3日`、`延长至9日或10日`）、同一段中接着日程往后写的日子（`定于20日开幕，会期3天。21日进行比赛，22日闭幕`：20日前有 `定于`，其后更晚的21日、22日也是日程）、带月份词的日期（`本月16日`）、同段前面写了月份的日（`6月15日、16日`）和引语中的日期都不检查。
    /// ## 为什么
    /// 按新闻惯例，单写日指的是出版当月。在3月15日的版面上报道 `16日` 发生的事，就成了未来的事；写稿人几乎总是指上个月，只是漏写了月份。
    /// ## 示例
    /// ```text,flagged
    /// ---
    /// date: 2023-03-15
    /// ---
    /// 本报讯 16日，红旗社区举办了义诊活动。
    /// ```
    /// ```text,clean
    /// ---
    /// date: 2023-03-15
    /// ---
    /// 本报讯 红旗社区将于16日举办义诊活动，14日已完成报名。
    /// ```
    /// ## 修改
    /// 仅作建议：在日前补上上个月（`2月16日`）。不能自动修复：写稿人也可能说的是将来，只是漏写了表示将来的词。
    /// ## 依据
    /// GB/T 15835-2011《出版物上数字用法》；新闻单写日期的惯例
    pub(crate) RULE = "date/future" {
        severity: Warning,
        fix: Suggested,
        checks: [
            Error: "只写日的日期晚于出版日",
        ],
    }
}

/// Words before a day, in its clause, that put it in the future.
const MARKERS_BEFORE: [&str; 25] = [
    "将",
    "拟",
    "计划",
    "预计",
    "定于",
    "届时",
    "即将",
    "有望",
    "准备",
    "打算",
    "预定",
    "截至",
    "截止",
    "敬请",
    "欢迎",
    "报名",
    "下周",
    "明天",
    "明日",
    "预告",
    "时间为",
    "时间是",
    "日期为",
    "时间定在",
    "还要",
];

/// Words after a day, in its sentence, that put it in the future: `15日当天，社区还要……`.
const MARKERS_LATER: [&str; 5] = ["还要", "还将", "将要", "将在", "将于"];

/// Words right after a day that make it a deadline or a start.
const MARKERS_AFTER: [&str; 11] = [
    "起", "前", "之前", "以前", "截止", "开始", "将", "至", "到", "止", "以后",
];

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let mut schedule = Schedule::default();
    for mention in cx.facts.dates.iter() {
        if mention.in_title || mention.in_quote {
            continue;
        }
        // Ex) 6日—8日 in a forecast: a range of days is nearly always a schedule, so only
        // single dates are checked.
        if let Mention::Date(expr) = &mention.kind {
            // Ex) 新华社北京12月31日电 … 31日 on the page of 1 January: the item's own day.
            let dated = cx
                .facts
                .dates
                .items
                .iter()
                .any(|item| item.span.contains_span(mention.span));
            let Some(reference) = cx
                .facts
                .dates
                .reference_at(mention.span.start, cx.issue_date)
            else {
                continue;
            };
            check_expr(cx, (reference, dated), mention, expr, &mut schedule, acc);
        }
    }
}

/// `reference` is the day a day-only date counts from: the issue date, or (`true`) the
/// dateline of its item.
fn check_expr(
    cx: &Context<'_>,
    (issue, dated): (jiff::civil::Date, bool),
    mention: &DateMention,
    expr: &DateExpr,
    schedule: &mut Schedule,
    acc: &mut Vec<Diagnostic>,
) {
    let Some(day) = expr.day.as_ref().map(|d| d.value) else {
        return;
    };
    if !expr.is_day_only() || expr.role == DateRole::Recurring || day <= i32::from(issue.day()) {
        return;
    }
    // Ex) 2月10日……20日, 6月15日、16日: the month is named before the day, not left out.
    let other_month = expr.resolved.is_some_and(|d| d.month() != issue.month());
    if expr.month_carried || other_month {
        return;
    }
    let block = cx.draft.block_at(mention.span.start);
    if has_future_marker(cx, mention) {
        // Ex) 定于20日开幕，会期3天。21日进行比赛: the schedule goes on after this day.
        *schedule = Schedule {
            block,
            day: Some(day),
        };
        return;
    }
    if schedule.goes_on(block, day) {
        schedule.day = Some(day);
        return;
    }
    let written = &cx.text[expr.span.range()];
    let previous = calendar::previous_month(issue);
    let previous_year = if previous == 12 {
        i32::from(issue.year()) - 1
    } else {
        i32::from(issue.year())
    };
    let fix = calendar::is_valid(previous_year, previous, day)
        .then(|| {
            Fix::suggested(
                format!("改为“{previous}月{written}”"),
                vec![Edit::insert(expr.span.start, format!("{previous}月"))],
            )
        })
        .flatten();
    acc.push(
        Diagnostic::new(
            &RULE,
            expr.span,
            format!(
                "“{written}”晚于{}{}月{}日：单写日指本月，如指上月应写明月份",
                if dated {
                    "电头日期"
                } else {
                    "出版日期"
                },
                issue.month(),
                issue.day()
            ),
        )
        .with_fix(fix),
    );
}

/// The last day of a paragraph put in the future by a marker: the days after it in the
/// same paragraph, later still, continue its schedule.
#[derive(Default)]
struct Schedule {
    block: Option<usize>,
    day: Option<i32>,
}

impl Schedule {
    fn goes_on(&self, block: Option<usize>, day: i32) -> bool {
        block.is_some() && self.block == block && self.day.is_some_and(|d| d <= day)
    }
}

/// A future marker before the day in its sentence, or after it in its clause; or the day
/// ends a range whose start is written out (`1月2日晚上到3日`).
fn has_future_marker(cx: &Context<'_>, mention: &DateMention) -> bool {
    let start = mention.span.start as usize;
    let block_start = cx
        .draft
        .block_at(mention.span.start)
        .map_or(0, |id| cx.draft.blocks[id].span.start as usize);
    let before = &cx.text[block_start.min(start)..start];
    let sentence_start = before.rfind(['。', '！', '？', '；', '\n']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let sentence = &before[sentence_start..];
    if MARKERS_BEFORE.iter().any(|m| sentence.contains(m)) {
        return true;
    }
    // Ex) 1月2日晚上到3日, 延长至9日或10日
    if super::ends_a_span(before) {
        return true;
    }
    let after = &cx.text[mention.span.end as usize..];
    let after = after.trim_start_matches([' ', '\u{3000}']);
    if MARKERS_AFTER.iter().any(|m| after.starts_with(m)) {
        return true;
    }
    // Ex) 4日的半决赛将由…
    let clause_end = after
        .find(['，', '。', '！', '？', '；', '\n'])
        .unwrap_or(after.len());
    let clause = &after[..clause_end];
    let sentence_end = after
        .find(['。', '！', '？', '；', '\n'])
        .unwrap_or(after.len());
    if MARKERS_LATER
        .iter()
        .any(|m| after[..sentence_end].contains(m))
    {
        return true;
    }
    // Ex) 从14日晚8时到15日中午 — the day opens a span, as a range does.
    clause.contains('将') || (before.ends_with(['从', '自']) && clause.contains(['到', '至']))
}
