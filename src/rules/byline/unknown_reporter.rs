use crate::declare_rule;
use crate::diagnostic::{Diagnostic, DiagnosticData};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{BylinePlace, Name};
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// With `[byline] roster` configured, a reporter's name in one of the paper's own
    /// bylines or photo credits that the roster does not list. When a roster name is one
    /// character away, the finding names it.
    ///
    /// Correspondents (`通讯员`), interns (`实习生`) and wire reporters are not on the roster
    /// and are not checked.
    /// ## Why
    /// A reporter's name misspelt in the byline is the most embarrassing slip a page can
    /// print; the roster is the newsroom's list of how its people spell their names.
    /// ## Example
    /// ```toml,config
    /// [byline]
    /// roster = ["王海", "李敏"]
    /// ```
    /// ```text,flagged
    /// 本报讯（记者 王梅）近日，新开街道启动老旧小区改造。
    /// ```
    /// ```text,clean
    /// 本报讯（记者 王海 通讯员 张强）近日，新开街道启动老旧小区改造。
    /// ```
    /// With no roster the rule is silent.
    /// ## Fix
    /// Suggested: the roster name one character away, when there is exactly one. A new
    /// colleague is not a misspelling, so the editor action "add to roster" is offered too.
    /// ## Standard
    /// 本报 `[byline] roster`
    pub(crate) RULE = "byline/unknown-reporter" {
        severity: Warning,
        fix: Sometimes,
        checks: [
            Error: "署名不在本报记者名单",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let roster = &cx.config.byline.roster;
    if roster.is_empty() {
        return;
    }
    let bylines = &cx.facts.bylines;
    let byline_names = bylines
        .bylines
        .iter()
        .filter(|b| b.is_own() && b.place != BylinePlace::Author)
        .flat_map(|b| b.credit.iter().flat_map(|c| c.staff_names()));
    let photo_names = bylines
        .photo_credits
        .iter()
        .filter(|c| c.has_role())
        .flat_map(|c| c.staff_names());
    for name in byline_names.chain(photo_names) {
        if roster.contains(&name.text) {
            continue;
        }
        acc.push(finding(name, roster));
    }
}

fn finding(name: &Name, roster: &[String]) -> Diagnostic {
    let near: Vec<&String> = roster
        .iter()
        .filter(|r| one_edit_apart(r, &name.text))
        .collect();
    let base = match near.as_slice() {
        [one] => Diagnostic::new(
            &RULE,
            name.span,
            format!("“{}”不在记者名单中，是否为“{one}”？", name.text),
        )
        .with_fix(Fix::suggested(
            format!("改为“{one}”"),
            vec![Edit::replace(name.span, one.as_str())],
        )),
        _ => Diagnostic::new(&RULE, name.span, format!("“{}”不在记者名单中", name.text)),
    };
    base.with_note("新同事请加入 [byline] roster；拼写有误请改正。")
        .with_data(DiagnosticData::AddToRoster {
            name: name.text.clone(),
        })
}

/// True when `a` and `b` differ by one character: replaced, added or dropped.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    match a.len().abs_diff(b.len()) {
        0 => a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1,
        1 => {
            let (short, long) = if a.len() < b.len() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            (0..long.len()).any(|skip| {
                long.iter()
                    .enumerate()
                    .filter(|&(i, _)| i != skip)
                    .map(|(_, c)| c)
                    .eq(short.iter())
            })
        }
        _ => false,
    }
}
