use crate::config::PhotoStyle;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Kind};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{Parens, PhotoForm};
use crate::rules::photo::house::{deviation, house_form, separator_off, style_of};
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
    pub(crate) RULE = "photo/credit-format" {
        severity: Warning,
        fix: Always,
        checks: [
            Error: "图片署名不合任何规范格式（摄影：某某、半角括号等）",
            Style: "图片署名格式与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let house = cx.house;
    for credit in &cx.facts.bylines.photo_credits {
        let Some(kind) = deviation(credit, house) else {
            continue;
        };
        let printed = &cx.text[credit.span.range()];
        let what = match credit.form {
            // Ex) 摄影：王海
            PhotoForm::Colon => format!("图片署名“{printed}”不合规范"),
            PhotoForm::Paren(parens) if parens != Parens::Full => {
                "图片署名使用了半角括号".to_owned()
            }
            _ if kind == Kind::Style && house.photo.departs(style_of(credit).unwrap()) => {
                let want = match house.photo.get() {
                    Some(PhotoStyle::Paren) => "（王海 摄）",
                    Some(PhotoStyle::Slash) => "王海/摄",
                    _ => "本报记者 王海 摄",
                };
                format!("图片署名格式与本报不一（本报用“{want}”式）")
            }
            _ if separator_off(credit, house) => "图片署名的姓名分隔不合本报格式".to_owned(),
            _ if credit.role.is_none() => "图片署名缺少身份词“本报记者”".to_owned(),
            _ => "图片署名空格不合规范".to_owned(),
        };
        let mut diagnostic = Diagnostic::new(&RULE, credit.span, what).with_kind(kind);
        if let Some(rebuilt) = house_form(credit, house) {
            if rebuilt != printed {
                let mut note = format!("本报格式：{}", rebuilt.trim_start());
                if let Some(source) = house.photo.source_note("这种图片署名格式") {
                    note = format!("{note}（{source}）");
                }
                diagnostic = diagnostic.with_note(note).with_fix(Fix::safe(
                    format!("改为“{}”", rebuilt.trim_start()),
                    vec![Edit::replace(credit.span, rebuilt)],
                ));
            }
        }
        acc.push(diagnostic);
    }
}
