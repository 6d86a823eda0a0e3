//! What the places recogniser reads the gazetteer and the draft with, once per draft: each
//! place's chain of ancestors, the article of each offset, and something kept per article.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use super::Input;
use crate::document::BlockId;
use crate::gazetteer::matcher::FxHasher;
use crate::gazetteer::{Gazetteer, PlaceId};

pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Each place's chain of ancestors, read from the gazetteer once per draft: the same few
/// places are asked about again and again (which place contains which, how deep two places
/// share a branch), and each step up the gazetteer looks up a place.
pub(super) struct Tree<'g> {
    pub(super) g: &'g Gazetteer,
    /// Where each chain asked for lies in `ids`.
    chains: FxMap<PlaceId, (u32, u32)>,
    /// The chains, each from the top (a province) down to the place itself, without
    /// placeholders: the place and [`Gazetteer::ancestors`], reversed.
    pub(super) ids: Vec<PlaceId>,
}

impl<'g> Tree<'g> {
    pub(super) fn new(g: &'g Gazetteer) -> Tree<'g> {
        Tree {
            g,
            chains: FxMap::with_capacity_and_hasher(64, Default::default()),
            ids: Vec::with_capacity(256),
        }
    }

    /// Where the chain of `p` lies in `ids`.
    pub(super) fn chain_range(&mut self, p: PlaceId) -> Range<usize> {
        let (start, end) = *self.chains.entry(p).or_insert_with(|| {
            // `Gazetteer::ancestors`, reading each place once.
            let start = self.ids.len();
            let mut parent = self.g.place(p).parent;
            while let Some(q) = parent {
                let place = self.g.place(q);
                if !place.placeholder {
                    self.ids.push(q);
                }
                parent = place.parent;
            }
            self.ids[start..].reverse();
            self.ids.push(p);
            (start as u32, self.ids.len() as u32)
        });
        start as usize..end as usize
    }

    fn chain(&mut self, p: PlaceId) -> &[PlaceId] {
        let range = self.chain_range(p);
        &self.ids[range]
    }

    /// [`Gazetteer::is_within`].
    pub(super) fn within(&mut self, p: PlaceId, ancestor: PlaceId) -> bool {
        p == ancestor || self.chain(p).contains(&ancestor)
    }

    /// [`Gazetteer::parent`].
    pub(super) fn parent(&mut self, p: PlaceId) -> Option<PlaceId> {
        let chain = self.chain(p);
        chain.len().checked_sub(2).map(|i| chain[i])
    }
}

/// How many levels two chains of [`Tree`] share from the top (a common province is 1, a
/// common prefecture 2, …); 0 when they share none.
pub(super) fn common_depth(a: &[PlaceId], b: &[PlaceId]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The article of each offset, remembering the last block's: the mentions of a paragraph
/// all ask for the same one.
#[derive(Default)]
pub(super) struct Articles {
    last: Option<(BlockId, Option<usize>)>,
}

impl Articles {
    /// `Draft::block_at`, then `Draft::article_of`.
    pub(super) fn at(&mut self, input: &Input<'_>, offset: u32) -> Option<usize> {
        let blocks = &input.draft.blocks;
        if let Some((block, article)) = self.last {
            // The block `block_at` gives is the first ending at or after `offset`, if it
            // starts at or before it.
            let span = blocks[block].span;
            let first = block == 0 || blocks[block - 1].span.end < offset;
            if first && span.start <= offset && offset <= span.end {
                return article;
            }
        }
        let block = input.draft.block_at(offset)?;
        let article = input.draft.article_of(block);
        self.last = Some((block, article));
        article
    }
}

/// Something for each article and for the text outside every article, by
/// [`Mention::article`].
pub(super) struct ByArticle(Vec<Vec<PlaceId>>);

impl ByArticle {
    pub(super) fn new(articles: usize) -> ByArticle {
        ByArticle(vec![Vec::new(); articles + 1])
    }

    fn index(article: Option<usize>) -> usize {
        article.map_or(0, |a| a + 1)
    }

    pub(super) fn get(&self, article: Option<usize>) -> &[PlaceId] {
        self.0.get(Self::index(article)).map_or(&[], Vec::as_slice)
    }

    pub(super) fn get_mut(&mut self, article: Option<usize>) -> &mut Vec<PlaceId> {
        let i = Self::index(article);
        if i >= self.0.len() {
            self.0.resize(i + 1, Vec::new());
        }
        &mut self.0[i]
    }
}
