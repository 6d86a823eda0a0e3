//! The name table behind [`super::Matcher`]: every known name with what it refers to, in an
//! open-addressing hash table laid out in four flat arrays, so that the built-in table can
//! be computed by `build.rs` and used straight from the binary, without hashing 36,000 names
//! at start-up.
//!
//! This file is compiled twice: into the crate, and into `build.rs` (by `#[path]`), which
//! builds the built-in table with [`TableBuilder`] and writes its arrays with
//! [`Layout::write`]. It uses nothing but `std`, and the hash must stay the same on both
//! sides.

use std::collections::HashMap;

/// The longest name a table holds, in characters.
pub const MAX_CHARS: usize = 40;

/// Bytes per slot: the tag (high half of the hash, low 32 bits) and the entry number plus one
/// (0 marks an empty slot).
pub const SLOT_BYTES: usize = 8;
/// Bytes per entry: name start, name length, refs start, refs count, as `u32`s.
pub const ENTRY_BYTES: usize = 16;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hash of a name: multiply-rotate (FxHash) over its characters from the last to the
/// first, then a final mix so that the low bits, which make the tag, depend on every
/// character. Taking the characters backwards lets the matcher, which reads a candidate
/// name from its last character to its first, extend the hash by one character a step
/// instead of hashing the whole candidate again ([`hash_step`], [`hash_finish`]).
#[inline]
pub fn hash_name(name: &str) -> u64 {
    hash_finish(name.chars().rev().fold(HASH_START, hash_step))
}

/// The state of [`hash_name`] before any character.
pub const HASH_START: u64 = 0;

/// The state of [`hash_name`] after one more character, taken from the end.
#[inline]
pub fn hash_step(hash: u64, ch: char) -> u64 {
    (hash.rotate_left(5) ^ u64::from(u32::from(ch))).wrapping_mul(SEED)
}

/// The hash from its state after the name's first character.
#[inline]
pub fn hash_finish(hash: u64) -> u64 {
    hash ^ (hash >> 31)
}

/// How many 64-bit words the bit set of [`pair_bit`] has (65,536 bits).
pub const PAIR_WORDS: usize = 1024;

/// The bit of a name's last two characters in the bit set of pairs: where a text has two
/// characters whose bit is clear, no name of two characters or more ends there, and the
/// matcher looks nothing up.
#[inline]
pub fn pair_bit(before: char, last: char) -> usize {
    let key = u64::from(u32::from(before)) << 32 | u64::from(u32::from(last));
    (key.wrapping_mul(SEED) >> 48) as usize
}

/// The slot a hash starts probing at, in a table of `1 << bits` slots.
#[inline]
pub fn home_slot(hash: u64, bits: u32) -> usize {
    (hash.wrapping_mul(SEED) >> (64 - bits)) as usize
}

/// The tag kept in a slot to skip most non-matching entries without reading them.
#[inline]
pub fn tag(hash: u64) -> u32 {
    hash as u32
}

/// Collects names and what each refers to, in the order they are added.
pub struct TableBuilder<R> {
    index: HashMap<String, usize>,
    names: Vec<String>,
    refs: Vec<Vec<R>>,
}

impl<R: Copy + PartialEq> Default for TableBuilder<R> {
    fn default() -> Self {
        TableBuilder {
            index: HashMap::new(),
            names: Vec::new(),
            refs: Vec::new(),
        }
    }
}

impl<R: Copy + PartialEq> TableBuilder<R> {
    /// Adds `what` to the refs of `name`, unless it is there already. Empty names and names
    /// longer than [`MAX_CHARS`] are left out.
    pub fn add(&mut self, name: &str, what: R) {
        if name.is_empty() || name.chars().count() > MAX_CHARS {
            return;
        }
        match self.index.get(name) {
            Some(&i) => {
                if !self.refs[i].contains(&what) {
                    self.refs[i].push(what);
                }
            }
            None => {
                self.index.insert(name.to_owned(), self.names.len());
                self.names.push(name.to_owned());
                self.refs.push(vec![what]);
            }
        }
    }

