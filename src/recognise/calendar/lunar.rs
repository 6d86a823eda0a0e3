//! The Chinese calendar, asked of a maintained library (`tyme4rs`): the lunar date and
//! sexagenary year of a Gregorian day, and the day a solar term falls on. Names of stems,
//! branches, zodiac animals, lunar months and days and solar terms come from its tables too.
//!
//! The library panics on days outside its range and on leap months a year does not have, so
//! every call here checks its input first and answers `None` instead; nothing else in the
//! program calls the library.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use jiff::civil::Date;
use tyme4rs::tyme::culture::ZODIAC_NAMES;
use tyme4rs::tyme::lunar::{LunarYear, LUNAR_DAY_NAMES, LUNAR_MONTH_NAMES};
use tyme4rs::tyme::sixtycycle::{EARTH_BRANCH_NAMES, HEAVEN_STEM_NAMES};
use tyme4rs::tyme::solar::{SolarDay, SolarTerm, SOLAR_TERM_NAMES};

/// The years the library's astronomy is asked about; dates outside give no calendar facts.
/// Below 100 it is not sound: asked day by day over years 1–9998, it panicked on 100 days
/// between 10-07-30 and 21-09-30 and on the first solar term of year 1, and nowhere else.
const YEARS: std::ops::RangeInclusive<i16> = 100..=9998;

/// A day of the lunar calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LunarDate {
    /// Index of its year in the sexagenary cycle, 0 (甲子) to 59 (癸亥).
    pub cycle: u8,
    /// 1 (正月) to 12 (腊月).
    pub month: u8,
    /// True in a leap month (`闰四月`).
    pub leap: bool,
    /// 1 (初一) to 30 (三十).
    pub day: u8,
}

impl LunarDate {
    /// `正月初一`, `闰四月十五`, `十二月廿三`.
    pub fn month_day_name(self) -> String {
        format!(
            "{}{}{}",
            if self.leap { "闰" } else { "" },
            month_name(self.month),
            day_name(self.day)
        )
    }
}

/// The lunar date of a Gregorian day.
pub fn lunar_date(date: Date) -> Option<LunarDate> {
    // The library's astronomy costs tens of microseconds a day, and drafts of one paper
    // name the same few days again and again: each answer is kept for the run.
    static DAYS: Memo<Date, Option<LunarDate>> = Memo::new();
    DAYS.get_or(date, || compute_lunar_date(date))
}

fn compute_lunar_date(date: Date) -> Option<LunarDate> {
    let day = solar_day(date)?;
    let lunar = day.get_lunar_day();
    let month = lunar.get_lunar_month();
    // The year of the lunar calendar, which turns at the lunar new year; not the year of the
    // eight characters, which turns at 立春.
    let cycle = month.get_lunar_year().get_sixty_cycle().get_index();
    Some(LunarDate {
        cycle: u8::try_from(cycle).ok()?,
        month: u8::try_from(month.get_month()).ok()?,
        leap: month.is_leap(),
        day: u8::try_from(lunar.get_day()).ok()?,
    })
}

/// The lunar months that cover one Gregorian year, each with its first day: a faster way to
/// the lunar dates of many days of one year than asking for each day.
#[derive(Clone, Debug)]
pub struct YearMonths {
    year: i16,
    /// First day of each month and the month (its `day` is 1), in order.
    months: Vec<(Date, LunarDate)>,
}

impl YearMonths {
    /// The months of the lunar years `year - 1` and `year`, which together hold every day of
    /// the Gregorian year `year`.
    pub fn of(year: i16) -> Option<YearMonths> {
        // Kept for the run, as the days of [`lunar_date`] are.
        static YEARS_MONTHS: Memo<i16, Option<YearMonths>> = Memo::new();
        YEARS_MONTHS.get_or(year, || YearMonths::compute(year))
    }

