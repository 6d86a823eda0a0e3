//! The only place where a byte offset becomes a line and column (in the negotiated encoding)
//! or back, and where the core's findings become protocol diagnostics.

use ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, TextEdit, Uri,
};
use ropey::{Rope, RopeSlice};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, DiagnosticData, Severity};
use crate::fix::Applicability;
use crate::text::{PositionEncoding, Span};

/// `source` of every diagnostic the server publishes.
pub(crate) const SOURCE: &str = "jiaodui";

/// Byte offsets ⇄ client positions, straight from a rope: O(log n) each, with no line index
/// to build, so a few findings of a re-checked window on a large page cost next to nothing.
#[derive(Clone, Copy)]
pub(crate) struct Positions<'a> {
    pub rope: &'a Rope,
    pub encoding: PositionEncoding,
    /// Where offset 0 is in the rope (a re-checked window starts inside the page).
    pub base: u32,
}

impl<'a> Positions<'a> {
    pub fn new(rope: &'a Rope, encoding: PositionEncoding) -> Self {
        Positions {
            rope,
            encoding,
            base: 0,
        }
    }

    /// The position of a byte offset. Offsets past the end clamp to the end; an offset in
    /// the middle of a character counts as that character's start.
    pub fn position(&self, offset: u32) -> Position {
        let rope = self.rope;
        let offset = ((self.base + offset) as usize).min(rope.len_bytes());
        let line = rope.byte_to_line(offset);
        // Counted within the line's slice: one walk down the rope, not one per conversion.
        let text = rope.line(line);
        let char = text.byte_to_char(offset - rope.line_to_byte(line));
        Position::new(line as u32, units(text, char, self.encoding) as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The text of `span` (empty when out of bounds).
    pub fn slice(&self, span: Span) -> String {
        let base = self.base as usize;
        (self.rope)
            .get_byte_slice(base + span.start as usize..base + span.end as usize)
            .map(String::from)
            .unwrap_or_default()
    }

    /// The byte offset of a client position, clamped as LSP asks: a line past the end is the
    /// end of the text, a column past the end of its line is the end of the line (before its
    /// `\n` or `\r\n`), and a column inside a character is that character's start.
    pub fn offset(&self, position: Position) -> u32 {
        let (rope, line) = (self.rope, position.line as usize);
        if line >= rope.len_lines() {
            return (rope.len_bytes() as u32).saturating_sub(self.base);
        }
        let text = rope.line(line);
        let mut end = text.len_chars();
        let ends_with = |end: usize, c: char| end > 0 && text.char(end - 1) == c;
        if ends_with(end, '\n') {
            end -= 1;
            if ends_with(end, '\r') {
                end -= 1;
            }
        }
        let target = (position.character as usize).min(units(text, end, self.encoding));
        // Back from units to chars, rounding down to the start of the character holding them.
        let char = match self.encoding {
            PositionEncoding::Utf8 => text.byte_to_char(target),
            PositionEncoding::Utf16 => text.utf16_cu_to_char(target),
            PositionEncoding::Utf32 => target,
        };
        let offset = rope.line_to_byte(line) + text.char_to_byte(char);
        (offset as u32).saturating_sub(self.base)
    }

    /// A client range as a span; a reversed range is put in order.
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

/// Code units of `encoding` before char `index` of a line.
fn units(rope: RopeSlice<'_>, index: usize, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => rope.char_to_byte(index),
        PositionEncoding::Utf16 => rope.char_to_utf16_cu(index),
        PositionEncoding::Utf32 => index,
    }
}

/// What a code action needs to act on a diagnostic, carried in `Diagnostic.data` so that
/// actions are built without asking the analysis again.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DiagnosticPayload {
    pub rule: String,
    /// The document version the ranges below belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
    /// The flagged text, for an `[[allow]]` entry.
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<FixPayload>,
    /// A name for the roster or a place for the gazetteer, for the actions that add them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add: Option<DiagnosticData>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FixPayload {
    pub title: String,
    pub safe: bool,
    pub edits: Vec<TextEdit>,
}

/// A core finding as a protocol diagnostic: code, link to the rule's docs, related places,
/// and the fixes and action data in `data`.
pub(crate) fn diagnostic(
    finding: &Diagnostic,
    at: &Positions<'_>,
    uri: &Uri,
    version: Option<i32>,
) -> lsp::Diagnostic {
    let code_description = rule_docs_uri(finding.rule).map(|href| CodeDescription { href });
    let related: Vec<_> = (finding.related.iter())
        .map(|related| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), at.range(related.span)),
            message: related.message.clone(),
        })
        .collect();
    let message = match &finding.note {
        Some(note) => format!("{}\n{note}", finding.message),
        None => finding.message.clone(),
    };
    let fixes = (finding.fixes.iter()).map(|fix| {
        let edit = |e: &crate::fix::Edit| TextEdit::new(at.range(e.span), e.replacement.clone());
        let (title, edits) = (fix.title.clone(), fix.edits.iter().map(edit).collect());
        FixPayload {
            title,
            safe: fix.applicability == Applicability::Safe,
            edits,
        }
    });
    let payload = DiagnosticPayload {
        rule: finding.rule.to_owned(),
        version,
        text: at.slice(finding.span),
        fixes: fixes.collect(),
        add: finding.data.clone(),
    };
    lsp::Diagnostic {
        range: at.range(finding.span),
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.rule.to_owned())),
        code_description,
        source: Some(SOURCE.to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: serde_json::to_value(payload).ok(),
    }
}

