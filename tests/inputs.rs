//! What `check` reads besides UTF-8 and GB18030 text, end to end through the binary: Word
//! drafts, UTF-16 drafts, and the files it cannot read, which are findings in every format
//! so that no run that skipped a file reads as clean.
//!
//! The Word and UTF-16 fixtures in `tests/fixtures/inputs/` are written by
//! `scripts/make-input-fixtures.py` from the example page.

mod sarif_schema;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn jiaodui(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir)
        .args(args)
        .env("JIAODUI_TODAY", "2024-01-15")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("run jiaodui")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/inputs").join(name)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Vec<Value> {
    serde_json::from_slice::<Vec<Value>>(&out.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", stdout(out)))
}

/// What a finding says, without where: rule, severity, message, flagged text, fixes.
fn what(finding: &Value) -> String {
    let fixes: Vec<String> = finding["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|fix| {
            format!(
                "{}={}",
                fix["applicability"], fix["edits"][0]["replacement"]
            )
        })
        .collect();
    format!(
        "{} {} {} {} {}",
        finding["rule"],
        finding["severity"],
        finding["message"],
        finding["text"],
        fixes.join(",")
    )
}

#[test]
fn a_word_draft_gives_the_findings_of_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("2023-03-15-社区版.txt");
    let docx = dir.path().join("2023-03-15-社区版.docx");
    std::fs::copy(root().join("examples/2023-03-15-社区版.txt"), &txt).unwrap();
    std::fs::copy(fixture("2023-03-15-社区版.docx"), &docx).unwrap();
    let config = root().join("examples/jiaodui.toml");
    let config = config.to_str().unwrap();
    let check = |file: &str| {
        json(&jiaodui(
            dir.path(),
            &["check", "--config", config, "--format", "json", file],
        ))
    };
    let from_txt = check("2023-03-15-社区版.txt");
    let from_docx = check("2023-03-15-社区版.docx");
    assert!(from_txt.len() >= 15, "{from_txt:?}");
    let said = |findings: &[Value]| findings.iter().map(what).collect::<Vec<_>>();
    assert_eq!(said(&from_docx), said(&from_txt));
    // The .txt has a blank line between paragraphs; the Word draft's line is the paragraph.
    for (docx, txt) in from_docx.iter().zip(&from_txt) {
        let (paragraph, line) = (
            docx["start"]["line"].as_u64(),
            txt["start"]["line"].as_u64(),
        );
        assert_eq!(paragraph.map(|p| 2 * p - 1), line, "{docx}");
    }

    // `--fix` and `--diff` leave the document as it is, and say so.
    let before = std::fs::read(&docx).unwrap();
    for flag in ["--fix", "--diff"] {
        let out = jiaodui(
            dir.path(),
            &["check", "--config", config, flag, "2023-03-15-社区版.docx"],
        );
        assert_eq!(std::fs::read(&docx).unwrap(), before);
        assert!(
            stderr(&out).contains("Word 文档只检查、不改写"),
            "{}",
            stderr(&out)
        );
        assert!(
            stdout(&out).contains("1 个 Word 文档未改写"),
            "{}",
            stdout(&out)
        );
        assert!(!stdout(&out).contains("已自动修复"), "{}", stdout(&out));
    }
}

