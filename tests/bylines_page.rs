//! Issue 3's acceptance page: a bulletin page in house style gives no finding at all; the
//! same page with seven slips — a byline removed, a credit written `摄影：A`, a role word
//! dropped, half-width parentheses in a byline, a reporter's name one character off the
//! roster, a caption without credit, and one resident's name spelled two ways — gives each
//! slip exactly once, by the right rule, with the fix the house style asks for; and `--fix`
//! leaves only findings whose fixes are suggested. A fix that would supply a word (a role,
//! `摄` for `摄影：`) is suggested: a safe fix changes punctuation and spacing only.

mod common;

use std::path::Path;

use jiaodui::config::LoadedConfig;
use jiaodui::fix::Applicability;
use jiaodui::lint;

const CONFIG: &str = r#"
[byline]
roster = ["王海", "李敏", "孙露"]
default_reporter = "王海"
"#;

const HOUSE_PAGE: &str = "\
平城区 新开街道 推进老旧小区改造

　　本报讯（记者 王海 李敏）近日，新开街道启动老旧小区改造，涉及12个小区、3000多户居民。

　　居民王秀英告诉记者：“楼道亮了，电梯也快装好了。”

居民在新建的健身广场锻炼 本报记者 王海 摄

红旗社区举办读书会

　　本报讯（记者 李敏 通讯员 张强）8日，红旗社区举办读书会，40多名居民参加。

　　王秀英老人在会上分享了读书心得。

图为居民在读书会上交流心得。 本报记者 李敏 摄

平城区召开老旧小区改造推进会

　　本报讯（记者 孙 露）9日，平城区召开老旧小区改造推进会。

　　会议要求，年底前完成全部改造任务。

新开街道开展义诊活动

　　本报讯（记者 王海）10日，新开街道开展义诊活动。

　　志愿者为老人测量血压，讲解健康知识。
";

/// The seven slips: (what the page printed, what it prints now).
const SLIPS: [(&str, &str); 7] = [
    ("本报讯（记者 王海）10日", "10日"),
    ("锻炼 本报记者 王海 摄", "锻炼 摄影：王海"),
    ("本报讯（记者 李敏 通讯员", "本报讯（李敏 通讯员"),
    ("本报讯（记者 孙 露）", "本报讯(记者 孙 露)"),
    ("（记者 王海 李敏）", "（记者 王海 李明）"),
    ("心得。 本报记者 李敏 摄", "心得。"),
    ("王秀英老人", "王秀芳老人"),
];

fn config() -> LoadedConfig {
    LoadedConfig::parse(CONFIG, Path::new("jiaodui.toml"), jiaodui::lint::rule_ids()).unwrap()
}

fn slipped_page() -> String {
    let mut page = HOUSE_PAGE.to_owned();
    for (right, wrong) in SLIPS {
        assert_eq!(page.matches(right).count(), 1, "{right}");
        page = page.replace(right, wrong);
    }
    page
}

#[test]
fn house_page_gives_no_finding() {
    let analysis = common::analyse(HOUSE_PAGE, None, &config());
    assert!(
        analysis.diagnostics.is_empty(),
        "{}",
        common::render(HOUSE_PAGE, &analysis.diagnostics)
    );
}

#[test]
fn each_slip_is_found_once_by_its_rule() {
    let page = slipped_page();
    let analysis = common::analyse(&page, None, &config());
    let found = &analysis.diagnostics;
    let report = common::render(&page, found);
    let of = |rule: &str| found.iter().filter(|d| d.rule == rule).collect::<Vec<_>>();
    let only = |rule: &str| {
        let hits = of(rule);
        assert_eq!(hits.len(), 1, "{rule}:\n{report}");
        hits[0]
    };
    assert_eq!(found.len(), 7, "{report}");

    let missing = only("byline/missing");
    assert_eq!(missing.fixes[0].applicability, Applicability::Suggested);
    assert_eq!(missing.fixes[0].edits[0].replacement, "本报讯（记者 王海）");

    let photo = only("photo/credit-format");
    assert_eq!(&page[photo.span.range()], "摄影：王海");
    assert_eq!(photo.fixes[0].applicability, Applicability::Suggested);
    assert_eq!(photo.fixes[0].edits[0].replacement, "本报记者 王海 摄");

    let bylines = of("byline/format");
    assert_eq!(bylines.len(), 2, "{report}");
    let role = bylines
        .iter()
        .find(|d| d.message.contains("记者"))
        .expect(&report);
    assert_eq!(role.fixes[0].applicability, Applicability::Suggested);
    assert_eq!(
        role.fixes[0].edits[0].replacement,
        "本报讯（记者 李敏 通讯员 张强）"
    );
    let parens = bylines
        .iter()
        .find(|d| d.message.contains("半角括号"))
        .expect(&report);
    assert_eq!(parens.fixes[0].applicability, Applicability::Safe);
    assert_eq!(parens.fixes[0].edits[0].replacement, "本报讯（记者 孙 露）");

    let reporter = only("byline/unknown-reporter");
    assert_eq!(&page[reporter.span.range()], "李明");
    assert_eq!(reporter.fixes[0].edits[0].replacement, "李敏");
    assert_eq!(
        reporter.data,
        Some(jiaodui::diagnostic::DiagnosticData::AddToRoster {
            name: "李明".to_owned()
        })
    );

    let caption = only("photo/credit-missing");
    assert_eq!(&page[caption.span.range()], "图为居民在读书会上交流心得。");
    assert_eq!(caption.fixes[0].edits[0].replacement, " 本报记者 李敏 摄");

    let person = only("person/variant");
    assert_eq!(&page[person.span.range()], "王秀芳");
    assert_eq!(person.related.len(), 1);
    assert_eq!(&page[person.related[0].span.range()], "王秀英");
}

#[test]
fn fix_leaves_only_suggested_findings() {
    let page = slipped_page();
    let config = config();
    let fixed = lint::fix(&page, None, &config, common::today());
    assert!(fixed.converged);
    let left = common::analyse(&fixed.text, None, &config).diagnostics;
    let report = common::render(&fixed.text, &left);
    assert_eq!(left.len(), 6, "{report}");
    assert!(
        left.iter().all(|d| !d.fixes.is_empty()
            && d.fixes
                .iter()
                .all(|f| f.applicability == Applicability::Suggested)),
        "{report}"
    );
    assert!(fixed.text.contains("居民在新建的健身广场锻炼 摄影：王海"));
    assert!(fixed.text.contains("本报讯（李敏 通讯员 张强）"));
    assert!(fixed.text.contains("本报讯（记者 孙 露）"));
}
