//! `textDocument/codeAction`: each fix of each diagnostic as a quick fix (safe fixes
//! preferred), built from the diagnostic's `data` alone; `source.fixAll.jiaodui` (with
//! `formatting`'s edits); and the actions that edit the configuration: add a name to the
//! roster or a place to the gazetteer, ignore one finding (`[[allow]]`), disable a rule for
//! the file.

use std::path::Path;

use ls_types::*;
use serde_json::json;

use crate::diagnostic::DiagnosticData;
use crate::document::DraftKind;
use crate::lint;
use crate::lsp::analysis::Analysed;
use crate::lsp::capabilities::{Negotiated, FIX_ALL_KIND};
use crate::lsp::convert::{self, DiagnosticPayload, Positions};
use crate::lsp::workspace::today;

const FIX_ALL_TITLE: &str = "修正全部可安全修正的问题";

pub(crate) fn actions(
    params: &CodeActionParams,
    analysed: &Analysed,
    negotiated: &Negotiated,
) -> Option<CodeActionResponse> {
    let uri = &params.text_document.uri;
    let only = params.context.only.as_deref();
    let wants = |kind: &str| {
        only.is_none_or(|only| {
            (only.iter().map(|asked| asked.as_str())).any(|asked| {
                kind.strip_prefix(asked)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            })
        })
    };
    let mut out = Vec::new();
    if wants(CodeActionKind::QUICKFIX.as_str()) {
        // Only the diagnostics under the requested range: Neovim sends every diagnostic of the
        // cursor's line as context, and answering for all of them offers the same fix title
        // once per finding on the line.
        let under =
            (params.context.diagnostics.iter()).filter(|d| overlaps(&d.range, &params.range));
        for diagnostic in under {
            out.extend(quick_fixes(diagnostic, uri, analysed, negotiated));
        }
    }
    let action = if only.is_none() {
        // Asked for everything (a lightbulb on every cursor move): offer fix-all without
        // computing it; `codeAction/resolve` fills in the edit if it is chosen.
        let has_safe = (params.context.diagnostics.iter())
            .any(|d| convert::payload(d).is_some_and(|p| p.fixes.iter().any(|f| f.safe)));
        has_safe.then(|| fix_all(uri, None))
    } else if wants(FIX_ALL_KIND) {
        fix_all_action(uri, analysed, negotiated)
    } else {
        None
    };
    out.extend(action.map(CodeActionOrCommand::CodeAction));
    (!out.is_empty()).then_some(out)
}

/// The quick fixes of one of this server's diagnostics: its fixes (safe ones preferred), then
/// the actions that edit the configuration or the draft to accept it.
fn quick_fixes(
    diagnostic: &Diagnostic,
    uri: &Uri,
    analysed: &Analysed,
    negotiated: &Negotiated,
) -> Vec<CodeActionOrCommand> {
    let Some(payload) = convert::payload(diagnostic) else {
        return Vec::new();
    };
    let root = &analysed.resolved.config.root;
    // Configuration edits go to the document's config file, or a new `jiaodui.toml`.
    let config_file = (analysed.resolved.file.clone()).unwrap_or_else(|| root.join("jiaodui.toml"));
    let mut found: Vec<(String, Option<WorkspaceEdit>, bool)> = (payload.fixes.iter())
        .map(|fix| {
            let edit = document_edit(negotiated, uri, payload.version, fix.edits.clone());
            (fix.title.clone(), Some(edit), fix.safe)
        })
        .collect();
    if let Some(DiagnosticData::AddToRoster { name }) = &payload.add {
        let edit = file_edit(&config_file, negotiated, |old| add_to_roster(old, name));
        found.push((format!("将“{name}”加入记者名单"), edit, false));
    }
    if let Some(DiagnosticData::AddToGazetteer { name, parent }) = &payload.add {
        let config = &analysed.resolved.config;
        let gazetteers = &config.config.places.gazetteers;
        let gazetteer = gazetteers.iter().find(|g| g.ends_with(".toml"));
        let edit = gazetteer.and_then(|g| {
            let mut fields = vec![("name", name.as_str())];
            fields.extend(parent.as_deref().map(|parent| ("parent", parent)));
            fields.push(("level", level_of(name)));
            file_edit(&config.root.join(g), negotiated, |old| {
                append_table(old, "place", &fields)
            })
        });
        found.push((format!("将“{name}”加入地名库"), edit, false));
    }
    if !payload.text.is_empty() {
        let relative = (analysed.path.as_deref())
            .and_then(|p| p.strip_prefix(root).ok())
            .map(|p| {
                p.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            });
        let mut fields = vec![
            ("rule", payload.rule.as_str()),
            ("text", payload.text.as_str()),
        ];
        fields.extend(relative.as_deref().map(|path| ("path", path)));
        let edit = file_edit(&config_file, negotiated, |old| {
            append_table(old, "allow", &fields)
        });
        let (rule, text) = (&payload.rule, short(&payload.text, 12));
        found.push((format!("忽略此处（{rule}：“{text}”）"), edit, false));
    }
    let edit = disable_for_file(uri, analysed, &payload, negotiated);
    found.push((format!("在本文件中停用 {}", payload.rule), edit, false));
    (found.into_iter())
        .filter_map(|(title, edit, preferred)| {
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(edit?),
                is_preferred: preferred.then_some(true),
                ..Default::default()
            }))
        })
        .collect()
}

