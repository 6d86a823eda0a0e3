//! Word drafts built in memory, in the shapes Word writes them.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::*;

const NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#
);

/// A zip archive of `parts`, deflated.
fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NAMESPACES}><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

fn read(body: &str) -> WordText {
    read_docx(Cursor::new(archive(&[(
        "word/document.xml",
        &document(body),
    )])))
    .unwrap()
}

fn lines(word: &WordText) -> Vec<&str> {
    word.text.lines().collect()
}

fn quiet(word: &WordText) -> Vec<&str> {
    word.quiet.iter().map(|s| &word.text[s.range()]).collect()
}

#[test]
fn paragraphs_are_lines_and_runs_are_joined() {
    let word = read(concat!(
        r#"<w:p w:rsidR="00A1"><w:pPr><w:ind w:firstLineChars="200"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>"#,
        r#"<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>本报讯（记者</w:t></w:r>"#,
        r#"<w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> 王海）</w:t></w:r>"#,
        r#"<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>8日，</w:t><w:tab/><w:t>社区</w:t>"#,
        r#"<w:br/><w:t>第二行</w:t><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>"#,
        r#"<w:p/>"#,
        r#"<w:p><w:hyperlink r:id="rId9" xmlns:r="urn:r"><w:r><w:t>链接&amp;文字&#x4E2D;</w:t></w:r></w:hyperlink></w:p>"#,
    ));
    assert_eq!(
        word.text,
        "本报讯（记者 王海）8日，\t社区\u{2028}第二行-\n\n链接&文字中\n"
    );
    assert!(word.quiet.is_empty());
}

#[test]
fn tracked_changes_keep_insertions_and_drop_deletions() {
    let word = read(concat!(
        r#"<w:p><w:r><w:t>新开</w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="编辑" w:date="2023-03-14T10:00:00Z"><w:r><w:delText>街道</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="编辑"><w:r><w:t>社区</w:t></w:r></w:ins>"#,
        r#"<w:moveFrom w:id="3"><w:r><w:t>搬走的</w:t></w:r></w:moveFrom>"#,
        r#"<w:moveTo w:id="4"><w:r><w:t>搬来的</w:t></w:r></w:moveTo></w:p>"#,
        // A deleted paragraph mark joins this paragraph to the next.
        r#"<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="编辑"/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>后半句。</w:t></w:r></w:p>"#,
        // A field: the code is not text, the result is.
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy年M月d日" </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2023年3月14日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>"#,
        // Phonetic guide: the base text only.
        r#"<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhǎng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>长</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"#,
    ));
    assert_eq!(
        lines(&word),
        ["新开社区搬来的", "前半句，后半句。", "2023年3月14日3", "长"]
    );
}

#[test]
fn text_boxes_follow_their_paragraph_once() {
    let textbox = |text: &str| {
        format!(
            r#"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p><w:p><w:r><w:t>框二</w:t></w:r></w:p></w:txbxContent>"#
        )
    };
    let body = format!(
        concat!(
            r#"<w:p><w:r><w:t>正文前</w:t></w:r><w:r><mc:AlternateContent>"#,
            r#"<mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>"#,
            r#"<mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback>"#,
            r#"</mc:AlternateContent></w:r><w:r><w:t>正文后</w:t></w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p>"#,
        ),
        textbox("框一"),
        textbox("框一"),
    );
    let word = read(&body);
    assert_eq!(lines(&word), ["正文前正文后", "框一", "框二", "下一段"]);
    // Without a Choice, the Fallback is read.
    let body = format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        textbox("只有")
    );
    assert_eq!(lines(&read(&body)), ["", "只有", "框二"]);
}

#[test]
fn table_cells_and_notes_are_quiet() {
    let cell = |text: &str| {
        format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#
        )
    };
    let body = format!(
        r#"<w:p><w:r><w:t>表前</w:t></w:r></w:p><w:tbl><w:tblPr/><w:tblGrid/><w:tr>{}{}</w:tr><w:tr><w:tc><w:tbl><w:tr>{}</w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl><w:p><w:r><w:t>表后</w:t><w:footnoteReference w:id="1"/></w:r></w:p>"#,
        cell("时间"),
        cell("3月14日(星期二)"),
        cell("嵌套"),
    );
    let footnotes = format!(
        r#"<w:footnotes {NAMESPACES}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>续</w:t></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 注释一。</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>"#;
    let bytes = archive(&[
        ("_rels/.rels", rels),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/document.xml", &document(&body)),
        ("word/footnotes.xml", &footnotes),
    ]);
    let word = read_docx(Cursor::new(bytes)).unwrap();
    assert_eq!(
        lines(&word),
        [
            "表前",
            "时间",
            "3月14日(星期二)",
            "嵌套",
            "",
            "表后",
            " 注释一。"
        ]
    );
    assert_eq!(
        quiet(&word),
        ["时间", "3月14日(星期二)", "嵌套", " 注释一。"]
    );
}

