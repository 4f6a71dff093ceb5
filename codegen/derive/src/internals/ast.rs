//! The input of a derive as one model: a container of named fields or of variants, each with its ident, its type
//! and its parsed attributes. Built once per derive; the derive then only emits from it.

use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::{DeriveInput, Fields, Generics, Ident, Token, Type};

use super::{Ctxt, Derive, attr, check};

/// A struct or enum with its attributes, fields or variants.
pub(crate) struct Container<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) attrs: attr::Container,
    pub(crate) data: Data<'a>,
}

/// What the container holds: the named fields of a struct, or the variants of an enum (`WireEnum` only).
pub(crate) enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

/// A named field.
pub(crate) struct Field<'a> {
    pub(crate) ident: Ident,
    pub(crate) ty: &'a Type,
    /// Where a misuse of the whole field is reported.
    pub(crate) original: &'a syn::Field,
    pub(crate) attrs: attr::Field,
}

/// A variant of a `WireEnum`.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) original: &'a syn::Variant,
    pub(crate) attrs: attr::Variant,
}

impl<'a> Container<'a> {
    /// Reads `input` as `derive` reads it. An input of the wrong shape is refused at once, alone; otherwise
    /// every misuse is collected in the order the input is read (container, then each field or variant, then the
    /// rules across them) and reported together.
    pub(crate) fn from_ast(input: &'a DeriveInput, derive: Derive) -> syn::Result<Container<'a>> {
        let shape = shape(input, derive)?;
        let cx = Ctxt::default();
        check::generics(&cx, input, derive);
        let mut attrs = attr::Container::from_ast(&cx, input, derive);
        let data = match shape {
            Shape::Struct(named) => {
                let fields: Vec<Field<'a>> = named
                    .iter()
                    .filter_map(|field| Field::from_ast(&cx, field, &attrs, derive))
                    .collect();
                if derive == Derive::Validate {
                    // The container's rules name fields, so they are read once the fields are known.
                    let idents: Vec<&Ident> = fields.iter().map(|field| &field.ident).collect();
                    attrs.conditions = attr::conditions(&cx, &input.attrs, &idents);
                }
                Data::Struct(fields)
            }
            Shape::Enum(variants) => {
                let mut read: Vec<Variant<'a>> = Vec::new();
                for variant in variants {
                    let variant = Variant {
                        ident: &variant.ident,
                        original: variant,
                        attrs: attr::Variant::from_ast(&cx, variant),
                    };
                    let other_before = read.iter().any(|earlier| earlier.attrs.other);
                    check::variant(
                        &cx,
                        variant.original,
                        &variant.attrs,
                        other_before,
                        attrs.repr,
                    );
                    read.push(variant);
                }
                Data::Enum(read)
            }
        };
        let container = Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            data,
        };
        container.check(&cx, derive);
        cx.check()?;
        Ok(container)
    }

    /// What holds for the whole input once every field or variant is read.
    fn check(&self, cx: &Ctxt, derive: Derive) {
        match derive {
            Derive::DataContract => {
                let members: Vec<_> = self
                    .fields()
                    .iter()
                    .filter_map(|field| Some((field.original, field.attrs.member.as_ref()?)))
                    .collect();
                check::distinct_members(cx, &members);
            }
            Derive::Sm4Fields => {
                let marked = self.fields().iter().any(|field| field.attrs.sm4);
                check::some_field_marked(cx, self.ident, marked);
            }
            Derive::WireEnum => {
                let variants: Vec<_> = self
                    .variants()
                    .iter()
                    .map(|variant| (variant.original, &variant.attrs))
                    .collect();
                check::wire_variants(cx, self.ident, &variants);
            }
            Derive::Validate | Derive::RedactedDebug => {}
        }
    }

    /// The named fields; none for an enum.
    pub(crate) fn fields(&self) -> &[Field<'a>] {
        match &self.data {
            Data::Struct(fields) => fields,
            Data::Enum(_) => &[],
        }
    }

    /// The variants; none for a struct.
    pub(crate) fn variants(&self) -> &[Variant<'a>] {
        match &self.data {
            Data::Struct(_) => &[],
            Data::Enum(variants) => variants,
        }
    }
}

impl<'a> Field<'a> {
    fn from_ast(
        cx: &Ctxt,
        field: &'a syn::Field,
        container: &attr::Container,
        derive: Derive,
    ) -> Option<Field<'a>> {
        let ident = field.ident.clone()?;
        let attrs = attr::Field::from_ast(cx, field, &ident, container, derive);
        Some(Field {
            ident,
            ty: &field.ty,
            original: field,
            attrs,
        })
    }
}

/// The fields or variants a derive accepts.
enum Shape<'a> {
    Struct(&'a Punctuated<syn::Field, Token![,]>),
    Enum(&'a Punctuated<syn::Variant, Token![,]>),
}

/// `WireEnum` takes an enum, every other derive a struct with named fields.
fn shape(input: &DeriveInput, derive: Derive) -> syn::Result<Shape<'_>> {
    let (not_a_struct, not_named) = match derive {
        Derive::WireEnum => {
            return match &input.data {
                syn::Data::Enum(data) => Ok(Shape::Enum(&data.variants)),
                _ => Err(syn::Error::new(
                    Span::call_site(),
                    "WireEnum can only be derived for enums",
                )),
            };
        }
        Derive::DataContract => (
            "DataContract can only be derived for structs; an enum gets its XML text from `#[derive(WireEnum)]`",
            "DataContract needs named fields: each one is a data member written as an element of its name",
        ),
        Derive::Validate => (
            "Validate can only be derived for structs; an enum gets it from `#[derive(WireEnum)]`",
            "Validate needs named fields: each one is checked at its wire name",
        ),
        Derive::RedactedDebug => (
            "RedactedDebug can only be derived for structs",
            "RedactedDebug needs named fields",
        ),
        Derive::Sm4Fields => (
            "Sm4Fields can only be derived for structs",
            "Sm4Fields needs named fields",
        ),
    };
    match &input.data {
        syn::Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Ok(Shape::Struct(&named.named)),
            _ => Err(syn::Error::new(input.ident.span(), not_named)),
        },
        _ => Err(syn::Error::new(input.ident.span(), not_a_struct)),
    }
}
