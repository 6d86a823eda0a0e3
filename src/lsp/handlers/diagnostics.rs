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
    let result_id = format!(
        "{}:{}:{}",
        findings.version,
        findings.generation,
        if findings.exact { "full" } else { "chunked" }
    );
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
    full(Some(result_id), findings.diagnostics.clone())
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
