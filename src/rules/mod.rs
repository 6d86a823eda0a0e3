//! The rule catalogue: one file per rule, each declared with [`declare_rule!`] (its docs in
//! code) and registered once in [`ALL_RULES`].
//!
//! Rules are pure functions of the draft, the recognisers' facts and the configuration.
//! They never fail and never re-scan text for what a recogniser already found.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Kind, ReportingRule, Severity};
use crate::document::Draft;
use crate::recognise::Facts;

pub mod byline;
pub mod date;
pub mod file;
pub mod headline;
pub mod paragraph;
pub mod person;
pub mod photo;
pub mod place;
pub mod punct;
pub mod style;
pub mod word;

/// What fixes a rule's findings carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    /// Every finding carries a safe fix, which `check --fix` applies.
    Safe,
    /// Some findings carry a safe fix; the others a suggestion or none.
    PartlySafe,
    /// Findings carry at most a suggestion, which an editor chooses to apply; `--fix`
    /// applies none.
    Suggested,
    /// Findings never carry a fix: a person must decide.
    None,
}

impl FixAvailability {
    pub fn label_zh(self) -> &'static str {
        match self {
            FixAvailability::Safe => "可自动修复",
            FixAvailability::PartlySafe => "部分可自动修复",
            FixAvailability::Suggested => "仅作建议",
            FixAvailability::None => "无",
        }
    }
}

/// One thing a rule checks, and whether what it finds is wrong in every house style
/// (`Error`) or a departure from the house's own choice (`Style`).
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub kind: Kind,
    /// What is checked, in a few Chinese words.
    pub what: &'static str,
}

/// What a rule is: its ID, docs, default severity and whether it fixes.
#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    /// `family/name`; public interface, never renamed.
    pub id: &'static str,
    /// Markdown in Chinese, under the headings of [`SECTIONS`]: `## 查什么`, `## 为什么`,
    /// `## 示例`, `## 修改`, `## 依据`. A paragraph is one line: a line break inside Chinese
    /// text would read as a space.
    pub docs: &'static str,
    pub severity: Severity,
    pub fix: FixAvailability,
    /// Each check the rule makes, with its kind.
    pub checks: &'static [Check],
}

impl ReportingRule for RuleMeta {
    fn id(&self) -> &'static str {
        self.id
    }
    fn default_severity(&self) -> Severity {
        self.severity
    }
}

/// The headings of a rule's docs, in the order they come.
pub const SECTIONS: [&str; 7] = ["查什么", "为什么", "示例", "修改", "依据", "选项", "配置"];

