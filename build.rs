//! Compiles the built-in gazetteer from `data/` into a compact table in `OUT_DIR`.
//!
//! The output, `gazetteer_builtin.rs`, holds the constants that
//! `src/gazetteer/builtin.rs` includes and reads on first use:
//!
//! - `DIVISIONS`: one division a line, `level,code,parent,name`, sorted by code, where
//!   `level` is one letter (p province, f prefecture, c county, t town), `parent` is the
//!   line number of the parent (empty for provinces) and a town's `code` is only the three
//!   digits after its parent's code.
//! - `HISTORY`: one change a line, `date,old_code,old_name,area,kind,document,ceased,successors`
//!   where `area` is the line of the current prefecture (county-level changes) or county
//!   (town-level changes) the old unit lay in, `ceased` is 1 when the old name went out of
//!   use, and `successors` is `name:line;…` (line empty when no current place has the name).
//!   The rows of one change (one per successor) are joined here, so that start-up does no
//!   joining; the source URLs are dropped.
//! - The name table of the matcher (`src/gazetteer/table.rs`): `NAMES`, `NAME_BITS`,
//!   `NAME_REFS` (a static array) and `NAME_SLOTS`, `NAME_ENTRIES`, `NAME_ENDINGS`,
//!   `NAME_PAIRS` (files next to the generated source, included as bytes), so that start-up
//!   hashes no names.
//! - `CODES`, each place's full code as a little-endian `u32`, for lookups by code without
//!   parsing, and `CHUNK_STARTS`, where each chunk of `CHUNK` lines of `DIVISIONS` starts:
//!   places are parsed a chunk at a time, when first asked for.
//!
//! Two more outputs have files of their own: `gazetteer_villages.rs`, the 620,573 villages
//! of `data/divisions-village.csv.gz` for `src/gazetteer/villages.rs` ([`write_villages`]),
//! and `confusable_shapes.rs`, the glyph tables of `data/char-similar/` for
//! `src/confusable.rs` ([`write_shapes`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/gazetteer/table.rs"]
#[allow(dead_code)]
mod table;

#[path = "src/gazetteer/village_table.rs"]
#[allow(dead_code)]
mod village_table;

#[path = "src/gazetteer/short_forms.rs"]
mod short_forms;

