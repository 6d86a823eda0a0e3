//! Names in credits: what reads as a Chinese personal name, and runs of names printed
//! without a separator (`王海李敏`).

use super::Name;
use crate::recognise::persons::{is_compound_surname, is_surname};
use crate::text::{is_han, Span};

/// True when `s` reads as a Chinese personal name: two to four Han characters opening with a
/// common surname, or a transcribed name joined by `·`.
pub(super) fn looks_like_name(s: &str) -> bool {
    if s.contains('·') {
        return s.chars().all(|c| is_han(c) || c == '·') && s.chars().count() >= 3;
    }
    let n = s.chars().count();
    if !(2..=4).contains(&n) || !s.chars().all(is_han) {
        return false;
    }
    // Ex) （全文另发） （完） （待续） — notes, not names.
    const NOT_NAMES: [&str; 8] = [
        "全文", "续完", "待续", "未完", "图片", "附图", "资料", "下转",
    ];
    if NOT_NAMES.iter().any(|w| s.starts_with(w)) {
        return false;
    }
    if is_compound_surname(s) {
        return n >= 3;
    }
    n <= 3 && s.chars().next().is_some_and(is_surname)
}

/// Splits a run of names printed without a separator (`王海李敏`) where the split is certain:
/// each part a name opening with a common surname. Otherwise the run stays whole.
pub(super) fn split_glued(name: Name) -> Vec<Name> {
    let chars: Vec<(usize, char)> = name.text.char_indices().collect();
    if chars.len() <= 4 || name.text.contains('·') {
        return vec![name];
    }
    let mut splits = Vec::new();
    for (k, &(at, _)) in chars.iter().enumerate().take(chars.len() - 1).skip(2) {
        let (left, right) = name.text.split_at(at);
        if looks_like_name(left)
            && looks_like_name(right)
            && left.chars().count() <= 3
            && right.chars().count() <= 3
        {
            splits.push(k);
        }
    }
    if splits.len() != 1 {
        return vec![name];
    }
    let at = chars[splits[0]].0;
    let (left, right) = name.text.split_at(at);
    vec![
        Name {
            span: Span::new(name.span.start, name.span.start + at as u32),
            text: left.to_owned(),
            padded: false,
        },
        Name {
            span: Span::new(name.span.start + at as u32, name.span.end),
            text: right.to_owned(),
            padded: false,
        },
    ]
}
