//! Finding known names in text: every name, official name, alias and former name of a
//! gazetteer, matched leftmost-longest.
//!
//! A byte automaton over the 36,000 distinct built-in names costs about 250 ms and 8 MB to
//! build (aho-corasick, measured), far over the 30 ms a small file may take end to end. Names
//! end in few characters, so the matcher works backwards from them instead: a table maps
//! each last character to the lengths of the names that end in it, and a hash table of the
//! names and of their endings confirms a candidate or ends the walk. The built-in hash table is computed by `build.rs`
//! ([`super::table`]) and read in place; a newsroom gazetteer adds a small table of its own
//! names over it, so loading one hashes only the newsroom's names.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::table::{
    self, hash_finish, hash_name, hash_step, home_slot, pair_bit, Layout, TableBuilder,
    ENTRY_BYTES, HASH_START, PAIR_WORDS, SLOT_BYTES,
};
use super::{ChangeId, Place, PlaceId};

/// What a name found in text may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRef {
    /// A place by its name or official name.
    Place(PlaceId),
    /// A place by one of its aliases.
    Alias(PlaceId),
    /// A built-in place by its everyday short form: a province without 省 or 自治区
    /// (`安徽`), a prefecture without 市 (`淮安`), an autonomous county by its place name
    /// and 县 (`麻阳县`) — see [`super::short_forms`].
    Short(PlaceId),
    /// The old name of a change after which the name went out of use.
    Former(ChangeId),
    /// A former name a newsroom gazetteer gives: the place and the index in its `former`.
    NewsroomFormer(PlaceId, u32),
}

impl NameRef {
    /// The place the name refers to, if it refers to a place.
    fn place(self) -> Option<PlaceId> {
        match self {
            NameRef::Place(id)
            | NameRef::Alias(id)
            | NameRef::Short(id)
            | NameRef::NewsroomFormer(id, _) => Some(id),
            NameRef::Former(_) => None,
        }
    }
}

/// A known name found in text.
#[derive(Clone, Copy, Debug)]
pub struct Match<'g> {
    /// Byte offsets into the searched text.
    pub start: usize,
    pub end: usize,
    pub refs: &'g [NameRef],
}

/// The longest name the matcher looks for, in characters.
#[cfg(test)]
const MAX_CHARS: usize = table::MAX_CHARS;

/// Names and their refs in the layout of [`super::table`]: borrowed from the binary for the
/// built-in table, owned for a newsroom's.
pub(super) struct NameTable {
    bits: u32,
    slots: Cow<'static, [u8]>,
    entries: Cow<'static, [u8]>,
    names: Cow<'static, str>,
    refs: Cow<'static, [NameRef]>,
}

#[inline]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

impl NameTable {
    /// The built-in table, from the arrays `build.rs` wrote.
    pub(super) fn from_static(
        bits: u32,
        slots: &'static [u8],
        entries: &'static [u8],
        names: &'static str,
        refs: &'static [NameRef],
    ) -> NameTable {
        NameTable {
            bits,
            slots: Cow::Borrowed(slots),
            entries: Cow::Borrowed(entries),
            names: Cow::Borrowed(names),
            refs: Cow::Borrowed(refs),
        }
    }

    fn from_layout(layout: &Layout<NameRef>) -> NameTable {
        NameTable {
            bits: layout.bits,
            slots: Cow::Owned(layout.slot_bytes()),
            entries: Cow::Owned(layout.entry_bytes()),
            names: Cow::Owned(layout.names.clone()),
            refs: Cow::Owned(layout.refs.clone()),
        }
    }