/// Names NBS uses as statistical placeholders: never matched in text (the same list as
/// `src/gazetteer/builtin.rs`).
const PLACEHOLDERS: [&str; 4] = [
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

/// Built-in places are parsed on first use in chunks of this many lines.
const CHUNK: usize = 256;

const SOURCES: [&str; 4] = [
    "data/divisions-county.csv",
    "data/divisions-town.csv",
    "data/renames.csv",
    "data/renames-supplement.csv",
];

fn main() {
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/table.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/short_forms.rs");
    // `JIAODUI_GAZETTEER=empty` builds without the data, to measure what it costs in binary
    // size and start-up time.
    println!("cargo:rerun-if-env-changed=JIAODUI_GAZETTEER");
    let empty = std::env::var("JIAODUI_GAZETTEER").is_ok_and(|v| v == "empty");
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|err| panic!("cannot read {path}: {err}"))
    };
    let county = read(SOURCES[0]);
    let town = read(SOURCES[1]);
    let renames = with_supplement(&read(SOURCES[2]), &read(SOURCES[3]));

    let mut divisions = String::with_capacity(1 << 20);
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut places: Vec<(u64, String, bool)> = Vec::new();
    for (line, row) in county
        .lines()
        .skip(1)
        .chain(town.lines().skip(1))
        .enumerate()
    {
        let fields: Vec<&str> = row.split(',').collect();
        assert_eq!(fields.len(), 4, "bad row {row:?}");
        let (code, name, parent_code, level) = (fields[0], fields[1], fields[2], fields[3]);
        let letter = match level {
            "province" => 'p',
            "prefecture" => 'f',
            "county" => 'c',
            "town" => 't',
            other => panic!("unknown level {other:?}"),
        };
        let parent = if parent_code.is_empty() {
            String::new()
        } else {
            index
                .get(parent_code)
                .unwrap_or_else(|| {
                    panic!("parent {parent_code} of {code} comes later or is missing")
                })
                .to_string()
        };
        let stored_code = if letter == 't' { &code[6..] } else { code };
        writeln!(divisions, "{letter},{stored_code},{parent},{name}").unwrap();
        index.insert(code.to_owned(), line);
        places.push((code.parse().unwrap(), name.to_owned(), letter == 't'));
    }

    // The runtime finds a code by binary search.
    assert!(
        places.windows(2).all(|w| w[0].0 < w[1].0),
        "divisions are not in strictly increasing code order"
    );
    let history = join_history(&renames, &places);
    let mut history = history;
    if empty {
        divisions.clear();
        history.clear();
    }
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let out_dir = Path::new(&out_dir);
    let names = name_table(&divisions, &history);
    // Each place's full code, and where each chunk of CHUNK lines starts.
    let mut codes: Vec<u8> = Vec::new();
    let mut chunk_starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for (line, row) in divisions.lines().enumerate() {
        if line % CHUNK == 0 {
            chunk_starts.push(offset);
        }
        offset += row.len() + 1;
        let code = u32::try_from(places[line].0).expect("codes fit in 32 bits");
        codes.extend_from_slice(&code.to_le_bytes());
    }
    let refs: Vec<String> = names
        .refs
        .iter()
        .map(|r| format!("{}({})", ["P", "F", "S"][(r & 3) as usize], r >> 2))
        .collect();
    let mut blobs = format!(
        "pub(super) const CHUNK: usize = {CHUNK};\n\
         pub(super) const CHUNK_STARTS: [usize; {}] = {chunk_starts:?};\n\
         pub(super) static NAME_REFS: [super::NameRef; {}] = {{\n\
         use super::NameRef::{{Former as F, Place as P, Short as S}};\n[{}]\n}};\n",
        chunk_starts.len(),
        refs.len(),
        refs.join(","),
    );
    write_blobs(
        out_dir,
        &mut blobs,
        [
            ("NAME_SLOTS", "name_slots.bin", names.slot_bytes()),
            ("NAME_ENTRIES", "name_entries.bin", names.entry_bytes()),
            ("NAME_ENDINGS", "name_endings.bin", names.ending_bytes()),
            ("NAME_PAIRS", "name_pairs.bin", names.pair_bytes()),
            ("CODES", "codes.bin", codes),
        ],
    );
    let out = format!(
        "// @generated by build.rs (runs on `cargo build`) from {}.\n\
         // Do not edit: change the CSV files in data/ and rebuild.\n\
         pub(super) const DIVISIONS: &str = {divisions:?};\n\
         pub(super) const HISTORY: &str = {history:?};\n\
         pub(super) const NAME_BITS: u32 = {};\n\
         pub(super) const NAMES: &str = {:?};\n\
         {blobs}",
        SOURCES.join(", "),
        names.bits,
        names.names,
    );
    std::fs::write(out_dir.join("gazetteer_builtin.rs"), out).unwrap();

    write_villages(out_dir, &places, empty);
    write_shapes(out_dir);
}

/// The glyph tables of `char-similar` that the confusable predicate reads.
const SHAPES: [&str; 3] = [
    "data/char-similar/char_struct.dict",
    "data/char-similar/char_stroke.dict",
    "data/char-similar/char_order.dict",
];

