//! Times of day: `9时30分`, `上午9时许`, `9:30`, `9点`, `零时`.

use super::scanner::Scanner;
use super::{DateMention, Digits, Mention, TimeExpr};
use crate::text::{is_han, Span};

/// Parts of a day, before an hour (`上午9时`) or after a day (`8日上午`).
pub(crate) const TIME_OF_DAY: [&str; 13] = [
    "上午", "下午", "晚上", "早上", "早晨", "凌晨", "中午", "傍晚", "清晨", "夜间", "夜里", "晚",
    "早",
];

impl Scanner<'_> {
    /// `9时30分`, `上午9时许`, `9:30`, `9点`, `零时`.
    pub(super) fn time(&mut self, pos: usize, out: &mut Vec<DateMention>) -> Option<usize> {
        let hour = self.number(pos)?;
        if hour.value > 24 || hour.len > 2 {
            return None;
        }
        let before = self.before(pos);
        let tod = TIME_OF_DAY.iter().find(|w| before.ends_with(*w));
        let after_date = before.ends_with(['日', '号']) || tod.is_some();
        if hour.digits == Digits::Chinese && hour.value != 0 && !after_date {
            return None;
        }
        let unit = self.char_at(hour.end)?;
        let mut minute = None;
        let mut end;
        match unit {
            ':' | '：' if hour.digits == Digits::Ascii => {
                let m = self.arabic(hour.end + unit.len_utf8())?;
                if m.len != 2 || m.value > 59 || m.digits != Digits::Ascii {
                    return None;
                }
                minute = Some(m.value as u8);
                end = m.end;
            }
            '时' | '点' => {
                end = hour.end + unit.len_utf8();
                if let Some(m) = self.number(end) {
                    if let Some(after) = self.eat_char(m.end, '分') {
                        if m.value <= 59 {
                            minute = Some(m.value as u8);
                            end = after;
                        }
                    }
                }
                let rest = self.rest(end);
                let next = rest.chars().next();
                let tail_ok = minute.is_some()
                    || next.is_none_or(|c| !is_han(c))
                    || [
                        "许", "整", "左右", "半", "钟", "多", "前", "后", "起", "至", "到",
                    ]
                    .iter()
                    .any(|w| rest.starts_with(w));
                // Ex) 3点意见, 时期, 时间: not a time.
                if unit == '点'
                    && !(minute.is_some()
                        || after_date
                        || ["半", "钟", "整", "许"].iter().any(|w| rest.starts_with(w)))
                {
                    return None;
                }
                if unit == '时'
                    && (!tail_ok && !after_date
                        || "期间候代段刻髦尚速事装空针效差令节机势光局常政任"
                            .contains(next.unwrap_or(' ')))
                {
                    return None;
                }
                for w in ["许", "整", "左右", "半"] {
                    if let Some(e) = self.eat(end, w) {
                        end = e;
                        break;
                    }
                }
            }
            _ => return None,
        }
        let start = tod.map_or(pos, |w| pos - w.len());
        out.push(self.mention(
            Span::from_range(start..end),
            Mention::Time(TimeExpr {
                hour: hour.value as u8,
                minute,
            }),
            None,
        ));
        Some(end)
    }
}
