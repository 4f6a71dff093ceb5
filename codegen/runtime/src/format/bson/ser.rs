//! Writing: serde's data model to the elements Json.NET's `BsonWriter` chooses, in one pass.
//!
//! An element is written as a placeholder type byte, its key, then its value; the value's serializer fills in
//! the type byte once it knows it. A document's length is patched in when the document ends.

use serde::Serialize;
use serde::ser;
use serde_json::Value as Json;

use super::element::{
    ARRAY, BINARY, BOOLEAN, DATE, DOCUMENT, DOUBLE, GENERIC, INT32, INT64, NULL, STRING, UUID,
};
use super::{BsonError, unix_millis};
use crate::scalar::marker::{DATE_TIME, GUID, RAW_VALUE};
use crate::scalar::number::{self, Symbols};
use crate::scalar::{DotNetDateTime, guid};

type Result<T, E = BsonError> = std::result::Result<T, E>;

/// .NET's `double.NaN` (negative, quiet), the bits Json.NET writes for any NaN.
const DOTNET_NAN: u64 = 0xFFF8_0000_0000_0000;

pub(super) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    // The root is written as an element whose type byte (index 0) is checked, then dropped, so every serde
    // shape is handled once, and a root that is not a document is refused whatever it is.
    let mut out = Vec::with_capacity(256);
    out.push(0);
    value.serialize(Element {
        out: &mut out,
        type_at: 0,
    })?;
    if out.first() != Some(&DOCUMENT) {
        return Err(BsonError::unwritable(
            "BSON must start with a struct or map (Json.NET: BSON must start with an Object or Array)",
        ));
    }
    out.remove(0);
    Ok(out)
}

/// One value whose type byte sits at `type_at`, already followed by its key.
struct Element<'a> {
    out: &'a mut Vec<u8>,
    type_at: usize,
}

impl<'a> Element<'a> {
    fn put(self, kind: u8, payload: &[u8]) -> Result<()> {
        self.out[self.type_at] = kind;
        self.out.extend_from_slice(payload);
        Ok(())
    }

    fn double(self, value: f64) -> Result<()> {
        let bits = if value.is_nan() {
            DOTNET_NAN
        } else {
            value.to_bits()
        };
        self.put(DOUBLE, &bits.to_le_bytes())
    }

    fn string(self, text: &str) -> Result<()> {
        // The length counts the NUL; a NUL inside the text is written as is, as Json.NET does.
        let length = i32::try_from(text.len() + 1)
            .map_err(|_| BsonError::unwritable("a string longer than 2 GiB"))?;
        self.out[self.type_at] = STRING;
        self.out.extend_from_slice(&length.to_le_bytes());
        self.out.extend_from_slice(text.as_bytes());
        self.out.push(0);
        Ok(())
    }

    fn binary(self, subtype: u8, data: &[u8]) -> Result<()> {
        let length = i32::try_from(data.len())
            .map_err(|_| BsonError::unwritable("a byte array longer than 2 GiB"))?;
        self.out[self.type_at] = BINARY;
        self.out.extend_from_slice(&length.to_le_bytes());
        self.out.push(subtype);
        self.out.extend_from_slice(data);
        Ok(())
    }

    fn document(self, kind: u8) -> Document<'a> {
        self.out[self.type_at] = kind;
        Document::open(self.out, None)
    }

    /// `{"Variant": …}` with the inner document or array open; ending it closes both.
    fn variant(self, variant: &str, inner: u8) -> Result<Document<'a>> {
        let mut outer = self.document(DOCUMENT);
        let type_at = outer.key(variant)?;
        outer.out[type_at] = inner;
        Ok(Document::open(outer.out, Some(outer.start)))
    }
}

impl<'a> ser::Serializer for Element<'a> {
    type Ok = ();
    type Error = BsonError;
    type SerializeSeq = Document<'a>;
    type SerializeTuple = Document<'a>;
    type SerializeTupleStruct = Document<'a>;
    type SerializeTupleVariant = Document<'a>;
    type SerializeMap = Document<'a>;
    type SerializeStruct = Struct<'a>;
    type SerializeStructVariant = Document<'a>;

    fn serialize_bool(self, value: bool) -> Result<()> {
        self.put(BOOLEAN, &[u8::from(value)])
    }

    fn serialize_i8(self, value: i8) -> Result<()> {
        self.serialize_i32(value.into())
    }

    fn serialize_i16(self, value: i16) -> Result<()> {
        self.serialize_i32(value.into())
    }

