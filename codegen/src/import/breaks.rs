//! The limits a page's own sample breaks. An ASP.NET Help Page makes its samples with a generator that ignores the
//! validation attributes (`sample string 1` is longer than `Max length: 10`, and matches no `Regular expression`),
//! so a faithful schema says so: each example's `breaks:` lists the codes validation reports for it, in its order,
//! and the generated test holds the sample to exactly those.
//!
//! The walk follows what `#[derive(Validate)]` checks, field by field in the struct's order (its own fields, then
//! those it inherits): `required`, then `min_len`, `max_len`, `range` and `pattern`, then the value's own fields.

use regex::Regex;

use super::draft::{Body, Draft, Example, Field};
use super::json::{self, Json};
use super::xml;

/// The codes validation reports for `example`'s sample, in order; empty when it keeps every limit, or when the
/// sample cannot be read (its own test then says why).
pub fn of(draft: &Draft, example: &Example) -> Vec<&'static str> {
    let value = match example.format {
        "json" => json::first_value(&example.text).map(|(value, _, _)| Value::from_json(value)),
        _ => xml::elements(&example.text).map(|elements| Value::from_xml(&elements)),
    };
    let mut codes = Vec::new();
    if let Some(value) = value {
        Walk {
            draft,
            codes: &mut codes,
        }
        .named(&example.ty, &value, 0);
    }
    codes
}

/// A sample's value, whatever its format: XML elements become members and items, their text scalars.
enum Value {
    Null,
    /// A number, boolean or text, as written.
    Scalar(String),
    List(Vec<Value>),
    Members(Vec<(String, Value)>),
}

impl Value {
    fn from_json(json: Json) -> Value {
        match json {
            Json::Null => Value::Null,
            Json::Bool(flag) => Value::Scalar(flag.to_string()),
            Json::Number(number, _) => Value::Scalar(number.to_string()),
            Json::String(text) => Value::Scalar(text),
            Json::Array(items) => Value::List(items.into_iter().map(Value::from_json).collect()),
            Json::Object(members) => Value::Members(
                members
                    .into_iter()
                    .map(|(name, value)| (name, Value::from_json(value)))
                    .collect(),
            ),
        }
    }

    /// The root element as a value: an element with children holds them as members (and, read as a list, as
    /// items); one without holds its text.
    fn from_xml(elements: &[xml::Element]) -> Value {
        fn build(elements: &[xml::Element], at: usize) -> (Value, usize) {
            let depth = elements[at].depth;
            let mut next = at + 1;
            let mut members = Vec::new();
            while next < elements.len() && elements[next].depth > depth {
                let (value, after) = build(elements, next);
                members.push((elements[next].name.clone(), value));
                next = after;
            }
            let value = if members.is_empty() {
                match &elements[at].text {
                    Some(text) if !text.is_empty() => Value::Scalar(text.clone()),
                    _ => Value::Null,
                }
            } else {
                Value::Members(members)
            };
            (value, next)
        }
        build(elements, 0).0
    }

    fn member(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Members(members) => members
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The items of a list: a JSON array, an XML element's children, or TOP's wrapped list (`{"item": [...]}`).
    fn items(&self) -> Vec<&Value> {
        match self {
            Value::List(items) => items.iter().collect(),
            Value::Members(members)
                if members.len() == 1 && matches!(members[0].1, Value::List(_)) =>
            {
                members[0].1.items()
            }
            Value::Members(members) => members.iter().map(|(_, value)| value).collect(),
            Value::Null | Value::Scalar(_) => Vec::new(),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Scalar(text) => text.trim().is_empty(),
            Value::List(items) => items.is_empty(),
            Value::Members(_) => false,
        }
    }
}

struct Walk<'a> {
    draft: &'a Draft,
    codes: &'a mut Vec<&'static str>,
}

/// How deep a walk follows a recursive type; a page's sample is never deeper.
const MAX_DEPTH: usize = 32;

