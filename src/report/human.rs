//! `--format human`: each finding with its position, rule and message, the source line with
//! a marker under the flagged text (aligned for double-width characters), then a summary.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::{CheckedFile, Positions, Report, Summary};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::fix::Applicability;

pub struct Human {
    pub color: bool,
}

impl Human {
    /// Writes `text`, in colour when colour is on.
    fn paint(&self, out: &mut Vec<u8>, text: &str, code: &str) {
        if self.color {
            let _ = write!(out, "\x1b[{code}m{text}\x1b[0m");
        } else {
            out.extend_from_slice(text.as_bytes());
        }
    }

    fn severity(&self, out: &mut Vec<u8>, severity: Severity) {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(out, severity.label_zh(), code);
    }
}

impl Report for Human {
    fn file(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>) {
        // About what a finding takes, so the buffer seldom grows.
        out.reserve(file.diagnostics.len() * 320);
        let mut positions = file.positions();
        for diagnostic in file.diagnostics {
            self.finding(file, &mut positions, diagnostic, out);
        }
    }

    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        let findings = summary.findings();
        write!(out, "检查了 {} 个文件，{} 字", summary.files, summary.chars)?;
        if summary.skipped > 0 {
            write!(out, "（跳过 {} 个）", summary.skipped)?;
        }
        if findings == 0 {
            writeln!(out, "{}", summary.nothing_found())?;
        } else {
            writeln!(
                out,
                "：发现 {findings} 处问题（{}）。",
                summary.by_severity_text(),
            )?;
            let by_rule: Vec<String> = summary
                .by_rule
                .iter()
                .map(|(rule, n)| format!("{rule} {n}"))
                .collect();
            writeln!(out, "按规则：{}", by_rule.join("，"))?;
        }
        for sentence in summary.incomplete() {
            writeln!(out, "{sentence}")?;
        }
        for (files, encoding) in [
            (summary.gb18030_files, "GB18030"),
            (summary.utf16_files, "UTF-16"),
        ] {
            if files > 0 {
                writeln!(
                    out,
                    "其中 {files} 个文件为 {encoding} 编码（修复时按原编码写回）。"
                )?;
            }
        }
        if summary.word_files > 0 {
            writeln!(
                out,
                "其中 {} 个 Word 文档（.docx）：行号即段落序号。",
                summary.word_files
            )?;
        }
        if summary.word_untouched > 0 {
            writeln!(
                out,
                "{} 个 Word 文档未改写：修复只用于文本文件，请在 Word 中修改。",
                summary.word_untouched
            )?;
        }
        if summary.fixed > 0 {
            writeln!(
                out,
                "已自动修复 {} 处，改写 {} 个文件。",
                summary.fixed, summary.files_fixed
            )?;
        }
        if summary.fixable > 0 {
            writeln!(
                out,
                "其中 {} 处可自动修复：运行 jiaodui check --fix。",
                summary.fixable
            )?;
        }
        if !summary.over_rate.is_empty() {
            writeln!(
                out,
                "差错率超过万分之{}的文件（错误与警告／每万字）：",
                format_rate(summary.rate_threshold)
            )?;
            for (path, rate) in &summary.over_rate {
                writeln!(out, "  {path}  {}/万", format_rate(*rate))?;
            }
        }
        Ok(())
    }
}

impl Human {
    /// One finding: position, severity, rule and message, the source excerpt, then the
    /// note, related places and fixes.
    fn finding(
        &self,
        file: &CheckedFile<'_>,
        positions: &mut Positions<'_>,
        diagnostic: &Diagnostic,
        out: &mut Vec<u8>,
    ) {
        // Writing to memory cannot fail.
        let start = positions.at(diagnostic.span.start);
        self.paint(out, file.path, "1");
        let mut digits = itoa::Buffer::new();
        out.push(b':');
        out.extend_from_slice(digits.format(start.line).as_bytes());
        out.push(b':');
        out.extend_from_slice(digits.format(start.col).as_bytes());
        out.extend_from_slice(b": ");
        self.severity(out, diagnostic.severity);
        // A departure from the house style says so: it is a choice, not a mistake.
        let kind = match diagnostic.kind {
            Kind::Style => "（体例）",
            Kind::Error => "",
        };
        for part in [
            b"[",
            diagnostic.rule.as_bytes(),
            b"]",
            kind.as_bytes(),
            b" ",
        ] {
            out.extend_from_slice(part);
        }
        out.extend_from_slice(diagnostic.message.as_bytes());
        out.push(b'\n');
        // A file that was not read has no text to show under its finding.
        if !file.text.is_empty() {
            self.source_excerpt(file, diagnostic.span, out);
        }
        if let Some(note) = &diagnostic.note {
            let _ = writeln!(out, "     = 说明：{note}");
        }
        for related in &diagnostic.related {
            let at = file.position(related.span.start);
            let text = file.text.get(related.span.range()).unwrap_or("");
            let quoted = format!("“{text}”");
            // Ex) a message that quotes the text already: `“河北省”写在这里`.
            let (text, gap) = match related.message.contains(&quoted) {
                true => ("", ""),
                false => (quoted.as_str(), " "),
            };
            let _ = writeln!(
                out,
                "     = 另见 {}:{}：{text}{gap}{}",
                at.line, at.col, related.message
            );
        }
        for fix in &diagnostic.fixes {
            let how = match fix.applicability {
                Applicability::Safe => "可自动修复",
                Applicability::Suggested => "建议",
            };
            let _ = writeln!(out, "     = 修复（{how}）：{}", fix.title);
        }
        out.push(b'\n');
    }

