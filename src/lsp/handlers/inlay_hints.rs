//! `textDocument/inlayHint`: the absolute date after day-only and relative dates.

use tower_lsp_server::ls_types::{InlayHint, Range};

use crate::lsp::analysis::Analysed;

pub(crate) fn hints(analysed: &Analysed, _range: Range) -> Vec<InlayHint> {
    let Some(_analysis) = analysed.analysis.as_ref() else {
        return Vec::new();
    };
    Vec::new()
}
