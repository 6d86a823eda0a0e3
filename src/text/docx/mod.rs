//! The text of a Word draft (`.docx`): its paragraphs, one per line, read from the zip
//! archive and the WordprocessingML inside it; never written back.
//!
//! A `.docx` is a zip archive of XML parts. The main document (found through the package's
//! relationships, usually `word/document.xml`) gives the body's paragraphs, tables and text
//! boxes; `footnotes.xml` and `endnotes.xml` give the notes, which follow the body. What a
//! reporter sees in Word is what is read: inserted text of tracked changes is kept, deleted
//! text dropped, field codes and phonetic guides left out (`xml`).
//!
//! The archive comes from outside and may be hostile, so everything is bounded: a part that
//! says or turns out to be larger than [`WordLimits::part_bytes`] once decompressed, or that
//! decompresses to more than [`WordLimits::ratio`] times its compressed size (past
//! [`WordLimits::ratio_allowance`]), is refused, and so is a text larger than [`WordLimits::text_bytes`]. Parts are
//! parsed as a stream, never held whole; XML with a document type declaration is refused and
//! no entity other than XML's five and character references is expanded, so entity bombs
//! have nothing to expand.
//!
//! This module knows nothing of drafts: it returns text and the spans of the paragraphs that
//! are table cells or notes, and says nothing of what they mean.

mod xml;

use std::fmt;
use std::io::{self, BufReader, Read, Seek, SeekFrom};

use zip::result::ZipError;
use zip::ZipArchive;

use crate::text::Span;

/// What a Word draft holds, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordText {
    /// One paragraph per line, each ended by `\n`, in reading order: the body (each text
    /// box's paragraphs right after the paragraph holding it), then footnotes, then endnotes.
    /// A line break inside a paragraph (`w:br`, `w:cr`) is U+2028 LINE SEPARATOR, so that
    /// line `n` of the text is paragraph `n` of the document.
    pub text: String,
    /// The paragraphs inside table cells and notes, in order: text, not part of an article.
    pub quiet: Vec<Span>,
}

/// How much of a Word draft is read before it is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordLimits {
    /// Largest part, decompressed, in bytes.
    pub part_bytes: u64,
    /// Largest ratio of decompressed to compressed size, past `ratio_allowance` bytes.
    pub ratio: u64,
    /// Bytes any part may decompress to whatever its ratio: small parts of repetitive XML
    /// (a table of empty cells) compress far better than prose.
    pub ratio_allowance: u64,
    /// Largest text, in bytes of UTF-8.
    pub text_bytes: usize,
}

impl Default for WordLimits {
    /// Far above any page of a newspaper — a page's `document.xml` is some hundreds of KB
    /// and compresses about tenfold — and far below what would exhaust memory or time.
    fn default() -> WordLimits {
        WordLimits {
            part_bytes: 64 << 20,
            ratio: 250,
            ratio_allowance: 4 << 20,
            text_bytes: 8 << 20,
        }
    }
}

/// Why a Word draft could not be read.
#[derive(Debug)]
pub enum WordError {
    /// Password-protected: Word stores such a file as an OLE compound file (as it stores a
    /// `.doc`), or the zip entries are encrypted.
    Encrypted,
    /// Not a zip archive, a damaged one, or damaged XML; the detail says what.
    Corrupt(String),
    /// A zip archive without a main document: not a Word document.
    NotWord,
    /// A part or the text over a limit (see [`WordLimits`]); the detail says which.
    TooLarge(String),
    /// The file could not be read.
    Io(io::Error),
}

impl fmt::Display for WordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordError::Encrypted => f.write_str(
                "Word 文档设有打开密码（已加密）或是改了扩展名的旧版 .doc，无法读取；\
                 请在 Word 中取消密码、另存为 .docx 后再检查",
            ),
            WordError::Corrupt(detail) => {
                write!(f, "不是有效的 Word 文档（.docx），文件可能已损坏：{detail}")
            }
            WordError::NotWord => {
                f.write_str("压缩包里没有 Word 正文（word/document.xml），不是 Word 文档")
            }
            WordError::TooLarge(detail) => {
                write!(f, "Word 文档超过读取上限，为防解压炸弹不予读取：{detail}")
            }
            WordError::Io(err) => write!(f, "读取失败：{err}"),
        }
    }
}

impl std::error::Error for WordError {}

/// The first bytes of an OLE compound file: a `.doc`, `.wps`, or an encrypted `.docx`.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const MAIN_PART: &str = "word/document.xml";

/// Reads the text of a Word draft with the default limits.
pub fn read_docx<R: Read + Seek>(reader: R) -> Result<WordText, WordError> {
    read_docx_with(reader, &WordLimits::default())
}