/// The link to a rule's docs, parsed once per rule.
fn rule_docs_uri(rule: &str) -> Option<Uri> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static URIS: OnceLock<HashMap<&'static str, Uri>> = OnceLock::new();
    URIS.get_or_init(|| {
        crate::rules::ALL_RULES
            .iter()
            .filter_map(|rule| Some((rule.meta.id, rule.meta.url().parse().ok()?)))
            .collect()
    })
    .get(rule)
    .cloned()
}

/// The payload of a diagnostic this server published, if it is one.
pub(crate) fn payload(diagnostic: &lsp::Diagnostic) -> Option<DiagnosticPayload> {
    if diagnostic.source.as_deref() != Some(SOURCE) {
        return None;
    }
    serde_json::from_value(diagnostic.data.clone()?).ok()
}

/// The smallest edits that turn `old` into `new`, as protocol text edits against `old`:
/// one per changed run of lines, so a formatting result leaves unchanged lines alone.
pub(crate) fn text_edits(old: &str, new: &str, at: Positions<'_>) -> Vec<TextEdit> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .timeout(std::time::Duration::from_millis(200))
        .diff_lines(old, new);
    // Byte offsets of line ranges: the lengths of the lines before and in them.
    let bytes = |lines: &[&str], range: std::ops::Range<usize>| {
        let start: usize = lines[..range.start].iter().map(|line| line.len()).sum();
        start..start + lines[range].iter().map(|line| line.len()).sum::<usize>()
    };
    (diff.ops().iter())
        .filter(|op| !matches!(op, similar::DiffOp::Equal { .. }))
        .map(|op| {
            let old_bytes = bytes(diff.old_slices(), op.old_range());
            let new_bytes = bytes(diff.new_slices(), op.new_range());
            let (a, b) = (&old[old_bytes.clone()], &new[new_bytes]);
            let (prefix, suffix) = common_ends(a, b);
            let span = Span::new(
                (old_bytes.start + prefix) as u32,
                (old_bytes.end - suffix) as u32,
            );
            TextEdit::new(at.range(span), b[prefix..b.len() - suffix].to_owned())
        })
        .collect()
}

/// The bytes `a` and `b` share at their start and, after that, at their end, in whole
/// characters: a replaced region narrowed to what differs.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let same = |(x, y): &(char, char)| x == y;
    let prefix: usize = (a.chars().zip(b.chars()))
        .take_while(same)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let suffix = (a[prefix..].chars().rev().zip(b[prefix..].chars().rev()))
        .take_while(same)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Client positions back to offsets: a column inside a character, past the end of a line
    /// (before its CRLF) or on a line past the end clamps.
    #[test]
    fn positions_to_offsets_clamp() {
        use PositionEncoding::*;
        let text = "a𠮷b\r\n第二行𠮷x\n";
        let rope = Rope::from_str(text);
        let offset =
            |line, col, encoding| Positions::new(&rope, encoding).offset(Position::new(line, col));
        let x = text.find('x').unwrap() as u32;
        assert_eq!(offset(1, 5, Utf16), x);
        assert_eq!(offset(1, 4, Utf32), x);
        assert_eq!(offset(0, 2, Utf16), 1, "inside 𠮷: its start");
        assert_eq!(offset(0, 99, Utf16), 6);
        assert_eq!(offset(9, 0, Utf16), text.len() as u32);
        let long = format!("{}\n{}x𠮷y", "中𠮷".repeat(1000), "文".repeat(700));
        let rope = Rope::from_str(&long);
        let at =
            |line, col, encoding| Positions::new(&rope, encoding).offset(Position::new(line, col));
        let y = long.find('y').unwrap() as u32;
        assert_eq!(at(1, 703, Utf16), y);
        assert_eq!(at(1, 702, Utf32), y);
        assert_eq!(at(0, 2999, Utf16), 6996);
    }
}
