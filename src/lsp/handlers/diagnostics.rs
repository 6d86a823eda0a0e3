//! `textDocument/diagnostic`: the pull model's answer, with a result ID per version and
//! configuration so an unchanged document costs the client nothing; and the diagnostic a
//! broken config file gets.

use std::path::Path;

use ls_types::Diagnostic;

use crate::lsp::analysis::{note, Findings};
use crate::lsp::convert::{Locate, Positions};
use crate::text::{LineIndex, PositionEncoding, Span};

/// The report, as JSON text written straight from the serialised findings (a page's
/// thousands of diagnostics are never turned into a tree of JSON values).
pub(crate) fn report(findings: Option<&Findings>, previous_result_id: Option<&str>) -> String {
    let Some(findings) = findings else {
        return r#"{"kind":"full","items":[]}"#.into();
    };
    let kind = if findings.exact { "full" } else { "chunked" };
    let result_id = format!("{}:{}:{kind}", findings.version, findings.generation);
    if previous_result_id == Some(result_id.as_str()) {
        format!(r#"{{"kind":"unchanged","resultId":"{result_id}"}}"#)
    } else {
        // One allocation of the right size: a page's findings run to megabytes.
        let id = result_id.as_str();
        [
            r#"{"kind":"full","resultId":""#,
            id,
            r#"","items":["#,
            &findings.json,
            "]}",
        ]
        .concat()
    }
}

/// A config error, on the line it names in the config file.
pub(crate) fn config_diagnostic(
    path: &Path,
    error: &crate::config::ConfigError,
    encoding: PositionEncoding,
) -> Diagnostic {
    let source = std::fs::read_to_string(path).unwrap_or_default();
    let index = LineIndex::new(&source);
    let line = error.line.map_or(0, |l| l.saturating_sub(1));
    let at = Positions::new(&source, &index, encoding);
    let start = index.line_start(line).unwrap_or(0);
    let end = if line < index.line_count() {
        index.line_content_end(&source, line)
    } else {
        start
    };
    let message = match &error.key {
        Some(key) => format!("`{key}`: {}", error.message),
        None => error.message.clone(),
    };
    note(
        at.range(Span::new(start, end.max(start))),
        "config",
        message,
    )
}
