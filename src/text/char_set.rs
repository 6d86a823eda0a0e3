//! Sets of Han characters with constant-time membership, built at compile time.
//!
//! Recognisers classify characters one by one (`is this a surname?`, `can a name end
//! before this?`) over the whole of a draft; a `str::contains` over a list of a few hundred
//! characters costs a scan per test. A `CharSet` is a bitmap over the CJK Unified Ideographs
//! block (U+4E00–U+9FFF), where nearly every character of running Chinese text lies: one
//! load and one bit test.

/// The first and last characters a `CharSet` can hold.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;
const BITS: u32 = LAST - FIRST + 1;
const WORDS: usize = (BITS as usize).div_ceil(64);
const _: () = assert!(
    FIRST % 64 == 0,
    "find splits a code point into word and bit"
);

/// A set of characters of the CJK Unified Ideographs block (U+4E00–U+9FFF), as a bitmap
/// (2.6 KB): `contains` is one load and one bit test.
///
/// Build one in a `const` or `static` with [`CharSet::of`]; a character outside the block is
/// a compile error there (a panic at run time), so the set never silently misses one.
/// [`contains`](CharSet::contains) is false for every character outside the block.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct CharSet {
    bits: [u64; WORDS],
}

impl CharSet {
    /// The set with no characters.
    pub(crate) const EMPTY: CharSet = CharSet { bits: [0; WORDS] };

    /// The characters of `chars` (repeats are harmless). Panics on a character outside
    /// U+4E00–U+9FFF: in a `const`, a compile error.
    pub(crate) const fn of(chars: &str) -> CharSet {
        let bytes = chars.as_bytes();
        let mut set = CharSet::EMPTY;
        let mut i = 0;
        while i < bytes.len() {
            let (c, len) = decode(bytes, i);
            set = set.with(c);
            i += len;
        }
        set
    }

    /// This set and `c`. Panics on a character outside U+4E00–U+9FFF.
    pub(crate) const fn with(mut self, c: char) -> CharSet {
        self.insert(c);
        self
    }

    /// Adds `c`. Panics on a character outside U+4E00–U+9FFF (see [`CharSet::can_hold`]).
    pub(crate) const fn insert(&mut self, c: char) {
        assert!(CharSet::can_hold(c), "CharSet holds U+4E00–U+9FFF only");
        let i = c as u32 - FIRST;
        self.bits[(i / 64) as usize] |= 1 << (i % 64);
    }

    /// True when `c` is in U+4E00–U+9FFF, the characters a set can hold.
    pub(crate) const fn can_hold(c: char) -> bool {
        (c as u32).wrapping_sub(FIRST) < BITS
    }

    /// The characters of this set or of `other`.
    pub(crate) const fn union(mut self, other: &CharSet) -> CharSet {
        let mut k = 0;
        while k < WORDS {
            self.bits[k] |= other.bits[k];
            k += 1;
        }
        self
    }

    /// True when `c` is in the set; false for every character outside U+4E00–U+9FFF.
    #[inline]
    pub(crate) const fn contains(&self, c: char) -> bool {
        let i = (c as u32).wrapping_sub(FIRST);
        i < BITS && (self.bits[(i / 64) as usize] >> (i % 64)) & 1 == 1
    }

    /// The first character of `text` at or after byte `from` (a character boundary) that is
    /// in the set, with its offset. Characters outside the block are stepped over without
    /// being decoded, so a search through a page is a tight loop.
    // Not inlined: the loop keeps its few variables in registers, whatever the caller holds.
    #[inline(never)]
    pub(crate) fn find(&self, text: &str, from: usize) -> Option<(usize, char)> {
        debug_assert!(text.is_char_boundary(from));
        let bytes = text.as_bytes();
        let mut i = from;
        while let Some(&lead) = bytes.get(i) {
            if lead & 0xF0 != 0xE0 {
                // One, two or four bytes: outside the block.
                i += match lead {
                    0x00..=0x7F => 1,
                    0x80..=0xDF => 2,
                    _ => 4,
                };
                continue;
            }
            let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2)) else {
                return None;
            };
            // The block starts at a multiple of 64: the lead byte and the first continuation
            // byte give the word of the bitmap, the last byte the bit.
            let word = ((u32::from(lead & 0x0F) << 6) | u32::from(b1 & 0x3F))
                .wrapping_sub(FIRST / 64) as usize;
            if let Some(&bits) = self.bits.get(word) {
                if (bits >> (b2 & 0x3F)) & 1 == 1 {
                    let code = (FIRST + word as u32 * 64) | u32::from(b2 & 0x3F);
                    return char::from_u32(code).map(|c| (i, c));
                }
            }
            i += 3;
        }
        None
    }
}

impl std::fmt::Debug for CharSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let chars = (FIRST..=LAST)
            .filter_map(char::from_u32)
            .filter(|&c| self.contains(c));
        f.debug_set().entries(chars).finish()
    }
}

