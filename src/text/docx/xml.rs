//! WordprocessingML parts read as a stream of XML events into paragraphs.
//!
//! Only what Word shows as the draft's text is kept: `w:t` inside paragraphs, tabs, line
//! breaks and non-breaking hyphens; inserted text of tracked changes (`w:ins`, `w:moveTo`)
//! is read like any other, while deleted text (`w:del`, `w:moveFrom`, `w:delText`) is left
//! out, and a paragraph whose mark was deleted runs on into the next one. Field codes
//! (`w:instrText`), phonetic guides (`w:rt`), properties and separator notes are skipped. A
//! text box's paragraphs (`w:txbxContent`, found inside a drawing) follow the paragraph that
//! holds the drawing, and of the alternatives Word writes for one drawing (`mc:Choice`,
//! `mc:Fallback`) only the first is read, so a text box is read once.
//!
//! Elements are matched by namespace, not by prefix; both the transitional and the strict
//! WordprocessingML namespaces are known.

use std::io::BufRead;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::{WordError, WordText};
use crate::text::Span;

const WORDML: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MARKUP_COMPATIBILITY: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Deepest nesting of elements read; Word's deepest (a table in a text box in a table) is a
/// few dozen levels.
const MAX_DEPTH: usize = 1000;

/// Namespaces declared at once; a Word 365 document declares about forty on its root.
const MAX_NAMESPACE_BINDINGS: usize = 512;

/// The paragraphs read so far, as [`WordText`] takes them, with the text limit.
pub(super) struct Collector {
    out: WordText,
    max_text: usize,
    /// Bytes in paragraphs still open or waiting behind their host paragraph.
    pending: usize,
    /// The last paragraph's mark was deleted: the next paragraph continues its line.
    join_next: bool,
    line_start: usize,
    line_quiet: bool,
}

impl Collector {
    pub(super) fn new(max_text: usize) -> Collector {
        Collector {
            out: WordText::default(),
            max_text,
            pending: 0,
            join_next: false,
            line_start: 0,
            line_quiet: false,
        }
    }

    pub(super) fn finish(self) -> WordText {
        self.out
    }

    /// Counts `bytes` more of text, failing past the limit.
    fn reserve(&mut self, bytes: usize) -> Result<(), WordError> {
        self.pending += bytes;
        if self.out.text.len() + self.pending > self.max_text {
            return Err(WordError::TooLarge(format!(
                "文字超过 {} MB",
                self.max_text >> 20
            )));
        }
        Ok(())
    }

    /// Appends a finished paragraph as a line.
    fn paragraph(&mut self, paragraph: Finished) {
        self.pending = self.pending.saturating_sub(paragraph.text.len());
        let text = &mut self.out.text;
        let (start, quiet) = if self.join_next {
            text.pop();
            (self.line_start, self.line_quiet)
        } else {
            (text.len(), paragraph.quiet)
        };
        text.push_str(&paragraph.text);
        let end = text.len();
        text.push('\n');
        if quiet && end > start {
            let span = Span::from_range(start..end);
            match self.out.quiet.last_mut() {
                Some(last) if last.start as usize == start => *last = span,
                _ => self.out.quiet.push(span),
            }
        }
        self.line_start = start;
        self.line_quiet = quiet;
        self.join_next = paragraph.mark_deleted;
    }
}

/// A paragraph being read.
struct Open {
    text: String,
    quiet: bool,
    mark_deleted: bool,
    /// Paragraphs of text boxes inside this one, in order, to follow it.
    boxed: Vec<Finished>,
}

struct Finished {
    text: String,
    quiet: bool,
    mark_deleted: bool,
}

