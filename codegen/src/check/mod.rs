//! A decoded `Schema` into the checked model: references resolved, names chosen and free of collisions, the
//! protocol's rules applied. Every problem is reported, located at the value that causes it.

mod conditions;
mod cycles;
mod json_order;
mod outcome;

use std::collections::HashMap;

use json_order::apply_json_order;

use crate::diagnostic::{Diagnostics, Pos, suggest};
use crate::load::schema::{
    EnumDecl, EnumLiteral, FieldDecl, Schema, Spanned, StructDecl, TypeBody, TypeDecl, TypeExpr,
};
use crate::model::*;
use crate::names::{self, Case, RESERVED_TYPE_NAMES, RustName};

/// Checks a decoded schema; `None` when it has problems (all of them are in `diags`).
pub fn check(schema: &Schema, diags: &mut Diagnostics) -> Option<Provider> {
    let mut checker = Checker {
        schema,
        diags,
        index: HashMap::new(),
    };
    checker.provider_id();
    checker.index_types();
    let types = checker.types();
    let operations = checker.operations(&types);
    let examples = checker.examples(&types);
    if !checker.diags.is_empty() {
        return None;
    }
    let decl = schema.provider.as_ref()?;
    let mut types = types.into_iter().collect::<Option<Vec<Type>>>()?;
    apply_json_order(decl.protocol.value, &operations, &mut types);
    Some(Provider {
        id: decl.id.value.clone(),
        title: decl.title.clone(),
        protocol: decl.protocol.value,
        formats: decl.formats.iter().map(|f| f.value).collect(),
        source: decl.source.clone(),
        doc: decl.doc.clone(),
        note: decl.note.clone(),
        schema_file: schema
            .file
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned()),
        operations,
        types,
        examples,
    })
}

struct Checker<'a> {
    schema: &'a Schema,
    diags: &'a mut Diagnostics,
    /// Type name -> index in `schema.types`.
    index: HashMap<&'a str, TypeId>,
}

impl<'a> Checker<'a> {
    /// The provider's protocol; `None` when the provider block itself has problems, and the checks that depend on
    /// it are skipped rather than guessed.
    fn protocol(&self) -> Option<Protocol> {
        self.schema.provider.as_ref().map(|p| p.protocol.value)
    }

    fn provider_id(&mut self) {
        let Some(provider) = &self.schema.provider else {
            return;
        };
        let id = &provider.id;
        let stem = self
            .schema
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if id.value != stem {
            self.diags.error_with_hint(
                id.pos,
                format!(
                    "provider id `{}` does not match the file name `{stem}.yaml`",
                    id.value
                ),
                format!("rename the file to `{}.yaml` or change the id", id.value),
            );
        }
        if names::rust_name(&id.value, None, Case::Field)
            .map(|n| n.as_str() != id.value)
            .unwrap_or(true)
        {
            self.diags.error_with_hint(
                id.pos,
                format!("provider id `{}` cannot be a Rust module name", id.value),
                "use lowercase ASCII letters, digits and `_`, e.g. `taobao_bus`",
            );
        }
    }

    fn index_types(&mut self) {
        for (i, decl) in self.schema.types.iter().enumerate() {
            self.index.insert(decl.name.value.as_str(), i);
        }
    }

