//! Newsroom gazetteers: TOML files of `[[place]]` entries and CSV files of
//! `code,name,parent_code,level` rows joined to the built-in levels by code. Either kind
//! extends the built-in gazetteer; errors name the file and line.
//!
//! This module parses text it is given and never touches the file system: configuration
//! reads the files `[places] gazetteers` names and hands their text here.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

use std::borrow::Cow;

use super::builtin::PLACEHOLDERS;
use super::{
    fold_committee_suffix, Gazetteer, Level, Matcher, Name, NameRef, Origin, Place, PlaceId,
};

/// A newsroom gazetteer that cannot be used: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    pub(crate) path: PathBuf,
    /// One-based line, when known.
    pub(crate) line: Option<u32>,
    pub(crate) message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, "：{}", self.message)
    }
}

impl std::error::Error for GazetteerError {}

/// A newsroom gazetteer file as configuration read it: where it is (named in errors and in
/// each place's origin; its extension tells TOML from CSV) and its text.
#[derive(Clone, Copy, Debug)]
pub struct NewsroomFile<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    place: Vec<TomlPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlPlace {
    name: toml::Spanned<String>,
    /// A name, a path (`山西省大同市平城区`) or a code.
    parent: Option<String>,
    level: String,
    code: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    former: Vec<TomlFormer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFormer {
    name: String,
    until: toml::Value,
}

impl Gazetteer {
    /// The built-in gazetteer extended with newsroom files (TOML by the `.toml` extension,
    /// CSV otherwise), as a layer over it. `region` (`[bulletin] region`) settles parents
    /// given by a name that repeats across China.
    pub fn with_newsroom(
        files: &[NewsroomFile<'_>],
        region: Option<&str>,
    ) -> Result<Gazetteer, GazetteerError> {
        let builtin = Gazetteer::builtin();
        let mut builder = Builder {
            first: builtin.places().len() as PlaceId,
            added: Vec::new(),
            patched: Vec::new(),
            base: builtin,
            region: region.and_then(|r| builtin.resolve_region(r)),
        };
        for file in files {
            let is_toml = file
                .path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            if is_toml {
                builder.add_toml(file.path, file.text)?;
            } else {
                builder.add_csv(file.path, file.text)?;
            }
        }
        let Builder {
            first,
            added,
            patched,
            ..
        } = builder;
        let matcher = Matcher::layered(builtin.matcher(), first, &added, &patched);
        Ok(Gazetteer::layer(
            Some(builtin),
            added,
            patched,
            None,
            matcher,
        ))
    }
}

/// An unknown `level`, with the levels there are.
fn unknown_level(level: &str) -> String {
    format!("没有“{level}”这个级别（可用：province、prefecture、county、town、village、landmark）")
}

/// The `former = [{ name, until }]` of a TOML entry, with their dates.
fn former_names(former: &[TomlFormer]) -> Result<Vec<(Name, Date)>, String> {
    former
        .iter()
        .map(|f| {
            let text = match &f.until {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                other => other.to_string(),
            };
            let date: Date = text
                .parse()
                .map_err(|_| format!("“{}”的 until 应为日期，如 \"2021-01-01\"", f.name))?;
            Ok((Cow::Owned(f.name.clone()), date))
        })
        .collect()
}

/// A newsroom layer being read: the places added so far and the built-in places extended.
struct Builder {
    /// The id of `added[0]`.
    first: PlaceId,
    added: Vec<Place>,
    /// Sorted by id.
    patched: Vec<(PlaceId, Place)>,
    base: &'static Gazetteer,
    region: Option<PlaceId>,
}

impl Builder {
    fn place(&self, id: PlaceId) -> &Place {
        if id >= self.first {
            return &self.added[(id - self.first) as usize];
        }
        match self.patched.binary_search_by_key(&id, |p| p.0) {
            Ok(at) => &self.patched[at].1,
            Err(_) => self.base.place(id),
        }
    }

    /// Places named `name` (by their name, not an alias), built-in then added, in id order;
    /// placeholders only when `placeholders` is set.
    fn named(&self, name: &str, placeholders: bool) -> Vec<PlaceId> {
        let mut ids: Vec<PlaceId> = if placeholders && PLACEHOLDERS.contains(&name) {
            // The matcher leaves placeholders out: look through the built-in places.
            (0..self.first)
                .filter(|&id| *self.base.place(id).name == *name)
                .collect()
        } else {
            self.base
                .matcher()
                .refs(name)
                .iter()
                .filter_map(|r| match *r {
                    NameRef::Place(id) if *self.base.place(id).name == *name => Some(id),
                    _ => None,
                })
                .collect()
        };
        ids.extend(
            self.added
                .iter()
                .enumerate()
                .filter(|(_, p)| *p.name == *name && (placeholders || !p.placeholder))
                .map(|(i, _)| self.first + i as PlaceId),
        );
        ids
    }

