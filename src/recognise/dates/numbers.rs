//! Numbers as dates write them: runs of ASCII or full-width digits, Chinese numerals below
//! a hundred, and four-digit Chinese-numeral years.

use super::scanner::Scanner;
use super::{calendar, Digits, Part};
use crate::recognise::digits::{digit_run, digit_value, is_digit};
use crate::text::Span;

/// A number as written: a run of digits (ASCII or full-width) or Chinese numerals.
#[derive(Clone, Copy, Debug)]
pub(super) struct Num {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: u32,
    pub(super) digits: Digits,
    /// Number of digit characters.
    pub(super) len: usize,
    pub(super) leading_zero: bool,
    pub(super) zero_slip: bool,
}

impl Scanner<'_> {
    /// Reads an Arabic number (ASCII and/or full-width digits) at `pos`.
    pub(super) fn arabic(&self, pos: usize) -> Option<Num> {
        let end = pos + digit_run(self.rest(pos));
        let mut value: u32 = 0;
        let (mut ascii, mut wide, mut len) = (false, false, 0);
        let mut first = None;
        for ch in self.text[pos..end].chars() {
            let digit = digit_value(ch).unwrap_or(0);
            ascii |= ch.is_ascii();
            wide |= !ch.is_ascii();
            first.get_or_insert(digit);
            value = value.saturating_mul(10).saturating_add(digit);
            len += 1;
        }
        (len > 0).then(|| Num {
            start: pos,
            end,
            value,
            digits: match (ascii, wide) {
                (true, true) => Digits::Mixed,
                (false, true) => Digits::FullWidth,
                _ => Digits::Ascii,
            },
            len,
            leading_zero: len >= 2 && first == Some(0),
            zero_slip: false,
        })
    }

    /// Reads a Chinese number below 100 (`十四`, `二十三`) at `pos`.
    pub(super) fn chinese(&self, pos: usize) -> Option<Num> {
        let rest = self.rest(pos);
        let run: usize = rest
            .chars()
            .take_while(|&c| calendar::is_chinese_numeral(c))
            .take(4)
            .map(char::len_utf8)
            .sum();
        if run == 0 {
            return None;
        }
        let value = calendar::chinese_number(&rest[..run])?;
        Some(Num {
            start: pos,
            end: pos + run,
            value,
            digits: Digits::Chinese,
            len: rest[..run].chars().count(),
            leading_zero: false,
            zero_slip: false,
        })
    }

    /// Reads a four-digit Chinese-numeral year (`二〇二三`, `一九九八`, the slip `二○二三`)
    /// that is followed by `年`.
    pub(super) fn chinese_year(&self, pos: usize) -> Option<Num> {
        let mut end = pos;
        let (mut value, mut count, mut genuine, mut slip) = (0u32, 0, 0, false);
        while let Some(ch) = self.char_at(end) {
            let Some((digit, is_slip)) = calendar::chinese_year_digit(ch) else {
                break;
            };
            value = value * 10 + digit;
            count += 1;
            genuine += usize::from(!is_slip);
            slip |= is_slip;
            end += ch.len_utf8();
            if count > 4 {
                return None;
            }
        }
        let first_genuine = self
            .char_at(pos)
            .and_then(calendar::chinese_digit)
            .is_some_and(|d| d > 0);
        (count == 4 && genuine >= 1 && first_genuine && self.eat_char(end, '年').is_some())
            .then_some(Num {
                start: pos,
                end,
                value,
                digits: Digits::Chinese,
                len: 4,
                leading_zero: false,
                zero_slip: slip,
            })
    }

    pub(super) fn number(&self, pos: usize) -> Option<Num> {
        match self.char_at(pos)? {
            c if is_digit(c) => self.arabic(pos),
            c if calendar::chinese_digit(c).is_some() || c == '十' || c == '两' || c == '○' => {
                self.chinese_year(pos).or_else(|| self.chinese(pos))
            }
            _ => None,
        }
    }

    /// The end of the number run at `pos` of the same kind, so a rejected number is skipped
    /// whole (`2023` must not be retried as `023`).
    pub(super) fn skip_number(&self, pos: usize) -> usize {
        let first = self.char_at(pos);
        let end = match first {
            Some(f) if is_digit(f) => self.run_end(pos, is_digit),
            _ => self.run_end(pos, |c| calendar::is_chinese_numeral(c) || c == '○'),
        };
        end.max(pos + first.map_or(1, char::len_utf8))
    }

    /// Skips a lunar date: its numerals and units.
    pub(super) fn skip_date_like(&self, pos: usize) -> usize {
        let end = self.run_end(pos, |c| {
            is_digit(c)
                || calendar::is_chinese_numeral(c)
                || matches!(c, '年' | '月' | '日' | '号' | '初' | '廿' | '卅' | '○')
        });
        end.max(pos + 1)
    }
}

pub(super) fn part(num: &Num, value: i32) -> Part {
    Part {
        value,
        span: Span::from_range(num.start..num.end),
        digits: num.digits,
        leading_zero: num.leading_zero,
        short_year: false,
        zero_slip: num.zero_slip,
    }
}
