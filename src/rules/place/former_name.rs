use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::gazetteer::{strip_suffix, ChangeDate, ChangeId, Gazetteer, PlaceId};
use crate::recognise::places::Mention;
use crate::rules::Context;

declare_rule! {
    /// ## 查什么
    /// 行政区划更名、合并或撤销之后仍在使用的旧名：2018-02-09 之后的 `大同县`（今 `云州区`）和 `南郊区`，2021 年之后的 `水泊寺乡`。
    ///
    /// 变更日期与出版日期（没有就用今天）比较。沿革中的日期是批准日期（提示里写作“2018年2月9日批准”），变更要过几周甚至几个月才生效，所以批准 90 天后才算旧名；只知道年份的变更，从下一年起算。
    ///
    /// 沿革覆盖的各级都检查（县级及以上自 1982 年起，乡镇自 2014 年起），连写的地名、全称或简称都算（`四川灌县`）；去掉“市”“县”的旧名（`湖北襄樊`、`云南中甸`）只在紧跟省名、且今天没有哪个地方用这个名字时才算（`湖北蒲圻` 不算：赤壁市有蒲圻街道）。单独出现的旧名，只有它只属于一个区划（`丰乐乡` 不算，好几个县都撤过）、且前后的字表明它是地名（`在灌县`，而不是 `普通县城`）时才算。
    ///
    /// 以下从不提示：`原大同县` 等有意提及过去的写法（名前有 `原` `前` `旧`，名后有 `（今…）` 或 `旧址`，整个名字加了引号、说的是这个名字本身（`“大同县”牌匾被摘下`），句子讲的就是变更本身：撤、改、更名、合并、设立……，或句中给出变更之前的年份）；书名号里的书名（`《大同县志》`）；单字旧名后接小吃、特产而成的品牌（`沙县小吃`、`郫县豆瓣`）；`张家口地区` 等旧“地区”名，它们也有“一带”的意思；同时是日常词语的旧名（`城区`、`矿区`），除非文中点明是哪个区划（`大同市城区`）；仍是别处现用地名、而上下文指向那里的，或仍是同一地方现用名的（`麻阳县`，麻阳苗族自治县的日常简称）。
    /// ## 为什么
    /// 在今天的新闻里用旧地名，会让读者弄错地方，这是常见的更正事项。
    /// ## 示例
    /// ```text,flagged
    /// 2023年，大同市南郊区新建学校3所。
    /// ```
    /// ```text,clean
    /// 2023年，原大同县所辖各乡镇新建学校3所，云州区道路改造完成。
    /// ```
    /// ## 修改
    /// 仅作建议：原区划只并入一个新区划时，建议改为现名；分入几个新区划时，逐一列出，因为只有记者知道指的是哪一部分。
    /// ## 依据
    /// 《地名管理条例》(2022); 民政部《县级以上行政区划变更情况》.
    pub(crate) RULE = "place/former-name" {
        severity: Warning,
        fix: Suggested,
        checks: [
            Error: "使用已撤销或更名的旧地名",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let g = cx.gazetteer;
    let reference = cx.reference_date();
    let places = &cx.facts.places;
    let mut settled = None;
    for mention in &places.mentions {
        // Ex) 原大同县, 大同县（今云州区）, 大同县撤县设区 — the past named on purpose;
        // 《大同县志》 — the title of a work.
        let Some(frame) = mention.frame else {
            continue;
        };
        if frame.marked_past || frame.tells_change || frame.in_title {
            continue;
        }
        if let Some(diagnostic) = newsroom_former(g, mention, reference) {
            acc.push(diagnostic);
            continue;
        }
        let settled = settled.get_or_insert_with(|| Settled::new(&places.mentions));
        let Some(change) = applicable_change(g, mention, &places.mentions, settled, places.region)
        else {
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
    // The history's dates are approval dates: the message says so.
    let when = format!("（{}批准）", record.date);
    let name = &mention.name;
    let message = match &names[..] {
        [] => format!("“{name}”已撤销{when}"),
        [one] if record.kind.contains("合并") => format!("“{name}”已撤销，并入“{one}”{when}"),
        [one] if verb(&record.kind) == "更名" => format!("“{name}”已更名为“{one}”{when}"),
        [one] => format!("“{name}”已撤销，今为“{one}”{when}"),
        many => format!("“{name}”已撤销，其地域今属“{}”{when}", many.join("”“")),
    };
    let document = if record.document.is_empty() {
        String::new()
    } else {
        format!("，{}", record.document)
    };
    let paths: Vec<String> = successors.iter().map(|&p| g.path(p)).collect();
    let note = match paths.is_empty() {
        true => format!("{}{document}", record.kind),
        false => format!("{}{document}（{}）", record.kind, paths.join("；")),
    };
    let mut diagnostic = Diagnostic::new(&RULE, mention.span, message).with_note(note);
    // Ex) 湖北襄樊 → 湖北襄阳: a stem is replaced by a stem, where the new name has one.
    let bare = mention.short && *mention.name != *record.old_name;
    for name in &names {
        let name = match strip_suffix(name).filter(|s| bare && s.chars().count() >= 2) {
            Some(stem) => stem,
            None => name,
        };
        diagnostic = diagnostic.with_fix(Fix::suggested(
            format!("改为“{name}”"),
            vec![Edit::replace(mention.span, name.to_owned())],
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
    settled: &Settled,
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
    if parent.is_some_and(|p| !p.places.is_empty()) && !changes.iter().any(|&c| named_in_text(c)) {
        // Ex) 辽宁省潮阳市: 潮阳市 was of 广东; the text means a place of 辽宁 (朝阳市).
        return None;
    }
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
                (settled.of(mention.article))
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
    changes.into_iter().max_by_key(|&c| g.change(c).date.key())
}

/// Each article's settled places (those of mentions resolved to one place), each once, in
/// order of article: asked about every former name, so gathered once a draft.
struct Settled(Vec<(Option<usize>, PlaceId)>);

impl Settled {
    fn new(mentions: &[Mention]) -> Settled {
        let mut all: Vec<(Option<usize>, PlaceId)> = (mentions.iter())
            .filter(|m| m.places.len() == 1)
            .map(|m| (m.article, m.places[0]))
            .collect();
        all.sort_unstable();
        all.dedup();
        Settled(all)
    }

    fn of(&self, article: Option<usize>) -> impl Iterator<Item = PlaceId> + '_ {
        let first = self.0.partition_point(|&(a, _)| a < article);
        (self.0[first..].iter())
            .take_while(move |&&(a, _)| a == article)
            .map(|&(_, p)| p)
    }
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
