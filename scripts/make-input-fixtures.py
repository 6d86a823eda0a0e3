#!/usr/bin/env python3
"""Writes the Word and UTF-16 drafts the tests read, from the example page.

    scripts/make-input-fixtures.py        # rewrites tests/fixtures/inputs/

The Word drafts are written the way Word writes them: runs split where the script changes
between Chinese and Latin text and at revision marks, first-line indentation as paragraph
properties or as typed ideographic spaces, proofing and bookmark marks between runs, tracked
changes with author and date, and the package parts Word expects ([Content_Types].xml,
relationships, styles, settings). Only the standard library is used; the output is
deterministic, so running the script again changes nothing.

- 2023-03-15-社区版.docx: the paragraphs of examples/2023-03-15-社区版.txt (one paragraph per
  non-blank line), with a tracked insertion that is part of the text and a tracked deletion
  that is not. Checked, it gives the findings of the .txt.
- 2023-03-15-版面.docx: what a Word page holds beyond paragraphs: a table, a text box (as
  Word writes it, a drawing with a VML fallback), a footnote, a line break, a field.
- utf16le-crlf.txt, utf16be.txt: a page typed with a half-width input method, saved by
  Notepad as "Unicode" (UTF-16LE with BOM, CRLF) and "Unicode big endian".

It also writes the seeds of the `docx` fuzz target (fuzz/corpus/docx/): the first byte
chooses what the rest is (see fuzz/fuzz_targets/docx.rs). Besides the two drafts, a
decompression bomb, an entry that declares itself huge, an entity bomb, an encrypted
document's header, and bare XML for the fuzzer to mutate.
"""

import os
import re
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "inputs")
EXAMPLE = os.path.join(ROOT, "examples", "2023-03-15-社区版.txt")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = " ".join(
    [
        'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
        'xmlns:o="urn:schemas-microsoft-com:office:office"',
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
        'xmlns:v="urn:schemas-microsoft-com:vml"',
        'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"',
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
        'xmlns:w10="urn:schemas-microsoft-com:office:word"',
        f'xmlns:w="{W}"',
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
        'mc:Ignorable="w14 wp14"',
    ]
)
DATE = "2023-03-14T21:30:00Z"
# A fixed time for every zip entry, so that the archives are the same on every run.
ZIP_TIME = (2023, 3, 15, 8, 0, 0)


def run(text, latin=False):
    """One run as Word writes it: East Asian font hint on Chinese text, space preserved."""
    props = "" if latin else '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{props}<w:t{space}>{escape(text)}</w:t></w:r>"


def runs(text):
    """Text split into runs where it changes between Chinese and Latin script, with a
    proofing mark before each Latin run, as Word leaves them."""
    out = []
    for piece in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        latin = piece.isascii()
        if latin:
            out.append('<w:proofErr w:type="spellStart"/>')
        out.append(run(piece, latin))
        if latin:
            out.append('<w:proofErr w:type="spellEnd"/>')
    return "".join(out)


def paragraph(content, indent=False, rsid="00A31F2C"):
    props = '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr>' if indent else ""
    return f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}">{props}{content}</w:p>'


def example_paragraphs():
    with open(EXAMPLE, encoding="utf-8") as f:
        return [line for line in f.read().split("\n") if line.strip()]


def page_body():
    """The example page: typed indentation in the first half, paragraph indentation after."""
    body = []
    paragraphs = example_paragraphs()
    for i, text in enumerate(paragraphs):
        typed_indent = i < len(paragraphs) // 2
        indented = text.startswith("\u3000\u3000")
        if indented and not typed_indent:
            text = text[2:]
        content = runs(text)
        if i == 2:
            # A bookmark Word keeps where the cursor was, and a tracked change: an insertion
            # that is part of the text, a deletion that is not.
            head, tail = text[:6], text[6:]
            content = (
                '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
                + runs(head[:-2])
                + f'<w:ins w:id="1" w:author="值班编辑" w:date="{DATE}">{run(head[-2:])}</w:ins>'
                + f'<w:del w:id="2" w:author="值班编辑" w:date="{DATE}">'
                + '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:delText>已经删去的话</w:delText></w:r></w:del>'
                + runs(tail)
            )
        body.append(paragraph(content, indent=indented and not typed_indent))
    return "".join(body)


def cell(text, width=2400):
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f"{paragraph(runs(text))}</w:tc>"
    )


def layout_body():
    """A page with a table, a text box, a footnote reference, a line break and a field."""
    textbox = (
        '<w:txbxContent>'
        + paragraph(runs("链接"))
        + paragraph(runs("新开街道今年计划改造老旧小区12个,涉及居民1,000户。"))
        + "</w:txbxContent>"
    )
    drawing = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:extent cx="2286000" cy="914400"/>'
        '<wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:txbx>{textbox}</wps:txbx>"
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        '</mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" type="#_x0000_t202">'
        f"<v:textbox>{textbox}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/>'
        '<w:gridCol w:w="1800"/></w:tblGrid>'
        f'<w:tr>{cell("时间")}{cell("地点")}{cell("活动")}{cell("备注")}</w:tr>'
        f'<w:tr>{cell("3月14日（星期三）")}{cell("红旗社区")}{cell("义诊,量血压")}'
        f'{cell("为辖区老人免费测量血压，提供用药咨询")}</w:tr>'
        f'<w:tr>{cell("3月15日")}{cell("新开街道")}{cell("法律咨询")}'
        f'{cell("请携带身份证、户口簿")}</w:tr>'
        "</w:tbl>"
    )
    footnote_ref = (
        '<w:r><w:rPr><w:rStyle w:val="a5"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return "".join(
        [
            paragraph(runs("新开街道 开展便民服务周活动")),
            paragraph(
                runs("本报讯（记者 王海）3月14日，新开街道启动便民服务周，活动安排如下。")
                + drawing,
                indent=True,
            ),
            table,
            paragraph(
                runs("居民李秀英说：“在家门口就能看病，")
                + '<w:r><w:br/></w:r>'
                + runs("真方便。”")
                + footnote_ref,
                indent=True,
            ),
            paragraph(runs("（第") + field + runs("版）")),
        ]
    )


