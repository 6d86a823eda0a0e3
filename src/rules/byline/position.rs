use crate::config::BylinePosition;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::document::{Article, BlockKind};
use crate::fix::{Edit, Fix};
use crate::recognise::bylines::{Byline, BylinePlace, Credit, Lead};
use crate::rules::byline::house::house_form;
use crate::rules::style::House;
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 署名不在本报规定的位置：设了 `[byline] position = "lead"` 时，署名写在文末，或单独成行写在正文中、电头旁，而不是紧跟首段电头；设了 `position = "end"` 时，署名写在导语里；以及同一篇稿件出现第二处署名。
    ///
    /// 本报电头连同署名写进了段落中间或末尾（`8日，本报讯（记者 王海）社区举办读书会。`、`……居民参加。本报讯（记者 王海）`），无论本报体例如何都放错了位置：电头总在首段开头。引号里的电头、正文里引述的其他通讯社电头（`据新华社北京6月9日电`）以及与前文连写的（`转发本报讯（记者 王海）的报道`）不算。
    ///
    /// 没有电头的特稿，在标题（或引题、主题）下单独一行署名（`本报记者 王海`），位置没有问题；诗文标题下带“□”的作者名（`□ 李小雨`）是作者署名，文末的 `（本报记者 赵静 整理）` 是整理者署名，都不算第二处署名。
    ///
    /// 要闻简报、“■”开头的一组短讯，每条末尾的署名（`（王海）`）是这种版式的写法，不算放错位置。
    ///
    /// 文末的通讯社电头（`（新华社北京12月31日电）`）是通讯社的写法，不算署名放错位置。
    ///
    /// 没有电头的评论、特稿、简讯，文末括号里只写作者姓名或笔名（`……。（李敏）`），是作者署名，不算放错位置：看不出作者是不是本报记者，移进导语就成了记者消息（`本报讯（记者 李敏）`）。文末署名带了身份词（`（记者 王海）`），或者稿件有`本报讯`电头，才按本报规定的位置检查。
    /// ## 为什么
    /// 读者在版面上每篇稿件的同一位置找署名；署名挪了地方或写了两遍，看上去就是排版失误。
    /// ## 示例
    /// 在导语处署名的报纸（预设 `地方日报`）：
    /// ```toml,config
    /// preset = "地方日报"
    /// ```
    /// ```text,flagged
    /// 新开街道推进老旧小区改造
    ///
    /// 近日，新开街道启动老旧小区改造，涉及12个小区。（记者 王海）
    /// ```
    /// ```text,clean
    /// 新开街道推进老旧小区改造
    ///
    /// 本报讯（记者 王海）近日，新开街道启动老旧小区改造，涉及12个小区。
    /// ```
    /// ```text,clean
    /// 莫让“门难进”寒了人心
    ///
    /// 便民服务不能只挂在墙上，更要落在心里、落到行动上。（李敏）
    /// ```
    /// ## 修改
    /// 仅作建议：把署名按本报体例重写后移到本报规定的位置（段中的电头和署名连同电头里的地点、日期一起移到首段开头），或删去重复的第二处署名。挪动文字交给编辑决定：单独一行的署名可能是有意的版式安排，工具看不出来。
    /// ## 依据
    /// 本报 `[byline] position` 版式
    pub(crate) RULE = "byline/position" {
        severity: Warning,
        fix: Suggested,
        checks: [
            Error: "署名不在导语开头或文末，或一稿两处署名",
            Style: "署名位置（导语或文末）与本报不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let house = cx.house;
    for (index, article) in cx.draft.articles.iter().enumerate() {
        // A pen name or an institution closing an item is never out of place, nor a second
        // credit: it may sign a commentary, or be a note the recogniser cannot tell apart.
        let credits: Vec<&Byline> = cx
            .facts
            .bylines
            .of_article(index)
            .filter(|b| b.has_names() && b.place != BylinePlace::Author)
            .filter(|b| !b.credit.as_ref().is_some_and(|c| c.free))
            .filter(|b| !writer_signs(cx, index, article, b))
            .collect();
        // Ex) ■8日，……。（王海） ■9日，……。（李敏） — each brief of a roundup signs itself
        // at its end, as a brief that is one list line does; one signed line among an
        // article's paragraphs is a misplaced credit.
        let roundup = credits.iter().filter(|b| closes_list_item(cx, b)).count() >= 2;
        let credits: Vec<&Byline> = (credits.into_iter())
            .filter(|b| {
                let first = article.lead().is_none_or(|lead| lead >= b.block);
                !(closes_list_item(cx, b) && (roundup || first))
            })
            .collect();
        if credits.is_empty() {
            continue;
        }
        let at_lead = |b: &Byline| super::at_lead(cx, index, article, b);
        let at_end = |b: &Byline| super::at_end(cx, article, b);
        let at_house = |b: &Byline| match house.position.get() {
            Some(BylinePosition::Lead) => at_lead(b),
            Some(BylinePosition::End) => at_end(b),
            // Ex) a report credited at its lead and a brief at its end, in the mixed style.
            _ => at_lead(b) || at_end(b),
        };
        let proper = credits
            .iter()
            .copied()
            .find(|b| at_house(b))
            .or(credits.first().copied());
        for &byline in &credits {
            if Some(byline) == proper {
                if !at_house(byline) {
                    // At the lead or the end is a choice of style; anywhere else is wrong.
                    let standard = at_lead(byline) || at_end(byline);
                    acc.push(misplaced(cx, article, byline, house, standard));
                }
                continue;
            }
            let proper = proper.unwrap();
            let repeats = byline.credit.iter().flat_map(|c| c.names()).all(|n| {
                proper
                    .credit
                    .iter()
                    .flat_map(|c| c.names())
                    .any(|m| m.text == n.text)
            });
            if !repeats
                && (signs_a_section(cx, article, proper, byline)
                    || (byline.block > proper.block && super::under_heading(cx, byline)))
            {
                continue;
            }
            let mut diagnostic = Diagnostic::new(&RULE, byline.span, "一篇稿件出现两处署名")
                .with_related(proper.span, "第一处署名");
            if repeats {
                diagnostic = diagnostic.with_fix(Fix::suggested(
                    "删去重复的署名",
                    vec![Edit::delete(removal_span(cx, byline))],
                ));
            }
            acc.push(diagnostic);
        }
    }
}

/// Whether `byline` is the writer's signature of an item with no dateline: names with no
/// role closing it (`……。（李敏）`), as commentaries, features and briefs are signed. Nothing
/// says the writer is a reporter: moving the names to a lead would make a commentary a
/// reporter's story (`本报讯（记者 李敏）`), so the end is their place in any house.
fn writer_signs(cx: &Context<'_>, index: usize, article: &Article, byline: &Byline) -> bool {
    byline.place == BylinePlace::Trailing
        && !cx.facts.bylines.has_lead_byline(index)
        && super::at_end(cx, article, byline)
        && (byline.credit.as_ref()).is_some_and(Credit::without_roles)
}

/// Whether `byline` is another writer's signature closing the article below a heading
/// line set after the first credit (`办好群众身边的小事` / `……。（孙露）`): a commentary
/// or a brief of its own that the parser could not tell from a section of this item, since
/// the item above did not close with its credit. Two items, not two credits.
fn signs_a_section(cx: &Context<'_>, article: &Article, first: &Byline, byline: &Byline) -> bool {
    let role_less = (byline.credit.as_ref()).is_some_and(Credit::without_roles);
    byline.place == BylinePlace::Trailing
        && role_less
        && super::at_end(cx, article, byline)
        && (article.paragraphs.iter()).any(|&id| {
            id > first.block
                && id < byline.block
                && cx.draft.blocks[id].kind == BlockKind::Subheading
        })
}

/// Whether the byline closes a line of a list (`■……。（王海）`), as each brief of a roundup
/// is signed.
fn closes_list_item(cx: &Context<'_>, byline: &Byline) -> bool {
    byline.place == BylinePlace::Trailing
        && cx.draft.blocks[byline.block].kind == BlockKind::ListItem
}

/// The only credit of an article, standing in the wrong place: `standard` when it stands
/// where some house style puts it (the lead, or the end), only not where this house does.
fn misplaced(
    cx: &Context<'_>,
    article: &Article,
    byline: &Byline,
    house: &House<'_>,
    standard: bool,
) -> Diagnostic {
    if byline.place == BylinePlace::Inside {
        return out_of_lead(cx, article, byline, house);
    }
    let diagnostic = match house.position.get() {
        Some(BylinePosition::Lead) => {
            let message = match byline.place {
                BylinePlace::CreditLine => "署名单独成行，应放在首段电头之后",
                _ => "署名应放在首段电头之后",
            };
            let fix = move_to_lead(cx, article, byline, house);
            Diagnostic::new(&RULE, byline.span, message).with_fix(fix)
        }
        Some(BylinePosition::End) => {
            let fix = move_to_end(cx, article, byline, house);
            Diagnostic::new(&RULE, byline.span, "署名应放在文末").with_fix(fix)
        }
        _ => Diagnostic::new(&RULE, byline.span, "署名应放在首段电头之后或文末"),
    };
    if standard {
        let note = house.position.source_note("这种署名位置");
        let diagnostic = diagnostic.style();
        match note {
            Some(note) => diagnostic.with_note(note),
            None => diagnostic,
        }
    } else {
        diagnostic
    }
}

/// A dateline and its credit inside a paragraph (`8日，本报讯（记者 王海）……`): out of place
/// in every style, since the dateline opens the first paragraph wherever the house signs.
fn out_of_lead(
    cx: &Context<'_>,
    article: &Article,
    byline: &Byline,
    house: &House<'_>,
) -> Diagnostic {
    if house.position.get() == Some(BylinePosition::End) {
        return Diagnostic::new(&RULE, byline.span, "电头应放在首段开头，署名应放在文末");
    }
    let fix = move_to_lead(cx, article, byline, house);
    Diagnostic::new(&RULE, byline.span, "电头和署名应放在首段开头").with_fix(fix)
}

fn move_to_lead(
    cx: &Context<'_>,
    article: &Article,
    byline: &Byline,
    style: &House<'_>,
) -> Option<Fix> {
    let lead_block = article.lead()?;
    let bare_lead = cx
        .facts
        .bylines
        .of_article(cx.draft.article_of(lead_block)?)
        .find(|b| b.block == lead_block && b.place == BylinePlace::Lead && b.credit.is_none());
    // Ex) 8日，本报北京6月1日讯（记者 王海）…… — a misplaced dateline moves with its credit.
    let lead = (byline.lead.clone()).or_else(|| bare_lead.and_then(|b| b.lead.clone()));
    // Ex) 新华社记者 王海 — another organisation's reporter never gets the paper's `本报讯`.
    let other_organisation = (byline.credit.iter())
        .flat_map(|c| c.groups.iter().filter_map(|g| g.role.as_ref()))
        .any(|role| role.organisation().is_some_and(|o| o != "本报"));
    if lead.is_none() && other_organisation {
        return None;
    }
    let lead = lead.unwrap_or_else(house_lead);
    let moved = Byline {
        place: BylinePlace::Lead,
        lead: Some(lead),
        ..byline.clone()
    };
    let house = house_form(&moved, style)?;
    let insert = match bare_lead {
        Some(b) => Edit::replace(b.span, house.clone()),
        None => Edit::insert(cx.draft.blocks[lead_block].span.start, house.clone()),
    };
    Fix::suggested(
        format!("移入首段：“{house}”"),
        vec![insert, Edit::delete(removal_span(cx, byline))],
    )
}

fn move_to_end(
    cx: &Context<'_>,
    article: &Article,
    byline: &Byline,
    style: &House<'_>,
) -> Option<Fix> {
    let last = super::last_paragraph(cx, article)?;
    let moved = Byline {
        place: BylinePlace::Trailing,
        lead: None,
        ..byline.clone()
    };
    let credit = house_form(&moved, style)?;
    let remove = match (&byline.lead, byline.place) {
        (Some(lead), BylinePlace::Lead) => Edit::replace(byline.span, lead.words()),
        _ => Edit::delete(removal_span(cx, byline)),
    };
    let at = cx.draft.blocks[last].span.end;
    if remove.span.contains_span(Span::empty(at)) && !remove.span.is_empty() {
        return None;
    }
    Fix::suggested(
        format!("移到文末：“{credit}”"),
        vec![remove, Edit::insert(at, credit)],
    )
}

fn house_lead() -> Lead {
    Lead {
        span: Span::default(),
        agency: "本报".to_owned(),
        via: false,
        place_date: String::new(),
        word: "讯".to_owned(),
        colon: false,
        spaced: false,
    }
}

/// What deleting a credit removes: a credit line with the line break after it, a trailing
/// credit with the spaces before it.
fn removal_span(cx: &Context<'_>, byline: &Byline) -> Span {
    match byline.place {
        BylinePlace::CreditLine => {
            let next = cx
                .draft
                .blocks
                .get(byline.block + 1)
                .map_or(cx.text.len() as u32, |b| {
                    // Up to the next line, keeping that line's own indentation.
                    let gap = &cx.text
                        [cx.draft.blocks[byline.block].span.end as usize..b.span.start as usize];
                    let last_break = gap.rfind('\n').map_or(0, |i| i + 1);
                    cx.draft.blocks[byline.block].span.end + last_break as u32
                });
            Span::new(byline.span.start, next)
        }
        _ => {
            let before = &cx.text[..byline.span.start as usize];
            let trimmed = before.trim_end_matches([' ', '\u{3000}']);
            let start = if byline.place == BylinePlace::Trailing {
                trimmed.len() as u32
            } else {
                byline.span.start
            };
            Span::new(start, byline.span.end)
        }
    }
}
