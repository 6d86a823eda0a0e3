//! The house rules the compiler does not check, run with every `cargo test`:
//!
//! - every `crate::`, `jiaodui::` and escaping `super::` path in `src/` — in `use` lines and
//!   inline — is an edge the layer table of ARCHITECTURE.md allows (code under
//!   `#[cfg(test)]` may use any module);
//! - no source file has more than 800 lines, no function outside `#[cfg(test)]` more than 80;
//! - every dependency in `Cargo.toml` is used by some code.
//!
//! The code is being reshaped, so today's offenders are listed below by name. The lists may
//! only shrink: an entry that no longer offends fails the test until it is removed, so each
//! list stays exactly what is left to do.
//!
//! Source is read with comments, strings and character literals blanked out (byte offsets
//! and lines kept), so a path in a doc comment or a message is not an edge.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const MAX_FILE_LINES: usize = 800;
const MAX_FUNCTION_LINES: usize = 80;

/// Edges the layer table does not allow, as (file, module it uses).
const ALLOWED_EDGES: &[(&str, &str)] = &[];

/// Source files over 800 lines: the language server's request handling.
const LONG_FILES: &[&str] = &[];

/// Functions over 80 lines outside `#[cfg(test)]`, as (file, function).
const LONG_FUNCTIONS: &[(&str, &str)] = &[];

/// Dependencies no code uses yet.
const UNUSED_DEPENDENCIES: &[&str] = &[];

#[test]
fn layers_only_point_down() {
    let problems = check_layers(&sources("src"), &layer_table(), ALLOWED_EDGES);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_planted_upward_edge_fails() {
    let table = layer_table();
    let planted = [
        source("src/text/span.rs", "use crate::lint::analyse;\nfn f() {}\n"),
        source(
            "src/document/parse.rs",
            "fn g() {\n    let _ = super::super::rules::ALL_RULES;\n}\n",
        ),
        source("src/document/mod.rs", "use super::{text, cli::run};\n"),
        source("src/main.rs", "fn main() { jiaodui::report::run(); }\n"),
        // Not edges: test code, a doc comment, a string, a path inside the module.
        source(
            "src/calendar/mod.rs",
            "//! crate::lsp\n#[cfg(test)]\nmod tests { use crate::lint; }\nconst S: &str = \"crate::cli\";\nuse super::calendar::numerals;\nfn h<'a>() { let _ = ['{', '\"']; let _: &'a str = r#\"crate::lsp\"#; }\n",
        ),
        source("src/gazetteer/mod.rs", "#[cfg(test)]\nmod tests;\n"),
        source("src/gazetteer/tests.rs", "use crate::lsp;\n"),
    ];
    let edges: Vec<(String, usize, String, String)> = layer_edges(&planted)
        .into_iter()
        .filter(|edge| !table[&edge.2].contains(&edge.3))
        .collect();
    let expected = [
        ("src/document/mod.rs", 1, "document", "cli"),
        ("src/document/parse.rs", 2, "document", "rules"),
        ("src/main.rs", 1, "main.rs", "report"),
        ("src/text/span.rs", 1, "text", "lint"),
    ];
    let edges: Vec<(&str, usize, &str, &str)> = edges
        .iter()
        .map(|(file, line, from, to)| (file.as_str(), *line, from.as_str(), to.as_str()))
        .collect();
    assert_eq!(edges, expected);

    // The same edge planted in a copy of the real sources fails the whole check.
    let mut real = sources("src");
    let span = real
        .iter_mut()
        .find(|s| s.path == "src/text/span.rs")
        .unwrap();
    span.code.push_str("\nuse crate::lsp::run;\n");
    let problems = check_layers(&real, &table, ALLOWED_EDGES);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("text → lsp"), "{}", problems[0]);
}

#[test]
fn an_allowlisted_edge_that_no_longer_offends_fails() {
    let problems = check_layers(
        &[source("src/text/span.rs", "fn f() {}\n")],
        &layer_table(),
        &[("src/text/span.rs", "lint")],
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("no longer"), "{}", problems[0]);
}

