//! `textDocument/inlayHint`: the absolute date after day-only and relative dates.

use ls_types::{InlayHint, InlayHintLabel, InlayHintTooltip, Range};

use crate::lsp::analysis::Analysed;
use crate::lsp::convert::Locate;
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
    analysis
        .facts
        .dates
        .hints()
        .filter(|&(offset, _)| span.start <= offset && offset <= span.end)
        .map(|(offset, date)| {
            let year = if Some(date.year()) == issue_year {
                String::new()
            } else {
                format!("{}年", date.year())
            };
            InlayHint {
                position: at.position(offset),
                label: InlayHintLabel::String(format!(
                    "{year}{}月{}日 周{}",
                    date.month(),
                    date.day(),
                    weekday_zh(date.weekday())
                )),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(long_date(date))),
                padding_left: Some(true),
                padding_right: Some(false),
                data: None,
            }
        })
        .collect()
}
