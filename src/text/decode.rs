//! Reading drafts from bytes and writing them back in the same encoding.
//!
//! Drafts arrive as UTF-8 (with or without a BOM), as GB18030/GBK from older newsroom
//! systems, or as UTF-16 with a BOM (what Windows Notepad saves as "Unicode"). The text is
//! decoded once; line endings are kept exactly as they are (CRLF stays
//! CRLF), so every span is an offset into the text as read and a fixed file differs from the
//! original only inside the fixed spans.

use std::fmt;

/// How a draft was stored on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with the byte-order mark `EF BB BF`.
    Utf8Bom,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
    /// UTF-16, little-endian, starting with the byte-order mark `FF FE`.
    Utf16Le,
    /// UTF-16, big-endian, starting with the byte-order mark `FE FF`.
    Utf16Be,
}

impl Encoding {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Gb18030 => "GB18030",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why bytes could not be read as a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or other control bytes: an image, an archive, a word-processor file.
    Binary,
    /// Neither valid UTF-8 nor valid GB18030; `offset` is the first bad byte as UTF-8.
    Undecodable { offset: usize },
    /// A UTF-16 byte-order mark followed by what is not UTF-16: an odd number of bytes, or
    /// a surrogate without its pair.
    BadUtf16,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("not a text file (binary content)"),
            DecodeError::Undecodable { offset } => write!(
                f,
                "neither UTF-8 nor GB18030 (first invalid byte at offset {offset})"
            ),
            DecodeError::BadUtf16 => f.write_str("starts like UTF-16 but is not valid UTF-16"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A decoded draft: its text and how to write it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
const BOM_UTF16LE: &[u8] = b"\xFF\xFE";
const BOM_UTF16BE: &[u8] = b"\xFE\xFF";

/// Decodes bytes as UTF-16 when they start with its byte-order mark, else as UTF-8 (BOM
/// stripped) or, failing that, GB18030.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    // UTF-16 is looked for first: its ASCII characters have a zero byte each, which would
    // read as binary content.
    if let Some(decoded) = decode_utf16(bytes) {
        return decoded;
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Some(rest) = bytes.strip_prefix(BOM) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok(Decoded {
                text: text.to_owned(),
                encoding: Encoding::Utf8Bom,
            }),
            Err(err) => Err(DecodeError::Undecodable {
                offset: err.valid_up_to() + BOM.len(),
            }),
        };
    }
    match std::str::from_utf8(bytes) {
        // Short GB18030 text can happen to be valid UTF-8, usually spelling code points in
        // planes no script uses; such text is read as GB18030 when it decodes cleanly.
        Ok(text) if has_unassigned_plane(text) => {
            let (gb, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                Ok(Decoded {
                    text: text.to_owned(),
                    encoding: Encoding::Utf8,
                })
            } else {
                Ok(Decoded {
                    text: gb.into_owned(),
                    encoding: Encoding::Gb18030,
                })
            }
        }
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
        }),
        Err(utf8_err) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                Err(DecodeError::Undecodable {
                    offset: utf8_err.valid_up_to(),
                })
            } else {
                Ok(Decoded {
                    text: text.into_owned(),
                    encoding: Encoding::Gb18030,
                })
            }
        }
    }
}

/// [`decode`] for bytes the caller no longer needs: valid UTF-8 without a BOM (nearly every
/// draft) becomes the text without being copied. The result is always `decode(&bytes)`.
pub(crate) fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if looks_binary(&bytes)
        || [BOM, BOM_UTF16LE, BOM_UTF16BE]
            .iter()
            .any(|b| bytes.starts_with(b))
    {
        return decode(&bytes);
    }
    // Validated with SIMD: std's check goes character by character outside ASCII, which is
    // all of a Chinese draft.
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return decode(&bytes);
    }
    // SAFETY: `bytes` was validated as UTF-8 just above.
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    if has_unassigned_plane(&text) {
        return decode(text.as_bytes());
    }
    Ok(Decoded {
        text,
        encoding: Encoding::Utf8,
    })
}

