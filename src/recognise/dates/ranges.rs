//! Ranges of dates: `3月13—14日`, `3月30日至4月2日`, `13-14日`, `3—5月`, `2021—2025年`,
//! `2024—2025学年`.

use super::numbers::part;
use super::scanner::Scanner;
use super::{DateExpr, DateMention, DateRange, DayWord, Digits, Mention};
use crate::text::Span;

impl Scanner<'_> {
    /// A range with a bare first number: `13-14日` (after a month or alone), `3—5月`,
    /// `2021—2025年`.
    pub(super) fn bare_range(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let left = self.number(pos)?;
        let (connector, connector_end) = self.connector(left.end)?;
        let right = self.number(connector_end)?;
        if left.digits == Digits::Chinese || right.digits == Digits::Chinese {
            return None;
        }
        let unit = self.char_at(right.end)?;
        // Ex) 2024-2025学年, 2023-2024赛季: two years that name one school year or season.
        let season = left.len == 4
            && right.len == 4
            && right.value == left.value + 1
            && (1000..2200).contains(&left.value)
            && ["学年", "赛季", "财年"]
                .iter()
                .any(|w| self.rest(right.end).starts_with(w));
        let unit = if season { '年' } else { unit };
        let (start, end) = match unit {
            '年' if season => {
                let year = |n: &super::numbers::Num| DateExpr {
                    year: Some(part(n, n.value as i32)),
                    ..DateExpr::at(Span::from_range(n.start..n.end))
                };
                (year(&left), year(&right))
            }
            '年' if left.len == 4 && right.len == 4 && left.value < right.value => {
                let end = self.date_expr(right.start, None)?;
                let start = DateExpr {
                    span: Span::from_range(left.start..left.end),
                    year: Some(part(&left, left.value as i32)),
                    ..bare(&end)
                };
                (start, end)
            }
            '月' if left.len <= 2 && (1..=12).contains(&left.value) && left.value < right.value => {
                let end = self.date_expr(right.start, None)?;
                end.month.as_ref()?;
                let start = DateExpr {
                    span: Span::from_range(left.start..left.end),
                    month: Some(part(&left, left.value as i32)),
                    ..bare(&end)
                };
                (start, end)
            }
            '日' | '号'
                if left.len <= 2 && (1..=31).contains(&left.value) && left.value < right.value =>
            {
                if self.duration_before(pos) {
                    return None;
                }
                let start_probe = DateExpr {
                    day: Some(part(&left, left.value as i32)),
                    ..DateExpr::at(Span::from_range(left.start..left.end))
                };
                let end = self.date_expr(right.start, Some(&start_probe))?;
                end.day.as_ref()?;
                let end_at = end.span.end as usize;
                if end.month.is_some()
                    || self.duration_after(end_at)
                    || end.day_word == Some(DayWord::Hao) && !self.hao_is_date(pos, end_at)
                {
                    return None;
                }
                let mut start = start_probe;
                start.day_word = end.day_word;
                (start, end)
            }
            _ => return None,
        };
        let mut start = start;
        start.resolved = self.resolve(&start, None);
        let mut end = end;
        end.resolved = self.resolve(&end, Some(&start));
        let connector_span = Span::from_range(left.end..connector_end);
        Some(self.finish_range(start, end, connector, connector_span, out))
    }

    /// A range connector at `pos`: `-` `–` `－` `—` `~` `～` `至` `到`; a doubled dash
    /// (`——`, a dash between clauses) is not one.
    pub(super) fn connector(&self, pos: usize) -> Option<(char, usize)> {
        let ch = self.char_at(pos)?;
        if !matches!(ch, '-' | '–' | '－' | '—' | '~' | '～' | '至' | '到') {
            return None;
        }
        let end = pos + ch.len_utf8();
        if matches!(ch, '—' | '-' | '–') && self.char_at(end) == Some(ch) {
            return None;
        }
        Some((ch, end))
    }

    pub(super) fn finish_range(
        &mut self,
        mut start: DateExpr,
        end: DateExpr,
        connector: char,
        connector_span: Span,
        out: &mut Vec<DateMention>,
    ) -> usize {
        let stop = end
            .weekday
            .map_or(end.span.end, |w| w.span.end)
            .max(end.span.end);
        let role = self.role(start.span.start as usize, stop as usize);
        start.role = role;
        let mut end = end;
        end.role = role;
        let span = Span::new(start.span.start, stop);
        let resolved = start.resolved;
        out.push(self.mention(
            span,
            Mention::Range(DateRange {
                start,
                end,
                connector,
                connector_span,
            }),
            resolved,
        ));
        stop as usize
    }
}

/// An expression with the same form as `like` and no parts, to fill a range's bare start.
fn bare(like: &DateExpr) -> DateExpr {
    DateExpr {
        day_word: like.day_word,
        ..DateExpr::at(Span::default())
    }
}
