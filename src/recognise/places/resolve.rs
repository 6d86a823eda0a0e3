//! Narrowing each mention to the places it means: by the names right around it, then by
//! the article's other places, then by `[bulletin] region`.

use std::ops::Range;

use super::ids::PlaceIds;
use super::tree::{common_depth, ByArticle, Tree};
use super::{Mention, Resolution};
use crate::gazetteer::{ChangeId, PlaceId};

/// Narrows each mention's places (`all_places` are the places `find_known` gave).
pub(super) fn resolve(
    tree: &mut Tree<'_>,
    mentions: &mut [Mention],
    articles: usize,
    region: Option<PlaceId>,
) {
    for m in mentions.iter_mut() {
        m.resolved_by = match m.places.len() {
            0 => Resolution::Former,
            1 => Resolution::Unique,
            _ => Resolution::Ambiguous,
        };
        m.all_places = m.places.clone();
    }
    let mut kept: Vec<PlaceId> = Vec::with_capacity(16);
    by_neighbours(tree, mentions, &mut kept);
    by_article(tree, mentions, articles);
    if let Some(region) = region {
        by_region(tree, mentions, region, &mut kept);
    }
}

/// The names right around: A then B narrows B to places within A, and A to places that
/// contain B.
fn by_neighbours(tree: &mut Tree<'_>, mentions: &mut [Mention], kept: &mut Vec<PlaceId>) {
    let g = tree.g;
    let mut kept_former: Vec<ChangeId> = Vec::new();
    for i in 0..mentions.len() {
        let Some(a) = mentions[i].after else { continue };
        // `after` is always an earlier mention.
        let (before, rest) = mentions.split_at_mut(i);
        let (parent, child) = (&mut before[a], &mut rest[0]);
        if parent.places.is_empty() {
            continue;
        }
        kept.clear();
        kept.extend(
            child
                .places
                .iter()
                .copied()
                .filter(|&p| parent.places.iter().any(|&q| q != p && tree.within(p, q))),
        );
        if !kept.is_empty() && kept.len() < child.places.len() {
            child.places = PlaceIds::from_slice(kept);
            child.resolved_by = Resolution::Text;
        }
        // A former name narrowed the same way: 大同市城区 is 大同's 城区. By the parent's
        // places as they are before the parent is narrowed below.
        kept_former.clear();
        kept_former.extend(child.former.iter().copied().filter(|&c| {
            g.change(c)
                .area
                .is_some_and(|area| parent.places.iter().any(|&q| tree.within(area, q)))
        }));
        if !kept_former.is_empty() {
            child.former.clone_from(&kept_former);
        }
        kept.clear();
        kept.extend(
            parent
                .places
                .iter()
                .copied()
                .filter(|&q| child.places.iter().any(|&p| p != q && tree.within(p, q))),
        );
        if !kept.is_empty() && kept.len() < parent.places.len() {
            parent.places = PlaceIds::from_slice(kept);
            parent.resolved_by = Resolution::Text;
        }
    }
}

/// The article's other places: keeps the places sharing the deepest ancestor with the
/// places already settled, when that is at least a prefecture.
fn by_article(tree: &mut Tree<'_>, mentions: &mut [Mention], articles: usize) {
    let mut settled = ByArticle::new(articles);
    for m in mentions.iter().filter(|m| m.places.len() == 1) {
        let anchors = settled.get_mut(m.article);
        if !anchors.contains(&m.places[0]) {
            anchors.push(m.places[0]);
        }
    }
    let mut anchor_chains: Vec<Range<usize>> = Vec::with_capacity(16);
    let mut depths: Vec<usize> = Vec::with_capacity(32);
    for m in mentions.iter_mut().filter(|m| m.places.len() > 1) {
        let anchors = settled.get(m.article);
        if anchors.is_empty() {
            continue;
        }
        anchor_chains.clear();
        anchor_chains.extend(anchors.iter().map(|&a| tree.chain_range(a)));
        // Each candidate's depth once: a name like 城关镇 has 88 of them.
        depths.clear();
        for &p in &m.places {
            let chain = tree.chain_range(p);
            let ids = &tree.ids;
            let depth = anchor_chains
                .iter()
                .map(|anchor| common_depth(&ids[chain.clone()], &ids[anchor.clone()]))
                .max()
                .unwrap_or(0);
            depths.push(depth);
        }
        let best = depths.iter().copied().max().unwrap_or(0);
        if best >= 2 && depths.iter().any(|&d| d != best) {
            let mut depth = depths.iter();
            m.places.retain(|_| depth.next() == Some(&best));
            m.resolved_by = Resolution::Article;
        }
    }
}

/// `[bulletin] region`: keeps the places within it, or containing it.
fn by_region(
    tree: &mut Tree<'_>,
    mentions: &mut [Mention],
    region: PlaceId,
    kept: &mut Vec<PlaceId>,
) {
    for m in mentions.iter_mut().filter(|m| m.places.len() > 1) {
        kept.clear();
        kept.extend(
            m.places
                .iter()
                .copied()
                .filter(|&p| tree.within(p, region) || tree.within(region, p)),
        );
        if !kept.is_empty() && kept.len() < m.places.len() {
            m.places = PlaceIds::from_slice(kept);
            m.resolved_by = Resolution::Region;
        }
    }
}
