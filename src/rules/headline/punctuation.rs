use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::BlockKind;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 标题末尾用了 `。` `，` `；` `：`（或它们的半角形式）。
    /// ## 为什么
    /// 标题末尾不用句末点号和句内点号；问号、叹号、引号和省略号在意思需要时可以用。
    /// ## 示例
    /// ```text,flagged
    /// 平城区推进老旧小区改造。
    ///
    /// 本报讯（记者 王海）近日，平城区启动老旧小区改造。
    /// ```
    /// ```text,clean
    /// 平城区推进老旧小区改造
    ///
    /// 本报讯（记者 王海）近日，平城区启动老旧小区改造。
    /// ```
    /// ## 修改
    /// 可自动修复：删去末尾的标点；`，，`、`。；` 这样连在一起的几个（包括中间的空格）一次删掉。
    /// ## 依据
    /// GB/T 15834-2011《标点符号用法》附录 A.1（标题末尾通常不用点号）
    pub(crate) RULE = "headline/punctuation" {
        severity: Warning,
        fix: Safe,
        checks: [
            Error: "标题末尾有句号、逗号等",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    for block in cx
        .draft
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Headline)
    {
        let headline = &cx.text[block.span.range()];
        // The whole run of closing marks at the end (`，，`, `。；`, `, ,`), so that one fix
        // leaves a headline the rule accepts.
        let mut run_start = headline.len();
        for (i, c) in headline.char_indices().rev() {
            if c.is_whitespace() {
                continue;
            }
            if !matches!(c, '。' | '，' | '；' | '：' | '.' | ',' | ';' | ':') {
                break;
            }
            // Ex) `1.` ends a numbered heading's number, not a sentence.
            if c == '.'
                && headline[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
            {
                break;
            }
            run_start = i;
        }
        if run_start == headline.len() {
            continue;
        }
        let last = &headline[run_start..];
        let span = Span::new(block.span.start + run_start as u32, block.span.end);
        let fix = Fix::safe(format!("删去“{last}”"), vec![Edit::delete(span)]);
        acc.push(Diagnostic::new(&RULE, span, format!("标题末尾不应使用“{last}”")).with_fix(fix));
    }
}
