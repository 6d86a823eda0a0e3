use super::*;
use crate::document::{parse, DraftKind};
use crate::recognise::Newsroom;

fn recognise_with(text: &str, newsroom: Newsroom<'_>) -> Bylines {
    let draft = parse(text, DraftKind::Text);
    let input = Input::undated(text, &draft, newsroom);
    recognise(&input)
}

fn recognise_text(text: &str) -> Bylines {
    recognise_with(text, Newsroom::default())
}

fn names(b: &Byline) -> Vec<String> {
    b.credit
        .as_ref()
        .map(|c| c.names().map(|n| n.text.clone()).collect())
        .unwrap_or_default()
}

fn roles(b: &Byline) -> Vec<Option<String>> {
    b.credit
        .iter()
        .flat_map(|c| &c.groups)
        .map(|g| g.role.as_ref().map(|r| r.text.clone()))
        .collect()
}

#[test]
fn lead_credit_in_parentheses() {
    let text = "标题\n\n本报讯（记者 王海 李敏 通讯员 张强）近日，社区举办活动。\n";
    let found = recognise_text(text);
    assert_eq!(found.bylines.len(), 1);
    let b = &found.bylines[0];
    assert_eq!(
        &text[b.span.range()],
        "本报讯（记者 王海 李敏 通讯员 张强）"
    );
    assert_eq!(b.shape(), BylineShape::Paren);
    assert_eq!(names(b), ["王海", "李敏", "张强"]);
    assert_eq!(roles(b), [Some("记者".into()), Some("通讯员".into())]);
    let credit = b.credit.as_ref().unwrap();
    assert_eq!(credit.form, CreditForm::Paren(Parens::Full));
    assert_eq!(credit.separators, [" "]);
    assert_eq!(credit.spacing, Spacing::default());
    let lead = b.lead.as_ref().unwrap();
    assert!(lead.is_own() && !lead.colon && !lead.spaced);
    assert_eq!(lead.words(), "本报讯");
}

#[test]
fn padded_and_dotted_names_are_one_name() {
    let text = "本报讯（记者 孙 露 阿卜杜拉·艾买提）近日，社区举办活动。\n";
    let b = &recognise_text(text).bylines[0];
    assert_eq!(names(b), ["孙露", "阿卜杜拉·艾买提"]);
    let credit = b.credit.as_ref().unwrap();
    assert!(credit.groups[0].names[0].padded);
    assert_eq!(credit.separators, [" "]);
}

#[test]
fn how_a_credit_is_printed_is_recorded() {
    let text = "本报讯：(王海、李敏)近日，社区举办活动。\n\n本报讯（记者王海)8日，社区举办讲座。\n";
    let found = recognise_text(text);
    let credit = found.bylines[0].credit.as_ref().unwrap();
    assert_eq!(credit.form, CreditForm::Paren(Parens::Half));
    assert_eq!(credit.groups[0].role, None);
    assert_eq!(credit.separators, ["、"]);
    assert!(found.bylines[0].lead.as_ref().unwrap().colon);
    let credit = found.bylines[1].credit.as_ref().unwrap();
    assert_eq!(credit.form, CreditForm::Paren(Parens::HalfClose));
    assert!(credit.spacing.role_joined && !credit.spacing.loose_ends);
}

#[test]
fn wire_and_reported_leads() {
    let text = "新华社北京6月27日电（记者 张立新、刘明）市里举行仪式。\n\n本报北京12月31日讯记者王建国报道：记者今天获悉。\n\n本报讯 记者王海、李敏报道：近日，社区举办活动。\n";
    let found = recognise_text(text);
    assert_eq!(found.bylines.len(), 3);
    assert_eq!(found.bylines[0].shape(), BylineShape::Wire);
    assert_eq!(names(&found.bylines[0]), ["张立新", "刘明"]);
    let reported = &found.bylines[1];
    assert_eq!(reported.shape(), BylineShape::Reported);
    assert_eq!(names(reported), ["王建国"]);
    assert_eq!(
        &text[reported.span.range()],
        "本报北京12月31日讯记者王建国报道："
    );
    assert_eq!(
        reported.lead.as_ref().unwrap().words(),
        "本报北京12月31日讯"
    );
    let spaced = &found.bylines[2];
    assert_eq!(names(spaced), ["王海", "李敏"]);
    assert!(spaced.lead.as_ref().unwrap().spaced);
}

#[test]
fn names_running_into_the_text_sign_the_lead() {
    let text = "本报北京1月1日讯记者王海、李敏从全市交通工作会议获悉，今年春运。\n";
    let b = &recognise_text(text).bylines[0];
    assert!(b.has_names());
    assert!(!b.credit.as_ref().unwrap().complete);
}

