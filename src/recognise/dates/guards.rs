//! What is not a date though it looks like one: lunar dates, durations and counts,
//! numbered things, list numbers, numerals inside words.

use super::scanner::Scanner;
use super::times::TIME_OF_DAY;
use super::{calendar, DateExpr, DayWord};
use crate::recognise::digits::is_digit;
use crate::text::is_han;

/// Words before a number that make `N日` a count of days, not a date.
const DURATION_BEFORE: [&str; 30] = [
    "连续", "持续", "为期", "历时", "长达", "达", "近", "约", "共", "仅", "只", "才", "前", "头",
    "后", "这", "那", "数", "用", "需", "花", "耗时", "逾", "超过", "不到", "不足", "再", "又",
    "隔", "最近",
];

/// Words after `N日` that make it a count or money.
const DURATION_AFTER: [&str; 12] = [
    "以内", "之内", "内", "游", "左右", "多", "余", "元", "币", "圆", "之久", "后",
];

/// Words after a two-digit year `NN年` at the start of a clause that make it surely a year:
/// a part of the year, or the place whose year it is (`23年全区实现…`, `24年一季度`).
const SHORT_YEAR_AFTER: [&str; 20] = [
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "前三季度",
    "上半年",
    "下半年",
    "全区",
    "全市",
    "全县",
    "全省",
    "全国",
    "我区",
    "我市",
    "我县",
    "我省",
];

/// Who `今天` is "nowadays" for: `今天我们…`, `今天人们…`.
const NOW_WHO: [&str; 8] = [
    "我们", "人们", "咱们", "我国", "中国", "世界", "人类", "社会",
];

/// What they do "nowadays", right after who: duties and conditions, not events of a day.
const NOW_WHAT: [&str; 14] = [
    "应该",
    "应当",
    "必须",
    "需要",
    "仍然",
    "依然",
    "更加",
    "更要",
    "所处",
    "所面临",
    "所拥有",
    "生活在",
    "面临",
    "面对",
];

/// Words that set the present against the past, in the clause after `今天，我们`.
const NOW_AGAINST_PAST: [&str; 9] = [
    "历史",
    "任何时期",
    "以往",
    "回望",
    "回首",
    "来路",
    "时代",
    "越来越",
    "前所未有",
];

/// Words in the clause that make it a day after all: a time of day, an event.
const DAY_WORDS: [&str; 16] = [
    "上午",
    "下午",
    "晚上",
    "凌晨",
    "早上",
    "中午",
    "清晨",
    "傍晚",
    "举行",
    "召开",
    "举办",
    "开幕",
    "闭幕",
    "宣布",
    "在这里",
    "在此",
];

/// The relative days, as a chain of them is read back (`昨天、今天和明天`).
const RELATIVE_DAYS: [&str; 6] = ["今天", "今日", "昨天", "昨日", "明天", "明日"];

/// True when `before` ends with a chain of relative days opened by `的`: `社区的今天`,
/// `小城的昨天、今天` — eras side by side, not days.
fn era_chain(mut before: &str) -> bool {
    while let Some(rest) = RELATIVE_DAYS.iter().find_map(|w| before.strip_suffix(w)) {
        if rest.ends_with('的') {
            return true;
        }
        match rest.strip_suffix(['与', '和', '及', '、']) {
            Some(joined) => before = joined,
            None => return false,
        }
    }
    false
}

