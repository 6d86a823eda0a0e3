//! Recognisers: each runs once over a draft and yields typed facts with spans — bylines,
//! dates, places, person names, punctuation pairs. Rules, the language server's hover and
//! hints, and reports all read these facts; nothing re-scans the text for them.

pub mod bylines;
pub mod calendar;
pub mod dates;
pub mod persons;
pub mod places;
pub mod punct_pairs;

use std::path::Path;

use crate::config::Config;
use crate::document::Draft;
use crate::gazetteer::Gazetteer;

/// What a recogniser gets: the draft and everything it may need to resolve what it finds.
pub struct Input<'a> {
    pub text: &'a str,
    pub draft: &'a Draft,
    pub config: &'a Config,
    /// The issue date (front matter, file or folder name, `[bulletin] date`); `None`
    /// when unknown.
    pub issue_date: Option<jiff::civil::Date>,
    pub path: Option<&'a Path>,
    /// The built-in gazetteer, or the newsroom's when the config names one.
    pub gazetteer: &'a Gazetteer,
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
        let places = places::recognise(input);
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