    fn serialize_i32(self, value: i32) -> Result<()> {
        self.put(INT32, &value.to_le_bytes())
    }

    fn serialize_i64(self, value: i64) -> Result<()> {
        self.put(INT64, &value.to_le_bytes())
    }

    fn serialize_u8(self, value: u8) -> Result<()> {
        self.serialize_i32(value.into())
    }

    fn serialize_u16(self, value: u16) -> Result<()> {
        self.serialize_i32(value.into())
    }

    /// Json.NET writes a `uint` as int32 and refuses one above `int.MaxValue`.
    fn serialize_u32(self, value: u32) -> Result<()> {
        match i32::try_from(value) {
            Ok(value) => self.serialize_i32(value),
            Err(_) => Err(BsonError::unwritable(format!(
                "{value} is too large for a signed 32-bit integer; BSON has no unsigned values"
            ))),
        }
    }

    /// Json.NET writes a `ulong` as int64 and refuses one above `long.MaxValue`.
    fn serialize_u64(self, value: u64) -> Result<()> {
        match i64::try_from(value) {
            Ok(value) => self.serialize_i64(value),
            Err(_) => Err(BsonError::unwritable(format!(
                "{value} is too large for a signed 64-bit integer; BSON has no unsigned values"
            ))),
        }
    }

    fn serialize_f32(self, value: f32) -> Result<()> {
        self.double(value.into())
    }

    fn serialize_f64(self, value: f64) -> Result<()> {
        self.double(value)
    }

    fn serialize_char(self, value: char) -> Result<()> {
        self.string(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Result<()> {
        self.string(value)
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<()> {
        self.binary(GENERIC, value)
    }

    fn serialize_none(self) -> Result<()> {
        self.put(NULL, &[])
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<()> {
        self.put(NULL, &[])
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.put(NULL, &[])
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.string(variant)
    }

    /// The runtime's date and Guid types arrive here under their marker names, carrying their JSON text.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        match name {
            DATE_TIME => {
                let date = text(value)?
                    .parse::<DotNetDateTime>()
                    .map_err(|error| BsonError::unwritable(error.to_string()))?;
                self.put(DATE, &unix_millis(&date).to_le_bytes())
            }
            GUID => {
                let text = text(value)?;
                let guid = guid::parse(&text).ok_or_else(|| {
                    BsonError::unwritable(format!("expected a Guid, found {text:?}"))
                })?;
                self.binary(UUID, &guid::to_dotnet_bytes(&guid))
            }
            _ => value.serialize(self),
        }
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        let mut document = self.document(DOCUMENT);
        document.field(variant, value)?;
        document.end()
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Document<'a>> {
        Ok(self.document(ARRAY))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Document<'a>> {
        Ok(self.document(ARRAY))
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Document<'a>> {
        Ok(self.document(ARRAY))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Document<'a>> {
        self.variant(variant, ARRAY)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Document<'a>> {
        Ok(self.document(DOCUMENT))
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Struct<'a>> {
        Ok(if name == RAW_VALUE {
            Struct::RawNumber(Some(self))
        } else {
            Struct::Document(self.document(DOCUMENT))
        })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Document<'a>> {
        self.variant(variant, DOCUMENT)
    }
}

/// The JSON text a marker newtype or a `RawValue` carries.
fn text<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    match value.serialize(serde_json::value::Serializer) {
        Ok(Json::String(text)) => Ok(text),
        Ok(other) => Err(BsonError::unwritable(format!(
            "expected text, found {other}"
        ))),
        Err(error) => Err(BsonError::unwritable(error.to_string())),
    }
}

/// The double Json.NET writes for the number text of `DotNetDouble`/`DotNetDecimal`, including the strings
/// `NaN`, `Infinity` and `-Infinity` that stand for the non-finite doubles in JSON.
fn raw_number(json: &str) -> Result<f64> {
    if let Ok(number) = serde_json::from_str::<f64>(json) {
        return Ok(number);
    }
    serde_json::from_str::<&str>(json)
        .ok()
        .and_then(|text| number::from_symbol(text, Symbols::Invariant))
        .ok_or_else(|| {
            BsonError::unwritable("raw JSON other than a number cannot be written as BSON")
        })
}

/// An open document or array, with its length still to be patched in at `start`.
struct Document<'a> {
    out: &'a mut Vec<u8>,
    start: usize,
    /// The next array index, which is the next array key.
    next_index: usize,
    /// Where the type byte of the map entry whose key was just written is.
    pending_value: Option<usize>,
    /// The enclosing `{"Variant": …}` document, closed together with this one.
    outer: Option<usize>,
}

