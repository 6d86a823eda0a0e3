//! Re-checking only the articles an edit touched (and one neighbour each side), so that a
//! one-character edit in a 1 MB page meets the latency budget. Rules that compare articles
//! see only that window, so the result is provisional: a full check follows once typing
//! pauses. See ARCHITECTURE.md, "The language server".

use std::sync::Arc;

use ls_types as lsp;

use super::analysis::Analysed;
use super::convert::{self, Positions};
use super::documents::Snapshot;
use super::rendered::Rendered;
use super::workspace::Resolved;
use crate::lint::{self, Analysis};
use crate::text::PositionEncoding;

/// Pages smaller than this are always checked whole: it costs less than the bookkeeping.
pub(crate) const MIN_CHUNKED_BYTES: usize = 4 * 1024;

/// One edit, as bytes of the text before it: `start..old_end` became `start..new_end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EditRange {
    pub start: u32,
    pub old_end: u32,
    pub new_end: u32,
}

impl EditRange {
    /// The single range covering `self` followed by `next` (which is in the coordinates of
    /// the text after `self`).
    fn then(self, next: EditRange) -> EditRange {
        let start = self.start.min(next.start);
        // Bytes of `next`'s replaced range that lie past `self`'s new text were untouched by
        // `self`, so they map back into the old text one to one.
        let old_end = self.old_end + next.old_end.saturating_sub(self.new_end);
        let new_end_before_next = self.new_end.max(next.old_end);
        let new_end = (new_end_before_next + next.new_end) - next.old_end;
        EditRange {
            start,
            old_end: old_end.max(start),
            new_end: new_end.max(start),
        }
    }
}

/// The one range covering `edits` applied in order, in the coordinates of the text before
/// the first and after the last: everything outside it is unchanged. `None` for no edits.
pub(crate) fn covering(edits: &[EditRange]) -> Option<EditRange> {
    edits.iter().copied().reduce(EditRange::then)
}

/// A piece of the page checked on its own.
#[derive(Clone, Debug)]
struct Chunk {
    /// Where the chunk starts in the text of `Chunks::version`.
    start: u32,
    len: u32,
    /// The line it starts on in that text, and the line breaks in it.
    line: u32,
    breaks: u32,
    /// The line it started on when its findings were found; they keep those lines.
    found_line: u32,
    /// Its findings, serialised.
    rendered: Arc<Rendered>,
}

/// A page cut into chunks, for one version of its text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Chunks {
    version: i32,
    generation: u64,
    chunks: Vec<Chunk>,
}

impl Chunks {
    /// Cuts a fully analysed page into chunks. `None` when the page must always be checked
    /// whole (small, or page-wide settings such as a front-matter date or reporter or a
    /// suppression comment, which a chunk would not see).
    pub fn from_analysed(analysed: &Analysed) -> Option<Chunks> {
        let analysis = analysed.analysis.as_ref()?;
        let text = &analysed.text;
        let articles = analysis.draft.articles.len();
        if text.len() < MIN_CHUNKED_BYTES || articles < 2 || !chunkable(analysis) {
            return None;
        }
        Some(Chunks {
            version: analysed.version,
            generation: analysed.generation,
            chunks: split(analysis, text, 0, 0, &analysed.diagnostics),
        })
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    /// Brings the chunks to `page`, re-checking only the window that `edits` (every edit from
    /// `self.version` to the page's version, in order) touched; `None` when that cannot be
    /// done (check whole). On success `self` describes the page; see [`Chunks::render`] for
    /// its findings.
    pub fn update(
        &mut self,
        page: &Snapshot,
        edits: &[EditRange],
        resolved: &Resolved,
        encoding: PositionEncoding,
        today: jiff::civil::Date,
    ) -> Option<()> {
        let (text, version) = (&page.rope, page.version);
        if resolved.generation != self.generation
            || self.chunks.is_empty()
            || version < self.version
        {
            return None;
        }
        let Some(dirty) = covering(edits) else {
            // Nothing changed since these chunks were made.
            return (version == self.version).then_some(());
        };
        let old_len: u32 = self.chunks.iter().map(|c| c.len).sum();
        let delta = dirty.new_end as i64 - dirty.old_end as i64;
        let new_len = old_len as i64 + delta;
        if new_len != text.len_bytes() as i64 || dirty.old_end > old_len {
            return None;
        }
        // The chunks the edit touches (an edit at a cut touches both sides), one more each way.
        let first = self
            .chunks
            .iter()
            .position(|c| c.start + c.len >= dirty.start)
            .unwrap_or(self.chunks.len() - 1);
        let last = self
            .chunks
            .iter()
            .rposition(|c| c.start <= dirty.old_end)
            .unwrap_or(first)
            .max(first);
        let lo = first.saturating_sub(1);
        let hi = (last + 1).min(self.chunks.len() - 1);
        let window_start = self.chunks[lo].start;
        let window_line = self.chunks[lo].line;
        let window_old_end = self.chunks[hi].start + self.chunks[hi].len;
        let window_old_breaks: u32 = self.chunks[lo..=hi].iter().map(|c| c.breaks).sum();
        let window_end = (window_old_end as i64 + delta) as u32;
        let window = String::from(text.get_byte_slice(window_start as usize..window_end as usize)?);
        let analysis = lint::analyse(&window, page.path.as_deref(), &resolved.config, today);
        if !chunkable(&analysis) {
            return None;
        }
        // The window's findings are at window offsets: positions and slices add its start.
        let mut at = Positions::new(text, encoding);
        at.base = window_start;
        let converted: Vec<lsp::Diagnostic> = (analysis.diagnostics.iter())
            .map(|d| convert::diagnostic(d, &at, &page.uri, Some(version)))
            .collect();
        let middle = split(&analysis, &window, window_start, window_line, &converted);
        let window_breaks: u32 = middle.iter().map(|c| c.breaks).sum();
        let line_delta = window_breaks as i64 - window_old_breaks as i64;
        for c in &mut self.chunks[hi + 1..] {
            c.start = (c.start as i64 + delta) as u32;
            c.line = (c.line as i64 + line_delta) as u32;
        }
        self.chunks.splice(lo..=hi, middle);
        self.version = version;
        Some(())
    }

    /// Every chunk's findings, moved to where the chunk now is and carrying `self`'s
    /// version, as the members of one JSON array.
    pub fn render(&self) -> String {
        let size: usize = self.chunks.iter().map(|c| c.rendered.len() + 1).sum();
        let mut out = String::with_capacity(size + size / 8);
        for chunk in &self.chunks {
            if chunk.rendered.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(',');
            }
            let line_delta = chunk.line as i64 - chunk.found_line as i64;
            chunk.rendered.write(&mut out, line_delta, self.version);
        }
        out
    }
}

