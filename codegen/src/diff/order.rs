//! The order formats write a struct's members in, and how a change moves members within it.

use super::context::Comparison;
use crate::model::{Field, Struct};

/// The order JSON writes members in: the checked model's, which already applies each protocol's rule.
pub(super) fn json<'f>(fields: &[&'f Field]) -> Vec<&'f Field> {
    fields.to_vec()
}

/// The order DataContractSerializer writes members in, by the rule `codegen_derive`'s DataContract applies. The
/// schema language has no explicit `Order`.
pub(super) fn data_contract<'f>(fields: &[&'f Field]) -> Vec<&'f Field> {
    let mut ordered = fields.to_vec();
    ordered.sort_by(|a, b| codegen_wire::contract::member_order(member_key(a), member_key(b)));
    ordered
}

fn member_key(field: &Field) -> codegen_wire::contract::MemberKey<'_> {
    codegen_wire::contract::MemberKey {
        inherited: field.inherited,
        order: None,
        name: &field.wire_name,
    }
}

/// How members present on both sides moved relative to each other in the order `order` gives a struct's fields
/// (inherited ones included): "`a` now comes before `b`", naming the first member out of its old place.
pub(super) fn change(
    cmp: &Comparison<'_>,
    old: &Struct,
    new: &Struct,
    order: for<'f> fn(&[&'f Field]) -> Vec<&'f Field>,
) -> Option<String> {
    // The common case, and a cheap one: the same members in the same places.
    let same_layout = old.fields.len() == new.fields.len()
        && old
            .fields
            .iter()
            .zip(&new.fields)
            .all(|(o, n)| o.inherited == n.inherited && o.wire_name == n.wire_name);
    if same_layout {
        return None;
    }
    let old_order: Vec<&str> = order(&old.fields.iter().collect::<Vec<_>>())
        .into_iter()
        .map(|f| f.wire_name.as_str())
        .collect();
    // Each NEW member with the OLD name it pairs with, in NEW's order.
    let new_order: Vec<(&str, &str)> = order(&new.fields.iter().collect::<Vec<_>>())
        .into_iter()
        .filter_map(|f| {
            let old_name = if old_order.contains(&f.wire_name.as_str()) {
                Some(f.wire_name.as_str())
            } else {
                super::fields::renamed_from(cmp.new.field_decl(f))
                    .filter(|name| old_order.contains(name))
            }?;
            Some((f.wire_name.as_str(), old_name))
        })
        .collect();
    let kept_old: Vec<&str> = old_order
        .into_iter()
        .filter(|name| new_order.iter().any(|(_, old)| old == name))
        .collect();
    let (moved, displaced) = new_order
        .iter()
        .zip(&kept_old)
        .find(|((_, old_name), kept)| old_name != *kept)
        .map(|((moved, _), kept)| (*moved, *kept))?;
    let displaced_now = new_order
        .iter()
        .find(|(_, old)| *old == displaced)
        .map_or(displaced, |(new_name, _)| *new_name);
    Some(format!("{moved} now comes before {displaced_now}"))
}
