//! What a run found, added up: the closing summary of every format and the exit status.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};

/// 《报纸期刊质量管理规定》(2020): a newspaper may have at most 3 errors per 10 000 characters.
pub const STANDARD_ERROR_RATE: f64 = 3.0;

/// Totals of a run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub files: usize,
    /// Files skipped with a note (not text, unreadable).
    pub skipped: usize,
    /// Characters checked (non-whitespace Unicode scalars).
    pub chars: u64,
    pub by_severity: BTreeMap<Severity, usize>,
    pub by_rule: BTreeMap<&'static str, usize>,
    /// Findings with a safe fix: what `--fix` would correct.
    pub fixable: usize,
    /// Fixes applied by `--fix`.
    pub fixed: usize,
    /// Files written by `--fix`.
    pub files_fixed: usize,
    /// Files read as GB18030 (and written back as GB18030 by `--fix`).
    pub gb18030_files: usize,
    /// Files whose error rate is over the threshold: (path, findings per 10 000 characters).
    pub over_rate: Vec<(String, f64)>,
    /// The rate a file must stay under: `--max-error-rate`, else the newspaper standard.
    pub rate_threshold: f64,
}

impl Summary {
    pub fn new(rate_threshold: Option<f64>) -> Summary {
        Summary {
            rate_threshold: rate_threshold.unwrap_or(STANDARD_ERROR_RATE),
            ..Summary::default()
        }
    }

    pub fn findings(&self) -> usize {
        self.by_severity.values().sum()
    }

    /// Adds one checked file.
    pub fn add_file(&mut self, path: &str, chars: u64, diagnostics: &[Diagnostic]) {
        self.files += 1;
        self.chars += chars;
        for diagnostic in diagnostics {
            *self.by_severity.entry(diagnostic.severity).or_default() += 1;
            *self.by_rule.entry(diagnostic.rule).or_default() += 1;
            if diagnostic.safe_fix().is_some() {
                self.fixable += 1;
            }
        }
        let rate = error_rate(chars, diagnostics);
        if rate > self.rate_threshold {
            self.over_rate.push((path.to_owned(), rate));
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity.get(&severity).copied().unwrap_or(0)
    }
}

/// Findings of severity error and warning per 10 000 characters (差错率).
pub fn error_rate(chars: u64, diagnostics: &[Diagnostic]) -> f64 {
    let counted = diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    if chars == 0 {
        return 0.0;
    }
    counted as f64 * 10_000.0 / chars as f64
}

/// Characters that count for the error rate: everything but whitespace.
pub fn count_chars(text: &str) -> u64 {
    let bytes = text.as_bytes();
    // std counts characters without decoding them; ASCII whitespace is one byte, counted by
    // a plain loop the compiler turns into vector code.
    let chars = text.chars().count();
    let ascii_space = bytes
        .iter()
        .filter(|&&b| matches!(b, b'\t'..=b'\r' | b' '))
        .count();
    // Outside ASCII, whitespace characters start with C2, E1, E2 or E3 (U+0085, U+00A0,
    // U+1680, U+2000–U+205F, U+3000). E3 opens most Chinese punctuation, and its only
    // whitespace is U+3000: search for that one directly.
    let decoded_space = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
        .filter(|&i| text[i..].chars().next().is_some_and(char::is_whitespace))
        .count();
    let ideographic_space = memchr::memmem::find_iter(bytes, "\u{3000}".as_bytes()).count();
    (chars - ascii_space - decoded_space - ideographic_space) as u64
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn count_chars_counts_every_character_but_whitespace() {
        let every: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let want = every.chars().filter(|c| !c.is_whitespace()).count() as u64;
        assert_eq!(count_chars(&every), want);
        for ch in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = format!("a{ch}b");
            assert_eq!(
                count_chars(&text),
                2 + u64::from(!ch.is_whitespace()),
                "{ch:?}"
            );
        }
    }
}
