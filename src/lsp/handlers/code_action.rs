//! `textDocument/codeAction`: each fix of each diagnostic as a quick fix (safe fixes
//! preferred), built from the diagnostic's `data` alone; `source.fixAll.jiaodui`; and the
//! actions that edit the configuration: add a name to the roster or a place to the
//! gazetteer, ignore one finding (`[[allow]]`), disable a rule for the file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ls_types::*;

use crate::document::DraftKind;
use crate::lsp::analysis::Analysed;
use crate::lsp::capabilities::{Negotiated, FIX_ALL_KIND};
use crate::lsp::convert::Locate;
use crate::lsp::convert::{self, DiagnosticPayload, Positions};
use crate::lsp::handlers::formatting;
use crate::text::LineIndex;

pub(crate) fn actions(
    params: &CodeActionParams,
    analysed: &Analysed,
    path: Option<&Path>,
    negotiated: &Negotiated,
    today: jiff::civil::Date,
) -> Vec<CodeActionOrCommand> {
    let uri = &params.text_document.uri;
    let only = params.context.only.as_deref();
    let wants = |kind: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|asked| {
                kind.as_str() == asked.as_str()
                    || kind
                        .as_str()
                        .strip_prefix(asked.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    let mut out = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        // Only the diagnostics under the requested range: Neovim sends every diagnostic of the
        // cursor's line as context, and answering for all of them offers the same fix title
        // once per finding on the line.
        let under =
            (params.context.diagnostics.iter()).filter(|d| overlaps(&d.range, &params.range));
        for diagnostic in under {
            out.extend(quick_fixes(diagnostic, uri, analysed, path, negotiated));
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL_KIND);
    if only.is_none() {
        // Asked for everything (a lightbulb on every cursor move): offer fix-all without
        // computing it; `codeAction/resolve` fills in the edit if it is chosen.
        let has_safe = params
            .context
            .diagnostics
            .iter()
            .any(|d| convert::payload(d).is_some_and(|p| p.fixes.iter().any(|f| f.safe)));
        if has_safe {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: FIX_ALL_TITLE.into(),
                kind: Some(fix_all),
                data: Some(serde_json::json!({ "uri": uri })),
                ..Default::default()
            }));
        }
    } else if wants(&fix_all) {
        if let Some(action) = fix_all_action(uri, analysed, path, negotiated, today) {
            out.push(CodeActionOrCommand::CodeAction(action));
        }
    }
    out
}

/// The quick fixes of one of this server's diagnostics: its fixes (safe ones preferred), then
/// the actions that edit the configuration or the draft to accept it.
fn quick_fixes(
    diagnostic: &Diagnostic,
    uri: &Uri,
    analysed: &Analysed,
    path: Option<&Path>,
    negotiated: &Negotiated,
) -> Vec<CodeActionOrCommand> {
    let Some(payload) = convert::payload(diagnostic) else {
        return Vec::new();
    };
    let root = &analysed.resolved.config.root;
    let target = ConfigTarget {
        file: analysed.resolved.file.as_deref(),
        root,
        negotiated,
    };
    let mut found: Vec<(String, Option<WorkspaceEdit>, bool)> = (payload.fixes.iter())
        .map(|fix| {
            let edit = document_edit(negotiated, uri, payload.version, fix.edits.clone());
            (fix.title.clone(), Some(edit), fix.safe)
        })
        .collect();
    if let Some(name) = &payload.roster_name {
        let edit = target.edit(|old| add_to_roster(old, name));
        found.push((format!("将“{name}”加入记者名单"), edit, false));
    }
    if let Some(place) = &payload.place {
        let edit = add_to_gazetteer(&target, analysed, place);
        found.push((format!("将“{}”加入地名库", place.name), edit, false));
    }
    if !payload.text.is_empty() {
        let edit = target.edit(|old| Some(add_allow(old, &payload, path, root)));
        let title = format!("忽略此处（{}：“{}”）", payload.rule, short(&payload.text));
        found.push((title, edit, false));
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

const FIX_ALL_TITLE: &str = "修正全部可安全修正的问题";

/// `source.fixAll.jiaodui` with its edit: every safe fix, to a fixpoint.
pub(crate) fn fix_all_action(
    uri: &Uri,
    analysed: &Analysed,
    path: Option<&Path>,
    negotiated: &Negotiated,
    today: jiff::civil::Date,
) -> Option<CodeAction> {
    let edits = formatting::safe_fix_edits(analysed, path, today);
    (!edits.is_empty()).then(|| CodeAction {
        title: FIX_ALL_TITLE.into(),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        edit: Some(document_edit(
            negotiated,
            uri,
            Some(analysed.version),
            edits,
        )),
        ..Default::default()
    })
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
    if negotiated.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version,
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }
    }
}

