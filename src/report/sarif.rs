//! `--format sarif`: one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format)
//! for GitHub code scanning and other SARIF consumers.
//!
//! One run: the tool with every rule (its docs as help, its page as `helpUri`, its default
//! level), then one result per finding with the file's physical location, related
//! locations and fixes. Columns are Unicode scalar values, as everywhere in the command
//! line's output, declared with `columnKind: unicodeCodePoints`; lines and
//! columns are one-based and `endColumn` points after the last character, as SARIF wants.
//! Reports are validated against the official schema in `tests/sarif.rs`.

use std::io::Write;

use serde_json::{json, Map, Value};

use super::{CheckedFile, Report, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{RuleMeta, ALL_RULES, DOCS_URL};
use crate::text::Span;

pub struct Sarif;

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

impl Report for Sarif {
    fn begin(&self, out: &mut dyn Write) -> std::io::Result<()> {
        // The log is streamed: everything before `results` is written here, every file's
        // results as they come, and the closing part in `end`.
        let rules: Vec<Value> = ALL_RULES
            .iter()
            .map(|rule| rule_descriptor(&rule.meta))
            .collect();
        let driver = json!({
            "name": "jiaodui",
            "fullName": "jiaodui (校对) bulletin draft proofreader",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": information_uri(),
            "rules": rules,
        });
        let head = json!({ "tool": { "driver": driver } }).to_string();
        // `head` is `{"tool":{…}}`: drop its closing brace to continue the run object.
        let head = &head[..head.len() - 1];
        write!(
            out,
            "{{\"$schema\":\"{SCHEMA_URI}\",\"version\":\"2.1.0\",\"runs\":[{head},\
             \"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }

    fn file(&self, file: &CheckedFile<'_>) -> String {
        let uri = path_to_uri(file.path);
        let mut rendered = String::new();
        for (i, diagnostic) in file.diagnostics.iter().enumerate() {
            if i > 0 {
                rendered.push(',');
            }
            rendered.push_str("\n  ");
            rendered.push_str(&result(file, &uri, diagnostic).to_string());
        }
        rendered
    }

    fn separator(&self) -> &'static str {
        ","
    }

    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        let invocation = json!({
            "executionSuccessful": true,
            "properties": {
                "files": summary.files,
                "skippedFiles": summary.skipped,
                "characters": summary.chars,
            },
        });
        let newline = if summary.findings() == 0 { "" } else { "\n" };
        writeln!(out, "{newline}],\"invocations\":[{invocation}]}}]}}")
    }
}

/// `reportingDescriptor` of a rule: what `tool.driver.rules` lists.
fn rule_descriptor(meta: &RuleMeta) -> Value {
    let docs = dedent(meta.docs);
    let flags = one_paragraph(section(&docs, "What it flags"));
    let why = one_paragraph(section(&docs, "Why"));
    let full = if why.is_empty() {
        flags.clone()
    } else {
        format!("{flags} {why}")
    };
    json!({
        "id": meta.id,
        "name": friendly_name(meta.id),
        "shortDescription": { "text": flags },
        "fullDescription": { "text": full },
        "help": { "text": docs, "markdown": docs },
        "helpUri": meta.url(),
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": {
            "tags": [meta.id.split('/').next().unwrap_or(meta.id)],
        },
    })
}

