//! A serde `Serializer` that writes the key paths MVC model binding reads.

use std::fmt;

use serde::ser::{self, Impossible, Serialize};

use crate::scalar::marker::RAW_VALUE;
use crate::scalar::number::{self, Symbols};

/// The pairs written so far, not yet encoded.
struct Pairs {
    written: Vec<(String, String)>,
}

impl Pairs {
    fn append(&mut self, key: &str, value: &str) {
        self.written.push((key.to_owned(), value.to_owned()));
    }
}

/// A value that a form body cannot carry; the message names the key where it was met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError(String);

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormError {}

impl ser::Error for FormError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        FormError(message.to_string())
    }
}

/// Writes `value` as the form body a Web API server binds back into the same value (docs/wire-formats.md, Form binding
/// keys).
///
/// The server binds with the model name `""`, so keys are property paths: `refundparm.orderid`,
/// `refundparm.ticketids[0]`, `a.items[0].name`. Pairs follow serde's field order. `None` and unit write no
/// pair at all, and neither does an empty list: the server binds a missing key, and so an empty list, as
/// null. Scalars are their text: integers, `true`/`false`, strings as they are, unit variants by name, a
/// `RawValue` (`DotNetDouble`, `DotNetDecimal`) as its number text (`4.10`, `1E+20`), and a plain `f64` as
/// Rust's shortest round-trip digits (`DotNetDouble` gives .NET's own text). A map writes its keys like
/// fields, so `#[serde(flatten)]` works; Web API would bind a `Dictionary` from other keys.
///
/// Encoding is the HTML `application/x-www-form-urlencoded` serializer a browser uses: UTF-8, space as `+`,
/// everything but ASCII letters, digits and `*-._` as `%XX`. Brackets are therefore `%5B`/`%5D`, as a
/// browser, jQuery's `$.param` and .NET's `FormUrlEncodedContent` all send them; the server decodes any
/// escape, so the choice only fixes the bytes.
///
/// The top-level value must be a struct or a map: anything else has no key to go under.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, FormError> {
    Ok(form_urlencoded::Serializer::new(String::new())
        .extend_pairs(to_pairs(value)?)
        .finish())
}

/// The pairs [`to_string`] encodes, as text: for a URI, whose path and query encode them their own way.
pub(crate) fn to_pairs<T: Serialize + ?Sized>(
    value: &T,
) -> Result<Vec<(String, String)>, FormError> {
    let mut pairs = Pairs {
        written: Vec::new(),
    };
    value.serialize(Value {
        pairs: &mut pairs,
        key: None,
    })?;
    Ok(pairs.written)
}

/// One value and its key; `None` at the top level, where only a struct or map is allowed.
struct Value<'a> {
    pairs: &'a mut Pairs,
    key: Option<&'a str>,
}

fn join(prefix: Option<&str>, name: &str) -> String {
    match prefix {
        Some(prefix) => format!("{prefix}.{name}"),
        None => name.to_owned(),
    }
}

fn no_key(what: &str) -> FormError {
    FormError(format!(
        "a form body is a struct or a map at the top level, not {what}"
    ))
}

impl<'a> Value<'a> {
    fn key(&self, what: &str) -> Result<&'a str, FormError> {
        self.key.ok_or_else(|| no_key(what))
    }

    fn text(self, text: &str) -> Result<(), FormError> {
        let key = self.key("a scalar")?;
        self.pairs.append(key, text);
        Ok(())
    }

    fn omit(self, what: &str) -> Result<(), FormError> {
        self.key(what).map(drop)
    }

    fn refuse(&self, what: &str) -> FormError {
        FormError(format!(
            "{} has {what}, which a form cannot carry",
            self.key.unwrap_or("the top level")
        ))
    }
}

macro_rules! display_scalars {
    ($($method:ident($type:ty)),* $(,)?) => {$(
        fn $method(self, value: $type) -> Result<Self::Ok, FormError> {
            self.text(&value.to_string())
        }
    )*};
}

