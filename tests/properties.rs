//! Invariants on arbitrary input: the parser and the whole pipeline never panic, spans land
//! on character boundaries, fixes converge and touch nothing outside their edits, and
//! positions round-trip in every encoding, and the language server's document store edits text
//! exactly as a plain string would.

mod common;
#[path = "common/lsp_reference.rs"]
mod lsp_reference;

use std::path::PathBuf;

use jiaodui::config::LoadedConfig;
use jiaodui::document::{parse, DraftKind};
use jiaodui::lint;
use jiaodui::lsp::fuzzing::{edit, round_trip, Change};
use jiaodui::text::{LineCol, LineIndex, PositionEncoding};
use lsp_reference::reference;
use proptest::prelude::*;

/// Text made of the pieces drafts are made of, so that random strings reach the rules.
fn drafty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "本报讯",
        "（记者 王海）",
        "(",
        ")",
        ",",
        ";",
        ":",
        "?",
        "!",
        "，",
        "。",
        "“",
        "”",
        "《",
        "》",
        "\n",
        "\n\n",
        "\r\n",
        "　　",
        " ",
        "𠮷",
        "社区",
        "3月14日",
        "（星期三）",
        "15号",
        "1,000",
        "10:30",
        "http://a.cn/x,y",
        "```",
        "`",
        "<!--",
        "-->",
        "# ",
        "---\n",
        "图为",
        "本报记者 王海 摄",
        "a",
        "\u{feff}",
        ".",
        "...",
        "\"",
        "。。",
        "。。。",
        "，，",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parser_never_panics_on_any_string(text in any::<String>()) {
        let draft = parse(&text, DraftKind::Text);
        for block in &draft.blocks {
            prop_assert!(text.is_char_boundary(block.span.start as usize) && text.is_char_boundary(block.span.end as usize));
        }
        let _ = parse(&text, DraftKind::Markdown);
    }

    #[test]
    fn pipeline_spans_are_sound_and_fixes_converge(text in drafty(), markdown in any::<bool>()) {
        let config = LoadedConfig::defaults(PathBuf::from("."));
        let path = PathBuf::from(if markdown { "a.md" } else { "a.txt" });
        let analysis = lint::analyse(&text, Some(&path), &config, common::today());
        for d in &analysis.diagnostics {
            prop_assert!(text.get(d.span.range()).is_some(), "{} span {:?} off a boundary", d.rule, d.span);
            for fix in &d.fixes {
                for edit in &fix.edits {
                    prop_assert!(text.get(edit.span.range()).is_some());
                }
            }
        }
        let once = lint::fix(&text, Some(&path), &config, common::today());
        prop_assert!(once.converged);
        let twice = lint::fix(&once.text, Some(&path), &config, common::today());
        prop_assert_eq!(&twice.text, &once.text);
    }

    #[test]
    fn fixes_leave_text_outside_edits_untouched(text in drafty()) {
        let config = LoadedConfig::defaults(PathBuf::from("."));
        let analysis = lint::analyse(&text, None, &config, common::today());
        let safe: Vec<_> = analysis.diagnostics.iter().filter_map(|d| d.safe_fix()).collect();
        let (out, _) = jiaodui::fix::apply_edits_once(&text, safe.iter().copied());
        // Replay: the unchanged stretches between edits appear in order in the output.
        let mut edits: Vec<_> = safe.iter().flat_map(|f| f.edits.iter()).collect();
        edits.sort();
        let mut cursor = 0usize;
        let mut out_cursor = 0usize;
        for edit in edits {
            if (edit.span.start as usize) < cursor { continue; }
            let kept = &text[cursor..edit.span.start as usize];
            let found = out[out_cursor..].find(kept);
            prop_assert!(found.is_some());
            out_cursor += found.unwrap() + kept.len();
            cursor = edit.span.end as usize;
        }
        prop_assert!(out.ends_with(&text[cursor..]));
    }

    #[test]
    fn positions_round_trip_in_every_encoding(text in "[a-z𠮷中\r\n　\u{feff}，]{0,40}", probe in 0usize..64) {
        let index = LineIndex::new(&text);
        let mut offset = probe.min(text.len());
        while !text.is_char_boundary(offset) { offset -= 1; }
        for encoding in [PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32] {
            let pos: LineCol = index.line_col(&text, offset as u32, encoding);
            // The server's conversion agrees with the command line's, and maps back.
            let (server_pos, back) = round_trip(&text, offset as u32, encoding);
            prop_assert_eq!(server_pos, (pos.line, pos.col));
            // A `\r` of a CRLF is past the line's content: it maps to the line end.
            let expected = if text[..].as_bytes().get(offset) == Some(&b'\n') && offset > 0 && text.as_bytes()[offset - 1] == b'\r' {
                offset - 1
            } else {
                offset
            };
            prop_assert!(back as usize == offset || back as usize == expected, "{:?} {} -> {:?} -> {}", encoding, offset, pos, back);
            // Past the end: both clamp to the end.
            let end = index.line_col(&text, text.len() as u32 + 2, encoding);
            prop_assert_eq!(round_trip(&text, text.len() as u32 + 2, encoding).0, (end.line, end.col));
        }
    }

    #[test]
    fn document_store_edits_equal_plain_string_edits(
        text in "[a中𠮷\r\n　]{0,30}",
        utf16 in any::<bool>(),
        notifications in prop::collection::vec(
            prop::collection::vec(
                (
                    prop::option::weighted(0.95, ((0u32..5, 0u32..12), (0u32..5, 0u32..12))),
                    "[b语𠮷\r\n]{0,4}",
                ),
                1..4,
            ),
            0..8,
        ),
    ) {
        let encoding = if utf16 { PositionEncoding::Utf16 } else { PositionEncoding::Utf8 };
        let notifications: Vec<Vec<Change>> = notifications
            .into_iter()
            .map(|changes| changes.into_iter().map(|(range, text)| Change { range, text }).collect())
            .collect();
        let outcome = edit(&text, &notifications, encoding);
        prop_assert_eq!(&outcome.text, &reference(&text, &notifications, encoding));
        if let Some((start, old_end, new_end)) = outcome.covering {
            let (old, new) = (text.as_bytes(), outcome.text.as_bytes());
            prop_assert_eq!(&old[..start as usize], &new[..start as usize]);
            prop_assert_eq!(&old[old_end as usize..], &new[new_end as usize..]);
        }
    }
}

