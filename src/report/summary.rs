//! What a run found, added up: the closing summary of every format and the exit status.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::sum_by_byte;

/// 《报纸期刊质量管理规定》(2020): a newspaper may have at most 3 errors per 10 000 characters.
pub const STANDARD_ERROR_RATE: f64 = 3.0;

/// Totals of a run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub files: usize,
    /// Files asked for and not checked (not text, unreadable, a damaged Word document, an
    /// old `.doc`): each is a `file/unreadable` finding unless that rule is off.
    pub skipped: usize,
    /// Of those, drafts stored as mojibake (a GB18030 draft an editor decoded wrongly): each
    /// is a `file/encoding` finding unless that rule is off.
    pub misdecoded: usize,
    /// Paths that could not be read at all (one that does not exist, a folder that cannot
    /// be walked): the run is incomplete and fails.
    pub failed: usize,
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
    /// Files read as UTF-16 (and written back as UTF-16 by `--fix`).
    pub utf16_files: usize,
    /// Word drafts (`.docx`) checked: their lines are paragraphs.
    pub word_files: usize,
    /// Word drafts `--fix` or `--diff` left as they are.
    pub word_untouched: usize,
    /// Files without an issue date in which dates only that date would date went unchecked
    /// (told once on stderr: no finding).
    pub undated: usize,
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

    /// Adds one checked file; `writable` is false for a file `--fix` never writes (a Word
    /// draft), whose safe fixes are not offered as `--fix`'s.
    pub fn add_file(&mut self, path: &str, tally: &FileTally, writable: bool) {
        self.files += 1;
        self.chars += tally.chars;
        for (severity, n) in tally.by_severity() {
            *self.by_severity.entry(severity).or_default() += n;
        }
        for (rule, n) in &tally.by_rule {
            *self.by_rule.entry(rule).or_default() += n;
        }
        if writable {
            self.fixable += tally.fixable;
        }
        let rate = tally.error_rate();
        if rate > self.rate_threshold {
            self.over_rate.push((path.to_owned(), rate));
        }
    }

    /// Adds one file that was asked for and not checked — `misdecoded` when it is mojibake —:
    /// its finding, not its characters.
    pub fn add_skipped(&mut self, tally: &FileTally, misdecoded: bool) {
        self.skipped += 1;
        self.misdecoded += usize::from(misdecoded);
        for (severity, n) in tally.by_severity() {
            *self.by_severity.entry(severity).or_default() += n;
        }
        for (rule, n) in &tally.by_rule {
            *self.by_rule.entry(rule).or_default() += n;
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity.get(&severity).copied().unwrap_or(0)
    }

    /// The findings by severity, as every report's closing line writes them.
    pub fn by_severity_text(&self) -> String {
        format!(
            "错误 {}，警告 {}，提示 {}",
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info)
        )
    }

    /// Whether every file asked for was read and checked.
    pub fn complete(&self) -> bool {
        self.skipped == 0 && self.failed == 0
    }

    /// What a run without findings says after its counts: clean only when it is complete.
    pub fn nothing_found(&self) -> &'static str {
        if !self.complete() {
            "：检查过的文件没有发现问题，但检查不完整。"
        } else if self.undated > 0 {
            "：没有发现问题，但部分日期未核对。"
        } else {
            "：没有发现问题。"
        }
    }

    /// Sentences on what was not checked, when anything was not.
    pub fn incomplete(&self) -> Vec<String> {
        let mut out = Vec::new();
        let unreadable = self.skipped - self.misdecoded;
        if unreadable > 0 {
            out.push(format!(
                "有 {unreadable} 个文件未能读取，没有检查（见 file/unreadable）。"
            ));
        }
        if self.misdecoded > 0 {
            out.push(format!(
                "有 {} 个文件是编码读错的乱码，没有检查（见 file/encoding）。",
                self.misdecoded
            ));
        }
        if self.undated > 0 {
            out.push(format!(
                "有 {} 个文件没有出版日期，部分日期未核对（给出日期的办法见提示，如加 --date）。",
                self.undated
            ));
        }
        if self.failed > 0 {
            out.push(format!(
                "有 {} 个路径无法读取或其中没有稿件（见上方的错误信息），检查不完整。",
                self.failed
            ));
        }
        out
    }
}

