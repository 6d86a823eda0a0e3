//! Bylines and credits: every rule reads the byline recogniser's facts and
//! rebuilds fixes from the parsed parts in the configured house style.

pub mod format;
pub mod missing;
pub mod position;
pub mod unknown_reporter;

use crate::config::BylineConfig;
use crate::recognise::bylines::Bylines;

/// The reporters a fix credits where a byline is missing: those credited most often on the
/// page (at most three), else the roster's default reporter.
pub(crate) fn page_reporters(bylines: &Bylines, style: &BylineConfig) -> Vec<String> {
    let counted = bylines.house_reporters();
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
    style.default_reporter.iter().cloned().collect()
}