/// Reads the text of a Word draft.
pub fn read_docx_with<R: Read + Seek>(
    mut reader: R,
    limits: &WordLimits,
) -> Result<WordText, WordError> {
    let mut magic = [0u8; 8];
    let read = read_up_to(&mut reader, &mut magic).map_err(WordError::Io)?;
    if magic == COMPOUND_FILE {
        return Err(WordError::Encrypted);
    }
    if !magic[..read].starts_with(b"PK") {
        return Err(WordError::Corrupt("不是 zip 压缩包".into()));
    }
    reader.seek(SeekFrom::Start(0)).map_err(WordError::Io)?;
    let mut archive = ZipArchive::new(reader).map_err(zip_error)?;
    let main = main_part(&mut archive, limits).unwrap_or_else(|| MAIN_PART.to_owned());
    let mut out = xml::Collector::new(limits.text_bytes);
    match read_part(&mut archive, &main, false, limits, &mut out) {
        Err(WordError::NotWord) => return Err(WordError::NotWord),
        other => other?,
    }
    for notes in note_parts(&mut archive, &main, limits) {
        // Notes are optional: a relationship to a missing part loses nothing of the body.
        match read_part(&mut archive, &notes, true, limits, &mut out) {
            Err(WordError::NotWord) => {}
            other => other?,
        }
    }
    Ok(out.finish())
}

/// Fills as much of `buf` as the reader has.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(filled)
}

/// The main document part, from the package relationships (`_rels/.rels`).
fn main_part<R: Read + Seek>(archive: &mut ZipArchive<R>, limits: &WordLimits) -> Option<String> {
    relationships(archive, "_rels/.rels", limits)
        .into_iter()
        .find(|(kind, _)| kind.ends_with("/officeDocument"))
        .map(|(_, target)| resolve("", &target))
}

/// The footnotes and endnotes parts of the main part, from its relationships; the usual
/// names when it has none.
fn note_parts<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    main: &str,
    limits: &WordLimits,
) -> Vec<String> {
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels_name = if folder.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{folder}/_rels/{file}.rels")
    };
    let rels = relationships(archive, &rels_name, limits);
    if rels.is_empty() {
        return ["footnotes.xml", "endnotes.xml"]
            .iter()
            .map(|name| resolve(folder, name))
            .collect();
    }
    let mut parts = Vec::new();
    for wanted in ["/footnotes", "/endnotes"] {
        parts.extend(
            rels.iter()
                .filter(|(kind, _)| kind.ends_with(wanted))
                .map(|(_, target)| resolve(folder, target)),
        );
    }
    parts.dedup();
    parts
}

/// The `(Type, Target)` of each internal relationship in a `.rels` part; none when the part
/// is missing or unreadable (the usual part names are tried instead).
fn relationships<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
    limits: &WordLimits,
) -> Vec<(String, String)> {
    let Ok(mut part) = open_part(archive, name, limits) else {
        return Vec::new();
    };
    xml::relationships(BufReader::new(&mut part)).unwrap_or_default()
}

/// A part name from a relationship target: relative to the source part's folder, or to the
/// package root when it starts with `/`; `.` and `..` resolved.
fn resolve(folder: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None if folder.is_empty() => target.to_owned(),
        None => format!("{folder}/{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            _ => segments.push(segment),
        }
    }
    segments.join("/")
}

/// Streams one part through the WordprocessingML reader into `out`. `NotWord` when the
/// archive has no such part.
fn read_part<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
    quiet: bool,
    limits: &WordLimits,
    out: &mut xml::Collector,
) -> Result<(), WordError> {
    let mut part = open_part(archive, name, limits)?;
    let parsed = xml::paragraphs(BufReader::new(&mut part), quiet, out);
    if part.over {
        return Err(WordError::TooLarge(format!(
            "{name} 解压后超过 {} MB 或压缩比超过 {}:1",
            part.max >> 20,
            limits.ratio
        )));
    }
    parsed.map_err(|err| match err {
        WordError::Corrupt(detail) => WordError::Corrupt(format!("{name}：{detail}")),
        other => other,
    })
}

/// Opens a part for reading, bounded by the limits. Part names are matched exactly, else
/// ignoring ASCII case (OPC part names are case-insensitive).
fn open_part<'a, R: Read + Seek>(
    archive: &'a mut ZipArchive<R>,
    name: &str,
    limits: &WordLimits,
) -> Result<Bounded<zip::read::ZipFile<'a, R>>, WordError> {
    let index = archive
        .index_for_name(name)
        .or_else(|| {
            archive
                .file_names_raw()
                .position(|found| found.eq_ignore_ascii_case(name.as_bytes()))
        })
        .ok_or(WordError::NotWord)?;
    let file = archive.by_index(index).map_err(zip_error)?;
    if file.size() > limits.part_bytes {
        return Err(WordError::TooLarge(format!(
            "{name} 声明解压后 {} MB，上限 {} MB",
            file.size() >> 20,
            limits.part_bytes >> 20
        )));
    }
    let by_ratio = file
        .compressed_size()
        .saturating_mul(limits.ratio)
        .saturating_add(limits.ratio_allowance);
    Ok(Bounded {
        max: limits.part_bytes.min(by_ratio),
        inner: file,
        read: 0,
        over: false,
    })
}

fn zip_error(err: ZipError) -> WordError {
    match err {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            WordError::Encrypted
        }
        ZipError::Io(err) if err.kind() != io::ErrorKind::UnexpectedEof => WordError::Io(err),
        other => WordError::Corrupt(format!("压缩包已损坏或不完整（{other}）")),
    }
}

/// A reader that fails once more than `max` bytes have come out of it, and says so in
/// `over`: what a decompressing reader yields is not known until it is read.
struct Bounded<R> {
    inner: R,
    read: u64,
    max: u64,
    over: bool,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.max {
            self.over = true;
            return Err(io::Error::other("part larger than the limit"));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests;
