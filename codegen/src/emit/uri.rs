//! The struct of an operation's URI parameters, which the Web API client writes into the path and query.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, note};
use super::items::{ItemEmitter, type_adapter};
use crate::model::*;

impl ItemEmitter<'_> {
    /// `…Uri`: a field per parameter (`Option` unless required, a `Vec` for a list), serde names the document's, and the
    /// `UriParameters` facts of which fill the path and which the query.
    pub(super) fn uri_parameters(&mut self, op: &Operation) -> TokenStream {
        self.imports.serde = true;
        self.imports.runtime.insert("UriParameters");
        let name = format_ident!("{}", op.uri_type_name());
        let operation = op.rust_name.bare();
        let path = match &op.endpoint {
            Endpoint::Http { path, .. } => path.as_str(),
            Endpoint::Top { .. } => "",
        };
        let docs = doc_attrs([format!(
            "The URI parameters of [`{operation}`], whose path is `{path}`: \
             `WebApi::encode_with_uri` writes them, `WebApi::read_request_with_uri` reads them."
        )]);
        let fields: Vec<TokenStream> = op
            .parameters
            .iter()
            .map(|param| self.uri_field(param))
            .collect();
        let serde_as = op
            .parameters
            .iter()
            .any(|param| type_adapter(&param.ty).is_some())
            .then(|| quote!(#[serde_with::serde_as]));
        let eq = (!op
            .parameters
            .iter()
            .any(|param| param.ty == FieldType::Scalar(Scalar::Double)))
        .then(|| quote!(Eq,));
        let names = |place: UriPlace| {
            op.parameters
                .iter()
                .filter(move |param| param.place == place)
                .map(|param| param.wire_name.as_str())
        };
        let (in_path, in_query) = (names(UriPlace::Path), names(UriPlace::Query));
        quote! {
            #docs
            #serde_as
            #[derive(Clone, Debug, PartialEq, #eq Serialize, Deserialize)]
            pub struct #name {
                #(#fields)*
            }

            impl UriParameters for #name {
                const PATH: &'static [&'static str] = &[#(#in_path),*];
                const QUERY: &'static [&'static str] = &[#(#in_query),*];
            }
        }
    }

    fn uri_field(&mut self, param: &UriParameter) -> TokenStream {
        let name = param.rust_name.ident();
        let place = match param.place {
            UriPlace::Path => format!("Fills the path's `{{{}}}`.", param.wire_name),
            UriPlace::Query if matches!(param.ty, FieldType::List(_)) => format!(
                "The query's `{}`, repeated for each value.",
                param.wire_name
            ),
            UriPlace::Query if param.required => {
                format!("The query's `{}`, required.", param.wire_name)
            }
            UriPlace::Query => format!("The query's `{}`.", param.wire_name),
        };
        let docs = doc_attrs(
            [param.doc.clone(), Some(place), note(param.note.as_deref())]
                .into_iter()
                .flatten(),
        );
        let rename = (param.wire_name != param.rust_name.bare()).then(|| {
            let wire = &param.wire_name;
            quote!(#[serde(rename = #wire)])
        });
        // A list is empty rather than absent: an empty one sends no pair, as `None` does.
        let optional = !param.required && !matches!(param.ty, FieldType::List(_));
        let wrap = |inner: TokenStream| {
            if optional {
                quote!(Option<#inner>)
            } else {
                inner
            }
        };
        let serde_as = type_adapter(&param.ty).map(|(adapter, name)| {
            self.imports.runtime.insert(name);
            let adapter = wrap(adapter).to_string().replace(' ', "");
            quote!(#[serde_as(as = #adapter)])
        });
        let default = matches!(param.ty, FieldType::List(_)).then(|| quote!(#[serde(default)]));
        let ty = wrap(self.rust_type(&param.ty));
        quote! {
            #docs
            #rename
            #default
            #serde_as
            pub #name: #ty,
        }
    }
}
