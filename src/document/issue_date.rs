//! The issue date of a draft, in this order: front matter `date:`, a date at the start
//! of the file name or of a parent folder's name, the configured date — `check --date`,
//! else `[bulletin] date` — else unknown.

use std::path::Path;

use jiff::civil::Date;

use super::FrontMatter;

/// Resolves the issue date; `None` means rules that need it stay silent.
pub fn resolve_issue_date(
    front: &FrontMatter,
    path: Option<&Path>,
    configured: Option<Date>,
) -> Option<Date> {
    front
        .date
        .as_deref()
        .and_then(front_matter_date)
        .or_else(|| path.and_then(date_from_path))
        .or(configured)
}

/// A front matter's `date:` as people write it: `2024-06-10`, `2024-6-10`, `2024/06/10`,
/// `2024.6.10`, `2024年6月10日`. `None` for anything else, and for a day that does not
/// exist (`2024-02-30`).
pub(crate) fn front_matter_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let text = text.strip_suffix('日').unwrap_or(text);
    let mut numbers = text.split(|c: char| "-/._年月".contains(c));
    let mut next = |longest: usize| -> Option<i16> {
        let part = numbers.next()?;
        let digits = !part.is_empty() && part.len() <= longest;
        (digits && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    if numbers.next().is_some() || !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(year, month as i8, day as i8).ok()
}

/// A `YYYY-MM-DD` or `YYYYMMDD` at the start of the file name or of the nearest parent folder
/// that has one (`2023-03-15-社区新闻.txt`, `20230315/a.txt`).
fn date_from_path(path: &Path) -> Option<Date> {
    path.iter()
        .rev()
        .filter_map(|part| part.to_str())
        .find_map(parse_date_prefix)
}

fn parse_date_prefix(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i32> {
        let slice = bytes.get(range)?;
        slice
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(slice).ok()?.parse().ok())?
    };
    let (year, month, day, len) = if bytes
        .get(4)
        .is_some_and(|&b| b == b'-' || b == b'_' || b == b'.')
    {
        let sep = bytes[4];
        if bytes.get(7) != Some(&sep) {
            return None;
        }
        (digits(0..4)?, digits(5..7)?, digits(8..10)?, 10)
    } else {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?, 8)
    };
    // The prefix must end there: `20230315` but not `202303150`.
    if bytes.get(len).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(year as i16, month as i8, day as i8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn front_matter_dates_as_people_write_them() {
        for text in [
            "2024-06-10",
            "2024-6-10",
            "2024/06/10",
            "2024.6.10",
            "2024年6月10日",
        ] {
            assert_eq!(front_matter_date(text), Some(date(2024, 6, 10)), "{text}");
        }
        for text in [
            "2024-02-30",
            "6月10日",
            "2024-06",
            "2024-06-10-11",
            "明天",
            "24-6-10",
        ] {
            assert_eq!(front_matter_date(text), None, "{text}");
        }
    }

    #[test]
    fn order_of_precedence() {
        let front = FrontMatter {
            date: Some("2023-03-15".into()),
            ..FrontMatter::default()
        };
        let path = Path::new("drafts/2021-06-11/a.txt");
        assert_eq!(
            resolve_issue_date(&front, Some(path), None),
            Some(date(2023, 3, 15))
        );
        assert_eq!(
            resolve_issue_date(&FrontMatter::default(), Some(path), None),
            Some(date(2021, 6, 11))
        );
        let path = Path::new("drafts/20210612-社区.txt");
        assert_eq!(
            resolve_issue_date(&FrontMatter::default(), Some(path), Some(date(2000, 1, 1))),
            Some(date(2021, 6, 12))
        );
        assert_eq!(
            resolve_issue_date(
                &FrontMatter::default(),
                Some(Path::new("a.txt")),
                Some(date(2000, 1, 1))
            ),
            Some(date(2000, 1, 1))
        );
        assert_eq!(date_from_path(Path::new("2023-02-30.txt")), None);
    }
}
