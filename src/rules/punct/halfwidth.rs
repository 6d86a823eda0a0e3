use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rules::byline::house::owns;
use crate::rules::Context;
use crate::text::{is_han, Span};

declare_rule! {
    /// ## 查什么
    /// 中文里紧挨着汉字的半角（ASCII）标点 `, ; : ? ! ( )`。
    ///
    /// 数字（`1,000`、`10:30`）、网址、电子邮件地址、外文词句（`Hello, world`）和 Markdown 代码不检查。
    /// ## 为什么
    /// 中文用全角标点。汉字之间夹着半角逗号或括号，是用半角输入法打的，印出来显得局促。
    /// ## 示例
    /// ```text,flagged
    /// 红旗社区组织志愿者,为居民提供服务;活动持续一天(周六)。
    /// ```
    /// ```text,clean
    /// 红旗社区组织志愿者，为居民提供服务；活动持续一天（周六），共1,000人次参加，10:30结束。
    /// ```
    /// ## 修改
    /// 可自动修复：每个标点改为全角形式（`，` `；` `：` `？` `！` `（` `）`）；标点后打的空格一并删去，全角标点本身已带空白。
    /// ## 依据
    /// GB/T 15834-2011《标点符号用法》
    pub(crate) RULE = "punct/halfwidth" {
        severity: Warning,
        fix: Safe,
        checks: [
            Error: "中文中使用半角标点",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    for segment in cx.draft.segments() {
        check_segment(cx.text, segment, &mut found);
    }
    // A byline's or photo credit's half-width marks are `byline/format`'s and
    // `photo/credit-format`'s, whose fixes rebuild the whole credit: report each span once.
    let style = cx.house;
    acc.extend(
        found
            .into_iter()
            .filter(|d| !owns(&cx.facts.bylines, d.span, style)),
    );
}

fn full_width(ch: char) -> Option<char> {
    Some(match ch {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// The offset of the next half-width mark at or after `from`. Chinese text is nearly all
/// bytes of 0x80 and above and every mark is below 0x40: sixteen bytes at a time are skipped
/// while none of them is that low.
fn next_mark(bytes: &[u8], from: usize) -> Option<usize> {
    const MARKS: u64 =
        1 << b',' | 1 << b';' | 1 << b':' | 1 << b'?' | 1 << b'!' | 1 << b'(' | 1 << b')';
    let is_mark = |b: u8| b < 64 && MARKS >> b & 1 == 1;
    let mut i = from;
    while i < bytes.len() {
        let end = (i + 16).min(bytes.len());
        let chunk = &bytes[i..end];
        // `fold`, not `any`: no early exit, so the test is one vector comparison.
        if chunk.iter().fold(false, |low, &b| low | (b < 64)) {
            if let Some(k) = chunk.iter().position(|&b| is_mark(b)) {
                return Some(i + k);
            }
        }
        i = end;
    }
    None
}

fn check_segment(text: &str, segment: Span, acc: &mut Vec<Diagnostic>) {
    let body = &text[segment.range()];
    let bytes = body.as_bytes();
    let mut i = 0;
    while let Some(start) = next_mark(bytes, i) {
        // A run of marks, `?!` or `),`, is one finding.
        let mut end = start;
        while end < bytes.len() && full_width(bytes[end] as char).is_some() {
            end += 1;
        }
        i = end;
        let before = body[..start].chars().next_back();
        let after = body[end..].chars().next();
        let after_spaces = body[end..].trim_start_matches(' ');
        let after_word = after_spaces.chars().next();
        let han_beside = before.is_some_and(is_han)
            || after.is_some_and(is_han)
            || (after == Some(' ')
                && after_word.is_some_and(is_han)
                && !matches!(bytes[end - 1], b'(' | b')'));
        if !han_beside || in_url_or_email(body, start) {
            continue;
        }
        // Ex) 比分2:1 — between digits the colon is a ratio or a time.
        if matches!(bytes[start], b':' | b',')
            && end - start == 1
            && before.is_some_and(|c| c.is_ascii_digit())
            && after.is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let mut replace_end = end;
        let last = bytes[end - 1];
        if !matches!(last, b'(' | b')') && after == Some(' ') && after_word.is_some_and(is_han) {
            replace_end = end + (body[end..].len() - after_spaces.len());
        }
        let marks = &body[start..end];
        let replacement: String = marks.chars().filter_map(full_width).collect();
        let span = Span::new(segment.start + start as u32, segment.start + end as u32);
        let edit_span = Span::new(span.start, segment.start + replace_end as u32);
        // Joined, not `format!`ted: a dirty page has a finding like this every line.
        let title = ["改为全角“", &replacement, "”"].concat();
        let message = [
            "中文中使用了半角标点“",
            marks,
            "”，应为全角“",
            &replacement,
            "”",
        ]
        .concat();
        let fix = Fix::safe(title, vec![Edit::replace(edit_span, replacement)]);
        acc.push(Diagnostic::new(&RULE, span, message).with_fix(fix));
    }
}

/// True when the mark at `offset` belongs to a web address or an e-mail address: the
/// whitespace-free, Han-free run of text around it holds `://`, `www.` or `@`.
fn in_url_or_email(body: &str, offset: usize) -> bool {
    let is_token =
        |c: char| !c.is_whitespace() && !is_han(c) && !"，。；：！？（）“”、".contains(c);
    let start = body[..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_token(c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = body[offset..]
        .char_indices()
        .take_while(|&(_, c)| is_token(c))
        .last()
        .map_or(offset, |(i, c)| offset + i + c.len_utf8());
    let token = &body[start..end];
    token.contains("://") || token.contains("www.") || (token.contains('@') && token.contains('.'))
}
