//! What an operation's `request:` and `response:` carry: a struct; for Web API also a scalar or a list of scalars,
//! which its formatters write bare (JSON `1`, `["a"]`; DataContract XML `<int>`, `<ArrayOfstring>`); and, for a
//! Web API response only, `none` when the document describes no body.

use super::Checker;
use crate::diagnostic::Pos;
use crate::load::schema::{BodyExpr, NO_BODY, Spanned, TypeExpr};
use crate::model::*;

impl Checker<'_> {
    /// The request's type; `none` is refused, as a request always carries the body the caller builds.
    pub(super) fn request_body(&mut self, decl: &Spanned<BodyExpr>) -> Option<FieldType> {
        match &decl.value {
            BodyExpr::Type(expr) => self.body_type(expr, decl.pos, "request"),
            BodyExpr::None => {
                self.diags.error_with_hint(
                    decl.pos,
                    format!(
                        "a request cannot be `{NO_BODY}`: `{NO_BODY}` says a response's document describes no body, \
                         and a request is the body the caller builds"
                    ),
                    "name the request's type: a struct, or for `webapi` a scalar or `list<scalar>`",
                );
                None
            }
        }
    }

    /// The response's type, or `none` for a Web API answer handed over raw.
    pub(super) fn response_body(&mut self, decl: &Spanned<BodyExpr>) -> Option<Body> {
        match &decl.value {
            BodyExpr::Type(expr) => self.body_type(expr, decl.pos, "response").map(Body::Value),
            BodyExpr::None if self.protocol() == Some(Protocol::Top) => {
                self.diags.error_with_hint(
                    decl.pos,
                    format!(
                        "a `top` response cannot be `{NO_BODY}`: every TOP answer is the `<method>_response` \
                         envelope, whose fields the response type describes"
                    ),
                    "declare a struct with the fields the document lists for the response",
                );
                None
            }
            BodyExpr::None => Some(Body::Raw),
        }
    }

    /// A struct of the schema, or for Web API a scalar or a list of scalars.
    fn body_type(&mut self, expr: &TypeExpr, pos: Pos, what: &str) -> Option<FieldType> {
        let top = self.protocol() == Some(Protocol::Top);
        match expr {
            TypeExpr::Named(name) => {
                let name = Spanned {
                    value: name.clone(),
                    pos,
                };
                self.message_type(&name, &format!("{what} type"))
                    .map(FieldType::Named)
            }
            TypeExpr::Scalar(_) | TypeExpr::List(_) if top => {
                self.diags.error_with_hint(
                    pos,
                    format!(
                        "a `top` {what} is a struct: {}, so a scalar or a list cannot stand for it",
                        if what == "request" {
                            "its fields are the TOP application parameters"
                        } else {
                            "its fields are what the `<method>_response` envelope holds"
                        }
                    ),
                    "declare a struct with a field of that type, named as the document names the parameter",
                );
                None
            }
            TypeExpr::Scalar(scalar) => self.body_scalar(*scalar, pos, what),
            TypeExpr::List(item) => match item.as_ref() {
                TypeExpr::Scalar(scalar) => self
                    .body_scalar(*scalar, pos, what)
                    .map(|item| FieldType::List(Box::new(item))),
                TypeExpr::Named(_) | TypeExpr::List(_) => {
                    self.diags.error_with_hint(
                        pos,
                        format!(
                            "a {what} that is a list holds scalars: a list of structs or of lists as a whole body \
                             is not supported"
                        ),
                        "write `list<string>`-style lists of scalars, or a struct that holds the list",
                    );
                    None
                }
            },
        }
    }

    /// A scalar a Web API body can be: every one but TOP's error code, which only a TOP envelope carries.
    fn body_scalar(&mut self, scalar: Scalar, pos: Pos, what: &str) -> Option<FieldType> {
        if scalar == Scalar::TopCode {
            self.diags.error_with_hint(
                pos,
                format!("a {what} cannot be `top_code`: it is TOP's error code, which no Web API body carries"),
                "use `string` or `int32`, as the document shows the value",
            );
            return None;
        }
        Some(FieldType::Scalar(scalar))
    }
}
