//! `#[derive(Sm4Fields)]`: each field marked `#[sm4]` encrypted and decrypted in place, in declaration order,
//! a decryption error naming the field's wire path.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident};

use crate::errors::Errors;
use crate::serde_names;

/// A field that is SM4 text, or holds some.
struct Field {
    ident: Ident,
    wire: String,
    /// The field's type, where a type that holds no SM4 text is reported.
    span: Span,
}

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let fields = parse(input)?;
    Ok(emit(input, &fields))
}

fn parse(input: &DeriveInput) -> syn::Result<Vec<Field>> {
    let named = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => &named.named,
            _ => {
                return Err(syn::Error::new(
                    input.ident.span(),
                    "Sm4Fields needs named fields",
                ));
            }
        },
        _ => {
            return Err(syn::Error::new(
                input.ident.span(),
                "Sm4Fields can only be derived for structs",
            ));
        }
    };
    let mut errors = Errors::default();
    let rename_all = serde_names::rename_all(&input.attrs, "Sm4Fields", &mut errors);
    let mut fields = Vec::new();
    for field in named {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let mut marked = false;
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("sm4")) {
            if let Err(error) = attr.meta.require_path_only() {
                errors.push(syn::Error::new(error.span(), "`#[sm4]` takes no arguments"));
            }
            marked = true;
        }
        if marked {
            let wire = serde_names::field_name(field, &ident, rename_all, &mut errors);
            let span = field.ty.span();
            fields.push(Field { ident, wire, span });
        }
    }
    if fields.is_empty() {
        errors.push(syn::Error::new(
            input.ident.span(),
            "no field is marked `#[sm4]`: mark each SM4-encrypted field, and each field whose type holds some",
        ));
    }
    errors.finish()?;
    Ok(fields)
}

fn emit(input: &DeriveInput, fields: &[Field]) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let encrypts = fields.iter().map(|field| {
        let ident = &field.ident;
        quote_spanned!(field.span=> ::codegen_runtime::sm4::Sm4Fields::encrypt_fields(&mut self.#ident, config);)
    });
    let decrypts = fields.iter().map(|field| {
        let ident = &field.ident;
        let wire = &field.wire;
        quote_spanned! {field.span=>
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
