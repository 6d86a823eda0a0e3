use super::scanner::TRIGGERS;
use super::*;
use jiff::civil::date;

fn scan_str(text: &str, issue: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    scan(text, Span::new(0, text.len() as u32), issue, &mut out);
    out
}

/// The spans' texts of the date mentions (not times) in `text`.
fn found(text: &str) -> Vec<&str> {
    scan_str(text, Some(date(2023, 3, 15)))
        .iter()
        .filter(|m| !matches!(m.kind, Mention::Time(_)))
        .map(|m| m.span.slice(text))
        .collect()
}

fn only(text: &str) -> DateMention {
    let all = scan_str(text, Some(date(2023, 3, 15)));
    assert_eq!(all.len(), 1, "{text}: {all:#?}");
    all.into_iter().next().unwrap()
}

fn expr(m: &DateMention) -> &DateExpr {
    match &m.kind {
        Mention::Date(e) => e,
        other => panic!("not a date: {other:?}"),
    }
}

/// What date tests must never flag: lunar dates, numeral names of days and events,
/// durations and counts, currency, numbered things and words. None of it is a date.
pub(crate) const TRAPS: &[&str] = &[
    "农历五月初五",
    "正月初一",
    "腊月二十三",
    "五四运动",
    "七一",
    "八一建军节",
    "九一八",
    "一二·九运动",
    "3日内",
    "连续5日",
    "3日游",
    "100日元",
    "7号楼",
    "2号线",
    "3号院",
    "1号文件",
    "节日",
    "生日",
    "日前",
    "近日",
    "每日",
    "连日来",
];

#[test]
fn traps_are_not_dates() {
    for trap in TRAPS {
        let text = format!("居民说，{trap}很热闹。");
        assert_eq!(found(&text), Vec::<&str>::new(), "{trap}");
    }
}

#[test]
fn full_dates() {
    let m = only("2023年3月14日，");
    let e = expr(&m);
    assert_eq!(e.year.as_ref().unwrap().value, 2023);
    assert_eq!(m.resolved, Some(date(2023, 3, 14)));
    assert_eq!(m.weekday, Some(Weekday::Tuesday));
    assert_eq!(m.span.slice("2023年3月14日，"), "2023年3月14日");
}

#[test]
fn partial_dates_resolve_from_the_issue() {
    assert_eq!(only("3月14日，").resolved, Some(date(2023, 3, 14)));
    assert_eq!(only("于14日召开").resolved, Some(date(2023, 3, 14)));
    assert_eq!(only("12月30日").resolved, Some(date(2022, 12, 30)));
    assert_eq!(
        scan_str("14日", None)[0].resolved,
        None,
        "no issue date, no resolution"
    );
}

#[test]
fn weekdays_after_dates() {
    let text = "14日（星期三）上午";
    let m = &scan_str(text, Some(date(2023, 3, 15)))[0];
    let w = expr(m).weekday.unwrap();
    assert_eq!(w.word_span.slice(text), "星期三");
    assert_eq!(w.span.slice(text), "（星期三）");
    assert_eq!(w.weekday, Weekday::Wednesday);
    assert_eq!(m.weekday, Some(Weekday::Tuesday));
    assert_eq!(m.span.slice(text), "14日（星期三）");
    for text in ["3月14日星期二", "3月14日 周二", "3月14日(礼拜二)"] {
        let m = only(text);
        assert!(expr(&m).weekday.is_some(), "{text}");
    }
}

#[test]
fn forms() {
    for (text, form) in [
        ("2023-03-14", DateForm::Iso),
        ("2023/3/14", DateForm::Slash),
        ("2023.3.14", DateForm::Dot),
    ] {
        let m = only(text);
        assert_eq!(expr(&m).form, form);
        assert_eq!(m.resolved, Some(date(2023, 3, 14)));
    }
    let m = only("２０２３年３月１４日");
    assert_eq!(expr(&m).day.as_ref().unwrap().digits, Digits::FullWidth);
    assert_eq!(m.resolved, Some(date(2023, 3, 14)));
    let m = only("二〇二三年三月十四日");
    assert_eq!(m.resolved, Some(date(2023, 3, 14)));
    let m = only("二○二三年");
    assert!(expr(&m).year.as_ref().unwrap().zero_slip);
    let m = only("二零二三年");
    assert!(expr(&m).year.as_ref().unwrap().zero_slip);
    assert_eq!(expr(&m).year.as_ref().unwrap().value, 2023);
    assert_eq!(only("六月十日").resolved, Some(date(2023, 6, 10)));
    assert!(expr(&only("03月05日")).month.as_ref().unwrap().leading_zero);
    let m = only("23年3月5日");
    assert!(expr(&m).year.as_ref().unwrap().short_year);
    assert_eq!(m.resolved, Some(date(2023, 3, 5)));
    assert_eq!(only("15号上午").span.slice("15号上午"), "15号");
    assert_eq!(found("3月15号，"), vec!["3月15号"]);
    // A two-digit year alone where it is surely one.
    for (text, year) in [
        ("23年全区实现", "23年"),
        ("从19年开始", "19年"),
        ("自19年起", "19年"),
        ("（记者 王海）24年一季度", "24年"),
    ] {
        assert_eq!(found(text), vec![year], "{text}");
    }
    assert_eq!(
        found("2024-2025学年，2023—2024赛季"),
        vec!["2024-2025", "2023—2024"]
    );
    assert_eq!(found("本报讯（记者 李敏）16号，新开街道"), vec!["16号"]);
    assert_eq!(found("本报讯（记者 李敏）16号楼，"), Vec::<&str>::new());
}

