//! `[words]` of `jiaodui.toml`: the newsroom's own list of wrong forms and right ones, as
//! `[[words.entry]]` tables and as prh YAML dictionaries named by `import` (relative to the
//! config file). Both are read, checked and compiled into one [`WordList`] when the
//! configuration is loaded, so a bad entry is a config error before any draft is checked and
//! the rule that uses the list never sees a file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ConfigError;
use crate::words::{prh, Origin, RawEntry, RawMatcher, WordList, WordsError};

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct WordsConfig {
    /// prh YAML dictionaries, relative to the config file.
    pub import: Vec<String>,
    pub entry: Vec<WordEntryConfig>,
    /// Every entry of the tables and the dictionaries, compiled when the config is loaded.
    #[serde(skip)]
    pub list: WordList,
}

/// One `[[words.entry]]`: a literal `wrong` form or a `pattern`, its right form(s) and a
/// note for the message.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WordEntryConfig {
    #[serde(default)]
    pub wrong: Option<String>,
    /// A regular expression in the `regex` crate's syntax; `right` may use its groups
    /// (`$1`, `$<name>`).
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub right: RightForms,
    #[serde(default)]
    pub note: Option<String>,
}

/// `right = "即使"` or `right = ["即使", "即便"]`; none for a form not to be used at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RightForms(pub Vec<String>);

impl<'de> Deserialize<'de> for RightForms {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RightForms, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        match OneOrMany::deserialize(deserializer) {
            Ok(OneOrMany::One(one)) => Ok(RightForms(vec![one])),
            Ok(OneOrMany::Many(many)) => Ok(RightForms(many)),
            Err(_) => Err(serde::de::Error::custom(
                "expected a right form (\"即使\") or a list of them",
            )),
        }
    }
}

impl WordsConfig {
    /// Reads the dictionaries named by `import` and compiles them with the entries into
    /// `self.list`. `path` is the config file and `source` its text, for error lines.
    pub(crate) fn load(
        &mut self,
        root: &Path,
        path: &Path,
        source: &str,
    ) -> Result<(), ConfigError> {
        if self.import.is_empty() && self.entry.is_empty() {
            return Ok(());
        }
        let mut entries = self.table_entries(path, source)?;
        let mut files: Vec<PathBuf> = Vec::with_capacity(self.import.len());
        for import in &self.import {
            let file = root.join(import);
            if !file.is_file() {
                return Err(ConfigError {
                    path: path.to_path_buf(),
                    line: super::find_line(source, import),
                    key: Some("words.import".into()),
                    message: format!("{}：没有这个文件", file.display()),
                });
            }
            files.push(file);
        }
        let (imported, mut errors) = prh::read(&files);
        entries.extend(imported);
        if errors.is_empty() {
            match WordList::compile(entries) {
                Ok(list) => self.list = list,
                Err(more) => errors = more,
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(combine(errors))
        }
    }

    fn table_entries(&self, path: &Path, source: &str) -> Result<Vec<RawEntry>, ConfigError> {
        let lines = table_lines(source);
        let mut out = Vec::with_capacity(self.entry.len());
        for (i, entry) in self.entry.iter().enumerate() {
            let line = lines.get(i).copied();
            let fail = |message: &str| ConfigError {
                path: path.to_path_buf(),
                line,
                key: Some(format!("words.entry[{i}]")),
                message: message.to_owned(),
            };
            let matcher = match (&entry.wrong, &entry.pattern) {
                (Some(wrong), None) if !wrong.is_empty() => RawMatcher::Literal(wrong.clone()),
                (None, Some(pattern)) if !pattern.is_empty() => {
                    RawMatcher::Pattern(pattern.clone())
                }
                (Some(_), Some(_)) => return Err(fail("give `wrong` or `pattern`, not both")),
                _ => return Err(fail("an entry needs a `wrong` form or a `pattern`")),
            };
            let label = entry
                .wrong
                .as_deref()
                .or(entry.pattern.as_deref())
                .unwrap_or("");
            out.push(RawEntry {
                matchers: vec![matcher],
                right: entry.right.0.clone(),
                note: entry.note.clone(),
                specs: Vec::new(),
                origin: Origin {
                    file: path.to_path_buf(),
                    line,
                    entry: format!("words.entry[{i}] “{label}”"),
                },
            });
        }
        Ok(out)
    }
}

/// The line of each `[[words.entry]]` header, in order.
fn table_lines(source: &str) -> Vec<u32> {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[words.entry]]"))
        .filter_map(|(i, _)| u32::try_from(i + 1).ok())
        .collect()
}

/// One config error for every mistake found: the first is where the error points, the rest
/// follow on their own lines, so a run reports them all at once.
fn combine(errors: Vec<WordsError>) -> ConfigError {
    let first = &errors[0];
    let mut message = if first.origin.entry.is_empty() {
        first.message.clone()
    } else {
        format!("{}: {}", first.origin.entry, first.message)
    };
    for more in &errors[1..] {
        message.push_str(&format!("\n{more}"));
    }
    ConfigError {
        path: first.origin.file.clone(),
        line: first.origin.line,
        key: None,
        message,
    }
}
