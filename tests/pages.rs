//! Real pages hold more than headlines, leads, body text and captions: a headline group
//! (kicker, headline, `——` subtitle), numbered subheadings, bulleted list lines, a letter
//! with its salutation, signature and date line, a short poem. Such a page, correct as
//! printed, gives no finding with no configuration — laid out with blank lines between
//! paragraphs, and with one paragraph per line and no blank lines, as text pasted from a
//! page usually is.

mod common;

use std::path::PathBuf;

use jiaodui::config::LoadedConfig;

fn page() -> String {
    std::fs::read_to_string(common::fixtures_dir().join("pages/real-page.txt")).unwrap()
}

fn assert_clean(text: &str) {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let found = common::analyse(text, None, &config).diagnostics;
    assert!(found.is_empty(), "{}", common::render(text, &found));
}

#[test]
fn a_real_page_gives_no_finding() {
    assert_clean(&page());
}

#[test]
fn the_same_page_one_paragraph_a_line_gives_no_finding() {
    let dense: String = page()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| format!("{line}\n"))
        .collect();
    assert_clean(&dense);
}

/// A paragraph pasted from a printed column keeps the column's line breaks: every line cut
/// at one width. Each break is reported.
#[test]
fn a_column_pasted_line_by_line_is_a_broken_paragraph() {
    let column = "新开街道推进老旧小区改造\n\
        本报讯（记者 王海）今年，新开\n\
        街道计划改造老旧小区十二个，\n\
        涉及居民一千余户。改造内容包\n\
        括楼道照明、雨污管网、屋面防\n\
        水和加装电梯等，街道将在每个\n\
        小区设立居民议事会。\n";
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let found = common::analyse(column, None, &config).diagnostics;
    let broken: Vec<u32> = found
        .iter()
        .filter(|d| d.rule == "paragraph/broken")
        .map(|d| d.span.start)
        .collect();
    assert_eq!(broken.len(), 5, "{}", common::render(column, &found));
}
