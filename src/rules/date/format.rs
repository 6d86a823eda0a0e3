use crate::config::{DigitsStyle, Numerals};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::{ends_with_photo_credit, opens_list_item, BlockKind};
use crate::fix::{apply_edits_once, Edit, Fix};
use crate::recognise::dates::{DateExpr, DateForm, DateMention, DateRole, DayWord, Digits, Part};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 日期没有按正文中 `2023年3月14日` 的格式书写。
    ///
    /// 包括：日用 `15号`，全角数字（`１５日`），补零（`03月05日`），两位数年份（`23年3月`），`2023-03-14`、`2023/3/14` 和 `2023.3.14`；年份中写 `零`，或用 `○`、拉丁字母 `O`、数字 `0` 代替 `〇`（`二零二三年`、`二○二三年`：应写 `二〇二三年`），这些在任何体例下都提示；还有汉字数字日期（`三月十四日`、`二〇二三年`），在同一语境里也有阿拉伯数字日期时提示，设了 `[dates] numerals = "arabic"` 时一律提示。
    ///
    /// 一个语境指一篇稿件的正文（引语除外）；电头、公文或书信的落款日期（讲话稿下的 `（一九九七年七月一日）`，署名下单独一行的日期）、标题和小标题各自是单独的语境。正文中间单独一行、不带编号的短句，可能是小标题，也可能是下一条简讯的标题；单独一行的图片署名（`（本报记者 王海 摄）`）结束它上面的图片新闻：这两处的上下文各算一个语境。日期全用汉字数字书写的讲话稿或书信不提示。`《》` 里的日期是书名的一部分，照原样保留；习惯用汉字年份的题目（`二〇二五年新年贺词`）也一样。单独的汉字月份（`十月革命`）、节令的农历日子（`三月三`、`九月九日`）、整个引号里只有一个日期的举例（`如“2024.06.01”`）和文件名中的日期（`“2024-03-19会议纪要.pdf”`）从不提示。
    /// ## 为什么
    /// GB/T 15835-2011 要求正文中的日期用阿拉伯数字完整书写：年份写四位，不补零，用 `日` 而不用口语的 `号`。`2023-03-14` 这类数字格式用于表格和表单，不用于新闻正文。标准允许在需要庄重的场合用汉字数字（4.3），只要同一语境写法一致；这样写的年份中的零写作 `〇`，不写 `零`。
    /// ## 示例
    /// ```text,flagged
    /// 二〇二三年三月十四日，社区举办义诊，15号上午结束。二零二三年，社区再次举办。
    /// ```
    /// ```text,clean
    /// 2023年3月14日，社区举办义诊，15日上午结束。
    /// ```
    /// ## 修改
    /// 可自动修复：按 `2023年3月14日` 的格式重写日期，只改数字、`号` 和分隔符；语境允许的汉字数字日期保留汉字，只把写错的零改成 `〇`。两位数年份补成离出版日期最近的世纪，只作建议：`98年` 可能是 1998 年，也可能是 2098 年。
    ///
    /// 设了 `[dates] digits = "any"` 时，全角数字不提示。
    /// ## 依据
    /// GB/T 15835-2011《出版物上数字用法》4.1–4.2, 5.2 (年月日的写法)
    pub(crate) RULE = "date/format" {
        severity: Warning,
        fix: PartlySafe,
        checks: [
            Error: "日期用“号”、补零、两位年份、“-”“/”“.”分隔，年份中“零”“○”代“〇”",
            Style: "全角数字与本报不一",
            Style: "汉字数字日期与同一语境的阿拉伯数字日期混用",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    // Ex) 《二〇二三年政府工作报告》 — a title is quoted as published.
    // Ex) 九月九日登高 — a festival's lunar day. Ex) 如“2024.06.01” — a date quoted as it is
    // printed elsewhere. Ex) “2024-03-19常务会议纪要.pdf” — a file's name.
    let dates = || {
        (cx.facts.dates.exprs()).filter(|(mention, expr)| {
            !mention.in_title
                && !festival_day(expr)
                && !quoted_alone(cx, expr.span)
                && !in_file_name(cx, expr.span)
        })
    };
    // Where every date is in digits, or the house writes them so, where a date stands
    // does not matter.
    let chinese = |expr: &DateExpr| {
        [&expr.year, &expr.month, &expr.day]
            .into_iter()
            .flatten()
            .any(|part| part.digits == Digits::Chinese)
    };
    if cx.house.numerals == Numerals::Arabic || !dates().any(|(_, expr)| chinese(expr)) {
        let numerals = (cx.house.numerals == Numerals::Arabic).then_some(CHINESE_HOUSE);
        for (_, expr) in dates() {
            let numerals = numerals.filter(|_| !names_title(cx, expr));
            check_expr(cx, expr, numerals, acc);
        }
        return;
    }
    let parts = parts(cx);
    let exprs: Vec<(Setting, &DateExpr)> = dates()
        .map(|(mention, expr)| (setting(cx, &parts, mention, expr), expr))
        .collect();
    // The contexts that write dates in Arabic digits: a Chinese-numeral date there mixes
    // two forms of one kind of number.
    let arabic: std::collections::HashSet<Setting> = exprs
        .iter()
        .filter(|(setting, expr)| *setting != Setting::Own && writes_digits(expr))
        .map(|(setting, _)| *setting)
        .collect();
    for &(setting, expr) in &exprs {
        let numerals = if cx.house.numerals == Numerals::Arabic {
            Some(CHINESE_HOUSE)
        } else {
            (setting != Setting::Own && arabic.contains(&setting)).then_some(CHINESE_MIXED)
        };
        let numerals = numerals.filter(|_| !names_title(cx, expr));
        check_expr(cx, expr, numerals, acc);
    }
}

/// Where a date is written, as far as its numerals go: GB/T 15835-2011 asks for one form
/// of one kind of number within a context, and allows Chinese numerals where a whole
/// context is written so (a speech, a letter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Setting {
    /// A dateline, a document's or letter's date line, a headline: a context of its own.
    Own,
    /// Running text of one part of an article (or of a block outside every article),
    /// quoted or not.
    Text {
        article: Option<usize>,
        part: usize,
        block: Option<usize>,
        quoted: bool,
    },
}

