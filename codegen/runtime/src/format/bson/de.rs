//! Reading: a self-describing serde `Deserializer` over one BSON document.
//!
//! Nothing is allocated from a declared length: every length is checked against the bytes that are really
//! left in the enclosing document before a slice is taken, and strings and binaries are borrowed.

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer};
use serde::de::{
    self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use uuid::Uuid;

use super::element::{
    ARRAY, BINARY, BOOLEAN, DATE, DOCUMENT, DOUBLE, INT32, INT64, NULL, STRING, UUID, UUID_LEGACY,
};
use super::{BsonError, from_unix_millis};
use crate::scalar::marker::RAW_VALUE;
use crate::scalar::number::{self, Symbols};
use crate::scalar::{DotNetDateTime, guid};

type Result<T, E = BsonError> = std::result::Result<T, E>;

/// How deep documents and arrays may nest, the root being 1; a guard against exhausting the stack.
const MAX_DEPTH: usize = 64;

/// What a `RawValue` reader is told it can get.
const RAW_EXPECTED: &str = "a value with a JSON text: a number, string, boolean or null";

/// Checks the root's declared length against the input, so a truncated payload or bytes after the document
/// are reported for the whole payload before any member is read.
pub(super) fn check_root(bytes: &[u8]) -> Result<()> {
    let Some((head, _)) = bytes.split_first_chunk::<4>() else {
        return Err(BsonError::syntax(format!(
            "{} bytes cannot hold a BSON document, which takes at least 5",
            bytes.len()
        )));
    };
    let declared = i32::from_le_bytes(*head);
    match usize::try_from(declared) {
        Err(_) => Err(BsonError::syntax(format!(
            "the document declares a negative length ({declared})"
        ))),
        Ok(length) if length > bytes.len() => Err(BsonError::syntax(format!(
            "the document declares {length} bytes but the payload has {}",
            bytes.len()
        ))),
        Ok(length) if length < bytes.len() => Err(BsonError::syntax(format!(
            "{} trailing bytes after the document's declared {length}",
            bytes.len() - length
        ))),
        Ok(_) => Ok(()),
    }
}

/// The unread bytes of one document's elements.
pub(super) struct Input<'de> {
    bytes: &'de [u8],
}

impl<'de> Input<'de> {
    pub(super) fn new(bytes: &'de [u8]) -> Self {
        Input { bytes }
    }

    fn take(&mut self, count: usize) -> Result<&'de [u8]> {
        let (head, rest) = self.bytes.split_at_checked(count).ok_or_else(|| {
            BsonError::syntax(format!(
                "a length of {count} runs past the end of its document ({} bytes left)",
                self.bytes.len()
            ))
        })?;
        self.bytes = rest;
        Ok(head)
    }

    fn fixed<const N: usize>(&mut self) -> Result<[u8; N]> {
        let (head, rest) = self.bytes.split_first_chunk::<N>().ok_or_else(|| {
            BsonError::syntax(format!(
                "a {N}-byte value runs past the end of its document"
            ))
        })?;
        self.bytes = rest;
        Ok(*head)
    }

    fn byte(&mut self) -> Result<u8> {
        let [byte] = self.fixed()?;
        Ok(byte)
    }

    /// An int32 length, which must not be negative.
    fn length(&mut self, what: &str) -> Result<usize> {
        let declared = i32::from_le_bytes(self.fixed()?);
        usize::try_from(declared).map_err(|_| {
            BsonError::syntax(format!("a {what} declares a negative length ({declared})"))
        })
    }

    /// A key: UTF-8 up to a NUL.
    fn key(&mut self) -> Result<&'de str> {
        let end = self
            .bytes
            .iter()
            .position(|&byte| byte == 0)
            .ok_or_else(|| BsonError::syntax("a key has no terminating NUL"))?;
        let key = self.take(end)?;
        self.take(1)?;
        std::str::from_utf8(key).map_err(|_| BsonError::syntax("a key is not UTF-8"))
    }

    /// A string value: int32 length counting the NUL, UTF-8, NUL. A NUL inside is allowed, as Json.NET writes it.
    fn string(&mut self) -> Result<&'de str> {
        let length = self.length("string")?;
        let bytes = self.take(length)?;
        match bytes.split_last() {
            Some((0, text)) => {
                std::str::from_utf8(text).map_err(|_| BsonError::syntax("a string is not UTF-8"))
            }
            _ => Err(BsonError::syntax("a string does not end with NUL")),
        }
    }
}

/// The value of one element, read when a serde method asks for it.
pub(super) struct Value<'a, 'de> {
    kind: u8,
    input: &'a mut Input<'de>,
    /// How many documents enclose this value.
    depth: usize,
}

