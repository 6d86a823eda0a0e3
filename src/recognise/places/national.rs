//! Slips for division names at county level and above, anywhere in the country (`武候区`,
//! `平成区` in a 大同 paper), and two odd forms of a name: the suffix outside the quotes
//! (`娄底市“新华”县`) and a 街道 that lost its 道 before the next word (`水泊寺街将`).

use super::slips::{compare_under, slip_candidate, Candidate, SlipSearch, Written};
use super::{Input, Mention, SlipBasis, SlipCandidate};
use crate::gazetteer::fuzzy::{Confusion, Slip};
use crate::gazetteer::upper::{self, is_upper_suffix, UpperNames, UpperSlip, MAX_STEM};
use crate::gazetteer::{Level, NameRef, PlaceId};
use crate::text::{is_han, Span};

/// The one county-level or higher name that the candidate, or an ending of it (`武候区` of
/// `今天在武候区`), is likely a slip for: one confusable character, one dropped or one doubled
/// from a division name with the same suffix, anywhere in the country. Where several names
/// fit, those of `[bulletin] region`'s prefecture decide. A name written right after its
/// parent was compared under that parent instead: a division the parent lacks may be new.
pub(super) fn national_slip(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    if !is_upper_suffix(candidate.suffix) {
        return None;
    }
    let g = search.g();
    let index = UpperNames::builtin();
    let text = input.text;
    let end = candidate.span.end;
    let stem = &text[candidate.span.start as usize..end as usize - candidate.suffix.len()];
    let mut backwards = stem.chars().rev();
    let (Some(last), Some(penultimate)) = (backwards.next(), backwards.next()) else {
        return None;
    };
    if !index.may_fit(penultimate, last) {
        return None;
    }
    // Ex) 四个省, 几个县, 全县: a count or a quantifier, not a name.
    if QUANTIFIERS.contains(last) {
        return None;
    }
    let starts: Vec<usize> = stem.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    let mut found: Vec<(Span, &str, &[PlaceId], Slip)> = Vec::new();
    for len in 2..=n.min(MAX_STEM) {
        let start = candidate.span.start + starts[n - len] as u32;
        // The whole candidate starts at a boundary (punctuation, a known name); an ending
        // starts inside a run of characters.
        let whole = len == n && !candidate.clamped;
        if whole && candidate.parent.is_some() {
            continue;
        }
        let name = &text[start as usize..end as usize];
        // A known name ends the search: what comes before it is another word.
        if !g.matcher().refs(name).is_empty() || upper::is_beyond_the_tables(name) {
            break;
        }
        let mut slips = UpperNames::builtin_slips(g, name);
        if !whole {
            keep_inner_slips(g, &text[..start as usize], name, &mut slips);
        }
        if slips.is_empty() {
            continue;
        }
        // Ex) 组织全县: inside a run of characters a name starts only after a word that
        // ends where names start (在武候区, 成都武候区), not in the middle of one (组织).
        // A division made after the built-in list is a name too, and ends the search.
        if index.is_newer(g, name) {
            break;
        }
        if !whole && !starts_a_name(g, &text[..start as usize]) {
            continue;
        }
        for slip in slips {
            found.push((Span::new(start, end), slip.right, slip.places, slip.slip));
        }
    }
    // The longest ending of a name stands for it (`张家家港市`, not `家港市`).
    found.reverse();
    let (span, right, places, slip) = one_name(search, &found)?;
    let name = &text[span.range()];
    Some(slip_candidate(
        span,
        name,
        right.to_owned(),
        places.to_vec(),
        slip,
        SlipBasis::Context,
        mentions,
    ))
}

/// Of the slips an ending inside a run of characters may be, those the text allows: a
/// difference at its first character is as likely the word before (`党组织与城市`: 与) as a
/// slip (禹城市) — unless a known name ends right before it (`潍坊方子区`, `红河州迷勒市`).
fn keep_inner_slips(
    g: &crate::gazetteer::Gazetteer,
    before: &str,
    name: &str,
    slips: &mut Vec<UpperSlip>,
) {
    // Ex) 山东与城市: after a known name too, a first character such as 与 is a word.
    let word_first = name
        .chars()
        .next()
        .is_some_and(|c| BEFORE_NAMES.contains(c));
    if slips.iter().any(|s| s.at_start) && (word_first || !after_known_name(g, before)) {
        slips.retain(|s| !s.at_start);
    }
}

/// Characters that end a count or a quantity before a suffix (`四个省`, `几个县`, `全县`,
/// `各市`): the suffix is then a noun, not a name's.
const QUANTIFIERS: &str = "个几多些每各全本该这那哪两数诸余某";

/// Words after which a place name starts in running text: prepositions and verbs of place
/// (`在`, `到`, `赴`), conjunctions (`和`, `与`), `的`, and the suffixes themselves.
const BEFORE_NAMES: &str =
    "在到于至从自赴往去来向和与及同跟的是为对把由经离住居入进抵达原省市县区州旗盟";

