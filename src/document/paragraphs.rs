//! Text read from a word-processor document → [`Draft`]. Such a text has one paragraph per
//! line, so each line is a block of its own, whether blank lines come between or not; a
//! line break inside a paragraph is U+2028 LINE SEPARATOR, which splits the block into
//! lines as a line end does in a plain draft. Paragraphs the document puts in table cells
//! or notes are `Cell` blocks. Otherwise blocks are read as in a plain draft, so a page
//! gives the same blocks from either.

use super::parse::{classify, group_articles, make_line, Line, LineShape};
use super::Draft;
use crate::text::Span;

/// Parses a text with one paragraph per line; `quiet` holds the spans of the paragraphs
/// that are table cells or notes, sorted. Every string gives a `Draft`.
pub fn parse_paragraphs(text: &str, quiet: &[Span]) -> Draft {
    let mut draft = Draft::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut blocks = Vec::new();
    let mut start = 0;
    for paragraph in text.split_inclusive('\n') {
        let end = start + paragraph.trim_end_matches(['\n', '\r']).len();
        let first = lines.len();
        let mut piece_start = start;
        for piece in text[start..end].split('\u{2028}') {
            let piece_end = piece_start + piece.len();
            let line = make_line(text, piece_start, piece_end, false, &draft);
            if line.shape != LineShape::Blank {
                lines.push(line);
            }
            piece_start = piece_end + '\u{2028}'.len_utf8();
        }
        if lines.len() > first {
            let shape = if overlaps(quiet, Span::from_range(start..end)) {
                LineShape::Cell
            } else {
                LineShape::Text
            };
            blocks.push((first..lines.len(), shape));
        }
        start += paragraph.len();
    }
    draft.blocks = classify(text, &draft, &lines, &blocks);
    group_articles(text, &mut draft);
    draft
}

/// Whether `span` shares text with one of the sorted `spans`.
fn overlaps(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.start < span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{parse, BlockKind, DraftKind};

    fn kinds(draft: &Draft, text: &str) -> Vec<(BlockKind, String)> {
        draft
            .blocks
            .iter()
            .map(|b| (b.kind, text[b.span.range()].to_owned()))
            .collect()
    }

    #[test]
    fn paragraphs_are_the_blocks_of_the_same_text_with_blank_lines() {
        let paragraphs = [
            "平城区 新开街道 推进老旧小区改造",
            "　　本报讯（记者 王海 李敏）近日，新开街道启动老旧小区改造。",
            "",
            "　　改造涉及12个小区。",
            "居民在新建的健身广场锻炼 本报记者 王海 摄",
        ];
        let word = paragraphs.map(|p| format!("{p}\n")).concat();
        let plain = paragraphs
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| format!("{p}\n\n"))
            .collect::<String>();
        let from_word = parse_paragraphs(&word, &[]);
        let from_plain = parse(&plain, DraftKind::Text);
        assert_eq!(
            kinds(&from_word, &word),
            kinds(&from_plain, &plain),
            "the same page gives the same blocks"
        );
        assert_eq!(from_word.articles.len(), from_plain.articles.len());
        assert_eq!(from_word.blocks[0].kind, BlockKind::Headline);
    }

    #[test]
    fn a_line_break_splits_a_paragraph_into_lines_of_one_block() {
        let text = "第一行\u{2028}第二行，\u{2028}\u{2028}第三行。\n下一段。\n";
        let draft = parse_paragraphs(text, &[]);
        assert_eq!(draft.blocks.len(), 2);
        let lines: Vec<&str> = draft.blocks[0]
            .lines
            .iter()
            .map(|l| &text[l.range()])
            .collect();
        assert_eq!(lines, ["第一行", "第二行，", "第三行。"]);
    }

    #[test]
    fn cells_are_outside_articles_and_do_not_change_their_neighbours() {
        let text = "新开街道推进改造\n时间\n3月14日\n本报讯（记者 王海）近日，新开街道启动改造。\n";
        let cell = |s: &str| {
            let at = text.find(s).unwrap();
            Span::from_range(at..at + s.len())
        };
        let draft = parse_paragraphs(text, &[cell("时间"), cell("3月14日")]);
        let kinds: Vec<BlockKind> = draft.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Headline,
                BlockKind::Cell,
                BlockKind::Cell,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(draft.articles.len(), 1);
        assert_eq!(draft.articles[0].headline, Some(0));
        assert_eq!(draft.articles[0].paragraphs, [3]);
        // Cells are prose for the recognisers.
        assert_eq!(draft.segments().count(), 4);
    }
}
