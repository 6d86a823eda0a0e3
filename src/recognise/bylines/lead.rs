//! Datelines (`本报讯`, `本报北京6月10日电`, `据新华社北京6月10日电`) and the credit that
//! follows one at the start of a paragraph.

use super::credit::{colon_len, is_space, leading_spaces};
use super::names::looks_like_name;
use super::{At, Byline, BylinePlace, Credit, CreditForm, Lead, Role, RoleGroup, Scan, Spacing};
use crate::recognise::digits::is_digit;
use crate::text::{is_han, Span};

/// News agencies whose datelines open a report, longest first.
const AGENCIES: [&str; 10] = [
    "中国新闻社",
    "本报",
    "新华社",
    "中新社",
    "中新网",
    "人民网",
    "新华网",
    "央视网",
    "央广网",
    "光明网",
];

impl Scan<'_> {
    /// A dateline (and its credit) opening a paragraph.
    pub(super) fn lead_byline(&self, body: &str, at: At) -> Option<Byline> {
        let base = at.span.start;
        let (mut lead, lead_len) = parse_lead(body)?;
        lead.span = Span::new(base, base + lead_len as u32);
        // Ex) 本报讯：（记者 王海） / 本报讯 （记者 王海）
        let rest = &body[lead_len..];
        let gap = leading_spaces(rest);
        let colon = colon_run_len(&rest[gap..]);
        let gap2 = leading_spaces(&rest[gap + colon..]);
        lead.colon = colon > 0;
        lead.spaced = gap + gap2 > 0;
        let credit_start = lead_len + gap + colon + gap2;
        let credit = self.lead_credit(
            &body[credit_start..],
            base + credit_start as u32,
            lead.is_own(),
        );
        let end = match &credit {
            Some((_, len)) => credit_start + len,
            // Ex) 本报讯：近日，… — the colon belongs to the dateline.
            None if colon > 0 => lead_len + gap + colon,
            None => lead_len,
        };
        let span = Span::new(base, base + end as u32);
        let credit = credit.map(|(credit, _)| credit);
        Some(at.byline(span, BylinePlace::Lead, Some(lead), credit))
    }

    /// The paper's own datelines with a credit naming its reporters that stand inside a
    /// paragraph, not at its start, in `body[from..to]`: `8日，本报讯（记者 王海）社区……`,
    /// `……居民参加。本报讯（记者 王海）` — a lead credit put in the wrong place. Nothing else
    /// counts: not another agency's dateline (`据新华社电` is quoted in news every day), not
    /// one inside quotation marks or run into the words before it, not a credit whose
    /// names cannot be read.
    pub(super) fn inside_bylines(&self, body: &str, at: At, from: usize, to: usize) -> Vec<Byline> {
        let mut out = Vec::new();
        let (mut scanned, mut quoted, mut ascii_quotes) = (0, 0i32, 0usize);
        for (i, _) in body[..to]
            .match_indices("本报")
            .filter(|&(i, _)| i >= from.max(1))
        {
            quoted += quote_depth(&body[scanned..i]);
            ascii_quotes += body[scanned..i].matches('"').count();
            scanned = i;
            let before = body[..i].chars().next_back();
            if quoted > 0 || ascii_quotes % 2 == 1 || !before.is_some_and(opens_inside) {
                continue;
            }
            // A dateline and credit are short: reading a bounded window keeps a page of
            // unclosed parentheses linear.
            let window = body[i..to]
                .char_indices()
                .nth(64)
                .map_or(to, |(k, _)| i + k);
            let start = at.span.start + i as u32;
            let inside = At {
                span: Span::new(start, at.span.end),
                ..at
            };
            let Some(mut byline) = self.lead_byline(&body[i..window], inside) else {
                continue;
            };
            if byline.lead.as_ref().is_some_and(Lead::is_own) && names_reporters(&byline) {
                byline.place = BylinePlace::Inside;
                out.push(byline);
            }
        }
        out
    }

    /// The credit right after a dateline, and its byte length.
    fn lead_credit(&self, text: &str, base: u32, own: bool) -> Option<(Credit, usize)> {
        if text.starts_with(['（', '(']) {
            return self
                .paren_credit(text, base)
                .filter(|(credit, _)| own || !credit.groups.is_empty());
        }
        let role = self.roles.prefix(text)?;
        let reported = self.reported_credit(text, base);
        // Ex) 本报讯 记者王海 8日，…… — the credit's parentheses left out.
        let bare = || own.then(|| self.bare_credit(text, base)).flatten();
        reported.or_else(bare).or_else(|| {
            // Ex) 本报北京1月1日讯记者王海、李敏从全市交通工作会议获悉 — a reporter is
            // named, but where the names end cannot be told.
            let span = Span::new(base, base + role.len() as u32);
            let credit = Credit {
                span,
                form: CreditForm::Reported,
                groups: vec![RoleGroup {
                    role: Some(Role {
                        span,
                        text: role.to_owned(),
                    }),
                    names: Vec::new(),
                }],
                media: None,
                separators: Vec::new(),
                spacing: Spacing::default(),
                complete: false,
                free: false,
            };
            Some((credit, role.len()))
        })
    }
}

