//! Markdown-specific structure: front matter, regions never linted (code, HTML comments,
//! link targets), `<!-- jiaodui-disable … -->` suppression comments and the cells of pipe
//! tables.

use crate::text::{Span, SpansByStart};

/// Fields of a Markdown draft's YAML front matter that jiaodui reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub(crate) span: Option<Span>,
    /// `date:` — the issue date, as written.
    pub(crate) date: Option<String>,
    /// Where the `date:` value is written, for a finding when it is no date.
    pub(crate) date_span: Option<Span>,
    /// `reporter:` — the draft's reporters, in order: one name, names separated by spaces,
    /// `、` or commas, or a YAML list (`[李敏, 王海]`, or `- 李敏` lines under the key).
    pub(crate) reporters: Vec<String>,
    pub(crate) page: Option<String>,
}

/// A region where some rules (or all) are switched off by a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Suppression {
    /// Rule IDs (or families like `date`); empty means every rule.
    pub(crate) rules: Vec<String>,
    pub(crate) span: Span,
}

impl Suppression {
    pub(crate) fn covers(&self, rule: &str, span: Span) -> bool {
        let rule_matches = self.rules.is_empty()
            || self.rules.iter().any(|r| {
                r == rule
                    || rule
                        .strip_prefix(r.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            });
        rule_matches && self.span.start <= span.start && span.start < self.reach().end
    }

    /// The offsets the region covers: an empty one still covers its start.
    pub(crate) fn reach(&self) -> Span {
        Span::new(self.span.start, self.span.end.max(self.span.start + 1))
    }
}

/// Reads YAML front matter (`---` … `---` at the very start).
pub(crate) fn front_matter(text: &str) -> FrontMatter {
    let mut out = FrontMatter::default();
    let Some(rest) = text.strip_prefix("---") else {
        return out;
    };
    let Some(first_newline) = rest.find('\n') else {
        return out;
    };
    if !rest[..first_newline].trim().is_empty() {
        return out;
    }
    let body_start = 3 + first_newline + 1;
    let mut offset = body_start;
    // Ex) reporter:\n  - 李敏\n  - 王海 — the items of a block list under `reporter:`.
    let mut reporter_list = false;
    for line in text[body_start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == "---" || content.trim_end() == "..." {
            out.span = Some(Span::new(0, (offset + line.len()) as u32));
            return out;
        }
        let item = content.trim_start().strip_prefix('-');
        if let Some(item) = item.filter(|i| reporter_list && (i.is_empty() || i.starts_with(' '))) {
            out.reporters.extend(reporter_names(item));
            offset += line.len();
            continue;
        }
        reporter_list = false;
        if let Some((key, value)) = content.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']);
            // The value is a slice of the line: its offset is the line's plus the distance.
            let at = offset + (value.as_ptr() as usize - line.as_ptr() as usize);
            let value_span = Span::new(at as u32, (at + value.len()) as u32);
            let value = value.to_owned();
            match key.trim() {
                "date" => (out.date, out.date_span) = (Some(value), Some(value_span)),
                "reporter" => {
                    out.reporters = reporter_names(&value);
                    reporter_list = value.is_empty();
                }
                "page" => out.page = Some(value),
                _ => {}
            }
        }
        offset += line.len();
    }
    // No closing fence: not front matter.
    FrontMatter::default()
}

/// The names of a `reporter:` value: `李敏`, `李敏 王海`, `李敏、王海`, `[李敏, 王海]`, each
/// name perhaps quoted.
fn reporter_names(value: &str) -> Vec<String> {
    let value = value.trim();
    let value = (value.strip_prefix('[').and_then(|v| v.strip_suffix(']'))).unwrap_or(value);
    value
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .map(|name| name.trim_matches(['"', '\'']))
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Regions of a Markdown draft no rule may look at, sorted and merged, plus the
/// suppressions its comments declare.
pub(crate) fn masks(text: &str, front: &FrontMatter) -> (Vec<Span>, Vec<Suppression>) {
    let mut masked = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = front.span.map_or(0, |s| s.end as usize);
    if let Some(span) = front.span {
        masked.push(span);
    }
    let mut fence: Option<(usize, &str)> = None;
    while line_start < text.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(text.len(), |i| line_start + i + 1);
        let line = &text[line_start..line_end];
        let trimmed = line.trim_start();
        match fence {
            Some((start, marker)) => {
                if trimmed.starts_with(marker)
                    && trimmed
                        .trim_end()
                        .trim_start_matches(marker.chars().next().unwrap())
                        .is_empty()
                {
                    masked.push(Span::from_range(start..trim_newline(text, line_end)));
                    fence = None;
                }
            }
            None => {
                if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                    fence = Some((line_start, &trimmed[..3]));
                } else {
                    inline_masks(text, line_start, line_end, &mut masked);
                }
            }
        }
        line_start = line_end;
    }
    if let Some((start, _)) = fence {
        masked.push(Span::from_range(start..text.len()));
    }
    let suppressions = comments(text, &mut masked);
    (merge(masked), suppressions)
}

