//! Diagnostics serialised once and re-used across edits.
//!
//! A 1 MB page carries thousands of findings, and the protocol wants all of them in every
//! `publishDiagnostics` (and every pull report). Converting and serialising each one again
//! after every keystroke costs more than checking the article that changed. So a finding is
//! serialised to JSON once, when it is found, with holes where its line numbers and the
//! document version go; a later version re-uses the bytes, filling the holes with the lines
//! moved by the edits above it and the new version.
//!
//! Columns need no holes: findings are re-used only for whole articles after an edit, which
//! start at the start of a line, so an edit can move them down but never sideways.

use ls_types::Diagnostic;

/// Diagnostics as the comma-separated members of a JSON array, with holes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rendered {
    /// The JSON with every hole's number cut out.
    json: String,
    holes: Vec<Hole>,
}

#[derive(Clone, Copy, Debug)]
struct Hole {
    /// Where in `json` the number goes.
    at: u32,
    kind: HoleKind,
}

#[derive(Clone, Copy, Debug)]
enum HoleKind {
    /// A position's `line`, as it was when the diagnostic was found.
    Line(u32),
    /// The document version carried in the diagnostic's `data`.
    Version,
}

impl Rendered {
    /// Serialises `diagnostics`. Every `"line"` key in them belongs to a position and every
    /// `"version"` key to the document version in `data` (see `convert::DiagnosticPayload`);
    /// no other key has those names, and a key cannot occur inside a JSON string (its quotes
    /// would be escaped there).
    pub fn new<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Rendered {
        let mut raw = Vec::new();
        for (i, diagnostic) in diagnostics.into_iter().enumerate() {
            if i > 0 {
                raw.push(b',');
            }
            serde_json::to_writer(&mut raw, diagnostic).expect("diagnostics serialise");
        }
        let raw = String::from_utf8(raw).expect("serde_json writes UTF-8");
        let mut json = String::with_capacity(raw.len());
        let mut holes = Vec::new();
        let mut rest = raw.as_str();
        while let Some((key, at)) = next_key(rest) {
            json.push_str(&rest[..at]);
            rest = &rest[at..];
            let digits = rest
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b'-')
                .count();
            let kind = match key {
                Key::Line => HoleKind::Line(rest[..digits].parse().unwrap_or(0)),
                Key::Version => HoleKind::Version,
            };
            holes.push(Hole {
                at: json.len() as u32,
                kind,
            });
            rest = &rest[digits..];
        }
        json.push_str(rest);
        Rendered { json, holes }
    }

    pub fn is_empty(&self) -> bool {
        self.json.is_empty()
    }

    /// Bytes of JSON, without the holes' numbers.
    pub fn len(&self) -> usize {
        self.json.len()
    }

    /// Appends the diagnostics to `out` with every line moved by `line_delta` and the
    /// version set to `version`.
    pub fn write(&self, out: &mut String, line_delta: i64, version: i32) {
        let mut numbers = itoa::Buffer::new();
        let mut from = 0;
        for hole in &self.holes {
            let at = hole.at as usize;
            out.push_str(&self.json[from..at]);
            match hole.kind {
                HoleKind::Line(line) => {
                    let line = (line as i64 + line_delta).clamp(0, u32::MAX as i64);
                    out.push_str(numbers.format(line));
                }
                HoleKind::Version => out.push_str(numbers.format(version)),
            }
            from = at;
        }
        out.push_str(&self.json[from..]);
    }

    /// The diagnostics as they were found, as one JSON array's members.
    pub fn to_json(&self, version: i32) -> String {
        let mut out = String::with_capacity(self.json.len() + self.holes.len() * 4);
        self.write(&mut out, 0, version);
        out
    }
}

enum Key {
    Line,
    Version,
}

/// The next `"line":` or `"version":` key in `json`, and where its number starts.
fn next_key(json: &str) -> Option<(Key, usize)> {
    const LINE: &str = "\"line\":";
    const VERSION: &str = "\"version\":";
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'"', &json.as_bytes()[from..]) {
        let at = from + i;
        let rest = &json[at..];
        if rest.starts_with(LINE) {
            return Some((Key::Line, at + LINE.len()));
        }
        if rest.starts_with(VERSION) {
            return Some((Key::Version, at + VERSION.len()));
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use ls_types::{Position, Range};

    fn diagnostic(line: u32, message: &str) -> Diagnostic {
        Diagnostic {
            range: Range::new(Position::new(line, 2), Position::new(line + 1, 0)),
            message: message.into(),
            data: Some(serde_json::json!({"rule": "x", "version": 7, "text": "\"line\":9"})),
            ..Default::default()
        }
    }

    #[test]
    fn moving_lines_equals_serialising_moved_diagnostics() {
        let found = [diagnostic(3, "a \"line\": 5"), diagnostic(10, "b")];
        let rendered = Rendered::new(&found);
        let mut out = String::new();
        rendered.write(&mut out, 4, 12);
        let mut expected = [diagnostic(7, "a \"line\": 5"), diagnostic(14, "b")];
        for d in &mut expected {
            d.data.as_mut().unwrap()["version"] = 12.into();
        }
        let expected: Vec<String> = expected
            .iter()
            .map(|d| serde_json::to_string(d).unwrap())
            .collect();
        assert_eq!(out, expected.join(","));
        assert_eq!(
            Rendered::new(&[]).to_json(1),
            "",
            "no diagnostics, no members"
        );
    }
}
