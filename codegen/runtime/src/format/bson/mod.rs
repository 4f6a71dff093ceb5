//! `application/bson` bodies as ASP.NET Web API's `BsonMediaTypeFormatter` writes and reads them (docs/wire-formats.md,
//! BSON under Web API and BSON element types): Json.NET's `BsonWriter` under the same contract as JSON (same names,
//! same order, nulls included).
//!
//! The `bson` crate is not used because its choices are not Json.NET's: it writes a `u32` as int64 where
//! Json.NET writes int32, a `Uuid` as generic binary in RFC byte order where Json.NET writes subtype 4 in .NET's
//! mixed-endian order, and a `serde_json` `RawValue` (how [`DotNetDecimal`](crate::scalar::DotNetDecimal) and
//! [`DotNetDouble`](crate::scalar::DotNetDouble) hand over their text) as a one-field document. Serde cannot tell
//! a date or a Guid from a string, so [`DotNetDateTime`] and [`DotNetGuid`](crate::scalar::DotNetGuid) announce
//! themselves with a newtype name of `scalar::marker` that JSON ignores and this writer turns into a date or a
//! binary element.
//!
//! | serde value | element written, as Json.NET writes the .NET type |
//! |---|---|
//! | `i8` `i16` `i32` `u8` `u16`, `u32` up to `i32::MAX` (larger is an error, as in Json.NET) | 0x10 int32 |
//! | `i64`, `u64` up to `i64::MAX` (larger is an error, as in Json.NET) | 0x12 int64 |
//! | `f32` `f64`, a `RawValue` number (Json.NET writes a `decimal` as a double too, losing digits) | 0x01 double |
//! | `bool` | 0x08 |
//! | `None`, `()` | 0x0A null |
//! | `str`, `char`, a unit variant's name | 0x02 string |
//! | [`DotNetDateTime`] | 0x09 milliseconds since 1970 UTC, truncated toward zero |
//! | [`DotNetGuid`](crate::scalar::DotNetGuid) | 0x05 subtype 4, the 16 bytes of `Guid.ToByteArray()` |
//! | `&[u8]` via `serialize_bytes` | 0x05 subtype 0 |
//! | struct, map, a variant with data (`{"Variant": value}`) | 0x03 document |
//! | sequence, tuple | 0x04 array keyed `"0"`, `"1"`, … |
//!
//! The top-level value must be a struct or a map. Json.NET's writer refuses a bare scalar too (the formatter
//! first wraps one as `{"Value": v}`); it does accept a root array, which no generated type needs, so that is
//! refused here to keep [`to_vec`] and [`from_slice`] symmetric.

mod de;
mod ser;
#[cfg(test)]
mod tests;

use serde::Serialize;
use serde::de::{Expected, Unexpected};
use serde_path_to_error::Segment;

use crate::problem::{self, Problem, Rejection, Stage};
use crate::scalar::calendar;
use crate::scalar::{DotNetDateTime, Offset};

/// The element type bytes of the BSON specification that Json.NET writes for a serialized .NET object.
mod element {
    pub(super) const DOUBLE: u8 = 0x01;
    pub(super) const STRING: u8 = 0x02;
    pub(super) const DOCUMENT: u8 = 0x03;
    pub(super) const ARRAY: u8 = 0x04;
    pub(super) const BINARY: u8 = 0x05;
    pub(super) const BOOLEAN: u8 = 0x08;
    pub(super) const DATE: u8 = 0x09;
    pub(super) const NULL: u8 = 0x0A;
    pub(super) const INT32: u8 = 0x10;
    pub(super) const INT64: u8 = 0x12;

    /// Binary subtype of a generic `byte[]`.
    pub(super) const GENERIC: u8 = 0x00;
    /// Binary subtype Json.NET gives a `Guid`; its reader also takes the legacy subtype 3.
    pub(super) const UUID: u8 = 0x04;
    pub(super) const UUID_LEGACY: u8 = 0x03;
}

/// Serializes `value` (a struct or map) to the bytes Json.NET's `BsonWriter` writes for the same .NET object.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, BsonError> {
    ser::to_vec(value)
}

/// Parses one BSON document; on failure the one [`Problem`] says where (`$.refundparm.ticketids[1]`) and what
/// kind of failure it was, with the same codes as [`json::from_str`](crate::format::json::from_str) plus `bson_syntax`
/// for malformed bytes.
///
/// Every element type [`to_vec`] writes is read, and the number types are interchangeable as serde allows (an
/// int32 fills an `i64` or an `f64`). A date is presented as the text `DotNetDateTime` parses
/// (`2025-09-14T08:35:25.12Z`), a binary of subtype 4 or 3 with 16 bytes as the Guid's text, and any number
/// as JSON text to a `RawValue` reader such as `DotNetDecimal`. Unknown members are ignored, as Web API ignores
/// them. Lengths are checked against the input before use, documents may nest 64 deep, and bytes after the
/// document are an error.
pub fn from_slice<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Rejection> {
    de::check_root(bytes).map_err(|error| rejection("$".to_owned(), error))?;
    serde_path_to_error::deserialize(de::Value::root(&mut de::Input::new(bytes)))
        .map_err(|error| rejection(path_text(error.path()), error.into_inner()))
}

