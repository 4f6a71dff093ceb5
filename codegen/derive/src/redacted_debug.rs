//! `#[derive(RedactedDebug)]`: `Debug` as `#[derive(Debug)]` writes it, with `#[sensitive]` fields hidden, so a
//! logged request never shows a password or an id number.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, Type};

use crate::errors::Errors;

/// How one field is written.
struct Field {
    ident: Ident,
    shown: Shown,
}

enum Shown {
    Value,
    /// `<redacted>`.
    Redacted,
    /// `None`, or `Some(<redacted>)`: whether an optional secret was given is not itself secret.
    RedactedOption,
}

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let fields = parse(input)?;
    Ok(emit(input, &fields))
}

fn parse(input: &DeriveInput) -> syn::Result<Vec<Field>> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "RedactedDebug can only be derived for structs",
        ));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new(
            input.ident.span(),
            "RedactedDebug needs named fields",
        ));
    };
    let mut errors = Errors::default();
    let mut fields = Vec::new();
    for field in &named.named {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let mut sensitive = false;
        for attr in field
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("sensitive"))
        {
            if let Err(error) = attr.meta.require_path_only() {
                errors.push(syn::Error::new(
                    error.span(),
                    "`#[sensitive]` takes no arguments",
                ));
            }
            sensitive = true;
        }
        let shown = match (sensitive, is_option(&field.ty)) {
            (false, _) => Shown::Value,
            (true, false) => Shown::Redacted,
            (true, true) => Shown::RedactedOption,
        };
        fields.push(Field { ident, shown });
    }
    errors.finish()?;
    Ok(fields)
}

/// `Option<T>` as written (`Option`, `std::option::Option`, `core::option::Option`).
fn is_option(ty: &Type) -> bool {
    let Type::Path(path) = ty else {
        return false;
    };
    path.qself.is_none()
        && path.path.segments.last().is_some_and(|last| {
            last.ident == "Option"
                && matches!(last.arguments, syn::PathArguments::AngleBracketed(_))
        })
}

fn emit(input: &DeriveInput, fields: &[Field]) -> TokenStream {
    let ident = &input.ident;
    let name = ident.to_string();
    let mut generics = input.generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause
            .predicates
            .push(syn::parse_quote!(#param: ::std::fmt::Debug));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let writes = fields.iter().map(|field| {
        let ident = &field.ident;
        let label = ident.to_string();
        let label = label.strip_prefix("r#").unwrap_or(&label);
        match field.shown {
            Shown::Value => quote!(debug.field(#label, &self.#ident);),
            Shown::Redacted => quote!(debug.field(#label, &::std::format_args!("<redacted>"));),
            Shown::RedactedOption => quote! {
                match &self.#ident {
                    ::std::option::Option::Some(_) => debug.field(#label, &::std::format_args!("Some(<redacted>)")),
                    ::std::option::Option::None => debug.field(#label, &::std::format_args!("None")),
                };
            },
        }
    });
    let body = if fields.is_empty() {
        quote!(f.debug_struct(#name).finish())
    } else {
        quote! {
            let mut debug = f.debug_struct(#name);
            #(#writes)*
            debug.finish()
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::std::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #body
            }
        }
    }
}
