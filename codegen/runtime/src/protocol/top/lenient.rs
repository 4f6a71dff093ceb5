//! A deserializer over a JSON value that reads loosely typed TOP responses the way the Java SDK's
//! `Converters` does (docs/wire-formats.md, TOP types and TOP loosely typed fields).
//!
//! - A boolean may arrive as `"true"`/`"false"`, a number as a numeric string (`"200"`): XML carries nothing
//!   else, and TOP's JSON does it too.
//! - A string may arrive as a JSON number or boolean, taken as its literal (Java's `value.toString()`).
//! - A list may arrive wrapped, `{"item_name": [...]}` in JSON or `<list><item/>...</list>` in XML, with a
//!   single item unwrapped (`{"item_name": {...}}`); an empty list as `""` (an empty XML element) or `{}`.
//! - A struct may arrive as `""`, an empty XML element, meaning no members.
//! - A `double` or `decimal` may arrive as text: XML carries nothing else.
//!
//! Everything else is serde_json's value deserializer's behaviour, errors included.

use serde::de::value::{MapDeserializer, StrDeserializer};
use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Error, Number, Value};

use crate::scalar::marker::RAW_VALUE;
use crate::scalar::number::is_json_number;

/// Deserializes any type from a borrowed value, leniently.
pub(super) struct Lenient<'a>(pub(super) &'a Value);

impl<'de> Deserializer<'de> for Lenient<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(*value),
            Value::Number(number) => visit_number(number, visitor),
            Value::String(text) => visitor.visit_borrowed_str(text),
            Value::Array(items) => visitor.visit_seq(Items(items.iter())),
            Value::Object(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.as_str() {
            Some("true") => visitor.visit_bool(true),
            Some("false") => visitor.visit_bool(false),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(value) => visitor.visit_str(if *value { "true" } else { "false" }),
            Value::Number(number) => visitor.visit_str(&number.to_string()),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// `RawValue` (through which `DotNetDecimal` and `DotNetDouble` read a number's text) gets a JSON number's
    /// text, and the text of a string that holds a number unquoted: XML carries numbers as text.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name != RAW_VALUE {
            return visitor.visit_newtype_struct(self);
        }
        let raw = match self.0 {
            Value::String(text) if is_json_number(text) => text.clone(),
            other => other.to_string(),
        };
        visitor.visit_map(MapDeserializer::new(std::iter::once((RAW_VALUE, raw))))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(text) if text.is_empty() => visitor.visit_seq(Items([].iter())),
            Value::Object(entries) if entries.is_empty() => visitor.visit_seq(Items([].iter())),
            Value::Object(entries) if entries.len() == 1 => match entries.values().next() {
                Some(Value::Array(items)) => visitor.visit_seq(Items(items.iter())),
                Some(item) => visitor.visit_seq(Items(std::slice::from_ref(item).iter())),
                None => visitor.visit_seq(Items([].iter())),
            },
            _ => self.deserialize_any(visitor),
        }
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

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(text) if text.is_empty() => visitor.visit_map(
                MapDeserializer::<_, Error>::new(std::iter::empty::<(&str, &str)>()),
            ),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bytes byte_buf unit unit_struct identifier
    }
}

impl<'de> Lenient<'de> {
    /// A number, or a string that is a JSON number (`"200"`, `"-1"`, `"10.5"`); anything else fails as the
    /// visitor's type mismatch.
    fn deserialize_number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(text) => match text.parse::<Number>() {
                Ok(number) => visit_number(&number, visitor),
                Err(_) => self.deserialize_any(visitor),
            },
            _ => self.deserialize_any(visitor),
        }
    }
}

fn visit_number<'de, V: Visitor<'de>>(number: &Number, visitor: V) -> Result<V::Value, Error> {
    if let Some(value) = number.as_u64() {
        visitor.visit_u64(value)
    } else if let Some(value) = number.as_i64() {
        visitor.visit_i64(value)
    } else if let Some(value) = number.as_f64() {
        visitor.visit_f64(value)
    } else {
        Err(Error::custom(format_args!(
            "the number {number} is out of range"
        )))
    }
}

struct Items<'a>(std::slice::Iter<'a, Value>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|item| seed.deserialize(Lenient(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'a> {
    entries: serde_json::map::Iter<'a>,
    value: Option<&'a Value>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let key: StrDeserializer<'de, Error> = key.as_str().into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Lenient(value)),
            None => Err(Error::custom("a map value was asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Loose {
        flag: Option<bool>,
        count: Option<i64>,
        small: Option<u8>,
        ratio: Option<f64>,
        text: Option<String>,
        list: Option<Vec<Item>>,
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        n: i32,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: Option<String>,
    }

    fn loose(value: Value) -> Result<Loose, Error> {
        Loose::deserialize(Lenient(&value))
    }

    #[test]
    fn scalars_arrive_as_strings_or_as_themselves() {
        let from_strings = loose(json!({
            "flag": "true", "count": "-200", "small": "7", "ratio": "10.5", "text": "x"
        }))
        .unwrap();
        let native = loose(json!({
            "flag": true, "count": -200, "small": 7, "ratio": 10.5, "text": "x"
        }))
        .unwrap();
        assert_eq!(from_strings, native);
        assert_eq!(from_strings.flag, Some(true));
        assert_eq!(from_strings.count, Some(-200));
        let text = |value| loose(json!({ "text": value })).unwrap().text;
        assert_eq!(text(json!(true)), Some("true".into()));
        assert_eq!(text(json!(200)), Some("200".into()));
        assert_eq!(text(json!(null)), None);
    }

    #[test]
    fn bad_scalars_are_still_type_errors() {
        for (value, message) in [
            (
                json!({"flag": "yes"}),
                "invalid type: string \"yes\", expected a boolean",
            ),
            (
                json!({"flag": 1}),
                "invalid type: integer `1`, expected a boolean",
            ),
            (
                json!({"count": "2x"}),
                "invalid type: string \"2x\", expected i64",
            ),
            (
                json!({"count": " 2"}),
                "invalid type: string \" 2\", expected i64",
            ),
            (
                json!({"count": "2.5"}),
                "invalid type: floating point `2.5`, expected i64",
            ),
            (
                json!({"small": "300"}),
                "invalid value: integer `300`, expected u8",
            ),
            (json!({"text": {}}), "invalid type: map, expected a string"),
        ] {
            let error = loose(value.clone()).expect_err(&value.to_string());
            assert_eq!(error.to_string(), message, "{value}");
        }
    }

    #[test]
    fn lists_arrive_plain_wrapped_or_as_a_single_item() {
        let list = |value| loose(json!({ "list": value })).unwrap().list;
        let two = Some(vec![Item { n: 1 }, Item { n: 2 }]);
        assert_eq!(list(json!([{"n": 1}, {"n": "2"}])), two);
        assert_eq!(list(json!({"item": [{"n": "1"}, {"n": 2}]})), two);
        assert_eq!(list(json!({"item": {"n": "1"}})), Some(vec![Item { n: 1 }]));
        assert_eq!(list(json!("")), Some(vec![]));
        assert_eq!(list(json!({})), Some(vec![]));
        assert!(loose(json!({"list": {"a": [], "b": []}})).is_err());
        assert!(loose(json!({"list": "x"})).is_err());
    }

    #[test]
    fn an_empty_element_is_an_empty_struct() {
        let inner = loose(json!({"inner": ""})).unwrap().inner;
        assert_eq!(inner, Some(Inner { a: None }));
        assert!(loose(json!({"inner": "x"})).is_err());
        assert!(loose(json!("")).is_ok());
    }
}