    fn compute(year: i16) -> Option<YearMonths> {
        if !YEARS.contains(&year) || !YEARS.contains(&(year - 1)) {
            return None;
        }
        let mut months = Vec::with_capacity(26);
        for lunar_year in [year - 1, year] {
            let lunar_year = LunarYear::new(isize::from(lunar_year)).ok()?;
            let cycle = u8::try_from(lunar_year.get_sixty_cycle().get_index()).ok()?;
            for month in lunar_year.get_months() {
                let first = date_of(month.get_first_julian_day().get_solar_day())?;
                months.push((
                    first,
                    LunarDate {
                        cycle,
                        month: u8::try_from(month.get_month()).ok()?,
                        leap: month.is_leap(),
                        day: 1,
                    },
                ));
            }
        }
        Some(YearMonths { year, months })
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    /// The lunar date of `date`, a day of this Gregorian year.
    pub fn lunar_date(&self, date: Date) -> Option<LunarDate> {
        if date.year() != self.year {
            return None;
        }
        let i = self.months.partition_point(|(first, _)| *first <= date);
        let (first, month) = self.months.get(i.checked_sub(1)?)?;
        let day = first.until(date).ok()?.get_days() + 1;
        Some(LunarDate {
            day: u8::try_from(day).ok().filter(|d| *d <= 30)?,
            ..*month
        })
    }
}

/// The day the solar term `term` (an index into [`solar_term_name`]) falls on in the
/// Gregorian year `year`.
pub fn solar_term_day(year: i16, term: u8) -> Option<Date> {
    if !YEARS.contains(&year) || usize::from(term) >= SOLAR_TERM_NAMES.len() {
        return None;
    }
    // The library counts terms from the winter solstice that closes the year before: the
    // term of index `term` in its year `year` falls in `year`, except the solstice itself.
    let library_year = if term == 0 { year + 1 } else { year };
    let day = SolarTerm::from_index(isize::from(library_year), isize::from(term)).get_solar_day();
    let date = date_of(day)?;
    (date.year() == year).then_some(date)
}

/// Answers of a pure function kept for the run, a bounded number of them: past `MEMO_LIMIT`
/// the oldest are forgotten all at once, so that no input can grow it without end.
struct Memo<K, V> {
    answers: Mutex<Option<HashMap<K, V>>>,
}

const MEMO_LIMIT: usize = 4096;

impl<K: Eq + Hash + Copy, V: Clone> Memo<K, V> {
    const fn new() -> Self {
        Memo {
            answers: Mutex::new(None),
        }
    }

    fn get_or(&self, key: K, compute: impl FnOnce() -> V) -> V {
        if let Some(value) = self.lock().as_ref().and_then(|m| m.get(&key)) {
            return value.clone();
        }
        // Computed outside the lock: another thread may compute the same answer meanwhile,
        // which is only wasted work.
        let value = compute();
        let mut answers = self.lock();
        let answers = answers.get_or_insert_with(HashMap::new);
        if answers.len() >= MEMO_LIMIT {
            answers.clear();
        }
        answers.insert(key, value.clone());
        value
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<HashMap<K, V>>> {
        // The map holds only finished answers, so one left by a panicking thread is sound.
        self.answers.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn date_of(day: SolarDay) -> Option<Date> {
    Date::new(
        i16::try_from(day.get_year()).ok()?,
        i8::try_from(day.get_month()).ok()?,
        i8::try_from(day.get_day()).ok()?,
    )
    .ok()
}

fn solar_day(date: Date) -> Option<SolarDay> {
    if !YEARS.contains(&date.year()) {
        return None;
    }
    SolarDay::new(
        isize::from(date.year()),
        usize::try_from(date.month()).ok()?,
        usize::try_from(date.day()).ok()?,
    )
    .ok()
}

/// The index (0..10) of a heavenly stem: 甲 is 0.
pub fn stem_index(ch: char) -> Option<u8> {
    index_of(&HEAVEN_STEM_NAMES, ch)
}

/// The index (0..12) of an earthly branch: 子 is 0.
pub fn branch_index(ch: char) -> Option<u8> {
    index_of(&EARTH_BRANCH_NAMES, ch)
}

/// The index (0..12) of a zodiac animal, the same as its branch's: 鼠 is 0.
pub fn animal_index(ch: char) -> Option<u8> {
    index_of(&ZODIAC_NAMES, ch)
}

/// The cycle index of a stem and a branch, or `None` when the pair is not in the cycle (a
/// yang stem goes with a yang branch only: 甲子 exists, 甲丑 does not).
pub fn cycle_of(stem: u8, branch: u8) -> Option<u8> {
    if stem >= 10 || branch >= 12 || stem % 2 != branch % 2 {
        return None;
    }
    // The index `i` has stem `i mod 10` and branch `i mod 12`.
    (0..60u8).find(|i| i % 10 == stem && i % 12 == branch)
}

/// `己亥` for a cycle index.
pub fn cycle_name(cycle: u8) -> String {
    let cycle = usize::from(cycle % 60);
    format!(
        "{}{}",
        HEAVEN_STEM_NAMES[cycle % 10],
        EARTH_BRANCH_NAMES[cycle % 12]
    )
}

/// The zodiac animal of a cycle index (`猪` for 己亥).
pub fn animal_name(cycle: u8) -> &'static str {
    ZODIAC_NAMES[usize::from(cycle % 60) % 12]
}

/// The zodiac animal of a branch index.
pub fn animal_of_branch(branch: u8) -> &'static str {
    ZODIAC_NAMES[usize::from(branch % 12)]
}

/// `正月`, `二月` … `十二月` for months 1 to 12.
pub fn month_name(month: u8) -> &'static str {
    LUNAR_MONTH_NAMES[usize::from(month.clamp(1, 12) - 1)]
}

/// `初一` … `三十` for days 1 to 30.
pub fn day_name(day: u8) -> &'static str {
    LUNAR_DAY_NAMES[usize::from(day.clamp(1, 30) - 1)]
}

