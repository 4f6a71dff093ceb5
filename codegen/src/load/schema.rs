//! The schema language as written: every name and reference keeps the position it was read at.
//!
//! Nothing here is resolved; `check` turns a `Schema` into the checked model the emitter uses.

use std::path::PathBuf;

pub use codegen_wire::{Format, Protocol, TextFormat};

use crate::diagnostic::Pos;

/// A value and where the schema wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub pos: Pos,
}

/// One provider's schema file.
#[derive(Clone, Debug)]
pub struct Schema {
    pub file: PathBuf,
    /// `None` when the provider block has problems; the rest of the file is still checked.
    pub provider: Option<ProviderDecl>,
    pub operations: Vec<OperationDecl>,
    pub types: Vec<TypeDecl>,
    /// Types declared under `types:` whose body has problems: known names, not emitted.
    pub broken_types: Vec<String>,
    pub examples: Vec<ExampleDecl>,
}

#[derive(Clone, Debug)]
pub struct ProviderDecl {
    pub id: Spanned<String>,
    pub title: String,
    pub protocol: Spanned<Protocol>,
    pub formats: Vec<Spanned<Format>>,
    pub source: String,
    pub doc: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct OperationDecl {
    pub name: Spanned<String>,
    /// The operation's name before a declared rename, for `codegen diff`.
    pub renamed_from: Option<Spanned<String>>,
    pub doc: Option<String>,
    pub note: Option<String>,
    pub endpoint: Spanned<EndpointDecl>,
    /// The values a Web API operation's URI carries, from `http.parameters`, in the document's order.
    pub parameters: Vec<UriParameterDecl>,
    /// Where `http.path` is written, for problems with its `{name}` segments; the endpoint's position for `top`.
    pub path_pos: Pos,
    pub request: Spanned<BodyExpr>,
    pub response: Spanned<BodyExpr>,
    pub error: Option<Spanned<String>>,
    pub outcome: Option<OutcomeDecl>,
}

/// How a response that parsed says whether the call succeeded: `field` reads as `success` says then, and anything
/// else is a failure reported with the provider's `code` and `message` fields. Fields are the response's, by wire
/// name.
#[derive(Clone, Debug)]
pub struct OutcomeDecl {
    pub field: Spanned<String>,
    /// Where `success` (or `success_when`) is written, and what it says.
    pub success: Spanned<SuccessDecl>,
    pub code: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub note: Option<String>,
}

/// What an outcome's field holds when the call succeeded: `success: 0`, `success: [0, 200]` or
/// `success_when: absent`.
#[derive(Clone, Debug)]
pub enum SuccessDecl {
    Equals(Spanned<Literal>),
    /// At least one value, none twice.
    OneOf(Vec<Spanned<Literal>>),
    /// Absent, null or empty.
    Absent,
}

/// One row of a Help Page's "URI Parameters": a value the route takes from a `{name}` segment of the path, or
/// one model binding takes from the query string.
#[derive(Clone, Debug)]
pub struct UriParameterDecl {
    pub name: Spanned<String>,
    pub place: Spanned<UriPlace>,
    pub ty: Spanned<TypeExpr>,
    /// `None` when the schema does not say; a path parameter is always required.
    pub required: Option<Spanned<bool>>,
    pub doc: Option<String>,
    pub note: Option<String>,
}

/// Where a URI parameter travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UriPlace {
    Path,
    Query,
}

impl UriPlace {
    pub const SPELLINGS: [(&'static str, UriPlace); 2] =
        [("path", UriPlace::Path), ("query", UriPlace::Query)];

    pub fn name(self) -> &'static str {
        match self {
            UriPlace::Path => "path",
            UriPlace::Query => "query",
        }
    }
}

#[derive(Clone, Debug)]
pub enum EndpointDecl {
    Http { method: String, path: String },
    Top { method: String, session: TopSession },
}

/// Whether a TOP API acts for a user, whose authorization is the `session` system parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TopSession {
    /// The document does not say.
    Unstated,
    /// "可选": taken when there is one.
    Optional,
    /// "需要用户授权": the client refuses to build a call without one.
    Required,
}

