//! A serde `Deserializer` over the key tree, converting leaf text as MVC model binding converts it.

use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Expected, Unexpected, Visitor};

use super::keys::{self, Node};
use super::scalar::{boolean, character, float, integer};
use crate::problem::{self, Problem, Rejection, Stage};
use crate::scalar::marker::RAW_VALUE;
use crate::scalar::number::is_json_number;

/// The tree of a leaf that has a value but no keys below it.
static EMPTY: Node = Node {
    values: Vec::new(),
    fields: Vec::new(),
    items: std::collections::BTreeMap::new(),
};

/// Reads a form body into `T` as Web API's `JQueryMvcFormUrlEncodedFormatter` binds it (docs/wire-formats.md, Form
/// binding keys).
///
/// Every key style the server accepts reads the same: `a.b`, `a[b]`, `a[0]`, `a[]` and repeated keys,
/// with names matched ignoring ASCII case. Unknown keys are ignored. A failure is one [`Problem`] located by
/// a JSON path (`$.refundparm.ticketids[1]`) with the code `form_syntax` (the body does not decode),
/// `form_limit` (more than 1000 pairs, a key deeper than 32 segments, or a list index of 1000 or more), or
/// serde's `missing_field`, `invalid_type`, `invalid_value`, `invalid_length`, `unknown_variant`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Rejection> {
    let rejection = |problem| Rejection::new(Stage::Parse, vec![problem]);
    let tree = keys::parse(text).map_err(rejection)?;
    T::deserialize(Input::Node(&tree)).map_err(|error| rejection(error.into_problem()))
}

/// Reads `T` from pairs already decoded, each name one of `T`'s fields, with the conversions of [`from_str`]: for
/// a URI's parameters, which the path and query decode their own way.
pub(crate) fn from_pairs<T: DeserializeOwned>(
    pairs: impl IntoIterator<Item = (String, String)>,
) -> Result<T, Rejection> {
    let tree = keys::flat(pairs);
    T::deserialize(Input::Node(&tree))
        .map_err(|error| Rejection::new(Stage::Parse, vec![error.into_problem()]))
}

/// A deserialization failure, and where it happened relative to the value that raised it.
#[derive(Debug)]
struct Error {
    code: &'static str,
    message: String,
    /// Innermost segment first: each level adds its own as the error passes out of it.
    path: Vec<PathSegment>,
}

#[derive(Debug)]
enum PathSegment {
    Field(String),
    Index(usize),
}

impl Error {
    fn new(code: &'static str, message: impl fmt::Display) -> Self {
        Error {
            code,
            message: message.to_string(),
            path: Vec::new(),
        }
    }

    fn within(mut self, segment: PathSegment) -> Self {
        self.path.push(segment);
        self
    }

    fn into_problem(self) -> Problem {
        let mut path = String::from("$");
        for segment in self.path.iter().rev() {
            match segment {
                PathSegment::Field(name) => {
                    path.push('.');
                    path.push_str(name);
                }
                PathSegment::Index(index) => path.push_str(&format!("[{index}]")),
            }
        }
        Problem {
            path,
            code: self.code,
            message: problem::without_value(&self.message),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Each kind of serde error gets its own code; the text is serde's own, as the JSON side reports it.
impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new("invalid_value", message)
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let serde: de::value::Error = de::Error::invalid_type(unexpected, expected);
        Error::new("invalid_type", serde)
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let serde: de::value::Error = de::Error::invalid_value(unexpected, expected);
        Error::new("invalid_value", serde)
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        let serde: de::value::Error = de::Error::invalid_length(len, expected);
        Error::new("invalid_length", serde)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let serde: de::value::Error = de::Error::unknown_variant(variant, expected);
        Error::new("unknown_variant", serde)
    }

    fn missing_field(field: &'static str) -> Self {
        let serde: de::value::Error = de::Error::missing_field(field);
        Error::new("missing_field", serde)
    }
}

/// What a value is read from: a key's node, or one of the values of a repeated key.
#[derive(Clone, Copy)]
enum Input<'de> {
    Node(&'de Node),
    Text(&'de str),
}

impl<'de> Input<'de> {
    /// The text of a scalar: a repeated key's first value, as `ValueProviderResult.ConvertTo` takes the
    /// first element for a non-list type.
    fn text(self, expected: &dyn Expected) -> Result<&'de str, Error> {
        match self {
            Input::Text(text) => Ok(text),
            Input::Node(node) => node
                .values
                .first()
                .map(String::as_str)
                .ok_or_else(|| de::Error::invalid_type(Unexpected::Map, expected)),
        }
    }

    fn node(self) -> &'de Node {
        match self {
            Input::Node(node) => node,
            Input::Text(_) => &EMPTY,
        }
    }

    /// MVC's `ConvertEmptyStringToNull`: an empty or white-space value binds as null, as a missing key does.
    fn is_null(self) -> bool {
        let blank = |text: &str| text.trim().is_empty();
        match self {
            Input::Text(text) => blank(text),
            Input::Node(node) => {
                node.fields.is_empty()
                    && node.items.is_empty()
                    && node.values.iter().all(|value| blank(value))
            }
        }
    }

    /// A scalar converted by `convert`; text it refuses is an `invalid_value`.
    fn scalar<V, T>(self, visitor: &V, convert: impl FnOnce(&str) -> Option<T>) -> Result<T, Error>
    where
        V: Visitor<'de>,
    {
        let text = self.text(visitor)?;
        convert(text).ok_or_else(|| de::Error::invalid_value(Unexpected::Str(text), visitor))
    }
}

