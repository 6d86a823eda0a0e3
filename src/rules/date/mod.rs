//! Dates (GB/T 15835-2011《出版物上数字用法》): rules over the dates recogniser's
//! mentions. None of them scans for dates itself; they read `cx.facts.dates`.

pub mod calendar;
pub mod format;
pub mod future;
pub mod inconsistent;
pub mod invalid;
pub mod range;
pub mod relative;
pub mod weekday;

use jiff::civil::Date;

use crate::document::BlockKind;
use crate::recognise::dates::DateExpr;
use crate::rules::Context;
use crate::text::Span;

/// `3月14日`, or `2023年3月14日` when the year differs from `reference`'s (or `always_year`).
pub(crate) fn show_date(date: Date, reference: Option<Date>, always_year: bool) -> String {
    if always_year || reference.is_none_or(|r| r.year() != date.year()) {
        format!("{}年{}月{}日", date.year(), date.month(), date.day())
    } else {
        format!("{}月{}日", date.month(), date.day())
    }
}

/// True when `span` lies in a headline block.
pub(crate) fn in_headline(cx: &Context<'_>, span: Span) -> bool {
    cx.draft
        .block_at(span.start)
        .is_some_and(|id| cx.draft.blocks[id].kind == BlockKind::Headline)
}

/// Year, month and day as written, the end of a range taking what it leaves out from the
/// start (`3月13—14日`: the end is in March).
pub(crate) fn written_parts(
    expr: &DateExpr,
    start: Option<&DateExpr>,
) -> (Option<i32>, Option<i32>, Option<i32>) {
    let inherited = |pick: fn(&DateExpr) -> Option<i32>| start.and_then(pick);
    let year = expr
        .year
        .as_ref()
        .map(|p| p.value)
        .or_else(|| inherited(|s| s.year.as_ref().map(|p| p.value)));
    let month = expr.month.as_ref().map(|p| p.value).or_else(|| {
        if expr.year.is_some() {
            None
        } else {
            inherited(|s| s.month.as_ref().map(|p| p.value))
        }
    });
    (year, month, expr.day.as_ref().map(|p| p.value))
}

/// True when the text `before` a day makes it the end of a span: `到3日`, `至9日`, and an
/// end offered beside another (`延长至9日或10日`, `至9日、10日`).
pub(crate) fn ends_a_span(before: &str) -> bool {
    let mut before = before;
    loop {
        if before.ends_with(['到', '至']) {
            return true;
        }
        let Some(joined) = ["或者", "或", "、", "和"]
            .iter()
            .find_map(|w| before.strip_suffix(w))
        else {
            return false;
        };
        let Some(unit) = joined.strip_suffix(['日', '号']) else {
            return false;
        };
        let number = unit.trim_end_matches(|c: char| c.is_ascii_digit());
        if number.len() == unit.len() || unit.len() - number.len() > 2 {
            return false;
        }
        before = number;
    }
}

#[cfg(test)]
mod tests;
