//! The built-in gazetteer: NBS 2023 divisions down to town level and the change history,
//! compiled from `data/` by `build.rs` into a compact table and parsed on first use; the
//! name table of the matcher is laid out by `build.rs` and used as it is.

use std::borrow::Cow;

use jiff::civil::Date;

use super::matcher::NameTable;
use super::{Change, ChangeDate, Gazetteer, Level, Matcher, NameRef, Origin, Place, PlaceId};

mod data {
    include!(concat!(env!("OUT_DIR"), "/gazetteer_builtin.rs"));
}

/// Names NBS uses as statistical placeholders: not places (`build.rs` has the same list).
pub(super) const PLACEHOLDERS: [&str; 4] = [
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

pub(super) fn load() -> Gazetteer {
    // The history on one core, the places on the other: start-up is what a one-file check
    // waits for. The name table needs no work: `build.rs` laid it out.
    let (places, changes) = std::thread::scope(|scope| {
        let history = scope.spawn(|| parse_history(data::HISTORY));
        let places = parse_divisions(data::DIVISIONS);
        (places, history.join().expect("the history parses"))
    });
    let refs = data::NAME_REFS
        .chunks_exact(4)
        .map(|bytes| {
            let code = u32::from_le_bytes(bytes.try_into().expect("4 bytes"));
            if code & 1 == 0 {
                NameRef::Place(code >> 1)
            } else {
                NameRef::Former(code >> 1)
            }
        })
        .collect();
    let table = NameTable::from_static(
        data::NAME_BITS,
        data::NAME_SLOTS,
        data::NAME_ENTRIES,
        data::NAMES,
        refs,
    );
    let matcher = Matcher::builtin(table, data::NAME_ENDINGS);
    Gazetteer::layer(None, places, Vec::new(), changes, matcher)
}

/// The lines of a generated table (ASCII separators, so slicing at them is safe).
fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= table.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &table.as_bytes()[at..]).map_or(table.len(), |i| at + i);
        let line = &table[at..end];
        at = end + 1;
        Some(line)
    })
}

/// The fields of a line: up to `n`, the last one holding the rest of the line.
fn fields<const N: usize>(line: &'static str) -> Option<[&'static str; N]> {
    let mut out = [""; N];
    let mut rest = line;
    for field in out.iter_mut().take(N - 1) {
        let comma = rest.bytes().position(|b| b == b',')?;
        *field = &rest[..comma];
        rest = &rest[comma + 1..];
    }
    out[N - 1] = rest;
    Some(out)
}

/// A decimal number; `None` when empty or not all digits (as `str::parse` would say).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 19 {
        return text.parse().ok();
    }
    text.bytes().try_fold(0u64, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

fn parse_divisions(table: &'static str) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::with_capacity(45_000);
    for line in lines(table) {
        let Some([letter, code, parent, name]) = fields::<4>(line) else {
            continue;
        };
        let level = match letter {
            "p" => Level::Province,
            "f" => Level::Prefecture,
            "c" => Level::County,
            _ => Level::Town,
        };
        let parent: Option<PlaceId> = number(parent).and_then(|p| PlaceId::try_from(p).ok());
        let tail: u64 = number(code).unwrap_or(0);
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

/// `YYYY-MM-DD`, as `build.rs` checked it.
fn day(text: &str) -> Option<Date> {
    let [y, m, d] = [&text.get(0..4)?, &text.get(5..7)?, &text.get(8..10)?].map(|f| number(f));
    Date::new(y? as i16, m? as i8, d? as i8).ok()
}

fn parse_history(table: &'static str) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::with_capacity(10_500);
    for line in lines(table) {
        let Some([date, old_code, old_name, area, kind, document, ceased, successors]) =
            fields::<8>(line)
        else {
            continue;
        };
        let date = if date.len() == 4 {
            ChangeDate::Year(number(date).unwrap_or(0) as i16)
        } else {
            match day(date) {
                Some(day) => ChangeDate::Day(day),
                None => continue,
            }
        };
        let successors = successors
            .split(';')
            .filter_map(|s| s.split_once(':'))
            .map(|(name, line)| {
                (
                    Cow::Borrowed(name),
                    number(line).and_then(|p| PlaceId::try_from(p).ok()),
                )
            })
            .collect();
        changes.push(Change {
            date,
            old_code: number(old_code).unwrap_or(0),
            old_name: Cow::Borrowed(old_name),
            area: number(area).and_then(|p| PlaceId::try_from(p).ok()),
            successors,
            kind: Cow::Borrowed(kind),
            document: Cow::Borrowed(document),
            name_ceased: ceased == "1",
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_days_read_as_std_would() {
        for text in [
            "",
            "0",
            "140213",
            "012",
            "1a",
            "18446744073709551615",
            "99999999999999999999",
        ] {
            assert_eq!(number(text), text.parse::<u64>().ok(), "{text:?}");
        }
        assert_eq!(day("2018-02-09"), "2018-02-09".parse::<Date>().ok());
        assert_eq!(day("2018-02-30"), None);
    }

    #[test]
    fn every_line_parses() {
        assert_eq!(
            parse_divisions(data::DIVISIONS).len(),
            lines(data::DIVISIONS).count()
        );
        assert_eq!(
            parse_history(data::HISTORY).len(),
            lines(data::HISTORY).count()
        );
    }
}