impl Scanner<'_> {
    /// True when what precedes the relative day word at `pos` (`offset` days from today)
    /// makes it no day.
    pub(super) fn no_day_after_what_precedes(&self, pos: usize, offset: i32) -> bool {
        let Some(prev) = self.char_before(pos) else {
            return false;
        };
        // Ex) 如今天气, 目前天气, 光明天地, 如今日本: the word is the tail of another word.
        if is_han(prev)
            && !"于在是就已也都又还从到他她我们人者长并曾直至自截但和与及则便才均仍日当"
                .contains(prev)
        {
            return true;
        }
        let before = self.before(pos - prev.len_utf8());
        // Ex) 时至今日, 搞到今天这个样子: "up to now", not a day — but 昨天到今天 is a span
        // of two days.
        let from_a_day = ["昨天", "昨日", "前天", "前日"]
            .iter()
            .any(|w| before.ends_with(w));
        if offset == 0 && "至到".contains(prev) && !from_a_day {
            return true;
        }
        // Ex) 社区的今天与昨天, 小城的昨天、今天和明天: eras side by side, after 的.
        "与和及、".contains(prev) && era_chain(before)
    }

    /// True when `今天` ending at `end` means "nowadays": `今天我们更加需要…`, `今天人们
    /// 面临…` — who, then a duty or condition, with no time of day or event in the clause.
    /// `今天我们在这里举行…` and `今天我们走访了…` stay days.
    ///
    /// After a comma, who is followed by a clause that sets the present against the past:
    /// `今天，我们比历史上任何时期都更接近…`, `今天，我们回望来路` — but `今天，我们走访了…`
    /// is a day.
    pub(super) fn today_means_now(&self, end: usize) -> bool {
        let rest = self.rest(end);
        let (rest, comma) = match rest.strip_prefix('，') {
            Some(after) => (after, true),
            None => (rest, false),
        };
        let clause = &rest[..rest
            .find(['，', '。', '；', '！', '？', '：'])
            .unwrap_or(rest.len())];
        let Some(after_who) = NOW_WHO.iter().find_map(|w| clause.strip_prefix(w)) else {
            return false;
        };
        if DAY_WORDS.iter().any(|w| clause.contains(w)) {
            return false;
        }
        NOW_WHAT.iter().any(|w| after_who.starts_with(w))
            || (comma
                && !after_who.contains('了')
                && NOW_AGAINST_PAST.iter().any(|w| after_who.contains(w)))
    }

    /// True when a two-digit number from `start`, with its `年` ending at `after`, is surely
    /// a year though no month follows: `从19年开始`, `自19年起`, or at the start of a
    /// clause before a part of the year or a place (`23年全区…`, `24年一季度`) — never a
    /// count (`干了23年`, `23年来`, `23年工龄`, `23年，他一直…`).
    pub(super) fn short_year_alone(&self, start: usize, after: usize) -> bool {
        let before = self.before(start);
        let rest = self.rest(after);
        let from = before.strip_suffix(['从', '自']).is_some_and(|b| {
            b.chars()
                .next_back()
                .is_none_or(|c| !is_han(c) || "他她我们就也都还并是".contains(c))
        });
        if from && (rest.starts_with("开始") || rest.starts_with('起')) {
            return true;
        }
        let clause_initial = before
            .chars()
            .next_back()
            .is_none_or(|c| "，。；：（）！？ \u{3000}".contains(c));
        clause_initial && SHORT_YEAR_AFTER.iter().any(|w| rest.starts_with(w))
    }

    /// True when `pos` follows a list number at the start of its line (`１．`, `2.`) and a
    /// month follows.
    pub(super) fn after_list_number(&self, pos: usize) -> bool {
        let before = self.before(pos);
        let Some(dotless) = before.strip_suffix(['.', '．']) else {
            return false;
        };
        let number = dotless.trim_end_matches(is_digit);
        // A decimal (`1.5日`) is followed by a day; a list item by a month.
        number.len() < dotless.len()
            && number.trim_end_matches([' ', '\u{3000}']).is_empty()
            && self.month_follows(pos)
    }

    pub(super) fn is_lunar_prefix(&self, pos: usize) -> bool {
        let before = self.before(pos);
        ["农历", "阴历", "夏历", "旧历"]
            .iter()
            .any(|w| before.ends_with(w))
    }

    /// Ex) 五月初五, 八月十五 — a Chinese month followed by a lunar day (`初五`, or a number
    /// without `日`).
    pub(super) fn is_lunar_day(&self, after_month: usize) -> bool {
        match self.char_at(after_month) {
            Some('初' | '廿' | '卅') => true,
            Some(c) if calendar::is_chinese_numeral(c) => self
                .chinese(after_month)
                .is_none_or(|n| self.day_unit(n.end).is_none()),
            _ => false,
        }
    }

    /// A Chinese numeral starting a word, not ending one (`统一月`).
    pub(super) fn clean_start_for_chinese(&self, pos: usize) -> bool {
        match self.char_before(pos) {
            None => true,
            Some(c) if !is_han(c) => true,
            Some(c) => "年于在至到从自是的今去明和与及或止当同起迄每这那".contains(c),
        }
    }

    /// Applies the guards a day without month or year needs (`连续5日`, `3日内`, `7号楼`).
    pub(super) fn check_day_only(&self, expr: DateExpr) -> Option<DateExpr> {
        if !expr.is_day_only() {
            return Some(expr);
        }
        let start = expr.span.start as usize;
        let end = expr.span.end as usize;
        if self.duration_before(start) || self.duration_after(end) {
            return None;
        }
        if expr.day_word == Some(DayWord::Hao) && !self.hao_is_date(start, end) {
            return None;
        }
        Some(expr)
    }

    pub(super) fn duration_before(&self, start: usize) -> bool {
        let before = self.before(start);
        DURATION_BEFORE.iter().any(|w| before.ends_with(w))
    }

    pub(super) fn duration_after(&self, end: usize) -> bool {
        let rest = self.rest(end);
        DURATION_AFTER.iter().any(|w| rest.starts_with(w))
    }

    /// `N号` is a date only where the text says so: a weekday or a time of day follows, a
    /// month word precedes, or a preposition of time precedes and the clause goes on.
    pub(super) fn hao_is_date(&self, start: usize, end: usize) -> bool {
        let rest = self.rest(end);
        let before = self.before(start);
        let weekday_follows = self.weekday_after(end).is_some();
        let time_follows = TIME_OF_DAY.iter().any(|w| rest.starts_with(w));
        let month_word = [
            "本月",
            "上月",
            "下月",
            "这个月",
            "当月",
            "下个月",
            "上个月",
            "次月",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        let not_preposition = [
            "位于", "处于", "等于", "大于", "小于", "属于", "对于", "关于", "至于", "在于", "由于",
            "基于", "鉴于", "用于", "便于", "终于", "限于", "归于", "源于", "高于", "低于", "多于",
            "少于", "存在", "所在", "正在", "现在", "实在",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        let preposition = [
            "于", "在", "从", "到", "至", "是", "截至", "截止", "自", "定于",
        ]
        .iter()
        .any(|w| before.ends_with(w))
            && !not_preposition;
        let clause_goes_on = rest.is_empty()
            || rest.starts_with(['，', '。', '；', '、', '！', '？', '）', ',', ' '])
            || [
                "起", "前", "晚", "早", "举行", "召开", "开幕", "闭幕", "开始", "至", "到", "—",
            ]
            .iter()
            .any(|w| rest.starts_with(w));
        // Ex) 本报讯（记者 李敏）16号，… — a day opening the lead after its credit.
        let after_credit = before
            .strip_suffix('）')
            .and_then(|b| b.rfind('（').map(|i| &b[..i]))
            .is_some_and(|b| b.ends_with(['讯', '电']))
            || before.ends_with("本报讯");
        // Ex) 15号，社区… — a day opening its clause, as `15日，` does.
        let clause_initial = (after_credit
            || before
                .chars()
                .next_back()
                .is_none_or(|c| "，。；：、（ ！？\u{3000}".contains(c)))
            && rest.starts_with(['，', ','])
            && !before.ends_with(['、']);
        weekday_follows
            || time_follows
            || month_word
            || clause_initial
            || (preposition && clause_goes_on)
    }
}