/// Writes `confusable_shapes.rs` and the files it includes, for `src/confusable.rs`:
///
/// - `SHAPE_CHARS`: every character with a structure, a decomposition and a stroke order,
///   ascending, as `u32`s;
/// - `SHAPE_INFO`: for each, 8 bytes: structure class, number of components, number of
///   strokes, a zero, and where its components start in `SHAPE_DATA` (`u32`);
/// - `SHAPE_DATA`: the components (`u32` each), then the strokes (one byte each, 1–5).
fn write_shapes(out_dir: &Path) {
    for source in SHAPES {
        println!("cargo:rerun-if-changed={source}");
    }
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|err| panic!("cannot read {path}: {err}"))
    };
    let structure = json_strings(&read(SHAPES[0]));
    let components = json_strings(&read(SHAPES[1]));
    let order = json_strings(&read(SHAPES[2]));
    let single = |map: &HashMap<String, Vec<String>>, key: &str| -> Option<String> {
        map.get(key).and_then(|v| v.first().cloned())
    };
    let mut chars: Vec<char> = components
        .keys()
        .filter_map(|k| {
            let mut it = k.chars();
            let ch = it.next()?;
            (it.next().is_none() && structure.contains_key(k) && order.contains_key(k))
                .then_some(ch)
        })
        .collect();
    chars.sort_unstable();
    let (mut table, mut info, mut data) = (Vec::new(), Vec::new(), Vec::new());
    for ch in chars {
        let key = ch.to_string();
        let class: u8 = single(&structure, &key)
            .unwrap()
            .parse()
            .expect("a structure class");
        let strokes: Vec<u8> = single(&order, &key)
            .unwrap()
            .bytes()
            .map(|b| b - b'0')
            .collect();
        assert!(
            strokes.iter().all(|s| (1..=5).contains(s)),
            "strokes of {ch}"
        );
        let parts: Vec<char> = components[&key]
            .iter()
            .filter_map(|c| c.chars().next())
            .collect();
        table.extend_from_slice(&u32::from(ch).to_le_bytes());
        info.extend_from_slice(&[
            class,
            u8::try_from(parts.len()).unwrap(),
            u8::try_from(strokes.len()).unwrap(),
            0,
        ]);
        info.extend_from_slice(&(data.len() as u32).to_le_bytes());
        for part in parts {
            data.extend_from_slice(&u32::from(part).to_le_bytes());
        }
        data.extend_from_slice(&strokes);
    }
    let mut out = format!(
        "// @generated by build.rs (runs on `cargo build`) from {}.\n",
        SHAPES.join(", ")
    );
    write_blobs(
        out_dir,
        &mut out,
        [
            ("SHAPE_CHARS", "shape_chars.bin", table),
            ("SHAPE_INFO", "shape_info.bin", info),
            ("SHAPE_DATA", "shape_data.bin", data),
        ],
    );
    std::fs::write(out_dir.join("confusable_shapes.rs"), out).unwrap();
}

/// Writes each blob to `out_dir` and a `static` that includes it to `out`.
fn write_blobs<const N: usize>(
    out_dir: &Path,
    out: &mut String,
    blobs: [(&str, &str, Vec<u8>); N],
) {
    for (constant, file, bytes) in blobs {
        let path = out_dir.join(file);
        std::fs::write(&path, bytes).unwrap();
        writeln!(
            out,
            "pub(super) static {constant}: &[u8] = include_bytes!({:?});",
            path.display().to_string()
        )
        .unwrap();
    }
}

/// The string values of a JSON object of strings, arrays of strings or numbers, by key: all
/// `char-similar`'s tables hold. Keys and values are plain characters and digits, so only
/// the escapes `\"` and `\\` need handling (and `\uXXXX`, which the tables do not use).
fn json_strings(text: &str) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    let mut key: Option<String> = None;
    let mut chars = text.chars().peekable();
    let mut depth = 0;
    while let Some(c) = chars.next() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ',' if depth == 1 => key = None,
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => s.push(chars.next().expect("an escaped character")),
                        c => s.push(c),
                    }
                }
                match &key {
                    None if depth == 1 && map.contains_key(&s) => key = Some(s),
                    None if depth == 1 => {
                        map.insert(s.clone(), Vec::new());
                        key = Some(s);
                    }
                    Some(k) => map.get_mut(k).unwrap().push(s),
                    None => {}
                }
            }
            c if c.is_ascii_digit() && depth == 1 => {
                // A number value (stroke counts): kept as text.
                let mut s = c.to_string();
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    s.push(d);
                    chars.next();
                }
                if let Some(k) = &key {
                    map.get_mut(k).unwrap().push(s);
                }
            }
            _ => {}
        }
    }
    map
}

/// The village list, gzipped as it ships.
const VILLAGES: &str = "data/divisions-village.csv.gz";

