//! Traditional festivals tied to a Gregorian date (`2月9日是除夕`, `中秋节（9月17日）`):
//! each is a day of the lunar calendar, so the date beside it can be wrong.

use super::words::tied_to_days;
use super::{lunar, CalendarKind, CalendarMention, FestivalYear};
use crate::recognise::dates::DateMention;
use crate::recognise::digits::digit_value;
use crate::text::{is_han, Span};

/// The festivals by the lunar month and day they fall on; day 0 is the last day of the
/// month (`除夕`, the eve of the new year, is 腊月二十九 in some years). Longer names first.
const FESTIVALS: [(&str, u8, u8); 14] = [
    ("元宵节", 1, 15),
    ("端午节", 5, 5),
    ("七夕节", 7, 7),
    ("中秋节", 8, 15),
    ("重阳节", 9, 9),
    ("腊八节", 12, 8),
    ("春节", 1, 1),
    ("元宵", 1, 15),
    ("端午", 5, 5),
    ("七夕", 7, 7),
    ("中秋", 8, 15),
    ("重阳", 9, 9),
    ("腊八", 12, 8),
    ("除夕", 12, 0),
];

/// Words after a festival that keep it one day (`除夕夜`, `中秋节当天`); any other word
/// makes it a season or a thing (`春节假期`, `中秋月饼`, `元宵晚会`, `中秋夜市`).
const DAY_AFTER: [&str; 7] = ["当天", "这天", "那天", "当日", "之夜", "夜里", "夜晚"];

/// Characters right before a festival that let it start a name of the day (`今年中秋节`,
/// `2018年的除夕`, `迎中秋`); after any other Han character it may end a word or a name
/// (`王重阳`).
const BEFORE_FESTIVAL: &str = "年的是迎过逢在到即为和与及、";

/// The festival names tied to the one-day dates of a segment.
pub(super) fn festivals(
    text: &str,
    segment: Span,
    dates: &[&DateMention],
    out: &mut Vec<CalendarMention>,
) {
    let first = out.len();
    let after = |at, _| festival_at(text, segment, at);
    let before = |at, _| festival_before(text, segment, at);
    for (beside, (span, month, day)) in tied_to_days(text, segment, dates, after, before) {
        if out[first..].iter().any(|m| m.span == span) {
            continue;
        }
        let year = year_before(text, segment, span.start as usize);
        out.push(CalendarMention {
            span,
            kind: CalendarKind::Festival { month, day, year },
            beside: Some(beside),
            current: false,
            new_year: false,
            quoted: false,
        });
    }
}

/// The festival that starts at byte `at` and stands as one day.
fn festival_at(text: &str, segment: Span, at: usize) -> Option<(Span, u8, u8)> {
    let rest = text.get(at..segment.end as usize)?;
    let &(name, month, day) = FESTIVALS.iter().find(|(name, ..)| rest.starts_with(name))?;
    // Ex) 2月9日除夕夜: the eve's night, but not 中秋夜市.
    let after = &rest[name.len()..];
    if let Some(night) = after.strip_prefix('夜') {
        return (!night.starts_with(is_han))
            .then(|| (Span::new(at as u32, (at + name.len()) as u32), month, day));
    }
    one_day(&rest[name.len()..])
        .then(|| (Span::new(at as u32, (at + name.len()) as u32), month, day))
}

/// The festival that ends at byte `at` (`中秋节` of `中秋节是9月17日`).
fn festival_before(text: &str, segment: Span, at: usize) -> Option<(Span, u8, u8)> {
    let head = text.get(segment.start as usize..at)?;
    let &(name, month, day) = FESTIVALS.iter().find(|(name, ..)| head.ends_with(name))?;
    let start = at - name.len();
    let before = head[..head.len() - name.len()].chars().next_back();
    if before.is_some_and(|c| is_han(c) && !BEFORE_FESTIVAL.contains(c)) {
        return None;
    }
    Some((Span::new(start as u32, at as u32), month, day))
}

/// Whether the text after a festival's name keeps it one day.
fn one_day(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| !is_han(c) && !c.is_alphanumeric())
        || DAY_AFTER.iter().any(|w| after.starts_with(w))
}

/// The year written right before a festival (`2022年中秋节`, `去年春节`): the festival of
/// that year is meant, whatever year the date beside it would be given.
fn year_before(text: &str, segment: Span, at: usize) -> Option<FestivalYear> {
    let head = text.get(segment.start as usize..at)?;
    // Ex) 2018年的除夕.
    let head = head.strip_suffix('的').unwrap_or(head);
    if let Some(before) = head.strip_suffix('年') {
        let named = before
            .chars()
            .next_back()
            .is_some_and(|c| lunar::animal_index(c).is_some() || lunar::branch_index(c).is_some());
        if named {
            return Some(FestivalYear::Named);
        }
    }
    for (word, offset) in [("前年", -2), ("去年", -1), ("今年", 0), ("明年", 1)] {
        if head.ends_with(word) {
            return Some(FestivalYear::Relative(offset));
        }
    }
    let digits: Vec<u32> = head
        .strip_suffix('年')?
        .chars()
        .rev()
        .map_while(digit_value)
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let year = digits.iter().rev().fold(0, |year, d| year * 10 + d);
    i16::try_from(year).ok().map(FestivalYear::Written)
}
