//! Whether two Han characters are easily written one for the other: the test behind a
//! likely slip in a place name (`福富苑社区` for `福寓苑社区`) or a person's name written two
//! ways. Computed, not listed, from three kinds of evidence:
//!
//! - **Sound**: the same syllable, tones aside, by each character's first reading (the
//!   `pinyin` crate: `园`/`圆`, `候`/`侯`). Every reading would match more (`史` has a rare
//!   reading of `郝`'s); by the measurement below that finds 11 points more of the sound
//!   pairs for four times the false matches, so only the first counts.
//! - **Shape**: the same structure (left-right, top-bottom, …), a component in common and
//!   stroke orders at most a third apart (edit distance over the longer order), from
//!   `char-similar`'s tables (`data/char-similar/`, Apache-2.0): `富`/`寓` (宀 in common, 4 of
//!   12 strokes differ), `己`/`已`, `候`/`侯`. Two Chinese numerals are never a shape pair:
//!   real names differ by them all the time (`二村`, `三村`), and a count is no slip of the eye.
//!   The four-corner code was measured too and left out: requiring two or more of its digits
//!   to agree changed neither rate by more than a few tenths of a point.
//! - **Variant**: a short list of variant forms that registers of names and places mix
//!   (`闫`/`阎`, `肖`/`萧`, `付`/`傅`, `邨`/`村`), below; no shippable table of them exists.
//!
//! ## Measurement
//!
//! Rates of the predicate on these sets (`cargo test --lib confusable::measure --
//! --nocapture` prints them; the tests bound them):
//!
//! | set | pairs | confusable | sound | shape |
//! |---|---|---|---|---|
//! | SIGHAN 2013 similar-sound pairs (同音同调 + 同音异调, Simplified; research data, read in place) | 69,853 | 83.0 % | 82.7 % | 0.3 % |
//! | SIGHAN 2013 similar-shape pairs (Simplified) | 90,306 | 15.8 % | 6.8 % | 8.9 % |
//! | pycorrector `same_stroke.txt` groups, as pairs (read in place) | 6,918 | 48.4 % | 31.0 % | 17.4 % |
//! | towns of one county whose names differ in one character, the differing pair | 4,554 | 0.57 % | 0.07 % | 0.51 % |
//! | villages of one town whose news-form names differ in one character | 251,601 | 0.39 % | 0.11 % | 0.28 % |
//!
//! The first three are positives (recall); the last two are real, distinct names: every
//! confusable pair among them is a place a reporter could write that would be taken for a
//! slip if the gazetteer lacked it (false-alarm rate). Pooled as they are, the predicate's
//! precision is 72,200 / (72,200 + 1,007) = 98.6 %. The shape threshold was chosen on the
//! village pairs and on new villages: with stroke orders at most two fifths apart, 14.3 % of
//! the SIGHAN shape pairs were found as shape pairs but 0.59 % of the village pairs were
//! confusable by shape, and a village taken out of the table and written under its county
//! had exactly one look-alike sibling 2.3 % of the time (`examples/village_lookup.rs
//! --new-villages`, 9,658 villages); at a third, 8.9 %, 0.28 % and 1.4 %. A third is the
//! smallest fraction that keeps `富`/`寓` (4 of 12 strokes); half (in an exploration that
//! counted shape pairs whether or not they also sound alike) found 27 % of the SIGHAN
//! shape pairs and made 1.2 % of the village pairs look alike. Every reading instead of the
//! first found 94 % of the SIGHAN sound pairs instead of 83 %, and made 0.41 % of the
//! village pairs sound alike instead of 0.10 %. The SIGHAN shape lists are broad (every
//! character has 19–30 candidates, many sharing only a radical) and its readings are
//! Taiwan's, so its recall is low by design; the hand-made `same_stroke.txt` groups are the
//! tighter check.
//!
//! Villages under one town or county are also compared for a radical added or left out
//! ([`radical_apart`], outside [`confusable`]): it makes 83 more of the 251,601 village pairs
//! (0.033 %) look alike, and 3 more of 10,000 villages taken out of the table were then taken
//! for a slip under their town and county (0.16 % → 0.19 %).
//!
//! This module knows nothing of places, people or drafts.

use pinyin::ToPinyin;

mod data {
    include!(concat!(env!("OUT_DIR"), "/confusable_shapes.rs"));
}

/// Why two characters are confusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Confusion {
    /// Same syllable by first reading, tones aside: `园`/`圆`.
    Sound,
    /// Similar glyphs: `己`/`已`, `富`/`寓`.
    Shape,
    /// Variant forms of one character as names are written: `闫`/`阎`.
    Variant,
}

