//! Digits as drafts print them: ASCII, or full-width (`１９９８年１月５日`, common in older
//! print). Shared by the recognisers that read numbers: dates, datelines, years.

use crate::calendar::fullwidth_digit;

/// The value of an ASCII or full-width digit.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| fullwidth_digit(c))
}

/// True for an ASCII or full-width digit.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || fullwidth_digit(c).is_some()
}

/// The byte length of the run of digits `s` opens with.
pub(crate) fn digit_run(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_digit).len()
}
