//! A paragraph pasted from a printed or PDF page keeps the page's line breaks: each line of
//! the column becomes a line of the draft, cut at one width wherever the column ends. Read
//! one by one, such lines look like captions, headlines or verse; this module finds them so
//! that they stay body text, and `paragraph/broken` sees the breaks.

use std::borrow::Cow;

use super::furniture::opens_list_item;
use super::sentence::ends_sentence;
use super::Block;
use crate::text::{contains_any, sum_by_byte};

/// Fewest full-width lines that make a column.
const MIN_LINES: usize = 3;

/// Narrowest column, in display columns (eleven Chinese characters, a narrow newspaper
/// column): shorter lines of one length are verse (`床前明月光，`) or lists.
const MIN_WIDTH: usize = 22;

/// How far, in display columns, the full lines of one column may differ in width: a
/// half-width digit or space, a mark hung in the margin.
const TOLERANCE: usize = 2;

/// Most lines read as one column at a time; a longer column is read in parts, each of
/// which must pass as one (a pasted page of a newspaper column is some 40 lines).
const MAX_LINES: usize = 64;

/// How much narrower the first line may be when it is indented (`　　` takes four
/// columns).
const INDENT: usize = 4;

/// Display width: two columns for a Chinese character or full-width mark, one for ASCII.
pub(crate) fn display_width(text: &str) -> usize {
    // By bytes: an ASCII byte is one column, the lead byte of any other character two, a
    // continuation byte none.
    sum_by_byte(text.as_bytes(), |b| {
        u8::from(b < 0x80) + 2 * u8::from(b >= 0xC0)
    })
}

