//! `textDocument/inlayHint`: the absolute date after day-only and relative dates, and at the
//! start of an undated draft, which date checks were skipped and how to give the date.

use ls_types::{InlayHint, InlayHintLabel, InlayHintTooltip, Position, Range};

use crate::lsp::analysis::Analysed;
use crate::lsp::handlers::hover::{long_date, weekday_zh};

/// One hint after each day written without its month (`14日`) and each relative day
/// (`昨天`): `3月14日 周二`, with the year only when it is not the issue's.
pub(crate) fn hints(analysed: &Analysed, range: Range) -> Vec<InlayHint> {
    let Some(analysis) = analysed.analysis.as_ref() else {
        return Vec::new();
    };
    let at = analysed.positions();
    let span = at.span(range);
    let issue_year = analysis.issue_date.map(|d| d.year());
    // At the start of an undated draft: a hint, not a diagnostic — it is no finding, so it
    // counts towards no error rate and no editor's tally of problems.
    let undated = (analysis.date_checks_skipped() && span.start == 0).then(|| {
        let label = "出版日期未知，部分日期未核对";
        hint(Position::new(0, 0), label.into(), UNDATED.into(), false)
    });
    let dates = (analysis.facts.dates.hints())
        .filter(|&(offset, _)| span.start <= offset && offset <= span.end)
        .map(|(offset, date)| {
            let year = (Some(date.year()) != issue_year).then(|| format!("{}年", date.year()));
            let (month, day, weekday) = (date.month(), date.day(), weekday_zh(date.weekday()));
            let label = format!("{}{month}月{day}日 周{weekday}", year.unwrap_or_default());
            hint(at.position(offset), label, long_date(date), true)
        });
    undated.into_iter().chain(dates).collect()
}

const UNDATED: &str = "未能确定本稿的出版日期：没写年份的日期（如“14日”“3月14日（星期三）”“昨天”）\
    未核对星期、是否晚于出版日等。请在文件名开头写日期（如 2023-03-15-稿件.txt），\
    或在 Markdown 前言写 date: 2023-03-15，或在 jiaodui.toml 的 [bulletin] 中设 \
    date = \"2023-03-15\"。";

/// A hint with padding on its left (after text) or on its right (before it).
fn hint(position: Position, label: String, tooltip: String, after: bool) -> InlayHint {
    InlayHint {
        position,
        label: InlayHintLabel::String(label),
        kind: None,
        text_edits: None,
        tooltip: Some(InlayHintTooltip::String(tooltip)),
        padding_left: Some(after),
        padding_right: Some(!after),
        data: None,
    }
}
