use crate::config::{CreditSpacing, PhotoStyle};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::rules::byline::house::is_safe_rewrite;
use crate::rules::photo::house::{departures, deviation, house_form, Departure};
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A photo credit in no accepted form — `摄影：王海`, half-width parentheses, stray
    /// spaces, a roster reporter credited without `本报记者` — and, as a matter of house
    /// style, a credit that departs from the house's choice among the accepted forms:
    /// `本报记者 王海 摄`, `（本报记者 王海 摄）` or `王海/摄` (`[photo] form`), names
    /// separated by a space or `、`, the role and `摄` spaced from the names or run into them
    /// (`（新华社记者王海摄）`).
    ///
    /// Any role, organisation and number of photographers fits each form
    /// (`本报记者 王海 通讯员 李敏 张强 摄`, `（新华社记者 王海 摄）`); a drawing is credited
    /// the same way (`（赵炬绘）`). The house's choice comes from the configuration, else its
    /// preset, else the draft's own majority of at least three credits; until then no choice
    /// of style is reported. Sources that are not photographers (`新华社发`, `…供图`,
    /// `资料图片`) are left alone.
    /// ## Why
    /// Photo credits follow one form across the page, like bylines; `摄影：` is a habit of
    /// other media.
    /// ## Example
    /// ```text,flagged
    /// 居民在新建的健身广场锻炼 摄影：王海
    /// ```
    /// ```text,clean
    /// 居民在新建的健身广场锻炼 本报记者 王海 摄
    ///
    /// 志愿者为老人理发 本报记者 王海 通讯员 李敏 摄
    /// ```
    /// ## Fix
    /// Safe where it changes punctuation and spacing only: the credit is rebuilt in the
    /// house form from its parsed roles and names, keeping every role word and organisation
    /// as printed (`（新华社记者 王海 摄）` never becomes `本报记者 王海 摄`). Suggested where
    /// it would change a word: `摄影：王海` to `王海 摄`, or `本报记者` supplied for a roster
    /// reporter.
    /// ## Standard
    /// 《报纸编校质量标准》图片署名；本报 `[photo]` 版式
    pub(crate) RULE = "photo/credit-format" {
        severity: Warning,
        fix: Sometimes,
        checks: [
            Error: "图片署名不合任何规范格式（摄影：某某、半角括号、多余空格等）",
            Style: "图片署名格式（摄、括号、斜线）与本报不一",
            Style: "图片署名的姓名分隔、空格与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let house = cx.house;
    for credit in &cx.facts.bylines.photo_credits {
        let found = departures(credit, house);
        let Some(&first) = found.first() else {
            continue;
        };
        let kind = deviation(credit, house).unwrap_or(Kind::Error);
        let printed = &cx.text[credit.span.range()];
        let what = match first {
            // Ex) 摄影：王海
            Departure::Colon => format!("图片署名“{printed}”不合规范"),
            Departure::HalfParens => "图片署名使用了半角括号".to_owned(),
            Departure::Stray => "图片署名有多余的空格或标点".to_owned(),
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
            Departure::Spacing => match house.spacing.get() {
                Some(CreditSpacing::Joined) => "图片署名的身份词、姓名与“摄”之间不空格".to_owned(),
                _ => "图片署名的身份词、姓名与“摄”之间应空一格".to_owned(),
            },
        };
        let mut diagnostic = Diagnostic::new(&RULE, credit.span, what).with_kind(kind);
        if let Some(rebuilt) = house_form(credit, house) {
            if rebuilt != printed {
                let shown = rebuilt.trim_start();
                let mut note = format!("本报格式：{shown}");
                let source = match first {
                    Departure::Form => house.photo.source_note("这种图片署名格式"),
                    Departure::Separator => house.separator.source_note("这种姓名分隔"),
                    Departure::Spacing => house.spacing.source_note("这种署名空格"),
                    _ => None,
                };
                if let Some(source) = source {
                    note = format!("{note}（{source}）");
                }
                let title = format!("改为“{shown}”");
                let edits = vec![Edit::replace(credit.span, rebuilt.clone())];
                let names: Vec<_> = credit.names().collect();
                let fix = if is_safe_rewrite(printed, &rebuilt, &names, house.roster) {
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
