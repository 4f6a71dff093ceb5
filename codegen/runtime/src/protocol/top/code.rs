//! The `code` of a TOP `error_response`, which JSON sends as a number and XML (and some servers) as text
//! (docs/wire-formats.md, TOP error_response).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Absence, Path, Presence, Report, Validate};

/// A TOP error code as it arrived: `50` in JSON, `<code>50</code>` in XML, or a text such as `"isp.error"`.
///
/// It is written back in the form it was read, so a logged or forwarded error keeps its bytes. Compare it with a
/// number or a text whatever form it took: `code == 50` holds for the number `50` and for the text `"50"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TopCode {
    /// A JSON number.
    Int(i64),
    /// A JSON string, or any XML text.
    Str(String),
}

impl TopCode {
    /// The code as a number, when it is one or is the text of one.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            TopCode::Int(number) => Some(*number),
            TopCode::Str(text) => text.parse().ok(),
        }
    }

    /// Whether the code reports success: `TaobaoResponse.isSuccess` takes an empty code or `0` as no error.
    pub fn is_success(&self) -> bool {
        match self {
            TopCode::Int(number) => *number == 0,
            TopCode::Str(text) => text.is_empty() || text == "0",
        }
    }
}

impl fmt::Display for TopCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopCode::Int(number) => number.fmt(f),
            TopCode::Str(text) => f.write_str(text),
        }
    }
}

impl PartialEq<i64> for TopCode {
    fn eq(&self, other: &i64) -> bool {
        self.as_i64() == Some(*other)
    }
}

impl PartialEq<&str> for TopCode {
    fn eq(&self, other: &&str) -> bool {
        match self {
            TopCode::Int(number) => number.to_string() == *other,
            TopCode::Str(text) => text == other,
        }
    }
}

impl Serialize for TopCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TopCode::Int(number) => serializer.serialize_i64(*number),
            TopCode::Str(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for TopCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;

        impl Visitor<'_> for CodeVisitor {
            type Value = TopCode;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a TOP error code: an integer or a string")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<TopCode, E> {
                Ok(TopCode::Int(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<TopCode, E> {
                // A code past i64 is kept as its text rather than refused.
                Ok(i64::try_from(value)
                    .map_or_else(|_| TopCode::Str(value.to_string()), TopCode::Int))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<TopCode, E> {
                Ok(TopCode::Str(value.to_owned()))
            }
        }

        deserializer.deserialize_any(CodeVisitor)
    }
}

/// A code carries no documented limit of its own.
impl Validate for TopCode {
    fn validate_into(&self, _: &Path<'_>, _: &mut Report) {}
}

/// A number is always there; a text is there unless blank, as for any string.
impl Presence for TopCode {
    fn absence(&self) -> Option<Absence> {
        match self {
            TopCode::Int(_) => None,
            TopCode::Str(text) => text.absence(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_form_it_was_read_in() {
        for text in ["50", r#""50""#, r#""isp.remote-service-error""#] {
            let code: TopCode = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&code).unwrap(), text);
        }
        let code: TopCode = serde_json::from_str("18446744073709551615").unwrap();
        assert_eq!(code, TopCode::Str("18446744073709551615".into()));
        assert!(serde_json::from_str::<TopCode>("1.5").is_err());
        assert!(serde_json::from_str::<TopCode>("true").is_err());
    }

    #[test]
    fn compares_by_meaning() {
        assert_eq!(TopCode::Int(50), 50);
        assert_eq!(TopCode::Str("50".into()), 50);
        assert_eq!(TopCode::Int(50), "50");
        assert_ne!(TopCode::Str("isv.x".into()), 50);
        assert!(TopCode::Int(0).is_success());
        assert!(TopCode::Str(String::new()).is_success());
        assert!(!TopCode::Str("00".into()).is_success());
        assert_eq!(TopCode::Str("isv.x".into()).to_string(), "isv.x");
    }
}
