//! Counties by their stem, the name papers print after a province (`山西平遥`): an index
//! built on first use, of the built-in county-level places only.

use std::sync::OnceLock;

use super::{short_forms, strip_suffix, Gazetteer, Level, PlaceId};

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
        let first = stems.partition_point(|(s, _)| &**s < stem);
        let count = stems[first..]
            .iter()
            .take_while(|(s, _)| &**s == stem)
            .count();
        stems[first..first + count].iter().map(|&(_, id)| id)
    }
}
