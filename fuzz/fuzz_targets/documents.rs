//! The language server's document store: any sequence of incremental edits, in UTF-8 or
//! UTF-16 positions, leaves the same text as applying them to a plain string; and the range
//! the incremental checker re-checks covers everything the edits changed.
#![no_main]

use arbitrary::Arbitrary;
use jiaodui::lsp::fuzzing::{edit, Change};
use jiaodui::text::PositionEncoding;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/lsp_reference.rs"]
mod lsp_reference;
use lsp_reference::reference;

#[derive(Debug, Arbitrary)]
struct Input {
    utf16: bool,
    text: String,
    notifications: Vec<Vec<(Option<((u8, u16), (u8, u16))>, String)>>,
}

fuzz_target!(|input: Input| {
    let encoding = if input.utf16 { PositionEncoding::Utf16 } else { PositionEncoding::Utf8 };
    let notifications: Vec<Vec<Change>> = input
        .notifications
        .iter()
        .map(|changes| {
            changes
                .iter()
                .map(|(range, text)| Change {
                    range: range.map(|((a, b), (c, d))| ((a as u32, b as u32), (c as u32, d as u32))),
                    text: text.clone(),
                })
                .collect()
        })
        .collect();
    if notifications.iter().map(Vec::len).sum::<usize>() > 2000 {
        return;
    }
    let outcome = edit(&input.text, &notifications, encoding);
    let expected = reference(&input.text, &notifications, encoding);
    assert_eq!(outcome.text, expected, "the store and a plain string disagree");
    if let Some((start, old_end, new_end)) = outcome.covering {
        let (old, new) = (input.text.as_bytes(), outcome.text.as_bytes());
        let (start, old_end, new_end) = (start as usize, old_end as usize, new_end as usize);
        assert!(start <= old_end && old_end <= old.len() && start <= new_end && new_end <= new.len());
        assert_eq!(old[..start], new[..start], "a byte before the covering range changed");
        assert_eq!(old[old_end..], new[new_end..], "a byte after the covering range changed");
    }
});
