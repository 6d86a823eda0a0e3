//! `textDocument/diagnostic`: the pull model's answer, with a result ID per version and
//! configuration so an unchanged document costs the client nothing; and the diagnostic a
//! broken config file gets.

use std::path::Path;

use ls_types::{Diagnostic, Position, Range};
use ropey::Rope;

use crate::lsp::analysis::{note, Findings};
use crate::lsp::convert::Positions;
use crate::text::PositionEncoding;

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
    let rope = Rope::from_str(&std::fs::read_to_string(path).unwrap_or_default());
    let at = Positions::new(&rope, encoding);
    let line = error.line.map_or(0, |l| l.saturating_sub(1));
    // The whole line, up to its line ending; the start of the file for a line past the end.
    let whole = Range::new(Position::new(line, 0), Position::new(line, u32::MAX));
    let range = if (line as usize) < rope.len_lines() {
        at.range(at.span(whole))
    } else {
        Range::default()
    };
    let message = match &error.key {
        Some(key) => format!("`{key}`: {}", error.message),
        None => error.message.clone(),
    };
    note(range, "config", message)
}
