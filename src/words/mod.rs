//! The newsroom's own word list, compiled: wrong forms and their right forms, from
//! `[[words.entry]]` in `jiaodui.toml` and from prh YAML dictionaries (the format textlint
//! users keep theirs in).
//!
//! Literal forms of every entry are matched by one Aho–Corasick automaton; regular
//! expressions run only for the entries that ask for one. The list is built and checked
//! (patterns compiled, specs run) when the configuration is loaded; `word/substitution` only
//! searches with it. Nothing here reads files but the prh reader, which the configuration
//! calls; nothing here knows drafts.

pub mod prh;
mod regex_js;

use std::path::PathBuf;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexSet, RegexSetBuilder};

pub use regex_js::{js_replacement, parse_js_regex};

use crate::text::Span;

/// One entry as read, before compiling: what to look for and what to print instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEntry {
    pub matchers: Vec<RawMatcher>,
    /// The right forms; a replacement may refer to a pattern's groups (`$1`, `$<name>`).
    /// Empty for a form that is simply not to be used.
    pub right: Vec<String>,
    pub note: Option<String>,
    /// `(from, to)` pairs the entry must turn one into the other.
    pub specs: Vec<(String, String)>,
    pub origin: Origin,
}

/// What an entry looks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawMatcher {
    /// Exact text.
    Literal(String),
    /// A regular expression in the `regex` crate's syntax.
    Pattern(String),
}

/// Where an entry was written, for messages: file, line and a label (`rules[3]` and its
/// right form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    pub line: Option<u32>,
    pub entry: String,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.entry.is_empty() {
            write!(f, ": {}", self.entry)?;
        }
        Ok(())
    }
}

/// A word list that cannot be used: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordsError {
    pub origin: Origin,
    pub message: String,
}

impl std::fmt::Display for WordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// A compiled word list; cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct WordList {
    inner: Option<Arc<Compiled>>,
}

#[derive(Debug)]
struct Compiled {
    entries: Vec<Entry>,
    literals: Option<AhoCorasick>,
    /// The entry of each literal of the automaton, by pattern index.
    literal_entry: Vec<usize>,
    patterns: Vec<(usize, Regex)>,
    /// Every pattern at once, so that a text is read once to learn which patterns match it
    /// at all (most match nowhere in a paragraph); `None` when the set would be too large.
    pattern_set: Option<RegexSet>,
}

#[cfg(test)]
impl Compiled {
    /// The same list without its pattern set: every pattern searched on its own.
    fn clone_without_set(&self) -> Compiled {
        Compiled {
            entries: self.entries.clone(),
            literals: self.literals.clone(),
            literal_entry: self.literal_entry.clone(),
            patterns: self.patterns.clone(),
            pattern_set: None,
        }
    }
}

/// A compiled entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub raw: RawEntry,
    /// Each right form in the `regex` crate's replacement syntax.
    replacements: Vec<String>,
}

impl Entry {
    pub fn right(&self) -> &[String] {
        &self.raw.right
    }

    pub fn note(&self) -> Option<&str> {
        self.raw.note.as_deref()
    }

    pub fn origin(&self) -> &Origin {
        &self.raw.origin
    }
}

/// One place a wrong form is printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    /// Index of the entry in [`WordList::entry`].
    pub entry: usize,
    /// The right forms for this very text (a pattern's groups filled in).
    pub right: Vec<String>,
}

impl PartialEq for WordList {
    fn eq(&self, other: &WordList) -> bool {
        self.entries() == other.entries()
    }
}

impl WordList {
    /// Compiles `entries`: every pattern must compile and every spec must hold. All errors
    /// are returned, not only the first.
    pub fn compile(entries: Vec<RawEntry>) -> Result<WordList, Vec<WordsError>> {
        let list = WordList::build(entries)?;
        list.check_specs()?;
        Ok(list)
    }