    /// Resolves a reference to a declared type. `scalars` says whether a scalar could stand here too (a field's
    /// type), which decides what a typo is compared with; `owner` is never suggested as its own reference.
    fn resolve(
        &mut self,
        name: &Spanned<String>,
        what: &str,
        scalars: bool,
        owner: Option<TypeId>,
    ) -> Option<TypeId> {
        if let Some(&id) = self.index.get(name.value.as_str()) {
            return Some(id);
        }
        if self.schema.broken_types.contains(&name.value) {
            return None;
        }
        if !scalars && crate::load::schema::Scalar::from_name(&name.value).is_some() {
            self.diags.error_with_hint(
                name.pos,
                format!(
                    "{what} `{}` is a scalar, not a type declared under `types:`",
                    name.value
                ),
                "name a struct declared in this schema",
            );
            return None;
        }
        let owner_name = owner.map(|id| self.schema.types[id].name.value.as_str());
        let declared = self
            .schema
            .types
            .iter()
            .map(|t| t.name.value.as_str())
            .filter(|candidate| Some(*candidate) != owner_name);
        let scalar_names = crate::load::schema::Scalar::ALL
            .iter()
            .map(|(n, _)| *n)
            .filter(|_| scalars);
        let hint = match suggest(&name.value, declared.chain(scalar_names)) {
            Some(close) => format!("did you mean `{close}`?"),
            None if scalars => {
                "declare it under `types:`, or use a scalar such as `string`".to_owned()
            }
            None => "declare it under `types:`".to_owned(),
        };
        self.diags.error_with_hint(
            name.pos,
            format!("{what} `{}` is not declared", name.value),
            hint,
        );
        None
    }

    /// A type's Rust name, or a reported problem.
    fn type_rust_name(&mut self, decl: &TypeDecl) -> Option<RustName> {
        let explicit = decl.rust_name.as_ref();
        let pos = explicit.map_or(decl.name.pos, |n| n.pos);
        match names::rust_name(
            &decl.name.value,
            explicit.map(|n| n.value.as_str()),
            Case::Type,
        ) {
            Ok(name) if RESERVED_TYPE_NAMES.contains(&name.bare()) => {
                self.diags.error_with_hint(
                    pos,
                    format!(
                        "the Rust name `{}` is used by the generated code itself",
                        name.bare()
                    ),
                    "give the type another `rust_name`",
                );
                None
            }
            Ok(name) => Some(name),
            Err(problem) => {
                self.diags
                    .error_with_hint(pos, problem.0, "give the type a `rust_name`");
                None
            }
        }
    }

    fn types(&mut self) -> Vec<Option<Type>> {
        let schema = self.schema;
        let rust_names: Vec<Option<RustName>> = schema
            .types
            .iter()
            .map(|decl| self.type_rust_name(decl))
            .collect();
        let mut seen: HashMap<String, &TypeDecl> = HashMap::new();
        for (decl, name) in schema.types.iter().zip(&rust_names) {
            let Some(name) = name else { continue };
            if let Some(first) = seen.get(name.bare()) {
                self.diags.error_with_hint(
                    decl.name.pos,
                    format!(
                        "type `{}` and type `{}` (line {}) both become the Rust type `{}`",
                        decl.name.value,
                        first.name.value,
                        first.name.pos.line,
                        name.bare()
                    ),
                    "give one of them a `rust_name`",
                );
            } else {
                seen.insert(name.bare().to_owned(), decl);
            }
        }
        self.base_cycles();
        let own_fields: Vec<Vec<Field>> = schema
            .types
            .iter()
            .enumerate()
            .map(|(id, decl)| match &decl.body {
                TypeBody::Struct(s) => s
                    .fields
                    .iter()
                    .filter_map(|field| self.field(id, field))
                    .collect(),
                TypeBody::Enum(_) => Vec::new(),
            })
            .collect();
        let mut types: Vec<Option<Type>> = schema
            .types
            .iter()
            .zip(rust_names)
            .enumerate()
            .map(|(id, (decl, rust_name))| {
                let kind = match &decl.body {
                    TypeBody::Struct(s) => {
                        TypeKind::Struct(self.structure(id, decl, s, &own_fields)?)
                    }
                    TypeBody::Enum(e) => TypeKind::Enum(self.enumeration(decl, e)?),
                };
                Some(Type {
                    name: decl.name.value.clone(),
                    rust_name: rust_name?,
                    full_name: decl.full_name.clone(),
                    doc: decl.doc.clone(),
                    note: decl.note.clone(),
                    kind,
                })
            })
            .collect();
        self.cycles(&mut types);
        types
    }