impl TopSession {
    /// The words of `session:`; leaving the key out is `Unstated`.
    pub const SPELLINGS: [(&'static str, TopSession); 2] = [
        ("optional", TopSession::Optional),
        ("required", TopSession::Required),
    ];
}

#[derive(Clone, Debug)]
pub struct TypeDecl {
    pub name: Spanned<String>,
    /// The type's name before a declared rename, for `codegen diff`.
    pub renamed_from: Option<Spanned<String>>,
    pub rust_name: Option<Spanned<String>>,
    pub full_name: Option<String>,
    pub doc: Option<String>,
    pub note: Option<String>,
    pub body: TypeBody,
}

#[derive(Clone, Debug)]
pub enum TypeBody {
    Struct(StructDecl),
    Enum(EnumDecl),
}

#[derive(Clone, Debug)]
pub struct StructDecl {
    pub fields: Vec<FieldDecl>,
    pub base: Option<Spanned<String>>,
    pub is_abstract: bool,
    pub xml: XmlDecl,
    pub rules: Vec<RuleDecl>,
}

/// A rule the document states across fields: `require` must be present when field `when` equals a literal. The
/// provider reports a broken rule with its own `code` and `message`, so the schema records both.
#[derive(Clone, Debug)]
pub struct RuleDecl {
    pub when: Spanned<String>,
    pub equals: Spanned<Literal>,
    pub require: Spanned<String>,
    pub code: Spanned<String>,
    pub message: String,
    pub note: Option<String>,
    pub pos: Pos,
}

/// A field's documented default value (TOP's 默认值 column, a Help Page's "Default value is X"), as written.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
}

/// As the schema writes it: strings quoted (`20`, `1.5`, `"CNY"`, `true`).
impl std::fmt::Display for DefaultValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DefaultValue::Int(n) => write!(f, "{n}"),
            DefaultValue::Float(x) => write!(f, "{x}"),
            DefaultValue::Str(s) => write!(f, "{s:?}"),
            DefaultValue::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A literal a rule compares a field with.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Int(i64),
    Str(String),
    Bool(bool),
}

/// As the schema compares with it: strings quoted (`0`, `"1"`, `true`).
impl std::fmt::Display for Literal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Literal::Int(n) => write!(f, "{n}"),
            Literal::Str(s) => write!(f, "{s:?}"),
            Literal::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A numeric bound as written; integers stay exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    Int(i64),
    Float(f64),
}

impl Bound {
    /// The bound on one scale, to compare two of them.
    pub fn as_f64(self) -> f64 {
        match self {
            Bound::Int(n) => n as f64,
            Bound::Float(x) => x,
        }
    }
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bound::Int(n) => write!(f, "{n}"),
            Bound::Float(x) => write!(f, "{x}"),
        }
    }
}

/// DataContract naming: the contract name (defaults to the type's key) and namespace.
#[derive(Clone, Debug, Default)]
pub struct XmlDecl {
    pub name: Option<String>,
    pub namespace: Option<String>,
}

#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub name: Spanned<String>,
    /// The wire name before a declared rename, for `codegen diff`.
    pub renamed_from: Option<Spanned<String>>,
    pub rust_name: Option<Spanned<String>>,
    pub ty: Spanned<TypeExpr>,
    pub required: bool,
    pub nullable: Option<bool>,
    pub min_len: Option<Spanned<u32>>,
    pub max_len: Option<Spanned<u32>>,
    pub min: Option<Spanned<Bound>>,
    pub max: Option<Spanned<Bound>>,
    pub pattern: Option<Spanned<String>>,
    pub format: Option<Spanned<TextFormat>>,
    /// The character between the items of a list carried in one string.
    pub delimiter: Option<Spanned<String>>,
    /// The value the document says the server applies when the field is left out.
    pub default: Option<Spanned<DefaultValue>>,
    pub encryption: Option<Encryption>,
    /// Redacted from `Debug` and error messages; SM4-encrypted fields are sensitive whether marked or not.
    pub sensitive: bool,
    pub doc: Option<String>,
    pub note: Option<String>,
}

