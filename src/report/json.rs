//! `--format json`: one JSON array, one element per finding.

use std::io::Write;

use serde_json::{json, Value};

use super::{CheckedFile, Report, Summary};
use crate::diagnostic::Diagnostic;

pub struct Json;

impl Json {
    /// One finding as a JSON object: path, rule, severity, message, start and end (one-based
    /// line, column in Unicode scalars), byte span, text, related places and fixes.
    pub fn finding(file: &CheckedFile<'_>, diagnostic: &Diagnostic) -> Value {
        let start = file.position(diagnostic.span.start);
        let end = file.position(diagnostic.span.end);
        json!({
            "path": file.path,
            "rule": diagnostic.rule,
            "severity": diagnostic.severity.as_str(),
            "message": diagnostic.message,
            "start": {"line": start.line, "column": start.col},
            "end": {"line": end.line, "column": end.col},
            "span": [diagnostic.span.start, diagnostic.span.end],
            "text": file.text.get(diagnostic.span.range()).unwrap_or(""),
            "related": diagnostic.related.iter().map(|related| json!({
                "span": [related.span.start, related.span.end],
                "message": related.message,
            })).collect::<Vec<_>>(),
            "fixes": diagnostic.fixes.iter().map(|fix| json!({
                "title": fix.title,
                "applicability": fix.applicability.as_str(),
                "edits": fix.edits.iter().map(|edit| json!({
                    "span": [edit.span.start, edit.span.end],
                    "replacement": edit.replacement,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

impl Report for Json {
    fn begin(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&self, file: &CheckedFile<'_>) -> String {
        let mut rendered = String::new();
        for (i, diagnostic) in file.diagnostics.iter().enumerate() {
            if i > 0 {
                rendered.push(',');
            }
            rendered.push_str("\n  ");
            rendered.push_str(&Json::finding(file, diagnostic).to_string());
        }
        rendered
    }

    fn separator(&self) -> &'static str {
        ","
    }

    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(if summary.findings() == 0 {
            b"]\n"
        } else {
            b"\n]\n"
        })
    }
}
