//! The words of a credit — role words, names, `文/图` — parsed into role groups, for every
//! form a credit takes: in parentheses, reported (`记者王海报道：`), on a line of its own,
//! closing a paragraph, or ending a caption.

use super::names::split_glued;
use super::{Credit, CreditForm, Media, Name, Parens, Role, RoleGroup, Scan, Spacing};
use crate::text::{at_most_chars, contains_any, is_han, Span};

/// One token of a credit body, and the separator typed before it.
struct Token<'a> {
    start: usize,
    text: &'a str,
    sep: String,
}

/// A role, a name or `文/图`, in the order printed.
enum Item {
    Role(Role),
    /// A name and the separator typed before it.
    Name(Name, String),
    Media(Media),
}

impl Scan<'_> {
    /// Parses the words of a credit into role groups: a credit of form [`CreditForm::Bare`]
    /// with no span, which the caller completes. `None` when something in it is not a
    /// credit.
    pub(super) fn credit_body(&self, s: &str, base: u32) -> Option<Credit> {
        let (tokens, trailing_sep) = tokens(s);
        if tokens.is_empty() {
            return None;
        }
        let mut spacing = Spacing {
            loose_ends: !tokens[0].sep.is_empty() || !trailing_sep.is_empty(),
            ..Spacing::default()
        };
        let items = self.items(&tokens, base, &mut spacing)?;
        let grouped = group(merge_padded(items), self.roster);
        spacing.names_glued = grouped.glued;
        if grouped
            .groups
            .iter()
            .all(|g| g.names.is_empty() && g.role.is_none())
            && grouped.media.is_none()
        {
            return None;
        }
        Some(Credit {
            span: Span::default(),
            form: CreditForm::Bare,
            groups: grouped.groups,
            media: grouped.media,
            separators: grouped.separators,
            spacing,
            complete: true,
            free: false,
        })
    }

    /// The roles and names of the tokens. A token may hold a role run into a name
    /// (`记者王海`), which `spacing` records.
    fn items(&self, tokens: &[Token<'_>], base: u32, spacing: &mut Spacing) -> Option<Vec<Item>> {
        let mut items = Vec::new();
        for token in tokens {
            if is_media_mark(token.text) {
                let start = base + token.start as u32;
                items.push(Item::Media(Media {
                    span: Span::new(start, start + token.text.len() as u32),
                    text: token.text.to_owned(),
                    leading: !items.iter().any(|i| matches!(i, Item::Name(..))),
                }));
                continue;
            }
            let mut text = token.text;
            let mut offset = token.start;
            let mut sep = token.sep.as_str();
            while let Some(role) = self.roles.prefix(text) {
                items.push(Item::Role(Role {
                    span: Span::new(base + offset as u32, base + (offset + role.len()) as u32),
                    text: role.to_owned(),
                }));
                text = &text[role.len()..];
                offset += role.len();
                // Ex) （记者：王海） — a colon the house form never prints.
                let colon = colon_len(text);
                spacing.role_colon |= colon > 0;
                text = &text[colon..];
                offset += colon;
                // Ex) （记者王海）
                spacing.role_joined |= colon == 0 && !text.is_empty();
                sep = "";
            }
            if text.is_empty() {
                continue;
            }
            if !text.chars().all(|c| is_han(c) || c == '·' || c == '•') {
                return None;
            }
            items.push(Item::Name(
                Name {
                    span: Span::new(base + offset as u32, base + (offset + text.len()) as u32),
                    text: text.replace('•', "·"),
                    padded: false,
                    joined: false,
                },
                sep.to_owned(),
            ));
        }
        Some(items)
    }

    /// `（记者 王海 李敏）` at the start of `s`: the credit and its byte length.
    pub(super) fn paren_credit(&self, s: &str, base: u32) -> Option<(Credit, usize)> {
        let open = s.chars().next()?;
        let open_len = open.len_utf8();
        let close_at = s[open_len..].find(['）', ')'])? + open_len;
        let inner = &s[open_len..close_at];
        if !at_most_chars(inner, 40) {
            return None;
        }
        let close = s[close_at..].chars().next()?;
        let mut credit = self.credit_body(strip_reported(inner), base + open_len as u32)?;
        credit.form = CreditForm::Paren(Parens::of(open, close));
        let total = close_at + close.len_utf8();
        credit.span = Span::new(base, base + total as u32);
        Some((credit, total))
    }

    /// `记者王海报道：` at the start of `s` (the reported form of older dailies).
    pub(super) fn reported_credit(&self, s: &str, base: u32) -> Option<(Credit, usize)> {
        let window: usize = s.char_indices().nth(48).map_or(s.len(), |(i, _)| i);
        let at = s[..window].find("报道")?;
        let inner = &s[..at];
        if contains_any(inner, &['，', '。', '；', '“']) {
            return None;
        }
        let colon = colon_len(&s[at + "报道".len()..]);
        let mut credit = self.credit_body(inner.trim_end_matches(is_space), base)?;
        credit.form = CreditForm::Reported;
        let total = at + "报道".len() + colon;
        credit.span = Span::new(base, base + total as u32);
        Some((credit, total))
    }
}

