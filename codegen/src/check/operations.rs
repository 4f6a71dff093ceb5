//! Operations: the endpoint fits the protocol, the name is free, its URI parameters fit its path (`uri`), and
//! request, response and a Web API operation's error are concrete structs. A TOP operation's error is the platform's envelope, never a type of the schema.

use std::collections::HashMap;

use super::Checker;
use crate::load::schema::{Spanned, TypeBody};
use crate::model::*;
use crate::names::{self, Case};

impl Checker<'_> {
    pub(super) fn operations(&mut self, types: &[Option<Type>]) -> Vec<Operation> {
        let schema = self.schema;
        let mut operations = Vec::new();
        let mut seen: HashMap<String, &Spanned<String>> = HashMap::new();
        for decl in &schema.operations {
            let endpoint_ok = match (&decl.endpoint.value, self.protocol()) {
                (_, None)
                | (Endpoint::Http { .. }, Some(Protocol::WebApi))
                | (Endpoint::Top { .. }, Some(Protocol::Top)) => true,
                (Endpoint::Http { .. }, Some(Protocol::Top)) => {
                    self.diags.error_with_hint(
                        decl.endpoint.pos,
                        "a `top` provider's operation needs `top: { method: ... }`, not `http`",
                        "TOP operations are named by their API method, e.g. taobao.bus.agent.returnticket.confirm",
                    );
                    false
                }
                (Endpoint::Top { .. }, Some(Protocol::WebApi)) => {
                    self.diags.error_with_hint(
                        decl.endpoint.pos,
                        "a `webapi` provider's operation needs `http: { method, path }`, not `top`",
                        "Web API operations are an HTTP method and a path",
                    );
                    false
                }
            };
            let rust_name = match names::rust_name(&decl.name.value, None, Case::Type) {
                Ok(name) => Some(name),
                Err(problem) => {
                    self.diags
                        .error_with_hint(decl.name.pos, problem.0, "rename the operation");
                    None
                }
            };
            if let Some(name) = &rust_name {
                if let Some(ty) = types
                    .iter()
                    .flatten()
                    .find(|t| t.rust_name.bare() == name.bare())
                {
                    self.diags.error_with_hint(
                        decl.name.pos,
                        format!(
                            "operation `{}` and type `{}` both become `{}`",
                            decl.name.value,
                            ty.name,
                            name.bare()
                        ),
                        "rename the operation or give the type a `rust_name`",
                    );
                }
                if let Some(first) = seen.insert(name.bare().to_owned(), &decl.name) {
                    self.diags.error(
                        decl.name.pos,
                        format!(
                            "operations `{}` (line {}) and `{}` both become `{}`",
                            first.value,
                            first.pos.line,
                            decl.name.value,
                            name.bare()
                        ),
                    );
                }
            }
            let parameters = self.uri_parameters(decl, types, rust_name.as_ref());
            let request = self.message_type(&decl.request, "request type");
            let response = self.message_type(&decl.response, "response type");
            let error = match (&decl.error, self.protocol()) {
                (Some(error), Some(Protocol::Top)) => {
                    self.diags.error_with_hint(
                        error.pos,
                        "a `top` operation's failures are the platform's `error_response`, which the generator \
                         knows: it declares no `error` type",
                        "remove `error:`; the client reports the envelope as codegen_runtime::top::TopError, \
                         and its samples are examples of `type: error_response`",
                    );
                    Some(None)
                }
                (Some(error), _) => Some(self.message_type(error, "error type")),
                (None, _) => None,
            };
            let (Some(rust_name), Some(parameters), Some(request), Some(response), true) =
                (rust_name, parameters, request, response, endpoint_ok)
            else {
                continue;
            };
            let error = match error {
                Some(None) => continue,
                Some(Some(id)) => Some(id),
                None => None,
            };
            let outcome = match (&decl.outcome, &types[response]) {
                (Some(outcome), Some(ty)) => Some(self.outcome(outcome, ty)),
                _ => None,
            };
            operations.push(Operation {
                name: decl.name.value.clone(),
                rust_name,
                doc: decl.doc.clone(),
                note: decl.note.clone(),
                endpoint: decl.endpoint.value.clone(),
                parameters,
                request,
                response,
                error,
                outcome: outcome.flatten(),
            });
        }
        operations
    }

    /// What an operation sends or receives: a concrete struct.
    fn message_type(&mut self, name: &Spanned<String>, what: &str) -> Option<TypeId> {
        let id = self.resolve(name, what, false, None)?;
        match &self.schema.types[id].body {
            TypeBody::Struct(s) if !s.is_abstract => Some(id),
            TypeBody::Struct(_) => {
                self.diags.error(
                    name.pos,
                    format!(
                        "{what} `{}` is abstract; an operation sends concrete types",
                        name.value
                    ),
                );
                None
            }
            TypeBody::Enum(_) => {
                self.diags.error(
                    name.pos,
                    format!(
                        "{what} `{}` is an enum; an operation sends a struct",
                        name.value
                    ),
                );
                None
            }
        }
    }
}
