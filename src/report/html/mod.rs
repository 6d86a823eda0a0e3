//! `--format html`: one self-contained page for the copy desk — each draft as its text, cut
//! into rows by article, every finding marked in place (its message, note and fixes on hover
//! or click), beside each article its findings by rule and its 差错率, the file's 差错率 and the
//! run's totals. No network and no external assets: the style sheet and the script are part
//! of the page. Filters by rule, severity and kind; printable.
//!
//! The page streams like every format: the head first, then each file (or each part of a
//! large file) as it is checked — its text escaped and its findings marked, laid out by
//! [`layout`] — then the totals, which the style sheet shows at the top.
//!
//! Every finding's element carries `data-rule`, `data-severity`, `data-kind` and
//! `data-span="start-end"` (its byte span, as in `--format json`), and holds the finding's
//! text; one that crosses another is split in two fragments (the second of class `cont`)
//! whose texts together are its text.

mod layout;
/// Whether a rate keeps to the limit, in words: the colour of the figure is lost in print.
fn against_limit(rate: f64, limit: f64) -> String {
    let verdict = if rate > limit { "超过" } else { "未超过" };
    format!("{verdict}万分之{}的标准", format_rate(limit))
}

#[cfg(test)]
mod tests;

use std::io::Write;
use std::path::Path;

use super::human::format_rate;
use super::summary::{count_chars, error_rate};
use super::{CheckedFile, FileTally, Report, Summary, STANDARD_ERROR_RATE};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::document::{self, BlockKind, Draft, DraftKind};
use crate::fix::Applicability;
use crate::rules::file::{encoding, unreadable};
use crate::text::Span;
use layout::{escape_attr, escape_text, lay_out, Element, Layer, Settler, Tags};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// Characters of a finding's text quoted in the side list.
const QUOTE_CHARS: usize = 24;

pub struct Html {
    /// The 差错率 a file or an article must stay under.
    pub rate_threshold: f64,
}

impl Html {
    pub fn new(max_error_rate: Option<f64>) -> Html {
        Html {
            rate_threshold: max_error_rate.unwrap_or(STANDARD_ERROR_RATE),
        }
    }
}

impl Report for Html {
    fn begin(&self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"jiaodui {}\">\n\
             <title>校对报告</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
             <header id=\"bar\"><h1>校对报告</h1><div id=\"filters\"></div></header>\n<main>\n",
            env!("CARGO_PKG_VERSION")
        )
    }

    fn file(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>) {
        out.reserve(file.part.range().len() * 11 / 10 + file.diagnostics.len() * 600);
        if is_skipped(file) {
            return self.skipped(file, out);
        }
        if file.is_first_part() {
            out.extend_from_slice(b"<section class=\"file\" data-path=\"");
            escape_attr(out, file.path);
            out.extend_from_slice(b"\">\n<h2>");
            escape_text(out, file.path);
            if !matches!(
                file.encoding,
                crate::text::Encoding::Utf8 | crate::text::Encoding::Utf8Bom
            ) {
                let _ = write!(out, " <small>{} 编码</small>", file.encoding);
            }
            out.extend_from_slice(b"</h2>\n");
        }
        Page::new(self, file).write(out);
    }

    fn file_end(&self, _path: &str, tally: &FileTally, out: &mut dyn Write) -> std::io::Result<()> {
        let rate = tally.error_rate();
        let over = if rate > self.rate_threshold {
            " over"
        } else {
            ""
        };
        write!(out, "<p class=\"file-stats{over}\">全文 {} 字", tally.chars)?;
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            write!(out, " · {} {}", severity.label_zh(), tally.count(severity))?;
        }
        writeln!(
            out,
            " · 差错率 <b>{}</b>/万（{}）</p>\n</section>",
            format_rate(rate),
            against_limit(rate, self.rate_threshold)
        )
    }

    fn end(&self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        let mut page = Vec::new();
        self.summary(summary, &mut page);
        out.write_all(b"</main>\n")?;
        out.write_all(&page)?;
        write!(out, "<script>\n{JS}</script>\n</body>\n</html>\n")
    }
}

