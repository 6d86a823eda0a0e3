//! The place rules end to end on a whole page: a page naming the places of one district
//! correctly gives no place finding, with and without the newsroom gazetteer; each kind of
//! slip is found by the right rule with the right suggestion; the published seed page,
//! untouched and with no config, gives its one place slip.

mod common;

use std::path::{Path, PathBuf};

use jiaodui::config::LoadedConfig;
use jiaodui::diagnostic::Diagnostic;

const CORRECT_PAGE: &str = "\
平城区 水泊寺街道 推进人居环境整治

本报讯（记者 王海）近日，平城区水泊寺街道永安社区组织志愿者清扫街巷，沙岭村村民也参加了活动。文瀛湖街道水泊寺村、白登山街道、小南头街道同步开展。

古城街道、新旺街道、马军营街道今年改造老旧小区40个。原大同县、原南郊区的部分村庄，如今分属云州区和平城区。

大同市云冈区云冈镇、浑源县永安镇永安社区的代表参观了水泊寺街道。
";

const PAGE_WITH_SLIPS: &str = "\
平城区 水泊寺街道 推进人居环境整治

本报讯（记者 王海）近日，平城区水泊寺街道永按社区组织志愿者清扫街巷。水泊寺街道水泊寺村也开展了活动。

南郊区的部分村庄如今归平城区，文瀛街道随后跟进。
";

fn config(gazetteer: bool) -> LoadedConfig {
    let mut source =
        String::from("[bulletin]\ndate = \"2021-06-11\"\nregion = \"山西省大同市平城区\"\n");
    if gazetteer {
        source.push_str(
            "[places]\ngazetteers = [\"examples/gazetteer/datong-towns-villages.csv\"]\n",
        );
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("jiaodui.toml");
    LoadedConfig::parse(&source, &path, jiaodui::lint::rule_ids())
        .unwrap_or_else(|err| panic!("{err}"))
}

fn place_findings(text: &str, config: &LoadedConfig) -> Vec<Diagnostic> {
    common::analyse(text, Some(&PathBuf::from("page.txt")), config)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.starts_with("place/"))
        .collect()
}

#[test]
fn a_correct_page_gives_no_place_finding() {
    for gazetteer in [false, true] {
        let found = place_findings(CORRECT_PAGE, &config(gazetteer));
        assert!(
            found.is_empty(),
            "gazetteer {gazetteer}:\n{}",
            common::render(CORRECT_PAGE, &found)
        );
    }
}

/// Each finding as its rule, the text it flags and the replacements its fixes write.
fn rule_text_fixes<'a>(
    page: &'a str,
    found: &'a [Diagnostic],
) -> Vec<(&'a str, &'a str, Vec<&'a str>)> {
    found
        .iter()
        .map(|d| {
            let fixes = d.fixes.iter().flat_map(|f| f.edits.iter());
            let replacements = fixes.map(|e| e.replacement.as_str()).collect();
            (d.rule, &page[d.span.range()], replacements)
        })
        .collect()
}

#[test]
fn each_slip_is_found_by_the_right_rule() {
    // The built-in villages find the community slip with no newsroom file; the newsroom's
    // 2021 village list finds the same.
    for gazetteer in [false, true] {
        let found = place_findings(PAGE_WITH_SLIPS, &config(gazetteer));
        let summary = rule_text_fixes(PAGE_WITH_SLIPS, &found);
        assert_eq!(
            summary,
            [
                ("place/misspelled", "永按社区", vec!["永安社区"]),
                ("place/hierarchy", "水泊寺村", vec!["文瀛湖街道"]),
                (
                    "place/former-name",
                    "南郊区",
                    vec!["新荣区", "平城区", "云冈区"]
                ),
                ("place/misspelled", "文瀛街道", vec!["文瀛湖街道"]),
            ],
            "gazetteer {gazetteer}:\n{}",
            common::render(PAGE_WITH_SLIPS, &found)
        );
        // The hierarchy fix rewrites the parent, not the child.
        let hierarchy = &found[1];
        let edit = &hierarchy.fixes[0].edits[0];
        assert_eq!(&PAGE_WITH_SLIPS[edit.span.range()], "水泊寺街道");
    }
}

#[test]
fn the_seed_page_untouched_finds_its_community_slip() {
    // The published page, as it reached the desk, with no config at all.
    let page = include_str!("fixtures/place/seed-page.txt");
    let config = LoadedConfig::defaults(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"));
    let found = place_findings(page, &config);
    let summary = rule_text_fixes(page, &found);
    assert_eq!(
        summary,
        [("place/misspelled", "福富苑社区", vec!["福寓苑社区"])],
        "{}",
        common::render(page, &found)
    );
}

#[test]
fn a_bad_gazetteer_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("places.csv"),
        "code,name,parent_code,level\n140213066999,新村村委会,999,village\n",
    )
    .unwrap();
    let config = dir.path().join("jiaodui.toml");
    std::fs::write(&config, "[places]\ngazetteers = [\"places.csv\"]\n").unwrap();
    let err = LoadedConfig::load(&config, jiaodui::lint::rule_ids())
        .unwrap_err()
        .to_string();
    assert!(err.contains("places.csv:2:"), "{err}");
    std::fs::write(&config, "[places]\ngazetteers = [\"missing.toml\"]\n").unwrap();
    let err = LoadedConfig::load(&config, jiaodui::lint::rule_ids())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("jiaodui.toml:2:") && err.contains("missing.toml"),
        "{err}"
    );
}
