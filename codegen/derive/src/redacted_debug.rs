//! `#[derive(RedactedDebug)]`: `Debug` as `#[derive(Debug)]` writes it, with `#[sensitive]` fields hidden, so a
//! logged request never shows a password or an id number.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Ident, Type};

use crate::internals::Derive;
use crate::internals::ast::Container;

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let container = Container::from_ast(input, Derive::RedactedDebug)?;
    Ok(emit(&container))
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

fn emit(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let name = ident.to_string();
    let mut generics = container.generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause
            .predicates
            .push(syn::parse_quote!(#param: ::std::fmt::Debug));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let fields = container.fields();
    let writes = fields.iter().map(|field| {
        let ident = &field.ident;
        let label = ident.to_string();
        let label = label.strip_prefix("r#").unwrap_or(&label);
        match (field.attrs.sensitive, is_option(field.ty)) {
            (false, _) => quote!(debug.field(#label, &self.#ident);),
            (true, false) => quote!(debug.field(#label, &::std::format_args!("<redacted>"));),
            // Whether an optional secret was given is not itself secret.
            (true, true) => quote! {
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
