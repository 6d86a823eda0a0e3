//! `textDocument/documentSymbol`: the page's outline — each article under its headline (with
//! its byline as detail) and its captions, then stand-alone photo items and captions.

use ls_types::{DocumentSymbol, DocumentSymbolResponse, SymbolKind};

use crate::document::{BlockKind, Draft};
use crate::lsp::analysis::Analysed;
use crate::lsp::handlers::code_action::short;
use crate::text::Span;

/// Longest symbol name, in characters.
const NAME_CHARS: usize = 24;

pub(crate) fn symbols(analysed: &Analysed) -> DocumentSymbolResponse {
    let Some(analysis) = analysed.analysis.as_ref() else {
        return DocumentSymbolResponse::Nested(Vec::new());
    };
    let (draft, text, at) = (&analysis.draft, &*analysed.text, analysed.positions());
    // A symbol named after the first line of `selection`, shortened; never empty (clients
    // reject empty names).
    #[allow(deprecated)]
    let symbol = |detail, kind, span: Span, selection: Span, children: Vec<_>| {
        let block = text.get(selection.range()).unwrap_or_default();
        let name = short(block.lines().next().unwrap_or_default().trim(), NAME_CHARS);
        DocumentSymbol {
            name: if name.is_empty() { "—".into() } else { name },
            detail,
            kind,
            tags: None,
            deprecated: None,
            range: at.range(span),
            selection_range: at.range(selection),
            children: (!children.is_empty()).then_some(children),
        }
    };
    let caption = |id: usize| {
        let block = &draft.blocks[id];
        let (kind, detail) = match block.kind {
            BlockKind::PhotoNews => (SymbolKind::EVENT, "图片新闻"),
            _ => (SymbolKind::STRING, "图片说明"),
        };
        symbol(Some(detail.into()), kind, block.span, block.span, vec![])
    };
    let mut out: Vec<DocumentSymbol> = draft.standalone.iter().map(|&id| caption(id)).collect();
    for article in &draft.articles {
        let name_block = (article.headline).or_else(|| article.paragraphs.first().copied());
        let Some(name_block) = name_block else {
            continue;
        };
        let children = article.captions.iter().map(|&id| caption(id)).collect();
        let credit = lead_credit(draft, text, article.lead());
        let name_span = draft.blocks[name_block].span;
        out.push(symbol(
            credit,
            SymbolKind::MODULE,
            article.span,
            name_span,
            children,
        ));
    }
    out.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    DocumentSymbolResponse::Nested(out)
}

/// The credit at the start of the lead, up to its closing parenthesis (`本报讯（记者 王海）`).
fn lead_credit(draft: &Draft, text: &str, lead: Option<usize>) -> Option<String> {
    let lead = text.get(draft.blocks[lead?].span.range())?;
    let head: String = lead.chars().take(40).collect();
    let close = head.find(['）', ')'])?;
    let credit = &head[..close + head[close..].chars().next()?.len_utf8()];
    (credit.contains('（') || credit.contains('(')).then(|| credit.to_owned())
}
