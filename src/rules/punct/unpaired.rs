use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// Quotation marks, book-title marks and brackets that open without closing, or close
    /// without opening, within a paragraph: `“` `”` `‘` `’` `《` `》` `（` `）` `【` `】` `「` `」`.
    ///
    /// A quotation running over several paragraphs opens each paragraph with `“` and closes
    /// only at its end; that is correct and not flagged.
    /// ## Why
    /// A missing closing mark leaves the reader unsure where a quotation or a title ends,
    /// and usually means words were lost in an edit.
    /// ## Example
    /// ```text,flagged
    /// 居民王秀英说：“改造后，小区变美了。
    /// ```
    /// ```text,clean
    /// 居民王秀英说：“改造后，小区变美了。”他们还参观了《平城区志》。
    /// ```
    /// ## Fix
    /// None: only the writer knows where the quotation ends.
    /// ## Standard
    /// GB/T 15834-2011《标点符号用法》4.8 引号、4.9 括号、4.15 书名号
    pub(crate) RULE = "punct/unpaired" { severity: Warning, fix: None }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    for unpaired in &cx.facts.pairs.unpaired {
        let message = if unpaired.is_open {
            format!("“{}”没有对应的“{}”", unpaired.mark, unpaired.partner)
        } else {
            format!("“{}”前面没有对应的“{}”", unpaired.mark, unpaired.partner)
        };
        acc.push(Diagnostic::new(&RULE, unpaired.span, message));
    }
}
