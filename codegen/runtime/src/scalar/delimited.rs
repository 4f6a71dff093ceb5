//! A list the document carries in one string, its items joined by a delimiter (`"1,2,3"`): a `Vec` in Rust, one
//! string on every wire, as a `serde_with` adapter (`#[serde_as(as = "Delimited<','>")]`).
//!
//! Each item is written as its scalar's text (`Display`) and read by it (`FromStr`), so a date, an amount in fen or
//! a number keeps the form its scalar fixes. Reading, the empty string is the empty list, and white space around
//! an item is dropped; an item that does not read is a rejection naming its place in the list, never a panic.
//! Writing, an item whose text holds the delimiter is refused: it would come back as two. DataContract XML, which
//! serde does not write, joins and splits with the same rules (`xml::DelimitedMember`).

use std::fmt::{Display, Write as _};
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::ser::Error as _;
use serde::{Deserializer, Serializer};
use serde_with::{DeserializeAs, SerializeAs};

use super::text::shorten;

/// The adapter of a list carried as one string whose items `DELIMITER` separates.
pub struct Delimited<const DELIMITER: char>;

/// The items' texts joined by `delimiter`; an item whose text holds the delimiter is refused, naming its place.
pub(crate) fn join<T: Display>(items: &[T], delimiter: char) -> Result<String, String> {
    let mut text = String::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            text.push(delimiter);
        }
        let start = text.len();
        write!(text, "{item}").map_err(|error| error.to_string())?;
        if text[start..].contains(delimiter) {
            return Err(format!(
                "item {index} of a {delimiter:?}-delimited list, {:?}, holds the delimiter",
                shorten(&text[start..])
            ));
        }
    }
    Ok(text)
}

/// The items of `text`: none for empty (or blank) text, each trimmed and read by its `FromStr`; the first that
/// does not read is named by its place.
pub(crate) fn split<T>(text: &str, delimiter: char) -> Result<Vec<T>, String>
where
    T: FromStr,
    T::Err: Display,
{
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    text.split(delimiter)
        .enumerate()
        .map(|(index, item)| {
            let item = item.trim();
            item.parse().map_err(|error| {
                format!(
                    "item {index} of a {delimiter:?}-delimited list, {:?}: {error}",
                    shorten(item)
                )
            })
        })
        .collect()
}

impl<T: Display, const DELIMITER: char> SerializeAs<Vec<T>> for Delimited<DELIMITER> {
    fn serialize_as<S: Serializer>(items: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&join(items, DELIMITER).map_err(S::Error::custom)?)
    }
}

impl<'de, T, const DELIMITER: char> DeserializeAs<'de, Vec<T>> for Delimited<DELIMITER>
where
    T: FromStr,
    T::Err: Display,
{
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_str(ItemsVisitor::<T, DELIMITER>(std::marker::PhantomData))
    }
}

struct ItemsVisitor<T, const DELIMITER: char>(std::marker::PhantomData<T>);

impl<T, const DELIMITER: char> Visitor<'_> for ItemsVisitor<T, DELIMITER>
where
    T: FromStr,
    T::Err: Display,
{
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a string of items separated by {DELIMITER:?}")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Vec<T>, E> {
        split(text, DELIMITER).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;
    use crate::scalar::{Date, TopDateTime};

    #[serde_with::serde_as]
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Message {
        #[serde_as(as = "Delimited<','>")]
        ids: Vec<i64>,
        #[serde_as(as = "Option<Delimited<','>>")]
        #[serde(default)]
        times: Option<Vec<TopDateTime>>,
        #[serde_as(as = "Option<Delimited<'|'>>")]
        #[serde(default)]
        names: Option<Vec<String>>,
    }

    fn read(json: &str) -> Result<Message, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn items_are_joined_on_write_and_split_on_read() {
        let json =
            r#"{"ids":"1,2,3","times":"2024-01-01 10:00:00,2024-01-02 10:00:00","names":"a|b"}"#;
        let message = read(json).unwrap();
        assert_eq!(message.ids, [1, 2, 3]);
        assert_eq!(
            message.times.as_ref().map(|times| times[1].to_string()),
            Some("2024-01-02 10:00:00".to_owned())
        );
        assert_eq!(serde_json::to_string(&message).unwrap(), json);
    }

    #[test]
    fn empty_text_is_the_empty_list_and_white_space_around_items_is_dropped() {
        let message = read(r#"{"ids":"","names":" a | b c "}"#).unwrap();
        assert_eq!(message.ids, Vec::<i64>::new());
        assert_eq!(message.times, None);
        assert_eq!(message.names, Some(vec!["a".to_owned(), "b c".to_owned()]));
        assert_eq!(read(r#"{"ids":" 4 , 5"}"#).unwrap().ids, [4, 5]);
        assert_eq!(
            serde_json::to_string(&Message {
                ids: Vec::new(),
                times: None,
                names: None
            })
            .unwrap(),
            r#"{"ids":"","times":null,"names":null}"#
        );
    }

    #[test]
    fn an_item_that_does_not_read_is_named_by_its_place() {
        let error = read(r#"{"ids":"1,x,3"}"#).unwrap_err();
        assert!(
            error.starts_with("item 1 of a ','-delimited list, \"x\": invalid digit"),
            "{error}"
        );
        assert!(
            read(r#"{"ids":"1,,3"}"#)
                .unwrap_err()
                .starts_with("item 1 of")
        );
        assert!(
            read(r#"{"ids":[1,2]}"#)
                .unwrap_err()
                .contains("a string of items separated by ','")
        );
        let dates: Result<Vec<Date>, _> =
            Delimited::<','>::deserialize_as(serde::de::value::StrDeserializer::<
                serde::de::value::Error,
            >::new("2024-01-31,2024-02-30"));
        assert!(dates.unwrap_err().to_string().starts_with("item 1 of"));
    }

    #[test]
    fn an_item_holding_the_delimiter_is_refused_on_write() {
        let message = Message {
            ids: vec![1],
            times: None,
            names: Some(vec!["a|b".to_owned()]),
        };
        let error = serde_json::to_string(&message).unwrap_err().to_string();
        assert_eq!(
            error,
            "item 0 of a '|'-delimited list, \"a|b\", holds the delimiter"
        );
    }
}
