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
    /// ## What it flags
    /// A form on the newsroom's own word list: misused words, banned terms, the house
    /// spelling of local names. The list is `[[words.entry]]` in `jiaodui.toml` (a literal
    /// `wrong` form, or a `pattern`, with its `right` form or forms and a `note`) and the prh
    /// YAML dictionaries textlint users keep, imported with `[words] import = ["prh.yml"]`.
    ///
    /// Every literal form of every entry is found in one pass; regular expressions run only
    /// for the entries that ask for one. Text that already is the right form is not flagged
    /// (`/jquery/i` does not flag `jQuery` when `jQuery` is right). Without a list the rule
    /// is silent.
    /// ## Why
    /// Every newsroom keeps such a list, and each form on it was once printed and corrected;
    /// a checker that knows the list catches the slip before it is printed again.
    /// ## Example
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
    /// ## Fix
    /// Safe when the entry has one right form: it replaces exactly the flagged text. With
    /// several right forms each is suggested; with none (a banned term) there is no fix.
    /// ## Standard
    /// The newsroom's own list; prh dictionaries (textlint-rule-prh)
    pub(crate) RULE = "word/substitution" {
        severity: Warning,
        fix: Sometimes,
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