fn setting(cx: &Context<'_>, parts: &[usize], mention: &DateMention, expr: &DateExpr) -> Setting {
    let block = cx.draft.block_at(expr.span.start);
    if expr.role == DateRole::Dateline
        || super::in_headline(cx, expr.span)
        || block.is_some_and(|b| cx.draft.blocks[b].kind == BlockKind::Subheading)
        || is_date_line(cx, expr.span)
    {
        return Setting::Own;
    }
    let article = block.and_then(|b| cx.draft.article_of(b));
    Setting::Text {
        article,
        part: block.map_or(0, |b| parts[b]),
        block: block.filter(|_| article.is_none()),
        quoted: mention.in_quote,
    }
}

/// Which part of the page each block is in, counted from the top. An unnumbered line
/// between body paragraphs may be a subheading or the headline of the next brief, and a
/// photo credit on its line closes the photo item above it: what lies on either side may
/// be another item, so each side writes its dates its own way.
fn parts(cx: &Context<'_>) -> Vec<usize> {
    let mut part = 0;
    cx.draft
        .blocks
        .iter()
        .map(|block| {
            let text = &cx.text[block.span.range()];
            let splits = match block.kind {
                BlockKind::Subheading => !opens_list_item(text),
                BlockKind::Caption | BlockKind::Credit => ends_with_photo_credit(text),
                _ => false,
            };
            part += usize::from(splits);
            part
        })
        .collect()
}

/// A date standing as the date line of a document or letter: in parentheses of its own
/// (`（一九九七年七月一日）` under a speech), or alone on its line (under a signature).
fn is_date_line(cx: &Context<'_>, span: Span) -> bool {
    let text = cx.text;
    if text[..span.start as usize].ends_with(['（', '('])
        && text[span.end as usize..].starts_with(['）', ')'])
    {
        return true;
    }
    let blank = |s: &str| s.trim_matches([' ', '\u{3000}', '\t']).is_empty();
    let line_start = text[..span.start as usize].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end as usize..]
        .find('\n')
        .map_or(text.len(), |i| span.end as usize + i);
    blank(&text[line_start..span.start as usize]) && blank(&text[span.end as usize..line_end])
}

/// True when a date writes a number in digits (half- or full-width).
fn writes_digits(expr: &DateExpr) -> bool {
    [&expr.year, &expr.month, &expr.day]
        .into_iter()
        .flatten()
        .any(|part| part.digits != Digits::Chinese)
}

/// `numerals` is the reason to write a Chinese-numeral date in digits, when there is one.
fn check_expr(
    cx: &Context<'_>,
    expr: &DateExpr,
    numerals: Option<&'static str>,
    acc: &mut Vec<Diagnostic>,
) {
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
        DateForm::Units => units(cx, expr, numerals, &mut found),
    }
    if found.edits.is_empty() {
        return;
    }
    acc.extend(report(cx, expr, found));
}

/// The reasons that are a choice among accepted forms rather than an error.
const FULLWIDTH: &str = "日期中使用了全角数字";
const CHINESE_MIXED: &str = "同一语境的日期已用阿拉伯数字，汉字数字日期应统一";
const CHINESE_HOUSE: &str = "日期应使用阿拉伯数字";
/// `零` and look-alikes written for the numeral `〇` in a year: an error in every style.
const ZERO_LING: &str = "年份中的零应写作“〇”，不写“零”";
const ZERO_CIRCLE: &str = "年份中的零应写作“〇”，不写“○”或字母、数字";