/// Whether a place name may start after `before`, the text up to it: after one of
/// [`BEFORE_NAMES`], or after a known name (`成都` in `成都武候区`).
fn starts_a_name(g: &crate::gazetteer::Gazetteer, before: &str) -> bool {
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    !is_han(last) || BEFORE_NAMES.contains(last) || after_known_name(g, before)
}

/// Whether `before`, the text up to a point, ends in a known name of two characters or more
/// (`成都` in `成都武候区`).
fn after_known_name(g: &crate::gazetteer::Gazetteer, before: &str) -> bool {
    before
        .char_indices()
        .rev()
        .take(6)
        .take_while(|&(_, c)| is_han(c))
        .skip(1)
        .any(|(i, _)| !g.matcher().refs(&before[i..]).is_empty())
}

/// The one name among `found`, else the one of them in `[bulletin] region`'s prefecture; of
/// several there, or of several anywhere when none is there, the one whose character sounds
/// the same, tone and all (`汉原县` is 汉源县, not
/// 汤原县: with a pinyin keyboard a homophone is the likelier slip).
fn one_name<'a>(
    search: &SlipSearch<'_>,
    found: &[(Span, &'a str, &'a [PlaceId], Slip)],
) -> Option<(Span, &'a str, &'a [PlaceId], Slip)> {
    let g = search.g();
    let first = found.first()?;
    if found.iter().all(|f| f.1 == first.1) {
        return Some(*first);
    }
    // Ex) 平成区 in a 大同 paper: 平城区 is the paper's own; several of its own are decided
    // among themselves, never by a place elsewhere.
    let local: Vec<_> = match search.region {
        Some(region) => {
            let scope = g.ancestor_at(region, Level::Prefecture).unwrap_or(region);
            (found.iter())
                .filter(|f| f.2.iter().any(|&p| g.is_within(p, scope)))
                .collect()
        }
        None => Vec::new(),
    };
    let candidates: Vec<_> = if local.is_empty() {
        found.iter().collect()
    } else {
        local
    };
    one_right(candidates.iter().copied())
        .or_else(|| one_right(candidates.into_iter().filter(|f| homophone(f.3))))
}

/// The first of `kept` when all of them name the same place.
fn one_right<'a, 'b>(
    mut kept: impl Iterator<Item = &'b (Span, &'a str, &'a [PlaceId], Slip)>,
) -> Option<(Span, &'a str, &'a [PlaceId], Slip)>
where
    'a: 'b,
{
    let one = kept.next()?;
    kept.all(|f| f.1 == one.1).then_some(*one)
}

/// A character replaced by one of the same syllable and tone.
fn homophone(slip: Slip) -> bool {
    matches!(slip, Slip::Replaced { written, right, why: Confusion::Sound }
        if crate::confusable::same_tone(written, right))
}

/// Two odd forms of a name at the suffix opened at byte `at` of `segment`: with `suffix`,
/// a name in quotes before it (`“新华”县`); without (the suffix is cut), a 街道 that lost its
/// 道 (`水泊寺街将`).
pub(super) fn odd_form(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    segment: Span,
    at: usize,
    suffix: Option<&'static str>,
    known: &Written<'_>,
) -> Option<SlipCandidate> {
    match suffix {
        Some(suffix) => quoted(input, search, segment, at, suffix, known),
        None => street_cut(input, search, segment, at, known),
    }
}

/// Ex) 娄底市“新华”县: the stem in quotes, the suffix after them. Compared like any other
/// name; the fix rewrites what is inside the quotes.
fn quoted(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    segment: Span,
    at: usize,
    suffix: &'static str,
    known: &Written<'_>,
) -> Option<SlipCandidate> {
    let body = &input.text[segment.range()];
    let close = body[..at].chars().next_back()?;
    let open = match close {
        '”' => '“',
        '」' => '「',
        '’' => '‘',
        _ => return None,
    };
    let inner_end = at - close.len_utf8();
    let mut inner_start = inner_end;
    let mut chars = 0;
    let mut opened = false;
    for (i, c) in body[..inner_end].char_indices().rev() {
        if c == open {
            opened = true;
            break;
        }
        if !is_han(c) || chars == MAX_STEM {
            return None;
        }
        inner_start = i;
        chars += 1;
    }
    if !opened || chars < 2 {
        return None;
    }
    let g = search.g();
    let stem = &body[inner_start..inner_end];
    let name = format!("{stem}{suffix}");
    if !g.matcher().refs(&name).is_empty() {
        return None;
    }
    let base = segment.start;
    let open_at = base + (inner_start - open.len_utf8()) as u32;
    let span = Span::new(open_at, base + (at + suffix.len()) as u32);
    let inner = Span::new(base + inner_start as u32, base + inner_end as u32);
    let candidate = Candidate {
        span,
        name: &name,
        suffix,
        parent: known.ending_at(open_at),
        clamped: false,
    };
    let mut slip = compare_under(input, search, &candidate, known.all).or_else(|| {
        let slips = UpperNames::builtin_slips(g, &name);
        let [one] = &slips[..] else { return None };
        let basis = candidate
            .parent
            .map_or(SlipBasis::Context, SlipBasis::Parent);
        let (right, places) = (one.right.to_owned(), one.places.to_vec());
        Some(slip_candidate(
            span, &name, right, places, one.slip, basis, known.all,
        ))
    })?;
    let right_stem = slip.right.strip_suffix(suffix).unwrap_or(&slip.right);
    slip.edit = (inner, right_stem.to_owned());
    Some(slip)
}

