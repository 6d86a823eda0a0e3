//! `textDocument/completion`: roster names after a role word (`记者 `), the house byline
//! template at an article's start, and gazetteer place names after Han characters that
//! begin one.

use ls_types::{
    CompletionItem, CompletionItemKind, CompletionResponse, CompletionTextEdit, InsertTextFormat,
    Position, Range, TextEdit,
};

use crate::config::{BylineForm, Config, ParenWidth};
use crate::document::BlockKind;
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::lsp::analysis::Analysed;
use crate::text::{is_han, Span};
use std::sync::OnceLock;

pub(crate) fn items(
    analysed: &Analysed,
    position: Position,
    snippets: bool,
) -> Option<CompletionResponse> {
    let at = analysed.positions();
    let text: &str = &analysed.text;
    let offset = at.offset(position) as usize;
    let line_start = (analysed.rope).line_to_byte(analysed.rope.byte_to_line(offset));
    let before = &text[line_start..offset];
    let config = &analysed.resolved.config.config;
    let mut out = roster_names(analysed, before, offset, config);
    if out.is_empty() {
        out = place_names(analysed, before, offset);
    }
    if before.trim_matches([' ', '\t', '　']).is_empty() && at_article_start(analysed, offset) {
        out.push(byline_template(config, snippets, position));
    }
    (!out.is_empty()).then_some(CompletionResponse::Array(out))
}

/// Roster names when the cursor follows a role word inside a credit (`（记者 王`, `记者 `).
fn roster_names(
    analysed: &Analysed,
    before: &str,
    offset: usize,
    config: &Config,
) -> Vec<CompletionItem> {
    if config.byline.roster.is_empty() {
        return Vec::new();
    }
    // What is typed of the name so far: trailing Han characters.
    let typed_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_han(c))
        .take(4)
        .map(char::len_utf8)
        .sum();
    let rest = &before[..before.len() - typed_len];
    let trimmed = rest.trim_end_matches([' ', '　']);
    let roles = &config.byline.roles;
    let after_role = roles.iter().any(|role| trimmed.ends_with(role.as_str()));
    let open = rest.rfind(['（', '(']).map(|open| &rest[open..]);
    let in_credit = open.is_some_and(|inside| {
        !inside.contains(['）', ')'])
            && roles.iter().any(|role| inside.contains(role.as_str()))
            && rest.ends_with([' ', '、'])
    });
    if !after_role && !in_credit {
        return Vec::new();
    }
    let range = (analysed.positions()).range(Span::new((offset - typed_len) as u32, offset as u32));
    let names = config.byline.roster.iter().enumerate();
    names
        .map(|(i, name)| value(i, name.clone(), "记者名单".into(), range))
        .collect()
}

/// At most this many place names are offered.
const MAX_PLACES: usize = 50;
/// At most this many places that start with the typed text are ranked for the offer, so that
/// a common prefix among hundreds of thousands of villages costs no more than a rare one.
const MAX_CANDIDATES: usize = 2000;
/// The longest typed text tried as the start of a place name, in characters.
const MAX_TYPED: usize = 8;

/// Place names that begin with the Han characters just typed (at least two, so that one
/// common character does not list half the country), nearest to `[bulletin] region` first.
/// The longest typed tail that starts some name wins: after `推进平城`, `平城` does.
fn place_names(analysed: &Analysed, before: &str, offset: usize) -> Vec<CompletionItem> {
    let tail: Vec<(usize, char)> = (before.char_indices().rev())
        .take_while(|&(_, c)| is_han(c))
        .take(MAX_TYPED)
        .collect();
    if tail.len() < 2 {
        return Vec::new();
    }
    let g = analysed.resolved.config.gazetteer();
    // Typed candidates, longest first: byte start in `before` and the places it starts.
    let Some((typed, mut found)) = (tail[1..].iter().rev())
        .map(|&(i, _)| (i, starting_with(g, &before[i..])))
        .find(|(_, found)| !found.is_empty())
    else {
        return Vec::new();
    };
    let region = analysed
        .analysis
        .as_ref()
        .and_then(|a| a.facts.places.region);
    found.sort_by_key(|&id| (distance(g, id, region), g.place(id).level, id));
    found.truncate(MAX_PLACES);
    let start = (offset - before.len() + typed) as u32;
    let range = (analysed.positions()).range(Span::new(start, offset as u32));
    (found.iter().enumerate())
        .map(|(i, &id)| value(i, g.place(id).name.to_string(), g.path(id), range))
        .collect()
}

/// The `i`th offer of a name, replacing `range`.
fn value(i: usize, name: String, detail: String, range: Range) -> CompletionItem {
    CompletionItem {
        label: name.clone(),
        kind: Some(CompletionItemKind::VALUE),
        detail: Some(detail),
        sort_text: Some(format!("{i:04}")),
        filter_text: Some(name.clone()),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, name))),
        ..Default::default()
    }
}