    /// Adds every ending of two or more characters of every name as an entry of its own,
    /// with no refs unless it is a name itself: a search working backwards from a name's
    /// last character can then stop at the first ending no name has.
    pub fn add_endings(&mut self) {
        let mut endings: Vec<String> = Vec::new();
        for name in &self.names {
            let starts: Vec<usize> = name.char_indices().map(|(i, _)| i).collect();
            // The proper endings: from the second character on, at least two characters.
            for &start in starts.iter().skip(1).take(starts.len().saturating_sub(2)) {
                let ending = &name[start..];
                if !self.index.contains_key(ending) {
                    self.index.insert(ending.to_owned(), usize::MAX);
                    endings.push(ending.to_owned());
                }
            }
        }
        for ending in endings {
            self.index.insert(ending.clone(), self.names.len());
            self.names.push(ending);
            self.refs.push(Vec::new());
        }
    }

    /// The names added so far, each with its refs, in the order first added.
    pub fn entries_mut(&mut self) -> impl Iterator<Item = (&str, &mut Vec<R>)> {
        self.names
            .iter()
            .map(String::as_str)
            .zip(self.refs.iter_mut())
    }

    /// Lays the table out: a power-of-two number of slots, at most about half full.
    pub fn finish(self) -> Layout<R> {
        let count = self.names.len();
        let mut bits = 4;
        while (1usize << bits) < count * 2 {
            bits += 1;
        }
        let mut slots = vec![0u64; 1 << bits];
        let mut names = String::new();
        let mut entries = Vec::with_capacity(count);
        let mut refs = Vec::new();
        let mut endings: Vec<(char, u64)> = Vec::new();
        let mut pairs = vec![0u64; PAIR_WORDS];
        for (i, (name, what)) in self.names.iter().zip(&self.refs).enumerate() {
            let mut backwards = name.chars().rev();
            if let (Some(last), Some(before)) = (backwards.next(), backwards.next()) {
                let bit = pair_bit(before, last);
                pairs[bit / 64] |= 1 << (bit % 64);
            }
            entries.push([
                names.len() as u32,
                name.len() as u32,
                refs.len() as u32,
                what.len() as u32,
            ]);
            names.push_str(name);
            refs.extend_from_slice(what);
            let hash = hash_name(name);
            let mut slot = home_slot(hash, bits);
            while slots[slot] != 0 {
                slot = (slot + 1) & ((1 << bits) - 1);
            }
            slots[slot] = (u64::from(tag(hash)) << 32) | (i as u64 + 1);
            if what.is_empty() {
                // Only the ending of longer names.
                continue;
            }
            let last = name.chars().next_back().expect("names are not empty");
            let chars = name.chars().count();
            match endings.iter_mut().find(|(c, _)| *c == last) {
                Some((_, mask)) => *mask |= 1 << chars,
                None => endings.push((last, 1 << chars)),
            }
        }
        endings.sort_unstable();
        Layout {
            bits,
            slots,
            entries,
            names,
            refs,
            endings,
            pairs,
        }
    }
}

/// A finished table.
pub struct Layout<R> {
    /// `log2` of the number of slots.
    pub bits: u32,
    pub slots: Vec<u64>,
    pub entries: Vec<[u32; 4]>,
    /// Every name, one after the other.
    pub names: String,
    pub refs: Vec<R>,
    /// Each last character of a name, with bit `n` set when a name of `n` characters ends in
    /// it (endings added by [`TableBuilder::add_endings`] count only as parts of names).
    pub endings: Vec<(char, u64)>,
    /// The bit set of [`pair_bit`] of every name and ending of two characters or more,
    /// [`PAIR_WORDS`] words.
    pub pairs: Vec<u64>,
}

impl<R> Layout<R> {
    /// The slots as little-endian bytes.
    pub fn slot_bytes(&self) -> Vec<u8> {
        self.slots.iter().flat_map(|s| s.to_le_bytes()).collect()
    }

    /// The entries as little-endian bytes.
    pub fn entry_bytes(&self) -> Vec<u8> {
        self.entries
            .iter()
            .flatten()
            .flat_map(|v| v.to_le_bytes())
            .collect()
    }

    /// The pairs as little-endian bytes (for `build.rs`; the crate reads them with
    /// `Matcher::builtin`).
    #[allow(dead_code)]
    pub fn pair_bytes(&self) -> Vec<u8> {
        self.pairs.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// The endings as little-endian bytes: the character as `u32`, then the mask (for
    /// `build.rs`; the crate reads them with `Matcher::builtin`).
    #[allow(dead_code)]
    pub fn ending_bytes(&self) -> Vec<u8> {
        self.endings
            .iter()
            .flat_map(|&(c, mask)| {
                let mut bytes = (c as u32).to_le_bytes().to_vec();
                bytes.extend_from_slice(&mask.to_le_bytes());
                bytes
            })
            .collect()
    }
}
