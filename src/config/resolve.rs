//! Which configuration file applies to a draft. One rule serves every face: the file given
//! explicitly (`check --config`, `place --config`, the editor's `configPath` setting), else
//! the nearest `jiaodui.toml` or `.jiaodui.toml` walking up from the draft's folder, else
//! none, and the built-in house style applies.
//!
//! Loading, caching and reporting errors stay with the caller: the command line fails on a
//! bad file, the language server keeps the last good version of it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Config file names, in the order they are looked for in each folder.
const CONFIG_FILE_NAMES: [&str; 2] = ["jiaodui.toml", ".jiaodui.toml"];

/// Folder → the nearest config file above it, as a walk up found it; kept by the caller so
/// that the drafts of one folder cost one walk.
pub(crate) type NearestConfigs = HashMap<PathBuf, Option<PathBuf>>;

/// The config file for a draft in `folder`: `explicit` when given, else the nearest one
/// walking up (remembered in `nearest`); `None` means the built-in house style.
pub(crate) fn config_file(
    explicit: Option<&Path>,
    folder: &Path,
    nearest: &mut NearestConfigs,
) -> Option<PathBuf> {
    if let Some(explicit) = explicit {
        return Some(explicit.to_path_buf());
    }
    nearest
        .entry(folder.to_path_buf())
        .or_insert_with(|| discover(folder))
        .clone()
}

/// The nearest `jiaodui.toml` or `.jiaodui.toml` walking up from `folder`.
fn discover(folder: &Path) -> Option<PathBuf> {
    folder.ancestors().find_map(|folder| {
        CONFIG_FILE_NAMES
            .iter()
            .map(|name| folder.join(name))
            .find(|candidate| candidate.is_file())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_wins_then_the_nearest_then_none() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("a/b");
        std::fs::create_dir_all(&inner).unwrap();
        let mut nearest = NearestConfigs::new();
        let found = config_file(None, &inner, &mut nearest);
        assert!(found.is_none_or(|f| !f.starts_with(dir.path())));
        nearest.clear();
        std::fs::write(dir.path().join("a/.jiaodui.toml"), "").unwrap();
        let hidden = dir.path().join("a/.jiaodui.toml");
        assert_eq!(config_file(None, &inner, &mut nearest), Some(hidden));
        std::fs::write(dir.path().join("a/jiaodui.toml"), "").unwrap();
        nearest.clear();
        let plain = dir.path().join("a/jiaodui.toml");
        assert_eq!(config_file(None, &inner, &mut nearest), Some(plain));
        let explicit = Path::new("elsewhere.toml");
        assert_eq!(
            config_file(Some(explicit), &inner, &mut nearest),
            Some(explicit.to_path_buf())
        );
    }
}