/// A file asked for and not checked: no text, only its `file/unreadable` (or, for mojibake,
/// `file/encoding`) finding.
fn is_skipped(file: &CheckedFile<'_>) -> bool {
    file.text.is_empty()
        && !file.diagnostics.is_empty()
        && (file.diagnostics.iter())
            .all(|d| d.rule == unreadable::RULE.id || d.rule == encoding::RULE.id)
}

impl Html {
    fn skipped(&self, file: &CheckedFile<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"<section class=\"file skipped\" data-path=\"");
        escape_attr(out, file.path);
        out.extend_from_slice(b"\">\n<h2>");
        escape_text(out, file.path);
        out.extend_from_slice(b"</h2>\n<aside class=\"side\"><ol>");
        for (i, diagnostic) in file.diagnostics.iter().enumerate() {
            side_entry(file, i, diagnostic, out);
        }
        out.extend_from_slice(b"</ol></aside>\n</section>\n");
    }

    /// The run's totals, shown at the top of the page.
    fn summary(&self, summary: &Summary, out: &mut Vec<u8>) {
        let findings = summary.findings();
        let _ = write!(
            out,
            "<footer id=\"summary\">\n<p>检查了 {} 个文件，{} 字",
            summary.files, summary.chars
        );
        if summary.skipped > 0 {
            let _ = write!(out, "（跳过 {} 个）", summary.skipped);
        }
        if findings == 0 {
            out.extend_from_slice(summary.nothing_found().as_bytes());
        } else {
            let _ = write!(
                out,
                "：发现 {findings} 处问题（{}）。",
                summary.by_severity_text(),
            );
        }
        let counted = summary.count(Severity::Error) + summary.count(Severity::Warning);
        let rate = error_rate(summary.chars, counted);
        let over = if rate > self.rate_threshold {
            " over"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            " 总差错率 <b class=\"rate{over}\">{}</b>/万（错误与警告／每万字，{}）。</p>",
            format_rate(rate),
            against_limit(rate, summary.rate_threshold)
        );
        if !summary.by_rule.is_empty() {
            out.extend_from_slice("<p>按规则：".as_bytes());
            for (i, (rule, n)) in summary.by_rule.iter().enumerate() {
                let comma = if i > 0 { "，" } else { "" };
                let _ = write!(out, "{comma}<code>{rule}</code> {n}");
            }
            out.extend_from_slice(b"</p>\n");
        }
        for sentence in summary.incomplete() {
            let _ = writeln!(out, "<p class=\"over\">{sentence}</p>");
        }
        if summary.fixable > 0 {
            let _ = writeln!(
                out,
                "<p>其中 {} 处可自动修复：运行 <code>jiaodui check --fix</code>。</p>",
                summary.fixable
            );
        }
        self.over_rate(summary, out);
        out.extend_from_slice(b"</footer>\n");
    }

    fn over_rate(&self, summary: &Summary, out: &mut Vec<u8>) {
        if summary.over_rate.is_empty() {
            return;
        }
        let _ = write!(
            out,
            "<p>差错率超过万分之{}的文件：</p>\n<ul class=\"over-rate\">",
            format_rate(summary.rate_threshold)
        );
        for (path, rate) in &summary.over_rate {
            out.extend_from_slice(b"<li>");
            escape_text(out, path);
            let _ = write!(out, " <b>{}</b>/万</li>", format_rate(*rate));
        }
        out.extend_from_slice(b"</ul>\n");
    }
}

/// One part of a checked file, laid out: its draft model, its findings in order of start,
/// and the rows it is cut into.
struct Page<'a> {
    html: &'a Html,
    file: &'a CheckedFile<'a>,
    draft: Draft,
    /// Indices into `file.diagnostics`, by start, of the findings marked in the text.
    order: Vec<usize>,
    settler: Settler,
}

