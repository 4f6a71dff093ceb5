//! Text checked against a pattern, compiled once per pattern.

use std::sync::OnceLock;

use regex::Regex;

use crate::scalar::Fen;

/// A value whose text `pattern` and `format` check.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not text",
    label = "`pattern` and `format` apply to strings (or an `Option` of one)"
)]
pub trait Text {
    /// The text, or `None` when absent.
    fn text(&self) -> Option<&str>;
}

impl Text for str {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for Fen {
    fn text(&self) -> Option<&str> {
        Some(self.as_str())
    }
}

impl<T: Text> Text for Option<T> {
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(T::text)
    }
}

impl<T: Text + ?Sized> Text for Box<T> {
    fn text(&self) -> Option<&str> {
        (**self).text()
    }
}

/// A regular expression that the whole text must match, compiled on first use and kept for every later one.
///
/// Declared as a `static`, so each pattern compiles once per process:
/// `static SEAT: Pattern = Pattern::new("[0-9]{1,3}[A-F]");`.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    regex: OnceLock<Option<Regex>>,
}

impl Pattern {
    pub const fn new(source: &'static str) -> Pattern {
        Pattern {
            source,
            regex: OnceLock::new(),
        }
    }

    /// The pattern as declared, unanchored.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `text` matches, as ASP.NET's `RegularExpressionAttribute` requires; `None` when the
    /// pattern does not compile (the `Validate` derive refuses such a pattern at compile time).
    pub fn is_match(&self, text: &str) -> Option<bool> {
        let regex = self.regex.get_or_init(|| anchored(self.source)).as_ref()?;
        Some(regex.is_match(text))
    }
}

/// The pattern wrapped so it must span the whole text; the source alone must compile first, so a wrapper cannot
/// change its meaning (`a)|(b` would otherwise become a valid alternation).
fn anchored(source: &str) -> Option<Regex> {
    Regex::new(source).ok()?;
    Regex::new(&format!(r"\A(?:{source})\z")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_text_must_match() {
        static SEAT: Pattern = Pattern::new("[0-9]{1,3}[A-F]");
        assert_eq!(SEAT.is_match("12A"), Some(true));
        assert_eq!(SEAT.is_match("x12A"), Some(false));
        assert_eq!(SEAT.is_match("12Ax"), Some(false));
        assert_eq!(SEAT.is_match("12A\n"), Some(false));
        assert_eq!(SEAT.source(), "[0-9]{1,3}[A-F]");
    }

    #[test]
    fn alternations_are_anchored_as_a_whole() {
        static EITHER: Pattern = Pattern::new("a|bc");
        assert_eq!(EITHER.is_match("a"), Some(true));
        assert_eq!(EITHER.is_match("bc"), Some(true));
        assert_eq!(EITHER.is_match("abc"), Some(false));
    }

    #[test]
    fn a_broken_pattern_never_matches_nor_panics() {
        assert_eq!(Pattern::new("a)|(b").is_match("a"), None);
        assert_eq!(Pattern::new("(?x)a # comment").is_match("a"), None);
        assert_eq!(Pattern::new("[").is_match("["), None);
    }

    #[test]
    fn text_reaches_through_options_and_boxes() {
        assert_eq!(Some(Box::new("a".to_owned())).text(), Some("a"));
        assert_eq!(None::<String>.text(), None);
    }
}
