//! The order in which each provider's JSON writer emits a struct's members; serde writes fields in declaration
//! order, so the checked model is sorted here, once.

use codegen_wire::case::java_property_name;
use codegen_wire::ordinal::Ordinal;

use crate::model::*;

/// The official TOP SDK writes object parameters with keys sorted by Java property name; everything else keeps the
/// document's order. Sorting the struct makes serde write that order.
pub(super) fn apply_json_order(protocol: Protocol, operations: &[Operation], types: &mut [Type]) {
    if protocol != Protocol::Top {
        return;
    }
    let mut sent_in_params: Vec<TypeId> = Vec::new();
    let mut stack: Vec<TypeId> = operations
        .iter()
        .filter_map(|op| op.request.named())
        .flat_map(|request| match &types[request].kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .filter_map(|f| named_target(&f.ty))
                .collect(),
            TypeKind::Enum(_) => Vec::new(),
        })
        .collect();
    while let Some(id) = stack.pop() {
        if sent_in_params.contains(&id) {
            continue;
        }
        sent_in_params.push(id);
        if let TypeKind::Struct(s) = &types[id].kind {
            stack.extend(s.fields.iter().filter_map(|f| named_target(&f.ty)));
        }
    }
    for id in sent_in_params {
        if let TypeKind::Struct(s) = &mut types[id].kind {
            s.fields
                .sort_by_cached_key(|f| Ordinal(java_property_name(&f.wire_name)));
        }
    }
}

fn named_target(ty: &FieldType) -> Option<TypeId> {
    match ty {
        FieldType::Named(id) => Some(*id),
        FieldType::List(item) => named_target(item),
        FieldType::Scalar(_) => None,
    }
}
