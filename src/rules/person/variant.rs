use std::collections::BTreeMap;

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::recognise::persons::{surname_chars, MentionSource, Occurrence};
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// One person's name spelt two ways in one draft: two names of three or more characters,
    /// each printed next to a title or role (`居民王秀英`, `王秀芳老人`, `书记李建国`) or in a
    /// credit, that share the surname and length and differ in one character of the given
    /// name. Captions and credits count.
    ///
    /// A credited reporter's name is compared only with a reporter named in the text
    /// (`记者王梅`), not with the story's people. Two names printed in one sentence
    /// (`王秀英和王秀芳姐妹`), two credited reporters or photographers, and two names each
    /// printed more than once are taken to be two people. Two-character names are not
    /// compared: `王海` and `王梅` are far more often two people than a slip.
    /// ## Why
    /// A resident's name spelt two ways in one story means one of them is wrong, and readers
    /// who know the person notice.
    /// ## Example
    /// ```text,flagged
    /// 本报讯（记者 王海）8日，社区志愿者看望了独居老人王秀英。
    ///
    /// 王秀芳老人说：“感谢大家。”
    /// ```
    /// ```text,clean
    /// 本报讯（记者 王海）8日，社区志愿者看望了独居老人王秀英。
    ///
    /// 王秀英老人说：“感谢大家。”
    ///
    /// 居民王秀英和王秀芳姐妹一同参加了活动。
    /// ```
    /// ## Fix
    /// Suggested: either spelling, everywhere the other is printed. Only the reporter knows
    /// which is right.
    /// ## Standard
    /// 《报纸编校质量标准》：人名前后一致
    pub(crate) RULE = "person/variant" { severity: Warning, fix: Always }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let persons = &cx.facts.persons;
    // Distinct names of three or more characters, with the roles they are printed in.
    let mut names: BTreeMap<&str, Roles> = BTreeMap::new();
    for mention in &persons.mentions {
        let n = mention.name.chars().count();
        if n < 3 || mention.name.contains('·') {
            continue;
        }
        let roles = names.entry(mention.name.as_str()).or_default();
        match mention.source {
            MentionSource::Byline | MentionSource::PhotoCredit => roles.credited = true,
            MentionSource::Text if mention.cue == "记者" => roles.reporter_in_text = true,
            MentionSource::Text => roles.in_story = true,
        }
    }
    let list: Vec<(&str, Roles)> = names.into_iter().collect();
    let mut reported: Vec<&str> = Vec::new();
    for (i, &(a, ra)) in list.iter().enumerate() {
        for &(b, rb) in &list[i + 1..] {
            if !one_given_char_apart(a, b) {
                continue;
            }
            // Compare people of one kind: two people of the story, or a credited reporter
            // and a reporter named in the text. Two credits are two colleagues; a reporter
            // and an official of the story are two people.
            let people = ra.in_story && rb.in_story;
            let reporters = (ra.credited && rb.reporter_in_text)
                || (rb.credited && ra.reporter_in_text)
                || (ra.reporter_in_text && rb.reporter_in_text);
            if !(people || reporters) {
                continue;
            }
            let (Some(occ_a), Some(occ_b)) =
                (persons.occurrences.get(a), persons.occurrences.get(b))
            else {
                continue;
            };
            if occ_a.len() >= 2 && occ_b.len() >= 2 {
                continue;
            }
            if occ_a
                .iter()
                .any(|x| occ_b.iter().any(|y| x.sentence == y.sentence))
            {
                continue;
            }
            if reported.contains(&a) || reported.contains(&b) {
                continue;
            }
            // Point at the rarer spelling (the later one when both are printed once).
            let (rare, rare_occ, common, common_occ) = if occ_a.len() < occ_b.len()
                || (occ_a.len() == occ_b.len() && occ_a[0].span.start > occ_b[0].span.start)
            {
                (a, occ_a, b, occ_b)
            } else {
                (b, occ_b, a, occ_a)
            };
            reported.push(rare);
            acc.push(finding(rare, rare_occ, common, common_occ));
        }
    }
}

/// The kinds of mention a name has in the draft.
#[derive(Clone, Copy, Default)]
struct Roles {
    /// In a byline or photo credit.
    credited: bool,
    /// After `记者` in the text.
    reporter_in_text: bool,
    /// Beside another title or role: a person of the story.
    in_story: bool,
}

fn finding(
    rare: &str,
    rare_occ: &[Occurrence],
    common: &str,
    common_occ: &[Occurrence],
) -> Diagnostic {
    let to_common = Fix::suggested(
        format!("改为“{common}”"),
        rare_occ
            .iter()
            .map(|o| Edit::replace(o.span, common))
            .collect(),
    );
    let to_rare = Fix::suggested(
        format!("统一为“{rare}”"),
        common_occ
            .iter()
            .map(|o| Edit::replace(o.span, rare))
            .collect(),
    );
    let mut diagnostic = Diagnostic::new(
        &RULE,
        rare_occ[0].span,
        format!("人名“{rare}”与“{common}”仅差一字，疑为同一人"),
    )
    .with_note("同一人名在稿件中前后写法应一致。")
    .with_related(common_occ[0].span, "另一写法")
    .with_fix(to_common)
    .with_fix(to_rare);
    for other in &rare_occ[1..] {
        diagnostic = diagnostic.with_related(other.span, "同一写法");
    }
    diagnostic
}

/// True when `a` and `b` share the surname and length and differ in exactly one character
/// of the given name.
fn one_given_char_apart(a: &str, b: &str) -> bool {
    let (Some(sa), Some(sb)) = (surname_chars(a), surname_chars(b)) else {
        return false;
    };
    if sa != sb {
        return false;
    }
    let ca: Vec<char> = a.chars().collect();
    let cb: Vec<char> = b.chars().collect();
    if ca.len() != cb.len() || ca[..sa] != cb[..sb] {
        return false;
    }
    ca[sa..]
        .iter()
        .zip(&cb[sa..])
        .filter(|(x, y)| x != y)
        .count()
        == 1
}