/// Which blocks are lines of a column: runs of one-line prose blocks, three or more cut at
/// one width of at least eleven characters, most of them mid-sentence and holding a
/// punctuation mark (prose has one every few words; a signature, a verse line need none),
/// and the shorter line that ends the paragraph. `prose[i]` says whether block `i` is running
/// text the parser may classify; `indented[i]` whether its line starts with layout
/// indentation; `touching[i]` whether it stands on the line right under block `i - 1` (blocks
/// a blank line keeps apart are the writer's own paragraphs, whatever their widths).
pub(super) fn column_lines(
    blocks: &[Block],
    texts: &[Cow<'_, str>],
    prose: &[bool],
    indented: &[bool],
    touching: &[bool],
) -> Vec<bool> {
    // What each block is, read once: a page of thousands of short lines is read in one pass.
    let width: Vec<usize> = texts.iter().map(|t| display_width(t.trim())).collect();
    let candidate: Vec<bool> = (0..blocks.len())
        .map(|i| prose[i] && blocks[i].lines.len() == 1 && !opens_list_item(texts[i].trim()))
        .collect();
    // Block `i` goes on the column of the line above it.
    let next_line = |i: usize| touching[i] && candidate[i];
    // Only a candidate touching a neighbour candidate can be in a column: the others (all
    // blocks of a draft laid out with blank lines) are never read for these.
    let joins =
        |i: usize| next_line(i) || (i + 1 < blocks.len() && candidate[i] && next_line(i + 1));
    let of_joining = |test: fn(&str) -> bool| -> Vec<bool> {
        (texts.iter().enumerate())
            .map(|(i, t)| joins(i) && test(t))
            .collect()
    };
    let open = of_joining(|t| !ends_sentence(t.trim()));
    let marked = of_joining(|t| contains_any(t, &['，', '、', '；', '：', '。', '！', '？']));
    let mut column = vec![false; blocks.len()];
    let mut i = 0;
    while i + MIN_LINES <= blocks.len() {
        if !candidate[i] || !next_line(i + 1) {
            i += 1;
            continue;
        }
        let full = width[i + 1];
        let fits = |w: usize| w.abs_diff(full) <= TOLERANCE;
        let first_fits = fits(width[i])
            || (indented[i] && width[i] < full && full - width[i] <= INDENT + TOLERANCE);
        if !first_fits || full < MIN_WIDTH {
            i += 1;
            continue;
        }
        // At most `MAX_LINES` at a time, so that the lines of one width are read a bounded
        // number of times however many of them fail the tests below.
        let mut end = i + 1;
        while end < blocks.len() && end - i < MAX_LINES && next_line(end) && fits(width[end]) {
            end += 1;
        }
        let lines = end - i;
        let open = open[i..end].iter().filter(|&&o| o).count();
        let marked = marked[i..end].iter().filter(|&&m| m).count();
        if lines < MIN_LINES || 2 * open < lines || 2 * marked < lines {
            i += 1;
            continue;
        }
        // The paragraph's last line: shorter, and where its sentence ends.
        if end < blocks.len() && next_line(end) && width[end] < full {
            end += 1;
        }
        column[i..end].fill(true);
        i = end;
    }
    column
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    #[test]
    fn display_width_counts_two_columns_for_all_but_ascii() {
        assert_eq!(display_width(""), 0);
        assert_eq!(display_width("ab 1"), 4);
        assert_eq!(display_width("本报讯（记者 王海）"), 19);
        assert_eq!(display_width("é𠮷…"), 6);
        // Longer than one chunk of bytes, and as wide as a chunk can hold.
        assert_eq!(display_width(&"中".repeat(200)), 400);
        assert_eq!(display_width(&"a".repeat(300)), 300);
        let mixed = "本报讯（记者 王海）é𠮷…".repeat(40);
        assert_eq!(display_width(&mixed), 40 * 25);
    }

    /// Which of `texts`, each a one-line prose block, are column lines; `touching` says
    /// whether each stands right under the one before.
    fn column_of(texts: &[&str], touching: bool) -> Vec<bool> {
        let blocks: Vec<Block> = texts
            .iter()
            .map(|_| Block {
                span: Span::new(0, 0),
                kind: super::super::BlockKind::Paragraph,
                lines: vec![Span::new(0, 0)],
            })
            .collect();
        let texts: Vec<Cow<str>> = texts.iter().map(|&t| Cow::Borrowed(t)).collect();
        let all = vec![true; texts.len()];
        let no_indent = vec![false; texts.len()];
        column_lines(
            &blocks,
            &texts,
            &all,
            &no_indent,
            &vec![touching; texts.len()],
        )
    }

    fn lines(texts: &[&str]) -> Vec<bool> {
        column_of(texts, true)
    }

    #[test]
    fn paragraphs_apart_are_no_column() {
        let texts = [
            "本报讯（记者 王海）今年，新",
            "开街道计划改造老旧小区十二个",
            "，涉及居民一千余户。改造内容",
        ];
        assert_eq!(column_of(&texts, true), [true; 3]);
        assert!(!column_of(&texts, false).contains(&true));
    }

    #[test]
    fn a_pasted_column_is_found_with_its_last_line() {
        let found = lines(&[
            "小区改造全面启动",
            "本报讯（记者 王海）今年，新",
            "开街道计划改造老旧小区十二个",
            "，涉及居民一千余户。改造内容",
            "包括楼道照明、雨污管网等。",
            "下一段文字很长很长很长很长很长很长很长很长。",
        ]);
        assert_eq!(found, [false, true, true, true, true, false]);
    }

    #[test]
    fn verse_and_lists_are_not_columns() {
        assert!(!lines(&[
            "床前明月光，",
            "疑是地上霜。",
            "举头望明月，",
            "低头思故乡。"
        ])
        .contains(&true));
        assert!(!lines(&[
            "●楼道照明全部更换到位了",
            "●雨污管网重新铺设完成了",
            "●屋面防水全部修缮完成了",
        ])
        .contains(&true));
        assert!(!lines(&[
            "风吹过楼前的老槐树，",
            "叶子落在新修的路上",
            "孩子们追着光跑",
            "笑声飞过了院墙。",
        ])
        .contains(&true));
        assert!(!lines(&[
            "红旗社区居民委员会新开街道办事处",
            "王海李敏张强孙露赵刚钱多多周明",
            "二〇二三年三月十四日于平城区",
            "（本报平城区三月十四日电讯）",
        ])
        .contains(&true));
        assert!(!lines(&[
            "风雨切割的黄土地上",
            "只有巧手的婆姨们缝成",
            "明天，我们将看到一群",
            "走过山梁的孩子们啊",
        ])
        .contains(&true));
    }
}