    /// The refs of `name`, whose [`hash_name`] is `hash`.
    #[inline(always)]
    fn get(&self, hash: u64, name: &[u8]) -> Option<&[NameRef]> {
        let mask = (1usize << self.bits) - 1;
        let tag = table::tag(hash);
        let slots: &[u8] = &self.slots;
        let mut slot = home_slot(hash, self.bits);
        loop {
            let at = slot * SLOT_BYTES;
            let word = u64::from_le_bytes(slots[at..at + 8].try_into().expect("8 bytes"));
            if word == 0 {
                return None;
            }
            if (word >> 32) as u32 == tag {
                let entry = (word as u32 - 1) as usize * ENTRY_BYTES;
                let entries: &[u8] = &self.entries;
                let len = u32_at(entries, entry + 4) as usize;
                if len == name.len() {
                    let start = u32_at(entries, entry) as usize;
                    let known = &self.names.as_bytes()[start..start + len];
                    if same_bytes(known, name) {
                        let refs = u32_at(entries, entry + 8) as usize;
                        let count = u32_at(entries, entry + 12) as usize;
                        return Some(&self.refs[refs..refs + count]);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Which characters end a name, and for each the lengths (in characters) of the names that
/// end in it. A bit set over the Basic Multilingual Plane answers "no" for most characters
/// of a text; for a set bit, the number of bits set before it (`rank` per 64-bit word, then
/// a population count) is the index of its lengths in `masks`, so no character is hashed.
#[derive(Clone)]
struct Endings {
    bmp: Box<[u64; BMP_WORDS]>,
    /// The number of bits set in `bmp` before each word.
    rank: Box<[u32; BMP_WORDS]>,
    /// The lengths of the characters of `bmp`, in character order.
    masks: Box<[u64]>,
    /// Characters outside the Basic Multilingual Plane.
    astral: HashMap<char, u64, BuildHasherDefault<FxHasher>>,
}

const BMP_WORDS: usize = 0x1_0000 / 64;

impl Endings {
    /// The endings of `pairs`, a character with a mask each; the masks of a character given
    /// more than once are joined.
    fn new(pairs: impl IntoIterator<Item = (char, u64)>) -> Endings {
        let mut bmp = Box::new([0u64; BMP_WORDS]);
        let mut astral: HashMap<char, u64, BuildHasherDefault<FxHasher>> = HashMap::default();
        let mut sorted: Vec<(char, u64)> = Vec::new();
        for (ch, mask) in pairs {
            let c = ch as usize;
            if c < 0x1_0000 {
                bmp[c / 64] |= 1 << (c % 64);
                sorted.push((ch, mask));
            } else {
                *astral.entry(ch).or_default() |= mask;
            }
        }
        sorted.sort_unstable_by_key(|&(ch, _)| ch);
        let mut masks: Vec<u64> = Vec::with_capacity(sorted.len());
        let mut last: Option<char> = None;
        for (ch, mask) in sorted {
            if last == Some(ch) {
                *masks.last_mut().expect("a mask for the last character") |= mask;
            } else {
                masks.push(mask);
                last = Some(ch);
            }
        }
        let mut rank = Box::new([0u32; BMP_WORDS]);
        let mut count = 0u32;
        for (r, word) in rank.iter_mut().zip(bmp.iter()) {
            *r = count;
            count += word.count_ones();
        }
        Endings {
            bmp,
            rank,
            masks: masks.into_boxed_slice(),
            astral,
        }
    }

    /// Every character with its mask.
    fn pairs(&self) -> impl Iterator<Item = (char, u64)> + '_ {
        let bmp = (0..BMP_WORDS as u32 * 64)
            .filter(|&c| self.bmp[c as usize / 64] & (1 << (c % 64)) != 0)
            .filter_map(char::from_u32)
            .zip(self.masks.iter().copied());
        bmp.chain(self.astral.iter().map(|(&ch, &mask)| (ch, mask)))
    }

    /// Whether some name may end in `ch`: `false` means none does, `true` to be confirmed
    /// by [`Endings::get`]. Asked of every character of a text.
    #[inline(always)]
    fn may_end(&self, ch: char) -> bool {
        let c = ch as usize;
        if c < 0x1_0000 {
            self.bmp[(c / 64) % BMP_WORDS] & (1 << (c % 64)) != 0
        } else {
            !self.astral.is_empty()
        }
    }

    #[inline]
    fn get(&self, ch: char) -> Option<u64> {
        let c = ch as usize;
        if c < 0x1_0000 {
            let w = (c / 64) % BMP_WORDS;
            let word = self.bmp[w];
            let bit = 1u64 << (c % 64);
            if word & bit == 0 {
                return None;
            }
            let index = self.rank[w] as usize + (word & (bit - 1)).count_ones() as usize;
            return Some(self.masks[index]);
        }
        self.astral.get(&ch).copied()
    }
}

pub struct Matcher {
    /// The built-in table a newsroom's lies over.
    base: Option<&'static NameTable>,
    /// The built-in table itself, or a newsroom's names with everything they refer to in
    /// both (a name in both is looked up here only).
    own: NameTable,
    endings: Endings,
    /// [`table::pair_bit`] of every name of both tables.
    pairs: Box<[u64; PAIR_WORDS]>,
}

impl Matcher {
    /// The built-in matcher: its table, `endings` and `pairs` as `build.rs` wrote them (a
    /// `u32` character, then a `u64` mask; `u64` words; all little-endian).
    pub(super) fn builtin(own: NameTable, endings: &[u8], pairs: &[u8]) -> Matcher {
        let endings = endings.chunks_exact(12).map(|record| {
            let ch = char::from_u32(u32_at(record, 0)).expect("a character");
            let mask = u64::from_le_bytes(record[4..12].try_into().expect("8 bytes"));
            (ch, mask)
        });
        let mut words = Box::new([0u64; PAIR_WORDS]);
        for (word, bytes) in words.iter_mut().zip(pairs.chunks_exact(8)) {
            *word = u64::from_le_bytes(bytes.try_into().expect("8 bytes"));
        }
        Matcher {
            base: None,
            own,
            endings: Endings::new(endings),
            pairs: words,
        }
    }

    /// The matcher of a newsroom layer over the built-in `base`: the places it adds (ids from
    /// `first`) and the built-in places it gives aliases or former names (`patched`, by id).
    /// Each name gets the refs, in the order, that one matcher over all places in id order
    /// would give it: places by id, then the built-in changes.
    pub(super) fn layered(
        base: &'static Matcher,
        first: PlaceId,
        places: &[Place],
        patched: &[(PlaceId, Place)],
    ) -> Matcher {
        let mut builder: TableBuilder<NameRef> = TableBuilder::default();
        for (id, place) in patched {
            if place.placeholder {
                continue;
            }
            for alias in &place.aliases {
                builder.add(alias, NameRef::Alias(*id));
            }
            for (i, (name, _)) in place.former.iter().enumerate() {
                builder.add(name, NameRef::NewsroomFormer(*id, i as u32));
            }
        }
        for (i, place) in places.iter().enumerate() {
            if place.placeholder {
                continue;
            }
            let id = first + i as PlaceId;
            builder.add(&place.name, NameRef::Place(id));
            if let Some(official) = &place.official {
                builder.add(official, NameRef::Place(id));
            }
            for alias in &place.aliases {
                builder.add(alias, NameRef::Alias(id));
            }
            for (i, (name, _)) in place.former.iter().enumerate() {
                builder.add(name, NameRef::NewsroomFormer(id, i as u32));
            }
        }
        builder.add_endings();
        for (name, refs) in builder.entries_mut() {
            let inherited = base.refs(name);
            if inherited.is_empty() {
                continue;
            }
            *refs = merge_refs(inherited, refs);
        }
        let layout = builder.finish();
        let endings = Endings::new(base.endings.pairs().chain(layout.endings.iter().copied()));
        let mut pairs = base.pairs.clone();
        for (word, own) in pairs.iter_mut().zip(&layout.pairs) {
            *word |= own;
        }
        Matcher {
            base: Some(&base.own),
            own: NameTable::from_layout(&layout),
            endings,
            pairs,
        }
    }

    #[inline]
    fn get(&self, name: &str) -> Option<&[NameRef]> {
        self.get_hashed(hash_name(name), name.as_bytes())
    }

    /// The refs of `name`, whose [`hash_name`] is `hash`.
    #[inline(always)]
    fn get_hashed(&self, hash: u64, name: &[u8]) -> Option<&[NameRef]> {
        if let Some(refs) = self.own.get(hash, name) {
            return Some(refs);
        }
        match self.base {
            Some(base) => base.get(hash, name),
            None => None,
        }
    }

    /// What `name` refers to; empty when it is not a known name.
    pub fn refs(&self, name: &str) -> &[NameRef] {
        self.get(name).unwrap_or(&[])
    }

    /// Whether some name of two characters or more may end in `before` then `last`: `false`
    /// when none does.
    #[inline(always)]
    fn ends_pair(&self, before: char, last: char) -> bool {
        let bit = pair_bit(before, last);
        self.pairs[(bit / 64) % PAIR_WORDS] & (1 << (bit % 64)) != 0
    }

    /// Every known name in `text`, leftmost-longest and not overlapping, in order.
    pub fn find_all<'g>(&'g self, text: &str) -> Vec<Match<'g>> {
        let mut found = Vec::new();
        self.find_all_into(text, &mut found);
        found
    }

    /// [`Matcher::find_all`], appending to `out`: a caller that searches many texts keeps
    /// one vector for all of them.
    pub fn find_all_into<'g>(&'g self, text: &str, out: &mut Vec<Match<'g>>) {
        self.find_all_visiting(text, out, |_, _| {});
    }

    /// [`Matcher::find_all_into`], showing `visit` each character of `text` and its byte
    /// offset, in order: a caller looking for characters of its own reads the text once.
    pub fn find_all_visiting<'g>(
        &'g self,
        text: &str,
        out: &mut Vec<Match<'g>>,
        mut visit: impl FnMut(usize, char),
    ) {
        let first = out.len();
        let mut before: Option<char> = None;
        for (offset, ch) in text.char_indices() {
            visit(offset, ch);
            if self.endings.may_end(ch) {
                // Unless some name ends in the last two characters, only a name of one
                // character may end here.
                let longer = before.is_some_and(|b| self.ends_pair(b, ch));
                if longer || self.endings.get(ch).is_some_and(|mask| mask & 0b10 != 0) {
                    self.walk_back(text, offset, ch, longer, out);
                }
            }
            before = Some(ch);
        }
        // Leftmost, then longest; no two candidates have the same start and end.
        out[first..].sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept = first;
        for i in first..out.len() {
            let m = out[i];
            if kept == first || m.start >= out[kept - 1].end {
                out[kept] = m;
                kept += 1;
            }
        }
        out.truncate(kept);
    }

    /// The names ending in `ch`, at `offset` in `text`, read backwards from it one character
    /// at a time while what is read is the ending of some name (the table holds every ending
    /// of two or more characters). The hash grows by one character a step. With `longer`
    /// false, only a name of one character is looked up.
    #[inline(never)]
    fn walk_back<'g>(
        &'g self,
        text: &str,
        offset: usize,
        ch: char,
        longer: bool,
        out: &mut Vec<Match<'g>>,
    ) {
        let Some(mask) = self.endings.get(ch) else {
            return;
        };
        let bytes = text.as_bytes();
        let end = offset + ch.len_utf8();
        let longest = if longer {
            63 - mask.leading_zeros() as usize
        } else {
            1
        };
        let mut state = hash_step(HASH_START, ch);
        let mut start = offset;
        for n in 1..=longest {
            if n > 1 {
                if start == 0 {
                    break;
                }
                // The character before: back over continuation bytes to its first byte.
                start -= 1;
                while bytes[start] & 0xC0 == 0x80 {
                    start -= 1;
                }
                let (before, _) = decode_at(bytes, start);
                let before = char::from_u32(before).expect("a str holds characters");
                state = hash_step(state, before);
            } else if mask & 0b10 == 0 {
                continue;
            }
            match self.get_hashed(hash_finish(state), &bytes[start..end]) {
                Some([]) => {}
                Some(refs) => out.push(Match { start, end, refs }),
                None if n == 1 => {}
                None => break,
            }
        }
    }
}

