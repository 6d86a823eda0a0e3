//! ASCII full stops typed in Chinese text: `宣传.社区工作人员` (a sentence's `。`) and
//! `接力跑...现场` (an ellipsis, `……`).

use crate::diagnostic::Diagnostic;
use crate::document::{BlockKind, Draft};
use crate::fix::{Edit, Fix};
use crate::text::{is_han, CharSet, Span};

use super::{in_url_or_email, RULE};

/// Chinese numerals: `五.一` and `一二.九` are dates written with a dot for the `·` of
/// GB/T 15834 4.14, `一.活动时间` a list's number; neither is a sentence's end.
const NUMERALS: CharSet = CharSet::of("零一二三四五六七八九十百千两");

fn is_numeral(c: char) -> bool {
    c == '〇' || NUMERALS.contains(c)
}

/// Characters common in transcribed names (the Xinhua transcription tables, Uygur and
/// Mongolian names): a dot between two of them may be a name's `·` (`买买提.艾力`,
/// `马克.吐温`), so the finding suggests both marks and fixes neither.
const TRANSCRIBED: CharSet = CharSet::of(concat!(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼边宾波伯博布查察柴昌彻楚茨达戴丹道德登邓迪狄蒂",
    "丁杜敦顿多厄恩尔法范菲芬丰夫福弗伏盖甘冈戈哥格根贡古瓜圭哈海汉豪赫黑亨洪胡怀惠",
    "霍基吉加贾简杰金晋久卡凯坎康考柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾黎里理丽利莉",
    "历连廉列林琳留龙隆卢鲁路伦罗洛吕马玛迈麦曼芒毛梅门蒙孟米密明莫墨默姆穆纳娜奈南",
    "内妮尼涅宁纽努诺欧帕派潘庞佩彭皮珀普奇齐契恰乔切钦琼丘萨塞赛桑瑟森沙莎尚舍什圣",
    "施史舒斯松苏索塔泰坦汤唐特提廷通图托瓦万旺威韦维温沃乌伍武西希锡席夏谢辛欣休雅",
    "亚扬耶叶伊依英尤约扎詹泽兹祖佐买力木江汗热吐合逊吾玉孜则热依帕尔罕娅姆顿珠次仁",
    "扎西卓嘎措桑吉旦增央金格桑曲"
));

/// Chinese top-level domains: `平城区人民政府.政务` is an address, not two sentences.
const DOMAINS: [&str; 5] = ["中国", "公司", "网络", "政务", "公益"];

/// Reports the ASCII dots of every line of prose on the page.
pub(super) fn check(text: &str, draft: &Draft, acc: &mut Vec<Diagnostic>) {
    for block in draft.blocks.iter().filter(|b| b.kind != BlockKind::Other) {
        for &line in &block.lines {
            if memchr::memchr(b'.', text[line.range()].as_bytes()).is_none() {
                continue;
            }
            for piece in draft.unmasked(line) {
                let at_line_end = text[piece.end as usize..line.end as usize]
                    .trim()
                    .is_empty();
                check_piece(text, piece, at_line_end, acc);
            }
        }
    }
}

/// Where a dot stands in its line: inside `《》` (a title, whose dot is a `·`) or not.
/// Advanced with the dots, so a line is read once however many dots it holds.
struct Titles {
    read: usize,
    depth: u32,
}

