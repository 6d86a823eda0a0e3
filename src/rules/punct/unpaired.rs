use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// Quotation marks, book-title marks and brackets that open without closing, or close
    /// without opening, within a paragraph: `“` `”` `‘` `’` `《` `》` `（` `）` `【` `】` `「` `」`.
    ///
    /// A quotation running over several paragraphs opens each paragraph with `“` and closes
    /// only at its end, and each item of a quoted list (`“（一）……；“（二）……。”`) opens with
    /// `“` and the quotation closes once: both are correct and not flagged. Nor is a mark
    /// left open in a block that stops mid-sentence and closed in the next (a bracket or a
    /// couplet printed over two lines), or the apostrophe of `’97`.
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
    pub(crate) RULE = "punct/unpaired" {
        severity: Warning,
        fix: None,
        checks: [
            Error: "引号、括号、书名号不成对",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    for unpaired in &cx.facts.pairs.unpaired {
        let (kind, open_name, close_name) = names(unpaired.mark);
        let message = if unpaired.is_open {
            format!("{kind}不成对：缺少{close_name}")
        } else {
            format!("{kind}不成对：缺少{open_name}")
        };
        acc.push(Diagnostic::new(&RULE, unpaired.span, message));
    }
}

/// What a mark is called: the pair's name, then the opening and the closing half.
fn names(mark: char) -> (&'static str, &'static str, &'static str) {
    match mark {
        '“' | '”' | '‘' | '’' | '「' | '」' => ("引号", "前引号", "后引号"),
        '《' | '》' => ("书名号", "前书名号", "后书名号"),
        _ => ("括号", "前括号", "后括号"),
    }
}
