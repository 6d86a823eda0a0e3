//! The scanner's loop: it looks only at digits, numerals and a handful of trigger
//! characters, keeps count of the quotes and book titles it is inside, and hands each
//! trigger to the reader of what may start there.

use jiff::civil::Date;

use super::{DateMention, Mention};
use crate::text::Span;

pub(super) struct Scanner<'t> {
    pub(super) text: &'t str,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) issue: Option<Date>,
    pub(super) quote: i32,
    pub(super) title: i32,
}

/// Characters of the Basic Multilingual Plane that can start something the scanner reads
/// (numerals, relative words, weekdays) or change its state (quotes, book-title marks), as
/// a bit set indexed by code point.
pub(super) static TRIGGERS: [u64; 1024] = {
    let chars = "０１２３４５６７８９〇零一二三四五六七八九十两○今昨前明本上下这星周礼“”《》";
    let bytes = chars.as_bytes();
    let mut set = [0u64; 1024];
    let mut i = 0;
    while i < bytes.len() {
        // Every character listed is three bytes long in UTF-8.
        let code = ((bytes[i] as u32 & 0x0F) << 12)
            | ((bytes[i + 1] as u32 & 0x3F) << 6)
            | (bytes[i + 2] as u32 & 0x3F);
        set[(code >> 6) as usize] |= 1 << (code & 63);
        i += 3;
    }
    set
};

impl Scanner<'_> {
    pub(super) fn run(&mut self, out: &mut Vec<DateMention>) {
        let mut pos = self.start;
        let bytes = self.text.as_bytes();
        while pos < self.end {
            let b = bytes[pos];
            if b < 0x80 {
                if b.is_ascii_digit() {
                    pos = self.at_number(pos, out);
                } else if b.is_ascii_alphanumeric() {
                    // Skip a whole word so `A3` or `v2023.3.14` never starts a number.
                    while pos < self.end
                        && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'.')
                    {
                        pos += 1;
                    }
                } else {
                    pos += 1;
                }
                continue;
            }
            // Chinese text is almost all three-byte characters: decode those from the bytes
            // directly (the text is valid UTF-8, so no checks are needed beyond the length).
            let ch = if (0xE0..0xF0).contains(&b) && pos + 2 < self.end {
                let code = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[pos + 1] & 0x3F) << 6)
                    | u32::from(bytes[pos + 2] & 0x3F);
                // Nearly every character triggers nothing: one bit test and move on.
                if TRIGGERS[(code >> 6) as usize] & (1 << (code & 63)) == 0 {
                    pos += 3;
                    continue;
                }
                char::from_u32(code).unwrap_or('\u{FFFD}')
            } else {
                let Some(ch) = self.char_at(pos) else { break };
                ch
            };
            let next = pos + ch.len_utf8();
            pos = match ch {
                '“' => {
                    self.quote += 1;
                    next
                }
                '”' => {
                    self.quote = (self.quote - 1).max(0);
                    next
                }
                '《' => {
                    self.title += 1;
                    next
                }
                '》' => {
                    self.title = (self.title - 1).max(0);
                    next
                }
                '０'..='９'
                | '〇'
                | '零'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '两'
                | '○' => self.at_number(pos, out),
                '今' | '昨' | '前' | '明' => self.at_relative_day(pos, out).unwrap_or(next),
                '本' | '上' | '下' | '这' => self.at_relative_week(pos, out).unwrap_or(next),
                '星' | '周' | '礼' => self.at_weekday(pos, out).unwrap_or(next),
                _ => next,
            };
        }
    }

    pub(super) fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        self.text[pos..self.end].chars().next()
    }

    pub(super) fn char_before(&self, pos: usize) -> Option<char> {
        if pos <= self.start {
            return None;
        }
        self.text[self.start..pos].chars().next_back()
    }

    pub(super) fn rest(&self, pos: usize) -> &str {
        &self.text[pos.min(self.end)..self.end]
    }

    pub(super) fn before(&self, pos: usize) -> &str {
        &self.text[self.start..pos]
    }

    /// Where the run of characters matching `pred` from `pos` ends.
    pub(super) fn run_end(&self, pos: usize, pred: impl Fn(char) -> bool) -> usize {
        let rest = self.rest(pos);
        pos + (rest.len() - rest.trim_start_matches(pred).len())
    }

    pub(super) fn eat(&self, pos: usize, s: &str) -> Option<usize> {
        self.rest(pos).starts_with(s).then_some(pos + s.len())
    }

    pub(super) fn eat_char(&self, pos: usize, ch: char) -> Option<usize> {
        (self.char_at(pos) == Some(ch)).then_some(pos + ch.len_utf8())
    }

    pub(super) fn mention(&self, span: Span, kind: Mention, resolved: Option<Date>) -> DateMention {
        DateMention {
            span,
            kind,
            resolved,
            weekday: resolved.map(Date::weekday),
            in_title: self.title > 0,
            in_quote: self.quote > 0,
        }
    }
}
