//! Numerals as dates are written: full-width digits, Chinese digits for years (`二〇二三`)
//! and Chinese numbers for months, days and hours (`十二`, `二十三`).

/// The value of a full-width digit `０`…`９`.
pub(crate) fn fullwidth_digit(ch: char) -> Option<u32> {
    ('０'..='９').contains(&ch).then(|| ch as u32 - '０' as u32)
}

/// The value of a Chinese digit as used in a year written digit by digit (`二〇二三`):
/// `〇`/`零` are 0 and `一`…`九` their values. Look-alikes (`○`, Latin `O`, digit `0`) are
/// [`chinese_year_digit`]'s business.
pub(crate) fn chinese_digit(ch: char) -> Option<u32> {
    Some(match ch {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A digit of a Chinese-numeral year, accepting the slips print makes for `〇`: the geometric
/// circle `○`, Latin `O`/`o`, the digit `0` (half- or full-width) and `零`, which writes the
/// zero of a number read out, not a digit of a year (GB/T 15835-2011 4.3). The flag is true
/// for a slip.
pub(crate) fn chinese_year_digit(ch: char) -> Option<(u32, bool)> {
    match ch {
        '○' | 'O' | 'o' | '0' | '０' | 'Ｏ' | '零' => Some((0, true)),
        _ => chinese_digit(ch).map(|d| (d, false)),
    }
}

/// True for the characters of Chinese numbers: digits, `〇`, `零`, `十`, `两`.
pub(crate) fn is_chinese_numeral(ch: char) -> bool {
    chinese_digit(ch).is_some() || ch == '十' || ch == '两'
}

/// The value of a Chinese number below 100 as months, days and hours are written: `十` 10,
/// `十四` 14, `二十` 20, `二十三` 23, `三十一` 31, and a single digit. `None` for anything
/// else (`一四`, `十十`).
pub(crate) fn chinese_number(text: &str) -> Option<u32> {
    let mut chars = ['\0'; 3];
    let mut len = 0;
    for c in text.chars() {
        if len == 3 {
            return None;
        }
        chars[len] = c;
        len += 1;
    }
    let digit = |c: char| {
        chinese_digit(c)
            .filter(|&d| d > 0)
            .or((c == '两').then_some(2))
    };
    match &chars[..len] {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10).filter(|&v| v > 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?).filter(|&v| v > 20),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十四"), Some(14));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("二十三"), Some(23));
        assert_eq!(chinese_number("三十一"), Some(31));
        assert_eq!(chinese_number("六"), Some(6));
        assert_eq!(chinese_number("一四"), None);
        assert_eq!(chinese_number("一十"), None);
        assert_eq!(chinese_number(""), None);
        assert_eq!(fullwidth_digit('５'), Some(5));
        assert_eq!(chinese_year_digit('○'), Some((0, true)));
        assert_eq!(chinese_year_digit('〇'), Some((0, false)));
        assert_eq!(chinese_year_digit('零'), Some((0, true)));
    }
}
