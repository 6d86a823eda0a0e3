//! Configuration: which `jiaodui.toml` applies, reading it and the newsroom gazetteers it
//! names, and reporting bad input with file, line and key.
//!
//! Configuration knows the gazetteer (it layers the newsroom's files over the built-in one)
//! and severities; it does not know the rule catalogue: the rule IDs a file may name are
//! passed in by the caller.

mod init;
mod messages;
mod preset;
mod resolve;
mod schema;
mod words;

pub(crate) use init::starter;
pub(crate) use messages::{io_reason, unknown_rule};
pub use preset::presets_markdown;
pub(crate) use preset::Preset;
pub(crate) use resolve::{config_file, NearestConfigs};
pub(crate) use schema::*;
pub use words::{RightForms, WordEntryConfig, WordsConfig};

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::gazetteer::{Gazetteer, NewsroomFile};
use crate::words::WordList;

/// A configuration with the place it came from and its compiled globs.
#[derive(Clone, Debug)]
pub struct LoadedConfig {
    pub config: Config,
    /// The folder relative paths in the config are resolved against.
    pub(crate) root: PathBuf,
    /// `root` as an absolute path, for files named from another folder.
    absolute_root: Option<PathBuf>,
    include: GlobSet,
    exclude: GlobSet,
    /// `[[allow]]` entries by the text they allow, each with its rule and the paths it is
    /// limited to: a finding looks up its text, not every entry (a newsroom's list grows by
    /// one with every finding it accepts).
    allowed: HashMap<String, Vec<(String, Option<GlobSet>)>>,
    /// The built-in gazetteer extended with `[places] gazetteers`, loaded with the config;
    /// `None` when the config names none (the built-in one is used).
    gazetteer: Option<Arc<Gazetteer>>,
}

impl LoadedConfig {
    /// The built-in house style, rooted at `root`.
    pub fn defaults(root: PathBuf) -> LoadedConfig {
        LoadedConfig::compile(Config::default(), None, root, "").expect("default globs compile")
    }

    /// Reads and validates the config file at `path`; `rules` are the rule IDs `[rules]` and
    /// `[[allow]]` may name.
    pub fn load(path: &Path, rules: &[&str]) -> Result<LoadedConfig, ConfigError> {
        let source = std::fs::read_to_string(path).map_err(|err| ConfigError {
            path: path.to_path_buf(),
            line: None,
            key: None,
            message: format!("无法读取（{}）", messages::io_reason(&err)),
        })?;
        LoadedConfig::parse(&source, path, rules)
    }

    /// Parses `source` as if read from `path`; `rules` are the rule IDs `[rules]` and
    /// `[[allow]]` may name.
    pub fn parse(source: &str, path: &Path, rules: &[&str]) -> Result<LoadedConfig, ConfigError> {
        let mut config: Config =
            toml::from_str(source).map_err(|err| ConfigError::from_toml(path, source, &err))?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        validate_rule_ids(&config, source, path, rules)?;
        if let Some(preset) = config.preset {
            preset.apply(&mut config);
        }
        let mut loaded = LoadedConfig::compile(config, Some(path), root, source)?;
        loaded.config.words.load(&loaded.root, path, source)?;
        loaded.load_gazetteers(source, path)?;
        Ok(loaded)
    }

    /// The same configuration with `date` as its issue date, in place of `[bulletin] date`
    /// (`check --date`): a draft's front matter and file name still come first.
    pub fn with_issue_date(mut self, date: Option<jiff::civil::Date>) -> LoadedConfig {
        if let Some(date) = date {
            self.config.bulletin.date = Some(schema::IsoDate(date));
        }
        self
    }

    /// The newsroom's word list, compiled: `[[words.entry]]` and the imported dictionaries.
    pub fn words(&self) -> &WordList {
        &self.config.words.list
    }

