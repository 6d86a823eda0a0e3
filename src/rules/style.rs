//! The house style a draft is judged against, key by key.
//!
//! Papers differ in how they print a credit, a weekday or a range, and each of those ways is
//! an option, not an error. Each house-style key is set by the configuration, else by its
//! preset, else settled by the draft itself: the option it uses most, when it uses that
//! option at least [`MIN_USES`] times and no other option ties. A key that stays open reports
//! nothing, so findings do not flicker while a reporter types a draft's first lines. Forms
//! that are no option at all (half-width parentheses in a credit, `-` in a date range) are
//! findings in every style, and the rules report them whatever the key says.
//!
//! `lint` settles the keys for each draft before the rules run; rules only read them.

use std::collections::HashSet;

use crate::config::{
    BylineForm, BylinePosition, CreditSpacing, DigitsStyle, NameSeparator, Numerals, ParenWidth,
    PhotoStyle, RangeConnector, WeekdayWord,
};

/// How often a draft must use one option of a key before its own usage settles the key.
pub(crate) const MIN_USES: usize = 3;

/// The value of one house-style key for one draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice<T> {
    /// Set by the configuration or its preset.
    Fixed(T),
    /// Not set; the option the draft uses most, with how many of its uses chose it.
    Inferred { value: T, uses: usize },
    /// Not set, and the draft does not settle it: no form of this key is reported.
    #[default]
    Open,
}

impl<T: Copy + PartialEq> Choice<T> {
    /// The house's option, when it has one.
    pub(crate) fn get(self) -> Option<T> {
        match self {
            Choice::Fixed(value) | Choice::Inferred { value, .. } => Some(value),
            Choice::Open => None,
        }
    }

    /// True when `used` is an option other than the house's; never while the key is open.
    pub(crate) fn departs(self, used: T) -> bool {
        self.get().is_some_and(|house| house != used)
    }

    /// The house's option, else `fallback` (what the draft itself wrote, for a fix that must
    /// not change a form the house has not chosen).
    pub(crate) fn or(self, fallback: T) -> T {
        self.get().unwrap_or(fallback)
    }

    /// A note saying where the house's option came from, for messages: the configuration
    /// needs no word, a draft's own majority does.
    pub(crate) fn source_note(self, option: &str) -> Option<String> {
        match self {
            Choice::Inferred { uses, .. } => Some(format!("本稿有 {uses} 处用{option}")),
            _ => None,
        }
    }
}

/// How a paper names the day of its news.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayNames {
    /// `今天`, `昨天`, `上周五`: counted from the dateline or the issue date.
    Relative,
    /// `14日`: the day itself.
    Absolute,
}

/// Every house-style key, settled for one draft, with the newsroom facts the style rules
/// need beside them.
#[derive(Clone, Debug, Default)]
pub struct House<'a> {
    /// `本报讯（记者 A）` or `本报讯 记者A报道：`.
    pub(crate) form: Choice<BylineForm>,
    /// Only an explicit setting allows half-width parentheses; never inferred.
    pub(crate) parens: ParenWidth,
    pub(crate) separator: Choice<NameSeparator>,
    /// `记者 王海` or `记者王海`: the space between a credit's role and names, and before `摄`.
    pub(crate) spacing: Choice<CreditSpacing>,
    pub(crate) position: Choice<BylinePosition>,
    /// `true`: a `本报讯` lead names its reporters; `false`: desk copy is the house style.
    pub(crate) require_reporter: Choice<bool>,
    pub(crate) photo: Choice<PhotoStyle>,
    pub(crate) weekday: Choice<WeekdayWord>,
    pub(crate) range: Choice<RangeConnector>,
    pub(crate) digits: Choice<DigitsStyle>,
    pub(crate) numerals: Numerals,
    /// Whether the days of the news are named relative to the day of writing (`今天`,
    /// `昨天`) or by their date (`14日`).
    pub(crate) days: Choice<DayNames>,
    /// The newsroom's reporters (`[byline] roster`).
    pub(crate) roster: &'a [String],
    pub(crate) default_reporter: Option<&'a str>,
    /// Names the page's credits print standing alone, not run into another name: with the
    /// roster, what shows a run of names (`王海李敏`) to be two. Gathered only when some
    /// credit runs names together.
    pub(crate) printed_apart: HashSet<String>,
}

impl House<'_> {
    /// True when `name` is a name the house knows: on the roster, or printed standing alone
    /// in a credit of the page.
    pub(crate) fn knows_name(&self, name: &str) -> bool {
        self.roster.iter().any(|r| r == name) || self.printed_apart.contains(name)
    }

    /// True when the position `place` (lead or end) is the house's, or the key is open.
    pub(crate) fn accepts_position(&self, place: BylinePosition) -> bool {
        match self.position.get() {
            None | Some(BylinePosition::Mixed) => true,
            Some(house) => house == place,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_key_departs_from_nothing() {
        let open: Choice<WeekdayWord> = Choice::Open;
        assert!(!open.departs(WeekdayWord::Zhou));
        assert_eq!(open.or(WeekdayWord::Zhou), WeekdayWord::Zhou);
        let fixed = Choice::Fixed(WeekdayWord::Xingqi);
        assert!(fixed.departs(WeekdayWord::Zhou));
        assert!(!fixed.departs(WeekdayWord::Xingqi));
        assert_eq!(fixed.source_note("星期"), None);
        let inferred = Choice::Inferred {
            value: WeekdayWord::Xingqi,
            uses: 4,
        };
        assert_eq!(
            inferred.source_note("“星期”").unwrap(),
            "本稿有 4 处用“星期”"
        );
    }

    #[test]
    fn mixed_and_open_positions_accept_lead_and_end() {
        let mut house = House::default();
        assert!(house.accepts_position(BylinePosition::End));
        house.position = Choice::Fixed(BylinePosition::Mixed);
        assert!(house.accepts_position(BylinePosition::End));
        assert!(house.accepts_position(BylinePosition::Lead));
        house.position = Choice::Fixed(BylinePosition::Lead);
        assert!(!house.accepts_position(BylinePosition::End));
    }
}
