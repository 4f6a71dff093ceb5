//! Amounts in fen (分, hundredths of a yuan), which TOP carries as JSON strings.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

use super::text::serde_as_text;

/// An amount in fen, kept as the exact text that travelled.
///
/// Parsing never rejects: a provider's sample may hold `"10.0"` or `""` where the document says fen, and the
/// text must survive a round trip. Whether it is a valid amount is a separate validation step ([`Fen::to_fen`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fen(String);

impl Fen {
    /// An amount as the digits TOP expects.
    pub fn from_fen(fen: u64) -> Fen {
        Fen(fen.to_string())
    }

    /// Any text, unchecked, so a received value can be carried as it was.
    pub fn new(text: impl Into<String>) -> Fen {
        Fen(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The amount, if the text is only ASCII digits and fits a `u64`; signs, spaces and decimals are refused.
    pub fn to_fen(&self) -> Option<u64> {
        let digits_only = !self.0.is_empty() && self.0.bytes().all(|byte| byte.is_ascii_digit());
        digits_only.then(|| self.0.parse().ok()).flatten()
    }
}

impl From<u64> for Fen {
    fn from(fen: u64) -> Fen {
        Fen::from_fen(fen)
    }
}

impl FromStr for Fen {
    type Err = Infallible;

    fn from_str(text: &str) -> Result<Fen, Infallible> {
        Ok(Fen::new(text))
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_as_text!(Fen, "an amount in fen as a string, such as \"1000\"");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_fen_writes_plain_digits() {
        assert_eq!(Fen::from_fen(1000).as_str(), "1000");
        assert_eq!(Fen::from(0).as_str(), "0");
        assert_eq!(Fen::from(u64::MAX).to_fen(), Some(u64::MAX));
    }

    #[test]
    fn any_text_is_kept_and_only_digits_convert() {
        assert_eq!(Fen::new("007").to_fen(), Some(7));
        for text in [
            "",
            "10.0",
            "+5",
            "-5",
            " 5",
            "5 ",
            "1e3",
            "١٢",
            "18446744073709551616",
        ] {
            let fen = Fen::new(text);
            assert_eq!(fen.as_str(), text);
            assert_eq!(fen.to_string(), text);
            assert_eq!(fen.to_fen(), None, "{text:?}");
        }
    }

    #[test]
    fn serde_carries_a_plain_string() {
        let fen: Fen = serde_json::from_str("\"10.0\"").unwrap();
        assert_eq!(fen.as_str(), "10.0");
        assert_eq!(serde_json::to_string(&fen).unwrap(), "\"10.0\"");
        assert_eq!(serde_json::to_string(&Fen::from(1000)).unwrap(), "\"1000\"");
        let error = serde_json::from_str::<Fen>("1000").unwrap_err();
        assert!(
            error.to_string().starts_with("invalid type: integer"),
            "{error}"
        );
    }
}
