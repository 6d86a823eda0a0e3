use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::gazetteer::{ChangeDate, ChangeId, Gazetteer, PlaceId};
use crate::recognise::places::Mention;
use crate::rules::Context;

declare_rule! {
    /// ## What it flags
    /// A division's former name used after it was renamed, merged or abolished: `大同县`
    /// after 2018-02-09 (now `云州区`), `南郊区`, `水泊寺乡` after 2021.
    ///
    /// The change date is compared with the issue date (else today). The dates of the history are approval
    /// dates, and a change takes effect weeks or months later, so a name counts as former 90
    /// days after approval; a change known only by its year counts from the next year on.
    ///
    /// Checked at every level the history covers (county level and above since 1982, towns
    /// since 2014), in chains with full or short forms (`四川灌县`). A former name written
    /// alone counts only where it was one division's (not `丰乐乡`, abolished in several
    /// counties) and the characters around show it stands as a name (`在灌县`, never
    /// `普通县城`).
    ///
    /// Never flagged: `原大同县` and other deliberate references to the past (`原` `前` `旧`
    /// before the name, `（今…）` after it, a sentence about the change itself: 撤、改、
    /// 更名、合并、设立 …, or one that gives a year before the change); `张家口地区` and other
    /// former 地区 names, which also mean "the area around"; a former name that is also an
    /// everyday word (`城区`, `矿区`) unless the text names the division (`大同市城区`); a
    /// name still in use for another place that the context points to, or for the same
    /// place (`麻阳县`, the everyday short form of 麻阳苗族自治县).
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
    pub(crate) RULE = "place/former-name" {
        severity: Warning,
        fix: Sometimes,
        checks: [
            Error: "使用已撤销或更名的旧地名",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let g = cx.gazetteer;
    let reference = cx.reference_date();
    let places = &cx.facts.places;
    for mention in &places.mentions {
        // Ex) 原大同县, 大同县（今云州区）, 大同县撤县设区 — the past named on purpose.
        let Some(frame) = mention.frame else {
            continue;
        };
        if frame.marked_past || frame.tells_change {
            continue;
        }
        if let Some(diagnostic) = newsroom_former(g, mention, reference) {
            acc.push(diagnostic);
            continue;
        }
        let Some(change) = applicable_change(g, mention, &places.mentions, places.region) else {
            continue;
        };
        let record = g.change(change);
        let year = match record.date {
            ChangeDate::Day(day) => day.year(),
            ChangeDate::Year(year) => year,
        } as u32;
        // Ex) 1996年1月，邵阳市郊区发生… — a time when the old name was right.
        if !in_force(record.date, reference) || frame.earliest_year.is_some_and(|y| y < year) {
            continue;
        }
        acc.push(former_name(g, mention, change));
    }
}

/// A former name from a newsroom gazetteer (`former = [{ name, until }]`) out of use by
/// `reference`.
fn newsroom_former(
    g: &Gazetteer,
    mention: &Mention,
    reference: jiff::civil::Date,
) -> Option<Diagnostic> {
    let &(place, i) = mention
        .newsroom_former
        .iter()
        .find(|&&(p, i)| g.place(p).former[i as usize].1 <= reference)?;
    let entry = g.place(place);
    let until = entry.former[i as usize].1;
    let message = format!(
        "“{}”已于{}年{}月{}日更名为“{}”",
        mention.name,
        until.year(),
        until.month(),
        until.day(),
        entry.name
    );
    Some(
        Diagnostic::new(&RULE, mention.span, message)
            .with_note(g.path(place))
            .with_fix(Fix::suggest_replacement(mention.span, &entry.name)),
    )
}

/// The finding for a name that `change` put out of use: what it became, and since when.
fn former_name(g: &Gazetteer, mention: &Mention, change: ChangeId) -> Diagnostic {
    let record = g.change(change);
    let successors = g.current_successors(change);
    let mut names: Vec<String> = successors
        .iter()
        .map(|&p| g.place(p).name.to_string())
        .collect();
    names.dedup();
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
    let document = if record.document.is_empty() {
        String::new()
    } else {
        format!("，{}", record.document)
    };
    let paths: Vec<String> = successors.iter().map(|&p| g.path(p)).collect();
    let note = format!("{}{document}（{}）", record.kind, paths.join("；"));
    let mut diagnostic = Diagnostic::new(&RULE, mention.span, message).with_note(note);
    for name in &names {
        diagnostic = diagnostic.with_fix(Fix::suggested(
            format!("改为“{name}”"),
            vec![Edit::replace(mention.span, name.clone())],
        ));
    }
    diagnostic
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
    changes.retain(|&c| !still_borne(g, mention, c));
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
        // Ex) 山西省郊区: 阳泉's 郊区 is current and in 山西 too; 长治市郊区 rules it out.
        let current_there = parent.is_some_and(|p| {
            mention
                .all_places
                .iter()
                .any(|&q| p.places.iter().any(|&a| q != a && g.is_within(q, a)))
        });
        if current_there {
            return None;
        }
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
        // Ex) 丰乐乡: a name alone counts only where it was one division's (one province's
        // at county level and above, one county's below), not several places' at once.
        if !one_division(g, &changes) {
            return None;
        }
    }
    // The latest change of the name decides.
    changes.into_iter().max_by_key(|&c| match g.change(c).date {
        ChangeDate::Day(d) => (d.year(), d.month(), d.day()),
        ChangeDate::Year(y) => (y, 12, 31),
    })
}

/// Whether a current place of the mention's name bears the name on where `change` put it
/// out of use: `怀化市麻阳县` (麻阳苗族自治县's everyday short form, in the old unit's area),
/// `湖北省随州市` (the county-level city became 曾都区 of the prefecture 随州市).
fn still_borne(g: &Gazetteer, mention: &Mention, change: ChangeId) -> bool {
    let change = g.change(change);
    mention.all_places.iter().any(|&p| {
        change
            .successors
            .iter()
            .any(|s| s.1.is_some_and(|q| g.is_within(q, p)))
            || change.area.is_some_and(|area| g.is_within(p, area))
    })
}

/// Whether `changes` are all of one former division: at county level and above, in one
/// province (`大庸市` the county-level city and then the prefecture); below, in one county.
fn one_division(g: &Gazetteer, changes: &[ChangeId]) -> bool {
    let key = |c: ChangeId| {
        let change = g.change(c);
        if change.old_code >= 1_000_000 {
            (change.area.map(u64::from), true)
        } else {
            (Some(change.old_code / 10_000), false)
        }
    };
    let Some(&first) = changes.first() else {
        return false;
    };
    let first = key(first);
    first.0.is_some() && changes.iter().all(|&c| key(c) == first)
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
