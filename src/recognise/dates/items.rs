//! Items dated by their datelines. A dateline (`本报北京1月4日讯`, `新华社北京12月31日电`)
//! gives its item its own day: the issue year, or the year before when its month and day
//! fall after the issue date (a dateline with a year dates the item of an undated draft).
//! Day-only dates (`8日`) and relative days (`今天`) inside the item mean days counted from
//! it, not from the issue date: wire copy filed on the 31st and printed on the 1st says
//! `今天` for the 31st.

use jiff::civil::Date;

use super::words::relative_date;
use super::written::resolve;
use super::{DateMention, DateRole, ItemDate, Mention};
use crate::calendar;
use crate::document::{BlockKind, Draft};
use crate::text::Span;

/// Dates each article's items from their datelines and resolves the mentions inside them
/// again from that date. A dateline that opens its item dates it from where it stands to
/// the next dateline (the first one from the article's start: a headline, or a dateline
/// printed at the end of a speech); an end dateline in parentheses (`（本报华盛顿12月30日电）`)
/// dates the item it closes, back to the previous dateline or the line heading that item.
pub(super) fn date_items(
    draft: &Draft,
    text: &str,
    issue: Option<Date>,
    mentions: &mut [DateMention],
) -> Vec<ItemDate> {
    let mut items = Vec::new();
    for article in &draft.articles {
        let first = mentions.partition_point(|m| m.span.start < article.span.start);
        let last = first + mentions[first..].partition_point(|m| m.span.end <= article.span.end);
        let datelines: Vec<(usize, Date, bool)> = (first..last)
            .filter_map(|i| {
                let date = dateline(&mentions[i], issue)?;
                Some((i, date, closes_item(draft, text, mentions[i].span)))
            })
            .collect();
        let mut previous: Option<Span> = None;
        for (k, &(i, date, closing)) in datelines.iter().enumerate() {
            let at = mentions[i].span;
            let start = match (closing, previous) {
                (false, None) if k == 0 => article.span.start,
                (false, _) => at.start,
                (true, None) => heading_above(draft, article.span.start, at.start),
                (true, Some(before)) => heading_above(draft, before.end, at.start),
            };
            let end = if closing {
                at.end
            } else {
                datelines
                    .get(k + 1)
                    .map_or(article.span.end, |&(next, _, _)| mentions[next].span.start)
            };
            previous = Some(if closing {
                at
            } else {
                Span::new(at.start, at.start)
            });
            let span = Span::new(start, end.max(start));
            items.retain(|item: &ItemDate| item.span.start < start);
            if let Some(item) = items.last_mut() {
                item.span.end = item.span.end.min(start);
            }
            items.push(ItemDate {
                span,
                dateline: at,
                date,
            });
            for mention in mentions[first..last]
                .iter_mut()
                .filter(|m| span.contains(m.span.start))
            {
                redate(mention, date);
            }
            mentions[i].resolved = Some(date);
            mentions[i].weekday = Some(date.weekday());
        }
    }
    items
}

/// True when the dateline at `span` stands in parentheses at the end of its paragraph:
/// `……。（本报华盛顿12月30日电）`.
fn closes_item(draft: &Draft, text: &str, span: Span) -> bool {
    let Some(block) = draft.block_at(span.start) else {
        return false;
    };
    let block = &draft.blocks[block];
    let before = &text[block.span.start as usize..span.start as usize];
    let after = text[span.end as usize..block.span.end as usize].trim_end();
    let opened = before
        .rfind(['（', '('])
        .is_some_and(|open| !before[open..].contains(['）', ')']));
    opened && ["电）", "讯）", "专电）", "电)", "讯)"].contains(&after)
}

/// Where the item closed at `end` begins, searching back no further than `floor`: after the
/// last headline or subheading above it.
fn heading_above(draft: &Draft, floor: u32, end: u32) -> u32 {
    let upto = draft
        .block_at(end)
        .map_or(draft.blocks.len(), |block| block + 1);
    draft.blocks[..upto]
        .iter()
        .rev()
        .skip_while(|b| b.span.start >= end)
        .take_while(|b| b.span.end > floor)
        .find(|b| matches!(b.kind, BlockKind::Headline | BlockKind::Subheading))
        .map_or(floor, |b| b.span.end)
}

/// The mentions (sorted by start) that lie within `span`, as the range `first..last`.
fn within(span: Span, mentions: &[DateMention]) -> (usize, usize) {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let last = first + mentions[first..].partition_point(|m| m.span.end <= span.end);
    (first, last)
}

