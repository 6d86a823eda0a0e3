//! Names whose end only the draft's other names show: `居民王秀英冒雨赶来` gives no
//! boundary after `王秀英`, but `王秀芳老人` elsewhere says this draft writes names of `王`
//! with three characters, and `王秀英` shares one with it.

use std::collections::HashSet;

use super::{surname_chars, Mention};
use crate::text::CharSet;

/// The unsure mentions (three characters after a role word, single surname, no boundary
/// after them) that the clear ones confirm: a clear name of three characters shares the
/// surname and a given character in the same place (`王秀芳` confirms `王兰芳`, and `王秀英`
/// itself). When the last character is the one that differs, it must be one that often
/// ends a given name (`王秀芳` confirms `王秀英`, not the `王海挤` of `居民王海挤进人群`
/// beside `王海涛`). Refused when the first two characters are a name the draft gives
/// (`王海` in the byline: `居民王海扶起老人` is `王海`, not `王海扶`). One lookup per
/// mention: the draft's size, not its names squared.
pub(super) fn confirmed(clear: &[Mention], unsure: Vec<Mention>) -> Vec<Mention> {
    if unsure.is_empty() {
        return unsure;
    }
    let mut shapes: HashSet<Shape> = HashSet::new();
    let mut names: HashSet<&str> = HashSet::new();
    for mention in clear {
        names.insert(&mention.name);
        if let Some([s, a, b]) = three(&mention.name) {
            shapes.extend([(s, Some(a), None), (s, None, Some(b))]);
        }
    }
    unsure
        .into_iter()
        .filter(|mention| {
            let Some([s, a, b]) = three(&mention.name) else {
                return false;
            };
            let prefix = &mention.name[..s.len_utf8() + a.len_utf8()];
            !names.contains(prefix)
                && (shapes.contains(&(s, None, Some(b)))
                    || (NAME_ENDS.contains(b) && shapes.contains(&(s, Some(a), None))))
        })
        .collect()
}

/// A surname and one of the given characters, in its place.
type Shape = (char, Option<char>, Option<char>);

/// The three characters of a name of a single surname and two given characters.
fn three(name: &str) -> Option<[char; 3]> {
    if surname_chars(name)? != 1 {
        return None;
    }
    let mut chars = name.chars();
    let three = [chars.next()?, chars.next()?, chars.next()?];
    chars.next().is_none().then_some(three)
}

/// Characters that often end a given name and seldom open the word after one (not `明`:
/// `王海明天`; not `荣`: `王海荣获`; not `义`: `王海义务`).
static NAME_ENDS: CharSet = CharSet::of(
    "英华玉秀兰金芳珍红丽云霞林凤梅德燕俊杰伟敏娟艳洁玲萍桂莲辉斌波涛峰亮磊鹏宇浩军海琴菊琳婷颖慧倩雪芬瑛娥莉霖蓉涵彬宏鸿祥福贵禄寿旺良仁宝珠琪瑶璐璇玮琦瑞翠娇妍媛婕姝嫣蕾薇芝芸莹蓓芹萱茜栋梁坤龙虎",
);
