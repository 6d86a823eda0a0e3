//! Photo credits at the end of a caption or photo-news item: `本报记者 王海 摄`,
//! `（王海摄）`, `摄影：王海`, `王海摄影`, `王海/摄`, several photographers (`本报记者 王海 通讯员 李敏 摄`),
//! drawings (`（赵炬绘）`), and sources that are not photographers (`新华社发`, `…供图`,
//! `（资料图片）`).

use super::credit::{colon_len, is_space, leading_spaces};
use super::names::looks_like_name;
use super::placed::{closing_paren, Closing};
use super::{At, PhotoCredit, PhotoForm, RoleGroup, Scan, Spacing};
use crate::text::{is_han, Span};

/// The role groups, separators and spacing of a photo credit's words.
#[derive(Default)]
struct Words {
    groups: Vec<RoleGroup>,
    separators: Vec<String>,
    spacing: Spacing,
}

impl Scan<'_> {
    /// The photo credit ending a caption or photo-news block, if any.
    pub(super) fn photo_credit(&self, body: &str, at: At) -> Option<PhotoCredit> {
        let mut credit = self.read_photo_credit(body, at)?;
        let start = (credit.span.start - at.span.start) as usize;
        let end = (credit.span.end - at.span.start) as usize;
        credit.odd_gap = odd_gap(&body[start..end], credit.span.start, &credit.groups);
        Some(credit)
    }

    /// The photo credit ending `body`, its gaps not yet judged.
    fn read_photo_credit(&self, body: &str, at: At) -> Option<PhotoCredit> {
        let trimmed = body.trim_end_matches(is_space);
        let base = at.span.start;
        let make = |start: usize, form: PhotoForm, words: Words| PhotoCredit {
            span: Span::new(base + start as u32, base + trimmed.len() as u32),
            block: at.block,
            form,
            groups: words.groups,
            verb: '摄',
            separators: words.separators,
            spacing: words.spacing,
            spaced_she: true,
            glued_to_text: false,
            odd_gap: None,
        };
        // Ex) （本报记者 王海 摄） （王海摄） (王海 摄) （赵炬绘）
        if let Some(closing) = closing_paren(trimmed) {
            return self.paren_photo_credit(trimmed, &closing, base, make);
        }
        if trimmed.ends_with(['）', ')']) {
            return None;
        }
        if is_source(trimmed) {
            let start = trimmed
                .char_indices()
                .rev()
                .find(|&(_, c)| is_space(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            return Some(make(start, PhotoForm::Source, Words::default()));
        }
        // Ex) 摄影：王海 / 摄影:王海
        if let Some(mark) = trimmed.rfind("摄影") {
            let after = &trimmed[mark + "摄影".len()..];
            // Ex) 锻炼 王海摄影
            if after.is_empty() {
                return self.word_after_credit(&trimmed[..mark], base, make);
            }
            let colon = colon_len(after);
            if colon == 0 {
                return None;
            }
            let names_text = after[colon..].trim_start_matches(is_space);
            let names_base = base + (trimmed.len() - names_text.len()) as u32;
            let words = self.photo_words(names_text, names_base)?;
            let mut names = words.groups.iter().flat_map(|g| &g.names);
            if !names.all(|n| looks_like_name(&n.text)) {
                return None;
            }
            let mut credit = make(mark, PhotoForm::Colon, words);
            credit.glued_to_text = glued_to(trimmed, mark);
            return Some(credit);
        }
        self.plain_photo_credit(trimmed, base, make)
    }

    /// A photo credit in parentheses closing `trimmed`: `（本报记者 王海 摄）`, `（王海摄）`,
    /// `（赵炬绘）`, an agency's `新华社发（胡攀学 摄）`, or a source `（资料图片）`.
    fn paren_photo_credit(
        &self,
        trimmed: &str,
        closing: &Closing<'_>,
        base: u32,
        make: impl Fn(usize, PhotoForm, Words) -> PhotoCredit,
    ) -> Option<PhotoCredit> {
        let inner = closing.inner.trim_end_matches(is_space);
        let verb = inner
            .chars()
            .next_back()
            .filter(|&c| c == '摄' || c == '绘');
        if let Some(verb) = verb {
            let words = &inner[..inner.len() - verb.len_utf8()];
            let spaced_she = words.ends_with(is_space);
            let words = words.trim_end_matches(['/', '／']);
            // Ex) （新华社发 刘文摄）: the agency's name before its photographer's.
            let agency_len = agency_prefix(words);
            let parsed = self.photo_words(
                &words[agency_len..],
                base + (closing.inner_start + agency_len) as u32,
            );
            // A drawing is credited only where its artist's name is read.
            if verb == '绘' && parsed.is_none() {
                return None;
            }
            // Ex) 新华社发（胡攀学 摄）: the agency's name before the parentheses.
            let agency = agency_len > 0 || sent_by_agency(&trimmed[..closing.open]);
            let form = match parsed {
                Some(_) if agency => PhotoForm::Agency(Some(closing.parens)),
                Some(_) => PhotoForm::Paren(closing.parens),
                None => PhotoForm::Unparsed,
            };
            let mut credit = make(closing.open, form, parsed.unwrap_or_default());
            credit.verb = verb;
            credit.spaced_she = spaced_she;
            credit.glued_to_text = glued_to(trimmed, closing.open);
            return Some(credit);
        }
        is_source(inner).then(|| make(closing.open, PhotoForm::Source, Words::default()))
    }

    /// `……锻炼 本报记者 王海 摄`, `王海/摄`: a credit ending in `摄` after the caption's words.
    fn plain_photo_credit(
        &self,
        trimmed: &str,
        base: u32,
        make: impl Fn(usize, PhotoForm, Words) -> PhotoCredit,
    ) -> Option<PhotoCredit> {
        let words = trimmed.strip_suffix('摄')?;
        // Ex) 王海/摄
        let slash = words.ends_with(['/', '／']);
        let words = words.trim_end_matches(['/', '／']);
        let spaced_she = words.ends_with(is_space);
        let words = words.trim_end_matches(is_space);
        // Find where the credit starts: walk back over role and name tokens.
        let (start, parsed) = self.credit_tail(words, base)?;
        let named = parsed.groups.iter().any(|g| !g.names.is_empty());
        let form = if named && sent_by_agency(&words[..start]) {
            // Ex) 中新社发 王海 摄
            PhotoForm::Agency(None)
        } else if slash {
            PhotoForm::Slash
        } else if !named {
            PhotoForm::Unparsed
        } else {
            PhotoForm::Plain
        };
        let mut credit = make(start, form, parsed);
        credit.spaced_she = spaced_she;
        Some(credit)
    }

    /// `……锻炼 王海摄影`, `……锻炼 本报记者 王海 摄影`: a credit in no accepted form, the
    /// word `摄影` after the names. Only names read for certain make it one: a role before
    /// them, or names set apart from the caption's words (`老人学摄影`, `参观书画摄影` are
    /// captions, not credits).
    fn word_after_credit(
        &self,
        words: &str,
        base: u32,
        make: impl Fn(usize, PhotoForm, Words) -> PhotoCredit,
    ) -> Option<PhotoCredit> {
        let words = words.trim_end_matches(is_space);
        let (start, parsed) = self.credit_tail(words, base)?;
        let named = parsed.groups.iter().any(|g| !g.names.is_empty());
        let roled = parsed.groups.iter().any(|g| g.role.is_some());
        // Ex) 王海摄影 on a line of its own, `锻炼 王海摄影`; never a caption's words
        // (`书法摄影`, `人像摄影、纪实摄影`): names with no role must stand apart by a space
        // or a line break.
        let apart = start == 0 || words[..start].ends_with(|c: char| is_space(c) || c == '\n');
        if !named || (!roled && !apart) {
            return None;
        }
        let mut credit = make(start, PhotoForm::WordAfter, parsed);
        credit.glued_to_text = glued_to(words, start);
        Some(credit)
    }

    /// Role groups and names of a photo credit's words (`本报记者 王海`, `本报记者王海`,
    /// `王海 李敏`, `本报记者 王海 通讯员 李敏`). `None` when a group has no name or a name is
    /// too long to be one: words, not a list of names (`本栏照片均为本报驻新西兰记者王海林`).
    fn photo_words(&self, s: &str, base: u32) -> Option<Words> {
        let credit = self.credit_body(s.trim_matches(is_space), base + leading_spaces(s) as u32)?;
        if credit.media.is_some()
            || credit.groups.iter().any(|g| g.names.is_empty())
            || credit.names().any(|n| {
                let chars = n.text.chars().count();
                chars < 2 || (chars > 4 && !n.text.contains('·'))
            })
        {
            return None;
        }
        Some(Words {
            groups: credit.groups,
            separators: credit.separators,
            spacing: credit.spacing,
        })
    }

    /// The credit at the end of a caption's words (`……锻炼 本报记者 王海`): where it starts,
    /// its role and names. An unparsed credit (names glued to the caption) gives no names.
    fn credit_tail(&self, words: &str, base: u32) -> Option<(usize, Words)> {
        let glued = (words.len(), Words::default());
        let Some(start) = self.tail_start(words)? else {
            return Some(glued);
        };
        let parsed = self.photo_words(&words[start..], base + start as u32)?;
        // A name run without a role must be set off from the caption by a space.
        if parsed.groups.iter().all(|g| g.role.is_none())
            && start != 0
            && !words[..start].ends_with(|c: char| is_space(c) || c == '、' || c == '\n')
        {
            return Some(glued);
        }
        Some((start, parsed))
    }

    /// Where a credit at the end of `words` starts, walking back over its tokens (split at
    /// spaces and `、`): `Some(None)` when no token reads as a credit's.
    fn tail_start(&self, words: &str) -> Option<Option<usize>> {
        let mut start = words.len();
        let mut candidate: Option<usize> = None;
        let mut names_seen = 0;
        loop {
            let head = words[..start].trim_end_matches(|c: char| is_space(c) || c == '、');
            if head.is_empty() || head.ends_with('\n') {
                break;
            }
            // Ex) 护林员在山林间巡查⏎王海摄影 — a credit on the caption's last line.
            let token_start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| is_space(c) || c == '、' || c == '\n' || is_clause_end(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let token = &head[token_start..];
            // A token holding a role word: the credit starts at the role.
            if let Some(role_at) = self.roles.find(token) {
                let rest = &token[role_at..];
                let role = self.roles.prefix(rest)?;
                let name_part = &rest[role.len()..];
                if !(name_part.is_empty()
                    || looks_like_name(name_part)
                    || name_part.chars().count() <= 4)
                {
                    break;
                }
                candidate = Some(token_start + role_at);
                start = token_start;
                names_seen = 0;
                if role_at > 0 {
                    break;
                }
                continue;
            }
            let short = token.chars().count() <= 4 || token.contains('·');
            if looks_like_name(token) && names_seen < 6 && short {
                names_seen += 1;
                // Ex) 锻炼 王海 摄 — a run of names stops at the caption text.
                candidate = Some(candidate.map_or(token_start, |c| c.min(token_start)));
                start = token_start;
                continue;
            }
            // Padded name `孙 露`: two one-character tokens.
            if token.chars().count() == 1 && token.chars().all(is_han) {
                start = token_start;
                candidate = Some(token_start);
                continue;
            }
            break;
        }
        Some(candidate)
    }
}

/// The first gap of the printed credit `printed` (at offset `base`) that is not one plain
/// space between two words: see [`PhotoCredit::odd_gap`]. Gaps inside a padded name of
/// `groups` are the name's own.
fn odd_gap(printed: &str, base: u32, groups: &[RoleGroup]) -> Option<Span> {
    let padding: Vec<Span> = (groups.iter().flat_map(|g| &g.names))
        .filter(|n| n.padded)
        .map(|n| n.span)
        .collect();
    let mut chars = printed.char_indices().peekable();
    let mut before = None;
    while let Some((start, c)) = chars.next() {
        if !is_space(c) {
            before = Some(c);
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek().filter(|&&(_, next)| is_space(next)) {
            end = i + next.len_utf8();
            chars.next();
        }
        let gap = Span::new(base + start as u32, base + end as u32);
        if padding
            .iter()
            .any(|p| p.start <= gap.start && gap.end <= p.end)
        {
            continue;
        }
        let after = printed[end..].chars().next();
        let beside_mark = before.is_some_and(|b| matches!(b, '（' | '(' | '/' | '／'))
            || after.is_some_and(|a| matches!(a, '）' | ')' | '/' | '／'));
        if &printed[start..end] != " " || beside_mark {
            return Some(gap);
        }
    }
    None
}

/// True when the credit starting at `at` follows the caption's words with no space between:
/// `锻炼（王海摄）`, `……。（王海 摄）`. Out of its parentheses such a credit needs the space
/// (`……。王海 摄` reads as no credit at all).
fn glued_to(trimmed: &str, at: usize) -> bool {
    at > 0 && !trimmed[..at].ends_with(|c: char| is_space(c) || c == '\n')
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '”' | '）' | '…' | '，' | '；' | '：'
    )
}

/// True when the words before a photographer's credit end with the agency that sent the
/// picture: `新华社发`, `中新社发`.
fn sent_by_agency(before: &str) -> bool {
    before.trim_end_matches(is_space).ends_with("社发")
}

/// The length of the agency's name opening a credit's words, with the spaces after it:
/// `新华社发 ` of `新华社发 刘文`; 0 when the words open with no agency.
fn agency_prefix(words: &str) -> usize {
    let Some(at) = words.find("社发") else {
        return 0;
    };
    let head = &words[..at];
    if head.is_empty() || head.chars().count() > 4 || !head.chars().all(is_han) {
        return 0;
    }
    let end = at + "社发".len();
    end + leading_spaces(&words[end..])
}

fn is_source(s: &str) -> bool {
    s.ends_with("供图")
        || s.ends_with("资料图片")
        || s.ends_with("社发")
        || s.ends_with("/图")
        || s.ends_with("／图")
}