/// `source.fixAll.jiaodui` with its edit: every safe fix, to a fixpoint.
pub(crate) fn fix_all_action(
    uri: &Uri,
    analysed: &Analysed,
    negotiated: &Negotiated,
) -> Option<CodeAction> {
    let edits = safe_fix_edits(analysed);
    let edit =
        (!edits.is_empty()).then(|| document_edit(negotiated, uri, Some(analysed.version), edits));
    Some(fix_all(uri, Some(edit?)))
}

/// `source.fixAll.jiaodui` with its edit, or (`None`) with the URI for `codeAction/resolve`
/// to compute it for.
fn fix_all(uri: &Uri, edit: Option<WorkspaceEdit>) -> CodeAction {
    CodeAction {
        title: FIX_ALL_TITLE.into(),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        data: edit.is_none().then(|| json!({ "uri": uri })),
        edit,
        ..Default::default()
    }
}

/// `textDocument/formatting` and fix-all: every safe fix, applied to a fixpoint, as the
/// smallest text edits; empty when there is nothing to fix or the document was not checked.
pub(crate) fn safe_fix_edits(analysed: &Analysed) -> Vec<TextEdit> {
    let analysis = analysed.analysis.as_ref();
    if !analysis.is_some_and(|a| a.diagnostics.iter().any(|d| d.safe_fix().is_some())) {
        return Vec::new();
    }
    let path = analysed.path.as_deref();
    let fix = || lint::fix(&analysed.text, path, &analysed.resolved.config, today());
    let fixed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(fix));
    fixed.map_or_else(
        |_| Vec::new(),
        |f| convert::text_edits(&analysed.text, &f.text, analysed.positions()),
    )
}

/// The URI a deferred fix-all action was offered for.
pub(crate) fn deferred_fix_all(action: &CodeAction) -> Option<Uri> {
    if action.kind.as_ref()?.as_str() != FIX_ALL_KIND || action.edit.is_some() {
        return None;
    }
    serde_json::from_value(action.data.as_ref()?.get("uri")?.clone()).ok()
}

/// Whether two ranges share a position; touching counts, so a cursor (an empty range) right
/// before or after a finding selects it, as the client's light bulb does.
fn overlaps(a: &Range, b: &Range) -> bool {
    let before = |p: &Position, q: &Position| (p.line, p.character) < (q.line, q.character);
    !before(&a.end, &b.start) && !before(&b.end, &a.start)
}

/// Edits of one document, versioned when the client takes `documentChanges` (so it refuses
/// them if the document has changed since the diagnostic was computed).
fn document_edit(
    negotiated: &Negotiated,
    uri: &Uri,
    version: Option<i32>,
    edits: Vec<TextEdit>,
) -> WorkspaceEdit {
    let edit = match negotiated.document_changes {
        true => {
            json!({"documentChanges": [{"textDocument": {"uri": uri, "version": version}, "edits": edits}]})
        }
        false => json!({"changes": {uri.as_str(): edits}}),
    };
    serde_json::from_value(edit).expect("a workspace edit")
}

