//! .NET's and Java's ordinal string order: by UTF-16 code units, which is not the order of UTF-8 bytes (Rust's
//! `str` order) once a string leaves the Basic Multilingual Plane. DataContractSerializer orders members by it
//! (docs/wire-formats.md, DataContract member order), TOP's SDK sorts signed parameters (TOP signature) and
//! object parameters (TOP object parameters) by it.

use std::cmp::Ordering;

/// Compares `a` and `b` as .NET's `string.CompareOrdinal` and Java's `String.compareTo` do.
pub fn cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A string that sorts in ordinal order, for a sort key (`sort_by_cached_key`) or an ordered collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ordinal<S>(pub S);

impl<S: AsRef<str> + Eq> Ord for Ordinal<S> {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp(self.0.as_ref(), other.0.as_ref())
    }
}

impl<S: AsRef<str> + Eq> PartialOrd for Ordinal<S> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(Ord::cmp(self, other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// U+FF21 (one UTF-16 unit FF21; EF BC A1 in UTF-8) against U+1D400 (the surrogate pair D835 DC00; F0 9D 90
    /// 80 in UTF-8): ordinal order puts the astral character first, byte order last.
    #[test]
    fn astral_characters_sort_by_their_surrogates() {
        assert_eq!(cmp("𝐀", "Ａ"), Ordering::Less);
        assert_eq!("𝐀".cmp("Ａ"), Ordering::Greater);
        assert_eq!(cmp("a𝐀", "aＡ"), Ordering::Less);
        assert_eq!(cmp("𝐀", "𝐀"), Ordering::Equal);
    }

    #[test]
    fn ascii_is_byte_order_and_a_prefix_comes_first() {
        assert_eq!(cmp("B", "a"), Ordering::Less);
        assert_eq!(cmp("app", "app_key"), Ordering::Less);
    }

    #[test]
    fn ordinal_keys_sort_in_ordinal_order() {
        let mut names = [
            Ordinal("Ａ".to_owned()),
            Ordinal("𝐀".to_owned()),
            Ordinal("z".to_owned()),
        ];
        names.sort();
        let names: Vec<&str> = names.iter().map(|name| name.0.as_str()).collect();
        assert_eq!(names, ["z", "𝐀", "Ａ"]);
    }
}