impl<'a> Page<'a> {
    fn new(html: &'a Html, file: &'a CheckedFile<'a>) -> Page<'a> {
        let local = file.text.get(file.part.range()).unwrap_or("");
        let draft = if file.path.to_ascii_lowercase().ends_with(".docx") {
            document::parse_paragraphs(local, &[])
        } else {
            document::parse(local, DraftKind::from_path(Some(Path::new(file.path))))
        };
        let part = file.part;
        let mut order: Vec<usize> = (0..file.diagnostics.len())
            .filter(|&i| {
                let span = file.diagnostics[i].span;
                part.start <= span.start
                    && span.end <= part.end
                    && file.text.is_char_boundary(span.start as usize)
                    && file.text.is_char_boundary(span.end as usize)
            })
            .collect();
        order.sort_by_key(|&i| file.diagnostics[i].span.start);
        let settler = Settler::new(order.iter().map(|&i| file.diagnostics[i].span));
        Page {
            html,
            file,
            draft,
            order,
            settler,
        }
    }

    /// The rows: from each article's start (moved out of any finding it would cut) to the
    /// next, and what comes before the first article; each with its article.
    fn rows(&self) -> Vec<(Span, Option<usize>)> {
        let part = self.file.part;
        let mut cuts: Vec<(u32, Option<usize>)> = vec![(part.start, None)];
        for (i, article) in self.draft.articles.iter().enumerate() {
            let at = self
                .settler
                .settle(line_start(
                    self.file.text,
                    part,
                    part.start + article.span.start,
                ))
                .min(part.end);
            match cuts.last_mut() {
                Some(last) if at == last.0 && last.1.is_none() => last.1 = Some(i),
                Some(last) if at <= last.0 => {}
                _ => cuts.push((at, Some(i))),
            }
        }
        let ends = cuts.iter().skip(1).map(|c| c.0).chain([part.end]);
        cuts.iter()
            .zip(ends)
            .map(|(&(start, article), end)| (Span::new(start, end), article))
            .collect()
    }

    fn write(&self, out: &mut Vec<u8>) {
        let rows = self.rows();
        let mut next = 0;
        let last = rows.len().saturating_sub(1);
        for (i, &(span, article)) in rows.iter().enumerate() {
            // A finding belongs to the row it starts in; one empty at the part's end to the last.
            let from = next;
            while next < self.order.len() {
                let start = self.file.diagnostics[self.order[next]].span.start;
                if start < span.end || (i == last && start <= span.end) {
                    next += 1;
                } else {
                    break;
                }
            }
            self.row(span, article, &self.order[from..next], out);
        }
        // Findings the text cannot show (outside the part, or cutting a character) are
        // listed all the same.
        if self.order.len() < self.file.diagnostics.len() {
            let mut shown = vec![false; self.file.diagnostics.len()];
            for &i in &self.order {
                shown[i] = true;
            }
            out.extend_from_slice(b"<aside class=\"side\"><ol>");
            for (i, diagnostic) in self.file.diagnostics.iter().enumerate() {
                if !shown[i] {
                    side_entry(self.file, i, diagnostic, out);
                }
            }
            out.extend_from_slice(b"</ol></aside>\n");
        }
    }

    /// One row: the text with its findings marked, and beside it the findings by rule.
    fn row(&self, span: Span, article: Option<usize>, findings: &[usize], out: &mut Vec<u8>) {
        let text = self.file.text;
        let slice = &text[span.range()];
        // Blank lines around the row's text are left out, unless a finding is on them.
        let start =
            span.start + (slice.len() - slice.trim_start_matches(['\r', '\n']).len()) as u32;
        let end = span.start + slice.trim_end().len() as u32;
        let mut visible = Span::new(start, end.max(start));
        for &i in findings {
            let found = self.file.diagnostics[i].span;
            visible = Span::new(visible.start.min(found.start), visible.end.max(found.end));
        }
        if visible.is_empty() && findings.is_empty() {
            return;
        }
        let mut elements = self.blocks(visible);
        elements.extend(findings.iter().map(|&i| Element {
            span: self.file.diagnostics[i].span,
            layer: Layer::Finding(i),
        }));
        out.extend_from_slice(b"<div class=\"row\"><div class=\"text\">");
        let mut tags = MarkTags { file: self.file };
        lay_out(out, text, visible, elements, &mut tags);
        out.extend_from_slice(b"</div>\n");
        self.side(span, article, findings, out);
        out.extend_from_slice(b"</div>\n");
    }

    /// The styled blocks inside `visible` (all but plain paragraphs), their ends moved out
    /// of the findings they would cut.
    fn blocks(&self, visible: Span) -> Vec<Element> {
        let base = self.file.part.start;
        self.draft
            .blocks
            .iter()
            .filter_map(|block| {
                let class = block_class(block.kind)?;
                let start = self
                    .settler
                    .settle((base + block.span.start).max(visible.start));
                let end = self
                    .settler
                    .settle((base + block.span.end).min(visible.end));
                (start < end && end <= visible.end).then(|| Element {
                    span: Span::new(start, end),
                    layer: Layer::Block(class),
                })
            })
            .collect()
    }

    /// The side list of a row: its name, its 差错率, its findings grouped by rule.
    fn side(&self, span: Span, article: Option<usize>, findings: &[usize], out: &mut Vec<u8>) {
        let diagnostics = self.file.diagnostics;
        out.extend_from_slice(b"<aside class=\"side\"><h3>");
        self.row_name(article, out);
        out.extend_from_slice(b"</h3>");
        let mut tally = FileTally::default();
        tally.chars = count_chars(&self.file.text[span.range()]);
        for &i in findings {
            tally.add(std::slice::from_ref(&diagnostics[i]));
        }
        let rate = tally.error_rate();
        let over = if rate > self.html.rate_threshold {
            " over"
        } else {
            ""
        };
        let _ = write!(out, "<p class=\"rate{over}\">{} 字", tally.chars);
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let n = tally.count(severity);
            if n > 0 {
                let _ = write!(out, " · {} {n}", severity.label_zh());
            }
        }
        let _ = write!(out, " · 差错率 <b>{}</b>/万</p>", format_rate(rate));
        if findings.is_empty() {
            out.extend_from_slice("<p class=\"clean\">未发现问题</p>".as_bytes());
        }
        let mut by_rule = findings.to_vec();
        by_rule.sort_by_key(|&i| (diagnostics[i].rule, diagnostics[i].span.start));
        for group in by_rule.chunk_by(|&a, &b| diagnostics[a].rule == diagnostics[b].rule) {
            let rule = diagnostics[group[0]].rule;
            let _ = write!(
                out,
                "<details open data-rule=\"{rule}\"><summary><code>{rule}</code> {}</summary><ol>",
                group.len()
            );
            for &i in group {
                side_entry(self.file, i, &diagnostics[i], out);
            }
            out.extend_from_slice(b"</ol></details>");
        }
        out.extend_from_slice(b"</aside>");
    }