#[test]
fn lead_only_at_block_start() {
    let text = "他说：“本报讯（记者 王海）是我们的开头。”\n";
    assert!(recognise_text(text).bylines.is_empty());
}

#[test]
fn trailing_credit_and_wire_dateline() {
    let text = "社区举办了活动。（王海 李敏）\n\n会议在北京举行。（新华社北京12月31日电）\n\n活动持续一天。（完）\n";
    let found = recognise_text(text);
    assert_eq!(found.bylines.len(), 2, "{:?}", found.bylines);
    assert_eq!(found.bylines[0].place, BylinePlace::Trailing);
    assert_eq!(found.bylines[0].shape(), BylineShape::Trailing);
    assert_eq!(names(&found.bylines[0]), ["王海", "李敏"]);
    assert!(found.bylines[1].lead.is_some());
    assert_eq!(found.bylines[1].shape(), BylineShape::Wire);
}

#[test]
fn roster_names_close_a_paragraph_as_a_credit() {
    // Ex) not closing the item, where a pen name would be its credit.
    let text = "社区举办了活动。（海涛）\n\n活动持续一天。\n";
    assert!(recognise_text(text).bylines.is_empty());
    let roster = ["海涛".to_owned()];
    let newsroom = Newsroom {
        roster: &roster,
        ..Newsroom::default()
    };
    let found = recognise_with(text, newsroom);
    assert_eq!(names(&found.bylines[0]), ["海涛"]);
}

#[test]
fn the_newsrooms_role_words_are_roles() {
    let text = "本报讯（融媒体中心记者 王海）近日，社区举办活动。\n";
    // Unknown, the title reads as a name of its own.
    assert_eq!(roles(&recognise_text(text).bylines[0]), [None]);
    let words = ["记者".to_owned(), "融媒体中心记者".to_owned()];
    let newsroom = Newsroom {
        roles: &words,
        ..Newsroom::default()
    };
    let b = &recognise_with(text, newsroom).bylines[0];
    assert_eq!(roles(b), [Some("融媒体中心记者".into())]);
    assert_eq!(names(b), ["王海"]);
}

/// A lead's text, the names its credit holds, and their role words.
type Shape<'a> = (&'a str, &'a [&'a str], &'a [Option<&'a str>]);

#[test]
fn the_credit_shapes_local_dailies_print() {
    let cases: [Shape<'_>; 7] = [
        (
            "本报讯（通讯员 李敏 记者 王海）近日，社区举办活动。",
            &["李敏", "王海"],
            &[Some("通讯员"), Some("记者")],
        ),
        (
            "本报讯（全媒体记者 王海 融媒体记者 李敏）近日，社区举办活动。",
            &["王海", "李敏"],
            &[Some("全媒体记者"), Some("融媒体记者")],
        ),
        (
            "本报讯（首席记者 王海 见习记者 李敏 本报通讯员 张强）近日，社区举办活动。",
            &["王海", "李敏", "张强"],
            &[Some("首席记者"), Some("见习记者"), Some("本报通讯员")],
        ),
        (
            "本报讯（记者 王海 李敏 文/视频）近日，社区举办活动。",
            &["王海", "李敏"],
            &[Some("记者")],
        ),
        (
            "本报讯（文/图 记者 王海）近日，社区举办活动。",
            &["王海"],
            &[Some("记者")],
        ),
        (
            "本报讯（记者 王海李敏）近日，社区举办活动。",
            &["王海", "李敏"],
            &[Some("记者")],
        ),
        (
            "社区举办了活动。（新快报记者 王海）",
            &["王海"],
            &[Some("新快报记者")],
        ),
    ];
    for (text, want_names, want_roles) in cases {
        let found = recognise_text(&format!("{text}\n"));
        let b = &found.bylines[0];
        assert_eq!(names(b), want_names.to_vec(), "{text}");
        let want: Vec<Option<String>> = want_roles.iter().map(|r| r.map(String::from)).collect();
        assert_eq!(roles(b), want, "{text}");
    }
    let found = recognise_text("本报讯（记者 王海 李敏 文/视频）近日，社区举办活动。\n");
    let media = found.bylines[0]
        .credit
        .as_ref()
        .unwrap()
        .media
        .clone()
        .unwrap();
    assert_eq!((media.text.as_str(), media.leading), ("文/视频", false));
    let found = recognise_text("本报讯（记者 王海李敏）近日，社区举办活动。\n");
    let credit = found.bylines[0].credit.as_ref().unwrap();
    assert!(credit.spacing.names_glued);
    assert!(credit.groups[0].names[1].joined);
}

