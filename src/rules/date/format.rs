use crate::config::{DigitsStyle, Numerals};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{apply_edits_once, Edit, Fix};
use crate::recognise::dates::{DateExpr, DateForm, DayWord, Digits, Part};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## What it flags
    /// A date not written in the `2023年3月14日` form of running text.
    ///
    /// That is: `15号` for a day, full-width digits (`１５日`), leading zeros (`03月05日`), two-digit years (`23年3月`),
    /// `2023-03-14`, `2023/3/14` and `2023.3.14`, and Chinese-numeral dates in body text
    /// (`三月十四日`, `二〇二三年`), including `○`, Latin `O` or digit `0` written for the
    /// numeral `〇` (`二○二三年`).
    ///
    /// Dates inside `《》` are part of a title and are left as written. In headlines, and in
    /// the date line of a document (`（一九九七年七月一日）` under a speech), a Chinese-numeral
    /// date is accepted; only a `○` written for `〇` is flagged there.
    /// A Chinese month alone (`十月革命`) is never flagged.
    /// ## Why
    /// GB/T 15835-2011 asks for Arabic numerals in dates of running text, written in full:
    /// four-digit years, no padding zeros, `日` rather than the spoken `号`. Numeric forms
    /// like `2023-03-14` belong to tables and forms, not to news prose.
    /// ## Example
    /// ```text,flagged
    /// 二〇二三年三月十四日，社区举办义诊，15号上午结束。
    /// ```
    /// ```text,clean
    /// 2023年3月14日，社区举办义诊，15日上午结束。
    /// ```
    /// ## Fix
    /// Safe: rewrites the date in the `2023年3月14日` form, changing only its numerals, `号`
    /// and separators. A two-digit year is expanded to the century nearest the issue date as
    /// a suggested fix only: `98年` could be 1998 or 2098.
    ///
    /// With `[dates] digits = "any"` full-width digits are accepted.
    /// ## Standard
    /// GB/T 15835-2011《出版物上数字用法》4.1–4.2, 5.2 (年月日的写法)
    pub(crate) RULE = "date/format" {
        severity: Warning,
        fix: Always,
        checks: [
            Error: "日期用“号”、补零、两位年份、“-”“/”“.”分隔，年份中“零”“○”代“〇”",
            Style: "全角数字与本报不一",
            Style: "汉字数字日期与同一语境的阿拉伯数字日期混用",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    // Ex) 《二〇二三年政府工作报告》 — a title is quoted as published.
    for (_, expr) in cx
        .facts
        .dates
        .exprs()
        .filter(|(mention, _)| !mention.in_title)
    {
        check_expr(cx, expr, acc);
    }
}

fn check_expr(cx: &Context<'_>, expr: &DateExpr, acc: &mut Vec<Diagnostic>) {
    let mut found = Found {
        reasons: Vec::new(),
        edits: Vec::new(),
        safe: true,
    };
    match expr.form {
        // Ex) 2023-03-14, 2023/3/14, 2023.3.14
        DateForm::Iso | DateForm::Slash | DateForm::Dot => {
            let (Some(y), Some(m), Some(d)) = (&expr.year, &expr.month, &expr.day) else {
                return;
            };
            found.reasons.push("正文日期不用“-”“/”“.”分隔");
            found.edits.push(Edit::replace(
                expr.span,
                format!("{}年{}月{}日", y.value, m.value, d.value),
            ));
        }
        DateForm::Units => units(cx, expr, &mut found),
    }
    if found.edits.is_empty() {
        return;
    }
    acc.extend(report(cx, expr, found));
}

/// The reasons that are a choice among accepted forms rather than an error.
const FULLWIDTH: &str = "日期中使用了全角数字";
const CHINESE_NUMERALS: &str = "正文日期应使用阿拉伯数字";

/// What is wrong with a date: the reasons in the order found, the edits that fix it, and
/// whether they are all certain.
struct Found {
    reasons: Vec<&'static str>,
    edits: Vec<Edit>,
    safe: bool,
}

/// A date written with units (`2023年3月14日`): each numeral, and `号` for `日`.
fn units(cx: &Context<'_>, expr: &DateExpr, found: &mut Found) {
    let text = cx.text;
    // Ex) （一九九七年七月一日） under a speech: the date line of a document, which
    // keeps its Chinese numerals.
    let date_line = text[..expr.span.start as usize].ends_with(['（', '('])
        && text[expr.span.end as usize..].starts_with(['）', ')']);
    let headline = super::in_headline(cx, expr.span) || date_line;
    let chinese_date = expr
        .year
        .as_ref()
        .is_some_and(|y| y.digits == Digits::Chinese)
        || (expr.month.is_some() && expr.day.is_some());
    let parts = [&expr.year, &expr.month, &expr.day];
    for part in parts.into_iter().flatten() {
        if let Some((reason, replacement, is_safe)) = normalise(cx, part, chinese_date && !headline)
        {
            if !found.reasons.contains(&reason) {
                found.reasons.push(reason);
            }
            found.safe &= is_safe;
            found.edits.push(Edit::replace(part.span, replacement));
        }
    }
    // Ex) 15号 — the spoken day word.
    if let Some(day) = &expr.day {
        let after = day.span.end as usize;
        if expr.day_word == Some(DayWord::Hao) && text[after..].starts_with('号') {
            found.reasons.push("日期用“日”不用“号”");
            found.edits.push(Edit::replace(
                Span::new(day.span.end, day.span.end + '号'.len_utf8() as u32),
                "日",
            ));
        }
    }
}

/// The finding for a date and its edits, with the date as it reads once fixed.
fn report(cx: &Context<'_>, expr: &DateExpr, found: Found) -> Option<Diagnostic> {
    let written = &cx.text[expr.span.range()];
    let local: Vec<Edit> = found
        .edits
        .iter()
        .map(|e| {
            Edit::replace(
                Span::new(e.span.start - expr.span.start, e.span.end - expr.span.start),
                e.replacement.clone(),
            )
        })
        .collect();
    let local_fix = Fix::safe("", local)?;
    let (fixed, _) = apply_edits_once(written, [&local_fix]);
    let title = format!("改为“{fixed}”");
    let fix = if found.safe {
        Fix::safe(title, found.edits)
    } else {
        Fix::suggested(title, found.edits)
    };
    let style = found
        .reasons
        .iter()
        .all(|reason| [FULLWIDTH, CHINESE_NUMERALS].contains(reason));
    let diagnostic = Diagnostic::new(
        &RULE,
        expr.span,
        format!("{}：“{written}”应为“{fixed}”", found.reasons.join("，")),
    )
    .with_fix(fix);
    Some(if style {
        diagnostic.style()
    } else {
        diagnostic
    })
}

/// What is wrong with one numeral of a date, its replacement, and whether replacing it is
/// certain.
fn normalise(
    cx: &Context<'_>,
    part: &Part,
    chinese_to_arabic: bool,
) -> Option<(&'static str, String, bool)> {
    let written = &cx.text[part.span.range()];
    match part.digits {
        // Ex) 二〇二三年三月十四日
        Digits::Chinese if chinese_to_arabic || cx.house.numerals == Numerals::Arabic => {
            Some((CHINESE_NUMERALS, part.value.to_string(), true))
        }
        // Ex) 二○二三年 in a headline: only the look-alike zero is wrong.
        Digits::Chinese if part.zero_slip => {
            let fixed: String = written
                .chars()
                .map(|c| match c {
                    '○' | 'O' | 'o' | '0' | '０' | 'Ｏ' => '〇',
                    c => c,
                })
                .collect();
            Some(("“〇”误作“○”或字母、数字", fixed, true))
        }
        Digits::Chinese => None,
        // Ex) １５日
        Digits::FullWidth if cx.house.digits.departs(DigitsStyle::Any) => {
            Some((FULLWIDTH, part.value.to_string(), true))
        }
        Digits::Mixed => Some(("日期中混用全角、半角数字", part.value.to_string(), true)),
        // Ex) 03月05日
        _ if part.leading_zero => Some(("月、日前不补“0”", part.value.to_string(), true)),
        // Ex) 23年3月
        _ if part.short_year => Some(("年份应写全四位", part.value.to_string(), false)),
        _ => None,
    }
}
