//! The language server, end to end: real LSP over stdio to the built binary
//! (initialize → open → edits → requests → shutdown/exit), for each capability, both position
//! encodings with `𠮷`, edit bursts that must converge, and bad input.

mod lsp_harness;

use std::path::Path;

use jiaodui::config::LoadedConfig;
use lsp_harness::*;
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_jiaodui");
const TODAY: &str = "2024-06-10";

/// A page with a headline, a lead with a credit, a half-width comma between Han characters
/// (`punct/halfwidth`, safe fix) and a caption.
const PAGE: &str = "平城区新开街道推进老旧小区改造\n\n本报讯（记者 王海）近日，新开街道启动改造工程,涉及居民1,000户。\n\n居民在新建的健身广场锻炼 本报记者 王海 摄\n";

fn start(capabilities: Value, root: &Path) -> (Server, Value) {
    start_with(capabilities, root, &[], Value::Null)
}

fn start_with(
    capabilities: Value,
    root: &Path,
    env: &[(&str, &str)],
    options: Value,
) -> (Server, Value) {
    let mut vars = vec![("JIAODUI_TODAY", TODAY)];
    vars.extend_from_slice(env);
    let mut server = Server::spawn(BIN, &vars, root);
    let result = server.initialize(capabilities, Some(root), options);
    (server, result)
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn uri_in(dir: &Path, name: &str) -> String {
    file_uri(&dir.join(name))
}

fn rules_of(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The diagnostics the library finds in `text`, as (rule, start, end) in `encoding`.
fn expected(text: &str, path: &Path, encoding: &str) -> Vec<Finding> {
    library_findings(text, Some(path), path.parent().unwrap(), encoding, TODAY)
}

#[test]
fn negotiates_position_encoding_and_diagnostic_model() {
    let dir = tempdir();
    let (server, result) = start(
        pushing_client(Some(&["utf-32", "utf-8", "utf-16"])),
        dir.path(),
    );
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(result["capabilities"].get("diagnosticProvider").is_none());
    assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(result["serverInfo"]["name"], "jiaodui");
    assert!(server.shutdown().success());

    let (server, result) = start(pushing_client(Some(&["utf-16"])), dir.path());
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert!(server.shutdown().success());

    let (server, result) = start(pulling_client(), dir.path());
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["identifier"],
        "jiaodui"
    );
    assert!(server.shutdown().success());
}

#[test]
fn pushes_versioned_diagnostics_with_code_link_and_fix_data() {
    let dir = tempdir();
    let (mut server, _) = start(pushing_client(None), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    let diagnostics = server.published(&uri, 1);
    assert_eq!(rules_of(&diagnostics), ["punct/halfwidth"]);
    let d = &diagnostics[0];
    assert_eq!(d["source"], "jiaodui");
    assert_eq!(d["severity"], 2);
    assert!(d["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .contains("docs/rules.md#puncthalfwidth"));
    let comma = PAGE.find("程,").unwrap() + "程".len();
    assert_eq!(d["range"]["start"], position(PAGE, comma, "utf-16"));
    let fix = &d["data"]["fixes"][0];
    assert_eq!(fix["safe"], true);
    assert_eq!(fix["edits"][0]["newText"], "，");
    assert_eq!(d["data"]["version"], 1);

    // Fix it by hand: the next publish carries version 2 and nothing.
    server.change(&uri, 2, json!([{"range": d["range"], "text": "，"}]));
    assert!(server.published(&uri, 2).is_empty());

    // Closing clears the document's diagnostics.
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    server.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"] == json!([])
            && m["params"]["version"].is_null()
    });
    assert!(server.shutdown().success());
}

#[test]
fn a_pulling_client_is_never_pushed_document_diagnostics() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    let response = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    let report = &response["result"];
    assert_eq!(report["kind"], "full");
    assert_eq!(
        rules_of(report["items"].as_array().unwrap()),
        ["punct/halfwidth"]
    );
    // Unchanged since: the client's result ID is current.
    let again = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}, "previousResultId": report["resultId"]}),
    );
    assert_eq!(again["result"]["kind"], "unchanged");
    assert_eq!(again["result"]["resultId"], report["resultId"]);
    // Both parse as the protocol's reports; a document that is not open has an empty one.
    for answer in [report, &again["result"]] {
        serde_json::from_value::<ls_types::DocumentDiagnosticReport>(answer.clone()).unwrap();
    }
    let closed = json!({"textDocument": {"uri": uri_in(dir.path(), "closed.txt")}});
    let closed = server.request("textDocument/diagnostic", closed);
    assert_eq!(closed["result"], json!({"kind": "full", "items": []}));
    server.change(&uri, 2, json!([{"text": PAGE.replace(',', "，")}]));
    assert!(server.pull(&uri).is_empty());

    // A long page: after the first full check, an edit is re-checked in chunks, and the
    // chunked result agrees with a full check.
    let long_uri = uri_in(dir.path(), "long.txt");
    let mut long = long_page();
    server.open(&long_uri, "plaintext", 1, &long);
    server.pull(&long_uri);
    let middle = long.len() / 2;
    let middle = (middle..).find(|&i| long.is_char_boundary(i)).unwrap();
    let at = position(&long, middle, "utf-16");
    long.insert(middle, ',');
    server.change(
        &long_uri,
        2,
        json!([{"range": {"start": at, "end": at}, "text": ","}]),
    );
    let response = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": long_uri}}),
    );
    let report = &response["result"];
    assert!(
        report["resultId"].as_str().unwrap().ends_with(":chunked"),
        "{report}"
    );
    assert_eq!(
        sent_findings(report["items"].as_array().unwrap()),
        expected(&long, &dir.path().join("long.txt"), "utf-16")
    );
    server.drain();
    assert!(
        !server
            .log
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] != json!(null)
                && m["params"]["uri"].as_str().unwrap().ends_with(".txt")),
        "a pulling client got pushed diagnostics too: {:?}",
        server.log
    );
    assert!(server.shutdown().success());
}