    fn add_csv(&mut self, path: &Path, source: &str) -> Result<(), GazetteerError> {
        // The codes of this file's rows: with the built-in codes, what a row's parent code
        // may name.
        let mut file_codes: HashMap<u64, PlaceId> = HashMap::new();
        let base = self.base;
        let by_code = |codes: &HashMap<u64, PlaceId>, code: u64| {
            base.by_code(code).or_else(|| codes.get(&code).copied())
        };
        for (index, row) in source.lines().enumerate() {
            let line = index as u32 + 1;
            let error = |message: String| GazetteerError {
                path: path.to_path_buf(),
                line: Some(line),
                message,
            };
            let row = row.trim_end_matches('\r').trim_start_matches('\u{feff}');
            if row.trim().is_empty() || (index == 0 && row.starts_with("code,")) {
                continue;
            }
            if row.contains('"') {
                return Err(error("不支持带引号的字段".into()));
            }
            let fields: Vec<&str> = row.split(',').map(str::trim).collect();
            let [code, name, parent_code, level] = fields[..] else {
                return Err(error(format!(
                    "每行应有 4 个字段 code,name,parent_code,level，这一行有 {} 个",
                    fields.len()
                )));
            };
            let code: u64 = code
                .parse()
                .map_err(|_| error(format!("代码“{code}”不是数字")))?;
            let level = Level::parse(level).ok_or_else(|| error(unknown_level(level)))?;
            if by_code(&file_codes, code).is_some() {
                // Rows the built-in data already has (the towns of the 大同 list).
                continue;
            }
            let parent_code: u64 = parent_code
                .parse()
                .map_err(|_| error(format!("上级代码“{parent_code}”不是数字")))?;
            let parent = by_code(&file_codes, parent_code)
                .ok_or_else(|| error(format!("上级代码 {parent_code} 不在地名库中")))?;
            let folded = fold_committee_suffix(name);
            let id = self.first + self.added.len() as PlaceId;
            self.added.push(Place {
                name: Cow::Owned(folded.clone().unwrap_or_else(|| name.to_owned())),
                official: folded.is_some().then(|| Cow::Owned(name.to_owned())),
                code: Some(code),
                level,
                parent: Some(parent),
                aliases: Vec::new(),
                former: Vec::new(),
                statistical: name.contains("类似") || name.contains("开发区"),
                placeholder: false,
                origin: Origin::Newsroom {
                    file: path.display().to_string(),
                    line,
                },
            });
            file_codes.insert(code, id);
        }
        Ok(())
    }

