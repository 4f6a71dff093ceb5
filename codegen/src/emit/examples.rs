//! The documents' own samples as tests of the generated crate (`src/examples.rs`): each parses into its type and
//! writes back byte for byte, a type's JSON and XML samples are the same value, and a TOP provider's response and
//! `error_response` samples read as a client reads the answer to its operations.

use std::collections::BTreeMap;

use heck::ToSnakeCase;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use crate::model::*;

/// The test module of every provider's examples.
pub(super) fn tests(providers: &[&Provider]) -> TokenStream {
    let modules = providers.iter().filter_map(|provider| {
        let tests = provider_example_tests(provider);
        if tests.is_empty() {
            return None;
        }
        let module = format_ident!("{}", provider.id);
        Some(quote! {
            mod #module {
                use super::*;
                use crate::#module::*;

                #(#tests)*
            }
        })
    });
    let (top_imports, top_helpers) = top_helpers(providers);
    quote! {
        //! The documents' own samples: each parses into its type and writes back byte for byte, and a type's JSON and
        //! XML samples are the same value; a TOP provider's response samples read as a client reads them, and its
        //! `error_response` samples as `TopError`.

        use codegen_runtime::xml::{self, DataContract};
        use codegen_runtime::{Model, ProviderInfo, Validate, json};
        #top_imports

        /// The codes of the rules `value` breaks, in the order validation reports them.
        fn broken_rules<T: Validate>(value: &T) -> Vec<&'static str> {
            match value.validate() {
                Ok(()) => Vec::new(),
                Err(rejection) => rejection.errors().iter().map(|problem| problem.code).collect(),
            }
        }

        fn assert_json_round_trip<T: Model>(provider: ProviderInfo, sample: &str, breaks: &[&str]) {
            let expected = json::compact(sample).expect("the sample is valid JSON");
            let value: T = json::from_str(sample).unwrap_or_else(|rejected| panic!("the sample does not parse: {rejected}"));
            assert_eq!(broken_rules(&value), breaks, "the sample validates except for the rules its schema says it breaks");
            let written = json::to_string(&value, provider.protocol).expect("a generated type always serializes");
            assert_eq!(written, expected);
        }

        fn assert_xml_round_trip<T: DataContract + Validate>(sample: &str, breaks: &[&str]) {
            let expected = xml::compact(sample).expect("the sample is well-formed XML");
            let value: T = xml::from_str(sample).unwrap_or_else(|rejected| panic!("the sample does not parse: {rejected}"));
            assert_eq!(broken_rules(&value), breaks, "the sample validates except for the rules its schema says it breaks");
            assert_eq!(xml::to_string(&value).expect("the sample's values can be written"), expected);
        }

        /// Compares values, not bytes: each sample's own test holds its bytes, and a document may show one value
        /// in two spellings its serializers both produce (a decimal `1.0` in JSON, `1` in XML).
        fn assert_json_is_xml<T: Model + DataContract + PartialEq>(json_sample: &str, xml_sample: &str) {
            let from_json: T = json::from_str(json_sample).unwrap_or_else(|rejected| panic!("the JSON sample does not parse: {rejected}"));
            let from_xml: T = xml::from_str(xml_sample).unwrap_or_else(|rejected| panic!("the XML sample does not parse: {rejected}"));
            assert_eq!(from_json, from_xml);
        }

        #top_helpers

        #(#modules)*
    }
}