/// `𠮷` is four bytes, two UTF-16 code units and one character: positions in and out must
/// agree in both encodings.
#[test]
fn astral_characters_map_right_in_both_encodings() {
    let text = "𠮷𠮷,测试𠮷\r\n第二行𠮷;好\n";
    for encoding in ["utf-8", "utf-16"] {
        let dir = tempdir();
        let (mut server, result) = start(pushing_client(Some(&[encoding])), dir.path());
        assert_eq!(result["capabilities"]["positionEncoding"], encoding);
        let path = dir.path().join("a.txt");
        let uri = file_uri(&path);
        server.open(&uri, "plaintext", 1, text);
        let diagnostics = server.published(&uri, 1);
        assert_eq!(
            sent_findings(&diagnostics),
            expected(text, &path, encoding),
            "{encoding}"
        );
        let comma = text.find(',').unwrap();
        assert_eq!(
            diagnostics[0]["range"]["start"],
            position(text, comma, encoding)
        );

        // Replace `测` (after the comma) through a client position in this encoding, then
        // insert after the second line's `𠮷`.
        let ce = text.find('测').unwrap();
        let mut client_text = text.to_owned();
        let range = json!({"start": position(text, ce, encoding),
                            "end": position(text, ce + '测'.len_utf8(), encoding)});
        client_text.replace_range(ce..ce + '测'.len_utf8(), "考,");
        let second = client_text.rfind('𠮷').unwrap() + '𠮷'.len_utf8();
        let at = position(&client_text, second, encoding);
        client_text.insert_str(second, "𠮷,");
        server.change(
            &uri,
            2,
            json!([{"range": range, "text": "考,"}, {"range": {"start": at, "end": at}, "text": "𠮷,"}]),
        );
        let diagnostics = server.published(&uri, 2);
        assert_eq!(
            sent_findings(&diagnostics),
            expected(&client_text, &path, encoding),
            "{encoding}"
        );
        assert!(server.shutdown().success());
    }
}

/// A page of many articles, large enough to be re-checked in chunks.
fn long_page() -> String {
    (0..80)
        .map(|i| format!("第{i}条新闻标题\n\n本报讯（记者 王海）{i}日，新开街道启动改造工程，涉及居民1,000户。\n\n居民在新建的健身广场锻炼\n\n"))
        .collect()
}

/// A burst of edits sent without waiting must leave the server with exactly the client's
/// text; the last publish is for the last version, and versions never go backwards. On a long
/// page the burst is re-checked in chunks, which must agree with a full check.
#[test]
fn edit_bursts_converge_to_the_clients_text() {
    let long = long_page();
    assert!(long.len() > 8 * 1024);
    for (encoding, page) in [
        ("utf-8", PAGE),
        ("utf-16", PAGE),
        ("utf-16", long.as_str()),
        ("utf-8", long.as_str()),
    ] {
        let dir = tempdir();
        let (mut server, _) = start(pushing_client(Some(&[encoding])), dir.path());
        let path = dir.path().join("burst.txt");
        let uri = file_uri(&path);
        let mut text = page.to_owned();
        server.open(&uri, "plaintext", 1, &text);
        // Once the first check is in, later versions are re-checked in chunks.
        server.published(&uri, 1);
        let inserts = [
            "𠮷",
            ",",
            "王",
            "\r\n",
            "（",
            "a",
            "。",
            "\n\n",
            ";",
            "\n\n新标题\n\n",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut version = 1;
        for _ in 0..150 {
            version += 1;
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .filter(|&i| !(i > 0 && text[..i].ends_with('\r') && text[i..].starts_with('\n')))
                .collect();
            let a = boundaries[next() as usize % boundaries.len()];
            let b = if next() % 3 == 0 {
                boundaries[next() as usize % boundaries.len()]
            } else {
                a
            };
            let (start, end) = (a.min(b), a.max(b).min(a.min(b) + 12));
            let end = *boundaries.iter().find(|&&i| i >= end).unwrap();
            let insert = inserts[next() as usize % inserts.len()];
            let range = json!({"start": position(&text, start, encoding),
                                "end": position(&text, end, encoding)});
            text.replace_range(start..end, insert);
            server.change(&uri, version, json!([{"range": range, "text": insert}]));
        }
        let diagnostics = server.published(&uri, version);
        assert_eq!(
            sent_findings(&diagnostics),
            expected(&text, &path, encoding),
            "{encoding}"
        );
        // Formatting returns edits against the server's text; applied to the client's text
        // they must give what `--fix` gives.
        let response = server.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
        );
        let edits = response["result"].as_array().cloned().unwrap_or_default();
        let config = LoadedConfig::defaults(dir.path().to_path_buf());
        let fixed = jiaodui::lint::fix(&text, Some(&path), &config, TODAY.parse().unwrap());
        assert_eq!(
            apply_edits(&text, &edits, encoding),
            fixed.text,
            "{encoding}"
        );
        server.drain();
        let versions: Vec<i64> = server
            .log
            .iter()
            .filter(|m| m["method"] == "textDocument/publishDiagnostics")
            .filter_map(|m| m["params"]["version"].as_i64())
            .collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        assert!(server.shutdown().success());
    }
}

