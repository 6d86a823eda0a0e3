//! `file/encoding`: a draft an editor decoded wrongly and saved, or shows, as mojibake.
//!
//! The rule never runs on a draft's text: both faces ask [`crate::text::misdecoded`] before
//! checking, and report such a text with this rule's finding instead of checking it — the
//! command line through [`finding`], the language server with [`editor_message`].

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::text::{Misdecoded, Span};

declare_rule! {
    /// ## 查什么
    /// 编码读错的稿件：GB18030 编码的稿件被编辑器当作 Latin-1 打开，汉字变成成对的西文字母（如 `ÉçÇø¾Ù°ì¶ÁÊé»á`），或被当作 UTF-8 打开，汉字变成替换字符 `�`。这样的稿件不检查，只报告这一条，并尽量给出原文的第一行。
    ///
    /// 命令行的提示位于文件开头（第 1 行第 1 列）；编辑器里标在第一行上，并说明如何以 GB18030 编码重新打开。正确解码的 GB18030 稿件、夹有少量带重音字母的人名的稿件、法文德文等西文稿件都不算。
    /// ## 为什么
    /// 乱码里没有汉字，其他规则什么也查不出，这份稿件看起来就像没有差错；把乱码当作干净的稿件放过，比不检查更糟。这条提示是错误级别，检查因此失败。
    /// ## 示例
    /// 一份 GB18030 稿件在编辑器里按 Latin-1 打开后又存了盘：
    /// ```text
    /// $ jiaodui check 0314-社区.txt
    /// 0314-社区.txt:1:1: 错误[file/encoding] 文件未检查：本稿是乱码，疑为 GB18030 编码的稿件被按 Latin-1 解码后存盘（原文应为“社区举办读书会”）……
    /// ```
    /// ## 修改
    /// 无：找回原稿；或在编辑器中以 GB18030 编码重新打开原稿（VS Code：点击右下角状态栏的编码，选“通过编码重新打开”，再选 Simplified Chinese (GB18030)；Neovim：`:e ++enc=gb18030`），另存为 UTF-8 后再检查。`--fix` 不改动这样的文件。
    /// ## 依据
    /// 《报纸期刊质量管理规定》(2020) 按全部刊印内容计算差错：读不出原文的稿件，就是没有校对过的稿件。
    pub(crate) RULE = "file/encoding" {
        severity: Error,
        fix: None,
        checks: [Error: "稿件编码读错成乱码"],
    }
}

/// How to reopen a draft in the editor with the right encoding.
const REOPEN: &str = "请以 GB18030 编码重新打开：VS Code 点击右下角状态栏的编码，选“通过编码\
    重新打开”，再选 Simplified Chinese (GB18030)；Neovim 执行 :e ++enc=gb18030。";

/// Texts are checked only when they are not mojibake: nothing to check in a draft's text.
pub(crate) fn check(_cx: &Context<'_>, _acc: &mut Vec<Diagnostic>) {}

/// The command line's finding for a file stored as mojibake, at its start.
pub(crate) fn finding(misdecoded: &Misdecoded) -> Diagnostic {
    const RECOVER: &str =
        "请找回原稿，或在编辑器中以 GB18030 编码重新打开原稿，另存为 UTF-8 后再检查";
    let what = match misdecoded {
        Misdecoded::Lost => "本稿有大量替换字符 �，汉字已经丢失，疑为 GB18030 编码的稿件被按 \
             UTF-8 打开后存盘"
            .to_owned(),
        Misdecoded::Latin1 { sample } => format!(
            "本稿是乱码，疑为 GB18030 编码的稿件被按 Latin-1 解码后存盘（原文应为“{sample}”）"
        ),
    };
    Diagnostic::new(
        &RULE,
        Span::new(0, 0),
        format!("文件未检查：{what}；{RECOVER}"),
    )
}

/// What the language server says of a document the editor decoded wrongly.
pub(crate) fn editor_message(misdecoded: &Misdecoded) -> String {
    match misdecoded {
        Misdecoded::Lost => format!(
            "本稿不是 UTF-8 文本，编辑器解码时丢了字（显示为 �），疑为 GB18030 编码的稿件，未作检查。{REOPEN}"
        ),
        Misdecoded::Latin1 { sample } => format!(
            "本稿疑为 GB18030 编码，编辑器却按 Latin-1 解码，显示为乱码（原文应为“{sample}”），未作检查。{REOPEN}"
        ),
    }
}