/// Up to [`MAX_CANDIDATES`] places whose name starts with `prefix`: the built-in ones by
/// binary search in a list sorted by name (built on first use), a newsroom's own by a walk
/// over them (a newsroom file holds hundreds, not hundreds of thousands).
fn starting_with(g: &Gazetteer, prefix: &str) -> Vec<PlaceId> {
    static BY_NAME: OnceLock<Vec<PlaceId>> = OnceLock::new();
    let builtin = Gazetteer::builtin();
    let name = |id: PlaceId| -> &str { &builtin.place(id).name };
    let by_name = BY_NAME.get_or_init(|| {
        // Each name is looked up once, not once per comparison; only the ids are kept.
        let mut named: Vec<(&str, PlaceId)> = (0..builtin.places().len() as PlaceId)
            .filter(|&id| !builtin.place(id).placeholder)
            .map(|id| (name(id), id))
            .collect();
        named.sort_unstable();
        named.into_iter().map(|(_, id)| id).collect()
    });
    let from = by_name.partition_point(|&id| name(id) < prefix);
    let own = builtin.places().len() as PlaceId..g.places().len() as PlaceId;
    (by_name[from..].iter().copied())
        .take_while(|&id| name(id).starts_with(prefix))
        .chain(own.filter(|&id| !g.place(id).placeholder && g.place(id).name.starts_with(prefix)))
        .take(MAX_CANDIDATES)
        .collect()
}

/// Steps through the tree from `id` to `region`; everything when there is no region.
fn distance(g: &Gazetteer, id: PlaceId, region: Option<PlaceId>) -> usize {
    let Some(region) = region else {
        return 0;
    };
    let chain: Vec<PlaceId> = std::iter::once(region).chain(g.ancestors(region)).collect();
    for (up, a) in std::iter::once(id).chain(g.ancestors(id)).enumerate() {
        if let Some(down) = chain.iter().position(|&c| c == a) {
            return up + down;
        }
    }
    usize::MAX
}

/// True where an article's lead starts (or would start): the start of a lead block, or an
/// empty line after a headline.
fn at_article_start(analysed: &Analysed, offset: usize) -> bool {
    let Some(analysis) = analysed.analysis.as_ref() else {
        return false;
    };
    let draft = &analysis.draft;
    if let Some(block) = draft.block_at(offset as u32) {
        let starts_block = draft.blocks[block].span.start as usize >= offset;
        return starts_block
            && draft.articles.iter().any(|a| {
                a.lead() == Some(block) && a.headline.is_some()
                    || a.headline.is_none() && a.paragraphs.first() == Some(&block)
            });
    }
    // An empty line: after a headline (or a short block that becomes one once a body
    // follows it), or at the very start of the page.
    let previous = draft
        .blocks
        .iter()
        .rev()
        .find(|b| (b.span.end as usize) <= offset);
    previous.is_none_or(|b| matches!(b.kind, BlockKind::Headline | BlockKind::Caption))
}

fn byline_template(config: &Config, snippets: bool, position: Position) -> CompletionItem {
    let reporter = config
        .byline
        .default_reporter
        .clone()
        .or_else(|| config.byline.roster.first().cloned())
        .unwrap_or_else(|| "姓名".into());
    let (open, close) = match config.byline.parens {
        ParenWidth::Fullwidth => ("（", "）"),
        ParenWidth::Halfwidth => ("(", ")"),
    };
    let (plain, snippet) = match config.byline.form.unwrap_or(BylineForm::Paren) {
        BylineForm::Paren => (
            format!("本报讯{open}记者 {reporter}{close}"),
            format!("本报讯{open}记者 ${{1:{reporter}}}{close}$0"),
        ),
        BylineForm::Reported => (
            format!("本报讯 记者{reporter}报道："),
            format!("本报讯 记者${{1:{reporter}}}报道：$0"),
        ),
    };
    let (format, text) = match snippets {
        true => (InsertTextFormat::SNIPPET, snippet),
        false => (InsertTextFormat::PLAIN_TEXT, plain.clone()),
    };
    CompletionItem {
        label: plain,
        kind: Some(CompletionItemKind::SNIPPET),
        detail: Some("本报电头与署名".into()),
        sort_text: Some("0000".into()),
        insert_text_format: Some(format),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            Range::new(position, position),
            text,
        ))),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A prefix is looked up, not walked to: a common one yields a bounded list, a rare one
    /// exactly the places it starts.
    #[test]
    fn place_candidates_are_bounded_and_found_by_prefix() {
        let g = Gazetteer::builtin();
        assert_eq!(
            starting_with(g, "").len(),
            MAX_CANDIDATES,
            "every place starts with \"\""
        );
        let common = starting_with(g, "新");
        assert!(common.len() > 500 && common.len() <= MAX_CANDIDATES);
        assert!(common.iter().all(|&id| g.place(id).name.starts_with('新')));
        let names: Vec<&str> = starting_with(g, "平城")
            .iter()
            .map(|&id| &*g.place(id).name)
            .collect();
        assert!(names.contains(&"平城区"), "{names:?}");
        assert!(names.iter().all(|n| n.starts_with("平城")), "{names:?}");
        let started = std::time::Instant::now();
        for _ in 0..1000 {
            starting_with(g, "平城");
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
    }
}