/// Characters after `X街` that make it a street or a short form of its own, not a 街道
/// cut short: `中山街路口`, `街办` (街道办事处), `街镇`, `街村`.
const STREET_WORDS: &str =
    "路巷口头坊区景心边面上下里内外市舞灯角亭楼铺店号东西南北中段小两旁办乡镇村居党工委与改";

/// The slip of a `written` 街 that is a 街道: cut short, or with 道 typed as a character of
/// its sound (`柯岩街到的`), when `next` is one.
fn cut_short(
    written: Span,
    name: &str,
    next: char,
    right: String,
    places: Vec<PlaceId>,
    basis: SlipBasis,
) -> SlipCandidate {
    let end = written.end;
    let (span, name, slip, edit) = if DAO.contains(next) {
        let cut = end + next.len_utf8() as u32;
        let slip = Slip::Replaced {
            written: next,
            right: '道',
            why: Confusion::Sound,
        };
        (
            Span::new(written.start, cut),
            format!("{name}{next}"),
            slip,
            Span::new(end, cut),
        )
    } else {
        let slip = Slip::Truncated { missing: '道' };
        (written, name.to_owned(), slip, Span::new(end, end))
    };
    SlipCandidate {
        span,
        name,
        right,
        places,
        villages: Vec::new(),
        slip,
        basis,
        edit: (edit, "道".to_owned()),
    }
}

/// Characters read `dao` that a pinyin input method offers before 道: `街到` is `街道`
/// mistyped, not a 街道 that lost its 道 before `到`.
const DAO: &str = "到倒导盗稻悼蹈捣祷";

/// Ex) 水泊寺街将…: a town's name whose 街道 lost its 道 before the next word. Counted only
/// where the text vouches for the town: it is written whole elsewhere in the draft, or its
/// parent is written right before. Lying in `[bulletin] region` is not enough: a 街道 is
/// most often named after a street of its own (`迎宾街`, `永泰街`), which the paper prints
/// as often as the office. The finding covers `水泊寺街`; the fix inserts `道` and leaves
/// the next word alone.
fn street_cut(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    segment: Span,
    at: usize,
    known: &Written<'_>,
) -> Option<SlipCandidate> {
    let body = &input.text[segment.range()];
    let after = at + '街'.len_utf8();
    if !body[at..].starts_with('街') {
        return None;
    }
    let next = body[after..].chars().next()?;
    if !is_han(next) || next == '道' || STREET_WORDS.contains(next) {
        return None;
    }
    let base = segment.start;
    let cut_at = base + at as u32;
    if known.inside(cut_at) {
        return None;
    }
    let g = search.g();
    let mentions = known.all;
    // The stem's possible starts, longest first: back to a known name or a non-Han
    // character, at most eight characters.
    let mut starts: Vec<usize> = Vec::with_capacity(MAX_STEM);
    for (i, c) in body[..at].char_indices().rev() {
        let ends_name = known.ending_at(base + (i + c.len_utf8()) as u32).is_some();
        if !is_han(c) || starts.len() == 8 || ends_name {
            break;
        }
        starts.push(i);
    }
    for &start in starts
        .iter()
        .rev()
        .filter(|&&s| body[s..at].chars().count() >= 2)
    {
        let right = format!("{}街道", &body[start..at]);
        let places: Vec<PlaceId> = g
            .matcher()
            .refs(&right)
            .iter()
            .filter_map(|r| match *r {
                NameRef::Place(p) if g.place(p).level == Level::Town => Some(p),
                _ => None,
            })
            .collect();
        if places.is_empty() {
            continue;
        }
        let start_at = base + start as u32;
        let parent = known.ending_at(start_at);
        // A 街道 is most often named after its main street (新华街道, 新华街): the parent
        // holding a 街道 of that name does not make the street one; the draft writing the
        // 街道 in full does.
        if !mentions.iter().any(|m| *m.name == *right) {
            return None;
        }
        // Ex) 从解放街到新华街: a street, from where to where.
        if next == '到' && body[..start].ends_with(['从', '自', '由']) {
            return None;
        }
        let basis = parent.map_or(SlipBasis::Context, SlipBasis::Parent);
        let written = Span::new(start_at, base + after as u32);
        return Some(cut_short(
            written,
            &body[start..after],
            next,
            right,
            places,
            basis,
        ));
    }
    None
}