/// What one file adds to the summary, counted while its findings are written (part by part
/// for a file checked in parts), so the findings themselves need not be kept.
#[derive(Clone, Debug, Default)]
pub struct FileTally {
    /// Characters checked (non-whitespace Unicode scalars).
    pub chars: u64,
    /// Findings of severity info, warning and error.
    counts: [usize; 3],
    by_rule: Vec<(&'static str, usize)>,
    fixable: usize,
}

impl FileTally {
    /// Counts `diagnostics` in.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            self.counts[severity_slot(diagnostic.severity)] += 1;
            // A file's findings come from a couple of dozen rules: a short list beats a map.
            match self
                .by_rule
                .iter_mut()
                .find(|(rule, _)| *rule == diagnostic.rule)
            {
                Some((_, n)) => *n += 1,
                None => self.by_rule.push((diagnostic.rule, 1)),
            }
            if diagnostic.safe_fix().is_some() {
                self.fixable += 1;
            }
        }
    }

    /// Adds the counts of another part of the same file (characters are counted once, for
    /// the whole file).
    pub fn merge(&mut self, part: &FileTally) {
        for (mine, theirs) in self.counts.iter_mut().zip(part.counts) {
            *mine += theirs;
        }
        for &(rule, n) in &part.by_rule {
            match self.by_rule.iter_mut().find(|(known, _)| *known == rule) {
                Some((_, count)) => *count += n,
                None => self.by_rule.push((rule, n)),
            }
        }
        self.fixable += part.fixable;
    }

    /// Findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.counts[severity_slot(severity)]
    }

    /// The most serious severity found, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.by_severity().map(|(severity, _)| severity).max()
    }

    /// Findings of severity error and warning per 10 000 characters (差错率).
    pub fn error_rate(&self) -> f64 {
        let counted = self.counts[severity_slot(Severity::Warning)]
            + self.counts[severity_slot(Severity::Error)];
        error_rate(self.chars, counted)
    }

    /// Severities with at least one finding, and how many.
    fn by_severity(&self) -> impl Iterator<Item = (Severity, usize)> + '_ {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .map(|severity| (severity, self.counts[severity_slot(severity)]))
            .filter(|&(_, n)| n > 0)
    }
}

fn severity_slot(severity: Severity) -> usize {
    match severity {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

/// `counted` findings (of severity error and warning) per 10 000 characters (差错率).
pub fn error_rate(chars: u64, counted: usize) -> f64 {
    if chars == 0 {
        return 0.0;
    }
    counted as f64 * 10_000.0 / chars as f64
}

/// Characters that count for the error rate: everything but whitespace.
pub fn count_chars(text: &str) -> u64 {
    let bytes = text.as_bytes();
    // One pass by bytes: a character is counted at its first byte (any byte but a
    // continuation byte, 80–BF), unless it is ASCII whitespace.
    let counted = sum_by_byte(bytes, |b| {
        u8::from(!matches!(b, b'\t'..=b'\r' | b' ' | 0x80..=0xBF))
    });
    // Outside ASCII, whitespace characters start with C2, E1, E2 or E3 (U+0085, U+00A0,
    // U+1680, U+2000–U+205F, U+3000). E3 opens most Chinese punctuation, and its only
    // whitespace is U+3000: search for that one directly.
    let decoded_space = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
        .filter(|&i| text[i..].chars().next().is_some_and(char::is_whitespace))
        .count();
    let ideographic_space = memchr::memmem::find_iter(bytes, "\u{3000}".as_bytes()).count();
    (counted - decoded_space - ideographic_space) as u64
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
