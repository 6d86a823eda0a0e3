//! Small judgements about prose shared by the parser and rules: does a block end a
//! sentence, does it end in a photo credit, does it open with a dateline.

/// Sentence-final punctuation (GB/T 15834): 。！？ and the ellipsis, plus their half-width
/// forms, which `punct/halfwidth` reports separately.
fn is_sentence_final(ch: char) -> bool {
    matches!(ch, '。' | '！' | '？' | '…' | '!' | '?' | '．')
}

/// Closing marks that may follow a sentence-final mark: `。”` `。）` `！』`.
fn is_closing(ch: char) -> bool {
    matches!(
        ch,
        '”' | '’' | '」' | '』' | '》' | '）' | ')' | '】' | '"' | '\'' | '〕'
    )
}

/// True when `text` ends a sentence: it ends with sentence-final punctuation, possibly
/// followed by closing quotes or brackets (`……。”`) and by a stray `.` or comma (`……！.`),
/// or with a trailing credit in brackets after such punctuation (`……。（王海 李敏）`), or
/// with `：`/`；` that introduces or continues a list, or with the `——` of an open
/// quotation.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    // A trailing bracketed credit or note: judge what comes before it.
    if trimmed.ends_with('）') || trimmed.ends_with(')') {
        if let Some(open) = trimmed.rfind(['（', '(']) {
            let before = trimmed[..open].trim_end();
            if before
                .chars()
                .last()
                .is_some_and(|c| is_sentence_final(c) || is_closing(c))
                && ends_sentence(before)
            {
                return true;
            }
        }
    }
    // The last mark, behind any closing quotes or brackets.
    let last_mark = |text: &str| text.chars().rev().find(|&c| !is_closing(c));
    if matches!(last_mark(trimmed), Some(c) if is_sentence_final(c) || matches!(c, '：' | '；' | ':' | ';'))
    {
        return true;
    }
    // Ex) `……了！.` `……吗？”，`: a stray mark after the end of a sentence does not reopen it,
    // and deleting it (as `headline/punctuation` does) does not change what the block is.
    let before_stray =
        trimmed.trim_end_matches(|c: char| matches!(c, '.' | ',' | '，') || c.is_whitespace());
    before_stray.len() < trimmed.len() && last_mark(before_stray).is_some_and(is_sentence_final)
}

/// True when `text` ends in a photo credit: `本报记者 王海 摄`, `王海 摄`, `（王海 摄）`,
/// `新华社发`, `…供图`, `（资料图片）`.
pub(crate) fn ends_with_photo_credit(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let inner = trimmed.trim_end_matches(['）', ')', '】']);
    // Ex) 居民在健身广场锻炼 摄影：王海 — the credit's names come last.
    let tail_start = inner.char_indices().rev().nth(9).map_or(0, |(i, _)| i);
    let tail = &inner[tail_start..];
    if tail.contains("摄影：") || tail.contains("摄影:") {
        return true;
    }
    inner.ends_with('摄')
        || inner.ends_with("摄影")
        || inner.ends_with("供图")
        || inner.ends_with("资料图片")
        || inner.ends_with("社发")
        || inner.ends_with("/图")
        || inner.ends_with("／图")
}

/// Where the last sentence of a photo-news item starts when it says what the picture shows:
/// `8日，社区组织志愿者清理楼道杂物。图为志愿者在清理杂物。` — the block tells its news,
/// then closes with one sentence opening `图为` after a full stop, outside every quotation
/// and bracket. `None` for `图为` inside a word (`试图为`, `地图为`, `如图为`), for a block
/// that opens with it (a caption), and for a `图为` sentence that more text follows.
pub(crate) fn closing_picture_sentence(text: &str) -> Option<usize> {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let body = trimmed.strip_suffix(['。', '！'])?;
    let stop = body.rfind(['。', '！', '？'])?;
    let after_stop = stop + body[stop..].chars().next()?.len_utf8();
    let rest = &body[after_stop..];
    let start = after_stop + rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
            .len();
    if !body[start..].starts_with("图为") || left_open(&trimmed[..start], false) {
        return None;
    }
    Some(start)
}

