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
