//! Open documents: a rope per document, its version, and the last analysis. Only the main
//! loop edits them; analysis works on an immutable [`Snapshot`].

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use ls_types::{TextDocumentContentChangeEvent, Uri};
use ropey::Rope;

use super::convert::Positions;
use super::incremental::EditRange;
use crate::text::PositionEncoding;

/// One open document.
#[derive(Default)]
pub(crate) struct Document {
    pub rope: Rope,
    pub version: i32,
    /// The file behind the document, for `file:` URIs.
    pub path: Option<PathBuf>,
    /// The newest full analysis; may belong to an older version or configuration.
    pub analysis: Option<Arc<super::analysis::Analysed>>,
    /// The page cut into chunks, for re-checking only what edits touch.
    pub chunks: Option<super::incremental::Chunks>,
    /// Recent edits, each with the version it produced, oldest first.
    pub edit_log: Vec<(i32, EditRange)>,
    /// Every edit that produced a version above this one is in `edit_log`.
    pub log_floor: i32,
    /// The diagnostics last computed for the client (chunked or full), for pulls and
    /// publishing.
    pub findings: Option<Arc<super::analysis::Findings>>,
    /// Serialises publishing for this document, and remembers what was published last
    /// (version, configuration generation, exact), so an older result never overwrites a
    /// newer one.
    pub published: Arc<Mutex<Option<(i32, u64, bool)>>>,
    /// Held while the document is checked whole, so that requests arriving meanwhile wait
    /// for that check and share its result instead of each running their own.
    pub analysing: Arc<Mutex<()>>,
}

impl Document {
    /// Keeps a full analysis if it is of the current version and newer than the one kept,
    /// and cuts the page into chunks for later edits.
    pub fn remember_analysis(&mut self, analysed: &Arc<super::analysis::Analysed>) {
        let key = |a: &super::analysis::Analysed| (a.version, a.generation);
        let newer = self
            .analysis
            .as_deref()
            .is_none_or(|old| key(old) < key(analysed));
        if self.version != analysed.version || !newer {
            return;
        }
        self.analysis = Some(analysed.clone());
        self.chunks = super::incremental::Chunks::from_analysed(analysed);
        if self.chunks.is_some() {
            self.edit_log.clear();
            self.log_floor = analysed.version;
        }
    }

    /// Keeps chunks brought to a newer version, and forgets the edits they include.
    pub fn advance_chunks(&mut self, chunks: super::incremental::Chunks) {
        if self
            .chunks
            .as_ref()
            .is_some_and(|c| c.version() < chunks.version())
        {
            let base = chunks.version();
            self.edit_log.retain(|(v, _)| *v > base);
            self.log_floor = base;
            self.chunks = Some(chunks);
        }
    }
}

/// An immutable view of one version of a document (its rope is a cheap clone).
#[derive(Clone)]
pub(crate) struct Snapshot {
    pub uri: Uri,
    pub version: i32,
    pub rope: Rope,
    pub path: Option<PathBuf>,
}

/// Most edits remembered per document; older ones are forgotten (a full check follows).
const MAX_LOGGED_EDITS: usize = 4096;

#[derive(Default)]
pub(crate) struct DocumentStore {
    documents: Mutex<HashMap<Uri, Document>>,
}

impl DocumentStore {
    pub fn lock(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        super::server::lock(&self.documents)
    }

    /// Opens (or replaces) a document.
    pub fn open(&self, uri: Uri, version: i32, text: &str) {
        let (rope, path) = (Rope::from_str(text), file_path(&uri));
        let document = Document {
            rope,
            version,
            path,
            log_floor: version,
            ..Document::default()
        };
        self.lock().insert(uri, document);
    }

    /// Forgets a document.
    pub fn close(&self, uri: &Uri) {
        self.lock().remove(uri);
    }

    /// Applies one `didChange` notification's changes, in order, and moves the document to
    /// `version`.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: PositionEncoding,
    ) -> Result<(), String> {
        let mut documents = self.lock();
        let Some(document) = documents.get_mut(uri) else {
            return Err("change to a document that is not open".into());
        };
        if version <= document.version {
            let current = document.version;
            return Err(format!(
                "stale change ignored: version {version} is not newer than {current}"
            ));
        }
        for change in changes {
            let edit = apply_change(&mut document.rope, change, encoding);
            document.edit_log.push((version, edit));
        }
        if document.edit_log.len() > MAX_LOGGED_EDITS {
            let dropped = document.edit_log.len() - MAX_LOGGED_EDITS / 2;
            document.log_floor = document.edit_log[dropped - 1].0;
            document.edit_log.drain(..dropped);
        }
        document.version = version;
        Ok(())
    }

    /// The current version of a document.
    pub fn snapshot(&self, uri: &Uri) -> Option<Snapshot> {
        let documents = self.lock();
        let doc = documents.get(uri)?;
        let (uri, version, rope, path) =
            (uri.clone(), doc.version, doc.rope.clone(), doc.path.clone());
        Some(Snapshot {
            uri,
            version,
            rope,
            path,
        })
    }

    pub fn version(&self, uri: &Uri) -> Option<i32> {
        self.lock().get(uri).map(|d| d.version)
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.lock().keys().cloned().collect()
    }
}

/// The local path of a `file:` URI.
pub(crate) fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

/// Applies one content change to the rope and returns the bytes it replaced. Positions past
/// the end are clamped; a reversed range is put in order. Never panics.
fn apply_change(
    rope: &mut Rope,
    change: &TextDocumentContentChangeEvent,
    encoding: PositionEncoding,
) -> EditRange {
    let Some(range) = change.range else {
        let old_len = rope.len_bytes() as u32;
        *rope = Rope::from_str(&change.text);
        return EditRange {
            start: 0,
            old_end: old_len,
            new_end: change.text.len() as u32,
        };
    };
    let bytes = Positions::new(rope, encoding).span(range);
    let start = rope.byte_to_char(bytes.start as usize);
    let end = rope.byte_to_char(bytes.end as usize);
    if start < end {
        rope.remove(start..end);
    }
    if !change.text.is_empty() {
        rope.insert(start, &change.text);
    }
    EditRange {
        start: bytes.start,
        old_end: bytes.end,
        new_end: bytes.start + change.text.len() as u32,
    }
}
