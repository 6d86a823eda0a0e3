//! Day words: weekdays (`（星期三）`, `周四`), relative days (`昨天`, `本周三`) and the words
//! that name a month or year relative to the issue date (`本月16日`, `去年3月`).

use jiff::civil::Weekday;

use super::scanner::Scanner;
use super::{calendar, DateMention, Mention, Relative, WeekdayWord, WrittenWeekday};
use crate::text::{is_han, Span};

impl Scanner<'_> {
    /// `今年`, `去年`, `前年`, `明年` before a month, in its clause and at most twelve
    /// characters back: `去年3月`, `去年中秋节是9月29日`. The nearest wins (`去年12月至今年3月`).
    pub(super) fn year_word_before(&self, pos: usize) -> Option<i8> {
        let before = self.before(pos);
        let from = (before.char_indices().rev())
            .take(12)
            .take_while(|&(_, c)| !"，。；！？、：\n".contains(c))
            .last()
            .map_or(before.len(), |(i, _)| i);
        let clause = &before[from..];
        [("今年", 0), ("去年", -1), ("前年", -2), ("明年", 1)]
            .iter()
            .filter_map(|(w, o)| Some((clause.rfind(w)?, *o)))
            .max_by_key(|&(at, _)| at)
            .map(|(_, o)| o)
    }

    /// `本月`, `上月`, `下个月` right before a day.
    pub(super) fn month_word_before(&self, pos: usize) -> Option<i8> {
        let before = self.before(pos);
        [
            ("本月", 0),
            ("当月", 0),
            ("同月", 0),
            ("这个月", 0),
            ("上个月", -1),
            ("上月", -1),
            ("下个月", 1),
            ("下月", 1),
            ("次月", 1),
        ]
        .iter()
        .find(|(w, _)| before.ends_with(w))
        .map(|(_, o)| *o)
    }

    /// A weekday right after a date: `（星期三）`, `(周三)`, `星期三`, ` 周三`.
    pub(super) fn weekday_after(&self, pos: usize) -> Option<WrittenWeekday> {
        let mut cur = pos;
        while let Some(c) = self.char_at(cur).filter(|c| *c == ' ' || *c == '\u{3000}') {
            cur += c.len_utf8();
        }
        let open = match self.char_at(cur) {
            Some(c @ ('（' | '(')) => {
                cur += c.len_utf8();
                true
            }
            _ => false,
        };
        let (word, weekday, word_end) = self.weekday_word(cur)?;
        let mut end = word_end;
        if open {
            match self.char_at(end) {
                Some(c @ ('）' | ')')) => end += c.len_utf8(),
                _ => return None,
            }
        }
        let span_start = if open {
            cur - self.char_before(cur).map_or(0, char::len_utf8)
        } else {
            cur
        };
        Some(WrittenWeekday {
            span: Span::from_range(span_start..end),
            word_span: Span::from_range(cur..word_end),
            word,
            weekday,
            parenthesized: open,
        })
    }

    /// `星期三`, `周三`, `礼拜三` at `pos`.
    pub(super) fn weekday_word(&self, pos: usize) -> Option<(WeekdayWord, Weekday, usize)> {
        let (word, after) = if let Some(after) = self.eat(pos, "星期") {
            (WeekdayWord::Xingqi, after)
        } else if let Some(after) = self.eat(pos, "礼拜") {
            (WeekdayWord::Libai, after)
        } else if let Some(after) = self.eat(pos, "周") {
            (WeekdayWord::Zhou, after)
        } else {
            return None;
        };
        let ch = self.char_at(after)?;
        let weekday = calendar::weekday_from_char(ch)?;
        // Ex) 周天 is rare and 周日 common; 礼拜天/星期天 are fine.
        if word == WeekdayWord::Zhou && ch == '天' {
            return None;
        }
        let end = after + ch.len_utf8();
        // Ex) 一周一次, 周年, 星期一至: the next character must not make a longer word.
        if let Some(next) = self.char_at(end) {
            if "次遍回趟期轮岁刊报年记内间十".contains(next) {
                return None;
            }
        }
        Some((word, weekday, end))
    }

    /// A weekday standing alone: `周四`, `星期日`.
    pub(super) fn at_weekday(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let (word, weekday, end) = self.weekday_word(pos)?;
        // Ex) 周一 as a name (周一说) — only accept after a non-name character.
        if word == WeekdayWord::Zhou {
            let prev = self.char_before(pos);
            if prev.is_some_and(|c| {
                is_han(c) && !"每本上下这至到和、或及的于在逢隔是从今明昨".contains(c)
            }) {
                return None;
            }
        }
        let span = Span::from_range(pos..end);
        let written = WrittenWeekday {
            span,
            word_span: span,
            word,
            weekday,
            parenthesized: false,
        };
        out.push(DateMention {
            weekday: Some(weekday),
            ..self.mention(span, Mention::Weekday(written), None)
        });
        Some(end)
    }

    /// `今天`, `今日`, `昨天`, `昨日`, `前天`, `明天`, `明日`.
    pub(super) fn at_relative_day(
        &mut self,
        pos: usize,
        out: &mut Vec<DateMention>,
    ) -> Option<usize> {
        let rest = self.rest(pos);
        let (len, offset) = [
            ("今天", 0),
            ("今日", 0),
            ("昨天", -1),
            ("昨日", -1),
            ("前天", -2),
            ("明天", 1),
            ("明日", 1),
        ]
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .map(|(w, o)| (w.len(), *o))?;
        let end = pos + len;
        if self.no_day_after_what_precedes(pos, offset) {
            return None;
        }
        // Ex) 明天会更好: a hope, not a day.
        if offset == 1
            && ["会更好", "会更美好"]
                .iter()
                .any(|w| self.rest(end).starts_with(w))
        {
            return None;
        }
        // Ex) 今天的中国, 明日之星, 今日头条: the word names an era or a title.
        if let Some(next) = self.char_at(end) {
            if "的之气然地空本元头说谈关视焦论报更".contains(next) {
                return None;
            }
        }
        // Ex) 今天我们更加需要…: "nowadays", not a day.
        if offset == 0 && self.today_means_now(end) {
            return None;
        }
        let relative = Relative::Day {
            offset: offset as i8,
        };
        self.push_relative(pos..end, relative, out)
    }

    /// `本周三`, `上周五`, `下周一`, `这周二`, `上星期五`, `下礼拜一`.
    pub(super) fn at_relative_week(
        &mut self,
        pos: usize,
        out: &mut Vec<DateMention>,
    ) -> Option<usize> {
        let ch = self.char_at(pos)?;
        let weeks = match ch {
            '本' | '这' => 0,
            '上' => -1,
            '下' => 1,
            _ => return None,
        };
        let (_, weekday, end) = self.weekday_word(pos + ch.len_utf8())?;
        let relative = Relative::WeekDay {
            weeks: weeks as i8,
            weekday,
        };
        self.push_relative(pos..end, relative, out)
    }

    /// Adds the relative word at `range`, resolved against the issue date; returns its end.
    fn push_relative(
        &self,
        range: std::ops::Range<usize>,
        relative: Relative,
        out: &mut Vec<DateMention>,
    ) -> Option<usize> {
        let end = range.end;
        let resolved = self.issue.and_then(|d| relative_date(relative, d));
        out.push(self.mention(
            Span::from_range(range),
            Mention::Relative(relative),
            resolved,
        ));
        Some(end)
    }
}

/// The day a relative word means, counted from `reference` (the issue date, or its item's
/// dateline).
pub(super) fn relative_date(
    relative: Relative,
    reference: jiff::civil::Date,
) -> Option<jiff::civil::Date> {
    match relative {
        Relative::Day { offset } => calendar::add_days(reference, i64::from(offset)),
        Relative::WeekDay { weeks, weekday } => {
            calendar::weekday_in_week(reference, i64::from(weeks), weekday)
        }
    }
}