#[test]
fn parts_are_found_through_relationships_and_namespaces_not_prefixes() {
    let strict = r#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>严格格式</x:t></x:r></x:p><w:p xmlns:w="urn:not-word"><w:r><w:t>别的命名空间</w:t></w:r></w:p></x:body></x:document>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/Word/Main.xml"/></Relationships>"#;
    let bytes = archive(&[("_rels/.rels", rels), ("word/main.xml", strict)]);
    let word = read_docx(Cursor::new(bytes)).unwrap();
    assert_eq!(word.text, "严格格式\n");
}

#[test]
fn entity_tricks_are_refused() {
    let bomb = concat!(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"#,
        r#"<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>"#,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = archive(&[("word/document.xml", bomb)]);
    assert!(matches!(
        read_docx(Cursor::new(bytes)),
        Err(WordError::Corrupt(detail)) if detail.contains("DOCTYPE")
    ));
    let undeclared = document(r#"<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>"#);
    let bytes = archive(&[("word/document.xml", &undeclared)]);
    assert!(matches!(
        read_docx(Cursor::new(bytes)),
        Err(WordError::Corrupt(detail)) if detail.contains("&lol;")
    ));
}

#[test]
fn large_parts_bombs_and_long_texts_are_refused() {
    let limits = WordLimits {
        part_bytes: 1 << 20,
        ratio: 20,
        ratio_allowance: 64 << 10,
        text_bytes: 4096,
    };
    // Empty paragraphs compress about a thousandfold.
    let bomb = document(&"<w:p/>".repeat(100_000));
    let bytes = archive(&[("word/document.xml", &bomb)]);
    let err = read_docx_with(Cursor::new(bytes), &limits).unwrap_err();
    assert!(matches!(err, WordError::TooLarge(_)), "{err:?}");
    // Declared larger than a part may be.
    let big = document(&"<w:p><w:r><w:t>字</w:t></w:r></w:p>".repeat(40_000));
    let bytes = archive(&[("word/document.xml", &big)]);
    let err = read_docx_with(Cursor::new(bytes), &limits).unwrap_err();
    assert!(err.to_string().contains("声明解压后"), "{err}");
    // More text than the limit.
    let long = document(&format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        "字".repeat(2000)
    ));
    let bytes = archive(&[("word/document.xml", &long)]);
    let err = read_docx_with(Cursor::new(bytes), &limits).unwrap_err();
    assert!(err.to_string().contains("文字超过"), "{err}");
}

#[test]
fn damaged_encrypted_and_foreign_files_say_what_they_are() {
    let good = archive(&[("word/document.xml", &document("<w:p/>"))]);
    let truncated = &good[..good.len() / 2];
    assert!(matches!(
        read_docx(Cursor::new(truncated)),
        Err(WordError::Corrupt(_))
    ));
    assert!(matches!(
        read_docx(Cursor::new(b"")),
        Err(WordError::Corrupt(_))
    ));
    assert!(matches!(
        read_docx(Cursor::new("纯文本".as_bytes())),
        Err(WordError::Corrupt(_))
    ));
    let mut compound = COMPOUND_FILE.to_vec();
    compound.extend_from_slice(&[0; 504]);
    assert!(matches!(
        read_docx(Cursor::new(compound)),
        Err(WordError::Encrypted)
    ));
    let sheet = archive(&[("xl/workbook.xml", "<workbook/>")]);
    assert!(matches!(
        read_docx(Cursor::new(sheet)),
        Err(WordError::NotWord)
    ));
    // The encryption flag of every entry, in its local and central headers.
    let mut encrypted = good.clone();
    for (signature, flags_at) in [(&b"PK\x03\x04"[..], 6), (&b"PK\x01\x02"[..], 8)] {
        let at = encrypted.windows(4).position(|w| w == signature).unwrap();
        encrypted[at + flags_at] |= 1;
    }
    let err = read_docx(Cursor::new(encrypted)).unwrap_err();
    assert!(matches!(err, WordError::Encrypted), "{err:?}");
    // Damaged XML.
    let broken = archive(&[("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")]);
    assert!(matches!(
        read_docx(Cursor::new(broken)),
        Err(WordError::Corrupt(_))
    ));
}
