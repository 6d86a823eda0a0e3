//! Running the checker on a snapshot: the core's `lint::analyse`, guarded against panics and
//! against inputs that are not drafts (binary content, huge files), with the findings
//! converted to protocol diagnostics once per version.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use tower_lsp_server::ls_types as lsp;

use super::convert::{self, Positions};
use super::documents::Snapshot;
use super::rendered::Rendered;
use super::workspace::Resolved;
use crate::lint::{self, Analysis};
use crate::text::{LineIndex, PositionEncoding};

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
    pub text: Arc<str>,
    pub index: LineIndex,
    pub encoding: PositionEncoding,
    pub resolved: Resolved,
    /// `None` when the document was not checked (see `skipped`).
    pub analysis: Option<Analysis>,
    pub diagnostics: Vec<lsp::Diagnostic>,
    /// `diagnostics` serialised once, for publishing and for cutting into chunks.
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
        Positions {
            text: &self.text,
            index: &self.index,
            encoding: self.encoding,
        }
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
    let text = snapshot.text.clone();
    let index = LineIndex::new(&text);
    let mut analysed = Analysed {
        version: snapshot.version,
        generation: resolved.generation,
        text,
        index,
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
    let result = catch_unwind(AssertUnwindSafe(|| {
        panic_for_tests(&analysed.text);
        lint::analyse(
            &analysed.text,
            snapshot.path.as_deref(),
            &analysed.resolved.config,
            today,
        )
    }));
    match result {
        Ok(analysis) => {
            let at = analysed.positions();
            let diagnostics = analysis
                .diagnostics
                .iter()
                .map(|d| convert::diagnostic(d, &at, &snapshot.uri, Some(snapshot.version)))
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
    let head = &text.as_bytes()[..text.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if memchr::memchr(0, head).is_some() || controls * 100 > head.len().max(1) * 5 {
        return Some("document looks binary (NUL or control bytes); not checked".into());
    }
    None
}

/// Debug builds only: `JIAODUI_LSP_TEST_PANIC=MARKER` makes the checker panic on any text
/// containing MARKER, so the protocol tests can show that a panic is caught.
fn panic_for_tests(text: &str) {
    #[cfg(debug_assertions)]
    if let Some(marker) = std::env::var_os("JIAODUI_LSP_TEST_PANIC") {
        if marker
            .to_str()
            .is_some_and(|m| !m.is_empty() && text.contains(m))
        {
            panic!("test panic requested by JIAODUI_LSP_TEST_PANIC");
        }
    }
    let _ = text;
}
