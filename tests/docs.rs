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
