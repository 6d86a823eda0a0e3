//! Role words of credits (`记者`, `本报记者`, `新华社记者`, `全媒体记者`, `新快报记者` …): how
//! they are built, and the newsroom's own words given to the recogniser as plain data.
//!
//! A role word is an optional organisation (`本报`, `新华社`, or a paper's name such as
//! `新快报` or `大同日报`), an optional posting after it (`驻澳大利亚`), titles (`首席`,
//! `见习`, `全媒体` …) and a core (`记者`, `摄影记者`, `通讯员`, `实习生`). Reading them by
//! their parts rather than from a list keeps the titles papers keep inventing recognised
//! without a release, and tells the organisation a credit names.

use std::cell::RefCell;

/// The organisations the recogniser knows by name, longest first.
const ORGANISATIONS: [&str; 12] = [
    "中国新闻社",
    "人民日报",
    "新华社",
    "中新社",
    "中新网",
    "人民网",
    "新华网",
    "央视网",
    "央广网",
    "本报",
    "央视",
    "央广",
];

/// How the name of a paper, an agency or a station ends: `新快报`, `羊城晚报`, `大同电视台`.
const ORGANISATION_ENDINGS: [&str; 21] = [
    "广播电视台",
    "电视台",
    "广播电台",
    "都市报",
    "青年报",
    "法制报",
    "日报",
    "晚报",
    "晨报",
    "早报",
    "时报",
    "商报",
    "快报",
    "周报",
    "导报",
    "画报",
    "侨报",
    "新闻网",
    "通讯社",
    "杂志社",
    "报社",
];

/// Titles printed before the core of a role word, in any order.
const TITLES: [&str; 10] = [
    "全媒体",
    "融媒体",
    "首席",
    "特约",
    "见习",
    "实习",
    "驻站",
    "特派",
    "资深",
    "主任",
];

/// The core of a role word, longest first.
const CORES: [&str; 4] = ["摄影记者", "通讯员", "实习生", "记者"];

/// A role word read into its parts, as byte lengths of the text it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Parts {
    /// The organisation the role opens with, if any: `本报`, `新华社`, `新快报`.
    organisation: usize,
    /// The whole role word.
    len: usize,
    /// True when a title makes the person a contributor rather than staff: `特约记者`.
    contributor: bool,
    /// The core, as a word: `记者`, `通讯员` …
    core: &'static str,
}

/// Roles of the paper's own staff, whose names the roster lists: reporters and
/// photographers of the paper, whatever their titles, not its correspondents or interns.
pub(super) fn is_staff_role(role: &str) -> bool {
    let Some(parts) = parts(role, true).filter(|p| p.len == role.len()) else {
        return false;
    };
    let own = parts.organisation == 0 || &role[..parts.organisation] == "本报";
    own && !parts.contributor && matches!(parts.core, "记者" | "摄影记者")
}

/// True when `s` opens with a built-in role word (`本报记者`, `新华社记者`, `通讯员` …).
pub(crate) fn starts_with_role(s: &str) -> bool {
    let s = s.trim_start_matches(is_credit_mark);
    parts(s, true).is_some()
}

/// Marks some papers print before a credit on a line of its own: `□本报记者 张靖`.
pub(super) fn is_credit_mark(c: char) -> bool {
    matches!(c, '□' | '■' | '◆' | '◇' | '●' | '○' | '▲' | '△' | '★' | '☆')
}

/// The organisation a role word names (`新华社记者` → `新华社`, `新快报记者` → `新快报`).
pub(super) fn organisation(role: &str) -> Option<&str> {
    let parts = parts(role, true)?;
    (parts.organisation > 0).then(|| &role[..parts.organisation])
}

