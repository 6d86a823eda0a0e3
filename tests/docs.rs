//! Generated files are current: `docs/rules.md` is what `jiaodui rules --format markdown`
//! prints. A stale file is rewritten and the test fails, so `cargo test` twice passes.

use std::path::Path;

#[test]
fn rules_reference_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let expected = jiaodui::cli::rules_markdown();
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        std::fs::write(&path, &expected).unwrap();
        panic!("docs/rules.md was stale and has been regenerated; commit it");
    }
}

#[test]
fn readme_rule_table_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let from = readme.find(start).expect("README has a rules:start marker") + start.len();
    let to = readme.find(end).expect("README has a rules:end marker");
    let table = jiaodui::cli::rules_table_markdown();
    if readme[from..to] != table {
        let updated = format!("{}{}{}", &readme[..from], table, &readme[to..]);
        std::fs::write(&path, updated).unwrap();
        panic!("the README's rule table was stale and has been regenerated; commit it");
    }
}

#[test]
fn presets_reference_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/presets.md");
    let expected = jiaodui::config::presets_markdown();
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        std::fs::write(&path, &expected).unwrap();
        panic!("docs/presets.md was stale and has been regenerated; commit it");
    }
}
