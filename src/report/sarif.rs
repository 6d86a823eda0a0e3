//! `--format sarif`: one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format)
//! for GitHub code scanning and other SARIF consumers.
//!
//! One run: the tool with every rule (its docs as help, its page as `helpUri`, its default
//! level), then one result per finding with the file's physical location, related
//! locations and fixes. Columns are Unicode scalar values, as everywhere in the command
//! line's output, declared with `columnKind: unicodeCodePoints`; lines and columns are
//! one-based and `endColumn` points after the last character, as SARIF wants. Reports are
//! validated against the official schema in `tests/sarif.rs`.
//!
//! The log is streamed: everything before `results` is written in `begin`, each result as
//! its file is checked, and the closing part in `end`. Each result is serialised straight
//! from the finding it describes.

use std::io::Write;

use serde::{Serialize, Serializer};

use super::{write_json, CheckedFile, Report, Summary};
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::fix::{Edit, Fix};
use crate::rules::{RuleMeta, ALL_RULES, DOCS_URL};
use crate::text::Span;

pub struct Sarif;

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

impl Report for Sarif {
    fn begin(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let head = Head {
            tool: Tool {
                driver: Driver {
                    name: "jiaodui",
                    full_name: "jiaodui (校对) bulletin draft proofreader",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules: SeqOfRules,
                },
            },
        };
        let mut head = serde_json::to_vec(&head)?;
        // `head` is `{"tool":{…}}`: drop its closing brace to continue the run object.
        head.pop();
        write!(
            out,
            "{{\"$schema\":\"{SCHEMA_URI}\",\"version\":\"2.1.0\",\"runs\":["
        )?;
        out.write_all(&head)?;
        out.write_all(b",\"columnKind\":\"unicodeCodePoints\",\"results\":[")
    }

    fn file(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>) {
        let uri = path_to_uri(file.path);
        // About what a finding takes, so the buffer seldom grows.
        out.reserve(file.diagnostics.len() * 700);
        for (i, diagnostic) in file.diagnostics.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"\n  ");
            write_json(
                out,
                &SarifResult {
                    file,
                    uri: &uri,
                    diagnostic,
                },
            );
        }
    }

    fn separator(&self) -> &'static str {
        ","
    }

    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        let invocation = Invocation {
            // A path that could not be read leaves the run incomplete.
            execution_successful: summary.failed == 0,
            properties: InvocationProperties {
                files: summary.files,
                skipped_files: summary.skipped,
                characters: summary.chars,
            },
        };
        let newline = if summary.findings() == 0 { "" } else { "\n" };
        write!(out, "{newline}],\"invocations\":[")?;
        serde_json::to_writer(&mut *out, &invocation)?;
        writeln!(out, "]}}]}}")
    }
}

#[derive(Serialize)]
struct Head {
    tool: Tool,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    full_name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: SeqOfRules,
}

/// `tool.driver.rules`: every rule, in the order of `ALL_RULES` (results point into it by
/// index).
struct SeqOfRules;

impl Serialize for SeqOfRules {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(ALL_RULES.iter().map(|rule| RuleDescriptor::new(&rule.meta)))
    }
}

/// `reportingDescriptor` of a rule, from the sections of its docs.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: String,
    short_description: Text<String>,
    full_description: Text<String>,
    help: Help,
    help_uri: String,
    default_configuration: Level,
    properties: Tags,
}

impl RuleDescriptor {
    fn new(meta: &RuleMeta) -> RuleDescriptor {
        let flags = one_paragraph(meta.section("查什么"));
        let why = one_paragraph(meta.section("为什么"));
        let full = if why.is_empty() {
            flags.clone()
        } else {
            format!("{flags} {why}")
        };
        let docs = meta.docs_markdown();
        RuleDescriptor {
            id: meta.id,
            name: friendly_name(meta.id),
            short_description: Text { text: flags },
            full_description: Text { text: full },
            help: Help {
                text: docs.clone(),
                markdown: docs,
            },
            help_uri: meta.url(),
            default_configuration: Level {
                level: level(meta.severity),
            },
            properties: Tags {
                tags: [meta.id.split('/').next().unwrap_or(meta.id)],
            },
        }
    }
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct Tags {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    properties: InvocationProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InvocationProperties {
    files: usize,
    skipped_files: usize,
    characters: u64,
}

/// A result's own properties: whether the finding is wrong in every style (`error`) or a
/// departure from the house style (`style`).
#[derive(Serialize)]
struct ResultProperties<'a> {
    kind: &'a str,
}

/// One `result`: a finding with its location, related locations and fixes.
struct SarifResult<'a> {
    file: &'a CheckedFile<'a>,
    uri: &'a str,
    diagnostic: &'a Diagnostic,
}

