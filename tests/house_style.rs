//! House style versus error, for bylines and photo credits: a page printed in each preset's
//! style is clean under that preset and with no config at all; forms that are no option are
//! errors in every style; a draft settles its own style only from three uses without a tie;
//! and no safe fix ever changes who a credit names, their role words or organisations.

mod common;

use std::path::{Path, PathBuf};

use jiaodui::config::LoadedConfig;
use jiaodui::diagnostic::{Diagnostic, Kind};
use jiaodui::fix::Applicability;
use jiaodui::recognise::bylines::{Bylines, RoleGroup};
use jiaodui::text::Span;
use proptest::prelude::*;

const PRESETS: [&str; 3] = ["地方日报", "人民日报", "新华社"];

fn config(source: &str) -> LoadedConfig {
    LoadedConfig::parse(source, Path::new("jiaodui.toml"), jiaodui::lint::rule_ids())
        .unwrap_or_else(|err| panic!("{err}"))
}

/// No config at all, then each preset.
fn every_style() -> Vec<(String, LoadedConfig)> {
    let mut out = vec![(
        "none".to_owned(),
        LoadedConfig::defaults(PathBuf::from(".")),
    )];
    for preset in PRESETS {
        out.push((
            preset.to_owned(),
            config(&format!("preset = \"{preset}\"\n")),
        ));
    }
    out
}

fn credit_findings(text: &str, config: &LoadedConfig) -> Vec<Diagnostic> {
    common::analyse(text, None, config)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.starts_with("byline/") || d.rule.starts_with("photo/"))
        .collect()
}

/// A district daily's page: credits at the lead in parentheses, names spaced, the
/// correspondent named first, new titles, a feature's credit line under its headline (the
/// credit line with a mark, `□本报记者 王海`, is in the `byline/format` traps).
const LOCAL_PAGE: &str = "\
平城区 新开街道 推进老旧小区改造

本报讯（记者 王海 李敏）近日，新开街道启动老旧小区改造，涉及12个小区、3000多户居民。

居民在新建的健身广场锻炼 本报记者 王海 摄

红旗社区举办读书会

本报讯（通讯员 张强 全媒体记者 孙 露）8日，红旗社区举办读书会，40多名居民参加。

图为居民在读书会上交流心得。 本报记者 孙 露 通讯员 张强 摄

社区开展消防演练

本报讯（首席记者 王海 见习记者 李敏 文/图）9日，红旗社区开展消防演练。

老旧小区换新颜

本报记者 王海 本报通讯员 郜敏

走进新开街道的老旧小区，楼道亮了，路面平了，居民脸上有了笑容。
";

/// A national daily's page around 2000: reported credits with `、`, briefs signed at their
/// end with the names run together, photo credits in parentheses, desk copy.
const NATIONAL_PAGE: &str = "\
全国铁路春运工作会议召开

本报北京1月4日讯 记者王海、李敏报道：全国铁路春运工作会议今天在京召开。

会议要求，确保旅客平安、有序出行。

首都各界欢度元旦

本报讯 1日清晨，首都各界群众在天安门广场观看升旗仪式。

参加仪式的有机关干部、青年学生和解放军官兵。（王海李敏）

群众在广场合影留念。（新华社记者王海摄）

冬季长跑活动启动

本报讯 全民健身冬季长跑活动日前启动，各地将陆续举办。

守住为民服务的初心

基层工作千头万绪，归根到底是为群众办事。

群众满意不满意，是检验工作的最好标尺。（本报评论员）
";

/// Wire copy: credits in parentheses after the dateline, `、` between names, the agency's
/// photo credit.
const WIRE_PAGE: &str = "\
市里举行了纪念仪式

新华社南京6月27日电（记者 张立新、刘明）市里27日在广场举行纪念仪式。

群众在街头送别。 新华社记者 张立新 摄

新年音乐会在维也纳举行

新华社维也纳1月1日电（记者 王海）一年一度的新年音乐会1日在维也纳举行。
";

