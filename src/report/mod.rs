//! Reports: one file per output format, all fed the same checked files, so every format
//! shows identical findings.
//!
//! Files are rendered in parallel (`Report::file` takes `&self`) and written in path order;
//! a run keeps only the rendered text and counts, never every file's text at once.

mod github;
mod human;
mod json;
mod sarif;
mod summary;

pub use github::{step_summary as github_step_summary, Github};
pub use human::Human;
pub use json::Json;
pub use sarif::Sarif;
pub use summary::{count_chars as summary_chars, error_rate, Summary, STANDARD_ERROR_RATE};

use std::io::Write;

use crate::diagnostic::Diagnostic;
use crate::text::{Encoding, LineCol, LineIndex, PositionEncoding};

/// One checked file, as reports see it.
pub struct CheckedFile<'a> {
    /// The path as shown to the user.
    pub path: &'a str,
    /// The text as read (after decoding, before any fix); spans index into it.
    pub text: &'a str,
    pub line_index: &'a LineIndex,
    pub encoding: Encoding,
    pub diagnostics: &'a [Diagnostic],
}

impl CheckedFile<'_> {
    /// A one-based line and column in Unicode scalars, as every report prints them.
    pub fn position(&self, offset: u32) -> LineCol {
        let zero = self
            .line_index
            .line_col(self.text, offset, PositionEncoding::Utf32);
        LineCol {
            line: zero.line + 1,
            col: zero.col + 1,
        }
    }
}

/// An output format.
pub trait Report: Sync {
    /// Written once before any file.
    fn begin(&self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
    /// One file's findings, rendered; called in parallel. Empty when there is nothing to say.
    fn file(&self, file: &CheckedFile<'_>) -> String;
    /// Put between two non-empty file renderings.
    fn separator(&self) -> &'static str {
        ""
    }
    /// Written once after every file.
    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()>;
}
