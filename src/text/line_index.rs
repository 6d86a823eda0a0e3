//! Byte offsets ⇄ (line, column) in UTF-8, UTF-16 or Unicode scalar units.
//!
//! Lines end at `\n`; a `\r` before it belongs to the line ending, so CRLF and LF drafts
//! give the same line numbers. Counting is zero-based in `LineCol`; reports that show
//! positions to people add one when they print them.

use std::sync::OnceLock;

use super::encoding::PositionEncoding;

/// A zero-based line and a zero-based column counted in some [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, for converting offsets to positions and back.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is always 0.
    line_starts: Vec<u32>,
    len: u32,
    /// True when the whole text is ASCII: every column is then a byte column.
    ascii: bool,
    /// Every `CHECKPOINT_BYTES` (at a char boundary): the byte offset and the UTF-16 and
    /// scalar counts of the text before it. Columns are differences of these running counts,
    /// so a position on a very long line costs a search and a short scan, not a scan of the
    /// line. Built on first use: short lines never need them.
    checkpoints: OnceLock<Vec<Checkpoint>>,
}

#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    offset: u32,
    utf16: u32,
    utf32: u32,
}

impl Checkpoint {
    fn units(self, encoding: PositionEncoding) -> u32 {
        match encoding {
            PositionEncoding::Utf8 => self.offset,
            PositionEncoding::Utf16 => self.utf16,
            PositionEncoding::Utf32 => self.utf32,
        }
    }
}

const CHECKPOINT_BYTES: usize = 512;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
        let ascii = text.is_ascii();
        LineIndex {
            line_starts,
            len: text.len() as u32,
            ascii,
            checkpoints: OnceLock::new(),
        }
    }

    /// The checkpoints of `text`, the text this index was built from.
    fn checkpoints(&self, text: &str) -> &[Checkpoint] {
        self.checkpoints.get_or_init(|| checkpoints(text))
    }

    /// Units of `encoding` in the text before byte `offset` (a char boundary).
    fn units_before(&self, text: &str, offset: u32, encoding: PositionEncoding) -> u32 {
        if self.ascii || encoding == PositionEncoding::Utf8 {
            return offset;
        }
        let checkpoints = self.checkpoints(text);
        let i = checkpoints.partition_point(|c| c.offset <= offset) - 1;
        let checkpoint = checkpoints[i];
        checkpoint.units(encoding)
            + encoding.measure(&text[checkpoint.offset as usize..offset as usize])
    }

    /// The byte offset where `line` starts, or `None` past the last line.
    pub(crate) fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line as usize).copied()
    }

    /// The zero-based line holding `offset` (offsets past the end clamp to the last line).
    pub(crate) fn line_of(&self, offset: u32) -> u32 {
        let offset = offset.min(self.len);
        (self.line_starts.partition_point(|&start| start <= offset) - 1) as u32
    }

    /// The position of a byte offset. Offsets past the end clamp to the end; an offset in
    /// the middle of a character counts as that character's start.
    pub fn line_col(&self, text: &str, offset: u32, encoding: PositionEncoding) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.line_of(offset);
        let start = self.line_starts[line as usize];
        if self.ascii || encoding == PositionEncoding::Utf8 {
            return LineCol {
                line,
                col: offset - start,
            };
        }
        let mut end = offset as usize;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // A short way into the line is measured directly.
        let col = if end - start as usize <= CHECKPOINT_BYTES {
            encoding.measure(&text[start as usize..end])
        } else {
            self.units_before(text, end as u32, encoding) - self.units_before(text, start, encoding)
        };
        LineCol { line, col }
    }

    /// The end of `line`'s content, before `\n` or `\r\n`.
    pub(crate) fn line_content_end(&self, text: &str, line: u32) -> u32 {
        let next = self
            .line_starts
            .get(line as usize + 1)
            .copied()
            .unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next;
        let line_start = self.line_starts[line as usize];
        if end > line_start && (end as usize) <= bytes.len() && bytes[end as usize - 1] == b'\n' {
            end -= 1;
            if end > line_start && bytes[end as usize - 1] == b'\r' {
                end -= 1;
            }
        }
        end
    }

    /// The text of `line`, without its line ending.
    pub(crate) fn line_text<'t>(&self, text: &'t str, line: u32) -> &'t str {
        let start = self
            .line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(self.len);
        let end = if (line as usize) < self.line_starts.len() {
            self.line_content_end(text, line)
        } else {
            self.len
        };
        &text[start as usize..end as usize]
    }
}

fn checkpoints(text: &str) -> Vec<Checkpoint> {
    let mut out = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
    let (mut start, mut utf16, mut utf32) = (0usize, 0u32, 0u32);
    loop {
        out.push(Checkpoint {
            offset: start as u32,
            utf16,
            utf32,
        });
        // The next checkpoint: the first character that starts `CHECKPOINT_BYTES` or more
        // after this one.
        let mut end = start + CHECKPOINT_BYTES;
        if end >= text.len() {
            return out;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if end == text.len() {
            return out;
        }
        let chunk = &text[start..end];
        utf16 += PositionEncoding::Utf16.measure(chunk);
        utf32 += PositionEncoding::Utf32.measure(chunk);
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::*;

    #[test]
    fn astral_plane_characters() {
        let text = "a𠮷b\r\n第二行𠮷x\n";
        let index = LineIndex::new(text);
        let b = text.find('b').unwrap() as u32;
        assert_eq!(index.line_col(text, b, Utf8), LineCol { line: 0, col: 5 });
        assert_eq!(index.line_col(text, b, Utf16), LineCol { line: 0, col: 3 });
        assert_eq!(index.line_col(text, b, Utf32), LineCol { line: 0, col: 2 });
        let x = text.find('x').unwrap() as u32;
        assert_eq!(index.line_col(text, x, Utf16), LineCol { line: 1, col: 5 });
        assert_eq!(index.line_text(text, 1), "第二行𠮷x");
    }

    #[test]
    fn long_lines_use_checkpoints() {
        let text = format!("{}\n{}x𠮷y", "中𠮷".repeat(1000), "文".repeat(700));
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap() as u32;
        assert_eq!(
            index.line_col(&text, x, Utf16),
            LineCol { line: 1, col: 700 }
        );
        assert_eq!(
            index.line_col(&text, x, Utf32),
            LineCol { line: 1, col: 700 }
        );
        let y = text.find('y').unwrap() as u32;
        assert_eq!(
            index.line_col(&text, y, Utf16),
            LineCol { line: 1, col: 703 }
        );
        assert_eq!(
            index.line_col(&text, 6996, Utf16),
            LineCol { line: 0, col: 2998 }
        );
    }
}
