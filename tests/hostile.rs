//! Odd and hostile input for `jiaodui check`: each gets a clear message and the right exit
//! status, and no text is ever lost.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn jiaodui(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run jiaodui")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false)
}

#[test]
fn empty_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    let out = jiaodui(dir.path(), &["check", "--deny", "info", "empty.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("检查了 1 个文件，0 字"));
}

#[test]
fn mixed_line_endings_and_a_bom_in_the_middle_survive_fix() {
    let dir = tempfile::tempdir().unwrap();
    let text = "标题\r\n\r\n居民们说,好。\n中间\u{feff}有BOM,还有文字。\r\n最后一行,没有换行";
    let file = write(dir.path(), "mixed.txt", text.as_bytes());
    let out = jiaodui(dir.path(), &["check", "--fix", "mixed.txt"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = text
        .replace("们说,好", "们说，好")
        .replace("BOM,还", "BOM，还")
        .replace("一行,没", "一行，没");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
}

#[test]
fn utf8_bom_is_kept_by_fix() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bom.txt",
        "\u{feff}居民们说,好。\r\n".as_bytes(),
    );
    jiaodui(dir.path(), &["check", "--fix", "bom.txt"]);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        "\u{feff}居民们说，好。\r\n".as_bytes()
    );
}

#[test]
fn a_long_single_line_file_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    // 2 MB on one line (the 100 MB case runs in .ci/run on a release build), half-width commas throughout.
    let line = "居民们说,这下好了。".repeat(2 * 1024 * 1024 / 30);
    write(dir.path(), "long.txt", line.as_bytes());
    let out = jiaodui(dir.path(), &["check", "--format", "json", "long.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        findings.as_array().unwrap().len(),
        line.matches(',').count()
    );
}

/// Pages made of one kind of line by the thousand — headlines, bracketed notes, credit
/// lines, verse, datelines, former names in one item — cost in proportion to their size.
/// Each of these once took minutes at this size (a page is checked whole below 512 KB, and
/// a rule or the parser compared each line with every other); now each takes about a second
/// in a debug build. The deadline only tells a hang from a slow machine.
#[test]
fn pages_of_one_kind_of_line_by_the_thousand_are_checked_in_proportion() {
    const SHAPES: [&str; 14] = [
        "标题\n",
        "（王海 李敏）\n",
        "【活动】\n",
        "——副题\n",
        "居民们说）\n",
        "本报记者 王海\n",
        "楼道亮了，\n电梯来了\n",
        "本报讯 8日，红旗社区举办读书会。\n",
        "在灌县，游客可以看到都江堰水利工程；酃县、黔阳县的代表也来了。\n\n",
        "居民王秀英冒雨赶来。王秀芳老人说好。\n\n",
        // One sentence of a million bytes: a chain of former names, and names in a list.
        "湖北省襄樊市",
        "湖北襄樊、",
        "灌县、",
        "好，，。。",
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, shape) in SHAPES.iter().enumerate() {
        write(
            dir.path(),
            &format!("page-{i}.txt"),
            shape.repeat(300_000 / shape.len()).as_bytes(),
        );
    }
    // Thousands of people of one surname, each named twice, a character apart from dozens
    // of the others (the second time with nothing after the name to end it, so that only
    // the first confirms it): names are compared only with those they may be variants of.
    let given: Vec<char> = "秀英芳明华建国军平伟强磊洋勇艳杰娟涛超霞刚桂兰玲丽敏静红梅琳云飞"
        .chars()
        .collect();
    let people: String = (0..4000)
        .map(|k| {
            let name = format!(
                "王{}{}",
                given[k % given.len()],
                char::from_u32(0x4E00 + k as u32 / 30).unwrap()
            );
            format!("居民{name}说，活动很好。居民{name}冒雨赶来，还要再办。\n\n")
        })
        .collect();
    write(dir.path(), "page-people.txt", people.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir.path())
        .args(["check", "--format", "json", "."])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run jiaodui");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!(
                "checking {} pages of 300 KB took over 3 minutes",
                SHAPES.len() + 1
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.code().is_some_and(|code| code <= 1), "{status}");
}

