//! The checked model as the templates see it: plain values, every label and anchor already chosen, so the templates
//! hold only the page's layout.

use serde::Serialize;

use super::markdown::{Anchors, cell_code, code};
use crate::load::schema::EnumLiteral;
use crate::model::facts::{Fact, facts};
use crate::model::*;

#[derive(Serialize)]
pub struct ProviderView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub schema_file: &'a str,
    pub protocol: &'static str,
    pub formats: Vec<&'static str>,
    pub source: &'a str,
    pub doc: Option<&'a str>,
    pub note: Option<&'a str>,
    pub operations: Vec<OperationView<'a>>,
    /// A TOP provider's: every call's platform failures, and the document's samples of them.
    pub platform_errors: Option<PlatformErrorsView<'a>>,
    pub types: Vec<TypeView<'a>>,
}

/// TOP's `error_response`, which the runtime reads as `TopError` for every operation.
#[derive(Serialize)]
pub struct PlatformErrorsView<'a> {
    pub anchor: String,
    pub samples: Vec<SampleView<'a>>,
}

#[derive(Serialize)]
pub struct OperationView<'a> {
    pub name: &'a str,
    pub anchor: String,
    pub rust: String,
    /// `POST api/ticket/refund`, or the TOP method name.
    pub endpoint: String,
    pub endpoint_kind: &'static str,
    /// What a TOP operation's page says of the user's session, when it says anything.
    pub session: Option<&'static str>,
    pub request: TypeText,
    /// `None` for `response: none`: the client hands the answer over as `RawResponse`.
    pub response: Option<TypeText>,
    pub error: Option<TypeLink<'a>>,
    pub outcome: Option<OutcomeView<'a>>,
    /// The Rust struct of the URI parameters, when the operation has any.
    pub uri: Option<String>,
    pub parameters: Vec<UriParameterView<'a>>,
    pub doc: Option<&'a str>,
    pub note: Option<&'a str>,
    /// The document's samples of a scalar or list body (a struct's are shown with the struct).
    pub samples: Vec<SampleView<'a>>,
}

/// A value the operation's URI carries: a `{name}` segment of the path or a query value.
#[derive(Serialize)]
pub struct UriParameterView<'a> {
    pub wire: &'a str,
    pub rust: &'a str,
    /// `path` or `query`.
    pub place: &'static str,
    pub ty: TypeText,
    pub required: bool,
    pub doc: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// How a response that parsed tells success from the provider's failure.
#[derive(Serialize)]
pub struct OutcomeView<'a> {
    pub field: &'a str,
    /// Markdown, after "is": `` `0` ``, `` one of `0`, `200` ``, `absent, null or empty`.
    pub success: String,
    /// What is a failure: "any other value", or "any value in it" when success is absence.
    pub otherwise: &'static str,
    pub code: Option<&'a str>,
    pub message: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// A type named where the page links to its section.
#[derive(Serialize)]
pub struct TypeLink<'a> {
    pub name: &'a str,
    pub anchor: String,
}

#[derive(Serialize)]
pub struct TypeView<'a> {
    pub name: &'a str,
    pub anchor: String,
    /// `None` for an abstract type, which exists only as a base.
    pub rust: Option<String>,
    pub full_name: Option<&'a str>,
    pub doc: Option<&'a str>,
    pub note: Option<&'a str>,
    pub kind: &'static str,
    pub base: Option<TypeLink<'a>>,
    /// The XML element or DataContract name, and its namespace.
    pub xml: Option<XmlView<'a>>,
    pub fields: Vec<FieldView<'a>>,
    pub rules: Vec<RuleView<'a>>,
    pub values: Vec<ValueView<'a>>,
    /// How an enum travels, and whether it keeps values it does not list.
    pub repr: Option<&'static str>,
    pub open: Option<bool>,
    pub samples: Vec<SampleView<'a>>,
}