/// The character at byte `i` of valid UTF-8 `bytes`, and its length in bytes.
const fn decode(bytes: &[u8], i: usize) -> (char, usize) {
    let lead = bytes[i] as u32;
    let (len, mut code) = match lead {
        0x00..=0x7F => (1, lead),
        0xC0..=0xDF => (2, lead & 0x1F),
        0xE0..=0xEF => (3, lead & 0x0F),
        _ => (4, lead & 0x07),
    };
    let mut k = 1;
    while k < len {
        code = (code << 6) | (bytes[i + k] as u32 & 0x3F);
        k += 1;
    }
    match char::from_u32(code) {
        Some(c) => (c, len),
        None => panic!("invalid UTF-8"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_in_a_static() {
        static VOWEL_SOUNDS: CharSet = CharSet::of("阿哦鹅");
        assert!(VOWEL_SOUNDS.contains('哦'));
        assert!(!VOWEL_SOUNDS.contains('啊'));
        assert!(!VOWEL_SOUNDS.contains('a'));
    }

    #[test]
    fn holds_what_it_was_built_of() {
        const SET: CharSet = CharSet::of("王李张一龥");
        for c in "王李张一龥".chars() {
            assert!(SET.contains(c), "{c}");
        }
        for c in "赵钱孙丁".chars() {
            assert!(!SET.contains(c), "{c}");
        }
        // The block's first and last characters and their neighbours outside it.
        let edges = CharSet::EMPTY.with('\u{4E00}').with('\u{9FFF}');
        assert!(edges.contains('\u{4E00}') && edges.contains('\u{9FFF}'));
        assert!(!edges.contains('\u{4DFF}') && !edges.contains('\u{A000}'));
        assert!(!edges.contains('\u{4E01}') && !edges.contains('\u{9FFE}'));
        let mut set = CharSet::EMPTY;
        for c in "王李张一龥".chars() {
            assert!(CharSet::can_hold(c));
            set.insert(c);
        }
        assert_eq!(set, SET);
        assert!(!CharSet::can_hold('a') && !CharSet::can_hold('\u{3400}'));
    }

    #[test]
    fn outside_the_block_is_never_contained() {
        let all = (FIRST..=LAST)
            .filter_map(char::from_u32)
            .fold(CharSet::EMPTY, CharSet::with);
        for c in [
            'a',
            '0',
            '，',
            '。',
            '〇',
            '\u{3400}',
            '\u{F900}',
            '\u{20000}',
            '😀',
        ] {
            assert!(!all.contains(c), "{c}");
        }
        assert!((FIRST..=LAST)
            .filter_map(char::from_u32)
            .all(|c| all.contains(c)));
    }

    #[test]
    fn agrees_with_str_contains() {
        const TEXT: &str = "说讲道问笑称是的在和与及等也都就把被对向从让给已还";
        const SET: CharSet = CharSet::of(TEXT);
        for c in (0x4D00..0xA100).filter_map(char::from_u32) {
            assert_eq!(SET.contains(c), TEXT.contains(c), "{c}");
        }
    }

    #[test]
    fn union_and_empty() {
        let a = CharSet::of("王李");
        let b = CharSet::of("李张");
        assert_eq!(a.clone().union(&b), CharSet::of("王李张"));
        assert_eq!(CharSet::of(""), CharSet::EMPTY);
        assert_eq!(format!("{:?}", a), "{'李', '王'}");
    }

    #[test]
    fn finds_the_next_member() {
        const SET: CharSet = CharSet::of("王李");
        let text = "a王é，李😀b王";
        let found: Vec<(usize, char)> = std::iter::successors(SET.find(text, 0), |&(i, c)| {
            SET.find(text, i + c.len_utf8())
        })
        .collect();
        let want: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| SET.contains(c))
            .collect();
        assert_eq!(found, want);
        assert_eq!(SET.find(text, text.len()), None);
        assert_eq!(SET.find("", 0), None);
        assert_eq!(CharSet::EMPTY.find(text, 0), None);
        // Every character of the block, among others, in order.
        let all = (FIRST..=LAST)
            .filter_map(char::from_u32)
            .fold(CharSet::EMPTY, CharSet::with);
        let text: String = ('\u{4DF0}'..'\u{A010}')
            .chain(['a', '😀', 'é', '一'])
            .collect();
        let mut at = 0;
        let mut found = Vec::new();
        while let Some((i, c)) = all.find(&text, at) {
            found.push((i, c));
            at = i + c.len_utf8();
        }
        let want: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| all.contains(c))
            .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn finds_members_wherever_they_stand() {
        // Members, other Han characters, other three-byte characters and characters of one,
        // two and four bytes, in every mix.
        const SET: CharSet = CharSet::of("王李龥");
        let alphabet = [
            '王', '李', '龥', '张', '一', '，', '。', 'a', '1', 'é', '😀', '\u{3400}', '\u{4DFF}',
            '\u{A000}',
        ];
        let mut seed = 7u64;
        for len in 0..200 {
            let text: String = (0..len % 40)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    // Mostly Han, as in prose.
                    let pick = (seed >> 33) as usize % (alphabet.len() + 6);
                    alphabet.get(pick).copied().unwrap_or('张')
                })
                .collect();
            let mut found = Vec::new();
            let mut at = 0;
            while let Some((i, c)) = SET.find(&text, at) {
                found.push((i, c));
                at = i + c.len_utf8();
            }
            let want: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| SET.contains(c))
                .collect();
            assert_eq!(found, want, "{text}");
        }
    }

    #[test]
    #[should_panic(expected = "U+4E00")]
    fn refuses_a_character_outside_the_block() {
        let _ = CharSet::of("王a");
    }
}
