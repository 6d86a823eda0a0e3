//! Finding known names in text: every name, official name, alias and former name of a
//! gazetteer, matched leftmost-longest.
//!
//! A byte automaton over the 36,000 distinct built-in names costs about 250 ms and 8 MB to
//! build (aho-corasick, measured), far over the 30 ms a small file may take end to end. Names
//! end in few characters, so the matcher works backwards from them instead: a table maps
//! each last character to the lengths of the names that end in it, and a hash of the names
//! confirms a candidate. Building it costs a few milliseconds; scanning touches only the
//! characters names can end in.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{Change, ChangeId, Name, Place, PlaceId};

/// What one name refers to: most names mean one thing, and that costs no allocation.
#[derive(Clone, Debug)]
enum Refs {
    One([NameRef; 1]),
    Many(Vec<NameRef>),
}

impl Refs {
    fn as_slice(&self) -> &[NameRef] {
        match self {
            Refs::One(one) => one,
            Refs::Many(many) => many,
        }
    }

    fn push(&mut self, what: NameRef) {
        if self.as_slice().contains(&what) {
            return;
        }
        match self {
            Refs::One([first]) => *self = Refs::Many(vec![*first, what]),
            Refs::Many(many) => many.push(what),
        }
    }
}

/// What a name found in text may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRef {
    /// A place by its name or official name.
    Place(PlaceId),
    /// A place by one of its aliases.
    Alias(PlaceId),
    /// The old name of a change after which the name went out of use.
    Former(ChangeId),
    /// A former name a newsroom gazetteer gives: the place and the index in its `former`.
    NewsroomFormer(PlaceId, u32),
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
const MAX_CHARS: usize = 40;

pub struct Matcher {
    names: HashMap<Name, Refs, BuildHasherDefault<FxHasher>>,
    /// Last character → bit `n` set when a name of `n` characters ends in it.
    endings: HashMap<char, u64, BuildHasherDefault<FxHasher>>,
}

impl Matcher {
    pub(super) fn new(places: &[Place], changes: &[Change]) -> Matcher {
        let mut matcher = Matcher {
            names: HashMap::with_capacity_and_hasher(places.len(), Default::default()),
            endings: HashMap::default(),
        };
        for (id, place) in places.iter().enumerate() {
            if place.placeholder {
                continue;
            }
            let id = id as PlaceId;
            matcher.add(&place.name, NameRef::Place(id));
            if let Some(official) = &place.official {
                matcher.add(official, NameRef::Place(id));
            }
            for alias in &place.aliases {
                matcher.add(alias, NameRef::Alias(id));
            }
            for (i, (name, _)) in place.former.iter().enumerate() {
                matcher.add(name, NameRef::NewsroomFormer(id, i as u32));
            }
        }
        for (id, change) in changes.iter().enumerate() {
            if change.name_ceased {
                matcher.add(&change.old_name, NameRef::Former(id as ChangeId));
            }
        }
        matcher
    }

    /// The matcher of the built-in gazetteer, straight from its table: `names` gives each
    /// place's name in order, `None` for placeholders.
    pub(super) fn builtin(
        names: impl Iterator<Item = Option<&'static str>>,
        changes: &[Change],
    ) -> Matcher {
        let mut matcher = Matcher {
            names: HashMap::with_capacity_and_hasher(46_000, Default::default()),
            endings: HashMap::default(),
        };
        for (id, name) in names.enumerate() {
            if let Some(name) = name {
                matcher.add(&Name::Borrowed(name), NameRef::Place(id as PlaceId));
            }
        }
        for (id, change) in changes.iter().enumerate() {
            if change.name_ceased {
                matcher.add(&change.old_name, NameRef::Former(id as ChangeId));
            }
        }
        matcher
    }

    fn add(&mut self, name: &Name, what: NameRef) {
        let chars = name.chars().count();
        let Some(last) = name.chars().next_back() else {
            return;
        };
        if chars > MAX_CHARS {
            return;
        }
        // One hash per name: a borrowed key costs nothing to clone.
        match self.names.entry(name.clone()) {
            std::collections::hash_map::Entry::Occupied(mut refs) => refs.get_mut().push(what),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(Refs::One([what]));
            }
        }
        *self.endings.entry(last).or_default() |= 1 << chars;
    }

    /// What `name` refers to; empty when it is not a known name.
    pub fn refs(&self, name: &str) -> &[NameRef] {
        self.names.get(name).map_or(&[], Refs::as_slice)
    }

    /// Whether some known name ends in `ch`.
    pub fn can_end_name(&self, ch: char) -> bool {
        self.endings.contains_key(&ch)
    }

    /// Every known name in `text`, leftmost-longest and not overlapping, in order.
    pub fn find_all<'g>(&'g self, text: &str) -> Vec<Match<'g>> {
        let mut found: Vec<Match<'g>> = Vec::new();
        // Byte offsets of the last MAX_CHARS character starts, as a ring.
        let mut starts = [0usize; MAX_CHARS + 1];
        let mut seen = 0usize;
        for (offset, ch) in text.char_indices() {
            starts[seen % (MAX_CHARS + 1)] = offset;
            seen += 1;
            let Some(&mask) = self.endings.get(&ch) else {
                continue;
            };
            let end = offset + ch.len_utf8();
            let mut lengths = mask;
            while lengths != 0 {
                let n = 63 - lengths.leading_zeros() as usize;
                lengths &= !(1 << n);
                if n == 0 || n > seen {
                    continue;
                }
                let start = starts[(seen - n) % (MAX_CHARS + 1)];
                if let Some(refs) = self.names.get(&text[start..end]) {
                    found.push(Match {
                        start,
                        end,
                        refs: refs.as_slice(),
                    });
                }
            }
        }
        found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut taken: Vec<Match<'g>> = Vec::with_capacity(found.len());
        for m in found {
            if taken.last().is_none_or(|t| m.start >= t.end) {
                taken.push(m);
            }
        }
        taken
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
    use crate::gazetteer::Gazetteer;

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
