//! Which way each type travels, and in which formats: what the rules judge a change by.

use super::{Direction, Surface};
use crate::model::{FieldType, Format, Protocol, Provider, TypeId, TypeKind};

/// A provider's types seen from its operations.
#[derive(Debug)]
pub(super) struct Usage {
    directions: Vec<Direction>,
    /// An operation's request, response or error type: the root of a message.
    roots: Vec<bool>,
    /// A TOP operation's request type, whose fields are the application parameters.
    top_parameters: Vec<bool>,
}

impl Usage {
    /// Requests carry the operations' request types, responses their response and error types; a struct passes
    /// its direction on to the types of its fields and to its bases, whose members it writes.
    pub(super) fn of(provider: &Provider) -> Usage {
        let count = provider.types.len();
        let mut usage = Usage {
            directions: vec![Direction::default(); count],
            roots: vec![false; count],
            top_parameters: vec![false; count],
        };
        let mut pending: Vec<(TypeId, Direction)> = Vec::new();
        for op in &provider.operations {
            let request = op.request.named();
            pending.extend(request.map(|request| (request, Direction::REQUEST)));
            pending.extend(
                op.response
                    .value()
                    .and_then(FieldType::named)
                    .map(|response| (response, Direction::RESPONSE)),
            );
            pending.extend(op.error.map(|error| (error, Direction::RESPONSE)));
            if provider.protocol == Protocol::Top
                && let Some(flag) =
                    request.and_then(|request| usage.top_parameters.get_mut(request))
            {
                *flag = true;
            }
        }
        for (id, _) in &pending {
            if let Some(root) = usage.roots.get_mut(*id) {
                *root = true;
            }
        }
        while let Some((id, direction)) = pending.pop() {
            let Some(known) = usage.directions.get_mut(id) else {
                continue;
            };
            let merged = known.union(direction);
            if merged == *known {
                continue;
            }
            *known = merged;
            if let Some(TypeKind::Struct(body)) = provider.types.get(id).map(|ty| &ty.kind) {
                pending.extend(body.bases.iter().map(|base| (*base, merged)));
                pending.extend(
                    body.fields
                        .iter()
                        .filter_map(|field| named_target(&field.ty))
                        .map(|target| (target, merged)),
                );
            }
        }
        usage
    }

    pub(super) fn direction(&self, id: TypeId) -> Direction {
        self.directions.get(id).copied().unwrap_or_default()
    }

    pub(super) fn is_root(&self, id: TypeId) -> bool {
        self.roots.get(id).copied().unwrap_or(false)
    }

    pub(super) fn is_top_parameters(&self, id: TypeId) -> bool {
        self.top_parameters.get(id).copied().unwrap_or(false)
    }
}

/// The formats a provider's payloads travel in one way. A TOP request is a set of signed parameters whatever the
/// response format; ASP.NET's form formatter reads requests but never writes a response.
pub(super) fn wire_formats(provider: &Provider, request: bool) -> Vec<Surface> {
    match (provider.protocol, request) {
        (Protocol::Top, true) => vec![Surface::Top],
        _ => provider
            .formats
            .iter()
            .filter(|format| request || **format != Format::Form)
            .map(|format| Surface::from(*format))
            .collect(),
    }
}

fn named_target(ty: &FieldType) -> Option<TypeId> {
    match ty {
        FieldType::Named(id) => Some(*id),
        FieldType::List(item) => named_target(item),
        FieldType::Scalar(_) => None,
    }
}
