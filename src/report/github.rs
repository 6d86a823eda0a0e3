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
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;

/// GitHub's per-step limit for annotations of one level.
pub const ANNOTATIONS_PER_LEVEL: usize = 10;

pub struct Github {
    /// The job summary file to append a Markdown summary to (`$GITHUB_STEP_SUMMARY`).
    pub step_summary: Option<PathBuf>,
}

impl Report for Github {
    fn file(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>) {
        let mut path = Vec::new();
        escape(&mut path, &github_path(file.path), true);
        out.reserve(file.diagnostics.len() * 200);
        for diagnostic in file.diagnostics {
            annotation(file, &path, diagnostic, out);
        }
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
        md.push_str(summary.nothing_found());
    } else {
        let _ = write!(
            md,
            "：发现 **{findings}** 处问题（{}），其中 {} 处可自动修复。",
            summary.by_severity_text(),
            summary.fixable,
        );
    }
    for sentence in summary.incomplete() {
        let _ = write!(md, "\n\n{sentence}");
    }
    md.push('\n');
    if findings == 0 {
        return md;
    }
    md.push('\n');
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

/// One workflow command: the finding's message with its note and fixes, escaped as the
/// runner expects and written piece by piece, with no message built first.
fn annotation(file: &CheckedFile<'_>, path: &[u8], diagnostic: &Diagnostic, out: &mut Vec<u8>) {
    // Writing to memory cannot fail.
    let start = file.position(diagnostic.span.start);
    let end = file.position(diagnostic.span.end);
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let _ = write!(out, "::{command} file=");
    out.extend_from_slice(path);
    let _ = write!(
        out,
        ",line={},col={},endLine={},endColumn={},title=",
        start.line, start.col, end.line, end.col,
    );
    escape(out, diagnostic.rule, true);
    out.extend_from_slice(b"::");
    escape(out, &diagnostic.message, false);
    if let Some(note) = &diagnostic.note {
        out.extend_from_slice("%0A说明：".as_bytes());
        escape(out, note, false);
    }
    for fix in &diagnostic.fixes {
        let how = match fix.applicability {
            Applicability::Safe => "可自动修复",
            Applicability::Suggested => "建议",
        };
        let _ = write!(out, "%0A修复（{how}）：");
        escape(out, &fix.title, false);
    }
    out.push(b'\n');
}

/// Appends `text` escaped as a command's message (actions/toolkit `escapeData`: `%`, CR and
/// LF) or, with `property`, as a command property (`escapeProperty`: also `:` and `,`).
fn escape(out: &mut Vec<u8>, text: &str, property: bool) {
    let mut rest = text.as_bytes();
    while let Some(i) = rest
        .iter()
        .position(|&b| matches!(b, b'%' | b'\r' | b'\n') || property && matches!(b, b':' | b','))
    {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(match rest[i] {
            b'%' => b"%25",
            b'\r' => b"%0D",
            b'\n' => b"%0A",
            b':' => b"%3A",
            _ => b"%2C",
        });
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping() {
        let escaped = |text: &str, property: bool| {
            let mut out = Vec::new();
            escape(&mut out, text, property);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(escaped("50%\r\n二行", false), "50%25%0D%0A二行");
        assert_eq!(escaped("a,b:c.txt", false), "a,b:c.txt");
        assert_eq!(escaped("a,b:c%.txt", true), "a%2Cb%3Ac%25.txt");
        assert_eq!(github_path(".\\稿件\\a.txt"), "稿件/a.txt");
    }
}
