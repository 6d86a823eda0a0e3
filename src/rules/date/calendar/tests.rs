use super::*;
use crate::recognise::{calendar, dates, Facts};
use jiff::civil::date;

const TODAY: Date = date(2024, 1, 15);

/// The findings of `date/calendar` alone on `text`, with the dates and calendar recognisers
/// only: what the sweep needs, and fast.
fn findings(text: &str, issue: Option<Date>) -> Vec<Diagnostic> {
    let config = crate::config::Config::default();
    let draft = crate::document::parse(text, crate::document::DraftKind::Text);
    let mut mentions = Vec::new();
    for segment in draft.segments() {
        dates::scan(text, segment, issue, &mut mentions);
    }
    mentions.sort_by_key(|m| m.span.start);
    let dates = dates::Dates {
        mentions,
        ..Default::default()
    };
    let facts = Facts {
        calendar: calendar::recognise(text, &draft, &dates),
        dates,
        ..Facts::default()
    };
    let house = crate::lint::style::house(&config, &facts);
    let cx = Context {
        text,
        draft: &draft,
        facts: &facts,
        config: &config,
        issue_date: issue,
        today: TODAY,
        path: None,
        gazetteer: crate::gazetteer::Gazetteer::builtin(),
        house: &house,
    };
    let mut acc = Vec::new();
    check(&cx, &mut acc);
    acc
}

fn messages(text: &str, issue: Option<Date>) -> Vec<String> {
    findings(text, issue)
        .into_iter()
        .map(|d| format!("{} {}", d.span.slice(text), d.message))
        .collect()
}

#[test]
fn sexagenary_year_beside_a_year_or_a_date() {
    assert_eq!(
        messages("2019年（乙亥年）", None),
        ["乙亥年 2019年是农历戊戌年或己亥年，不是“乙亥年”"]
    );
    assert!(messages("2019年（己亥年）", None).is_empty());
    assert!(messages("2019年（戊戌年）", None).is_empty());
    // Before 春节, the lunar year that begins in the year written.
    assert_eq!(
        messages("2019年（戊戌年）春节期间", None),
        ["戊戌年 2019年春节是农历己亥年，不是“戊戌年”"]
    );
    assert_eq!(
        messages("2024年兔年春节假期", None),
        ["兔年 2024年春节是龙年（甲辰），不是“兔年”"]
    );
    assert!(messages("2019年（己亥年）春节期间，2024年龙年新春", None).is_empty());
    // Beside a full date, the lunar year of that day: January 2019 is still 戊戌.
    assert_eq!(
        messages("2019年1月15日（农历己亥年）", None),
        ["己亥年 2019年1月15日是农历戊戌年，不是“己亥年”"]
    );
    assert!(messages("2019年1月15日（农历戊戌年腊月初十）", None).is_empty());
}

#[test]
fn the_issue_year_when_no_year_is_written() {
    let issue = Some(date(2019, 6, 10));
    assert_eq!(
        messages("喜迎乙亥年春节", issue),
        ["乙亥年 本期出版的2019年是农历戊戌年或己亥年，不是“乙亥年”"]
    );
    assert!(messages("喜迎己亥年春节", issue).is_empty());
    // Late December already looks ahead to the coming year.
    assert!(messages("喜迎庚子年春节", Some(date(2019, 12, 20))).is_empty());
    // Quoted, historical, or not marked as the page's year: never compared.
    assert!(messages("他说：“庚子年春节，八国联军……”", issue).is_empty());
    assert!(messages("庚子年间，八国联军侵华。", issue).is_empty());
    assert!(messages("光绪庚子年，八国联军侵华。", issue).is_empty());
    assert!(messages("喜迎乙亥年春节", None).is_empty());
}

#[test]
fn not_a_pair_of_the_cycle() {
    assert_eq!(
        messages("今年是已亥年。", None),
        ["已亥年 “已”不是天干，应为“己亥”"]
    );
    assert_eq!(
        messages("甲丑年", None),
        ["甲丑年 “甲丑”不是干支：天干“甲”不与地支“丑”相配，六十甲子中没有“甲丑”"]
    );
    assert_eq!(
        messages("2018年（戊戍年）", None),
        ["戊戍年 “戍”不是地支，应为“戊戌”"]
    );
}

#[test]
fn zodiac_years() {
    assert_eq!(
        messages("2019年是鼠年。", None),
        ["鼠年 2019年是狗年（戊戌）或猪年（己亥），不是“鼠年”"]
    );
    assert!(messages("2019年是猪年。", None).is_empty());
    let issue = Some(date(2020, 8, 1));
    assert!(messages("猪年春节", issue).is_empty());
    assert_eq!(messages("喜迎牛年春节", issue).len(), 1);
    assert!(messages("鼠年运势：属鼠的人……", issue).is_empty());
}

