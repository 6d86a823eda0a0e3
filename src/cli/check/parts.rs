//! Large files checked in parts, so that memory follows the size of a part and not that of
//! the file: a draft's facts and findings take many times its text (a 50 MB page on one line
//! with a finding every 82 bytes peaked at 0.8 GB in the checking alone).
//!
//! A file larger than [`PART_BYTES`] is cut into parts of about that size, each checked as
//! a draft of its own and its findings moved back to the file's offsets. Cuts keep the
//! blocks the whole file would have: at a blank line when the file has blank lines (each part
//! then ends in one, so it groups lines into blocks as the whole file does), else at a line
//! end (each line is a block), and only inside a line longer than a part, after a sentence's
//! final mark. No cut falls inside a Markdown code block, HTML comment or suppressed region,
//! and every part after the first is checked with the file's front matter in front of it, so
//! it knows the issue date. What a part cannot see is the rest of the file: house style is
//! inferred, and names, places and date styles compared, within each part. Drafts are far
//! smaller than a part; only files that are not one page get cut. A Word draft's text is
//! cut the same way, and each part keeps the table cells and notes that fall in it.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use jiff::civil::Date;

use crate::config::LoadedConfig;
use crate::diagnostic::Diagnostic;
use crate::document::{self, DraftKind};
use crate::lint;
use crate::text::Span;

/// Files above this size are checked in parts of about this size: a hundred pages and more,
/// whose findings and report stay within some tens of MB even with a finding in every
/// sentence.
pub(super) const PART_BYTES: usize = 512 * 1024;

/// The parts of `text`, in order, covering it. One part when it is not larger than
/// [`PART_BYTES`].
pub(super) fn cut(text: &str, kind: DraftKind) -> Vec<Range<usize>> {
    cut_into(text, kind, PART_BYTES)
}

/// [`cut`] with parts of about `part_bytes`.
fn cut_into(text: &str, kind: DraftKind, part_bytes: usize) -> Vec<Range<usize>> {
    if text.len() <= part_bytes {
        return std::iter::once(0..text.len()).collect();
    }
    let keep_whole = match kind {
        DraftKind::Markdown => uncuttable(text),
        DraftKind::Text => Vec::new(),
    };
    let blank_lines = has_blank_line(text);
    let mut parts = Vec::new();
    let mut start = 0;
    while text.len() - start > part_bytes {
        let Some(end) = next_cut(
            text,
            start + part_bytes,
            part_bytes,
            blank_lines,
            &keep_whole,
        ) else {
            break;
        };
        parts.push(start..end);
        start = end;
    }
    parts.push(start..text.len());
    // A last part without a blank line would make each of its lines a block, where the
    // whole file groups them, and a short one could pass for a headline or caption: either
    // stays with the part before.
    let short = text.len() - start < part_bytes / 4;
    if parts.len() > 1 && (short || blank_lines && !has_blank_line(&text[start..])) {
        parts.pop();
        if let Some(last) = parts.last_mut() {
            last.end = text.len();
        }
    }
    parts
}

/// Checks one part of `text` and returns its findings at the file's offsets, sorted, and
/// whether dates in it went unchecked for want of an issue date. A Word
/// draft's text comes with the spans of its table cells and notes (`quiet`), and is parsed
/// one paragraph per line; its line ends are paragraph ends, so any cut keeps its blocks.
pub(super) fn check_part(
    text: &str,
    part: Range<usize>,
    quiet: Option<&[Span]>,
    path: Option<&Path>,
    config: &LoadedConfig,
    today: Date,
) -> (Vec<Diagnostic>, bool) {
    if let Some(quiet) = quiet {
        return check_word_part(text, part, quiet, path, config, today);
    }
    let front = if part.start > 0 && DraftKind::from_path(path) == DraftKind::Markdown {
        document::front_matter(text)
            .span
            .map_or(0, |s| s.end as usize)
    } else {
        0
    };
    let draft: Cow<'_, str> = if front == 0 {
        Cow::Borrowed(&text[part.clone()])
    } else {
        Cow::Owned([&text[..front], &text[part.clone()]].concat())
    };
    let analysis = lint::analyse(&draft, path, config, today);
    let undated = analysis.date_checks_skipped();
    let mut diagnostics = analysis.diagnostics;
    drop(draft);
    // Findings in the copied front matter belong to the first part.
    diagnostics.retain(|d| d.span.start as usize >= front);
    // The front matter sits at the same offsets in the file and in the part.
    let to_file = |offset: u32| {
        let offset = offset as usize;
        let moved = if offset < front {
            offset
        } else {
            offset - front + part.start
        };
        moved as u32
    };
    move_findings(&mut diagnostics, to_file);
    (diagnostics, undated)
}