/// What an operation's `request:` or `response:` says travels: a type, or `none` for an answer whose document
/// describes no body.
#[derive(Clone, Debug, PartialEq)]
pub enum BodyExpr {
    Type(TypeExpr),
    None,
}

/// The word `response:` takes for an answer the document describes no body of.
pub const NO_BODY: &str = "none";

/// A field's type as written: `string`, `RefundParm`, `list<string>`.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeExpr {
    Scalar(Scalar),
    Named(String),
    List(Box<TypeExpr>),
}

/// The built-in types of the language; each maps to one Rust type and one wire form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scalar {
    String,
    Bool,
    Int32,
    Int64,
    Double,
    Decimal,
    Guid,
    DateTime,
    TopDateTime,
    Date,
    Fen,
    TopCode,
}

impl Scalar {
    pub const ALL: [(&'static str, Scalar); 12] = [
        ("string", Scalar::String),
        ("bool", Scalar::Bool),
        ("int32", Scalar::Int32),
        ("int64", Scalar::Int64),
        ("double", Scalar::Double),
        ("decimal", Scalar::Decimal),
        ("guid", Scalar::Guid),
        ("datetime", Scalar::DateTime),
        ("top_datetime", Scalar::TopDateTime),
        ("date", Scalar::Date),
        ("fen", Scalar::Fen),
        ("top_code", Scalar::TopCode),
    ];

    pub fn from_name(name: &str) -> Option<Scalar> {
        Scalar::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, scalar)| *scalar)
    }

    /// The name a schema writes it by.
    pub fn name(self) -> &'static str {
        Scalar::ALL
            .iter()
            .find(|(_, scalar)| *scalar == self)
            .map_or("", |(name, _)| name)
    }

    /// Whether .NET models it as a value type, which Web API never writes as null unless declared `T?`.
    pub fn is_clr_value_type(self) -> bool {
        !matches!(self, Scalar::String | Scalar::Fen | Scalar::TopCode)
    }

    /// Whether its text is the same on every wire, so items of it can be joined into one delimited string: not a
    /// `double` (.NET's text differs from one format to another) nor a `top_code` (a number or text as it came).
    pub fn has_one_text_form(self) -> bool {
        !matches!(self, Scalar::Double | Scalar::TopCode)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encryption {
    Sm4,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Repr {
    Int32,
    Int64,
    String,
}

impl Repr {
    pub const ALL: [(&'static str, Repr); 3] = [
        ("int32", Repr::Int32),
        ("int64", Repr::Int64),
        ("string", Repr::String),
    ];

    pub fn name(self) -> &'static str {
        Repr::ALL
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("", |(name, _)| name)
    }
}

#[derive(Clone, Debug)]
pub struct EnumDecl {
    pub repr: Spanned<Repr>,
    pub open: bool,
    pub values: Spanned<Vec<EnumValueDecl>>,
}

#[derive(Clone, Debug)]
pub struct EnumValueDecl {
    pub value: Spanned<EnumLiteral>,
    pub name: Option<Spanned<String>>,
    pub rust_name: Option<Spanned<String>>,
    pub doc: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EnumLiteral {
    Int(i64),
    Str(String),
}

/// A sample from the document, verbatim, in each format it is shown in.
#[derive(Clone, Debug)]
pub struct ExampleDecl {
    pub ty: Spanned<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub samples: Vec<(Format, Spanned<String>)>,
    /// The validation codes the sample breaks, for a document whose own sample breaks one of its rules.
    pub breaks: Vec<Spanned<String>>,
}
