//! .NET's `Guid`: its text and its bytes (docs/wire-formats.md, .NET Guid).

use serde::de::{Unexpected, Visitor};
use serde::{Deserializer, Serializer};
use serde_with::{DeserializeAs, SerializeAs};
use uuid::Uuid;

use super::marker::GUID;

/// A .NET `Guid`, for `#[serde_as(as = "DotNetGuid")]` on a `Uuid`.
///
/// JSON sees the lowercase hyphenated text Json.NET writes (as a plain `Uuid` does), and reads any case. BSON
/// gets what Json.NET writes for a `Guid`: binary subtype 4 holding `Guid.ToByteArray()`, whose first three
/// groups are little-endian (`00112233-4455-6677-…` is `33 22 11 00 55 44 77 66 …`), not RFC order.
pub struct DotNetGuid;

impl SerializeAs<Uuid> for DotNetGuid {
    fn serialize_as<S: Serializer>(value: &Uuid, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(GUID, value.as_hyphenated())
    }
}

impl<'de> DeserializeAs<'de, Uuid> for DotNetGuid {
    /// Text in any case, as `Uuid` reads it (the BSON reader presents a subtype 4 or 3 binary as text), or 16
    /// bytes in .NET order: Json.NET reads any 16-byte binary into a `Guid` with `new Guid(byte[])`.
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Uuid, D::Error> {
        deserializer.deserialize_str(GuidVisitor)
    }
}

/// `new Guid(string)`, which Json.NET and `XmlConvert.ToGuid` both call: the text in any case, white space
/// around it skipped (the constructor calls `Trim()`).
pub(crate) fn parse(text: &str) -> Option<Uuid> {
    Uuid::parse_str(text.trim()).ok()
}

/// `new Guid(byte[])`: 16 bytes whose first three groups are little-endian.
pub(crate) fn from_dotnet_bytes(bytes: &[u8]) -> Option<Uuid> {
    <[u8; 16]>::try_from(bytes).ok().map(Uuid::from_bytes_le)
}

/// `Guid.ToByteArray()`: the first three groups little-endian.
pub(crate) fn to_dotnet_bytes(guid: &Uuid) -> [u8; 16] {
    guid.to_bytes_le()
}

struct GuidVisitor;

impl Visitor<'_> for GuidVisitor {
    type Value = Uuid;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a Guid as text, or its 16 bytes in .NET order")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Uuid, E> {
        parse(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Uuid, E> {
        from_dotnet_bytes(bytes).ok_or_else(|| E::invalid_length(bytes.len(), &self))
    }
}
