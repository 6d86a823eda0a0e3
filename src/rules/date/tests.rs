//! The date rules against the cases they exist for, and the trap list against every rule.

use std::path::Path;

use crate::config::LoadedConfig;
use crate::diagnostic::Diagnostic;
use crate::fix::Applicability;
use crate::lint::analyse;
use crate::recognise::dates::tests::TRAPS;

const TODAY: jiff::civil::Date = jiff::civil::date(2026, 1, 1);

/// Findings of date rules under `config`.
fn lint_with(text: &str, config: &str) -> Vec<Diagnostic> {
    let config = LoadedConfig::parse(config, Path::new("jiaodui.toml"), crate::lint::rule_ids())
        .expect("config");
    analyse(text, None, &config, TODAY)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.starts_with("date/"))
        .collect()
}

/// Findings of date rules on a page dated 2023-03-15 (a Wednesday), in the house style of
/// a local daily (`星期`, `—`, half-width digits).
fn lint(text: &str) -> Vec<Diagnostic> {
    lint_with(
        text,
        "preset = \"地方日报\"\n[bulletin]\ndate = \"2023-03-15\"\n",
    )
}

fn of<'d>(all: &'d [Diagnostic], rule: &str) -> Vec<&'d Diagnostic> {
    all.iter().filter(|d| d.rule == rule).collect()
}

fn fixed(text: &str, d: &Diagnostic) -> String {
    let (out, _) = crate::fix::apply_edits_once(text, d.fixes.first());
    out
}