macro_rules! integers {
    ($($method:ident => $visit:ident($type:ty)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let value = self.scalar(&visitor, integer::<$type>)?;
            visitor.$visit(value)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Input<'de> {
    type Error = Error;

    /// A scalar is its text (so a type that reads numbers, numeric strings and names, as `WireEnum` does,
    /// gets the text); keys below a key without a value make a map, or a list when they are all indexes.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Input::Text(text) => visitor.visit_borrowed_str(text),
            Input::Node(node) => match node.values.first() {
                Some(text) => visitor.visit_borrowed_str(text),
                None if node.fields.is_empty() && !node.items.is_empty() => {
                    self.deserialize_seq(visitor)
                }
                None => self.deserialize_map(visitor),
            },
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.scalar(&visitor, boolean)?;
        visitor.visit_bool(value)
    }

    integers! {
        deserialize_i8 => visit_i8(i8),
        deserialize_i16 => visit_i16(i16),
        deserialize_i32 => visit_i32(i32),
        deserialize_i64 => visit_i64(i64),
        deserialize_i128 => visit_i128(i128),
        deserialize_u8 => visit_u8(u8),
        deserialize_u16 => visit_u16(u16),
        deserialize_u32 => visit_u32(u32),
        deserialize_u64 => visit_u64(u64),
        deserialize_u128 => visit_u128(u128),
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.scalar(&visitor, float::<f32>)?;
        visitor.visit_f32(value)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.scalar(&visitor, float::<f64>)?;
        visitor.visit_f64(value)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.scalar(&visitor, character)?;
        visitor.visit_char(value)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = self.text(&visitor)?;
        visitor.visit_borrowed_str(text)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = self.text(&visitor)?;
        visitor.visit_borrowed_bytes(text.as_bytes())
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    /// A missing key, or a key whose values are all blank and that has no keys below it, is `None`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    /// `RawValue` (through which `DotNetDecimal` keeps a decimal's digits) gets the text itself when it is a
    /// JSON number, and a JSON string of the text otherwise.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name != RAW_VALUE {
            return visitor.visit_newtype_struct(self);
        }
        let text = self.text(&visitor)?;
        let raw = if is_json_number(text) {
            text.to_owned()
        } else {
            serde_json::to_string(text).map_err(de::Error::custom)?
        };
        visitor.visit_map(RawValueAccess(Some(raw)))
    }

    /// A key's own values are the list when it has any (repeated keys, `a[]`); otherwise `[0]`, `[1]`, …
    /// up to the first missing index, as `CollectionModelBinder` reads them.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let node = match self {
            Input::Text(text) => {
                return Err(de::Error::invalid_type(Unexpected::Str(text), &visitor));
            }
            Input::Node(node) => node,
        };
        let items: Vec<Input<'de>> = if node.values.is_empty() {
            (0..)
                .map_while(|index| node.items.get(&index))
                .map(Input::Node)
                .collect()
        } else {
            node.values.iter().map(|value| Input::Text(value)).collect()
        };
        visitor.visit_seq(Items {
            items: items.into_iter().enumerate(),
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    /// Every `.name` key below this one, with the name as the body spells it.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let entries = self
            .node()
            .fields
            .iter()
            .map(|(name, node)| (name.as_str(), node))
            .collect();
        visitor.visit_map(Entries::new(entries))
    }

    /// The keys that match a field ignoring ASCII case, under the field's own name; the rest are ignored.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let node = self.node();
        let entries = fields
            .iter()
            .filter_map(|&field| Some((field, node.field(field)?)))
            .collect();
        visitor.visit_map(Entries::new(entries))
    }

    /// A unit variant by name: exact first, then ignoring ASCII case (`EnumConverter` ignores case).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let text = self.text(&visitor)?.trim();
        let variant = variants
            .iter()
            .find(|&&variant| variant == text)
            .or_else(|| {
                variants
                    .iter()
                    .find(|variant| variant.eq_ignore_ascii_case(text))
            })
            .map_or(text, |variant| variant);
        visitor.visit_enum(BorrowedStrDeserializer::new(variant))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The items of a list, each error located by its position.
struct Items<I> {
    items: I,
}

impl<'de, I> de::SeqAccess<'de> for Items<I>
where
    I: ExactSizeIterator<Item = (usize, Input<'de>)>,
{
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, item)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(item)
            .map(Some)
            .map_err(|error| error.within(PathSegment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// Named keys and their nodes, each error located by the name.
struct Entries<'de> {
    entries: std::vec::IntoIter<(&'de str, &'de Node)>,
    pending: Option<(&'de str, &'de Node)>,
}

impl<'de> Entries<'de> {
    fn new(entries: Vec<(&'de str, &'de Node)>) -> Self {
        Entries {
            entries: entries.into_iter(),
            pending: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((name, node)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((name, node));
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let (name, node) = self
            .pending
            .take()
            .ok_or_else(|| de::Error::custom("a map value was asked for before its key"))?;
        seed.deserialize(Input::Node(node))
            .map_err(|error| error.within(PathSegment::Field(name.to_owned())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// The one-entry map through which serde_json hands a `RawValue` its token.
struct RawValueAccess(Option<String>);

impl<'de> de::MapAccess<'de> for RawValueAccess {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.0.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(RAW_VALUE))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let raw = self
            .0
            .take()
            .ok_or_else(|| de::Error::custom("a raw value was asked for twice"))?;
        seed.deserialize(StringDeserializer::new(raw))
    }
}
