//! Which structs hold SM4 fields (`encryption: sm4`), directly or through nested structs and lists: each derives
//! `Sm4Fields` and marks those fields `#[sm4]`, and an operation whose request holds any encrypts them.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Encryption, Field, FieldType, Provider, TypeKind};

/// By type id: whether the type holds SM4 fields.
pub fn holders(provider: &Provider) -> Vec<bool> {
    let mut holds = vec![false; provider.types.len()];
    // A struct holds them when one of its fields does; repeat until no type changes (cycles are boxed, so the
    // number of rounds is bounded by the nesting depth).
    let mut changed = true;
    while changed {
        changed = false;
        for (id, ty) in provider.types.iter().enumerate() {
            let TypeKind::Struct(body) = &ty.kind else {
                continue;
            };
            if !holds[id] && body.fields.iter().any(|field| is_marked(field, &holds)) {
                holds[id] = true;
                changed = true;
            }
        }
    }
    holds
}

/// Whether the field is SM4 text or holds some: it gets `#[sm4]`.
pub fn is_marked(field: &Field, holders: &[bool]) -> bool {
    if field.encryption == Some(Encryption::Sm4) {
        return true;
    }
    let mut ty = &field.ty;
    while let FieldType::List(item) = ty {
        ty = item;
    }
    matches!(ty, FieldType::Named(id) if holders[*id])
}

/// `#[sm4]` for a marked field.
pub fn field_attr(field: &Field, holders: &[bool]) -> Option<TokenStream> {
    is_marked(field, holders).then(|| quote!(#[sm4]))
}
