use crate::calendar::fullwidth_digit;
use crate::config::{BylinePosition, ParenWidth};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{Byline, BylinePlace, CreditForm};
use crate::rules::byline::house::{deviations, house_form, is_safe_rewrite, Deviation};
use crate::rules::style::House;
use crate::rules::Context;
use crate::text::{is_han, Span};

declare_rule! {
    /// ## 查什么
    /// 署名不合任何一种规范写法：用了半角括号，缺了职务（记者、通讯员、实习生等），多了空格，电头或身份词后加冒号（`本报讯：`、`（记者：王海）`），姓名之间用`，`隔开；或者写法虽然规范，却不合本报选定的体例：括号式（`本报讯（记者 王海）`）还是报道式（`本报讯 记者王海报道：`），姓名之间用空格还是`、`，职务与姓名之间空一格（`记者 王海`）还是连写（`记者王海`），以及本报用空格或`、`隔开姓名时连写在一起的姓名（`王海李敏`）。
    ///
    /// 连写的姓名，本报署名空格（`spacing = "spaced"`）时都提示；本报只定了姓名分隔（`separator = " "` 或 `"、"`）时，记者名册或本版其他署名表明是两个人的才提示，只凭字形拆开的（`张明赵天华`）可能是一个人，不提示。本报署名连写（`spacing = "joined"`，如人民日报简讯文末的 `（王海李敏）`）时，姓名连写是本报体例。三字姓名（`王海林`）、复姓四字姓名（`欧阳明月`）不拆。
    ///
    /// 电头后的署名漏了括号（`本报讯 记者王海 8日，……`、`本报讯 记者 王海 李敏 8日，……`）也在此提示，按本报体例改为`本报讯（记者 王海）8日，……`。只有姓名后紧接导语开头的日期、时间（`8日，`、`近日，`）时才算署名，这时姓名到哪里为止也确定无疑；记者作句子主语的导语（`本报讯 记者从市教育局获悉`、`本报讯 记者近日从……了解到`、`记者王海 8日在社区看到`、`本报讯 记者 王海 再次来到红旗社区`，姓名在记者名册中也一样）不提示，没有记者署名的`本报讯 8日，……`归 `byline/missing` 和 `[byline] require_reporter` 管。
    ///
    /// 电头和职务里打错的字（`本报迅`、`本报6月8日迅`、`记着`、`通迅员`、`实习声`）也在此提示，可自动改正，署名在导语、图片说明后还是文末都算；正文里的“本报迅即”“本报汛期”和动词“记着”（`他一直记着这件事`）不算。
    ///
    /// 半角括号不是可选的体例，只有在 `jiaodui.toml` 中明确写了 `[byline] parens = "halfwidth"` 的报纸，署名用半角括号（`本报讯(记者 王海)`）才是本报体例：这时署名的半角括号不提示（`punct/halfwidth` 也不提示），全角括号作为体例问题提示，可自动改为半角。稿件本身用得再多，也不会推断出半角括号的体例。
    ///
    /// 本报的体例取自 `jiaodui.toml` 的 `[byline]`；没有写，就按所选预设；也没有预设，就看稿件本身：某种写法至少出现三次、且多于其他写法，才算本稿的体例。在此之前不提示体例问题，稿件开头几行不会被打扰。
    ///
    /// 报纸上常见的署名样式都能识别：通讯员在前（`本报讯（通讯员 李敏 记者 王海）`）；全媒体记者、融媒体记者、首席记者、见习记者、摄影记者、本报通讯员等头衔；带报社名称的署名（`（新快报记者 王海）`）；署名中的`文/图`、`文/视频`、`文/摄`；单独成行的署名（`□本报记者 张靖`）；文末的笔名或单位署名（`（红深）`、`（本报评论员）`）。通稿（`新华社北京6月27日电（记者 A、B）`）保留通讯社自己的写法，只有括号按本报体例。为对齐而在中间加空格的两字姓名（`孙 露`）和用`·`连接的姓名，都算一个名字。
    /// ## 为什么
    /// 同一版面上的署名应当写法一致，半角括号、漏写“记者”，印在报上一眼就能看出来。各报选用的署名样式不尽相同，这些样式都是可选的体例，不算差错。
    /// ## 示例
    /// ```text,flagged
    /// 本报讯(记者 王海、李敏)近日，新开街道启动老旧小区改造。
    /// ```
    /// ```text,clean
    /// 本报讯（记者 王海 李敏）近日，新开街道启动老旧小区改造。
    ///
    /// 新华社北京6月27日电（记者 张立新、刘明）会议今天在北京举行。
    ///
    /// 本报讯（通讯员 张强 全媒体记者 孙 露）社区举办活动。
    /// ```
    /// ## 修改
    /// 只改标点和空格的，可自动修复：按解析出的电头、职务和姓名，用本报体例重写署名，姓名、职务和单位名称一字不改。漏了括号的署名，可自动修复。要改动文字的，只作建议，由编辑确认：补上职务（此人也可能是通讯员，而不是记者）、把报道式署名改成括号式，或者拆开连写在一起、记者名册和本版其他署名都无法确认的姓名。
    /// ## 依据
    /// 《报纸编校质量标准》署名规范；本报 `[byline]` 版式
    pub(crate) RULE = "byline/format" {
        severity: Warning,
        fix: PartlySafe,
        checks: [
            Error: "署名用半角括号、缺身份词、多余空格或冒号、姓名间用逗号",
            Style: "署名格式（括号式或报道式）与本报不一",
            Style: "署名用全角括号，而本报选定半角括号",
            Style: "姓名分隔（空格或顿号）与本报不一",
            Style: "身份词与姓名是否空格、姓名连写，与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let house = cx.house;
    misspelt_leads(cx, acc);
    stray_mistyped(cx, acc);
    for byline in &cx.facts.bylines.bylines {
        // Ex) （记着 王海） — a role word mistyped reads as a name: say so, and nothing
        // else of this credit (its other findings would build on the misreading).
        if misspelt_roles(cx, byline, acc) {
            continue;
        }
        if !at_house_position(cx, byline, house) {
            continue;
        }
        let deviations = deviations(byline, house);
        if deviations.is_empty() {
            continue;
        }
        // A credit wrong in any way is an error; one departing only from the house's choice
        // of form or separator is a matter of style.
        let kind = if deviations.iter().all(|d| d.kind() == Kind::Style) {
            Kind::Style
        } else {
            Kind::Error
        };
        let printed = &cx.text[byline.span.range()];
        let described: Vec<String> = deviations.iter().map(|d| d.describe(house)).collect();
        let message = format!("署名{}", described.join("，"));
        let fix = if byline.is_own() {
            house_fix(byline, house, printed)
        } else {
            wire_paren_fix(byline, house)
        };
        let Some(fix) = fix else {
            acc.push(Diagnostic::new(&RULE, byline.span, message).with_kind(kind));
            continue;
        };
        let source = match deviations.iter().find(|d| d.kind() == Kind::Style) {
            Some(Deviation::Form) => house.form.source_note("这种署名格式"),
            Some(Deviation::RoleSpacing { .. }) => house.spacing.source_note("这种署名空格"),
            Some(Deviation::GluedNames) => match house.spacing.get() {
                Some(_) => house.spacing.source_note("这种署名空格"),
                None => house.separator.source_note("这种姓名分隔"),
            },
            Some(Deviation::Separator { .. }) => house.separator.source_note("这种姓名分隔"),
            // The house's parentheses are always its configuration's.
            _ => None,
        };
        let mut note = format!(
            "本报格式：{}",
            fix.edits
                .first()
                .map(|e| e.replacement.as_str())
                .unwrap_or_default()
        );
        if let Some(source) = source {
            note = format!("{note}（{source}）");
        }
        acc.push(
            Diagnostic::new(&RULE, byline.span, message)
                .with_kind(kind)
                .with_note(note)
                .with_fix(Some(fix)),
        );
    }
}

/// Bylines standing where the house puts them; the others are `byline/position`'s, and
/// their form is settled when they move.
fn at_house_position(cx: &Context<'_>, byline: &Byline, house: &House<'_>) -> bool {
    match byline.place {
        BylinePlace::Lead if house.accepts_position(BylinePosition::Lead) => true,
        BylinePlace::Trailing => {
            house.accepts_position(BylinePosition::End)
                && byline
                    .article
                    .is_none_or(|index| super::at_end(cx, &cx.draft.articles[index], byline))
        }
        // Ex) □本报记者 张靖 本报通讯员 郜敏 — a feature's credit line under its headline.
        BylinePlace::CreditLine => {
            house.accepts_position(BylinePosition::Lead)
                && byline.article.is_some_and(|index| {
                    super::at_lead(cx, index, &cx.draft.articles[index], byline)
                })
        }
        // A dateline printed with a colon is the lead's own problem wherever the credit is.
        BylinePlace::Lead => byline.credit.is_none() || !byline.is_own(),
        _ => false,
    }
}

fn house_fix(byline: &Byline, style: &House<'_>, printed: &str) -> Option<Fix> {
    let house = house_form(byline, style)?;
    if house == printed {
        return None;
    }
    let title = format!("改为“{house}”");
    let edits = vec![Edit::replace(byline.span, house.clone())];
    let names: Vec<_> = byline.credit.iter().flat_map(|c| c.names()).collect();
    if is_safe_rewrite(printed, &house, &names, style) {
        Fix::safe(title, edits)
    } else {
        Fix::suggested(title, edits)
    }
}

/// Wire copy keeps its own credit; only the parentheses become the house's.
fn wire_paren_fix(byline: &Byline, style: &House<'_>) -> Option<Fix> {
    let credit = byline.credit.as_ref()?;
    let CreditForm::Paren(_) = credit.form else {
        return None;
    };
    let (open, close) = match style.parens {
        ParenWidth::Fullwidth => ("（", "）"),
        ParenWidth::Halfwidth => ("(", ")"),
    };
    let span = credit.span;
    let first = credit.groups.first()?;
    let inner_start = first
        .role
        .as_ref()
        .map(|r| r.span.start)
        .or_else(|| first.names.first().map(|n| n.span.start))?;
    let last_group = credit.groups.last()?;
    let inner_end = last_group
        .names
        .last()
        .map(|n| n.span.end)
        .or_else(|| last_group.role.as_ref().map(|r| r.span.end))?;
    let open_span = crate::text::Span::new(span.start, inner_start);
    let close_span = crate::text::Span::new(inner_end, span.end);
    Fix::safe(
        format!("改为{open}{close}"),
        vec![
            Edit::replace(open_span, open),
            Edit::replace(close_span, close),
        ],
    )
}

/// Role words and datelines as they are mistyped, and what they should read.
const MISTYPED: [(&str, &str); 6] = [
    ("记着", "记者"),
    ("通迅员", "通讯员"),
    ("通汛员", "通讯员"),
    ("实习声", "实习生"),
    ("本报迅", "本报讯"),
    ("本报汛", "本报讯"),
];

/// Whether a credit's text holds a mistyped role word (`记着`, `通迅员`, `实习声`).
pub(crate) fn mistyped_in(credit: &str) -> bool {
    MISTYPED.iter().any(|(wrong, _)| credit.contains(wrong))
}

/// Reports each mistyped word in a byline's credit; true when there was one.
fn misspelt_roles(cx: &Context<'_>, byline: &Byline, acc: &mut Vec<Diagnostic>) -> bool {
    let Some(credit) = &byline.credit else {
        return false;
    };
    let before = acc.len();
    report_mistyped(cx, credit.span, acc);
    acc.len() > before
}

/// `本报迅（记者 王海）`, `本报6月8日迅 记者王海报道`: a dateline mistyped at the start of
/// a paragraph, where the recogniser finds no dateline and no byline at all (nor, often, a
/// new item). Only before a credit's opening — a parenthesis, or a space and a role word —
/// is it the dateline: `本报迅即派出…`, `本报汛前检查…` are words.
fn misspelt_leads(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    // Any block: a lead the layout reader could not place may be taken for a headline.
    for block in &cx.draft.blocks {
        let start = block.span.start;
        let paragraph = &cx.text[block.span.range()];
        let Some(rest) = paragraph.strip_prefix("本报") else {
            continue;
        };
        let after_date = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || fullwidth_digit(c).is_some() || c == '月' || c == '日'
        });
        let dated = after_date.len() < rest.len();
        if dated && !rest[..rest.len() - after_date.len()].ends_with('日') {
            continue;
        }
        let Some(credit) = after_date.strip_prefix(['迅', '汛']) else {
            continue;
        };
        let at = start + (paragraph.len() - after_date.len()) as u32;
        let spaced = credit.trim_start_matches([' ', '　']);
        let opens = credit.starts_with(['（', '('])
            || (spaced.len() < credit.len() && ROLES.iter().any(|r| spaced.starts_with(r)));
        if !opens {
            continue;
        }
        let lead = Span::new(start, at + '迅'.len_utf8() as u32);
        let right = format!("{}讯", &paragraph[..(at - start) as usize]);
        push_mistyped(cx, acc, lead, &right);
        // The parenthesised credit after it, which no byline holds.
        if credit.starts_with(['（', '(']) {
            let limit = credit
                .char_indices()
                .nth(40)
                .map_or(credit.len(), |(i, _)| i);
            if let Some(close) = credit[..limit].find(['）', ')']) {
                let credit_start = block.span.end - credit.len() as u32;
                report_mistyped(
                    cx,
                    Span::new(credit_start, credit_start + close as u32),
                    acc,
                );
            }
        }
    }
}