/// Variant forms that names and places are written in, each pair the everyday form and the
/// other: surnames (`闫` the folk form of `阎`; `肖`, `付` the old second-round
/// simplifications of `萧`, `傅`; `凃` of `涂`), given names (`喆` for `哲`, `堃` for `坤`,
/// `昇` for `升`, `峯` for `峰`, `甦` for `苏`, `祐` for `佑`, `珮` for `佩`) and place names
/// (`邨` for `村`, `砦` for `寨`, `塆` for `湾`, `氹` for `凼`, `坵` for `丘`, `冈`/`岗`, `囯`
/// for `国`, `菓` for `果`, `於` for `于`). Sorted by the first character, then the second.
const VARIANTS: &[(char, char)] = &[
    ('丘', '坵'),
    ('于', '於'),
    ('佑', '祐'),
    ('佩', '珮'),
    ('傅', '付'),
    ('冈', '岗'),
    ('凼', '氹'),
    ('升', '昇'),
    ('哲', '喆'),
    ('国', '囯'),
    ('坤', '堃'),
    ('寨', '砦'),
    ('峰', '峯'),
    ('村', '邨'),
    ('果', '菓'),
    ('涂', '凃'),
    ('湾', '塆'),
    ('苏', '甦'),
    ('萧', '肖'),
    ('阎', '闫'),
];

/// Chinese numerals: two of them are never a shape pair.
const NUMERALS: &str = "〇一二三四五六七八九十百千万";

/// Whether two different characters are confusable, and why: a variant form first, then
/// the same sound, then a similar shape. `None` for the same character.
pub fn confusable(a: char, b: char) -> Option<Confusion> {
    if a == b {
        return None;
    }
    if is_variant(a, b) {
        return Some(Confusion::Variant);
    }
    if same_sound(a, b) {
        return Some(Confusion::Sound);
    }
    similar_shape(a, b).then_some(Confusion::Shape)
}

/// Whether `a` and `b` are variant forms of one character ([`VARIANTS`]).
pub fn is_variant(a: char, b: char) -> bool {
    let (x, y) = (a.min(b), a.max(b));
    VARIANTS
        .iter()
        .any(|&(p, q)| (p.min(q), p.max(q)) == (x, y))
}

/// The same syllable by first reading, tones aside.
pub fn same_sound(a: char, b: char) -> bool {
    match (a.to_pinyin(), b.to_pinyin()) {
        (Some(x), Some(y)) => x.plain() == y.plain(),
        _ => false,
    }
}

/// The same syllable and the same tone, by first reading: `候`/`侯` (hòu), not `栋`/`东`.
pub fn same_tone(a: char, b: char) -> bool {
    match (a.to_pinyin(), b.to_pinyin()) {
        (Some(x), Some(y)) => x.with_tone() == y.with_tone(),
        _ => false,
    }
}

/// The same structure, a component in common, stroke orders at most a third apart, and not
/// two numerals.
pub fn similar_shape(a: char, b: char) -> bool {
    if NUMERALS.contains(a) && NUMERALS.contains(b) {
        return false;
    }
    let (Some(x), Some(y)) = (Glyph::of(a), Glyph::of(b)) else {
        return false;
    };
    if x.structure != y.structure || !x.components().any(|c| y.components().any(|d| c == d)) {
        return false;
    }
    let longer = x.strokes.len().max(y.strokes.len());
    edit_distance(x.strokes, y.strokes) * 3 <= longer
}

/// One character is the other with a radical added or left out: `遭`/`曹` (辶), `禁`/`林`
/// (示), `桃`/`兆` (木). The larger has two components, one of them the smaller, which is the
/// larger part (at least as many strokes as the radical, three or more) and no character
/// that mostly serves as a radical itself: `银` is 金 and 艮, but `金`/`银` is no slip. Not
/// part of [`confusable`]: village names under one town are few enough to allow it, a
/// county's name anywhere in the country is not (measured in `measure.rs`).
pub fn radical_apart(a: char, b: char) -> bool {
    holds_with_a_radical(a, b) || holds_with_a_radical(b, a)
}

/// Characters that in a two-part character are mostly its radical, not its sound part.
const RADICAL_CHARS: &str = "金木水火土石山口日月田米竹禾王玉女子人大小马羊鱼鸟虫车贝见言足走门心手目耳衣西文立白皮页食雨革骨";

