use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::PhotoForm;
use crate::rules::photo::house::{deviates, house_form, separator_off};
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A photo credit not in the house form `本报记者 王海 摄`: `摄影：王海`, `王海/摄`,
    /// a credit in parentheses (`（王海摄）`), names glued to `摄` or to their role
    /// (`本报记者王海摄`), names separated other than by the house separator, and a roster
    /// reporter credited without `本报记者`.
    ///
    /// Sources that are not photographers (`新华社发`, `…供图`, `资料图片`) and bare names of
    /// contributors (`张强 摄`) are left alone.
    /// ## Why
    /// Photo credits follow one form across the page, like bylines; `摄影：` and `/摄` are
    /// habits of other media.
    /// ## Example
    /// ```text,flagged
    /// 居民在新建的健身广场锻炼 摄影：王海
    /// ```
    /// ```text,clean
    /// 居民在新建的健身广场锻炼 本报记者 王海 摄
    /// ```
    /// ## Fix
    /// Safe: the credit is rebuilt as `本报记者 王海 摄` from its parsed role and names (a
    /// printed role such as `通讯员` is kept; `本报记者` is supplied only when no roster is
    /// configured or the roster lists every name).
    /// ## Standard
    /// 《报纸编校质量标准》图片署名；本报版式
    pub(crate) RULE = "photo/credit-format" { severity: Warning, fix: Always }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let style = &cx.config.byline;
    for credit in &cx.facts.bylines.photo_credits {
        if !deviates(credit, style) {
            continue;
        }
        let printed = &cx.text[credit.span.range()];
        let what = match credit.form {
            PhotoForm::Colon => format!("图片署名“{printed}”不合本报格式"),
            PhotoForm::Slash => format!("图片署名“{printed}”不合本报格式"),
            PhotoForm::Paren(_) => "图片署名不应加括号".to_owned(),
            _ if credit.role.is_none() => "图片署名缺少身份词“本报记者”".to_owned(),
            _ if separator_off(credit, style) => "图片署名的姓名分隔不合本报格式".to_owned(),
            _ => "图片署名空格不合规范".to_owned(),
        };
        let mut diagnostic = Diagnostic::new(&RULE, credit.span, what);
        if let Some(house) = house_form(credit, style) {
            if house != printed {
                diagnostic = diagnostic
                    .with_note(format!("本报格式：{}", house.trim_start()))
                    .with_fix(Fix::safe(
                        format!("改为“{}”", house.trim_start()),
                        vec![Edit::replace(credit.span, house)],
                    ));
            }
        }
        acc.push(diagnostic);
    }
}
