//! The machine formats of `jiaodui check`: SARIF validates against the official 2.1.0
//! schema, the GitHub workflow commands are exactly what the runner parses, and every format
//! reports the same findings with the same exit status.

mod sarif_schema;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn jiaodui(dir: &Path, args: &[&str], envs: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jiaodui"));
    command
        .current_dir(dir)
        .args(args)
        .env("JIAODUI_TODAY", "2024-01-15")
        .env_remove("GITHUB_STEP_SUMMARY");
    for (key, value) in envs {
        command.env(key, value);
    }
    command.output().expect("run jiaodui")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("UTF-8 output")
}

/// A page with one finding of each of several rules, `,` and `%` included to test escaping.
const PAGE: &str = "新开街道 推进老旧小区改造。\n\n　　本报讯（记者 王海）近日,新开街道启动老旧小区改造;改造涉及12个小区(共1,000户)。\n\n　　居民们说“这下好了。\n";

const CLEAN: &str =
    "新开街道 推进老旧小区改造\n\n　　本报讯（记者 王海）近日，新开街道启动老旧小区改造。\n";

fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("稿件")).unwrap();
    std::fs::write(dir.path().join("稿件/一版 page.txt"), PAGE).unwrap();
    std::fs::write(dir.path().join("稿件/clean.txt"), CLEAN).unwrap();
    dir
}

#[test]
fn github_format_lines_are_exact() {
    let dir = drafts();
    let out = jiaodui(dir.path(), &["check", "--format", "github", "稿件"], &[]);
    let expected = [
        "::warning file=稿件/一版 page.txt,line=1,col=14,endLine=1,endColumn=15,title=headline/punctuation::标题末尾不应使用“。”%0A修复（可自动修复）：删去“。”",
        "::warning file=稿件/一版 page.txt,line=3,col=15,endLine=3,endColumn=16,title=punct/halfwidth::中文中使用了半角标点“,”，应为全角“，”%0A修复（可自动修复）：改为全角“，”",
        "::warning file=稿件/一版 page.txt,line=3,col=28,endLine=3,endColumn=29,title=punct/halfwidth::中文中使用了半角标点“;”，应为全角“；”%0A修复（可自动修复）：改为全角“；”",
        "::warning file=稿件/一版 page.txt,line=3,col=38,endLine=3,endColumn=39,title=punct/halfwidth::中文中使用了半角标点“(”，应为全角“（”%0A修复（可自动修复）：改为全角“（”",
        "::warning file=稿件/一版 page.txt,line=3,col=46,endLine=3,endColumn=47,title=punct/halfwidth::中文中使用了半角标点“)”，应为全角“）”%0A修复（可自动修复）：改为全角“）”",
        "::warning file=稿件/一版 page.txt,line=5,col=7,endLine=5,endColumn=8,title=punct/unpaired::引号不成对：缺少后引号",
        "检查了 2 个文件，104 字：发现 6 处问题（错误 0，警告 6，提示 0）。",
        "按规则：headline/punctuation 1，punct/halfwidth 4，punct/unpaired 1",
        "其中 5 处可自动修复：运行 jiaodui check --fix。",
        "差错率超过万分之3的文件（错误与警告／每万字）：",
        "  稿件/一版 page.txt  895.5/万",
    ];
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), expected);
    assert_eq!(out.status.code(), Some(0), "warnings alone do not fail");
}

#[test]
fn github_format_escapes_workflow_command_properties() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a,b:c%.txt"),
        "本报讯（记者 王海）近日,新开街道启动改造。\n",
    )
    .unwrap();
    let out = jiaodui(
        dir.path(),
        &["check", "--format", "github", "a,b:c%.txt"],
        &[],
    );
    let first = stdout(&out).lines().next().unwrap_or_default();
    assert!(
        first.starts_with("::warning file=a%2Cb%3Ac%25.txt,line=1,col=13,"),
        "{first}"
    );
}

#[test]
fn github_format_summary_goes_to_the_job_summary_uncut() {
    let dir = drafts();
    // More findings of one level than GitHub annotates per step.
    let many = "本报讯（记者 王海）近日,新开街道启动改造。\n".to_owned()
        + &"近日,新开街道启动改造。\n".repeat(11);
    std::fs::write(dir.path().join("稿件/many.txt"), many).unwrap();
    let summary_file = dir.path().join("step-summary.md");
    let out = jiaodui(
        dir.path(),
        &["check", "--format", "github", "稿件"],
        &[("GITHUB_STEP_SUMMARY", &summary_file)],
    );
    let text = stdout(&out);
    assert_eq!(text.lines().filter(|l| l.starts_with("::")).count(), 18);
    assert!(
        text.contains("GitHub 每个步骤每种级别最多显示 10 条注释：全部 18 处问题见以上日志。"),
        "{text}"
    );
    let summary = std::fs::read_to_string(&summary_file).unwrap();
    assert!(
        summary.starts_with("### jiaodui 校对\n\n检查了 3 个文件"),
        "{summary}"
    );
    assert!(
        summary.contains("发现 **18** 处问题（错误 0，警告 18，提示 0）"),
        "{summary}"
    );
    assert!(summary.contains("| `punct/halfwidth` | 16 |"), "{summary}");
    assert!(summary.contains("| `稿件/many.txt` |"), "{summary}");
}