/// True when `text` leaves a quotation or bracket open: `他说：“……`, `（……`. A close
/// without its open is not counted when `stray_closes` is false; when true it cancels an
/// open after it.
fn left_open(text: &str, stray_closes: bool) -> bool {
    let mut depth: i32 = 0;
    for c in text.chars() {
        match c {
            '“' | '「' | '『' | '（' | '(' | '《' => depth += 1,
            '”' | '」' | '』' | '）' | ')' | '》' if stray_closes => depth -= 1,
            '”' | '」' | '』' | '）' | ')' | '》' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// True when `text` ends with the source of a reprinted item, in parentheses: `（据新华社）`,
/// `（据《人民日报》）`, `（综合新华社、央视新闻）`, `（来源：新华网）`, `（摘自《半月谈》）`.
/// Such an item is signed by its source, as one opening `据新华社电` is.
pub(crate) fn ends_with_source_credit(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let Some(inner) = trimmed.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let credit = &inner[open..];
    let credit = credit.trim_start_matches(['（', '(']);
    const SOURCES: [&str; 8] = [
        "据",
        "综合",
        "来源",
        "摘自",
        "转自",
        "选自",
        "编自",
        "本文来源",
    ];
    SOURCES.iter().any(|s| credit.starts_with(s))
        && crate::text::at_most_chars(credit, 30)
        && !crate::text::contains_any(credit, &['。', '！', '？', '；', '，'])
}

/// True when a paragraph opens with a news dateline: `本报讯`, `本报北京6月10日电`,
/// `本报6月10日讯`, `新华社北京6月10日电`, `中新网…电`, `据…报道`.
pub(crate) fn starts_with_dateline(text: &str) -> bool {
    dateline_len(text).is_some()
}

/// True when a paragraph opens with a dateline and goes on with words of its own after it
/// and its credit (`本报讯（记者 王海）重熙社区组织志愿者在`): a news lead, however short,
/// never a headline or a caption. A dateline alone on its line (`新华社北京6月10日电`), or
/// with only its credit (`本报讯 记者 王海`), is not one.
pub(crate) fn opens_lead(text: &str) -> bool {
    let Some(len) = dateline_len(text) else {
        return false;
    };
    let rest = text[len..].trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    // Ex) 本报讯（记者 王海） — the reporters' credit in brackets belongs to the dateline.
    let rest = match rest.strip_prefix(['（', '(']) {
        Some(inner) => inner.find(['）', ')']).map_or("", |i| &inner[i..]),
        None => rest,
    };
    rest.chars()
        .any(|c| crate::text::is_han(c) || c.is_ascii_digit() || ('０'..='９').contains(&c))
        && !super::parse::is_credit_line(rest)
}

/// Bytes of the dateline `text` opens with (`本报讯`, `新华社北京6月10日电`, with a leading
/// `据`), or `None`.
fn dateline_len(text: &str) -> Option<usize> {
    // Ex) 据新华社北京6月10日电 — a report taken from an agency.
    let skipped = if text.starts_with('据') {
        '据'.len_utf8()
    } else {
        0
    };
    let text = &text[skipped..];
    if text.starts_with("本报讯") {
        return Some(skipped + "本报讯".len());
    }
    let agencies = [
        "本报",
        "新华社",
        "中新社",
        "中新网",
        "人民网",
        "央视网",
        "新华网",
    ];
    agencies.iter().find_map(|agency| {
        let rest = text.strip_prefix(agency)?;
        let head = first_chars(rest, 16);
        let place = head.split(['讯', '电']).next()?;
        let mark = head[place.len()..].chars().next()?;
        let dated = !rest.starts_with(|c: char| "记者的将在从对".contains(c))
            && place.chars().all(|c| {
                crate::text::is_han(c)
                    || c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "月日年 〇○".contains(c)
            });
        dated.then(|| skipped + agency.len() + place.len() + mark.len_utf8())
    })
}

/// True when a paragraph opens as a news lead without a dateline: its first clause opens
/// with a time (`近日，`, `8日，`, `6月10日上午，`) or with `记者`. A short line with no
/// clause mark is one clause.
pub(crate) fn opens_news_lead(text: &str) -> bool {
    let clause_end = text
        .char_indices()
        .take(24)
        .find(|&(_, c)| matches!(c, '，' | '。' | '：' | '；' | ','))
        .map(|(i, _)| i);
    // Ex) 记者从市教育局获悉 — a line broken after the lead's first words is its clause.
    let whole_line = || crate::text::at_most_chars(text, 24).then_some(text.len());
    let Some(clause_end) = clause_end.or_else(whole_line) else {
        return false;
    };
    let clause = &text[..clause_end];
    clause.starts_with("记者") || opens_with_time(clause)
}

/// True when `clause` opens with a time word or a day: `近日`, `昨天上午`, `8日`,
/// `十二月三十一日`, `去年12月5日`, `今年以来`. A month alone (`8月，正是……`) opens features
/// as often as reports. A time further in (`这批移民是近日……`,
/// `改革开放以来`) does not make a news lead.
fn opens_with_time(clause: &str) -> bool {
    const TIME_WORDS: [&str; 16] = [
        "近日",
        "日前",
        "近期",
        "近年来",
        "昨天",
        "昨日",
        "今天",
        "今日",
        "前天",
        "前日",
        "上午",
        "下午",
        "晚上",
        "凌晨",
        "今年以来",
        "当天",
    ];
    const ANCHORS: [&str; 6] = ["今年", "去年", "前年", "本月", "上月", "当地时间"];
    let rest = ANCHORS
        .iter()
        .find_map(|a| clause.strip_prefix(a))
        .unwrap_or(clause);
    if TIME_WORDS
        .iter()
        .any(|w| clause.starts_with(w) || rest.starts_with(w))
    {
        return true;
    }
    // Ex) 2023年3月14日 / １２月２８日 / 8日 — numerals, then 年, 月 or 日.
    let numerals = rest
        .chars()
        .take_while(|&c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || "一二三四五六七八九十〇○".contains(c)
        })
        .count();
    numerals > 0
        && rest
            .chars()
            .nth(numerals)
            .is_some_and(|c| matches!(c, '年' | '月' | '日'))
        && rest.chars().take(numerals + 8).any(|c| c == '日')
}

/// True when a short line between body paragraphs cannot stand on its own as a heading: it
/// ends in words that ask for what follows ([`asks_for_more`]), it ends inside a quotation
/// or a bracket it opened (`他说：“这次改造`), or `next` goes on with a mark no paragraph
/// opens with (`据了解` / `，此次活动……`). Such a line is a paragraph broken by layout.
pub(crate) fn runs_on(line: &str, next: &str) -> bool {
    introduces_speech(line) || cut_short(line, next)
}

/// True when a short line could be no heading of any kind, nor a caption: [`runs_on`]
/// without the speakers, who may head a headline group (`……在调研时强调` over its
/// headline).
pub(crate) fn cut_short(line: &str, next: &str) -> bool {
    leads_into(line) || leaves_open(line) || continues_sentence(next)
}

/// True when `text` opens with a mark that carries on a sentence begun above it: `，` `、`
/// `；` `：` or a closing quote.
pub(crate) fn continues_sentence(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('，' | '、' | '；' | '：' | '”') => true,
        // Ex) `::: tip` in Markdown is no sentence's colon.
        Some(',' | ';' | ':') => chars.next().is_some_and(crate::text::is_han),
        _ => false,
    }
}

/// True when `line` ends in words that ask for the rest of their sentence: where a report
/// got what it tells, a word that opens a sentence ([`leads_into`]), or who speaks
/// ([`introduces_speech`]).
pub(crate) fn asks_for_more(line: &str) -> bool {
    leads_into(line) || introduces_speech(line)
}

/// True when `line` ends where a report names its source (`据了解`, `据不完全统计`,
/// `记者从市教育局获悉`) or in a word that opens a sentence (`目前`, `同时`, `此外`).
pub(crate) fn leads_into(line: &str) -> bool {
    const SOURCES: [&str; 10] = [
        "了解", "介绍", "统计", "悉", "调查", "测算", "估算", "报道", "透露", "分析",
    ];
    const LEARNED: [&str; 5] = ["获悉", "了解到", "得知", "获知", "注意到"];
    const OPENERS: [&str; 14] = [
        "目前",
        "同时",
        "与此同时",
        "此外",
        "另外",
        "其中",
        "因此",
        "但是",
        "然而",
        "而且",
        "并且",
        "所以",
        "首先",
        "其次",
    ];
    let line = line.trim_end();
    // Ex) 乐在其中, 身在其中: an opener ends a heading's phrase unless it stands alone or
    // after a comma.
    let opener = |w: &&str| {
        line.strip_suffix(*w)
            .is_some_and(|before| before.is_empty() || before.ends_with(['，', '。']))
    };
    (line.starts_with('据') && SOURCES.iter().any(|w| line.ends_with(w)))
        || LEARNED.iter().any(|w| line.ends_with(w))
        || OPENERS.iter().any(opener)
}

/// `他说`, `她表示`, `专家认为`. A heading over quotations names a group (`学员说`,
/// `代表说`, `网友说`) or is said to someone (`我想对你说`), and a speaker told how
/// (`老者如是说`, `听听居民怎么说`) or a noun (`一部小说`) closes one.
fn introduces_speech(line: &str) -> bool {
    const SAYS: [&str; 9] = [
        "说",
        "表示",
        "认为",
        "指出",
        "强调",
        "坦言",
        "透露",
        "说道",
        "告诉记者",
    ];
    const HOW: [&str; 7] = ["如是", "这样", "那样", "怎么", "如何", "怎样", "什么"];
    const NOUNS: [&str; 7] = ["小说", "传说", "学说", "演说", "解说", "评说", "诉说"];
    const GROUPS: [&str; 14] = [
        "学员",
        "代表",
        "网友",
        "市民",
        "居民",
        "群众",
        "学生",
        "家长",
        "游客",
        "读者",
        "观众",
        "听众",
        "委员",
        "志愿者",
    ];
    let line = line.trim_end();
    let heading = |who: &str| {
        GROUPS.iter().any(|g| who.ends_with(g)) || who.chars().rev().take(3).any(|c| c == '对')
    };
    SAYS.iter().any(|w| {
        line.strip_suffix(*w)
            .is_some_and(|who| !who.is_empty() && !heading(who))
    }) && !HOW.iter().any(|w| line.contains(w))
        && !NOUNS.iter().any(|w| line.ends_with(w))
}

/// True when `line` ends inside a quotation or a bracket it opened after its start: a line
/// that is all one bracketed note (`（1988年9月5日……通过`) is set apart on purpose.
fn leaves_open(line: &str) -> bool {
    left_open(line.trim_start_matches(['（', '(', '《', '〈']), true)
}

/// The first `n` characters of `text` (all of it when shorter).
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("居民们说：“这下好了。”"));
        assert!(ends_sentence("活动持续三天……"));
        assert!(ends_sentence("活动圆满结束。（王海 李敏）"));
        assert!(!ends_sentence("居民们纷纷表示，这次改造"));
        assert!(!ends_sentence("平城区推进老旧小区改造"));
        // A stray mark after the end does not reopen the sentence; alone it ends none.
        assert!(ends_sentence("这下好了！."));
        assert!(ends_sentence("真的吗？”，"));
        assert!(!ends_sentence("平城区推进老旧小区改造."));
        assert!(!ends_sentence("平城区推进老旧小区改造，"));
    }

    #[test]
    fn lines_that_run_on() {
        for line in [
            "据了解",
            "据不完全统计",
            "记者从市教育局获悉",
            "社区党委书记李敏说",
            "她表示",
            "专家认为",
            "目前",
            "与此同时",
        ] {
            assert!(asks_for_more(line), "{line}");
        }
        for line in [
            "让群众少跑腿",
            "抓好三个环节",
            "老者如是说",
            "听听居民怎么说",
            "一部小说",
            "说",
            "记者手记",
            "乐在其中",
            "学员说",
            "我想对你说",
        ] {
            assert!(!asks_for_more(line), "{line}");
        }
        // A speaker may head a headline group; the other lines are never headings.
        assert!(cut_short("此外", "社区还为老人提供上门服务"));
        assert!(!cut_short("市委书记在调研时强调", "把好事办好"));
        assert!(runs_on("据了解", "此次活动共有50名志愿者参加。"));
        assert!(runs_on("抓好", "，三个环节"));
        assert!(runs_on("他说：“这次改造", "让小区焕然一新。”"));
        assert!(!runs_on("“三个环节”抓到位", "街道要求各社区抓好摸底。"));
        assert!(!runs_on("（1988年9月5日通过", "根据1994年5月12日修正）"));
        assert!(!runs_on("（一）资金从哪里来", "改造资金由两级财政承担。"));
    }

    #[test]
    fn datelines() {
        assert!(starts_with_dateline("本报讯（记者 王海）8日，"));
        assert!(starts_with_dateline("本报北京6月10日电（记者 王海）"));
        assert!(starts_with_dateline("新华社北京6月27日电（记者 A、B）"));
        assert!(starts_with_dateline("本报合肥１月３日电记者王海报道："));
        assert!(starts_with_dateline("据新华社开罗２月７日电（记者李敏）"));
        assert!(!starts_with_dateline("本报记者近日走访了"));
        assert!(!starts_with_dateline("据了解，活动将持续三天。"));
        assert!(!starts_with_dateline("本周三，社区举办活动。"));
        assert!(opens_lead("本报讯（记者 王海）重熙社区组织志愿者在"));
        assert!(opens_lead("新华社北京6月10日电 今天"));
        assert!(!opens_lead("本报合肥１月３日电记者王海报道"));
        assert!(opens_lead("本报合肥１月３日电记者王海报道：全省"));
        assert!(!opens_lead("新华社北京6月10日电"));
        assert!(!opens_lead("本报讯（记者 王海）"));
        assert!(!opens_lead("本报讯 记者 王海"));
        assert!(opens_lead("本报讯 记者从市教育局获悉"));
        assert!(!opens_lead("重熙社区组织志愿者在"));
    }

    #[test]
    fn picture_sentences() {
        let item = "8日，社区组织志愿者清理楼道杂物。图为志愿者在清理杂物。";
        assert_eq!(closing_picture_sentence(item), item.find("图为"));
        let spaced = "9日,社区举办了主题展。 图为居民在参观。";
        assert_eq!(closing_picture_sentence(spaced), spaced.find("图为"));
        for text in [
            "图为志愿者在清理杂物。",
            "8日，社区组织志愿者清理杂物，试图为居民营造整洁的环境。",
            "8日，社区绘制了服务地图。地图为居民提供了方便。",
            "8日，社区清理楼道杂物。图为志愿者在清理杂物。活动持续了一上午。",
            "8日，讲解员说：“这是老照片。图为当年的居委会。”",
            "8日，王大爷写道：“社区办了很多实事。图为我拍的新楼道。",
            "8日，社区清理楼道杂物。图为志愿者在清理杂物。（王海 摄）",
        ] {
            assert_eq!(closing_picture_sentence(text), None, "{text}");
        }
    }

    #[test]
    fn photo_credits() {
        assert!(ends_with_photo_credit(
            "居民在新建的健身广场锻炼 本报记者 王海 摄"
        ));
        assert!(ends_with_photo_credit("图为活动现场。（本报记者 王海 摄）"));
        assert!(ends_with_photo_credit(
            "居民在新建的健身广场锻炼 摄影：王海"
        ));
        assert!(!ends_with_photo_credit("居民在新建的健身广场锻炼"));
        assert!(!ends_with_photo_credit(
            "他说：摄影是他一生的爱好，也是他的工作。"
        ));
    }
}
