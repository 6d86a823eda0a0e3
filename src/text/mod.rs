//! Raw text and positions: spans, line index, encodings, decoding (and the text of Word
//! drafts, and text an editor decoded wrongly), sets of Han characters.
//!
//! This module knows nothing of drafts, rules or the language server.

mod char_set;
mod decode;
mod docx;
mod encoding;
mod line_index;
mod misdecoded;
mod span;
mod words;

pub(crate) use char_set::CharSet;
pub use decode::{decode, decode_as, encode, DecodeError, Decoded, Encoding};
pub(crate) use decode::{decode_owned, looks_binary};
pub use docx::{read_docx, read_docx_with, WordError, WordLimits, WordText};
pub use encoding::PositionEncoding;
pub use line_index::{LineCol, LineIndex};
pub use misdecoded::{misdecoded, Misdecoded};
pub use span::Span;
pub(crate) use span::SpansByStart;
pub(crate) use words::contains_any;
#[cfg(test)]
pub(crate) use words::FewWords;

/// The sum of `weight` over the bytes of `bytes`, each weight at most 2. Nothing is decoded,
/// and each chunk of 127 bytes is added into a `u8`, so the compiler adds 32 bytes at a time:
/// character counts and display widths go through the text this way.
pub(crate) fn sum_by_byte(bytes: &[u8], weight: impl Fn(u8) -> u8) -> usize {
    bytes
        .chunks(127)
        .map(|chunk| {
            let sum = chunk.iter().fold(0u8, |sum, &b| {
                debug_assert!(weight(b) <= 2, "a byte weighs at most 2");
                sum + weight(b)
            });
            usize::from(sum)
        })
        .sum()
}

/// Whether `text` has at most `n` characters, found without counting the whole of a long
/// text: a character takes one to four bytes, so the length in bytes often decides, and
/// otherwise at most `n + 1` characters are read. Paragraphs are tested against a
/// headline's or a signature's length many times over.
#[inline]
pub(crate) fn at_most_chars(text: &str, n: usize) -> bool {
    text.len() <= n || (text.len() <= 4 * n && text.chars().nth(n).is_none())
}

/// True for the CJK characters reporters type in running text (unified ideographs and their
/// extensions, and compatibility ideographs).
#[inline]
pub(crate) fn is_han(ch: char) -> bool {
    matches!(ch as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF
        | 0x30000..=0x3134F | 0xF900..=0xFAFF | 0x3007)
}

#[cfg(test)]
mod tests {
    use super::at_most_chars;

    #[test]
    fn at_most_chars_agrees_with_counting() {
        let texts = [
            "",
            "a",
            "中文",
            "𠮷𠮷x",
            "abc中文𠮷",
            &"中".repeat(50),
            &"a".repeat(50),
        ];
        for text in texts {
            for n in 0..60 {
                let counted = text.chars().count() <= n;
                assert_eq!(at_most_chars(text, n), counted, "{text:?} at most {n}");
            }
        }
    }
}