#[test]
fn a_word_page_checks_its_table_text_box_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let name = "2023-03-15-版面.docx";
    std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    let out = jiaodui(dir.path(), &["check", "--format", "json", name]);
    let found: Vec<String> = json(&out)
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} {}",
                f["start"]["line"], f["start"]["column"], f["rule"], f["text"]
            )
        })
        .collect();
    // Paragraph 4 is the text box's second paragraph, 9 and 11 are table cells, 19 is the
    // footnote.
    assert_eq!(
        found,
        [
            r#"4:18 "punct/halfwidth" ",""#,
            r#"9:1 "date/weekday" "3月14日（星期三）""#,
            r#"11:3 "punct/halfwidth" ",""#,
            r#"19:8 "date/format" "2023-3-13""#,
        ]
    );
    // The same paragraphs as a plain draft: the cells are read as a page's blocks there, a
    // run of short lines that end without a stop on purpose — not a paragraph broken by
    // layout. In the Word draft no rule of a page's structure looks at a cell at all.
    let word = jiaodui::text::read_docx(std::fs::File::open(fixture(name)).unwrap()).unwrap();
    let plain: String = word
        .text
        .lines()
        .map(|line| format!("{}\n\n", line.replace('\u{2028}', "\n")))
        .collect();
    std::fs::write(dir.path().join("2023-03-15-plain.txt"), plain).unwrap();
    let out = jiaodui(
        dir.path(),
        &["check", "--format", "json", "2023-03-15-plain.txt"],
    );
    let rules: Vec<String> = json(&out).iter().map(|f| f["rule"].to_string()).collect();
    assert!(
        !rules.contains(&r#""paragraph/broken""#.to_owned()),
        "{rules:?}"
    );
    let human = stdout(&jiaodui(dir.path(), &["check", name]));
    assert!(
        human.contains("其中 1 个 Word 文档（.docx）：行号即段落序号。"),
        "{human}"
    );
    // The footnote is the last paragraph, after the page; the line break keeps the
    // quotation one paragraph.
    assert!(
        human.contains(" 19 |  便民服务周自2023-3-13起举办"),
        "{human}"
    );
}

/// A folder with a good draft and every kind of file that cannot be read.
fn unreadable_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write(
        "ok.txt",
        "新开街道推进老旧小区改造\n\n本报讯（记者 王海）近日，新开街道启动老旧小区改造。\n"
            .as_bytes(),
    );
    let good = std::fs::read(fixture("2023-03-15-社区版.docx")).unwrap();
    write("damaged.docx", &good[..good.len() / 2]);
    // Word saves a password-protected document as an OLE compound file.
    let mut compound = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    compound.resize(1024, 0);
    write("locked.docx", &compound);
    write("old.doc", &compound);
    write("old.wps", &compound);
    write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write("garbage.md", b"\x80\x81\xfe\xfd abc \xff\xfe");
    // Word's owner file beside a document that is open: no draft, not reported.
    write("~$d.docx", b"\x04wanghai\x00\x00");
    dir
}