/// The byte length of the colons `s` opens with, with any spaces between them: `：`, `::`,
/// `: ：`. A run of them after a dateline is one slip, read (and fixed) whole.
fn colon_run_len(s: &str) -> usize {
    let mut len = colon_len(s);
    while len > 0 {
        let spaces = leading_spaces(&s[len..]);
        match colon_len(&s[len + spaces..]) {
            0 => break,
            more => len += spaces + more,
        }
    }
    len
}

/// A dateline at the start of `s`, and its byte length; its span is left for the caller.
pub(super) fn parse_lead(s: &str) -> Option<(Lead, usize)> {
    let (via, rest) = match s.strip_prefix('据') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let agency = AGENCIES.iter().copied().find(|a| rest.starts_with(a))?;
    let after = &rest[agency.len()..];
    // Ex) 本报记者近日走访 — a sentence about the paper, not a dateline.
    if ["记者", "编辑", "评论员", "通讯员"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return None;
    }
    let (place_date, word, end) = place_date_word(after, via)?;
    let len = (s.len() - rest.len()) + agency.len() + end;
    let lead = Lead {
        span: Span::default(),
        agency: agency.to_owned(),
        via,
        place_date,
        word,
        colon: false,
        spaced: false,
    };
    Some((lead, len))
}

/// The place and date of a dateline up to its `讯` or `电` (`北京6月10日电`): the place and
/// date without spaces, the word, and the byte length read.
fn place_date_word(after: &str, via: bool) -> Option<(String, String, usize)> {
    let mut place_date = String::new();
    for (chars, (i, ch)) in after.char_indices().enumerate() {
        if ch == '讯' || ch == '电' {
            if via && ch != '电' {
                return None;
            }
            let mut word = ch.to_string();
            if ch == '电' && place_date.ends_with('专') {
                place_date.pop();
                word = "专电".to_owned();
            }
            if place_date.contains("记者") || place_date.contains("报道") {
                return None;
            }
            // A place-and-date dateline names a day or is short enough to be a place name.
            let han = place_date.chars().filter(|c| is_han(*c)).count();
            if !(place_date.is_empty() || place_date.contains('日') || han <= 8) {
                return None;
            }
            return Some((place_date, word, i + ch.len_utf8()));
        }
        if chars >= 20 {
            return None;
        }
        if is_space(ch) {
            continue;
        }
        let date_char = is_digit(ch) || matches!(ch, '年' | '月' | '日' | '〇' | '○');
        if !(is_han(ch) || date_char) {
            return None;
        }
        place_date.push(ch);
    }
    None
}

/// How far `s` opens quotation marks (`“` `‘` `「`) against closing them; ASCII `"`, which
/// opens and closes alike, is counted by the caller.
fn quote_depth(s: &str) -> i32 {
    s.chars()
        .map(|c| match c {
            '“' | '‘' | '「' | '『' => 1,
            '”' | '’' | '」' | '』' => -1,
            _ => 0,
        })
        .sum()
}

/// Whether a dateline may start after `c` inside a paragraph: after a mark that ends a
/// clause or a sentence, or a space — not after words (`据本报讯`, `转发本报讯`) or an
/// opening quotation mark or title mark.
fn opens_inside(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | '：' | '、' | '）' | ')' | '”' | '」' | '…'
    ) || is_space(c)
}

/// Whether a credit names its reporters for certain: complete, with names, a role before
/// them or names that look like names.
fn names_reporters(byline: &Byline) -> bool {
    byline.credit.as_ref().is_some_and(|credit| {
        credit.complete
            && !credit.free
            && credit.names().next().is_some()
            && !matches!(credit.form, CreditForm::Unbracketed)
            && (credit.groups.first().is_some_and(|g| g.role.is_some())
                || credit.names().all(|n| looks_like_name(&n.text)))
    })
}