/// Regression (fuzz target `fixes`): two fixes inserting at the same point were both taken,
/// leaving their order to chance.
#[test]
fn two_insertions_at_one_point_are_not_both_applied() {
    use jiaodui::fix::{apply_edits_once, Edit, Fix};
    use jiaodui::text::Span;
    let text = "甲乙";
    let a = Fix::safe("a", vec![Edit::insert(3, "，")]).unwrap();
    let b = Fix::safe(
        "b",
        vec![Edit::replace(Span::new(0, 3), "丙"), Edit::insert(3, "。")],
    )
    .unwrap();
    let (out, applied) = apply_edits_once(text, [&b, &a]);
    assert_eq!(applied, 1);
    assert!(out == "丙。乙" || out == "甲，乙", "{out}");
}

/// Regression (fuzz target `pipeline`): a headline ending in a long run of commas lost one
/// comma per fix pass and did not converge within the pass limit; then the same with spaces
/// between the commas.
#[test]
fn a_run_of_marks_ending_a_headline_is_fixed_in_one_pass() {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let today = jiff::civil::date(2023, 3, 15);
    // Also with spaces between the marks.
    let spaced = format!("# {}", ", ".repeat(24));
    for (text, name) in [
        ("#\t.,,,,,,,,,,,,,,,,,,,,,,\t", "a.md"),
        ("#\t.,,,,,,,,,,,,,,,,,,,,,,\t", "2023-03-15-a.txt"),
        (spaced.as_str(), "a.md"),
    ] {
        let once = lint::fix(text, Some(std::path::Path::new(name)), &config, today);
        assert!(once.converged, "{name}: {:?}", once.text);
        let twice = lint::fix(&once.text, Some(std::path::Path::new(name)), &config, today);
        assert_eq!(twice.text, once.text, "{name}");
    }
}