    fn build(entries: Vec<RawEntry>) -> Result<WordList, Vec<WordsError>> {
        let mut errors = Vec::new();
        let mut compiled = Vec::with_capacity(entries.len());
        let mut literals: Vec<String> = Vec::new();
        let mut literal_entry = Vec::new();
        let mut patterns = Vec::new();
        for raw in entries {
            let fail = |message: String| WordsError {
                origin: raw.origin.clone(),
                message,
            };
            let replacements: Result<Vec<String>, String> =
                raw.right.iter().map(|r| js_replacement(r)).collect();
            let replacements = match replacements {
                Ok(r) => r,
                Err(message) => {
                    errors.push(fail(message));
                    continue;
                }
            };
            let index = compiled.len();
            let mut ok = true;
            for matcher in &raw.matchers {
                match matcher {
                    RawMatcher::Literal(text) if !text.is_empty() => {
                        literals.push(text.clone());
                        literal_entry.push(index);
                    }
                    RawMatcher::Literal(_) => {
                        errors.push(fail("an empty form matches everywhere".into()));
                        ok = false;
                    }
                    RawMatcher::Pattern(source) => match compile_pattern(source) {
                        Ok(regex) => patterns.push((index, regex)),
                        Err(message) => {
                            errors.push(fail(message));
                            ok = false;
                        }
                    },
                }
            }
            if ok {
                compiled.push(Entry { raw, replacements });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let literals = automaton(&literals, &compiled)?;
        let pattern_set = (patterns.len() > 1)
            .then(|| {
                RegexSetBuilder::new(patterns.iter().map(|(_, regex)| regex.as_str()))
                    .size_limit(32 << 20)
                    .dfa_size_limit(8 << 20)
                    .build()
                    .ok()
            })
            .flatten();
        Ok(WordList {
            inner: Some(Arc::new(Compiled {
                entries: compiled,
                literals,
                literal_entry,
                patterns,
                pattern_set,
            })),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    pub fn entries(&self) -> &[Entry] {
        self.inner.as_deref().map_or(&[], |c| &c.entries)
    }

    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries()[index]
    }

    /// The wrong forms printed in `text[span]`, in order and not overlapping (the leftmost,
    /// then the longest, wins). Text that already is the right form is not a hit.
    pub fn find(&self, text: &str, span: Span, out: &mut Vec<Hit>) {
        let Some(compiled) = self.inner.as_deref() else {
            return;
        };
        let Some(hay) = text.get(span.range()) else {
            return;
        };
        let mut found: Vec<Hit> = Vec::new();
        if let Some(automaton) = &compiled.literals {
            for m in automaton.find_iter(hay) {
                let entry = compiled.literal_entry[m.pattern().as_usize()];
                let right = compiled.entries[entry].raw.right.clone();
                found.push(hit(span.start, m.start(), m.end(), entry, right));
            }
        }
        let matching = (compiled.pattern_set.as_ref()).map(|set| set.matches(hay));
        let patterns = (compiled.patterns.iter().enumerate())
            .filter(|(i, _)| matching.as_ref().is_none_or(|m| m.matched(*i)))
            .map(|(_, pattern)| pattern);
        for (entry, regex) in patterns {
            let replacements = &compiled.entries[*entry].replacements;
            for caps in regex.captures_iter(hay) {
                let Some(whole) = caps.get(0).filter(|m| !m.is_empty()) else {
                    continue;
                };
                let right = replacements
                    .iter()
                    .map(|r| {
                        let mut out = String::new();
                        caps.expand(r, &mut out);
                        out
                    })
                    .collect();
                found.push(hit(span.start, whole.start(), whole.end(), *entry, right));
            }
        }
        found.retain(|h| !h.right.iter().any(|r| r == &hay[local(span, h.span)]));
        found.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.entry));
        let mut end = span.start;
        for h in found {
            if h.span.start >= end {
                end = h.span.end;
                out.push(h);
            }
        }
    }

    /// Runs every entry's specs with that entry alone.
    fn check_specs(&self) -> Result<(), Vec<WordsError>> {
        let mut errors = Vec::new();
        for entry in self.entries() {
            if entry.raw.specs.is_empty() {
                continue;
            }
            let alone = match WordList::build(vec![entry.raw.clone()]) {
                Ok(alone) => alone,
                Err(mut more) => {
                    errors.append(&mut more);
                    continue;
                }
            };
            for (from, to) in &entry.raw.specs {
                let got = alone.apply(from);
                if &got != to {
                    errors.push(WordsError {
                        origin: entry.raw.origin.clone(),
                        message: format!(
                            "spec failed: \"{from}\" should become \"{to}\", but became \"{got}\""
                        ),
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `text` with every hit replaced by its first right form.
    fn apply(&self, text: &str) -> String {
        let mut hits = Vec::new();
        let span = Span::new(0, text.len() as u32);
        self.find(text, span, &mut hits);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for hit in &hits {
            let Some(right) = hit.right.first() else {
                continue;
            };
            out.push_str(&text[at..hit.span.start as usize]);
            out.push_str(right);
            at = hit.span.end as usize;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// One automaton over every literal form, leftmost-longest; `None` for no literal.
fn automaton(
    literals: &[String],
    entries: &[Entry],
) -> Result<Option<AhoCorasick>, Vec<WordsError>> {
    if literals.is_empty() {
        return Ok(None);
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(literals)
        .map(Some)
        .map_err(|err| {
            let origin = entries.first().map_or_else(
                || Origin {
                    file: PathBuf::new(),
                    line: None,
                    entry: String::new(),
                },
                |e| e.raw.origin.clone(),
            );
            vec![WordsError {
                origin,
                message: format!("the word list is too large: {err}"),
            }]
        })
}

fn hit(base: u32, start: usize, end: usize, entry: usize, right: Vec<String>) -> Hit {
    Hit {
        span: Span::new(base + start as u32, base + end as u32),
        entry,
        right,
    }
}

fn local(base: Span, span: Span) -> std::ops::Range<usize> {
    (span.start - base.start) as usize..(span.end - base.start) as usize
}

/// Patterns are compiled with a size limit, so a hostile dictionary cannot exhaust memory.
/// A pattern that does not compile is told in Chinese, with the regex engine's reason (the
/// last line of its message, which points at the pattern above it).
fn compile_pattern(source: &str) -> Result<Regex, String> {
    regex::RegexBuilder::new(source)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 20)
        .build()
        .map_err(|err| match err {
            regex::Error::Syntax(text) => {
                let reason = text.lines().last().unwrap_or("").trim();
                let reason = reason.strip_prefix("error: ").unwrap_or(reason);
                format!("pattern /{source}/ 不是有效的正则表达式（{reason}）")
            }
            regex::Error::CompiledTooBig(limit) => format!(
                "pattern /{source}/ 过于复杂：编译后超过 {} KiB 的上限",
                limit >> 10
            ),
            other => format!("pattern /{source}/ 无法使用（{other}）"),
        })
}

#[cfg(test)]
mod tests;
