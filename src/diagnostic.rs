//! Findings: what a rule reports about a draft.
//!
//! A finding knows its rule by ID and default severity only, through `ReportingRule`; it
//! knows nothing of the rule catalogue, drafts or configuration.

use crate::fix::{Applicability, Fix};
use crate::text::Span;

/// How bad a finding is. Ordered so that `>=` compares seriousness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The word a Chinese report uses.
    pub(crate) fn label_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a finding is wrong in every house style, or departs only from the house's own
/// choice among forms that are all right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Wrong whatever the house style: an impossible date, a half-width comma between Han
    /// characters, a place under the wrong parent, a news item without a credit.
    #[default]
    Error,
    /// One of the accepted forms, but not the one the house uses: `周二` where the house
    /// writes `星期二`, a credit in parentheses where it reports.
    Style,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Style => "style",
        }
    }
}

/// Another place a finding involves, e.g. the second spelling of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub(crate) message: String,
}

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule ID, `family/name`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Wrong in every style, or only a departure from the house style.
    pub kind: Kind,
    pub span: Span,
    /// Concise Chinese: what is wrong.
    pub message: String,
    /// Optional longer explanation: what is right, and why.
    pub(crate) note: Option<String>,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
    /// Structured data an editor action needs beyond the fixes (e.g. a name to add to the
    /// roster), kept opaque to the core.
    pub data: Option<DiagnosticData>,
}

/// What an editor action needs to act on a finding without asking the server again.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DiagnosticData {
    /// A reporter's name that could be added to `[byline] roster`.
    AddToRoster { name: String },
    /// A place name that could be added to a newsroom gazetteer.
    AddToGazetteer {
        name: String,
        parent: Option<String>,
    },
}

/// What a finding takes from the rule that reports it. The rule catalogue implements it for
/// its declarations, so that findings need not know the catalogue.
pub(crate) trait ReportingRule {
    /// The rule ID, `family/name`.
    fn id(&self) -> &'static str;
    /// The severity before configuration overrides it.
    fn default_severity(&self) -> Severity;
}

impl Diagnostic {
    /// A finding of `rule` at `span` with the rule's default severity; the linter applies
    /// configured overrides afterwards.
    pub(crate) fn new(
        rule: &impl ReportingRule,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule: rule.id(),
            severity: rule.default_severity(),
            kind: Kind::Error,
            span,
            message: message.into(),
            note: None,
            related: Vec::new(),
            fixes: Vec::new(),
            data: None,
        }
    }

    /// Marks the finding as a departure from the house style rather than an error.
    pub(crate) fn style(mut self) -> Diagnostic {
        self.kind = Kind::Style;
        self
    }

    /// Sets the finding's kind.
    pub(crate) fn with_kind(mut self, kind: Kind) -> Diagnostic {
        self.kind = kind;
        self
    }

    pub(crate) fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }

    pub(crate) fn with_related(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub(crate) fn with_fix(mut self, fix: Option<Fix>) -> Diagnostic {
        self.fixes.extend(fix);
        self
    }

    pub(crate) fn with_data(mut self, data: DiagnosticData) -> Diagnostic {
        self.data = Some(data);
        self
    }

    /// The first safe fix, the one `--fix` and fix-all apply.
    pub fn safe_fix(&self) -> Option<&Fix> {
        self.fixes
            .iter()
            .find(|fix| fix.applicability == Applicability::Safe)
    }
}