impl Titles {
    fn open_at(&mut self, body: &str, at: usize) -> bool {
        for c in body[self.read..at].chars() {
            match c {
                '《' => self.depth += 1,
                '》' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        self.read = at;
        self.depth > 0
    }
}

fn check_piece(text: &str, piece: Span, at_line_end: bool, acc: &mut Vec<Diagnostic>) {
    let body = &text[piece.range()];
    let bytes = body.as_bytes();
    let mut titles = Titles { read: 0, depth: 0 };
    let mut from = 0;
    while let Some(k) = memchr::memchr(b'.', &bytes[from..]) {
        let start = from + k;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b'.').count();
        from = end;
        if !body[..start].chars().next_back().is_some_and(is_han) || in_url_or_email(body, start) {
            continue;
        }
        let found = match end - start {
            1 => period(body, start, at_line_end, &mut titles),
            2 => None,
            _ => ellipsis(body, start, end),
        };
        if let Some(found) = found {
            acc.push(found.diagnostic(piece.start, start, end));
        }
    }
}

/// What a dot (or a run of them) is, and how it is mended.
enum Found {
    /// A sentence's end: `。`, for sure; `spaces` typed after it go too.
    Period { spaces: usize },
    /// A sentence's end or a name's `·`; `title` when inside `《》`, where `·` comes first.
    PeriodOrDot { title: bool },
    /// An ellipsis; for sure when three or six dots.
    Ellipsis { spaces: usize, sure: bool },
}

impl Found {
    fn diagnostic(self, base: u32, start: usize, end: usize) -> Diagnostic {
        let at = |from: usize, to: usize| Span::new(base + from as u32, base + to as u32);
        let span = at(start, end);
        match self {
            Found::Period { spaces } => {
                let edit = Edit::replace(at(start, end + spaces), "。");
                let fix = Fix::safe("改为句号“。”", vec![edit]);
                let message = "中文句末用了半角句点“.”，应为句号“。”";
                Diagnostic::new(&RULE, span, message).with_fix(fix)
            }
            Found::PeriodOrDot { title } => {
                let message = "汉字之间用了半角句点“.”：如是句末，应为句号“。”；如是人名、名称中的间隔，应为间隔号“·”";
                let stop = Fix::suggested("改为句号“。”", vec![Edit::replace(span, "。")]);
                let dot = Fix::suggested("改为间隔号“·”", vec![Edit::replace(span, "·")]);
                let fixes = if title { [dot, stop] } else { [stop, dot] };
                let [a, b] = fixes;
                Diagnostic::new(&RULE, span, message)
                    .with_fix(a)
                    .with_fix(b)
            }
            Found::Ellipsis { spaces, sure } => {
                let edit = vec![Edit::replace(at(start, end + spaces), "……")];
                let title = "改为省略号“……”";
                let fix = match sure {
                    true => Fix::safe(title, edit),
                    false => Fix::suggested(title, edit),
                };
                let message = "省略号用了半角句点“...”，应为“……”";
                Diagnostic::new(&RULE, span, message).with_fix(fix)
            }
        }
    }
}

/// One dot after a Han character: a sentence's end when a Han character (after any
/// spaces), a closing quote or bracket, or the end of the line follows.
fn period(body: &str, start: usize, at_line_end: bool, titles: &mut Titles) -> Option<Found> {
    let before = body[..start].chars().next_back()?;
    let rest = &body[start + 1..];
    let word = rest.trim_start_matches(' ');
    let spaces = rest.len() - word.len();
    let next = word.chars().next();
    match next {
        Some(c) if is_han(c) => {}
        Some('”' | '’' | '）' | '」' | '』') if spaces == 0 => {}
        None if at_line_end => {}
        _ => return None,
    }
    let after = next.filter(|&c| is_han(c));
    // Ex) `五.一`, `一二.九`: a date's `·`; `一.活动时间`, `；二.加强领导`: a list's number.
    if after.is_some_and(is_numeral) && is_numeral(before) {
        return None;
    }
    if is_list_number(&body[..start]) {
        return None;
    }
    // Ex) `平城区人民政府.政务`: a Chinese domain name.
    let domain = |d: &&str| {
        word.strip_prefix(*d)
            .is_some_and(|tail| !tail.chars().next().is_some_and(is_han))
    };
    if spaces == 0 && DOMAINS.iter().any(domain) {
        return None;
    }
    let title = titles.open_at(body, start);
    let named = after.is_some_and(|c| TRANSCRIBED.contains(c)) && TRANSCRIBED.contains(before);
    if title || (named && spaces == 0) {
        return Some(Found::PeriodOrDot { title });
    }
    let spaces = if after.is_some() { spaces } else { 0 };
    Some(Found::Period { spaces })
}

/// Whether `before` (the text ahead of a dot) ends in a list's Chinese number at the start
/// of the line or after a mark: `一`, `十二`, `第三`.
fn is_list_number(before: &str) -> bool {
    let digits = before.trim_end_matches(is_numeral);
    if digits.len() == before.len() {
        return false;
    }
    let head = digits.strip_suffix('第').unwrap_or(digits);
    !head.chars().next_back().is_some_and(is_han)
}

/// Three or more dots after a Han character: an ellipsis, unless a file name, a path or a
/// word of Latin letters runs on from them (`见附件...docx`).
fn ellipsis(body: &str, start: usize, end: usize) -> Option<Found> {
    let rest = &body[end..];
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || "/\\_-".contains(c))
    {
        return None;
    }
    let word = rest.trim_start_matches(' ');
    let spaces = match word.chars().next().is_some_and(is_han) {
        true => rest.len() - word.len(),
        false => 0,
    };
    Some(Found::Ellipsis {
        spaces,
        sure: matches!(end - start, 3 | 6),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_number_opening_a_line_or_after_a_mark_is_a_list_number() {
        for before in ["一", "十二", "第三", "；二", "。四", "（五）六"] {
            assert!(is_list_number(before), "{before}");
        }
        for before in ["思想统一", "参加", "", "3"] {
            assert!(!is_list_number(before), "{before}");
        }
    }

    #[test]
    fn dots_in_titles_and_between_name_characters_are_only_suggested() {
        let mut titles = Titles { read: 0, depth: 0 };
        let body = "共读《三国志.蜀书》";
        let at = body.find('.').unwrap();
        assert!(matches!(
            period(body, at, false, &mut titles),
            Some(Found::PeriodOrDot { title: true })
        ));
        let body = "村民买买提.艾力说";
        let mut titles = Titles { read: 0, depth: 0 };
        let at = body.find('.').unwrap();
        assert!(matches!(
            period(body, at, false, &mut titles),
            Some(Found::PeriodOrDot { title: false })
        ));
        let body = "开展防溺水宣传.社区工作人员";
        let mut titles = Titles { read: 0, depth: 0 };
        let at = body.find('.').unwrap();
        assert!(matches!(
            period(body, at, false, &mut titles),
            Some(Found::Period { spaces: 0 })
        ));
    }
}