/// Formatting answers with the smallest edits: applied, they give what `--fix` gives, in
/// either encoding, and a line the fixes leave alone is in no edit.
#[test]
fn formatting_edits_leave_unchanged_lines_alone() {
    let text = "标题。\n\n本报讯(记者 王海)8日,𠮷社区。\n不变的一行\n末尾,\n";
    for encoding in ["utf-8", "utf-16"] {
        let dir = tempdir();
        let (mut server, _) = start(pushing_client(Some(&[encoding])), dir.path());
        let path = dir.path().join("a.txt");
        let uri = file_uri(&path);
        server.open(&uri, "plaintext", 1, text);
        let response = server.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
        );
        let edits = response["result"].as_array().cloned().unwrap_or_default();
        let config = LoadedConfig::defaults(dir.path().to_path_buf());
        let fixed = jiaodui::lint::fix(text, Some(&path), &config, TODAY.parse().unwrap());
        assert_ne!(fixed.text, text);
        assert_eq!(
            apply_edits(text, &edits, encoding),
            fixed.text,
            "{encoding}"
        );
        let touched = |e: &Value| e["newText"].as_str().unwrap().contains("不变");
        assert!(!edits.iter().any(touched), "{encoding}: {edits:?}");
        assert!(server.shutdown().success());
    }
}

#[test]
fn quick_fixes_come_from_diagnostic_data_and_fix_all_applies_safe_fixes() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    let text = "标题,\n\n本报讯（记者 王海）社区组织志愿者,为居民服务;活动持续一天。\n";
    server.open(&uri, "plaintext", 1, text);
    let diagnostics = server.pull(&uri);
    assert!(diagnostics.len() >= 2, "{diagnostics:?}");
    let first = &diagnostics[0];
    let response = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": first["range"],
               "context": {"diagnostics": [first]}}),
    );
    let actions = response["result"].as_array().unwrap();
    let quick = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .expect("a preferred quick fix");
    let change = &quick["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 1);
    assert_eq!(
        change["edits"].as_array().unwrap()[0]["range"],
        first["data"]["fixes"][0]["edits"][0]["range"]
    );
    // The allow-list action writes a new jiaodui.toml (the client may create files).
    let ignore = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("忽略此处"))
        .expect("ignore action");
    let ops = ignore["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(ops[0]["kind"], "create");
    assert!(ops[0]["uri"].as_str().unwrap().ends_with("/jiaodui.toml"));
    let new_config = ops[1]["edits"][0]["newText"].as_str().unwrap();
    assert!(
        new_config.contains("[[allow]]") && new_config.contains("path = \"a.txt\""),
        "{new_config}"
    );
    LoadedConfig::parse(
        new_config,
        &dir.path().join("jiaodui.toml"),
        jiaodui::lint::rule_ids(),
    )
    .expect("valid config");

    // Asked for everything, fix-all comes without its edit, filled in by resolve.
    let response = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": first["range"],
               "context": {"diagnostics": diagnostics}}),
    );
    let deferred = response["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source.fixAll.jiaodui")
        .cloned()
        .expect("deferred fix-all");
    assert!(deferred.get("edit").is_none());
    let resolved = server.request("codeAction/resolve", deferred);
    let edits = resolved["result"]["edit"]["documentChanges"][0]["edits"]
        .as_array()
        .unwrap();
    assert_eq!(
        apply_edits(text, edits, "utf-16"),
        "标题\n\n本报讯（记者 王海）社区组织志愿者，为居民服务；活动持续一天。\n"
    );

    // Fix-all: only safe fixes, to a fixpoint.
    let response = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let actions = response["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.jiaodui");
    let edits = actions[0]["edit"]["documentChanges"][0]["edits"]
        .as_array()
        .unwrap();
    let fixed = apply_edits(text, edits, "utf-16");
    assert_eq!(
        fixed,
        "标题\n\n本报讯（记者 王海）社区组织志愿者，为居民服务；活动持续一天。\n"
    );
    assert!(server.shutdown().success());
}