/// A page of one signed article and 6 MB of photo-news items after it, none credited, each
/// with a caption line under it — checked whole, as the language server checks a page —
/// costs in proportion to its size. Each item asks whether its article credits a picture,
/// and each once cost a scan of the article: the page took four minutes in a debug build
/// (4 MB two); now it takes a few seconds. `check` cuts a file this large into parts, so
/// the page is analysed here as one. The deadline only tells a hang from a slow machine.
#[test]
fn a_page_of_photo_items_by_the_thousand_is_checked_in_proportion() {
    let mut page =
        "新开街道推进老旧小区改造\n\n本报讯（记者 王海）近日，新开街道启动老旧小区改造。\n\n"
            .to_owned();
    let item =
        "8日，红旗社区组织志愿者清理楼道杂物。图为志愿者在清理杂物。\n\n居民在健身广场锻炼\n\n";
    let items = 6 * 1024 * 1024 / item.len();
    page.push_str(&item.repeat(items));
    let config = jiaodui::config::LoadedConfig::defaults(PathBuf::from("."));
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let today = jiff::civil::date(2024, 1, 15);
        let analysis = jiaodui::lint::analyse(&page, None, &config, today);
        let _ = done.send(analysis.diagnostics.len());
    });
    let findings = finished
        .recv_timeout(std::time::Duration::from_secs(90))
        .expect("checking a page of 6 MB of photo items took over 90 seconds");
    // Every item is reported: the page was judged, not skipped.
    assert_eq!(findings, items);
}

#[test]
fn symlink_loop_in_a_walked_folder_is_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "drafts/a.txt", "居民们说,好。\n".as_bytes());
    std::os::unix::fs::symlink("..", dir.path().join("drafts/loop")).unwrap();
    let out = jiaodui(dir.path(), &["check", "--format", "json", "drafts"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("loop"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 1);
}

#[test]
fn unreadable_file_is_reported_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        // Root reads any file regardless of its mode; the case cannot arise.
        eprintln!("skipped: running as root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "居民们说,好。\n".as_bytes());
    let secret = write(dir.path(), "secret.txt", "居民们说,好。\n".as_bytes());
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = jiaodui(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("secret.txt：无法读取（没有权限）"));
}

#[test]
fn a_failed_write_leaves_the_original_intact() {
    // A file-size limit makes every write past 1 KiB fail, as a full disk does.
    let dir = tempfile::tempdir().unwrap();
    let text = "居民们说,这下好了。\n".repeat(200);
    let file = write(dir.path(), "big.txt", text.as_bytes());
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' check --fix big.txt",
        env!("CARGO_BIN_EXE_jiaodui")
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("big.txt：未修复"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        text,
        "the original was damaged"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".jiaodui-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn interrupting_fix_never_leaves_a_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let original = "居民们说,这下好了。\n".repeat(2000);
    let fixed = original.replace(',', "，");
    for i in 0..60 {
        write(dir.path(), &format!("d{i:03}.txt"), original.as_bytes());
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir.path())
        .args(["check", "--fix", "."])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let _ = child.wait();
    for i in 0..60 {
        let now = std::fs::read_to_string(dir.path().join(format!("d{i:03}.txt"))).unwrap();
        assert!(
            now == original || now == fixed,
            "d{i:03}.txt is half-written"
        );
    }
}

#[test]
fn config_errors_name_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "居民们说，好。\n".as_bytes());
    let cases: [(&str, &str); 5] = [
        (
            "[byline]\nroster = \"王海\"\n",
            "jiaodui.toml:2: `byline.roster`",
        ),
        (
            "[bulletin]\ndate = \"2023-02-30\"\n",
            "jiaodui.toml:2: `bulletin.date`",
        ),
        (
            "[dates]\nweekday = \"星期\"\nextra = 1\n",
            "jiaodui.toml:3: `dates.extra`",
        ),
        (
            "[rules]\n\"date/nonsense\" = \"off\"\n",
            "jiaodui.toml:2: `rules.\"date/nonsense\"`",
        ),
        ("[files\ninclude = []\n", "jiaodui.toml:1"),
    ];
    for (config, expected) in cases {
        write(dir.path(), "jiaodui.toml", config.as_bytes());
        let out = jiaodui(dir.path(), &["check", "a.txt"]);
        assert_eq!(out.status.code(), Some(2), "{config}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{config}: {stderr}");
    }
}
