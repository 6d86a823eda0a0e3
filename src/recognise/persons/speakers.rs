//! A name that opens a sentence and is said to speak: `王秀英说：“……”`, `李玉芝告诉记者，……`.
//! Copy names a person with a title once (`居民王秀英`) and then by the name alone as the
//! speaker of the next quote, and a second spelling is most often printed there.
//!
//! Only three- and four-character names are taken (two-character ones are never compared),
//! only at a sentence's start, and only right before a word of speaking: the sentence's
//! start and the verb bound the name on both sides. A run that ends like an office or a
//! place (`金融局表示`, `黄河村说`) is none.

use super::words::Words;
use super::{surname_chars, AFTER, NOT_NAMES};
use crate::text::{is_han, CharSet};

/// Words of speaking that follow a speaker's name: `说` and its common neighbours.
const SPEAKS: [&str; 9] = [
    "说",
    "表示",
    "告诉",
    "介绍",
    "坦言",
    "感慨",
    "笑着说",
    "回忆",
    "解释",
];
static SPEAKING: Words<{ SPEAKS.len() }> = Words::new(SPEAKS);

/// Last characters of an office, an organisation, a place or a rank (`唐排长`): no given
/// name ends so.
static NOT_NAME_ENDS: CharSet =
    CharSet::of("局办委会厅处所院校司部省市县区镇乡村队组站厂社馆中心们家人方里长");

/// Second characters of a surname and a form of address, not a name: `老王`'s `王老`,
/// `小张`'s `张小`.
static ADDRESS: CharSet = CharSet::of("老小");

/// Marks after which a sentence starts, and the closing quote a speaker is named after
/// (`“……。”孙建花说`).
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '；', '”'];

/// Most characters of the opening words a speaker's sentence may start with before a comma
/// (`赛后，`, `会上，`, `对此，`).
const OPENER_CHARS: usize = 4;

/// The byte ranges of `body` that are a speaker's name at a sentence's start, or after its
/// few opening words and a comma (`赛后，张雨菲表示`).
pub(super) fn speakers(body: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut sentence = 0;
    let starts = std::iter::once(0).chain(body.char_indices().filter_map(move |(i, c)| {
        let next = i + c.len_utf8();
        if SENTENCE_ENDS.contains(&c) {
            sentence = next;
            return Some(next);
        }
        let opener = &body[sentence..i];
        (c == '，' && !opener.is_empty() && opener.chars().count() <= OPENER_CHARS).then_some(next)
    }));
    starts.filter_map(move |start| speaker_at(body, start).map(|len| (start, start + len)))
}

/// The byte length of a speaker's name opening `body[start..]`, if one does.
fn speaker_at(body: &str, start: usize) -> Option<usize> {
    let rest = &body[start..];
    let surname = surname_chars(rest)?;
    if NOT_NAMES.opens(rest) {
        return None;
    }
    for given in [2, 1] {
        let chars = surname + given;
        if chars < 3 {
            continue;
        }
        let mut it = rest.char_indices().skip(chars - 1);
        let Some((last_at, last)) = it.next() else {
            continue;
        };
        let end = last_at + last.len_utf8();
        let name = &rest[..end];
        if !name.chars().all(is_han) || NOT_NAME_ENDS.contains(last) {
            continue;
        }
        // Ex) 夏先生说, 王老汉说: a surname and a title, not a name.
        let given_part = &rest[rest.char_indices().nth(surname).map_or(0, |(i, _)| i)..end];
        let title = given_part.chars().next().is_some_and(|c| {
            ADDRESS.contains(c) || AFTER.longest_at(given_part.as_bytes(), c).is_some()
        });
        if title {
            continue;
        }
        let after = &rest[end..];
        if let Some(c) = after.chars().next() {
            if SPEAKING.longest_at(after.as_bytes(), c).is_some() {
                return Some(end);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(body: &str) -> Vec<&str> {
        speakers(body).map(|(a, b)| &body[a..b]).collect()
    }

    #[test]
    fn a_speaker_opens_a_sentence() {
        assert_eq!(names("王秀英说：“好。”"), ["王秀英"]);
        assert_eq!(names("活动很热闹。李玉芝告诉记者，很开心。"), ["李玉芝"]);
        assert_eq!(names("欧阳明华表示，会继续。"), ["欧阳明华"]);
        assert_eq!(names("比赛很精彩。赛后，张雨菲表示，很满意。"), ["张雨菲"]);
    }

    #[test]
    fn no_speaker_where_none_is_named() {
        // Two characters, inside a sentence, an office, a place, a word that opens with a
        // surname.
        for body in [
            "王海说，好。",
            "居民都说王秀英说得对。",
            "金融局表示，将继续。",
            "黄河村说起来很美。",
            "高兴地说：“好。”",
            "方面表示，会跟进。",
            "夏先生介绍，很好。",
            "唐排长说，出发。",
            "王老汉说，好。",
            // After a clause longer than a few opening words, a comma is no sentence's start.
            "社区工作人员介绍完情况，王秀英说好。",
        ] {
            assert!(names(body).is_empty(), "{body}: {:?}", names(body));
        }
    }
}