/// A Markdown draft's front matter names its reporters (`reporter:`): the quick fix of a
/// missing byline credits them, not the page's other reporters — on a page long enough to be
/// re-checked in chunks too, after an edit far from the front matter.
#[test]
fn a_missing_bylines_quick_fix_credits_the_front_matters_reporters() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.md");
    let signed: String = (1..80)
        .map(|i| format!("# 第{i}条新闻\n\n本报讯（记者 王海）{i}日，新开街道启动改造工程。\n\n"))
        .collect();
    let mut text = format!(
        "---\nreporter: 李敏 孙露\n---\n{signed}# 新开街道推进改造\n\n近日，新开街道启动老旧小区改造，涉及12个小区。\n"
    );
    assert!(text.len() > 4 * 1024);
    server.open(&uri, "markdown", 1, &text);
    let quick_fix = |server: &mut Server, text: &str| {
        let diagnostics = server.pull(&uri);
        let missing = (diagnostics.iter())
            .find(|d| d["code"] == "byline/missing")
            .unwrap_or_else(|| panic!("no byline/missing in {diagnostics:?}"))
            .clone();
        let response = server.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": missing["range"],
                   "context": {"diagnostics": [missing], "only": ["quickfix"]}}),
        );
        let actions = response["result"].as_array().unwrap().clone();
        let action = (actions.iter())
            .find(|a| a["title"].as_str().unwrap().starts_with("插入"))
            .unwrap_or_else(|| panic!("no insertion in {actions:?}"));
        let edits = action["edit"]["documentChanges"][0]["edits"]
            .as_array()
            .unwrap();
        apply_edits(text, edits, "utf-16")
    };
    let fixed = quick_fix(&mut server, &text);
    assert!(
        fixed.ends_with("本报讯（记者 李敏 孙露）近日，新开街道启动老旧小区改造，涉及12个小区。\n"),
        "{fixed}"
    );
    // An edit in the unsigned item, far from the front matter.
    let at = text.find("涉及12个").unwrap();
    let range =
        json!({"start": position(&text, at, "utf-16"), "end": position(&text, at, "utf-16")});
    text.insert(at, '新');
    server.change(&uri, 2, json!([{"range": range, "text": "新"}]));
    let fixed = quick_fix(&mut server, &text);
    assert!(fixed.contains("本报讯（记者 李敏 孙露）近日"), "{fixed}");
    assert!(server.shutdown().success());
}

/// The actions that edit the configuration take what they add from the diagnostic's data: a
/// reporter for the roster in `jiaodui.toml`, a place and its parent for a newsroom gazetteer.
#[test]
fn config_actions_add_a_reporter_to_the_roster_and_a_place_to_the_gazetteer() {
    let dir = tempdir();
    let config = "[byline]\nroster = [\"王海\"]\n\n[places]\ngazetteers = [\"places.toml\"]\n";
    std::fs::write(dir.path().join("jiaodui.toml"), config).unwrap();
    std::fs::write(dir.path().join("places.toml"), "").unwrap();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    let text = "本报讯（记者 王梅）近日，平城区水泊寺街道永按社区组织志愿者清扫街巷。\n";
    server.open(&uri, "plaintext", 1, text);
    let diagnostics = server.pull(&uri);
    let mut edited = |rule: &str, title: &str, file: &str, old: &str| {
        let diagnostic = (diagnostics.iter())
            .find(|d| d["code"] == rule)
            .unwrap_or_else(|| panic!("no {rule} in {diagnostics:?}"));
        let response = server.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diagnostic["range"],
                   "context": {"diagnostics": [diagnostic], "only": ["quickfix"]}}),
        );
        let actions = response["result"].as_array().unwrap();
        let action = (actions.iter())
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("no {title} in {actions:?}"));
        let edits = &action["edit"]["changes"][uri_in(dir.path(), file)];
        apply_edits(old, edits.as_array().unwrap(), "utf-16")
    };
    let roster = edited(
        "byline/unknown-reporter",
        "将“王梅”加入记者名单",
        "jiaodui.toml",
        config,
    );
    assert!(roster.contains("roster = [\"王海\", \"王梅\"]"), "{roster}");
    let places = edited(
        "place/misspelled",
        "将“永按社区”加入地名库",
        "places.toml",
        "",
    );
    assert_eq!(
        places,
        "[[place]]\nname = \"永按社区\"\nparent = \"水泊寺街道\"\nlevel = \"village\"\n"
    );
    assert!(server.shutdown().success());
}

#[test]
fn markdown_drafts_offer_disabling_a_rule_for_the_file() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.md");
    let text =
        "---\ndate: 2024-06-10\n---\n# 标题\n\n本报讯（记者 王海）社区组织志愿者,为居民服务。\n";
    server.open(&uri, "markdown", 1, text);
    let diagnostics = server.pull(&uri);
    assert_eq!(rules_of(&diagnostics), ["punct/halfwidth"]);
    let response = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diagnostics[0]["range"],
               "context": {"diagnostics": diagnostics, "only": ["quickfix"]}}),
    );
    let disable = response["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("在本文件中停用"))
        .cloned()
        .expect("disable action");
    let edits = disable["edit"]["documentChanges"][0]["edits"]
        .as_array()
        .unwrap();
    let disabled = apply_edits(text, edits, "utf-16");
    assert!(
        disabled.contains("---\n<!-- jiaodui-disable punct/halfwidth -->\n# 标题"),
        "{disabled}"
    );
    server.change(&uri, 2, json!([{"text": disabled}]));
    assert!(server.pull(&uri).is_empty());
    assert!(server.shutdown().success());
}

#[test]
fn hover_shows_the_rule_docs_on_a_finding() {
    let dir = tempdir();
    let (mut server, _) = start(pushing_client(Some(&["utf-8"])), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    let diagnostics = server.published(&uri, 1);
    let response = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": diagnostics[0]["range"]["start"]}),
    );
    let value = response["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("punct/halfwidth") && value.contains("GB/T 15834"),
        "{value}"
    );
    assert_eq!(response["result"]["range"], diagnostics[0]["range"]);
    // Nowhere special (`推进`, after the place names): no hover.
    let response = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(PAGE, PAGE.find("推进").unwrap(), "utf-8")}),
    );
    assert!(response["result"].is_null(), "{response}");
    assert!(server.shutdown().success());
}