#[test]
fn sarif_report_validates_against_the_official_schema() {
    let dir = drafts();
    let out = jiaodui(dir.path(), &["check", "--format", "sarif", "稿件"], &[]);
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    sarif_schema::assert_valid(&log);

    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|rule| rule["helpUri"]
        .as_str()
        .is_some_and(|uri| uri.starts_with("https://"))
        && rule["help"]["markdown"]
            .as_str()
            .is_some_and(|md| md.starts_with("## 查什么\n"))));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    let first = &results[0];
    assert_eq!(first["ruleId"], "headline/punctuation");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "headline/punctuation"
    );
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "%E7%A8%BF%E4%BB%B6/%E4%B8%80%E7%89%88%20page.txt"
    );
    // Columns count Unicode scalars: the `。` after 13 characters of headline is column 14.
    assert_eq!(
        location["region"],
        serde_json::json!({"startLine": 1, "startColumn": 14, "endLine": 1, "endColumn": 15,
                           "snippet": {"text": "。"}})
    );
    let replacement = &first["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["deletedRegion"]["startColumn"], 14);
    assert_eq!(replacement["insertedContent"]["text"], "");
}

#[test]
fn sarif_report_without_findings_validates() {
    let dir = drafts();
    let out = jiaodui(
        dir.path(),
        &["check", "--format", "sarif", "稿件/clean.txt"],
        &[],
    );
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    sarif_schema::assert_valid(&log);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(out.status.code(), Some(0));
}

/// `(rule, line, column)` of every finding, read back from each format.
fn findings(format: &str, output: &Output) -> Vec<(String, u64, u64)> {
    let text = stdout(output);
    match format {
        "json" => serde_json::from_str::<Value>(text)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_owned(),
                    f["start"]["line"].as_u64().unwrap(),
                    f["start"]["column"].as_u64().unwrap(),
                )
            })
            .collect(),
        "sarif" => serde_json::from_str::<Value>(text).unwrap()["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let region = &r["locations"][0]["physicalLocation"]["region"];
                (
                    r["ruleId"].as_str().unwrap().to_owned(),
                    region["startLine"].as_u64().unwrap(),
                    region["startColumn"].as_u64().unwrap(),
                )
            })
            .collect(),
        "github" => text
            .lines()
            .filter_map(|line| line.strip_prefix("::"))
            .map(|line| {
                let field = |name: &str| {
                    line.split([',', ':'])
                        .find_map(|part| part.strip_prefix(name))
                        .unwrap()
                        .to_owned()
                };
                (
                    field("title="),
                    field("line=").parse().unwrap(),
                    field("col=").parse().unwrap(),
                )
            })
            .collect(),
        "human" => text
            .lines()
            .filter_map(|line| {
                // `稿件/一版 page.txt:3:15: 警告[punct/halfwidth] …`
                let (position, rest) = line.split_once(": ")?;
                let mut parts = position.rsplitn(3, ':');
                let column = parts.next()?.parse().ok()?;
                let line_no = parts.next()?.parse().ok()?;
                let rule = rest.split_once('[')?.1.split_once(']')?.0.to_owned();
                Some((rule, line_no, column))
            })
            .collect(),
        // The side lists, by article and rule: `<li class="f w" data-rule="…" …><span
        // class="pos">3:15</span>`, put in order of position.
        "html" => {
            let mut found: Vec<(String, u64, u64)> = text
                .split("<li class=\"f ")
                .skip(1)
                .map(|entry| {
                    let rule = entry.split("data-rule=\"").nth(1).unwrap();
                    let rule = rule.split('"').next().unwrap().to_owned();
                    let pos = entry.split("<span class=\"pos\">").nth(1).unwrap();
                    let (line, column) = pos.split('<').next().unwrap().split_once(':').unwrap();
                    (rule, line.parse().unwrap(), column.parse().unwrap())
                })
                .collect();
            found.sort_by_key(|(rule, line, column)| (*line, *column, rule.clone()));
            found
        }
        _ => unreachable!(),
    }
}

#[test]
fn every_format_reports_the_same_findings_and_exit_status() {
    let dir = drafts();
    for extra in [&[][..], &["--deny", "warnings"][..]] {
        let mut seen = Vec::new();
        for format in ["human", "json", "sarif", "github", "html"] {
            let mut args = vec!["check", "--format", format, "稿件"];
            args.extend_from_slice(extra);
            let out = jiaodui(dir.path(), &args, &[]);
            seen.push((format, out.status.code(), findings(format, &out)));
        }
        let (_, status, first) = &seen[0];
        assert_eq!(first.len(), 6, "{seen:?}");
        for (format, other_status, other) in &seen[1..] {
            assert_eq!(other_status, status, "{format} {extra:?}");
            assert_eq!(other, first, "{format} {extra:?}");
        }
        let want = if extra.is_empty() { 0 } else { 1 };
        assert_eq!(*status, Some(want), "{extra:?}");
    }
}

#[test]
fn machine_formats_never_show_a_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..260 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), CLEAN).unwrap();
    }
    for format in ["json", "sarif", "github", "html"] {
        let out = jiaodui(dir.path(), &["check", "--format", format, "."], &[]);
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