#[test]
fn ranges() {
    for (text, connector, start, end) in [
        ("3月13—14日", '—', date(2023, 3, 13), date(2023, 3, 14)),
        ("3月13-14日", '-', date(2023, 3, 13), date(2023, 3, 14)),
        ("3月30日至4月2日", '至', date(2023, 3, 30), date(2023, 4, 2)),
        ("13～14日", '～', date(2023, 3, 13), date(2023, 3, 14)),
        ("3月13日–14日", '–', date(2023, 3, 13), date(2023, 3, 14)),
    ] {
        let m = only(text);
        assert_eq!(m.span.slice(text), text);
        let Mention::Range(r) = &m.kind else {
            panic!("{text}: {m:?}")
        };
        assert_eq!(r.connector, connector, "{text}");
        assert_eq!(r.connector_span.slice(text), connector.to_string());
        assert_eq!(m.resolved, Some(start), "{text}");
        assert_eq!(r.end.resolved, Some(end), "{text}");
    }
    let m = only("2021—2025年");
    assert!(matches!(m.kind, Mention::Range(_)));
}

#[test]
fn relative_words() {
    let cases = [
        ("今天", date(2023, 3, 15)),
        ("昨日", date(2023, 3, 14)),
        ("前天", date(2023, 3, 13)),
        ("明天", date(2023, 3, 16)),
        ("本周三", date(2023, 3, 15)),
        ("上周五", date(2023, 3, 10)),
        ("下周一", date(2023, 3, 20)),
    ];
    for (word, want) in cases {
        let text = format!("他{word}上午到达。");
        let m = only(&text);
        assert!(matches!(m.kind, Mention::Relative(_)), "{word}");
        assert_eq!(m.resolved, Some(want), "{word}");
        assert_eq!(m.span.slice(&text), word);
    }
    for text in [
        "如今天气转暖",
        "目前天气晴好",
        "光明天地",
        "如今日本",
        "今天的中国",
        "今日头条",
        "时至今日",
        "搞到今天这个样子",
        "明天会更好",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text}");
    }
    // A span of two days ends on a day, not on "now".
    assert_eq!(found("昨天到今天，气温下降"), vec!["昨天", "今天"]);
    // Eras side by side after 的; days side by side are days.
    assert_eq!(found("社区的今天与昨天"), Vec::<&str>::new());
    assert_eq!(found("小城的昨天、今天和明天"), Vec::<&str>::new());
    assert_eq!(found("昨天和今天都下了雨"), vec!["昨天", "今天"]);
    assert_eq!(found("明天会更冷"), vec!["明天"]);
}

#[test]
fn standalone_weekdays() {
    assert_eq!(found("每周四下午"), vec!["周四"]);
    assert_eq!(found("星期日休息"), vec!["星期日"]);
    assert_eq!(found("一周一次"), Vec::<&str>::new());
    assert_eq!(found("建校十周年"), Vec::<&str>::new());
}

#[test]
fn times() {
    let text = "15日上午9时30分，9:30，下午3点半，上午9时许";
    let times: Vec<&str> = scan_str(text, None)
        .iter()
        .filter(|m| matches!(m.kind, Mention::Time(_)))
        .map(|m| m.span.slice(text))
        .collect();
    assert_eq!(times, vec!["上午9时30分", "9:30", "下午3点半", "上午9时许"]);
    assert!(scan_str("提出3点意见", None).is_empty());
    assert!(scan_str("同一时期", None).is_empty());
}

#[test]
fn hao_needs_context() {
    assert_eq!(found("将于15号举行"), vec!["15号"]);
    assert_eq!(found("15号（周三）"), vec!["15号（周三）"]);
    assert_eq!(found("位于3号，"), Vec::<&str>::new());
    assert_eq!(found("唐宁街10号，"), Vec::<&str>::new());
    assert_eq!(found("安理会242和338号决议"), Vec::<&str>::new());
    assert_eq!(found("3-5号楼"), Vec::<&str>::new());
}