/// UTF-16 with a byte-order mark: `None` when `bytes` has no UTF-16 BOM. A UTF-32LE BOM
/// (`FF FE 00 00`) is not taken for UTF-16: it would start the text with a NUL character.
fn decode_utf16(bytes: &[u8]) -> Option<Result<Decoded, DecodeError>> {
    let (encoding, body) = if let Some(body) = bytes.strip_prefix(BOM_UTF16LE) {
        if body.starts_with(b"\0\0") {
            return None;
        }
        (Encoding::Utf16Le, body)
    } else {
        (Encoding::Utf16Be, bytes.strip_prefix(BOM_UTF16BE)?)
    };
    let text = match utf16_to_string(body, encoding == Encoding::Utf16Le) {
        Some(text) => text,
        None => return Some(Err(DecodeError::BadUtf16)),
    };
    // The same test for content no reporter types as for 8-bit text, on the decoded text.
    if looks_binary(text.as_bytes()) {
        return Some(Err(DecodeError::Binary));
    }
    Some(Ok(Decoded { text, encoding }))
}

/// Strict UTF-16 decoding: `None` for an odd number of bytes or an unpaired surrogate, so
/// that encoding the text again gives back exactly the bytes read.
fn utf16_to_string(body: &[u8], little_endian: bool) -> Option<String> {
    if body.len() % 2 != 0 {
        return None;
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(body.len() * 3 / 2);
    for unit in char::decode_utf16(units) {
        text.push(unit.ok()?);
    }
    Some(text)
}

/// `text` as UTF-16 with its byte-order mark.
fn string_to_utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + text.len() * 2);
    out.extend_from_slice(if little_endian {
        BOM_UTF16LE
    } else {
        BOM_UTF16BE
    });
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

/// Whether `text` has a character in planes 4–13 (U+40000–U+DFFFF). Their UTF-8 lead bytes
/// are F1–F3, which Chinese text never has, so most texts are ruled out by one `memchr3`.
fn has_unassigned_plane(text: &str) -> bool {
    memchr::memchr3(0xF1, 0xF2, 0xF3, text.as_bytes()).is_some()
        && text.chars().any(is_unassigned_plane)
}

/// Encodes `text` back into `encoding`. GB18030 and UTF-16 cover all of Unicode, so this
/// never loses a character.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => {
            let mut out = Vec::with_capacity(text.len() + 3);
            out.extend_from_slice(BOM);
            out.extend_from_slice(text.as_bytes());
            out
        }
        Encoding::Gb18030 => {
            let (bytes, _, _) = encoding_rs::GB18030.encode(text);
            bytes.into_owned()
        }
        Encoding::Utf16Le => string_to_utf16(text, true),
        Encoding::Utf16Be => string_to_utf16(text, false),
    }
}

/// Planes 4–13 of Unicode have no characters assigned.
fn is_unassigned_plane(ch: char) -> bool {
    (0x40000..=0xDFFFF).contains(&(ch as u32))
}

/// Decodes `bytes` known to be in `encoding`, for checking that a write round-trips.
pub fn decode_as(bytes: &[u8], encoding: Encoding) -> Option<String> {
    match encoding {
        Encoding::Utf8 => std::str::from_utf8(bytes).ok().map(str::to_owned),
        Encoding::Utf8Bom => std::str::from_utf8(bytes.strip_prefix(BOM)?)
            .ok()
            .map(str::to_owned),
        Encoding::Gb18030 => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            (!had_errors).then(|| text.into_owned())
        }
        Encoding::Utf16Le => utf16_to_string(bytes.strip_prefix(BOM_UTF16LE)?, true),
        Encoding::Utf16Be => utf16_to_string(bytes.strip_prefix(BOM_UTF16BE)?, false),
    }
}