/// A Markdown page dated 2023-03-15 (a Wednesday) with a day-only date, a relative day, a place and
/// a byline.
const DATED: &str = "---\ndate: 2023-03-15\n---\n平城区召开安全生产会议\n\n本报讯（记者 王海 李敏）14日，平城区召开会议。昨天下午，新开街道开展演练。\n";

fn hover_at(server: &mut Server, uri: &str, text: &str, needle: &str) -> Value {
    let at = position(text, text.find(needle).unwrap(), "utf-16");
    server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at}),
    )
}

fn hover_text(response: &Value) -> String {
    response["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("no hover: {response}"))
        .to_owned()
}

#[test]
fn hover_shows_the_gazetteer_entry_of_a_place() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    let response = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
    );
    let value = hover_text(&response);
    assert!(
        value.contains("山西省") && value.contains("大同市") && value.contains("140213"),
        "{value}"
    );
    assert_eq!(
        response["result"]["range"],
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}})
    );
    assert!(server.shutdown().success());
}

#[test]
fn hover_resolves_dates_and_parses_bylines() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.md");
    server.open(&uri, "markdown", 1, DATED);
    let value = hover_text(&hover_at(&mut server, &uri, DATED, "14日"));
    assert!(
        value.contains("2023年3月14日") && value.contains("星期二"),
        "{value}"
    );
    let value = hover_text(&hover_at(&mut server, &uri, DATED, "昨天"));
    assert!(value.contains("2023年3月14日"), "{value}");
    let value = hover_text(&hover_at(&mut server, &uri, DATED, "记者"));
    assert!(
        value.contains("记者") && value.contains("王海、李敏"),
        "{value}"
    );
    assert!(server.shutdown().success());
}

#[test]
fn hover_shows_both_a_finding_and_a_fact_under_the_cursor() {
    let dir = tempdir();
    let (mut server, _) = start(pushing_client(Some(&["utf-8"])), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    // The half-width comma sits inside the byline.
    let text = "标题\n\n本报讯（记者 王海,李敏）近日，社区开展活动。\n";
    server.open(&uri, "plaintext", 1, text);
    let diagnostics = server.published(&uri, 1);
    let comma = text.find(',').unwrap();
    let finding = diagnostics
        .iter()
        .find(|d| {
            offset(text, &d["range"]["start"], "utf-8") <= comma
                && comma < offset(text, &d["range"]["end"], "utf-8")
        })
        .unwrap_or_else(|| panic!("no finding on the comma: {diagnostics:?}"));
    let rule = finding["code"].as_str().unwrap();
    let value = hover_text(&hover_at(&mut server, &uri, text, ","));
    assert!(value.contains(rule), "{value}");
    assert!(
        value.contains("**署名**") && value.contains("王海"),
        "{value}"
    );
    assert!(server.shutdown().success());
}

#[test]
fn inlay_hints_show_the_absolute_date_after_day_only_and_relative_dates() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.md");
    server.open(&uri, "markdown", 1, DATED);
    let response = server.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {
            "start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}),
    );
    let hints = response["result"].as_array().unwrap();
    let after = |needle: &str| {
        let end = position(DATED, DATED.find(needle).unwrap() + needle.len(), "utf-16");
        hints
            .iter()
            .find(|h| h["position"] == end)
            .unwrap_or_else(|| panic!("no hint after {needle}: {hints:?}"))
            .clone()
    };
    assert_eq!(after("14日")["label"], "3月14日 周二");
    assert_eq!(after("昨天")["label"], "3月14日 周二");
    assert!(after("昨天")["tooltip"]
        .as_str()
        .unwrap()
        .contains("2023年3月14日 星期二"));
    // A range that ends before the dates: no hints.
    let response = server.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {
            "start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}}),
    );
    assert_eq!(response["result"], json!([]));
    assert!(server.shutdown().success());
}

#[test]
fn completion_offers_place_names_nearest_the_region_first() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("jiaodui.toml"),
        "[bulletin]\nregion = \"山西省大同市\"\n",
    )
    .unwrap();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    let text = "标题\n\n今天在平城\n";
    server.open(&uri, "plaintext", 1, text);
    let end = position(text, text.find("平城").unwrap() + "平城".len(), "utf-16");
    let response = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": end}),
    );
    let items = response["result"].as_array().unwrap();
    assert!(!items.is_empty() && items.len() <= 50, "{items:?}");
    assert_eq!(items[0]["label"], "平城区", "{items:?}");
    assert!(items[0]["detail"].as_str().unwrap().contains("大同市"));
    assert!(items
        .iter()
        .all(|i| i["label"].as_str().unwrap().starts_with("平城")));
    // The edit replaces what was typed of the name.
    let edit = &items[0]["textEdit"];
    let start = position(text, text.find("平城").unwrap(), "utf-16");
    assert_eq!(edit["range"]["start"], start);
    // Plain text that begins no name: nothing.
    let text = "标题\n\n今天在\n";
    server.change(&uri, 2, json!([{"text": text}]));
    let end = position(text, text.find("在").unwrap() + "在".len(), "utf-16");
    let response = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": end}),
    );
    let empty = response["result"].as_array().is_none_or(|a| a.is_empty());
    assert!(empty, "{response}");
    assert!(server.shutdown().success());
}

