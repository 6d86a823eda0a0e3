//! Today's date, read in one place for both faces: `check` asks once per run, the language
//! server once per analysis. Nothing below the faces reads the clock: rules get today from
//! their context, and the library's entry points take it as an argument.
//!
//! `JIAODUI_TODAY=YYYY-MM-DD` pins the date, for tests and for checking an old page as of
//! its day; otherwise it is the system's local date.

use std::fmt;

use jiff::civil::Date;

/// The environment variable that pins today's date.
const TODAY_VARIABLE: &str = "JIAODUI_TODAY";

/// Today's date: the one `JIAODUI_TODAY` pins, else the system's. A pin that is no date is
/// an error, so that a pinned run never quietly checks against the real day.
pub fn today() -> Result<Date, ClockError> {
    match std::env::var_os(TODAY_VARIABLE) {
        Some(value) => {
            let text = value.to_string_lossy();
            text.parse().map_err(|_| ClockError {
                value: text.into_owned(),
            })
        }
        None => Ok(jiff::Zoned::now().date()),
    }
}

/// `JIAODUI_TODAY` holds something other than a `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockError {
    value: String,
}

impl fmt::Display for ClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{TODAY_VARIABLE}：“{}”不是有效的日期（应写成 YYYY-MM-DD）",
            self.value
        )
    }
}

impl std::error::Error for ClockError {}