impl RuleMeta {
    /// The docs as Markdown, without the one space each doc-comment line starts with.
    pub fn docs_markdown(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The first paragraph of the `查什么` section: a one-line summary for tables.
    pub fn summary(&self) -> String {
        let section = self.section("查什么");
        let paragraph = section.split("\n \n").next().unwrap_or("");
        let paragraph = paragraph.split("\n\n").next().unwrap_or(paragraph);
        paragraph
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The body of one `## heading` section of the docs.
    pub fn section(&self, heading: &str) -> &'static str {
        let docs = self.docs;
        let marker = format!("## {heading}\n");
        let Some(start) = docs.find(&marker) else {
            return "";
        };
        let body = &docs[start + marker.len()..];
        // Doc-comment lines keep the space after `///`: the next heading is `\n ## `.
        let end = [body.find("\n## "), body.find("\n ## ")]
            .into_iter()
            .flatten()
            .min()
            .map_or(body.len(), |i| i + 1);
        body[..end].trim_matches('\n')
    }

    /// The rule's page in the online rules reference.
    pub fn url(&self) -> String {
        format!("{DOCS_URL}#{}", self.id.replace('/', ""))
    }

    /// Code blocks of the docs tagged `text,flagged` or `text,clean`: examples that run as
    /// tests.
    pub fn examples(&self) -> Vec<(ExampleKind, String)> {
        let mut out = Vec::new();
        let mut lines = self.docs.lines();
        while let Some(line) = lines.next() {
            let kind = match line.trim() {
                "```text,flagged" => ExampleKind::Flagged,
                "```text,clean" => ExampleKind::Clean,
                _ => continue,
            };
            let mut body = String::new();
            for line in lines.by_ref() {
                if line.trim() == "```" {
                    break;
                }
                // Doc comments put one space after `///`; it is not part of the example.
                body.push_str(line.strip_prefix(' ').unwrap_or(line));
                body.push('\n');
            }
            out.push((kind, body));
        }
        out
    }
}

impl RuleMeta {
    /// The `jiaodui.toml` the examples assume, from a code block tagged `toml,config`
    /// (a roster, say); `None` when they run with the built-in house style.
    pub fn example_config(&self) -> Option<String> {
        let mut lines = self.docs.lines();
        lines.find(|line| line.trim() == "```toml,config")?;
        let mut body = String::new();
        for line in lines {
            if line.trim() == "```" {
                return Some(body);
            }
            body.push_str(line.strip_prefix(' ').unwrap_or(line));
            body.push('\n');
        }
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleKind {
    Flagged,
    Clean,
}

/// Where the generated rules reference lives online; `codeDescription` links point here.
pub const DOCS_URL: &str = "https://github.com/jiaodui/jiaodui/blob/main/docs/rules.md";

/// Declares a rule's metadata from its doc comment, with each check it makes and its kind:
///
/// ```ignore
/// declare_rule! {
///     /// ## 查什么
///     /// …
///     pub(crate) RULE = "date/weekday" {
///         severity: Error, fix: Always,
///         checks: [Error: "星期与日期不符"],
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis $name:ident = $id:literal {
            severity: $severity:ident, fix: $fix:ident,
            checks: [$($kind:ident: $what:literal),+ $(,)?] $(,)?
        }
    ) => {
        $vis const $name: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            docs: concat!($($doc, "\n",)+),
            severity: $crate::diagnostic::Severity::$severity,
            fix: $crate::rules::FixAvailability::$fix,
            checks: &[$($crate::rules::Check {
                kind: $crate::diagnostic::Kind::$kind,
                what: $what,
            }),+],
        };
    };
}

/// Everything a rule may look at.
pub struct Context<'a> {
    /// The draft's decoded text; every span indexes into it.
    pub text: &'a str,
    pub draft: &'a Draft,
    pub facts: &'a Facts,
    pub config: &'a Config,
    /// The issue date (front matter, file or folder name, `[bulletin] date`); `None`
    /// when unknown.
    pub issue_date: Option<jiff::civil::Date>,
    /// Today, injected (rules never read the clock).
    pub today: jiff::civil::Date,
    /// The draft's path, when it has one.
    pub path: Option<&'a Path>,
    /// The gazetteer place rules resolve names against.
    pub gazetteer: &'a crate::gazetteer::Gazetteer,
    /// The house style this draft is judged against, settled key by key.
    pub house: &'a style::House<'a>,
}

impl Context<'_> {
    /// The issue date, else today: what "now" means for a draft.
    pub fn reference_date(&self) -> jiff::civil::Date {
        self.issue_date.unwrap_or(self.today)
    }
}

pub type CheckFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// A registered rule.
#[derive(Clone, Copy)]
pub struct Rule {
    pub meta: RuleMeta,
    pub check: CheckFn,
}

macro_rules! rule {
    ($module:path) => {{
        use $module as m;
        Rule {
            meta: m::RULE,
            check: m::check,
        }
    }};
}

/// Every rule, sorted by ID. A new rule is one line here.
pub static ALL_RULES: &[Rule] = &[
    rule!(byline::format),
    rule!(byline::missing),
    rule!(byline::position),
    rule!(byline::unknown_reporter),
    rule!(date::calendar),
    rule!(date::format),
    rule!(date::future),
    rule!(date::inconsistent),
    rule!(date::invalid),
    rule!(date::range),
    rule!(date::relative),
    rule!(date::weekday),
    rule!(file::encoding),
    rule!(file::unreadable),
    rule!(headline::punctuation),
    rule!(paragraph::broken),
    rule!(person::variant),
    rule!(photo::credit_format),
    rule!(photo::credit_missing),
    rule!(place::former_name),
    rule!(place::hierarchy),
    rule!(place::inconsistent),
    rule!(place::misspelled),
    rule!(punct::doubled),
    rule!(punct::halfwidth),
    rule!(punct::unpaired),
    rule!(word::substitution),
];

/// The rule with this ID.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL_RULES.iter().find(|rule| rule.meta.id == id)
}
