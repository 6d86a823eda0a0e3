//! A credit printed after a dateline without its parentheses: `本报讯 记者王海 8日，……`,
//! `本报讯 记者 王海 李敏 9日上午，……` — the house's `本报讯（记者 王海）` with the marks
//! left out.
//!
//! Without parentheses nothing but what follows the names says where they end, and the
//! reporter is as often the subject of the lead's sentence (`本报讯 记者从市教育局获悉`,
//! `本报讯 记者 王海 再次来到红旗社区`). So a credit is read only where a day or time opens
//! the lead's first clause right after the names (`8日，`): a reporter's sentence does not go
//! on so, and the names' end is then certain. The roster helps to split names run together,
//! never to take words for a credit.

use super::credit::{is_space, leading_spaces};
use super::names::{looks_like_name, split_glued};
use super::{Credit, CreditForm, Name, Scan};
use crate::recognise::dates::{scan, TIME_OF_DAY};
use crate::text::{is_han, Span};

/// Words of time the date recogniser does not take for dates, which open a lead:
/// `近日，`, `日前，`.
const TIME_WORDS: [&str; 10] = [
    "近日",
    "日前",
    "近期",
    "连日来",
    "连日",
    "近来",
    "最近",
    "前不久",
    "不久前",
    "今年以来",
];

/// How a place or an organisation ends: a word that looks like a name by its first
/// character (`平城区`, `我市`) but is none.
const NOT_NAME_ENDINGS: [char; 12] = [
    '区', '县', '市', '镇', '乡', '村', '省', '州', '街', '路', '局', '委',
];

/// Where the words of an unbracketed credit end.
struct End {
    /// The byte length of the credit's words (role words and names).
    words: usize,
    /// The byte length with the spaces after them: where the lead's text starts.
    len: usize,
}

impl Scan<'_> {
    /// The credit printed bare at the start of `text`, right after a dateline and opening
    /// with a role word, and its byte length with the spaces after it.
    pub(super) fn bare_credit(&self, text: &str, base: u32) -> Option<(Credit, usize)> {
        let end = self.bare_end(text, base)?;
        let mut credit = self.credit_body(&text[..end.words], base)?;
        let known = |n: &Name| self.roster.contains(&n.text);
        if credit.media.is_some()
            || credit.groups.iter().any(|g| g.names.is_empty())
            || !credit.names().all(|n| looks_like_name(&n.text) || known(n))
        {
            return None;
        }
        credit.form = CreditForm::Unbracketed;
        credit.span = Span::new(base, base + end.len as u32);
        Some((credit, end.len))
    }

    /// Reads role words and names from the start of `text` up to the lead's text.
    fn bare_end(&self, text: &str, base: u32) -> Option<End> {
        let mut pos = 0;
        let mut words = None;
        loop {
            let rest = &text[pos..];
            if let Some(role) = self.roles.prefix(rest) {
                pos += role.len();
                pos += leading_spaces(&text[pos..]);
                words = None;
                continue;
            }
            if self.time_at(text, pos, base).is_some() {
                break;
            }
            let run = rest.len() - rest.trim_start_matches(|c| is_han(c) || c == '·').len();
            if run == 0 {
                break;
            }
            let apart = rest[run..].starts_with(is_gap);
            // Ex) 王海红旗社区 — the roster's name opens a run of words.
            let cut = match self.names_in(&rest[..run]) {
                Some(cut) => cut,
                None if words.is_some() => break,
                None => return None,
            };
            pos += cut;
            words = Some(pos);
            if cut < run || !apart {
                break;
            }
            pos += text[pos..].len() - text[pos..].trim_start_matches(is_gap).len();
        }
        let words = words?;
        // Ex) 8日， — the lead's first clause opens with a day or time.
        let time = self.time_at(text, pos, base)?;
        opens_clause(&text[pos + time..]).then_some(End { words, len: pos })
    }

    /// How much of a run of Han characters after a role word or a separator is names: all
    /// of it when it is a name or up to three names run together, else the roster's name it
    /// opens with.
    fn names_in(&self, run: &str) -> Option<usize> {
        if run.chars().count() > 9 {
            return self.roster_prefix(run);
        }
        let name = Name {
            span: Span::new(0, run.len() as u32),
            text: run.to_owned(),
            padded: false,
            joined: false,
        };
        let parts = split_glued(name, self.roster);
        let names = parts.iter().all(|n| {
            self.roster.contains(&n.text)
                || looks_like_name(&n.text) && !n.text.ends_with(NOT_NAME_ENDINGS)
        });
        if names {
            return Some(run.len());
        }
        self.roster_prefix(run)
    }

    /// The length of the longest roster name `run` opens with, when more follows it.
    fn roster_prefix(&self, run: &str) -> Option<usize> {
        (self.roster.iter())
            .filter(|r| r.len() < run.len() && run.starts_with(r.as_str()))
            .map(String::len)
            .max()
    }

    /// The byte length of a day or time at `text[pos..]` (`8日`, `9日上午`, `昨天`, `近日`),
    /// with the part of the day written after it.
    fn time_at(&self, text: &str, pos: usize, base: u32) -> Option<usize> {
        let rest = &text[pos..];
        let len = match TIME_WORDS.iter().find(|w| rest.starts_with(*w)) {
            Some(word) => word.len(),
            None => {
                let window = rest.char_indices().nth(24).map_or(rest.len(), |(i, _)| i);
                let start = base + pos as u32;
                let mut found = Vec::new();
                scan(
                    self.text,
                    Span::new(start, start + window as u32),
                    None,
                    &mut found,
                );
                // Ex) 9日上午9时 — a day and a time one after the other.
                let mut end = start;
                for mention in &found {
                    if mention.span.start != end {
                        break;
                    }
                    end = mention.span.end;
                }
                (end - start) as usize
            }
        };
        if len == 0 {
            return None;
        }
        let part = TIME_OF_DAY.iter().find(|p| rest[len..].starts_with(*p));
        Some(len + part.map_or(0, |p| p.len()))
    }
}

/// Separators between names of an unbracketed credit: spaces and `、`.
fn is_gap(c: char) -> bool {
    is_space(c) || c == '、'
}

/// True when the lead's first clause ends right after its day or time: `8日，`.
fn opens_clause(after_time: &str) -> bool {
    after_time.starts_with(['，', ','])
}
