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
    /// ## What it flags
    /// A file that was asked for — named on the command line, or matched by
    /// `[files] include` — and not checked: not text (an image, an archive), in no encoding
    /// jiaodui reads (UTF-8, GB18030, UTF-16 with a byte-order mark), unreadable (no
    /// permission), a damaged or password-protected Word document, or a Word or WPS file in
    /// an old binary format (`.doc`, `.wps`), which has to be saved as `.docx` first.
    ///
    /// The finding is at the start of the file (line 1, column 1) and says why the file was
    /// skipped.
    /// ## Why
    /// A run that skips a draft and reports nothing tells the copy desk the draft is clean.
    /// As a warning the finding fails a run with `--deny warnings`, in CI as at the desk,
    /// and the summary counts the file as skipped, never as checked.
    /// ## Example
    /// A Word 97–2003 document among the drafts:
    /// ```text
    /// $ jiaodui check drafts/
    /// drafts/0314-要闻.doc:1:1: 警告[file/unreadable] 文件未检查：.doc 是旧版 Word 格式（Word 97–2003），无法读取；请在 Word 或 WPS 中另存为 .docx 后再检查
    /// ```
    /// The same draft saved as `.docx` is read and checked.
    /// ## Fix
    /// None: save the file as `.docx`, UTF-8 or GB18030 text, remove its password, or
    /// take it out of `[files] include`.
    /// ## Standard
    /// 《报纸期刊质量管理规定》(2020) counts errors over everything printed: a draft that was
    /// not read was not proofread.
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
