//! `word/substitution`: the forms on the newsroom's own word list, found in the draft.
//!
//! The list is the configuration's (`[[words.entry]]` and imported prh dictionaries),
//! compiled when it was loaded; this rule is its only reader, so it searches the draft's
//! prose itself rather than through a recogniser: no other rule needs the hits.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::words::Hit;

declare_rule! {
    /// ## 查什么
    /// 本报词表中列出的写法：误用的词、禁用的说法、本地名称的本报写法。词表来自 `jiaodui.toml` 中的 `[[words.entry]]`（一个字面的 `wrong` 写法或一个 `pattern`，配上一个或几个 `right` 写法和一条 `note` 说明），以及 textlint 用户维护的 prh YAML 词典，用 `[words] import = ["prh.yml"]` 导入。
    ///
    /// 所有词条的字面写法一遍就能查完；只有要求用正则表达式的词条才运行正则。已经是正确写法的文字不提示（`jQuery` 是正确写法时，`/jquery/i` 不会提示 `jQuery`）。没有词表时，本规则不提示。
    /// ## 为什么
    /// 每个编辑部都有这样一份词表，上面每一条都曾经印错、更正过；知道这份词表的检查工具，能在它再次见报之前拦住。
    /// ## 示例
    /// ```toml,config
    /// [[words.entry]]
    /// wrong = "既使"
    /// right = "即使"
    /// note = "连词用“即使”"
    /// ```
    /// ```text,flagged
    /// 既使下雨，志愿者也坚持上门服务。
    /// ```
    /// ```text,clean
    /// 即使下雨，志愿者也坚持上门服务。
    /// ```
    /// ## 修改
    /// 词条只有一个正确写法时可自动修复：只替换提示的那段文字。有几个正确写法时逐一建议；没有正确写法（禁用的说法）时不给修复。
    /// ## 依据
    /// 本报词表；prh 词典（textlint-rule-prh）
    pub(crate) RULE = "word/substitution" {
        severity: Warning,
        fix: PartlySafe,
        checks: [
            Error: "本报词表中的错误或禁用写法",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let list = &cx.config.words.list;
    if list.is_empty() {
        return;
    }
    let mut hits = Vec::new();
    for segment in cx.draft.segments() {
        list.find(cx.text, segment, &mut hits);
    }
    for hit in hits {
        acc.push(finding(cx, &hit));
    }
}

fn finding(cx: &Context<'_>, hit: &Hit) -> Diagnostic {
    let entry = cx.config.words.list.entry(hit.entry);
    let wrong = hit.span.slice(cx.text);
    let right: Vec<String> = hit.right.iter().map(|r| format!("“{r}”")).collect();
    let mut message = if right.is_empty() {
        format!("“{wrong}”不宜使用")
    } else {
        format!("“{wrong}”应为{}", right.join("或"))
    };
    if let Some(note) = entry.note() {
        message.push_str(&format!("（{note}）"));
    }
    let mut diagnostic =
        Diagnostic::new(&RULE, hit.span, message).with_note(format!("词表：{}", entry.origin()));
    match hit.right.as_slice() {
        [one] => {
            diagnostic = diagnostic.with_fix(Fix::safe(
                format!("改为“{one}”"),
                vec![Edit::replace(hit.span, one.clone())],
            ));
        }
        many => {
            for form in many {
                diagnostic = diagnostic.with_fix(Fix::suggested(
                    format!("改为“{form}”"),
                    vec![Edit::replace(hit.span, form.clone())],
                ));
            }
        }
    }
    diagnostic
}
