//! A stack whose first few entries live inline: the namespace bindings in scope are nearly always a handful, and
//! a document read or written should not allocate for them.

/// A stack of `T`, the first `N` entries inline and the rest in a `Vec` allocated only when needed.
pub(super) struct SmallStack<T, const N: usize> {
    inline: [T; N],
    len: usize,
    spilled: Vec<T>,
}

impl<T: Default, const N: usize> SmallStack<T, N> {
    pub(super) fn new() -> SmallStack<T, N> {
        SmallStack {
            inline: std::array::from_fn(|_| T::default()),
            len: 0,
            spilled: Vec::new(),
        }
    }

    #[inline]
    pub(super) fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub(super) fn push(&mut self, entry: T) {
        match self.inline.get_mut(self.len) {
            Some(slot) => *slot = entry,
            None => self.spilled.push(entry),
        }
        self.len += 1;
    }

    /// Removes and returns the innermost entry.
    #[inline]
    pub(super) fn pop(&mut self) -> Option<T> {
        let at = self.len.checked_sub(1)?;
        self.len = at;
        match self.inline.get_mut(at) {
            Some(slot) => Some(std::mem::take(slot)),
            None => self.spilled.pop(),
        }
    }

    /// Keeps the `len` outermost entries.
    #[inline]
    pub(super) fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        self.spilled.truncate(len.saturating_sub(N));
        for slot in self.inline.iter_mut().take(self.len).skip(len) {
            *slot = T::default();
        }
        self.len = len;
    }

    /// The entries, innermost first.
    #[inline]
    pub(super) fn innermost_first(&self) -> impl Iterator<Item = &T> {
        self.spilled
            .iter()
            .rev()
            .chain(self.inline[..self.len.min(N)].iter().rev())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_spill_past_the_inline_ones_and_come_back_innermost_first() {
        let mut stack: SmallStack<u32, 4> = SmallStack::new();
        assert_eq!(stack.pop(), None);
        for n in 1..=10 {
            stack.push(n);
            assert_eq!(stack.len(), n as usize);
        }
        let all: Vec<u32> = stack.innermost_first().copied().collect();
        assert_eq!(all, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        stack.truncate(6);
        assert_eq!(
            stack.innermost_first().copied().collect::<Vec<_>>(),
            [6, 5, 4, 3, 2, 1]
        );
        stack.truncate(7);
        assert_eq!(stack.len(), 6);
        stack.truncate(3);
        assert_eq!(
            stack.innermost_first().copied().collect::<Vec<_>>(),
            [3, 2, 1]
        );
        stack.push(7);
        assert_eq!(
            stack.innermost_first().copied().collect::<Vec<_>>(),
            [7, 3, 2, 1]
        );
        stack.push(8);
        assert_eq!(
            stack.innermost_first().copied().collect::<Vec<_>>(),
            [8, 7, 3, 2, 1]
        );
        assert_eq!(stack.pop(), Some(8));
        assert_eq!(stack.pop(), Some(7));
        assert_eq!(stack.len(), 3);
        for n in 4..=9 {
            stack.push(n);
        }
        assert_eq!(stack.pop(), Some(9));
        assert_eq!(
            stack.innermost_first().copied().collect::<Vec<_>>(),
            [8, 7, 6, 5, 4, 3, 2, 1]
        );
        stack.truncate(0);
        assert_eq!(stack.len(), 0);
        assert_eq!(stack.innermost_first().count(), 0);
    }
}