#[test]
fn files_and_functions_are_short() {
    let files = sources("src");
    let long_files: Vec<String> = files
        .iter()
        .filter(|file| file.lines > MAX_FILE_LINES)
        .map(|file| file.path.clone())
        .collect();
    let mut problems = compare("file over 800 lines", &long_files, LONG_FILES);
    let test_files = test_only_files(&files);
    let long: Vec<String> = files
        .iter()
        .filter(|file| !test_files.contains(&file.path))
        .flat_map(|file| {
            long_functions(file)
                .into_iter()
                .map(|(name, _)| format!("{}: {name}", file.path))
        })
        .collect();
    let allowed: Vec<String> = LONG_FUNCTIONS
        .iter()
        .map(|(file, name)| format!("{file}: {name}"))
        .collect();
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    problems.extend(compare("function over 80 lines", &long, &allowed));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_planted_long_function_is_found() {
    let body = "    let x = 1;\n".repeat(MAX_FUNCTION_LINES);
    let text = format!(
        "fn short() {{}}\nfn long() {{\n{body}}}\n#[cfg(test)]\nmod tests {{\n    fn long_test() {{\n{body}    }}\n}}\n"
    );
    let found = long_functions(&source("src/x.rs", &text));
    assert_eq!(found, [("long".to_owned(), MAX_FUNCTION_LINES + 2)]);
}

#[test]
fn every_dependency_is_used() {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let (normal, dev) = dependencies(&manifest);
    let mut code: Vec<Source> = sources("src");
    code.push(source("build.rs", &read("build.rs")));
    let mut test_code = sources("tests");
    test_code.extend(sources("benches"));
    test_code.extend(sources("examples"));
    test_code.extend(sources("src"));
    let mut unused: Vec<String> = normal
        .into_iter()
        .filter(|name| !is_used(name, &code))
        .collect();
    unused.extend(dev.into_iter().filter(|name| !is_used(name, &test_code)));
    let problems = compare("unused dependency", &unused, UNUSED_DEPENDENCIES);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_planted_unused_dependency_is_found() {
    let manifest = "[package]\nname = \"x\"\n\n[dependencies]\nfoo = \"1\"\nbar-baz = { version = \"1\" }\n\n[dependencies.quux]\nversion = \"1\"\n\n[dev-dependencies]\nqux = \"1\"\n";
    let (normal, dev) = dependencies(manifest);
    assert_eq!(normal, ["foo", "bar_baz", "quux"]);
    assert_eq!(dev, ["qux"]);
    let code = [source(
        "src/lib.rs",
        "// foo::x\nuse bar_baz::Thing;\nfn f() { quux!(); let s = \"foo::y\"; }\n",
    )];
    let unused: Vec<&String> = normal.iter().filter(|n| !is_used(n, &code)).collect();
    assert_eq!(unused, ["foo"]);
}

/// Problems with a list of offenders against its allowlist: new offenders, and entries that
/// no longer offend.
fn compare(what: &str, found: &[String], allowed: &[&str]) -> Vec<String> {
    let found: BTreeSet<&str> = found.iter().map(String::as_str).collect();
    let allowed: BTreeSet<&str> = allowed.iter().copied().collect();
    let mut problems: Vec<String> = found
        .difference(&allowed)
        .map(|item| format!("{what}: {item}"))
        .collect();
    problems.extend(allowed.difference(&found).map(|item| {
        format!("{what}: {item} no longer offends; remove it from the list in tests/tidy.rs")
    }));
    problems
}

// ---- Layers ----

/// Module → the modules it may use, from the table in ARCHITECTURE.md.
type Table = BTreeMap<String, BTreeSet<String>>;

fn layer_table() -> Table {
    let doc = read("ARCHITECTURE.md");
    let mut rows = doc
        .lines()
        .skip_while(|line| !line.starts_with("| Module | May use |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'));
    let mut table = Table::new();
    for row in rows.by_ref() {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let names = |cell: &str| -> Vec<String> {
            cell.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect()
        };
        let module = names(cells[1]).pop().expect("a module name in backticks");
        table.insert(module, names(cells[2]).into_iter().collect());
    }
    assert!(
        table.len() > 10,
        "the layer table in ARCHITECTURE.md was not found"
    );
    table
}

/// Problems with the edges of `files`: edges the table does not allow and the allowlist
/// does not name, allowlist entries that no longer offend, modules missing from the table.
fn check_layers(files: &[Source], table: &Table, allowed: &[(&str, &str)]) -> Vec<String> {
    let modules: BTreeSet<String> = files.iter().filter_map(|f| top_module(&f.path)).collect();
    let mut problems: Vec<String> = modules
        .iter()
        .filter(|module| !table.contains_key(*module))
        .map(|module| format!("module `{module}` is missing from the layer table"))
        .collect();
    let mut offending: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (file, line, from, to) in layer_edges(files) {
        if !table
            .get(&from)
            .is_some_and(|allowed| allowed.contains(&to))
        {
            let at = format!("{file}:{line}: {from} → {to}");
            offending.entry((file, to)).or_default().push(at);
        }
    }
    let allowed: BTreeSet<(String, String)> = allowed
        .iter()
        .map(|(file, to)| (file.to_string(), to.to_string()))
        .collect();
    for (key, places) in &offending {
        if !allowed.contains(key) {
            problems.extend(
                places
                    .iter()
                    .map(|p| format!("edge the layers forbid: {p}")),
            );
        }
    }
    for (file, to) in allowed.iter().filter(|key| !offending.contains_key(*key)) {
        problems.push(format!(
            "edge {file} → {to} no longer offends; remove it from ALLOWED_EDGES in tests/tidy.rs"
        ));
    }
    problems
}

/// Every edge between top-level modules outside test code, as (file, line, from, to). A
/// macro exported at the crate root counts as part of the module that defines it.
fn layer_edges(files: &[Source]) -> Vec<(String, usize, String, String)> {
    let test_files = test_only_files(files);
    let macros = exported_macros(files);
    let mut edges = Vec::new();
    for file in files.iter().filter(|f| !test_files.contains(&f.path)) {
        let Some(from) = top_module(&file.path) else {
            continue;
        };
        let tests = test_regions(&file.code);
        for (offset, target) in paths(file) {
            let to = macros.get(&target).cloned().unwrap_or(target);
            if to != from && !tests.iter().any(|r| r.contains(&offset)) {
                let line = file.code[..offset].matches('\n').count() + 1;
                edges.push((file.path.clone(), line, from.clone(), to));
            }
        }
    }
    edges.sort();
    edges.dedup();
    edges
}

/// `#[macro_export]` macros (which live at the crate root) → the module defining them.
fn exported_macros(files: &[Source]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for file in files {
        for (at, attr) in file.code.match_indices("#[macro_export]") {
            let rest = file.code[at + attr.len()..].trim_start();
            let name = rest
                .strip_prefix("macro_rules!")
                .and_then(|r| first_ident(r.trim()));
            if let (Some(name), Some(module)) = (name, top_module(&file.path)) {
                out.insert(name, module);
            }
        }
    }
    out
}

/// The top-level module a file belongs to: `src/text/span.rs` → `text`; the binary is
/// `main.rs`; the crate root belongs to none.
fn top_module(path: &str) -> Option<String> {
    let rest = path.strip_prefix("src/")?;
    match rest {
        "lib.rs" => None,
        "main.rs" => Some("main.rs".into()),
        _ => Some(rest.split('/').next()?.trim_end_matches(".rs").to_owned()),
    }
}

/// The module path of a file: `src/text/span.rs` → `[text, span]`.
fn module_path(path: &str) -> Vec<String> {
    let rest = path.strip_prefix("src/").unwrap_or(path);
    let rest = rest.trim_end_matches(".rs");
    let rest = rest.strip_suffix("/mod").unwrap_or(rest);
    if rest == "lib" || rest == "main" {
        return Vec::new();
    }
    rest.split('/').map(str::to_owned).collect()
}

/// The top-level modules each `crate::`, `jiaodui::` (in the binary) or escaping `super::`
/// path names, with the path's offset.
fn paths(file: &Source) -> Vec<(usize, String)> {
    let code = file.code.as_bytes();
    let own = module_path(&file.path);
    let inline = inline_modules(&file.code);
    let root = if file.path == "src/main.rs" {
        "jiaodui::"
    } else {
        "crate::"
    };
    let mut out = Vec::new();
    for (at, _) in file.code.match_indices(root) {
        if at == 0 || !is_ident(code[at - 1]) {
            out.extend(
                targets(&file.code, at + root.len())
                    .into_iter()
                    .map(|t| (at, t)),
            );
        }
    }
    let mut at = 0;
    while let Some(found) = file.code[at..].find("super::") {
        let start = at + found;
        let mut end = start;
        let mut ups = 0;
        while file.code[end..].starts_with("super::") {
            ups += 1;
            end += "super::".len();
        }
        at = end;
        if start > 0 && is_ident(code[start - 1]) {
            continue;
        }
        let depth = own.len() + inline.iter().filter(|r| r.contains(&start)).count();
        if ups >= depth {
            out.extend(targets(&file.code, end).into_iter().map(|t| (start, t)));
        }
    }
    out
}

/// The first segment of each path starting at `at`: one name, or each element of a
/// `{a, b::c}` group.
fn targets(code: &str, at: usize) -> Vec<String> {
    let rest = code[at..].trim_start();
    if rest.starts_with('{') {
        let close = matching(rest.as_bytes(), 0, b'{', b'}').unwrap_or(rest.len());
        return split_top_level(&rest[1..close])
            .into_iter()
            .filter_map(|item| first_ident(item.trim()))
            .filter(|name| name != "self")
            .collect();
    }
    first_ident(rest).into_iter().collect()
}

fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn first_ident(text: &str) -> Option<String> {
    let end = text
        .bytes()
        .position(|b| !is_ident(b))
        .unwrap_or(text.len());
    (end > 0 && !text.as_bytes()[0].is_ascii_digit()).then(|| text[..end].to_owned())
}

/// Byte ranges of `mod name { … }` blocks written inline.
fn inline_modules(code: &str) -> Vec<Range<usize>> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for (at, _) in code.match_indices("mod ") {
        if at > 0 && is_ident(bytes[at - 1]) {
            continue;
        }
        let after_name = at + 4 + code[at + 4..].bytes().take_while(|&b| is_ident(b)).count();
        let open = after_name + code[after_name..].len() - code[after_name..].trim_start().len();
        if after_name > at + 4 && bytes.get(open) == Some(&b'{') {
            let close = matching(bytes, open, b'{', b'}').unwrap_or(bytes.len());
            out.push(open..close);
        }
    }
    out
}

/// Files declared as `#[cfg(test)] mod name;` by their parent: test code throughout.
fn test_only_files(files: &[Source]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for file in files {
        for range in test_regions(&file.code) {
            let item = &file.code[range];
            let Some(declaration) = item.strip_suffix(';') else {
                continue;
            };
            let Some((_, name)) = declaration.rsplit_once("mod ") else {
                continue;
            };
            let dir = match file.path.rsplit_once('/') {
                Some((dir, "mod.rs" | "lib.rs" | "main.rs")) => dir.to_owned(),
                _ => file.path.trim_end_matches(".rs").to_owned(),
            };
            out.insert(format!("{dir}/{}.rs", name.trim()));
            out.insert(format!("{dir}/{}/mod.rs", name.trim()));
        }
    }
    out
}

/// Byte ranges of the items under `#[cfg(test)]`, attribute included.
fn test_regions(code: &str) -> Vec<Range<usize>> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for (at, attr) in code.match_indices("#[cfg(test)]") {
        let mut i = at + attr.len();
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if bytes.get(i) == Some(&b'#') {
                let open = i + code[i..].find('[').unwrap_or(0);
                i = matching(bytes, open, b'[', b']').map_or(bytes.len(), |c| c + 1);
            } else {
                break;
            }
        }
        let end = item_end(bytes, i);
        out.push(at..end);
    }
    out
}

/// The end of the item starting at `from`: after its `;`, or after the `}` that closes its
/// body.
fn item_end(bytes: &[u8], from: usize) -> usize {
    let mut depth = 0i32;
    for i in from..bytes.len() {
        match bytes[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b';' if depth == 0 => return i + 1,
            b'{' if depth == 0 => {
                return matching(bytes, i, b'{', b'}').map_or(bytes.len(), |c| c + 1)
            }
            _ => {}
        }
    }
    bytes.len()
}

/// The index of the bracket closing the one at `open`.
fn matching(bytes: &[u8], open: usize, left: u8, right: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        if b == left {
            depth += 1;
        } else if b == right {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

// ---- Functions ----

/// Functions outside `#[cfg(test)]` longer than the limit, with their length in lines (from
/// `fn` to the closing brace).
fn long_functions(file: &Source) -> Vec<(String, usize)> {
    let code = file.code.as_bytes();
    let tests = test_regions(&file.code);
    let mut out = Vec::new();
    for (at, _) in file.code.match_indices("fn ") {
        if (at > 0 && is_ident(code[at - 1])) || tests.iter().any(|r| r.contains(&at)) {
            continue;
        }
        let Some(name) = first_ident(file.code[at + 3..].trim_start()) else {
            continue;
        };
        let end = item_end(code, at);
        if code.get(end - 1) != Some(&b'}') {
            // A declaration without a body.
            continue;
        }
        let lines = file.code[at..end].matches('\n').count() + 1;
        if lines > MAX_FUNCTION_LINES {
            out.push((name, lines));
        }
    }
    out
}

// ---- Dependencies ----

/// The names of `[dependencies]` and `[dev-dependencies]`, as code spells them.
fn dependencies(manifest: &str) -> (Vec<String>, Vec<String>) {
    let (mut normal, mut dev) = (Vec::new(), Vec::new());
    let mut section = String::new();
    for line in manifest.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[') {
            section = header.trim_end_matches(']').to_owned();
            for (table, list) in [
                ("dependencies.", &mut normal),
                ("dev-dependencies.", &mut dev),
            ] {
                if let Some(name) = section.strip_prefix(table) {
                    list.push(name.replace('-', "_"));
                }
            }
            continue;
        }
        let Some((name, _)) = line.split_once('=').filter(|_| !line.starts_with('#')) else {
            continue;
        };
        let name = name.trim().replace('-', "_");
        match section.as_str() {
            "dependencies" => normal.push(name),
            "dev-dependencies" => dev.push(name),
            _ => {}
        }
    }
    (normal, dev)
}

/// Whether code names the crate: `name::…`, `name!`, or `use name`.
fn is_used(name: &str, files: &[Source]) -> bool {
    files.iter().any(|file| {
        let code = file.code.as_bytes();
        file.code.match_indices(name).any(|(at, _)| {
            let end = at + name.len();
            let before_ok = at == 0 || !is_ident(code[at - 1]) && code[at - 1] != b'.';
            let after = &file.code[end..];
            before_ok
                && (after.starts_with("::") || after.starts_with('!') || after.starts_with(';'))
        })
    })
}

// ---- Sources ----

struct Source {
    /// Relative to the repository, with `/` separators.
    path: String,
    /// The text with comments, strings and character literals blanked out.
    code: String,
    lines: usize,
}

fn source(path: &str, text: &str) -> Source {
    Source {
        path: path.to_owned(),
        code: code_only(text),
        lines: text.lines().count(),
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap()
}

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &str) -> Vec<Source> {
    let mut paths = Vec::new();
    let mut stack = vec![Path::new(ROOT).join(dir)];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let relative = path
                .strip_prefix(ROOT)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            source(&relative, &std::fs::read_to_string(path).unwrap())
        })
        .collect()
}