#[derive(Serialize)]
pub struct XmlView<'a> {
    pub name: &'a str,
    pub namespace: Option<&'a str>,
}

#[derive(Serialize)]
pub struct FieldView<'a> {
    pub wire: &'a str,
    pub rust: &'a str,
    pub ty: TypeText,
    pub required: bool,
    /// Each limit as Markdown, safe in a table cell.
    pub limits: Vec<String>,
    pub doc: Option<&'a str>,
    pub note: Option<&'a str>,
    pub inherited_from: Option<TypeLink<'a>>,
}

/// A field's type as the schema writes it, linked when it names a type of the page.
#[derive(Serialize)]
pub struct TypeText {
    pub text: String,
    pub anchor: Option<String>,
}

#[derive(Serialize)]
pub struct RuleView<'a> {
    pub code: &'a str,
    pub message: &'a str,
    pub when: &'a str,
    pub equals: String,
    pub require: &'a str,
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ValueView<'a> {
    pub value: String,
    pub name: Option<&'a str>,
    pub rust: &'a str,
    pub doc: Option<&'a str>,
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SampleView<'a> {
    pub source: Option<&'a str>,
    pub format: &'static str,
    /// The info string of the fenced block.
    pub language: &'static str,
    pub text: &'a str,
    pub breaks: &'a [String],
}

/// The index page's row for a provider.
#[derive(Serialize)]
pub struct IndexRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub protocol: &'static str,
    pub formats: Vec<&'static str>,
    pub operations: usize,
    pub types: usize,
}

pub fn protocol_label(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::WebApi => "ASP.NET Web API",
        Protocol::Top => "Taobao Open Platform (TOP)",
    }
}

pub fn index_row(provider: &Provider) -> IndexRow<'_> {
    IndexRow {
        id: &provider.id,
        title: &provider.title,
        protocol: protocol_label(provider.protocol),
        formats: provider.formats.iter().map(|f| f.name()).collect(),
        operations: provider.operations.len(),
        types: provider.types.len(),
    }
}

/// The view of one provider's page. Anchors are reserved in the order the template writes its headings: the title,
/// `Operations` and each operation, `Platform errors` (TOP), `Types` and each type.
pub fn provider(provider: &Provider) -> ProviderView<'_> {
    let mut anchors = Anchors::default();
    anchors.reserve(&provider.title);
    if !provider.operations.is_empty() {
        anchors.reserve("Operations");
    }
    let operation_anchors: Vec<String> = provider
        .operations
        .iter()
        .map(|op| anchors.reserve(&op.name))
        .collect();
    let platform_errors_anchor =
        (provider.protocol == Protocol::Top).then(|| anchors.reserve("Platform errors"));
    anchors.reserve("Types");
    let type_anchors: Vec<String> = provider
        .types
        .iter()
        .map(|ty| anchors.reserve(&ty.name))
        .collect();
    let page = Page {
        provider,
        type_anchors,
    };
    ProviderView {
        id: &provider.id,
        title: &provider.title,
        schema_file: &provider.schema_file,
        protocol: protocol_label(provider.protocol),
        formats: provider.formats.iter().map(|f| f.name()).collect(),
        source: &provider.source,
        doc: provider.doc.as_deref(),
        note: provider.note.as_deref(),
        operations: provider
            .operations
            .iter()
            .zip(operation_anchors)
            .map(|(op, anchor)| page.operation(op, anchor))
            .collect(),
        platform_errors: platform_errors_anchor.map(|anchor| PlatformErrorsView {
            anchor,
            samples: provider
                .error_examples
                .iter()
                .flat_map(|example| {
                    example.samples.iter().map(|sample| {
                        sample_view(example.source.as_deref(), sample.format, &sample.text, &[])
                    })
                })
                .collect(),
        }),
        types: (0..provider.types.len()).map(|id| page.ty(id)).collect(),
    }
}

