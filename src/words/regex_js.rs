//! JavaScript regular expressions as prh dictionaries write them (`/colou?r/i`), and their
//! replacement strings (`$1`, `$&`), in the `regex` crate's terms.
//!
//! Only the part of JavaScript's syntax the `regex` crate also accepts is supported:
//! lookaround and backreferences are not, and say so by name rather than failing at match
//! time.

/// The `regex` crate pattern for a prh pattern string: `Some` when it is written `/re/flags`,
/// `None` when it is plain text.
pub fn parse_js_regex(text: &str) -> Option<Result<String, String>> {
    let body = text.strip_prefix('/')?;
    let close = body.rfind('/')?;
    let (source, flags) = (&body[..close], &body[close + 1..]);
    if source.is_empty() || !flags.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    Some(translate(source, flags))
}

fn translate(source: &str, flags: &str) -> Result<String, String> {
    let mut inline = String::new();
    for flag in flags.chars() {
        match flag {
            'i' | 'm' | 's' => inline.push(flag),
            // Every match is found anyway; Unicode is the `regex` crate's default.
            'g' | 'u' | 'd' => {}
            other => {
                return Err(format!(
                    "regular expression flag `{other}` is not supported"
                ))
            }
        }
    }
    for (js, what) in [
        ("(?=", "lookahead"),
        ("(?!", "negative lookahead"),
        ("(?<=", "lookbehind"),
        ("(?<!", "negative lookbehind"),
    ] {
        if source.contains(js) {
            return Err(format!("{what} `{js}` is not supported"));
        }
    }
    if has_backreference(source) {
        return Err("backreferences (`\\1`) are not supported".into());
    }
    // `\/` is how JavaScript writes a slash inside `/…/`.
    let source = source.replace("\\/", "/");
    Ok(if inline.is_empty() {
        source
    } else {
        format!("(?{inline}){source}")
    })
}

fn has_backreference(source: &str) -> bool {
    let bytes = source.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            if matches!(bytes[i + 1], b'1'..=b'9') || bytes[i + 1] == b'k' {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// A replacement in JavaScript's syntax (`$1`, `$&`, `$<name>`, `$$`) in the `regex` crate's
/// (`${1}`, `${0}`, `${name}`, `$$`); any other `$` stands for itself.
pub fn js_replacement(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek().map(|&(_, n)| n) {
            Some('$') => {
                chars.next();
                out.push_str("$$");
            }
            Some('&') => {
                chars.next();
                out.push_str("${0}");
            }
            Some('`' | '\'') => {
                return Err(format!(
                    "`{}` in \"{text}\" is not supported",
                    &text[i..i + 2]
                ))
            }
            Some('<') => {
                let rest = &text[i + 2..];
                let Some(end) = rest.find('>') else {
                    out.push_str("$$");
                    continue;
                };
                let name = &rest[..end];
                out.push_str(&format!("${{{name}}}"));
                for _ in 0..name.chars().count() + 2 {
                    chars.next();
                }
            }
            Some(d) if d.is_ascii_digit() => {
                let digits: String = text[i + 1..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .take(2)
                    .collect();
                for _ in 0..digits.len() {
                    chars.next();
                }
                out.push_str(&format!("${{{digits}}}"));
            }
            _ => out.push_str("$$"),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_literals() {
        assert_eq!(parse_js_regex("/colou?r/i"), Some(Ok("(?i)colou?r".into())));
        assert_eq!(parse_js_regex("/a\\/b/g"), Some(Ok("a/b".into())));
        assert_eq!(parse_js_regex("既使"), None);
        assert_eq!(parse_js_regex("/"), None);
        assert!(parse_js_regex("/a(?=b)/").unwrap().is_err());
        assert!(parse_js_regex("/(a)\\1/").unwrap().is_err());
        assert!(parse_js_regex("/a/y").unwrap().is_err());
    }

    #[test]
    fn replacements() {
        assert_eq!(js_replacement("$1年").unwrap(), "${1}年");
        assert_eq!(js_replacement("[$&]").unwrap(), "[${0}]");
        assert_eq!(js_replacement("$<year>年").unwrap(), "${year}年");
        assert_eq!(js_replacement("US$5").unwrap(), "US${5}");
        assert_eq!(js_replacement("5$").unwrap(), "5$$");
        assert!(js_replacement("$'").is_err());
    }
}