/// True for content no reporter types: NUL bytes, or many C0 controls other than tab,
/// newline, carriage return and form feed, in the first 8 KiB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    controls * 100 > head.len().max(1) * 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_owned_agrees_with_decode() {
        let gb = encode(
            "本报讯（记者 王海）8日，红旗社区𠮷。\r\n",
            Encoding::Gb18030,
        );
        let mut bom = BOM.to_vec();
        bom.extend_from_slice("社区".as_bytes());
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            "本报讯 8日\n".as_bytes().to_vec(),
            "\u{40000}\u{F0000}\u{10FFFF}".as_bytes().to_vec(),
            "\u{DFFFF}".as_bytes().to_vec(),
            gb,
            bom,
            b"\x00abc".to_vec(),
            b"\xFF\xFE\xFD".to_vec(),
        ];
        for bytes in cases {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes), "{bytes:?}");
        }
        for ch in [
            '\u{3FFFF}',
            '\u{40000}',
            '\u{DFFFF}',
            '\u{E0000}',
            '𠮷',
            '王',
        ] {
            let text = ch.to_string();
            assert_eq!(
                has_unassigned_plane(&text),
                is_unassigned_plane(ch),
                "{ch:?}"
            );
        }
    }

    #[test]
    fn gb18030_round_trip_keeps_crlf() {
        let text = "本报讯（记者 王海）8日，红旗社区𠮷。\r\n第二段\r\n";
        let bytes = encode(text, Encoding::Gb18030);
        assert!(std::str::from_utf8(&bytes).is_err());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, Encoding::Gb18030);
        assert_eq!(decoded.text, text);
        assert_eq!(encode(&decoded.text, decoded.encoding), bytes);
    }

    #[test]
    fn gb18030_that_is_also_valid_utf8_is_read_as_gb18030() {
        // Found by fuzzing: `駣（` in GB18030 is F1 8A A3 A8, a valid UTF-8 sequence for a
        // code point in an unassigned plane.
        let bytes = encode("-駣（--],d", Encoding::Gb18030);
        assert!(std::str::from_utf8(&bytes).is_ok());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("-駣（--],d", Encoding::Gb18030)
        );
    }

    #[test]
    fn bom_is_stripped_and_restored() {
        let bytes = b"\xEF\xBB\xBF\xE4\xB8\xAD\n";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.text, "中\n");
        assert_eq!(encode(&decoded.text, decoded.encoding), bytes);
    }

    #[test]
    fn utf16_with_bom_round_trips_byte_for_byte_and_keeps_crlf() {
        let text = "本报讯（记者 王海）8日, 红旗社区𠮷。\r\nabc\r\n";
        for encoding in [Encoding::Utf16Le, Encoding::Utf16Be] {
            let bytes = encode(text, encoding);
            let bom: &[u8] = if encoding == Encoding::Utf16Le {
                b"\xFF\xFE"
            } else {
                b"\xFE\xFF"
            };
            assert!(bytes.starts_with(bom));
            // ASCII has a zero byte per character in UTF-16: that is not binary content.
            assert!(bytes.contains(&0));
            let decoded = decode(&bytes).unwrap();
            assert_eq!((decoded.text.as_str(), decoded.encoding), (text, encoding));
            assert_eq!(encode(&decoded.text, decoded.encoding), bytes);
            assert_eq!(decode_owned(bytes.clone()), Ok(decoded));
            assert_eq!(decode_as(&bytes, encoding).as_deref(), Some(text));
        }
    }

    #[test]
    fn broken_utf16_is_refused() {
        // An odd number of bytes, and a high surrogate without its low half.
        assert_eq!(decode(b"\xFF\xFEa\x00b"), Err(DecodeError::BadUtf16));
        assert_eq!(decode(b"\xFE\xFF\xD8\x00\x00a"), Err(DecodeError::BadUtf16));
        // UTF-16 control characters are binary content, as in 8-bit text.
        let controls: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain([1u8, 0].repeat(20))
            .collect();
        assert_eq!(decode(&controls), Err(DecodeError::Binary));
        // `FF FE 00 00` opens UTF-32LE, which is not read.
        assert_eq!(
            decode(b"\xFF\xFE\x00\x00a\x00\x00\x00"),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn binary_and_garbage_are_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
        assert!(matches!(
            decode(b"abc\xFF\xFF\xFFdef"),
            Err(DecodeError::Undecodable { .. })
        ));
    }
}