#[test]
fn document_symbols_outline_the_page() {
    let dir = tempdir();
    let (mut server, _) = start(pushing_client(None), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    let text = format!("{PAGE}\n第二条新闻标题\n\n本报讯（记者 李敏）8日，红旗社区开展活动。\n");
    server.open(&uri, "plaintext", 1, &text);
    let response = server.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let symbols = response["result"].as_array().unwrap();
    let names: Vec<&str> = symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"平城区新开街道推进老旧小区改造"),
        "{names:?}"
    );
    assert!(names.contains(&"第二条新闻标题"), "{names:?}");
    let first = symbols
        .iter()
        .find(|s| s["name"] == "平城区新开街道推进老旧小区改造")
        .unwrap();
    assert_eq!(first["detail"], "本报讯（记者 王海）");
    assert!(server.shutdown().success());
}

#[test]
fn completion_offers_roster_names_and_the_byline_template() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("jiaodui.toml"),
        "[byline]\nroster = [\"王海\", \"李敏\"]\ndefault_reporter = \"王海\"\n",
    )
    .unwrap();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    let text = "标题\n\n本报讯（记者 \n";
    server.open(&uri, "plaintext", 1, text);
    let after_role = position(text, text.find("记者 ").unwrap() + "记者 ".len(), "utf-16");
    let response = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": after_role}),
    );
    let labels: Vec<&str> = response["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["王海", "李敏"]);

    let text = "标题\n\n\n";
    server.change(&uri, 2, json!([{"text": text}]));
    let response = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 0}}),
    );
    let item = &response["result"][0];
    assert_eq!(item["label"], "本报讯（记者 王海）");
    assert_eq!(item["insertTextFormat"], 2);
    assert!(server.shutdown().success());
}

#[test]
fn config_changes_apply_without_restart_and_errors_show_on_the_config_file() {
    let dir = tempdir();
    let config = dir.path().join("jiaodui.toml");
    std::fs::write(&config, "[rules]\n\"punct/halfwidth\" = \"error\"\n").unwrap();
    let (mut server, _) = start(pushing_client(None), dir.path());
    server.wait_for("watcher registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    let diagnostics = server.published(&uri, 1);
    assert_eq!(diagnostics[0]["severity"], 1);

    // Switched off on disk: a watched-file event re-checks the open document.
    std::fs::write(&config, "[rules]\n\"punct/halfwidth\" = \"off\"\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    let message = server.wait_for("re-check after config change", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"] == json!([])
    });
    assert_eq!(message["params"]["version"], 1);

    // A broken config: an error on the config file; the last good config stays in force.
    std::fs::write(&config, "[rules]\n\"punct/halfwidth\" = \"loud\"\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    let message = server.wait_for("config error", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == file_uri(&config)
            && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    let error = &message["params"]["diagnostics"][0];
    assert_eq!(error["range"]["start"]["line"], 1);
    assert_eq!(error["severity"], 1);
    server.change(&uri, 2, json!([{"text": PAGE}]));
    assert!(
        server.published(&uri, 2).is_empty(),
        "last good config (off) applies"
    );

    // Fixed again: the error is cleared.
    std::fs::write(&config, "[rules]\n\"punct/halfwidth\" = \"info\"\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    server.wait_for("config error cleared", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == file_uri(&config)
            && m["params"]["diagnostics"] == json!([])
    });
    let message = server.wait_for("re-check with info", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"][0]["severity"] == 3
    });
    assert_eq!(message["params"]["version"], 2);

    // Settings name another config file: it replaces discovery.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "[rules]\n\"punct/halfwidth\" = \"error\"\n").unwrap();
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"jiaodui": {"configPath": other}}}),
    );
    server.wait_for("re-check with the configured file", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"][0]["severity"] == 1
    });
    assert!(server.shutdown().success());
}

#[test]
fn pulling_clients_are_asked_to_refresh_after_a_config_change() {
    let dir = tempdir();
    let config = dir.path().join("jiaodui.toml");
    std::fs::write(&config, "").unwrap();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    assert_eq!(server.pull(&uri).len(), 1);
    std::fs::write(&config, "[rules]\n\"punct/halfwidth\" = \"off\"\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    server.wait_for("refresh request", |m| {
        m["method"] == "workspace/diagnostic/refresh"
    });
    assert!(server.pull(&uri).is_empty());
    assert!(server.shutdown().success());
}

/// Pages of megabytes made of short lines — a headline on each, a note in brackets, verse,
/// an item of one line, Markdown comments — are answered like any other, after they open
/// and after an edit: the server checks a page whole, and the parser and the rules read it
/// in proportion to its size (such pages once kept the server busy for minutes; a debug
/// build now answers in a second or two).
#[test]
fn megabytes_of_short_lines_are_answered() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let pages = [
        ("headlines.txt", "标题\n", 1),
        ("notes.txt", "（王海 李敏）\n", 1),
        ("verse.txt", "楼道亮了，\n电梯来了\n", 1),
        ("items.txt", "本报讯 8日，红旗社区举办读书会。\n", 1),
        ("comments.md", "<!-- 注释 -->\n", 4),
    ];
    for (name, line, megabytes) in pages {
        let uri = uri_in(dir.path(), name);
        let text = line.repeat(megabytes * 1024 * 1024 / line.len());
        server.open(&uri, "plaintext", 1, &text);
        server.pull(&uri);
        let end = json!({"line": 3, "character": 0});
        let edit = json!([{"range": {"start": end, "end": end}, "text": "新"}]);
        server.change(&uri, 2, edit);
        server.pull(&uri);
    }
    assert!(server.shutdown().success());
}

