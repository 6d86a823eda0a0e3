//! Punctuation (GB/T 15834-2011).
pub mod doubled;
pub mod halfwidth;
pub mod unpaired;

use crate::diagnostic::Diagnostic;
use crate::rules::byline::house::owns;
use crate::rules::Context;

/// Adds the `found` marks that no byline or photo credit owns: a credit's marks are
/// `byline/format`'s and `photo/credit-format`'s, whose fixes rebuild the whole credit, so
/// each span is reported once.
fn report_unowned(cx: &Context<'_>, found: Vec<Diagnostic>, acc: &mut Vec<Diagnostic>) {
    let (bylines, style) = (&cx.facts.bylines, cx.house);
    acc.extend(found.into_iter().filter(|d| !owns(bylines, d.span, style)));
}