#[test]
fn a_credit_line_with_a_mark_under_the_headline() {
    let text = "平城区推进老旧小区改造\n\n□本报记者 张靖 本报通讯员 郜敏\n\n近日，平城区启动老旧小区改造，涉及12个小区。\n";
    let found = recognise_text(text);
    let b = found
        .bylines
        .iter()
        .find(|b| b.place == BylinePlace::CreditLine)
        .expect("a credit line");
    assert_eq!(&text[b.span.range()], "本报记者 张靖 本报通讯员 郜敏");
    assert_eq!(names(b), ["张靖", "郜敏"]);
}

#[test]
fn end_credits_of_any_name_close_an_item() {
    let text = "标题\n\n这是一篇评论的正文，讲了一个道理。\n\n道理讲完了，文章也就结束了。（本报评论员）\n";
    let found = recognise_text(text);
    let b = &found.bylines[0];
    assert_eq!(b.place, BylinePlace::Trailing);
    assert!(b.credit.as_ref().unwrap().free);
    assert!(b.has_names());
    assert_eq!(b.credit.as_ref().unwrap().staff_names().count(), 0);
    // A note to the reader is no credit, nor a free credit in the middle of an item.
    for text in [
        "标题\n\n道理讲完了，文章也就结束了。（全文完）\n",
        "标题\n\n道理讲完了。（本报评论员）\n\n下一段接着讲。\n",
        "标题\n\n道理讲完了，文章也就结束了。（下转第二版）\n",
    ] {
        assert!(recognise_text(text).bylines.is_empty(), "{text}");
    }
}

#[test]
fn photo_credits_naming_several_people_and_drawings() {
    let found = recognise_text("居民在健身广场锻炼 本报记者 王海 通讯员 李敏 张强 摄\n");
    let credit = &found.photo_credits[0];
    assert_eq!(credit.form, PhotoForm::Plain);
    let names: Vec<&str> = credit.names().map(|n| n.text.as_str()).collect();
    assert_eq!(names, ["王海", "李敏", "张强"]);
    assert_eq!(credit.groups.len(), 2);
    let found = recognise_text("漫画：新年新气象（赵炬绘）\n");
    let credit = &found.photo_credits[0];
    assert_eq!(
        (credit.verb, credit.form),
        ('绘', PhotoForm::Paren(Parens::Full))
    );
}

#[test]
fn credit_lines_and_roles_name_their_organisation() {
    let text = "标题\n\n本报记者 王海 通讯员 李敏\n\n会议今天在北京举行。\n";
    let found = recognise_text(text);
    let b = &found.bylines[0];
    assert_eq!(b.shape(), BylineShape::CreditLine);
    let groups = &b.credit.as_ref().unwrap().groups;
    let organisations: Vec<_> = groups
        .iter()
        .map(|g| g.role.as_ref().unwrap().organisation())
        .collect();
    assert_eq!(organisations, [Some("本报"), None]);
}

#[test]
fn photo_credits_in_their_forms() {
    let cases = [
        (
            "居民在健身广场锻炼 本报记者 王海 摄",
            PhotoForm::Plain,
            true,
        ),
        ("居民在健身广场锻炼 王海 摄", PhotoForm::Plain, true),
        ("居民在健身广场锻炼 王海摄", PhotoForm::Plain, false),
        ("居民在健身广场锻炼 摄影：王海", PhotoForm::Colon, true),
        ("居民在健身广场锻炼 王海/摄", PhotoForm::Slash, false),
        ("居民在健身广场锻炼 王海摄影", PhotoForm::WordAfter, true),
        (
            "居民在健身广场锻炼 本报记者王海 摄影",
            PhotoForm::WordAfter,
            true,
        ),
        (
            "居民在健身广场锻炼（王海摄）",
            PhotoForm::Paren(Parens::Full),
            false,
        ),
        (
            "居民在健身广场锻炼 (本报记者 王海 摄)",
            PhotoForm::Paren(Parens::Half),
            true,
        ),
    ];
    for (text, form, spaced_she) in cases {
        let found = recognise_text(&format!("{text}\n"));
        let credit = &found.photo_credits[0];
        assert_eq!(credit.form, form, "{text}: {credit:?}");
        assert_eq!(credit.spaced_she, spaced_she, "{text}");
        assert_eq!(credit.names().next().unwrap().text, "王海", "{text}");
    }
}

