//! The built-in gazetteer: NBS 2023 divisions down to town level and the change history,
//! compiled from `data/` by `build.rs` into a compact table and parsed on first use.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{Change, ChangeDate, Gazetteer, Level, Origin, Place, PlaceId};

mod data {
    include!(concat!(env!("OUT_DIR"), "/gazetteer_builtin.rs"));
}

/// Names NBS uses as statistical placeholders: not places.
const PLACEHOLDERS: [&str; 4] = [
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

/// Kinds of change after which the old unit goes on under its name (only its code or
/// parent changed, or it lost part of its area).
const CONTINUING_KINDS: [&str; 8] = [
    "代码变更",
    "划归",
    "区划代码变更",
    "区划代码调整",
    "隶属关系变更",
    "整建制划归",
    "归属调整",
    "区划变更",
];

pub(super) fn load() -> Gazetteer {
    let places = parse_divisions(data::DIVISIONS);
    let changes = parse_history(data::HISTORY, &places);
    Gazetteer::new(places, changes)
}

fn parse_divisions(table: &str) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::with_capacity(45_000);
    for line in table.lines() {
        let mut fields = line.splitn(4, ',');
        let (Some(letter), Some(code), Some(parent), Some(name)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let level = match letter {
            "p" => Level::Province,
            "f" => Level::Prefecture,
            "c" => Level::County,
            _ => Level::Town,
        };
        let parent: Option<PlaceId> = parent.parse().ok();
        let tail: u64 = code.parse().unwrap_or(0);
        let code = match (level, parent) {
            (Level::Town, Some(p)) => places[p as usize].code.unwrap_or(0) * 1000 + tail,
            _ => tail,
        };
        let statistical = match level {
            Level::County => (71..=79).contains(&(code % 100)),
            Level::Town => (400..=599).contains(&(code % 1000)),
            _ => false,
        };
        places.push(Place {
            name: name.into(),
            official: None,
            code: Some(code),
            level,
            parent,
            aliases: Vec::new(),
            former: Vec::new(),
            statistical,
            placeholder: PLACEHOLDERS.contains(&name),
            origin: Origin::Builtin,
        });
    }
    places
}

fn parse_history(table: &str, places: &[Place]) -> Vec<Change> {
    // Current places by code, and by (area code, name) where the area is the prefecture of a
    // county-level place or the county of a town: the join the history needs, since its
    // town codes are 民政部 codes, not NBS ones.
    let mut by_code: HashMap<u64, PlaceId> = HashMap::with_capacity(4_000);
    let mut by_area_name: HashMap<(u64, &str), PlaceId> = HashMap::with_capacity(45_000);
    for (id, place) in places.iter().enumerate() {
        let code = place.code.unwrap_or(0);
        match place.level {
            Level::Town => {
                by_area_name.insert((code / 1000, &place.name), id as PlaceId);
            }
            _ => {
                by_code.insert(code, id as PlaceId);
                by_area_name.insert((code / 100, &place.name), id as PlaceId);
            }
        }
    }
    let area_of = |code: u64| -> u64 {
        if code >= 1_000_000 {
            code / 1000
        } else {
            code / 100
        }
    };
    let current = |code: u64, name: &str| -> Option<PlaceId> {
        if code < 1_000_000 {
            if let Some(&id) = by_code.get(&code) {
                if *places[id as usize].name == *name {
                    return Some(id);
                }
            }
        }
        by_area_name.get(&(area_of(code), name)).copied()
    };

    let mut changes: Vec<Change> = Vec::with_capacity(11_000);
    for line in table.lines() {
        let fields: Vec<&str> = line.splitn(7, ',').collect();
        let [date, old_code, old_name, new_code, new_name, kind, document] = fields[..] else {
            continue;
        };
        let date = if date.len() == 4 {
            ChangeDate::Year(date.parse().unwrap_or(0))
        } else {
            match date.parse::<Date>() {
                Ok(day) => ChangeDate::Day(day),
                Err(_) => continue,
            }
        };
        let old_code: u64 = old_code.parse().unwrap_or(0);
        let new_code: u64 = new_code.parse().unwrap_or(0);
        // One row per (old, new) pair: rows of one change are consecutive.
        let same_change = changes.last().is_some_and(|c| {
            c.old_code == old_code && *c.old_name == *old_name && c.date == date && *c.kind == *kind
        });
        let successor = (!new_name.is_empty()).then(|| {
            let id = if new_code != 0 {
                current(new_code, new_name)
            } else {
                // The successor named only in words: look in the old unit's county.
                by_area_name.get(&(area_of(old_code), new_name)).copied()
            };
            (Box::<str>::from(new_name), id)
        });
        if same_change {
            let change = changes.last_mut().expect("checked above");
            change.successors.extend(successor);
            continue;
        }
        let area_code = area_of(old_code);
        let area = if old_code >= 1_000_000 {
            by_code.get(&area_code).copied()
        } else {
            by_code.get(&(area_code * 100)).copied()
        };
        changes.push(Change {
            date,
            old_code,
            old_name: old_name.into(),
            area,
            successors: successor.into_iter().collect(),
            kind: kind.into(),
            document: document.into(),
            name_ceased: false,
        });
    }
    for change in &mut changes {
        let renamed_away = change
            .successors
            .iter()
            .all(|(name, _)| *name != change.old_name);
        let still_there = current(change.old_code, &change.old_name).is_some()
            || by_area_name.contains_key(&(area_of(change.old_code), &*change.old_name));
        change.name_ceased = !change.old_name.is_empty()
            && !CONTINUING_KINDS.contains(&&*change.kind)
            && renamed_away
            && !still_there;
    }
    changes
}