/// Where configuration edits go: the document's config file, or a new `jiaodui.toml` in its
/// folder when the client can create files.
struct ConfigTarget<'a> {
    file: Option<&'a Path>,
    root: &'a Path,
    negotiated: &'a Negotiated,
}

impl ConfigTarget<'_> {
    fn path(&self) -> PathBuf {
        self.file
            .map_or_else(|| self.root.join("jiaodui.toml"), Path::to_path_buf)
    }

    /// A workspace edit that turns the config file's text into `change(old)`; `None` when
    /// there is nothing to change or the file cannot be written.
    fn edit(&self, change: impl FnOnce(&str) -> Option<String>) -> Option<WorkspaceEdit> {
        file_edit(&self.path(), self.negotiated, change)
    }
}

/// A workspace edit of a file on disk (created when missing and the client allows it).
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
    let index = LineIndex::new(&old);
    let at = Positions {
        text: &old,
        index: &index,
        encoding: negotiated.encoding,
    };
    let edits = convert::text_edits(&old, &new, at);
    if exists {
        return Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..Default::default()
        });
    }
    if !(negotiated.create_files && negotiated.document_changes) {
        return None;
    }
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![
            DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            })),
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }),
        ])),
        ..Default::default()
    })
}

/// A TOML basic string. JSON's escapes are a subset of TOML's.
fn toml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
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

fn add_allow(old: &str, payload: &DiagnosticPayload, path: Option<&Path>, root: &Path) -> String {
    let mut new = old.to_owned();
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    if !new.is_empty() {
        new.push('\n');
    }
    new.push_str("[[allow]]\n");
    new.push_str(&format!("rule = {}\n", toml_string(&payload.rule)));
    new.push_str(&format!("text = {}\n", toml_string(&payload.text)));
    if let Some(relative) = path.and_then(|p| p.strip_prefix(root).ok()) {
        let relative = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        new.push_str(&format!("path = {}\n", toml_string(&relative)));
    }
    new
}

/// Appends a `[[place]]` to the first TOML gazetteer the config names.
fn add_to_gazetteer(
    target: &ConfigTarget<'_>,
    analysed: &Analysed,
    place: &convert::PlacePayload,
) -> Option<WorkspaceEdit> {
    let config = &analysed.resolved.config;
    let gazetteer = config
        .config
        .places
        .gazetteers
        .iter()
        .find(|g| g.ends_with(".toml"))?;
    let path = config.root.join(gazetteer);
    file_edit(&path, target.negotiated, |old| {
        let mut new = old.to_owned();
        if !new.is_empty() && !new.ends_with('\n') {
            new.push('\n');
        }
        if !new.is_empty() {
            new.push('\n');
        }
        new.push_str("[[place]]\n");
        new.push_str(&format!("name = {}\n", toml_string(&place.name)));
        if let Some(parent) = &place.parent {
            new.push_str(&format!("parent = {}\n", toml_string(parent)));
        }
        new.push_str(&format!("level = {}\n", toml_string(level_of(&place.name))));
        Some(new)
    })
}

/// The gazetteer level a name's suffix suggests.
fn level_of(name: &str) -> &'static str {
    const TOWN: [&str; 3] = ["街道", "乡", "镇"];
    const VILLAGE: [&str; 4] = ["村", "社区", "居委会", "嘎查"];
    const COUNTY: [&str; 3] = ["区", "县", "旗"];
    if VILLAGE.iter().any(|s| name.ends_with(s)) {
        "village"
    } else if TOWN.iter().any(|s| name.ends_with(s)) {
        "town"
    } else if COUNTY.iter().any(|s| name.ends_with(s)) {
        "county"
    } else {
        "landmark"
    }
}

/// In Markdown drafts, a `<!-- jiaodui-disable RULE -->` comment at the top (after any front
/// matter) switches the rule off for the rest of the file. Plain-text drafts have no comment
/// syntax, so the action is not offered there.
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
    let offset = draft.front_matter.span.map_or(0, |span| span.end);
    let at = analysed.positions();
    let position = at.position(offset);
    let edit = TextEdit::new(
        Range::new(position, position),
        format!("<!-- jiaodui-disable {} -->\n", payload.rule),
    );
    Some(document_edit(negotiated, uri, payload.version, vec![edit]))
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(12).collect();
    if text.chars().count() > 12 {
        out.push('…');
    }
    out
}
