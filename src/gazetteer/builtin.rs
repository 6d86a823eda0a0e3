//! The built-in gazetteer: NBS 2023 divisions down to town level and the change history,
//! compiled from `data/` by `build.rs` into compact tables. The name table of the matcher
//! is laid out by `build.rs` and used as it is; places are parsed a chunk at a time and the
//! history as a whole, each when first asked for, so a check that touches a few places
//! parses a few chunks.

use std::borrow::Cow;

use std::sync::OnceLock;

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
    // Nothing is parsed here: places, their children and the history are read from the
    // tables when first asked for, and the name table is laid out by `build.rs`.
    let table = NameTable::from_static(
        data::NAME_BITS,
        data::NAME_SLOTS,
        data::NAME_ENTRIES,
        data::NAMES,
        &data::NAME_REFS,
    );
    let matcher = Matcher::builtin(table, data::NAME_ENDINGS, data::NAME_PAIRS);
    let tables = Tables {
        chunks: (0..data::CHUNK_STARTS.len())
            .map(|_| OnceLock::new())
            .collect(),
        changes: OnceLock::new(),
    };
    Gazetteer::layer(None, Vec::new(), Vec::new(), Some(tables), matcher)
}

/// The built-in places and history, parsed on first use: places a chunk at a time.
pub(super) struct Tables {
    chunks: Box<[OnceLock<Box<[Place]>>]>,
    changes: OnceLock<Vec<Change>>,
}

impl Tables {
    pub(super) fn len(&self) -> usize {
        data::CODES.len() / 4
    }

    pub(super) fn place(&self, id: PlaceId) -> &Place {
        let id = id as usize;
        let chunk = self.chunks[id / data::CHUNK].get_or_init(|| parse_chunk(id / data::CHUNK));
        &chunk[id % data::CHUNK]
    }

    pub(super) fn changes(&self) -> &[Change] {
        self.changes.get_or_init(|| parse_history(data::HISTORY))
    }

    fn code(&self, id: usize) -> u64 {
        u64::from(u32::from_le_bytes(
            data::CODES[id * 4..id * 4 + 4].try_into().expect("4 bytes"),
        ))
    }

    /// The place with NBS code `code`: places are in strictly increasing code order
    /// (`build.rs` checks).
    pub(super) fn by_code(&self, code: u64) -> Option<PlaceId> {
        let low = self.lower_bound(code);
        (low < self.len() && self.code(low) == code).then_some(low as PlaceId)
    }

    /// The places whose codes lie in `low..high`.
    pub(super) fn ids_with_codes(&self, low: u64, high: u64) -> std::ops::Range<PlaceId> {
        let first = self.lower_bound(low);
        first as PlaceId..self.lower_bound(high).max(first) as PlaceId
    }

    /// The first place whose code is not below `code`.
    fn lower_bound(&self, code: u64) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.code(mid) < code {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// Each place's parent, from the table, without making the places.
    pub(super) fn parents(&self) -> impl Iterator<Item = Option<PlaceId>> + Clone {
        lines(data::DIVISIONS).map(|line| {
            fields::<4>(line)
                .and_then(|[_, _, parent, _]| number(parent))
                .and_then(|p| PlaceId::try_from(p).ok())
        })
    }
}

/// The lines of a generated table (ASCII separators, so slicing at them is safe).
fn lines(table: &'static str) -> impl Iterator<Item = &'static str> + Clone {
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

/// The places of chunk `k`: lines `k * CHUNK` on.
fn parse_chunk(k: usize) -> Box<[Place]> {
    let first = k * data::CHUNK;
    let mut places: Vec<Place> = Vec::with_capacity(data::CHUNK);
    for (i, line) in lines(&data::DIVISIONS[data::CHUNK_STARTS[k]..])
        .take(data::CHUNK)
        .enumerate()
    {
        let [letter, _, parent, name] = fields::<4>(line).expect("build.rs writes 4 fields");
        let level = match letter {
            "p" => Level::Province,
            "f" => Level::Prefecture,
            "c" => Level::County,
            _ => Level::Town,
        };
        let parent: Option<PlaceId> = number(parent).and_then(|p| PlaceId::try_from(p).ok());
        let code = u64::from(u32::from_le_bytes(
            data::CODES[(first + i) * 4..(first + i) * 4 + 4]
                .try_into()
                .expect("4 bytes"),
        ));
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
    places.into_boxed_slice()
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
        let tables = load();
        let t = tables.builtin.as_ref().unwrap();
        let chunks: usize = (0..data::CHUNK_STARTS.len())
            .map(|k| parse_chunk(k).len())
            .sum();
        assert_eq!(chunks, lines(data::DIVISIONS).count());
        assert_eq!(chunks, t.len());
        assert_eq!(t.parents().count(), t.len());
        assert_eq!(t.changes().len(), lines(data::HISTORY).count());
        // The code of a town is its county's code and three digits.
        let town = t.by_code(140213066).unwrap();
        assert_eq!(t.place(town).code, Some(140213066));
        let county = t.place(town).parent.unwrap();
        assert_eq!(t.place(county).code, Some(140213));
        assert_eq!(t.by_code(999_999), None);
        assert_eq!(t.by_code(u64::MAX), None);
    }
}
