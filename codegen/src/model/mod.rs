//! The checked model: every reference resolved, every Rust name chosen, every rule that depends on the protocol
//! already applied (field order, nullability, boxing). The emitter only reads it.

pub mod facts;

pub use crate::load::schema::{
    Bound, DefaultValue, Encryption, EndpointDecl as Endpoint, Format, Literal, Protocol, Repr,
    Scalar, TextFormat, TopSession, UriPlace,
};

use crate::names::RustName;

/// Index of a type in `Provider::types`.
pub type TypeId = usize;

#[derive(Debug, Clone)]
pub struct Provider {
    pub id: String,
    pub title: String,
    pub protocol: Protocol,
    pub formats: Vec<Format>,
    pub source: String,
    pub doc: Option<String>,
    pub note: Option<String>,
    /// The schema's file name, for the `@generated` header.
    pub schema_file: String,
    pub operations: Vec<Operation>,
    pub types: Vec<Type>,
    pub examples: Vec<Example>,
    /// A TOP provider's samples of the platform's `error_response` envelope, read as the runtime's `TopError`.
    pub error_examples: Vec<ErrorExample>,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub name: String,
    pub rust_name: RustName,
    pub doc: Option<String>,
    pub note: Option<String>,
    pub endpoint: Endpoint,
    /// What a Web API operation's URI carries, in the document's order; empty for most operations.
    pub parameters: Vec<UriParameter>,
    /// A struct, or for Web API a scalar or a list of scalars.
    pub request: FieldType,
    pub response: Body,
    /// The type a Web API operation's failures arrive as; TOP's are always the runtime's `TopError`.
    pub error: Option<TypeId>,
    pub outcome: Option<Outcome>,
}

/// What an operation's answer carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A struct, or for Web API a scalar or a list of scalars.
    Value(FieldType),
    /// `response: none`: the document describes no body, and the client hands the answer over as it came
    /// (`codegen_runtime::client::RawResponse`).
    Raw,
}

impl Body {
    /// The type the answer is read as, unless it is handed over raw.
    pub fn value(&self) -> Option<&FieldType> {
        match self {
            Body::Value(ty) => Some(ty),
            Body::Raw => None,
        }
    }
}

impl FieldType {
    /// The struct this is, when it is one rather than a scalar or a list.
    pub fn named(&self) -> Option<TypeId> {
        match self {
            FieldType::Named(id) => Some(*id),
            FieldType::Scalar(_) | FieldType::List(_) => None,
        }
    }
}

impl Operation {
    /// The name of the struct of its URI parameters: the operation's, then `Uri`.
    pub fn uri_type_name(&self) -> String {
        format!("{}Uri", self.rust_name.bare())
    }
}

/// A value an operation takes from a `{name}` segment of its path or from its query string.
#[derive(Debug, Clone)]
pub struct UriParameter {
    /// The name as the document spells it, which routing and model binding match ignoring ASCII case.
    pub wire_name: String,
    pub rust_name: RustName,
    pub place: UriPlace,
    /// A scalar, or one of the schema's enums.
    pub ty: FieldType,
    /// Not `Option` in Rust; always so in the path.
    pub required: bool,
    pub doc: Option<String>,
    pub note: Option<String>,
}

/// The call succeeded when the response's `field` reads as `success` says; otherwise the provider's failure
/// carries the values of `code` (else `field`) and `message`. All are wire names of the response's own fields.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub field: String,
    pub success: Success,
    pub code: Option<String>,
    pub message: Option<String>,
    pub note: Option<String>,
}

/// What an outcome's field holds when the call succeeded, as the runtime's `Success` states it.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    Equals(Literal),
    /// At least one value, none twice.
    OneOf(Vec<Literal>),
    /// Absent, null or empty.
    Absent,
}

impl Success {
    /// What the docs call a failure: anything but the success values, or anything at all in the field.
    pub fn failure(&self) -> &'static str {
        match self {
            Success::Equals(_) | Success::OneOf(_) => "any other value",
            Success::Absent => "any value in it",
        }
    }
}