/// HTML comments, which may span lines, added to `masked`; and the suppressions read from
/// them. A comment that starts inside code or a link (the masks so far) is none.
fn comments(text: &str, masked: &mut Vec<Span>) -> Vec<Suppression> {
    let code = SpansByStart::new(masked.iter().map(|&span| (span, ())));
    let in_code = |at: u32| (code.reaching(at, at + 1)).any(|(m, _)| m.start < at && at < m.end);
    let mut suppressions = Vec::new();
    let mut open_disable: Option<(usize, Vec<String>)> = None;
    let mut search = 0;
    while let Some(found) = text[search..].find("<!--") {
        let start = search + found;
        if in_code(start as u32) {
            search = start + 4;
            continue;
        }
        let end = text[start + 4..]
            .find("-->")
            .map_or(text.len(), |i| start + 4 + i + 3);
        masked.push(Span::from_range(start..end));
        read_suppression(text, start, end, &mut suppressions, &mut open_disable);
        search = end;
    }
    if let Some((from, rules)) = open_disable {
        suppressions.push(Suppression {
            rules,
            span: Span::from_range(from..text.len()),
        });
    }
    suppressions
}

fn trim_newline(text: &str, end: usize) -> usize {
    let mut end = end;
    if text[..end].ends_with('\n') {
        end -= 1;
    }
    if text[..end].ends_with('\r') {
        end -= 1;
    }
    end
}

