//! `textDocument/diagnostic`: the pull model's answer, with a result ID per version and
//! configuration so an unchanged document costs the client nothing.

use tower_lsp_server::ls_types::{
    DocumentDiagnosticReport, DocumentDiagnosticReportResult, FullDocumentDiagnosticReport,
    RelatedFullDocumentDiagnosticReport, RelatedUnchangedDocumentDiagnosticReport,
    UnchangedDocumentDiagnosticReport,
};

use crate::lsp::analysis::Findings;

pub(crate) fn report(
    findings: Option<&Findings>,
    previous_result_id: Option<&str>,
) -> DocumentDiagnosticReportResult {
    let Some(findings) = findings else {
        return full(None, Vec::new());
    };
    let result_id = result_id(findings);
    if previous_result_id == Some(result_id.as_str()) {
        return DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(
            RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                    result_id,
                },
            },
        ));
    }
    // The router's path (see `report_json` for the usual one): parse what was serialised.
    let items = serde_json::from_str(&format!("[{}]", findings.json)).unwrap_or_default();
    full(Some(result_id), items)
}

fn full(
    result_id: Option<String>,
    items: Vec<tower_lsp_server::ls_types::Diagnostic>,
) -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
        },
    ))
}

/// Names one result: a client that sends it back gets "unchanged" while it still holds.
fn result_id(findings: &Findings) -> String {
    format!(
        "{}:{}:{}",
        findings.version,
        findings.generation,
        if findings.exact { "full" } else { "chunked" }
    )
}

/// The JSON-RPC response to a `textDocument/diagnostic` request with `id`: the same report as
/// [`report`], written straight from the serialised findings.
pub(crate) fn response_json(
    id: &tower_lsp_server::jsonrpc::Id,
    findings: Option<&Findings>,
    previous_result_id: Option<&str>,
) -> String {
    let id = serde_json::to_string(id).expect("an id serialises");
    let mut out = String::with_capacity(findings.map_or(0, |f| f.json.len()) + 128);
    out.push_str(r#"{"jsonrpc":"2.0","id":"#);
    out.push_str(&id);
    out.push_str(r#","result":"#);
    match findings {
        None => out.push_str(r#"{"kind":"full","items":[]}"#),
        Some(findings) => {
            let result_id = result_id(findings);
            let unchanged = previous_result_id == Some(result_id.as_str());
            let result_id = serde_json::to_string(&result_id).expect("a string serialises");
            if unchanged {
                out.push_str(r#"{"kind":"unchanged","resultId":"#);
                out.push_str(&result_id);
                out.push('}');
            } else {
                out.push_str(r#"{"kind":"full","resultId":"#);
                out.push_str(&result_id);
                out.push_str(r#","items":["#);
                out.push_str(&findings.json);
                out.push_str("]}");
            }
        }
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::jsonrpc::{Id, Response};
    use tower_lsp_server::ls_types::{Diagnostic, Position, Range};

    /// The fast path writes exactly what the router would send for the same report.
    #[test]
    fn written_response_equals_the_routers() {
        let diagnostic = Diagnostic {
            range: Range::new(Position::new(1, 2), Position::new(1, 3)),
            message: "半角逗号".into(),
            data: Some(serde_json::json!({"rule": "punct/halfwidth", "version": 4})),
            ..Default::default()
        };
        let findings = Findings {
            version: 4,
            generation: 2,
            exact: false,
            json: crate::lsp::rendered::Rendered::new([&diagnostic, &diagnostic]).to_json(4),
        };
        for previous in [None, Some("4:2:chunked"), Some("3:2:full")] {
            for findings in [None, Some(&findings)] {
                let id = Id::Number(7);
                let written: serde_json::Value =
                    serde_json::from_str(&response_json(&id, findings, previous)).unwrap();
                let report = serde_json::to_value(report(findings, previous)).unwrap();
                let routed = serde_json::to_value(Response::from_ok(id, report)).unwrap();
                assert_eq!(written, routed, "{previous:?} {}", findings.is_some());
            }
        }
    }
}
