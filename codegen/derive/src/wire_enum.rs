//! `#[derive(WireEnum)]`: attributes into a model, then the model into code.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, Lit, LitStr, Type, spanned::Spanned};

use crate::errors::Errors;

/// How an enum travels.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Repr {
    I32,
    I64,
    String,
}

/// One listed member: its variant, wire value and member name.
struct Member {
    variant: Ident,
    value: Lit,
    name: Option<LitStr>,
}

/// The checked model of one enum.
struct WireEnum<'a> {
    ident: &'a Ident,
    repr: Repr,
    members: Vec<Member>,
    other: Ident,
    /// `#[wire(closed)]`: the document lists every value, so validation refuses the `other` variant.
    closed: bool,
}

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let model = parse(input)?;
    Ok(emit(&model))
}

fn parse(input: &DeriveInput) -> syn::Result<WireEnum<'_>> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "WireEnum can only be derived for enums",
        ));
    };
    let mut errors = Errors::default();
    let (repr, closed) = parse_container(input, &mut errors);
    let mut members = Vec::new();
    let mut other: Option<Ident> = None;
    for variant in &data.variants {
        let mut value = None;
        let mut name = None;
        let mut is_other = false;
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("wire")) {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("value") {
                    value = Some(meta.value()?.parse::<Lit>()?);
                } else if meta.path.is_ident("name") {
                    name = Some(meta.value()?.parse::<LitStr>()?);
                } else if meta.path.is_ident("other") {
                    is_other = true;
                } else {
                    return Err(meta.error("expected `value = ...`, `name = \"...\"` or `other`"));
                }
                Ok(())
            });
            if let Err(error) = parsed {
                errors.push(error);
            }
        }
        if is_other {
            check_other(variant, repr, &mut errors);
            if other.is_some() {
                errors.push(syn::Error::new(
                    variant.span(),
                    "only one variant can be `#[wire(other)]`",
                ));
            }
            other = Some(variant.ident.clone());
            continue;
        }
        if !matches!(variant.fields, Fields::Unit) {
            errors.push(syn::Error::new(
                variant.span(),
                "a listed member must be a unit variant; only the `#[wire(other)]` variant holds a value",
            ));
            continue;
        }
        let Some(value) = value else {
            errors.push(syn::Error::new(
                variant.span(),
                "missing `#[wire(value = ...)]`: every listed member needs its wire value",
            ));
            continue;
        };
        if let Some(repr) = repr {
            check_value(&value, repr, &mut errors);
        }
        members.push(Member {
            variant: variant.ident.clone(),
            value,
            name,
        });
    }
    check_duplicates(&members, &mut errors);
    if other.is_none() {
        errors.push(syn::Error::new(
            input.ident.span(),
            "missing a `#[wire(other)] Other(..)` variant: unknown values must be kept, not rejected",
        ));
    }
    errors.finish()?;
    match (repr, other) {
        (Some(repr), Some(other)) => Ok(WireEnum {
            ident: &input.ident,
            repr,
            members,
            other,
            closed,
        }),
        _ => Err(syn::Error::new(input.ident.span(), "invalid WireEnum")),
    }
}

/// `#[wire(repr = "...", closed)]`: the repr is required, `closed` optional.
fn parse_container(input: &DeriveInput, errors: &mut Errors) -> (Option<Repr>, bool) {
    let mut repr = None;
    let mut written = false;
    let mut closed = false;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("wire")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("closed") {
                closed = true;
                return Ok(());
            }
            written = true;
            if !meta.path.is_ident("repr") {
                return Err(
                    meta.error("expected `repr = \"i32\" | \"i64\" | \"string\"` or `closed`")
                );
            }
            let text: LitStr = meta.value()?.parse()?;
            repr = Some(match text.value().as_str() {
                "i32" => Repr::I32,
                "i64" => Repr::I64,
                "string" => Repr::String,
                _ => {
                    return Err(syn::Error::new(
                        text.span(),
                        "expected \"i32\", \"i64\" or \"string\"",
                    ));
                }
            });
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    if !written {
        errors.push(syn::Error::new(
            input.ident.span(),
            "missing `#[wire(repr = \"i32\" | \"i64\" | \"string\")]` on the enum",
        ));
    }
    (repr, closed)
}