    /// An article by its headline, else by its number; what precedes the first article
    /// as such.
    fn row_name(&self, article: Option<usize>, out: &mut Vec<u8>) {
        let Some(i) = article else {
            out.extend_from_slice("文章之外".as_bytes());
            return;
        };
        let headline = self.draft.articles[i]
            .headline
            .map(|id| self.draft.blocks[id].span)
            .and_then(|span| self.file.text.get(span.range()))
            .map(|local| local.lines().next().unwrap_or("").trim());
        match headline {
            Some(text) if !text.is_empty() => escape_text(out, clip(text, 40).0),
            _ => {
                let _ = write!(out, "第 {} 篇", i + 1);
            }
        }
    }
}

/// The start of the line holding `at` when only indentation or Markdown line markers come
/// before it on that line, else `at`: an article's row starts with its first line whole.
fn line_start(text: &str, part: Span, at: u32) -> u32 {
    let before = &text[part.start as usize..at as usize];
    let line = before.rfind('\n').map_or(0, |nl| nl + 1);
    let marker = |c: char| c.is_whitespace() || matches!(c, '#' | '>' | '-' | '*' | '+');
    if before[line..].chars().all(marker) {
        part.start + line as u32
    } else {
        at
    }
}

/// The CSS class of a block shown with a style of its own; plain paragraphs have none.
fn block_class(kind: BlockKind) -> Option<&'static str> {
    match kind {
        BlockKind::Headline => Some("hl"),
        BlockKind::Subheading => Some("sub"),
        BlockKind::ListItem => Some("li"),
        BlockKind::Verse => Some("verse"),
        BlockKind::Signoff => Some("sign"),
        BlockKind::Caption | BlockKind::PhotoNews => Some("cap"),
        BlockKind::Credit => Some("cr"),
        BlockKind::Cell => Some("cell"),
        BlockKind::Other => Some("other"),
        BlockKind::Paragraph => None,
    }
}