#[test]
fn trap_list_gives_no_finding_in_any_rule() {
    for trap in TRAPS {
        for text in [
            trap.to_string(),
            format!("居民说，{trap}很热闹。"),
            format!("本报讯 14日，{trap}，大家都来了。"),
        ] {
            let found = lint(&text);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
    }
}

#[test]
fn wrong_weekday_is_fixed() {
    let text = "本报讯 14日（星期三），红旗社区举办义诊。";
    let all = lint(text);
    let found = of(&all, "date/weekday");
    assert_eq!(found.len(), 1, "{all:#?}");
    let d = found[0];
    assert_eq!(d.span.slice(text), "14日（星期三）");
    assert_eq!(d.message, "3月14日是星期二，不是星期三");
    assert_eq!(d.fixes[0].applicability, Applicability::Safe);
    assert_eq!(d.fixes[0].title, "改为星期二");
    assert_eq!(fixed(text, d), "本报讯 14日（星期二），红旗社区举办义诊。");
    assert!(lint("本报讯 14日（星期二），红旗社区举办义诊。").is_empty());
    // The year in the text wins over the issue date.
    assert!(of(&lint("2024年3月14日（周四）"), "date/weekday").is_empty());
}

#[test]
fn impossible_dates() {
    for text in ["4月31日", "2023年2月29日", "2月30日", "2023年13月5日"] {
        let all = lint(&format!("活动于{text}举行。"));
        assert_eq!(of(&all, "date/invalid").len(), 1, "{text}: {all:#?}");
    }
    assert!(of(&lint("活动于2024年2月29日举行。"), "date/invalid").is_empty());
    assert!(lint_with("4月31日", "")
        .iter()
        .any(|d| d.rule == "date/invalid"));
    assert!(lint_with("2月29日", "").is_empty());
}

#[test]
fn formats_are_fixed_safely() {
    for (text, want) in [
        ("将于15号举行。", "将于15日举行。"),
        (
            "二〇二三年三月十四日开幕，16日闭幕。",
            "2023年3月14日开幕，16日闭幕。",
        ),
        ("2023-03-14，", "2023年3月14日，"),
        ("2023/3/14，", "2023年3月14日，"),
        ("2023.3.14，", "2023年3月14日，"),
        ("２０２３年３月１４日，", "2023年3月14日，"),
        ("2023年03月05日，", "2023年3月5日，"),
        ("二○二三年，", "二〇二三年，"),
        ("二零二三年，", "二〇二三年，"),
        ("3月15号上午，", "3月15日上午，"),
    ] {
        let all = lint(text);
        let found = of(&all, "date/format");
        assert_eq!(found.len(), 1, "{text}: {all:#?}");
        assert_eq!(
            found[0].fixes[0].applicability,
            Applicability::Safe,
            "{text}"
        );
        assert_eq!(fixed(text, found[0]), want, "{text}");
    }
    let all = lint("23年3月5日，");
    let found = of(&all, "date/format");
    assert_eq!(found[0].fixes[0].applicability, Applicability::Suggested);
    assert_eq!(fixed("23年3月5日，", found[0]), "2023年3月5日，");
    // A Chinese-numeral date is a finding only beside dates in digits, or in a house that
    // writes every date in digits.
    assert!(lint("二〇二三年三月十四日，社区举办义诊。").is_empty());
    let arabic = "[bulletin]\ndate = \"2023-03-15\"\n[dates]\nnumerals = \"arabic\"\n";
    let text = "二〇二三年三月十四日，";
    let found = lint_with(text, arabic);
    assert_eq!(fixed(text, &found[0]), "2023年3月14日，");
    // A wrong zero beside dates in digits: both said, and the date written in digits.
    let text = "二零二三年开工，16日完工。";
    let all = lint(text);
    let found = of(&all, "date/format");
    assert!(found[0].message.contains("不写“零”"), "{found:#?}");
    assert_eq!(fixed(text, found[0]), "2023年开工，16日完工。");
    // Titles keep their dates; headlines keep Chinese numerals but not a wrong zero.
    assert!(lint("学习《二〇二三年政府工作报告》。").is_empty());
    assert!(lint_with("２０２３年３月１４日，", "[dates]\ndigits = \"any\"\n").is_empty());
}

#[test]
fn hyphenated_ranges() {
    let text = "展览3月13-14日举行。";
    let all = lint(text);
    let found = of(&all, "date/range");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert_eq!(found[0].span.slice(text), "3月13-14日");
    assert_eq!(fixed(text, found[0]), "展览3月13—14日举行。");
    let all = lint_with(text, "[dates]\nrange = \"至\"\n");
    let d = all.iter().find(|d| d.rule == "date/range").unwrap();
    assert_eq!(fixed(text, d), "展览3月13日至14日举行。");
    assert!(of(
        &lint("展览3月13—14日举行，3月30日至4月2日巡展。"),
        "date/range"
    )
    .is_empty());
    assert_eq!(of(&lint("2021-2025年"), "date/range").len(), 1);
}

#[test]
fn future_day_in_past_reporting() {
    let text = "本报讯 16日，红旗社区举办了义诊活动。";
    let all = lint(text);
    let found = of(&all, "date/future");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert_eq!(found[0].fixes[0].applicability, Applicability::Suggested);
    assert_eq!(
        fixed(text, found[0]),
        "本报讯 2月16日，红旗社区举办了义诊活动。"
    );
    for text in [
        "活动将于16日举行。",
        "社区定于16日举办义诊。",
        "16日起实行新规。",
        "报名截至20日。",
        "14日，社区举办了义诊。",
        "他说：“我们16日出发。”",
    ] {
        assert!(of(&lint(text), "date/future").is_empty(), "{text}");
    }
    // Without an issue date the rule is silent.
    assert!(lint_with("16日，红旗社区举办了义诊活动。", "").is_empty());
}

#[test]
fn relative_days() {
    let text = "昨天上午，社区举办义诊。";
    let all = lint(text);
    let found = of(&all, "date/relative");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert_eq!(fixed(text, found[0]), "14日上午，社区举办义诊。");
    assert_eq!(found[0].fixes[0].applicability, Applicability::Suggested);
    let all = lint("上周五，社区举办义诊。");
    assert_eq!(
        fixed("上周五，社区举办义诊。", of(&all, "date/relative")[0]),
        "10日，社区举办义诊。"
    );
    assert!(lint_with(text, "").is_empty());
    assert!(lint("他说：“今天很高兴。”").is_empty());
}

#[test]
fn relative_days_are_house_style() {
    let dated = "[bulletin]\ndate = \"2023-03-15\"\n";
    // Days written as dates three times to one relative day: the draft names its days.
    let text = "本报讯 12日，社区开工；13日，街道验收；14日，居民入住。昨天，社区举办义诊。";
    let all = lint_with(text, dated);
    let found = of(&all, "date/relative");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert!(
        found[0].message.contains("本稿多用"),
        "{}",
        found[0].message
    );
    // Relative days used most, too few uses, or a paper that prints them: nothing.
    let text = "本报讯 昨天，社区开工；今天，街道验收；前天，居民报名。14日，社区举办义诊。";
    assert!(of(&lint_with(text, dated), "date/relative").is_empty());
    let text = "本报讯 14日，社区开工。昨天，社区举办义诊。";
    assert!(of(&lint_with(text, dated), "date/relative").is_empty());
    // 昨天到今天 is two relative days: two to two is a tie.
    let text = "本报讯 昨天到今天，气温下降。预计，19日晚上到20日，有小雪。";
    assert!(of(&lint_with(text, dated), "date/relative").is_empty());
    // Under a dateline the day is written: only a stated style asks for dates there.
    let text =
        "本报北京3月14日电 12日，社区开工；13日，街道验收；14日，居民入住。今天，社区举办义诊。";
    assert!(of(&lint_with(text, dated), "date/relative").is_empty());
    let stated = format!("preset = \"地方日报\"\n{dated}");
    assert_eq!(of(&lint_with(text, &stated), "date/relative").len(), 1);
    let text = "本报讯 12日，社区开工；13日，街道验收；14日，居民入住。昨天，社区举办义诊。";
    let rmrb = format!("preset = \"人民日报\"\n{dated}");
    assert!(of(&lint_with(text, &rmrb), "date/relative").is_empty());
    for preset in ["地方日报", "新华社"] {
        let config = format!("preset = \"{preset}\"\n{dated}");
        let text = "本报讯 昨天，社区举办义诊。";
        assert_eq!(of(&lint_with(text, &config), "date/relative").len(), 1);
    }
}

#[test]
fn a_dateline_dates_its_item() {
    // Filed on the 31st, printed on the 1st: its 今天 and 31日 are the 31st.
    let config = "preset = \"新华社\"\n[bulletin]\ndate = \"2024-01-01\"\n";
    let text = "新华社北京12月31日电 今天上午，社区举办义诊；30日，街道召开会议。";
    let all = lint_with(text, config);
    assert!(of(&all, "date/future").is_empty(), "{all:#?}");
    let found = of(&all, "date/relative");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert!(
        found[0].message.contains("12月31日"),
        "{}",
        found[0].message
    );
    assert_eq!(
        fixed(text, found[0]),
        "新华社北京12月31日电 31日上午，社区举办义诊；30日，街道召开会议。"
    );
    // A day after the dateline's day is still in the future.
    let text = "本报北京3月14日讯 16日，社区举办了义诊。";
    let all = lint_with(text, "[bulletin]\ndate = \"2023-03-15\"\n");
    let found = of(&all, "date/future");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert!(
        found[0].message.contains("电头日期3月14日"),
        "{}",
        found[0].message
    );
    // A dateline with its year dates the item of an undated draft.
    let text = "新华社北京2023年3月14日电 今天上午，社区举办义诊。";
    let found = lint_with(text, "preset = \"新华社\"\n");
    assert!(
        found.iter().any(|d| d.message.contains("3月14日")),
        "{found:#?}"
    );
}

#[test]
fn mixed_styles() {
    let text = "14日（星期二）开幕，16日（周四）闭幕。";
    let all = lint(text);
    let found = of(&all, "date/inconsistent");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert_eq!(found[0].span.slice(text), "周四");
    assert_eq!(
        fixed(text, found[0]),
        "14日（星期二）开幕，16日（星期四）闭幕。"
    );
    let text = "3月12日开幕，3月13日展出，3月14日闭幕，11日布展。";
    let all = lint(text);
    let found = of(&all, "date/inconsistent");
    assert_eq!(found.len(), 1, "{all:#?}");
    assert_eq!(
        fixed(text, found[0]),
        "3月12日开幕，3月13日展出，3月14日闭幕，3月11日布展。"
    );
    // Two against one settles nothing, and neither does a tie (house style by inference).
    for text in [
        "3月14日开幕，3月15日展出，13日布展。",
        "3月14日开幕，15日展出。",
    ] {
        assert!(of(&lint(text), "date/inconsistent").is_empty(), "{text}");
    }
}

#[test]
fn one_finding_per_span_with_punct_halfwidth() {
    let text = "会议于9:30开始，14日(星期二)结束。";
    let all = lint_with(text, "[bulletin]\ndate = \"2023-03-15\"\n");
    assert!(all.iter().all(|d| d.rule != "date/format"), "{all:#?}");
}

/// The date rules alone over a plain-text draft with no issue date: what the sweep needs,
/// without the other recognisers.
fn date_rules_only(text: &str) -> Vec<Diagnostic> {
    use crate::recognise::{dates, Facts, Input};
    use crate::rules::{Context, ALL_RULES};
    let config = crate::config::Config::default();
    let draft = crate::document::parse(text, crate::document::DraftKind::Text);
    let input = Input::undated(text, &draft, crate::recognise::Newsroom::default());
    let facts = Facts {
        dates: dates::recognise(&input),
        ..Facts::default()
    };
    let house = crate::lint::style::house(&config, &facts);
    let cx = Context {
        text,
        draft: &draft,
        facts: &facts,
        config: &config,
        issue_date: None,
        today: TODAY,
        path: None,
        gazetteer: crate::gazetteer::Gazetteer::builtin(),
        house: &house,
    };
    let mut acc = Vec::new();
    for rule in ALL_RULES.iter().filter(|r| r.meta.id.starts_with("date/")) {
        (rule.check)(&cx, &mut acc);
    }
    acc
}

/// Every day from 1900 to 2100, with its right weekday and with a wrong one: the pipeline
/// agrees with the calendar crate on every weekday and on which days exist.
#[test]
fn calendar_sweep_1900_to_2100() {
    use jiff::civil::date;
    use rayon::prelude::*;
    let names = ['一', '二', '三', '四', '五', '六', '日'];
    (1900i16..=2100).into_par_iter().for_each(|year| {
        let mut right = String::new();
        let mut wrong = String::new();
        let mut days = 0;
        let mut day = date(year, 1, 1);
        while day.year() == year {
            let w = day.weekday().to_monday_zero_offset() as usize;
            let (m, d) = (day.month(), day.day());
            right.push_str(&format!("{year}年{m}月{d}日（星期{}）。\n", names[w]));
            wrong.push_str(&format!(
                "{year}年{m}月{d}日（星期{}）。\n",
                names[(w + 1) % 7]
            ));
            days += 1;
            day = day.tomorrow().unwrap();
        }
        assert!(date_rules_only(&right).is_empty(), "{year}");
        let found = date_rules_only(&wrong);
        assert_eq!(found.len(), days, "{year}");
        for d in &found {
            assert_eq!(d.rule, "date/weekday");
            let at = d.span.start as usize;
            let line_end = wrong[at..].find('。').unwrap() + at;
            let line = &wrong[at..line_end];
            let (y, rest) = line.split_once('年').unwrap();
            let (m, rest) = rest.split_once('月').unwrap();
            let (dd, _) = rest.split_once('日').unwrap();
            let real = date(y.parse().unwrap(), m.parse().unwrap(), dd.parse().unwrap());
            let want = format!(
                "星期{}",
                names[real.weekday().to_monday_zero_offset() as usize]
            );
            assert_eq!(d.fixes[0].edits[0].replacement, want, "{line}");
        }
        // Days 29–31 of every month: flagged exactly when the calendar has no such day.
        let mut edge = String::new();
        let mut missing = 0;
        for m in 1..=12i8 {
            for d in 29..=31i8 {
                edge.push_str(&format!("{year}年{m}月{d}日。\n"));
                missing += usize::from(jiff::civil::Date::new(year, m, d).is_err());
            }
        }
        let found = date_rules_only(&edge);
        assert!(found.iter().all(|d| d.rule == "date/invalid"), "{year}");
        assert_eq!(found.len(), missing, "{year}");
    });
}

mod properties {
    use crate::recognise::dates::{scan, Mention};
    use crate::text::Span;
    use proptest::prelude::*;

    fn chinese_digits(n: i32) -> String {
        let d = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        n.to_string()
            .bytes()
            .map(|b| d[(b - b'0') as usize])
            .collect()
    }

    fn chinese_number(n: i32) -> String {
        let d = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        match (n / 10, n % 10) {
            (0, u) => d[u as usize].to_string(),
            (1, 0) => "十".into(),
            (1, u) => format!("十{}", d[u as usize]),
            (t, 0) => format!("{}十", d[t as usize]),
            (t, u) => format!("{}十{}", d[t as usize], d[u as usize]),
        }
    }

    fn fullwidth(n: i32) -> String {
        n.to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap())
            .collect()
    }

    proptest! {
        /// A day written in any supported form is recognised as exactly that day.
        #[test]
        fn written_dates_resolve_to_themselves(offset in 0i64..73_414, style in 0..6) {
            let day = jiff::civil::date(1900, 1, 1)
                .checked_add(jiff::Span::new().days(offset))
                .unwrap();
            let (y, m, d) = (i32::from(day.year()), i32::from(day.month()), i32::from(day.day()));
            let text = match style {
                0 => format!("{y}年{m}月{d}日"),
                1 => format!("{y}-{m:02}-{d:02}"),
                2 => format!("{y}/{m}/{d}"),
                3 => format!("{}年{}月{}日", fullwidth(y), fullwidth(m), fullwidth(d)),
                4 => format!("{}年{}月{}日", chinese_digits(y), chinese_number(m), chinese_number(d)),
                _ => format!("{y}.{m}.{d}"),
            };
            let text = format!("据悉，{text}，");
            let mut out = Vec::new();
            scan(&text, Span::new(0, text.len() as u32), None, &mut out);
            prop_assert_eq!(out.len(), 1, "{}", text);
            prop_assert!(matches!(out[0].kind, Mention::Date(_)));
            prop_assert_eq!(out[0].resolved, Some(day), "{}", text);
            prop_assert_eq!(out[0].weekday, Some(day.weekday()));
        }
    }
}

/// A Markdown draft's `date:` that is no date is reported where it is written; one written
/// another common way is read.
#[test]
fn front_matter_date_that_is_no_date() {
    let config = LoadedConfig::defaults(".".into());
    let findings = |date: &str| {
        let text = format!("---\ndate: {date}\n---\n\n本报讯 8日（星期六），社区举办读书会。\n");
        let analysis = analyse(&text, Some(Path::new("a.md")), &config, TODAY);
        let found: Vec<(&str, String)> = (analysis.diagnostics.iter())
            .map(|d| (d.rule, text[d.span.range()].to_owned()))
            .collect();
        (analysis.issue_date, found)
    };
    let (issue, found) = findings("2024/6/10");
    assert_eq!(issue, Some(jiff::civil::date(2024, 6, 10)));
    assert!(
        found.iter().all(|(rule, _)| !rule.starts_with("date/")),
        "{found:?}"
    );
    let (issue, found) = findings("2024-02-30");
    assert_eq!(issue, None);
    assert!(
        found.contains(&("date/invalid", "2024-02-30".into())),
        "{found:?}"
    );
}