/// Rust's shortest round-trip digits, or .NET's invariant symbols for NaN and the infinities.
fn float_text(value: f64, display: impl fmt::Display) -> String {
    match number::symbol(value, Symbols::Invariant) {
        Some(symbol) => symbol.to_owned(),
        None => display.to_string(),
    }
}

impl<'a> ser::Serializer for Value<'a> {
    type Ok = ();
    type Error = FormError;
    type SerializeSeq = Items<'a>;
    type SerializeTuple = Items<'a>;
    type SerializeTupleStruct = Items<'a>;
    type SerializeTupleVariant = Impossible<(), FormError>;
    type SerializeMap = Fields<'a>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Impossible<(), FormError>;

    display_scalars! {
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_char(char),
    }

    fn serialize_f32(self, value: f32) -> Result<(), FormError> {
        self.text(&float_text(value.into(), value))
    }

    fn serialize_f64(self, value: f64) -> Result<(), FormError> {
        self.text(&float_text(value, value))
    }

    fn serialize_str(self, value: &str) -> Result<(), FormError> {
        self.text(value)
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<(), FormError> {
        Err(self.refuse("bytes"))
    }

    fn serialize_none(self) -> Result<(), FormError> {
        self.omit("None")
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), FormError> {
        self.key("an Option")?;
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), FormError> {
        self.omit("a unit")
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), FormError> {
        self.omit(name)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), FormError> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), FormError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _value: &T,
    ) -> Result<(), FormError> {
        Err(self.refuse(&format!("the enum variant {name}::{variant} with data")))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Items<'a>, FormError> {
        let prefix = self.key("a list")?.to_owned();
        Ok(Items {
            pairs: self.pairs,
            prefix,
            index: 0,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Items<'a>, FormError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Items<'a>, FormError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, FormError> {
        Err(self.refuse(&format!("the enum variant {name}::{variant} with data")))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Fields<'a>, FormError> {
        Ok(Fields {
            prefix: self.key.map(str::to_owned),
            pairs: self.pairs,
            raw: false,
            map_key: None,
        })
    }

    /// A `RawValue` comes here as a struct with the token as its name and its one field.
    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Fields<'a>, FormError> {
        Ok(Fields {
            prefix: self.key.map(str::to_owned),
            pairs: self.pairs,
            raw: name == RAW_VALUE,
            map_key: None,
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, FormError> {
        Err(self.refuse(&format!("the enum variant {name}::{variant} with data")))
    }
}

/// List items under `prefix[0]`, `prefix[1]`, …
///
/// An item that writes no pair (`None`, a struct whose fields are all `None`) writes `prefix[n]=` instead,
/// which binds as null: a missing index would end the list there, as `CollectionModelBinder` stops at the
/// first gap.
struct Items<'a> {
    pairs: &'a mut Pairs,
    prefix: String,
    index: usize,
}

impl Items<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FormError> {
        let key = format!("{}[{}]", self.prefix, self.index);
        self.index += 1;
        let before = self.pairs.written.len();
        value.serialize(Value {
            pairs: self.pairs,
            key: Some(&key),
        })?;
        if self.pairs.written.len() == before {
            self.pairs.append(&key, "");
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = ();
    type Error = FormError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FormError> {
        self.item(value)
    }

    fn end(self) -> Result<(), FormError> {
        Ok(())
    }
}

impl ser::SerializeTuple for Items<'_> {
    type Ok = ();
    type Error = FormError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FormError> {
        self.item(value)
    }

    fn end(self) -> Result<(), FormError> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Items<'_> {
    type Ok = ();
    type Error = FormError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FormError> {
        self.item(value)
    }

    fn end(self) -> Result<(), FormError> {
        Ok(())
    }
}

/// Struct fields and map entries under `prefix.name`, or a `RawValue`'s text under `prefix` itself.
struct Fields<'a> {
    pairs: &'a mut Pairs,
    prefix: Option<String>,
    raw: bool,
    map_key: Option<String>,
}

impl Fields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), FormError> {
        if self.raw {
            let target = Value {
                pairs: self.pairs,
                key: self.prefix.as_deref(),
            };
            return match raw_text(&value.serialize(Text)?)? {
                Some(text) => target.text(&text),
                None => target.omit("a null"),
            };
        }
        let key = join(self.prefix.as_deref(), name);
        value.serialize(Value {
            pairs: self.pairs,
            key: Some(&key),
        })
    }
}