fn sample_view<'a>(
    source: Option<&'a str>,
    format: Format,
    text: &'a str,
    breaks: &'a [String],
) -> SampleView<'a> {
    SampleView {
        source,
        format: format.name(),
        language: match format {
            Format::Json => "json",
            Format::Xml => "xml",
            Format::Form | Format::Bson => "text",
        },
        text,
        breaks,
    }
}

struct Page<'a> {
    provider: &'a Provider,
    type_anchors: Vec<String>,
}

impl<'a> Page<'a> {
    fn link(&self, id: TypeId) -> TypeLink<'a> {
        TypeLink {
            name: &self.provider.types[id].name,
            anchor: self.type_anchors[id].clone(),
        }
    }

    fn rust_path(&self, name: &str) -> String {
        format!("{}::{name}", self.provider.id)
    }

    fn operation(&self, op: &'a Operation, anchor: String) -> OperationView<'a> {
        let (endpoint, endpoint_kind, session) = match &op.endpoint {
            Endpoint::Http { method, path } => (format!("{method} {path}"), "HTTP", None),
            Endpoint::Top { method, session } => (
                method.clone(),
                "TOP method",
                match session {
                    TopSession::Unstated => None,
                    TopSession::Optional => Some("optional: a configured session is sent"),
                    TopSession::Required => Some(
                        "required (需要用户授权): the client refuses to build the call without one",
                    ),
                },
            ),
        };
        OperationView {
            name: &op.name,
            anchor,
            rust: self.rust_path(op.rust_name.bare()),
            endpoint,
            endpoint_kind,
            session,
            request: self.type_text(&op.request),
            response: op.response.value().map(|ty| self.type_text(ty)),
            error: op.error.map(|id| self.link(id)),
            outcome: op.outcome.as_ref().map(|outcome| OutcomeView {
                field: &outcome.field,
                success: match &outcome.success {
                    Success::Equals(value) => code(&value.to_string()),
                    Success::OneOf(values) => {
                        let values: Vec<String> =
                            values.iter().map(|v| code(&v.to_string())).collect();
                        format!("one of {}", values.join(", "))
                    }
                    Success::Absent => outcome.success.to_string(),
                },
                otherwise: outcome.success.failure(),
                code: outcome.code.as_deref(),
                message: outcome.message.as_deref(),
                note: outcome.note.as_deref(),
            }),
            uri: (!op.parameters.is_empty()).then(|| self.rust_path(&op.uri_type_name())),
            parameters: op
                .parameters
                .iter()
                .map(|param| UriParameterView {
                    wire: &param.wire_name,
                    rust: param.rust_name.as_str(),
                    place: param.place.name(),
                    ty: self.type_text(&param.ty),
                    required: param.required,
                    doc: param.doc.as_deref(),
                    note: param.note.as_deref(),
                })
                .collect(),
            doc: op.doc.as_deref(),
            note: op.note.as_deref(),
            samples: self
                .provider
                .examples
                .iter()
                .filter(|example| {
                    example.ty.named().is_none()
                        && (example.ty == op.request || op.response.value() == Some(&example.ty))
                })
                .flat_map(|example| {
                    example.samples.iter().map(|(format, text)| {
                        sample_view(example.source.as_deref(), *format, text, &example.breaks)
                    })
                })
                .collect(),
        }
    }

    fn ty(&self, id: TypeId) -> TypeView<'a> {
        let ty = &self.provider.types[id];
        let samples = self
            .provider
            .examples
            .iter()
            .filter(|example| example.ty == FieldType::Named(id))
            .flat_map(|example| {
                example.samples.iter().map(|(format, text)| {
                    sample_view(example.source.as_deref(), *format, text, &example.breaks)
                })
            })
            .collect();
        let mut view = TypeView {
            name: &ty.name,
            anchor: self.type_anchors[id].clone(),
            rust: None,
            full_name: ty.full_name.as_deref(),
            doc: ty.doc.as_deref(),
            note: ty.note.as_deref(),
            kind: "struct",
            base: None,
            xml: None,
            fields: Vec::new(),
            rules: Vec::new(),
            values: Vec::new(),
            repr: None,
            open: None,
            samples,
        };
        match &ty.kind {
            TypeKind::Struct(body) => {
                view.rust = (!body.is_abstract).then(|| self.rust_path(ty.rust_name.bare()));
                view.base = body.bases.first().map(|base| self.link(*base));
                // A DataContract has a name and a namespace; a TOP struct has an XML element of its own only
                // when the schema names it apart from the type.
                let top_element =
                    self.provider.formats.contains(&Format::Xml) && body.xml_name != ty.name;
                view.xml = (self.provider.uses_data_contract() || top_element).then(|| XmlView {
                    name: &body.xml_name,
                    namespace: body.xml_namespace.as_deref(),
                });
                view.fields = body
                    .fields
                    .iter()
                    .map(|field| self.field(id, field))
                    .collect();
                view.rules = body
                    .rules
                    .iter()
                    .map(|rule| rule_view(body, rule))
                    .collect();
            }
            TypeKind::Enum(body) => {
                view.kind = "enum";
                view.rust = Some(self.rust_path(ty.rust_name.bare()));
                view.repr = Some(body.repr.name());
                view.open = Some(body.open);
                view.values = body
                    .values
                    .iter()
                    .map(|value| ValueView {
                        value: match &value.value {
                            EnumLiteral::Int(n) => n.to_string(),
                            EnumLiteral::Str(s) => s.clone(),
                        },
                        name: value.name.as_deref(),
                        rust: value.rust_name.bare(),
                        doc: value.doc.as_deref(),
                        note: value.note.as_deref(),
                    })
                    .collect();
            }
        }
        view
    }

    fn field(&self, owner: TypeId, field: &'a Field) -> FieldView<'a> {
        FieldView {
            wire: &field.wire_name,
            rust: field.rust_name.as_str(),
            ty: self.type_text(&field.ty),
            required: field.required,
            limits: limits(field),
            doc: field.doc.as_deref(),
            note: field.note.as_deref(),
            inherited_from: (field.declared_by != owner).then(|| self.link(field.declared_by)),
        }
    }

    fn type_text(&self, ty: &FieldType) -> TypeText {
        match ty {
            FieldType::Scalar(scalar) => TypeText {
                text: scalar_name(*scalar).to_owned(),
                anchor: None,
            },
            FieldType::Named(id) => TypeText {
                text: self.provider.types[*id].name.clone(),
                anchor: Some(self.type_anchors[*id].clone()),
            },
            FieldType::List(item) => {
                let item = self.type_text(item);
                TypeText {
                    text: format!("list<{}>", item.text),
                    anchor: item.anchor,
                }
            }
        }
    }
}

fn scalar_name(scalar: Scalar) -> &'static str {
    Scalar::ALL
        .iter()
        .find(|(_, s)| *s == scalar)
        .map_or("", |(name, _)| name)
}

fn rule_view<'a>(body: &'a Struct, rule: &'a Rule) -> RuleView<'a> {
    let wire = |rust: &'a crate::names::RustName| {
        body.fields
            .iter()
            .find(|field| field.rust_name == *rust)
            .map_or(rust.bare(), |field| field.wire_name.as_str())
    };
    RuleView {
        code: &rule.code,
        message: &rule.message,
        when: wire(&rule.when),
        equals: rule.equals.to_string(),
        require: wire(&rule.require),
        note: rule.note.as_deref(),
    }
}

/// What a field's value must satisfy beyond its type, one fact each, worded as in the rustdoc and safe in a table
/// cell; whether it is required has its own column.
fn limits(field: &Field) -> Vec<String> {
    facts(field)
        .iter()
        .filter(|fact| !matches!(fact, Fact::Required))
        .map(|fact| fact.sentence(&cell_code))
        .collect()
}