fn check_other(variant: &syn::Variant, repr: Option<Repr>, errors: &mut Errors) {
    let expected = match repr {
        Some(Repr::I32) => "i32",
        Some(Repr::I64) => "i64",
        Some(Repr::String) => "String",
        None => return,
    };
    let field_type = match &variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            fields.unnamed.first().map(|f| &f.ty)
        }
        _ => None,
    };
    let matches = matches!(field_type, Some(Type::Path(path)) if path.path.is_ident(expected));
    if !matches {
        errors.push(syn::Error::new(
            variant.span(),
            format!("the `#[wire(other)]` variant must hold exactly one `{expected}`"),
        ));
    }
}

fn check_value(value: &Lit, repr: Repr, errors: &mut Errors) {
    let fits = match (value, repr) {
        (Lit::Int(int), Repr::I32) => int.base10_parse::<i32>().is_ok(),
        (Lit::Int(int), Repr::I64) => int.base10_parse::<i64>().is_ok(),
        (Lit::Str(_), Repr::String) => true,
        _ => false,
    };
    if !fits {
        let expected = match repr {
            Repr::I32 => "an integer that fits in i32",
            Repr::I64 => "an integer that fits in i64",
            Repr::String => "a string",
        };
        errors.push(syn::Error::new(
            value.span(),
            format!("this value must be {expected}"),
        ));
    }
}

fn check_duplicates(members: &[Member], errors: &mut Errors) {
    for (i, member) in members.iter().enumerate() {
        let value = literal_key(&member.value);
        if members[..i].iter().any(|m| literal_key(&m.value) == value) {
            errors.push(syn::Error::new(
                member.value.span(),
                "this wire value is already used by another member",
            ));
        }
        if let Some(name) = &member.name
            && members[..i]
                .iter()
                .any(|m| m.name.as_ref().map(LitStr::value) == Some(name.value()))
        {
            errors.push(syn::Error::new(
                name.span(),
                "this member name is already used by another member",
            ));
        }
    }
}

fn literal_key(lit: &Lit) -> String {
    match lit {
        Lit::Int(int) => int.base10_digits().to_owned(),
        Lit::Str(text) => text.value(),
        _ => String::new(),
    }
}

