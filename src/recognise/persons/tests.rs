use super::occurrences::sentence_ends;
use super::surnames::COMPOUND;
use super::*;

#[test]
fn names_after_role_words() {
    let cases = [
        ("王秀芳为大家朗读", Some("王秀芳")),
        ("王秀英说，", Some("王秀英")),
        ("王海介绍，", Some("王海")),
        ("王海在社区", Some("王海")),
        ("欧阳明告诉记者", Some("欧阳明")),
        ("们参加了活动", None),
        ("王秀英老人", Some("王秀英")),
        // A common verb or time word after the name ends it, and is no part of it.
        ("王秀英参加了活动", Some("王秀英")),
        ("王秀英来到现场", Some("王秀英")),
        ("王海参加了活动", Some("王海")),
        ("王海来到现场", Some("王海")),
        ("王建星期六参加", Some("王建")),
        ("欧阳明华参加", Some("欧阳明华")),
        // Nothing ends it: unsure (see `unsure_names_after_role_words`).
        ("王秀英冒雨赶来", None),
        ("陆续赶到", None),
    ];
    for (s, want) in cases {
        assert_eq!(name_after(s).map(|n| &s[..n]), want, "{s}");
    }
}

#[test]
fn unsure_names_after_role_words() {
    let cases = [
        ("王秀英冒雨赶来", Some("王秀英")),
        ("王海挤进人群", Some("王海挤")),
        // A boundary, a word after the name, a title: `name_after` decides.
        ("王秀英", None),
        ("王秀英。", None),
        ("王海参加", None),
        ("王海在家", None),
        ("王秀老人", None),
        // Compound surnames, and what is no name.
        ("欧阳明华冒雨", None),
        ("全体居民", None),
        ("于是大家", None),
    ];
    for (s, want) in cases {
        assert_eq!(unsure_name_after(s).map(|n| &s[..n]), want, "{s}");
    }
}

#[test]
fn unsure_names_are_confirmed_by_the_drafts_clear_names() {
    let mention = |name: &str| Mention {
        span: Span::empty(0),
        name: name.to_owned(),
        cue: "居民",
        deputy: false,
        age: None,
        source: MentionSource::Text,
        block: 0,
    };
    let confirmed = |clear: &[&str], unsure: &str| {
        let clear: Vec<Mention> = clear.iter().map(|n| mention(n)).collect();
        !lengths::confirmed(&clear, vec![mention(unsure)]).is_empty()
    };
    assert!(confirmed(&["王秀芳"], "王秀英"), "last character, a name's");
    assert!(confirmed(&["王秀英"], "王兰英"), "middle character");
    assert!(confirmed(&["王秀英"], "王秀英"), "the same name");
    assert!(!confirmed(&["王海涛"], "王海挤"), "挤 ends no name");
    assert!(!confirmed(&["王海涛", "王海"], "王海涛"), "王海 is a name");
    assert!(!confirmed(&["李秀芳"], "王秀英"), "another surname");
    assert!(!confirmed(&["王建国"], "王秀英"), "nothing shared");
    assert!(!confirmed(&["王秀芳华"], "王秀英"), "another length");
    assert!(!confirmed(&[], "王秀英"));
}

#[test]
fn names_before_titles() {
    let cases = [
        ("看望了王秀英", Some("王秀英")),
        ("为李海", Some("李海")),
        ("社区居民王秀英", Some("王秀英")),
        ("这位", None),
    ];
    for (s, want) in cases {
        assert_eq!(name_before(s).map(|i| &s[i..]), want, "{s}");
    }
}

/// A SplitMix64 stream, for texts that are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// Texts packed with the cue words, pieces of them and other characters, so that words
/// overlap, nest and sit side by side.
fn cue_texts() -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for word in BEFORE_NAME
        .iter()
        .chain(&AFTER_NAME)
        .chain(&NOT_NAME_STARTS)
        .chain(&COMPOUND)
    {
        pieces.push((*word).to_owned());
        pieces.extend(word.chars().map(String::from));
    }
    pieces.extend(["王", "秀", "，", "a", "说", " "].map(String::from));
    let mut rng = Rng(7);
    (0..3000)
        .map(|_| {
            let n = 1 + rng.below(12);
            (0..n)
                .map(|_| pieces[rng.below(pieces.len())].as_str())
                .collect()
        })
        .collect()
}