/// Role words a reported credit opens with (`本报迅 记者王海报道`), mistyped or not.
const ROLES: [&str; 6] = ["记者", "记着", "通讯员", "通迅员", "实习生", "本报"];

/// A finding with a safe fix for every mistyped word in `span`.
fn report_mistyped(cx: &Context<'_>, span: Span, acc: &mut Vec<Diagnostic>) {
    let text = &cx.text[span.range()];
    for (wrong, right) in MISTYPED {
        for (at, _) in text.match_indices(wrong) {
            let start = span.start + at as u32;
            push_mistyped(cx, acc, Span::new(start, start + wrong.len() as u32), right);
        }
    }
}

/// The finding for the mistyped `found`, which should read `right`, unless it was made.
fn push_mistyped(cx: &Context<'_>, acc: &mut Vec<Diagnostic>, found: Span, right: &str) {
    if acc.iter().any(|d| d.span == found && d.rule == RULE.id) {
        return;
    }
    let message = format!("“{}”应为“{right}”", &cx.text[found.range()]);
    let fix = Fix::safe(format!("改为“{right}”"), vec![Edit::replace(found, right)]);
    acc.push(Diagnostic::new(&RULE, found, message).with_fix(fix));
}

/// Whether a credit's name comes next: two to four Han characters, after spaces or not,
/// then the end of the credit (`）`, a space, `、`, `摄`, `报道`, the end of the line).
fn name_follows(after: &str) -> bool {
    let name = after.trim_start_matches([' ', '　']);
    let han = name.chars().take_while(|&c| is_han(c)).count();
    let end: usize = name.chars().take(han).map(char::len_utf8).sum();
    let (name, rest) = name.split_at(end);
    let ends = rest.is_empty() || rest.starts_with(['）', ')', ' ', '　', '、', '\n']);
    let name = match (name.strip_suffix("报道"), name.strip_suffix('摄')) {
        (Some(name), _) | (None, Some(name)) => name,
        (None, None) if ends => name,
        _ => return false,
    };
    (2..=4).contains(&name.chars().count())
}

