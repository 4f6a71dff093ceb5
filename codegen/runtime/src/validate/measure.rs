//! Lengths as the provider's server counts them.

use crate::scalar::Fen;

/// What a length counts, so messages say "code units" or "items".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-16 code units, as .NET (`MaxLength`, `StringLength`) and Java (`String.length()`) count text.
    Utf16,
    /// The items of a list.
    Items,
}

/// A value with a length that `min_len` and `max_len` limit.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length",
    label = "`min_len` and `max_len` apply to strings and lists (or an `Option` of one)"
)]
pub trait Measure {
    const UNIT: Unit;

    /// The length, or `None` when there is nothing to measure (an absent `Option`, which `required` handles).
    fn measure(&self) -> Option<usize>;
}

/// The number of UTF-16 code units of `text`, counted on its UTF-8 bytes without decoding: every byte that is
/// not a continuation byte starts a character and counts 1, and a 4-byte leader (a character outside the BMP,
/// written as a surrogate pair in UTF-16) counts 2.
pub fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|byte| match byte {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

impl Measure for str {
    const UNIT: Unit = Unit::Utf16;

    fn measure(&self) -> Option<usize> {
        Some(utf16_len(self))
    }
}

impl Measure for String {
    const UNIT: Unit = Unit::Utf16;

    fn measure(&self) -> Option<usize> {
        Some(utf16_len(self))
    }
}

impl Measure for Fen {
    const UNIT: Unit = Unit::Utf16;

    fn measure(&self) -> Option<usize> {
        Some(utf16_len(self.as_str()))
    }
}

impl<T> Measure for [T] {
    const UNIT: Unit = Unit::Items;

    fn measure(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> Measure for Vec<T> {
    const UNIT: Unit = Unit::Items;

    fn measure(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T: Measure> Measure for Option<T> {
    const UNIT: Unit = T::UNIT;

    fn measure(&self) -> Option<usize> {
        self.as_ref().and_then(T::measure)
    }
}

impl<T: Measure + ?Sized> Measure for Box<T> {
    const UNIT: Unit = T::UNIT;

    fn measure(&self) -> Option<usize> {
        (**self).measure()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bmp_characters_count_one_and_others_two() {
        assert_eq!(utf16_len(""), 0);
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("é"), 1);
        assert_eq!(utf16_len("票号"), 2);
        assert_eq!(utf16_len("𠀀"), 2);
        assert_eq!(utf16_len("a😀b"), 4);
    }

    /// The byte count agrees with `encode_utf16` on every kind of character, in many combinations.
    #[test]
    fn equals_encode_utf16_count() {
        let samples = [
            '\0',
            'a',
            '~',
            '\u{7f}',
            '\u{80}',
            'é',
            '\u{7ff}',
            '\u{800}',
            '票',
            '\u{d7ff}',
            '\u{e000}',
            '\u{fffd}',
            '\u{ffff}',
            '\u{10000}',
            '𠀀',
            '😀',
            '\u{10ffff}',
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for length in 0..400 {
            let mut text = String::new();
            for _ in 0..length % 37 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = usize::try_from(seed % samples.len() as u64).unwrap_or(0);
                text.push(samples[at]);
            }
            assert_eq!(utf16_len(&text), text.encode_utf16().count(), "{text:?}");
        }
        for code in (0..=0x10ffff).step_by(97) {
            if let Some(ch) = char::from_u32(code) {
                let text = ch.to_string();
                assert_eq!(utf16_len(&text), text.encode_utf16().count(), "{code:#x}");
            }
        }
    }

    #[test]
    fn lists_count_items_and_absent_values_are_not_measured() {
        assert_eq!(vec!["𠀀"; 3].measure(), Some(3));
        assert_eq!(<Vec<u8> as Measure>::UNIT, Unit::Items);
        assert_eq!(None::<String>.measure(), None);
        assert_eq!(Some("𠀀".to_owned()).measure(), Some(2));
        assert_eq!(<Option<Box<str>> as Measure>::UNIT, Unit::Utf16);
        assert_eq!(Some(Box::<str>::from("ab")).measure(), Some(2));
    }
}