#[test]
fn bad_input_never_crashes_or_loses_the_document() {
    let dir = tempdir();
    let (mut server, _) = start_with(
        pushing_client(None),
        dir.path(),
        &[("JIAODUI_TEST_PANIC", "触发崩溃")],
        Value::Null,
    );
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    server.published(&uri, 1);

    // Malformed JSON: a parse error, and the server keeps serving.
    let garbage = b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ";
    server.send_raw(format!("Content-Length: {}\r\n\r\n", garbage.len()).as_bytes());
    server.send_raw(garbage);
    let error = server.wait_for("parse error", |m| m["error"]["code"] == -32700);
    assert!(error["id"].is_null());
    // Valid JSON that is not JSON-RPC.
    server.send(&json!({"hello": "world"}));
    // Unknown request and notification.
    let response = server.request("jiaodui/unknown", json!({}));
    assert_eq!(response["error"]["code"], -32601);
    server.notify("jiaodui/unknownNotification", json!({}));
    // Params of the wrong shape.
    let response = server.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(response["error"]["code"], -32602);

    // Ranges past the end are clamped; a stale version is ignored.
    let end = json!({"line": 999, "character": 999});
    server.change(
        &uri,
        2,
        json!([{"range": {"start": end, "end": end}, "text": "尾,巴"}]),
    );
    let past_line = json!({"line": 0, "character": 999});
    server.change(
        &uri,
        3,
        json!([{"range": {"start": past_line, "end": past_line}, "text": "。"}]),
    );
    server.change(&uri, 3, json!([{"text": "stale: must be ignored"}]));
    server.change(&uri, 1, json!([{"text": "older still"}]));
    server.change(&uri, 4, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": ""}]));
    // A change to a document that is not open.
    server.change(
        &uri_in(dir.path(), "missing.txt"),
        5,
        json!([{"text": "x"}]),
    );
    let text = PAGE.replacen('\n', "。\n", 1) + "尾,巴";
    let path = dir.path().join("a.txt");
    let diagnostics = server.published(&uri, 4);
    assert_eq!(
        sent_findings(&diagnostics),
        expected(&text, &path, "utf-16")
    );

    // A panic in analysis is caught and reported; the server keeps serving.
    let panicking = uri_in(dir.path(), "panic.txt");
    server.open(&panicking, "plaintext", 1, "触发崩溃");
    server.wait_for("panic log", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap()
                .contains("panicked")
    });
    // Binary and huge documents are kept but not checked.
    let binary = uri_in(dir.path(), "image.txt");
    server.open(&binary, "plaintext", 1, "PK\u{3}\u{4}\u{0}\u{0}\u{0}binary");
    server.wait_for("binary log", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"].as_str().unwrap().contains("binary")
    });
    assert!(server.published(&binary, 1).is_empty());
    let huge_text = "社区,活动。\n".repeat(9 * 1024 * 1024 / 17);
    let huge = uri_in(dir.path(), "huge.txt");
    server.open(&huge, "plaintext", 1, &huge_text);
    assert!(server.published(&huge, 1).is_empty());

    // Still the same document, still answering.
    let response = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": diagnostics[0]["range"]["start"]}),
    );
    assert!(response["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains(diagnostics[0]["code"].as_str().unwrap()));
    assert!(server.shutdown().success());
}

/// Neovim's `vim.lsp.buf.code_action()` sends every diagnostic of the cursor's line as context
/// with an empty range at the cursor: only the finding under the cursor gets a quick fix.
#[test]
fn quick_fixes_answer_only_for_diagnostics_under_the_range() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let uri = uri_in(dir.path(), "a.txt");
    let text = "本报讯（记者 王海）社区居民𠮷大爷说,现在楼道干净多了,孩子们也有地方玩了。\n";
    server.open(&uri, "plaintext", 1, text);
    let diagnostics = server.pull(&uri);
    assert_eq!(
        rules_of(&diagnostics),
        ["punct/halfwidth", "punct/halfwidth"]
    );
    let cursor = &diagnostics[0]["range"]["start"];
    let response = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor},
               "context": {"diagnostics": diagnostics}}),
    );
    let preferred: Vec<&Value> = response["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .collect();
    assert_eq!(preferred.len(), 1, "{preferred:?}");
    assert_eq!(
        preferred[0]["diagnostics"][0]["range"],
        diagnostics[0]["range"]
    );
    assert!(server.shutdown().success());
}

