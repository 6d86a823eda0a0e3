//! The layout of the built-in village table, shared by `build.rs`, which writes it, and
//! [`super::villages`], which reads it in place: how NBS village names fold to the forms
//! papers print, how a village's record packs its name, code and official suffix into one
//! `u32`, and how the sorted names are front-coded.
//!
//! This file is compiled twice: into the crate, and into `build.rs` (by `#[path]`). It uses
//! nothing but `std`, and knows nothing of the gazetteer's other tables.

/// Names a block of the front-coded name list holds; the first name of each block is stored
/// whole, so a lookup decodes at most this many names after a binary search over blocks.
pub const BLOCK: usize = 16;

/// How a village's official (NBS) name is rebuilt from the name papers print: strip the
/// first string from the end of the news form, append the second. Index 0 means the two
/// are the same (or the official name is kept whole in the exceptions list). The seven
/// others cover 99.94 % of the 620,573 rows of 2023.
pub const TAILS: [(&str, &str); 8] = [
    ("", ""),
    ("村", "村委会"),
    ("村", "村民委员会"),
    ("村", "村村民委员会"),
    ("社区", "社区居委会"),
    ("社区", "社区居民委员会"),
    ("村", "村村委会"),
    ("居委会", "居民委员会"),
];

/// Bits of a record given to the code's last three digits (0–999).
const CODE_BITS: u32 = 10;
/// Bits of a record given to the tail kind ([`TAILS`]).
const TAIL_BITS: u32 = 3;
/// The number of distinct names a record can point at.
pub const MAX_NAMES: u32 = 1 << (32 - CODE_BITS - TAIL_BITS);

/// One village in a `u32`: the index of its news-form name in the sorted name list, the
/// kind of its official tail and the last three digits of its 12-digit code.
pub fn pack(name: u32, tail: u8, low_code: u16) -> u32 {
    assert!(name < MAX_NAMES && (tail as usize) < TAILS.len() && low_code < 1000);
    name << (CODE_BITS + TAIL_BITS) | u32::from(tail) << CODE_BITS | u32::from(low_code)
}

/// `(name, tail, low_code)` of a record written by [`pack`].
#[inline]
pub fn unpack(record: u32) -> (u32, u8, u16) {
    (
        record >> (CODE_BITS + TAIL_BITS),
        ((record >> CODE_BITS) & ((1 << TAIL_BITS) - 1)) as u8,
        (record & ((1 << CODE_BITS) - 1)) as u16,
    )
}

/// The header of one front-coded name: how many characters it shares with the name before
/// it in its block and how many follow. Both fit a nibble for nearly every name; otherwise
/// the byte 0xFF is followed by one byte each.
pub fn write_header(out: &mut Vec<u8>, shared: usize, rest: usize) {
    if shared < 15 && rest < 15 {
        out.push((shared << 4 | rest) as u8);
    } else {
        out.push(0xFF);
        out.push(u8::try_from(shared).expect("names are short"));
        out.push(u8::try_from(rest).expect("names are short"));
    }
}

/// `(shared, rest, header bytes)` of the header at the start of `bytes`.
#[inline]
pub fn read_header(bytes: &[u8]) -> (usize, usize, usize) {
    match bytes[0] {
        0xFF => (usize::from(bytes[1]), usize::from(bytes[2]), 3),
        h => (usize::from(h >> 4), usize::from(h & 0xF), 1),
    }
}

/// Statistical quasi-units (`…类似社区`, `…虚拟社区`): kept in the tree, but no draft writes
/// them as a place, so they are not looked up by name.
pub fn is_quasi_unit(name: &str) -> bool {
    name.ends_with("类似社区") || name.ends_with("虚拟社区")
}

/// The form papers print of an NBS village name: committee suffixes fold (`沙岭村村民委员会`,
/// `沙岭村村委会` → `沙岭村`; `福寓苑社区居民委员会`, `…社区居委会` → `福寓苑社区`;
/// `柴庄居民委员会` → `柴庄居委会`), trailing notes in parentheses go (`旭湾村委会（龙寺潭）`),
/// and so do the slips of the source (`沙洛社区居委会会`, `忽鸡沟村委`). Returns `None` when
/// the name is already in that form.
pub fn news_form(name: &str) -> Option<String> {
    let mut rest = name;
    // Ex) 东光村（天岗石材开发区）（省级）: notes in parentheses, one or more.
    while let Some(open) = trailing_note(rest) {
        rest = &rest[..open];
    }
    // Ex) 沙洛社区居委会会: a doubled last character of the committee's name.
    if rest.ends_with("委员会会") || rest.ends_with("委会会") {
        rest = &rest[..rest.len() - "会".len()];
    }
    let folded = fold_committee(rest);
    match folded {
        Some(folded) if folded != name => Some(folded),
        Some(_) => None,
        None if rest.len() != name.len() => Some(rest.to_owned()),
        None => None,
    }
}

/// Where a trailing note in parentheses (full-width, or opened half-width) starts, when
/// something comes before it.
fn trailing_note(name: &str) -> Option<usize> {
    let body = name.strip_suffix('）').or_else(|| name.strip_suffix(')'))?;
    let open = body.rfind(['（', '('])?;
    let inner = &body[open..];
    let inner = inner.trim_start_matches(['（', '(']);
    (open > 0 && !inner.contains(['（', '(', '）', ')'])).then_some(open)
}

/// Committee suffixes: `社区居民委员会` and its short and slipped forms → `社区`, `村民委员会`
/// and its forms → `村`, `居民委员会` → `居委会`.
fn fold_committee(name: &str) -> Option<String> {
    for suffix in ["社区居民委员会", "社区居委会"] {
        if let Some(pos) = name.find(suffix) {
            // Ex) 马脊梁社区居委会区: anything after the suffix is a slip of the source.
            return Some(format!("{}社区", &name[..pos]));
        }
    }
    for suffix in ["社区居民委员", "社区居委员", "社区居委"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            return Some(format!("{stem}社区"));
        }
    }
    // Longest first: `村村民委员会` before `村民委员会`, so that `新村村民委员会` is `新村`.
    for suffix in [
        "村村民委员会",
        "村村委会",
        "村民委员会",
        "村民委会",
        "村村民委员",
        "村委会",
        "村民委员",
        "村委员",
        "村委",
    ] {
        if let Some(stem) = name.strip_suffix(suffix) {
            if stem.is_empty() {
                return None;
            }
            return Some(format!("{stem}村"));
        }
    }
    for suffix in ["居民委员会", "居民委"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            if stem.is_empty() {
                return None;
            }
            return Some(format!("{stem}居委会"));
        }
    }
    None
}

/// The tail kind that rebuilds `official` from `news` ([`TAILS`]), or `None` when none does
/// (the official name is then kept whole).
pub fn tail_kind(news: &str, official: &str) -> Option<u8> {
    if news == official {
        return Some(0);
    }
    TAILS
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(k, (strip, add))| {
            let stem = news.strip_suffix(strip)?;
            (official.len() == stem.len() + add.len()
                && official.starts_with(stem)
                && official.ends_with(add))
            .then_some(k as u8)
        })
}
