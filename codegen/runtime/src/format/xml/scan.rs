//! Finding the next byte that needs work in text, eight bytes at a time: a word is tested with a few integer
//! operations (SWAR) for the mere possibility of such a byte, and only such a word is looked at byte by byte.

/// `byte` in every byte of a word.
pub(super) const fn splat(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// Nonzero exactly when some byte of `word` is below `limit` (at most 0x80). The result marks such bytes by
/// their high bit, and may mark bytes above the first one too, so the tests of several kinds of byte are
/// combined with `|` and one branch.
pub(super) const fn below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(splat(limit)) & !word & splat(0x80)
}

/// Nonzero exactly when some byte of `word` is `byte`, as [`below`].
pub(super) const fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ splat(byte), 1)
}

/// The offset of the first byte at or after `at` that `special` marks, or `bytes.len()`. `may_hold` must be
/// true of every word holding such a byte; it may be true of others too.
#[inline]
pub(super) fn find(
    bytes: &[u8],
    mut at: usize,
    special: &[bool; 256],
    may_hold: impl Fn(u64) -> bool,
) -> usize {
    loop {
        while let Some(word) = word_at(bytes, at) {
            if may_hold(word) {
                break;
            }
            at += 8;
        }
        // Fewer than eight bytes left: the last eight bytes of the text, which are clean up to `at`, may show
        // that the rest is clean too.
        if at + 8 > bytes.len()
            && let Some(last) = bytes
                .len()
                .checked_sub(8)
                .and_then(|start| word_at(bytes, start))
            && !may_hold(last)
        {
            return bytes.len();
        }
        let end = bytes.len().min(at + 8);
        match bytes
            .get(at..end)
            .unwrap_or_default()
            .iter()
            .position(|&b| special[usize::from(b)])
        {
            Some(n) => return at + n,
            None if end == bytes.len() => return end,
            None => at = end,
        }
    }
}

/// Whether `a` and `b` are the same bytes, compared a word at a time: names and namespace URIs are short, and a
/// call to `memcmp` costs more than comparing them here.
#[inline]
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let len = a.len();
    if len < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    let mut at = 0;
    while at + 8 <= len {
        if word_at(a, at) != word_at(b, at) {
            return false;
        }
        at += 8;
    }
    // The last word, overlapping the ones compared, covers what is left.
    word_at(a, len - 8) == word_at(b, len - 8)
}

/// The eight bytes at `at` as one word, if there are eight.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let mut word = [0; 8];
    word.copy_from_slice(bytes.get(at..at.checked_add(8)?)?);
    Some(u64::from_ne_bytes(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tests_find_what_they_look_for_and_nothing_else() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[lane] = byte;
                let word = u64::from_ne_bytes(bytes);
                assert_eq!(
                    below(word, 0x20) != 0,
                    byte < 0x20,
                    "{byte:#x} in lane {lane}"
                );
                assert_eq!(
                    equal(word, b'&') != 0,
                    byte == b'&',
                    "{byte:#x} in lane {lane}"
                );
                assert_eq!(
                    equal(word, 0xEF) != 0,
                    byte == 0xEF,
                    "{byte:#x} in lane {lane}"
                );
                let angle = equal(word | splat(0x02), b'>') != 0;
                assert_eq!(
                    angle,
                    matches!(byte, b'<' | b'>'),
                    "{byte:#x} in lane {lane}"
                );
            }
        }
    }

    #[test]
    fn same_compares_every_byte() {
        let text = "http://schemas.datacontract.org/2004/07/ChinaTrainTickets.Web.Models";
        for len in 0..text.len() {
            let a = &text.as_bytes()[..len];
            assert!(same(a, a));
            assert!(same(a, text[..len].to_owned().as_bytes()));
            assert!(!same(a, &text.as_bytes()[..len + 1]));
            for at in 0..len {
                let mut b = a.to_vec();
                b[at] ^= 1;
                assert!(!same(a, &b), "{len} {at}");
            }
        }
    }

    #[test]
    fn find_returns_the_first_marked_byte_at_or_after_the_start() {
        let mut special = [false; 256];
        special[usize::from(b'&')] = true;
        let text = "0123456789abcdef&ghijklmnopqrstuv&w".as_bytes();
        let may_hold = |word| equal(word, b'&') != 0;
        assert_eq!(find(text, 0, &special, may_hold), 16);
        assert_eq!(find(text, 17, &special, may_hold), 33);
        assert_eq!(find(text, 34, &special, may_hold), 35);
        assert_eq!(find(b"", 0, &special, may_hold), 0);
        for len in 0..40 {
            let plain = vec![b'x'; len];
            assert_eq!(find(&plain, 0, &special, may_hold), len);
            let mut marked = plain.clone();
            if len > 0 {
                marked[len - 1] = b'&';
                assert_eq!(find(&marked, 0, &special, |_| true), len - 1);
            }
        }
    }
}