fn read_gzip(path: &str) -> String {
    use std::io::Read as _;
    println!("cargo:rerun-if-changed={path}");
    let file = std::fs::File::open(path).unwrap_or_else(|err| panic!("cannot read {path}: {err}"));
    let mut text = String::with_capacity(33 << 20);
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|err| panic!("cannot unpack {path}: {err}"));
    text
}

/// Writes the village table (`src/gazetteer/village_table.rs` describes its layout) as
/// `gazetteer_villages.rs` and the binary files it includes:
///
/// - `RECORDS`: one `u32` per village in code order ([`village_table::pack`]);
/// - `STARTS`: for each town (in the order of `DIVISIONS`, from line `FIRST_TOWN`) the
///   index of its first village, and the number of villages at the end;
/// - `CHARS`: every character of the names, ascending, as `u32`s: a name is stored as the
///   indexes of its characters here (`u16`), so names sort the same either way;
/// - `NAMES`, `BLOCKS`: the distinct news-form names, sorted, front-coded in blocks of
///   [`village_table::BLOCK`], and where each block starts;
/// - `POSTINGS`: the villages of each name, by name then code, as 24-bit indexes (quasi-units
///   left out);
/// - `EXCEPTIONS`: the official names no tail kind rebuilds, by village.
fn write_villages(out_dir: &Path, places: &[(u64, String, bool)], empty: bool) {
    let first_town = places.iter().position(|p| p.2).unwrap_or(places.len());
    let (towns, csv): (Vec<u64>, String) = if empty {
        (Vec::new(), String::new())
    } else {
        let towns = places[first_town..].iter().map(|p| p.0).collect();
        (towns, read_gzip(VILLAGES))
    };
    let rows = village_rows(&csv);
    let mut names: Vec<&str> = rows.iter().map(|r| r.news.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert!((names.len() as u32) < village_table::MAX_NAMES);
    let name_index: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, &n)| (n, i as u32))
        .collect();
    let (records, starts, postings, exceptions) = village_records(&rows, &towns, &name_index);
    let (chars, names_data, blocks) = front_coded(&names);
    let mut out = format!(
        "// @generated by build.rs (runs on `cargo build`) from {VILLAGES}.\n\
         // Do not edit: change the file in data/ and rebuild.\n\
         pub(super) const FIRST_TOWN: u32 = {first_town};\n\
         pub(super) const NAME_COUNT: usize = {};\n\
         pub(super) static EXCEPTIONS: &[(u32, &str)] = &[\n{exceptions}];\n",
        names.len()
    );
    write_blobs(
        out_dir,
        &mut out,
        [
            ("RECORDS", "village_records.bin", records),
            ("STARTS", "village_starts.bin", starts),
            ("CHARS", "village_chars.bin", chars),
            ("NAMES", "village_names.bin", names_data),
            ("BLOCKS", "village_blocks.bin", blocks),
            ("POSTINGS", "village_postings.bin", postings),
        ],
    );
    std::fs::write(out_dir.join("gazetteer_villages.rs"), out).unwrap();
}

/// One row of the village list: its code, the name papers print, the tail kind that
/// rebuilds the NBS name (`None`: kept whole) and the NBS name.
struct VillageRow {
    code: u64,
    news: String,
    tail: Option<u8>,
    official: String,
}

fn village_rows(csv: &str) -> Vec<VillageRow> {
    let mut rows: Vec<VillageRow> = Vec::with_capacity(620_000);
    for row in csv.lines().skip(1) {
        let fields: Vec<&str> = row.split(',').collect();
        assert_eq!(fields.len(), 4, "bad village row {row:?}");
        let code: u64 = fields[0].parse().expect("a village code");
        let official = fields[1];
        let news = village_table::news_form(official).unwrap_or_else(|| official.to_owned());
        // The runtime decodes a name into 64 characters (`MAX_NAME` in `villages.rs`).
        assert!(news.chars().count() <= 64, "{row}");
        let tail = village_table::tail_kind(&news, official);
        assert_eq!(fields[2].parse::<u64>().ok(), Some(code / 1000), "{row}");
        rows.push(VillageRow {
            code,
            news,
            tail,
            official: official.to_owned(),
        });
    }
    assert!(
        rows.windows(2).all(|w| w[0].code < w[1].code),
        "villages out of code order"
    );
    rows
}

