//! Helpers shared by the integration tests: one way to check a text, one way to render
//! findings, so tests stay data and refactors do not rewrite them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jiaodui::config::LoadedConfig;
use jiaodui::diagnostic::Diagnostic;
use jiaodui::lint::{self, Analysis};
use jiaodui::text::{LineIndex, PositionEncoding};

/// The day tests pretend is today, unless a case sets `[bulletin] date`.
pub fn today() -> jiff::civil::Date {
    jiff::civil::date(2024, 1, 15)
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The config of a fixture folder: its `jiaodui.toml`, else the built-in house style.
pub fn config_for(dir: &Path) -> LoadedConfig {
    let file = dir.join("jiaodui.toml");
    if file.exists() {
        LoadedConfig::load(&file, jiaodui::lint::rule_ids()).unwrap_or_else(|err| panic!("{err}"))
    } else {
        LoadedConfig::defaults(dir.to_path_buf())
    }
}

pub fn analyse(text: &str, path: Option<&Path>, config: &LoadedConfig) -> Analysis {
    lint::analyse(text, path, config, today())
}

/// Checks `text` with the built-in house style and returns the findings of `rule`. A text
/// opening with YAML front matter (`---`) is read as Markdown, so a documented example can
/// carry its issue date (`date: 2023-03-15`) the way a draft does.
pub fn check(rule: &str, text: &str) -> Vec<Diagnostic> {
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let path = text.starts_with("---\n").then(|| Path::new("example.md"));
    analyse(text, path, &config)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// Checks `text` with the configuration `source` (a `jiaodui.toml`) and returns the
/// findings of `rule`; a text with front matter is read as Markdown, as in [`check`].
pub fn check_with(rule: &str, text: &str, source: &str) -> Vec<Diagnostic> {
    let config = LoadedConfig::parse(source, Path::new("jiaodui.toml"), jiaodui::lint::rule_ids())
        .unwrap_or_else(|err| panic!("{err}"));
    let path = text.starts_with("---\n").then(|| Path::new("example.md"));
    analyse(text, path, &config)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// One line per finding: `12:5-12:14 date/weekday error "3月14日（星期三）" 消息 → [safe] 星期二`.
pub fn render(text: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(text);
    let pos = |offset: u32| {
        let at = index.line_col(text, offset, PositionEncoding::Utf32);
        format!("{}:{}", at.line + 1, at.col + 1)
    };
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{}-{} {} {} \"{}\" {}",
            pos(d.span.start),
            pos(d.span.end),
            d.rule,
            d.severity,
            &text[d.span.range()],
            d.message
        ));
        for related in &d.related {
            out.push_str(&format!(
                " [related {} \"{}\"]",
                pos(related.span.start),
                &text[related.span.range()]
            ));
        }
        for fix in &d.fixes {
            let edits: Vec<String> = fix
                .edits
                .iter()
                .map(|e| {
                    format!(
                        "{}..{}→\"{}\"",
                        pos(e.span.start),
                        pos(e.span.end),
                        e.replacement
                    )
                })
                .collect();
            out.push_str(&format!(
                " → [{}] {} {}",
                fix.applicability.as_str(),
                fix.title,
                edits.join(" ")
            ));
        }
        out.push('\n');
    }
    out
}

/// Runs the built binary in `dir` with `args`, on the day tests pretend is today.
pub fn jiaodui(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .current_dir(dir)
        .args(args)
        .env("JIAODUI_TODAY", "2024-01-15")
        .output()
        .expect("run jiaodui")
}
