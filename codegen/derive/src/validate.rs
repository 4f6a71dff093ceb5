//! `#[derive(Validate)]`: one `validate_into` that checks the fields in declaration order, each rule and then the
//! field's own `Validate`, at the field's wire name.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{DeriveInput, Ident, spanned::Spanned};

use crate::internals::Derive;
use crate::internals::ast::{Container, Field};
use crate::internals::attr::{Bound, LiteralKind};

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let container = Container::from_ast(input, Derive::Validate)?;
    Ok(emit(&container))
}

fn emit(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let v = quote!(::codegen_runtime::validate);
    let mut generics = container.generics.clone();
    let bounded: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in bounded {
        where_clause
            .predicates
            .push(syn::parse_quote!(#param: #v::Validate));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let (plain_impl, plain_ty, plain_where) = container.generics.split_for_impl();
    let body = if container.fields().is_empty() {
        quote!(fn validate_into(&self, _: &#v::Path<'_>, _: &mut #v::Report) {})
    } else {
        let checks = container
            .fields()
            .iter()
            .map(|field| emit_field(container, field));
        quote! {
            fn validate_into(&self, path: &#v::Path<'_>, report: &mut #v::Report) {
                #(#checks)*
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #v::Validate for #ident #ty_generics #where_clause {
            #body
        }

        /// A struct is there whenever its field is: `required` on it means only "not `None`".
        #[automatically_derived]
        impl #plain_impl #v::Presence for #ident #plain_ty #plain_where {
            fn absence(&self) -> ::std::option::Option<#v::Absence> {
                ::std::option::Option::None
            }
        }
    }
}

/// A field's checks; the container's conditional rules that require it come after `required`.
fn emit_field(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let v = quote!(::codegen_runtime::validate);
    let r = quote!(#v::rules);
    let ident = &field.ident;
    // Spanned at the field's type, so a rule that does not fit the type is reported there (resolved at the call
    // site, as the rest of the expansion is).
    let span = Span::call_site().located_at(field.ty.span());
    let value = quote_spanned!(span=> &self.#ident);
    let rules = &field.attrs.rules;
    let mut checks = Vec::new();
    if rules.required {
        checks.push(quote_spanned!(span=> #r::required(#value, path, report);));
    }
    let conditions = container
        .attrs
        .conditions
        .iter()
        .filter(|condition| condition.require == *ident);
    for condition in conditions {
        let when = &condition.when;
        let equals = &condition.equals;
        let code = &condition.code;
        let message = &condition.message;
        let literal = match condition.kind {
            LiteralKind::Int => quote!(i128),
            LiteralKind::Str => quote!(&str),
            LiteralKind::Bool => quote!(bool),
        };
        let at = Span::call_site().located_at(equals.span());
        let test =
            quote_spanned!(at=> <_ as #v::WireLiteral<#literal>>::equals(&self.#when, #equals));
        checks.push(quote! {
            if #test {
                #r::required_by_rule(#value, path, report, #code, #message);
            }
        });
    }
    if let Some(min) = rules.min_len {
        let min = Literal::usize_unsuffixed(min);
        checks.push(quote_spanned!(span=> #r::min_len(#value, path, report, #min);));
    }
    if let Some(max) = rules.max_len {
        let max = Literal::usize_unsuffixed(max);
        checks.push(quote_spanned!(span=> #r::max_len(#value, path, report, #max);));
    }
    if rules.min.is_some() || rules.max.is_some() {
        let min = emit_bound(rules.min);
        let max = emit_bound(rules.max);
        checks.push(quote_spanned!(span=> #r::range(#value, path, report, #min, #max);));
    }
    if let Some(pattern) = &rules.pattern {
        checks.push(quote_spanned! {span=>
            static PATTERN: #v::Pattern = #v::Pattern::new(#pattern);
            #r::pattern(#value, path, report, &PATTERN);
        });
    }
    if let Some(format) = &rules.format {
        checks.push(
            quote_spanned!(span=> #r::format(#value, path, report, #v::TextFormat::#format);),
        );
    }
    let at = match &field.attrs.wire_name {
        Some(wire) => quote! {
            let field = #v::Path::Field(path, #wire);
            let path = &field;
        },
        None => quote!(),
    };
    let validate = quote_spanned!(span=> #v::Validate::validate_into(#value, path, report););
    quote! {
        {
            #at
            #(#checks)*
            #validate
        }
    }
}

fn emit_bound(bound: Option<Bound>) -> TokenStream {
    let Some(Bound {
        mantissa,
        negative,
        scale,
    }) = bound
    else {
        return quote!(::std::option::Option::None);
    };
    let [lo, mid, hi] =
        [0, 32, 64].map(|shift| Literal::u32_unsuffixed((mantissa >> shift) as u32));
    let scale = Literal::u32_unsuffixed(scale);
    quote!(::std::option::Option::Some(::codegen_runtime::Decimal::from_parts(#lo, #mid, #hi, #negative, #scale)))
}