    /// The line holding the start of `span`, with `^` under the flagged text. Widths are
    /// display columns, so the marker stays under CJK text.
    fn source_excerpt(&self, file: &CheckedFile<'_>, span: crate::text::Span, out: &mut Vec<u8>) {
        let line = file.line_index.line_of(span.start);
        let line_start = file.line_index.line_start(line).unwrap_or(0) as usize;
        let line_text = file.line_index.line_text(file.text, line);
        let start = (span.start as usize - line_start).min(line_text.len());
        let end = (span.end as usize)
            .saturating_sub(line_start)
            .clamp(start, line_text.len());
        // Long lines (a whole page pasted on one line) show a window around the finding.
        let from = char_boundary_before(line_text, start, EXCERPT_CONTEXT);
        let to = char_boundary_after(line_text, end, EXCERPT_CONTEXT);
        let (Some(before), Some(marked), Some(after)) = (
            line_text.get(from..start),
            line_text.get(start..end),
            line_text.get(end..to),
        ) else {
            return;
        };
        let (open, close) = (
            if from > 0 { "…" } else { "" },
            if to < line_text.len() { "…" } else { "" },
        );
        // Written straight into `out`: a page has a finding every few lines.
        let number = line + 1;
        let mut digits = itoa::Buffer::new();
        let digits = digits.format(number);
        let gutter = digits.len().max(3);
        spaces(out, gutter);
        out.extend_from_slice(b" |\n");
        spaces(out, gutter - digits.len());
        out.extend_from_slice(digits.as_bytes());
        out.extend_from_slice(b" | ");
        for part in [open, before, marked, after, close] {
            push_untabbed(out, part);
        }
        out.push(b'\n');
        // Tabs are shown as one space each.
        let pad = open.width() + untabbed_width(before);
        let width = marked.width();
        spaces(out, gutter);
        out.extend_from_slice(b" | ");
        spaces(out, pad);
        if self.color {
            out.extend_from_slice(b"\x1b[1;31m");
        }
        out.extend(std::iter::repeat_n(b'^', width.max(1)));
        if self.color {
            out.extend_from_slice(b"\x1b[0m");
        }
        out.push(b'\n');
    }
}

/// Appends `n` spaces. (Padding through `write!` goes a character at a time.)
fn spaces(out: &mut Vec<u8>, n: usize) {
    out.resize(out.len() + n, b' ');
}

/// The display width of `text` with each tab shown as a space.
fn untabbed_width(text: &str) -> usize {
    text.split('\t').map(|part| part.width() + 1).sum::<usize>() - 1
}

/// Appends `text` with each tab shown as a space.
fn push_untabbed(out: &mut Vec<u8>, text: &str) {
    let mut parts = text.split('\t');
    out.extend_from_slice(parts.next().unwrap_or_default().as_bytes());
    for part in parts {
        out.push(b' ');
        out.extend_from_slice(part.as_bytes());
    }
}

/// Characters of context shown on each side of a finding in a long line.
const EXCERPT_CONTEXT: usize = 40;

fn char_boundary_before(text: &str, offset: usize, chars: usize) -> usize {
    text[..offset]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

fn char_boundary_after(text: &str, offset: usize, chars: usize) -> usize {
    text[offset..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| offset + i)
}

pub(super) fn format_rate(rate: f64) -> String {
    let text = format!("{rate:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}