fn holds_with_a_radical(larger: char, smaller: char) -> bool {
    if NUMERALS.contains(smaller) || RADICAL_CHARS.contains(smaller) {
        return false;
    }
    let (Some(whole), Some(part)) = (Glyph::of(larger), Glyph::of(smaller)) else {
        return false;
    };
    let mut components = whole.components();
    let (Some(x), Some(y), None) = (components.next(), components.next(), components.next()) else {
        return false;
    };
    let radical = match u32::from(smaller) {
        s if s == x => y,
        s if s == y => x,
        _ => return false,
    };
    let radical_strokes = char::from_u32(radical).map_or(0, |r| {
        RADICAL_FORMS
            .iter()
            .find(|&&(full, _)| full == r)
            .map_or_else(|| Glyph::of(r).map_or(0, |g| g.strokes.len()), |&(_, n)| n)
    });
    part.strokes.len() >= 3 && part.strokes.len() >= radical_strokes
}

/// Components the shape tables write in full that stand, as a radical, for a shorter form:
/// `草` for 艹 (three strokes) in `苏`, `辵` for 辶 in `遭`, `金` for 钅 in `银`.
const RADICAL_FORMS: [(char, usize); 15] = [
    ('草', 3),
    ('辵', 3),
    ('金', 5),
    ('水', 3),
    ('人', 2),
    ('心', 3),
    ('手', 3),
    ('言', 2),
    ('糸', 3),
    ('食', 3),
    ('阜', 2),
    ('邑', 2),
    ('犬', 3),
    ('示', 4),
    ('衣', 5),
];

/// A character's entry in the shape tables.
struct Glyph {
    structure: u8,
    components: &'static [u8],
    strokes: &'static [u8],
}

impl Glyph {
    fn of(ch: char) -> Option<Glyph> {
        let chars = data::SHAPE_CHARS.len() / 4;
        let key = u32::from(ch);
        let (mut low, mut high) = (0, chars);
        while low < high {
            let mid = (low + high) / 2;
            if u32_at(data::SHAPE_CHARS, mid * 4) < key {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if low == chars || u32_at(data::SHAPE_CHARS, low * 4) != key {
            return None;
        }
        let info = &data::SHAPE_INFO[low * 8..low * 8 + 8];
        let (parts, strokes) = (usize::from(info[1]), usize::from(info[2]));
        let at = u32_at(info, 4) as usize;
        Some(Glyph {
            structure: info[0],
            components: &data::SHAPE_DATA[at..at + parts * 4],
            strokes: &data::SHAPE_DATA[at + parts * 4..at + parts * 4 + strokes],
        })
    }

    fn components(&self) -> impl Iterator<Item = u32> + '_ {
        self.components.chunks_exact(4).map(|c| u32_at(c, 0))
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

/// Levenshtein distance of two short stroke sequences (at most a few dozen strokes).
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: [usize; 72] = [0; 72];
    if b.len() >= row.len() {
        return a.len().max(b.len());
    }
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod measure;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pairs_that_must_be_confusable() {
        assert_eq!(confusable('富', '寓'), Some(Confusion::Shape));
        assert_eq!(confusable('园', '圆'), Some(Confusion::Sound));
        assert_eq!(confusable('己', '已'), Some(Confusion::Shape));
        assert_eq!(confusable('候', '侯'), Some(Confusion::Sound));
        assert!(similar_shape('候', '侯'));
        assert_eq!(confusable('闫', '阎'), Some(Confusion::Variant));
        assert_eq!(confusable('阎', '闫'), Some(Confusion::Variant));
        // The look-alikes the old hand-made list added.
        for (a, b) in [('未', '末'), ('土', '士'), ('汩', '汨'), ('祗', '祇')] {
            assert!(confusable(a, b).is_some(), "{a}{b}");
        }
    }

    #[test]
    fn distinct_pairs_are_not() {
        for (a, b) in [
            ('范', '刘'),
            ('东', '西'),
            ('二', '三'),
            ('新', '裕'),
            ('史', '郝'),
            ('姚', '陶'),
            ('和', '哈'),
        ] {
            assert_eq!(confusable(a, b), None, "{a}{b}");
        }
        assert_eq!(confusable('园', '园'), None);
        assert_eq!(confusable('a', 'b'), None);
    }

    #[test]
    fn variants_are_sorted_and_distinct() {
        assert!(VARIANTS.windows(2).all(|w| w[0] < w[1]));
        assert!(VARIANTS.iter().all(|(a, b)| a != b));
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance(b"", b""), 0);
        assert_eq!(edit_distance(b"515", b"515"), 0);
        assert_eq!(edit_distance(b"3225131134", b"325131134"), 1);
        assert_eq!(edit_distance(b"12", b""), 2);
    }
}
