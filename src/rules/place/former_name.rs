use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::gazetteer::{ChangeDate, ChangeId, Gazetteer, PlaceId};
use crate::recognise::places::Mention;
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## What it flags
    /// A division's former name used after it was renamed, merged or abolished: `大同县`
    /// after 2018-02-09 (now `云州区`), `南郊区`, `水泊寺乡` after 2021. The change date is
    /// compared with the issue date (else today); a change known only by its year counts from
    /// the next year on.
    ///
    /// Never flagged: `原大同县` and other deliberate references to the past (`原` `前` `旧`
    /// before the name, `（今…）` after it, or a sentence about the change itself: 撤、改、
    /// 更名、合并、设立 …); a former name that is also an everyday word (`城区`, `矿区`)
    /// unless the text names the division (`大同市城区`); a name still in use for another
    /// place that the context points to.
    /// ## Why
    /// A former name in today's news misinforms readers about where things are, and is a
    /// standard correction.
    /// ## Example
    /// ```text,flagged
    /// 2023年，大同市南郊区新建学校3所。
    /// ```
    /// ```text,clean
    /// 2023年，原大同县所辖各乡镇新建学校3所，云州区道路改造完成。
    /// ```
    /// ## Fix
    /// Suggested: the current name, when the old unit went to one successor; with several
    /// successors each is offered, since only the reporter knows which part is meant.
    /// ## Standard
    /// 《地名管理条例》(2022); 民政部《县级以上行政区划变更情况》.
    pub(crate) RULE = "place/former-name" { severity: Warning, fix: Sometimes }
}

/// Words that mark a sentence about the change itself, or the past on purpose.
const CHANGE_WORDS: &[&str] = &[
    "撤", "更名", "改名", "改称", "改为", "改设", "设立", "合并", "并入", "划归", "划入", "前身",
    "曾", "旧称", "原名", "时称", "时为", "当时", "历史", "成立",
];

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let g = cx.gazetteer;
    let reference = cx.reference_date();
    let places = &cx.facts.places;
    for mention in &places.mentions {
        if mention.former.is_empty() && mention.newsroom_former.is_empty() {
            continue;
        }
        if refers_to_past(cx.text, mention.span) {
            continue;
        }
        // Newsroom former names: `former = [{ name, until }]`.
        if let Some(&(place, i)) = mention
            .newsroom_former
            .iter()
            .find(|&&(p, i)| g.place(p).former[i as usize].1 <= reference)
        {
            let entry = g.place(place);
            let until = entry.former[i as usize].1;
            acc.push(
                Diagnostic::new(
                    &RULE,
                    mention.span,
                    format!(
                        "“{}”已于{}年{}月{}日更名为“{}”",
                        mention.name,
                        until.year(),
                        until.month(),
                        until.day(),
                        entry.name
                    ),
                )
                .with_note(g.path(place))
                .with_fix(Fix::suggested(
                    format!("改为“{}”", entry.name),
                    vec![Edit::replace(mention.span, entry.name.to_string())],
                )),
            );
            continue;
        }
        let Some(change) = applicable_change(g, mention, &places.mentions, places.region) else {
            continue;
        };
        let record = g.change(change);
        if !record.date.is_before(reference) {
            continue;
        }
        let successors = g.current_successors(change);
        let names: Vec<String> = {
            let mut names: Vec<String> = successors
                .iter()
                .map(|&p| g.place(p).name.to_string())
                .collect();
            names.dedup();
            names
        };
        let when = match record.date {
            ChangeDate::Day(_) => format!("{}", record.date),
            ChangeDate::Year(_) => format!("{}", record.date),
        };
        let message = match &names[..] {
            [] => format!("“{}”已于{when}撤销", mention.name),
            [one] => format!(
                "“{}”已于{when}{}，今为“{one}”",
                mention.name,
                verb(&record.kind)
            ),
            many => format!(
                "“{}”已于{when}撤销，其地域今属“{}”",
                mention.name,
                many.join("”“")
            ),
        };
        let mut diagnostic = Diagnostic::new(&RULE, mention.span, message).with_note(format!(
            "{}{}（{}）",
            record.kind,
            if record.document.is_empty() {
                String::new()
            } else {
                format!("，{}", record.document)
            },
            successors
                .iter()
                .map(|&p| g.path(p))
                .collect::<Vec<_>>()
                .join("；")
        ));
        for name in &names {
            diagnostic = diagnostic.with_fix(Fix::suggested(
                format!("改为“{name}”"),
                vec![Edit::replace(mention.span, name.clone())],
            ));
        }
        acc.push(diagnostic);
    }
}

fn verb(kind: &str) -> &'static str {
    if kind.contains("更名") || kind.contains("名称变更") || kind.contains("变更名称") {
        "更名"
    } else {
        "撤销"
    }
}

/// The change that made this mention's name a former name, when the text and its context
/// point to it and to no current place of the name.
fn applicable_change(
    g: &Gazetteer,
    mention: &Mention,
    mentions: &[Mention],
    region: Option<PlaceId>,
) -> Option<ChangeId> {
    let mut changes: Vec<ChangeId> = mention
        .former
        .iter()
        .copied()
        .filter(|&c| g.change(c).name_ceased)
        .collect();
    if changes.is_empty() {
        return None;
    }
    let parent = mention.after.map(|i| &mentions[i]);
    let named_in_text = |c: ChangeId| {
        parent.is_some_and(|p| {
            g.change(c)
                .area
                .is_some_and(|area| p.places.iter().any(|&q| g.is_within(area, q)))
        })
    };
    if changes.iter().any(|&c| named_in_text(c)) {
        changes.retain(|&c| named_in_text(c));
    } else if !mention.all_places.is_empty() {
        // The name is still in use elsewhere: only a context that rules that out will do.
        return None;
    } else {
        let in_context = |c: ChangeId| {
            g.change(c).area.is_some_and(|area| {
                mentions
                    .iter()
                    .filter(|m| m.article == mention.article && m.places.len() == 1)
                    .map(|m| m.places[0])
                    .chain(region)
                    .any(|q| g.is_within(q, area) || g.is_within(area, q))
            })
        };
        if changes.iter().any(|&c| in_context(c)) {
            changes.retain(|&c| in_context(c));
        }
    }
    // The latest change of the name decides.
    changes.into_iter().max_by_key(|&c| match g.change(c).date {
        ChangeDate::Day(d) => (d.year(), d.month(), d.day()),
        ChangeDate::Year(y) => (y, 12, 31),
    })
}

/// Whether the text around the name refers to the past on purpose: `原大同县`,
/// `大同县（今云州区）`, or a sentence about the change itself.
fn refers_to_past(text: &str, span: Span) -> bool {
    let before = &text[..span.start as usize];
    let after = &text[span.end as usize..];
    let prefix: String = before
        .chars()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if prefix.ends_with('原')
        || prefix.ends_with('前')
        || prefix.ends_with('旧')
        || prefix.ends_with("原属")
        || prefix.ends_with("原为")
        || prefix.ends_with("原是")
    {
        return true;
    }
    if after.starts_with("（今") || after.starts_with("(今") || after.starts_with("（现") {
        return true;
    }
    let stops = |c: char| "。！？；\n".contains(c);
    let start = before.rfind(stops).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = after.find(stops).map_or(after.len(), |i| i);
    let sentence = &text[start..span.end as usize + end];
    CHANGE_WORDS.iter().any(|w| sentence.contains(w))
}
