//! Fixes: edits that correct a finding, and applying them without touching anything else.
//!
//! A fix knows text and spans only; it knows nothing of findings, rules or drafts. Repeating
//! fixes to a fixpoint needs a linter to re-check the text, so that lives in `lint`.

use crate::text::Span;

/// Whether a fix may be applied without a person looking at it.
///
/// Ordered so that `>= Applicability::Safe` means "apply in bulk".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Offered in the editor, never applied by `--fix` or fix-all: the right text depends on
    /// facts the tool cannot know (which of two spellings is right, which month is meant).
    Suggested,
    /// Mechanical and certain: applied by `--fix`, formatting and fix-all.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Suggested => "suggested",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace the text of `span` with `replacement` (an empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }
    pub fn insert(offset: u32, text: impl Into<String>) -> Edit {
        Edit {
            span: Span::empty(offset),
            replacement: text.into(),
        }
    }
    pub(crate) fn delete(span: Span) -> Edit {
        Edit {
            span,
            replacement: String::new(),
        }
    }
}

/// A titled set of edits that together correct one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Imperative Chinese: what the fix does (`改为星期二`).
    pub title: String,
    pub applicability: Applicability,
    /// Sorted by position; never overlapping.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix; `None` when the edits overlap (the finding then stays without a fix).
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Option<Fix> {
        Fix::new(title.into(), Applicability::Safe, edits)
    }

    /// A suggested fix; `None` when the edits overlap.
    pub fn suggested(title: impl Into<String>, edits: Vec<Edit>) -> Option<Fix> {
        Fix::new(title.into(), Applicability::Suggested, edits)
    }

    /// A suggested fix replacing `span` with `text`, titled `改为“text”`.
    pub(crate) fn suggest_replacement(span: Span, text: &str) -> Option<Fix> {
        Fix::suggested(format!("改为“{text}”"), vec![Edit::replace(span, text)])
    }

    fn new(title: String, applicability: Applicability, mut edits: Vec<Edit>) -> Option<Fix> {
        edits.sort();
        if edits.windows(2).any(|pair| {
            pair[0].span.overlaps(pair[1].span)
                || pair[0].span == pair[1].span && pair[0].span.is_empty()
        }) {
            return None;
        }
        Some(Fix {
            title,
            applicability,
            edits,
        })
    }

    /// The span covering every edit.
    pub fn span(&self) -> Span {
        self.edits
            .iter()
            .map(|edit| edit.span)
            .reduce(Span::cover)
            .unwrap_or_default()
    }

    /// True when this fix's edits would change nothing.
    pub fn is_noop(&self, text: &str) -> bool {
        self.edits.iter().all(|edit| {
            text.get(edit.span.range())
                .is_some_and(|old| old == edit.replacement)
        })
    }
}

/// Chooses which of `fixes` one pass applies: fixes are taken in order of position, and a
/// fix that overlaps one already taken, changes nothing, or is out of bounds or off a char
/// boundary is skipped whole.
pub fn select_fixes<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> Vec<&'f Fix> {
    let mut candidates: Vec<&Fix> = fixes
        .into_iter()
        .filter(|fix| is_applicable(text, fix))
        .collect();
    candidates.sort_by_key(|fix| (fix.span().start, fix.span().end));
    let mut chosen: Vec<&Fix> = Vec::with_capacity(candidates.len());
    let mut last_end = 0u32;
    for fix in candidates {
        let span = fix.span();
        // Chosen fixes are sorted by start and never interleave, so only those reaching
        // `span.start` can clash.
        let clashes = span.start < last_end
            || chosen
                .iter()
                .rev()
                .take_while(|c| c.span().end >= span.start)
                .any(|c| edits_clash(c, fix));
        if clashes || fix.is_noop(text) {
            continue;
        }
        last_end = last_end.max(span.end);
        chosen.push(fix);
    }
    chosen
}

/// Two fixes clash when an edit of one overlaps an edit of the other, or both insert at the
/// same point (which insertion comes first would be a guess).
fn edits_clash(a: &Fix, b: &Fix) -> bool {
    a.edits.iter().any(|x| {
        b.edits.iter().any(|y| {
            x.span.overlaps(y.span)
                || (x.span.is_empty() && y.span.is_empty() && x.span.start == y.span.start)
        })
    }) || {
        let (a, b) = (a.span(), b.span());
        a.start < b.end && b.start < a.end
    }
}

/// Applies a set of fixes to `text` in one pass (see [`select_fixes`]). Returns the new text
/// and how many fixes were applied. Text outside the applied edits is copied byte for byte.
pub fn apply_edits_once<'f>(
    text: &str,
    fixes: impl IntoIterator<Item = &'f Fix>,
) -> (String, usize) {
    let chosen = select_fixes(text, fixes);
    let mut edits: Vec<&Edit> = chosen.iter().flat_map(|fix| fix.edits.iter()).collect();
    edits.sort();
    (splice(text, &edits), chosen.len())
}

/// `text` with each edit's span replaced; the edits must be sorted and must not overlap.
pub fn splice(text: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut cursor = 0usize;
    for edit in edits {
        out.push_str(&text[cursor..edit.span.start as usize]);
        out.push_str(&edit.replacement);
        cursor = edit.span.end as usize;
    }
    out.push_str(&text[cursor..]);
    out
}

/// True when every edit of `fix` lies inside `text` on char boundaries.
pub fn is_applicable(text: &str, fix: &Fix) -> bool {
    fix.edits.iter().all(|edit| {
        let range = edit.span.range();
        range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_edits_make_no_fix() {
        let edits = vec![
            Edit::replace(Span::new(0, 3), "a"),
            Edit::replace(Span::new(2, 4), "b"),
        ];
        assert!(Fix::safe("x", edits).is_none());
    }

    #[test]
    fn later_overlapping_fix_is_skipped_whole() {
        let text = "甲,乙;丙";
        let a = Fix::safe("a", vec![Edit::replace(Span::new(3, 4), "，")]).unwrap();
        let b = Fix::safe("b", vec![Edit::replace(Span::new(3, 7), "X")]).unwrap();
        let c = Fix::safe("c", vec![Edit::replace(Span::new(7, 8), "；")]).unwrap();
        let (out, n) = apply_edits_once(text, [&a, &b, &c]);
        assert_eq!(out, "甲，乙；丙");
        assert_eq!(n, 2);
    }
}
