use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::Span;

declare_rule! {
    /// ## 查什么
    /// 连打了两个（或更多）相同的点号：`。。` `，，` `、、` `；；` `：：`，以及把省略号打成的 `。。。`。
    ///
    /// `！！`、`？？`、`！！！` 在引语和标题里有时是有意加重语气，`？！` 是 GB/T 15834 允许的连用，都不报；`……`、`——` 本来就由两个符号组成，`“”` 是一对引号，也不报。加了引号、专门谈论这个标点的（`把“，，”改为“，”`）不报。
    /// ## 为什么
    /// 点号不叠用。`。。`、`，，` 多是手误或粘贴时重复了，印出来就是差错；`。。。` 不是省略号，省略号是 `……`。
    /// ## 示例
    /// ```text,flagged
    /// 红旗社区开展文明创建活动，，组织志愿者入户宣传，300余名居民参加。。
    /// ```
    /// ```text,clean
    /// 红旗社区开展文明创建活动，组织志愿者入户宣传……“太好了！！”居民们说。真的吗？！
    /// ```
    /// ## 修改
    /// 两个相同的点号：可自动修复，只留一个。三个以上只作建议：`。。。` 改为省略号 `……` 或只留一个 `。`，其他的只留一个，由编辑定。
    /// ## 依据
    /// GB/T 15834-2011《标点符号用法》4.1 句号、4.2 逗号、4.3 顿号、4.11 省略号
    pub(crate) RULE = "punct/doubled" {
        severity: Warning,
        fix: PartlySafe,
        checks: [
            Error: "同一个点号连用",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    for segment in cx.draft.segments() {
        check_segment(cx.text, segment, &mut found);
    }
    super::report_unowned(cx, found, acc);
}

/// The marks that are never doubled.
fn is_doubled_mark(c: char) -> bool {
    matches!(c, '。' | '，' | '、' | '；' | '：')
}

/// The doubled marks of a segment in order, each pair looked for with a substring search (a
/// byte scan: most segments have none). Each pair's next place is kept until passed, so
/// the segment is scanned once per pair, however many runs it holds.
struct Doubled<'a> {
    body: &'a [u8],
    /// Where each pair is next found, at or after where it was last looked for.
    next: [Option<usize>; 5],
}

impl<'a> Doubled<'a> {
    fn new(body: &'a str) -> Doubled<'a> {
        let mut doubled = Doubled {
            body: body.as_bytes(),
            next: [Some(0); 5],
        };
        doubled.next = [0, 1, 2, 3, 4].map(|i| doubled.find(i, 0));
        doubled
    }

    fn find(&self, pair: usize, from: usize) -> Option<usize> {
        static PAIRS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 5]> =
            std::sync::OnceLock::new();
        let pairs = PAIRS.get_or_init(|| {
            ["。。", "，，", "、、", "；；", "：："]
                .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
        });
        pairs[pair].find(self.body.get(from..)?).map(|k| from + k)
    }

    /// The first doubled mark at or after `from`.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        for i in 0..5 {
            if self.next[i].is_some_and(|at| at < from) {
                self.next[i] = self.find(i, from);
            }
        }
        self.next.iter().flatten().min().copied()
    }
}

fn check_segment(text: &str, segment: Span, acc: &mut Vec<Diagnostic>) {
    let body = &text[segment.range()];
    let mut doubled = Doubled::new(body);
    let mut from = 0;
    while let Some(start) = doubled.at_or_after(from) {
        let Some(mark) = body[start..].chars().next().filter(|&c| is_doubled_mark(c)) else {
            from = start + 1;
            continue;
        };
        let count = body[start..].chars().take_while(|&c| c == mark).count();
        let end = start + count * mark.len_utf8();
        from = end;
        if count < 2 || quoted(body, start, end) {
            continue;
        }
        let span = Span::new(segment.start + start as u32, segment.start + end as u32);
        acc.push(finding(span, &body[start..end], mark, count));
    }
}

/// Whether the run stands alone inside quotes or brackets, as the mark itself is talked
/// about: `把“，，”改为“，”`.
fn quoted(body: &str, start: usize, end: usize) -> bool {
    let before = body[..start].chars().next_back();
    let after = body[end..].chars().next();
    matches!(
        before,
        Some('“' | '‘' | '「' | '"' | '\'' | '（' | '(' | '【')
    ) && matches!(
        after,
        Some('”' | '’' | '」' | '"' | '\'' | '）' | ')' | '】')
    )
}

fn finding(span: Span, run: &str, mark: char, count: usize) -> Diagnostic {
    let one = mark.to_string();
    let keep_one = |make: fn(String, Vec<Edit>) -> Option<Fix>| {
        make(
            ["只留一个“", &one, "”"].concat(),
            vec![Edit::replace(span, one.clone())],
        )
    };
    if mark == '。' && count >= 3 {
        let message = [
            "“",
            run,
            "”不是省略号：省略号应为“……”；如是多打了句号，只留一个“。”",
        ]
        .concat();
        let ellipsis = Fix::suggested("改为省略号“……”", vec![Edit::replace(span, "……")]);
        return Diagnostic::new(&RULE, span, message)
            .with_fix(ellipsis)
            .with_fix(keep_one(Fix::suggested));
    }
    let message = ["点号“", run, "”重复，应只用一个“", &one, "”"].concat();
    let fix = match count {
        2 => keep_one(Fix::safe),
        _ => keep_one(Fix::suggested),
    };
    Diagnostic::new(&RULE, span, message).with_fix(fix)
}
