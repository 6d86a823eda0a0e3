//! Short lists of words of Han characters (cue words, surnames), looked up at a position
//! of a text by the character there.

use crate::text::CharSet;

/// A list of short words of Han characters, looked up at a position of a text by the
/// character there: a set of the words' first characters refuses most positions with one bit
/// test, and only the words opening with that character are compared, longest first.
pub(super) struct Words<const N: usize> {
    /// The words' first characters.
    pub(super) starts: CharSet,
    /// The words' last characters.
    ends: CharSet,
    /// The words, by first character and then longest first.
    words: [&'static str; N],
    /// For each first character, the run of `words` opening with it (start and length): a
    /// hash table with linear probing, `'\0'` in empty slots.
    runs: [(char, u8, u8); SLOTS],
}

/// Slots of `Words::runs`, at least twice as many as the first characters of any list here.
const SLOTS: usize = 128;

/// The slot of `Words::runs` where the search for `c` starts.
const fn slot(c: char) -> usize {
    ((c as u32).wrapping_mul(0x9E37_79B1) >> 25) as usize % SLOTS
}

impl<const N: usize> Words<N> {
    pub(super) const fn new(mut words: [&'static str; N]) -> Words<N> {
        assert!(N < SLOTS / 2, "a short list of words");
        // Insertion sort: by first character, longer words first.
        let mut i = 1;
        while i < N {
            let mut j = i;
            while j > 0 && {
                let (a, b) = (first_han(words[j]) as u32, first_han(words[j - 1]) as u32);
                a < b || (a == b && words[j].len() > words[j - 1].len())
            } {
                let w = words[j];
                words[j] = words[j - 1];
                words[j - 1] = w;
                j -= 1;
            }
            i += 1;
        }
        let mut starts = CharSet::EMPTY;
        let mut ends = CharSet::EMPTY;
        let mut runs = [('\0', 0, 0); SLOTS];
        let mut k = 0;
        while k < N {
            let first = first_han(words[k]);
            starts = starts.with(first);
            ends = ends.with(last_han(words[k]));
            let mut s = slot(first);
            while runs[s].0 != '\0' && runs[s].0 != first {
                s = (s + 1) % SLOTS;
            }
            if runs[s].0 == '\0' {
                runs[s] = (first, k as u8, 0);
            }
            runs[s].2 += 1;
            k += 1;
        }
        Words {
            starts,
            ends,
            words,
            runs,
        }
    }

    /// The longest word `text` opens with; `c` is its first character.
    #[inline]
    pub(super) fn longest_at(&self, text: &[u8], c: char) -> Option<&'static str> {
        if !self.starts.contains(c) {
            return None;
        }
        let mut s = slot(c);
        let (start, len) = loop {
            match self.runs[s] {
                (f, start, len) if f == c => break (usize::from(start), usize::from(len)),
                ('\0', _, _) => return None,
                _ => s = (s + 1) % SLOTS,
            }
        };
        // `c`, three bytes like every character of the words, is known to match.
        let rest = text.get(3..)?;
        self.words[start..start + len]
            .iter()
            .copied()
            .find(|w| opens_with(rest, &w.as_bytes()[3..]))
    }

    /// One step of a leftmost-longest search without overlaps, as `aho-corasick`'s
    /// `MatchKind::LeftmostLongest` finds: the longest word at byte `i` of `text` (where `c`
    /// is), unless `i` is inside the last match; `from` is where the search goes on from,
    /// moved past a match found. Call it at each character in order.
    #[inline]
    pub(super) fn match_at(
        &self,
        text: &str,
        i: usize,
        c: char,
        from: &mut usize,
    ) -> Option<&'static str> {
        if i < *from {
            return None;
        }
        let word = self.longest_at(&text.as_bytes()[i..], c)?;
        *from = i + word.len();
        Some(word)
    }

    /// True when `text` opens with one of the words.
    #[inline]
    pub(super) fn opens(&self, text: &str) -> bool {
        text.chars()
            .next()
            .is_some_and(|c| self.longest_at(text.as_bytes(), c).is_some())
    }

    /// True when `text` ends with one of the words.
    #[inline]
    pub(super) fn closes(&self, text: &str) -> bool {
        text.chars()
            .next_back()
            .is_some_and(|c| self.ends.contains(c))
            && self.words.iter().any(|w| text.ends_with(w))
    }
}

/// `text.starts_with(word)` for the short words here, which mostly differ from the text in
/// their first bytes: a byte loop, where `starts_with` calls `memcmp`.
#[inline]
pub(super) fn opens_with(text: &[u8], word: &[u8]) -> bool {
    text.len() >= word.len() && text.iter().zip(word).all(|(a, b)| a == b)
}

/// The character a word of Han characters (three UTF-8 bytes each) opens with.
const fn first_han(word: &str) -> char {
    han_at(word.as_bytes(), 0)
}

/// The character a word of Han characters (three UTF-8 bytes each) ends with.
const fn last_han(word: &str) -> char {
    han_at(word.as_bytes(), word.len() - 3)
}

const fn han_at(bytes: &[u8], i: usize) -> char {
    assert!(
        bytes.len() % 3 == 0 && bytes[i] & 0xF0 == 0xE0,
        "cue words are Han characters"
    );
    let code = ((bytes[i] as u32 & 0x0F) << 12)
        | ((bytes[i + 1] as u32 & 0x3F) << 6)
        | (bytes[i + 2] as u32 & 0x3F);
    match char::from_u32(code) {
        Some(c) => c,
        None => panic!("cue words are Han characters"),
    }
}
