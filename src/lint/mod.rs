//! Runs the rules over a draft: parse, recognise once, check every enabled rule, then apply
//! configured severities, suppressions and the allow list, and report each span once; and
//! fixes a draft to a fixpoint, re-checking after each pass.
//!
//! Nothing here reads the clock or the file system: today and the configuration are given.

pub mod style;

use std::path::Path;
use std::sync::LazyLock;

use jiff::civil::Date;

use crate::config::{Config, LoadedConfig};
use crate::diagnostic::Diagnostic;
use crate::document::{self, Draft, DraftKind};
use crate::fix::apply_edits_once;
use crate::recognise::{Facts, Input, Newsroom};
use crate::rules::{Context, ALL_RULES};

/// The ID of every rule, in registration order: what a config's `[rules]` and `[[allow]]`
/// may name.
pub fn rule_ids() -> &'static [&'static str] {
    static IDS: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| ALL_RULES.iter().map(|rule| rule.meta.id).collect());
    &IDS
}

/// Everything known about one draft after checking it.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub draft: Draft,
    pub facts: Facts,
    pub issue_date: Option<Date>,
    /// Sorted by position, then rule.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// True when the draft has no issue date and writes a date the issue date would have
    /// dated — one without a year (`3月14日（星期三）`, `14日`) or a relative day (`昨天`)
    /// that no dateline dates: the checks of such dates (weekday, not after the issue,
    /// relative days) were skipped.
    pub fn date_checks_skipped(&self) -> bool {
        use crate::recognise::dates::Mention;
        self.issue_date.is_none()
            && self.facts.dates.iter().any(|m| {
                m.resolved.is_none()
                    && match &m.kind {
                        Mention::Date(expr) => expr.year.is_none(),
                        Mention::Range(range) => range.start.year.is_none(),
                        Mention::Relative(_) => true,
                        _ => false,
                    }
            })
    }
}

/// Parses, recognises and checks `text`. `today` is injected: nothing here reads the clock.
pub fn analyse(text: &str, path: Option<&Path>, config: &LoadedConfig, today: Date) -> Analysis {
    let draft = document::parse(text, DraftKind::from_path(path));
    analyse_draft(text, draft, path, config, today)
}

/// [`analyse`] of a draft its caller parsed: a Word draft, whose table cells and notes only
/// the document says.
pub fn analyse_draft(
    text: &str,
    draft: Draft,
    path: Option<&Path>,
    config: &LoadedConfig,
    today: Date,
) -> Analysis {
    panic_for_tests(text);
    let issue_date = document::resolve_issue_date(
        &draft.front_matter,
        path,
        config.config.bulletin.date.map(|d| d.0),
    );
    let input = Input {
        text,
        draft: &draft,
        issue_date,
        gazetteer: config.gazetteer(),
        newsroom: newsroom(&config.config),
    };
    let facts = Facts::recognise(&input);
    let house = style::house(&config.config, &facts);
    let cx = Context {
        text,
        draft: &draft,
        facts: &facts,
        config: &config.config,
        issue_date,
        today,
        path,
        gazetteer: config.gazetteer(),
        house: &house,
    };
    let diagnostics = check(&cx, config);
    Analysis {
        draft,
        facts,
        issue_date,
        diagnostics,
    }
}

/// What the recognisers are told of the newsroom: its configuration as plain data.
pub fn newsroom(config: &Config) -> Newsroom<'_> {
    Newsroom {
        roster: &config.byline.roster,
        roles: &config.byline.roles,
        region: config.bulletin.region.as_deref(),
    }
}

/// Runs every enabled rule over an analysed draft.
pub(crate) fn check(cx: &Context<'_>, config: &LoadedConfig) -> Vec<Diagnostic> {
    let mut all = Vec::new();
    for rule in ALL_RULES {
        let level = config.config.rules.get(rule.meta.id).copied();
        let severity = match level {
            Some(level) => match level.severity() {
                Some(severity) => severity,
                None => continue,
            },
            None => rule.meta.severity,
        };
        let mut found = Vec::new();
        (rule.check)(cx, &mut found);
        for mut diagnostic in found {
            diagnostic.severity = severity;
            let flagged = cx.text.get(diagnostic.span.range()).unwrap_or("");
            if cx.draft.is_suppressed(diagnostic.rule, diagnostic.span)
                || (cx.draft.is_masked(diagnostic.span)
                    && cx.draft.front_matter.date_span != Some(diagnostic.span))
                || config.allows(diagnostic.rule, flagged, cx.path)
            {
                continue;
            }
            all.push(diagnostic);
        }
    }
    report_each_span_once(all)
}