/// BSON could not be written or read. [`code`](BsonError::code) is stable; the message is for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BsonError {
    code: &'static str,
    message: String,
}

impl BsonError {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        BsonError {
            code,
            message: message.into(),
        }
    }

    /// The bytes are not a well-formed BSON document.
    fn syntax(message: impl Into<String>) -> Self {
        BsonError::new("bson_syntax", message)
    }

    /// The value has no BSON form Json.NET would write.
    fn unwritable(message: impl Into<String>) -> Self {
        BsonError::new("bson_unwritable", message)
    }

    /// `bson_syntax` or `bson_unwritable` for BSON itself, otherwise serde's kind of data error:
    /// `missing_field`, `invalid_type`, `invalid_value`, `invalid_length`, `unknown_variant`, ….
    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl std::fmt::Display for BsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BsonError {}

impl serde::ser::Error for BsonError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        BsonError::unwritable(message.to_string())
    }
}

/// Each of serde's data errors keeps its own code; the message is serde's standard wording, as in JSON.
impl serde::de::Error for BsonError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        BsonError::new("invalid_value", message.to_string())
    }

    fn invalid_type(found: Unexpected, expected: &dyn Expected) -> Self {
        serde_wording(
            "invalid_type",
            serde::de::value::Error::invalid_type(found, expected),
        )
    }

    fn invalid_value(found: Unexpected, expected: &dyn Expected) -> Self {
        serde_wording(
            "invalid_value",
            serde::de::value::Error::invalid_value(found, expected),
        )
    }

    fn invalid_length(length: usize, expected: &dyn Expected) -> Self {
        serde_wording(
            "invalid_length",
            serde::de::value::Error::invalid_length(length, expected),
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        serde_wording(
            "unknown_variant",
            serde::de::value::Error::unknown_variant(variant, expected),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        serde_wording(
            "unknown_field",
            serde::de::value::Error::unknown_field(field, expected),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        serde_wording(
            "missing_field",
            serde::de::value::Error::missing_field(field),
        )
    }

    fn duplicate_field(field: &'static str) -> Self {
        serde_wording(
            "duplicate_field",
            serde::de::value::Error::duplicate_field(field),
        )
    }
}

fn serde_wording(code: &'static str, error: serde::de::value::Error) -> BsonError {
    BsonError::new(code, error.to_string())
}

fn rejection(path: String, error: BsonError) -> Rejection {
    Rejection::new(
        Stage::Parse,
        vec![Problem {
            path,
            code: error.code,
            message: problem::without_value(&error.message),
        }],
    )
}

/// The JSON-path form the JSON reader reports: `$`, `.key` per member, `[i]` per array item. A malformed key
/// is located at its document, since it has no name to show.
fn path_text(path: &serde_path_to_error::Path) -> String {
    path.iter().fold("$".to_owned(), |mut text, segment| {
        match segment {
            Segment::Seq { index } => text.push_str(&format!("[{index}]")),
            Segment::Unknown => {}
            other => text.push_str(&format!(".{other}")),
        }
        text
    })
}

const MILLIS_PER_DAY: i64 = 86_400_000;
const TICKS_PER_MILLI: i64 = 10_000;
const TICKS_PER_SECOND: i64 = 10_000_000;

/// Json.NET's `ConvertDateTimeToJavaScriptTicks` of the UTC instant: 100 ns ticks since 1970 divided by 10,000,
/// truncated toward zero (1969-12-31T23:59:59.9999999Z is 0).
///
/// A text without an offset (`Kind=Unspecified`) is taken as UTC. Json.NET converts it with `ToUniversalTime`,
/// that is from the server's own zone, which a client cannot know; UTC is the value a UTC server writes.
fn unix_millis(date: &DotNetDateTime) -> i64 {
    let offset_minutes = match date.offset() {
        Offset::Minutes(minutes) => i64::from(minutes),
        Offset::Unspecified | Offset::Utc => 0,
    };
    let days = calendar::days_from_civil(date.date());
    let seconds = days * 86_400
        + i64::from(date.hour()) * 3_600
        + (i64::from(date.minute()) - offset_minutes) * 60
        + i64::from(date.second());
    (seconds * TICKS_PER_SECOND + i64::from(date.ticks())) / TICKS_PER_MILLI
}

/// The UTC date-time `millis` after 1970, with `Z` and the fraction trimmed of trailing zeros as Json.NET trims
/// it; `None` outside the years 1 to 9999 that .NET's `DateTime` holds (Json.NET's reader throws there too).
fn from_unix_millis(millis: i64) -> Option<DotNetDateTime> {
    let date = calendar::civil_from_days(millis.div_euclid(MILLIS_PER_DAY))?;
    let of_day = millis.rem_euclid(MILLIS_PER_DAY);
    let seconds = of_day / 1_000;
    DotNetDateTime::new(
        date.year,
        date.month,
        date.day,
        u8::try_from(seconds / 3_600).ok()?,
        u8::try_from(seconds / 60 % 60).ok()?,
        u8::try_from(seconds % 60).ok()?,
    )
    .ok()?
    .with_ticks(u32::try_from(of_day % 1_000 * TICKS_PER_MILLI).ok()?)
    .ok()?
    .with_offset(Offset::Utc)
    .ok()
}