fn emit(model: &WireEnum<'_>) -> TokenStream {
    let WireEnum {
        ident,
        repr,
        members,
        other,
        closed: _,
    } = model;
    let variants: Vec<_> = members.iter().map(|m| &m.variant).collect();
    let values: Vec<_> = members.iter().map(|m| &m.value).collect();
    let (named_variants, names) = named_members(members);
    let rt = quote!(::codegen_runtime);

    let (value_type, wire_value, from_wire_value, serialize) = match repr {
        Repr::I32 | Repr::I64 => {
            let int = if *repr == Repr::I32 {
                quote!(i32)
            } else {
                quote!(i64)
            };
            (
                quote!(#int),
                quote! {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#other(value) => *value,
                    }
                },
                quote! {
                    match value {
                        #(#values => Self::#variants,)*
                        other => Self::#other(other),
                    }
                },
                quote!(<#int as #rt::serde::Serialize>::serialize(&self.wire_value(), serializer)),
            )
        }
        Repr::String => (
            quote!(&str),
            quote! {
                match self {
                    #(Self::#variants => #values,)*
                    Self::#other(value) => value.as_str(),
                }
            },
            quote! {
                match value {
                    #(#values => Self::#variants,)*
                    other => Self::#other(::std::borrow::ToOwned::to_owned(other)),
                }
            },
            quote!(serializer.serialize_str(self.wire_value())),
        ),
    };
    let wire_value_sig = match repr {
        Repr::String => quote!(pub fn wire_value(&self) -> &str),
        _ => quote!(pub fn wire_value(&self) -> #value_type),
    };
    let deserialize = emit_deserialize(ident, *repr, members);
    let validate = emit_validate(model);
    let contract_name = ident.to_string();
    let unnamed_message =
        format!("{ident} value {{:?}} has no member name, so it cannot be written as XML");
    let unknown_message = format!("{{:?}} is not a member name of {ident}");

    quote! {
        #[automatically_derived]
        impl #ident {
            /// The value as the provider's wire carries it.
            #wire_value_sig {
                #wire_value
            }

            /// The member a wire value stands for; values the schema does not list are kept.
            pub fn from_wire_value(value: #value_type) -> Self {
                #from_wire_value
            }

            /// The member name (the text DataContract XML writes), or `None` for a value the schema does not name.
            pub fn member_name(&self) -> ::std::option::Option<&'static str> {
                match self {
                    #(Self::#named_variants => ::std::option::Option::Some(#names),)*
                    _ => ::std::option::Option::None,
                }
            }

            /// The member with this exact name, if the schema names one.
            pub fn from_member_name(name: &str) -> ::std::option::Option<Self> {
                match name {
                    #(#names => ::std::option::Option::Some(Self::#named_variants),)*
                    _ => ::std::option::Option::None,
                }
            }

            /// Whether the schema lists this value.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::#other(_))
            }
        }

        #[automatically_derived]
        impl #rt::serde::Serialize for #ident {
            fn serialize<S: #rt::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #serialize
            }
        }

        #deserialize

        #validate

        #[automatically_derived]
        impl #rt::xml::XmlValue for #ident {
            fn contract_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#contract_name)
            }

            /// The schema language does not record an enum's CLR namespace; it matters only for a collection of
            /// enums, whose items take the namespace of a type declared outside any CLR namespace.
            fn contract_namespace() -> &'static str {
                "http://schemas.datacontract.org/2004/07/"
            }

            /// The member name (docs/wire-formats.md, DataContract enums): a value without one cannot be written, as
            /// .NET refuses it too.
            fn write_xml(&self, writer: &mut #rt::xml::XmlWriter) -> ::std::result::Result<(), #rt::xml::XmlError> {
                match self.member_name() {
                    ::std::option::Option::Some(name) => {
                        writer.text(name);
                        ::std::result::Result::Ok(())
                    }
                    ::std::option::Option::None => ::std::result::Result::Err(writer.error(
                        "unknown_enum_value",
                        ::std::format!(#unnamed_message, self.wire_value()),
                    )),
                }
            }

            /// Exactly a member name: DataContract XML never reads a number for an enum.
            fn read_xml(
                reader: &mut #rt::xml::XmlReader<'_>,
                element: #rt::xml::Element,
            ) -> ::std::result::Result<Self, #rt::xml::XmlError> {
                let text = reader.read_text(element)?;
                Self::from_member_name(&text).ok_or_else(|| {
                    reader.error("unknown_variant", ::std::format!(#unknown_message, text))
                })
            }
        }
    }
}

