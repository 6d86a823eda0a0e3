//! The places a name may mean, kept inline while they are few.

use std::fmt;

use crate::gazetteer::PlaceId;

/// The places a name may mean. Most names mean one place or a few: up to four are kept
/// inline, so the mentions of a draft allocate nothing for them.
#[derive(Clone, Default)]
pub struct PlaceIds(Ids);

const INLINE_IDS: usize = 4;

#[derive(Clone)]
enum Ids {
    Inline { len: u8, ids: [PlaceId; INLINE_IDS] },
    Heap(Vec<PlaceId>),
}

impl Default for Ids {
    fn default() -> Ids {
        Ids::Inline {
            len: 0,
            ids: [0; INLINE_IDS],
        }
    }
}

impl PlaceIds {
    pub fn new() -> PlaceIds {
        PlaceIds::default()
    }

    pub fn from_slice(ids: &[PlaceId]) -> PlaceIds {
        PlaceIds(match ids.len() {
            len @ 0..=INLINE_IDS => {
                let mut inline = [0; INLINE_IDS];
                inline[..len].copy_from_slice(ids);
                Ids::Inline {
                    len: len as u8,
                    ids: inline,
                }
            }
            _ => Ids::Heap(ids.to_vec()),
        })
    }

    pub fn as_slice(&self) -> &[PlaceId] {
        match &self.0 {
            Ids::Inline { len, ids } => &ids[..*len as usize],
            Ids::Heap(ids) => ids,
        }
    }

    pub fn push(&mut self, id: PlaceId) {
        match &mut self.0 {
            Ids::Inline { len, ids } if (*len as usize) < INLINE_IDS => {
                ids[*len as usize] = id;
                *len += 1;
            }
            Ids::Inline { ids, .. } => {
                let mut heap = ids.to_vec();
                heap.push(id);
                self.0 = Ids::Heap(heap);
            }
            Ids::Heap(ids) => ids.push(id),
        }
    }

    /// Keeps the places for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(PlaceId) -> bool) {
        match &mut self.0 {
            Ids::Inline { len, ids } => {
                let mut kept = 0;
                for i in 0..*len as usize {
                    if keep(ids[i]) {
                        ids[kept] = ids[i];
                        kept += 1;
                    }
                }
                *len = kept as u8;
            }
            Ids::Heap(ids) => ids.retain(|&id| keep(id)),
        }
    }
}

impl std::ops::Deref for PlaceIds {
    type Target = [PlaceId];

    fn deref(&self) -> &[PlaceId] {
        self.as_slice()
    }
}

/// Equal when they hold the same places in the same order, however they keep them.
impl PartialEq for PlaceIds {
    fn eq(&self, other: &PlaceIds) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for PlaceIds {}

impl fmt::Debug for PlaceIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<'a> IntoIterator for &'a PlaceIds {
    type Item = &'a PlaceId;
    type IntoIter = std::slice::Iter<'a, PlaceId>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl From<&[PlaceId]> for PlaceIds {
    fn from(ids: &[PlaceId]) -> PlaceIds {
        PlaceIds::from_slice(ids)
    }
}
