//! `file/unreadable`: a file that was asked for and could not be checked.
//!
//! The rule never runs on a draft — a draft it could run on was read. The command line
//! reports it, through [`finding`], for each file it was asked to check (named, or matched
//! by `[files] include`) and skipped, so that a run with such a file never reads as clean.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 要求检查、却没有检查的文件——命令行里点了名，或与 `[files] include` 相符：不是文本（图片、压缩包），编码 jiaodui 读不了（能读的是 UTF-8、GB18030、带字节序标记的 UTF-16），无法读取（没有权限），Word 文档已损坏或设了密码，或者是旧的二进制格式的 Word、WPS 文件（`.doc`、`.wps`），要先另存为 `.docx`。
    ///
    /// 提示位于文件开头（第 1 行第 1 列），说明跳过这个文件的原因。
    /// ## 为什么
    /// 跳过一份稿件却什么也不说，等于告诉校对这份稿件没有问题。这条提示是警告级别，加了 `--deny warnings` 时会让这次检查失败，在持续集成和编辑部都一样；汇总里这个文件算作“已跳过”，绝不算“已检查”。
    /// ## 示例
    /// 稿件中有一份 Word 97–2003 文档：
    /// ```text
    /// $ jiaodui check drafts/
    /// drafts/0314-要闻.doc:1:1: 警告[file/unreadable] 文件未检查：.doc 是旧版 Word 格式（Word 97–2003），无法读取；请在 Word 或 WPS 中另存为 .docx 后再检查
    /// ```
    /// 同一份稿件另存为 `.docx` 后，就能读取和检查。
    /// ## 修改
    /// 无：把文件另存为 `.docx`、UTF-8 或 GB18030 文本，去掉密码，或把它从 `[files] include` 中去掉。
    /// ## 依据
    /// 《报纸期刊质量管理规定》(2020) 按全部刊印内容计算差错：没有读过的稿件，就是没有校对过的稿件。
    pub(crate) RULE = "file/unreadable" {
        severity: Warning,
        fix: None,
        checks: [Error: "要求检查的文件没有读取"],
    }
}

/// Files are not drafts: nothing to check in a draft's text.
pub(crate) fn check(_cx: &Context<'_>, _acc: &mut Vec<Diagnostic>) {}

/// The finding for a file skipped for `reason` (a clause in Chinese), at its start.
pub(crate) fn finding(reason: &str) -> Diagnostic {
    Diagnostic::new(&RULE, Span::new(0, 0), format!("文件未检查：{reason}"))
}
