//! How often a village the gazetteer lacks would be taken for a slip: each of a seeded
//! sample of built-in villages is taken out of the table (the recogniser's `hidden`), written
//! under its real county and town as papers write it (`平城区新旺街道福寓苑社区`), and the
//! recogniser asked whether it is a likely slip for a sibling. Every such finding would be a
//! false alarm on a new village, so the rate is printed and bounded above.

use super::{recognise_without, Places};
use crate::document::{parse, DraftKind};
use crate::gazetteer::{Gazetteer, VillageId, Villages};
use crate::recognise::{Input, Newsroom};

/// The recogniser's reading of `text`, with `hidden` taken out of the village table.
fn read(g: &Gazetteer, text: &str, hidden: Option<VillageId>) -> Places {
    let draft = parse(text, DraftKind::Text);
    let input = Input {
        text,
        draft: &draft,
        issue_date: None,
        gazetteer: g,
        newsroom: Newsroom::default(),
    };
    recognise_without(&input, hidden, &[])
}

/// A seeded sample of `count` villages that are no quasi-units, spread over the table.
pub(crate) fn sample_villages(count: usize, seed: u64) -> Vec<VillageId> {
    let v = Villages::builtin();
    let mut state = seed;
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        // xorshift64*: a fixed sequence, the same on every machine.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let id = (r % v.len() as u64) as VillageId;
        if !v.get(id).statistical && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[test]
fn a_village_the_table_lacks_is_seldom_taken_for_a_slip() {
    let g = Gazetteer::builtin();
    let v = Villages::builtin();
    let sample = sample_villages(10_000, 0x6A69_616F_6475_6931);
    let (mut slips, mut written) = (0, 0);
    for &id in &sample {
        let town = v.town(id);
        let Some(county) = g.parent(town) else {
            continue;
        };
        let name = v.name(id);
        let text = format!(
            "{}{}{}开展活动。",
            g.place(county).name,
            g.place(town).name,
            name
        );
        written += 1;
        let places = read(g, &text, Some(id));
        let at = text.find(&name).expect("the village is written") as u32;
        if places.slips.iter().any(|s| s.span.start == at) {
            slips += 1;
        }
    }
    let rate = slips as f64 / written as f64;
    println!(
        "new villages taken for a slip under their town and county: {slips} of {written} \
         ({:.2} %)",
        rate * 100.0
    );
    assert!(written >= 10_000 - 10, "{written}");
    assert!(rate < 0.005, "{slips} of {written}");
    // Under the county alone the siblings are all the county's villages: more of them look
    // alike. A fifth of the sample.
    let (mut slips, mut written) = (0, 0);
    for &id in sample.iter().step_by(5) {
        let Some(county) = g.parent(v.town(id)) else {
            continue;
        };
        let name = v.name(id);
        let text = format!("{}{}开展活动。", g.place(county).name, name);
        written += 1;
        let at = text.find(&name).expect("the village is written") as u32;
        if read(g, &text, Some(id))
            .slips
            .iter()
            .any(|s| s.span.start == at)
        {
            slips += 1;
        }
    }
    let rate = slips as f64 / written as f64;
    println!(
        "new villages taken for a slip under their county: {slips} of {written} ({:.2} %)",
        rate * 100.0
    );
    assert!(rate < 0.02, "{slips} of {written}");
    // Named in the sentence after its town, with a word run into it (`来自…`, `在…`), as
    // copy names a village once the story has placed it: the recogniser cuts the word off
    // and compares what is left with the article's places. A fifth of the sample.
    let (mut slips, mut written) = (0, 0);
    for &id in sample.iter().skip(2).step_by(5) {
        let town = v.town(id);
        let Some(county) = g.parent(town) else {
            continue;
        };
        let name = v.name(id);
        let (county, town) = (&g.place(county).name, &g.place(town).name);
        let text = format!("{county}{town}开展活动。居民来自{name}。");
        written += 1;
        let at = text.find(&name).expect("the village is written") as u32;
        if read(g, &text, Some(id))
            .slips
            .iter()
            .any(|s| s.span.end > at)
        {
            slips += 1;
        }
    }
    let rate = slips as f64 / written as f64;
    println!(
        "new villages taken for a slip after a word, in their town's story: {slips} of \
         {written} ({:.2} %)",
        rate * 100.0
    );
    // 8 of 2,000 when written: the town is a scope, but not the name's written parent.
    assert!(rate < 0.008, "{slips} of {written}");
}

#[test]
fn a_village_in_the_table_is_no_slip_and_its_slip_is() {
    let g = Gazetteer::builtin();
    let text = "平城区福富苑社区、新旺街道福寓苑社区";
    let places = read(g, text, None);
    let slips: Vec<&str> = places.slips.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(slips, ["福富苑社区"]);
    assert_eq!(places.slips[0].right, "福寓苑社区");
    let villages: Vec<&str> = places.villages.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(villages, ["福寓苑社区"]);
    // Taken out of the table, the right name is no slip of anything either.
    let id = Villages::builtin().named("福寓苑社区")[0];
    let places = read(g, "新旺街道福寓苑社区", Some(id));
    assert!(places.slips.is_empty(), "{:?}", places.slips);
    assert!(places.villages.is_empty());
}
