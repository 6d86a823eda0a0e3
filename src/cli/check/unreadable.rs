//! Files asked for and not checked. Each becomes a `file/unreadable` finding — or, for a
//! draft stored as mojibake, a `file/encoding` one —, rendered by the report like any
//! other, so that no format reads such a run as clean; the summary counts the file as
//! skipped. A file that could not be read is an I/O error as well, told
//! on stderr like a missing path, and fails the run. With the rule turned off in the
//! configuration, a note on stderr is all that says a file was skipped.

use std::io;

use super::Outcome;
use crate::config::LoadedConfig;
use crate::diagnostic::Diagnostic;
use crate::report::{CheckedFile, Report};
use crate::rules::file::{encoding, unreadable};
use crate::text::{DecodeError, Encoding, LineIndex, Misdecoded, Span, WordError};

/// Why a file was not checked.
pub(super) struct Skip {
    /// A clause in Chinese: what the file is, or what went wrong.
    reason: String,
    /// The text is mojibake (`file/encoding`), not a file that could not be read.
    misdecoded: Option<Misdecoded>,
    /// What `--fix` on stdin hands back: the input as it came.
    echo: Option<Vec<u8>>,
    /// Reading failed: the error for stderr, as for a missing path (exit status 2).
    io_error: Option<String>,
}

impl Skip {
    pub(super) fn io(err: &io::Error) -> Skip {
        let why = match err.kind() {
            io::ErrorKind::NotFound => "文件不存在".to_owned(),
            io::ErrorKind::PermissionDenied => "没有读取权限".to_owned(),
            _ => err.to_string(),
        };
        Skip {
            reason: format!("无法读取（{why}）"),
            io_error: Some(crate::cli::files::io_reason(err)),
            misdecoded: None,
            echo: None,
        }
    }

    pub(super) fn decode(err: &DecodeError) -> Skip {
        let reason = match err {
            DecodeError::Binary => {
                "不是文本文件（二进制内容，如图片、压缩包、文字处理软件的文件）".to_owned()
            }
            DecodeError::Undecodable { offset } => format!(
                "编码无法识别：不是 UTF-8、GB18030，也不是带字节序标记的 UTF-16\
                 （第 {offset} 字节起无效）；请另存为 UTF-8"
            ),
            DecodeError::BadUtf16 => {
                "以 UTF-16 的字节序标记开头，内容却不是有效的 UTF-16；请另存为 UTF-8".to_owned()
            }
        };
        Skip {
            reason,
            io_error: None,
            misdecoded: None,
            echo: None,
        }
    }

    /// A text an editor decoded wrongly and saved: reported as such, not checked, never
    /// fixed; `echo` is stdin's bytes, for `--fix` to hand back unchanged.
    pub(super) fn misdecoded(misdecoded: Misdecoded, echo: Option<Vec<u8>>) -> Skip {
        Skip {
            reason: String::new(),
            io_error: None,
            misdecoded: Some(misdecoded),
            echo,
        }
    }

    pub(super) fn word(err: &WordError) -> Skip {
        match err {
            WordError::Io(err) => Skip::io(err),
            other => Skip {
                reason: other.to_string(),
                io_error: None,
                misdecoded: None,
                echo: None,
            },
        }
    }

    /// A panic while checking the draft (`whole`) or one part of a large draft: a defect
    /// of jiaodui, not of the draft.
    pub(super) fn defect(panic: &(dyn std::any::Any + Send), whole: bool) -> Skip {
        let what = (panic.downcast_ref::<&str>().copied())
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("未知错误");
        let reason = if whole {
            format!("检查这篇稿件时 jiaodui 出错（{what}），稿件没有检查，也没有改动；请报告此问题")
        } else {
            format!("检查这篇稿件的一部分时 jiaodui 出错（{what}），这一部分没有检查；请报告此问题")
        };
        Skip {
            io_error: Some(reason.clone()),
            reason,
            misdecoded: None,
            echo: None,
        }
    }

    pub(super) fn old_word(extension: &str) -> Skip {
        let what = if extension == "wps" {
            "WPS 文字的旧格式"
        } else {
            "旧版 Word 格式（Word 97–2003）"
        };
        Skip {
            reason: format!(
                ".{extension} 是{what}，无法读取；请在 Word 或 WPS 中另存为 .docx 后再检查"
            ),
            io_error: None,
            misdecoded: None,
            echo: None,
        }
    }

    /// The finding that reports the file.
    fn finding(&self) -> Diagnostic {
        match &self.misdecoded {
            Some(misdecoded) => encoding::finding(misdecoded),
            None => unreadable::finding(&self.reason),
        }
    }
}

/// The outcome of a skipped file: its `file/unreadable` (or `file/encoding`) finding rendered
/// by `report`, at the severity the file's configuration gives the rule.
pub(super) fn outcome(
    path: String,
    config: &LoadedConfig,
    report: &dyn Report,
    skip: Skip,
) -> Outcome {
    let mut finding = skip.finding();
    let severity = match config.config.rules.get(finding.rule) {
        Some(level) => level.severity(),
        None => Some(finding.severity),
    };
    let mut outcome = Outcome {
        skipped: true,
        misdecoded: skip.misdecoded.is_some(),
        stdin_fixed: skip.echo,
        io_error: skip.io_error.is_some(),
        note: skip.io_error.map(|err| format!("{path}：{err}")),
        ..Outcome::default()
    };
    match severity {
        None if outcome.note.is_none() => {
            outcome.note = Some(format!("{path}：{}", finding.message))
        }
        None => {}
        Some(severity) => {
            finding.severity = severity;
            let findings = [finding];
            report.file(
                &CheckedFile {
                    path: &path,
                    text: "",
                    line_index: &LineIndex::new(""),
                    encoding: Encoding::Utf8,
                    part: Span::new(0, 0),
                    diagnostics: &findings,
                },
                &mut outcome.rendered,
            );
            outcome.tally.add(&findings);
        }
    }
    outcome.path = path;
    outcome
}
