//! Tokens for one provider's items: structs, enums and operations.

use std::collections::BTreeSet;

use codegen_wire::case::RenameRule;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::{doc_attrs, field_facts, note, outcome_paragraphs, rule_paragraphs};
use super::{builders, sm4, validation};
use crate::load::schema::EnumLiteral;
use crate::model::*;

/// What a module must import, gathered while its items are emitted.
#[derive(Default)]
pub struct Imports {
    pub runtime: BTreeSet<&'static str>,
    pub serde: bool,
    /// Whether some struct derives bon's `Builder`.
    pub builder: bool,
    /// The `codegen_derive` macros used.
    pub derives: BTreeSet<&'static str>,
    /// The names used from `codegen_runtime::client`.
    pub client: BTreeSet<&'static str>,
}

pub struct ItemEmitter<'a> {
    pub provider: &'a Provider,
    pub imports: Imports,
    /// By type id: whether a request reaches the type, which then gets a builder.
    pub request_side: Vec<bool>,
    /// By type id: whether the type holds SM4 fields, which it then encrypts and decrypts.
    pub sm4_holders: Vec<bool>,
}

impl ItemEmitter<'_> {
    pub fn operation(&mut self, op: &Operation) -> TokenStream {
        let types = &self.provider.types;
        let name = op.rust_name.ident();
        let request = self.body_type(&op.request);
        let response = match &op.response {
            Body::Value(ty) => self.body_type(ty),
            Body::Raw => {
                self.imports.client.insert("RawResponse");
                quote!(RawResponse)
            }
        };
        let endpoint = match &op.endpoint {
            Endpoint::Http { method, path } => {
                quote!(Endpoint::Http { method: #method, path: #path })
            }
            Endpoint::Top { method, session } => {
                self.imports.runtime.insert("TopSession");
                let session = match session {
                    TopSession::Unstated => quote!(TopSession::Unstated),
                    TopSession::Optional => quote!(TopSession::Optional),
                    TopSession::Required => quote!(TopSession::Required),
                };
                quote!(Endpoint::Top { method: #method, session: #session })
            }
        };
        let errors = match (self.provider.protocol, op.error) {
            (Protocol::Top, _) => Some(
                "Platform failures arrive as [`TopError`](codegen_runtime::top::TopError)."
                    .to_owned(),
            ),
            (Protocol::WebApi, error) => {
                error.map(|id| format!("Failures arrive as [`{}`].", types[id].rust_name.bare()))
            }
        };
        let session = match op.endpoint {
            Endpoint::Top {
                session: TopSession::Required,
                ..
            } => Some(
                "Acts for a user (需要用户授权): the client refuses to build the call without a session."
                    .to_owned(),
            ),
            _ => None,
        };
        let docs = doc_attrs(
            op.doc
                .iter()
                .cloned()
                .chain(session)
                .chain(op.outcome.iter().flat_map(outcome_paragraphs))
                .chain(errors)
                .chain(note(op.note.as_deref())),
        );
        let operation_name = &op.name;
        let outcome = op.outcome.as_ref().map(|outcome| self.outcome(outcome));
        let xml = self.provider.uses_data_contract().then(|| {
            self.imports.client.insert("XmlCodec");
            quote!(
                const XML: Option<XmlCodec<Self::Request, Self::Response>> =
                    Some(XmlCodec::DATA_CONTRACT);
            )
        });
        let sm4 = op
            .request
            .named()
            .is_some_and(|id| self.sm4_holders[id])
            .then(|| {
                self.imports.client.insert("Sm4Codec");
                quote!(
                    const SM4: Option<Sm4Codec<Self::Request>> = Some(Sm4Codec::FIELDS);
                )
            });
        let (uri, uri_struct) = if op.parameters.is_empty() {
            (quote!(()), None)
        } else {
            let uri = format_ident!("{}", op.uri_type_name());
            (quote!(#uri), Some(self.uri_parameters(op)))
        };
        self.imports.runtime.extend(["Endpoint", "Operation"]);
        quote! {
            #docs
            pub struct #name;

            impl Operation for #name {
                type Request = #request;
                type Response = #response;
                type Uri = #uri;
                const NAME: &'static str = #operation_name;
                const PROVIDER: ProviderInfo = PROVIDER;
                const ENDPOINT: Endpoint = #endpoint;
                #outcome
                #xml
                #sm4
            }

            #uri_struct
        }
    }

    /// `const OUTCOME`: the schema's reading of the response, as data a caller can replace.
    fn outcome(&mut self, outcome: &Outcome) -> TokenStream {
        self.imports.client.extend(["Outcome", "Success"]);
        let field = &outcome.field;
        let success = match &outcome.success {
            Success::Equals(value) => {
                let value = self.literal(value);
                quote!(Success::Equals(#value))
            }
            Success::OneOf(values) => {
                let values = values.iter().map(|value| self.literal(value));
                quote!(Success::OneOf(&[#(#values),*]))
            }
            Success::Absent => quote!(Success::Absent),
        };
        let named = |name: &Option<String>| match name {
            Some(name) => quote!(Some(#name)),
            None => quote!(None),
        };
        let (code, message) = (named(&outcome.code), named(&outcome.message));
        quote! {
            const OUTCOME: Option<Outcome> = Some(Outcome {
                field: #field,
                success: #success,
                code: #code,
                message: #message,
            });
        }
    }

    /// A value an outcome compares with, as the runtime's `Literal`.
    fn literal(&mut self, value: &crate::model::Literal) -> TokenStream {
        self.imports.client.insert("Literal");
        match value {
            crate::model::Literal::Int(n) => {
                let n = Literal::i64_unsuffixed(*n);
                quote!(Literal::Int(#n))
            }
            crate::model::Literal::Str(text) => quote!(Literal::Str(#text)),
            crate::model::Literal::Bool(flag) => quote!(Literal::Bool(#flag)),
        }
    }

    /// `visit_operations`, which lets a tool reach each operation of the provider.
    pub fn visit_operations(&mut self) -> TokenStream {
        self.imports.runtime.insert("OperationVisitor");
        let operations: Vec<_> = self
            .provider
            .operations
            .iter()
            .map(|op| op.rust_name.ident())
            .collect();
        // A provider without operations leaves the visitor unused, which `-D warnings` would refuse.
        let visitor = if operations.is_empty() {
            format_ident!("_visitor")
        } else {
            format_ident!("visitor")
        };
        quote! {
            /// Calls `visitor` with each operation of the provider, in the schema's order.
            pub fn visit_operations<V: OperationVisitor>(#visitor: &mut V) {
                #(#visitor.visit::<#operations>();)*
            }
        }
    }

    pub fn structure(&mut self, id: TypeId, ty: &Type, body: &Struct) -> TokenStream {
        self.imports.serde = true;
        self.imports.derives.insert("Validate");
        let name = ty.rust_name.ident();
        let mut paragraphs = type_paragraphs(ty);
        paragraphs.extend(self.inherited(body));
        paragraphs.extend(rule_paragraphs(&body.rules));
        paragraphs.extend(self.xml_element(ty, body));
        let docs = doc_attrs(paragraphs);
        let rename_all = body
            .fields
            .iter()
            .all(|f| f.wire_name == RenameRule::Pascal.apply(f.rust_name.bare()))
            && body
                .fields
                .iter()
                .any(|f| f.wire_name != f.rust_name.bare());
        let speaks_xml = self.provider.uses_data_contract();
        let fields: Vec<TokenStream> = body
            .fields
            .iter()
            .map(|field| self.field(field, rename_all, speaks_xml))
            .collect();
        let sm4_fields = self.sm4_holders[id].then(|| {
            self.imports.derives.insert("Sm4Fields");
            quote!(Sm4Fields,)
        });
        let serde_as = body
            .fields
            .iter()
            .any(|f| adapter(f).is_some())
            .then(|| quote!(#[serde_with::serde_as]));
        let skip_none = (body.omit_nulls && body.fields.iter().any(|f| f.optional))
            .then(|| quote!(#[serde_with::skip_serializing_none]));
        let eq = (!self.contains_float(body)).then(|| quote!(Eq,));
        let rename_all = rename_all.then(|| quote!(#[serde(rename_all = "PascalCase")]));
        let (data_contract, contract) = if speaks_xml {
            self.imports.derives.insert("DataContract");
            let namespace = body.xml_namespace.as_deref().unwrap_or_default();
            let contract_name = (body.xml_name != ty.rust_name.bare()).then(|| {
                let xml_name = &body.xml_name;
                quote!(name = #xml_name,)
            });
            let bases = (!body.bases.is_empty()).then(|| {
                let namespaces = body
                    .bases
                    .iter()
                    .map(|id| match &self.provider.types[*id].kind {
                        TypeKind::Struct(base) => base.xml_namespace.as_deref().unwrap_or_default(),
                        TypeKind::Enum(_) => "",
                    });
                quote!(, base_namespaces = [#(#namespaces),*])
            });
            (
                quote!(DataContract,),
                quote!(#[data_contract(#contract_name namespace = #namespace #bases)]),
            )
        } else {
            (quote!(), quote!())
        };
        // A sensitive field must not reach a log through `{:?}`.
        let debug = if body.fields.iter().any(|f| f.sensitive) {
            self.imports.derives.insert("RedactedDebug");
            quote!(RedactedDebug)
        } else {
            quote!(Debug)
        };
        let (builder, builder_attr) = if self.request_side[id] {
            self.imports.builder = true;
            (quote!(Builder,), builders::builder_attr(body))
        } else {
            (quote!(), quote!())
        };
        let rules = validation::rules_attr(&body.rules);
        quote! {
            #docs
            #serde_as
            #skip_none
            #[derive(Clone, #debug, PartialEq, #eq Serialize, Deserialize, #data_contract Validate, #sm4_fields #builder)]
            #rename_all
            #contract
            #rules
            #builder_attr
            pub struct #name {
                #(#fields)*
            }
        }
    }

    /// The XML element of a TOP struct, when the schema names it apart from the type; a DataContract struct
    /// says its element in `#[data_contract]` instead.
    fn xml_element(&self, ty: &Type, body: &Struct) -> Option<String> {
        let top_xml =
            self.provider.formats.contains(&Format::Xml) && !self.provider.uses_data_contract();
        (top_xml && body.xml_name != ty.name).then(|| format!("XML: `{}`.", body.xml_name))
    }

    /// Says which members come from base types the crate does not emit on their own.
    fn inherited(&self, body: &Struct) -> Vec<String> {
        let mut bases: Vec<TypeId> = body.fields.iter().map(|f| f.declared_by).collect();
        bases.dedup();
        bases
            .into_iter()
            .filter(
                |id| matches!(&self.provider.types[*id].kind, TypeKind::Struct(s) if s.is_abstract),
            )
            .map(|id| {
                let members: Vec<String> = body
                    .fields
                    .iter()
                    .filter(|f| f.declared_by == id)
                    .map(|f| format!("`{}`", f.wire_name))
                    .collect();
                format!(
                    "Inherits {} from the base type `{}`.",
                    members.join(", "),
                    self.provider.types[id].name
                )
            })
            .collect()
    }

    /// `#[data_member(inherited = N, delimiter = ',')]` for a member a base type declares or a list carried in one
    /// string; the element name is serde's.
    fn data_member(field: &Field) -> Option<TokenStream> {
        let inherited = (field.inherited > 0).then(|| {
            let level = Literal::u32_unsuffixed(field.inherited);
            quote!(inherited = #level)
        });
        let delimiter = field.delimiter.map(|delimiter| {
            let delimiter = Literal::character(delimiter);
            quote!(delimiter = #delimiter)
        });
        let args: Vec<TokenStream> = inherited.into_iter().chain(delimiter).collect();
        (!args.is_empty()).then(|| quote!(#[data_member(#(#args),*)]))
    }

    fn field(&mut self, field: &Field, rename_all: bool, data_contract: bool) -> TokenStream {
        let name = field.rust_name.ident();
        let docs = doc_attrs(
            [
                field.doc.clone(),
                Some(field_facts(field)),
                note(field.note.as_deref()),
            ]
            .into_iter()
            .flatten(),
        );
        let rename = (!rename_all && field.wire_name != field.rust_name.bare()).then(|| {
            let wire = &field.wire_name;
            quote!(#[serde(rename = #wire)])
        });
        let serde_as = adapter(field).map(|(adapter, name)| {
            self.imports.runtime.insert(name);
            let adapter = wrap(field, adapter);
            let adapter = adapter.to_string().replace(' ', "");
            quote!(#[serde_as(as = #adapter)])
        });
        let ty = wrap(field, self.rust_type(&field.ty));
        let data_member = data_contract.then(|| Self::data_member(field)).flatten();
        let validate = validation::field_attr(field);
        let sensitive = field.sensitive.then(|| quote!(#[sensitive]));
        let sm4 = sm4::field_attr(field, &self.sm4_holders);
        quote! {
            #docs
            #rename
            #serde_as
            #data_member
            #validate
            #sensitive
            #sm4
            pub #name: #ty,
        }
    }

    /// A request's or response's Rust type: a field's, except that a bare `Uuid` needs no serde adapter, and a bare
    /// `double` or `decimal`, which has no field to carry one, is a `DotNetNumber` that writes .NET's text itself.
    fn body_type(&mut self, ty: &FieldType) -> TokenStream {
        match ty {
            FieldType::Scalar(Scalar::Guid) => {
                self.imports.runtime.insert("Uuid");
                quote!(Uuid)
            }
            FieldType::Scalar(Scalar::Double) => {
                self.imports.runtime.insert("DotNetNumber");
                quote!(DotNetNumber<f64>)
            }
            FieldType::Scalar(Scalar::Decimal) => {
                self.imports.runtime.extend(["Decimal", "DotNetNumber"]);
                quote!(DotNetNumber<Decimal>)
            }
            FieldType::List(item) => {
                let item = self.body_type(item);
                quote!(Vec<#item>)
            }
            FieldType::Scalar(_) | FieldType::Named(_) => self.rust_type(ty),
        }
    }

    pub(super) fn rust_type(&mut self, ty: &FieldType) -> TokenStream {
        match ty {
            FieldType::Scalar(scalar) => self.scalar(*scalar),
            FieldType::Named(id) => {
                let name = self.provider.types[*id].rust_name.ident();
                quote!(#name)
            }
            FieldType::List(item) => {
                let item = self.rust_type(item);
                quote!(Vec<#item>)
            }
        }
    }

    fn scalar(&mut self, scalar: Scalar) -> TokenStream {
        let runtime = |imports: &mut Imports, name: &'static str| {
            imports.runtime.insert(name);
            let ident = format_ident!("{}", name);
            quote!(#ident)
        };
        match scalar {
            Scalar::String => quote!(String),
            Scalar::Bool => quote!(bool),
            Scalar::Int32 => quote!(i32),
            Scalar::Int64 => quote!(i64),
            Scalar::Double => quote!(f64),
            Scalar::Decimal => runtime(&mut self.imports, "Decimal"),
            Scalar::Guid => runtime(&mut self.imports, "Uuid"),
            Scalar::DateTime => runtime(&mut self.imports, "DotNetDateTime"),
            Scalar::TopDateTime => runtime(&mut self.imports, "TopDateTime"),
            Scalar::Date => runtime(&mut self.imports, "Date"),
            Scalar::Fen => runtime(&mut self.imports, "Fen"),
            Scalar::TopCode => runtime(&mut self.imports, "TopCode"),
        }
    }

    /// Whether a float hides anywhere inside, which rules out deriving `Eq`.
    fn contains_float(&self, body: &Struct) -> bool {
        let mut stack: Vec<&FieldType> = body.fields.iter().map(|f| &f.ty).collect();
        let mut seen = vec![false; self.provider.types.len()];
        while let Some(ty) = stack.pop() {
            match ty {
                FieldType::Scalar(Scalar::Double) => return true,
                FieldType::Scalar(_) => {}
                FieldType::List(item) => stack.push(item),
                FieldType::Named(id) => {
                    if std::mem::replace(&mut seen[*id], true) {
                        continue;
                    }
                    if let TypeKind::Struct(s) = &self.provider.types[*id].kind {
                        stack.extend(s.fields.iter().map(|f| &f.ty));
                    }
                }
            }
        }
        false
    }

    pub fn enumeration(&mut self, ty: &Type, body: &Enum) -> TokenStream {
        self.imports.derives.insert("WireEnum");
        let name = ty.rust_name.ident();
        let docs = doc_attrs(type_paragraphs(ty));
        let (repr, other_type, copy) = match body.repr {
            Repr::Int32 => ("i32", quote!(i32), quote!(Copy,)),
            Repr::Int64 => ("i64", quote!(i64), quote!(Copy,)),
            Repr::String => ("string", quote!(String), quote!()),
        };
        let variants = body.values.iter().map(|value| {
            let variant = value.rust_name.ident();
            let literal = match &value.value {
                EnumLiteral::Int(i) => Literal::i64_unsuffixed(*i),
                EnumLiteral::Str(s) => Literal::string(s),
            };
            let member = value.name.as_ref().map(|name| quote!(, name = #name));
            let docs = doc_attrs(
                [value.doc.clone(), note(value.note.as_deref())]
                    .into_iter()
                    .flatten(),
            );
            quote! {
                #docs
                #[wire(value = #literal #member)]
                #variant,
            }
        });
        let other_doc = doc_attrs([if body.open {
            "A value the document does not list, kept as received."
        } else {
            "A value outside the document's list: kept so that parsing never fails on it, and refused by validation."
        }]);
        let closed = (!body.open).then(|| quote!(, closed));
        quote! {
            #docs
            #[derive(Clone, #copy Debug, PartialEq, Eq, Hash, WireEnum)]
            #[wire(repr = #repr #closed)]
            pub enum #name {
                #(#variants)*
                #other_doc
                #[wire(other)]
                Other(#other_type),
            }
        }
    }
}

/// The paragraphs of a type's documentation.
fn type_paragraphs(ty: &Type) -> Vec<String> {
    let mut paragraphs: Vec<String> = ty.doc.iter().cloned().collect();
    if let Some(full_name) = &ty.full_name {
        paragraphs.push(format!("The document calls it `{full_name}`."));
    }
    paragraphs.extend(note(ty.note.as_deref()));
    paragraphs
}

/// The serde_with adapter a field needs, with the runtime name it uses: a delimited list's `Delimited`, else its
/// type's.
fn adapter(field: &Field) -> Option<(TokenStream, &'static str)> {
    match field.delimiter {
        Some(delimiter) => {
            let delimiter = Literal::character(delimiter);
            Some((quote!(Delimited<#delimiter>), "Delimited"))
        }
        None => type_adapter(&field.ty),
    }
}

/// The serde_with adapter a type needs to be written as Json.NET writes it (numbers in .NET's text, Guids as BSON
/// binaries), if any.
pub(super) fn type_adapter(ty: &FieldType) -> Option<(TokenStream, &'static str)> {
    match ty {
        FieldType::Scalar(Scalar::Double) => Some((quote!(DotNetDouble), "DotNetDouble")),
        FieldType::Scalar(Scalar::Decimal) => Some((quote!(DotNetDecimal), "DotNetDecimal")),
        FieldType::Scalar(Scalar::Guid) => Some((quote!(DotNetGuid), "DotNetGuid")),
        FieldType::List(item) => {
            type_adapter(item).map(|(inner, name)| (quote!(Vec<#inner>), name))
        }
        FieldType::Scalar(_) | FieldType::Named(_) => None,
    }
}

/// Wraps a field's inner type as the field holds it: boxed, optional.
fn wrap(field: &Field, inner: TokenStream) -> TokenStream {
    let inner = if field.boxed {
        quote!(Box<#inner>)
    } else {
        inner
    };
    if field.optional {
        quote!(Option<#inner>)
    } else {
        inner
    }
}
