use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::{is_han, Span};

mod dots;
mod quotes;

declare_rule! {
    /// ## 查什么
    /// 中文里紧挨着汉字的半角（ASCII）标点 `, ; : ? ! ( )`；汉字后当句号用的 `.`，当省略号用的 `...`；括住中文的半角双引号 `"`。
    ///
    /// 数字（`1,000`、`10:30`、`3.5`、`9.30`）、网址、电子邮件地址、文件名（`报告.docx`）、外文词句（`Hello, world`、`U.S.`、`No.1`）和 Markdown 代码不检查。署名和图片署名里的括号由 `byline/format`、`photo/credit-format` 检查，此处不重复提示；本报配置了 `[byline] parens = "halfwidth"` 时，署名的半角括号是本报体例，不算差错。
    ///
    /// `.` 只在前面是汉字、后面是汉字或一行的末尾时才报。行首的 `1.`、`一.` 是序号的排法，`五.一`、`一二.九` 是节日、事件名称，都不报。一段里的半角双引号要两两成对、每对都括着中文才报；个数是单数、括着英文、嵌在全角引号里，或者像 `55"` 那样是英寸、秒的符号，整段都不报：这时改成哪个引号说不准。
    /// ## 为什么
    /// 中文用全角标点。汉字之间夹着半角逗号、句点或括号，是用半角输入法打的，印出来显得局促；半角句点“.”小而贴底，读者容易看漏句子的界线。
    /// ## 示例
    /// ```text,flagged
    /// 红旗社区组织志愿者,为居民提供服务;活动持续一天(周六),大家都来了.居民王秀英说:"邻里之间更亲了。"拔河、跳绳、接力跑...现场欢声笑语不断。
    /// ```
    /// ```text,clean
    /// 红旗社区组织志愿者，为居民提供服务；活动持续一天（周六），共1,000人次参加，10:30结束，人均3.5小时。详见《活动报告.docx》或www.example.com。
    /// ```
    /// ## 修改
    /// 可自动修复：每个标点改为全角形式（`，` `；` `：` `？` `！` `（` `）`）；标点后打的空格（后面是汉字时）和 `(` 前打的空格一并删去，全角标点本身已带空白。一对括号一起改：`(1)加强领导` 改为 `（1）加强领导`，不会只改一半；与全角括号配对的半角括号也改。
    ///
    /// 句末的 `.` 改为 `。`；`...` 和 `......` 改为 `……`（点数是别的，只作建议）；一对半角双引号一起改为 `“` `”`。汉字之间的 `.` 如果两边都像音译人名的用字（`买买提.艾力`），或在书名号里（`《三国志.蜀书》`），可能是间隔号 `·`，只作建议：改为 `。` 或 `·`，由编辑定。
    /// ## 依据
    /// GB/T 15834-2011《标点符号用法》4.1 句号、4.8 引号、4.11 省略号、4.14 间隔号
    pub(crate) RULE = "punct/halfwidth" {
        severity: Warning,
        fix: PartlySafe,
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
    dots::check(cx.text, cx.draft, &mut found);
    quotes::check(cx.text, cx.draft, &mut found);
    super::report_unowned(cx, found, acc);
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

/// A run of half-width marks (`?!`, `),`), reported and fixed as one.
struct Run {
    start: usize,
    end: usize,
    /// Beside Chinese text, or the partner of a parenthesis that is.
    flagged: bool,
}

fn check_segment(text: &str, segment: Span, acc: &mut Vec<Diagnostic>) {
    let body = &text[segment.range()];
    let bytes = body.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(start) = next_mark(bytes, i) {
        let mut end = start;
        while end < bytes.len() && full_width(bytes[end] as char).is_some() {
            end += 1;
        }
        i = end;
        if in_url_or_email(body, start) {
            continue;
        }
        let flagged = beside_han(body, start, end);
        runs.push(Run {
            start,
            end,
            flagged,
        });
    }
    if runs.is_empty() {
        return;
    }
    pair_parentheses(body, &mut runs);
    for run in runs.iter().filter(|r| r.flagged) {
        let (start, end) = (run.start, run.end);
        let marks = &body[start..end];
        let (first, last) = (bytes[start], bytes[end - 1]);
        // Spaces typed beside the mark go with it: a full-width mark carries its own room.
        let before_spaces = body[..start].trim_end_matches(' ');
        let replace_start = match first == b'('
            && before_spaces
                .chars()
                .next_back()
                .is_some_and(is_han_or_fullwidth_mark)
        {
            true => before_spaces.len(),
            false => start,
        };
        let after_spaces = body[end..].trim_start_matches(' ');
        let replace_end = match last != b'(' && after_spaces.chars().next().is_some_and(is_han) {
            true => end + (body[end..].len() - after_spaces.len()),
            false => end,
        };
        let replacement: String = marks.chars().filter_map(full_width).collect();
        let span = Span::new(segment.start + start as u32, segment.start + end as u32);
        let edit_span = Span::new(
            segment.start + replace_start as u32,
            segment.start + replace_end as u32,
        );
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

/// Whether the marks `body[start..end]` stand beside Chinese text, as typed with a half-width
/// input method: a Han character on either side, or after a space for any mark but a
/// parenthesis. Between digits a single `:` or `,` is a time, a ratio or a thousands
/// separator (`10:30`, `2:1`, `1,000`).
fn beside_han(body: &str, start: usize, end: usize) -> bool {
    let bytes = body.as_bytes();
    let before = body[..start].chars().next_back();
    let after = body[end..].chars().next();
    let after_word = body[end..].trim_start_matches(' ').chars().next();
    let han_beside = before.is_some_and(is_han)
        || after.is_some_and(is_han)
        || (after == Some(' ')
            && after_word.is_some_and(is_han)
            && !matches!(bytes[end - 1], b'(' | b')'));
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let separator = matches!(bytes[start], b':' | b',') && end - start == 1;
    han_beside && !(separator && digit(before) && digit(after))
}

/// Makes parentheses agree with their partners: a half-width one whose partner is
/// full-width (`(1）`) is flagged, and so is one whose half-width partner is (`(1)加强` turns
/// into `（1）加强`, never `(1）加强`).
fn pair_parentheses(body: &str, runs: &mut [Run]) {
    if memchr::memchr2(b'(', b')', body.as_bytes()).is_none() {
        return;
    }
    // Runs are in order: the one holding an offset is found by halving.
    let run_at = |runs: &[Run], at: usize| {
        let i = runs.partition_point(|r| r.end <= at);
        (runs.get(i)).filter(|r| r.start <= at).map(|_| i)
    };
    // Open parentheses: offset and whether half-width.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (at, c) in body.char_indices() {
        match c {
            '(' | '（' => open.push((at, c == '(')),
            ')' | '）' => {
                if let Some((from, half_open)) = open.pop() {
                    if half_open || c == ')' {
                        pairs.push((from, at));
                    }
                }
            }
            _ => {}
        }
    }
    for (from, to) in pairs {
        let (a, b) = (run_at(runs, from), run_at(runs, to));
        let flag = match (a, b) {
            // Both half-width: both converted, or neither.
            (Some(a), Some(b)) => runs[a].flagged || runs[b].flagged,
            // One full-width (or in a web address): the half-width one follows it.
            _ => body[from..].starts_with('（') || body[to..].starts_with('）'),
        };
        for run in [a, b].into_iter().flatten() {
            runs[run].flagged |= flag;
        }
    }
}

fn is_han_or_fullwidth_mark(c: char) -> bool {
    is_han(c) || "，。；：！？、“”‘’（）《》".contains(c)
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