/// Words before `记着` or `实习声` that make it a role in a credit (`本报记着`, `（记着`,
/// `□本报记着`), not the verb (`他记着这件事`).
const ROLE_BEFORE: [&str; 14] = [
    "本报",
    "（",
    "(",
    "□",
    "■",
    "首席",
    "全媒体",
    "融媒体",
    "见习",
    "摄影",
    "特约",
    "讯 ",
    "讯　",
    "电 ",
];

/// Role words mistyped outside any byline the recogniser found — a reported byline
/// (`本报讯 记着王海报道`), a photo credit (`（本报记着 王海 摄）`), a closing credit
/// (`（通迅员 李敏）`), a byline on its own line: `通迅员` and `通汛员` anywhere, `记着` and
/// `实习声` after a credit's opening or before a space and a name.
fn stray_mistyped(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    // Most drafts have none: one search of the whole text each says so.
    let stray = |(wrong, _): &(&str, &str)| !wrong.starts_with("本报") && cx.text.contains(wrong);
    if !MISTYPED.iter().any(stray) {
        return;
    }
    for block in &cx.draft.blocks {
        let text = &cx.text[block.span.range()];
        for (wrong, right) in MISTYPED {
            if wrong.starts_with("本报") {
                continue;
            }
            for (at, _) in text.match_indices(wrong) {
                let (before, after) = (&text[..at], &text[at + wrong.len()..]);
                let role = wrong.starts_with("通")
                    || ROLE_BEFORE.iter().any(|w| before.ends_with(w)) && name_follows(after)
                    || after.starts_with([' ', '　']) && name_follows(after);
                if role {
                    let start = block.span.start + at as u32;
                    let found = Span::new(start, start + wrong.len() as u32);
                    push_mistyped(cx, acc, found, right);
                }
            }
        }
    }
}