/// `摄影` closing a caption is a credit only after names read for certain; as a word of the
/// caption, or before other words, it credits nobody.
#[test]
fn the_word_photography_is_a_credit_only_after_names() {
    for text in [
        "老人学摄影",
        "老年大学开设 书法摄影",
        "社区举办王海摄影作品展",
        "展厅里的摄影师王海",
        "居民锻炼王海摄影",
    ] {
        let found = recognise_text(&format!("{text}\n"));
        assert!(found.photo_credits.is_empty(), "{text}: {found:?}");
    }
    let found = recognise_text("王海 摄影\n");
    assert_eq!(found.photo_credits[0].form, PhotoForm::WordAfter);
}

#[test]
fn photo_credit_separators_and_sources() {
    let found = recognise_text("居民在健身广场锻炼 本报记者 王海、李敏 摄\n");
    let credit = &found.photo_credits[0];
    assert_eq!(credit.separators, ["、"]);
    let role = credit.groups[0].role.as_ref().unwrap();
    assert_eq!(role.organisation(), Some("本报"));
    let found = recognise_text("居民在健身广场锻炼（资料图片）\n");
    assert_eq!(found.photo_credits[0].form, PhotoForm::Source);
}

/// A picture an agency sent names the agency and its photographer; the agency is never read
/// as a name.
#[test]
fn agency_photo_credits_name_the_photographer() {
    let cases = [
        ("马拉松鸣枪开跑。新华社发（韩瑞 摄）", Some(Parens::Full)),
        ("马拉松鸣枪开跑。\n新华社发（韩瑞 摄）", Some(Parens::Full)),
        ("马拉松鸣枪开跑。新华社发(韩瑞 摄)", Some(Parens::Half)),
        ("游客在开幕现场。（新华社发 韩瑞摄）", Some(Parens::Full)),
        ("游客在开幕现场。（中新社发韩瑞摄）", Some(Parens::Full)),
        ("龙舟赛现场。中新社发 韩瑞 摄", None),
    ];
    for (text, parens) in cases {
        let found = recognise_text(&format!("{text}\n"));
        let credit = &found.photo_credits[0];
        assert_eq!(credit.form, PhotoForm::Agency(parens), "{text}: {credit:?}");
        let names: Vec<_> = credit.names().map(|n| n.text.as_str()).collect();
        assert_eq!(names, ["韩瑞"], "{text}");
        assert_eq!(credit.staff_names().count(), 0, "{text}");
    }
}

/// The paper's own dateline and credit inside a paragraph are a lead credit out of place;
/// another agency's dateline, a quoted one or one run into the words before it are not.
#[test]
fn a_lead_credit_inside_a_paragraph_is_found_out_of_place() {
    let found = recognise_text("社区举办读书会\n\n8日，本报讯（记者 王海）社区举办读书会。\n");
    let b = &found.bylines[0];
    assert_eq!(b.place, BylinePlace::Inside);
    assert_eq!(b.shape(), BylineShape::Paren);
    assert_eq!(
        b.credit.as_ref().unwrap().names().next().unwrap().text,
        "王海"
    );
    let found = recognise_text(
        "社区举办读书会\n\n8日，社区举办读书会。\n\n居民参加。本报北京6月8日讯（记者 王海）\n",
    );
    let b = &found.bylines[0];
    assert_eq!(b.place, BylinePlace::Inside);
    assert_eq!(b.lead.as_ref().unwrap().words(), "本报北京6月8日讯");
    for text in [
        "社区举办读书会\n\n8日，社区举办读书会。他说：“本报讯（记者 王海）要写在开头。”\n",
        "社区举办读书会\n\n8日，社区举办读书会。据新华社北京6月8日电（记者 张立新），各地也有活动。\n",
        "社区举办读书会\n\n8日，居民转发本报讯（记者 王海）的报道。\n",
        "社区举办读书会\n\n8日，他说：\"本报讯（记者 王海）要写在开头。\"\n",
        "社区举办读书会\n\n8日，社区举办读书会。本报讯（这次活动）持续一天。\n",
    ] {
        let found = recognise_text(text);
        assert!(found.bylines.is_empty(), "{text}: {:?}", found.bylines);
    }
}

