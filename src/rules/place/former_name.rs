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
    /// after 2018-02-09 (now `云州区`), `南郊区`, `水泊寺乡` after 2021.
    ///
    /// The change date is compared with the issue date (else today). The dates of the history are approval
    /// dates, and a change takes effect weeks or months later, so a name counts as former 90
    /// days after approval; a change known only by its year counts from the next year on.
    ///
    /// Never flagged: `原大同县` and other deliberate references to the past (`原` `前` `旧`
    /// before the name, `（今…）` after it, a sentence about the change itself: 撤、改、
    /// 更名、合并、设立 …, or one that gives a year before the change); `张家口地区` and other
    /// former 地区 names, which also mean "the area around"; a former name that is also an everyday word (`城区`, `矿区`)
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
                .with_fix(Fix::suggest_replacement(mention.span, &entry.name)),
            );
            continue;
        }
        let Some(change) = applicable_change(g, mention, &places.mentions, places.region) else {
            continue;
        };
        let record = g.change(change);
        if !in_force(record.date, reference)
            || mentions_earlier_year(cx.text, mention.span, record.date)
        {
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
        let when = record.date.to_string();
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
    // `张家口地区` is also "the 张家口 area": former 地区 names are everyday words.
    if mention.name.ends_with("地区") {
        return None;
    }
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
    let prefix: String = {
        let mut chars: Vec<char> = before.chars().rev().take(2).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    if prefix.ends_with(['原', '前', '旧'])
        || ["原属", "原为", "原是"].iter().any(|p| prefix.ends_with(p))
    {
        return true;
    }
    if ["（今", "(今", "（现"].iter().any(|p| after.starts_with(p)) {
        return true;
    }
    let (start, end) = sentence_bounds(text, span);
    let sentence = &text[start..end];
    CHANGE_WORDS.iter().any(|w| sentence.contains(w))
}

/// Days between a change's approval and the day its name is taken as out of use: the dates
/// are approval dates, and a change takes effect weeks or months later.
const GRACE_DAYS: i32 = 90;

/// Whether the change was in force by `reference`: its approval date plus [`GRACE_DAYS`], or
/// for a change known by its year only, the next year on.
fn in_force(date: ChangeDate, reference: jiff::civil::Date) -> bool {
    match date {
        ChangeDate::Day(day) => day
            .checked_add(jiff::Span::new().days(GRACE_DAYS))
            .is_ok_and(|effective| effective <= reference),
        ChangeDate::Year(_) => date.is_before(reference),
    }
}

/// Whether the sentence around the name gives a year before the change: `1996年1月，邵阳市
/// 郊区发生…` tells of a time when the old name was right.
fn mentions_earlier_year(text: &str, span: Span, date: ChangeDate) -> bool {
    let year = match date {
        ChangeDate::Day(day) => day.year(),
        ChangeDate::Year(year) => year,
    } as u32;
    let (start, end) = sentence_bounds(text, span);
    let mut value = 0u32;
    let mut digits = 0;
    for ch in text[start..end].chars().chain(std::iter::once(' ')) {
        // Full-width digits are common in older print.
        let digit = ch
            .to_digit(10)
            .or_else(|| ('０'..='９').contains(&ch).then(|| ch as u32 - '０' as u32));
        match digit {
            Some(d) => {
                value = value.saturating_mul(10).saturating_add(d);
                digits += 1;
            }
            None => {
                if digits == 4 && (1900..year).contains(&value) {
                    return true;
                }
                value = 0;
                digits = 0;
            }
        }
    }
    false
}

/// The byte range of the sentence holding `span`.
fn sentence_bounds(text: &str, span: Span) -> (usize, usize) {
    let stops = |c: char| "。！？；\n".contains(c);
    let before = &text[..span.start as usize];
    let after = &text[span.end as usize..];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| stops(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = span.end as usize + after.find(stops).unwrap_or(after.len());
    (start, end)
}
