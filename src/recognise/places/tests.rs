use super::known::{is_everyday, EVERYDAY};
use super::openers::{opened_by, suffix_at};
use super::PlaceIds;
use crate::gazetteer::SUFFIXES;

#[test]
fn everyday_names_are_told_by_their_last_character() {
    for name in EVERYDAY {
        assert!(is_everyday(name), "{name}");
    }
    for name in ["平城区", "城", "区", "", "沙岭村", "新城", "新城区区"] {
        assert_eq!(is_everyday(name), EVERYDAY.contains(&name), "{name}");
    }
}

#[test]
fn openers_are_the_first_characters_of_suffixes() {
    for ch in ('\u{3000}'..='\u{9FFF}').chain(['a', '\u{20000}']) {
        let expected = SUFFIXES
            .iter()
            .enumerate()
            .filter(|(_, s)| s.starts_with(ch))
            .fold(0, |bits, (i, _)| bits | 1 << i);
        assert_eq!(opened_by(ch), expected, "{ch}");
    }
    assert_eq!(suffix_at("自治区人民政府", opened_by('自')), Some("自治区"));
    assert_eq!(suffix_at("自己", opened_by('自')), None);
    assert_eq!(suffix_at("区", opened_by('区')), Some("区"));
}

#[test]
fn place_ids_keep_few_inline_and_more_on_the_heap() {
    let mut ids = PlaceIds::new();
    for id in 0..7 {
        ids.push(id);
        assert_eq!(ids.as_slice(), (0..=id).collect::<Vec<_>>());
    }
    ids.retain(|id| id % 2 == 1);
    assert_eq!(ids.as_slice(), [1, 3, 5]);
    let mut few = PlaceIds::from_slice(&[4, 5, 6]);
    few.retain(|id| id != 5);
    assert_eq!(few.as_slice(), [4, 6]);
    assert_eq!(format!("{few:?}"), format!("{:?}", vec![4, 6]));
    assert_eq!(PlaceIds::from_slice(&[1, 2, 3, 4, 5]).len(), 5);
    // Equal by what they hold, not by how.
    assert_eq!(few, PlaceIds::from_slice(&[4, 6]));
    let mut many = PlaceIds::from_slice(&[4, 5, 6, 7, 8]);
    many.retain(|id| id % 2 == 0);
    assert_eq!(many, PlaceIds::from_slice(&[4, 6, 8]));
    assert_ne!(many, few);
}

/// The recogniser's reading of `text`, with no newsroom.
fn read(text: &str) -> super::Places {
    use crate::document::{parse, DraftKind};
    use crate::recognise::{Input, Newsroom};
    let draft = parse(text, DraftKind::Text);
    let input = Input::undated(text, &draft, Newsroom::default());
    super::recognise(&input, &[])
}

#[test]
fn counties_of_one_character_stand_only_as_names() {
    // A county before a town's name, a county after its province: read, and a slip found.
    let places = read("冠县东古成镇召开会议，山西祈县的游客来了。");
    let slips: Vec<&str> = places.slips.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(slips, ["东古成镇", "祈县"]);
    assert!(places.mentions.iter().any(|m| m.name == "冠县"));
    // Words of 县 and a county inside a word are none.
    let places =
        read("山西各县、山西全县和晋中该县的干部，市区和县城关镇的居民，费县的多个乡镇都来了。");
    assert!(places.slips.is_empty(), "{:?}", places.slips);
    assert!(!places
        .mentions
        .iter()
        .any(|m| m.name == "和县" || m.name == "费县"));
}

#[test]
fn a_community_named_after_a_village_is_one_name() {
    let places = read("沙坪坝区柏杨村社区、渝中区红岩村社区开展活动。");
    let villages: Vec<&str> = places.villages.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(villages, ["柏杨村社区", "红岩村社区"]);
}

#[test]
fn a_short_form_that_starts_an_institution_names_no_place() {
    let places =
        read("上海市延安中学、上海市大同第一中学、上海大同一中的师生和山西大同中心城区的居民。");
    let names: Vec<&str> = places.mentions.iter().map(|m| &*m.name).collect();
    assert_eq!(names, ["上海市", "上海市", "上海", "山西", "大同"]);
}