impl Walk<'_> {
    /// A value of the draft type `name`: a struct's fields, in order; anything else has no limits of its own.
    fn named(&mut self, name: &str, value: &Value, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let mut next = Some(name);
        let mut fields: Vec<&Field> = Vec::new();
        // A base chain visits each type at most once, even a cycle the page claims.
        for _ in 0..self.draft.types.len() {
            let Some(ty) = next.and_then(|name| self.draft.types.iter().find(|ty| ty.name == name))
            else {
                break;
            };
            let Body::Struct {
                base, fields: own, ..
            } = &ty.body
            else {
                break;
            };
            fields.extend(own);
            next = base.as_deref();
        }
        for field in fields {
            self.field(field, value.member(&field.name), depth);
        }
    }

    fn field(&mut self, field: &Field, value: Option<&Value>, depth: usize) {
        let Some(value) = value.filter(|value| !matches!(value, Value::Null)) else {
            if field.required {
                self.codes.push("required");
            }
            return;
        };
        if field.required && value.is_blank() {
            self.codes.push("required");
        }
        let (list, item) = match field
            .ty
            .strip_prefix("list<")
            .and_then(|rest| rest.strip_suffix('>'))
        {
            Some(item) => (true, item),
            None => (false, field.ty.as_str()),
        };
        let length = match value {
            Value::Scalar(text) if !list => Some(text.encode_utf16().count() as u64),
            _ if list => Some(value.items().len() as u64),
            _ => None,
        };
        if let Some(length) = length {
            if field.min_len.is_some_and(|min| length < min) {
                self.codes.push("min_len");
            }
            if field.max_len.is_some_and(|max| length > max) {
                self.codes.push("max_len");
            }
        }
        if let Value::Scalar(text) = value
            && !list
        {
            self.scalar(field, text);
        }
        if list {
            for item_value in value.items() {
                self.named(item, item_value, depth + 1);
            }
        } else {
            self.named(item, value, depth + 1);
        }
    }

    /// A scalar's `range` and `pattern`; an empty text is left to `required`, as validation leaves it.
    fn scalar(&mut self, field: &Field, text: &str) {
        let bound = |bound: &Option<String>| bound.as_deref().and_then(|b| b.parse::<f64>().ok());
        if field.min.is_some() || field.max.is_some() {
            let outside = match text.trim().parse::<f64>() {
                Ok(number) => {
                    bound(&field.min).is_some_and(|min| number < min)
                        || bound(&field.max).is_some_and(|max| number > max)
                }
                Err(_) => false,
            };
            if outside {
                self.codes.push("range");
            }
        }
        if let Some(pattern) = &field.pattern
            && !text.is_empty()
            && Regex::new(&format!(r"\A(?:{pattern})\z")).is_ok_and(|regex| !regex.is_match(text))
        {
            self.codes.push("pattern");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft::{Protocol, TypeDraft};

    fn field(name: &str, ty: &str) -> Field {
        Field {
            name: name.to_owned(),
            ty: ty.to_owned(),
            ..Field::default()
        }
    }

    fn draft() -> Draft {
        let base = TypeDraft::structure(
            "Base".to_owned(),
            vec![Field {
                required: true,
                ..field("Id", "int32")
            }],
        );
        let order = TypeDraft::new(
            "Order".to_owned(),
            Body::Struct {
                base: Some("Base".to_owned()),
                is_abstract: false,
                fields: vec![
                    Field {
                        max_len: Some(5),
                        pattern: Some("[A-Z]+".to_owned()),
                        ..field("Code", "string")
                    },
                    Field {
                        min: Some("1".to_owned()),
                        max: Some("9".to_owned()),
                        ..field("Count", "int32")
                    },
                    Field {
                        max_len: Some(1),
                        ..field("Lines", "list<Line>")
                    },
                ],
            },
        );
        let line = TypeDraft::structure(
            "Line".to_owned(),
            vec![Field {
                required: true,
                ..field("Sku", "string")
            }],
        );
        Draft {
            id: "p".to_owned(),
            title: String::new(),
            protocol: Protocol::WebApi,
            formats: vec!["json", "xml"],
            source: String::new(),
            notes: Vec::new(),
            operations: Vec::new(),
            types: vec![base, order, line],
            examples: Vec::new(),
        }
    }

    fn codes(format: &'static str, text: &str) -> Vec<&'static str> {
        let example = Example {
            ty: "Order".to_owned(),
            source: String::new(),
            format,
            text: text.to_owned(),
            breaks: Vec::new(),
        };
        of(&draft(), &example)
    }

    #[test]
    fn codes_follow_the_fields_and_the_checks_in_validation_order() {
        let sample = r#"{"Code":"sample string 1","Count":10,"Lines":[{"Sku":""},{"Sku":"a"}]}"#;
        // Code: max_len then pattern; Count: range; Lines: max_len, then the first line's blank Sku; then the
        // inherited Id, absent.
        assert_eq!(
            codes("json", sample),
            [
                "max_len", "pattern", "range", "max_len", "required", "required"
            ]
        );
        assert_eq!(
            codes("json", r#"{"Id":1,"Code":"AB","Count":3}"#),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn xml_samples_and_wrapped_lists_read_alike() {
        let xml =
            "<Order><Code>ab</Code><Id>1</Id><Lines><Line><Sku>x</Sku></Line></Lines></Order>";
        assert_eq!(codes("xml", xml), ["pattern"]);
        let wrapped = r#"{"Id":1,"Lines":{"line":[{"Sku":"x"},{"Sku":"y"}]}}"#;
        assert_eq!(codes("json", wrapped), ["max_len"]);
    }

    #[test]
    fn an_unreadable_sample_or_a_cycle_of_bases_gives_nothing_or_ends() {
        assert_eq!(codes("json", "{cut"), Vec::<&str>::new());
        let mut cyclic = draft();
        if let Body::Struct { base, .. } = &mut cyclic.types[0].body {
            *base = Some("Order".to_owned());
        }
        let example = Example {
            ty: "Order".to_owned(),
            source: String::new(),
            format: "json",
            text: r#"{"Id":1}"#.to_owned(),
            breaks: Vec::new(),
        };
        assert_eq!(of(&cyclic, &example), Vec::<&str>::new());
    }
}
