//! A decoded `Schema` into the checked model: references resolved, names chosen and free of collisions, the
//! protocol's rules applied. Every problem is reported, located at the value that causes it.
//!
//! One `Checker` walks the schema; each kind it checks has its file: the `provider` block, `references` to
//! declared types, `types` and their `fields`, `enums`, cross-field `rules`, `operations`, their `uri` parameters and their `outcome`,
//! `examples` (and TOP's `error_response` samples), then `cycles` of types that hold each other and the `json_order` of members.

mod cycles;
mod enums;
mod error_response;
mod examples;
mod fields;
mod json_order;
mod operations;
mod outcome;
mod provider;
mod references;
mod rules;
mod types;
mod uri;

use std::collections::HashMap;

use json_order::apply_json_order;

use crate::diagnostic::Diagnostics;
use crate::load::schema::Schema;
use crate::model::{Protocol, Provider, Type, TypeId};

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
    let (examples, error_examples) = checker.examples(&types);
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
        error_examples,
    })
}

/// The schema being checked, the problems found so far, and the index of its type names.
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
}
