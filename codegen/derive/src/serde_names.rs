//! The names serde gives a struct's fields on the wire (`rename`, `rename_all`), read once for every derive, so
//! XML members and validation paths use the very names JSON does.

use codegen_wire::case::RenameRule;
use proc_macro2::TokenStream;
use syn::{Ident, LitStr};

use crate::errors::Errors;

/// The string value of `#[serde(key = "...")]`, so one rename serves JSON and XML alike, as the CLR name does for
/// Json.NET and DataContractSerializer. Other serde keys are passed over.
pub(crate) fn serde_attribute(
    attrs: &[syn::Attribute],
    key: &str,
    errors: &mut Errors,
) -> Option<LitStr> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) && meta.input.peek(syn::Token![=]) {
                found = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                content.parse::<TokenStream>()?;
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    found
}

/// Whether `#[serde(key)]` is given as a bare flag, such as `flatten`.
pub(crate) fn serde_flag(attrs: &[syn::Attribute], key: &str) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        // A malformed `#[serde]` is reported by `serde_attribute` and by serde itself.
        let _ = attr.parse_nested_meta(|meta| {
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                content.parse::<TokenStream>()?;
            } else if meta.path.is_ident(key) {
                found = true;
            }
            Ok(())
        });
    }
    found
}

/// The container's `#[serde(rename_all = "...")]` rule; `derive` names the macro in the error for a rule it does
/// not know.
pub(crate) fn rename_all(
    attrs: &[syn::Attribute],
    derive: &str,
    errors: &mut Errors,
) -> Option<RenameRule> {
    let rule = serde_attribute(attrs, "rename_all", errors)?;
    let parsed = RenameRule::from_name(&rule.value());
    if parsed.is_none() {
        errors.push(syn::Error::new(
            rule.span(),
            format!("{derive} does not know this `rename_all` rule"),
        ));
    }
    parsed
}

/// A field's wire name: its `#[serde(rename = "...")]`, else the container's `rename_all` applied to its Rust name
/// (without `r#`), else that name.
pub(crate) fn field_name(
    field: &syn::Field,
    ident: &Ident,
    rename_all: Option<RenameRule>,
    errors: &mut Errors,
) -> String {
    serde_attribute(&field.attrs, "rename", errors)
        .map(|name| name.value())
        .unwrap_or_else(|| {
            let text = ident.to_string();
            let bare = text.strip_prefix("r#").unwrap_or(&text);
            rename_all.map_or_else(|| bare.to_owned(), |rule| rule.apply(bare))
        })
}
