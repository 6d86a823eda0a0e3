//! Recognisers: each runs once over a draft and yields typed facts with spans — bylines,
//! dates, places, person names, punctuation pairs. Rules, the language server's hover and
//! hints, and reports all read these facts; nothing re-scans the text for them.
//!
//! Recognisers say what is there; rules judge it. A recogniser reads no file and knows
//! neither the configuration nor the house style: what it needs from the newsroom (its
//! reporters, its role words, its region) comes as plain data in [`Input`].

pub mod bylines;
pub mod calendar;
pub mod dates;
mod digits;
pub mod persons;
pub mod places;
pub mod punct_pairs;

use crate::document::Draft;
use crate::gazetteer::Gazetteer;

/// What a recogniser gets: the draft and everything it may need to resolve what it finds.
pub struct Input<'a> {
    pub text: &'a str,
    pub draft: &'a Draft,
    /// The issue date (front matter, file or folder name, `[bulletin] date`); `None`
    /// when unknown.
    pub issue_date: Option<jiff::civil::Date>,
    /// The built-in gazetteer, with the newsroom's places over it when it keeps its own.
    pub gazetteer: &'a Gazetteer,
    pub newsroom: Newsroom<'a>,
}

#[cfg(test)]
impl<'a> Input<'a> {
    /// An undated draft read against the built-in gazetteer, as the tests read one.
    pub(crate) fn undated(text: &'a str, draft: &'a Draft, newsroom: Newsroom<'a>) -> Input<'a> {
        Input {
            text,
            draft,
            issue_date: None,
            gazetteer: Gazetteer::builtin(),
            newsroom,
        }
    }
}

/// What the newsroom tells the recognisers, as plain data: empty by default.
#[derive(Clone, Copy, Debug, Default)]
pub struct Newsroom<'a> {
    /// The newsroom's reporters: a trailing credit of their names is a credit even where
    /// a name does not look like one.
    pub roster: &'a [String],
    /// Role words credits may hold besides the built-in ones (`记者`, `通讯员` …).
    pub roles: &'a [String],
    /// Where unqualified place names are resolved first: `山西省大同市平城区`.
    pub region: Option<&'a str>,
}

/// Everything the recognisers found in one draft.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub bylines: bylines::Bylines,
    pub dates: dates::Dates,
    pub places: places::Places,
    pub persons: persons::Persons,
    pub pairs: punct_pairs::PunctPairs,
    pub calendar: calendar::Calendar,
}

impl Facts {
    /// Runs every recogniser once over the draft.
    pub fn recognise(input: &Input<'_>) -> Facts {
        let bylines = bylines::recognise(input);
        let dates = dates::recognise(input);
        let places = places::recognise(input, &bylines.credited_names());
        let persons = persons::recognise(input, &bylines);
        let pairs = punct_pairs::recognise(input);
        let calendar = calendar::recognise(input.text, input.draft, &dates);
        Facts {
            bylines,
            dates,
            places,
            persons,
            pairs,
            calendar,
        }
    }
}