    /// The gazetteer drafts under this config are checked against.
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer
            .as_deref()
            .unwrap_or_else(|| Gazetteer::builtin())
    }

    /// Reads the newsroom gazetteers `[places] gazetteers` names, relative to the config
    /// file, and layers them over the built-in gazetteer. A file that cannot be read is the
    /// config's error; a bad entry is the gazetteer file's, with its line.
    fn load_gazetteers(&mut self, source: &str, path: &Path) -> Result<(), ConfigError> {
        let files = &self.config.places.gazetteers;
        if files.is_empty() {
            return Ok(());
        }
        let config_error = |entry: Option<&str>, message: String| ConfigError {
            path: path.to_path_buf(),
            line: entry.and_then(|entry| find_line(source, entry)),
            key: Some("places.gazetteers".into()),
            message,
        };
        let mut read = Vec::with_capacity(files.len());
        for entry in files {
            let file = self.root.join(entry);
            let text = std::fs::read_to_string(&file).map_err(|err| {
                config_error(
                    Some(entry),
                    format!(
                        "{}：无法读取（{}）",
                        file.display(),
                        messages::io_reason(&err)
                    ),
                )
            })?;
            read.push((entry.as_str(), file, text));
        }
        let newsroom: Vec<NewsroomFile<'_>> = read
            .iter()
            .map(|(_, file, text)| NewsroomFile { path: file, text })
            .collect();
        let region = self.config.bulletin.region.as_deref();
        let gazetteer = Gazetteer::with_newsroom(&newsroom, region).map_err(|err| {
            if err.line.is_some() {
                return ConfigError {
                    path: err.path,
                    line: err.line,
                    key: None,
                    message: err.message,
                };
            }
            // A file that does not parse at all has no line: point at the entry naming it.
            let entry = read.iter().find(|(_, file, _)| *file == err.path);
            config_error(
                entry.map(|(entry, _, _)| *entry),
                format!("{}: {}", err.path.display(), err.message),
            )
        })?;
        self.gazetteer = Some(Arc::new(gazetteer));
        Ok(())
    }

    fn compile(
        config: Config,
        path: Option<&Path>,
        root: PathBuf,
        source: &str,
    ) -> Result<LoadedConfig, ConfigError> {
        let glob_error = |key: &str, pattern: &str, err: globset::Error| ConfigError {
            path: path.map(Path::to_path_buf).unwrap_or_default(),
            line: find_line(source, pattern),
            key: Some(key.to_owned()),
            message: format!("bad glob \"{pattern}\": {}", err.kind()),
        };
        let build = |key: &str, patterns: &[String]| -> Result<GlobSet, ConfigError> {
            let mut builder = GlobSetBuilder::new();
            for pattern in patterns {
                builder.add(Glob::new(pattern).map_err(|err| glob_error(key, pattern, err))?);
            }
            builder.build().map_err(|err| glob_error(key, "", err))
        };
        let include = build("files.include", &config.files.include)?;
        let exclude = build("files.exclude", &config.files.exclude)?;
        let mut allowed: HashMap<String, Vec<(String, Option<GlobSet>)>> = HashMap::new();
        for entry in &config.allow {
            let paths = match &entry.path {
                Some(pattern) => Some(build("allow.path", std::slice::from_ref(pattern))?),
                None => None,
            };
            let entries = allowed.entry(entry.text.clone()).or_default();
            entries.push((entry.rule.clone(), paths));
        }
        Ok(LoadedConfig {
            config,
            absolute_root: absolute(&root),
            root,
            include,
            exclude,
            allowed,
            gazetteer: None,
        })
    }

    /// Whether a walked file is a draft to check: matches `[files] include` and not `exclude`,
    /// relative to the config's folder.
    pub(crate) fn wants(&self, file: &Path) -> bool {
        let relative = self.relative(file);
        let relative = relative.as_ref();
        (self.include.is_match(relative) || self.include.is_match(file))
            && !self.exclude.is_match(relative)
            && !self.exclude.is_match(file)
    }

    /// Whether a finding of `rule` on `text` in `file` is on the allow list.
    pub(crate) fn allows(&self, rule: &str, text: &str, file: Option<&Path>) -> bool {
        let entries = self.allowed.get(text).map_or(&[][..], Vec::as_slice);
        entries.iter().any(|(allowed, paths)| {
            allowed == rule
                && match (paths, file) {
                    (None, _) => true,
                    (Some(_), None) => false,
                    (Some(set), Some(file)) => {
                        set.is_match(self.relative(file)) || set.is_match(file)
                    }
                }
        })
    }

    /// `file` relative to the config's folder, however it was named: `drafts/a.txt`,
    /// `./drafts/a.txt`, an absolute path, or `a.txt` from inside `drafts/`. A file outside
    /// the folder stays as it was named.
    fn relative<'f>(&self, file: &'f Path) -> Cow<'f, Path> {
        let plain = |path: &Path| path.components().all(|c| matches!(c, Component::Normal(_)));
        let named = file.strip_prefix(".").unwrap_or(file);
        let here = self.root.as_os_str().is_empty() || self.root == Path::new(".");
        // Most files are named from the config's folder, or under it: no need to ask where.
        match named.strip_prefix(&self.root) {
            _ if here && plain(named) => return Cow::Borrowed(named),
            Ok(under) if !here && plain(under) => return Cow::Borrowed(under),
            _ => {}
        }
        let under = (absolute(file).zip(self.absolute_root.as_deref()))
            .and_then(|(file, root)| Some(file.strip_prefix(root).ok()?.to_path_buf()));
        under.map_or(Cow::Borrowed(file), Cow::Owned)
    }
}

