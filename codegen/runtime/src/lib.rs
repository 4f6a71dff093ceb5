//! Runtime support for the code `codegen` generates.
//!
//! The generated crate stays short because the rules that do not depend on a schema live here: the scalar types
//! whose text form a provider's server fixes (.NET dates, TOP dates, amounts in fen), the number formats of
//! Json.NET, JSON parsing that reports where a payload went wrong, the registry through which tools reach a
//! generated type by the name its document gives it, and the clients ([`client`]) that turn each generated
//! operation into HTTP messages and back.

pub mod bson;
mod calendar;
pub mod client;
mod date;
mod datetime;
mod fen;
pub mod form;
pub mod json;
mod json_dialect;
mod number;
mod problem;
mod registry;
pub mod sm4;
pub mod top;
mod top_datetime;
pub mod validate;
pub mod xml;

pub use bson::DotNetGuid;
pub use date::Date;
pub use datetime::{DotNetDateTime, Offset};
pub use fen::Fen;
pub use number::{DotNetDecimal, DotNetDouble};
pub use problem::{Problem, Rejection, Stage};
pub use registry::{
    Endpoint, Format, Model, ModelVisitor, Operation, OperationVisitor, Protocol, ProviderInfo,
};
pub use top::TopCode;
pub use top_datetime::TopDateTime;
pub use validate::Validate;

/// Re-exported so generated code names one dependency for its wire types.
pub use {rust_decimal::Decimal, serde, serde_with, uuid::Uuid};

/// Re-exported for derive expansions and generated code: `regex` behind `#[validate(pattern)]`, `bon` for request
/// builders (`#[builder(crate = ::codegen_runtime::bon)]`).
pub use {bon, regex};

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
        const SHOWN: usize = 40;
        let found = match found.char_indices().nth(SHOWN) {
            Some((cut, _)) => format!("{}…", &found[..cut]),
            None => found.to_owned(),
        };
        ScalarError { expected, found }
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
                $crate::deserialize_from_str(deserializer, $expecting)
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
