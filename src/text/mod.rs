//! Raw text and positions: spans, line index, encodings, decoding, sets of Han characters.
//!
//! This module knows nothing of drafts, rules or the language server.

mod char_set;
mod decode;
mod encoding;
mod line_index;
mod span;
mod words;

pub use char_set::CharSet;
pub use decode::{
    decode, decode_as, decode_owned, encode, DecodeError, Decoded, Encoding, LineEndings,
};
pub use encoding::PositionEncoding;
pub use line_index::{LineCol, LineIndex, OneBased};
pub use span::{Ranged, Span};
pub use words::{contains_any, FewWords, WordMatch};

/// True for the CJK characters reporters type in running text (unified ideographs and their
/// extensions, and compatibility ideographs).
#[inline]
pub fn is_han(ch: char) -> bool {
    matches!(ch as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF
        | 0x30000..=0x3134F | 0xF900..=0xFAFF | 0x3007)
}