/// Reads the paragraphs of one part into `out`; `quiet` for notes.
pub(super) fn paragraphs(
    source: impl BufRead,
    quiet: bool,
    out: &mut Collector,
) -> Result<(), WordError> {
    let mut reader = NsReader::from_reader(source);
    reader.config_mut().expand_empty_elements = true;
    reader
        .resolver_mut()
        .set_max_namespace_bindings(MAX_NAMESPACE_BINDINGS);
    let mut walk = Walk {
        out,
        notes: quiet,
        depth: 0,
        skip: 0,
        watch_mark: false,
        in_text: false,
        cells: 0,
        alternates: Vec::new(),
        open: Vec::new(),
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (namespace, event) = reader.read_resolved_event_into(&mut buf).map_err(corrupt)?;
        let ns = Ns::of(&namespace);
        match event {
            Event::Start(start) => walk.start(ns, &start)?,
            Event::End(end) => walk.end(ns, end.local_name().as_ref()),
            Event::Text(text) => walk.text(&text.xml10_content())?,
            Event::CData(text) => walk.text(&text.xml10_content())?,
            Event::GeneralRef(reference) => walk.reference(&reference)?,
            // Word never writes a document type declaration; refusing one leaves entity
            // declarations, and so entity expansion, no way in.
            Event::DocType(_) => return Err(WordError::Corrupt("XML 含有 DOCTYPE 声明".into())),
            Event::Eof => break,
            _ => {}
        }
    }
    if walk.depth != 0 {
        return Err(WordError::Corrupt("XML 不完整".into()));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    Word,
    Compatibility,
    Other,
}

impl Ns {
    fn of(resolved: &ResolveResult<'_>) -> Ns {
        match resolved {
            ResolveResult::Bound(ns) if WORDML.contains(&ns.0) => Ns::Word,
            ResolveResult::Bound(ns) if ns.0 == MARKUP_COMPATIBILITY => Ns::Compatibility,
            _ => Ns::Other,
        }
    }
}

struct Walk<'a> {
    out: &'a mut Collector,
    /// Reading footnotes or endnotes.
    notes: bool,
    depth: usize,
    /// Depth inside a subtree being skipped; 0 when reading.
    skip: usize,
    /// Skipping paragraph properties: a deletion mark inside deletes the paragraph mark.
    watch_mark: bool,
    in_text: bool,
    /// Table cells open around the current element.
    cells: usize,
    /// For each open `mc:AlternateContent`, whether one of its branches was read.
    alternates: Vec<bool>,
    open: Vec<Open>,
}

impl Walk<'_> {
    fn start(&mut self, ns: Ns, start: &BytesStart<'_>) -> Result<(), WordError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(WordError::Corrupt("XML 嵌套过深".into()));
        }
        let local = start.local_name();
        let local = local.as_ref();
        if self.skip > 0 {
            self.skip += 1;
            if self.watch_mark && ns == Ns::Word && matches!(local, "del" | "moveFrom") {
                if let Some(paragraph) = self.open.last_mut() {
                    paragraph.mark_deleted = true;
                }
            }
            return Ok(());
        }
        match ns {
            Ns::Word => self.word_start(local, start),
            Ns::Compatibility => {
                self.compatibility_start(local);
                Ok(())
            }
            Ns::Other => Ok(()),
        }
    }

    fn word_start(&mut self, local: &str, start: &BytesStart<'_>) -> Result<(), WordError> {
        match local {
            "p" => self.open.push(Open {
                text: String::new(),
                quiet: self.notes || self.cells > 0,
                mark_deleted: false,
                boxed: Vec::new(),
            }),
            "pPr" => {
                self.skip = 1;
                self.watch_mark = true;
            }
            "t" => self.in_text = true,
            "tab" | "ptab" => self.push("\t")?,
            "br" | "cr" => self.push("\u{2028}")?,
            // Shown as a hyphen; a date range written with one is a finding.
            "noBreakHyphen" => self.push("-")?,
            "tc" => self.cells += 1,
            "footnote" | "endnote" if is_separator(start) => self.skip = 1,
            // Properties, deleted and moved-away text, field codes, phonetic guides above
            // the text (`w:rt`; the base text is read), form-field data.
            "rPr" | "sectPr" | "tblPr" | "tblPrEx" | "tblGrid" | "trPr" | "tcPr" | "sdtPr"
            | "sdtEndPr" | "customXmlPr" | "smartTagPr" | "del" | "moveFrom" | "delText"
            | "instrText" | "delInstrText" | "rt" | "rubyPr" | "fldData" | "ffData" => {
                self.skip = 1
            }
            _ => {}
        }
        Ok(())
    }

    fn compatibility_start(&mut self, local: &str) {
        match local {
            "AlternateContent" => self.alternates.push(false),
            "Choice" | "Fallback" => match self.alternates.last_mut() {
                Some(taken) if *taken => self.skip = 1,
                Some(taken) => *taken = true,
                None => {}
            },
            _ => {}
        }
    }

    fn end(&mut self, ns: Ns, local: &str) {
        self.depth = self.depth.saturating_sub(1);
        if self.skip > 0 {
            self.skip -= 1;
            if self.skip == 0 {
                self.watch_mark = false;
            }
            return;
        }
        match (ns, local) {
            (Ns::Word, "p") => self.end_paragraph(),
            (Ns::Word, "t") => self.in_text = false,
            (Ns::Word, "tc") => self.cells = self.cells.saturating_sub(1),
            (Ns::Compatibility, "AlternateContent") => {
                self.alternates.pop();
            }
            _ => {}
        }
    }

    /// A paragraph inside a text box waits for the paragraph holding the box; any other
    /// becomes a line, followed by the text boxes it holds.
    fn end_paragraph(&mut self) {
        let Some(paragraph) = self.open.pop() else {
            return;
        };
        let finished = Finished {
            text: paragraph.text,
            quiet: paragraph.quiet,
            mark_deleted: paragraph.mark_deleted,
        };
        match self.open.last_mut() {
            Some(host) => {
                host.boxed.push(finished);
                host.boxed.extend(paragraph.boxed);
            }
            None => {
                self.out.paragraph(finished);
                for boxed in paragraph.boxed {
                    self.out.paragraph(boxed);
                }
            }
        }
    }

    fn text(&mut self, text: &str) -> Result<(), WordError> {
        if !self.in_text || self.skip > 0 || self.open.is_empty() {
            return Ok(());
        }
        if !text.bytes().any(|b| b < b' ') {
            return self.push(text);
        }
        // A line ending inside a paragraph would break the one-paragraph-per-line text; XML
        // allows no other control characters, and what slips through is not text.
        let cleaned: String = text
            .chars()
            .filter_map(|ch| match ch {
                '\n' | '\r' => Some(' '),
                '\t' => Some('\t'),
                ch if ch < ' ' => None,
                ch => Some(ch),
            })
            .collect();
        self.push(&cleaned)
    }

    /// `&amp;` and the other four, and character references; any other entity is not
    /// declared (no DTD is read) and makes the XML ill-formed.
    fn reference(&mut self, reference: &BytesRef<'_>) -> Result<(), WordError> {
        if !self.in_text || self.skip > 0 || self.open.is_empty() {
            return Ok(());
        }
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(ch)) => self.text(ch.encode_utf8(&mut [0; 4])),
                _ => Err(WordError::Corrupt(format!(
                    "无效的字符引用 &{};",
                    &**reference
                ))),
            };
        }
        match quick_xml::escape::resolve_predefined_entity(reference) {
            Some(text) => self.push(text),
            None => Err(WordError::Corrupt(format!(
                "未声明的实体 &{};",
                truncate(reference, 40)
            ))),
        }
    }

    fn push(&mut self, text: &str) -> Result<(), WordError> {
        let Some(paragraph) = self.open.last_mut() else {
            return Ok(());
        };
        paragraph.text.push_str(text);
        self.out.reserve(text.len())
    }
}

