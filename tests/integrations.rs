//! The CI integrations run locally: each pre-commit hook's entry the way pre-commit runs it
//! (entry + the staged file names), and the GitHub Action's check step through the same
//! `run:` line `action.yml` gives the runner.

mod sarif_schema;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A repository of drafts: one with half-width punctuation (an error by its config), one
/// clean, and a file of another type that the hooks' `types_or` leaves out.
fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("jiaodui.toml"),
        "[rules]\n\"punct/halfwidth\" = \"error\"\n",
    )
    .unwrap();
    std::fs::create_dir(root.join("drafts")).unwrap();
    std::fs::write(
        root.join("drafts/bad.txt"),
        "新开街道 推进老旧小区改造\n\n　　本报讯（记者 王海）近日,新开街道启动老旧小区改造。\n",
    )
    .unwrap();
    std::fs::write(
        root.join("drafts/good.md"),
        "# 新开街道 推进老旧小区改造\n\n本报讯（记者 王海）近日，新开街道启动老旧小区改造。\n",
    )
    .unwrap();
    dir
}

/// `(id, entry, types_or)` of each hook in `.pre-commit-hooks.yaml`. The file is a flat list
/// of mappings, so a line reader is enough and keeps YAML out of the dependencies.
fn hooks() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    let mut hooks = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(id) = line.strip_prefix("- id: ") {
            hooks.push((id.to_owned(), String::new(), String::new()));
        } else if let Some((key, value)) = line.trim_start().split_once(": ") {
            let Some(hook) = hooks.last_mut() else {
                continue;
            };
            match key {
                "entry" => hook.1 = value.to_owned(),
                "types_or" => hook.2 = value.to_owned(),
                _ => {}
            }
        }
    }
    hooks
}

/// Runs a hook entry as pre-commit does: the entry's words, then the file names.
fn run_entry(entry: &str, dir: &Path, files: &[&str]) -> Output {
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("jiaodui"), "{entry}");
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir)
        .args(words)
        .args(files)
        .output()
        .expect("run the hook entry")
}

#[test]
fn pre_commit_hooks_cover_text_and_markdown_drafts() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(ids, ["jiaodui", "jiaodui-fix"]);
    for (id, entry, types) in &hooks {
        assert!(entry.starts_with("jiaodui check"), "{id}: {entry}");
        assert_eq!(types, "[plain-text, markdown]", "{id}");
    }
}

#[test]
fn pre_commit_hook_fails_on_a_bad_draft_and_passes_clean_ones() {
    let dir = drafts();
    let (_, entry, _) = &hooks()[0];
    let out = run_entry(entry, dir.path(), &["drafts/bad.txt", "drafts/good.md"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("drafts/bad.txt:3:"));
    let out = run_entry(entry, dir.path(), &["drafts/good.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn pre_commit_fix_hook_rewrites_the_draft() {
    let dir = drafts();
    let (_, entry, _) = &hooks()[1];
    let out = run_entry(entry, dir.path(), &["drafts/bad.txt"]);
    // pre-commit fails a hook that changed files; the draft itself is now clean.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = std::fs::read_to_string(dir.path().join("drafts/bad.txt")).unwrap();
    assert!(fixed.contains("近日，新开街道"), "{fixed}");
}

/// The `run:` line of the Action step named `name`.
fn action_step_run(name: &str) -> String {
    let text = std::fs::read_to_string(repo().join("action.yml")).unwrap();
    let mut lines = text
        .lines()
        .skip_while(|l| l.trim() != format!("- name: {name}"));
    lines
        .next()
        .unwrap_or_else(|| panic!("no step {name} in action.yml"));
    let run = lines
        .take_while(|l| !l.trim_start().starts_with("- name:"))
        .find_map(|l| l.trim().strip_prefix("run: "))
        .unwrap_or_else(|| panic!("step {name} has no run line"));
    run.trim_matches('\'').to_owned()
}

fn run_action_check(dir: &Path, inputs: &[(&str, &str)]) -> (Output, String, PathBuf) {
    let run = action_step_run("Check drafts");
    let github_output = dir.join("github-output");
    let step_summary = dir.join("step-summary.md");
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(&run)
        .current_dir(dir)
        .env("GITHUB_ACTION_PATH", repo())
        .env("JIAODUI_BIN", env!("CARGO_BIN_EXE_jiaodui"))
        .env("GITHUB_OUTPUT", &github_output)
        .env("GITHUB_STEP_SUMMARY", &step_summary);
    for (key, value) in inputs {
        command.env(key, value);
    }
    let out = command.output().expect("run the Action's check step");
    let outputs = std::fs::read_to_string(&github_output).unwrap_or_default();
    (out, outputs, step_summary)
}

#[test]
fn action_check_step_annotates_uploads_sarif_and_fails_on_errors() {
    let dir = drafts();
    let (out, outputs, step_summary) = run_action_check(
        dir.path(),
        &[
            ("INPUT_PATHS", "drafts"),
            ("INPUT_ARGS", ""),
            ("INPUT_SARIF", "true"),
            ("INPUT_SARIF_FILE", "jiaodui.sarif"),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("::error file=drafts/bad.txt,line=3,col=15,endLine=3,endColumn=16,title=punct/halfwidth::"),
        "{stdout}"
    );
    assert_eq!(outputs, "exit-code=1\n");
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("jiaodui.sarif")).unwrap()).unwrap();
    sarif_schema::assert_valid(&sarif);
    assert_eq!(sarif["runs"][0]["results"][0]["level"], "error");
    let summary = std::fs::read_to_string(step_summary).unwrap();
    assert!(summary.contains("| `punct/halfwidth` | 1 |"), "{summary}");
}

#[test]
fn action_check_step_passes_on_clean_drafts_without_sarif() {
    let dir = drafts();
    let (out, outputs, _) = run_action_check(
        dir.path(),
        &[("INPUT_PATHS", "drafts/good.md"), ("INPUT_SARIF", "false")],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(outputs, "exit-code=0\n");
    assert!(!dir.path().join("jiaodui.sarif").exists());
}

#[test]
fn action_check_step_passes_extra_arguments() {
    let dir = drafts();
    std::fs::write(dir.path().join("jiaodui.toml"), "").unwrap();
    let (out, outputs, _) = run_action_check(
        dir.path(),
        &[("INPUT_PATHS", "drafts"), ("INPUT_ARGS", "--deny warnings")],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(outputs, "exit-code=1\n");
}

#[test]
fn version_names_the_gazetteer_data_year() {
    let out = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .arg("--version")
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(
        line.starts_with(concat!("jiaodui ", env!("CARGO_PKG_VERSION"), " ("))
            && line.contains("2023"),
        "{line}"
    );
}
