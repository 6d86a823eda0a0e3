//! Diagnostics serialised once, with holes for their line numbers and the document version,
//! and re-used across edits: a later version fills the holes with lines moved by the edits
//! above and its version. Columns need no holes: whole articles are re-used, and an edit can
//! move them down but never sideways.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use ls_types::Diagnostic;

/// Diagnostics as the comma-separated members of a JSON array, with holes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rendered {
    /// The JSON with every hole's number cut out.
    json: String,
    /// Where in `json` a number goes: a position's line as found, or (`None`) the version.
    holes: Vec<(u32, Option<u32>)>,
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
        static KEYS: OnceLock<AhoCorasick> = OnceLock::new();
        let keys =
            KEYS.get_or_init(|| AhoCorasick::new(["\"line\":", "\"version\":"]).expect("two keys"));
        let (mut json, mut holes) = (String::with_capacity(raw.len()), Vec::new());
        let mut from = 0;
        for key in keys.find_iter(&raw) {
            json.push_str(&raw[from..key.end()]);
            let number = &raw[key.end()..];
            let digits = (number.bytes())
                .take_while(|b| b.is_ascii_digit() || *b == b'-')
                .count();
            // Pattern 0 is `"line":`; the other's number is the version.
            let line =
                (key.pattern().as_usize() == 0).then(|| number[..digits].parse().unwrap_or(0));
            holes.push((json.len() as u32, line));
            from = key.end() + digits;
        }
        json.push_str(&raw[from..]);
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
        for &(at, line) in &self.holes {
            out.push_str(&self.json[from..at as usize]);
            out.push_str(match line {
                Some(line) => numbers.format((line as i64 + line_delta).clamp(0, u32::MAX as i64)),
                None => numbers.format(version),
            });
            from = at as usize;
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
