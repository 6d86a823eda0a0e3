//! Any set of fixes applied to any text: no panic; the fixes chosen never overlap and are
//! applied whole; every fix left out is unusable or overlaps a chosen one; and the output is
//! the text with exactly the chosen edits spliced in — everything else byte for byte.
#![no_main]

use arbitrary::Arbitrary;
use jiaodui::fix::{apply_edits_once, is_applicable, select_fixes, splice, Edit, Fix};
use jiaodui::text::Span;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    fixes: Vec<(bool, Vec<(u16, u16, String)>)>,
}

fuzz_target!(|input: Input| {
    let text = &input.text;
    let fixes: Vec<Fix> = input
        .fixes
        .iter()
        .filter_map(|(safe, edits)| {
            let edits = edits
                .iter()
                .map(|(a, b, r)| Edit::replace(Span::new((*a).min(*b) as u32, (*a).max(*b) as u32), r.clone()))
                .collect();
            if *safe { Fix::safe("f", edits) } else { Fix::suggested("f", edits) }
        })
        .collect();
    for fix in &fixes {
        for pair in fix.edits.windows(2) {
            assert!(!pair[0].span.overlaps(pair[1].span), "a fix was built with overlapping edits");
        }
    }
    let chosen = select_fixes(text, fixes.iter());
    for (i, a) in chosen.iter().enumerate() {
        assert!(is_applicable(text, a));
        for b in &chosen[i + 1..] {
            for x in &a.edits {
                for y in &b.edits {
                    assert!(!x.span.overlaps(y.span) && !(x.span.is_empty() && x.span == y.span), "chosen fixes overlap");
                }
            }
        }
    }
    for fix in &fixes {
        let taken = chosen.iter().any(|c| std::ptr::eq(*c, fix));
        if !taken && is_applicable(text, fix) && !fix.is_noop(text) {
            let blocked = chosen.iter().any(|c| c.edits.iter().any(|x| fix.edits.iter().any(|y| x.span.overlaps(y.span) || x.span == y.span)) || {
                let (a, b) = (c.span(), fix.span());
                a.overlaps(b) || (a.start < b.end && b.start < a.end) || (a.is_empty() && a == b)
            });
            assert!(blocked, "an applicable fix was left out without a clash");
        }
    }
    let mut edits: Vec<&Edit> = chosen.iter().flat_map(|f| f.edits.iter()).collect();
    edits.sort();
    let (out, applied) = apply_edits_once(text, fixes.iter());
    assert_eq!(applied, chosen.len());
    assert_eq!(out, splice(text, &edits));
});
