//! The byline rules against a Markdown draft's front matter: `reporter:` names whom a
//! missing byline's fix credits, before the page's other reporters and the roster default.

use std::path::Path;

use crate::config::LoadedConfig;
use crate::diagnostic::Diagnostic;
use crate::fix::Applicability;
use crate::lint::analyse;

const TODAY: jiff::civil::Date = jiff::civil::date(2024, 1, 15);

/// The `byline/missing` findings of `text`, read as a Markdown draft (`a.md`) or a plain
/// one (`a.txt`), under the configuration `config`.
fn missing(text: &str, file: &str, config: &str) -> Vec<Diagnostic> {
    let config = LoadedConfig::parse(config, Path::new("jiaodui.toml"), crate::lint::rule_ids())
        .expect("config");
    (analyse(text, Some(Path::new(file)), &config, TODAY).diagnostics)
        .into_iter()
        .filter(|d| d.rule == "byline/missing")
        .collect()
}

/// The text `d`'s fix inserts or puts in, and that the fix is only suggested.
fn credited(d: &Diagnostic) -> String {
    let fix = d.fixes.first().expect("a fix");
    assert_eq!(fix.applicability, Applicability::Suggested);
    fix.edits[0].replacement.clone()
}

const BODY: &str = "# 新开街道推进改造\n\n近日，新开街道启动老旧小区改造，涉及12个小区。\n";

fn with_front(front: &str, body: &str) -> String {
    format!("---\ndate: 2023-03-15\n{front}page: 3\n---\n{body}")
}

#[test]
fn the_front_matters_reporters_sign_a_missing_byline() {
    let cases = [
        ("reporter: 李敏\n", "", "本报讯（记者 李敏）"),
        ("reporter: 李敏 王海\n", "", "本报讯（记者 李敏 王海）"),
        ("reporter: 李敏、王海\n", "", "本报讯（记者 李敏 王海）"),
        (
            "reporter: [李敏, 王海]\n",
            "[byline]\nseparator = \"、\"\n",
            "本报讯（记者 李敏、王海）",
        ),
        (
            "reporter:\n  - 李敏\n  - 王海\n",
            "preset = \"地方日报\"\n",
            "本报讯（记者 李敏 王海）",
        ),
        // Before the roster's default reporter.
        (
            "reporter: 李敏\n",
            "[byline]\ndefault_reporter = \"王海\"\n",
            "本报讯（记者 李敏）",
        ),
        // In the house's form: a house that reports its credits.
        (
            "reporter: 李敏\n",
            "[byline]\nform = \"reported\"\n",
            "本报讯 记者李敏报道：",
        ),
        // A house that signs at the end.
        (
            "reporter: 李敏\n",
            "[byline]\nposition = \"end\"\n",
            "（记者 李敏）",
        ),
    ];
    for (front, config, want) in cases {
        let text = with_front(front, BODY);
        let found = missing(&text, "a.md", config);
        assert_eq!(found.len(), 1, "{front}{config}");
        assert_eq!(credited(&found[0]), want, "{front}{config}");
    }
    // Before the reporters the page's other items credit.
    let page = format!("{BODY}\n# 社区举办读书会\n\n本报讯（记者 王海）8日，社区举办读书会。\n");
    let found = missing(&with_front("reporter: 李敏\n", &page), "a.md", "");
    assert_eq!(found.len(), 1);
    assert_eq!(credited(&found[0]), "本报讯（记者 李敏）");
    // A dateline with nobody behind it, where the house names its reporters.
    let bare = "# 新开街道推进改造\n\n本报讯 近日，新开街道启动老旧小区改造。\n";
    let config = "[byline]\nrequire_reporter = true\n";
    let found = missing(&with_front("reporter: 李敏\n", bare), "a.md", config);
    assert_eq!(found.len(), 1);
    assert_eq!(credited(&found[0]), "本报讯（记者 李敏）");
}

#[test]
fn without_a_reporter_in_front_matter_the_fix_is_as_before() {
    // No `reporter:`: the page's reporters, else the roster default, else no fix.
    let page = format!("{BODY}\n# 社区举办读书会\n\n本报讯（记者 王海）8日，社区举办读书会。\n");
    let found = missing(&with_front("author: 孙露\n", &page), "a.md", "");
    assert_eq!(credited(&found[0]), "本报讯（记者 王海）");
    let config = "[byline]\ndefault_reporter = \"王海\"\n";
    let found = missing(&with_front("reporter:\n", BODY), "a.md", config);
    assert_eq!(credited(&found[0]), "本报讯（记者 王海）");
    let found = missing(&with_front("", BODY), "a.md", "");
    assert!(found[0].fixes.is_empty());
    // A signed item needs nothing, whoever the front matter names.
    let signed = "# 新开街道推进改造\n\n本报讯（记者 王海）近日，新开街道启动改造。\n";
    assert!(missing(&with_front("reporter: 李敏\n", signed), "a.md", "").is_empty());
    // A plain-text draft has no front matter: lines like it are text.
    let text = with_front(
        "reporter: 李敏\n",
        "新开街道推进改造\n\n近日，新开街道启动老旧小区改造。\n",
    );
    for found in missing(&text, "a.txt", "") {
        assert!(found.fixes.is_empty(), "{found:?}");
    }
}