fn result(file: &CheckedFile<'_>, uri: &str, diagnostic: &Diagnostic) -> Value {
    let mut message = diagnostic.message.clone();
    if let Some(note) = &diagnostic.note {
        message.push('\n');
        message.push_str(note);
    }
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(diagnostic.rule));
    if let Some(index) = ALL_RULES.iter().position(|r| r.meta.id == diagnostic.rule) {
        result.insert("ruleIndex".into(), json!(index));
    }
    result.insert("level".into(), json!(level(diagnostic.severity)));
    result.insert("message".into(), json!({ "text": message }));
    result.insert(
        "locations".into(),
        json!([{ "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": region(file, diagnostic.span, true),
        }}]),
    );
    if !diagnostic.related.is_empty() {
        let related: Vec<Value> = diagnostic
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| {
                json!({
                    "id": id + 1,
                    "message": { "text": related.message },
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(file, related.span, true),
                    },
                })
            })
            .collect();
        result.insert("relatedLocations".into(), Value::Array(related));
    }
    if !diagnostic.fixes.is_empty() {
        let fixes: Vec<Value> = diagnostic
            .fixes
            .iter()
            .map(|fix| {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|edit| {
                        json!({
                            "deletedRegion": region(file, edit.span, false),
                            "insertedContent": { "text": edit.replacement },
                        })
                    })
                    .collect();
                json!({
                    "description": { "text": fix.title },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri },
                        "replacements": replacements,
                    }],
                    "properties": { "applicability": fix.applicability.as_str() },
                })
            })
            .collect();
        result.insert("fixes".into(), Value::Array(fixes));
    }
    Value::Object(result)
}

/// A text region in one-based lines and Unicode-scalar columns, `endColumn` exclusive.
fn region(file: &CheckedFile<'_>, span: Span, snippet: bool) -> Value {
    let start = file.position(span.start);
    let end = file.position(span.end);
    let mut region = json!({
        "startLine": start.line,
        "startColumn": start.col,
        "endLine": end.line,
        "endColumn": end.col,
    });
    if snippet {
        if let Some(text) = file.text.get(span.range()).filter(|t| !t.is_empty()) {
            region["snippet"] = json!({ "text": text });
        }
    }
    region
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `date/weekday` → `DateWeekday`: SARIF's human-readable rule name.
fn friendly_name(id: &str) -> String {
    id.split(['/', '-'])
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Rule docs come from `///` comments, one space in front of every line: remove it, so the
/// help is Markdown again.
fn dedent(docs: &str) -> String {
    let mut out = String::with_capacity(docs.len());
    for line in docs.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The body of one `## heading` section of dedented docs.
fn section<'d>(docs: &'d str, heading: &str) -> &'d str {
    let marker = format!("## {heading}\n");
    let Some(start) = docs
        .find(&marker)
        .filter(|&i| i == 0 || docs[..i].ends_with('\n'))
    else {
        return "";
    };
    let body = &docs[start + marker.len()..];
    let end = body.find("\n## ").map_or(body.len(), |i| i + 1);
    &body[..end]
}

/// The lines of a docs section as one paragraph.
fn one_paragraph(section: &str) -> String {
    section
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The project's home: the repository the rules reference lives in.
fn information_uri() -> &'static str {
    DOCS_URL.split("/blob/").next().unwrap_or(DOCS_URL)
}

/// A file path as a URI reference: relative paths stay relative (code scanning resolves
/// them against the repository root), separators become `/`, and every byte outside the
/// unreserved set is percent-encoded, so Chinese file names and spaces give valid URIs.
fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut uri = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        uri.push_str("file://");
    } else if path.as_bytes().get(1) == Some(&b':') {
        // A Windows drive path, `C:/drafts/a.txt`.
        uri.push_str("file:///");
    }
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            b':' if uri.starts_with("file:///") && uri.len() == 9 => uri.push(':'),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_to_uri("drafts/a.txt"), "drafts/a.txt");
        assert_eq!(path_to_uri("./drafts/a.txt"), "drafts/a.txt");
        assert_eq!(
            path_to_uri("稿件/一版 a.txt"),
            "%E7%A8%BF%E4%BB%B6/%E4%B8%80%E7%89%88%20a.txt"
        );
        assert_eq!(path_to_uri("/srv/a.txt"), "file:///srv/a.txt");
        assert_eq!(path_to_uri("C:\\drafts\\a.txt"), "file:///C:/drafts/a.txt");
        assert_eq!(path_to_uri("-"), "-");
    }

    #[test]
    fn rule_names_are_camel_case() {
        assert_eq!(friendly_name("date/weekday"), "DateWeekday");
        assert_eq!(
            friendly_name("byline/unknown-reporter"),
            "BylineUnknownReporter"
        );
    }
}
