//! The characters that open an administrative suffix (`区`, `街` of 街道, `自` of 自治县),
//! told apart with one multiplication each: the matcher shows every character of a draft,
//! and the places recogniser keeps where suffixes may start.

use crate::gazetteer::SUFFIXES;

/// Each first character of [`SUFFIXES`], under a perfect hash of the character: the
/// matcher shows every character of a draft, and each is tested with one multiplication.
#[derive(Clone, Copy)]
struct Opener {
    /// The character; `u32::MAX` for an empty slot.
    key: u32,
    /// Bit `i` for each `SUFFIXES[i]` opening with it.
    suffixes: u32,
}

const OPENER_BITS: u32 = 6;
/// A multiplier under which the openers fall in distinct slots (`openers` checks, when the
/// crate is compiled).
const OPENER_MULTIPLIER: u32 = 132_267;
const OPENERS: [Opener; 1 << OPENER_BITS] = openers();

#[inline(always)]
const fn opener_slot(key: u32) -> usize {
    (key.wrapping_mul(OPENER_MULTIPLIER) >> (32 - OPENER_BITS)) as usize
}

const fn openers() -> [Opener; 1 << OPENER_BITS] {
    let mut table = [Opener {
        key: u32::MAX,
        suffixes: 0,
    }; 1 << OPENER_BITS];
    assert!(SUFFIXES.len() <= 32);
    let mut i = 0;
    while i < SUFFIXES.len() {
        // The first character, decoded: every suffix opens with a three-byte one.
        let b = SUFFIXES[i].as_bytes();
        assert!(b.len() >= 3 && b[0] >= 0xE0 && b[0] < 0xF0);
        let key = (b[0] as u32 & 0x0F) << 12 | (b[1] as u32 & 0x3F) << 6 | (b[2] as u32 & 0x3F);
        let slot = opener_slot(key);
        assert!(
            table[slot].key == u32::MAX || table[slot].key == key,
            "two openers share a slot: pick another multiplier"
        );
        table[slot].key = key;
        table[slot].suffixes |= 1 << i;
        i += 1;
    }
    table
}

/// The suffixes opening with `ch`, as bits of `SUFFIXES` indices; 0 for none.
#[inline(always)]
pub(super) fn opened_by(ch: char) -> u32 {
    let key = u32::from(ch);
    let opener = &OPENERS[opener_slot(key)];
    if opener.key == key {
        opener.suffixes
    } else {
        0
    }
}

/// The longest suffix at the start of `rest` among `suffixes` (bits of `SUFFIXES` indices).
pub(super) fn suffix_at(rest: &str, mut suffixes: u32) -> Option<&'static str> {
    // `SUFFIXES` is longest first: the first that fits is the longest.
    while suffixes != 0 {
        let suffix = SUFFIXES[suffixes.trailing_zeros() as usize];
        // A one-character suffix is the opener itself.
        if suffix.len() == 3 || rest.starts_with(suffix) {
            return Some(suffix);
        }
        suffixes &= suffixes - 1;
    }
    None
}
