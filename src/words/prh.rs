//! prh YAML dictionaries, the word lists textlint users keep:
//!
//! ```yaml
//! version: 1
//! imports:
//!   - other.yml
//! rules:
//!   - expected: 即使
//!     pattern: 既使
//!     prh: 连词用“即使”
//!     specs:
//!       - from: 既使下雨
//!         to: 即使下雨
//! ```
//!
//! The keys read are `version`, `imports` (paths, or `{ path: … }`), and for each rule
//! `expected`, `pattern` or `patterns` (plain text, or `/re/flags`), `prh` (the note) and
//! `specs`. Anything else (`options`, `regexpMustEmpty`, `ignoreRules`, …) is an error that
//! names the file, the line and the rule: a dictionary that means something jiaodui would not
//! do must not pass silently. Every file is read to the end, so one run reports every
//! mistake of every file.

use std::path::{Path, PathBuf};

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use super::{parse_js_regex, Origin, RawEntry, RawMatcher, WordsError};

/// Larger files are refused: a dictionary is a list of words, not a data dump.
const MAX_BYTES: u64 = 8 << 20;

/// Imports deeper than this are taken for a cycle the path check missed.
const MAX_DEPTH: usize = 16;

/// Reads the dictionaries at `paths` and everything they import, each file once.
pub fn read(paths: &[PathBuf]) -> (Vec<RawEntry>, Vec<WordsError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for path in paths {
        read_one(path, 0, &mut seen, &mut entries, &mut errors);
    }
    (entries, errors)
}

fn read_one(
    path: &Path,
    depth: usize,
    seen: &mut Vec<PathBuf>,
    entries: &mut Vec<RawEntry>,
    errors: &mut Vec<WordsError>,
) {
    let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if seen.contains(&key) {
        return;
    }
    seen.push(key);
    let fail = |message: String| WordsError {
        origin: origin(path, None, String::new()),
        message,
    };
    if depth > MAX_DEPTH {
        errors.push(fail(format!("imports nest deeper than {MAX_DEPTH} files")));
        return;
    }
    let source = match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_BYTES => {
            errors.push(fail(format!("larger than {} MiB", MAX_BYTES >> 20)));
            return;
        }
        Ok(_) => std::fs::read_to_string(path),
        Err(err) => Err(err),
    };
    let source = match source {
        Ok(source) => source,
        Err(err) => {
            errors.push(fail(format!("cannot read: {err}")));
            return;
        }
    };
    let parsed = parse(&source, path);
    entries.extend(parsed.entries);
    errors.extend(parsed.errors);
    let folder = path.parent().unwrap_or(Path::new(""));
    for import in parsed.imports {
        read_one(&folder.join(import), depth + 1, seen, entries, errors);
    }
}

/// What one dictionary holds.
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<RawEntry>,
    /// Imported files, as written (relative to the dictionary's folder).
    pub imports: Vec<String>,
    pub errors: Vec<WordsError>,
}

/// Reads one dictionary's text, as if from `path` (named in errors).
pub fn parse(source: &str, path: &Path) -> Parsed {
    let mut parsed = Parsed::default();
    let docs = match MarkedYaml::load_from_str(source) {
        Ok(docs) => docs,
        Err(err) => {
            let line = u32::try_from(err.marker().line()).ok();
            parsed.errors.push(WordsError {
                origin: origin(path, line, String::new()),
                message: format!("not valid YAML: {}", err.info()),
            });
            return parsed;
        }
    };
    let mut reader = Reader {
        path,
        parsed: &mut parsed,
    };
    match docs.as_slice() {
        [] => {}
        [root] => reader.root(root),
        [_, second, ..] => reader.error(second, String::new(), "more than one YAML document"),
    }
    parsed
}

struct Reader<'p> {
    path: &'p Path,
    parsed: &'p mut Parsed,
}

