//! Searching text for a few marks or words at once.
//!
//! [`contains_any`] finds any of a set of marks by their lead bytes. [`FewWords`] searches
//! for a handful of words, leftmost-longest, with one `memmem` finder per word (SIMD, built
//! in nanoseconds) and, for each word, its next occurrence; recognisers no longer search
//! that way, and tests keep it as the plain search a faster one must agree with.

#[cfg(test)]
use memchr::memmem::Finder;

/// Words to find, each by its index in the list it was built from.
#[cfg(test)]
pub(crate) struct FewWords<'w> {
    finders: Vec<(usize, Finder<'w>)>,
}

/// One occurrence: the word's index and its byte range in the searched text.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordMatch {
    pub(crate) word: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[cfg(test)]
impl<'w> FewWords<'w> {
    /// The finder of `words`, which should be distinct; empty words are never found.
    pub(crate) fn new<I: IntoIterator<Item = &'w str>>(words: I) -> FewWords<'w> {
        FewWords {
            finders: words
                .into_iter()
                .enumerate()
                .filter(|(_, w)| !w.is_empty())
                .map(|(i, w)| (i, Finder::new(w.as_bytes())))
                .collect(),
        }
    }

    /// Occurrences in `text`, in order and not overlapping: at each point the leftmost
    /// occurrence of any word, the longest of those starting there, then on after its end.
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = WordMatch> + 'a {
        // The next occurrence of each word at or after `from`, found lazily.
        // `NOT_YET` before the first search; `NEVER` once a word has no occurrence left.
        const NOT_YET: usize = usize::MAX - 1;
        const NEVER: usize = usize::MAX;
        let mut next: Vec<usize> = vec![NOT_YET; self.finders.len()];
        let mut from = 0;
        std::iter::from_fn(move || {
            let mut best: Option<WordMatch> = None;
            for (k, (word, finder)) in self.finders.iter().enumerate() {
                if next[k] == NEVER {
                    continue;
                }
                if next[k] == NOT_YET || next[k] < from {
                    next[k] = finder
                        .find(&text.as_bytes()[from..])
                        .map_or(NEVER, |at| at + from);
                }
                let start = next[k];
                if start == NEVER {
                    continue;
                }
                let end = start + finder.needle().len();
                let better =
                    best.is_none_or(|b| start < b.start || (start == b.start && end > b.end));
                if better {
                    best = Some(WordMatch {
                        word: *word,
                        start,
                        end,
                    });
                }
            }
            let found = best?;
            from = found.end;
            Some(found)
        })
    }
}

/// Whether `hay` holds any of `chars`. `str::contains` with a slice of chars decodes every
/// character; this searches for their first bytes with `memchr` (when they have at most three
/// distinct ones, as Chinese punctuation does) and looks only there.
pub(crate) fn contains_any(hay: &str, chars: &[char]) -> bool {
    let mut leads = [0u8; 3];
    let mut distinct = 0;
    for &c in chars {
        let lead = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
        if !leads[..distinct].contains(&lead) {
            if distinct == leads.len() {
                return hay.contains(chars);
            }
            leads[distinct] = lead;
            distinct += 1;
        }
    }
    let bytes = hay.as_bytes();
    // Each mark as its UTF-8 bytes in a word, compared with the four bytes at a lead byte
    // (fewer at the end of the text) under the mark's mask: no call and no encoding per
    // candidate, where Chinese punctuation shares a handful of lead bytes.
    const MARKS: usize = 8;
    if chars.len() > MARKS {
        return hay.contains(chars);
    }
    let mut marks = [(0u32, 0u32); MARKS];
    for (mark, &c) in marks.iter_mut().zip(chars) {
        let mut buf = [0u8; 4];
        let len = c.encode_utf8(&mut buf).len();
        let mask = if len == 4 {
            u32::MAX
        } else {
            (1u32 << (8 * len)) - 1
        };
        *mark = (u32::from_le_bytes(buf), mask);
    }
    let marks = &marks[..chars.len()];
    let at = |i: usize| {
        let mut word = [0u8; 4];
        let tail = &bytes[i..bytes.len().min(i + 4)];
        word[..tail.len()].copy_from_slice(tail);
        let word = u32::from_le_bytes(word);
        marks.iter().any(|&(mark, mask)| word & mask == mark)
    };
    match leads[..distinct] {
        [] => false,
        [a] => memchr::memchr_iter(a, bytes).any(at),
        [a, b] => memchr::memchr2_iter(a, b, bytes).any(at),
        [a, b, c] => memchr::memchr3_iter(a, b, c, bytes).any(at),
        _ => unreachable!("at most three lead bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(words: &[&str], text: &'t str) -> Vec<(usize, &'t str)> {
        FewWords::new(words.iter().copied())
            .find_iter(text)
            .map(|m| (m.word, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn leftmost_then_longest() {
        assert_eq!(
            found(&["王海", "王海涛", "海涛"], "记者王海涛，王海说海涛"),
            [(1, "王海涛"), (0, "王海"), (2, "海涛")]
        );
        // An occurrence inside an earlier match is skipped, the next one is found.
        assert_eq!(
            found(&["甲乙", "乙甲"], "甲乙甲乙甲"),
            [(0, "甲乙"), (0, "甲乙")]
        );
        assert_eq!(found(&["甲甲"], "甲甲甲"), [(0, "甲甲")]);
        assert_eq!(found(&["", "乙"], "乙"), [(1, "乙")]);
        assert!(found(&[], "乙").is_empty());
    }

    #[test]
    fn agrees_with_an_automaton() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let words = ["王海", "王海涛", "海涛", "涛王", "李", "李敏", "敏王海"];
        let text = "王海涛王海李敏王海涛涛王海李李敏敏王海王海涛王";
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .unwrap();
        let want: Vec<(usize, usize, usize)> = ac
            .find_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        let got: Vec<(usize, usize, usize)> = FewWords::new(words)
            .find_iter(text)
            .map(|m| (m.word, m.start, m.end))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn contains_any_agrees_with_str_contains() {
        let sets: [&[char]; 5] = [
            &['。', '！', '？'],
            &['，', '、', '；', ','],
            &['。', '，', '！', '？', '：'],
            &['a', 'é', '中', '𠮷'],
            &[],
        ];
        let texts = [
            "",
            "居民们说，这下好了。",
            "没有标点的一句话",
            "ascii only, with comma",
            "𠮷野家！",
            "café 中文",
            "活动？",
            "，",
            "末尾是é",
            "中",
        ];
        for chars in sets {
            for text in texts {
                assert_eq!(
                    contains_any(text, chars),
                    text.contains(chars),
                    "{text} {chars:?}"
                );
            }
        }
    }
}
