//! Names in credits: what reads as a Chinese personal name, and runs of names printed
//! without a separator (`王海李敏`).

use super::Name;
use crate::document::COLUMN_HEADINGS;
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
    // Ex) （全文另发） （完） （待续） — notes, not names; `记者手记` — a column's heading.
    const NOT_NAMES: [&str; 8] = [
        "全文", "续完", "待续", "未完", "图片", "附图", "资料", "下转",
    ];
    if (NOT_NAMES.iter().chain(&COLUMN_HEADINGS)).any(|w| s.starts_with(w)) {
        return false;
    }
    if is_compound_surname(s) {
        return n >= 3;
    }
    n <= 3 && s.chars().next().is_some_and(is_surname)
}

/// Splits a run of names printed without a separator (`王海李敏`, `李战吉罗昌爱`) where the
/// cut is certain: the run is the roster's names one after another, or it can be cut only
/// one way into names of two or three characters that open with a common surname.
/// Otherwise the run stays whole.
pub(super) fn split_glued(name: Name, roster: &[String]) -> Vec<Name> {
    let chars = name.text.chars().count();
    if chars < 4 || name.text.contains('·') || roster.contains(&name.text) {
        return vec![name];
    }
    // Ex) 欧阳明月 — a compound surname's name of four characters is one name.
    if chars == 4 && is_compound_surname(&name.text) {
        return vec![name];
    }
    let on_roster = |part: &str| roster.iter().any(|r| r == part);
    let cuts = cuts(&name.text, &on_roster).or_else(|| {
        cuts(&name.text, &|part: &str| {
            let n = part.chars().count();
            (2..=3).contains(&n) && looks_like_name(part)
        })
    });
    let Some(cuts) = cuts else {
        return vec![name];
    };
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.into_iter().chain([name.text.len()]) {
        out.push(Name {
            span: Span::new(name.span.start + start as u32, name.span.start + end as u32),
            text: name.text[start..end].to_owned(),
            padded: false,
            joined: start > 0,
        });
        start = end;
    }
    out
}

/// The byte offsets where `run` is cut into parts that are all `is_part`, when exactly one
/// way of cutting it exists.
fn cuts(run: &str, is_part: &dyn Fn(&str) -> bool) -> Option<Vec<usize>> {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    // ways[i]: how many ways (capped at 2) the run up to bounds[i] is cut, and the last
    // cut of one of them.
    let mut ways: Vec<(u8, usize)> = vec![(0, 0); bounds.len()];
    ways[0] = (1, 0);
    for end in 1..bounds.len() {
        for start in 0..end {
            if ways[start].0 == 0 || !is_part(&run[bounds[start]..bounds[end]]) {
                continue;
            }
            ways[end] = ((ways[end].0 + ways[start].0).min(2), start);
        }
    }
    if ways[bounds.len() - 1].0 != 1 {
        return None;
    }
    let mut out = Vec::new();
    let mut at = bounds.len() - 1;
    while at > 0 {
        at = ways[at].1;
        if at > 0 {
            out.push(bounds[at]);
        }
    }
    out.reverse();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(run: &str, roster: &[&str]) -> Vec<String> {
        let roster: Vec<String> = roster.iter().map(|r| r.to_string()).collect();
        let name = Name {
            span: Span::new(0, run.len() as u32),
            text: run.to_owned(),
            padded: false,
            joined: false,
        };
        split_glued(name, &roster)
            .into_iter()
            .map(|n| n.text)
            .collect()
    }

    #[test]
    fn runs_of_names_are_cut_only_where_certain() {
        assert_eq!(split("王海李敏", &[]), ["王海", "李敏"]);
        assert_eq!(split("张明赵天华", &[]), ["张明", "赵天华"]);
        assert_eq!(split("李战吉罗昌爱", &[]), ["李战吉", "罗昌爱"]);
        assert_eq!(split("欧阳明月", &[]), ["欧阳明月"]);
        assert_eq!(split("王海", &[]), ["王海"]);
        // Ex) 海涛晓东 — not names by shape, but the roster's.
        assert_eq!(split("海涛晓东", &["海涛", "晓东"]), ["海涛", "晓东"]);
        assert_eq!(split("海涛晓东", &[]), ["海涛晓东"]);
    }
}
