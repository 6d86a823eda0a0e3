//! `textDocument/hover`: on a finding, its rule's docs; on a recognised fact (a place, a
//! date, a byline), what jiaodui knows about it.

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::lsp::analysis::Analysed;
use crate::text::Span;

pub(crate) fn hover(analysed: &Analysed, position: Position) -> Option<Hover> {
    let analysis = analysed.analysis.as_ref()?;
    let at = analysed.positions();
    let offset = at.offset(position);
    let mut sections: Vec<String> = Vec::new();
    let mut range: Option<Span> = None;
    for finding in analysis
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
    {
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
        section.push_str(&demote_headings(rule.meta.docs));
        sections.push(section);
        range = Some(range.map_or(finding.span, |r| r.cover(finding.span)));
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

/// Rule docs use `##` headings; inside a hover they read better one level down, and the
/// `text,flagged` / `text,clean` fence tags mean nothing to an editor.
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
