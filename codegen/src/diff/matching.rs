//! Pairs the items of OLD with those of NEW: by key first, then by a declared `renamed_from`.

use std::collections::HashMap;
use std::hash::Hash;

/// The outcome of pairing two lists, as indices into them.
#[derive(Debug, Default)]
pub(super) struct Matching {
    /// `(old, new, renamed)`, in NEW's order.
    pub pairs: Vec<(usize, usize, bool)>,
    /// OLD items nothing in NEW pairs with, in OLD's order.
    pub removed: Vec<usize>,
    /// NEW items nothing in OLD pairs with, in NEW's order.
    pub added: Vec<usize>,
    /// NEW items among `added` whose `renamed_from` names no unpaired OLD item.
    pub unmatched_renames: Vec<usize>,
}

/// Pairs OLD's keys with NEW's `(key, renamed_from)`: by key, then a NEW item left over with the left-over OLD
/// item its `renamed_from` names. Keys are unique within a side (the loader refuses duplicates); a repeated one
/// pairs once.
pub(super) fn pair<K: Eq + Hash>(
    old: impl IntoIterator<Item = K>,
    new: impl IntoIterator<Item = (K, Option<K>)>,
) -> Matching {
    let mut unpaired_old: HashMap<K, usize> = HashMap::new();
    for (index, key) in old.into_iter().enumerate() {
        unpaired_old.entry(key).or_insert(index);
    }
    let mut matching = Matching::default();
    let mut left_over = Vec::new();
    for (index, (key, renamed_from)) in new.into_iter().enumerate() {
        match unpaired_old.remove(&key) {
            Some(old_index) => matching.pairs.push((old_index, index, false)),
            None => left_over.push((index, renamed_from)),
        }
    }
    for (index, renamed_from) in left_over {
        match renamed_from
            .as_ref()
            .and_then(|name| unpaired_old.remove(name))
        {
            Some(old_index) => matching.pairs.push((old_index, index, true)),
            None => {
                if renamed_from.is_some() {
                    matching.unmatched_renames.push(index);
                }
                matching.added.push(index);
            }
        }
    }
    matching.pairs.sort_by_key(|(_, new_index, _)| *new_index);
    matching.removed = unpaired_old.into_values().collect();
    matching.removed.sort_unstable();
    matching
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_key_then_by_declared_rename() {
        let m = pair(
            ["a", "b", "c"],
            [("c", None), ("d", Some("b")), ("e", Some("zz"))],
        );
        assert_eq!(m.pairs, vec![(2, 0, false), (1, 1, true)]);
        assert_eq!(m.removed, vec![0]);
        assert_eq!(m.added, vec![2]);
        assert_eq!(m.unmatched_renames, vec![2]);
    }
}
