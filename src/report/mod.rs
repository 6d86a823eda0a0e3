//! Reports: one file per output format, all fed the same checked files, so every format
//! shows identical findings.
//!
//! A format writes findings as they come, each straight into a byte buffer as it is
//! serialised (derived `Serialize` for the JSON formats, `write!` for the text ones), with
//! nothing built per finding in between. One call renders the findings of one file, or of
//! one part of a large file checked in parts; calls run in parallel, each with its own buffer,
//! and the command line hands the buffers to its buffered output in path order. So no format
//! holds more than one file's findings, or one part's, and a run keeps only counts (the
//! [`Summary`]).
//!
//! Reports know nothing of how files are found, read or checked.

mod github;
mod html;
mod human;
mod json;
mod sarif;
mod summary;

pub use github::{step_summary as github_step_summary, Github};
pub use html::Html;
pub use human::Human;
pub use json::Json;
pub use sarif::Sarif;
pub use summary::{
    count_chars as summary_chars, error_rate, FileTally, Summary, STANDARD_ERROR_RATE,
};

use std::io::Write;

use serde::{Serialize, Serializer};

use crate::diagnostic::Diagnostic;
use crate::text::{Encoding, LineCol, LineIndex, PositionEncoding, Span};

/// One checked file, or one part of it, as reports see it.
pub struct CheckedFile<'a> {
    /// The path as shown to the user.
    pub path: &'a str,
    /// The whole text as read (after decoding, before any fix); spans index into it.
    pub text: &'a str,
    pub line_index: &'a LineIndex,
    pub encoding: Encoding,
    /// The stretch of `text` the findings come from: all of it, or one part of a large file
    /// checked in parts. A file's parts come in order and together cover its text, so a
    /// format that shows the text itself (with the findings marked in it) shows this stretch.
    pub part: Span,
    /// The findings of `part`, sorted by position.
    pub diagnostics: &'a [Diagnostic],
}

impl CheckedFile<'_> {
    /// A one-based line and column in Unicode scalars, as the command line shows positions.
    pub fn position(&self, offset: u32) -> LineCol {
        let zero = self
            .line_index
            .line_col(self.text, offset, PositionEncoding::Utf32);
        LineCol {
            line: zero.line + 1,
            col: zero.col + 1,
        }
    }

    /// True for the first (or only) part of a file.
    pub fn is_first_part(&self) -> bool {
        self.part.start == 0
    }

    /// True for the last (or only) part of a file.
    pub fn is_last_part(&self) -> bool {
        self.part.end as usize >= self.text.len()
    }
}

/// An output format.
pub trait Report: Sync {
    /// Written once before any file.
    fn begin(&self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
    /// Appends the findings of one file, or of one part of it, to `out`; called in
    /// parallel, each call with its own buffer. Appends nothing when there is nothing to say.
    fn file(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>);
    /// Written after the last rendering of a checked file (not of a skipped one), with what
    /// the file added up to.
    fn file_end(
        &self,
        _path: &str,
        _tally: &FileTally,
        _out: &mut dyn Write,
    ) -> std::io::Result<()> {
        Ok(())
    }
    /// Put between two non-empty renderings.
    fn separator(&self) -> &'static str {
        ""
    }
    /// Written once after every file.
    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()>;
}

/// Serialises a value straight into a buffer; writing to memory cannot fail, and every
/// report type serialises without error.
fn write_json(out: &mut Vec<u8>, value: &impl Serialize) {
    let written = serde_json::to_writer(out, value);
    debug_assert!(written.is_ok(), "a report failed to serialise");
}

/// A slice serialised as a sequence of what `view` makes of each element, with nothing
/// collected on the way.
struct SeqOf<'a, T, V>(&'a [T], fn(&'a T) -> V);

impl<'a, T, V: Serialize> Serialize for SeqOf<'a, T, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

/// A byte span as the two-element array `[start, end]`.
fn span_array(span: Span) -> [u32; 2] {
    [span.start, span.end]
}
