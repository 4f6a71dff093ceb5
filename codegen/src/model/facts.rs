//! What a field's value must satisfy beyond its type, and how it travels, worded once: the rustdoc of the generated
//! field and the Markdown reference both render these sentences, each with its own way of writing code.

use super::{Bound, DefaultValue, Encryption, Field, FieldType, TextFormat};

/// One fact about a field, in the order [`facts`] lists them.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact<'a> {
    Required,
    /// A length limit, counted in the field's unit.
    Length {
        limit: Limit<u32>,
        unit: Unit,
    },
    /// A numeric bound.
    Range(Limit<Bound>),
    Pattern(&'a str),
    Format(TextFormat),
    /// What the server applies when the field is left out.
    Default(&'a DefaultValue),
    /// A list carried as one string, its items separated by this character.
    Delimited(char),
    Encryption(Encryption),
    Sensitive,
}

/// A lower bound, an upper bound, or both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit<T> {
    AtLeast(T),
    AtMost(T),
    Between(T, T),
}

impl<T> Limit<T> {
    fn new(min: Option<T>, max: Option<T>) -> Option<Limit<T>> {
        match (min, max) {
            (Some(min), Some(max)) => Some(Limit::Between(min, max)),
            (Some(min), None) => Some(Limit::AtLeast(min)),
            (None, Some(max)) => Some(Limit::AtMost(max)),
            (None, None) => None,
        }
    }
}

/// What a length counts: the UTF-16 code units .NET and Java count in a string, or a list's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    CodeUnits,
    Items,
}

impl Unit {
    fn of(self, n: u32) -> &'static str {
        match (self, n) {
            (Unit::CodeUnits, 1) => "UTF-16 code unit",
            (Unit::CodeUnits, _) => "UTF-16 code units",
            (Unit::Items, 1) => "item",
            (Unit::Items, _) => "items",
        }
    }
}

/// A field's facts; a length of at least 0 says nothing, so it is left out.
pub fn facts(field: &Field) -> Vec<Fact<'_>> {
    let mut facts = Vec::new();
    if field.required {
        facts.push(Fact::Required);
    }
    if let Some(limit) = Limit::new(field.min_len.filter(|min| *min > 0), field.max_len) {
        let unit = if matches!(field.ty, FieldType::List(_)) {
            Unit::Items
        } else {
            Unit::CodeUnits
        };
        facts.push(Fact::Length { limit, unit });
    }
    if let Some(limit) = Limit::new(field.min, field.max) {
        facts.push(Fact::Range(limit));
    }
    if let Some(pattern) = &field.pattern {
        facts.push(Fact::Pattern(pattern));
    }
    if let Some(format) = field.format {
        facts.push(Fact::Format(format));
    }
    if let Some(default) = &field.default {
        facts.push(Fact::Default(default));
    }
    if let Some(delimiter) = field.delimiter {
        facts.push(Fact::Delimited(delimiter));
    }
    if let Some(encryption) = field.encryption {
        facts.push(Fact::Encryption(encryption));
    }
    if field.sensitive {
        facts.push(Fact::Sensitive);
    }
    facts
}

impl Fact<'_> {
    /// The fact as one sentence of Markdown; `code` writes a code span the way the page needs it.
    pub fn sentence(&self, code: &dyn Fn(&str) -> String) -> String {
        match self {
            Fact::Required => "Required.".to_owned(),
            Fact::Length { limit, unit } => match limit {
                Limit::Between(min, max) => format!("Between {min} and {max} {}.", unit.of(*max)),
                Limit::AtLeast(min) => format!("At least {min} {}.", unit.of(*min)),
                Limit::AtMost(max) => format!("At most {max} {}.", unit.of(*max)),
            },
            Fact::Range(limit) => match limit {
                Limit::Between(min, max) => format!("From {min} to {max}."),
                Limit::AtLeast(min) => format!("At least {min}."),
                Limit::AtMost(max) => format!("At most {max}."),
            },
            Fact::Pattern(pattern) => format!("Matches {}.", code(pattern)),
            Fact::Format(format) => match format.layout() {
                Some(layout) => format!("Text of the form {}.", code(layout)),
                None if *format == TextFormat::Digits => "Digits only.".to_owned(),
                None => format!("A decimal number such as {}.", code("10.00")),
            },
            Fact::Default(value) => format!(
                "Defaults to {} on the server when left out.",
                code(&value.to_string())
            ),
            Fact::Delimited(delimiter) => format!(
                "Carried as one string, its items separated by {}.",
                code(&delimiter.to_string())
            ),
            Fact::Encryption(Encryption::Sm4) => "SM4-encrypted on the wire (SM4加密).".to_owned(),
            Fact::Sensitive => format!("Sensitive: redacted from {} output.", code("Debug")),
        }
    }
}