#[test]
fn words_are_found_as_a_leftmost_longest_automaton_finds_them() {
    use aho_corasick::{AhoCorasick, MatchKind};
    fn check<const N: usize>(list: [&'static str; N], texts: &[String]) {
        let words = Words::new(list);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(list)
            .unwrap();
        for text in texts {
            let mut from = 0;
            let got: Vec<(usize, &str)> = text
                .char_indices()
                .filter_map(|(i, c)| words.match_at(text, i, c, &mut from).map(|w| (i, w)))
                .collect();
            let want: Vec<(usize, &str)> = automaton
                .find_iter(text)
                .map(|m| (m.start(), &text[m.range()]))
                .collect();
            assert_eq!(got, want, "{text}");
            assert_eq!(
                words.opens(text),
                list.iter().any(|w| text.starts_with(w)),
                "{text}"
            );
            assert_eq!(
                words.closes(text),
                list.iter().any(|w| text.ends_with(w)),
                "{text}"
            );
        }
    }
    let texts = cue_texts();
    check(BEFORE_NAME, &texts);
    check(AFTER_NAME, &texts);
    check(NOT_NAME_STARTS, &texts);
    check(COMPOUND, &texts);
    check(FOLLOWER_WORDS, &texts);
}

#[test]
fn cue_starts_hold_every_cue_word_start() {
    for word in BEFORE_NAME.iter().chain(&AFTER_NAME) {
        assert!(CUE_STARTS.contains(word.chars().next().unwrap()), "{word}");
    }
}

/// `occurrences` against the search it replaced: one leftmost-longest search per segment.
fn check_occurrences(names: &[&str], text: &str) {
    use crate::document::{parse, DraftKind};
    use crate::text::FewWords;

    let draft = parse(text, DraftKind::Markdown);
    assert!(!draft.masked.is_empty());
    let input = Input::undated(text, &draft, crate::recognise::Newsroom::default());
    let mentions: Vec<Mention> = names
        .iter()
        .map(|name| Mention {
            span: Span::empty(0),
            name: (*name).to_owned(),
            cue: "居民",
            deputy: false,
            age: None,
            source: MentionSource::Text,
            block: 0,
        })
        .collect();
    let mut sorted = names.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let finder = FewWords::new(sorted.iter().copied());
    let mut want: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    let mut sentence = 0;
    for block in draft.blocks.iter().filter(|b| b.kind != BlockKind::Other) {
        sentence += 1;
        for segment in block.lines.iter().flat_map(|l| draft.unmasked(*l)) {
            let body = &text[segment.range()];
            let mut last = 0;
            for m in finder.find_iter(body) {
                sentence += sentence_ends(&body[last..m.start]);
                last = m.start;
                want.entry(sorted[m.word].to_owned())
                    .or_default()
                    .push(Occurrence {
                        span: Span::new(
                            segment.start + m.start as u32,
                            segment.start + m.end as u32,
                        ),
                        sentence,
                    });
            }
            sentence += sentence_ends(&body[last..]);
        }
    }
    assert!(want.values().map(Vec::len).sum::<usize>() > 5, "{want:?}");
    assert_eq!(occurrences(&input, &mentions), want);
}

#[test]
fn occurrences_are_found_leftmost_longest_in_each_segment() {
    // Names that overlap themselves and each other, across lines, paragraphs, sentences
    // and masked code.
    let text =
        "甲乙甲乙甲。王海涛说王海\n乙甲乙甲乙！海涛王海\n\n甲乙甲甲乙甲？王海涛涛\n海涛。乙甲\n\n\
                甲乙`甲乙`甲乙甲，王海`王`海涛。乙甲乙";
    let names = ["甲乙甲", "乙甲", "甲乙", "王海", "王海涛", "海涛", "王海"];
    check_occurrences(&names, text);
    // Names opening with characters outside the common block: a foreign name in a
    // credit, a rare character, an empty name.
    let text = "Tom Lee和王海。㐂明说，Tom\n\n王海Tom㐂明`Tom`海涛！";
    check_occurrences(&["Tom", "Tom Lee", "㐂明", "王海", "海涛", ""], text);
    // Sentence enders inside names, and opening one, count where they are printed.
    let text = "王。海说王海！王。海`。`王海？\n？王。王海。？王\n\n王海！王。海";
    check_occurrences(&["王。海", "王海", "海"], text);
    check_occurrences(&["王。海", "王海", "？王"], text);
}
