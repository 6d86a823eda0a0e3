//! Checking a snapshot with `lint::analyse`, guarded against panics and against inputs that
//! are not drafts (binary, huge, GB18030 decoded wrongly); findings converted once.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use ls_types as lsp;
use ropey::Rope;

use super::convert::{self, Positions};
use super::documents::Snapshot;
use super::rendered::Rendered;
use super::workspace::Resolved;
use crate::lint::{self, Analysis};
use crate::rules::file::encoding;
use crate::text::PositionEncoding;

/// Documents larger than this are kept in sync but not checked.
pub(crate) const MAX_CHECKED_BYTES: usize = 8 * 1024 * 1024;

/// The diagnostics of one version of a document, as sent to the client.
#[derive(Debug, PartialEq)]
pub(crate) struct Findings {
    pub version: i32,
    pub generation: u64,
    /// False for a chunked result (see `incremental`), which a full analysis follows.
    pub exact: bool,
    /// The diagnostics serialised, as the members of a JSON array (see `rendered`).
    pub json: String,
}

impl Findings {
    /// Orders results of one document: a newer version, then a newer configuration, then
    /// exact over chunked.
    pub fn rank(&self) -> (i32, u64, bool) {
        (self.version, self.generation, self.exact)
    }
}

/// One version of a document, analysed.
pub(crate) struct Analysed {
    pub version: i32,
    pub generation: u64,
    pub rope: Rope,
    pub text: String,
    /// The file behind the document, for `file:` URIs.
    pub path: Option<PathBuf>,
    pub encoding: PositionEncoding,
    pub resolved: Resolved,
    /// `None` when the document was not checked (see `skipped`).
    pub analysis: Option<Analysis>,
    /// The findings, one for one with the analysis's.
    pub diagnostics: Vec<lsp::Diagnostic>,
    /// The note or the findings serialised once, for publishing and for cutting into chunks.
    pub rendered: Rendered,
    /// Why the document was not checked, for the log.
    pub skipped: Option<String>,
}

impl Analysed {
    /// The findings of this analysis, exact.
    pub fn findings(&self) -> Findings {
        Findings {
            version: self.version,
            generation: self.generation,
            exact: true,
            json: self.rendered.to_json(self.version),
        }
    }

    pub fn positions(&self) -> Positions<'_> {
        Positions::new(&self.rope, self.encoding)
    }
}

/// Checks a snapshot. Never panics: a panic in the checker is caught and reported as the
/// reason the document was skipped.
pub(crate) fn analyse(
    snapshot: &Snapshot,
    resolved: Resolved,
    encoding: PositionEncoding,
    today: jiff::civil::Date,
) -> Analysed {
    let mut analysed = Analysed {
        version: snapshot.version,
        generation: resolved.generation,
        rope: snapshot.rope.clone(),
        text: String::from(&snapshot.rope),
        path: snapshot.path.clone(),
        encoding,
        resolved,
        analysis: None,
        diagnostics: Vec::new(),
        rendered: Rendered::default(),
        skipped: None,
    };
    if let Some(reason) = not_a_draft(&analysed.text) {
        analysed.skipped = Some(reason);
        return analysed;
    }
    if let Some(misdecoded) = crate::text::misdecoded(&analysed.text) {
        let first_line = (analysed.text.find(['\r', '\n'])).unwrap_or(analysed.text.len());
        let range = (analysed.positions()).range(crate::text::Span::new(0, first_line as u32));
        let message = encoding::editor_message(&misdecoded);
        let note = note(range, encoding::RULE.id, message);
        analysed.rendered = Rendered::new([&note]);
        return analysed;
    }
    let result = catch_unwind(AssertUnwindSafe(|| {
        crate::lint::panic_for_tests(&analysed.text);
        let (path, config) = (analysed.path.as_deref(), &analysed.resolved.config);
        lint::analyse(&analysed.text, path, config, today)
    }));
    match result {
        Ok(analysis) => {
            let at = analysed.positions();
            let version = Some(snapshot.version);
            let diagnostics = (analysis.diagnostics.iter())
                .map(|d| convert::diagnostic(d, &at, &snapshot.uri, version))
                .collect();
            analysed.rendered = Rendered::new(&diagnostics);
            analysed.diagnostics = diagnostics;
            analysed.analysis = Some(analysis);
        }
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            analysed.skipped = Some(format!("the checker panicked: {message}"));
        }
    }
    analysed
}

/// Why a text is not checked: too large, or not text at all.
pub(crate) fn not_a_draft(text: &str) -> Option<String> {
    if text.len() > MAX_CHECKED_BYTES {
        return Some(format!(
            "document of {} bytes is larger than {} bytes; not checked",
            text.len(),
            MAX_CHECKED_BYTES
        ));
    }
    // The test `jiaodui check` refuses a binary file with, run on the decoded text.
    if crate::text::looks_binary(text.as_bytes()) {
        return Some("document looks binary (NUL or control bytes); not checked".into());
    }
    None
}

/// An error of the server's own (not a rule's): a draft decoded wrongly, a broken config.
pub(crate) fn note(range: lsp::Range, code: &str, message: String) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range,
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        code: Some(lsp::NumberOrString::String(code.into())),
        source: Some(convert::SOURCE.into()),
        message,
        ..Default::default()
    }
}