/// The form text of a raw JSON token: a number or `true` as written, a string without its quotes (so the
/// `"NaN"` of a double is `NaN`), and `None` for `null`, which is omitted like `None`.
fn raw_text(json: &str) -> Result<Option<String>, FormError> {
    let json = json.trim();
    match json.as_bytes().first() {
        Some(b'"') => serde_json::from_str(json)
            .map(Some)
            .map_err(|error| FormError(format!("a raw JSON string did not parse: {error}"))),
        Some(b'{' | b'[') => Err(FormError(
            "a raw JSON object or array has no form representation".to_owned(),
        )),
        _ if json == "null" => Ok(None),
        _ => Ok(Some(json.to_owned())),
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = FormError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), FormError> {
        self.field(name, value)
    }

    fn end(self) -> Result<(), FormError> {
        Ok(())
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = FormError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), FormError> {
        self.map_key = Some(key.serialize(Text)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FormError> {
        let name = self
            .map_key
            .take()
            .ok_or_else(|| FormError("a map value came before its key".to_owned()))?;
        self.field(&name, value)
    }

    fn end(self) -> Result<(), FormError> {
        Ok(())
    }
}

/// The text of a map key or of a `RawValue`'s JSON: strings, characters, integers and booleans only.
struct Text;

macro_rules! text_scalars {
    ($($method:ident($type:ty)),* $(,)?) => {$(
        fn $method(self, value: $type) -> Result<String, FormError> {
            Ok(value.to_string())
        }
    )*};
}

macro_rules! refuse_non_text {
    ($($method:ident($($arg:ident: $type:ty),*) -> $ok:ty),* $(,)?) => {$(
        fn $method(self, $(_: $type),*) -> Result<$ok, FormError> {
            Err(FormError(concat!(
                "a map key must be text, a number or a boolean (",
                stringify!($method),
                ")"
            ).to_owned()))
        }
    )*};
}

impl ser::Serializer for Text {
    type Ok = String;
    type Error = FormError;
    type SerializeSeq = Impossible<String, FormError>;
    type SerializeTuple = Impossible<String, FormError>;
    type SerializeTupleStruct = Impossible<String, FormError>;
    type SerializeTupleVariant = Impossible<String, FormError>;
    type SerializeMap = Impossible<String, FormError>;
    type SerializeStruct = Impossible<String, FormError>;
    type SerializeStructVariant = Impossible<String, FormError>;

    text_scalars! {
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_char(char),
        serialize_str(&str),
    }

    refuse_non_text! {
        serialize_f32(value: f32) -> String,
        serialize_f64(value: f64) -> String,
        serialize_bytes(value: &[u8]) -> String,
        serialize_none() -> String,
        serialize_unit() -> String,
        serialize_unit_struct(name: &'static str) -> String,
        serialize_seq(len: Option<usize>) -> Self::SerializeSeq,
        serialize_tuple(len: usize) -> Self::SerializeTuple,
        serialize_tuple_struct(name: &'static str, len: usize) -> Self::SerializeTupleStruct,
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeTupleVariant,
        serialize_map(len: Option<usize>) -> Self::SerializeMap,
        serialize_struct(name: &'static str, len: usize) -> Self::SerializeStruct,
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeStructVariant,
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, FormError> {
        value.serialize(self)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, FormError> {
        Ok(variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, FormError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _value: &T,
    ) -> Result<String, FormError> {
        Err(FormError(format!(
            "a map key must be text, a number or a boolean, not the enum variant {name}::{variant} with data"
        )))
    }
}
