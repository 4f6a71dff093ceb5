//! Leaf text to scalars, as .NET's invariant-culture `TypeConverter`s parse it for MVC model binding.

use crate::scalar::number::{self, Float, Symbols};

/// `Int32.Parse` with `NumberStyles.Integer` after `BaseNumberConverter`'s `Trim()`: white space around, one
/// leading sign, ASCII digits.
pub(super) fn integer<T: TryFrom<i128>>(text: &str) -> Option<T> {
    T::try_from(text.trim().parse::<i128>().ok()?).ok()
}

/// `Double.Parse` (or `Single.Parse`) with `NumberStyles.Float` and the invariant culture, .NET's one rule for
/// a double's text.
pub(super) fn float<T: Float>(text: &str) -> Option<T> {
    number::parse_float(text, Symbols::Invariant)
}

/// `Boolean.Parse`: `true` or `false` in any case, with white space around.
pub(super) fn boolean(text: &str) -> Option<bool> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// `CharConverter`: one character, trimmed when there is more than one.
pub(super) fn character(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(only), None) => Some(only),
        _ => {
            let mut trimmed = text.trim().chars();
            trimmed.next().filter(|_| trimmed.next().is_none())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_parse_as_dotnet_invariant_parse_does() {
        assert_eq!(integer::<i32>(" +42\t"), Some(42));
        assert_eq!(integer::<i32>("-2147483648"), Some(i32::MIN));
        assert_eq!(integer::<u8>("-0"), Some(0));
        for text in ["", "+", "4 2", "1_0", "2147483648", "1.0", "0x10", "١٢"] {
            assert_eq!(integer::<i32>(text), None, "{text}");
        }
        assert_eq!(float::<f64>(" 1e3 "), Some(1000.0));
        assert_eq!(float::<f32>("1e38"), Some(1e38));
        assert_eq!(float::<f32>("1e39"), None);
        assert_eq!(float::<f64>("-Infinity"), Some(f64::NEG_INFINITY));
        assert!(float::<f64>("NaN").is_some_and(f64::is_nan));
        for text in ["", "inf", "nan", "infinity", "1e400", "1,5", "0x1"] {
            assert_eq!(float::<f64>(text), None, "{text}");
        }
        assert_eq!(boolean(" TRUE "), Some(true));
        assert_eq!(boolean("1"), None);
        assert_eq!(character(" x "), Some('x'));
        assert_eq!(character(" "), Some(' '));
        assert_eq!(character("xy"), None);
    }
}
