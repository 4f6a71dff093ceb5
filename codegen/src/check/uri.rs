//! A Web API operation's URI parameters: the `{name}` segments of its path and the parameters that fill them
//! match both ways, each parameter is a scalar or an enum (or in the query a list of them), and no two share a
//! name as routing and model binding compare names (ignoring ASCII case) or as Rust spells them.

use super::Checker;
use crate::diagnostic::Pos;
use crate::load::schema::{OperationDecl, Spanned, TypeBody, TypeExpr, UriParameterDecl};
use crate::model::*;
use crate::names::{self, Case, RustName};

impl Checker<'_> {
    /// The operation's URI parameters; `None` when any is wrong (each problem is reported).
    pub(super) fn uri_parameters(
        &mut self,
        decl: &OperationDecl,
        types: &[Option<Type>],
        operation: Option<&RustName>,
    ) -> Option<Vec<UriParameter>> {
        let Endpoint::Http { path, .. } = &decl.endpoint.value else {
            return Some(Vec::new());
        };
        let mut ok = true;
        let placeholders = self.placeholders(path, decl.path_pos, &mut ok);
        let mut parameters = Vec::new();
        for (at, param) in decl.parameters.iter().enumerate() {
            let earlier = &decl.parameters[..at];
            if let Some(first) = earlier
                .iter()
                .find(|other| other.name.value.eq_ignore_ascii_case(&param.name.value))
            {
                let (what, hint) = if first.place.value == param.place.value {
                    (
                        "repeats",
                        "routing and model binding match names ignoring case; keep one",
                    )
                } else {
                    (
                        "collides with",
                        "a query value of a path parameter's name would bind in place of the route's; rename one",
                    )
                };
                self.diags.error_with_hint(
                    param.name.pos,
                    format!(
                        "URI parameter `{}` {what} `{}` (line {}) of operation `{}`",
                        param.name.value, first.name.value, first.name.pos.line, decl.name.value
                    ),
                    hint,
                );
                ok = false;
            }
            match self.uri_parameter(param, &placeholders, types) {
                Some(parameter) => parameters.push(parameter),
                None => ok = false,
            }
        }
        for placeholder in &placeholders {
            let named = decl
                .parameters
                .iter()
                .find(|param| param.name.value.eq_ignore_ascii_case(placeholder));
            let hint = match named {
                Some(param) if param.place.value == UriPlace::Path => continue,
                Some(param) => format!(
                    "`{}` is declared `in: query`; a `{{name}}` segment is filled by a parameter `in: path`",
                    param.name.value
                ),
                None => format!(
                    "add `{{ name: {placeholder}, in: path, type: string }}` (with the document's type) under `parameters`"
                ),
            };
            self.diags.error_with_hint(
                decl.path_pos,
                format!(
                    "the path of operation `{}` has `{{{placeholder}}}`, and no path parameter fills it",
                    decl.name.value
                ),
                hint,
            );
            ok = false;
        }
        ok &= self.distinct_rust_names(&parameters, decl);
        if let Some(operation) = operation
            && !parameters.is_empty()
        {
            let uri_name = format!("{}Uri", operation.bare());
            if let Some(ty) = types
                .iter()
                .flatten()
                .find(|t| t.rust_name.bare() == uri_name)
            {
                self.diags.error_with_hint(
                    decl.name.pos,
                    format!(
                        "the URI parameters of operation `{}` become `{uri_name}`, which type `{}` is too",
                        decl.name.value, ty.name
                    ),
                    "give the type a `rust_name`",
                );
                ok = false;
            }
        }
        ok.then_some(parameters)
    }

    /// The names of the path's `{name}` segments, each a whole segment; a query or fragment in the path, a
    /// placeholder inside other text and a repeated one are reported.
    fn placeholders(&mut self, path: &str, at: Pos, ok: &mut bool) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        if path.contains(['?', '#']) {
            self.diags.error_with_hint(
                at,
                format!("the path `{path}` has a query or a fragment"),
                "write the path alone and list each query value under `parameters` with `in: query`",
            );
            *ok = false;
            return names;
        }
        for segment in path.split('/') {
            if !segment.contains(['{', '}']) {
                continue;
            }
            let name = segment
                .strip_prefix('{')
                .and_then(|inner| inner.strip_suffix('}'))
                .filter(|name| {
                    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
                });
            let Some(name) = name else {
                self.diags.error_with_hint(
                    at,
                    format!("the path segment `{segment}` is not one whole `{{name}}` placeholder"),
                    "each path parameter fills a whole segment, `api/orders/{orderId}`; catch-all \
                     (`{*rest}`), optional (`{id?}`) and constrained (`{id:int}`) route parameters are not supported",
                );
                *ok = false;
                continue;
            };
            if names.iter().any(|seen| seen.eq_ignore_ascii_case(name)) {
                self.diags
                    .error(at, format!("the path `{path}` has `{{{name}}}` twice"));
                *ok = false;
                continue;
            }
            names.push(name.to_owned());
        }
        names
    }

    fn uri_parameter(
        &mut self,
        param: &UriParameterDecl,
        placeholders: &[String],
        types: &[Option<Type>],
    ) -> Option<UriParameter> {
        let mut ok = true;
        let in_path = param.place.value == UriPlace::Path;
        if in_path && !placeholders.contains(&param.name.value) {
            let hint = match placeholders
                .iter()
                .find(|name| name.eq_ignore_ascii_case(&param.name.value))
            {
                Some(name) => format!("the path spells it `{{{name}}}`; spell both alike"),
                None => format!(
                    "add the segment `{{{}}}` to `http.path`, or declare it `in: query`",
                    param.name.value
                ),
            };
            self.diags.error_with_hint(
                param.name.pos,
                format!(
                    "path parameter `{}` has no `{{{}}}` segment in the path",
                    param.name.value, param.name.value
                ),
                hint,
            );
            ok = false;
        }
        if let Some(required) = &param.required
            && in_path
            && !required.value
        {
            self.diags.error_with_hint(
                required.pos,
                format!("path parameter `{}` cannot be optional", param.name.value),
                "a route matches only when every segment has a value; remove `required: false`",
            );
            ok = false;
        }
        if let Some(required) = &param.required
            && required.value
            && !in_path
            && matches!(param.ty.value, TypeExpr::List(_))
        {
            self.diags.error_with_hint(
                required.pos,
                format!("list parameter `{}` cannot be required", param.name.value),
                "an empty list sends no value, as an absent one does: it is a `Vec`, never an `Option`; \
                 remove `required: true`",
            );
            ok = false;
        }
        let ty = self.uri_type(param, types);
        let rust_name = match names::rust_name(&param.name.value, None, Case::Field) {
            Ok(name) => Some(name),
            Err(problem) => {
                self.diags.error_with_hint(
                    param.name.pos,
                    problem.0,
                    "this name has no Rust spelling",
                );
                None
            }
        };
        let (true, Some(ty), Some(rust_name)) = (ok, ty, rust_name) else {
            return None;
        };
        Some(UriParameter {
            wire_name: param.name.value.clone(),
            rust_name,
            place: param.place.value,
            ty,
            required: in_path
                || param
                    .required
                    .as_ref()
                    .is_some_and(|required| required.value),
            doc: param.doc.clone(),
            note: param.note.clone(),
        })
    }

    /// A scalar or an enum, the one value a path segment or a query pair carries, or for a query parameter a
    /// list of them: its key repeated.
    fn uri_type(&mut self, param: &UriParameterDecl, types: &[Option<Type>]) -> Option<FieldType> {
        let TypeExpr::List(item) = &param.ty.value else {
            return self.uri_value_type(param, &param.ty.value, types);
        };
        let problem = match (param.place.value, item.as_ref()) {
            (UriPlace::Query, TypeExpr::List(_)) => format!(
                "URI parameter `{}` is a list of lists; a query repeats a key for a list of values",
                param.name.value
            ),
            (UriPlace::Query, item) => {
                return self
                    .uri_value_type(param, item, types)
                    .map(|item| FieldType::List(Box::new(item)));
            }
            (UriPlace::Path, _) => format!(
                "path parameter `{}` is a list; a path segment carries one value",
                param.name.value
            ),
        };
        self.diags.error_with_hint(
            param.ty.pos,
            problem,
            "a list of scalars or enums is a query parameter (`in: query`), sent as the key repeated",
        );
        None
    }

    fn uri_value_type(
        &mut self,
        param: &UriParameterDecl,
        expr: &TypeExpr,
        types: &[Option<Type>],
    ) -> Option<FieldType> {
        let name = match expr {
            TypeExpr::Scalar(scalar) => return Some(FieldType::Scalar(*scalar)),
            TypeExpr::Named(name) => name,
            TypeExpr::List(_) => return None,
        };
        let named = Spanned {
            value: name.clone(),
            pos: param.ty.pos,
        };
        let id = self.resolve(&named, "URI parameter type", true, None)?;
        match (&self.schema.types[id].body, types.get(id)) {
            (TypeBody::Enum(_), Some(Some(_))) => Some(FieldType::Named(id)),
            (TypeBody::Enum(_), _) => None,
            (TypeBody::Struct(_), _) => {
                self.diags.error_with_hint(
                    param.ty.pos,
                    format!(
                        "URI parameter `{}` is the struct `{name}`; a URI carries scalars and enums",
                        param.name.value
                    ),
                    "a complex value travels in the body: make it a field of the request type",
                );
                None
            }
        }
    }

    /// Whether the parameters' Rust names are distinct; `orderId` and `order_id` would be one field.
    fn distinct_rust_names(&mut self, parameters: &[UriParameter], decl: &OperationDecl) -> bool {
        let mut ok = true;
        for (at, param) in parameters.iter().enumerate() {
            if let Some(first) = parameters[..at].iter().find(|other| {
                other.rust_name.bare() == param.rust_name.bare()
                    && !other.wire_name.eq_ignore_ascii_case(&param.wire_name)
            }) {
                let pos = decl
                    .parameters
                    .iter()
                    .find(|p| p.name.value == param.wire_name)
                    .map_or(decl.name.pos, |p| p.name.pos);
                self.diags.error_with_hint(
                    pos,
                    format!(
                        "URI parameters `{}` and `{}` of operation `{}` both become `{}`",
                        first.wire_name,
                        param.wire_name,
                        decl.name.value,
                        param.rust_name.bare()
                    ),
                    "rename one as the document spells it",
                );
                ok = false;
            }
        }
        ok
    }
}