/// Page-wide settings a chunk would not see: a suppression comment (it may reach to the end
/// of the page), a front-matter issue date or a front matter's reporters (whom every
/// missing byline's fix credits).
fn chunkable(analysis: &Analysis) -> bool {
    let front = &analysis.draft.front_matter;
    analysis.draft.suppressions.is_empty() && front.date.is_none() && front.reporters.is_empty()
}

/// Chunks of `text` (which starts at offset `base` and line `line` of the page): one from its
/// start and one from every article that opens with a headline, each with the findings that
/// start in it, serialised; `converted` are the analysis's findings (at page offsets) as
/// protocol diagnostics, one for one.
fn split(
    analysis: &Analysis,
    text: &str,
    base: u32,
    mut line: u32,
    converted: &[lsp::Diagnostic],
) -> Vec<Chunk> {
    let len = text.len() as u32;
    let headlines = (analysis.draft.articles.iter()).filter(|a| a.headline.is_some());
    let mut starts: Vec<u32> = headlines
        .map(|a| a.span.start)
        .filter(|&s| s < len)
        .chain([0])
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut buckets: Vec<Vec<&lsp::Diagnostic>> = vec![Vec::new(); starts.len()];
    for (d, converted) in analysis.diagnostics.iter().zip(converted) {
        let i = (starts.partition_point(|&start| start <= d.span.start)).saturating_sub(1);
        buckets[i].push(converted);
    }
    let ends = starts.iter().skip(1).copied().chain([len]);
    (starts.iter().zip(ends).zip(buckets))
        .map(|((&from, to), diagnostics)| {
            let piece = text.get(from as usize..to as usize).unwrap_or_default();
            let breaks = memchr::memchr_iter(b'\n', piece.as_bytes()).count() as u32;
            let chunk = Chunk {
                start: base + from,
                len: to - from,
                line,
                breaks,
                found_line: line,
                rendered: Arc::new(Rendered::new(diagnostics)),
            };
            line += breaks;
            chunk
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved() -> Resolved {
        let config = Arc::new(crate::config::LoadedConfig::defaults(".".into()));
        Resolved {
            config,
            file: None,
            generation: 0,
        }
    }

    fn page(text: &str, version: i32) -> Snapshot {
        let uri = "file:///page.txt".parse().unwrap();
        let rope = ropey::Rope::from_str(text);
        Snapshot {
            uri,
            version,
            rope,
            path: None,
        }
    }

    /// A full analysis of `text`, as the server makes it.
    fn full(text: &str, version: i32) -> Analysed {
        let today = jiff::civil::date(2024, 6, 10);
        let page = page(text, version);
        crate::lsp::analysis::analyse(&page, resolved(), PositionEncoding::Utf16, today)
    }

    /// After edits that keep, add and remove lines, re-using the serialised findings of
    /// untouched articles gives byte for byte what the server would send after a full
    /// analysis.
    #[test]
    fn chunked_findings_match_a_full_analysis() {
        let article = "平城区新开街道推进老旧小区改造\n\n本报讯（记者 王海）8日，新开街道启动改造工程,涉及居民1,000户。\n\n居民在新建的健身广场锻炼\n\n";
        let mut text = article.repeat(60);
        let today = jiff::civil::date(2024, 6, 10);
        let first = full(&text, 1);
        let mut chunks = Chunks::from_analysed(&first).unwrap();
        assert_eq!(chunks.render(), first.findings().json);
        // Edits as (start, end, text), positions as fractions of the current text.
        type At = fn(usize) -> (usize, usize);
        let edits: [(At, &str); 6] = [
            (|len| (len / 2, len / 2 + 3), ","),
            (|_| (10, 10), "。"),
            (|len| (len / 3, len / 3), "\n\n新段落，有逗号,在这里。\n"),
            (|len| (len / 4, len / 4 + 200), ""),
            (|len| (len / 5, len / 5), "𠮷\r\n"),
            (|len| (len - 1, len), ""),
        ];
        let resolved = resolved();
        for (i, &(at, insert)) in edits.iter().enumerate() {
            let (a, b) = at(text.len());
            let mut a = a;
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = b.max(a);
            while !text.is_char_boundary(b) {
                b += 1;
            }
            text.replace_range(a..b, insert);
            let new_end = (a + insert.len()) as u32;
            let range = EditRange {
                start: a as u32,
                old_end: b as u32,
                new_end,
            };
            let version = i as i32 + 2;
            let page = page(&text, version);
            (chunks.update(&page, &[range], &resolved, PositionEncoding::Utf16, today))
                .expect("chunked");
            assert_eq!(
                chunks.render(),
                full(&text, version).findings().json,
                "after edit {i}"
            );
        }
    }
}
