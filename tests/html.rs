//! `check --format html`: every finding `--format json` reports is marked in the page, with
//! its byte span and exactly its text; the draft text is escaped; the page needs nothing
//! from outside; large files checked in parts come out as one file; `--output` writes any
//! format to a file.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn jiaodui(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir)
        .args(args)
        .env("JIAODUI_TODAY", "2023-03-15")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("run jiaodui")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// One `<mark>` of the page: the file it is in, its attributes and its text (unescaped,
/// nested marks' text included).
#[derive(Debug)]
struct Marked {
    path: String,
    span: String,
    f: String,
    rule: String,
    text: String,
}

/// The marks of a page, in document order, found with a small scan of `<main>`: tags are
/// read for their attributes, text between them is given to every mark open around it.
fn marks(html: &str) -> Vec<Marked> {
    let main = &html[html.find("<main>").expect("<main>")..html.find("</main>").expect("</main>")];
    let mut found: Vec<Marked> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut path = String::new();
    let mut rest = main;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = unescape(&rest[..lt]);
        for &i in &open {
            found[i].text.push_str(&text);
        }
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with("section ") {
            path = attribute(tag, "data-path").expect("section path");
        } else if tag.starts_with("mark ") {
            open.push(found.len());
            found.push(Marked {
                path: path.clone(),
                span: attribute(tag, "data-span").expect("data-span"),
                f: attribute(tag, "data-f").expect("data-f"),
                rule: attribute(tag, "data-rule").expect("data-rule"),
                text: String::new(),
            });
        } else if tag == "/mark" {
            open.pop().expect("a </mark> closes an open mark");
        }
    }
    assert!(open.is_empty(), "unclosed marks");
    found
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let from = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[from..].find('"')?;
    Some(unescape(&tag[from..from + len]))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Checks that each finding of `json` is marked in `html`: an element with its path, span
/// and rule whose text is the finding's, or (split by a finding it crosses) fragments
/// whose texts together are.
fn assert_every_finding_marked(json: &str, html: &str) -> usize {
    let findings: Vec<Value> = serde_json::from_str(json).expect("JSON report");
    let marked = marks(html);
    let mut by_span: HashMap<(&str, &str), Vec<&Marked>> = HashMap::new();
    for mark in &marked {
        by_span
            .entry((&mark.path, &mark.span))
            .or_default()
            .push(mark);
    }
    for finding in &findings {
        let span = format!("{}-{}", finding["span"][0], finding["span"][1]);
        let path = finding["path"].as_str().unwrap();
        let text = finding["text"].as_str().unwrap();
        let rule = finding["rule"].as_str().unwrap();
        if rule == "file/unreadable" {
            continue;
        }
        let elements = by_span
            .get(&(path, span.as_str()))
            .unwrap_or_else(|| panic!("no element for {path} {span} {rule}"));
        let whole = elements.iter().any(|m| m.text == text && m.rule == rule);
        let joined: String = elements
            .iter()
            .filter(|m| m.rule == rule && m.f == elements[0].f)
            .map(|m| m.text.as_str())
            .collect();
        assert!(
            whole || joined == text,
            "{path} {span} {rule}: {text:?} marked as {elements:?}"
        );
    }
    findings.len()
}

fn examples() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_json_finding_of_the_examples_is_marked_with_its_span_and_text() {
    let json = jiaodui(examples(), &["check", "--format", "json", "examples"]);
    let html = jiaodui(examples(), &["check", "--format", "html", "examples"]);
    assert_eq!(json.status.code(), html.status.code(), "same exit status");
    let n = assert_every_finding_marked(&stdout(&json), &stdout(&html));
    assert!(n >= 20, "the examples have findings: {n}");
}

#[test]
fn the_page_is_self_contained() {
    let html = stdout(&jiaodui(
        examples(),
        &["check", "--format", "html", "examples"],
    ));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for outside in ["<link", " src=", "href=\"http", "@import", "url(", "//cdn"] {
        assert!(
            !html.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    assert!(html.contains("差错率"));
    assert_eq!(html.matches("<section class=\"file\"").count(), 3);
    assert_eq!(html.matches("</section>").count(), 3);
}

#[test]
fn draft_text_and_paths_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a&b\"<c>.txt";
    let draft = "　　本报讯（记者 王海）近日,<script>alert(1)</script>&amp;新开街道启动改造。\n";
    std::fs::write(dir.path().join(name), draft).unwrap();
    let json = jiaodui(dir.path(), &["check", "--format", "json", name]);
    let html = stdout(&jiaodui(dir.path(), &["check", "--format", "html", name]));
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp"));
    assert!(html.contains("data-path=\"a&amp;b&quot;&lt;c&gt;.txt\""));
    assert!(assert_every_finding_marked(&stdout(&json), &html) > 0);
}

#[test]
fn a_large_file_checked_in_parts_is_one_file_with_its_totals() {
    let dir = tempfile::tempdir().unwrap();
    let item = "社区改造\n\n　　本报讯（记者 王海）近日,新开街道启动老旧小区改造。\n\n";
    std::fs::write(dir.path().join("big.txt"), item.repeat(9_000)).unwrap();
    let json = jiaodui(dir.path(), &["check", "--format", "json", "big.txt"]);
    let out = jiaodui(dir.path(), &["check", "--format", "html", "big.txt"]);
    let html = stdout(&out);
    assert_eq!(html.matches("<section ").count(), 1);
    assert_eq!(html.matches("class=\"file-stats").count(), 1);
    let n = assert_every_finding_marked(&stdout(&json), &html);
    assert!(n >= 9_000, "{n}");
}

#[test]
fn unreadable_files_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.doc"), b"\xd0\xcf\x11\xe0").unwrap();
    let html = stdout(&jiaodui(
        dir.path(),
        &["check", "--format", "html", "old.doc"],
    ));
    assert!(html.contains("<section class=\"file skipped\" data-path=\"old.doc\">"));
    assert!(html.contains("file/unreadable"));
    assert!(html.contains("未能读取"));
}

#[test]
fn output_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "　　本报讯（记者 王海）近日,新开街道启动改造。\n",
    )
    .unwrap();
    for format in ["html", "json", "human"] {
        let out = jiaodui(
            dir.path(),
            &[
                "check",
                "--format",
                format,
                "--output",
                "report.out",
                "a.txt",
            ],
        );
        assert!(out.stdout.is_empty(), "{format}: nothing on stdout");
        let written = std::fs::read_to_string(dir.path().join("report.out")).unwrap();
        assert!(written.contains("punct/halfwidth"), "{format}: {written}");
        assert!(!written.contains('\x1b'), "{format}: no colour in a file");
    }
}
