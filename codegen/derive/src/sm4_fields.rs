//! `#[derive(Sm4Fields)]`: each field marked `#[sm4]` encrypted and decrypted in place, in declaration order,
//! a decryption error naming the field's wire path.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned;

use crate::internals::Derive;
use crate::internals::ast::Container;

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let container = Container::from_ast(input, Derive::Sm4Fields)?;
    Ok(emit(&container))
}

fn emit(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    // Each call is spanned at the field's type, where a type that holds no SM4 text is reported.
    let marked: Vec<_> = container
        .fields()
        .iter()
        .filter(|field| field.attrs.sm4)
        .filter_map(|field| Some((field, field.attrs.wire_name.as_deref()?)))
        .collect();
    let encrypts = marked.iter().map(|(field, _)| {
        let ident = &field.ident;
        let span = field.ty.span();
        quote_spanned!(span=> ::codegen_runtime::sm4::Sm4Fields::encrypt_fields(&mut self.#ident, config);)
    });
    let decrypts = marked.iter().map(|(field, wire)| {
        let ident = &field.ident;
        let span = field.ty.span();
        quote_spanned! {span=>
            ::codegen_runtime::sm4::Sm4Fields::decrypt_fields(&mut self.#ident, config)
                .map_err(|error| error.in_field(#wire))?;
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::codegen_runtime::sm4::Sm4Fields for #ident #ty_generics #where_clause {
            fn encrypt_fields(&mut self, config: &::codegen_runtime::sm4::Sm4Config) {
                #(#encrypts)*
            }

            fn decrypt_fields(
                &mut self,
                config: &::codegen_runtime::sm4::Sm4Config,
            ) -> ::std::result::Result<(), ::codegen_runtime::sm4::Sm4Error> {
                #(#decrypts)*
                ::std::result::Result::Ok(())
            }
        }
    }
}