/// `text` with every comment, string and character literal replaced by spaces (newlines
/// kept), so offsets and line numbers stay those of the file.
fn code_only(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        let end = literal_or_comment_end(bytes, i);
        if end > i {
            for b in &mut out[i..end] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("only whole characters are blanked")
}

/// Where the comment or literal starting at `i` ends; `i` when none starts there.
fn literal_or_comment_end(bytes: &[u8], i: usize) -> usize {
    let rest = &bytes[i..];
    let at_boundary = i == 0 || !is_ident(bytes[i - 1]);
    if rest.starts_with(b"//") {
        return i + rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    }
    if rest.starts_with(b"/*") {
        return block_comment_end(bytes, i);
    }
    if at_boundary {
        let prefix = [&b"br"[..], b"cr", b"r"]
            .into_iter()
            .find(|p| rest.starts_with(p));
        if let Some(prefix) = prefix {
            let hashes = rest[prefix.len()..]
                .iter()
                .take_while(|&&b| b == b'#')
                .count();
            if rest.get(prefix.len() + hashes) == Some(&b'"') {
                let close: Vec<u8> = std::iter::once(b'"').chain(vec![b'#'; hashes]).collect();
                let body = i + prefix.len() + hashes + 1;
                let end = bytes[body..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice());
                return end.map_or(bytes.len(), |e| body + e + close.len());
            }
        }
    }
    match rest[0] {
        b'"' => quoted_end(bytes, i, b'"'),
        b'\'' if rest.get(1) == Some(&b'\\') => quoted_end(bytes, i, b'\''),
        b'\'' => {
            // A character literal is one character between quotes; anything else is a
            // lifetime or a label.
            let width = match rest.get(1) {
                Some(&b) if b < 0x80 => 1,
                Some(&b) if b < 0xE0 => 2,
                Some(&b) if b < 0xF0 => 3,
                Some(_) => 4,
                None => return i,
            };
            if rest.get(1 + width) == Some(&b'\'') {
                i + width + 2
            } else {
                i
            }
        }
        _ => i,
    }
}

fn quoted_end(bytes: &[u8], i: usize, quote: u8) -> usize {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b if b == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

fn block_comment_end(bytes: &[u8], i: usize) -> usize {
    let (mut depth, mut j) = (0, i);
    while j + 1 < bytes.len() {
        if bytes[j..].starts_with(b"/*") {
            depth += 1;
            j += 2;
        } else if bytes[j..].starts_with(b"*/") {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j += 1;
        }
    }
    bytes.len()
}
