//! The schema being built: a small model of what a page says, before it is written as YAML. Every open question
//! is recorded as a `TODO(import):` note that names the page line it came from, and as a warning.

use std::fmt;

use crate::load::schema::Scalar;
use crate::names::{self, Case};

/// A question the page leaves open, or something it says that the schema language cannot express yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub page: String,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: warning: {}", self.page, self.line, self.message)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    WebApi,
    Top,
}

impl Protocol {
    pub fn name(self) -> &'static str {
        match self {
            Protocol::WebApi => "webapi",
            Protocol::Top => "top",
        }
    }
}

#[derive(Debug)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub protocol: Protocol,
    /// In the language's order: json, xml, form, bson.
    pub formats: Vec<&'static str>,
    pub source: String,
    pub notes: Vec<String>,
    pub operations: Vec<Operation>,
    pub types: Vec<TypeDraft>,
    pub examples: Vec<Example>,
}

#[derive(Debug)]
pub struct Operation {
    pub name: String,
    pub doc: Option<String>,
    /// Web API: method, path and URI parameters.
    pub http: Option<Http>,
    /// TOP: the API name.
    pub top: Option<String>,
    /// TOP: the SDK example passes the user's session (`client.execute(req, sessionKey)`).
    pub session: bool,
    pub request: String,
    pub response: String,
    pub notes: Vec<String>,
}

/// Where a Web API operation is sent, and what its URI carries.
#[derive(Debug, PartialEq)]
pub struct Http {
    pub method: String,
    /// Without the query template a Help Page shows after `?`.
    pub path: String,
    pub parameters: Vec<UriParameter>,
}

/// A row of the page's "URI Parameters".
#[derive(Debug, PartialEq)]
pub struct UriParameter {
    pub name: String,
    /// `path` or `query`.
    pub place: &'static str,
    pub ty: String,
    /// A query parameter the page marks `Required`; a path parameter always is, unsaid.
    pub required: bool,
    pub doc: Option<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, PartialEq)]
pub struct TypeDraft {
    pub name: String,
    pub full_name: Option<String>,
    pub doc: Option<String>,
    pub xml_name: Option<String>,
    pub xml_namespace: Option<String>,
    pub notes: Vec<String>,
    pub body: Body,
}

#[derive(Debug, PartialEq)]
pub enum Body {
    Struct {
        base: Option<String>,
        is_abstract: bool,
        fields: Vec<Field>,
    },
    Enum {
        repr: &'static str,
        values: Vec<EnumValue>,
    },
}

#[derive(Debug, Default, PartialEq)]
pub struct Field {
    pub name: String,
    pub ty: String,
    pub required: bool,
    pub min_len: Option<u64>,
    pub max_len: Option<u64>,
    /// Bounds as the page writes them; already checked to be numbers.
    pub min: Option<String>,
    pub max: Option<String>,
    pub pattern: Option<String>,
    /// `date`, `datetime`, ... for a string whose form the page states.
    pub format: Option<&'static str>,
    /// The page marks the value SM4-encrypted.
    pub sm4: bool,
    /// The page's default value, of the field's type.
    pub default: Option<DefaultValue>,
    pub doc: Option<String>,
    pub notes: Vec<String>,
}

/// A default value a page gives (TOP's 默认值), already known to fit its field's type.
#[derive(Debug, PartialEq)]
pub enum DefaultValue {
    /// A number, as the page writes it.
    Number(String),
    Bool(bool),
    Text(String),
}

#[derive(Debug, PartialEq)]
pub struct EnumValue {
    /// An integer for `int32`/`int64` enums, else text.
    pub value: String,
    pub name: String,
    pub doc: Option<String>,
}

#[derive(Debug)]
pub struct Example {
    pub ty: String,
    pub source: String,
    /// `json` or `xml`.
    pub format: &'static str,
    pub text: String,
    /// The validation codes the sample breaks, in order (see `breaks`).
    pub breaks: Vec<&'static str>,
}

impl Example {
    /// A sample as the page shows it; what it breaks is found once the whole schema is drafted.
    pub fn new(
        ty: impl Into<String>,
        source: impl Into<String>,
        format: &'static str,
        text: String,
    ) -> Example {
        Example {
            ty: ty.into(),
            source: source.into(),
            format,
            text,
            breaks: Vec::new(),
        }
    }
}

