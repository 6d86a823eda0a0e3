//! A reporter's first hour with the binary: the issue date given on the command line, and
//! said once when it is missing; help and errors in Chinese; the README's newsroom places.

mod common;

use common::jiaodui;
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// 2023-03-14 was a Tuesday; 2018-03-14 a Wednesday.
const WEDNESDAY: &str = "本报讯（记者 王海）3月14日（星期三），新开街道举办义诊活动。\n";

/// The rules of the JSON findings of a run.
fn rules(out: &Output) -> Vec<String> {
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}{}", stdout(out), stderr(out)));
    (findings.as_array().unwrap().iter())
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn date_on_the_command_line_dates_a_draft_without_its_own() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.txt"), WEDNESDAY).unwrap();
    let out = jiaodui(dir.path(), &["check", "--date", "2023-03-15", "draft.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("3月14日是星期二，不是星期三"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("出版日期"), "{}", stderr(&out));
}

/// Front matter, then the file or folder name, then `--date`, then `[bulletin] date`.
#[test]
fn the_drafts_own_date_comes_before_the_command_line_and_the_command_line_before_config() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path();
    std::fs::write(at.join("2018-03-20-稿.txt"), WEDNESDAY).unwrap();
    std::fs::write(
        at.join("front.md"),
        format!("---\ndate: 2018-03-20\n---\n\n{WEDNESDAY}"),
    )
    .unwrap();
    std::fs::write(at.join("plain.txt"), WEDNESDAY).unwrap();
    std::fs::write(
        at.join("jiaodui.toml"),
        "[bulletin]\ndate = \"2018-03-20\"\n",
    )
    .unwrap();
    let run = |file: &str, date: &str| {
        rules(&jiaodui(
            at,
            &["check", "--format", "json", "--date", date, file],
        ))
    };
    // The draft's own date (2018) beats `--date` (2023): 14 March 2018 was a Wednesday.
    assert_eq!(run("2018-03-20-稿.txt", "2023-03-15"), Vec::<String>::new());
    assert_eq!(run("front.md", "2023-03-15"), Vec::<String>::new());
    // `--date` (2023) beats the config's date (2018).
    assert_eq!(run("plain.txt", "2023-03-15"), ["date/weekday"]);
    assert_eq!(run("plain.txt", "2018-03-01"), Vec::<String>::new());
    // Without `--date`, the config's date applies.
    let out = jiaodui(at, &["check", "--format", "json", "plain.txt"]);
    assert_eq!(rules(&out), Vec::<String>::new());
    assert!(!stderr(&out).contains("出版日期"), "{}", stderr(&out));
}

#[test]
fn a_bad_date_is_a_chinese_error_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.txt"), WEDNESDAY).unwrap();
    for bad in ["2023-13-01", "2023年3月15日", "明天"] {
        let out = jiaodui(dir.path(), &["check", "--date", bad, "draft.txt"]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = stderr(&out);
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.contains("--date") && first.contains(bad) && first.contains("YYYY-MM-DD"),
            "{err}"
        );
    }
}

/// Without an issue date, the run says once which checks were skipped in how many files and
/// how to give the date; no finding, nothing counted, and the summary does not read as a
/// full check.
#[test]
fn an_undated_run_says_once_what_it_skipped_and_how_to_give_the_date() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        std::fs::write(dir.path().join(name), WEDNESDAY).unwrap();
    }
    std::fs::write(
        dir.path().join("c.txt"),
        "本报讯（记者 王海）新开街道举办义诊活动。\n",
    )
    .unwrap();
    let out = jiaodui(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("没有出版日期").count(), 1, "{err}");
    for way in [
        "2 个文件",
        "星期",
        "--date",
        "date:",
        "文件名",
        "[bulletin]",
    ] {
        assert!(err.contains(way), "{way}: {err}");
    }
    let summary = stdout(&out);
    assert!(!summary.contains("没有发现问题。"), "{summary}");
    assert!(summary.contains("部分日期未核对"), "{summary}");
    // Machine formats carry no such finding; the note is on stderr all the same.
    let out = jiaodui(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(rules(&out), Vec::<String>::new());
    assert_eq!(stderr(&out).matches("没有出版日期").count(), 1);
    // A run where every draft is dated, or writes no such date, says nothing of it.
    let out = jiaodui(dir.path(), &["check", "c.txt"]);
    assert!(!stderr(&out).contains("出版日期"), "{}", stderr(&out));
    assert!(stdout(&out).contains("没有发现问题。"), "{}", stdout(&out));
}

/// clap's English headings and flag texts, none of which may show in a help page.
const ENGLISH: [&str; 9] = [
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print help",
    "Print version",
    "Possible values",
    "[default",
    "[OPTIONS]",
];