/// The role word at the start of `s`, read into its parts. `whole_token`: `s` starts a
/// token of its own, so a paper's name may open it (`新快报记者`); inside a token only the
/// organisations known by name may (`……锻炼本报记者` must not read `锻炼本报` as a paper).
fn parts(s: &str, whole_token: bool) -> Option<Parts> {
    let mut best: Option<Parts> = None;
    for organisation in organisation_lengths(s, whole_token) {
        let Some((len, contributor, core)) =
            after_organisation(&s[organisation..], organisation > 0)
        else {
            continue;
        };
        let found = Parts {
            organisation,
            len: organisation + len,
            contributor,
            core,
        };
        if best.is_none_or(|b| found.len > b.len) {
            best = Some(found);
        }
    }
    best
}

/// The byte lengths an organisation may take at the start of `s`: none, a known one, or a
/// paper's name ending as papers' names end.
fn organisation_lengths(s: &str, whole_token: bool) -> Lengths {
    let mut lengths = Lengths::default();
    lengths.push(0);
    for o in ORGANISATIONS {
        if s.starts_with(o) {
            lengths.push(o.len());
        }
    }
    if whole_token {
        for (count, (i, c)) in s.char_indices().enumerate() {
            if count >= 8 || !crate::text::is_han(c) {
                break;
            }
            let end = i + c.len_utf8();
            let name = &s[..end];
            // Ex) 新快报: two characters at least, and every ending ends in one of these.
            if count >= 1
                && matches!(c, '台' | '报' | '网' | '社')
                && ORGANISATION_ENDINGS
                    .iter()
                    .any(|e| name.ends_with(e) && name.len() > e.len())
            {
                lengths.push(end);
            }
        }
    }
    lengths
}

/// The lengths [`organisation_lengths`] finds, without an allocation: no, each known
/// organisation, and up to eight characters of a paper's name.
#[derive(Default)]
struct Lengths {
    at: [usize; 1 + ORGANISATIONS.len() + 8],
    len: usize,
}

impl Lengths {
    fn push(&mut self, length: usize) {
        self.at[self.len] = length;
        self.len += 1;
    }
}

impl IntoIterator for Lengths {
    type Item = usize;
    type IntoIter = std::iter::Take<std::array::IntoIter<usize, { 1 + ORGANISATIONS.len() + 8 }>>;
    fn into_iter(self) -> Self::IntoIter {
        self.at.into_iter().take(self.len)
    }
}

/// What follows an organisation: a posting (`驻澳大利亚`, only after an organisation),
/// titles and a core. Its byte length, whether a title makes a contributor, and the core.
fn after_organisation(s: &str, has_organisation: bool) -> Option<(usize, bool, &'static str)> {
    let mut at = 0;
    let mut contributor = false;
    // Ex) 本报驻澳大利亚记者 — a posting of up to six characters before the core.
    if has_organisation && s.starts_with('驻') && !s.starts_with("驻站") {
        let posting = &s['驻'.len_utf8()..];
        for (count, (i, _)) in posting.char_indices().enumerate().skip(1) {
            if count > 6 {
                break;
            }
            let rest = &posting[i..];
            if let Some(core) = CORES.iter().find(|c| rest.starts_with(*c)) {
                return Some(('驻'.len_utf8() + i + core.len(), false, core));
            }
        }
    }
    loop {
        let rest = &s[at..];
        if let Some(core) = CORES.iter().find(|c| rest.starts_with(*c)) {
            return Some((at + core.len(), contributor, core));
        }
        let title = TITLES.iter().find(|t| rest.starts_with(*t))?;
        contributor |= *title == "特约";
        at += title.len();
    }
}

/// The role words a credit may hold: the built-in ones and the newsroom's own
/// (`[byline] roles`), which the recogniser is given as a list of words.
pub(super) struct RoleWords<'a> {
    /// The newsroom's words; most configurations add none of their own, and then the list
    /// only repeats built-in words.
    extra: Vec<&'a str>,
}

