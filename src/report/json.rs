//! `--format json`: one JSON array, one element per finding, each on its own line:
//!
//! ```text
//! {"path":"…","rule":"date/weekday","severity":"error","kind":"error","message":"……",
//!  "start":{"line":12,"column":5},"end":{"line":12,"column":14},"span":[313,322],
//!  "text":"……","related":[{"span":[s,e],"message":"……"}],
//!  "fixes":[{"title":"……","applicability":"safe","edits":[{"span":[313,322],"replacement":"星期二"}]}]}
//! ```
//!
//! Lines and columns are one-based, columns count Unicode scalar values; `span` is byte
//! offsets into the file as read. Field names and their order are public interface.

use std::io::Write;

use serde::Serialize;

use super::{span_array, write_json, CheckedFile, Report, SeqOf, Summary};
use crate::diagnostic::{Diagnostic, Related};
use crate::fix::{Edit, Fix};

pub struct Json;

impl Report for Json {
    fn begin(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>) {
        // About what a finding takes, so the buffer seldom grows.
        out.reserve(file.diagnostics.len() * 400);
        for (i, diagnostic) in file.diagnostics.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"\n  ");
            write_json(out, &Finding::new(file, diagnostic));
        }
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

/// One element of the array, borrowing everything it shows.
#[derive(Serialize)]
struct Finding<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    kind: &'a str,
    message: &'a str,
    start: Position,
    end: Position,
    span: [u32; 2],
    text: &'a str,
    related: SeqOf<'a, Related, RelatedJson<'a>>,
    fixes: SeqOf<'a, Fix, FixJson<'a>>,
}

impl<'a> Finding<'a> {
    fn new(file: &'a CheckedFile<'a>, diagnostic: &'a Diagnostic) -> Finding<'a> {
        let start = file.position(diagnostic.span.start);
        let end = file.position(diagnostic.span.end);
        Finding {
            path: file.path,
            rule: diagnostic.rule,
            severity: diagnostic.severity.as_str(),
            kind: diagnostic.kind.as_str(),
            message: &diagnostic.message,
            start: Position {
                line: start.line,
                column: start.col,
            },
            end: Position {
                line: end.line,
                column: end.col,
            },
            span: span_array(diagnostic.span),
            text: file.text.get(diagnostic.span.range()).unwrap_or(""),
            related: SeqOf(&diagnostic.related, RelatedJson::new),
            fixes: SeqOf(&diagnostic.fixes, FixJson::new),
        }
    }
}

#[derive(Serialize)]
struct Position {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    span: [u32; 2],
    message: &'a str,
}

impl<'a> RelatedJson<'a> {
    fn new(related: &'a Related) -> RelatedJson<'a> {
        RelatedJson {
            span: span_array(related.span),
            message: &related.message,
        }
    }
}

#[derive(Serialize)]
struct FixJson<'a> {
    title: &'a str,
    applicability: &'a str,
    edits: SeqOf<'a, Edit, EditJson<'a>>,
}

impl<'a> FixJson<'a> {
    fn new(fix: &'a Fix) -> FixJson<'a> {
        FixJson {
            title: &fix.title,
            applicability: fix.applicability.as_str(),
            edits: SeqOf(&fix.edits, EditJson::new),
        }
    }
}

#[derive(Serialize)]
struct EditJson<'a> {
    span: [u32; 2],
    replacement: &'a str,
}

impl<'a> EditJson<'a> {
    fn new(edit: &'a Edit) -> EditJson<'a> {
        EditJson {
            span: span_array(edit.span),
            replacement: &edit.replacement,
        }
    }
}
