//! `--format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the changed lines of a pull request:
//!
//! ```text
//! ::warning file=drafts/a.txt,line=3,col=9,endLine=3,endColumn=10,title=punct/halfwidth::半角标点……
//! ```
//!
//! GitHub shows at most 10 annotations of each level per step (and 50 per job) and drops the
//! rest silently, so the annotations cannot carry the totals. The summary is therefore
//! written as plain log lines after them (the human report's summary) and, when the step has
//! a job summary file (`GITHUB_STEP_SUMMARY`), as a Markdown table there, which no
//! annotation limit cuts off.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use super::human::format_rate;
use super::{CheckedFile, Human, Report, Summary};
use crate::diagnostic::Severity;
use crate::fix::Applicability;

/// GitHub's per-step limit for annotations of one level.
pub const ANNOTATIONS_PER_LEVEL: usize = 10;

pub struct Github {
    /// The job summary file to append a Markdown summary to (`$GITHUB_STEP_SUMMARY`).
    pub step_summary: Option<PathBuf>,
}

impl Report for Github {
    fn file(&self, file: &CheckedFile<'_>) -> String {
        let path = escape_property(&github_path(file.path));
        let mut out = String::new();
        for diagnostic in file.diagnostics {
            let start = file.position(diagnostic.span.start);
            let end = file.position(diagnostic.span.end);
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = diagnostic.message.clone();
            if let Some(note) = &diagnostic.note {
                let _ = write!(message, "\n说明：{note}");
            }
            for fix in &diagnostic.fixes {
                let how = match fix.applicability {
                    Applicability::Safe => "可自动修复",
                    Applicability::Suggested => "建议",
                };
                let _ = write!(message, "\n修复（{how}）：{}", fix.title);
            }
            let _ = writeln!(
                out,
                "::{command} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                start.line,
                start.col,
                end.line,
                end.col,
                escape_property(diagnostic.rule),
                escape_data(&message),
            );
        }
        out
    }

    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        Human { color: false }.end(summary, out)?;
        let capped = [Severity::Error, Severity::Warning, Severity::Info]
            .iter()
            .any(|&severity| summary.count(severity) > ANNOTATIONS_PER_LEVEL);
        if capped {
            writeln!(
                out,
                "GitHub 每个步骤每种级别最多显示 {ANNOTATIONS_PER_LEVEL} 条注释：全部 {} 处问题见以上日志。",
                summary.findings()
            )?;
        }
        if let Some(path) = &self.step_summary {
            let appended = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(path)
                .and_then(|mut file| file.write_all(step_summary(summary).as_bytes()));
            if let Err(err) = appended {
                eprintln!(
                    "jiaodui: cannot write the job summary {}: {err}",
                    path.display()
                );
            }
        }
        Ok(())
    }
}

/// The Markdown job summary: totals, findings by rule, and files over the error rate.
pub fn step_summary(summary: &Summary) -> String {
    let mut md = String::from("### jiaodui 校对\n\n");
    let _ = write!(md, "检查了 {} 个文件，{} 字", summary.files, summary.chars);
    if summary.skipped > 0 {
        let _ = write!(md, "（跳过 {} 个）", summary.skipped);
    }
    let findings = summary.findings();
    if findings == 0 {
        md.push_str("：没有发现问题。\n");
        return md;
    }
    let _ = writeln!(
        md,
        "：发现 **{findings}** 处问题（错误 {}，警告 {}，提示 {}），其中 {} 处可自动修复。\n",
        summary.count(Severity::Error),
        summary.count(Severity::Warning),
        summary.count(Severity::Info),
        summary.fixable,
    );
    md.push_str("| 规则 | 处 |\n|---|---:|\n");
    for (rule, n) in &summary.by_rule {
        let _ = writeln!(md, "| `{rule}` | {n} |");
    }
    if !summary.over_rate.is_empty() {
        let _ = writeln!(
            md,
            "\n差错率超过万分之{}的文件（错误与警告／每万字）：\n\n| 文件 | 差错率 |\n|---|---:|",
            format_rate(summary.rate_threshold)
        );
        for (path, rate) in &summary.over_rate {
            let _ = writeln!(md, "| `{path}` | {}/万 |", format_rate(*rate));
        }
    }
    md
}

/// Paths as GitHub matches them against the repository: `/` separators, no leading `./`.
fn github_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").map(str::to_owned).unwrap_or(path)
}

/// Escapes a command's message (actions/toolkit `escapeData`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property (actions/toolkit `escapeProperty`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(escape_data("50%\n二行"), "50%25%0A二行");
        assert_eq!(escape_property("a,b:c.txt"), "a%2Cb%3Ac.txt");
        assert_eq!(github_path(".\\稿件\\a.txt"), "稿件/a.txt");
    }
}
