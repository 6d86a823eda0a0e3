//! Real pages hold more than headlines, leads, body text and captions: a headline group
//! (kicker, headline, `——` subtitle), numbered subheadings, bulleted list lines, a letter
//! with its salutation, signature and date line, a short poem. Such a page, correct as
//! printed, gives no finding with no configuration — laid out with blank lines between
//! paragraphs, and with one paragraph per line and no blank lines, as text pasted from a
//! page usually is.

mod common;

use std::path::PathBuf;

use jiaodui::config::LoadedConfig;

fn page() -> String {
    std::fs::read_to_string(common::fixtures_dir().join("pages/real-page.txt")).unwrap()
}

fn assert_clean(text: &str) {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let found = common::analyse(text, None, &config).diagnostics;
    assert!(found.is_empty(), "{}", common::render(text, &found));
}

#[test]
fn a_real_page_gives_no_finding() {
    assert_clean(&page());
}

#[test]
fn the_same_page_one_paragraph_a_line_gives_no_finding() {
    let dense: String = page()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| format!("{line}\n"))
        .collect();
    assert_clean(&dense);
}

/// A paragraph pasted from a printed column keeps the column's line breaks: every line cut
/// at one width. Each break is reported.
#[test]
fn a_column_pasted_line_by_line_is_a_broken_paragraph() {
    let column = "新开街道推进老旧小区改造\n\
        本报讯（记者 王海）今年，新开\n\
        街道计划改造老旧小区十二个，\n\
        涉及居民一千余户。改造内容包\n\
        括楼道照明、雨污管网、屋面防\n\
        水和加装电梯等，街道将在每个\n\
        小区设立居民议事会。\n";
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let found = common::analyse(column, None, &config).diagnostics;
    let broken: Vec<u32> = found
        .iter()
        .filter(|d| d.rule == "paragraph/broken")
        .map(|d| d.span.start)
        .collect();
    assert_eq!(broken.len(), 5, "{}", common::render(column, &found));
}

/// A short line that opens a sentence (`据了解`, `记者从市教育局获悉`), or whose next line goes
/// on with a comma, is the first half of a paragraph broken by layout, not a subheading or a
/// credit line. Where the next line opens with the comma, joining is the only repair and
/// `--fix` makes it.
#[test]
fn an_opening_fragment_on_its_own_line_is_a_broken_paragraph() {
    let lead = "社区清理楼道杂物\n本报讯（记者 王海）8日，红旗社区组织志愿者清理楼道杂物";
    let joined = format!("{lead}。\n据了解，此次活动共清理杂物两吨。\n");
    let cases = [
        (
            format!("{lead}。\n据了解\n，此次活动共清理杂物两吨。\n"),
            joined,
        ),
        // A comma may be what is missing (`据了解，此次……`): the join is only suggested.
        (
            format!("{lead}，共清理杂物两吨。\n据了解\n此次活动共有50名志愿者参加。\n"),
            String::new(),
        ),
        (
            "新建幼儿园12所\n记者从市教育局获悉\n今年全市新建幼儿园12所。\n".to_owned(),
            String::new(),
        ),
    ];
    let config = LoadedConfig::defaults(PathBuf::from("."));
    for (draft, joined) in cases {
        let found = common::analyse(&draft, None, &config).diagnostics;
        let broken = found
            .iter()
            .filter(|d| d.rule == "paragraph/broken")
            .count();
        assert_eq!(broken, 1, "{}", common::render(&draft, &found));
        let fixed = jiaodui::lint::fix(&draft, None, &config, common::today());
        let expected = if joined.is_empty() { &draft } else { &joined };
        assert_eq!(&fixed.text, expected);
    }
}

/// A news lead opens with its dateline, so however short it is no headline: one that stops
/// mid-sentence, or on `；`, with the next paragraph going on with its sentence, is broken —
/// laid out with blank lines or without. It is the only finding on the page.
#[test]
fn a_lead_cut_short_or_closed_by_a_semicolon_is_a_broken_paragraph() {
    let drafts = [
        "社区开展垃圾分类督导\n\n本报讯（记者 王海）重熙社区组织志愿者在\n\n\
         8日开展垃圾分类督导，共劝导不规范投放行为40余次。\n",
        "社区组织居民学急救\n\n本报讯（记者 王海）8日，文源社区邀请红十字会志愿者为居民\
         讲授急救知识；\n\n大家还现场练习了心肺复苏。\n",
    ];
    let config = LoadedConfig::defaults(PathBuf::from("."));
    for draft in drafts {
        for layout in [draft.to_owned(), draft.replace("\n\n", "\n")] {
            let found = common::analyse(&layout, None, &config).diagnostics;
            let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
            assert_eq!(
                rules,
                ["paragraph/broken"],
                "{}",
                common::render(&layout, &found)
            );
        }
    }
}

