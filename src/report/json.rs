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

use super::{CheckedFile, Report, Summary};
use crate::diagnostic::Diagnostic;
use crate::text::{LineCol, Span};

pub struct Json;

impl Report for Json {
    fn begin(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>) {
        // About what a finding takes, so the buffer seldom grows.
        out.reserve(file.diagnostics.len() * 400);
        let mut path = Vec::with_capacity(file.path.len() + 2);
        string(&mut path, file.path);
        let mut starts = file.positions();
        let mut ends = file.positions();
        for (i, diagnostic) in file.diagnostics.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"\n  {\"path\":");
            out.extend_from_slice(&path);
            let start = starts.at(diagnostic.span.start);
            let end = ends.at(diagnostic.span.end);
            finding(out, file, diagnostic, [start, end]);
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

/// The rest of one element of the array, after its path: written field by field in the
/// order of the module's example, escaped as `serde_json` escapes, with nothing built on
/// the way.
fn finding(out: &mut Vec<u8>, file: &CheckedFile<'_>, diagnostic: &Diagnostic, at: [LineCol; 2]) {
    out.extend_from_slice(b",\"rule\":");
    string(out, diagnostic.rule);
    out.extend_from_slice(b",\"severity\":");
    string(out, diagnostic.severity.as_str());
    out.extend_from_slice(b",\"kind\":");
    string(out, diagnostic.kind.as_str());
    out.extend_from_slice(b",\"message\":");
    string(out, &diagnostic.message);
    for (key, position) in [
        (&b",\"start\":{\"line\":"[..], at[0]),
        (b",\"end\":{\"line\":", at[1]),
    ] {
        out.extend_from_slice(key);
        number(out, position.line);
        out.extend_from_slice(b",\"column\":");
        number(out, position.col);
        out.push(b'}');
    }
    out.extend_from_slice(b",\"span\":");
    span(out, diagnostic.span);
    out.extend_from_slice(b",\"text\":");
    string(out, file.text.get(diagnostic.span.range()).unwrap_or(""));
    out.extend_from_slice(b",\"related\":");
    array(out, &diagnostic.related, |out, related| {
        span_object(out, related.span, b",\"message\":", &related.message);
    });
    out.extend_from_slice(b",\"fixes\":");
    array(out, &diagnostic.fixes, |out, fix| {
        out.extend_from_slice(b"{\"title\":");
        string(out, &fix.title);
        out.extend_from_slice(b",\"applicability\":");
        string(out, fix.applicability.as_str());
        out.extend_from_slice(b",\"edits\":");
        array(out, &fix.edits, |out, edit| {
            span_object(out, edit.span, b",\"replacement\":", &edit.replacement);
        });
        out.push(b'}');
    });
    out.push(b'}');
}

/// A JSON array of what `item` writes for each of `items`.
fn array<T>(out: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, element) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, element);
    }
    out.push(b']');
}

/// `{"span":[s,e],"<key>":"<text>"}`, with `key` given with its comma, quotes and colon.
fn span_object(out: &mut Vec<u8>, at: Span, key: &[u8], text: &str) {
    out.extend_from_slice(b"{\"span\":");
    span(out, at);
    out.extend_from_slice(key);
    string(out, text);
    out.push(b'}');
}

fn number(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A byte span as the two-element array `[start, end]`.
fn span(out: &mut Vec<u8>, span: Span) {
    out.push(b'[');
    number(out, span.start);
    out.push(b',');
    number(out, span.end);
    out.push(b']');
}

/// A JSON string as `serde_json` writes it: `"` and `\\` escaped, control characters as
/// `\b \t \n \f \r` or `\u00xx`, everything else as it is.
fn string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    out.push(b'"');
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[from..i]);
        from = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
        }
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::string;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for text in [
            "",
            "平城区",
            "a\"b\\c",
            "\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}/",
            "“引号”\n",
        ] {
            let mut out = Vec::new();
            string(&mut out, text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(text).unwrap()
            );
        }
    }
}
