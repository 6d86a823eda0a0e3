use super::*;
use crate::recognise::dates;
use jiff::civil::date;

fn found_on(text: &str, issue: Option<Date>) -> Vec<CalendarMention> {
    let draft = crate::document::parse(text, crate::document::DraftKind::Text);
    let mut mentions = Vec::new();
    for segment in draft.segments() {
        dates::scan(text, segment, issue, &mut mentions);
    }
    mentions.sort_by_key(|m| m.span.start);
    let dates = Dates {
        mentions,
        ..Default::default()
    };
    recognise(text, &draft, &dates).mentions
}

fn found(text: &str) -> Vec<CalendarMention> {
    found_on(text, Some(date(2019, 6, 10)))
}

/// Each mention as `text kind-name beside-text`, for compact assertions.
fn brief(text: &str) -> Vec<String> {
    found(text)
        .iter()
        .map(|m| {
            let kind = match &m.kind {
                CalendarKind::CycleYear { cycle, .. } => {
                    format!("cycle:{}", lunar::cycle_name(*cycle))
                }
                CalendarKind::NotCycle { meant, .. } => {
                    format!("not:{}", meant.map(lunar::cycle_name).unwrap_or_default())
                }
                CalendarKind::Zodiac { branch, .. } => {
                    format!("zodiac:{}", lunar::animal_of_branch(*branch))
                }
                CalendarKind::LunarDate { month, leap, day } => {
                    format!("lunar:{}{month}-{day}", if *leap { "闰" } else { "" })
                }
                CalendarKind::SolarTerm { term } => {
                    format!("term:{}", lunar::solar_term_name(*term))
                }
                CalendarKind::DoubledUnit { month, day, .. } => format!("doubled:{month}-{day}"),
                CalendarKind::Festival { month, day, .. } => format!("festival:{month}-{day}"),
            };
            let beside = m
                .beside
                .map(|b| b.span.slice(text).to_owned())
                .unwrap_or_default();
            format!(
                "{} {kind} [{beside}]{}{}",
                m.span.slice(text),
                if m.current { " current" } else { "" },
                if m.quoted { " quoted" } else { "" }
            )
        })
        .collect()
}

#[test]
fn sexagenary_years_with_their_dates() {
    assert_eq!(
        brief("2019年（己亥年）春节。"),
        ["己亥年 cycle:己亥 [2019年]"]
    );
    assert_eq!(brief("2019年是乙亥年。"), ["乙亥年 cycle:乙亥 [2019年]"]);
    assert_eq!(
        brief("庚子年（1900年），八国联军侵华。"),
        ["庚子年 cycle:庚子 [1900年]"]
    );
    assert_eq!(
        brief("2019年2月5日（农历己亥年正月初一）"),
        [
            "己亥年 cycle:己亥 [2019年2月5日] current",
            "正月初一 lunar:1-1 [2019年2月5日]"
        ]
    );
    assert_eq!(
        brief("农历己亥年正月初一（2019年2月5日）"),
        [
            "己亥年 cycle:己亥 [2019年2月5日] current",
            "正月初一 lunar:1-1 [2019年2月5日]"
        ]
    );
}

#[test]
fn a_comma_is_no_tie() {
    assert_eq!(
        brief("2019年1月15日，己亥年春节将至。"),
        ["己亥年 cycle:己亥 [] current"]
    );
}

#[test]
fn lookalikes_and_impossible_pairs() {
    assert_eq!(brief("今年是已亥年。"), ["已亥年 not:己亥 [] current"]);
    assert_eq!(brief("戊戍年"), ["戊戍年 not:戊戌 []"]);
    assert_eq!(brief("甲丑年"), ["甲丑年 not: []"]);
    assert!(brief("岁末年初，周末年货").is_empty());
    assert!(brief("甲乙丙丁年").is_empty());
}

#[test]
fn zodiac_years() {
    assert_eq!(brief("喜迎猪年春节"), ["猪年 zodiac:猪 [] current"]);
    assert_eq!(brief("2019年是猪年。"), ["猪年 zodiac:猪 [2019年]"]);
    assert!(brief("全市生猪年出栏量120万头。").is_empty());
    assert!(brief("恐龙年代").is_empty());
    assert!(brief("这要等到猴年马月。").is_empty());
    assert!(brief("鼠年出生的人").is_empty());
    // A list of animals is a horoscope or a stamp series, not the page's year.
    assert!(brief("今年是鼠年，牛年、虎年的邮票也将发行。")
        .iter()
        .all(|m| !m.contains("zodiac")));
}

#[test]
fn lunar_dates() {
    assert_eq!(brief("农历五月初五"), ["五月初五 lunar:5-5 []"]);
    assert_eq!(brief("腊月二十三，小年。"), ["腊月二十三 lunar:12-23 []"]);
    assert_eq!(brief("农历闰四月十五"), ["闰四月十五 lunar:闰4-15 []"]);
    assert_eq!(brief("农历十一月初一"), ["十一月初一 lunar:11-1 []"]);
    assert_eq!(
        brief("2月12日（正月初一）"),
        ["正月初一 lunar:1-1 [2月12日]"]
    );
    // Gregorian dates in numerals and counts are no lunar dates.
    assert!(brief("二〇一九年五月二十日").is_empty());
    assert!(brief("三月十五日").is_empty());
    assert!(brief("三个月十五天").is_empty());
    assert!(brief("五月十五").is_empty());
}

#[test]
fn solar_terms_tied_to_dates() {
    assert_eq!(
        brief("2019年2月4日立春。"),
        ["立春 term:立春 [2019年2月4日]"]
    );
    assert_eq!(
        brief("立春（2019年2月4日）"),
        ["立春 term:立春 [2019年2月4日]"]
    );
    assert_eq!(brief("12月7日是大雪节气。"), ["大雪 term:大雪 [12月7日]"]);
    // Weather, not the term.
    assert!(brief("12月7日大雪纷飞。").is_empty());
    assert!(brief("2月4日，立春到来。").is_empty());
}

#[test]
fn festivals_tied_to_dates() {
    assert_eq!(brief("2月4日是除夕。"), ["除夕 festival:12-0 [2月4日]"]);
    assert_eq!(
        brief("中秋节（2019年9月13日）"),
        ["中秋节 festival:8-15 [2019年9月13日]"]
    );
    assert_eq!(
        brief("今年中秋节是9月13日。"),
        ["中秋节 festival:8-15 [9月13日]"]
    );
    assert_eq!(brief("2月4日除夕夜"), ["除夕 festival:12-0 [2月4日]"]);
    // A season or a thing, not the day; a comma is no tie.
    assert!(brief("2月1日春节假期开始。").is_empty());
    assert!(brief("9月10日中秋月饼热销。").is_empty());
    assert!(brief("9月13日，中秋节到了。").is_empty());
}

#[test]
fn doubled_units() {
    assert_eq!(brief("9月6月，社区举行活动。"), ["9月6月 doubled:9-6 []"]);
    assert!(brief("9月6日，社区举行活动。").is_empty());
}

#[test]
fn quotations_are_marked() {
    assert_eq!(
        brief("他说：“庚子年，八国联军打进北京。”"),
        ["庚子年 cycle:庚子 [] quoted"]
    );
}
