//! Builders for what a caller sends: each type an operation's request reaches gets bon's `builder()`, whose
//! required fields are checked when the code compiles and whose optional fields may be left out.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{FieldType, Provider, Struct, TypeId, TypeKind};

/// Whether each type (by id) is reachable from an operation's request.
pub fn request_side(provider: &Provider) -> Vec<bool> {
    let mut reached = vec![false; provider.types.len()];
    let mut stack: Vec<TypeId> = provider
        .operations
        .iter()
        .filter_map(|op| op.request.named())
        .collect();
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut reached[id], true) {
            continue;
        }
        if let TypeKind::Struct(body) = &provider.types[id].kind {
            for field in &body.fields {
                let mut ty = &field.ty;
                while let FieldType::List(item) = ty {
                    ty = item;
                }
                if let FieldType::Named(next) = ty {
                    stack.push(*next);
                }
            }
        }
    }
    reached
}

/// The attribute that makes bon's derive name the runtime's re-export, take `&str` where a `String` goes and a
/// value where the struct boxes one (a field that closes a cycle).
pub fn builder_attr(body: &Struct) -> TokenStream {
    let boxed = body
        .fields
        .iter()
        .any(|field| field.boxed)
        .then(|| quote!(, on(Box<_>, into)));
    quote!(#[builder(crate = ::codegen_runtime::bon, on(String, into) #boxed)])
}
