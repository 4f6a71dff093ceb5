//! Schema files into checked providers: the load and check stages run together, so one run reports the problems
//! of every schema at once, each file's decoding and checking problems side by side.

use std::path::Path;

use rayon::prelude::*;

use crate::check;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::load::{self, schema::Schema};
use crate::model::Provider;

/// Loads and checks every `*.yaml` schema of a folder (or one file), reporting the problems of all of them together.
pub fn load(schemas: &Path) -> Result<Vec<Provider>, Error> {
    load_all(&load::schema_paths(schemas)?, |path| load_file(path))
}

/// Loads and checks one schema file; every problem in it is reported. An oversized file is refused by its size,
/// before it is read.
pub fn load_file(path: &Path) -> Result<Provider, Error> {
    let bytes = load::read_schema(path)?;
    load_bytes(path, &bytes).map_err(Error::Schemas)
}

/// Loads and checks a schema from its bytes; `path` names it in diagnostics and gives the provider id.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Provider, Vec<Diagnostic>> {
    load_schema(path, bytes).map(|(_, provider)| provider)
}

/// Loads and checks a schema from its bytes, keeping the decoded schema, where every name has its position, beside
/// the checked model: `codegen diff` compares the model and points at the schema.
pub fn load_schema(path: &Path, bytes: &[u8]) -> Result<(Schema, Provider), Vec<Diagnostic>> {
    let mut diags = Diagnostics::new(path);
    let loaded = load::decode_bytes(path, bytes, &mut diags).and_then(|schema| {
        let provider = check::check(&schema, &mut diags)?;
        Some((schema, provider))
    });
    match loaded {
        Some(loaded) if diags.is_empty() => Ok(loaded),
        _ => Err(diags.into_sorted()),
    }
}

/// Loads independent schemas in parallel and takes the results in the given order; the schema problems of all of
/// them are reported together, any other error stops the run.
pub fn load_all<I: Sync, T: Send>(
    items: &[I],
    load: impl Fn(&I) -> Result<T, Error> + Sync + Send,
) -> Result<Vec<T>, Error> {
    let loaded: Vec<Result<T, Error>> = items.par_iter().map(load).collect();
    let mut providers = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for result in loaded {
        match result {
            Ok(provider) => providers.push(provider),
            Err(Error::Schemas(found)) => problems.extend(found),
            Err(other) => return Err(other),
        }
    }
    if problems.is_empty() {
        Ok(providers)
    } else {
        Err(Error::Schemas(problems))
    }
}
