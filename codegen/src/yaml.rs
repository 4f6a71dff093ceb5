//! YAML text into a tree of located nodes.
//!
//! serde-saphyr parses and enforces budgets (alias bombs, nesting depth); this module keeps every node's line and
//! column so later stages can point at the exact value they reject.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options, Spanned};

use crate::diagnostic::Pos;

/// The largest schema file read; a provider document never comes near it.
pub const MAX_SCHEMA_BYTES: usize = 4 * 1024 * 1024;

/// A YAML value and where it starts.
#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in file order; duplicate keys are kept so the decoder can report them.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// How the value reads in a message: "a string", "a list", ...
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Why a text is not a YAML document we can read.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Parses `text`, refusing oversized input before the parser sees it.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.len() > MAX_SCHEMA_BYTES {
        return Err(SyntaxError {
            pos: Pos { line: 1, col: 1 },
            message: format!(
                "the file is {} bytes; schemas are limited to {} bytes",
                text.len(),
                MAX_SCHEMA_BYTES
            ),
        });
    }
    let mut budget = Budget::default();
    budget.max_nodes = 200_000;
    budget.max_depth = 32;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(root) => Ok(root.into()),
        Err(error) => {
            let pos = error
                .location()
                .map(|at| pos_of(&at))
                .unwrap_or(Pos { line: 1, col: 1 });
            Err(SyntaxError {
                pos,
                message: plain_message(&error.without_snippet().to_string()),
            })
        }
    }
}

/// serde-saphyr prefixes messages with "line L column C: "; the position is reported separately.
fn plain_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    match first.find(": ") {
        Some(at) if first.starts_with("line ") => first[at + 2..].to_owned(),
        _ => first.to_owned(),
    }
}

fn pos_of(location: &serde_saphyr::Location) -> Pos {
    let clamp = |n: u64| u32::try_from(n.max(1)).unwrap_or(u32::MAX);
    Pos {
        line: clamp(location.line()),
        col: clamp(location.column()),
    }
}

/// The shape serde-saphyr fills; children carry their own spans.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl From<Spanned<Raw>> for Node {
    fn from(spanned: Spanned<Raw>) -> Node {
        let pos = pos_of(&spanned.referenced);
        let value = match spanned.value {
            Raw::Null => Value::Null,
            Raw::Bool(b) => Value::Bool(b),
            Raw::Int(i) => Value::Int(i),
            Raw::Float(f) => Value::Float(f),
            Raw::Str(s) => Value::Str(s),
            Raw::Seq(items) => Value::Seq(items.into_iter().map(Node::from).collect()),
            Raw::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (Node::from(k), Node::from(v)))
                    .collect(),
            ),
        };
        Node { value, pos }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Raw::Map(entries))
    }
}