impl<'a, 'de> Value<'a, 'de> {
    /// The whole payload, after [`check_root`], as a document value.
    pub(super) fn root(input: &'a mut Input<'de>) -> Self {
        Value {
            kind: DOCUMENT,
            input,
            depth: 0,
        }
    }

    fn read(self) -> Result<Read<'de>> {
        let input = self.input;
        Ok(match self.kind {
            DOUBLE => Read::Double(f64::from_le_bytes(input.fixed()?)),
            STRING => Read::Str(input.string()?),
            DOCUMENT => Read::Document(Elements::open(input, self.depth)?),
            ARRAY => Read::Array(Elements::open(input, self.depth)?),
            BINARY => {
                let length = input.length("binary")?;
                let subtype = input.byte()?;
                let data = input.take(length)?;
                match (subtype, guid::from_dotnet_bytes(data)) {
                    (UUID | UUID_LEGACY, Some(guid)) => Read::Guid(guid),
                    _ => Read::Bytes(data),
                }
            }
            BOOLEAN => match input.byte()? {
                0 => Read::Bool(false),
                1 => Read::Bool(true),
                other => {
                    return Err(BsonError::syntax(format!(
                        "a boolean byte of {other}, where BSON allows 0 and 1"
                    )));
                }
            },
            DATE => {
                let millis = i64::from_le_bytes(input.fixed()?);
                Read::Date(from_unix_millis(millis).ok_or_else(|| {
                    de::Error::invalid_value(
                        Unexpected::Signed(millis),
                        &"milliseconds since 1970 within the years 1 to 9999",
                    )
                })?)
            }
            NULL => Read::Null,
            INT32 => Read::Int32(i32::from_le_bytes(input.fixed()?)),
            INT64 => Read::Int64(i64::from_le_bytes(input.fixed()?)),
            other => {
                return Err(BsonError::syntax(format!(
                    "element type 0x{other:02x} is not one Json.NET writes for a .NET object"
                )));
            }
        })
    }
}

