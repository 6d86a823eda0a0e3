//! Reports: one file per output format, all fed the same checked files, so every format
//! shows identical findings.
//!
//! A format writes findings as they come, each straight into a byte buffer as it is
//! serialised (by hand for `json`, derived `Serialize` for `sarif`, `write!` and byte
//! strings for the text ones), with nothing built per finding in between. One call renders the findings of one file, or of
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

use serde::Serialize;

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

    /// A cursor for the positions of offsets asked for mostly in increasing order, as the
    /// findings of a file come: each is measured from the one before on the same line.
    pub fn positions(&self) -> Positions<'_> {
        Positions {
            file: self,
            last: None,
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

/// Positions as [`CheckedFile::position`] gives them, each measured from the offset asked
/// before when that lies earlier on the same line (a page has many findings a line), so a
/// long line is not counted again from its start for every finding on it.
pub struct Positions<'a> {
    file: &'a CheckedFile<'a>,
    /// The last character boundary measured, its zero-based line and column, and where the
    /// next line starts (`None` on the last line).
    last: Option<(u32, u32, u32, Option<u32>)>,
}

impl Positions<'_> {
    /// The one-based line and column of `offset`.
    pub fn at(&mut self, offset: u32) -> LineCol {
        let text = self.file.text;
        let offset = offset.min(text.len() as u32);
        let mut boundary = offset as usize;
        while !text.is_char_boundary(boundary) {
            boundary -= 1;
        }
        let boundary = boundary as u32;
        let (line, col) = match self.last {
            Some((from, line, col, next))
                if from <= boundary && next.is_none_or(|next| offset < next) =>
            {
                let more = text[from as usize..boundary as usize].chars().count() as u32;
                (line, col + more)
            }
            _ => {
                let index = self.file.line_index;
                let zero = index.line_col(text, offset, PositionEncoding::Utf32);
                (zero.line, zero.col)
            }
        };
        let next = self.file.line_index.line_start(line + 1);
        self.last = Some((boundary, line, col, next));
        LineCol {
            line: line + 1,
            col: col + 1,
        }
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
