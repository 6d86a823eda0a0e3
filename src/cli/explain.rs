//! `jiaodui explain RULE` and `jiaodui rules`.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use super::RulesFormat;
use crate::diagnostic::Kind;
use crate::rules::{self, ALL_RULES};

pub fn explain(id: &str) -> anyhow::Result<ExitCode> {
    let Some(rule) = rules::find(id) else {
        anyhow::bail!("{}", unknown_rule(id));
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "# {}\n", rule.meta.id)?;
    writeln!(out, "{}\n", levels_line(&rule.meta))?;
    write!(out, "{}", checks_markdown(&rule.meta))?;
    write!(out, "{}", rule.meta.docs_markdown())?;
    Ok(ExitCode::SUCCESS)
}

/// No rule `id`: said in Chinese, with the rule meant when `id` is the name of one rule
/// without its family (`weekday` for `date/weekday`) or a slip of one.
fn unknown_rule(id: &str) -> String {
    let ids = crate::lint::rule_ids();
    let named: Vec<&str> = (ids.iter().copied())
        .filter(|rule| rule.rsplit('/').next() == Some(id))
        .collect();
    match named.as_slice() {
        [rule] => {
            format!("没有名为“{id}”的规则，你是不是要写“{rule}”？（`jiaodui rules` 列出全部规则）")
        }
        _ => crate::config::unknown_rule(id, ids),
    }
}

pub fn rules(format: RulesFormat) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match format {
        RulesFormat::Markdown => write!(out, "{}", rules_markdown())?,
        RulesFormat::Table => {
            let width = ALL_RULES.iter().map(|r| r.meta.id.len()).max().unwrap_or(0);
            for rule in ALL_RULES {
                writeln!(
                    out,
                    "{:width$}  {}  修复：{:　<7}  {}",
                    rule.meta.id,
                    rule.meta.severity.label_zh(),
                    rule.meta.fix.label_zh(),
                    rule.meta.summary(),
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The table of every rule, linking into `docs/rules.md`: also the README's rule table.
pub fn rules_table_markdown() -> String {
    rules_table("docs/rules.md")
}

fn rules_table(page: &str) -> String {
    let mut out = String::from("| 规则 | 默认级别 | 修复 | 查什么 |\n|---|---|---|---|\n");
    for rule in ALL_RULES {
        let anchor = rule.meta.id.replace('/', "");
        let _ = writeln!(
            out,
            "| [`{}`]({page}#{anchor}) | {} | {} | {} |",
            rule.meta.id,
            rule.meta.severity.label_zh(),
            rule.meta.fix.label_zh(),
            rule.meta.summary().replace('|', "\\|"),
        );
    }
    out
}

/// The rules reference, `docs/rules.md`: generated from the rules' docs in code.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    out.push_str("<!-- 由 `jiaodui rules --format markdown` 从 src/rules/ 各规则代码中的文档生成，请勿手改。 -->\n\n");
    out.push_str("# 规则说明\n\n");
    out.push_str(&rules_table(""));
    for rule in ALL_RULES {
        let _ = write!(out, "\n## {}\n\n", rule.meta.id);
        let _ = writeln!(out, "{}\n", levels_line(&rule.meta));
        out.push_str(&checks_markdown(&rule.meta));
        // Demote the doc's `##` headings under the rule's own heading.
        for line in rule.meta.docs_markdown().lines() {
            if let Some(heading) = line.strip_prefix("## ") {
                let _ = writeln!(out, "### {heading}");
            } else if line.starts_with("```text,") {
                let _ = writeln!(out, "```text");
            } else {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

/// The checks a rule makes, each with its kind: `差错` (wrong in every house style) or
/// `体例` (a departure from the house's own choice).
fn checks_markdown(meta: &rules::RuleMeta) -> String {
    let mut out = String::from("检查项：\n\n");
    for check in meta.checks {
        let kind = match check.kind {
            Kind::Error => "差错",
            Kind::Style => "体例",
        };
        let _ = writeln!(out, "- [{kind}] {}", check.what);
    }
    out.push('\n');
    out
}

/// The rule's default severity, with the value `jiaodui.toml` names it by, and whether it
/// fixes: `默认级别：错误（error）　修复：可自动修复`.
fn levels_line(meta: &rules::RuleMeta) -> String {
    format!(
        "默认级别：{}（{}）　修复：{}",
        meta.severity.label_zh(),
        meta.severity.as_str(),
        meta.fix.label_zh()
    )
}