/// One element's value, read and checked.
enum Read<'de> {
    Double(f64),
    Str(&'de str),
    Document(Elements<'de>),
    Array(Elements<'de>),
    Guid(Uuid),
    Bytes(&'de [u8]),
    Bool(bool),
    Date(DotNetDateTime),
    Null,
    Int32(i32),
    Int64(i64),
}

impl<'de> Read<'de> {
    fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Read::Double(value) => visitor.visit_f64(value),
            Read::Str(text) => visitor.visit_borrowed_str(text),
            Read::Document(mut elements) => {
                let value = visitor.visit_map(&mut elements)?;
                elements.end()?;
                Ok(value)
            }
            Read::Array(mut elements) => {
                let value = visitor.visit_seq(&mut elements)?;
                elements.end()?;
                Ok(value)
            }
            Read::Guid(guid) => {
                visitor.visit_str(guid.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
            }
            Read::Bytes(bytes) => visitor.visit_borrowed_bytes(bytes),
            Read::Bool(value) => visitor.visit_bool(value),
            Read::Date(date) => visitor.visit_str(&date.to_string()),
            Read::Null => visitor.visit_unit(),
            Read::Int32(value) => visitor.visit_i32(value),
            Read::Int64(value) => visitor.visit_i64(value),
        }
    }

    /// The JSON text of a scalar, for `serde_json`'s `RawValue` (how `DotNetDecimal` reads its digits).
    ///
    /// A double is written in the shortest form that reads back as the same double, so a decimal gets the
    /// double's value; .NET's `Convert.ToDecimal(double)` would round it to 15 significant digits instead.
    fn raw_json(self) -> Result<String> {
        let quoted = |text: &str| {
            serde_json::to_string(text).map_err(|error| BsonError::syntax(error.to_string()))
        };
        match self {
            Read::Double(value) => match number::symbol(value, Symbols::Invariant) {
                Some(symbol) => quoted(symbol),
                None => Ok(value.to_string()),
            },
            Read::Str(text) => quoted(text),
            Read::Guid(guid) => quoted(&guid.hyphenated().to_string()),
            Read::Date(date) => quoted(&date.to_string()),
            Read::Bool(value) => Ok(value.to_string()),
            Read::Null => Ok("null".to_owned()),
            Read::Int32(value) => Ok(value.to_string()),
            Read::Int64(value) => Ok(value.to_string()),
            Read::Document(_) => Err(de::Error::invalid_type(Unexpected::Map, &RAW_EXPECTED)),
            Read::Array(_) => Err(de::Error::invalid_type(Unexpected::Seq, &RAW_EXPECTED)),
            Read::Bytes(bytes) => Err(de::Error::invalid_type(
                Unexpected::Bytes(bytes),
                &RAW_EXPECTED,
            )),
        }
    }
}

impl<'de> de::Deserializer<'de> for Value<'_, 'de> {
    type Error = BsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.read()?.visit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.kind == NULL {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == RAW_VALUE {
            let json = self.read()?.raw_json()?;
            visitor.visit_map(MapDeserializer::new(std::iter::once((RAW_VALUE, json))))
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    /// A unit variant is its name as a string; a variant with data a one-element document, as JSON has them.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.read()? {
            Read::Str(variant) => visitor.visit_enum(BorrowedStrDeserializer::new(variant)),
            Read::Document(mut elements) => {
                let value = visitor.visit_enum(&mut elements)?;
                elements.end()?;
                Ok(value)
            }
            other => other.visit(visitor),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// A member's key: a string, or for an integer-keyed map the decimal text the writer gave the integer.
struct Key<'de>(&'de str);

impl<'de> Key<'de> {
    fn integer<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if let Ok(value) = self.0.parse::<i64>() {
            visitor.visit_i64(value)
        } else if let Ok(value) = self.0.parse::<u64>() {
            visitor.visit_u64(value)
        } else {
            visitor.visit_borrowed_str(self.0)
        }
    }
}

macro_rules! integer_keys {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                self.integer(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = BsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.0)
    }

    integer_keys! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant's name, as the writer gives an enum key.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(BorrowedStrDeserializer::new(self.0))
    }

    forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string bytes byte_buf option unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// The elements of a document or array, read one at a time.
struct Elements<'de> {
    input: Input<'de>,
    /// How many documents enclose these elements, this one included.
    depth: usize,
    /// The type of the element whose key was just read, until its value is.
    pending: Option<u8>,
}

impl<'de> Elements<'de> {
    /// Reads a document's length and terminator, leaving its elements; `depth` documents enclose it.
    fn open(input: &mut Input<'de>, depth: usize) -> Result<Self> {
        if depth >= MAX_DEPTH {
            return Err(BsonError::syntax(format!(
                "documents nest deeper than {MAX_DEPTH}"
            )));
        }
        let length = input.length("document")?;
        // The length counts its own 4 bytes, which are already read, and the terminating NUL.
        let rest = length
            .checked_sub(4)
            .filter(|&rest| rest > 0)
            .ok_or_else(|| {
                BsonError::syntax(format!(
                    "a document declares {length} bytes, below the minimum of 5"
                ))
            })?;
        match input.take(rest)?.split_last() {
            Some((0, elements)) => Ok(Elements {
                input: Input::new(elements),
                depth: depth + 1,
                pending: None,
            }),
            _ => Err(BsonError::syntax("a document does not end with NUL")),
        }
    }

    /// The next element's type and key, or `None` at the end.
    fn next(&mut self) -> Result<Option<(u8, &'de str)>> {
        if self.input.bytes.is_empty() {
            return Ok(None);
        }
        let kind = self.input.byte()?;
        Ok(Some((kind, self.input.key()?)))
    }

    fn value(&mut self, kind: u8) -> Value<'_, 'de> {
        Value {
            kind,
            input: &mut self.input,
            depth: self.depth,
        }
    }

    /// A visitor that stopped early (a tuple shorter than the array) leaves elements behind.
    fn end(&self) -> Result<()> {
        if self.input.bytes.is_empty() {
            Ok(())
        } else {
            Err(BsonError::new(
                "invalid_length",
                "the document or array has more elements than its type takes",
            ))
        }
    }
}

impl<'de> MapAccess<'de> for Elements<'de> {
    type Error = BsonError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((kind, key)) = self.next()? else {
            return Ok(None);
        };
        self.pending = Some(kind);
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let kind = self
            .pending
            .take()
            .ok_or_else(|| de::Error::custom("a value was asked for before its key"))?;
        seed.deserialize(self.value(kind))
    }
}

/// Array keys are not checked: Json.NET's reader ignores them too.
impl<'de> SeqAccess<'de> for Elements<'de> {
    type Error = BsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some((kind, _)) = self.next()? else {
            return Ok(None);
        };
        seed.deserialize(self.value(kind)).map(Some)
    }
}

impl<'a, 'de> EnumAccess<'de> for &'a mut Elements<'de> {
    type Error = BsonError;
    type Variant = Value<'a, 'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Value<'a, 'de>)> {
        let Some((kind, variant)) = self.next()? else {
            return Err(de::Error::invalid_length(
                0,
                &"a document with one element, named after the variant",
            ));
        };
        let variant = seed.deserialize(BorrowedStrDeserializer::new(variant))?;
        Ok((variant, self.value(kind)))
    }
}

impl<'de> VariantAccess<'de> for Value<'_, 'de> {
    type Error = BsonError;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}
