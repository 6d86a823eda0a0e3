//! Laying a stretch of a draft out as HTML: its text escaped, the styling of its blocks, and
//! each finding marked in place.
//!
//! Findings are hard elements: each gets one element whose text is the finding's text. Where
//! one finding lies inside another, its element nests inside the other's. Where two cross
//! (the second starts inside the first and ends after it), the second is split where the first
//! ends: two fragments, the second marked as a continuation, which together hold its text.
//! Blocks are soft: their styling yields, so that no block boundary ever cuts a finding —
//! a boundary inside a finding moves to the finding's end ([`Settler`]). The rows of a page
//! (one per article) are cut the same way, so every finding lies whole in one row.

use crate::text::Span;

/// Appends `text` escaped for HTML element content.
pub(super) fn escape_text(out: &mut Vec<u8>, text: &str) {
    escape(out, text);
}

/// Appends `text` escaped for a double-quoted HTML attribute value (a path, a rule ID:
/// short, so read a byte at a time).
pub(super) fn escape_attr(out: &mut Vec<u8>, text: &str) {
    for &b in text.as_bytes() {
        match reference(b) {
            Some(escaped) => out.extend_from_slice(escaped),
            None => out.push(b),
        }
    }
}

/// Copies `text`, replacing `&`, `<` and `>` by character references. They are found with
/// `memchr3`: Chinese text has few of them.
fn escape(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len());
    let mut from = 0;
    for i in memchr::memchr3_iter(b'&', b'<', b'>', bytes) {
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(reference(bytes[i]).unwrap_or_default());
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
}

fn reference(b: u8) -> Option<&'static [u8]> {
    match b {
        b'&' => Some(b"&amp;"),
        b'<' => Some(b"&lt;"),
        b'>' => Some(b"&gt;"),
        b'"' => Some(b"&quot;"),
        _ => None,
    }
}

/// Moves a boundary out of every finding it would cut. Built over the findings' spans.
pub(super) struct Settler {
    /// Finding starts, ascending.
    starts: Vec<u32>,
    /// `max_end[i]`: the furthest end among the first `i + 1` findings.
    max_end: Vec<u32>,
}

impl Settler {
    /// `spans` sorted by start.
    pub(super) fn new(spans: impl Iterator<Item = Span>) -> Settler {
        let mut starts = Vec::new();
        let mut max_end = Vec::new();
        let mut furthest = 0;
        for span in spans {
            debug_assert!(starts.last().is_none_or(|&s| s <= span.start));
            furthest = furthest.max(span.end);
            starts.push(span.start);
            max_end.push(furthest);
        }
        Settler { starts, max_end }
    }

    /// The first offset at or after `at` that lies inside no finding (a finding's own start
    /// or end is not inside it).
    pub(super) fn settle(&self, mut at: u32) -> u32 {
        loop {
            let before = self.starts.partition_point(|&s| s < at);
            match before.checked_sub(1).map(|i| self.max_end[i]) {
                Some(end) if end > at => at = end,
                _ => return at,
            }
        }
    }
}

/// Something laid over the text: a block's styling (soft) or a finding (hard).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layer {
    /// A block, with its CSS class.
    Block(&'static str),
    /// A finding, by its index in the part's findings.
    Finding(usize),
}

/// One element to open over `span`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Element {
    pub(super) span: Span,
    pub(super) layer: Layer,
}

/// Writes the opening tag of an element; `continued` for the second and later fragments of a
/// finding split by another it crosses.
pub(super) trait Tags {
    fn open(&mut self, out: &mut Vec<u8>, layer: Layer, continued: bool);
}

/// Writes `text[range]` escaped, with `elements` (inside `range`, blocks not cutting any
/// finding) opened and closed around it: nested where they nest, split where they cross.
pub(super) fn lay_out(
    out: &mut Vec<u8>,
    text: &str,
    range: Span,
    mut elements: Vec<Element>,
    tags: &mut impl Tags,
) {
    // Outer before inner: earlier start, then later end, then blocks before findings.
    elements.sort_by_key(|e| {
        (
            e.span.start,
            std::cmp::Reverse(e.span.end),
            matches!(e.layer, Layer::Finding(_)),
        )
    });
    let mut open: Vec<Element> = Vec::new();
    let mut next = 0;
    let mut cursor = range.start;
    loop {
        let next_start = elements.get(next).map(|e| e.span.start);
        let next_end = open.iter().map(|e| e.span.end).min();
        let Some(at) = [next_start, next_end].into_iter().flatten().min() else {
            break;
        };
        push_text(out, text, cursor, at);
        cursor = cursor.max(at);
        close_ending(out, &mut open, at, tags);
        while let Some(&element) = elements.get(next).filter(|e| e.span.start <= at) {
            next += 1;
            tags.open(out, element.layer, false);
            if element.span.end <= at {
                close(out, element.layer);
            } else {
                open.push(element);
            }
        }
    }
    push_text(out, text, cursor, range.end);
}

/// Closes every open element that ends at `at`; elements opened inside one of them that go
/// on past `at` are closed with it and opened again after it.
fn close_ending(out: &mut Vec<u8>, open: &mut Vec<Element>, at: u32, tags: &mut impl Tags) {
    let Some(lowest) = open.iter().position(|e| e.span.end <= at) else {
        return;
    };
    let above = open.split_off(lowest);
    for element in above.iter().rev() {
        close(out, element.layer);
    }
    for element in above.into_iter().filter(|e| e.span.end > at) {
        tags.open(out, element.layer, true);
        open.push(element);
    }
}

fn close(out: &mut Vec<u8>, layer: Layer) {
    out.extend_from_slice(match layer {
        Layer::Block(_) => b"</span>",
        Layer::Finding(_) => b"</mark>",
    });
}

fn push_text(out: &mut Vec<u8>, text: &str, from: u32, to: u32) {
    if from < to {
        let piece = text.get(from as usize..to as usize);
        debug_assert!(piece.is_some(), "{from}..{to} cuts a character");
        escape_text(out, piece.unwrap_or(""));
    }
}
