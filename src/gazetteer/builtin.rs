//! The built-in gazetteer: NBS 2023 divisions down to town level and the change history,
//! compiled from `data/` by `build.rs` into a compact table and parsed on first use.

use std::borrow::Cow;

use jiff::civil::Date;

use super::{Change, ChangeDate, Gazetteer, Level, Matcher, Origin, Place, PlaceId};

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

pub(super) fn load() -> Gazetteer {
    // The history and the name matcher on one core, the places and their indexes on the
    // other: start-up is what a one-file check waits for.
    std::thread::scope(|scope| {
        let history = scope.spawn(|| {
            let changes = parse_history(data::HISTORY);
            let matcher = Matcher::builtin(
                data::DIVISIONS
                    .lines()
                    // The name is the last field and holds no comma.
                    .map(|line| line.rsplit_once(',').map_or("", |(_, name)| name))
                    .map(|name| (!PLACEHOLDERS.contains(&name)).then_some(name)),
                &changes,
            );
            (changes, matcher)
        });
        let places = parse_divisions(data::DIVISIONS);
        let (children, by_code) = Gazetteer::index(&places);
        let (changes, matcher) = history.join().expect("the history parses");
        Gazetteer {
            places,
            changes,
            children,
            matcher,
            by_code,
        }
    })
}

fn parse_divisions(table: &'static str) -> Vec<Place> {
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
            name: Cow::Borrowed(name),
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

fn parse_history(table: &'static str) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::with_capacity(10_500);
    for line in table.lines() {
        let mut fields = line.splitn(8, ',');
        let (
            Some(date),
            Some(old_code),
            Some(old_name),
            Some(area),
            Some(kind),
            Some(document),
            Some(ceased),
            Some(successors),
        ) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        )
        else {
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
        let successors = successors
            .split(';')
            .filter_map(|s| s.split_once(':'))
            .map(|(name, line)| (Cow::Borrowed(name), line.parse::<PlaceId>().ok()))
            .collect();
        changes.push(Change {
            date,
            old_code: old_code.parse().unwrap_or(0),
            old_name: Cow::Borrowed(old_name),
            area: area.parse().ok(),
            successors,
            kind: Cow::Borrowed(kind),
            document: Cow::Borrowed(document),
            name_ceased: ceased == "1",
        });
    }
    changes
}