/// The imports and helpers of the TOP samples' tests, for a crate that has some: responses read as `O` reads its
/// answers, the platform's `error_response`, and a response's JSON and XML samples compared.
fn top_helpers(providers: &[&Provider]) -> (TokenStream, TokenStream) {
    let top = providers
        .iter()
        .filter(|provider| provider.protocol == Protocol::Top);
    let responses = top.clone().any(|provider| has_top_responses(provider));
    let pairs = top
        .clone()
        .any(|provider| !json_xml_pairs(provider).is_empty());
    let errors = providers
        .iter()
        .any(|provider| !provider.error_examples.is_empty());
    if !responses && !errors {
        return (TokenStream::new(), TokenStream::new());
    }
    let error_types = errors.then(|| quote!(TopError, TopFailure));
    let response_helper = responses.then(|| {
        quote! {
            /// A client reads `sample`, the answer to a call of `O`, as `O`'s response, and the response type has a
            /// field for every member the sample shows.
            fn assert_top_response<O: Operation>(format: ResponseFormat, sample: &str, breaks: &[&str]) {
                let (value, unread) = top::decode_listing_unread::<O>(sample, format)
                    .unwrap_or_else(|failure| panic!("the sample does not read as a response of {}: {failure}", O::NAME));
                assert!(unread.is_empty(), "members the response type has no field for: {unread:?}");
                assert_eq!(broken_rules(&value), breaks, "the sample validates except for the rules its schema says it breaks");
            }
        }
    });
    let pair_helper = pairs.then(|| {
        quote! {
            /// The document's JSON sample (the object inside the envelope) and XML sample of `O`'s response are one
            /// value.
            fn assert_top_json_is_xml<O: Operation>(json_sample: &str, xml_sample: &str)
            where
                O::Response: PartialEq,
            {
                let from_json: O::Response = json::from_str(json_sample).unwrap_or_else(|rejected| panic!("the JSON sample does not parse: {rejected}"));
                let from_xml = top::decode::<O>(xml_sample, ResponseFormat::Xml)
                    .unwrap_or_else(|failure| panic!("the XML sample does not read: {failure}"));
                assert_eq!(from_json, from_xml);
            }
        }
    });
    let error_helper = errors.then(|| {
        quote! {
            /// A client reads `sample`, the answer to a call of `O`, as the platform's error holding `expected`.
            fn assert_top_error<O: Operation>(format: ResponseFormat, sample: &str, expected: &TopError) {
                match top::decode::<O>(sample, format) {
                    Err(TopFailure::Api(error)) => assert_eq!(error, expected.clone()),
                    Err(TopFailure::Rejected(rejected)) => panic!("the sample does not parse: {rejected}"),
                    Ok(_) => panic!("the sample reads as a response of {}, not as the platform's error", O::NAME),
                }
            }
        }
    });
    let imports = quote! {
        use codegen_runtime::Operation;
        use codegen_runtime::top::{self, ResponseFormat, #error_types};
    };
    (imports, quote!(#response_helper #pair_helper #error_helper))
}

/// Each type's first JSON and first XML sample, for a provider whose XML is read as a value: DataContract, or TOP
/// responses.
fn json_xml_pairs(provider: &Provider) -> Vec<(&FieldType, &str, &str)> {
    if !provider.uses_data_contract() && provider.protocol != Protocol::Top {
        return Vec::new();
    }
    let mut first: BTreeMap<(ExampleKey, Format), (&FieldType, &str)> = BTreeMap::new();
    for example in &provider.examples {
        let key = (example.ty.named(), example_type(provider, &example.ty).0);
        for (format, text) in &example.samples {
            first
                .entry((key.clone(), *format))
                .or_insert((&example.ty, text));
        }
    }
    first
        .iter()
        .filter(|((_, format), _)| *format == Format::Json)
        .filter_map(|((key, _), (ty, json))| {
            let (_, xml) = first.get(&(key.clone(), Format::Xml))?;
            Some((*ty, *json, *xml))
        })
        .collect()
}

/// Whether a TOP provider shows an XML sample of a response, which its tests read through `top::decode`.
fn has_top_responses(provider: &Provider) -> bool {
    provider.protocol == Protocol::Top
        && provider.examples.iter().any(|example| {
            example
                .samples
                .iter()
                .any(|(format, _)| *format == Format::Xml)
        })
}

/// The operations answering with type `ty`: a TOP response sample is read as the answer to each.
fn answering(provider: &Provider, ty: &FieldType) -> Vec<syn::Ident> {
    provider
        .operations
        .iter()
        .filter(|operation| operation.response.value() == Some(ty))
        .map(|operation| operation.rust_name.ident())
        .collect()
}

/// A test per `error_response` sample: a client reads it, answering each operation, as the members the
/// generator read from it.
fn error_example_tests(
    provider: &Provider,
    test_name: &mut impl FnMut(String) -> syn::Ident,
) -> Vec<TokenStream> {
    let mut tests = Vec::new();
    for example in &provider.error_examples {
        let docs = doc_attrs(example.source.as_deref());
        for sample in &example.samples {
            // The check keeps only JSON and XML samples: TOP answers in nothing else.
            let format = match sample.format {
                Format::Xml => quote!(ResponseFormat::Xml),
                _ => quote!(ResponseFormat::Json),
            };
            let text = raw_string(&sample.text);
            let expected = top_error(&sample.members);
            let operations = provider.operations.iter().map(|op| op.rust_name.ident());
            let test = test_name(format!("error_response_{}", sample.format.name()));
            tests.push(quote! {
                #docs
                #[test]
                fn #test() {
                    let sample = #text;
                    let expected = #expected;
                    #(assert_top_error::<#operations>(#format, sample, &expected);)*
                }
            });
        }
    }
    tests
}

/// The `TopError` holding `members`.
fn top_error(members: &ErrorMembers) -> TokenStream {
    let text = |member: &Option<String>| match member {
        Some(text) => quote!(Some(#text.to_owned())),
        None => quote!(None),
    };
    let code = match &members.code {
        Some(ErrorCode::Number(n)) => {
            let n = Literal::i64_unsuffixed(*n);
            quote!(Some(top::TopCode::Int(#n)))
        }
        Some(ErrorCode::Text(text)) => quote!(Some(top::TopCode::Str(#text.to_owned()))),
        None => quote!(None),
    };
    let (msg, sub_code, sub_msg, request_id) = (
        text(&members.msg),
        text(&members.sub_code),
        text(&members.sub_msg),
        text(&members.request_id),
    );
    quote!(TopError { code: #code, msg: #msg, sub_code: #sub_code, sub_msg: #sub_msg, request_id: #request_id })
}

fn provider_example_tests(provider: &Provider) -> Vec<TokenStream> {
    let data_contract = provider.uses_data_contract();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let mut test_name = |base: String| {
        let count = used.entry(base.clone()).or_insert(0);
        *count += 1;
        match *count {
            1 => format_ident!("{}", base),
            n => format_ident!("{}_{}", base, n),
        }
    };
    let mut tests = Vec::new();
    for example in &provider.examples {
        let (name, rust) = example_type(provider, &example.ty);
        let docs = doc_attrs(example.source.as_deref());
        let breaks = &example.breaks;
        let breaks = quote!(&[#(#breaks),*]);
        for (format, text) in &example.samples {
            let sample = raw_string(text);
            let check = match format {
                Format::Json => {
                    quote!(assert_json_round_trip::<#rust>(PROVIDER, #sample, #breaks);)
                }
                Format::Xml if data_contract => {
                    quote!(assert_xml_round_trip::<#rust>(#sample, #breaks);)
                }
                Format::Xml if provider.protocol == Protocol::Top => {
                    let operations = answering(provider, &example.ty);
                    quote!(#(assert_top_response::<#operations>(ResponseFormat::Xml, #sample, #breaks);)*)
                }
                _ => continue,
            };
            let test = test_name(format!("{name}_{}", format.name()));
            tests.push(quote! {
                #docs
                #[test]
                fn #test() {
                    #check
                }
            });
        }
    }
    for (ty, json, xml) in json_xml_pairs(provider) {
        let (name, rust) = example_type(provider, ty);
        let check = if data_contract {
            quote!(assert_json_is_xml::<#rust>(json_sample, xml_sample);)
        } else if provider.protocol == Protocol::Top {
            let operations = answering(provider, ty);
            quote!(#(assert_top_json_is_xml::<#operations>(json_sample, xml_sample);)*)
        } else {
            continue;
        };
        let (json, xml) = (raw_string(json), raw_string(xml));
        let test = test_name(format!("{name}_json_is_xml"));
        tests.push(quote! {
            /// The document's JSON and XML samples are the same value.
            #[test]
            fn #test() {
                let (json_sample, xml_sample) = (#json, #xml);
                #check
            }
        });
    }
    tests.extend(error_example_tests(provider, &mut test_name));
    tests
}

/// An example's type as its pairs are ordered: bodies by name, then schema types in schema order.
type ExampleKey = (Option<TypeId>, String);

/// How an example's type is named in test names (`refund_parm`, `int32`, `list_of_string`), and its Rust type as
/// the examples module reaches it: a type of the provider's module, or a body's scalar by its full path (a bare
/// `double` or `decimal` being a `DotNetNumber`, as the operation names it).
fn example_type(provider: &Provider, ty: &FieldType) -> (String, TokenStream) {
    match ty {
        FieldType::Named(id) => {
            let ty = &provider.types[*id];
            let rust = ty.rust_name.ident();
            (ty.rust_name.as_str().to_snake_case(), quote!(#rust))
        }
        FieldType::List(item) => {
            let (name, rust) = example_type(provider, item);
            (format!("list_of_{name}"), quote!(Vec<#rust>))
        }
        FieldType::Scalar(scalar) => {
            let rust = match scalar {
                Scalar::String => quote!(String),
                Scalar::Bool => quote!(bool),
                Scalar::Int32 => quote!(i32),
                Scalar::Int64 => quote!(i64),
                Scalar::Double => quote!(codegen_runtime::DotNetNumber<f64>),
                Scalar::Decimal => quote!(codegen_runtime::DotNetNumber<codegen_runtime::Decimal>),
                Scalar::Guid => quote!(codegen_runtime::Uuid),
                Scalar::DateTime => quote!(codegen_runtime::DotNetDateTime),
                Scalar::TopDateTime => quote!(codegen_runtime::TopDateTime),
                Scalar::Date => quote!(codegen_runtime::Date),
                Scalar::Fen => quote!(codegen_runtime::Fen),
                Scalar::TopCode => quote!(codegen_runtime::TopCode),
            };
            (scalar.name().to_owned(), rust)
        }
    }
}

/// A raw string literal holding `text` verbatim, with enough `#`s that nothing inside ends it.
fn raw_string(text: &str) -> Literal {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| Literal::string(text))
}