/// A newsroom name's refs (`own`) merged with what the built-in table gives the same name
/// (`inherited`): places of both in place order, then the built-in changes, each once.
fn merge_refs(inherited: &[NameRef], own: &[NameRef]) -> Vec<NameRef> {
    let mut merged = Vec::with_capacity(inherited.len() + own.len());
    let base_places: Vec<NameRef> = (inherited.iter().copied())
        .filter(|r| r.place().is_some())
        .collect();
    let (mut b, mut o) = (0, 0);
    while b < base_places.len() || o < own.len() {
        let take_base = match (base_places.get(b), own.get(o)) {
            (Some(x), Some(y)) => x.place() <= y.place(),
            (Some(_), None) => true,
            _ => false,
        };
        let next = if take_base {
            b += 1;
            base_places[b - 1]
        } else {
            o += 1;
            own[o - 1]
        };
        if !merged.contains(&next) {
            merged.push(next);
        }
    }
    for r in inherited.iter().filter(|r| r.place().is_none()) {
        if !merged.contains(r) {
            merged.push(*r);
        }
    }
    merged
}

/// The character whose UTF-8 encoding starts at `at` in `bytes`, which are valid UTF-8, and
/// its length, decoded with no checks but bounds.
#[inline(always)]
fn decode_at(bytes: &[u8], at: usize) -> (u32, usize) {
    let first = u32::from(bytes[at]);
    if first < 0x80 {
        return (first, 1);
    }
    let next = |i: usize| u32::from(bytes[at + i] & 0x3F);
    if first < 0xE0 {
        ((first & 0x1F) << 6 | next(1), 2)
    } else if first < 0xF0 {
        ((first & 0x0F) << 12 | next(1) << 6 | next(2), 3)
    } else {
        (
            (first & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3),
            4,
        )
    }
}