    /// A struct that is its own base, directly or not, can never be laid out.
    fn base_cycles(&mut self) {
        let schema = self.schema;
        for (start, decl) in schema.types.iter().enumerate() {
            let mut seen = vec![start];
            let mut current = decl;
            while let TypeBody::Struct(StructDecl {
                base: Some(base), ..
            }) = &current.body
            {
                let Some(&next) = self.index.get(base.value.as_str()) else {
                    break;
                };
                if next == start {
                    self.diags.error_with_hint(
                        decl.name.pos,
                        format!(
                            "type `{}` inherits from itself through `base`",
                            decl.name.value
                        ),
                        "break the chain of `base:` references",
                    );
                    break;
                }
                if seen.contains(&next) {
                    break;
                }
                seen.push(next);
                current = &schema.types[next];
            }
        }
    }

    fn field(&mut self, owner: TypeId, decl: &FieldDecl) -> Option<Field> {
        let ty = self.field_type(&decl.ty);
        let explicit = decl.rust_name.as_ref();
        let rust_name = match names::rust_name(
            &decl.name.value,
            explicit.map(|n| n.value.as_str()),
            Case::Field,
        ) {
            Ok(name) => Some(name),
            Err(problem) => {
                self.diags.error_with_hint(
                    explicit.map_or(decl.name.pos, |n| n.pos),
                    problem.0,
                    "give the field a `rust_name`",
                );
                None
            }
        };
        let ty = ty?;
        self.field_rules(decl, &ty);
        let optional = !decl.required
            && decl
                .nullable
                .unwrap_or_else(|| self.nullable_by_default(&ty));
        Some(Field {
            wire_name: decl.name.value.clone(),
            rust_name: rust_name?,
            ty,
            optional,
            boxed: false,
            required: decl.required,
            min_len: decl.min_len.as_ref().map(|l| l.value),
            max_len: decl.max_len.as_ref().map(|l| l.value),
            min: decl.min.as_ref().map(|b| b.value),
            max: decl.max.as_ref().map(|b| b.value),
            pattern: decl.pattern.as_ref().map(|p| p.value.clone()),
            format: decl.format.as_ref().map(|f| f.value),
            encryption: decl.encryption,
            sensitive: decl.sensitive || decl.encryption.is_some(),
            doc: decl.doc.clone(),
            note: decl.note.clone(),
            declared_by: owner,
            inherited: 0,
            pos: decl.name.pos,
        })
    }

    /// Web API writes CLR value types (numbers, bools, Guids, dates, enums) even when unset; TOP omits anything.
    fn nullable_by_default(&self, ty: &FieldType) -> bool {
        match (self.protocol(), ty) {
            (Some(Protocol::Top) | None, _) => true,
            (Some(Protocol::WebApi), FieldType::Scalar(scalar)) => !scalar.is_clr_value_type(),
            (Some(Protocol::WebApi), FieldType::Named(id)) => {
                !matches!(self.schema.types[*id].body, TypeBody::Enum(_))
            }
            (Some(Protocol::WebApi), FieldType::List(_)) => true,
        }
    }

    fn field_type(&mut self, expr: &Spanned<TypeExpr>) -> Option<FieldType> {
        fn convert(checker: &mut Checker<'_>, expr: &TypeExpr, pos: Pos) -> Option<FieldType> {
            Some(match expr {
                TypeExpr::Scalar(scalar) => FieldType::Scalar(*scalar),
                TypeExpr::List(item) => FieldType::List(Box::new(convert(checker, item, pos)?)),
                TypeExpr::Named(name) => {
                    let name = Spanned {
                        value: name.clone(),
                        pos,
                    };
                    let id = checker.resolve(&name, "type", true, None)?;
                    if let TypeBody::Struct(StructDecl {
                        is_abstract: true, ..
                    }) = checker.schema.types[id].body
                    {
                        checker.diags.error_with_hint(
                            pos,
                            format!(
                                "type `{}` is abstract and cannot be a field's type",
                                name.value
                            ),
                            "abstract types exist only as a `base`",
                        );
                        return None;
                    }
                    FieldType::Named(id)
                }
            })
        }
        convert(self, &expr.value, expr.pos)
    }

