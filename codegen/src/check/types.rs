//! Types as a whole: their Rust names and collisions, `base` chains, and each struct's fields, XML namespace and
//! rules.

use std::collections::HashMap;

use codegen_wire::top::ERROR_RESPONSE;

use super::Checker;
use crate::load::schema::{StructDecl, TypeBody, TypeDecl};
use crate::model::*;
use crate::names::{self, Case, RESERVED_TYPE_NAMES, RustName};

impl Checker<'_> {
    /// A type's Rust name, or a reported problem.
    fn type_rust_name(&mut self, decl: &TypeDecl) -> Option<RustName> {
        if decl.name.value == ERROR_RESPONSE && self.protocol() == Some(Protocol::Top) {
            self.diags.error_with_hint(
                decl.name.pos,
                "`error_response` is the Taobao Open Platform's error envelope, which every `top` provider has \
                 built in; no type of the schema can take its name",
                "rename the type; the envelope's own samples are examples of `type: error_response`",
            );
            return None;
        }
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

    pub(super) fn types(&mut self) -> Vec<Option<Type>> {
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
}
