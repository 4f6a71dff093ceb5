//! A Web API operation's URI parameters, paired by name ignoring ASCII case as routing and model binding match
//! them. They travel only in requests.

use super::Direction;
use super::context::{At, Comparison};
use super::rules::{self, Facts};
use crate::load::schema::OperationDecl;
use crate::model::{FieldType, Operation, UriParameter};

/// Reports parameters added, removed, moved between path and query, retyped, or made required or optional.
pub(super) fn compare(
    cmp: &mut Comparison<'_>,
    old: &Operation,
    new: &Operation,
    decl: &OperationDecl,
) {
    let name = &new.name;
    let at = |param: &UriParameter| {
        At::New(
            decl.parameters
                .iter()
                .find(|written| written.name.value == param.wire_name)
                .map_or(decl.path_pos, |written| written.name.pos),
        )
    };
    let find = |params: &'_ [UriParameter], wanted: &UriParameter| {
        params
            .iter()
            .position(|param| param.wire_name.eq_ignore_ascii_case(&wanted.wire_name))
    };
    for before in &old.parameters {
        if find(&new.parameters, before).is_none() {
            cmp.report(
                &rules::URI_PARAMETER_REMOVED,
                At::New(decl.path_pos),
                Direction::REQUEST,
                Facts::RUST,
                format!(
                    "operation {name}: URI parameter {} removed",
                    before.wire_name
                ),
            );
        }
    }
    for after in &new.parameters {
        let Some(index) = find(&old.parameters, after) else {
            let facts = Facts {
                rust: old.parameters.is_empty(),
                required: after.required,
                ..Facts::NONE
            };
            cmp.report(
                &rules::URI_PARAMETER_ADDED,
                at(after),
                Direction::REQUEST,
                facts,
                format!(
                    "operation {name}: {} parameter {} added{}",
                    after.place.name(),
                    after.wire_name,
                    if after.required { ", required" } else { "" }
                ),
            );
            continue;
        };
        let before = &old.parameters[index];
        let param = &after.wire_name;
        if before.place != after.place {
            cmp.report(
                &rules::URI_PARAMETER_MOVED,
                at(after),
                Direction::REQUEST,
                Facts::NONE,
                format!(
                    "operation {name}: URI parameter {param} moved from the {} to the {}",
                    before.place.name(),
                    after.place.name()
                ),
            );
        }
        if !same_type(cmp, &before.ty, &after.ty) {
            cmp.report(
                &rules::URI_PARAMETER_TYPE_CHANGED,
                at(after),
                Direction::REQUEST,
                Facts::RUST,
                format!("operation {name}: URI parameter {param} changed its type"),
            );
        }
        let rule = match (before.required, after.required) {
            (false, true) => &rules::URI_PARAMETER_BECAME_REQUIRED,
            (true, false) => &rules::URI_PARAMETER_BECAME_OPTIONAL,
            _ => continue,
        };
        cmp.report(
            rule,
            at(after),
            Direction::REQUEST,
            Facts::RUST,
            format!(
                "operation {name}: URI parameter {param} became {}",
                if after.required {
                    "required"
                } else {
                    "optional"
                }
            ),
        );
    }
}

/// The same scalar, or the same declared enum (a declared rename is no change).
fn same_type(cmp: &Comparison<'_>, old: &FieldType, new: &FieldType) -> bool {
    match (old, new) {
        (FieldType::Named(old), FieldType::Named(new)) => cmp.same_type(*old, *new),
        _ => old == new,
    }
}