/// Inline code, link targets `](…)`, autolinks `<https://…>` and reference definitions on one
/// line.
fn inline_masks(text: &str, start: usize, end: usize, masked: &mut Vec<Span>) {
    let line = &text[start..end];
    let trimmed = line.trim_start();
    // Ex) [1]: https://example.com "title"
    if trimmed.starts_with('[') {
        if let Some(close) = trimmed.find("]:") {
            let offset = start + (line.len() - trimmed.len()) + close + 2;
            masked.push(Span::from_range(offset..trim_newline(text, end)));
        }
    }
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => {
                let ticks = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let marker = &line[i..i + ticks];
                if let Some(close) = line[i + ticks..].find(marker) {
                    let close_end = i + ticks + close + ticks;
                    masked.push(Span::from_range(start + i..start + close_end));
                    i = close_end;
                    continue;
                }
                i += ticks;
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                if let Some(close) = line[i + 2..].find(')') {
                    masked.push(Span::from_range(start + i + 1..start + i + 2 + close + 1));
                    i = i + 2 + close + 1;
                    continue;
                }
                i += 1;
            }
            b'<' => {
                let rest = &line[i + 1..];
                let is_autolink = rest.starts_with("http://")
                    || rest.starts_with("https://")
                    || rest.starts_with("mailto:");
                if let (true, Some(close)) = (is_autolink, rest.find('>')) {
                    masked.push(Span::from_range(start + i..start + i + 1 + close + 1));
                    i += close + 2;
                    continue;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
}

fn read_suppression(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Suppression>,
    open: &mut Option<(usize, Vec<String>)>,
) {
    let inner = &text[start + 4..end];
    let body = inner.strip_suffix("-->").unwrap_or(inner).trim();
    let mut words = body.split_whitespace();
    let Some(directive) = words.next() else {
        return;
    };
    let rules: Vec<String> = words.map(str::to_owned).collect();
    match directive {
        "jiaodui-disable-next-line" => {
            // The line after the comment's line.
            let after = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
            let next_end = text[after..].find('\n').map_or(text.len(), |i| after + i);
            out.push(Suppression {
                rules,
                span: Span::from_range(after..next_end),
            });
        }
        "jiaodui-disable-line" => {
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            out.push(Suppression {
                rules,
                span: Span::from_range(line_start..line_end),
            });
        }
        "jiaodui-disable" => {
            if let Some((from, previous)) = open.take() {
                out.push(Suppression {
                    rules: previous,
                    span: Span::from_range(from..start),
                });
            }
            *open = Some((end, rules));
        }
        "jiaodui-enable" => {
            if let Some((from, rules)) = open.take() {
                out.push(Suppression {
                    rules,
                    span: Span::from_range(from..start),
                });
            }
        }
        _ => {}
    }
}

fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// The cells of a pipe-table row, `| 4月31日 | 读书会 |` (`row` is the line without its
/// indentation): the text of each cell, without the pipes and the spaces around it, in order;
/// none for the delimiter row `|---|:--:|` or a row of empty cells. `None` for a line that is
/// no table row. A pipe escaped as `\|` belongs to its cell.
pub(crate) fn table_cells(text: &str, row: Span) -> Option<Vec<Span>> {
    let line = &text[row.range()];
    if line.len() < 2 || !line.starts_with('|') || !line.ends_with('|') || line.ends_with("\\|") {
        return None;
    }
    let bytes = line.as_bytes();
    let pipes = (memchr::memchr_iter(b'|', bytes)).filter(|&i| i == 0 || bytes[i - 1] != b'\\');
    let mut cells = Vec::new();
    let mut from = 0;
    let mut delimiter_row = true;
    for pipe in pipes.skip(1) {
        const SPACE: [char; 4] = [' ', '\t', '\u{3000}', '\u{a0}'];
        let cell = &line[from + 1..pipe];
        let lead = cell.len() - cell.trim_start_matches(SPACE).len();
        let trimmed = cell.trim_matches(SPACE);
        let start = row.start as usize + from + 1 + lead;
        from = pipe;
        if trimmed.is_empty() {
            continue;
        }
        let delimiter = trimmed.trim_matches(':');
        delimiter_row &= !delimiter.is_empty() && delimiter.bytes().all(|b| b == b'-');
        cells.push(Span::from_range(start..start + trimmed.len()));
    }
    if delimiter_row {
        cells.clear();
    }
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_code_comments_and_links() {
        let text = "---\ndate: 2023-03-15\n---\n正文,`a,b`见[链接](http://x.cn/a,b)。\n```\n代码,逗号\n```\n<!-- 注释,逗号 -->\n";
        let front = front_matter(text);
        assert_eq!(front.date.as_deref(), Some("2023-03-15"));
        assert_eq!(
            front.date_span.map(|s| &text[s.range()]),
            Some("2023-03-15")
        );
        let (masked, _) = masks(text, &front);
        let visible: String = {
            let mut s = String::new();
            let mut cursor = 0;
            for m in &masked {
                s.push_str(&text[cursor..m.start as usize]);
                cursor = m.end as usize;
            }
            s.push_str(&text[cursor..]);
            s
        };
        assert_eq!(visible, "正文,见[链接]。\n\n\n");
    }

    #[test]
    fn front_matter_reporters_as_people_write_them() {
        for (value, want) in [
            ("reporter: 李敏\n", &["李敏"][..]),
            ("reporter: \"李敏\"\n", &["李敏"]),
            ("reporter: 李敏 王海\n", &["李敏", "王海"]),
            ("reporter: 李敏、王海\n", &["李敏", "王海"]),
            ("reporter: [李敏, 王海]\n", &["李敏", "王海"]),
            ("reporter: [\"李敏\", '王海']\n", &["李敏", "王海"]),
            (
                "reporter:\n  - 李敏\n  - 王海\npage: 3\n",
                &["李敏", "王海"],
            ),
            ("reporter:\npage: 3\n", &[]),
            ("page: 3\n- 李敏\n", &[]),
        ] {
            let text = format!("---\ndate: 2023-03-15\n{value}---\n正文\n");
            let front = front_matter(&text);
            assert_eq!(front.reporters, want, "{value}");
            assert_eq!(front.date.as_deref(), Some("2023-03-15"), "{value}");
        }
        // No closing fence: no front matter, and no reporter.
        assert!(front_matter("---\nreporter: 李敏\n正文\n")
            .reporters
            .is_empty());
    }

    #[test]
    fn suppressions() {
        let text = "<!-- jiaodui-disable-next-line date/future -->\n16日,活动\n其他\n<!-- jiaodui-disable punct -->\n甲,乙\n<!-- jiaodui-enable -->\n丙,丁\n";
        let (_, sup) = masks(text, &FrontMatter::default());
        let at = |needle: &str| {
            Span::from_range(text.find(needle).unwrap()..text.find(needle).unwrap() + 1)
        };
        assert!(sup.iter().any(|s| s.covers("date/future", at("16"))));
        assert!(!sup.iter().any(|s| s.covers("date/future", at("其"))));
        assert!(sup.iter().any(|s| s.covers("punct/halfwidth", at("甲"))));
        assert!(!sup.iter().any(|s| s.covers("punct/halfwidth", at("丙"))));
    }
}
