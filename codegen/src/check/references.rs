//! References to declared types: the index of names, and resolving a name to a type with a suggestion when it
//! is misspelt.

use super::Checker;
use crate::diagnostic::suggest;
use crate::load::schema::Spanned;
use crate::model::*;

impl Checker<'_> {
    pub(super) fn index_types(&mut self) {
        for (i, decl) in self.schema.types.iter().enumerate() {
            self.index.insert(decl.name.value.as_str(), i);
        }
    }

    /// Resolves a reference to a declared type. `scalars` says whether a scalar could stand here too (a field's
    /// type), which decides what a typo is compared with; `owner` is never suggested as its own reference.
    pub(super) fn resolve(
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
}