/// A workspace edit that turns a file on disk into `change(old)`, creating it when missing
/// and the client allows; `None` when there is nothing to change or it cannot be written.
fn file_edit(
    path: &Path,
    negotiated: &Negotiated,
    change: impl FnOnce(&str) -> Option<String>,
) -> Option<WorkspaceEdit> {
    let uri = Uri::from_file_path(path)?;
    let exists = path.is_file();
    let old = if exists {
        std::fs::read_to_string(path).ok()?
    } else {
        String::new()
    };
    let new = change(&old)?;
    if new == old {
        return None;
    }
    let rope = ropey::Rope::from_str(&old);
    let edits = convert::text_edits(&old, &new, Positions::new(&rope, negotiated.encoding));
    if exists {
        return serde_json::from_value(json!({"changes": {uri.as_str(): edits}})).ok();
    }
    if !(negotiated.create_files && negotiated.document_changes) {
        return None;
    }
    let options = json!({"overwrite": false, "ignoreIfExists": true});
    let create = json!({"kind": "create", "uri": uri, "options": options});
    let edit = json!({"textDocument": {"uri": uri, "version": null}, "edits": edits});
    serde_json::from_value(json!({"documentChanges": [create, edit]})).ok()
}

/// `old` with a `[[name]]` table of string `fields` appended, after a blank line.
fn append_table(old: &str, name: &str, fields: &[(&str, &str)]) -> Option<String> {
    let mut new = old.to_owned();
    if !new.is_empty() {
        new.push_str(if new.ends_with('\n') { "\n" } else { "\n\n" });
    }
    new.push_str(&format!("[[{name}]]\n"));
    for (key, value) in fields {
        // A TOML basic string: JSON's escapes are a subset of TOML's.
        new.push_str(&format!("{key} = {}\n", serde_json::Value::from(*value)));
    }
    Some(new)
}

fn add_to_roster(old: &str, name: &str) -> Option<String> {
    let mut doc: toml_edit::DocumentMut = old.parse().ok()?;
    let byline = doc
        .entry("byline")
        .or_insert_with(toml_edit::table)
        .as_table_mut()?;
    let roster = byline
        .entry("roster")
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()?;
    if roster.iter().any(|v| v.as_str() == Some(name)) {
        return None;
    }
    roster.push(name);
    Some(doc.to_string())
}

/// The gazetteer level a name's suffix suggests.
fn level_of(name: &str) -> &'static str {
    let levels: [(&[&str], &str); 3] = [
        (&["村", "社区", "居委会", "嘎查"], "village"),
        (&["街道", "乡", "镇"], "town"),
        (&["区", "县", "旗"], "county"),
    ];
    (levels.iter())
        .find(|(suffixes, _)| suffixes.iter().any(|s| name.ends_with(s)))
        .map_or("landmark", |(_, level)| level)
}

/// In Markdown drafts, a `<!-- jiaodui-disable RULE -->` comment at the top (after any front
/// matter) switches the rule off for the rest of the file; plain text has no comment syntax.
fn disable_for_file(
    uri: &Uri,
    analysed: &Analysed,
    payload: &DiagnosticPayload,
    negotiated: &Negotiated,
) -> Option<WorkspaceEdit> {
    let draft = &analysed.analysis.as_ref()?.draft;
    if draft.kind != DraftKind::Markdown {
        return None;
    }
    let at = analysed
        .positions()
        .position(draft.front_matter.span.map_or(0, |span| span.end));
    let comment = format!("<!-- jiaodui-disable {} -->\n", payload.rule);
    let edit = TextEdit::new(Range::new(at, at), comment);
    Some(document_edit(negotiated, uri, payload.version, vec![edit]))
}

/// At most `chars` characters of `text`, with `…` when cut.
pub(crate) fn short(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        out.push('…');
    }
    out
}
