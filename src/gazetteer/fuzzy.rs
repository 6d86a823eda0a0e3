//! Whether a name that is not in the gazetteer is likely a slip for one that is :
//! one character replaced by a confusable one — the same pinyin syllable (`园`/`圆`) or a
//! look-alike (`己`/`已`) — or one character of the name left out (`文瀛街道` for
//! `文瀛湖街道`). Being merely one character apart is not enough: 大同 alone has thousands of
//! real village pairs that are.
//!
//! Readings come from the `pinyin` crate (first reading only: rare readings make false
//! pairs such as 史/郝). Look-alike groups come from pycorrector's `same_stroke.txt`
//! (Apache-2.0, copied to `data/`) plus a few pairs it lacks.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyin;

/// Why two characters are confusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confusion {
    /// Same syllable by first reading (tones aside): `园`/`圆`.
    Sound,
    /// Similar glyphs: `己`/`已`.
    Shape,
}

/// How a name differs from the known one it is likely a slip for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// One character replaced: the written one, the right one, and why they are confusable.
    Replaced {
        written: char,
        right: char,
        why: Confusion,
    },
    /// One character of the known name is missing.
    Truncated { missing: char },
}

/// Look-alike pairs pycorrector's groups lack.
const EXTRA_SHAPES: &[&str] = &[
    "己已巳",
    "戊戌戍",
    "未末",
    "土士",
    "日曰",
    "人入",
    "汩汨",
    "祗祇",
];

/// Whether `written` is likely a slip for `known`. Both carry the same administrative suffix;
/// the difference must lie in the part before it.
pub fn likely_slip(written: &str, known: &str) -> Option<Slip> {
    let (Some(w_stem), Some(k_stem)) = (super::strip_suffix(written), super::strip_suffix(known))
    else {
        return None;
    };
    if written[w_stem.len()..] != known[k_stem.len()..] {
        return None;
    }
    // Compared in place, without collecting characters: a draft asks this of many pairs.
    let w_len = w_stem.chars().count();
    if w_len < 2 {
        return None;
    }
    let k_len = k_stem.chars().count();
    if w_len == k_len {
        let mut differing = w_stem.chars().zip(k_stem.chars()).filter(|(a, b)| a != b);
        let (a, b) = differing.next()?;
        if differing.next().is_some() {
            return None;
        }
        return confusable(a, b).map(|why| Slip::Replaced {
            written: a,
            right: b,
            why,
        });
    }
    if w_len + 1 == k_len {
        // Ex) 文瀛街道 for 文瀛湖街道: the written stem is the known one less one character.
        let same = w_stem
            .char_indices()
            .zip(k_stem.chars())
            .find(|&((_, a), b)| a != b)
            .map_or(w_stem.len(), |((i, _), _)| i);
        // The stems agree up to `same` bytes; the known one then has the missing character.
        let missing = k_stem[same..].chars().next()?;
        if w_stem[same..] == k_stem[same + missing.len_utf8()..] {
            return Some(Slip::Truncated { missing });
        }
    }
    None
}

/// Whether two different characters are confusable, and why.
pub fn confusable(a: char, b: char) -> Option<Confusion> {
    if a == b {
        return None;
    }
    let sound = |c: char| c.to_pinyin().map(|p| p.plain());
    if let (Some(x), Some(y)) = (sound(a), sound(b)) {
        if x == y {
            return Some(Confusion::Sound);
        }
    }
    let groups = shape_groups();
    let (Some(ga), Some(gb)) = (groups.get(&a), groups.get(&b)) else {
        return None;
    };
    ga.iter()
        .any(|g| gb.contains(g))
        .then_some(Confusion::Shape)
}

/// Character → the look-alike groups it belongs to.
fn shape_groups() -> &'static HashMap<char, Vec<u16>> {
    static GROUPS: OnceLock<HashMap<char, Vec<u16>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut map: HashMap<char, Vec<u16>> = HashMap::new();
        let lines = include_str!("../../data/same_stroke.txt")
            .lines()
            .chain(EXTRA_SHAPES.iter().copied());
        for (i, line) in lines.enumerate() {
            for ch in line.chars().filter(|c| !c.is_whitespace()) {
                map.entry(ch).or_default().push(i as u16);
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_sound_and_look_alike() {
        assert_eq!(confusable('园', '圆'), Some(Confusion::Sound));
        assert_eq!(confusable('己', '已'), Some(Confusion::Shape));
        assert_eq!(confusable('范', '刘'), None);
        // 史 shǐ and 郝 hǎo share a rare reading only.
        assert_eq!(confusable('史', '郝'), None);
    }

    #[test]
    fn slips() {
        assert_eq!(
            likely_slip("永按社区", "永安社区"),
            Some(Slip::Replaced {
                written: '按',
                right: '安',
                why: Confusion::Sound
            })
        );
        assert_eq!(
            likely_slip("文瀛街道", "文瀛湖街道"),
            Some(Slip::Truncated { missing: '湖' })
        );
        assert_eq!(likely_slip("范家庄村", "刘家庄村"), None);
        assert_eq!(likely_slip("永安社区", "永安村"), None);
    }
}
