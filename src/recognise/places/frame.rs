//! What the words around a former name say of time: the past named on purpose (`原大同县`,
//! `大同县（今云州区）`), a sentence about the change itself (`撤县设区`), and the years the
//! sentence writes (`1996年1月，邵阳市郊区…`). Recorded for the mentions that may be former
//! names, so that no rule reads the text around them again.

use super::Mention;
use crate::recognise::digits::digit_value;
use crate::text::Span;

/// The words around one mention that may be a former name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeFrame {
    /// `原`, `前` or `旧` right before the name (`原属` `原为` `原是` too), or `（今…）` /
    /// `（现…）` right after it.
    pub marked_past: bool,
    /// The sentence tells of a change of divisions or of their past: `撤`, `更名`,
    /// `合并`, `设立`, `曾`, `当时`, `80年代`, `十年前` …
    pub tells_change: bool,
    /// The earliest four-digit number from 1900 on that the sentence writes (ASCII or
    /// full-width digits): a year the sentence is about.
    pub earliest_year: Option<u32>,
    /// The name is part of a title in `《》` (`《大同县志》`): the title of a work, which
    /// keeps the name it was given.
    pub in_title: bool,
}

/// Words that mark a sentence about the change itself, or the past on purpose.
const CHANGE_WORDS: &[&str] = &[
    "撤",
    "更名",
    "改名",
    "改称",
    "改为",
    "改设",
    "设立",
    "合并",
    "并入",
    "划归",
    "划入",
    "前身",
    "曾",
    "旧称",
    "原名",
    "时称",
    "时为",
    "当时",
    "历史",
    "成立",
    // The new name told beside the old: `家住大同县的老李说，现在叫云州区了`.
    "现在叫",
    "现叫",
    "如今叫",
    "改叫",
    "现称",
    "今称",
    "现名",
    "今名",
    // The past named in words: `上世纪80年代`, `十年前`, `改革开放初期`, `那时`.
    "年代",
    "世纪",
    "年前",
    "以前",
    "那时",
    "早年",
    "初期",
    "昔日",
    "过去",
    "当年",
    "彼时",
];

/// Frames each mention that may be a former name. One pass over the mentions, in order:
/// each chain's start is carried from parent to child, and a sentence's words are read
/// once, for all the mentions in it.
pub(super) fn frame_former_names(text: &str, mentions: &mut [Mention]) {
    let mut chain_starts: Vec<u32> = Vec::with_capacity(mentions.len());
    let mut sentence: Option<Sentence> = None;
    for (i, m) in mentions.iter_mut().enumerate() {
        // Ex) 原湖北省襄樊市: the mark stands before the chain the name ends.
        let chain_start = match m.after.filter(|&p| p < i) {
            Some(parent) => chain_starts[parent],
            None => m.span.start,
        };
        chain_starts.push(chain_start);
        if m.former.is_empty() && m.newsroom_former.is_empty() {
            continue;
        }
        let span = m.span;
        let current = match sentence {
            Some(s) if s.end >= span.end as usize => s,
            last => Sentence::around(text, span, last.map_or(0, |s| s.end)),
        };
        sentence = Some(current);
        m.frame = Some(TimeFrame {
            marked_past: marked_past(text, Span::new(chain_start, span.end)),
            tells_change: current.tells_change,
            earliest_year: current.earliest_year,
            in_title: in_title(text, span),
        });
    }
}

/// A sentence and what it says of time.
#[derive(Clone, Copy)]
struct Sentence {
    end: usize,
    tells_change: bool,
    earliest_year: Option<u32>,
}

impl Sentence {
    /// The sentence holding `span`, which starts at or after byte `from` (the end of the
    /// sentence before, so that no text is read twice).
    fn around(text: &str, span: Span, from: usize) -> Sentence {
        let (start, end) = sentence_bounds(text, span, from);
        let sentence = &text[start..end];
        Sentence {
            end,
            tells_change: CHANGE_WORDS.iter().any(|w| sentence.contains(w)),
            earliest_year: earliest_year(sentence),
        }
    }
}

