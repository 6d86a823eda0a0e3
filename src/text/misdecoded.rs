//! Text a draft became when an editor decoded it wrongly: a GB18030 draft read as Latin-1
//! (or Windows 1252), which turns every Chinese character into two letters such as `Æ½³Ç`,
//! or read as UTF-8, which turns them into `�`. Both faces ask this before checking a text:
//! such a text is reported as what it is, never checked as if it were a clean draft.

use super::is_han;

/// How a text was decoded wrongly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Misdecoded {
    /// Read as UTF-8: the Chinese characters became U+FFFD and are lost.
    Lost,
    /// Read as Latin-1 or Windows 1252; `sample` is the start of the first non-blank line of
    /// the text as it should read (the letters back to their bytes, decoded as GB18030).
    Latin1 { sample: String },
}

/// Only the head of a text is looked at: a page shows what it is long before this.
const HEAD_BYTES: usize = 64 * 1024;

/// Whether `text` looks like a GB18030 draft decoded wrongly. Such a text has many `�` or
/// many Latin-1 letters, and few or no Chinese characters; in the Latin-1 case the letters,
/// read back as bytes, must also decode as GB18030 text that is mostly Chinese, so that
/// French or German text, or a Chinese draft with a few accented names, is never taken for
/// it.
pub fn misdecoded(text: &str) -> Option<Misdecoded> {
    let mut head = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let head = &text[..head];
    // Most drafts have neither: a Latin-1 letter is a `C2` or `C3` byte in UTF-8, `�` an
    // `EF BF BD`, found far faster than characters are counted.
    let bytes = head.as_bytes();
    if memchr::memchr2_iter(0xC2, 0xC3, bytes).nth(7).is_none()
        && memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes())
            .nth(7)
            .is_none()
    {
        return None;
    }
    let (mut latin, mut lost, mut han) = (0, 0, 0);
    for ch in head.chars() {
        match ch {
            '\u{80}'..='\u{FF}' => latin += 1,
            '\u{FFFD}' => lost += 1,
            _ if is_han(ch) => han += 1,
            _ => {}
        }
    }
    if lost >= 8 && han * 10 <= lost {
        return Some(Misdecoded::Lost);
    }
    if latin < 8 || han * 10 > latin {
        return None;
    }
    // The letters back to the bytes they were read from.
    let mut bytes = Vec::with_capacity(head.len());
    for ch in head.chars() {
        match ch as u32 {
            0..=0xFF => bytes.push(ch as u8),
            _ => {
                let mut utf8 = [0; 4];
                let (byte, _, unmappable) =
                    encoding_rs::WINDOWS_1252.encode(ch.encode_utf8(&mut utf8));
                if unmappable || byte.len() != 1 {
                    return None;
                }
                bytes.push(byte[0]);
            }
        }
    }
    let (decoded, _) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
    let decoded_han = decoded.chars().filter(|&c| is_han(c)).count();
    let broken = decoded.chars().filter(|&c| c == '\u{FFFD}').count();
    if decoded_han * 3 < latin || broken * 20 > decoded_han {
        return None;
    }
    let sample: String = (decoded.lines().map(str::trim))
        .find(|l| !l.is_empty())?
        .chars()
        .take(16)
        .collect();
    Some(Misdecoded::Latin1 { sample })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "平城区新开街道推进老旧小区改造\n\n本报讯（记者 王海）8日，社区举办读书会。\n";

    fn as_latin1(text: &str) -> String {
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        bytes.iter().map(|&b| b as char).collect()
    }

    #[test]
    fn gb18030_read_as_latin1_is_found_with_its_first_line() {
        let found = misdecoded(&as_latin1(PAGE));
        let sample = "平城区新开街道推进老旧小区改造".to_owned();
        assert_eq!(found, Some(Misdecoded::Latin1 { sample }));
    }

    #[test]
    fn gb18030_read_as_utf8_is_found() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(PAGE);
        assert_eq!(
            misdecoded(&String::from_utf8_lossy(&bytes)),
            Some(Misdecoded::Lost)
        );
    }

    #[test]
    fn clean_text_is_not_misdecoded() {
        let texts = [
            PAGE.to_owned(),
            "Société générale, Ça va très bien à Zürich, Größe, Straße, Ärger, Öl.\n".repeat(6),
            "Le café de la rue Saint-Honoré, à côté du théâtre, ouvre à l'été.\n".repeat(5),
            format!("{PAGE}记者采访了法国歌手 Zoé Clément、Chloé Bénédicte 和 Renée Gérard。\n"),
            String::new(),
        ];
        for text in texts {
            assert_eq!(misdecoded(&text), None, "{text}");
        }
    }
}