/// The day (1..=30) a lunar day name means: `初五` is 5, `廿一` is 21.
pub fn day_of_name(name: &str) -> Option<u8> {
    LUNAR_DAY_NAMES
        .iter()
        .position(|n| *n == name)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The month (1..=12) a lunar month name means: `正月` is 1, `冬月` is 11.
pub fn month_of_name(name: &str) -> Option<u8> {
    LUNAR_MONTH_NAMES
        .iter()
        .position(|n| *n == name)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The index of a solar term's name (`立春` is 3), as the library counts them.
pub fn solar_term_index(name: &str) -> Option<u8> {
    SOLAR_TERM_NAMES
        .iter()
        .position(|n| *n == name)
        .and_then(|i| u8::try_from(i).ok())
}

pub fn solar_term_name(term: u8) -> &'static str {
    SOLAR_TERM_NAMES[usize::from(term) % SOLAR_TERM_NAMES.len()]
}

fn index_of(names: &[&str], ch: char) -> Option<u8> {
    let mut buf = [0u8; 4];
    let ch = &*ch.encode_utf8(&mut buf);
    names
        .iter()
        .position(|n| *n == ch)
        .and_then(|i| u8::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn lunar_new_year_and_cycles() {
        // 2019-02-05 was the first day of 己亥; January 2019 was still 戊戌.
        let new_year = lunar_date(date(2019, 2, 5)).unwrap();
        assert_eq!(cycle_name(new_year.cycle), "己亥");
        assert_eq!(new_year.month_day_name(), "正月初一");
        let january = lunar_date(date(2019, 1, 15)).unwrap();
        assert_eq!(cycle_name(january.cycle), "戊戌");
        assert_eq!(animal_name(new_year.cycle), "猪");
        // The lunar year turns at the new year (2020-01-25), not at 立春 (2020-02-04).
        let after_new_year = lunar_date(date(2020, 1, 30)).unwrap();
        assert_eq!(cycle_name(after_new_year.cycle), "庚子");
    }

    #[test]
    fn stems_branches_and_pairs() {
        assert_eq!(stem_index('己'), Some(5));
        assert_eq!(branch_index('亥'), Some(11));
        assert_eq!(stem_index('已'), None);
        assert_eq!(cycle_of(5, 11).map(cycle_name).as_deref(), Some("己亥"));
        assert_eq!(cycle_of(0, 1), None);
        assert_eq!(day_of_name("廿一"), Some(21));
        assert_eq!(month_of_name("十二月"), Some(12));
        assert_eq!(month_name(1), "正月");
    }

    #[test]
    fn solar_terms() {
        let lichun = solar_term_index("立春").unwrap();
        assert_eq!(solar_term_day(2019, lichun), Some(date(2019, 2, 4)));
        let dongzhi = solar_term_index("冬至").unwrap();
        assert_eq!(solar_term_day(2023, dongzhi), Some(date(2023, 12, 22)));
        assert_eq!(solar_term_day(9999, lichun), None);
    }

    #[test]
    fn a_year_of_months_agrees_with_each_day() {
        let months = YearMonths::of(2023).unwrap();
        let mut day = date(2023, 1, 1);
        while day.year() == 2023 {
            assert_eq!(months.lunar_date(day), lunar_date(day), "{day}");
            day = day.checked_add(jiff::Span::new().days(9)).unwrap();
        }
        assert_eq!(months.lunar_date(date(2024, 1, 1)), None);
    }

    #[test]
    fn out_of_range_is_none() {
        assert_eq!(lunar_date(date(-5, 1, 1)), None);
        assert_eq!(lunar_date(date(9999, 12, 31)), None);
        // Days the library panics on, inside what it accepts.
        assert_eq!(lunar_date(date(15, 12, 31)), None);
        assert_eq!(lunar_date(date(10, 7, 30)), None);
        assert!(YearMonths::of(16).is_none() && YearMonths::of(100).is_none());
        assert!(YearMonths::of(101).is_some());
        assert_eq!(solar_term_day(0, 0), None);
    }
}