/// Whether two byte strings of the same length are equal, without a call for the short
/// ones names are.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len().min(b.len());
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8"));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4"));
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        17..=24 => {
            word(a, 0) == word(b, 0) && word(a, 8) == word(b, 8) && word(a, n - 8) == word(b, n - 8)
        }
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => a == b,
    }
}

/// The multiply-rotate hash of rustc (FxHash): fast on the short keys names are.
#[derive(Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::Matcher;
    use crate::gazetteer::{Gazetteer, NewsroomFile};

    /// Every candidate substring looked up, then leftmost-longest: what `find_all` must give.
    fn brute_force(m: &Matcher, text: &str) -> Vec<(usize, usize)> {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut found = Vec::new();
        for (j, &end) in bounds.iter().enumerate().skip(1) {
            for &start in &bounds[j.saturating_sub(super::MAX_CHARS)..j] {
                if !m.refs(&text[start..end]).is_empty() {
                    found.push((start, end));
                }
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for f in found {
            if taken.last().is_none_or(|t| f.0 >= t.1) {
                taken.push(f);
            }
        }
        taken
    }

    #[test]
    fn walking_back_finds_what_every_lookup_finds() {
        let csv = NewsroomFile {
            path: std::path::Path::new("datong-towns-villages.csv"),
            text: include_str!("../../examples/gazetteer/datong-towns-villages.csv"),
        };
        let toml = NewsroomFile {
            path: std::path::Path::new("places.toml"),
            text: include_str!("../../examples/gazetteer/places.toml"),
        };
        let newsroom = Gazetteer::with_newsroom(&[csv, toml], None).unwrap();
        let texts = [
            include_str!("../../examples/2023-03-15-社区版.txt"),
            include_str!("../../examples/2023-03-15-要闻.md"),
            "山西省大同市平城区水泊寺街道沙岭村，云州区峰峪乡沙岭村和大同县城关镇；文瀛湖公园、大同一中、水泊寺乡",
        ];
        for g in [Gazetteer::builtin(), &newsroom] {
            for text in texts {
                let walked: Vec<(usize, usize)> = g
                    .matcher()
                    .find_all(text)
                    .iter()
                    .map(|m| (m.start, m.end))
                    .collect();
                assert_eq!(walked, brute_force(g.matcher(), text));
                assert!(!walked.is_empty());
            }
        }
    }

    #[test]
    fn finds_leftmost_longest() {
        let g = Gazetteer::builtin();
        let text = "山西省大同市平城区水泊寺街道，和城关镇";
        let found: Vec<&str> = g
            .matcher()
            .find_all(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(
            found,
            ["山西省", "大同市", "平城区", "水泊寺街道", "城关镇"]
        );
    }
}
