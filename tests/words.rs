//! The newsroom's word list end to end: a prh YAML dictionary and `[[words.entry]]` tables
//! applied by `jiaodui check --fix`, and a bad dictionary stopping the run with file, line
//! and entry.

mod common;

use common::jiaodui;
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const CONFIG: &str = "[words]\nimport = [\"dicts/prh.yml\"]\n\n[[words.entry]]\nwrong = \"既使\"\nright = \"即使\"\nnote = \"连词用“即使”\"\n\n[[words.entry]]\npattern = \"(\\\\d+)号线地铁\"\nright = \"地铁$1号线\"\n";

const PRH: &str = "version: 1\nrules:\n  - expected: 微信公众号\n    pattern: 微信公共号\n  - expected: $1千米\n    pattern: /(\\d+)公里/\n    specs:\n      - from: 约3公里\n        to: 约3千米\n";

const DRAFT: &str = "本报讯（记者 王海）既使下雨，志愿者也坚持上门服务。居民可关注街道微信公共号，乘坐2号线地铁、步行约3公里可达。\n";

#[test]
fn prh_dictionary_and_entries_are_applied_by_fix() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("dicts")).unwrap();
    write(dir.path(), "jiaodui.toml", CONFIG);
    write(&dir.path().join("dicts"), "prh.yml", PRH);
    write(dir.path(), "page.txt", DRAFT);
    let out = jiaodui(dir.path(), &["check", "--format", "json", "page.txt"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let words: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "word/substitution")
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        words,
        ["既使", "微信公共号", "2号线地铁", "3公里"],
        "{findings:#}"
    );
    let out = jiaodui(dir.path(), &["check", "--fix", "page.txt"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = std::fs::read_to_string(dir.path().join("page.txt")).unwrap();
    assert_eq!(
        fixed,
        "本报讯（记者 王海）即使下雨，志愿者也坚持上门服务。居民可关注街道微信公众号，乘坐地铁2号线、步行约3千米可达。\n"
    );
    jiaodui(dir.path(), &["check", "--fix", "page.txt"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("page.txt")).unwrap(),
        fixed,
        "a second --fix changed the file"
    );
}

#[test]
fn a_bad_dictionary_names_file_line_and_entry_and_every_file_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "jiaodui.toml",
        "[words]\nimport = [\"a.yml\", \"b.yml\"]\n",
    );
    write(
        dir.path(),
        "a.yml",
        "rules:\n  - expected: 即使\n    pattern: 既使\n    options:\n      wordBoundary: true\n",
    );
    write(
        dir.path(),
        "b.yml",
        "rules:\n  - expected: 作为\n    pattern: /做(?=为)/\n  - expected: 截至\n    pattern: 截止\n    specs:\n      - from: 截止目前\n        to: 截止目前\n",
    );
    write(dir.path(), "page.txt", DRAFT);
    let out = jiaodui(dir.path(), &["check", "page.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a.yml:4: rules[0] “即使”: unknown key `options`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b.yml:2: rules[0] “作为”: lookahead `(?=` is not supported"),
        "{stderr}"
    );
    write(dir.path(), "b.yml", "rules:\n  - expected: 截至\n    pattern: 截止\n    specs:\n      - from: 截止目前\n        to: 截止目前\n");
    write(dir.path(), "a.yml", "rules: []\n");
    let out = jiaodui(dir.path(), &["check", "page.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.yml:2: rules[0] “截至”: spec failed"),
        "{stderr}"
    );
    write(
        dir.path(),
        "jiaodui.toml",
        "[words]\nimport = [\"missing.yml\"]\n",
    );
    let out = jiaodui(dir.path(), &["check", "page.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("jiaodui.toml:2: `words.import`"),
        "{stderr}"
    );
    write(
        dir.path(),
        "jiaodui.toml",
        "[[words.entry]]\nright = \"即使\"\n",
    );
    let out = jiaodui(dir.path(), &["check", "page.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("jiaodui.toml:1: `words.entry[0]`"),
        "{stderr}"
    );
}

/// A `pattern` that is no regular expression stops the run with a message in Chinese that
/// names the file, the line and the entry, in the config and in a prh dictionary alike.
#[test]
fn a_bad_pattern_is_told_in_chinese_with_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "page.txt", DRAFT);
    let config =
        "[words]\nimport = [\"b.yml\"]\n\n[[words.entry]]\npattern = \"[a-\"\nright = \"x\"\n";
    write(dir.path(), "jiaodui.toml", config);
    write(
        dir.path(),
        "b.yml",
        "rules:\n  - expected: 作为\n    pattern: /做(为/\n",
    );
    let out = jiaodui(dir.path(), &["check", "page.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "jiaodui.toml:4: words.entry[0] “[a-”: pattern /[a-/ 不是有效的正则表达式（unclosed character class）"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "b.yml:2: rules[0] “作为”: pattern /做(为/ 不是有效的正则表达式（unclosed group）"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("is not supported"), "{stderr}");
    // Trap: the same entry with a valid pattern loads and checks the draft.
    write(dir.path(), "jiaodui.toml", &config.replace("[a-", "[a-z]+"));
    write(
        dir.path(),
        "b.yml",
        "rules:\n  - expected: 作为\n    pattern: /做(为)/\n",
    );
    let out = jiaodui(dir.path(), &["check", "page.txt"]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