#[test]
fn lunar_dates_and_solar_terms() {
    assert_eq!(
        messages("2021年2月12日（农历正月初二）", None),
        ["正月初二 2021年2月12日是农历正月初一，不是“正月初二”"]
    );
    assert!(messages("2021年2月12日（农历正月初一）", None).is_empty());
    assert_eq!(
        messages("2024年2月2日（腊月二十二）", None),
        ["腊月二十二 2024年2月2日是农历腊月二十三，不是“腊月二十二”"]
    );
    assert!(messages("农历五月初五是端午节。", Some(date(2023, 6, 1))).is_empty());
    assert_eq!(
        messages("2019年立春（2月5日）", Some(date(2019, 2, 1))),
        ["立春 2019年立春在2月4日，不是2月5日"]
    );
    assert!(messages("2月4日立春。", Some(date(2019, 2, 1))).is_empty());
}

#[test]
fn doubled_units() {
    let found = findings("9月6月，社区举行活动。", None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].message, "“9月6月”中“月”写了两次，应为“9月6日”");
    assert_eq!(findings("9月6日，社区举行活动。", None).len(), 0);
}

/// Every day of 2000–2030 with its right sexagenary year and lunar date gives no finding;
/// with a wrong one, exactly one, on that line. The expected facts come from the calendar
/// library, the text from the way papers print them.
#[test]
fn every_day_of_2000_to_2030_against_the_library() {
    use rayon::prelude::*;
    (2000i16..=2030).into_par_iter().for_each(|year| {
        let expected = expected_lunar_dates(year);
        let (mut right, mut wrong) = (String::new(), String::new());
        for (i, (day, lunar)) in expected.iter().enumerate() {
            let (y, m, d) = (day.year(), day.month(), day.day());
            let cycle = lunar::cycle_name(lunar.cycle);
            let month_day = lunar.month_day_name();
            right.push_str(&format!("{y}年{m}月{d}日（农历{cycle}年{month_day}）。\n"));
            // Even lines a wrong year of the cycle, odd lines a wrong day.
            if i % 2 == 0 {
                let other = lunar::cycle_name((lunar.cycle + 1) % 60);
                wrong.push_str(&format!("{y}年{m}月{d}日（农历{other}年{month_day}）。\n"));
            } else {
                let other = LunarDate {
                    day: lunar.day % 29 + 1,
                    ..*lunar
                };
                let other = other.month_day_name();
                wrong.push_str(&format!("{y}年{m}月{d}日（农历{cycle}年{other}）。\n"));
            }
        }
        let found = findings(&right, None);
        assert!(found.is_empty(), "{year}: {:?}", found.first());
        let found = findings(&wrong, None);
        assert_eq!(found.len(), expected.len(), "{year}: one finding per line");
        let lines = found
            .iter()
            .map(|d| wrong[..d.span.start as usize].matches('\n').count());
        assert!(lines.enumerate().all(|(i, line)| i == line));
    });
}

/// Each day of `year` with its lunar date, walked the other way round: from each lunar
/// month the library lists, its first day and its length.
fn expected_lunar_dates(year: i16) -> Vec<(Date, LunarDate)> {
    use tyme4rs::tyme::lunar::LunarYear;
    let mut out = Vec::new();
    for lunar_year in [year - 1, year] {
        let lunar_year = LunarYear::from_year(isize::from(lunar_year));
        let cycle = lunar_year.get_sixty_cycle().get_index() as u8;
        for month in lunar_year.get_months() {
            let first = month.get_first_julian_day().get_solar_day();
            let first = date(
                first.get_year() as i16,
                first.get_month() as i8,
                first.get_day() as i8,
            );
            for n in 0..month.get_day_count() {
                let day = first.checked_add(jiff::Span::new().days(n as i64)).unwrap();
                if day.year() == year {
                    let lunar = LunarDate {
                        cycle,
                        month: month.get_month() as u8,
                        leap: month.is_leap(),
                        day: n as u8 + 1,
                    };
                    out.push((day, lunar));
                }
            }
        }
    }
    assert_eq!(
        out.len(),
        if date(year, 12, 31).day_of_year() == 366 {
            366
        } else {
            365
        }
    );
    out
}

/// A day alone may mean the month before or after the one the page's date gives, across
/// the new year too.
#[test]
fn a_day_alone_may_mean_the_next_or_the_last_month() {
    // 小寒 2025 is 5 January; 冬至 2023 is 22 December; 中秋 2023 is 29 September.
    for (text, issue) in [
        ("本报讯 5日迎来小寒，天气转冷。\n", date(2024, 12, 30)),
        ("本报讯 22日冬至，社区包饺子。\n", date(2024, 1, 2)),
        ("本报讯 29日是中秋节，社区赏月。\n", date(2023, 10, 2)),
    ] {
        assert!(findings(text, Some(issue)).is_empty(), "{text}");
    }
    let wrong = findings(
        "本报讯 11日是端午节，社区包粽子。\n",
        Some(date(2024, 6, 8)),
    );
    assert_eq!(wrong.len(), 1);
    assert_eq!(wrong[0].message, "2024年端午节在6月10日，不是11日");
}
