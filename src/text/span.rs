//! Byte spans into a draft's decoded text.
//!
//! Every position inside jiaodui is a byte offset into the UTF-8 text as decoded from the
//! file (after a BOM is stripped, before any fix). Lines and columns exist only at the edges
//! (`LineIndex`), converted once with an explicit encoding.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into a draft's text.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`. Panics in debug builds when `end < start`.
    #[inline]
    pub const fn new(start: u32, end: u32) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// A span from a `usize` range, as produced by `str` searches.
    #[inline]
    pub(crate) fn from_range(range: Range<usize>) -> Span {
        Span::new(range.start as u32, range.end as u32)
    }

    /// The empty span at `offset`, used for insertions.
    #[inline]
    pub(crate) const fn empty(offset: u32) -> Span {
        Span {
            start: offset,
            end: offset,
        }
    }

    #[inline]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub(crate) const fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when `offset` is inside `self` (`start <= offset < end`).
    #[inline]
    pub(crate) const fn contains(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two spans share at least one byte, or when an empty span sits strictly
    /// inside the other (an insertion in the middle of a replaced range).
    #[inline]
    pub const fn overlaps(self, other: Span) -> bool {
        if self.is_empty() || other.is_empty() {
            return (self.start > other.start && self.start < other.end)
                || (other.start > self.start && other.start < self.end)
                || (self.is_empty() && other.is_empty() && self.start == other.start);
        }
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub(crate) fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers. Panics when the span is out of bounds or not on char
    /// boundaries; spans produced by recognisers always are.
    pub(crate) fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::from_range(range)
    }
}

/// Items by their spans, ordered by start, each with the furthest end its span or one
/// before it reaches. The items around an offset or a span are found by reading back from
/// the last that starts in time until none before reaches far enough, not by testing every
/// span: masks, suppressions and bylines are asked about thousands of times on a long page.
#[derive(Clone, Debug)]
pub(crate) struct SpansByStart<T>(Vec<(Span, u32, T)>);

impl<T> Default for SpansByStart<T> {
    fn default() -> Self {
        SpansByStart(Vec::new())
    }
}

impl<T> SpansByStart<T> {
    /// Orders `items` by the start of their spans; items that start together keep their
    /// order.
    pub(crate) fn new(items: impl IntoIterator<Item = (Span, T)>) -> SpansByStart<T> {
        let mut sorted: Vec<(Span, u32, T)> = (items.into_iter())
            .map(|(span, item)| (span, 0, item))
            .collect();
        sorted.sort_by_key(|(span, _, _)| span.start);
        let mut reach = 0;
        for (span, furthest, _) in &mut sorted {
            reach = span.end.max(reach);
            *furthest = reach;
        }
        SpansByStart(sorted)
    }

    /// Every item whose span starts at or before `start` and could reach `end`, the last to
    /// start first; the caller tests each for what it needs.
    pub(crate) fn reaching(&self, start: u32, end: u32) -> impl Iterator<Item = (Span, &T)> {
        let started = self.0.partition_point(|(s, _, _)| s.start <= start);
        (self.0[..started].iter().rev())
            .take_while(move |(_, reach, _)| *reach >= end)
            .map(|(span, _, item)| (*span, item))
    }

    /// Every item whose span contains `span`, the last to start first.
    pub(crate) fn containing(&self, span: Span) -> impl Iterator<Item = &T> {
        (self.reaching(span.start, span.end))
            .filter(move |(s, _)| s.contains_span(span))
            .map(|(_, item)| item)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_rules() {
        assert!(Span::new(0, 3).overlaps(Span::new(2, 5)));
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 5)));
        assert!(Span::new(0, 6).overlaps(Span::empty(3)));
        assert!(!Span::new(0, 6).overlaps(Span::empty(6)));
        assert!(!Span::new(0, 6).overlaps(Span::empty(0)));
        assert!(Span::empty(4).overlaps(Span::empty(4)));
    }
}
