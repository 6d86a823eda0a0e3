use crate::declare_rule;
use crate::diagnostic::{Diagnostic, DiagnosticData};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{BylinePlace, Name};
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 配置了 `[byline] roster` 时，本报署名或图片署名中不在记者名册上的记者姓名。名册里有只差一个字的姓名时，提示会指出是谁。
    ///
    /// 通讯员（`通讯员`）、实习生（`实习生`）和通讯社记者不在名册上，不检查。
    /// ## 为什么
    /// 署名里把记者的名字写错，是版面上最难堪的差错；记者名册就是编辑部记下每个人姓名正确写法的名单。
    /// ## 示例
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
    /// 没有配置名册时，本规则不提示。
    /// ## 修改
    /// 仅作建议：名册中只有一个只差一字的姓名时，建议改成它。新来的同事不是写错的名字，所以编辑器里还提供“加入名册”的操作。
    /// ## 依据
    /// 本报 `[byline] roster`
    pub(crate) RULE = "byline/unknown-reporter" {
        severity: Warning,
        fix: Suggested,
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
