//! What every scalar whose wire form is text shares: the error a bad text gives, and serde through that text.

/// A scalar's text did not have the form its wire format requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScalarError {
    /// What the text should have looked like, e.g. `yyyy-MM-dd`.
    pub expected: &'static str,
    /// The rejected text, cut to a readable length.
    pub found: String,
}

impl ScalarError {
    pub(crate) fn new(expected: &'static str, found: &str) -> Self {
        ScalarError {
            expected,
            found: shorten(found).into_owned(),
        }
    }
}

/// Rejected text in an error message, cut to a readable length.
pub(crate) fn shorten(text: &str) -> std::borrow::Cow<'_, str> {
    const SHOWN: usize = 40;
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..cut])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

impl std::fmt::Display for ScalarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expected {}, found {:?}", self.expected, self.found)
    }
}

impl std::error::Error for ScalarError {}

/// `Serialize` and `Deserialize` for a scalar whose wire form is its `Display`/`FromStr` text in a JSON string.
macro_rules! serde_as_text {
    ($type:ty, $expecting:expr) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::scalar::text::deserialize_from_str(deserializer, $expecting)
            }
        }
    };
}
pub(crate) use serde_as_text;

/// Reads a scalar that travels as a JSON string and is checked by its `FromStr`.
///
/// Every string-borne scalar (dates, fen) goes through here, so all of them accept strings only and report a
/// bad text the same way.
pub(crate) fn deserialize_from_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    struct TextVisitor<T>(&'static str, std::marker::PhantomData<T>);

    impl<T> serde::de::Visitor<'_> for TextVisitor<T>
    where
        T: std::str::FromStr,
        T::Err: std::fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }

    deserializer.deserialize_str(TextVisitor(expecting, std::marker::PhantomData))
}