def footnotes():
    return (
        f'<w:footnotes {NAMESPACES}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="a4"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="a5"/></w:rPr><w:footnoteRef/></w:r>'
        + run(" 便民服务周自2023-3-13起举办")
        + "</w:p></w:footnote></w:footnotes>"
    )


def document(body):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        f"<w:document {NAMESPACES}><w:body>{body}"
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" '
        'w:footer="992" w:gutter="0"/><w:cols w:space="425"/>'
        '<w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>'
    )


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    "{footnotes}"
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
FOOTNOTES_TYPE = (
    '<Override PartName="/word/footnotes.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def document_rels(with_footnotes):
    footnote = (
        f'<Relationship Id="rId4" Type="{REL}/footnotes" Target="footnotes.xml"/>'
        if with_footnotes
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/settings" Target="settings.xml"/>'
        f"{footnote}</Relationships>"
    )


STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
    '<w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
    "</w:rPr></w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style></w:styles>'
)
SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    f'<w:settings xmlns:w="{W}"><w:trackRevisions/><w:defaultTabStop w:val="420"/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/></w:settings>'
)
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>王海</dc:creator></cp:coreProperties>'
)


def write_docx(name, body, notes=None):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES.format(footnotes=FOOTNOTES_TYPE if notes else "")),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", CORE),
        ("word/document.xml", document(body)),
        ("word/_rels/document.xml.rels", document_rels(notes is not None)),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
    ]
    if notes:
        parts.append(("word/footnotes.xml", notes))
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as archive:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


HALF_WIDTH_PAGE = (
    "新开街道 推进老旧小区改造\r\n"
    "\r\n"
    "\u3000\u3000本报讯（记者 王海）3月14日（星期二）,新开街道启动老旧小区改造;改造涉及12个小区(共1,000户)。\r\n"
    "\r\n"
    "\u3000\u3000居民们说,这下好了。\U00020BB7字不在基本平面。\r\n"
)


def zip_bytes(parts, method=zipfile.ZIP_DEFLATED):
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method, compresslevel=9) as archive:
        for part, data in parts:
            info = zipfile.ZipInfo(part, date_time=ZIP_TIME)
            info.compress_type = method
            archive.writestr(info, data)
    return buffer.getvalue()


def write_fuzz_seeds():
    seeds = os.path.join(ROOT, "fuzz", "corpus", "docx")
    os.makedirs(seeds, exist_ok=True)
    raw, packed, packed_with_notes = b"\x00", b"\x01", b"\x02"
    layout = document(layout_body()).encode("utf-8")
    # Past the ratio allowance (4 MiB) at about a thousandfold, under the smoke run's
    # 8 KiB inputs.
    bomb = zip_bytes([("word/document.xml", document("<w:p/>" * 800_000).encode("utf-8"))])
    # Stored, with the uncompressed size in both headers raised to 1 GB.
    small = document(paragraph(runs("字"))).encode("utf-8")
    huge = bytearray(zip_bytes([("word/document.xml", small)], zipfile.ZIP_STORED))
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        offset = huge.index(signature) + at
        huge[offset : offset + 4] = (1 << 30).to_bytes(4, "little")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>'
    ).encode("utf-8")
    compound = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    files = {
        "seed-page": raw + open(os.path.join(OUT, "2023-03-15-社区版.docx"), "rb").read(),
        "seed-layout": raw + open(os.path.join(OUT, "2023-03-15-版面.docx"), "rb").read(),
        "seed-bomb": raw + bomb,
        "seed-declared-huge": raw + bytes(huge),
        "seed-compound": raw + compound,
        "seed-laughs": packed + laughs,
        "seed-xml": packed + layout,
        "seed-xml-deflated": bytes([0x81]) + layout,
        "seed-notes": packed_with_notes + layout + b"\xff" + footnotes().encode("utf-8"),
    }
    for name, data in files.items():
        with open(os.path.join(seeds, name), "wb") as f:
            f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    write_docx("2023-03-15-社区版.docx", page_body())
    write_docx("2023-03-15-版面.docx", layout_body(), footnotes())
    with open(os.path.join(OUT, "utf16le-crlf.txt"), "wb") as f:
        f.write(b"\xff\xfe" + HALF_WIDTH_PAGE.encode("utf-16-le"))
    with open(os.path.join(OUT, "utf16be.txt"), "wb") as f:
        f.write(b"\xfe\xff" + HALF_WIDTH_PAGE.replace("\r\n", "\n").encode("utf-16-be"))
    write_fuzz_seeds()


if __name__ == "__main__":
    main()