/// `RECORDS`, `STARTS`, `POSTINGS` and the lines of `EXCEPTIONS`.
fn village_records(
    rows: &[VillageRow],
    towns: &[u64],
    name_index: &HashMap<&str, u32>,
) -> (Vec<u8>, Vec<u8>, Vec<u8>, String) {
    let mut records: Vec<u8> = Vec::with_capacity(rows.len() * 4);
    let mut starts: Vec<u8> = Vec::with_capacity((towns.len() + 1) * 4);
    let mut exceptions = String::new();
    let mut town = 0usize;
    let mut postings: Vec<(u32, u32)> = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let (code, news, tail, official) = (row.code, &row.news, row.tail, &row.official);
        while town < towns.len() && towns[town] <= code / 1000 {
            starts.extend_from_slice(&(i as u32).to_le_bytes());
            town += 1;
        }
        assert_eq!(towns[town - 1], code / 1000, "village {code} has no town");
        let name = name_index[news.as_str()];
        if tail.is_none() {
            writeln!(exceptions, "({i}, {official:?}),").unwrap();
        }
        let record = village_table::pack(name, tail.unwrap_or(0), (code % 1000) as u16);
        records.extend_from_slice(&record.to_le_bytes());
        if !village_table::is_quasi_unit(news) {
            postings.push((name, i as u32));
        }
    }
    while town <= towns.len() {
        starts.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        town += 1;
    }
    postings.sort_unstable();
    let postings: Vec<u8> = postings
        .iter()
        .flat_map(|&(_, village)| village.to_le_bytes()[..3].to_vec())
        .collect();
    (records, starts, postings, exceptions)
}

/// `CHARS`, `NAMES` and `BLOCKS` for the sorted distinct `names`.
fn front_coded(names: &[&str]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut chars: Vec<char> = names.iter().flat_map(|n| n.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    assert!(chars.len() < 1 << 16, "too many characters for u16 indexes");
    let char_index: HashMap<char, u16> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, i as u16))
        .collect();
    let mut blocks: Vec<u8> = Vec::new();
    let mut data: Vec<u8> = Vec::with_capacity(2 << 20);
    let mut previous: Vec<u16> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let codes: Vec<u16> = name.chars().map(|c| char_index[&c]).collect();
        let shared = if i % village_table::BLOCK == 0 {
            blocks.extend_from_slice(&(data.len() as u32).to_le_bytes());
            0
        } else {
            previous
                .iter()
                .zip(&codes)
                .take_while(|(a, b)| a == b)
                .count()
        };
        village_table::write_header(&mut data, shared, codes.len() - shared);
        for code in &codes[shared..] {
            data.extend_from_slice(&code.to_le_bytes());
        }
        previous = codes;
    }
    let chars: Vec<u8> = chars
        .iter()
        .flat_map(|&c| u32::from(c).to_le_bytes())
        .collect();
    (chars, data, blocks)
}

/// The built-in name table, with refs written out as `P(id)` for the place on line `id` of
/// `DIVISIONS` (coded `id << 2` here), `F(id)` for the change on line `id` of `HISTORY`
/// (`id << 2 | 1`; only changes after which the name ceased) and `S(id)` for a short form
/// of the place on line `id` (`id << 2 | 2`: `安徽`, `淮安`, `麻阳县`). The order of adding is
/// the one the runtime relies on: places by line, then changes by line, then short forms.
fn name_table(divisions: &str, history: &str) -> table::Layout<u32> {
    let mut builder = table::TableBuilder::default();
    for (id, line) in divisions.lines().enumerate() {
        let name = line.rsplit_once(',').map_or("", |(_, name)| name);
        if !PLACEHOLDERS.contains(&name) {
            builder.add(name, (id as u32) << 2);
        }
    }
    for (id, line) in history.lines().enumerate() {
        let fields: Vec<&str> = line.splitn(8, ',').collect();
        assert_eq!(fields.len(), 8, "bad history line {line:?}");
        // The runtime parses every line: a date it could not read would shift the ids.
        assert!(valid_date(fields[0]), "bad date in {line:?}");
        if fields[6] == "1" {
            builder.add(fields[2], (id as u32) << 2 | 1);
        }
    }
    for (id, line) in divisions.lines().enumerate() {
        let level = match line.as_bytes().first() {
            Some(b'p') => "province",
            Some(b'f') => "prefecture",
            Some(b'c') => "county",
            _ => continue,
        };
        let name = line.rsplit_once(',').map_or("", |(_, name)| name);
        if PLACEHOLDERS.contains(&name) || (level == "county" && statistical_county(line)) {
            continue;
        }
        for short in short_forms::short_forms(name, level) {
            builder.add(&short, (id as u32) << 2 | 2);
        }
    }
    builder.add_endings();
    builder.finish()
}