impl<'a> Document<'a> {
    fn open(out: &'a mut Vec<u8>, outer: Option<usize>) -> Self {
        let start = out.len();
        out.extend_from_slice(&[0; 4]);
        Document {
            out,
            start,
            next_index: 0,
            pending_value: None,
            outer,
        }
    }

    /// Writes a placeholder type byte and the key; gives where the type byte is.
    fn key(&mut self, key: &str) -> Result<usize> {
        // Json.NET writes a NUL inside a key as is, which ends the key early and corrupts the document.
        if key.contains('\0') {
            return Err(BsonError::unwritable(format!(
                "the key {key:?} holds a NUL, which BSON keys cannot"
            )));
        }
        let type_at = self.out.len();
        self.out.push(0);
        self.out.extend_from_slice(key.as_bytes());
        self.out.push(0);
        Ok(type_at)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<()> {
        let type_at = self.key(key)?;
        value.serialize(Element {
            out: self.out,
            type_at,
        })
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self.next_index.to_string();
        self.next_index += 1;
        self.field(&key, value)
    }

    fn end(self) -> Result<()> {
        close(self.out, self.start)?;
        match self.outer {
            Some(outer) => close(self.out, outer),
            None => Ok(()),
        }
    }
}

/// Ends the document that starts at `start` and writes its length.
fn close(out: &mut Vec<u8>, start: usize) -> Result<()> {
    out.push(0);
    let length = i32::try_from(out.len() - start)
        .map_err(|_| BsonError::unwritable("a document longer than 2 GiB"))?;
    out[start..start + 4].copy_from_slice(&length.to_le_bytes());
    Ok(())
}

impl ser::SerializeSeq for Document<'_> {
    type Ok = ();
    type Error = BsonError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Document::end(self)
    }
}

impl ser::SerializeTuple for Document<'_> {
    type Ok = ();
    type Error = BsonError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Document::end(self)
    }
}

impl ser::SerializeTupleStruct for Document<'_> {
    type Ok = ();
    type Error = BsonError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Document::end(self)
    }
}

impl ser::SerializeTupleVariant for Document<'_> {
    type Ok = ();
    type Error = BsonError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Document::end(self)
    }
}

impl ser::SerializeStructVariant for Document<'_> {
    type Ok = ();
    type Error = BsonError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }

    fn end(self) -> Result<()> {
        Document::end(self)
    }
}

impl ser::SerializeMap for Document<'_> {
    type Ok = ();
    type Error = BsonError;

    /// Keys are strings, or integers written as their decimal text as Json.NET writes a dictionary's keys.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let key = match key.serialize(serde_json::value::Serializer) {
            Ok(Json::String(key)) => key,
            Ok(Json::Number(number)) if !number.is_f64() => number.to_string(),
            Ok(other) => {
                return Err(BsonError::unwritable(format!(
                    "a map key must be a string or an integer, not {other}"
                )));
            }
            Err(error) => return Err(BsonError::unwritable(error.to_string())),
        };
        self.pending_value = Some(self.key(&key)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let type_at = self
            .pending_value
            .take()
            .ok_or_else(|| BsonError::unwritable("a map value was given before its key"))?;
        value.serialize(Element {
            out: self.out,
            type_at,
        })
    }

    fn end(self) -> Result<()> {
        Document::end(self)
    }
}

/// A struct is a document, except `serde_json`'s `RawValue`, whose one field is number text.
enum Struct<'a> {
    Document(Document<'a>),
    /// The element the number goes into, until its one field arrives.
    RawNumber(Option<Element<'a>>),
}

impl ser::SerializeStruct for Struct<'_> {
    type Ok = ();
    type Error = BsonError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        match self {
            Struct::Document(document) => document.field(key, value),
            Struct::RawNumber(element) => {
                let element = element
                    .take()
                    .ok_or_else(|| BsonError::unwritable("a raw JSON value with two fields"))?;
                element.double(raw_number(&text(value)?)?)
            }
        }
    }

    fn end(self) -> Result<()> {
        match self {
            Struct::Document(document) => document.end(),
            Struct::RawNumber(None) => Ok(()),
            Struct::RawNumber(Some(_)) => {
                Err(BsonError::unwritable("a raw JSON value without text"))
            }
        }
    }
}
