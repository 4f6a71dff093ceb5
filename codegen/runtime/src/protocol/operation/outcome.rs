//! How a response that parsed says whether the call succeeded: one field read for what means success, as the
//! schema's `outcome:` records it (`errcode` 0, `code` 0 or 200, `error` absent, ...). The client judges a
//! response by it.

use std::fmt;

use serde::Serialize;

/// The reading of an operation's response: the call succeeded when `field` reads as `success` says; anything
/// else is a `ProviderFailure` of the client.
///
/// Every member is data, so a caller who knows better than the schema (the document of `ctt` does not say which
/// `code` means success) states another reading: `Outcome { success: Success::Equals(Literal::Int(1)),
/// ..schema_outcome }`, set on a codec with `outcome::<O>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The response field (wire name) that decides.
    pub field: &'static str,
    /// What `field` holds when the call succeeded.
    pub success: Success,
    /// The field (wire name) with the provider's code for a failure, when it is not `field` itself.
    pub code: Option<&'static str>,
    /// The field (wire name) with the provider's message.
    pub message: Option<&'static str>,
}

/// What the deciding field holds when the call succeeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Success {
    /// This one value; anything else, or nothing, is a failure.
    Equals(Literal),
    /// Any of these values, as a document that says "0 or 200 means success".
    OneOf(&'static [Literal]),
    /// Nothing: the field is absent, null, or empty (a string without characters, a list or object without
    /// members), as a document that says "success when `error` is not present". Anything there is a failure.
    Absent,
}

/// A value an outcome compares with, as a schema writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Literal {
    Int(i64),
    Str(&'static str),
    Bool(bool),
}

/// A value found in a response: a provider's code. It serializes as the JSON value it was.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum WireValue {
    Int(i64),
    /// A string, or the text of a number that is not an `i64`.
    Str(String),
    Bool(bool),
}

impl fmt::Display for WireValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireValue::Int(number) => number.fmt(f),
            WireValue::Str(text) => f.write_str(text),
            WireValue::Bool(flag) => flag.fmt(f),
        }
    }
}

impl PartialEq<Literal> for WireValue {
    fn eq(&self, literal: &Literal) -> bool {
        match (self, literal) {
            (WireValue::Int(value), Literal::Int(expected)) => value == expected,
            (WireValue::Str(value), Literal::Str(expected)) => value == expected,
            (WireValue::Bool(value), Literal::Bool(expected)) => value == expected,
            _ => false,
        }
    }
}
