//! YAML text into a tree of located nodes.
//!
//! serde-saphyr parses and enforces budgets (alias bombs, nesting depth); this module keeps every node's line and
//! column so later stages can point at the exact value they reject. In front of it, [`subset`] reads the plain
//! YAML schemas are written in several times faster and gives up on anything else, which serde-saphyr then reads
//! as it always did: every tree is serde-saphyr's tree, every diagnostic serde-saphyr's diagnostic.

mod saphyr;
mod subset;

use crate::diagnostic::Pos;

/// The largest schema file read; a provider document never comes near it.
pub const MAX_SCHEMA_BYTES: usize = 4 * 1024 * 1024;
/// The most values a schema may expand to, aliases included: a bound on alias bombs.
pub const MAX_NODES: usize = 200_000;
/// The deepest nesting a schema may use; real schemas nest a handful of levels.
pub const MAX_DEPTH: usize = 32;

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
    /// How the value reads in a message: the value itself for a short scalar, its kind otherwise.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "nothing (null)".to_owned(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Str(s) if s.chars().count() <= 30 => format!("{s:?}"),
            Value::Str(_) => "a string".to_owned(),
            Value::Seq(_) => "a list".to_owned(),
            Value::Map(_) => "a mapping".to_owned(),
        }
    }
}

/// Why a text is not a YAML document we can read.
#[derive(Debug, Clone)]
pub struct ParseError {
    pub pos: Pos,
    pub message: String,
    pub hint: String,
}

impl ParseError {
    fn too_large(len: usize) -> ParseError {
        ParseError {
            pos: Pos { line: 1, col: 1 },
            message: format!("the file is {len} bytes; schemas are limited to {MAX_SCHEMA_BYTES} bytes"),
            hint: "a schema transcribes one provider document and is far smaller; is this the right file?".to_owned(),
        }
    }

    /// Refuses a file by its size alone, before reading it.
    pub fn check_size(len: u64) -> Result<(), ParseError> {
        match usize::try_from(len) {
            Ok(len) if len <= MAX_SCHEMA_BYTES => Ok(()),
            _ => Err(ParseError::too_large(
                usize::try_from(len).unwrap_or(usize::MAX),
            )),
        }
    }
}

/// Parses `text`, refusing oversized input before either reader sees it.
pub fn parse(text: &str) -> Result<Node, ParseError> {
    ParseError::check_size(text.len() as u64)?;
    match subset::parse(text) {
        Some(root) => Ok(root),
        None => saphyr::parse(text),
    }
}

/// The two readers apart, for the tests that hold them to the same trees; [`parse`] is the one to call.
#[doc(hidden)]
pub mod readers {
    pub use super::saphyr::parse as saphyr;
    pub use super::subset::parse as subset;
}
