//! Counties by their stem, the name papers print after a province (`山西平遥`), and former
//! names by theirs (`湖北襄樊`): indexes built on first use, of the built-in layer only.

use std::sync::OnceLock;

use super::{short_forms, strip_suffix, ChangeId, Gazetteer, Level, PlaceId};

impl Gazetteer {
    /// The built-in counties (县级) whose stem is `stem`, the name papers print after their
    /// province (`山西平遥`): `平遥` for 平遥县, `麻阳` for 麻阳苗族自治县; stems of two
    /// characters or more, statistical units left out.
    pub fn counties_by_stem(&self, stem: &str) -> impl Iterator<Item = PlaceId> + 'static {
        static STEMS: OnceLock<Vec<(Box<str>, PlaceId)>> = OnceLock::new();
        let stems = STEMS.get_or_init(|| {
            let g = Gazetteer::builtin();
            let mut stems: Vec<(Box<str>, PlaceId)> = Vec::with_capacity(3_000);
            // County-level places come before the towns, in code order.
            for (id, place) in g.places().iter().enumerate() {
                if place.level == Level::Town {
                    break;
                }
                if place.level != Level::County || place.statistical || place.placeholder {
                    continue;
                }
                let short = short_forms::short_forms(&place.name, "county");
                let name = short.first().map_or(&*place.name, String::as_str);
                if let Some(stem) = strip_suffix(name).filter(|s| s.chars().count() >= 2) {
                    stems.push((stem.into(), id as PlaceId));
                }
            }
            stems.sort_unstable();
            stems
        });
        by_stem(stems, stem)
    }

    /// The changes at county level and above after which a name went out of use whose stem
    /// is `stem` and is no current county's or known name's: `襄樊` (襄樊市, 襄阳市 since
    /// 2010), `中甸` (中甸县, 香格里拉市 since 2001). Not `莱芜` (莱芜区 bears it on), nor
    /// the stems of former 地区 (`张家口地区` is also "the 张家口 area").
    pub fn former_by_stem(&self, stem: &str) -> impl Iterator<Item = ChangeId> + 'static {
        static STEMS: OnceLock<Vec<(Box<str>, ChangeId)>> = OnceLock::new();
        let stems = STEMS.get_or_init(|| {
            let g = Gazetteer::builtin();
            let mut stems: Vec<(Box<str>, ChangeId)> = Vec::new();
            for (id, change) in g.changes().iter().enumerate() {
                // Town-level changes carry 9-digit codes.
                if !change.name_ceased || change.old_code >= 1_000_000 {
                    continue;
                }
                let name = &*change.old_name;
                if name.ends_with("地区") {
                    continue;
                }
                let short = short_forms::short_forms(name, "county");
                let name = short.first().map_or(name, String::as_str);
                let Some(stem) = strip_suffix(name).filter(|s| s.chars().count() >= 2) else {
                    continue;
                };
                if g.counties_by_stem(stem).next().is_none() && g.matcher().refs(stem).is_empty() {
                    stems.push((stem.into(), id as ChangeId));
                }
            }
            stems.sort_unstable();
            stems.dedup();
            stems
        });
        by_stem(stems, stem)
    }
}

/// The ids filed under `stem` in a list sorted by stem.
fn by_stem<T: Copy>(stems: &'static [(Box<str>, T)], stem: &str) -> impl Iterator<Item = T> {
    let first = stems.partition_point(|(s, _)| &**s < stem);
    let count = (stems[first..].iter())
        .take_while(|(s, _)| &**s == stem)
        .count();
    stems[first..first + count].iter().map(|&(_, id)| id)
}
