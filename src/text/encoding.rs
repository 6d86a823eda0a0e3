//! Position encodings: the unit in which a column is counted.

/// The unit of a column. Declared in order of preference for the language server: UTF-8
/// when the client offers it (no conversion), then UTF-16 (the LSP default), then scalars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: `𠮷` counts 2.
    Utf16,
    /// Unicode scalar values: what people count, and what the CLI prints.
    Utf32,
}

impl PositionEncoding {
    /// Length of `text` in this encoding's units.
    pub(crate) fn measure(self, text: &str) -> u32 {
        match self {
            PositionEncoding::Utf8 => text.len() as u32,
            // Without decoding: std counts characters by their bytes, and the four-byte ones
            // (lead F0–F4) take a second UTF-16 unit.
            PositionEncoding::Utf16 => {
                (text.chars().count() + text.bytes().filter(|&b| b >= 0xF0).count()) as u32
            }
            PositionEncoding::Utf32 => text.chars().count() as u32,
        }
    }
}