impl Reader<'_> {
    fn error(&mut self, node: &MarkedYaml<'_>, entry: String, message: impl Into<String>) {
        self.parsed.errors.push(WordsError {
            origin: origin(self.path, line(node), entry),
            message: message.into(),
        });
    }

    fn root(&mut self, root: &MarkedYaml<'_>) {
        let YamlData::Mapping(map) = &root.data else {
            if !matches!(root.data, YamlData::Value(Scalar::Null)) {
                self.error(
                    root,
                    String::new(),
                    "expected keys `version`, `imports`, `rules`",
                );
            }
            return;
        };
        for (key, value) in map {
            match text(key).as_deref() {
                Some("version") => {
                    if !matches!(value.data, YamlData::Value(Scalar::Integer(1))) {
                        self.error(value, "version".into(), "only `version: 1` is known");
                    }
                }
                Some("imports") => self.imports(value),
                Some("rules") => self.rules(value),
                Some(other) => self.error(key, String::new(), format!("unknown key `{other}`")),
                None => self.error(key, String::new(), "expected a key name"),
            }
        }
    }

    fn imports(&mut self, value: &MarkedYaml<'_>) {
        for (i, item) in items(value).into_iter().enumerate() {
            let label = format!("imports[{i}]");
            if let Some(path) = text(item) {
                self.parsed.imports.push(path);
                continue;
            }
            let YamlData::Mapping(map) = &item.data else {
                self.error(item, label, "expected a path");
                continue;
            };
            for (key, value) in map {
                match (text(key).as_deref(), text(value)) {
                    (Some("path"), Some(path)) => self.parsed.imports.push(path),
                    (Some("path"), None) => self.error(value, label.clone(), "expected a path"),
                    (Some(other), _) => self.error(
                        key,
                        label.clone(),
                        format!("unknown key `{other}` (only `path` is supported)"),
                    ),
                    (None, _) => self.error(key, label.clone(), "expected a key name"),
                }
            }
        }
    }

    fn rules(&mut self, value: &MarkedYaml<'_>) {
        for (i, item) in items(value).into_iter().enumerate() {
            if let Some(expected) = text(item) {
                let entry = format!("rules[{i}] “{expected}”");
                self.push(item, entry, expected, None, None, Vec::new());
                continue;
            }
            let YamlData::Mapping(map) = &item.data else {
                self.error(
                    item,
                    format!("rules[{i}]"),
                    "expected a rule with `expected`",
                );
                continue;
            };
            self.rule(i, item, map);
        }
    }

    fn rule(
        &mut self,
        i: usize,
        item: &MarkedYaml<'_>,
        map: &saphyr::AnnotatedMapping<'_, MarkedYaml<'_>>,
    ) {
        let expected = map
            .iter()
            .find(|(k, _)| text(k).as_deref() == Some("expected"))
            .and_then(|(_, v)| text(v));
        let entry = match &expected {
            Some(e) => format!("rules[{i}] “{e}”"),
            None => format!("rules[{i}]"),
        };
        let mut patterns: Option<Vec<String>> = None;
        let mut note = None;
        let mut specs = Vec::new();
        for (key, value) in map {
            match text(key).as_deref() {
                Some("expected") if text(value).is_none() => {
                    self.error(value, entry.clone(), "`expected` must be text");
                }
                Some("expected") => {}
                Some("pattern" | "patterns") => {
                    let list: Vec<String> = items(value).into_iter().filter_map(text).collect();
                    if list.len() != items(value).len() || list.is_empty() {
                        self.error(
                            value,
                            entry.clone(),
                            "a pattern must be text or a list of text",
                        );
                    }
                    patterns.get_or_insert_with(Vec::new).extend(list);
                }
                Some("prh") => match text(value) {
                    Some(text) => note = Some(text),
                    None => self.error(value, entry.clone(), "`prh` must be text"),
                },
                Some("specs") => specs = self.specs(value, &entry),
                Some(other) => {
                    self.error(key, entry.clone(), format!("unknown key `{other}`"));
                }
                None => self.error(key, entry.clone(), "expected a key name"),
            }
        }
        match expected {
            Some(expected) => self.push(item, entry, expected, patterns, note, specs),
            None => self.error(item, entry, "a rule needs `expected`"),
        }
    }

    fn specs(&mut self, value: &MarkedYaml<'_>, entry: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for spec in items(value) {
            let YamlData::Mapping(map) = &spec.data else {
                self.error(spec, entry.to_owned(), "a spec is `from:` and `to:`");
                continue;
            };
            let (mut from, mut to) = (None, None);
            for (key, value) in map {
                match text(key).as_deref() {
                    Some("from") => from = text(value),
                    Some("to") => to = text(value),
                    Some(other) => {
                        self.error(
                            key,
                            entry.to_owned(),
                            format!("unknown key `{other}` in a spec"),
                        );
                    }
                    None => self.error(key, entry.to_owned(), "expected a key name"),
                }
            }
            match (from, to) {
                (Some(from), Some(to)) => out.push((from, to)),
                _ => self.error(
                    spec,
                    entry.to_owned(),
                    "a spec needs text `from:` and `to:`",
                ),
            }
        }
        out
    }

    fn push(
        &mut self,
        item: &MarkedYaml<'_>,
        entry: String,
        expected: String,
        patterns: Option<Vec<String>>,
        note: Option<String>,
        specs: Vec<(String, String)>,
    ) {
        let mut matchers = Vec::new();
        match patterns {
            Some(patterns) => {
                for pattern in patterns {
                    match parse_js_regex(&pattern) {
                        Some(Ok(regex)) => matchers.push(RawMatcher::Pattern(regex)),
                        Some(Err(message)) => self.error(item, entry.clone(), message),
                        None => matchers.push(RawMatcher::Literal(pattern)),
                    }
                }
            }
            // Without a pattern prh looks for the expected form itself in any case and width
            // (`jquery`, `ＪＱｕｅｒｙ` for `jQuery`); text without Latin letters or digits
            // has no other spelling to find.
            None if expected.chars().any(|c| c.is_ascii_alphanumeric()) => {
                matchers.push(RawMatcher::Pattern(spread_alphanumerics(&expected)));
            }
            None => {}
        }
        self.parsed.entries.push(RawEntry {
            matchers,
            right: vec![expected],
            note,
            specs,
            origin: origin(self.path, line(item), entry),
        });
    }
}

