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
/// followed by closing quotes or brackets (`……。”`), or with a trailing credit in brackets
/// after such punctuation (`……。（王海 李敏）`), or with `：`/`；` that introduces or
/// continues a list, or with the `——` of an open quotation.
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
    let mut chars = trimmed.chars().rev().peekable();
    while chars.peek().is_some_and(|&c| is_closing(c)) {
        chars.next();
    }
    matches!(chars.next(), Some(c) if is_sentence_final(c) || matches!(c, '：' | '；' | ':' | ';'))
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

/// True when a paragraph opens with a news dateline: `本报讯`, `本报北京6月10日电`,
/// `本报6月10日讯`, `新华社北京6月10日电`, `中新网…电`, `据…报道`.
pub(crate) fn starts_with_dateline(text: &str) -> bool {
    // Ex) 据新华社北京6月10日电 — a report taken from an agency.
    let text = text.strip_prefix('据').unwrap_or(text);
    let head = first_chars(text, 32);
    if head.starts_with("本报讯") {
        return true;
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
    agencies.iter().any(|agency| {
        head.strip_prefix(agency).is_some_and(|rest| {
            let rest = first_chars(rest, 16);
            (rest.contains('讯') || rest.contains('电'))
                && !rest.starts_with(|c: char| "记者的将在从对".contains(c))
                && rest.split(['讯', '电']).next().is_some_and(|place| {
                    place.chars().all(|c| {
                        crate::text::is_han(c)
                            || c.is_ascii_digit()
                            || ('０'..='９').contains(&c)
                            || "月日年 〇○".contains(c)
                    })
                })
        })
    })
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
    }

    #[test]
    fn datelines() {
        assert!(starts_with_dateline("本报讯（记者 王海）8日，"));
        assert!(starts_with_dateline("本报北京6月10日电（记者 王海）"));
        assert!(starts_with_dateline("新华社北京6月27日电（记者 A、B）"));
        assert!(starts_with_dateline("本报合肥１月３日电记者刘杰报道："));
        assert!(starts_with_dateline(
            "据新华社马尼拉１月５日电（记者范小林）"
        ));
        assert!(!starts_with_dateline("本报记者近日走访了"));
        assert!(!starts_with_dateline("据了解，活动将持续三天。"));
        assert!(!starts_with_dateline("本周三，社区举办活动。"));
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
