//! Structs that contain themselves: boxed where a cycle passes through an optional field, refused where every
//! field of the cycle is required (no value could ever be built).

use super::Checker;
use crate::model::*;

impl Checker<'_> {
    /// Structs nested directly (not through a list) in a cycle are boxed; a cycle of required ones is refused.
    pub(super) fn cycles(&mut self, types: &mut [Option<Type>]) {
        let direct = |types: &[Option<Type>], id: TypeId, required_only: bool| -> Vec<TypeId> {
            match types[id].as_ref().map(|t| &t.kind) {
                Some(TypeKind::Struct(s)) => s
                    .fields
                    .iter()
                    .filter(|f| !required_only || !f.optional)
                    .filter_map(|f| match f.ty {
                        FieldType::Named(target) => Some(target),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        };
        let n = types.len();
        let reaches = |types: &[Option<Type>], from: TypeId, to: TypeId, required_only: bool| {
            let mut stack = direct(types, from, required_only);
            let mut seen = vec![false; n];
            while let Some(next) = stack.pop() {
                if next == to {
                    return true;
                }
                if !std::mem::replace(&mut seen[next], true) {
                    stack.extend(direct(types, next, required_only));
                }
            }
            false
        };
        for id in 0..n {
            if reaches(types, id, id, true) {
                let decl = &self.schema.types[id];
                self.diags.error_with_hint(
                    decl.name.pos,
                    format!(
                        "type `{}` contains itself through required fields, so no value of it can exist",
                        decl.name.value
                    ),
                    "make one field of the cycle optional, or a list",
                );
            }
        }
        for id in 0..n {
            let targets: Vec<Option<TypeId>> = match types[id].as_ref().map(|t| &t.kind) {
                Some(TypeKind::Struct(s)) => s
                    .fields
                    .iter()
                    .map(|f| match f.ty {
                        FieldType::Named(target) => Some(target),
                        _ => None,
                    })
                    .collect(),
                _ => continue,
            };
            let boxed: Vec<bool> = targets
                .iter()
                .map(|t| t.is_some_and(|target| target == id || reaches(types, target, id, false)))
                .collect();
            if let Some(Type {
                kind: TypeKind::Struct(s),
                ..
            }) = types[id].as_mut()
            {
                for (field, boxed) in s.fields.iter_mut().zip(boxed) {
                    field.boxed = boxed;
                }
            }
        }
    }
}