/// A date with its month but no year, after a date or a year that names its year in the same
/// sentence, is in that year (`2023年9月17日晚……；9月18日凌晨`, `于2025年2月16日开学，7月4日
/// 放假`, `2023年，该村5月12日`): a sentence names its year once. A date earlier in the year
/// than the one named with the year starts no carry (`2023年12月30日……1月2日` may well be in
/// the year after).
pub(super) fn carry_years(draft: &Draft, text: &str, mentions: &mut [DateMention]) {
    for block in &draft.blocks {
        let (first, last) = within(block.span, mentions);
        // The year named last: its value, the date it was named with, where the mention
        // ends, and whether it is quoted.
        let mut named: Option<(i32, Option<Date>, u32, bool)> = None;
        for mention in &mut mentions[first..last] {
            let expr = match &mut mention.kind {
                Mention::Date(expr) => expr,
                Mention::Range(range) => {
                    if let Some(year) = &range.start.year {
                        let at = (mention.span.end, mention.in_quote);
                        named = Some((year.value, range.start.resolved, at.0, at.1));
                    }
                    continue;
                }
                _ => continue,
            };
            if let Some(year) = &expr.year {
                named = Some((
                    year.value,
                    expr.resolved,
                    mention.span.end,
                    mention.in_quote,
                ));
                continue;
            }
            let Some((year, with, end, quoted)) = named else {
                continue;
            };
            if text[end as usize..mention.span.start as usize].contains(['。', '！', '？']) {
                named = None;
                continue;
            }
            let (Some(month), Some(day)) = (&expr.month, &expr.day) else {
                continue;
            };
            if expr.year_word.is_some()
                || expr.role == DateRole::Dateline
                || quoted != mention.in_quote
            {
                continue;
            }
            let Some(date) = calendar::civil(year, month.value, day.value) else {
                continue;
            };
            if with.is_some_and(|with| date < with) {
                continue;
            }
            if expr.resolved != Some(date) {
                expr.uncarried = expr.resolved;
                expr.resolved = Some(date);
                mention.resolved = Some(date);
                mention.weekday = Some(date.weekday());
            }
        }
    }
}

/// A day written alone after a date with its month, in the same paragraph, is in that month
/// (`2月1日……4日` is the 4th of February, whatever month the issue falls in): papers name the
/// month once and the days after it. A smaller day than the one before starts no carry
/// (`12月31日……1日` may well be the 1st of the month after).
pub(super) fn carry_months(draft: &Draft, mentions: &mut [DateMention]) {
    for block in &draft.blocks {
        let (first, last) = within(block.span, mentions);
        // The date that names a month, whether it is quoted, and whether it is a dateline
        // (which dates the days after it, but names no month in the text).
        let mut named: Option<(Date, bool, bool)> = None;
        for mention in &mut mentions[first..last] {
            let Mention::Date(expr) = &mut mention.kind else {
                continue;
            };
            if expr.month.is_some() {
                let dateline = expr.role == DateRole::Dateline;
                named = expr.resolved.map(|d| (d, mention.in_quote, dateline));
                continue;
            }
            let (Some((month, quoted, dateline)), Some(day)) = (named, expr.day.as_ref()) else {
                continue;
            };
            if !expr.is_day_only()
                || expr.role == DateRole::Dateline
                || quoted != mention.in_quote
                || day.value < i32::from(month.day())
            {
                continue;
            }
            let carried =
                calendar::civil(i32::from(month.year()), i32::from(month.month()), day.value);
            if carried.is_some() {
                expr.month_carried = !dateline;
                expr.resolved = carried;
                mention.resolved = carried;
                mention.weekday = carried.map(Date::weekday);
            }
        }
    }
}

/// The day a dateline mention names, when it is one.
fn dateline(mention: &DateMention, issue: Option<Date>) -> Option<Date> {
    let Mention::Date(expr) = &mention.kind else {
        return None;
    };
    if expr.role != DateRole::Dateline || mention.in_quote || mention.in_title {
        return None;
    }
    let day = expr.day.as_ref()?.value;
    let month = expr.month.as_ref().map(|m| m.value);
    match (&expr.year, month) {
        (Some(year), Some(month)) => calendar::civil(year.value, month, day),
        (None, month) => calendar::dateline_date(issue?, month, day),
        (Some(_), None) => None,
    }
}

/// Resolves a mention again from its item's day.
fn redate(mention: &mut DateMention, date: Date) {
    let resolved = match &mut mention.kind {
        Mention::Date(expr) => {
            expr.resolved = resolve(expr, None, Some(date));
            expr.resolved
        }
        Mention::Range(range) => {
            range.start.resolved = resolve(&range.start, None, Some(date));
            range.end.resolved = resolve(&range.end, Some(&range.start), Some(date));
            range.start.resolved
        }
        Mention::Relative(relative) => relative_date(*relative, date),
        Mention::Weekday(_) | Mention::Time(_) => return,
    };
    mention.resolved = resolved;
    mention.weekday = resolved.map(Date::weekday);
}