#[test]
fn not_dates() {
    for text in [
        "有5000年历史",
        "工作了23年",
        "八月十五",
        "V2023.3.14",
        "1.5日",
        "第3日",
        "3日后返回",
        "非一日之寒",
        "统一月底",
        "持续2-3日",
        "干了23年，23年来，有23年工龄",
        "23年，他一直坚守岗位",
        "过去23年全区变化很大",
        "他从业19年开始带徒弟",
        "从19年前开始",
        "连续24年一季度开门红",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn list_numbers_are_not_decimals() {
    assert_eq!(found("１．５月１７日，扎伊尔"), vec!["５月１７日"]);
    assert_eq!(found("2.6月1日，大会开幕"), vec!["6月1日"]);
    assert_eq!(found("增长1.5日"), Vec::<&str>::new());
}

#[test]
fn year_and_month_words() {
    let m = only("去年3月14日");
    assert_eq!(m.resolved, Some(date(2022, 3, 14)));
    let m = only("明年1月1日");
    assert_eq!(m.resolved, Some(date(2024, 1, 1)));
    let m = only("上月28日");
    assert_eq!(m.resolved, Some(date(2023, 2, 28)));
    assert!(!expr(&m).is_day_only());
    assert_eq!(only("本月16日").resolved, Some(date(2023, 3, 16)));
}

#[test]
fn datelines_and_recurring() {
    let m = only("本报北京3月14日讯");
    assert_eq!(expr(&m).role, DateRole::Dateline);
    let m = only("本报西沙1月1日零时电");
    assert_eq!(expr(&m).role, DateRole::Dateline);
    let m = only("每月15日");
    assert_eq!(expr(&m).role, DateRole::Recurring);
}

#[test]
fn hints_follow_day_only_and_relative_dates() {
    let text = "3月14日开幕，16日闭幕，昨天布展，13—14日预展。";
    let dates = Dates {
        mentions: scan_str(text, Some(date(2023, 3, 15))),
        ..Default::default()
    };
    let at: Vec<&str> = dates
        .hints()
        .map(|(at, _)| &text[at as usize - 3..at as usize])
        .collect();
    assert_eq!(at, vec!["日", "天", "日"]);
    let dates_only: Vec<Date> = dates.hints().map(|(_, d)| d).collect();
    assert_eq!(
        dates_only,
        vec![date(2023, 3, 16), date(2023, 3, 14), date(2023, 3, 14)]
    );
}

#[test]
fn lookup_by_offset() {
    let text = "3月14日（星期二）和16日";
    let dates = Dates {
        mentions: scan_str(text, Some(date(2023, 3, 15))),
        ..Default::default()
    };
    let at = dates.at(text.find("星期").unwrap() as u32).unwrap();
    assert_eq!(at.resolved, Some(date(2023, 3, 14)));
    let at = dates.at(text.find("16").unwrap() as u32).unwrap();
    assert_eq!(at.resolved, Some(date(2023, 3, 16)));
    assert!(dates.at(text.find('和').unwrap() as u32).is_none());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arb_text() -> impl Strategy<Value = String> {
        let pieces = prop::collection::vec(
            prop::sample::select(vec![
                "年", "月", "日", "号", "星期", "周", "（", "）", "(", ")", "至", "—", "-", "–",
                "～", "~", "今天", "昨日", "本周", "上", "下", "农历", "初", "〇", "○", "O", "零",
                "一", "二", "三", "十", "０", "１", "９", "0", "1", "2", "3", "9", "2023", "时",
                "分", "点", ":", "：", "上午", "许", "“", "”", "《", "》", "讯", "电", "，", "。",
                " ", "\u{3000}", "𠮷", "a", ".", "/", "内", "游", "元", "楼", "每月",
            ]),
            0..24,
        );
        pieces.prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_sound(text in arb_text(), day in 1i8..=28) {
            let mut out = Vec::new();
            scan(&text, Span::new(0, text.len() as u32), Some(date(2023, 3, day)), &mut out);
            let mut last_end = 0;
            for m in &out {
                prop_assert!(m.span.start >= last_end);
                prop_assert!(m.span.end as usize <= text.len());
                prop_assert!(text.is_char_boundary(m.span.start as usize));
                prop_assert!(text.is_char_boundary(m.span.end as usize));
                prop_assert!(!m.span.is_empty());
                last_end = m.span.end;
            }
        }

        #[test]
        fn any_string_never_panics(text in "\\PC{0,40}") {
            let mut out = Vec::new();
            scan(&text, Span::new(0, text.len() as u32), None, &mut out);
        }
    }
}

#[test]
fn trigger_set_covers_every_trigger() {
    for ch in "０１２３４５６７８９〇零一二三四五六七八九十两○今昨前明本上下这星周礼“”《》".chars()
    {
        let code = ch as u32;
        assert!(
            TRIGGERS[(code >> 6) as usize] & (1 << (code & 63)) != 0,
            "{ch}"
        );
    }
    let set: u32 = TRIGGERS.iter().map(|w| w.count_ones()).sum();
    assert_eq!(set, 39);
}
