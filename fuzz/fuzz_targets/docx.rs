//! The Word reader on hostile input: malformed zip archives, XML bombs, huge and lying
//! entries. The first byte chooses what the rest is: the archive itself, or XML that is
//! packed into a well-formed archive as the main document (or as the main document and its
//! footnotes, cut at the first `0xFF`), so that the fuzzer reaches the WordprocessingML
//! reader as well as the zip layer.
//!
//! Nothing may panic or exhaust memory (run with `-rss_limit_mb`), and what is read keeps
//! its promises: one paragraph per line, each quiet span one whole paragraph, in order, and
//! the draft parser takes the text.
#![no_main]

use std::io::{Cursor, Write};

use jiaodui::text::read_docx;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let packed;
    let bytes = match mode % 3 {
        0 => rest,
        1 => {
            packed = pack(&[("word/document.xml", rest)], mode & 0x80 != 0);
            &packed[..]
        }
        _ => {
            let cut = rest.iter().position(|&b| b == 0xFF).unwrap_or(rest.len());
            let notes = rest.get(cut + 1..).unwrap_or_default();
            packed = pack(
                &[("word/document.xml", &rest[..cut]), ("word/footnotes.xml", notes)],
                mode & 0x80 != 0,
            );
            &packed[..]
        }
    };
    let Ok(word) = read_docx(Cursor::new(bytes)) else { return };
    let text = &word.text;
    assert!(text.is_empty() || text.ends_with('\n'), "the last paragraph has its line end");
    let mut last_end = 0;
    for span in &word.quiet {
        let paragraph = text.get(span.range()).expect("a quiet span slices the text");
        assert!(!paragraph.contains('\n'), "a quiet span is one paragraph: {span:?}");
        assert!(span.start >= last_end && !span.is_empty(), "quiet spans are sorted: {span:?}");
        let starts_line = span.start == 0 || text.as_bytes()[span.start as usize - 1] == b'\n';
        let ends_line = text.as_bytes().get(span.end as usize) == Some(&b'\n');
        assert!(starts_line && ends_line, "a quiet span is a whole line: {span:?}");
        last_end = span.end;
    }
    let draft = jiaodui::document::parse_paragraphs(text, &word.quiet);
    for block in &draft.blocks {
        assert!(text.get(block.span.range()).is_some());
        assert!(!text[block.span.range()].contains('\n'), "a block is one paragraph");
    }
});

/// A zip archive holding `parts`, stored or deflated.
fn pack(parts: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let method = if deflate { CompressionMethod::Deflated } else { CompressionMethod::Stored };
    let options = SimpleFileOptions::default().compression_method(method);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
