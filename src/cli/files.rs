//! Which files a `check` run looks at, and which configuration applies to each.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigError, LoadedConfig};

/// One input of a run.
#[derive(Clone, Debug)]
pub enum Source {
    File(PathBuf),
    /// Standard input, with the name given by `--stdin-filename`.
    Stdin(Option<PathBuf>),
}

impl Source {
    /// The path used for config discovery, the draft kind and the issue date.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::File(path) => Some(path),
            Source::Stdin(name) => name.as_deref(),
        }
    }

    /// The name shown in reports.
    pub fn display(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin(Some(name)) => name.display().to_string(),
            Source::Stdin(None) => "-".to_owned(),
        }
    }
}

/// Resolves each file's configuration: `--config` for all, else the nearest `jiaodui.toml`
/// (cached per folder), else the built-in house style.
pub struct ConfigResolver {
    forced: Option<Arc<LoadedConfig>>,
    by_dir: HashMap<PathBuf, Arc<LoadedConfig>>,
    by_file: HashMap<PathBuf, Arc<LoadedConfig>>,
    defaults: Arc<LoadedConfig>,
}

impl ConfigResolver {
    pub fn new(forced: Option<&Path>) -> Result<ConfigResolver, ConfigError> {
        let forced = forced.map(LoadedConfig::load).transpose()?.map(Arc::new);
        let cwd = std::env::current_dir().unwrap_or_default();
        Ok(ConfigResolver {
            forced,
            by_dir: HashMap::new(),
            by_file: HashMap::new(),
            defaults: Arc::new(LoadedConfig::defaults(cwd)),
        })
    }

    /// The configuration for a file at `path` (`None`: stdin without a name).
    pub fn for_path(&mut self, path: Option<&Path>) -> Result<Arc<LoadedConfig>, ConfigError> {
        if let Some(forced) = &self.forced {
            return Ok(forced.clone());
        }
        let dir = match path {
            Some(path) => absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            None => std::env::current_dir().unwrap_or_default(),
        };
        if let Some(found) = self.by_dir.get(&dir) {
            return Ok(found.clone());
        }
        let loaded = match config::discover(&dir) {
            Some(file) => match self.by_file.get(&file) {
                Some(loaded) => loaded.clone(),
                None => {
                    let loaded = Arc::new(LoadedConfig::load(&file)?);
                    self.by_file.insert(file, loaded.clone());
                    loaded
                }
            },
            None => self.defaults.clone(),
        };
        self.by_dir.insert(dir, loaded.clone());
        Ok(loaded)
    }
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    }
}

/// A file to check with the configuration that applies to it.
pub type Job = (Source, Arc<LoadedConfig>);

/// Expands the command-line paths into the files to check, in a stable order: explicit files
/// as given, folders walked honouring `.gitignore` and `[files]` include/exclude. Errors
/// (a missing path) are returned as messages; the walk goes on.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    resolver: &mut ConfigResolver,
) -> Result<(Vec<Job>, Vec<String>), ConfigError> {
    let mut out = Vec::new();
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
            out.push((Source::Stdin(stdin_name.map(Path::to_path_buf)), config));
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                problems.push(format!("{}: {}", path.display(), io_reason(&err)));
                continue;
            }
        };
        if meta.is_file() {
            let config = resolver.for_path(Some(path))?;
            out.push((Source::File(path.clone()), config));
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
        for file in found {
            let config = resolver.for_path(Some(&file))?;
            // Globs are relative to the config's folder, so compare absolute paths.
            if config.wants(&absolute(&file)) {
                out.push((Source::File(file), config));
            }
        }
    }
    Ok((out, problems))
}

/// A short, lowercase reason for an I/O error.
pub fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}