impl TypeDraft {
    pub fn new(name: String, body: Body) -> TypeDraft {
        TypeDraft {
            name,
            full_name: None,
            doc: None,
            xml_name: None,
            xml_namespace: None,
            notes: Vec::new(),
            body,
        }
    }

    pub fn structure(name: String, fields: Vec<Field>) -> TypeDraft {
        TypeDraft::new(
            name,
            Body::Struct {
                base: None,
                is_abstract: false,
                fields,
            },
        )
    }

    pub fn fields_mut(&mut self) -> Option<&mut Vec<Field>> {
        match &mut self.body {
            Body::Struct { fields, .. } => Some(fields),
            Body::Enum { .. } => None,
        }
    }

    pub fn fields(&self) -> &[Field] {
        match &self.body {
            Body::Struct { fields, .. } => fields,
            Body::Enum { .. } => &[],
        }
    }
}

/// Collects the warnings of one page and words its `TODO(import):` notes.
pub struct Recorder {
    page: String,
    pub warnings: Vec<Warning>,
}

impl Recorder {
    pub fn new(page: &str) -> Recorder {
        Recorder {
            page: page.to_owned(),
            warnings: Vec::new(),
        }
    }

    /// A note for the schema, and the same words as a warning naming the page line (0-based index `at`).
    pub fn todo(&mut self, at: usize, text: impl Into<String>) -> String {
        let text = text.into();
        let line = at + 1;
        self.warnings.push(Warning {
            page: self.page.clone(),
            line,
            message: text.clone(),
        });
        format!("TODO(import): {text} (page line {line})")
    }
}

/// A type key the language accepts: letters, digits and `_`, starting with a letter. The page's own spelling goes
/// to `full_name` when it differs.
pub fn type_key(text: &str) -> String {
    let text = text.trim_end_matches(['.', ' ']);
    let last = text.rsplit('.').next().unwrap_or(text);
    let mut key: String = last
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        key.insert(0, 'T');
    }
    if !type_name_ok(&key) {
        key.push_str("Type");
    }
    key
}

/// Whether a type, variant or operation name gives a Rust name the generated code can use.
pub fn type_name_ok(name: &str) -> bool {
    names::rust_name(name, None, Case::Type)
        .is_ok_and(|rust| !names::RESERVED_TYPE_NAMES.contains(&rust.bare()))
}

/// The Rust names of a struct's fields so far: a wire name whose Rust name cannot be made, or is taken, cannot be
/// a field.
#[derive(Default)]
pub struct FieldNames(std::collections::HashMap<String, String>);

impl FieldNames {
    /// Takes the wire name's Rust name, or says why it cannot be a field.
    pub fn claim(&mut self, wire: &str) -> Result<(), String> {
        let rust = names::rust_name(wire, None, Case::Field).map_err(|problem| problem.0)?;
        match self.0.get(rust.bare()) {
            Some(other) => Err(format!("its Rust name is the same as {other}'s")),
            None => {
                self.0.insert(rust.bare().to_owned(), wire.to_owned());
                Ok(())
            }
        }
    }
}

/// Whether the page's text can be a wire name of a field: what both providers' serializers write as a member name.
pub fn is_wire_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && text.len() <= 128
}

/// `snake_case` from a page's words, for operation names.
pub fn snake(text: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower && !out.ends_with('_') {
                out.push('_');
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            out.push(c.to_ascii_lowercase());
        } else {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            prev_lower = false;
        }
    }
    let out = out.trim_matches('_').to_owned();
    if out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out
    } else {
        format!("op_{out}")
    }
}

/// `UpperCamelCase` from `snake_case` or dotted words.
pub fn camel(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

/// The type a field's type expression names (`list<Foo>` gives `Foo`), or `None` when it is one of the language's
/// scalars: the types a page must describe somewhere.
pub fn named_type(expr: &str) -> Option<&str> {
    let mut inner = expr;
    while let Some(rest) = inner
        .strip_prefix("list<")
        .and_then(|r| r.strip_suffix('>'))
    {
        inner = rest;
    }
    Scalar::from_name(inner).is_none().then_some(inner)
}