impl Serialize for SarifResult<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let SarifResult {
            file,
            uri,
            diagnostic,
        } = *self;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("ruleId", diagnostic.rule)?;
        if let Some(index) = rule_index(diagnostic.rule) {
            map.serialize_entry("ruleIndex", &index)?;
        }
        map.serialize_entry("level", level(diagnostic.severity))?;
        map.serialize_entry(
            "message",
            &Text {
                text: MessageWithNote(diagnostic),
            },
        )?;
        map.serialize_entry(
            "locations",
            &[Location {
                physical_location: physical(file, uri, diagnostic.span),
            }],
        )?;
        if !diagnostic.related.is_empty() {
            map.serialize_entry(
                "relatedLocations",
                &RelatedLocations {
                    file,
                    uri,
                    related: &diagnostic.related,
                },
            )?;
        }
        map.serialize_entry(
            "properties",
            &ResultProperties {
                kind: diagnostic.kind.as_str(),
            },
        )?;
        if !diagnostic.fixes.is_empty() {
            map.serialize_entry(
                "fixes",
                &Fixes {
                    file,
                    uri,
                    fixes: &diagnostic.fixes,
                },
            )?;
        }
        map.end()
    }
}

/// The position of a rule in `tool.driver.rules`.
fn rule_index(id: &str) -> Option<usize> {
    ALL_RULES.iter().position(|rule| rule.meta.id == id)
}

/// The message, with the note on a line of its own after it.
struct MessageWithNote<'a>(&'a Diagnostic);

impl Serialize for MessageWithNote<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0.note {
            None => serializer.serialize_str(&self.0.message),
            Some(note) => serializer.collect_str(&format_args!("{}\n{note}", self.0.message)),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

/// A text region in one-based lines and Unicode-scalar columns, `endColumn` exclusive.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text<&'a str>>,
}

fn region<'a>(file: &CheckedFile<'a>, span: Span, snippet: bool) -> Region<'a> {
    let start = file.position(span.start);
    let end = file.position(span.end);
    let snippet = snippet
        .then(|| file.text.get(span.range()))
        .flatten()
        .filter(|text| !text.is_empty())
        .map(|text| Text { text });
    Region {
        start_line: start.line,
        start_column: start.col,
        end_line: end.line,
        end_column: end.col,
        snippet,
    }
}

fn physical<'a>(file: &CheckedFile<'a>, uri: &'a str, span: Span) -> PhysicalLocation<'a> {
    PhysicalLocation {
        artifact_location: ArtifactLocation { uri },
        region: region(file, span, true),
    }
}

struct RelatedLocations<'a> {
    file: &'a CheckedFile<'a>,
    uri: &'a str,
    related: &'a [Related],
}

impl Serialize for RelatedLocations<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.related.iter().enumerate().map(|(i, related)| {
            RelatedLocation {
                id: i + 1,
                message: Text {
                    text: related.message.as_str(),
                },
                physical_location: physical(self.file, self.uri, related.span),
            }
        }))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation<'a> {
    id: usize,
    message: Text<&'a str>,
    physical_location: PhysicalLocation<'a>,
}

struct Fixes<'a> {
    file: &'a CheckedFile<'a>,
    uri: &'a str,
    fixes: &'a [Fix],
}

impl Serialize for Fixes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.fixes.iter().map(|fix| SarifFix {
            description: Text {
                text: fix.title.as_str(),
            },
            artifact_changes: [ArtifactChange {
                artifact_location: ArtifactLocation { uri: self.uri },
                replacements: Replacements {
                    file: self.file,
                    edits: &fix.edits,
                },
            }],
            properties: FixProperties {
                applicability: fix.applicability.as_str(),
            },
        }))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<&'a str>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation<'a>,
    replacements: Replacements<'a>,
}

struct Replacements<'a> {
    file: &'a CheckedFile<'a>,
    edits: &'a [Edit],
}

impl Serialize for Replacements<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.edits.iter().map(|edit| Replacement {
            deleted_region: region(self.file, edit.span, false),
            inserted_content: Text {
                text: edit.replacement.as_str(),
            },
        }))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region<'a>,
    inserted_content: Text<&'a str>,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: &'static str,
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