/// Reading follows Json.NET: a number, a numeric string, or a member name (exact first, then ignoring case).
fn emit_deserialize(ident: &Ident, repr: Repr, members: &[Member]) -> TokenStream {
    let rt = quote!(::codegen_runtime);
    let expecting = match repr {
        Repr::String => format!("a {ident} value as a string"),
        _ => format!("a {ident} value as a number, a numeric string or a member name"),
    };
    let visit = match repr {
        Repr::I32 | Repr::I64 => {
            let int = if repr == Repr::I32 {
                quote!(i32)
            } else {
                quote!(i64)
            };
            quote! {
                fn visit_i64<E: #rt::serde::de::Error>(self, value: i64) -> ::std::result::Result<#ident, E> {
                    <#int as ::std::convert::TryFrom<i64>>::try_from(value)
                        .map(#ident::from_wire_value)
                        .map_err(|_| E::invalid_value(#rt::serde::de::Unexpected::Signed(value), &self))
                }

                fn visit_u64<E: #rt::serde::de::Error>(self, value: u64) -> ::std::result::Result<#ident, E> {
                    <#int as ::std::convert::TryFrom<u64>>::try_from(value)
                        .map(#ident::from_wire_value)
                        .map_err(|_| E::invalid_value(#rt::serde::de::Unexpected::Unsigned(value), &self))
                }

                fn visit_str<E: #rt::serde::de::Error>(self, text: &str) -> ::std::result::Result<#ident, E> {
                    if let ::std::result::Result::Ok(value) = text.trim().parse::<#int>() {
                        return ::std::result::Result::Ok(#ident::from_wire_value(value));
                    }
                    #ident::from_member_name(text)
                        .or_else(|| #ident::from_member_name_ignoring_case(text))
                        .ok_or_else(|| E::invalid_value(#rt::serde::de::Unexpected::Str(text), &self))
                }
            }
        }
        Repr::String => quote! {
            fn visit_str<E: #rt::serde::de::Error>(self, text: &str) -> ::std::result::Result<#ident, E> {
                ::std::result::Result::Ok(#ident::from_wire_value(text))
            }
        },
    };
    let ignoring_case = match repr {
        Repr::String => quote!(),
        Repr::I32 | Repr::I64 => {
            let (variants, names) = named_members(members);
            quote! {
                #[automatically_derived]
                impl #ident {
                    fn from_member_name_ignoring_case(name: &str) -> ::std::option::Option<Self> {
                        #(if name.eq_ignore_ascii_case(#names) {
                            return ::std::option::Option::Some(Self::#variants);
                        })*
                        ::std::option::Option::None
                    }
                }
            }
        }
    };
    quote! {
        #ignoring_case

        #[automatically_derived]
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<D: #rt::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;

                impl<'de> #rt::serde::de::Visitor<'de> for Visitor {
                    type Value = #ident;

                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str(#expecting)
                    }

                    #visit
                }

                deserializer.deserialize_any(Visitor)
            }
        }
    }
}

/// `Validate` (an open enum keeps any value; a closed one refuses its `other` variant), `Presence` (a member is
/// always there) and `WireLiteral` (a conditional rule compares the wire value).
fn emit_validate(model: &WireEnum<'_>) -> TokenStream {
    let WireEnum {
        ident,
        repr,
        members,
        other,
        closed,
    } = model;
    let v = quote!(::codegen_runtime::validate);
    let check = if *closed {
        let message = match members.len() {
            1 => "is not the one documented value".to_owned(),
            count => format!("is not one of the {count} documented values"),
        };
        quote! {
            fn validate_into(&self, path: &#v::Path<'_>, report: &mut #v::Report) {
                if let Self::#other(_) = self {
                    report.push(path, #v::rules::ENUM_VALUE, #message);
                }
            }
        }
    } else {
        quote!(fn validate_into(&self, _: &#v::Path<'_>, _: &mut #v::Report) {})
    };
    let (literal, compare) = match repr {
        Repr::I32 | Repr::I64 => (
            quote!(i128),
            quote!(::std::primitive::i128::from(self.wire_value()) == literal),
        ),
        Repr::String => (quote!(&str), quote!(self.wire_value() == literal)),
    };
    quote! {
        #[automatically_derived]
        impl #v::Validate for #ident {
            #check
        }

        #[automatically_derived]
        impl #v::Presence for #ident {
            fn absence(&self) -> ::std::option::Option<#v::Absence> {
                ::std::option::Option::None
            }
        }

        #[automatically_derived]
        impl #v::WireLiteral<#literal> for #ident {
            fn equals(&self, literal: #literal) -> bool {
                #compare
            }
        }
    }
}

/// The members that have a name, as parallel lists of variants and names.
fn named_members(members: &[Member]) -> (Vec<&Ident>, Vec<&LitStr>) {
    members
        .iter()
        .filter_map(|m| Some((&m.variant, m.name.as_ref()?)))
        .unzip()
}
