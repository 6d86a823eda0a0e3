//! `textDocument/formatting` and fix-all: every safe fix, applied to a fixpoint, returned as
//! the smallest text edits against the current version.

use std::path::Path;

use ls_types::TextEdit;

use crate::lint;
use crate::lsp::analysis::Analysed;
use crate::lsp::convert;

/// The edits that apply every safe fix; empty when there is nothing to fix or the document
/// was not checked.
pub(crate) fn safe_fix_edits(
    analysed: &Analysed,
    path: Option<&Path>,
    today: jiff::civil::Date,
) -> Vec<TextEdit> {
    if analysed.analysis.is_none() {
        return Vec::new();
    }
    let has_safe = analysed
        .analysis
        .as_ref()
        .is_some_and(|a| a.diagnostics.iter().any(|d| d.safe_fix().is_some()));
    if !has_safe {
        return Vec::new();
    }
    let fixed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lint::fix(&analysed.text, path, &analysed.resolved.config, today)
    }));
    match fixed {
        Ok(outcome) => convert::text_edits(&analysed.text, &outcome.text, analysed.positions()),
        Err(_) => Vec::new(),
    }
}
