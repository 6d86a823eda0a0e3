//! Configuration per document: the nearest `jiaodui.toml` (or the file the client's settings
//! name), kept until it or a gazetteer changes; a config that fails to load is reported on
//! the config file and its last good version stays in force. Also the clock ([`today`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigError, LoadedConfig};

/// Client settings the server reads (`initializationOptions` or
/// `workspace/didChangeConfiguration`, either bare or under a `jiaodui` key).
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct Settings {
    /// A config file used for every document instead of the nearest `jiaodui.toml`
    /// (like `jiaodui check --config`).
    pub config_path: Option<PathBuf>,
}

impl Settings {
    pub fn from_json(value: &serde_json::Value) -> Settings {
        let value = value.get("jiaodui").unwrap_or(value);
        serde_json::from_value(value.clone()).unwrap_or_default()
    }
}

/// One config file's state.
#[derive(Default)]
struct Entry {
    /// The last version that loaded; `None` when it never did.
    good: Option<Arc<LoadedConfig>>,
    error: Option<ConfigError>,
}

/// Every config file the server has read.
#[derive(Default)]
pub(crate) struct Configs {
    settings: Settings,
    /// Where documents without a file (untitled buffers) take their defaults from.
    root: PathBuf,
    /// Bumped whenever any configuration may have changed; analyses remember it.
    generation: u64,
    files: HashMap<PathBuf, Entry>,
    /// Folder → the nearest config file above it, as found.
    discovered: HashMap<PathBuf, Option<PathBuf>>,
    defaults: HashMap<PathBuf, Arc<LoadedConfig>>,
    /// Config files whose error state changed since the last call to `take_reports`.
    reports: Vec<(PathBuf, Option<ConfigError>)>,
}

/// The configuration a document is checked with.
#[derive(Clone)]
pub(crate) struct Resolved {
    pub config: Arc<LoadedConfig>,
    /// The config file, when there is one.
    pub file: Option<PathBuf>,
    pub generation: u64,
}

/// Today's date from the clock both faces share. `main` checked a pinned date before the
/// server started, so reading it cannot fail here.
pub(crate) fn today() -> jiff::civil::Date {
    crate::clock::today().expect("the pinned date was checked before the server started")
}

impl Configs {
    pub fn new(root: PathBuf) -> Configs {
        Configs {
            root,
            ..Configs::default()
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Starts over for a workspace at `root` (the current one when `None`).
    pub fn restart(&mut self, root: Option<PathBuf>, settings: Settings) {
        *self = Configs::new(root.unwrap_or_else(|| self.root.clone()));
        self.settings = settings;
    }

    /// The configuration for a document at `path`.
    pub fn resolve(&mut self, path: Option<&Path>) -> Resolved {
        let folder = path
            .and_then(Path::parent)
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        let explicit = self
            .settings
            .config_path
            .as_ref()
            .map(|c| self.root.join(c));
        let file = config::config_file(explicit.as_deref(), &folder, &mut self.discovered);
        let config = file
            .as_deref()
            .and_then(|file| self.entry(file).good.clone());
        let config = config.unwrap_or_else(|| {
            let root = file
                .as_deref()
                .and_then(Path::parent)
                .map_or(folder.clone(), Path::to_path_buf);
            self.defaults
                .entry(root.clone())
                .or_insert_with(|| Arc::new(LoadedConfig::defaults(root)))
                .clone()
        });
        Resolved {
            config,
            file,
            generation: self.generation,
        }
    }

    fn entry(&mut self, file: &Path) -> &Entry {
        if !self.files.contains_key(file) {
            self.files.insert(file.to_path_buf(), Entry::default());
            self.load(file);
        }
        &self.files[file]
    }

    /// (Re-)reads a config file: a new version replaces the good one, an error is kept beside
    /// it; either way a change of error state is reported.
    fn load(&mut self, file: &Path) {
        let result = LoadedConfig::load(file, crate::lint::rule_ids());
        let entry = self.files.get_mut(file).expect("entry made before loading");
        let had_error = entry.error.is_some();
        match result {
            Ok(loaded) => (entry.good, entry.error) = (Some(Arc::new(loaded)), None),
            Err(error) => entry.error = Some(error),
        }
        if had_error || entry.error.is_some() {
            self.reports.push((file.to_path_buf(), entry.error.clone()));
        }
    }

    /// Re-reads every config file and forgets where configs were found (a file may have
    /// appeared or gone). A file that no longer loads keeps its last good version.
    pub fn reload(&mut self) {
        self.generation += 1;
        self.discovered.clear();
        let files: Vec<PathBuf> = self.files.keys().cloned().collect();
        for file in files {
            if file.is_file() {
                self.load(&file);
            } else if self.files.remove(&file).is_some_and(|e| e.error.is_some()) {
                // Deleted: documents find another config (or the defaults) next time.
                self.reports.push((file, None));
            }
        }
    }

    pub fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
        self.reload();
    }

    /// Config files whose error appeared or went away, for publishing on the config file.
    pub fn take_reports(&mut self) -> Vec<(PathBuf, Option<ConfigError>)> {
        std::mem::take(&mut self.reports)
    }
}