/// Sorts findings and drops those another finding already covers: the same span reported
/// by two rules keeps the first registered, and a finding inside a larger one whose fix
/// rewrites the same text (a byline's half-width parenthesis is `byline/format`, not also
/// `punct/halfwidth`) is dropped.
fn report_each_span_once(all: Vec<Diagnostic>) -> Vec<Diagnostic> {
    // Indices are sorted, not the findings: a finding is a large value, and a page may have
    // hundreds. Both sorts are stable, so equal keys keep the order the rules gave.
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&all[a], &all[b]);
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(a.rule.cmp(b.rule))
    });
    let mut keep = vec![true; order.len()];
    for i in 0..order.len() {
        if !keep[i] {
            continue;
        }
        let first = &all[order[i]];
        for j in i + 1..order.len() {
            let other = &all[order[j]];
            if other.span.start >= first.span.end
                && !(first.span.is_empty() && other.span == first.span)
            {
                break;
            }
            if first.rule == other.rule && first.span != other.span {
                continue;
            }
            let same_span = first.span == other.span;
            let inside = first.span.contains_span(other.span);
            let fixes_clash = first.fixes.iter().any(|f| {
                other
                    .fixes
                    .iter()
                    .any(|g| f.span().overlaps(g.span()) || f.span() == g.span())
            });
            if (same_span && (first.rule == other.rule || fixes_clash || other.fixes.is_empty()))
                || (inside && fixes_clash && first.rule != other.rule)
            {
                keep[j] = false;
            }
        }
    }
    let mut kept: Vec<usize> = order
        .into_iter()
        .zip(keep)
        .filter_map(|(i, k)| k.then_some(i))
        .collect();
    kept.sort_by(|&a, &b| {
        let (a, b) = (&all[a], &all[b]);
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.span.end.cmp(&b.span.end))
            .then(a.rule.cmp(b.rule))
    });
    let mut slots: Vec<Option<Diagnostic>> = all.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Applies every safe fix to a fixpoint, re-checking the text after each pass.
pub fn fix(text: &str, path: Option<&Path>, config: &LoadedConfig, today: Date) -> FixOutcome {
    apply_fixes(text, |current| {
        analyse(current, path, config, today).diagnostics
    })
}

/// Most passes [`fix`] makes before it gives up; real drafts converge in two or three.
const MAX_FIX_ITERATIONS: usize = 10;

/// The outcome of fixing a draft to a fixpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixOutcome {
    pub text: String,
    /// Fixes applied over all passes.
    pub(crate) applied: usize,
    /// Passes made; equal to `MAX_FIX_ITERATIONS` when the fixes did not converge.
    iterations: usize,
    pub converged: bool,
}

/// Applies every safe fix, re-checks, and repeats until no safe fix is left (a fixpoint) or
/// `MAX_FIX_ITERATIONS` passes have been made. `check` lints a text and returns its findings.
pub(crate) fn apply_fixes(
    text: &str,
    mut check: impl FnMut(&str) -> Vec<Diagnostic>,
) -> FixOutcome {
    let mut current = text.to_owned();
    let mut applied = 0;
    for iteration in 0..MAX_FIX_ITERATIONS {
        let diagnostics = check(&current);
        let safe = diagnostics.iter().filter_map(Diagnostic::safe_fix);
        let (next, count) = apply_edits_once(&current, safe);
        if count == 0 {
            return FixOutcome {
                text: current,
                applied,
                iterations: iteration,
                converged: true,
            };
        }
        applied += count;
        current = next;
    }
    let converged = check(&current)
        .iter()
        .all(|d| d.safe_fix().is_none_or(|f| f.is_noop(&current)));
    FixOutcome {
        text: current,
        applied,
        iterations: MAX_FIX_ITERATIONS,
        converged,
    }
}

/// Debug builds only: `JIAODUI_TEST_PANIC=MARKER` makes the checker (and the server's hover)
/// panic on any text containing MARKER, so that the tests can show a panic is caught: the
/// server answers and lives on, `check` reports the draft as not checked and checks the rest.
pub(crate) fn panic_for_tests(text: &str) {
    #[cfg(debug_assertions)]
    if let Some(marker) = std::env::var_os("JIAODUI_TEST_PANIC") {
        if marker
            .to_str()
            .is_some_and(|m| !m.is_empty() && text.contains(m))
        {
            panic!("test panic requested by JIAODUI_TEST_PANIC");
        }
    }
    let _ = text;
}
