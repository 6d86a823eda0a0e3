//! Whether a name that is not in the gazetteer is likely a slip for one that is :
//! one character replaced by a confusable one — the same pinyin syllable (`园`/`圆`) or a
//! look-alike (`己`/`已`) — or one character of the name left out (`文瀛街道` for
//! `文瀛湖街道`). Being merely one character apart is not enough: 大同 alone has thousands of
//! real village pairs that are.
//!
//! Which characters are confusable is computed in [`crate::confusable`] (sound by first
//! reading, shape from glyph components and stroke order, variant forms).

/// Why two characters are confusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confusion {
    /// Same syllable by first reading (tones aside): `园`/`圆`.
    Sound,
    /// Similar glyphs: `己`/`已`.
    Shape,
    /// A variant form of the character the official name writes: `闫` for `阎`.
    Variant,
    /// The same character with a radical added or left out: `遭` for `曹`. Villages under
    /// a town or county and towns under a county only ([`likely_village_slip`],
    /// [`likely_town_slip`]).
    Radical,
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
    /// One character of the known name is written twice: `张家家港市`.
    Doubled { doubled: char },
}

/// Whether `written` is likely a slip for `known`. Both carry the same administrative suffix;
/// the difference must lie in the part before it.
pub fn likely_slip(written: &str, known: &str) -> Option<Slip> {
    slip_by(written, known, false)
}

/// [`likely_slip`] for two village names under one town or county, where a character with a
/// radical added or left out counts too (`遭家沟村` for `曹家沟村`): the names compared are
/// few, and real ones a radical apart are rare among them (`crate::confusable::measure`).
pub fn likely_village_slip(written: &str, known: &str) -> Option<Slip> {
    slip_by(written, known, true)
}

/// [`likely_slip`] for two town names under one county, where a character with a radical
/// added or left out counts too (`鹿埠街道` for `鹿阜街道`): a county's towns are fewer than a
/// town's villages, and real ones a radical apart rarer still (`crate::confusable::measure`).
pub fn likely_town_slip(written: &str, known: &str) -> Option<Slip> {
    slip_by(written, known, true)
}

fn slip_by(written: &str, known: &str, radicals: bool) -> Option<Slip> {
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
        let why = confusable(a, b).or_else(|| {
            (radicals && crate::confusable::radical_apart(a, b)).then_some(Confusion::Radical)
        });
        return why.map(|why| Slip::Replaced {
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

/// Whether two different characters are confusable, and why ([`crate::confusable`]).
pub fn confusable(a: char, b: char) -> Option<Confusion> {
    match crate::confusable::confusable(a, b)? {
        crate::confusable::Confusion::Sound => Some(Confusion::Sound),
        crate::confusable::Confusion::Shape => Some(Confusion::Shape),
        crate::confusable::Confusion::Variant => Some(Confusion::Variant),
    }
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