/// Moves every span of `diagnostics` (findings, related places, fix edits) by `to_file`.
fn move_findings(diagnostics: &mut [Diagnostic], to_file: impl Fn(u32) -> u32) {
    let move_span = |span: &mut Span| *span = Span::new(to_file(span.start), to_file(span.end));
    for diagnostic in diagnostics {
        move_span(&mut diagnostic.span);
        for related in &mut diagnostic.related {
            move_span(&mut related.span);
        }
        for edit in diagnostic.fixes.iter_mut().flat_map(|fix| &mut fix.edits) {
            move_span(&mut edit.span);
        }
    }
}

/// [`check_part`] of a Word draft's text.
fn check_word_part(
    text: &str,
    part: Range<usize>,
    quiet: &[Span],
    path: Option<&Path>,
    config: &LoadedConfig,
    today: Date,
) -> (Vec<Diagnostic>, bool) {
    let offset = part.start as u32;
    let within: Vec<Span> = quiet
        .iter()
        .filter(|s| part.start <= s.start as usize && s.end as usize <= part.end)
        .map(|s| Span::new(s.start - offset, s.end - offset))
        .collect();
    let slice = &text[part];
    let draft = document::parse_paragraphs(slice, &within);
    let analysis = lint::analyse_draft(slice, draft, path, config, today);
    let undated = analysis.date_checks_skipped();
    let mut diagnostics = analysis.diagnostics;
    move_findings(&mut diagnostics, |at| at + offset);
    (diagnostics, undated)
}

/// Where the part that reaches `target` ends: the first good cut at or after it, outside
/// every region in `keep_whole`. `None` when there is none before the end.
fn next_cut(
    text: &str,
    target: usize,
    part_bytes: usize,
    blank_lines: bool,
    keep_whole: &[Range<usize>],
) -> Option<usize> {
    let mut from = target;
    loop {
        // Past a stretch without a cut of the preferred kind, a lesser kind will do.
        let limit = (from + part_bytes).min(text.len());
        let found = if blank_lines {
            after_blank_line(text, from, limit)
        } else {
            None
        }
        .or_else(|| after_line_end(text, from, limit))
        .or_else(|| after_sentence(text, from, limit))?;
        match keep_whole.iter().find(|r| r.start < found && found < r.end) {
            Some(region) => from = region.end,
            None => return (found < text.len()).then_some(found),
        }
    }
}

/// Just after the first blank line that starts in `from..limit`.
fn after_blank_line(text: &str, from: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < limit {
        let line_start = at + memchr::memchr(b'\n', &bytes[at..limit])? + 1;
        let line_end = memchr::memchr(b'\n', &bytes[line_start..]).map(|i| line_start + i)?;
        if is_blank(&text[line_start..line_end]) {
            return Some(line_end + 1);
        }
        at = line_start;
    }
    None
}

/// Just after the first line end in `from..limit`.
fn after_line_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    memchr::memchr(b'\n', &text.as_bytes()[from..limit]).map(|i| from + i + 1)
}

/// Just after the first sentence-final mark in `from..limit` and the closing marks after
/// it, else at the first character boundary at `limit`.
fn after_sentence(text: &str, from: usize, limit: usize) -> Option<usize> {
    let (mut from, mut end) = (from, limit);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = text.get(from..end.max(from))?;
    let found = window
        .char_indices()
        .find(|&(_, ch)| matches!(ch, '。' | '！' | '？'))
        .map(|(i, ch)| {
            let after = from + i + ch.len_utf8();
            let closers = text[after..]
                .chars()
                .take_while(|ch| matches!(ch, '”' | '’' | '」' | '』' | '）' | '》'))
                .map(char::len_utf8)
                .sum::<usize>();
            after + closers
        });
    found.or_else(|| {
        let mut at = limit;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        (at > from).then_some(at)
    })
}

