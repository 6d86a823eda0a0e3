use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 同一段里只有前半、没有后半（或只有后半）的引号、书名号和括号：`“` `”` `‘` `’` `《` `》` `（` `）` `【` `】` `「` `」`。
    ///
    /// 引文跨几段时，每段开头用 `“`，只在引文末尾用 `”`；引用的条文逐项以 `“` 开头、最后才收引号（`“（一）……；“（二）……。”`）：这两种都是对的，不报。一段在句中断开、标号在下一段才收（括号或对联排成两行），以及 `’97`、`McDonald’s` 里的撇号，也不报。
    /// ## 为什么
    /// 缺了后半，读者不知道引文或书名到哪里结束；这通常还说明修改时丢了字。
    /// ## 示例
    /// ```text,flagged
    /// 居民王秀英说：“改造后，小区变美了。
    /// ```
    /// ```text,clean
    /// 居民王秀英说：“改造后，小区变美了。”他们还参观了《平城区志》。
    /// ```
    /// ## 修改
    /// 不给修改：引文在哪里结束，只有作者知道。
    /// ## 依据
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