impl<'a> RoleWords<'a> {
    pub(super) fn new(words: &'a [String]) -> RoleWords<'a> {
        // Every draft of a run brings the same words: which of them are the newsroom's own
        // is worked out again only when they change.
        thread_local! {
            static LAST: RefCell<(Vec<String>, Vec<usize>)> = const { RefCell::new((Vec::new(), Vec::new())) };
        }
        LAST.with_borrow_mut(|(last, extra)| {
            if last.as_slice() != words {
                *extra = (0..words.len())
                    .filter(|&i| {
                        let w = words[i].as_str();
                        !w.is_empty() && parts(w, true).is_none_or(|p| p.len != w.len())
                    })
                    .collect();
                *last = words.to_vec();
            }
            RoleWords {
                extra: extra.iter().map(|&i| words[i].as_str()).collect(),
            }
        })
    }

    /// The longest role word at the start of `s`, which starts a token.
    pub(super) fn prefix<'s>(&self, s: &'s str) -> Option<&'s str> {
        let builtin = parts(s, true).map_or(0, |p| p.len);
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

    /// Where the first role word in `token` starts, if one does: at the token's start a
    /// paper's name may open it, further in only a known organisation or a title.
    pub(super) fn find(&self, token: &str) -> Option<usize> {
        // A built-in role word ends in a core: in a token with none (most tokens), only the
        // newsroom's words are looked for.
        let has_core = CORES.iter().any(|c| token.contains(c));
        token.char_indices().map(|(i, _)| i).find(|&i| {
            let rest = &token[i..];
            (has_core && parts(rest, i == 0).is_some())
                || self.extra.iter().any(|w| rest.starts_with(w))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_at_start(s: &str) -> Option<&str> {
        RoleWords::new(&[]).prefix(s)
    }

    #[test]
    fn roles_are_read_by_their_parts() {
        for (text, role) in [
            ("记者 王海", "记者"),
            ("本报记者王海", "本报记者"),
            ("全媒体记者 王海", "全媒体记者"),
            ("本报融媒体记者 王海", "本报融媒体记者"),
            ("本报首席记者 王海", "本报首席记者"),
            ("见习记者 王海", "见习记者"),
            ("摄影记者 王海", "摄影记者"),
            ("本报通讯员 郜敏", "本报通讯员"),
            ("新华社记者 王海", "新华社记者"),
            ("新快报记者 王海", "新快报记者"),
            ("羊城晚报记者王海", "羊城晚报记者"),
            ("本报驻新西兰记者王海林", "本报驻新西兰记者"),
            ("实习生 赵六", "实习生"),
        ] {
            assert_eq!(role_at_start(text), Some(role), "{text}");
        }
        for text in ["王海", "摄影：王海", "报记者", "本报评论员", "记得"] {
            assert_eq!(role_at_start(text), None, "{text}");
        }
    }

    #[test]
    fn organisations_and_staff() {
        assert_eq!(organisation("新华社记者"), Some("新华社"));
        assert_eq!(organisation("新快报记者"), Some("新快报"));
        assert_eq!(organisation("本报通讯员"), Some("本报"));
        assert_eq!(organisation("全媒体记者"), None);
        for staff in ["记者", "本报记者", "全媒体记者", "本报摄影记者", "见习记者"]
        {
            assert!(is_staff_role(staff), "{staff}");
        }
        for other in ["通讯员", "本报通讯员", "特约记者", "新华社记者", "实习生"]
        {
            assert!(!is_staff_role(other), "{other}");
        }
    }

    #[test]
    fn a_papers_name_opens_only_a_token() {
        let roles = RoleWords::new(&[]);
        assert_eq!(roles.find("新快报记者"), Some(0));
        // Ex) 锻炼本报记者 — the role starts at 本报.
        assert_eq!(roles.find("锻炼本报记者"), Some("锻炼".len()));
        assert_eq!(roles.find("锻炼身体"), None);
        assert!(starts_with_role("□本报记者 张靖"));
    }
}
