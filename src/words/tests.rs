use super::*;

fn entry(matchers: Vec<RawMatcher>, right: &[&str], specs: &[(&str, &str)]) -> RawEntry {
    RawEntry {
        matchers,
        right: right.iter().map(|r| r.to_string()).collect(),
        note: None,
        specs: specs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        origin: Origin {
            file: PathBuf::from("t.toml"),
            line: Some(1),
            entry: "t".into(),
        },
    }
}

fn hits(list: &WordList, text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    list.find(text, Span::new(0, text.len() as u32), &mut out);
    out.into_iter()
        .map(|h| (h.span.slice(text).to_owned(), h.right))
        .collect()
}

#[test]
fn literals_and_patterns_leftmost_longest() {
    let list = WordList::compile(vec![
        entry(vec![RawMatcher::Literal("既使".into())], &["即使"], &[]),
        entry(vec![RawMatcher::Literal("既使是".into())], &["即使是"], &[]),
        entry(
            vec![RawMatcher::Pattern("(\\d{4})年度".into())],
            &["$1年"],
            &[("2023年度报告", "2023年报告")],
        ),
        entry(
            vec![RawMatcher::Pattern("(?i)jquery".into())],
            &["jQuery"],
            &[],
        ),
    ])
    .unwrap();
    assert_eq!(
        hits(&list, "既使是2023年度，既使如此，jquery和jQuery"),
        [
            ("既使是".to_owned(), vec!["即使是".to_owned()]),
            ("2023年度".to_owned(), vec!["2023年".to_owned()]),
            ("既使".to_owned(), vec!["即使".to_owned()]),
            ("jquery".to_owned(), vec!["jQuery".to_owned()]),
        ]
    );
}

#[test]
fn failing_specs_and_bad_patterns_are_errors() {
    let err = WordList::compile(vec![
        entry(
            vec![RawMatcher::Literal("既使".into())],
            &["即使"],
            &[("既使", "既使")],
        ),
        entry(vec![RawMatcher::Pattern("a(?=b)".into())], &["c"], &[]),
        entry(vec![RawMatcher::Literal(String::new())], &["c"], &[]),
    ])
    .unwrap_err();
    assert_eq!(err.len(), 2, "{err:?}");
    let err = WordList::compile(vec![entry(
        vec![RawMatcher::Literal("既使".into())],
        &["即使"],
        &[("既使下雨", "既使下雨")],
    )])
    .unwrap_err();
    assert_eq!(
        err[0].to_string(),
        "t.toml:1: t: spec failed: \"既使下雨\" should become \"既使下雨\", but became \"即使下雨\""
    );
}

#[test]
fn a_pattern_that_is_no_regular_expression_is_told_in_chinese() {
    let compile = |pattern: &str| {
        WordList::compile(vec![entry(
            vec![RawMatcher::Pattern(pattern.into())],
            &["c"],
            &[],
        )])
    };
    let err = compile("[a-").unwrap_err();
    assert_eq!(
        err[0].to_string(),
        "t.toml:1: t: pattern /[a-/ 不是有效的正则表达式（unclosed character class）"
    );
    let err = compile(&format!("\\w{{{}}}", 1 << 16)).unwrap_err();
    assert!(err[0].message.contains("过于复杂"), "{err:?}");
    // Trap: a pattern the engine takes compiles.
    assert!(compile("[一二三]带一路").is_ok());
}

/// Many patterns are first matched as one set; what is found is what each pattern finds on
/// its own, in the same order, with the same right forms.
#[test]
fn a_pattern_set_finds_what_every_pattern_finds() {
    let words = [
        "WiFi", "jQuery", "GitHub", "App", "5G", "IPv6", "CPU", "USB",
    ];
    let mut entries: Vec<RawEntry> = words
        .iter()
        .map(|w| entry(vec![RawMatcher::Pattern(format!("(?i){w}"))], &[w], &[]))
        .collect();
    entries.push(entry(
        vec![RawMatcher::Pattern("(\\d{4})年度".into())],
        &["$1年"],
        &[],
    ));
    let list = WordList::compile(entries).unwrap();
    let compiled = list.inner.as_deref().unwrap();
    assert!(compiled.pattern_set.is_some());
    let each = WordList {
        inner: Some(Arc::new(compiled.clone_without_set())),
    };
    let texts = [
        "居民用wifi和Wi-Fi上网，APP、app与5g、ipv6都有；2023年度报告",
        "没有一个外文词的段落。",
        "github、GITHUB，cpuUSB",
    ];
    for text in texts {
        assert_eq!(hits(&list, text), hits(&each, text), "{text}");
    }
    assert_eq!(hits(&list, texts[0]).len(), 6);
}