/// The opening tags of a part's elements.
struct MarkTags<'a> {
    file: &'a CheckedFile<'a>,
}

impl Tags for MarkTags<'_> {
    fn open(&mut self, out: &mut Vec<u8>, layer: Layer, continued: bool) {
        let i = match layer {
            Layer::Block(class) => {
                let _ = write!(out, "<span class=\"{class}\">");
                return;
            }
            Layer::Finding(i) => i,
        };
        let diagnostic = &self.file.diagnostics[i];
        let span = diagnostic.span;
        out.extend_from_slice(b"<mark class=\"");
        out.extend_from_slice(severity_class(diagnostic.severity).as_bytes());
        if diagnostic.kind == Kind::Style {
            out.extend_from_slice(b" st");
        }
        if span.is_empty() {
            out.extend_from_slice(b" empty");
        }
        if continued {
            out.extend_from_slice(b" cont");
        }
        let _ = write!(
            out,
            "\" data-f=\"{}.{i}\" data-rule=\"{}\" data-severity=\"{}\" data-kind=\"{}\" data-span=\"{}-{}\">",
            self.file.part.start,
            diagnostic.rule,
            diagnostic.severity.as_str(),
            diagnostic.kind.as_str(),
            span.start,
            span.end
        );
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "e",
        Severity::Warning => "w",
        Severity::Info => "i",
    }
}

/// One finding in a side list: position, quoted text, severity, message, note, related
/// places and fixes.
fn side_entry(file: &CheckedFile<'_>, i: usize, diagnostic: &Diagnostic, out: &mut Vec<u8>) {
    let at = file.position(diagnostic.span.start);
    let _ = write!(
        out,
        "<li class=\"f {}\" data-f=\"{}.{i}\" data-rule=\"{}\" data-severity=\"{}\" data-kind=\"{}\">\
         <span class=\"pos\">{}:{}</span> ",
        severity_class(diagnostic.severity),
        file.part.start,
        diagnostic.rule,
        diagnostic.severity.as_str(),
        diagnostic.kind.as_str(),
        at.line,
        at.col
    );
    quote(out, file.text.get(diagnostic.span.range()).unwrap_or(""));
    let _ = write!(
        out,
        " <span class=\"sev\">{}</span>{} <span class=\"msg\">",
        diagnostic.severity.label_zh(),
        if diagnostic.kind == Kind::Style {
            "<span class=\"kind\">体例</span>"
        } else {
            ""
        }
    );
    escape_text(out, &diagnostic.message);
    out.extend_from_slice(b"</span>");
    if let Some(note) = &diagnostic.note {
        out.extend_from_slice("<div class=\"note\">说明：".as_bytes());
        escape_text(out, note);
        out.extend_from_slice(b"</div>");
    }
    for related in &diagnostic.related {
        let at = file.position(related.span.start);
        let _ = write!(out, "<div class=\"rel\">另见 {}:{} ", at.line, at.col);
        quote(out, file.text.get(related.span.range()).unwrap_or(""));
        out.push(b' ');
        escape_text(out, &related.message);
        out.extend_from_slice(b"</div>");
    }
    for fix in &diagnostic.fixes {
        let (class, how) = match fix.applicability {
            Applicability::Safe => ("safe", "可自动修复"),
            Applicability::Suggested => ("suggested", "建议"),
        };
        let _ = write!(out, "<div class=\"fix {class}\">修复（{how}）：");
        escape_text(out, &fix.title);
        out.extend_from_slice(b"</div>");
    }
    out.extend_from_slice(b"</li>");
}

/// A finding's text in quotes, clipped when long; an empty one as a caret.
fn quote(out: &mut Vec<u8>, text: &str) {
    if text.is_empty() {
        out.extend_from_slice("<q class=\"at\">‸</q>".as_bytes());
        return;
    }
    let (clipped, cut) = clip(text, QUOTE_CHARS);
    out.extend_from_slice(b"<q>");
    escape_text(out, clipped);
    if cut {
        out.extend_from_slice("…".as_bytes());
    }
    out.extend_from_slice(b"</q>");
}

/// The first `chars` characters of `text`, and whether any were left off.
fn clip(text: &str, chars: usize) -> (&str, bool) {
    match text.char_indices().nth(chars) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}