#[test]
fn help_is_chinese_throughout() {
    let dir = tempfile::tempdir().unwrap();
    let pages: [&[&str]; 9] = [
        &["--help"],
        &["-h"],
        &["check", "--help"],
        &["explain", "--help"],
        &["rules", "--help"],
        &["init", "--help"],
        &["lsp", "--help"],
        &["place", "-h"],
        &[],
    ];
    for args in pages {
        let out = jiaodui(dir.path(), args);
        // Help asked for goes to stdout; help for no command at all, to stderr (status 2).
        let page = format!("{}{}", stdout(&out), stderr(&out));
        assert!(page.contains("用法：jiaodui"), "{args:?}: {page}");
        assert!(
            page.contains("选项：") && page.contains("显示帮助"),
            "{args:?}: {page}"
        );
        for english in ENGLISH {
            assert!(!page.contains(english), "{args:?}: {english} in\n{page}");
        }
    }
    let top = stdout(&jiaodui(dir.path(), &["--help"]));
    assert!(top.contains("命令：") && top.contains("显示版本"), "{top}");
    let check = stdout(&jiaodui(dir.path(), &["check", "--help"]));
    for said in [
        "参数：",
        "[路径]",
        "--date <YYYY-MM-DD>",
        "（默认 human）",
        "json：",
    ] {
        assert!(check.contains(said), "{said}: {check}");
    }
    let version = jiaodui(dir.path(), &["-V"]);
    assert!(
        stdout(&version).starts_with("jiaodui "),
        "{}",
        stdout(&version)
    );
}

#[test]
fn usage_errors_are_chinese_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["check", "--fi"],
            &["不认识的选项", "--fix", "用法：jiaodui check [选项]"],
        ),
        (&["chek"], &["没有“chek”这个命令", "你是不是要写 check"]),
        (
            &["check", "--format", "xml"],
            &["--format", "“xml”无效", "human"],
        ),
        (&["check", "--fix", "--diff"], &["不能与"]),
        (&["explain"], &["缺少 <规则>"]),
    ];
    for (args, said) in cases {
        let out = jiaodui(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        for part in said {
            assert!(err.contains(part), "{args:?}: {part} in\n{err}");
        }
        assert!(!err.contains("error:"), "{args:?}: {err}");
    }
}

#[test]
fn explain_init_and_reading_fail_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = jiaodui(dir.path(), &["explain", "weekday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("没有名为“weekday”的规则，你是不是要写“date/weekday”？"),
        "{}",
        stderr(&out)
    );
    let out = jiaodui(dir.path(), &["explain", "date/weekdy"]);
    assert!(
        stderr(&out).contains("你是不是要写“date/weekday”？"),
        "{}",
        stderr(&out)
    );
    let out = jiaodui(dir.path(), &["explain", "nothing/like-it"]);
    assert!(
        stderr(&out).contains("没有名为“nothing/like-it”的规则"),
        "{}",
        stderr(&out)
    );
    assert_eq!(jiaodui(dir.path(), &["init"]).status.code(), Some(0));
    let out = jiaodui(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("已有 jiaodui.toml") && stderr(&out).contains("--force"),
        "{}",
        stderr(&out)
    );
    let out = jiaodui(dir.path(), &["check", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("missing.txt：无法读取（没有这个文件或文件夹）"),
        "{}",
        stderr(&out)
    );
    let out = jiaodui(dir.path(), &["check", "--config", "nowhere.toml", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("无法读取（没有这个文件或文件夹）"),
        "{}",
        stderr(&out)
    );
}

/// The fenced blocks of the README's section on the newsroom's own places, in order, each
/// as (info string, text).
fn readme_places_blocks() -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("## The newsroom's own places")
        .expect("the README's places section");
    let section = &readme[start..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 3)];
    let mut blocks = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let body: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.starts_with("```"))
                .collect();
            blocks.push((info.to_owned(), body.join("\n") + "\n"));
        }
    }
    blocks
}

/// The README's example newsroom gazetteer loads, and the draft naming the community it adds
/// is checked without a place finding; without the file, the community reads as a slip.
#[test]
fn the_readmes_newsroom_gazetteer_works_as_it_says() {
    let blocks = readme_places_blocks();
    let file = |name: &str| {
        (blocks.iter())
            .find(|(info, text)| info == "toml" && text.starts_with(&format!("# {name}\n")))
            .map(|(_, text)| text.clone())
            .unwrap_or_else(|| panic!("no {name} in the README: {blocks:?}"))
    };
    let draft = (blocks.iter())
        .find(|(info, _)| info == "text")
        .map(|(_, text)| text.clone())
        .expect("the README's example draft");
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path();
    std::fs::write(at.join("places.toml"), file("places.toml")).unwrap();
    std::fs::write(at.join("jiaodui.toml"), file("jiaodui.toml")).unwrap();
    std::fs::write(at.join("2024-03-15-邻里节.txt"), &draft).unwrap();
    let out = jiaodui(at, &["check", "--format", "json", "2024-03-15-邻里节.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(rules(&out), Vec::<String>::new());
    let out = jiaodui(at, &["place", "文博园社区"]);
    let said = stdout(&out);
    assert!(
        said.contains("山西省/大同市/平城区/新旺街道/文博园社区  村级"),
        "{said}"
    );
    assert!(said.contains("places.toml:3"), "{said}");
    // Without the newsroom's file, the new community is a likely slip of the one next door.
    std::fs::write(at.join("jiaodui.toml"), "").unwrap();
    let out = jiaodui(at, &["check", "--format", "json", "2024-03-15-邻里节.txt"]);
    let found = rules(&out);
    assert!(
        !found.is_empty() && found.iter().all(|r| r == "place/misspelled"),
        "{found:?}"
    );
}
