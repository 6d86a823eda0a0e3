use super::layout::{escape_attr, escape_text, lay_out, Element, Layer, Settler, Tags};
use crate::text::Span;

fn escaped(f: fn(&mut Vec<u8>, &str), text: &str) -> String {
    let mut out = Vec::new();
    f(&mut out, text);
    String::from_utf8(out).unwrap()
}

#[test]
fn text_is_escaped_for_content_and_attributes() {
    let text = "甲<b>&amp;\"乙\"'丙'>";
    assert_eq!(
        escaped(escape_text, text),
        "甲&lt;b&gt;&amp;amp;\"乙\"'丙'&gt;"
    );
    assert_eq!(
        escaped(escape_attr, text),
        "甲&lt;b&gt;&amp;amp;&quot;乙&quot;'丙'&gt;"
    );
    assert_eq!(escaped(escape_text, "没有要转义的"), "没有要转义的");
    assert_eq!(escaped(escape_text, ""), "");
    assert_eq!(escaped(escape_text, "<<&&>>"), "&lt;&lt;&amp;&amp;&gt;&gt;");
}

/// Tags that show what is opened: `[n` for finding n, `[n+` for its continuation, `{class`
/// for a block; closes are `</mark>` and `</span>`, shown as `]` and `}`.
struct Plain;

impl Tags for Plain {
    fn open(&mut self, out: &mut Vec<u8>, layer: Layer, continued: bool) {
        let tag = match (layer, continued) {
            (Layer::Block(class), _) => format!("{{{class}"),
            (Layer::Finding(i), false) => format!("[{i}"),
            (Layer::Finding(i), true) => format!("[{i}+"),
        };
        out.extend_from_slice(tag.as_bytes());
    }
}

fn finding(i: usize, start: u32, end: u32) -> Element {
    Element {
        span: Span::new(start, end),
        layer: Layer::Finding(i),
    }
}

fn block(class: &'static str, start: u32, end: u32) -> Element {
    Element {
        span: Span::new(start, end),
        layer: Layer::Block(class),
    }
}

fn laid_out(text: &str, elements: Vec<Element>) -> String {
    let mut out = Vec::new();
    lay_out(
        &mut out,
        text,
        Span::new(0, text.len() as u32),
        elements,
        &mut Plain,
    );
    String::from_utf8(out)
        .unwrap()
        .replace("</mark>", "]")
        .replace("</span>", "}")
}

#[test]
fn nested_findings_nest() {
    // "abcdefgh": 0 covers b..g, 1 covers c..e inside it, 2 is empty at f.
    let got = laid_out(
        "abcdefgh",
        vec![finding(1, 2, 4), finding(0, 1, 7), finding(2, 5, 5)],
    );
    assert_eq!(got, "a[0b[1cd]e[2]fg]h");
}

#[test]
fn findings_with_the_same_start_nest_longest_outside() {
    let got = laid_out("abcdef", vec![finding(0, 1, 3), finding(1, 1, 5)]);
    assert_eq!(got, "a[1[0bc]de]f");
    let got = laid_out("abcdef", vec![finding(0, 1, 5), finding(1, 2, 5)]);
    assert_eq!(got, "a[0b[1cde]]f");
}

#[test]
fn crossing_findings_split_the_later_one() {
    // 0 covers b..e, 1 covers d..g: 1 is split where 0 ends.
    let got = laid_out("abcdefgh", vec![finding(0, 1, 5), finding(1, 3, 7)]);
    assert_eq!(got, "a[0bc[1de]][1+fg]h");
    // Three in a chain.
    let got = laid_out(
        "abcdefgh",
        vec![finding(0, 0, 3), finding(1, 2, 5), finding(2, 4, 7)],
    );
    assert_eq!(got, "[0ab[1c]][1+d[2e]][2+fg]h");
}

#[test]
fn blocks_wrap_findings_inside_them() {
    let got = laid_out("标题。\n正文", vec![block("hl", 0, 9), finding(0, 6, 9)]);
    assert_eq!(got, "{hl标题[0。]}\n正文");
}

#[test]
fn multibyte_text_is_escaped_between_elements() {
    let text = "甲<乙>丙";
    let got = laid_out(text, vec![finding(0, 3, 8)]);
    assert_eq!(got, "甲[0&lt;乙&gt;]丙");
}

#[test]
fn settled_boundaries_cut_no_finding() {
    let settler = Settler::new(
        [
            Span::new(2, 6),
            Span::new(5, 9),
            Span::new(12, 12),
            Span::new(20, 25),
        ]
        .into_iter(),
    );
    // Inside the first finding: past the second, which it reaches into.
    assert_eq!(settler.settle(3), 9);
    // A finding's own start and end are not inside it.
    assert_eq!(settler.settle(2), 2);
    assert_eq!(settler.settle(9), 9);
    // An empty finding cuts nothing.
    assert_eq!(settler.settle(12), 12);
    assert_eq!(settler.settle(0), 0);
    assert_eq!(settler.settle(21), 25);
    assert_eq!(settler.settle(30), 30);
}

/// Every finding's element (or its fragments, joined) holds exactly the finding's text,
/// whatever the overlaps: checked on every pair and triple of spans over a short text.
#[test]
fn every_finding_keeps_its_text_whatever_the_overlaps() {
    let text = "一二三四五六";
    let bounds: Vec<u32> = (0..=6).map(|i| i * 3).collect();
    let spans: Vec<Span> = bounds
        .iter()
        .flat_map(|&s| {
            bounds
                .iter()
                .filter(move |&&e| e >= s)
                .map(move |&e| Span::new(s, e))
        })
        .collect();
    for a in &spans {
        for b in &spans {
            for c in &spans {
                let found = [*a, *b, *c];
                let elements = found
                    .iter()
                    .enumerate()
                    .map(|(i, s)| finding(i, s.start, s.end))
                    .collect();
                let got = laid_out(text, elements);
                for (i, span) in found.iter().enumerate() {
                    assert_eq!(
                        fragments_of(&got, i),
                        &text[span.range()],
                        "{found:?} → {got}"
                    );
                }
                let plain: String = got
                    .chars()
                    .filter(|c| !"[]+0123456789".contains(*c))
                    .collect();
                assert_eq!(plain, text, "{got}");
            }
        }
    }
}

/// The text inside finding `i`'s elements, joined, from the `Plain` rendering.
fn fragments_of(rendered: &str, i: usize) -> String {
    let mut out = String::new();
    let mut depth_in: Vec<bool> = Vec::new();
    let mut chars = rendered.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                let n = chars.next().and_then(|d| d.to_digit(10)).unwrap() as usize;
                if chars.peek() == Some(&'+') {
                    chars.next();
                }
                depth_in.push(n == i);
            }
            ']' => {
                depth_in.pop();
            }
            _ if depth_in.iter().any(|&mine| mine) => out.push(c),
            _ => {}
        }
    }
    out
}
