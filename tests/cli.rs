//! The `jiaodui` binary end to end: exit codes, formats, `--fix` on real encodings.

mod common;

use common::jiaodui;
use std::path::{Path, PathBuf};
use std::process::Command;

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A page typed with a half-width input method.
const HALF_WIDTH_PAGE: &str = "新开街道 推进老旧小区改造\n\n　　本报讯（记者 王海）近日,新开街道启动老旧小区改造;改造涉及12个小区(共1,000户)。\n\n　　居民们说,这下好了。\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn half_width_page_is_flagged_fixed_and_fixed_again_changes_nothing() {
    let dir = temp_dir();
    let file = write(dir.path(), "page.txt", HALF_WIDTH_PAGE.as_bytes());
    let out = jiaodui(dir.path(), &["check", "--format", "json", "page.txt"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let halfwidth: Vec<_> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "punct/halfwidth")
        .collect();
    assert_eq!(halfwidth.len(), 5, "{findings:#}");
    let out = jiaodui(dir.path(), &["check", "--fix", "page.txt"]);
    assert!(
        out.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(fixed, "新开街道 推进老旧小区改造\n\n　　本报讯（记者 王海）近日，新开街道启动老旧小区改造；改造涉及12个小区（共1,000户）。\n\n　　居民们说，这下好了。\n");
    jiaodui(dir.path(), &["check", "--fix", "page.txt"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        fixed,
        "a second --fix changed the file"
    );
}

#[test]
fn gb18030_crlf_draft_is_fixed_in_place_byte_identical_elsewhere() {
    let dir = temp_dir();
    let text = HALF_WIDTH_PAGE.replace('\n', "\r\n");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let file = write(dir.path(), "gb.txt", &bytes);
    let out = jiaodui(dir.path(), &["check", "--fix", "gb.txt"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = std::fs::read(&file).unwrap();
    let expected_text = text
        .replace("日,", "日，")
        .replace("造;", "造；")
        .replace("区(", "区（")
        .replace("户)", "户）")
        .replace("说,", "说，");
    let (expected, _, _) = encoding_rs::GB18030.encode(&expected_text);
    assert_eq!(after, expected.as_ref());
    assert!(after.windows(2).filter(|w| w == b"\r\n").count() == text.matches("\r\n").count());
}

#[test]
fn json_and_human_report_the_same_findings() {
    let dir = temp_dir();
    write(dir.path(), "page.txt", HALF_WIDTH_PAGE.as_bytes());
    let json = jiaodui(dir.path(), &["check", "--format", "json", "page.txt"]);
    let human = jiaodui(dir.path(), &["check", "page.txt"]);
    assert_eq!(json.status.code(), human.status.code());
    let findings: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    let human_heads: Vec<&str> = human
        .lines()
        .filter(|l| l.starts_with("page.txt:"))
        .collect();
    assert_eq!(human_heads.len(), findings.as_array().unwrap().len());
    for (head, finding) in human_heads.iter().zip(findings.as_array().unwrap()) {
        let expected = format!(
            "page.txt:{}:{}: ",
            finding["start"]["line"], finding["start"]["column"]
        );
        assert!(head.starts_with(&expected), "{head} vs {expected}");
        assert!(head.contains(&format!("[{}]", finding["rule"].as_str().unwrap())));
        assert!(head.ends_with(finding["message"].as_str().unwrap()));
    }
}

#[test]
fn json_schema_matches_the_design() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", "居民𠮷说,好。\n".as_bytes());
    let out = jiaodui(dir.path(), &["check", "--format", "json", "a.txt"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &findings[0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "path", "rule", "severity", "kind", "message", "start", "end", "span", "text",
            "related", "fixes"
        ]
    );
    // Columns count Unicode scalars: 居 民 𠮷 说 then the comma at column 5.
    assert_eq!(first["start"], serde_json::json!({"line": 1, "column": 5}));
    assert_eq!(first["span"], serde_json::json!([13, 14]));
    assert_eq!(first["text"], ",");
    assert_eq!(first["fixes"][0]["applicability"], "safe");
}

#[test]
fn exit_codes() {
    let dir = temp_dir();
    write(
        dir.path(),
        "clean.txt",
        "新开街道推进老旧小区改造\n\n本报讯（记者 王海）近日，新开街道启动老旧小区改造。\n"
            .as_bytes(),
    );
    write(dir.path(), "warn.txt", HALF_WIDTH_PAGE.as_bytes());
    assert_eq!(
        jiaodui(dir.path(), &["check", "clean.txt"]).status.code(),
        Some(0)
    );
    // Warnings fail only when denied.
    assert_eq!(
        jiaodui(dir.path(), &["check", "warn.txt"]).status.code(),
        Some(0)
    );
    assert_eq!(
        jiaodui(dir.path(), &["check", "--deny", "warnings", "warn.txt"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        jiaodui(
            dir.path(),
            &["check", "--format", "json", "--deny", "warnings", "warn.txt"]
        )
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        jiaodui(dir.path(), &["check", "--max-error-rate", "3", "warn.txt"])
            .status
            .code(),
        Some(1)
    );
    let missing = jiaodui(dir.path(), &["check", "missing.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("missing.txt：无法读取（没有这个文件或文件夹）"));
    write(
        dir.path(),
        "jiaodui.toml",
        b"[byline]\nparens = \"round\"\n",
    );
    let bad = jiaodui(dir.path(), &["check", "clean.txt"]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("jiaodui.toml:2: `byline.parens`"),
        "{stderr}"
    );
    assert_eq!(
        jiaodui(dir.path(), &["check", "--bogus"]).status.code(),
        Some(2)
    );
}

#[test]
fn binary_and_undecodable_files_are_skipped_and_reported() {
    let dir = temp_dir();
    write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    write(dir.path(), "garbage.txt", b"\x80\x81\xfe\xfd abc \xff\xfe");
    write(
        dir.path(),
        "ok.txt",
        "本报讯（记者 王海）社区举办活动。\n".as_bytes(),
    );
    let out = jiaodui(dir.path(), &["check", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("./image.txt:1:1: 警告[file/unreadable] 文件未检查：不是文本文件"),
        "{stdout}"
    );
    assert!(
        stdout.contains("./garbage.txt:1:1: 警告[file/unreadable] 文件未检查：编码无法识别"),
        "{stdout}"
    );
    assert!(stdout.contains("检查了 1 个文件"), "{stdout}");
    assert!(stdout.contains("（跳过 2 个）"), "{stdout}");
    assert!(!stdout.contains("没有发现问题"), "{stdout}");
    assert_eq!(
        std::fs::read(dir.path().join("image.txt")).unwrap(),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    );
}

#[test]
fn a_defect_met_in_one_draft_costs_that_draft_only() {
    let dir = temp_dir();
    // `JIAODUI_TEST_PANIC` (debug builds) makes the checker panic on a draft with the marker.
    let broken = "本报讯（记者 王海）触发崩溃,社区举办活动.\n";
    write(dir.path(), "a.txt", broken.as_bytes());
    write(dir.path(), "b.txt", HALF_WIDTH_PAGE.as_bytes());
    for args in [&["check", "."][..], &["check", "--fix", "a.txt"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
            .current_dir(dir.path())
            .args(args)
            .env("JIAODUI_TODAY", "2024-01-15")
            .env("JIAODUI_TEST_PANIC", "触发崩溃")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}\n{stdout}\n{stderr}");
        assert!(
            stdout.contains(
                "a.txt:1:1: 警告[file/unreadable] 文件未检查：检查这篇稿件时 jiaodui 出错"
            ),
            "{stdout}"
        );
        assert!(
            stderr.contains("a.txt：检查这篇稿件时 jiaodui 出错"),
            "{stderr}"
        );
        if args.len() == 2 {
            assert!(
                stdout.contains("b.txt:3:"),
                "the other draft is checked: {stdout}"
            );
        }
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            broken
        );
    }
    // `--fix` as a filter hands the draft back as it came.
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .args(["check", "--fix", "-"])
        .env("JIAODUI_TODAY", "2024-01-15")
        .env("JIAODUI_TEST_PANIC", "触发崩溃")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(broken.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stdout), broken);
}

#[test]
fn stdin_with_fix_prints_the_fixed_text() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .args(["check", "--fix", "-", "--stdin-filename", "a.txt"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("居民们说,这下好了。\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "居民们说，这下好了。\n"
    );
}

#[test]
fn folders_honour_files_config_and_gitignore() {
    let dir = temp_dir();
    std::fs::create_dir_all(dir.path().join("drafts/archive")).unwrap();
    write(
        dir.path(),
        "jiaodui.toml",
        b"[files]\nexclude = [\"drafts/archive/**\"]\n",
    );
    write(dir.path(), "drafts/a.txt", "居民们说,好。\n".as_bytes());
    write(dir.path(), "drafts/b.md", "居民们说,好。\n".as_bytes());
    write(dir.path(), "drafts/notes.rst", "居民们说,好。\n".as_bytes());
    write(
        dir.path(),
        "drafts/archive/old.txt",
        "居民们说,好。\n".as_bytes(),
    );
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    write(dir.path(), ".gitignore", b"drafts/ignored.txt\n");
    write(
        dir.path(),
        "drafts/ignored.txt",
        "居民们说,好。\n".as_bytes(),
    );
    let out = jiaodui(dir.path(), &["check", "--format", "json", "."]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut paths: Vec<String> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    paths.sort();
    assert_eq!(paths, ["./drafts/a.txt", "./drafts/b.md"]);
}

/// Writes `n` drafts `a000.txt`, `a001.txt`, … of one half-width line each, and returns it.
fn drafts(dir: &Path, n: usize) -> &'static str {
    let page = "居民们说,这下好了。\n";
    for i in 0..n {
        write(dir, &format!("a{i:03}.txt"), page.as_bytes());
    }
    page
}

/// Checking starts while the folder is still being walked; a bad config the walk meets late
/// must still fail the run before anything is written or fixed.
#[test]
fn a_bad_config_found_late_writes_no_report_and_fixes_nothing() {
    let dir = temp_dir();
    let page = drafts(dir.path(), 600);
    std::fs::create_dir_all(dir.path().join("zz")).unwrap();
    write(dir.path(), "zz/jiaodui.toml", b"[rules\n");
    write(dir.path(), "zz/late.txt", page.as_bytes());
    for args in [
        &["check", "--format", "json", "."][..],
        &["check", "."],
        &["check", "--fix", "."],
    ] {
        let out = jiaodui(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} wrote a report");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("jiaodui.toml:1"), "{args:?}: {stderr}");
    }
    let first = std::fs::read_to_string(dir.path().join("a000.txt")).unwrap();
    assert_eq!(first, page, "--fix changed a file before the bad config");
}

#[test]
fn a_report_that_cannot_be_written_fixes_nothing() {
    let dir = temp_dir();
    let page = drafts(dir.path(), 300);
    let out = jiaodui(
        dir.path(),
        &[
            "check",
            "--fix",
            "--output",
            "no-such-folder/report.txt",
            ".",
        ],
    );
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("无法写入报告文件"), "{stderr}");
    for i in [0, 299] {
        let text = std::fs::read_to_string(dir.path().join(format!("a{i:03}.txt"))).unwrap();
        assert_eq!(
            text, page,
            "--fix changed a{i:03}.txt with no report to write"
        );
    }
}

#[test]
fn markdown_suppression_and_allow_list() {
    let dir = temp_dir();
    write(dir.path(), "a.md", "<!-- jiaodui-disable-next-line punct/halfwidth -->\n居民们说,好。\n\n居民们说,好。\n\n`代码,逗号`\n".as_bytes());
    let out = jiaodui(dir.path(), &["check", "--format", "json", "a.md"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 1, "{findings:#}");
    assert_eq!(findings[0]["start"]["line"], 4);
    write(
        dir.path(),
        "jiaodui.toml",
        "[[allow]]\nrule = \"punct/halfwidth\"\ntext = \",\"\npath = \"*.md\"\n".as_bytes(),
    );
    let out = jiaodui(dir.path(), &["check", "--format", "json", "a.md"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

/// An `[[allow]]` entry's `path` is relative to the config file's folder, however the
/// draft is named on the command line and from whichever folder.
#[test]
fn allow_list_paths_are_relative_to_the_config_file() {
    let dir = temp_dir();
    let root = dir.path();
    std::fs::create_dir(root.join("drafts")).unwrap();
    write(
        root,
        "jiaodui.toml",
        b"[[allow]]\nrule = \"punct/halfwidth\"\ntext = \",\"\npath = \"drafts/**\"\n",
    );
    let draft = "居民们说,好。\n".as_bytes();
    write(&root.join("drafts"), "a.txt", draft);
    write(root, "b.txt", draft);
    let flagged = |dir: &Path, args: &[&str]| -> Vec<String> {
        let out = jiaodui(dir, &[&["check", "--format", "json"], args].concat());
        let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let paths = findings.as_array().unwrap().iter();
        paths
            .map(|f| f["path"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(flagged(root, &[]), ["./b.txt"]);
    assert_eq!(flagged(root, &["."]), ["./b.txt"]);
    assert!(flagged(root, &["./drafts/a.txt"]).is_empty());
    assert!(flagged(root, &["drafts"]).is_empty());
    assert!(flagged(&root.join("drafts"), &["a.txt"]).is_empty());
    let parent = root.parent().unwrap();
    let name = root.file_name().unwrap().to_str().unwrap();
    assert!(flagged(parent, &[&format!("{name}/drafts/a.txt")]).is_empty());
    assert_eq!(flagged(parent, &[&format!("{name}/b.txt")]).len(), 1);
}

#[test]
fn init_writes_a_config_that_loads() {
    let dir = temp_dir();
    assert_eq!(jiaodui(dir.path(), &["init"]).status.code(), Some(0));
    assert_eq!(
        jiaodui(dir.path(), &["init"]).status.code(),
        Some(2),
        "init must not overwrite"
    );
    write(dir.path(), "a.txt", "居民们说，好。\n".as_bytes());
    assert_eq!(
        jiaodui(dir.path(), &["check", "a.txt"]).status.code(),
        Some(0)
    );
}

#[test]
fn explain_and_rules() {
    let dir = temp_dir();
    let out = jiaodui(dir.path(), &["explain", "punct/halfwidth"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## 查什么") && text.contains("GB/T 15834"));
    assert_eq!(
        jiaodui(dir.path(), &["explain", "no/such"]).status.code(),
        Some(2)
    );
    let out = jiaodui(dir.path(), &["rules"]);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .any(|l| l.starts_with("punct/halfwidth")));
}

#[test]
fn read_only_file_is_not_fixed_and_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let file = write(dir.path(), "ro.txt", "居民们说,好。\n".as_bytes());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = jiaodui(dir.path(), &["check", "--fix", "ro.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ro.txt：未修复：文件只读"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "居民们说,好。\n");
}

/// `JIAODUI_TODAY` is the one clock of both faces: `check` dates an undated draft by it, and
/// a pin that is no date stops `check` and the server alike.
#[test]
fn today_is_pinned_by_one_variable_for_check_and_the_server() {
    let dir = temp_dir();
    write(
        dir.path(),
        "page.txt",
        "本报讯（记者 王海）大同县新建学校3所。\n".as_bytes(),
    );
    let former_names = |today: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
            .current_dir(dir.path())
            .args(["check", "--format", "json", "page.txt"])
            .env("JIAODUI_TODAY", today)
            .output()
            .unwrap();
        let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "place/former-name")
            .count()
    };
    // 大同县 became 云州区 in 2018.
    assert_eq!(former_names("2017-01-01"), 0);
    assert_eq!(former_names("2024-01-15"), 1);
    for args in [&["check", "page.txt"][..], &["lsp"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
            .current_dir(dir.path())
            .args(args)
            .env("JIAODUI_TODAY", "2024-13-01")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("JIAODUI_TODAY：“2024-13-01”不是有效的日期"),
            "{stderr}"
        );
    }
}

/// A Markdown table's cells are checked as text, like the same cells tab-separated in a
/// plain draft; the pipes and the delimiter row are not text, and `--fix` keeps the table.
#[test]
fn markdown_table_cells_are_checked_and_fixed_in_place() {
    let dir = temp_dir();
    let head = "# 社区活动安排\n\n本报讯（记者 王海）8日，社区公布活动安排。\n\n";
    let rows = [
        ["日期", "活动", "地点"],
        ["4月31日", "读书会,义诊", "武候区"],
        ["3月20日（星期三）", "讲座", "社区"],
    ];
    let table: String = (rows.iter().enumerate())
        .map(|(i, row)| {
            let delimiter = if i == 1 { "| --- |:---:| ---: |\n" } else { "" };
            format!("{delimiter}| {} |\n", row.join(" | "))
        })
        .collect();
    let tabbed: String = rows.iter().map(|row| row.join("\t") + "\n").collect();
    write(
        dir.path(),
        "2023-03-15-表.md",
        format!("{head}{table}").as_bytes(),
    );
    write(
        dir.path(),
        "2023-03-15-表.txt",
        format!("{head}{tabbed}").as_bytes(),
    );
    let found = |name: &str| -> Vec<(String, String)> {
        let out = jiaodui(dir.path(), &["check", "--format", "json", name]);
        let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        (findings.as_array().unwrap().iter())
            .map(|f| {
                let (start, end) = (
                    f["span"][0].as_u64().unwrap(),
                    f["span"][1].as_u64().unwrap(),
                );
                // Positions are byte offsets into the draft: the span is the flagged text.
                assert_eq!(text[start as usize..end as usize], f["text"], "{f}");
                (
                    f["rule"].as_str().unwrap().to_owned(),
                    f["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let in_table = found("2023-03-15-表.md");
    assert_eq!(in_table, found("2023-03-15-表.txt"));
    let rules: Vec<&str> = in_table.iter().map(|(rule, _)| rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "date/invalid",
            "punct/halfwidth",
            "place/misspelled",
            "date/weekday"
        ]
    );
    assert!(
        in_table.iter().all(|(_, text)| !text.contains('|')),
        "{in_table:?}"
    );

    jiaodui(dir.path(), &["check", "--fix", "2023-03-15-表.md"]);
    let fixed = std::fs::read_to_string(dir.path().join("2023-03-15-表.md")).unwrap();
    let expected = table
        .replace("读书会,义诊", "读书会，义诊")
        .replace("（星期三）", "（星期一）");
    assert_eq!(fixed, format!("{head}{expected}"));
    jiaodui(dir.path(), &["check", "--fix", "2023-03-15-表.md"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("2023-03-15-表.md")).unwrap(),
        fixed
    );

    // Trap: a table whose cells are right gives no finding, pipes, delimiter and all.
    let clean =
        "| 日期 | 活动 | 地点 |\n|:--|:-:|--:|\n| 3月15日（星期三） | 读书会，义诊 | 武侯区 |\n\
        |  | 讲座 | 社区 |\n";
    write(
        dir.path(),
        "2023-03-15-对.md",
        format!("{head}{clean}").as_bytes(),
    );
    assert_eq!(found("2023-03-15-对.md"), []);
}
