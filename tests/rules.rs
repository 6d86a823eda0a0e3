//! Every rule against its fixtures and its documented examples.
//!
//! `tests/fixtures/<family>/<name>/positive.{txt,md}` must be flagged by that rule; its
//! findings and the text after `--fix` are snapshots. `traps.{txt,md}` must give no finding
//! of that rule. An optional `jiaodui.toml` beside them configures the case (issue date,
//! roster, newsroom gazetteer).
//!
//! Rules of the `file/` family are about files, not text: the command line reports them
//! (`tests/inputs.rs`), and they have no text fixtures or examples.

mod common;

use std::path::{Path, PathBuf};

use jiaodui::lint;
use jiaodui::rules::{ExampleKind, ALL_RULES};

fn fixture_file(dir: &Path, stem: &str) -> Option<PathBuf> {
    ["txt", "md"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .find(|p| p.exists())
}

/// The rules that look at a draft's text.
fn text_rules() -> impl Iterator<Item = &'static jiaodui::rules::Rule> {
    ALL_RULES
        .iter()
        .filter(|rule| !rule.meta.id.starts_with("file/"))
}

fn rule_dir(id: &str) -> PathBuf {
    common::fixtures_dir().join(id)
}

/// A rule's fixture file, its config, and the findings of that rule on it.
struct Fixture {
    file: PathBuf,
    text: String,
    config: jiaodui::config::LoadedConfig,
    own: Vec<jiaodui::diagnostic::Diagnostic>,
}

fn load(id: &str, kind: &str) -> Fixture {
    let dir = rule_dir(id);
    let file = fixture_file(&dir, kind)
        .unwrap_or_else(|| panic!("{id}: no {kind} fixture in {}", dir.display()));
    let text = std::fs::read_to_string(&file).unwrap();
    let config = common::config_for(&dir);
    let own = common::analyse(&text, Some(&file), &config)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == id)
        .collect();
    Fixture {
        file,
        text,
        config,
        own,
    }
}

#[test]
fn positives_are_flagged_and_snapshotted() {
    for rule in text_rules() {
        let id = rule.meta.id;
        let Fixture {
            file,
            text,
            config,
            own,
        } = load(id, "positive");
        assert!(!own.is_empty(), "{id}: positive fixture gave no finding");
        let fixed = lint::fix(&text, Some(&file), &config, common::today());
        assert!(fixed.converged, "{id}: fixes did not converge");
        let again = lint::fix(&fixed.text, Some(&file), &config, common::today());
        assert_eq!(
            again.text, fixed.text,
            "{id}: a second --fix changed the text"
        );
        let snapshot = format!(
            "{}\n----- after --fix -----\n{}",
            common::render(&text, &own),
            fixed.text
        );
        let name = id.replace('/', "__");
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("{name}__positive"), snapshot);
        });
    }
}

/// The rules table's "修复" column is true to what the positive fixtures get: a rule said to
/// fix automatically gives every finding a safe fix, one said to suggest gives none, one
/// with no fixes gives no fix at all, and one said to fix partly gives some.
#[test]
fn fixes_are_what_the_rules_table_says() {
    use jiaodui::rules::FixAvailability;
    let mut failures = Vec::new();
    for rule in text_rules() {
        let id = rule.meta.id;
        let Fixture { own, .. } = load(id, "positive");
        let safe = own.iter().filter(|d| d.safe_fix().is_some()).count();
        let any = own.iter().filter(|d| !d.fixes.is_empty()).count();
        let holds = match rule.meta.fix {
            FixAvailability::Safe => safe == own.len(),
            FixAvailability::PartlySafe => safe > 0,
            FixAvailability::Suggested => safe == 0 && any > 0,
            FixAvailability::None => any == 0,
        };
        if !holds {
            let fix = rule.meta.fix;
            failures.push(format!(
                "{id} ({fix:?}): {safe} safe and {any} with fixes of {}",
                own.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn traps_are_not_flagged() {
    let mut failures = Vec::new();
    for rule in text_rules() {
        let id = rule.meta.id;
        let Fixture { text, own, .. } = load(id, "traps");
        if !own.is_empty() {
            failures.push(format!(
                "{id} flagged its traps:\n{}",
                common::render(&text, &own)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn documented_examples_hold() {
    let mut failures = Vec::new();
    for rule in text_rules() {
        let examples = rule.meta.examples();
        assert!(
            examples.iter().any(|(k, _)| *k == ExampleKind::Flagged),
            "{}: no flagged example",
            rule.meta.id
        );
        assert!(
            examples.iter().any(|(k, _)| *k == ExampleKind::Clean),
            "{}: no clean example",
            rule.meta.id
        );
        let config = rule.meta.example_config();
        for (kind, text) in examples {
            let found = match &config {
                Some(source) => common::check_with(rule.meta.id, &text, source),
                None => common::check(rule.meta.id, &text),
            };
            match kind {
                ExampleKind::Flagged if found.is_empty() => failures.push(format!(
                    "{}: flagged example not flagged:\n{text}",
                    rule.meta.id
                )),
                ExampleKind::Clean if !found.is_empty() => failures.push(format!(
                    "{}: clean example flagged:\n{}",
                    rule.meta.id,
                    common::render(&text, &found)
                )),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn registry_is_sorted_and_documented() {
    let ids: Vec<_> = ALL_RULES.iter().map(|r| r.meta.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        ids, sorted,
        "ALL_RULES must be sorted by ID, without duplicates"
    );
    for rule in ALL_RULES {
        for heading in ["查什么", "为什么", "示例", "修改", "依据"] {
            assert!(
                !rule.meta.section(heading).is_empty(),
                "{}: docs lack `## {heading}`",
                rule.meta.id
            );
        }
        for line in rule.meta.docs_markdown().lines() {
            if let Some(heading) = line.strip_prefix("## ") {
                assert!(
                    jiaodui::rules::SECTIONS.contains(&heading),
                    "{}: `## {heading}` is no heading of the rules' docs",
                    rule.meta.id
                );
            }
        }
        let (family, name) = rule.meta.id.split_once('/').expect("family/name");
        assert!(!family.is_empty() && !name.is_empty());
    }
}
