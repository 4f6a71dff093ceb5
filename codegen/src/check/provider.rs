//! The provider block: its id names the file and the Rust module.

use super::Checker;
use crate::names::{self, Case};

impl Checker<'_> {
    pub(super) fn provider_id(&mut self) {
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
        if names::CRATE_FILES.contains(&id.value.as_str()) {
            self.diags.error_with_hint(
                id.pos,
                format!(
                    "provider id `{}` is the name of the generated crate's own `src/{}.rs`",
                    id.value, id.value
                ),
                "give the provider another id, e.g. its vendor's name",
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
}
