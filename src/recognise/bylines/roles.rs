//! Role words of credits (`记者`, `本报记者`, `新华社记者`, `通讯员` …): the built-in list, and
//! the newsroom's own words given to the recogniser as plain data.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Role words printed in credits, longest first so that `本报记者` wins over `记者`.
const ROLES: [&str; 20] = [
    "新华社特约记者",
    "本报特约记者",
    "本报首席记者",
    "本报见习记者",
    "中新社记者",
    "新华社记者",
    "本报实习生",
    "本报通讯员",
    "本报记者",
    "首席记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "摄影记者",
    "驻站记者",
    "特派记者",
    "实习生",
    "通讯员",
    "评论员",
    "记者",
];

/// Organisations a role word may open with: `新华社记者` is a reporter of 新华社.
const ORGANISATIONS: [&str; 3] = ["新华社", "中新社", "本报"];

/// Roles of the paper's own staff, whose names the roster lists.
pub(super) fn is_staff_role(role: &str) -> bool {
    matches!(
        role,
        "记者"
            | "本报记者"
            | "首席记者"
            | "本报首席记者"
            | "见习记者"
            | "本报见习记者"
            | "摄影记者"
            | "驻站记者"
            | "特派记者"
            | "实习记者"
    )
}

/// True when `s` opens with a built-in role word (`本报记者`, `新华社记者`, `通讯员` …).
pub(crate) fn starts_with_role(s: &str) -> bool {
    builtin_prefix(s).is_some()
}

/// The organisation a role word names (`新华社记者` → `新华社`), if any.
pub(super) fn organisation(role: &str) -> Option<&'static str> {
    ORGANISATIONS.iter().copied().find(|o| role.starts_with(o))
}

/// The longest built-in role word at the start of `s`.
fn builtin_prefix(s: &str) -> Option<&'static str> {
    ROLES.iter().copied().find(|role| s.starts_with(role))
}

/// The role words a credit may hold: the built-in ones and the newsroom's own
/// (`[byline] roles`), which the recogniser is given as a list of words.
pub(super) struct RoleWords<'a> {
    /// The newsroom's words that the built-in list lacks; most configurations add none,
    /// and then nothing is allocated.
    extra: Vec<&'a str>,
}

impl<'a> RoleWords<'a> {
    pub(super) fn new(words: &'a [String]) -> RoleWords<'a> {
        RoleWords {
            extra: words
                .iter()
                .map(String::as_str)
                .filter(|w| !w.is_empty() && !ROLES.contains(w))
                .collect(),
        }
    }

    /// The longest role word at the start of `s`.
    pub(super) fn prefix<'s>(&self, s: &'s str) -> Option<&'s str> {
        let builtin = builtin_prefix(s).map_or(0, str::len);
        let extra = self
            .extra
            .iter()
            .filter(|w| s.starts_with(*w))
            .map(|w| w.len())
            .max()
            .unwrap_or(0);
        let len = builtin.max(extra);
        (len > 0).then(|| &s[..len])
    }

    /// Where the first role word in `token` starts, if one does.
    pub(super) fn find(&self, token: &str) -> Option<usize> {
        let builtin = builtin_roles().find(token).map(|m| m.start());
        let extra = self.extra.iter().filter_map(|w| token.find(w)).min();
        match (builtin, extra) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// The built-in roles searched at once: leftmost-first gives where the first of them starts.
fn builtin_roles() -> &'static AhoCorasick {
    static ROLES_IN_CREDITS: OnceLock<AhoCorasick> = OnceLock::new();
    ROLES_IN_CREDITS.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(ROLES)
            .expect("roles build an automaton")
    })
}