/// The pattern that finds `text` with its Latin letters and digits in any case and width.
fn spread_alphanumerics(text: &str) -> String {
    let mut out = String::new();
    let wide = |c: char| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            let (lower, upper) = (c.to_ascii_lowercase(), c.to_ascii_uppercase());
            out.extend(['[', lower, upper, wide(lower), wide(upper), ']']);
        } else if c.is_ascii_digit() {
            out.extend(['[', c, wide(c), ']']);
        } else {
            out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    out
}

/// The items of a sequence, or the node itself when it is a single value.
fn items<'a, 'i>(node: &'a MarkedYaml<'i>) -> Vec<&'a MarkedYaml<'i>> {
    match &node.data {
        YamlData::Sequence(items) => items.iter().collect(),
        YamlData::Value(Scalar::Null) => Vec::new(),
        _ => vec![node],
    }
}

/// A scalar as text: strings, and numbers as written (`expected: 2023`).
fn text(node: &MarkedYaml<'_>) -> Option<String> {
    match &node.data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Some(i.to_string()),
        YamlData::Representation(s, _, _) => Some(s.to_string()),
        _ => None,
    }
}

fn line(node: &MarkedYaml<'_>) -> Option<u32> {
    u32::try_from(node.span.start.line())
        .ok()
        .filter(|l| *l > 0)
}

fn origin(path: &Path, line: Option<u32>, entry: String) -> Origin {
    Origin {
        file: path.to_path_buf(),
        line,
        entry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(source: &str) -> Parsed {
        parse(source, Path::new("prh.yml"))
    }

    #[test]
    fn rules_patterns_notes_specs() {
        let p = parsed(
            "version: 1\nimports:\n  - b.yml\n  - path: c.yml\nrules:\n  - expected: 即使\n    pattern: 既使\n    prh: 连词用“即使”\n    specs:\n      - from: 既使下雨\n        to: 即使下雨\n  - expected: $1年\n    patterns:\n      - /(\\d{4})年度/\n  - jQuery\n",
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.imports, ["b.yml", "c.yml"]);
        assert_eq!(p.entries.len(), 3);
        assert_eq!(p.entries[0].matchers, [RawMatcher::Literal("既使".into())]);
        assert_eq!(p.entries[0].note.as_deref(), Some("连词用“即使”"));
        assert_eq!(p.entries[0].origin.line, Some(6));
        assert_eq!(
            p.entries[1].matchers,
            [RawMatcher::Pattern("(\\d{4})年度".into())]
        );
        assert_eq!(
            p.entries[2].matchers,
            [RawMatcher::Pattern(
                "[jJｊＪ][qQｑＱ][uUｕＵ][eEｅＥ][rRｒＲ][yYｙＹ]".into()
            )]
        );
    }

    #[test]
    fn unknown_keys_name_file_line_and_rule() {
        let p = parsed("rules:\n  - expected: 即使\n    pattern: 既使\n    options:\n      wordBoundary: true\n");
        let message = p.errors[0].to_string();
        assert_eq!(message, "prh.yml:4: rules[0] “即使”: unknown key `options`");
        let p = parsed("version: 2\nfoo: 1\nimports:\n  - path: a.yml\n    ignoreRules: []\n");
        assert_eq!(p.errors.len(), 3, "{:?}", p.errors);
    }

    #[test]
    fn hostile_input_is_an_error_not_a_panic() {
        for source in [
            "",
            "- a\n- b",
            "rules: 3",
            "rules:\n  - expected: [1]\n",
            "rules:\n  - pattern: x\n",
            "rules:\n  - expected: a\n    pattern: /(?=x)/\n",
            ": : :",
            "a: &x [*x]",
            "---\na: 1\n---\nb: 2\n",
            "rules: [{expected: a, specs: [1, {from: 1}]}]",
            "\u{0}\u{ffff}",
        ] {
            let _ = parsed(source);
        }
        assert!(!parsed("rules:\n  - pattern: x\n").errors.is_empty());
        assert!(!parsed("- a\n").errors.is_empty());
    }
}