/// `原大同县`, `原属大同县`, `大同县（今云州区）`, `水泊寺乡政府旧址`, and the name in
/// quotes as a name (`“大同县”牌匾被摘下`, `“大同县”已成为历史`).
fn marked_past(text: &str, span: Span) -> bool {
    let before = &text[..span.start as usize];
    let after = &text[span.end as usize..];
    let prefix: String = {
        let mut chars: Vec<char> = before.chars().rev().take(2).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    prefix.ends_with(['原', '前', '旧'])
        || (prefix.ends_with(['“', '「']) && after.starts_with(['”', '」']))
        || ["原属", "原为", "原是"].iter().any(|p| prefix.ends_with(p))
        || ["（今", "(今", "（现"].iter().any(|p| after.starts_with(p))
        || ["旧址", "政府旧址", "人民政府旧址"]
            .iter()
            .any(|p| after.starts_with(p))
}

/// Whether `span` lies between `《` and `》` on its line, no more than [`TITLE_REACH`]
/// characters from either.
fn in_title(text: &str, span: Span) -> bool {
    let opened = text[..span.start as usize]
        .chars()
        .rev()
        .take(TITLE_REACH)
        .take_while(|&c| c != '\n' && c != '》')
        .any(|c| c == '《');
    opened
        && text[span.end as usize..]
            .chars()
            .take(TITLE_REACH)
            .take_while(|&c| c != '\n' && c != '《')
            .any(|c| c == '》')
}

/// How far a title's marks are looked for around a name, in characters.
const TITLE_REACH: usize = 40;

/// The smallest run of exactly four digits, 1900 or later, in `sentence`.
fn earliest_year(sentence: &str) -> Option<u32> {
    let mut earliest: Option<u32> = None;
    let mut value = 0u32;
    let mut digits = 0;
    for ch in sentence.chars().chain(std::iter::once(' ')) {
        match digit_value(ch) {
            Some(d) => {
                value = value.saturating_mul(10).saturating_add(d);
                digits += 1;
            }
            None => {
                if digits == 4 && value >= 1900 {
                    earliest = Some(earliest.map_or(value, |e| e.min(value)));
                }
                value = 0;
                digits = 0;
            }
        }
    }
    earliest
}

/// The byte range of the sentence holding `span`, looking back no further than `from`.
fn sentence_bounds(text: &str, span: Span, from: usize) -> (usize, usize) {
    let stops = |c: char| "。！？；\n".contains(c);
    let from = from.min(span.start as usize);
    let before = &text[from..span.start as usize];
    let after = &text[span.end as usize..];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| stops(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let end = span.end as usize + after.find(stops).unwrap_or(after.len());
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_marks_around_a_name() {
        let text = "１９９６年1月，邵阳市郊区发生2001件事，共12345人。原大同县（今云州区）";
        let at = |name: &str| {
            let start = text.find(name).unwrap() as u32;
            Span::new(start, start + name.len() as u32)
        };
        let first = Sentence::around(text, at("郊区"), 0);
        assert_eq!(first.earliest_year, Some(1996));
        assert!(!marked_past(text, at("郊区")) && !first.tells_change);
        let second = Sentence::around(text, at("大同县"), first.end);
        assert!(marked_past(text, at("大同县")));
        assert_eq!(second.earliest_year, None);
    }

    #[test]
    fn names_in_titles() {
        let text = "清代《大同县志》记载，大同县《志》和《史记》之间";
        let at = |name: &str, from: usize| {
            let start = (from + text[from..].find(name).unwrap()) as u32;
            Span::new(start, start + name.len() as u32)
        };
        assert!(in_title(text, at("大同县", 0)));
        let second = text.find("记载").unwrap();
        assert!(!in_title(text, at("大同县", second)));
    }
}
