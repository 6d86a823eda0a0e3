//! Villages and communities (村级) in the text, read with the 620,573 built-in ones: a name
//! that is one is recorded with its villages (for `place/hierarchy`); one that is none
//! anywhere in the country is compared with the villages under the parent written right
//! before it, or under the article's counties and towns, for a likely slip (`平城区福富苑社区`
//! for 福寓苑社区). A village list is never complete, so a name that is a village elsewhere
//! is never a slip, and the villages of a prefecture are too many to compare with.

use super::slips::{compare_under, scopes_of, written_elsewhere, Candidate, SlipSearch};
use std::sync::Arc;

use super::tree::FxMap;
use super::{Input, Mention, SlipBasis, SlipCandidate, VillageMention};
use crate::gazetteer::fuzzy::{likely_village_slip, Slip};
use crate::gazetteer::{Gazetteer, Level, PlaceId, VillageId};
use crate::text::Span;

/// The built-in villages under each scope a village name was compared with, as the
/// gazetteer keeps them decoded for the run; asked for once a draft.
#[derive(Default)]
pub(super) struct VillageScopes {
    names: FxMap<PlaceId, Arc<[(VillageId, String)]>>,
}

impl VillageScopes {
    fn names(&mut self, g: &Gazetteer, scope: PlaceId) -> &[(VillageId, String)] {
        self.names
            .entry(scope)
            .or_insert_with(|| g.villages().names_under_shared(g, scope))
    }
}

/// A place-like name ending in 村, 社区 or 居委会 that the name matcher does not know.
pub(super) fn village(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    if candidate.clamped {
        return None;
    }
    if candidate.parent.is_some() {
        return village_as_written(input, search, candidate, mentions);
    }
    // Ex) 来自新双眉社区, 居民在永按社区: the words before the name run into it. Each place
    // after a word that goes before a place is tried, longest name first, until one is a
    // known village or a slip for one.
    let stem_end = candidate.name.len() - candidate.suffix.len();
    let mut cuts = vec![0];
    for (i, _) in candidate.name[..stem_end].char_indices() {
        if let Some(word) = BEFORE_PLACE
            .iter()
            .find(|w| candidate.name[i..].starts_with(*w))
        {
            let cut = i + word.len();
            if candidate.name[cut..stem_end].chars().count() >= 2 {
                cuts.push(cut);
            }
        }
    }
    for cut in cuts {
        let tail = Candidate {
            span: Span::new(candidate.span.start + cut as u32, candidate.span.end),
            name: &candidate.name[cut..],
            ..*candidate
        };
        let known_before = search.villages.len();
        let found = village_as_written(input, search, &tail, mentions);
        if found.is_some() || search.villages.len() > known_before {
            return found;
        }
    }
    None
}

/// Words that go before a place and run into its name when no punctuation parts them.
/// (`和`, `与` and `的` are left out: they begin names such as 和平村 as often.)
const BEFORE_PLACE: [&str; 10] = [
    "来自", "走进", "位于", "前往", "家住", "住在", "来到", "在", "到", "赴",
];

/// [`village`] for the name as the candidate has it.
fn village_as_written(
    input: &Input<'_>,
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    mentions: &[Mention],
) -> Option<SlipCandidate> {
    let g = search.g();
    let basis = scopes_of(input, search, candidate, mentions);
    // Ex) 大同市福富苑社区: a prefecture holds thousands of villages, too many to tell a slip
    // from a new one.
    let mut scopes: Vec<PlaceId> = Vec::with_capacity(search.scopes.len());
    for &p in &search.scopes {
        if matches!(g.place(p).level, Level::County | Level::Town) && !scopes.contains(&p) {
            scopes.push(p);
        }
    }
    if scopes.is_empty() && candidate.parent.is_none() {
        // No place around to compare with, and no parent to check it against: only the
        // newsroom's places and the draft's names, and a village elsewhere is no slip.
        let slip = compare_under(input, search, candidate, mentions)
            .or_else(|| written_elsewhere(search, candidate, mentions))?;
        return known(g, search, candidate.name, &[])
            .is_none()
            .then_some(slip);
    }
    if let Some(villages) = known(g, search, candidate.name, &scopes) {
        search.villages.push(VillageMention {
            span: candidate.span,
            name: candidate.name.to_owned(),
            villages,
            parent: candidate.parent,
        });
        return None;
    }
    compare_under(input, search, candidate, mentions)
        .or_else(|| village_slip(search, candidate, basis, &scopes))
        .or_else(|| written_elsewhere(search, candidate, mentions))
}

/// The built-in villages named `name`: those under `scopes` when there are some, else
/// every one in the country; `None` when no village bears the name.
fn known(
    g: &Gazetteer,
    search: &mut SlipSearch<'_>,
    name: &str,
    scopes: &[PlaceId],
) -> Option<Vec<VillageId>> {
    let hidden = search.hidden;
    // The villages printed as `name` under one of the scopes: looked up by name rather than
    // by reading every name under them.
    let printed = g.villages().printed_as(name);
    let mut under: Vec<VillageId> = Vec::new();
    if !scopes.is_empty() {
        let ranges: Vec<_> = scopes.iter().map(|&s| g.villages().under(g, s)).collect();
        under = printed.clone();
        under.retain(|id| Some(*id) != hidden && ranges.iter().any(|r| r.contains(id)));
    }
    if !under.is_empty() {
        under.sort_unstable();
        under.dedup();
        return Some(under);
    }
    // `named` reads an NBS form (`…村民委员会`) as the printed one; any other name it looks
    // up as written, which is `printed`.
    let mut anywhere = match crate::gazetteer::fold_committee_suffix(name) {
        Some(_) => g.villages().named(name),
        None => printed,
    };
    anywhere.retain(|&id| Some(id) != hidden);
    (!anywhere.is_empty()).then_some(anywhere)
}

/// The one built-in village name under `scopes` that the candidate — a name no village
/// bears — is likely a slip for.
fn village_slip(
    search: &mut SlipSearch<'_>,
    candidate: &Candidate<'_>,
    basis: SlipBasis,
    scopes: &[PlaceId],
) -> Option<SlipCandidate> {
    let g = search.g();
    let hidden = search.hidden;
    let written = candidate.name;
    let mut found: Option<(String, Vec<VillageId>, Slip)> = None;
    for &scope in scopes {
        for (id, name) in search.village_scopes.names(g, scope) {
            // Ex) 福富苑社区 and 福寓苑社区: the same length, or one character more.
            let plausible = name.len() == written.len() || name.len() == written.len() + 3;
            if !plausible || Some(*id) == hidden {
                continue;
            }
            let Some(slip) = likely_village_slip(written, name) else {
                continue;
            };
            // A village one character short of a known one is new as often as it is a
            // slip, unless the text names its parent.
            if matches!(slip, Slip::Truncated { .. }) && basis == SlipBasis::Context {
                continue;
            }
            match &mut found {
                Some((right, ids, _)) if right == name => ids.push(*id),
                // Two different names fit: no telling which is meant.
                Some(_) => return None,
                None => found = Some((name.clone(), vec![*id], slip)),
            }
        }
    }
    let (right, villages, slip) = found?;
    Some(SlipCandidate {
        span: candidate.span,
        name: written.to_owned(),
        edit: (candidate.span, right.clone()),
        right,
        places: Vec::new(),
        villages,
        slip,
        basis,
    })
}
