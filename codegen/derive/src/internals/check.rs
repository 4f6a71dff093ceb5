//! The rules that span more than one attribute: a type a contract cannot name, a variant that does not fit the
//! enum's repr, two members written alike, a part every input needs. They read parsed attributes, not the model,
//! so the model can call them while it is read and report in reading order.

use syn::{Fields, Ident, Lit, LitStr, Type, spanned::Spanned};

use super::attr::{self, Member, Repr};
use super::{Ctxt, Derive};

/// A DataContract's name is fixed, so its type cannot be generic.
pub(super) fn generics(cx: &Ctxt, input: &syn::DeriveInput, derive: Derive) {
    if derive == Derive::DataContract && !input.generics.params.is_empty() {
        cx.error(
            input.generics.span(),
            "DataContract cannot be derived for a generic type: its contract name must be fixed (write `ApiResultOfstring` as its own struct)",
        );
    }
}

/// A variant of a `WireEnum`, checked against the enum's repr and whether a variant before it is `other`.
pub(super) fn variant(
    cx: &Ctxt,
    original: &syn::Variant,
    attrs: &attr::Variant,
    other_before: bool,
    repr: Option<Repr>,
) {
    if attrs.other {
        other_holds_repr(cx, original, repr);
        if other_before {
            cx.error(original.span(), "only one variant can be `#[wire(other)]`");
        }
        return;
    }
    if !matches!(original.fields, Fields::Unit) {
        cx.error(
            original.span(),
            "a listed member must be a unit variant; only the `#[wire(other)]` variant holds a value",
        );
        return;
    }
    let Some(value) = &attrs.value else {
        cx.error(
            original.span(),
            "missing `#[wire(value = ...)]`: every listed member needs its wire value",
        );
        return;
    };
    if let Some(repr) = repr {
        value_fits(cx, value, repr);
    }
}

/// No two data members of a DataContract are written as the same element.
pub(super) fn distinct_members(cx: &Ctxt, members: &[(&syn::Field, &Member)]) {
    for (at, (field, member)) in members.iter().enumerate() {
        if members[..at]
            .iter()
            .any(|(_, m)| m.name == member.name && m.namespace == member.namespace)
        {
            cx.error(
                field.span(),
                format!(
                    "two members are written as `{}` in namespace `{}`",
                    member.name, member.namespace
                ),
            );
        }
    }
}

/// An Sm4Fields struct marks at least one field.
pub(super) fn some_field_marked(cx: &Ctxt, ident: &Ident, marked: bool) {
    if !marked {
        cx.error(
            ident.span(),
            "no field is marked `#[sm4]`: mark each SM4-encrypted field, and each field whose type holds some",
        );
    }
}

/// A `WireEnum`'s listed members have distinct values and names, and one variant keeps other values.
pub(super) fn wire_variants(
    cx: &Ctxt,
    ident: &Ident,
    variants: &[(&syn::Variant, &attr::Variant)],
) {
    distinct_values(cx, variants);
    if !variants.iter().any(|(_, attrs)| attrs.other) {
        cx.error(
            ident.span(),
            "missing a `#[wire(other)] Other(..)` variant: unknown values must be kept, not rejected",
        );
    }
}

fn other_holds_repr(cx: &Ctxt, variant: &syn::Variant, repr: Option<Repr>) {
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
        cx.error(
            variant.span(),
            format!("the `#[wire(other)]` variant must hold exactly one `{expected}`"),
        );
    }
}

fn value_fits(cx: &Ctxt, value: &Lit, repr: Repr) {
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
        cx.error(value.span(), format!("this value must be {expected}"));
    }
}

/// No two listed members share a wire value or a member name.
fn distinct_values(cx: &Ctxt, variants: &[(&syn::Variant, &attr::Variant)]) {
    let members: Vec<(&Lit, Option<&LitStr>)> = variants
        .iter()
        .filter(|(original, attrs)| !attrs.other && matches!(original.fields, Fields::Unit))
        .filter_map(|(_, attrs)| Some((attrs.value.as_ref()?, attrs.name.as_ref())))
        .collect();
    for (i, (value, name)) in members.iter().enumerate() {
        let key = literal_key(value);
        if members[..i].iter().any(|(m, _)| literal_key(m) == key) {
            cx.error(
                value.span(),
                "this wire value is already used by another member",
            );
        }
        if let Some(name) = name
            && members[..i]
                .iter()
                .any(|(_, m)| m.map(LitStr::value) == Some(name.value()))
        {
            cx.error(
                name.span(),
                "this member name is already used by another member",
            );
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
