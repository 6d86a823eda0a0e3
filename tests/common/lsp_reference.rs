//! The oracle for the language server's document store (`jiaodui::lsp::fuzzing::edit`), shared
//! by tests/properties.rs and the `documents` fuzz target.

use jiaodui::lsp::fuzzing::Change;
use jiaodui::text::PositionEncoding;

/// The same edits applied to a plain `String` by the simplest code that follows the
/// protocol's rules, as the oracle for [`edit`]: lines end at `\n` (a `\r` before it belongs
/// to the line ending); a line past the end means the end of the text; a column past the end
/// of its line means the end of that line; a column inside a character means its start; a
/// reversed range is put in order; a change without a range replaces everything.
pub fn reference(text: &str, notifications: &[Vec<Change>], encoding: PositionEncoding) -> String {
    let mut text = text.to_owned();
    for change in notifications.iter().flatten() {
        match change.range {
            None => text.clone_from(&change.text),
            Some((a, b)) => {
                let a = reference_offset(&text, a, encoding);
                let b = reference_offset(&text, b, encoding);
                text.replace_range(a.min(b)..a.max(b), &change.text);
            }
        }
    }
    text
}

fn reference_offset(text: &str, (line, column): (u32, u32), encoding: PositionEncoding) -> usize {
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = match text[start..].find('\n') {
        Some(i) if i > 0 && text.as_bytes()[start + i - 1] == b'\r' => start + i - 1,
        Some(i) => start + i,
        None => text.len(),
    };
    let mut units = 0;
    for (i, ch) in text[start..end].char_indices() {
        let width = match encoding {
            PositionEncoding::Utf8 => ch.len_utf8(),
            PositionEncoding::Utf16 => ch.len_utf16(),
            PositionEncoding::Utf32 => 1,
        };
        if units + width > column as usize {
            return start + i;
        }
        units += width;
    }
    end
}
