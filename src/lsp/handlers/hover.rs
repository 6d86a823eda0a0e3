//! `textDocument/hover`: on a finding, its rule's docs; on a recognised fact (a place, a
//! date, a byline), what jiaodui knows about it.

use ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::gazetteer::{describe_change, describe_place, Gazetteer};
use crate::lint::Analysis;
use crate::lsp::analysis::Analysed;
use crate::recognise::bylines::{Byline, Name, PhotoCredit};
use crate::text::Span;

pub(crate) fn hover(analysed: &Analysed, position: Position) -> Option<Hover> {
    crate::lint::panic_for_tests(&analysed.text);
    let analysis = analysed.analysis.as_ref()?;
    let at = analysed.positions();
    let offset = at.offset(position);
    let found = (analysis.diagnostics.iter())
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
        .filter_map(|finding| {
            let rule = crate::rules::find(finding.rule)?;
            let (id, url, message) = (rule.meta.id, rule.meta.url(), &finding.message);
            let severity = finding.severity.label_zh();
            let note = (finding.note.as_deref()).map_or(String::new(), |n| format!("\n\n{n}"));
            let docs = demote_headings(&rule.meta.docs_markdown());
            let section =
                format!("**{id}** · {severity} · [文档]({url})\n\n{message}{note}\n\n{docs}");
            Some((section, finding.span))
        });
    let gazetteer = analysed.resolved.config.gazetteer();
    let (sections, spans): (Vec<String>, Vec<Span>) =
        found.chain(facts_at(analysis, gazetteer, offset)).unzip();
    let range = spans.into_iter().reduce(Span::cover)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(at.range(range)),
    })
}

/// What the recognisers found at `offset`: a place, a date, a byline or photo credit, each
/// as a Markdown section with the span it covers.
fn facts_at(analysis: &Analysis, g: &Gazetteer, offset: u32) -> Vec<(String, Span)> {
    let facts = &analysis.facts;
    let mut out = Vec::new();
    if let Some(m) = (facts.places.mentions.iter()).find(|m| m.span.contains(offset)) {
        let mut body = String::new();
        let ids = if m.places.is_empty() {
            &m.all_places
        } else {
            &m.places
        };
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
            let section = format!("**地名** {}\n\n```text\n{body}```", m.name);
            out.push((section, m.span));
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
    let (year, month, day) = (date.year(), date.month(), date.day());
    let weekday = weekday_zh(date.weekday());
    format!("{year}年{month}月{day}日 星期{weekday}")
}

/// `一` … `日`, as after `星期` or `周`.
pub(crate) fn weekday_zh(weekday: jiff::civil::Weekday) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "日"][weekday.to_monday_zero_offset() as usize]
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
        for g in &credit.groups {
            let role = g.role.as_ref().map_or("（无职务）", |r| r.text.as_str());
            lines.push(format!("- {role}：{}", names(&g.names)));
        }
        if let Some(media) = &credit.media {
            lines.push(format!("- {}", media.text));
        }
        if !credit.complete {
            lines.push("- 署名与正文相连，未能切分姓名".into());
        }
    }
    lines.join("\n")
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