/// As diagnostics, docs and `codegen diff` say it after "is": `0`, `one of 0, 200`, `absent, null or empty`.
impl std::fmt::Display for Success {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Success::Equals(value) => value.fmt(f),
            Success::OneOf(values) => {
                f.write_str("one of ")?;
                for (index, value) in values.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    value.fmt(f)?;
                }
                Ok(())
            }
            Success::Absent => f.write_str("absent, null or empty"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Type {
    /// The name the document gives the type.
    pub name: String,
    pub rust_name: RustName,
    pub full_name: Option<String>,
    pub doc: Option<String>,
    pub note: Option<String>,
    pub kind: TypeKind,
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Struct(Struct),
    Enum(Enum),
}

#[derive(Debug, Clone)]
pub struct Struct {
    /// Own and inherited fields, in the order the provider's JSON writes them.
    pub fields: Vec<Field>,
    /// The base chain, nearest first.
    pub bases: Vec<TypeId>,
    /// Exists only as a base of other structs; not emitted on its own.
    pub is_abstract: bool,
    /// Absent values are left out of JSON (TOP) rather than written as `null` (Web API).
    pub omit_nulls: bool,
    pub xml_name: String,
    pub xml_namespace: Option<String>,
    /// Cross-field rules of the type itself (a base's rules stay with the base's own fields).
    pub rules: Vec<Rule>,
}

/// `require` must be present when `when` equals `equals`; both name fields of the struct.
#[derive(Debug, Clone)]
pub struct Rule {
    pub when: RustName,
    pub equals: Literal,
    pub require: RustName,
    pub code: String,
    pub message: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub wire_name: String,
    pub rust_name: RustName,
    pub ty: FieldType,
    /// `Option<T>` in Rust: not required and nullable.
    pub optional: bool,
    /// Held in a `Box` because the field closes a cycle of directly nested structs.
    pub boxed: bool,
    pub required: bool,
    pub min_len: Option<u32>,
    pub max_len: Option<u32>,
    pub min: Option<Bound>,
    pub max: Option<Bound>,
    pub pattern: Option<String>,
    pub format: Option<TextFormat>,
    /// A `Vec` carried on the wire as one string, its items separated by this character.
    pub delimiter: Option<char>,
    /// What the server applies when the field is left out, as the document says; never sent by the client.
    pub default: Option<DefaultValue>,
    pub encryption: Option<Encryption>,
    /// Redacted from `Debug` and error messages.
    pub sensitive: bool,
    pub doc: Option<String>,
    pub note: Option<String>,
    /// The struct that declares the field (a base, for inherited ones).
    pub declared_by: TypeId,
    /// How many levels up the base chain `declared_by` sits: 0 for the type's own fields. DataContract XML writes
    /// the furthest base's members first.
    pub inherited: u32,
    /// Where the schema names the field.
    pub pos: crate::diagnostic::Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    Scalar(Scalar),
    Named(TypeId),
    List(Box<FieldType>),
}

#[derive(Debug, Clone)]
pub struct Enum {
    pub repr: Repr,
    pub open: bool,
    pub values: Vec<EnumValue>,
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    pub value: crate::load::schema::EnumLiteral,
    pub name: Option<String>,
    pub rust_name: RustName,
    pub doc: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Example {
    /// A type of the schema, or the scalar or list of scalars an operation's body is.
    pub ty: FieldType,
    pub source: Option<String>,
    pub samples: Vec<(Format, String)>,
    /// The validation codes the sample breaks, in the order validation reports them.
    pub breaks: Vec<String>,
}

/// A sample of TOP's `error_response` envelope (an example whose `type` is `error_response`): no schema type
/// describes it, as the runtime's `TopError` does for every TOP provider.
#[derive(Debug, Clone)]
pub struct ErrorExample {
    pub source: Option<String>,
    pub samples: Vec<ErrorSample>,
}

/// One `error_response` sample and the members the generator read from it, which the runtime must read too.
#[derive(Debug, Clone)]
pub struct ErrorSample {
    pub format: Format,
    pub text: String,
    pub members: ErrorMembers,
}

/// The members of an `error_response`, each in the form the sample gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorMembers {
    pub code: Option<ErrorCode>,
    pub msg: Option<String>,
    pub sub_code: Option<String>,
    pub sub_msg: Option<String>,
    pub request_id: Option<String>,
}

/// An `error_response`'s `code`: a JSON number, or text (XML's always is).
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorCode {
    Number(i64),
    Text(String),
}

impl Provider {
    /// Whether the structs are DataContract XML documents (see [`Protocol::uses_data_contract`]).
    pub fn uses_data_contract(&self) -> bool {
        self.protocol.uses_data_contract(&self.formats)
    }

    /// The types a Rust item is emitted for, with their ids, in schema order.
    pub fn emitted_types(&self) -> impl Iterator<Item = (TypeId, &Type)> {
        self.types
            .iter()
            .enumerate()
            .filter(|(_, ty)| match &ty.kind {
                TypeKind::Struct(s) => !s.is_abstract,
                TypeKind::Enum(_) => true,
            })
    }
}
