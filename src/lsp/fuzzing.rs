//! The document store without the protocol, for the `documents` fuzz target and the property
//! tests: open a text, apply `didChange` notifications, read back the text and the range the
//! incremental checker believes the edits touched (the oracle is tests/common/lsp_reference.rs);
//! convert an offset to a client position and back. Not a stable API.

use std::str::FromStr;

use ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use super::convert::Positions;
use super::documents::DocumentStore;
use super::incremental;
use crate::text::PositionEncoding;

/// One content change: a range as `((line, column), (line, column))` in the negotiated
/// encoding, or `None` for the whole text.
#[derive(Clone, Debug)]
pub struct Change {
    pub range: Option<((u32, u32), (u32, u32))>,
    pub text: String,
}

/// What the store holds after the edits.
#[derive(Debug)]
pub struct Outcome {
    /// The document's text after every notification was applied.
    pub text: String,
    /// The byte range `start..old_end` of the opening text that the edits replaced with
    /// `start..new_end` of the final text, as the incremental checker computes it.
    pub covering: Option<(u32, u32, u32)>,
}

/// Opens `text` in a fresh store and applies each notification (a batch of changes) as one
/// `didChange` with the next version.
pub fn edit(text: &str, notifications: &[Vec<Change>], encoding: PositionEncoding) -> Outcome {
    let store = DocumentStore::default();
    let uri = Uri::from_str("file:///fuzz/page.txt").expect("a valid URI");
    store.open(uri.clone(), 0, text);
    for (version, changes) in (1..).zip(notifications) {
        let position = |(line, column)| Position::new(line, column);
        let event = |change: &Change| TextDocumentContentChangeEvent {
            range: (change.range).map(|(a, b)| Range::new(position(a), position(b))),
            range_length: None,
            text: change.text.clone(),
        };
        let changes: Vec<_> = changes.iter().map(event).collect();
        store
            .change(&uri, version, &changes, encoding)
            .expect("a newer version of an open document is applied");
    }
    let snapshot = store.snapshot(&uri).expect("the document is open");
    let edits: Vec<_> = store
        .lock()
        .get(&uri)
        .map(|document| document.edit_log.iter().map(|(_, e)| *e).collect())
        .unwrap_or_default();
    Outcome {
        text: String::from(&snapshot.rope),
        covering: incremental::covering(&edits).map(|e| (e.start, e.old_end, e.new_end)),
    }
}

/// A byte offset of `text` as the server gives it to a client (line, column in `encoding`),
/// and the offset that position maps back to.
pub fn round_trip(text: &str, offset: u32, encoding: PositionEncoding) -> ((u32, u32), u32) {
    let rope = ropey::Rope::from_str(text);
    let at = Positions::new(&rope, encoding);
    let position = at.position(offset);
    ((position.line, position.character), at.offset(position))
}