/// A line of layout space only, as the draft parser reads blank lines.
fn is_blank(line: &str) -> bool {
    line.trim_matches(|ch| matches!(ch, ' ' | '\t' | '\r' | '\u{3000}' | '\u{a0}' | '\u{feff}'))
        .is_empty()
}

/// True when a line with text is followed by a blank line: the parser then groups runs of
/// lines into blocks, else every line is a block.
fn has_blank_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut previous_blank = true;
    while line_start < text.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(text.len(), |i| line_start + i);
        let blank = is_blank(&text[line_start..line_end]);
        if blank && !previous_blank {
            return true;
        }
        previous_blank = blank;
        line_start = line_end + 1;
    }
    false
}

/// Regions of a Markdown draft no cut may split: code blocks and HTML comments (which may
/// hold blank lines) and suppressed regions.
fn uncuttable(text: &str) -> Vec<Range<usize>> {
    let front = document::front_matter(text);
    let (masked, suppressions) = document::masks(text, &front);
    let mut regions: Vec<Range<usize>> = masked
        .into_iter()
        .chain(suppressions.into_iter().map(|s| s.span))
        .map(Span::range)
        .collect();
    regions.sort_by_key(|r| r.start);
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parts in tests are small, so that texts cut into several stay quick to check.
    const PART: usize = 16 * 1024;

    fn covers(text: &str, parts: &[Range<usize>]) {
        assert_eq!(parts.first().map(|p| p.start), Some(0));
        assert_eq!(parts.last().map(|p| p.end), Some(text.len()));
        for pair in parts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for part in parts {
            assert!(text.is_char_boundary(part.start) && part.start < part.end);
        }
    }

    /// Findings of every part, at the file's offsets.
    fn in_parts(text: &str, path: &Path) -> Vec<Diagnostic> {
        let config = LoadedConfig::defaults(std::env::temp_dir());
        let today = jiff::civil::date(2024, 1, 15);
        cut_into(text, DraftKind::from_path(Some(path)), PART)
            .into_iter()
            .flat_map(|part| check_part(text, part, None, Some(path), &config, today).0)
            .collect()
    }

    #[test]
    fn parts_find_what_the_whole_finds_on_pages_of_one_style() {
        // The second part knows the issue date from the front matter (`今天` is a finding
        // only in a dated draft, whose own days are mostly written as dates).
        let page =
            "新开街道 推进老旧小区改造。\n\n　　本报讯（记者 王海）今天,新开街道启动老旧小区改造;\
                    改造12日开工,13日完工,涉及12个小区(共1,000户)。\n\n";
        let text = format!(
            "---\ndate: 2023-03-14\n---\n\n{}",
            page.repeat(PART * 5 / page.len())
        );
        let path = Path::new("page.md");
        assert_eq!(cut_into(&text, DraftKind::Markdown, PART).len(), 5);
        let config = LoadedConfig::defaults(std::env::temp_dir());
        let whole = lint::analyse(&text, Some(path), &config, jiff::civil::date(2024, 1, 15));
        let parts = in_parts(&text, path);
        assert!(parts
            .iter()
            .any(|d| d.rule == "date/relative" && d.span.start as usize > 4 * PART));
        assert_eq!(parts, whole.diagnostics);
        // One long line, a finding in every sentence.
        let text = "居民们说,这下好了。".repeat(PART * 3 / 28);
        let path = Path::new("line.txt");
        let whole = lint::analyse(&text, Some(path), &config, jiff::civil::date(2024, 1, 15));
        assert_eq!(in_parts(&text, path), whole.diagnostics);
    }

    #[test]
    fn a_word_drafts_parts_find_what_the_whole_finds() {
        // One paragraph per line, a table cell after each lead; the cells' findings are
        // found, and no paragraph of the page is broken across parts.
        let page = "新开街道推进老旧小区改造\n本报讯（记者 王海）3月14日,新开街道启动改造。\n义诊,量血压\n\n";
        let text = page.repeat(PART * 3 / page.len());
        let quiet: Vec<Span> = text
            .match_indices("义诊,量血压")
            .map(|(at, cell)| Span::from_range(at..at + cell.len()))
            .collect();
        let path = Path::new("2023-03-15-page.docx");
        let config = LoadedConfig::defaults(std::env::temp_dir());
        let today = jiff::civil::date(2024, 1, 15);
        let draft = document::parse_paragraphs(&text, &quiet);
        let whole = lint::analyse_draft(&text, draft, Some(path), &config, today).diagnostics;
        let parts = cut_into(&text, DraftKind::Text, PART);
        assert!(parts.len() >= 3);
        let found: Vec<Diagnostic> = parts
            .into_iter()
            .flat_map(|part| check_part(&text, part, Some(&quiet), Some(path), &config, today).0)
            .collect();
        assert_eq!(found.len(), 2 * quiet.len());
        assert_eq!(found, whole);
    }

    #[test]
    fn small_texts_are_one_part() {
        let whole = 0..12;
        assert_eq!(
            cut("本报讯。", DraftKind::Text),
            std::slice::from_ref(&whole)
        );
        let text = "本报讯。".repeat(PART_BYTES / 12);
        let whole = 0..text.len();
        assert_eq!(cut(&text, DraftKind::Text), std::slice::from_ref(&whole));
    }

    #[test]
    fn paragraphs_are_cut_at_blank_lines_and_every_part_keeps_one() {
        let page = "新开街道推进改造\n本报讯（记者 王海）近日，新开街道启动改造。\n\n";
        let text = page.repeat(PART / page.len() * 3);
        let parts = cut_into(&text, DraftKind::Text, PART);
        covers(&text, &parts);
        assert!(parts.len() >= 2, "{parts:?}");
        for part in &parts {
            assert!(text[..part.end].ends_with("。\n\n"), "{part:?}");
            assert!(has_blank_line(&text[part.clone()]));
        }
    }

    #[test]
    fn lines_are_cut_at_line_ends_without_blank_lines() {
        let text = "居民们说，这下好了。\n".repeat(PART / 20 * 2 + 7);
        let parts = cut_into(&text, DraftKind::Text, PART);
        covers(&text, &parts);
        assert!(parts.len() >= 2);
        for part in &parts {
            assert!(text[..part.end].ends_with('\n'));
        }
    }

    #[test]
    fn one_long_line_is_cut_after_sentences() {
        let text = "居民们说,这下好了”。”".repeat(PART / 20 * 3);
        let parts = cut_into(&text, DraftKind::Text, PART);
        covers(&text, &parts);
        assert!(parts.len() >= 3);
        for part in &parts[..parts.len() - 1] {
            assert!(text[..part.end].ends_with("。”"), "{part:?}");
        }
        // Without any sentence end, at a character boundary.
        let text = "字".repeat(PART);
        covers(&text, &cut_into(&text, DraftKind::Text, PART));
    }

    #[test]
    fn markdown_code_blocks_and_suppressions_are_never_cut() {
        let para = "本报讯（记者 王海）近日，新开街道启动改造。\n\n";
        let fenced = format!("```\n{}```\n\n", "代码\n\n".repeat(PART / 8));
        let disabled = format!(
            "<!-- jiaodui-disable -->\n\n{}<!-- jiaodui-enable -->\n\n",
            para.repeat(PART / para.len())
        );
        let text = [
            para.repeat(PART / para.len() - 5),
            fenced,
            disabled,
            para.repeat(400),
        ]
        .concat();
        let parts = cut_into(&text, DraftKind::Markdown, PART);
        covers(&text, &parts);
        for region in uncuttable(&text) {
            for part in &parts {
                assert!(
                    !(region.start < part.end && part.end < region.end),
                    "{region:?}"
                );
            }
        }
    }
}