#[test]
fn files_that_cannot_be_read_are_findings_in_every_format() {
    let dir = unreadable_files();
    let skipped = [
        "damaged.docx",
        "garbage.md",
        "image.txt",
        "locked.docx",
        "old.doc",
        "old.wps",
    ];

    let out = jiaodui(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings alone do not fail a run"
    );
    let findings = json(&out);
    let paths: Vec<&str> = findings
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, skipped.map(|name| format!("./{name}")));
    for finding in &findings {
        assert_eq!(finding["rule"], "file/unreadable");
        assert_eq!(finding["severity"], "warning");
        assert_eq!(finding["span"], serde_json::json!([0, 0]));
    }
    let message = |name: &str| {
        findings
            .iter()
            .find(|f| f["path"] == format!("./{name}"))
            .map(|f| f["message"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert!(message("old.doc").contains("另存为 .docx"));
    assert!(message("old.wps").contains("WPS"));
    assert!(message("locked.docx").contains("密码"));
    assert!(message("damaged.docx").contains("损坏"));
    assert!(message("image.txt").contains("不是文本文件"));
    assert!(message("garbage.md").contains("编码无法识别"));

    // `--deny warnings` fails the run, whatever the format.
    for format in ["human", "json", "sarif", "github"] {
        let out = jiaodui(
            dir.path(),
            &["check", "--deny", "warnings", "--format", format, "."],
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = stdout(&out);
        assert!(
            text.matches("file/unreadable").count() >= skipped.len(),
            "{format}: {text}"
        );
        assert!(!text.contains("没有发现问题"), "{format}: {text}");
    }
    let sarif: Value =
        serde_json::from_slice(&jiaodui(dir.path(), &["check", "--format", "sarif", "."]).stdout)
            .unwrap();
    sarif_schema::assert_valid(&sarif);
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        skipped.len()
    );
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["properties"]["skippedFiles"],
        skipped.len()
    );

    let human = stdout(&jiaodui(dir.path(), &["check", "."]));
    assert!(human.contains("检查了 1 个文件，"), "{human}");
    assert!(
        human.contains("（跳过 6 个）：发现 6 处问题（错误 0，警告 6，提示 0）。"),
        "{human}"
    );
    assert!(human.contains("有 6 个文件未能读取，没有检查"), "{human}");
    // No source line under a file that was not read.
    assert!(
        human.contains("./old.doc:1:1: 警告[file/unreadable] 文件未检查：.doc 是旧版 Word 格式"),
        "{human}"
    );
    assert!(!human.contains("  1 | \n"), "{human}");
    let github = stdout(&jiaodui(
        dir.path(),
        &["check", "--format", "github", "old.doc"],
    ));
    assert!(
        github.starts_with("::warning file=old.doc,line=1,col=1,"),
        "{github}"
    );
}

#[test]
fn a_run_that_skipped_or_failed_never_reads_as_clean() {
    let dir = unreadable_files();
    // Turned off, the rule reports nothing, but the summary still says the run is incomplete
    // and stderr says why.
    std::fs::write(
        dir.path().join("jiaodui.toml"),
        "[rules]\n\"file/unreadable\" = \"off\"\n",
    )
    .unwrap();
    let out = jiaodui(dir.path(), &["check", "ok.txt", "old.doc"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("（跳过 1 个）：检查过的文件没有发现问题，但检查不完整。"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("old.doc：文件未检查"),
        "{}",
        stderr(&out)
    );
    // A path that does not exist fails the run, and the summary says so in every format
    // that has one.
    let out = jiaodui(dir.path(), &["check", "ok.txt", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("检查了 1 个文件"), "{text}");
    assert!(!text.contains("没有发现问题。"), "{text}");
    assert!(
        text.contains("有 1 个路径无法读取或其中没有稿件（见上方的错误信息），检查不完整。"),
        "{text}"
    );
    let out = jiaodui(
        dir.path(),
        &["check", "--format", "sarif", "ok.txt", "missing.txt"],
    );
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    let summary = dir.path().join("summary.md");
    let out = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir.path())
        .args(["check", "--format", "github", "ok.txt", "missing.txt"])
        .env("JIAODUI_TODAY", "2024-01-15")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.contains("检查不完整"), "{md}");
    assert!(!md.contains("：没有发现问题。"), "{md}");
}

/// A folder with no draft in it (most likely the wrong folder) fails the run: zero files
/// checked is not a clean page.
#[test]
fn a_folder_without_drafts_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("empty/notes.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let out = jiaodui(dir.path(), &["check", "empty"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("文件夹中没有要检查的稿件"),
        "{}",
        stderr(&out)
    );
    assert!(!stdout(&out).contains("没有发现问题。"), "{}", stdout(&out));
}

#[test]
fn utf16_drafts_are_fixed_in_their_encoding_byte_for_byte_elsewhere() {
    for (name, little_endian) in [("utf16le-crlf.txt", true), ("utf16be.txt", false)] {
        let dir = tempfile::tempdir().unwrap();
        let original = std::fs::read(fixture(name)).unwrap();
        let (bom, body) = original.split_at(2);
        let units: Vec<u16> = body
            .chunks(2)
            .map(|p| {
                if little_endian {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        let text = String::from_utf16(&units).unwrap();
        std::fs::write(dir.path().join("utf16.txt"), &original).unwrap();
        std::fs::write(dir.path().join("utf8.txt"), &text).unwrap();

        let report = json(&jiaodui(
            dir.path(),
            &["check", "--format", "json", "utf16.txt"],
        ));
        let reference = json(&jiaodui(
            dir.path(),
            &["check", "--format", "json", "utf8.txt"],
        ));
        assert!(report.len() >= 5, "{report:?}");
        let said = |findings: &[Value]| {
            findings
                .iter()
                .map(|f| format!("{} {} {}", f["span"], f["start"], what(f)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            said(&report),
            said(&reference),
            "{name}: the same findings at the same places"
        );

        let out = jiaodui(dir.path(), &["check", "--fix", "utf16.txt", "utf8.txt"]);
        assert!(
            stdout(&out).contains("其中 1 个文件为 UTF-16 编码（修复时按原编码写回）。"),
            "{}",
            stdout(&out)
        );
        let fixed = std::fs::read(dir.path().join("utf16.txt")).unwrap();
        let fixed_utf8 = std::fs::read_to_string(dir.path().join("utf8.txt")).unwrap();
        assert_ne!(fixed_utf8, text, "{name}: the page has safe fixes");
        // The fixed UTF-16 file is the fixed UTF-8 text in UTF-16, BOM first: outside the
        // fixes every byte is the original's, and CRLF stays CRLF.
        let mut expected = bom.to_vec();
        for unit in fixed_utf8.encode_utf16() {
            expected.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        assert_eq!(fixed, expected, "{name}");
        assert_eq!(
            fixed_utf8.matches("\r\n").count(),
            text.matches("\r\n").count()
        );
        let prefix = original
            .iter()
            .zip(&fixed)
            .take_while(|(a, b)| a == b)
            .count();
        assert!(prefix > 2 && original[..prefix] == fixed[..prefix]);
        // Fixing again changes nothing.
        jiaodui(dir.path(), &["check", "--fix", "utf16.txt"]);
        assert_eq!(
            std::fs::read(dir.path().join("utf16.txt")).unwrap(),
            fixed,
            "{name}"
        );
    }
}

/// A page with findings of its own, so that checking it as if it were clean would show.
const MISDECODED_PAGE: &str = "社区举办读书会\n\n本报讯(记者 王海)8日,社区举办读书会;居民参加。\n";

/// A GB18030 draft an editor decoded as Latin-1 and saved as UTF-8 (`ÉçÇø¾Ù°ì¶ÁÊé»á`),
/// or decoded as UTF-8, its Chinese characters lost to U+FFFD.
fn misdecoded(text: &str) -> (String, String) {
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let latin1 = bytes.iter().map(|&b| b as char).collect();
    (latin1, String::from_utf8_lossy(&bytes).into_owned())
}

#[test]
fn a_draft_stored_as_mojibake_is_reported_not_checked_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let (latin1, lost) = misdecoded(MISDECODED_PAGE);
    write("latin1.txt", latin1.as_bytes());
    write("lost.md", lost.as_bytes());
    // Too large to check whole: read when its turn comes, and still not checked.
    write(
        "large.txt",
        misdecoded(&MISDECODED_PAGE.repeat(12_000)).0.as_bytes(),
    );

    let out = jiaodui(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(1), "an error: the run fails");
    let findings = json(&out);
    let said: Vec<String> = (findings.iter())
        .map(|f| {
            format!(
                "{} {} {} {}",
                f["path"], f["rule"], f["severity"], f["span"]
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            r#""./large.txt" "file/encoding" "error" [0,0]"#,
            r#""./latin1.txt" "file/encoding" "error" [0,0]"#,
            r#""./lost.md" "file/encoding" "error" [0,0]"#,
        ]
    );
    let message = findings[1]["message"].as_str().unwrap();
    assert!(
        message.starts_with("文件未检查：本稿是乱码")
            && message.contains("GB18030")
            && message.contains("原文应为“社区举办读书会”"),
        "{message}"
    );
    assert!(findings[2]["message"]
        .as_str()
        .unwrap()
        .contains("汉字已经丢失"));

    for format in ["human", "json", "sarif", "github", "html"] {
        let out = jiaodui(dir.path(), &["check", "--format", format, "latin1.txt"]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = stdout(&out);
        assert!(text.contains("file/encoding"), "{format}: {text}");
        assert!(!text.contains("没有发现问题"), "{format}: {text}");
        if format == "sarif" {
            let sarif: Value = serde_json::from_str(&text).unwrap();
            sarif_schema::assert_valid(&sarif);
            let results = sarif["runs"][0]["results"].as_array().unwrap();
            assert_eq!(results.len(), 1, "{results:?}");
            assert_eq!(results[0]["ruleId"], "file/encoding");
            assert_eq!(results[0]["level"], "error");
        } else if format != "html" {
            // The page's rule list names every rule; the other formats name only findings.
            assert!(!text.contains("punct/halfwidth"), "{format}: {text}");
        }
    }
    let human = stdout(&jiaodui(dir.path(), &["check", "latin1.txt"]));
    assert!(
        human.contains("latin1.txt:1:1: 错误[file/encoding] 文件未检查：本稿是乱码"),
        "{human}"
    );
    assert!(
        human.contains("有 1 个文件是编码读错的乱码，没有检查（见 file/encoding）。"),
        "{human}"
    );
    assert!(!human.contains("未能读取"), "{human}");

    // `--fix` leaves such a file as it is, and hands stdin back as it came.
    let out = jiaodui(dir.path(), &["check", "--fix", "latin1.txt", "lost.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("latin1.txt")).unwrap(),
        latin1
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("lost.md")).unwrap(),
        lost
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir.path())
        .args(["check", "--fix", "-"])
        .env("JIAODUI_TODAY", "2024-01-15")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(latin1.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(stdout(&out), latin1);
    assert!(stderr(&out).contains("file/encoding"), "{}", stderr(&out));

    // Turned off, the rule reports nothing, but the file is still not checked.
    write("jiaodui.toml", b"[rules]\n\"file/encoding\" = \"off\"\n");
    let out = jiaodui(dir.path(), &["check", "latin1.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("但检查不完整"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("latin1.txt：文件未检查"),
        "{}",
        stderr(&out)
    );
}

/// Traps: a GB18030 draft `check` decodes itself, French and German text, and a Chinese
/// draft with a few accented names are checked as drafts.
#[test]
fn drafts_read_right_are_never_taken_for_mojibake() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let (gb18030, _, _) = encoding_rs::GB18030.encode(MISDECODED_PAGE);
    write("gb18030.txt", &gb18030);
    let french = "Société générale, Ça va très bien. Größe, Straße, Ärger und Öl in Zürich.\n";
    write("latin.txt", french.repeat(8).as_bytes());
    let names = "社区举办读书会\n\n本报讯（记者 王海）8日，法国作家 Zoé Clément、\
        Chloé Bénédicte 和 Renée Gérard 来到社区，与居民一起读书。\n";
    write("names.txt", names.as_bytes());
    let out = jiaodui(dir.path(), &["check", "--format", "json", "."]);
    let findings = json(&out);
    assert!(
        findings.iter().all(|f| f["rule"] != "file/encoding"),
        "{findings:?}"
    );
    let rules_in = |path: &str| -> Vec<&str> {
        (findings.iter())
            .filter(|f| f["path"] == path)
            .map(|f| f["rule"].as_str().unwrap())
            .collect()
    };
    assert!(
        rules_in("./gb18030.txt").contains(&"punct/halfwidth"),
        "checked as a draft: {findings:?}"
    );
    let human = stdout(&jiaodui(dir.path(), &["check", "."]));
    assert!(human.contains("检查了 3 个文件"), "{human}");
    assert!(!human.contains("跳过"), "{human}");
}