/// Regression (fuzz target `pipeline`): a dateline followed by a run of colons lost one
/// colon per fix pass (`byline/format` removes the dateline's colon) and did not converge
/// within the pass limit; so too with full-width colons, spaces between them, or a credit
/// after them.
#[test]
fn a_run_of_colons_after_a_dateline_is_fixed_in_one_pass() {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let today = jiff::civil::date(2023, 3, 15);
    let runs = [
        format!("本报讯{}", ":".repeat(24)),
        format!("本报讯{}近日，红旗社区举行活动。", "：".repeat(24)),
        format!("本报讯 {}", ": ".repeat(24)),
        format!(
            "本报讯{}（记者 王海）8日，红旗社区举行活动。",
            ":：".repeat(12)
        ),
    ];
    for text in &runs {
        for name in ["a.md", "2023-03-15-a.txt"] {
            let path = std::path::Path::new(name);
            let once = lint::fix(text, Some(path), &config, today);
            assert!(once.converged, "{name}: {:?}", once.text);
            assert!(!once.text.contains([':', '：']), "{name}: {:?}", once.text);
            let twice = lint::fix(&once.text, Some(path), &config, today);
            assert_eq!(twice.text, once.text, "{name}");
        }
    }
}

/// Regression (fuzz target `pipeline`): short lines ending in a stray mark after a sentence's
/// end (`!.`), between lines of digits, fixed one per pass from the bottom up and did not
/// converge: deleting the `.` (`headline/punctuation`) made the line end its sentence, which
/// made the line above it a headline with a `.` to delete in the next pass.
#[test]
fn stray_marks_after_a_sentence_end_do_not_fix_one_line_per_pass() {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let today = jiff::civil::date(2023, 3, 15);
    for stray in ["!.", "！”.", "？，"] {
        let mut text = String::from(".\n");
        for _ in 0..14 {
            text.push_str(&format!("8888.\n{stray}\n88888\n{stray}\n"));
        }
        text.push_str("8888888<88888888888888888888888888888888`");
        let path = std::path::Path::new("2023-03-15-a.txt");
        let once = lint::fix(&text, Some(path), &config, today);
        assert!(once.converged, "{stray}: {:?}", once.text);
        let twice = lint::fix(&once.text, Some(path), &config, today);
        assert_eq!(twice.text, once.text, "{stray}");
    }
}

/// The marks `punct/halfwidth` and `punct/doubled` mend — a sentence's `.`, `...`, ASCII
/// quotes, doubled marks — next to each other and to the marks of other rules: one `--fix`
/// leaves a text a second one does not change.
#[test]
fn dots_quotes_and_doubled_marks_fix_to_a_fixpoint() {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let today = jiff::civil::date(2023, 3, 15);
    let texts = [
        "开展防溺水宣传.社区工作人员走进学校.\n",
        "拔河、跳绳、接力跑... 现场欢声笑语不断......大家说:\"好.\"\n",
        "300余名居民参加。。开展活动，，组织志愿者、、、家常豆腐。。。各显身手\n",
        "社区活动.\n\n本报讯（记者 王海）近日，社区开展活动，，居民参加。。\n",
        "他说, \"好,,\" ...。。他说(\"好\")。.\n",
        "本报讯：：（记者 王海）8日，红旗社区举行活动...\n",
    ];
    for text in texts {
        for name in ["a.md", "2023-03-15-a.txt"] {
            let path = std::path::Path::new(name);
            let once = lint::fix(text, Some(path), &config, today);
            assert!(once.converged, "{name}: {:?}", once.text);
            let twice = lint::fix(&once.text, Some(path), &config, today);
            assert_eq!(twice.text, once.text, "{name}");
        }
    }
    let fixed = lint::fix(texts[0], None, &config, today).text;
    assert_eq!(fixed, "开展防溺水宣传。社区工作人员走进学校。\n");
}