#[test]
fn a_page_in_each_presets_style_is_clean_under_it_and_with_no_config() {
    let pages = [
        ("地方日报", LOCAL_PAGE),
        ("人民日报", NATIONAL_PAGE),
        ("新华社", WIRE_PAGE),
    ];
    let mut failures = Vec::new();
    for (preset, page) in pages {
        for (name, config) in [
            ("none", LoadedConfig::defaults(PathBuf::from("."))),
            (preset, config(&format!("preset = \"{preset}\"\n"))),
        ] {
            let found = credit_findings(page, &config);
            if !found.is_empty() {
                failures.push(format!(
                    "{preset} page, {name}:\n{}",
                    common::render(page, &found)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn forms_that_are_no_option_are_errors_in_every_style() {
    let slips = [
        ("本报讯(记者 王海)近日，社区举办活动。", "byline/format"),
        ("本报讯：（记者 王海）近日，社区举办活动。", "byline/format"),
        (
            "本报讯（记者 王海，李敏）近日，社区举办活动。",
            "byline/format",
        ),
        ("本报讯（ 记者 王海）近日，社区举办活动。", "byline/format"),
        ("居民在健身广场锻炼 摄影：王海", "photo/credit-format"),
        ("居民在健身广场锻炼 王海摄影", "photo/credit-format"),
        (
            "居民在健身广场锻炼 (本报记者 王海 摄)",
            "photo/credit-format",
        ),
    ];
    for (name, config) in every_style() {
        for (text, rule) in slips {
            let found: Vec<Diagnostic> = credit_findings(text, &config)
                .into_iter()
                .filter(|d| d.rule == rule)
                .collect();
            assert_eq!(found.len(), 1, "{name}: {text}");
            assert_eq!(found[0].kind, Kind::Error, "{name}: {text}");
        }
    }
}

/// A house that prints its bylines' parentheses in ASCII says so (`parens = "halfwidth"`,
/// DESIGN §5): its own form is clean — of `punct/halfwidth` too, which never reports a
/// byline's parentheses —, the standard full-width form departs from its choice only (a
/// finding of style with a safe fix to the house form), and half-width marks in the body
/// stay slips. Without that line half-width parentheses in a byline are an error of
/// `byline/format` alone.
#[test]
fn a_house_that_prints_half_width_parentheses_says_so() {
    let half = config("[byline]\nparens = \"halfwidth\"\n");
    let house = "社区举办读书会\n\n本报讯(记者 王海)8日，社区举办读书会。\n";
    let found = common::analyse(house, None, &half).diagnostics;
    assert!(found.is_empty(), "{}", common::render(house, &found));

    let standard = "社区举办读书会\n\n本报讯（记者 王海）8日，社区举办读书会。\n";
    let found = common::analyse(standard, None, &half).diagnostics;
    assert_eq!(found.len(), 1, "{}", common::render(standard, &found));
    assert_eq!(found[0].rule, "byline/format");
    assert_eq!(found[0].kind, Kind::Style);
    let fix = found[0].safe_fix().expect("a safe fix");
    assert_eq!(fix.edits[0].replacement, "本报讯(记者 王海)");
    let fixed = jiaodui::lint::fix(standard, None, &half, common::today());
    assert_eq!(fixed.text, house);

    // Half-width marks in the body are slips whatever the byline's parentheses.
    let body = "社区举办读书会\n\n本报讯(记者 王海)8日，社区举办读书会(周六)。\n";
    let found = common::analyse(body, None, &half).diagnostics;
    let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        ["punct/halfwidth"; 2],
        "{}",
        common::render(body, &found)
    );
    assert!(found.iter().all(|d| d.span.start > 40));

    for (name, config) in every_style() {
        let found = common::analyse(house, None, &config).diagnostics;
        let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
        assert_eq!(
            rules,
            ["byline/format"],
            "{name}: {}",
            common::render(house, &found)
        );
        assert_eq!(found[0].kind, Kind::Error, "{name}");
    }
}

/// Two credits in different forms settle nothing, nor does a third in one of them (two
/// against one); a fourth in that form settles the house style (three against one), and the
/// other form becomes a finding of style. A tie settles nothing.
#[test]
fn a_draft_settles_its_style_from_three_uses_of_one_form_without_a_tie() {
    let none = LoadedConfig::defaults(PathBuf::from("."));
    let two = "\
居民在新建的健身广场锻炼 本报记者 王海 摄

孩子们在图书馆阅读（本报记者 李敏 摄）
";
    assert!(credit_findings(two, &none).is_empty());
    let three = format!("{two}\n志愿者为老人理发 本报记者 孙露 摄\n");
    assert!(credit_findings(&three, &none).is_empty(), "two against one");
    let four = format!("{three}\n老人在社区食堂就餐 本报记者 王海 摄\n");
    let found = credit_findings(&four, &none);
    assert_eq!(found.len(), 1, "{}", common::render(&four, &found));
    assert_eq!(&four[found[0].span.range()], "（本报记者 李敏 摄）");
    assert_eq!(found[0].kind, Kind::Style);
    let tie = format!("{three}\n老人在社区食堂就餐（本报记者 王海 摄）\n");
    assert!(
        credit_findings(&tie, &none).is_empty(),
        "a tie settles nothing"
    );

    let leads = "\
本报讯（记者 王海）近日，社区举办活动。

本报讯 记者李敏报道：8日，社区举办讲座。

本报讯（记者 孙露）9日，社区举办义诊。
";
    assert!(credit_findings(leads, &none).is_empty(), "two against one");
    let leads = format!("{leads}\n本报讯（记者 王海）10日，社区举办展览。\n");
    let found = credit_findings(&leads, &none);
    assert_eq!(found.len(), 1, "{}", common::render(&leads, &found));
    assert_eq!(found[0].kind, Kind::Style);
    assert_eq!(found[0].fixes[0].applicability, Applicability::Suggested);
}

/// The `byline/format` and `photo/credit-format` findings of `text` under `source`, each as
/// the text flagged, its kind and the replacement of its safe fix (empty when none).
fn glued_findings(text: &str, source: &str) -> Vec<(String, Kind, String)> {
    let config = config(source);
    (credit_findings(text, &config).into_iter())
        .filter(|d| d.rule == "byline/format" || d.rule == "photo/credit-format")
        .map(|d| {
            let safe = d.safe_fix().map(|f| f.edits[0].replacement.clone());
            (
                text[d.span.range()].to_owned(),
                d.kind,
                safe.unwrap_or_default(),
            )
        })
        .collect()
}

/// Names run together (`王海李敏`) depart from a house that separates its names, whether or
/// not it has settled its spacing (DESIGN §3.1): `[byline] separator` alone says so, when
/// the roster or the page's other credits show the run to be two names; the safe fix puts
/// the house separator between them. A run the roster and page do not show to be two
/// names, a three-character name and a name whose given name is two characters are left
/// alone, and so are names run together where the house runs its credits together.
#[test]
fn names_run_together_depart_from_a_house_separator() {
    let roster = "roster = [\"王海\", \"李敏\", \"林立\"]\n";
    let space = format!("[byline]\nseparator = \" \"\n{roster}");
    let dun = format!("[byline]\nseparator = \"、\"\n{roster}");
    let lead = "社区举办读书会\n\n本报讯（记者 王海李敏）8日，社区举办读书会。\n";
    let style =
        |flagged: &str, fixed: &str| vec![(flagged.to_owned(), Kind::Style, fixed.to_owned())];
    assert_eq!(
        glued_findings(lead, &space),
        style("本报讯（记者 王海李敏）", "本报讯（记者 王海 李敏）")
    );
    assert_eq!(
        glued_findings(lead, &dun),
        style("本报讯（记者 王海李敏）", "本报讯（记者 王海、李敏）")
    );
    let fixed = jiaodui::lint::fix(lead, None, &config(&space), common::today());
    assert!(fixed.text.contains("（记者 王海 李敏）"), "{}", fixed.text);
    // The role run into the names stays as printed: the house has not settled that.
    let joined_role = "本报讯（记者王海李敏）8日，社区举办读书会。\n";
    assert_eq!(
        glued_findings(joined_role, &space),
        style("本报讯（记者王海李敏）", "本报讯（记者王海 李敏）")
    );
    let photo = "居民在新建的健身广场锻炼（本报记者 王海李敏 摄）\n";
    assert_eq!(
        glued_findings(photo, &dun),
        style("（本报记者 王海李敏 摄）", "（本报记者 王海、李敏 摄）")
    );
    // Off the roster, the page's other credits show the names.
    let page = "\
本报讯（记者 张明 赵天华）8日，社区举办读书会。

本报讯（记者 张明赵天华）9日，社区举办义诊。
";
    assert_eq!(
        glued_findings(page, "[byline]\nseparator = \" \"\n"),
        style("本报讯（记者 张明赵天华）", "本报讯（记者 张明 赵天华）")
    );

    let traps = [
        // A name of three characters, which no run of roster names makes.
        (
            "本报讯（记者 王海林）8日，社区举办读书会。\n",
            space.clone(),
        ),
        // 李敏 and 王海林, whose given name is 海林: not 李敏, 王海 and 林.
        (
            "本报讯（记者 李敏王海林）8日，社区举办读书会。\n",
            space.clone(),
        ),
        // Cut only on the shapes of names: one name or two, nobody knows.
        (
            "本报讯（记者 张明赵天华）8日，社区举办读书会。\n",
            space.clone(),
        ),
        (
            "居民在新建的健身广场锻炼（本报记者 张明赵天华 摄）\n",
            dun.clone(),
        ),
        // No separator in the house style: nothing to depart from.
        (lead, format!("[byline]\n{roster}")),
        // A house that runs its credits together prints names so (`（王海李敏）`).
        (
            "本报讯（记者王海李敏）8日，社区举办读书会。\n",
            format!("[byline]\nseparator = \" \"\nspacing = \"joined\"\n{roster}"),
        ),
        (
            "本报讯 1日，社区举办读书会。（王海李敏）\n",
            format!("preset = \"人民日报\"\n[byline]\n{roster}"),
        ),
    ];
    for (text, source) in traps {
        assert_eq!(glued_findings(text, &source), [], "{source}: {text}");
    }
}

/// Who a credit names, in order: role words, organisations and names.
#[derive(Debug, PartialEq, Eq)]
struct Attribution {
    roles: Vec<String>,
    organisations: Vec<String>,
    names: Vec<String>,
}

fn attribution(groups: &[RoleGroup]) -> Attribution {
    Attribution {
        roles: groups
            .iter()
            .filter_map(|g| g.role.as_ref().map(|r| r.text.clone()))
            .collect(),
        organisations: groups
            .iter()
            .filter_map(|g| g.role.as_ref()?.organisation().map(str::to_owned))
            .collect(),
        names: groups
            .iter()
            .flat_map(|g| g.names.iter().map(|n| n.text.clone()))
            .collect(),
    }
}

/// The attribution of the credit that `span` covers, byline or photo credit.
fn credit_at(bylines: &Bylines, span: Span) -> Option<Attribution> {
    let overlaps = |s: Span| s.start < span.end.max(span.start + 1) && span.start < s.end;
    bylines
        .bylines
        .iter()
        .filter(|b| overlaps(b.span))
        .find_map(|b| b.credit.as_ref())
        .map(|c| attribution(&c.groups))
        .or_else(|| {
            bylines
                .photo_credits
                .iter()
                .find(|c| overlaps(c.span))
                .map(|c| attribution(&c.groups))
        })
}

/// The safe fixes of `byline/format` and `photo/credit-format` in `text` under `config`
/// that change who a credit names, described; empty when every one keeps the attribution.
/// Also returns how many safe fixes were checked.
fn attribution_changes(text: &str, config: &LoadedConfig) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut failures = Vec::new();
    let before = common::analyse(text, None, config);
    for d in &before.diagnostics {
        if !matches!(d.rule, "byline/format" | "photo/credit-format") {
            continue;
        }
        let Some(fix) = d.safe_fix() else { continue };
        let edits: Vec<_> = fix.edits.iter().collect();
        let fixed = jiaodui::fix::splice(text, &edits);
        let after = common::analyse(&fixed, None, config);
        let start = d.span.start;
        let replaced: usize = fix.edits.iter().map(|e| e.replacement.len()).sum();
        let new_span = Span::new(start, start + replaced as u32);
        let was = credit_at(&before.facts.bylines, d.span);
        let now = credit_at(&after.facts.bylines, new_span);
        checked += 1;
        // Ex) 本报讯：（…） with a credit too tangled to read: the fix may still drop the
        // dateline's colon, so long as it changes no word of the text.
        let words = |s: &str| {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        };
        let unread_but_untouched = was.is_none() && words(text) == words(&fixed);
        // Ex) 记着 → 记者, 本报迅 → 本报讯: a role or dateline word with one character
        // mistyped, put right in place, changes that character and nothing else.
        let typo_put_right = match &fix.edits[..] {
            [edit] if edit.span == d.span => {
                let old = &text[d.span.range()];
                let differ = (old.chars().zip(edit.replacement.chars()))
                    .filter(|(a, b)| a != b)
                    .count();
                old.chars().count() == edit.replacement.chars().count() && differ == 1
            }
            _ => false,
        };
        if !unread_but_untouched && !typo_put_right && (was.is_none() || was != now) {
            failures.push(format!(
                "{was:?} became {now:?}\n  {}",
                common::render(text, std::slice::from_ref(d))
            ));
        }
    }
    (checked, failures)
}

/// Every safe fix of `byline/format` and `photo/credit-format`, over the fixtures of every
/// byline and photo rule, with their own config, no config and each preset: after the fix
/// the credit names the same people with the same role words and organisations.
#[test]
fn safe_fixes_never_change_attribution() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for family in ["byline", "photo"] {
        let dir = common::fixtures_dir().join(family);
        for rule_dir in std::fs::read_dir(&dir).unwrap() {
            let rule_dir = rule_dir.unwrap().path();
            let mut styles = every_style();
            styles.push(("fixture".to_owned(), common::config_for(&rule_dir)));
            for stem in ["positive", "traps"] {
                let file = rule_dir.join(format!("{stem}.txt"));
                let Ok(text) = std::fs::read_to_string(&file) else {
                    continue;
                };
                for (name, config) in &styles {
                    let (n, found) = attribution_changes(&text, config);
                    checked += n;
                    failures.extend(
                        found
                            .into_iter()
                            .map(|f| format!("{}/{stem} ({name}): {f}", rule_dir.display())),
                    );
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} safe fixes checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A credit put together from the pieces credits are made of, right and wrong: a dateline,
/// parentheses of either width, role words, names (padded, with `·`, run together), any
/// separator and spacing; and a photo credit the same way.
fn credit_draft() -> impl Strategy<Value = String> {
    let lead = prop::sample::select(vec![
        "本报讯",
        "本报讯：",
        "本报讯 ",
        "本报北京6月10日电",
        "新华社北京6月27日电",
    ]);
    let open = prop::sample::select(vec!["（", "(", "（ "]);
    let close = prop::sample::select(vec!["）", ")"]);
    let role = prop::sample::select(vec![
        "记者",
        "本报记者",
        "通讯员",
        "全媒体记者",
        "新华社记者",
        "新快报记者",
        "",
    ]);
    let name = prop::sample::select(vec![
        "王海",
        "李敏",
        "孙 露",
        "阿卜杜拉·艾买提",
        "欧阳明月",
        "张强",
    ]);
    let gap = prop::sample::select(vec![" ", "", "、", "，", "  "]);
    let group = (role, gap.clone(), prop::collection::vec((name, gap), 1..3)).prop_map(
        |(role, after_role, names)| {
            let names: String = names
                .iter()
                .enumerate()
                .map(|(i, (n, g))| {
                    if i == 0 {
                        n.to_string()
                    } else {
                        format!("{g}{n}")
                    }
                })
                .collect();
            format!("{role}{after_role}{names}")
        },
    );
    let groups = prop::collection::vec(group, 1..3).prop_map(|g| g.join(" "));
    let she = prop::sample::select(vec![" 摄", "摄", "/摄"]);
    let mark = prop::sample::select(vec!["", "□", "■"]);
    (lead, open, groups.clone(), close, groups.clone(), she, mark, groups).prop_map(
        |(lead, open, credit, close, photo, she, mark, other)| {
            format!(
                "{lead}{open}{credit}{close}近日，社区举办活动。\n\n居民在健身广场锻炼 {photo}{she}\n\n\
                 孩子们在图书馆阅读（{photo}{she}）\n\n老旧小区换新颜\n\n{mark}{other}\n\n\
                 走进老旧小区，楼道亮了。\n\n本报讯 记者{other}报道：8日，社区举办讲座。\n\n\
                 讲座结束了。{open}{credit}{close}\n"
            )
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Credits of every shape, right and wrong, in every style: no safe fix changes who
    /// they name, their role words or their organisations.
    #[test]
    fn no_safe_fix_changes_attribution(text in credit_draft()) {
        for (name, config) in every_style() {
            let (_, failures) = attribution_changes(&text, &config);
            prop_assert!(failures.is_empty(), "{name}:\n{text}\n{}", failures.join("\n"));
        }
    }
}