    fn add_toml(&mut self, path: &Path, source: &str) -> Result<(), GazetteerError> {
        let line_of = |offset: usize| {
            source.as_bytes()[..offset.min(source.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32
                + 1
        };
        let file: TomlFile = toml::from_str(source).map_err(|err| GazetteerError {
            path: path.to_path_buf(),
            line: err.span().map(|s| line_of(s.start)),
            message: err.message().trim().to_owned(),
        })?;
        for entry in file.place {
            let line = line_of(entry.name.span().start);
            let error = |message: String| GazetteerError {
                path: path.to_path_buf(),
                line: Some(line),
                message,
            };
            let name = entry.name.into_inner();
            let level =
                Level::parse(&entry.level).ok_or_else(|| error(unknown_level(&entry.level)))?;
            let parent = match &entry.parent {
                Some(parent) => Some(self.resolve_parent(parent).map_err(error)?),
                None => None,
            };
            let former = former_names(&entry.former).map_err(error)?;
            let code = match &entry.code {
                Some(code) => Some(
                    code.parse::<u64>()
                        .map_err(|_| error(format!("代码“{code}”不是数字")))?,
                ),
                None => None,
            };
            let aliases: Vec<Name> = entry
                .aliases
                .iter()
                .map(|a| Cow::Owned(a.clone()))
                .collect();
            // A place the gazetteer has already gets the aliases and former names.
            let existing = self.named(&name, true).into_iter().find(|&id| {
                let p = self.place(id);
                p.parent == parent && p.level == level
            });
            if let Some(id) = existing {
                let place = self.place_mut(id);
                place.aliases.extend(aliases);
                place.former.extend(former);
                continue;
            }
            self.added.push(Place {
                name: Cow::Owned(name.clone()),
                official: None,
                code,
                level,
                parent,
                aliases,
                former,
                statistical: false,
                placeholder: false,
                origin: Origin::Newsroom {
                    file: path.display().to_string(),
                    line,
                },
            });
        }
        Ok(())
    }

    /// A parent given by code, by name, or by a path of names.
    fn resolve_parent(&self, parent: &str) -> Result<PlaceId, String> {
        if let Ok(code) = parent.parse::<u64>() {
            return self
                .base
                .by_code(code)
                .or_else(|| {
                    self.added
                        .iter()
                        .position(|p| p.code == Some(code))
                        .map(|i| self.first + i as PlaceId)
                })
                .ok_or_else(|| format!("上级代码 {parent} 不在地名库中"));
        }
        let mut ids = self.named(parent, false);
        if ids.len() > 1 {
            if let Some(region) = self.region {
                ids.retain(|&id| self.within(id, region) || self.within(region, id));
            }
        }
        match ids[..] {
            [one] => Ok(one),
            [] => self
                .base
                .resolve_region(parent)
                .filter(|&id| {
                    // A path resolves only when it ends in the parent's own name.
                    parent.ends_with(&*self.place(id).name)
                })
                .ok_or_else(|| format!("上级“{parent}”不在地名库中")),
            _ => Err(format!(
                "上级“{parent}”有 {} 处同名；请写路径（如 山西省大同市平城区）或代码",
                ids.len()
            )),
        }
    }

    /// The place to extend: an added one, or a built-in one copied into `patched` first.
    fn place_mut(&mut self, id: PlaceId) -> &mut Place {
        if id >= self.first {
            return &mut self.added[(id - self.first) as usize];
        }
        let at = match self.patched.binary_search_by_key(&id, |p| p.0) {
            Ok(at) => at,
            Err(at) => {
                self.patched.insert(at, (id, self.base.place(id).clone()));
                at
            }
        };
        &mut self.patched[at].1
    }

    fn within(&self, id: PlaceId, ancestor: PlaceId) -> bool {
        let mut current = Some(id);
        while let Some(c) = current {
            if c == ancestor {
                return true;
            }
            current = self.place(c).parent;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file<'a>(path: &'a str, text: &'a str) -> NewsroomFile<'a> {
        NewsroomFile {
            path: Path::new(path),
            text,
        }
    }

    #[test]
    fn loads_toml_and_csv() {
        let toml = file(
            "places.toml",
            "[[place]]\nname = \"新开街道\"\nparent = \"平城区\"\nlevel = \"town\"\naliases = [\"新开\"]\nformer = [{ name = \"新开乡\", until = \"2021-01-01\" }]\n",
        );
        let csv = file(
            "villages.csv",
            "code,name,parent_code,level\n140213066,水泊寺街道,140213,town\n140213066001,永安社区居民委员会,140213066,village\n",
        );
        let g = Gazetteer::with_newsroom(&[toml, csv], None).unwrap();
        let ids = g.lookup("新开");
        assert_eq!(ids.len(), 1);
        assert_eq!(g.path(ids[0]), "山西省/大同市/平城区/新开街道");
        assert!(g.lookup("新开街道").contains(&ids[0]));
        let yongan = g.lookup("永安社区");
        assert_eq!(
            g.path(yongan[0]),
            "山西省/大同市/平城区/水泊寺街道/永安社区"
        );
        assert_eq!(g.lookup("永安社区居民委员会"), yongan);
        assert_eq!(
            g.place(yongan[0]).code_str().as_deref(),
            Some("140213066001")
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let csv = file(
            "v.csv",
            "code,name,parent_code,level\n1,甲村,999999,village\n",
        );
        let err = Gazetteer::with_newsroom(&[csv], None).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(
            err.to_string()
                .contains("v.csv:2：上级代码 999999 不在地名库中"),
            "{err}"
        );
        let toml = file(
            "p.toml",
            "[[place]]\nname = \"甲村\"\nparent = \"城关镇\"\nlevel = \"village\"\n",
        );
        let err = Gazetteer::with_newsroom(&[toml], None).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("处同名"), "{err}");
    }

    #[test]
    fn ships_the_datong_example() {
        let csv = file(
            "datong-towns-villages.csv",
            include_str!("../../examples/gazetteer/datong-towns-villages.csv"),
        );
        let g = Gazetteer::with_newsroom(&[csv], None).unwrap();
        let shaling = g.lookup("沙岭村");
        assert_eq!(shaling.len(), 3);
        assert!(shaling
            .iter()
            .any(|&id| g.path(id) == "山西省/大同市/平城区/水泊寺街道/沙岭村"));
        let village = g.lookup("水泊寺村");
        assert_eq!(
            g.path(village[0]),
            "山西省/大同市/平城区/文瀛湖街道/水泊寺村"
        );
    }

    #[test]
    fn ships_the_toml_example() {
        let toml = file(
            "places.toml",
            include_str!("../../examples/gazetteer/places.toml"),
        );
        let g = Gazetteer::with_newsroom(&[toml], None).unwrap();
        let school = g.lookup("大同一中");
        assert_eq!(g.path(school[0]), "山西省/大同市/平城区/大同市第一中学");
        // An entry the built-in data has already gets the aliases and former names.
        let street = g.lookup("水泊寺");
        assert_eq!(g.place(street[0]).code, Some(140213066));
        assert_eq!(g.place(street[0]).former.len(), 1);
    }
}