    /// Keys that only make sense for some types.
    fn field_rules(&mut self, decl: &FieldDecl, ty: &FieldType) {
        let is_text = matches!(ty, FieldType::Scalar(Scalar::String | Scalar::Fen));
        let is_list = matches!(ty, FieldType::List(_));
        if decl.encryption.is_some() && !matches!(ty, FieldType::Scalar(Scalar::String)) {
            self.diags.error_with_hint(
                decl.ty.pos,
                format!("field `{}` is SM4-encrypted but is not a string", decl.name.value),
                "SM4 ciphertext travels as text: give the field `type: string` and note the plain text's form",
            );
        }
        for limit in [&decl.min_len, &decl.max_len].into_iter().flatten() {
            if !is_text && !is_list {
                self.diags.error_with_hint(
                    limit.pos,
                    format!(
                        "field `{}` has a length limit but is not a string or a list",
                        decl.name.value
                    ),
                    "remove the limit, or give the field a string type",
                );
            }
        }
        let number = match ty {
            FieldType::Scalar(scalar @ (Scalar::Int32 | Scalar::Int64)) => Some((*scalar, true)),
            FieldType::Scalar(scalar @ (Scalar::Double | Scalar::Decimal)) => {
                Some((*scalar, false))
            }
            _ => None,
        };
        for bound in [&decl.min, &decl.max].into_iter().flatten() {
            match number {
                None => self.diags.error_with_hint(
                    bound.pos,
                    format!(
                        "field `{}` has a numeric bound but is not a number",
                        decl.name.value
                    ),
                    "`min` and `max` bound int32, int64, double and decimal fields; a string's length is `min_len`/`max_len`",
                ),
                Some((scalar, true)) if matches!(bound.value, Bound::Float(_)) => {
                    self.diags.error(
                        bound.pos,
                        format!(
                            "field `{}` is {}, so its bounds must be whole numbers",
                            decl.name.value,
                            Scalar::ALL
                                .iter()
                                .find(|(_, s)| *s == scalar)
                                .map_or("", |(name, _)| name)
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        if let Some(pattern) = &decl.pattern
            && !is_text
        {
            self.diags.error(
                pattern.pos,
                format!(
                    "field `{}` has a `pattern` but is not a string",
                    decl.name.value
                ),
            );
        }
        if let Some(format) = &decl.format
            && *ty != FieldType::Scalar(Scalar::String)
        {
            self.diags.error_with_hint(
                format.pos,
                format!(
                    "field `{}` has a `format` but is not a `string`",
                    decl.name.value
                ),
                "`format` describes text; a typed scalar such as `date` already has one",
            );
        }
    }

    fn structure(
        &mut self,
        id: TypeId,
        decl: &TypeDecl,
        body: &StructDecl,
        own_fields: &[Vec<Field>],
    ) -> Option<Struct> {
        let mut fields = own_fields[id].clone();
        let mut base = body.base.as_ref();
        let mut visited = vec![id];
        let mut bases = Vec::new();
        let mut level = 0;
        while let Some(name) = base {
            level += 1;
            let base_id = self.resolve(name, "base type", false, Some(id))?;
            let TypeBody::Struct(base_body) = &self.schema.types[base_id].body else {
                self.diags.error(
                    name.pos,
                    format!("base type `{}` is an enum, not a struct", name.value),
                );
                return None;
            };
            if visited.contains(&base_id) {
                return None;
            }
            visited.push(base_id);
            bases.push(base_id);
            fields.extend(own_fields[base_id].iter().map(|field| Field {
                inherited: level,
                ..field.clone()
            }));
            base = base_body.base.as_ref();
        }
        self.field_collisions(id, decl, &fields);
        let data_contract = self.schema.provider.as_ref().is_some_and(|p| {
            let formats: Vec<Format> = p.formats.iter().map(|f| f.value).collect();
            p.protocol.value.uses_data_contract(&formats)
        });
        if data_contract && body.xml.namespace.is_none() {
            self.diags.error_with_hint(
                decl.name.pos,
                format!(
                    "struct `{}` has no XML namespace, and the provider speaks DataContract XML",
                    decl.name.value
                ),
                "DataContract XML puts every member in the namespace of the type that declares it: add `xml: { namespace: \"http://schemas.datacontract.org/2004/07/<CLR namespace>\" }`",
            );
        }
        let rules = self.rules(body, &bases, &fields);
        Some(Struct {
            rules,
            fields,
            bases,
            is_abstract: body.is_abstract,
            omit_nulls: self.protocol() == Some(Protocol::Top),
            xml_name: body
                .xml
                .name
                .clone()
                .unwrap_or_else(|| decl.name.value.clone()),
            xml_namespace: body.xml.namespace.clone(),
        })
    }

    /// Two fields may share neither a wire name nor a Rust name, inherited ones included.
    /// A field that repeats an inherited one is reported at the type's own field, not in the base.
    fn field_collisions(&mut self, owner: TypeId, decl: &TypeDecl, fields: &[Field]) {
        for (i, field) in fields.iter().enumerate() {
            for earlier in &fields[..i] {
                let at = if field.declared_by != owner && earlier.declared_by == owner {
                    earlier.pos
                } else {
                    field.pos
                };
                let inherited = if earlier.declared_by == field.declared_by {
                    ""
                } else {
                    " (one of them inherited from a base)"
                };
                if earlier.wire_name == field.wire_name {
                    self.diags.error_with_hint(
                        at,
                        format!(
                            "field `{}` is declared twice in `{}`{inherited}",
                            field.wire_name, decl.name.value
                        ),
                        "remove one of them",
                    );
                } else if earlier.rust_name.bare() == field.rust_name.bare() {
                    self.diags.error_with_hint(
                        at,
                        format!(
                            "fields `{}` and `{}` of `{}` both become the Rust field `{}`{inherited}",
                            earlier.wire_name,
                            field.wire_name,
                            decl.name.value,
                            field.rust_name.bare()
                        ),
                        "give one of them a `rust_name`",
                    );
                }
            }
        }
    }

    fn enumeration(&mut self, decl: &TypeDecl, body: &EnumDecl) -> Option<Enum> {
        let repr = body.repr.value;
        let mut values: Vec<EnumValue> = Vec::new();
        let mut ok = !body.values.value.is_empty();
        for value in &body.values.value {
            let literal_fits = match (&value.value.value, repr) {
                (EnumLiteral::Int(i), Repr::Int32) => i32::try_from(*i).is_ok(),
                (EnumLiteral::Int(_), Repr::Int64) => true,
                (EnumLiteral::Str(_), Repr::String) => true,
                _ => false,
            };
            if !literal_fits {
                let expected = match repr {
                    Repr::Int32 => "an integer that fits in 32 bits",
                    Repr::Int64 => "an integer",
                    Repr::String => "a string (quote it: value: \"0\")",
                };
                self.diags.error(
                    value.value.pos,
                    format!(
                        "enum `{}` has `repr: {}`, so this value must be {expected}",
                        decl.name.value,
                        repr.name()
                    ),
                );
                ok = false;
            }
            let source = match (&value.name, &value.value.value) {
                (Some(name), _) => name.value.clone(),
                (None, EnumLiteral::Str(text)) => text.clone(),
                (None, EnumLiteral::Int(i)) if *i < 0 => format!("Minus{}", i.unsigned_abs()),
                (None, EnumLiteral::Int(i)) => format!("Value{i}"),
            };
            let explicit = value.rust_name.as_ref();
            let pos = explicit
                .map(|n| n.pos)
                .or(value.name.as_ref().map(|n| n.pos))
                .unwrap_or(value.value.pos);
            let rust_name =
                match names::rust_name(&source, explicit.map(|n| n.value.as_str()), Case::Type) {
                    Ok(name) if name.bare() == "Other" => {
                        self.diags.error_with_hint(
                            pos,
                            "the variant `Other` is reserved for values the schema does not list",
                            "give this value another `rust_name`",
                        );
                        None
                    }
                    Ok(name) => Some(name),
                    Err(problem) => {
                        self.diags.error_with_hint(
                            pos,
                            problem.0,
                            "give the value a `name` or `rust_name`",
                        );
                        None
                    }
                };
            let Some(rust_name) = rust_name else {
                ok = false;
                continue;
            };
            if let Some(dup) = values.iter().find(|v| v.value == value.value.value) {
                let shown = match &value.value.value {
                    EnumLiteral::Int(i) => i.to_string(),
                    EnumLiteral::Str(text) => format!("{text:?}"),
                };
                self.diags.error(
                    value.value.pos,
                    format!(
                        "enum `{}` lists the value {shown} twice (first as `{}`)",
                        decl.name.value,
                        dup.rust_name.bare()
                    ),
                );
                ok = false;
            } else if let Some(name) = &value.name
                && values
                    .iter()
                    .any(|v| v.name.as_deref() == Some(name.value.as_str()))
            {
                self.diags.error(
                    name.pos,
                    format!(
                        "enum `{}` uses the member name `{}` twice",
                        decl.name.value, name.value
                    ),
                );
                ok = false;
            } else if values
                .iter()
                .any(|v| v.rust_name.bare() == rust_name.bare())
            {
                self.diags.error_with_hint(
                    pos,
                    format!(
                        "two values of enum `{}` both become the variant `{}`",
                        decl.name.value,
                        rust_name.bare()
                    ),
                    "give one of them a `rust_name`",
                );
                ok = false;
            }
            values.push(EnumValue {
                value: value.value.value.clone(),
                name: value.name.as_ref().map(|n| n.value.clone()),
                rust_name,
                doc: value.doc.clone(),
                note: value.note.clone(),
            });
        }
        ok.then_some(Enum {
            repr,
            open: body.open,
            values,
        })
    }

    fn operations(&mut self, types: &[Option<Type>]) -> Vec<Operation> {
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
            let request = self.message_type(&decl.request, "request type");
            let response = self.message_type(&decl.response, "response type");
            let error = decl
                .error
                .as_ref()
                .map(|error| self.message_type(error, "error type"));
            let (Some(rust_name), Some(request), Some(response), true) =
                (rust_name, request, response, endpoint_ok)
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

    fn examples(&mut self, types: &[Option<Type>]) -> Vec<Example> {
        let schema = self.schema;
        let provider = schema.provider.as_ref();
        let mut examples = Vec::new();
        for decl in &schema.examples {
            let id = self.resolve(&decl.ty, "example type", false, None);
            if let Some(id) = id
                && types[id]
                    .as_ref()
                    .is_some_and(|t| matches!(&t.kind, TypeKind::Struct(s) if s.is_abstract))
            {
                self.diags.error(
                    decl.ty.pos,
                    format!(
                        "example type `{}` is abstract; nothing is ever sent as it",
                        decl.ty.value
                    ),
                );
            }
            for (format, text) in &decl.samples {
                if let Some(provider) = provider
                    && !provider.formats.iter().any(|f| f.value == *format)
                {
                    self.diags.error_with_hint(
                        text.pos,
                        format!(
                            "this example is in {}, which provider `{}` does not speak",
                            format.name(),
                            provider.id.value
                        ),
                        "add the format to `provider.formats`, or remove the sample",
                    );
                }
                if *format == Format::Json
                    && let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(&text.value)
                {
                    self.diags.error_with_hint(
                        text.pos,
                        format!(
                            "the JSON sample is not valid JSON: {} (line {}, column {} of the sample)",
                            json_reason(&error),
                            error.line(),
                            error.column()
                        ),
                        "samples are kept verbatim; copy it again from the document",
                    );
                }
            }
            if let Some(ty) = id {
                examples.push(Example {
                    ty,
                    source: decl.source.clone(),
                    samples: decl
                        .samples
                        .iter()
                        .map(|(format, text)| (*format, text.value.clone()))
                        .collect(),
                    breaks: decl.breaks.iter().map(|code| code.value.clone()).collect(),
                });
            }
        }
        examples
    }
}

/// serde_json's message without its own " at line L column C" tail.
fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