/// A GB18030 draft that the editor decoded as Latin-1 (Neovim's fallback) is reported as such,
/// once, in Chinese, with how to reopen it, and is not checked; so is one decoded as UTF-8,
/// whose Chinese characters became U+FFFD.
#[test]
fn gb18030_read_as_latin1_is_reported_not_checked() {
    let dir = tempdir();
    let (mut server, _) = start(pushing_client(None), dir.path());
    let (bytes, _, _) = encoding_rs::GB18030.encode(PAGE);
    let latin1: String = bytes.iter().map(|&b| b as char).collect();
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, &latin1);
    let diagnostics = server.published(&uri, 1);
    assert_eq!(rules_of(&diagnostics), ["file/encoding"], "{diagnostics:?}");
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(
        message.contains("GB18030")
            && message.contains("平城区新开街道")
            && message.contains(":e ++enc=gb18030"),
        "{message}"
    );
    assert_eq!(diagnostics[0]["severity"], 1);
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    let lost = String::from_utf8_lossy(&bytes).into_owned();
    server.change(&uri, 2, json!([{"text": lost}]));
    assert_eq!(rules_of(&server.published(&uri, 2)), ["file/encoding"]);
    // Reopened right: checked as usual. Latin text with accents is not taken for mojibake.
    server.change(&uri, 3, json!([{"text": PAGE}]));
    assert_eq!(rules_of(&server.published(&uri, 3)), ["punct/halfwidth"]);
    let french = "Le café de la rue Saint-Honoré, à côté du théâtre, ouvre à l'été.\n";
    server.change(&uri, 4, json!([{"text": french.repeat(5)}]));
    assert!(!rules_of(&server.published(&uri, 4)).contains(&"file/encoding".to_owned()));
    assert!(server.shutdown().success());
}

/// A draft without an issue date that writes dates without a year gets one inlay hint at its
/// start, saying which checks were skipped and how to give the date; no diagnostic, so that
/// it counts as no finding. A dated draft, or one without such dates, gets none.
#[test]
fn an_undated_draft_is_told_which_checks_were_skipped() {
    let dir = tempdir();
    let (mut server, _) = start(pulling_client(), dir.path());
    let undated = DATED.splitn(3, "---\n").nth(2).unwrap();
    let uri = uri_in(dir.path(), "a.md");
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    let notes = |server: &mut Server, text: &str, version: i64| -> Vec<Value> {
        if version == 1 {
            server.open(&uri, "markdown", 1, text);
        } else {
            server.change(&uri, version, json!([{"text": text}]));
        }
        let diagnostics = server.pull(&uri);
        assert!(
            diagnostics.iter().all(|d| d["code"] != "file/undated"),
            "no diagnostic: {diagnostics:?}"
        );
        let response = server.request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": whole}),
        );
        let hints = response["result"].as_array().cloned().unwrap_or_default();
        (hints.into_iter())
            .filter(|h| h["position"] == json!({"line": 0, "character": 0}))
            .collect()
    };
    let found = notes(&mut server, undated, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["label"].as_str().unwrap().contains("出版日期"));
    let tooltip = found[0]["tooltip"].as_str().unwrap();
    assert!(
        tooltip.contains("星期") && tooltip.contains("date: 2023-03-15"),
        "{tooltip}"
    );
    assert!(notes(&mut server, DATED, 2).is_empty());
    assert!(notes(&mut server, PAGE, 3).is_empty());
    assert!(server.shutdown().success());
}

/// A panic while answering a request answers that request with an internal error; the server
/// keeps every document and goes on answering.
#[test]
fn a_panicking_request_is_answered_with_an_error() {
    let dir = tempdir();
    let (mut server, _) = start_with(
        pulling_client(),
        dir.path(),
        &[("JIAODUI_TEST_PANIC", "触发崩溃")],
        Value::Null,
    );
    let uri = uri_in(dir.path(), "a.txt");
    server.open(&uri, "plaintext", 1, PAGE);
    let panicking = uri_in(dir.path(), "panic.txt");
    server.open(&panicking, "plaintext", 1, "触发崩溃");
    let response = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": panicking}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(response["error"]["code"], -32603, "{response}");
    assert_eq!(rules_of(&server.pull(&uri)), ["punct/halfwidth"]);
    let response = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
    );
    assert!(
        response["result"]["contents"]["value"].is_string(),
        "{response}"
    );
    assert!(server.shutdown().success());
}

/// While a reporter types a draft's first credits, nothing is said of house style: photo
/// credits in two forms settle nothing until one form has been used three times, and only
/// then is the other a finding.
#[test]
fn style_findings_wait_for_three_uses_while_a_draft_is_typed() {
    let dir = tempdir();
    let (mut server, _) = start(pushing_client(None), dir.path());
    let uri = uri_in(dir.path(), "typing.txt");
    let lines = [
        "居民在新建的健身广场锻炼 本报记者 王海 摄\n",
        "\n孩子们在图书馆阅读（本报记者 李敏 摄）\n",
        "\n志愿者为老人理发 本报记者 孙露 摄\n",
        "\n老人在社区食堂就餐 本报记者 王海 摄\n",
    ];
    let mut text = lines[0].to_owned();
    server.open(&uri, "plaintext", 1, &text);
    assert!(rules_of(&server.published(&uri, 1)).is_empty());
    for (version, line) in [(2, lines[1]), (3, lines[2]), (4, lines[3])] {
        let end = position(&text, text.len(), "utf-16");
        server.change(
            &uri,
            version,
            json!([{"range": {"start": end, "end": end}, "text": line}]),
        );
        text.push_str(line);
        let found = server.published(&uri, version);
        if version < 4 {
            assert!(rules_of(&found).is_empty(), "{found:?}");
        } else {
            assert_eq!(rules_of(&found), ["photo/credit-format"], "{found:?}");
            let paren = text.find('（').unwrap();
            assert_eq!(found[0]["range"]["start"], position(&text, paren, "utf-16"));
        }
    }
    assert!(server.shutdown().success());
}