/// A join deletes only blank text: a Markdown comment between the two halves keeps the
/// finding but loses the fix, and a Markdown container's `:::` carries no sentence on.
#[test]
fn a_join_never_deletes_what_lies_between() {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let md = std::path::Path::new("draft.md");
    let commented = "标题\n\n本报讯（记者 王海）8日，社区开展活动。\n\n据了解\n\
                     <!-- 编者注：数字待核实 -->\n，此次活动共清理杂物两吨。\n";
    let found = common::analyse(commented, Some(md), &config).diagnostics;
    let broken: Vec<_> = (found.iter())
        .filter(|d| d.rule == "paragraph/broken")
        .collect();
    assert_eq!(broken.len(), 1, "{}", common::render(commented, &found));
    assert!(broken[0].fixes.is_empty(), "{:?}", broken[0].fixes);
    let fixed = jiaodui::lint::fix(commented, Some(md), &config, common::today());
    assert!(fixed.text.contains("编者注"), "{}", fixed.text);
    let container = "活动报道\n\n本报讯（记者 王海）8日，社区开展活动，居民纷纷参与\n\n\
                     ::: tip\n此次活动共清理杂物两吨。\n:::\n";
    let found = common::analyse(container, Some(md), &config).diagnostics;
    assert!(
        found.iter().all(|d| d.rule != "paragraph/broken"),
        "{}",
        common::render(container, &found)
    );
}

/// Lines a writer ends without a stop on purpose are no broken paragraph, laid out with
/// blank lines (where each group of lines is one block) or one line a paragraph: stanzas of
/// a poem under its author's `□` line, a list of names with who each is, a letter's
/// signature and date, a two-line headline group over an interview, and a credit on its own
/// line (`新华社记者 李紫薇、刘金海`), which signs an item and ends no sentence.
#[test]
fn lines_ended_without_a_stop_on_purpose_are_no_broken_paragraph() {
    let drafts = [
        "夏日古城\n\n□ 郭晓东\n\n城墙把落日\n轻轻托起\n鼓楼的钟声\n落进了御河\n\n\
         谁在华严寺的檐角\n挂一串风铃\n",
        "“大同好人”名单公示\n\n拟评选以下3人为“大同好人”，现予以公示：\n\n\
         李秀兰　平城区振华街道居民\n张建国　云冈区口泉街道退休职工\n刘志强　大同市第一人民医院医生\n\n\
         公示期为2024年6月25日至7月1日。\n",
        "人民来信\n\n编辑同志：\n\n我家住在一个老旧小区，只有30多个停车位。希望有关部门重视。\n\n\
         读者 刘建国\n2024年6月3日\n\n记者调查\n老旧小区停车难如何破解\n\n本报记者 王昊男\n\n\
         针对读者反映的问题，记者近日进行了调查。\n",
        "对话非遗传承人\n老手艺要有新活法\n\n记者：您从事剪纸多少年了？\n\n\
         郭桂英：我12岁跟着母亲学剪纸。（本报记者 赵静 整理）\n",
        "脱贫村里的“新农人”\n\n新华社记者 李紫薇、刘金海\n\n\
         在甘肃省定西市安定区，35岁的村党支部书记王建军带领村民种植马铃薯。\n",
    ];
    let config = LoadedConfig::defaults(PathBuf::from("."));
    for draft in drafts {
        for layout in [draft.to_owned(), draft.replace("\n\n", "\n")] {
            let found = common::analyse(&layout, None, &config).diagnostics;
            let broken: Vec<_> = (found.iter())
                .filter(|d| d.rule == "paragraph/broken")
                .cloned()
                .collect();
            assert!(broken.is_empty(), "{}", common::render(&layout, &broken));
        }
    }
}
