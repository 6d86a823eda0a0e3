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