/// What is wrong with a date: the reasons in the order found, the edits that fix it, and
/// whether they are all certain.
struct Found {
    reasons: Vec<&'static str>,
    edits: Vec<Edit>,
    safe: bool,
}

/// A date written with units (`2023年3月14日`): each numeral, and `号` for `日`.
fn units(cx: &Context<'_>, expr: &DateExpr, numerals: Option<&'static str>, found: &mut Found) {
    let text = cx.text;
    // Ex) 十月革命 — a Chinese month alone is no date to rewrite.
    let chinese_date = expr
        .year
        .as_ref()
        .is_some_and(|y| y.digits == Digits::Chinese)
        || (expr.month.is_some() && expr.day.is_some());
    let numerals = numerals.filter(|_| chinese_date);
    let parts = [&expr.year, &expr.month, &expr.day];
    for part in parts.into_iter().flatten() {
        // Ex) 二零二三年 written in digits still had the zero wrong: say so.
        if part.zero_slip && numerals.is_some() {
            found.push_reason(zero_reason(&text[part.span.range()]));
        }
        if let Some((reason, replacement, is_safe)) = normalise(cx, part, numerals) {
            found.push_reason(reason);
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

impl Found {
    fn push_reason(&mut self, reason: &'static str) {
        if !self.reasons.contains(&reason) {
            self.reasons.push(reason);
        }
    }
}

/// What is wrong with the zero of a year written `written`.
fn zero_reason(written: &str) -> &'static str {
    if written.contains('零') {
        ZERO_LING
    } else {
        ZERO_CIRCLE
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
        .all(|reason| [FULLWIDTH, CHINESE_MIXED, CHINESE_HOUSE].contains(reason));
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
    numerals: Option<&'static str>,
) -> Option<(&'static str, String, bool)> {
    let written = &cx.text[part.span.range()];
    match part.digits {
        // Ex) 二〇二三年三月十四日 in a report that writes its other dates in digits.
        Digits::Chinese if numerals.is_some() => Some((numerals?, part.value.to_string(), true)),
        // Ex) 二○二三年, 二零二三年: the form is kept, only the zero is wrong.
        Digits::Chinese if part.zero_slip => {
            let fixed: String = written
                .chars()
                .map(|c| match c {
                    '○' | 'O' | 'o' | '0' | '０' | 'Ｏ' | '零' => '〇',
                    c => c,
                })
                .collect();
            Some((zero_reason(written), fixed, true))
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

/// `三月三`, `五月五日`, `九月九日`: a month and day of one Chinese numeral and no year, the
/// lunar days festivals are named by, never a date to write in digits.
fn festival_day(expr: &DateExpr) -> bool {
    let (Some(month), Some(day)) = (&expr.month, &expr.day) else {
        return false;
    };
    expr.year.is_none()
        && month.digits == Digits::Chinese
        && day.digits == Digits::Chinese
        && month.value == day.value
}

/// Whether the date is the whole of a quotation: `如“2024.06.01”`, an example of a form.
fn quoted_alone(cx: &Context<'_>, span: Span) -> bool {
    let before = &cx.text[..span.start as usize];
    let after = &cx.text[span.end as usize..];
    (before.ends_with('“') && after.starts_with('”'))
        || (before.ends_with('「') && after.starts_with('」'))
}

/// Titles a Chinese-numeral year is part of, without `《》`: `二〇二五年新年贺词`.
const YEAR_TITLES: [&str; 5] = ["新年贺词", "新年献词", "新年致辞", "新年祝词", "新春贺词"];

/// Whether the date is a Chinese-numeral year naming a title written so by custom: its
/// numerals stay, though a zero written `○` or `零` is still a slip.
fn names_title(cx: &Context<'_>, expr: &DateExpr) -> bool {
    let chinese_year = expr
        .year
        .as_ref()
        .is_some_and(|y| y.digits == Digits::Chinese);
    let after = &cx.text[expr.span.end as usize..];
    chinese_year && expr.month.is_none() && YEAR_TITLES.iter().any(|title| after.starts_with(title))
}

/// Whether the date is part of a file's name: the word it stands in (up to a space or a
/// punctuation mark) ends with an extension, `.pdf`, `.docx`, `.jpg`.
fn in_file_name(cx: &Context<'_>, span: Span) -> bool {
    let after = &cx.text[span.end as usize..];
    let word_end = after
        .find(|c: char| {
            !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '（' | '）' | '(' | ')'))
        })
        .unwrap_or(after.len());
    let word = &after[..word_end];
    let Some((_, extension)) = word.rsplit_once('.') else {
        return false;
    };
    (2..=4).contains(&extension.len())
        && extension.bytes().all(|b| b.is_ascii_alphanumeric())
        && extension.bytes().any(|b| b.is_ascii_alphabetic())
}
