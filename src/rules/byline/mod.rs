//! Bylines and credits: every rule reads the byline recogniser's facts, judges them against
//! the configured house style ([`house`]) and rebuilds fixes from the parsed parts.

pub mod format;
pub(crate) mod house;
pub mod missing;
pub mod position;
pub mod unknown_reporter;

use crate::recognise::bylines::{BylinePlace, Bylines};
use crate::rules::style::House;

/// The reporters a fix credits where a byline is missing: those credited most often on the
/// page (at most three), else the roster's default reporter.
pub(crate) fn page_reporters(bylines: &Bylines, house: &House<'_>) -> Vec<String> {
    let counted = own_reporters(bylines);
    let most = counted.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let top: Vec<String> = counted
        .into_iter()
        .filter(|(_, n)| *n == most)
        .map(|(name, _)| name)
        .take(3)
        .collect();
    if !top.is_empty() {
        return top;
    }
    house
        .default_reporter
        .iter()
        .map(|name| name.to_string())
        .collect()
}

/// Every reporter's name printed in one of the paper's own bylines or photo credits, in order
/// of first appearance, with how many bylines and credits name them.
fn own_reporters(bylines: &Bylines) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let names = bylines
        .bylines
        .iter()
        .filter(|b| b.is_own() && b.place != BylinePlace::Author)
        .flat_map(|b| b.credit.iter().flat_map(|c| c.staff_names()))
        .chain(bylines.photo_credits.iter().flat_map(|c| c.staff_names()));
    for name in names {
        match out.iter_mut().find(|(n, _)| *n == name.text) {
            Some((_, count)) => *count += 1,
            None => out.push((name.text.clone(), 1)),
        }
    }
    out
}
