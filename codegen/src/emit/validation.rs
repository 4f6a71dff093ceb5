//! `#[validate(...)]` attributes: the schema's rules, as the `Validate` derive reads them.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::model::{Bound, Field, FieldType, Literal as RuleLiteral, Rule, Scalar};

/// The field's own rules; `None` when it has none (nested values are validated all the same).
pub fn field_attr(field: &Field) -> Option<TokenStream> {
    let mut rules: Vec<TokenStream> = Vec::new();
    // A missing value of any other type is already unrepresentable or a parse error; text can still be blank.
    let text = matches!(field.ty, FieldType::Scalar(Scalar::String | Scalar::Fen));
    if field.required && text {
        rules.push(quote!(required));
    }
    // A minimum of 0 says nothing.
    if let Some(min) = field.min_len.filter(|min| *min > 0) {
        let min = Literal::u32_unsuffixed(min);
        rules.push(quote!(min_len = #min));
    }
    if let Some(max) = field.max_len {
        let max = Literal::u32_unsuffixed(max);
        rules.push(quote!(max_len = #max));
    }
    if let Some(min) = field.min {
        let min = bound(min);
        rules.push(quote!(min = #min));
    }
    if let Some(max) = field.max {
        let max = bound(max);
        rules.push(quote!(max = #max));
    }
    if let Some(pattern) = &field.pattern {
        rules.push(quote!(pattern = #pattern));
    }
    if let Some(format) = field.format {
        let name = format.name();
        rules.push(quote!(format = #name));
    }
    (!rules.is_empty()).then(|| quote!(#[validate(#(#rules),*)]))
}

/// The struct's cross-field rules, one `rule(...)` each.
pub fn rules_attr(rules: &[Rule]) -> Option<TokenStream> {
    let rules: Vec<TokenStream> = rules
        .iter()
        .map(|rule| {
            let when = rule.when.bare();
            let require = rule.require.bare();
            let equals = match &rule.equals {
                RuleLiteral::Int(n) => {
                    let n = Literal::i64_unsuffixed(*n);
                    quote!(#n)
                }
                RuleLiteral::Str(s) => quote!(#s),
                RuleLiteral::Bool(b) => quote!(#b),
            };
            let (code, message) = (&rule.code, &rule.message);
            quote! {
                rule(when(field = #when, equals = #equals), require = #require, code = #code, message = #message)
            }
        })
        .collect();
    (!rules.is_empty()).then(|| quote!(#[validate(#(#rules),*)]))
}

fn bound(bound: Bound) -> Literal {
    match bound {
        Bound::Int(n) => Literal::i64_unsuffixed(n),
        Bound::Float(x) => Literal::f64_unsuffixed(x),
    }
}