/// A credit printed after a dateline without its parentheses is read only where a day or
/// time opens the lead's first clause right after the names, and never where the reporter
/// is the subject of the lead's sentence — with the roster's names too.
#[test]
fn a_credit_without_parentheses_is_read_before_a_day_opening_the_lead() {
    let form = |b: &Byline| b.credit.as_ref().map(|c| c.form);
    let cases = [
        (
            "本报讯 记者王海 8日，社区举办活动。\n",
            "本报讯 记者王海 ",
            vec!["王海"],
        ),
        (
            "本报讯 记者王海8日，社区举办活动。\n",
            "本报讯 记者王海",
            vec!["王海"],
        ),
        (
            "本报讯 记者 王海 李敏 9日上午，社区举办活动。\n",
            "本报讯 记者 王海 李敏 ",
            vec!["王海", "李敏"],
        ),
        (
            "本报讯 记者王海 近日，社区举办活动。\n",
            "本报讯 记者王海 ",
            vec!["王海"],
        ),
    ];
    for (text, span, want) in cases {
        let b = &recognise_text(text).bylines[0];
        assert_eq!(&text[b.span.range()], span, "{text}");
        assert_eq!(names(b), want, "{text}");
        assert_eq!(form(b), Some(CreditForm::Unbracketed), "{text}");
        assert_eq!(b.shape(), BylineShape::Unbracketed);
    }
    let roster = ["王海".to_owned(), "李敏".to_owned()];
    let unbracketed = |text: &str| {
        let newsroom = Newsroom {
            roster: &roster,
            ..Newsroom::default()
        };
        (recognise_with(text, newsroom).bylines.iter())
            .any(|b| matches!(form(b), Some(CreditForm::Unbracketed)))
    };
    for text in [
        "本报讯 记者从市教育局获悉，今年中考将于6月举行。\n",
        "本报讯 记者近日从市教育局了解到，今年中考将于6月举行。\n",
        "本报讯 记者 王海 从市教育局获悉，今年中考将于6月举行。\n",
        "本报讯 记者王海 8日在红旗社区看到，居民正在排练。\n",
        "本报讯 记者王海从8日起在红旗社区蹲点。\n",
        "本报讯 记者王海红旗社区开展义诊。\n",
        "本报讯 记者 王海 通讯员 张强 红旗社区开展义诊。\n",
        "本报讯 记者 王海 平城区召开会议。\n",
        "本报讯 记者 王海 再次来到红旗社区，看望慰问困难群众。\n",
        "本报讯 记者王海前往红旗社区，看望慰问困难群众。\n",
        "本报讯 记者王海和李敏走访红旗社区发现，养老需求旺盛。\n",
        "本报北京1月2日讯记者李丽辉从今天召开的会议上获悉，各地加强监管。\n",
    ] {
        assert!(!unbracketed(text), "{text}");
    }
    // Only at the lead: inside a paragraph a dateline needs its parentheses to be one.
    let text = "社区举办读书会\n\n居民参加。本报讯 记者王海 8日，社区举办活动。\n";
    assert!(recognise_text(text).bylines.is_empty());
}

/// A gap between a photo credit's words is one plain space; doubled spaces, an ideographic
/// space and spaces inside the parentheses or beside the slash are odd. A two-character
/// name padded to align (`孙 露`, `孙　露`, `孙  露`) keeps its padding.
#[test]
fn odd_gaps_in_photo_credits() {
    let odd = [
        ("居民在锻炼 本报记者  王海  摄", "  "),
        ("居民在锻炼 本报记者 王海　摄", "　"),
        ("居民在锻炼 本报记者　王海 摄", "　"),
        ("居民在锻炼（ 本报记者 王海 摄）", " "),
        ("居民在锻炼（本报记者 王海 摄 ）", " "),
        ("居民在锻炼 王海 /摄", " "),
        ("居民在锻炼 本报记者 孙 露　摄", "　"),
    ];
    for (text, gap) in odd {
        let found = recognise_text(&format!("{text}\n"));
        let credit = &found.photo_credits[0];
        let span = credit
            .odd_gap
            .unwrap_or_else(|| panic!("{text}: {credit:?}"));
        assert_eq!(&text[span.range()], gap, "{text}");
    }
    for text in [
        "居民在锻炼 本报记者 王海 摄",
        "居民在锻炼 本报记者 孙 露 摄",
        "居民在锻炼 本报记者 孙　露 摄",
        "居民在锻炼 本报记者 孙  露 摄",
        "居民在锻炼 本报记者 王海 通讯员 李敏 张强 摄",
        "居民在锻炼（本报记者 王海 摄）",
        "居民在锻炼  本报记者 王海 摄",
        "居民在锻炼 本报记者王海摄",
        "居民在锻炼 王海/摄",
    ] {
        let found = recognise_text(&format!("{text}\n"));
        let credit = &found.photo_credits[0];
        assert_eq!(credit.odd_gap, None, "{text}: {credit:?}");
    }
}
