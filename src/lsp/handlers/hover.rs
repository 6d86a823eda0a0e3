//! `textDocument/hover`: on a finding, its rule's docs; on a recognised fact (a place, a
//! date, a byline), what jiaodui knows about it.

use ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::gazetteer::{describe_change, describe_place, Gazetteer};
use crate::lint::Analysis;
use crate::lsp::analysis::Analysed;
use crate::lsp::convert::Locate;
use crate::recognise::bylines::{Byline, Credit, Name, PhotoCredit};
use crate::text::Span;

pub(crate) fn hover(analysed: &Analysed, position: Position) -> Option<Hover> {
    crate::lsp::analysis::panic_for_tests(&analysed.text);
    let analysis = analysed.analysis.as_ref()?;
    let at = analysed.positions();
    let offset = at.offset(position);
    let mut sections: Vec<String> = Vec::new();
    let mut range: Option<Span> = None;
    let under =
        (analysis.diagnostics.iter()).filter(|d| d.span.start <= offset && offset <= d.span.end);
    for finding in under {
        let Some(rule) = crate::rules::find(finding.rule) else {
            continue;
        };
        let mut section = format!(
            "**{}** · {} · [文档]({})\n\n{}",
            rule.meta.id,
            finding.severity.label_zh(),
            rule.meta.url(),
            finding.message
        );
        if let Some(note) = &finding.note {
            section.push_str("\n\n");
            section.push_str(note);
        }
        section.push_str("\n\n");
        section.push_str(&demote_headings(&rule.meta.docs_markdown()));
        sections.push(section);
        range = Some(range.map_or(finding.span, |r| r.cover(finding.span)));
    }
    let gazetteer = analysed.resolved.config.gazetteer();
    for (section, span) in facts_at(analysis, gazetteer, offset) {
        sections.push(section);
        range = Some(range.map_or(span, |r| r.cover(span)));
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: range.map(|span| at.range(span)),
    })
}

/// What the recognisers found at `offset`: a place, a date, a byline or photo credit, each
/// as a Markdown section with the span it covers.
fn facts_at(analysis: &Analysis, g: &Gazetteer, offset: u32) -> Vec<(String, Span)> {
    let facts = &analysis.facts;
    let mut out = Vec::new();
    let places = facts.places.mentions.iter();
    if let Some(m) = places.into_iter().find(|m| m.span.contains(offset)) {
        let mut body = String::new();
        let ids = [&m.places, &m.all_places]
            .into_iter()
            .find(|ids| !ids.is_empty());
        let ids = ids.map_or(&[][..], |ids| &ids[..]);
        if ids.len() > 1 {
            body.push_str("可能指以下任一地方：\n");
        }
        for &id in ids {
            body.push_str(&describe_place(g, id));
        }
        for &change in &m.former {
            body.push_str("已不再使用的名称：");
            body.push_str(&describe_change(g, change));
            body.push('\n');
        }
        if !body.is_empty() {
            out.push((
                format!("**地名** {}\n\n```text\n{}```", m.name, body),
                m.span,
            ));
        }
    }
    if let Some(m) = facts.dates.at(offset) {
        if let Some(date) = m.resolved_at(offset) {
            out.push((format!("**日期** {}", long_date(date)), m.span));
        }
    }
    let bylines = &facts.bylines;
    if let Some(b) = (bylines.bylines.iter()).find(|b| b.span.contains(offset)) {
        out.push((describe_byline(b), b.span));
    }
    if let Some(c) = (bylines.photo_credits.iter()).find(|c| c.span.contains(offset)) {
        out.push((describe_photo_credit(c), c.span));
    }
    out
}

/// `2023年3月14日 星期二`.
pub(crate) fn long_date(date: jiff::civil::Date) -> String {
    format!(
        "{}年{}月{}日 星期{}",
        date.year(),
        date.month(),
        date.day(),
        weekday_zh(date.weekday())
    )
}

/// `一` … `日`, as after `星期` or `周`.
pub(crate) fn weekday_zh(weekday: jiff::civil::Weekday) -> &'static str {
    use jiff::civil::Weekday::*;
    match weekday {
        Monday => "一",
        Tuesday => "二",
        Wednesday => "三",
        Thursday => "四",
        Friday => "五",
        Saturday => "六",
        Sunday => "日",
    }
}

fn names(names: &[Name]) -> String {
    names
        .iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

fn describe_byline(b: &Byline) -> String {
    let mut lines = vec!["**署名**".to_owned()];
    if let Some(lead) = &b.lead {
        lines.push(format!("- 电头：{}", lead.words()));
    }
    if let Some(credit) = &b.credit {
        lines.extend(credit_lines(credit));
    }
    lines.join("\n")
}

fn credit_lines(credit: &Credit) -> Vec<String> {
    let mut lines: Vec<String> = credit
        .groups
        .iter()
        .map(|g| {
            let role = g.role.as_ref().map_or("（无职务）", |r| r.text.as_str());
            format!("- {role}：{}", names(&g.names))
        })
        .collect();
    if let Some(media) = &credit.media {
        lines.push(format!("- {}", media.text));
    }
    if !credit.complete {
        lines.push("- 署名与正文相连，未能切分姓名".into());
    }
    lines
}

fn describe_photo_credit(c: &PhotoCredit) -> String {
    let mut lines = vec!["**图片署名**".to_owned()];
    for g in c.groups.iter().filter(|g| !g.names.is_empty()) {
        let role = g.role.as_ref().map_or("摄影", |r| r.text.as_str());
        lines.push(format!("- {role}：{}", names(&g.names)));
    }
    lines.join("\n")
}

/// Rule docs use `##` headings (`## 查什么` …); inside a hover they read better one level
/// down, and the `text,flagged` / `text,clean` fence tags mean nothing to an editor.
fn demote_headings(docs: &str) -> String {
    docs.lines()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("## ") {
                format!("#### {rest}")
            } else if line.trim_start().starts_with("```text,") {
                "```text".to_owned()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
