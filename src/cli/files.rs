//! Which files a `check` run looks at, what each is (a text draft, a Word draft, a file in
//! a format that cannot be read), and which configuration applies to each.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigError, LoadedConfig, NearestConfigs};
use crate::lint;

/// One input of a run.
#[derive(Clone, Debug)]
pub(crate) enum Source {
    File(PathBuf),
    /// Standard input, with the name given by `--stdin-filename`.
    Stdin(Option<PathBuf>),
}

impl Source {
    /// The path used for config discovery, the draft kind and the issue date.
    pub(crate) fn path(&self) -> Option<&Path> {
        match self {
            Source::File(path) => Some(path),
            Source::Stdin(name) => name.as_deref(),
        }
    }

    /// What the file is, by its extension; stdin without a name is text.
    pub(crate) fn kind(&self) -> InputKind {
        let extension = self
            .path()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("docx") => InputKind::Word,
            Some(old @ ("doc" | "wps")) => {
                InputKind::OldWord(if old == "doc" { "doc" } else { "wps" })
            }
            _ => InputKind::Text,
        }
    }

    /// The name shown in reports.
    pub(crate) fn display(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin(Some(name)) => name.display().to_string(),
            Source::Stdin(None) => "-".to_owned(),
        }
    }
}

/// What an input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InputKind {
    /// A text draft: `.txt`, `.md`, or anything else named.
    Text,
    /// A Word draft, read for its text (`.docx`).
    Word,
    /// A Word 97–2003 or WPS document (`.doc`, `.wps`): a binary format that is not read.
    OldWord(&'static str),
}

/// Loads each file's configuration as [`config::config_file`] picks it (`--config` for all,
/// else the nearest `jiaodui.toml`, else the built-in house style rooted at the current
/// folder), each config file once.
pub(crate) struct ConfigResolver {
    explicit: Option<PathBuf>,
    /// `check --date`: the issue date of every draft that has none of its own, before the
    /// config's `[bulletin] date`.
    date: Option<jiff::civil::Date>,
    nearest: NearestConfigs,
    by_file: HashMap<PathBuf, Arc<LoadedConfig>>,
    defaults: Arc<LoadedConfig>,
    /// The current folder, asked once: asking the system for it per file cost more than
    /// reading a short draft.
    cwd: PathBuf,
}

impl ConfigResolver {
    /// A resolver for `--config` (or none) and `--date` (or none); an explicit file is read
    /// at once, so that a bad one fails the run before any draft is read.
    pub(crate) fn new(
        explicit: Option<&Path>,
        date: Option<jiff::civil::Date>,
    ) -> Result<ConfigResolver, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut resolver = ConfigResolver {
            explicit: explicit.map(Path::to_path_buf),
            date,
            nearest: NearestConfigs::new(),
            by_file: HashMap::new(),
            defaults: Arc::new(LoadedConfig::defaults(cwd.clone()).with_issue_date(date)),
            cwd,
        };
        if let Some(explicit) = explicit {
            resolver.load(explicit)?;
        }
        Ok(resolver)
    }

    /// The configuration for a file at `path` (`None`: stdin without a name, or the current
    /// folder itself).
    pub(crate) fn for_path(
        &mut self,
        path: Option<&Path>,
    ) -> Result<Arc<LoadedConfig>, ConfigError> {
        let folder = match path {
            Some(path) => self
                .absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            None => self.cwd.clone(),
        };
        match config::config_file(self.explicit.as_deref(), &folder, &mut self.nearest) {
            Some(file) => self.load(&file),
            None => Ok(self.defaults.clone()),
        }
    }

    fn load(&mut self, file: &Path) -> Result<Arc<LoadedConfig>, ConfigError> {
        if let Some(loaded) = self.by_file.get(file) {
            return Ok(loaded.clone());
        }
        let loaded = LoadedConfig::load(file, lint::rule_ids())?;
        let loaded = Arc::new(loaded.with_issue_date(self.date));
        self.by_file.insert(file.to_path_buf(), loaded.clone());
        Ok(loaded)
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd.join(path)
        }
    }
}

/// A file to check with the configuration that applies to it.
pub(super) type Job = (Source, Arc<LoadedConfig>);

/// Expands the command-line paths into the files to check, handing each to `found_job` as it
/// is found, in a stable order: explicit files as given, folders walked honouring `.gitignore`
/// and `[files]` include/exclude. Errors (a missing path) are returned as messages and the
/// walk goes on; a bad config ends it.
pub(crate) fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    resolver: &mut ConfigResolver,
    mut found_job: impl FnMut(Job),
) -> Result<Vec<String>, ConfigError> {
    let mut problems = Vec::new();
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let config = resolver.for_path(stdin_name)?;
            found_job((Source::Stdin(stdin_name.map(Path::to_path_buf)), config));
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                problems.push(format!("{}：{}", path.display(), io_reason(&err)));
                continue;
            }
        };
        if meta.is_file() {
            let config = resolver.for_path(Some(path))?;
            found_job((Source::File(path.clone()), config));
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(path)
            .hidden(true)
            .follow_links(true)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build()
        {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                    found.push(entry.into_path())
                }
                Ok(_) => {}
                Err(err) => problems.push(format!("{err}")),
            }
        }
        let mut drafts = 0;
        for file in found {
            if is_owner_file(&file) {
                continue;
            }
            let config = resolver.for_path(Some(&file))?;
            // Globs are relative to the config's folder, so compare absolute paths.
            if config.wants(&resolver.absolute(&file)) {
                drafts += 1;
                found_job((Source::File(file), config));
            }
        }
        // A folder with nothing to check is most likely the wrong folder: that must not read
        // as a clean run.
        if drafts == 0 {
            problems.push(format!(
                "{}：文件夹中没有要检查的稿件（.txt、.md、.docx，或 [files] include 所列的文件）",
                path.display()
            ));
        }
    }
    Ok(problems)
}

/// Word's owner file (`~$稿件.docx`), which it keeps beside a document while the document is
/// open: a few bytes naming who has it open, no draft. Found in a folder, it is passed over;
/// otherwise every draft open in Word would be reported as unreadable.
fn is_owner_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with("~$"))
}

/// `无法读取（why）` for an I/O error.
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    format!("无法读取（{}）", config::io_reason(err))
}