/// Whether a county line of `DIVISIONS` is an NBS statistical unit (code digits 5–6 in
/// 71–79): no division, so no short form.
fn statistical_county(line: &str) -> bool {
    let code = line.split(',').nth(1).unwrap_or("");
    matches!(
        code.get(4..6).and_then(|d| d.parse::<u32>().ok()),
        Some(71..=79)
    )
}

/// `YYYY` or a real `YYYY-MM-DD`.
fn valid_date(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if text.len() == 4 {
        return digits(text);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    if !(y.len() == 4 && m.len() == 2 && d.len() == 2 && digits(y) && digits(m) && digits(d)) {
        return false;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap());
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

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

/// The change rows with the hand-written ones that the history lacks (a prefecture renamed
/// under its old code, `420600 襄樊市` → `襄阳市`), each after the last row of its date or
/// earlier: a change is read after those before it.
fn with_supplement(renames: &str, supplement: &str) -> String {
    let mut rows: Vec<&str> = renames.lines().collect();
    for extra in supplement.lines().skip(1) {
        let date = |row: &str| row.split(',').next().unwrap_or("").to_owned();
        let at = rows
            .iter()
            .rposition(|row| date(row) <= date(extra))
            .map_or(rows.len(), |i| i + 1);
        rows.insert(at.max(1), extra);
    }
    rows.join("\n")
}

/// Joins the change rows to the current places. Town codes in `renames.csv` are 民政部
/// codes, not NBS ones, so towns are joined by (county, name); county-level units by code,
/// else by (prefecture, name).
fn join_history(renames: &str, places: &[(u64, String, bool)]) -> String {
    let mut by_code: HashMap<u64, usize> = HashMap::new();
    // Keyed by area, by whether the unit is a prefecture or above (a code ending in 00), and
    // by name: a county-level city named like its prefecture (`320882 淮安市`) is not the
    // prefecture (`320800 淮安市`).
    let mut by_area_name: HashMap<(u64, bool, &str), usize> = HashMap::new();
    for (line, (code, name, town)) in places.iter().enumerate() {
        if *town {
            by_area_name.insert((code / 1000, false, name), line);
        } else {
            by_code.insert(*code, line);
            by_area_name.insert((code / 100, code % 100 == 0, name), line);
        }
    }
    let area_of = |code: u64| {
        if code >= 1_000_000 {
            code / 1000
        } else {
            code / 100
        }
    };
    fn area_key(code: u64, name: &str) -> (u64, bool, &str) {
        let area = if code >= 1_000_000 {
            code / 1000
        } else {
            code / 100
        };
        (area, code < 1_000_000 && code % 100 == 0, name)
    }
    let current = |code: u64, name: &str| -> Option<usize> {
        if code < 1_000_000 {
            if let Some(&line) = by_code.get(&code) {
                if places[line].1 == name {
                    return Some(line);
                }
            }
        }
        by_area_name.get(&area_key(code, name)).copied()
    };
    struct Change<'a> {
        date: &'a str,
        old_code: u64,
        old_name: &'a str,
        kind: &'a str,
        document: &'a str,
        /// Name, current place, code of its day.
        successors: Vec<(&'a str, Option<usize>, u64)>,
    }
    let mut changes: Vec<Change<'_>> = Vec::new();
    for row in renames.lines().skip(1) {
        let fields: Vec<&str> = row.splitn(7, ',').collect();
        assert_eq!(fields.len(), 7, "bad row {row:?}");
        let [date, old_code, old_name, new_code, new_name, kind, source] = fields[..] else {
            unreachable!()
        };
        let document = source.rfind(' ').map_or("", |i| &source[..i]);
        assert!(!document.contains(','), "a comma in {document:?}");
        let old_code: u64 = old_code.parse().unwrap_or(0);
        let new_code: u64 = new_code.parse().unwrap_or(0);
        let successor = (!new_name.is_empty()).then(|| {
            let line = if new_code != 0 {
                current(new_code, new_name)
            } else {
                // A successor named only in words: look in the old unit's county.
                by_area_name.get(&area_key(old_code, new_name)).copied()
            };
            (new_name, line, new_code)
        });
        // One row per (old, new) pair: the rows of one change are consecutive.
        if let Some(last) = changes.last_mut() {
            if last.old_code == old_code
                && last.old_name == old_name
                && last.date == date
                && last.kind == kind
            {
                last.successors.extend(successor);
                continue;
            }
        }
        changes.push(Change {
            date,
            old_code,
            old_name,
            kind,
            document,
            successors: successor.into_iter().collect(),
        });
    }
    // A successor that no current place bears under the code of its day went on to later
    // changes (`灌县` → `519003 都江堰市` → `510181 都江堰市`): its current place is the one
    // the next changes of that unit lead to, followed to the end.
    for i in 0..changes.len() {
        for k in 0..changes[i].successors.len() {
            let (name, line, code) = changes[i].successors[k];
            if line.is_some() || code == 0 {
                continue;
            }
            let mut followed: Vec<usize> = Vec::new();
            let mut frontier = vec![(name, code, i)];
            while let Some((name, code, after)) = frontier.pop() {
                if followed.len() > 8 {
                    break;
                }
                let Some(next) = changes[after + 1..]
                    .iter()
                    .position(|c| c.old_code == code && c.old_name == name)
                    .map(|j| after + 1 + j)
                else {
                    continue;
                };
                for &(name, line, code) in &changes[next].successors {
                    match line {
                        Some(line) => followed.push(line),
                        None if code != 0 => frontier.push((name, code, next)),
                        None => {}
                    }
                }
            }
            followed.sort_unstable();
            followed.dedup();
            if let [only] = followed[..] {
                changes[i].successors[k].1 = Some(only);
            }
        }
    }
    let mut out = String::with_capacity(1 << 20);
    for c in &changes {
        let area_code = area_of(c.old_code);
        // A prefecture that is gone (`371200 莱芜市`, merged into 济南 in 2018) leaves its
        // changes, and those of its counties, in its province.
        let area = if c.old_code >= 1_000_000 {
            by_code.get(&area_code)
        } else {
            by_code
                .get(&(area_code * 100))
                .or_else(|| by_code.get(&(c.old_code / 10_000 * 10_000)))
        };
        let renamed_away = c.successors.iter().all(|(name, ..)| *name != c.old_name);
        // Still borne in the area, at this level or the other (`320882 淮安市`, a county-level
        // city that became a district, shares its name with the prefecture around it).
        let (old_area, upper, name) = area_key(c.old_code, c.old_name);
        let still_there = current(c.old_code, c.old_name).is_some()
            || (c.old_code < 1_000_000 && by_area_name.contains_key(&(old_area, !upper, name)));
        let ceased = !c.old_name.is_empty()
            && !CONTINUING_KINDS.contains(&c.kind)
            && renamed_away
            && !still_there;
        let successors: Vec<String> = c
            .successors
            .iter()
            .map(|(name, line, _)| {
                format!("{name}:{}", line.map(|l| l.to_string()).unwrap_or_default())
            })
            .collect();
        writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            c.date,
            c.old_code,
            c.old_name,
            area.map(|a| a.to_string()).unwrap_or_default(),
            c.kind,
            c.document,
            u8::from(ceased),
            successors.join(";")
        )
        .unwrap();
    }
    out
}
