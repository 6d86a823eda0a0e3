use crate::config::{CreditSpacing, NameSeparator, PhotoStyle};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::PhotoCredit;
use crate::rules::byline::house::is_safe_rewrite;
use crate::rules::photo::house::{agency_form, departures, deviation, house_form, Departure};
use crate::rules::style::House;
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 图片署名不合任何一种规范写法——`摄影：王海`、`王海摄影`、半角括号、多余的空格（连打了几个空格、全角空格、括号里或斜线旁的空格；两字姓名为对齐加的空格 `孙 露` 不算）、名册上的记者没有署 `本报记者`；或者写法虽然规范，却不合本报选定的体例：`本报记者 王海 摄`、`（本报记者 王海 摄）` 还是 `王海/摄`（`[photo] form`），姓名之间用空格还是 `、`（本报定了姓名分隔时，记者名册或本版其他署名表明是两个人的连写姓名 `王海李敏` 也提示），职务和 `摄` 与姓名之间空格还是连写（`（新华社记者王海摄）`）。
    ///
    /// 每种写法都可以带任何职务、单位和任意多位摄影者（`本报记者 王海 通讯员 李敏 张强 摄`、`（新华社记者 王海 摄）`）；绘画作品署名的写法相同（`（赵炬绘）`）。本报的体例取自配置，没有就按预设，也没有预设就按稿件本身：至少三处图片署名采用同一写法且占多数才算；在此之前不提示体例问题。不是摄影者的来源（`新华社发`、`…供图`、`资料图片`）不检查；通讯社发来的图片署名（`新华社发（胡攀学 摄）`、`（新华社发 刘文摄）`、`中新社发 王海 摄`）是通讯社的写法，只查半角括号，从不改成本报体例。图片说明末尾的“摄影”，前面有职务或与说明文字空开（或另起一行）的姓名（`……锻炼 王海摄影`），才算图片署名；作普通词语的“摄影”（`参加摄影比赛`、`王海摄影作品展`、`摄影师王海`、`老人学摄影`）不算。
    /// ## 为什么
    /// 图片署名和文字署名一样，全版应当写法一致；`摄影：` 是其他媒体的习惯写法。
    /// ## 示例
    /// ```text,flagged
    /// 居民在新建的健身广场锻炼 摄影：王海
    /// ```
    /// ```text,clean
    /// 居民在新建的健身广场锻炼 本报记者 王海 摄
    ///
    /// 志愿者为老人理发 本报记者 王海 通讯员 李敏 摄
    /// ```
    /// ## 修改
    /// 只改标点和空格的（包括把连打的空格、全角空格改成本报体例的空格），可自动修复：按解析出的职务和姓名，用本报体例重写图片署名，职务和单位名称照原样保留（`（新华社记者 王海 摄）` 绝不会改成 `本报记者 王海 摄`）。要改动文字的，只作建议：把 `摄影：王海`、`王海摄影` 改为 `王海 摄`，或给名册上的记者补上 `本报记者`。
    /// ## 依据
    /// 《报纸编校质量标准》图片署名；本报 `[photo]` 版式
    pub(crate) RULE = "photo/credit-format" {
        severity: Warning,
        fix: PartlySafe,
        checks: [
            Error: "图片署名不合任何规范格式（摄影：某某、某某摄影、半角括号、多余空格等）",
            Style: "图片署名格式（摄、括号、斜线）与本报不一",
            Style: "图片署名的姓名分隔、空格与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let house = cx.house;
    for credit in &cx.facts.bylines.photo_credits {
        // Ex) （本报记着 王海 摄）: a mistyped role reads as a name; `byline/format` puts the
        // word right, and nothing else is said of the credit until then.
        if crate::rules::byline::format::mistyped_in(&cx.text[credit.span.range()]) {
            continue;
        }
        let found = departures(credit, house);
        let Some(&first) = found.first() else {
            continue;
        };
        let kind = deviation(credit, house).unwrap_or(Kind::Error);
        let printed = &cx.text[credit.span.range()];
        let what = match first {
            // Ex) 摄影：王海, 王海摄影
            Departure::NoForm => format!("图片署名“{printed}”不合规范"),
            Departure::HalfParens => "图片署名使用了半角括号".to_owned(),
            Departure::Stray => "图片署名有多余的空格或标点".to_owned(),
            Departure::Gaps => gaps_message(credit, cx.text, house),
            Departure::MissingRole => "图片署名缺少身份词“本报记者”".to_owned(),
            Departure::Form => {
                let want = match house.photo.get() {
                    Some(PhotoStyle::Paren) => "（王海 摄）",
                    Some(PhotoStyle::Slash) => "王海/摄",
                    _ => "本报记者 王海 摄",
                };
                format!("图片署名格式与本报不一（本报用“{want}”式）")
            }
            Departure::Separator => "图片署名的姓名分隔与本报不一".to_owned(),
            Departure::GluedNames => match house.separator.get() {
                Some(NameSeparator::Dun) => "图片署名的姓名连写，应用“、”分隔".to_owned(),
                Some(NameSeparator::Space) => "图片署名的姓名连写，应用空格分隔".to_owned(),
                None => "图片署名的姓名连写，应分隔".to_owned(),
            },
            Departure::Spacing => match house.spacing.get() {
                Some(CreditSpacing::Joined) => "图片署名的身份词、姓名与“摄”之间不空格".to_owned(),
                _ => "图片署名的身份词、姓名与“摄”之间应空一格".to_owned(),
            },
        };
        let mut diagnostic = Diagnostic::new(&RULE, credit.span, what).with_kind(kind);
        let rebuilt = agency_form(credit, printed).or_else(|| house_form(credit, house));
        if let Some(rebuilt) = rebuilt {
            if rebuilt != printed {
                let shown = rebuilt.trim_start();
                let mut note = format!("本报格式：{shown}");
                // Ex) （本报记者  王海 摄） where the page prints 本报记者 王海 摄: the note says
                // where the form the fix also brings comes from.
                let source = found.iter().find_map(|departure| match departure {
                    Departure::Form => house.photo.source_note("这种图片署名格式"),
                    Departure::Separator => house.separator.source_note("这种姓名分隔"),
                    Departure::Spacing => house.spacing.source_note("这种署名空格"),
                    Departure::GluedNames => match house.spacing.get() {
                        Some(_) => house.spacing.source_note("这种署名空格"),
                        None => house.separator.source_note("这种姓名分隔"),
                    },
                    _ => None,
                });
                if let Some(source) = source {
                    note = format!("{note}（{source}）");
                }
                let title = format!("改为“{shown}”");
                let edits = vec![Edit::replace(credit.span, rebuilt.clone())];
                let names: Vec<_> = credit.names().collect();
                let fix = if is_safe_rewrite(printed, &rebuilt, &names, house) {
                    Fix::safe(title, edits)
                } else {
                    Fix::suggested(title, edits)
                };
                diagnostic = diagnostic.with_note(note).with_fix(fix);
            }
        }
        acc.push(diagnostic);
    }
}

/// What is wrong with the spaces of a credit with an odd gap, and how the house spaces it.
fn gaps_message(credit: &PhotoCredit, text: &str, house: &House<'_>) -> String {
    let gap = credit.odd_gap.map_or("", |g| &text[g.range()]);
    let what = if gap.contains('\u{3000}') {
        "用了全角空格"
    } else if gap.chars().count() > 1 {
        "连打了几个空格"
    } else if gap == " " {
        "括号里或斜线旁多了空格"
    } else {
        "用了制表符或特殊空格"
    };
    let want = match house.spacing.get() {
        Some(CreditSpacing::Joined) => "身份词、姓名与“摄”连写",
        _ => "身份词、姓名与“摄”之间只空一个半角空格",
    };
    format!("图片署名的空格不规范：{what}（{want}）")
}