/// A note that only separates notes from the body (`w:type="separator"`, …): not text.
fn is_separator(start: &BytesStart<'_>) -> bool {
    start.attributes().flatten().any(|attr| {
        attr.key.local_name().as_ref() == "type"
            && matches!(
                &*attr.value,
                "separator" | "continuationSeparator" | "continuationNotice"
            )
    })
}

fn truncate(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(i, _)| &text[..i])
}

fn corrupt(err: quick_xml::Error) -> WordError {
    match err {
        // The bounded reader's refusal, or the archive's: reported by the caller.
        quick_xml::Error::Io(err) => WordError::Corrupt(format!("解压失败：{err}")),
        other => WordError::Corrupt(format!("XML：{other}")),
    }
}

/// The `(Type, Target)` of each relationship in a `.rels` part, leaving out external ones
/// (hyperlinks).
pub(super) fn relationships(source: impl BufRead) -> Result<Vec<(String, String)>, WordError> {
    let mut reader = quick_xml::Reader::from_reader(source);
    let mut buf = Vec::new();
    let mut found = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(corrupt)? {
            Event::Start(element) | Event::Empty(element)
                if element.local_name().as_ref() == "Relationship" =>
            {
                let (mut kind, mut target, mut external) = (None, None, false);
                for attr in element.attributes().flatten() {
                    let Ok(value) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    else {
                        continue;
                    };
                    let value = value.into_owned();
                    match attr.key.local_name().as_ref() {
                        "Type" => kind = Some(value),
                        "Target" => target = Some(value),
                        "TargetMode" => external = value == "External",
                        _ => {}
                    }
                }
                if let (Some(kind), Some(target), false) = (kind, target, external) {
                    found.push((kind, target));
                }
            }
            Event::DocType(_) => return Err(WordError::Corrupt("XML 含有 DOCTYPE 声明".into())),
            Event::Eof => break,
            _ => {}
        }
        // A package has a handful of relationships; thousands are not a package.
        if found.len() > 10_000 {
            break;
        }
    }
    Ok(found)
}