/// `path` made absolute against the working folder, with `.` and `..` read away (without
/// asking the file system: a link is not followed).
fn absolute(path: &Path) -> Option<PathBuf> {
    let joined = std::path::absolute(path).ok()?;
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// A configuration that cannot be used: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub(crate) path: PathBuf,
    /// One-based line, when known.
    pub(crate) line: Option<u32>,
    /// The dotted key, when known (`byline.parens`).
    pub(crate) key: Option<String>,
    pub(crate) message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// What is wrong, without the file and line.
    pub fn message(&self) -> &str {
        &self.message
    }

    fn from_toml(path: &Path, source: &str, err: &toml::de::Error) -> ConfigError {
        let line = err.span().map(|span| line_of(source, span.start));
        let line_text = line
            .and_then(|l| source.lines().nth(l as usize - 1))
            .unwrap_or("");
        // toml has no words for some errors (a control character in a comment).
        let message = match err.message().trim() {
            "" => "这里不是有效的 TOML".to_owned(),
            message => messages::restate(message, line_text),
        };
        // serde names the unknown field in the message; the span locates it.
        let key = err
            .span()
            .map(|span| key_at(source, span.start))
            .filter(|key| !key.is_empty());
        ConfigError {
            path: path.to_path_buf(),
            line,
            key,
            message,
        }
    }
}

fn validate_rule_ids(
    config: &Config,
    source: &str,
    path: &Path,
    rules: &[&str],
) -> Result<(), ConfigError> {
    let known = |id: &str| rules.contains(&id);
    for id in config.rules.keys() {
        if !known(id) {
            return Err(ConfigError {
                path: path.to_path_buf(),
                line: find_line(source, id),
                key: Some(format!("rules.\"{id}\"")),
                message: messages::unknown_rule(id, rules),
            });
        }
    }
    for entry in &config.allow {
        if !known(&entry.rule) {
            return Err(ConfigError {
                path: path.to_path_buf(),
                line: find_line(source, &entry.rule),
                key: Some("allow.rule".into()),
                message: messages::unknown_rule(&entry.rule, rules),
            });
        }
    }
    Ok(())
}

fn line_of(source: &str, offset: usize) -> u32 {
    source.as_bytes()[..offset.min(source.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

fn find_line(source: &str, needle: &str) -> Option<u32> {
    if needle.is_empty() {
        return None;
    }
    source.find(needle).map(|offset| line_of(source, offset))
}

/// The dotted key a TOML error points at: the nearest `[table]` header above the offset and
/// the key on the offset's line.
fn key_at(source: &str, offset: usize) -> String {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = source[line_start..line_end].trim();
    let table = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|header| {
            header
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_owned()
        });
    let key = if line.starts_with('[') || line.starts_with('#') {
        String::new()
    } else {
        line.split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .to_owned()
    };
    match (table, key.is_empty()) {
        (Some(table), false) => format!("{table}.{key}"),
        (Some(table), true) => table,
        (None, _) => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let source = "[bulletin]\ndate = \"2021-06-11\"\n\n[byline]\nparen = \"fullwidth\"\n";
        let err = LoadedConfig::parse(source, Path::new("a/jiaodui.toml"), &[]).unwrap_err();
        assert_eq!(err.line, Some(5));
        assert_eq!(err.key.as_deref(), Some("byline.paren"));
        assert!(
            err.message
                .starts_with("没有“paren”这个键，你是不是要写“parens”？"),
            "{err}"
        );
        assert!(
            err.to_string()
                .starts_with("a/jiaodui.toml:5: `byline.paren`: "),
            "{err}"
        );
    }

    #[test]
    fn bad_value_names_key() {
        let source = "[dates]\nweekday = \"礼拜\"\n";
        let err = LoadedConfig::parse(source, Path::new("jiaodui.toml"), &[]).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert_eq!(err.key.as_deref(), Some("dates.weekday"));
    }

    #[test]
    fn bad_date_is_an_error() {
        let err = LoadedConfig::parse(
            "[bulletin]\ndate = \"2021-13-01\"\n",
            Path::new("j.toml"),
            &[],
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn rule_ids_come_from_the_caller() {
        let source = "[rules]\n\"date/relative\" = \"off\"\n\n[[allow]]\nrule = \"date/nope\"\ntext = \"x\"\n";
        let path = Path::new("jiaodui.toml");
        let err = LoadedConfig::parse(source, path, &[]).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("rules.\"date/relative\""));
        assert_eq!(err.line, Some(2));
        let err = LoadedConfig::parse(source, path, &["date/relative"]).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("allow.rule"));
        assert_eq!(err.line, Some(5));
        assert!(LoadedConfig::parse(source, path, &["date/relative", "date/nope"]).is_ok());
    }

    #[test]
    fn an_error_toml_has_no_words_for_still_says_where() {
        let err =
            LoadedConfig::parse("[bulletin]\n# a\u{3}\n", Path::new("j.toml"), &[]).unwrap_err();
        assert_eq!(err.to_string(), "j.toml:2: `bulletin`: 这里不是有效的 TOML");
    }

    #[test]
    fn starter_config_parses() {
        let loaded =
            LoadedConfig::parse(init::STARTER_CONFIG, Path::new("jiaodui.toml"), &[]).unwrap();
        assert_eq!(loaded.config.byline.parens, ParenWidth::Fullwidth);
    }
}