/// The tokens of `s`, split at spaces and the marks typed between names, each with the
/// separator before it; and the separator after the last.
fn tokens(s: &str) -> (Vec<Token<'_>>, String) {
    let mut tokens = Vec::new();
    let mut sep = String::new();
    let mut start = None;
    for (i, ch) in s.char_indices() {
        if is_space(ch) || matches!(ch, '、' | '，' | ',' | '；') {
            if let Some(st) = start.take() {
                tokens.push(Token {
                    start: st,
                    text: &s[st..i],
                    sep: std::mem::take(&mut sep),
                });
            }
            sep.push(if is_space(ch) { ' ' } else { ch });
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        tokens.push(Token {
            start: st,
            text: &s[st..],
            sep: std::mem::take(&mut sep),
        });
    }
    (tokens, sep)
}

/// Joins two one-character names typed apart (`孙 露`): a two-character name padded to
/// align with three-character ones.
fn merge_padded(items: Vec<Item>) -> Vec<Item> {
    let mut merged: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let Item::Name(name, sep) = &item {
            if let Some(Item::Name(prev, _)) = merged.last_mut() {
                let one = |n: &Name| n.text.chars().count() == 1;
                if one(prev) && one(name) && !prev.padded && sep.trim().is_empty() {
                    prev.text.push_str(&name.text);
                    prev.span = prev.span.cover(name.span);
                    prev.padded = true;
                    continue;
                }
            }
        }
        merged.push(item);
    }
    merged
}

/// A credit's items gathered: role groups, the media mark, the separators between the
/// names of each group, and whether names were printed run together.
struct Grouped {
    groups: Vec<RoleGroup>,
    media: Option<Media>,
    separators: Vec<String>,
    glued: bool,
}

/// Role groups from the items; a token that runs names together is cut apart on the
/// roster and on the shapes of names.
fn group(items: Vec<Item>, roster: &[String]) -> Grouped {
    let mut out = Grouped {
        groups: Vec::new(),
        media: None,
        separators: Vec::new(),
        glued: false,
    };
    for item in items {
        match item {
            Item::Role(role) => out.groups.push(RoleGroup {
                role: Some(role),
                names: Vec::new(),
            }),
            Item::Name(name, sep) => {
                if out.groups.is_empty() {
                    out.groups.push(RoleGroup {
                        role: None,
                        names: Vec::new(),
                    });
                }
                let group = out.groups.last_mut().expect("a group was just pushed");
                if !group.names.is_empty() {
                    out.separators.push(normalise_sep(&sep));
                }
                let parts = split_glued(name, roster);
                out.glued |= parts.len() > 1;
                group.names.extend(parts);
            }
            Item::Media(media) => out.media = Some(media),
        }
    }
    out
}

/// `文/图`, `图/文`, `文/视频`, `文/摄`, `文/图/视频`: what the reporters made, parts of
/// `文` `图` `摄` `视频` `摄影` joined by a slash.
pub(super) fn is_media_mark(token: &str) -> bool {
    let parts: Vec<&str> = token.split(['/', '／']).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| matches!(*p, "文" | "图" | "摄" | "视频" | "摄影" | "图片"))
}

/// A separator as typed, reduced to what it is: `" "`, `"、"`, or the messy form.
fn normalise_sep(sep: &str) -> String {
    let trimmed = sep.trim_matches(' ');
    match (trimmed, sep) {
        ("", " ") => " ".to_owned(),
        ("", _) => "  ".to_owned(),
        (t, s) if t.chars().count() == 1 && s == t => t.to_owned(),
        (t, _) => format!("{t} "),
    }
}

/// A credit's words without a closing `报道` (`（本报记者 王海 报道）`).
pub(super) fn strip_reported(inner: &str) -> &str {
    inner.strip_suffix("报道").unwrap_or(inner)
}

/// The byte length of a colon, full-width or ASCII, at the start of `s`; 0 when none.
pub(super) fn colon_len(s: &str) -> usize {
    if s.starts_with('：') {
        '：'.len_utf8()
    } else if s.starts_with(':') {
        1
    } else {
        0
    }
}

/// The byte length of the spaces `s` opens with.
pub(super) fn leading_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}
